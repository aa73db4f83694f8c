"""Untranslated source-language text: whole sentences, and stray source words inside target sentences."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from tqcheck.text import language
from tqcheck.data import langdata
from tqcheck.speed import warmstart
from tqcheck.finding import Severity
from tqcheck.rules.base import Detector
from tqcheck.speed.candidates import AfterLookBehind
from tqcheck.speed.wordlist import WordList

LANG_NAMES = {"es": "Spanish", "fr": "French", "pt": "Portuguese"}
# A word, with letters lost to a bad decoding (U+FFFD) kept inside it.
_TOKEN = warmstart.regex(r"(?:[^\W\d_]|\ufffd)+(?:['’](?:[^\W\d_]|\ufffd)+)*")
# The cheap gate: bare letter runs of a lowercased sentence, compared with the vocabularies as sets.
_LETTERS = warmstart.regex(r"[^\W\d_]+")
_ELISION = warmstart.regex(r"^(?:c|d|j|l|m|n|qu|s|t|jusqu|lorsqu|puisqu)'(.+)$")
# Characters next to a word that make it part of something else: a compound, an address, a handle,
# a code, or a term set in italics (a deliberate foreign word).
_ATTACHED = set("-‐/\\@#_=+&*<>|~^")
_OPENERS = set("“\"‘'«(‹[")
_CLOSERS = set("”\"’'»)›]")
# A short quotation: a foreign phrase quoted on purpose ("they call it “la sequía grande”").
_SHORT_QUOTE = warmstart.regex(r"[“«‘\"]([^“”«»‘’\"\n]{1,80})[”»’\"]")
# The second word of a Latin binomial (Geospiza fortes, G. fortes) can look Spanish or French.
_LATIN_ENDING = warmstart.regex(r"(?:a|ae|ata|ella|ensis|es|i|ii|ina|is|oides|um|us)$")
_GLOSS_AFTER = warmstart.regex(r"\s*(?:\(|,\s+or\s)")
# The rest of a foreign title or name, then an apposition that names it as such ("Un beau soleil intérieur, the
# film's French title, …", "Cien años de soledad, its original Spanish title"): kept on purpose.
_NAMED_FOREIGN_AFTER = warmstart.regex(
    r"[^,.;:!?()\n]{0,60}?,\s+(?:the|its|their|his|her)\s+(?:[\w-]+[’']s\s+)?(?:original\s+)?"
    r"(?:French|Spanish|Portuguese|Catalan|Galician|Italian|Latin|original|own|local)\s+(?:title|name|word|term)s?\b")
# Up to six more words of a name, then its acronym in brackets: "… du Logement (TAL)".
_ACRONYM_AFTER = warmstart.regex(r"((?: [^\W\d_][\w’'-]*){0,6}) \(([A-ZÀ-Þ]{2,8})\)")
_NAME_BREAK = warmstart.regex(r"[.,;:!?()\[\]“”\"«»\n]")
MIN_SEGMENT_WORDS = 5  # below this, language identification is a guess
MIN_SEGMENT_EVIDENCE = 3  # lowercase source words a sentence needs before it is identified
MIN_SEGMENT_SHARE = 0.4  # ... and that share of all its words


@dataclass(frozen=True)
class Vocabulary:
    """What tells words of one source language apart from English."""

    lang: str
    words: WordList  # frequent in the source language, (nearly) absent from English
    forms: WordList  # a word with its accents or accented letters lost → the word
    english_accented: WordList  # lowercase words English writes with these accents ("café", "née")
    loans: frozenset[str]  # source words English uses as they are
    joiners: frozenset[str]  # the language's function words: they link source words into a run
    name_joiners: tuple[str, ...] = ()  # its "and" between two names, exactly as written ("y", "Y")
    name_prepositions: tuple[str, ...] = ()  # its prepositions inside names ("de", "do")
    region_codes: tuple[str, ...] = ()  # its regions' abbreviations written after a town ("(SP)")
    name_articles: tuple[str, ...] = ()  # its articles that English lacks, as written before a name ("O", "Los")
    letters: frozenset[str] = frozenset()  # the accented letters of its spelling ("ñ", "ã", "è")
    institution_heads: tuple[str, ...] = ()  # nouns opening a public body's name English translates ("Ministerio")
    loan_phrases: tuple[str, ...] = ()  # set phrases English uses whole ("déjà vu"): their words are English there
    party_heads: frozenset[str] = frozenset()  # nouns opening a party's or movement's name kept as it is ("Parti")
    kept_body_heads: frozenset[str] = frozenset()  # nouns, spelt as in English, opening a body's name kept ("Office")
    place_heads: frozenset[str] = frozenset()  # nouns for a street or a feature of the land before a place's name ("île")

    def lookup(self, key: str) -> str | None:
        """The source word `key` stands for, or None when it is not (or is an established loan)."""
        word = key if key in self.words else self.forms.get(key)
        if word is None or word in self.loans or key in self.loans:
            return None  # a loan, or an English word that is the source word with its accents lost ("parabens")
        return word


def _read_source_words(lang: str) -> tuple[dict, dict, dict] | None:
    """`source_words.txt`: the words, a blank line, "form<TAB>word" lines, a blank line, accented English words."""
    listing = resources.files("tqcheck.data").joinpath(f"{lang}-en", "source_words.txt")
    if not listing.is_file():
        return None
    text = listing.read_text(encoding="utf-8")
    i = 0
    while text.startswith("#", i):  # skip the header comment
        i = text.index("\n", i) + 1
    words, _, rest = text[i:].partition("\n\n")
    forms, _, accented = rest.partition("\n\n")
    pairs = forms.split()  # split in one pass
    return (WordList.build(words.split()).buckets, WordList.build(pairs[0::2], pairs[1::2]).buckets,
            WordList.build(accented.split()).buckets)


@lru_cache(maxsize=None)
def vocabulary(lang: str) -> Vocabulary | None:
    listing = warmstart.data(f"source_words:{lang}", lambda: _read_source_words(lang))
    if listing is None:
        return None
    words, forms, accented = (WordList(buckets) for buckets in listing)
    table = langdata.load(f"{lang}-en", "untranslated.toml")
    return Vocabulary(
        lang=lang,
        words=words,
        forms=forms,
        english_accented=accented,
        loans=frozenset(table.get("loan_words", ())),
        joiners=language.function_words().get(lang, frozenset()),
        name_joiners=tuple(table.get("name_joiners", ())),
        name_prepositions=tuple(table.get("name_prepositions", ())),
        region_codes=tuple(table.get("region_codes", ())),
        name_articles=tuple(table.get("name_articles", ())),
        letters=frozenset(table.get("accented_letters", "")),
        institution_heads=tuple(table.get("institution_heads", ())),
        loan_phrases=tuple(table.get("loan_phrases", ())),
        party_heads=frozenset(table.get("party_heads", ())),
        kept_body_heads=frozenset(table.get("kept_body_heads", ())),
        place_heads=frozenset(table.get("place_heads", ())),
    )


@lru_cache(maxsize=None)
def _mention_cues(target: str) -> frozenset[str]:
    return frozenset(langdata.load("lang", "mention_cues.toml").get(f"{target}_words", ()))


@dataclass(frozen=True)
class _Index:
    """The vocabularies of the assumed source languages, with the cheap gate over all of them."""

    vocabularies: tuple[Vocabulary, ...]
    joiners: frozenset[str]  # source function words that are not English function words

    def in_loan_phrase(self, view: str, seg, start: int, end: int) -> bool:
        """Whether view[start:end] lies inside a set phrase English borrowed whole ("coup de grâce")."""
        pattern = _loan_phrases(tuple(p for v in self.vocabularies for p in v.loan_phrases))
        return pattern is not None and any(m.start() <= start and end <= m.end()
                                           for m in pattern.finditer(view, seg.start, seg.end))

    def gate(self, text: str) -> tuple[set[str], set[str]]:
        """The source words and source function words in `text`, found with set operations only."""
        keys = set(_LETTERS.findall(text.lower().replace("\ufffd", "")))
        words = set()
        for vocab in self.vocabularies:
            words |= vocab.words.among(keys)
            words |= vocab.forms.among(keys)
        words.update(k for k in keys if not k.isascii() and _accented(self.vocabularies, k))
        return words, keys & self.joiners


@lru_cache(maxsize=None)
def _loan_phrases(phrases: tuple[str, ...]) -> re.Pattern | None:
    """One pattern for the borrowed set phrases, matched whatever the case, with either apostrophe and with
    or without their accents ("deja vu"), since English writers often drop them."""
    if not phrases:
        return None

    def letter(ch: str) -> str:
        if ch in "'’":
            return "['’]"
        if ch == " ":
            return r"\s+"
        plain = unicodedata.normalize("NFD", ch)[0]
        return f"[{ch}{plain}]" if plain != ch else re.escape(ch)

    alternatives = sorted(("".join(letter(ch) for ch in phrase) for phrase in phrases), key=len, reverse=True)
    return warmstart.regex(r"(?<![\w’'])(?:%s)(?![\w’'])" % "|".join(alternatives), re.IGNORECASE)


@lru_cache(maxsize=None)
def _index(langs: tuple[str, ...]) -> _Index | None:
    vocabularies = tuple(v for v in (vocabulary(lang) for lang in langs) if v is not None)
    if not vocabularies:
        return None
    english = language.function_words().get("en", frozenset())
    joiners = frozenset().union(*(v.joiners for v in vocabularies)) - english
    return _Index(vocabularies, joiners)


def _index_for(ctx) -> _Index | None:
    return _index(tuple(ctx.source_langs)) if ctx.target_base == "en" else None


def _key(token: str) -> str:
    key = token.lower().replace("’", "'").replace("\ufffd", "")
    if key.endswith("'s"):
        key = key[:-2]
    return key


def _lookup(vocabularies, key: str) -> dict[str, str]:
    """{lang: source word} for every source language `key` is a word of; French elisions are undone."""
    found = {}
    m = _ELISION.match(key)
    for vocab in vocabularies:
        word = vocab.lookup(key) or (vocab.lookup(m.group(1)) if m else None)
        if word is not None:
            found[vocab.lang] = word
    return found


# A lowercase word this long, written with a source language's accents and not one English writes
# that way, is a source word however rare: English spells its own words without them.
MIN_ACCENTED_LENGTH = 4


def _english_without_accents(key: str) -> bool:
    """The word without its accents is an English word ("général" → "general"): a translation engine gives
    the English spelling, so only a writer who chose the accents writes it so."""
    from tqcheck.text import tagging  # lazy: the lexicon is read only when an accented word turns up

    plain = "".join(ch for ch in unicodedata.normalize("NFD", key) if not unicodedata.combining(ch))
    return plain != key and plain.isascii() and bool(tagging.lookup(plain))


def _accented(vocabularies, key: str) -> dict[str, str]:
    """{lang: key} for the source languages whose accents spell `key`, unless English writes it so ("café")."""
    if len(key) < MIN_ACCENTED_LENGTH or _ELISION.match(key):
        return {}  # an elision ("coup d'état") is French that English keeps, or a frequent word the lists know
    letters = {ch for ch in key if not ch.isascii()}
    if not letters or any(key in v.english_accented or key in v.loans for v in vocabularies):
        return {}
    return {v.lang: key for v in vocabularies if letters <= v.letters}


def _gated(ctx, index: _Index) -> dict[int, tuple[tuple[str, ...], tuple[str, ...]]]:
    """{segment index: (source words, source function words)} for the segments holding any; once per file."""
    cached = ctx.cache.get("untranslated.gate")
    if cached is None:
        view = ctx.doc.view
        cached = {}
        for seg in ctx.segments:
            words, joiners = index.gate(view[seg.start:seg.end])
            if words or joiners:
                cached[seg.index] = (tuple(words), tuple(joiners))  # tuples: a fifth of a set's memory
        ctx.cache["untranslated.gate"] = cached
    return cached


def foreign_segments(ctx) -> dict[int, str]:
    """Segments written wholly in a source language: {segment index: language}; computed once per file."""
    cached = ctx.cache.get("untranslated.segments")
    if cached is not None:
        return cached
    found: dict[int, str] = {}
    index = _index_for(ctx)
    if index:
        view = ctx.doc.view
        for i, (words, joiners) in _gated(ctx, index).items():
            if len(words) + len(joiners) < MIN_SEGMENT_EVIDENCE:
                continue  # an ordinary English sentence stops here
            seg = ctx.segments[i]
            lang = _segment_language(view[seg.start:seg.end], index, ctx.source_langs)
            if lang:
                found[i] = lang
    ctx.cache["untranslated.segments"] = found
    return found


# A sentence holding this many words or spelling marks of a language of data/lang/quoted_languages.toml is in
# that language; one beside such a sentence needs a single one ("Gabhaim buíochas leis an gCeann Comhairle.").
MIN_QUOTED_EVIDENCE = 2


@lru_cache(maxsize=None)
def _quoted_languages() -> re.Pattern | None:
    """One pattern for the own words and initial mutations of every language English news quotes whole
    sentences of without translating them (Irish in Dáil records and Irish Government statements)."""
    parts = []
    for entry in langdata.load("lang", "quoted_languages.toml").values():
        words = sorted(entry.get("words", ()), key=len, reverse=True)
        if words:
            parts.append(r"\b(?:%s)\b" % "|".join(map(re.escape, words)))
        prefixes = entry.get("mutations", ())
        eclipses = [p for p in prefixes if len(p) > 1]
        singles = "".join(p for p in prefixes if len(p) == 1)
        if eclipses:  # "gCeann", "bhFianna": the eclipsing letters, then the name's own capital
            parts.append(r"\b(?:%s)[a-záéíóú]" % "|".join(eclipses))
        if singles:  # a prefix before a vowel: "na hÉireann", "an tÚdarás", "ár n-oidhreacht"
            parts.append(r"\b[%s](?:[AEIOUÁÉÍÓÚ]|-[aeiouáéíóú])\w" % singles)
    return warmstart.regex("|".join(parts)) if parts else None


def quoted_language_segments(ctx) -> frozenset[int]:
    """Indexes of the segments written in a language English news quotes whole (data/lang/quoted_languages.toml):
    the writer's choice, which the detectors of stray source words and of word order leave alone."""
    cached = ctx.cache.get("untranslated.quoted")
    if cached is not None:
        return cached
    pattern = _quoted_languages()
    evidence: dict[int, int] = {}
    if pattern is not None:
        for m in pattern.finditer(ctx.doc.view):
            seg = ctx.segment_at(m.start())
            if seg is not None:
                evidence[seg.index] = evidence.get(seg.index, 0) + 1
    strong = {i for i, n in evidence.items() if n >= MIN_QUOTED_EVIDENCE}
    found = frozenset(strong | {i for i in evidence if i - 1 in strong or i + 1 in strong})
    ctx.cache["untranslated.quoted"] = found
    return found


def _segment_language(text: str, index: _Index, source_langs) -> str | None:
    tokens = _TOKEN.findall(text)
    if len(tokens) < MIN_SEGMENT_WORDS:
        return None
    # Lowercase words only: names and titles of works ("Universidad Nacional Autónoma") prove nothing.
    evidence = 0
    for token in tokens:
        if token[0].islower():
            key = _key(token)
            if key in index.joiners or _lookup(index.vocabularies, key):
                evidence += 1
    if evidence < MIN_SEGMENT_EVIDENCE or evidence < MIN_SEGMENT_SHARE * len(tokens):
        return None
    lang = language.detect(text, language.SUPPORTED)
    return lang if lang in source_langs and lang != "en" else None


@dataclass
class _Token:
    """A word of a sentence, with the source languages it is a word of."""

    start: int
    end: int
    text: str
    key: str
    langs: dict[str, str]  # source languages it is a word of → that word
    joins: bool  # a source function word that may link source words


class _UntranslatedFamily:
    """What both detectors declare (a mixin, so the registry does not take it for a detector)."""

    severity = Severity.WARNING
    family = "untranslated"
    targets = ("en",)
    sources = ("es", "fr", "pt")


class UntranslatedSegment(_UntranslatedFamily, Detector):
    """What it does:
    Flags a sentence of five words or more written wholly in the source language, identified by
    the function words it uses (and by a language profile when those are too few to decide).

    Why it matters:
    A translation engine passes through a sentence it fails on, and scrapers mix original and
    translated paragraphs; the reader of an English page cannot read it.

    Example:
    El gobierno regional anunció ayer que las obras comenzarán la próxima semana.

    Use instead:
    The regional government announced yesterday that the works will begin next week.
    """

    code = "U101"
    name = "untranslated-segment"

    def check(self, ctx):
        for index, lang in sorted(foreign_segments(ctx).items()):
            seg = ctx.segments[index]
            yield self.finding(
                seg.start,
                seg.end,
                f"this sentence is in {LANG_NAMES.get(lang, lang)}, not English",
                suggestion="translate the sentence, or remove it if it was left over from the original",
                source_lang=lang,
            )


class UntranslatedWords(_UntranslatedFamily, Detector):
    """What it does:
    Flags source-language words left inside an English sentence: lowercase words that are
    frequent in Spanish, French or Portuguese and (nearly) absent from English, including forms
    whose accented letters a scraper dropped (`inflacin`), and rarer words spelt with the source
    language's accents that English does not write so (`descontaminación`, but not `café`, nor an English
    word given accents on purpose, `the petit général`, unless a source function word stands beside it). Names,
    established loanwords, words in quotation marks, italics or parentheses, words introduced as terms
    (`so-called`), a foreign title an apposition names as such (`Un beau soleil intérieur, the film's
    French title`), a lowercase word of a foreign name (`Parti québécois`, `Action démocratique
    Québec`, `Il etait une Fois Kebec`, `Office québécois de la langue française`), a noun for a street or a feature of the land
    before a capitalised name, which opens that place's own name (`the île Saint-Louis`, `the praça da
    Sé`), and a word the file stops in
    are left alone; a capitalised word opening a sentence counts only with more evidence: a source
    function word English lacks, before lowercase English (`Según the minister…`).
    Also flags the traces a source language leaves in names: its "and" between two names
    (`Marcos Acuña Y Julián Ortega`), a name half translated (`Biblioteca Nacional de Spain`), a
    region's abbreviation after a town (`Campinas (SP)`), a public body English always translates
    named in the source language (`Ministerio de Salud`, `Assemblée nationale`; parties, universities
    and banks keep theirs), and the source language's article left before an English name (`O
    Foundation for Press Freedom`, `Los Company`): the word after it must be a common English word that
    Spanish, French and Portuguese text hardly uses, so names the languages share (`Le Pen`, `Las
    Vegas`, `Del Monte`) stay quiet, as do an article inside a longer name (`Marine Le Pen`) and a call
    (`O Lord,`). A foreign name the writer gives with its own acronym, whose letters are the initials
    of the name's words (`the Tribunal administratif du logement (TAL)`), is kept on purpose and stays quiet,
    as does a sentence quoted whole in Irish (a Dáil speech, a bilingual Government statement), whose accents
    Portuguese shares.

    Why it matters:
    A translation engine copies the words it does not know; the English reader meets a word they
    cannot understand, and an editor can tell the text was never read after translation.

    Example:
    The ayuntamiento approved the new budget on Tuesday.

    Use instead:
    The town council approved the new budget on Tuesday.
    """

    code = "U102"
    name = "untranslated-words"

    def check(self, ctx):
        index = _index_for(ctx)
        if not index:
            return
        skip = foreign_segments(ctx).keys() | quoted_language_segments(ctx)
        cues = _mention_cues(ctx.target_base)
        view = ctx.doc.view
        for number, (words, _) in _gated(ctx, index).items():
            if number in skip or not words:
                continue
            seg = ctx.segments[number]
            tokens = [
                _token(m, index.vocabularies, sentence_start=i == 0)
                for i, m in enumerate(_TOKEN.finditer(view, seg.start, seg.end))
            ]
            for run in _runs(tokens, view):
                finding = self._judge(run, tokens, view, seg, cues, _by_evidence(ctx, index), index, ctx)
                if finding:
                    yield finding
        yield from self._name_traces(ctx, index)

    def _name_traces(self, ctx, index: _Index):
        """The source language's "and" between two names, a name half translated, a region's abbreviation."""
        view = ctx.doc.view
        foreign = foreign_segments(ctx)
        for trace in name_traces(view, index):
            seg = ctx.segment_at(trace.start)
            if seg is not None and seg.index in foreign:
                continue  # the whole sentence is reported as untranslated (U101)
            yield self.finding(trace.start, trace.end, trace.message, suggestion=trace.suggestion,
                               source_lang=trace.lang)

    def _judge(self, run: list[int], tokens: list[_Token], view: str, seg, cues, source_langs, index, ctx):
        first, last = tokens[run[0]], tokens[run[-1]]
        words = [tokens[i] for i in run if tokens[i].langs]
        at_start = run[0] == 0 and not view[seg.start:first.start].strip()
        if first.text[0].isupper():
            # A capital is a name or a title unless it opens the sentence; there it needs more
            # evidence: another source word, a label colon ("Fuente:"), or nothing else in the sentence.
            if not at_start:
                return None
            label = view[last.end:last.end + 1] == ":"
            alone = not view[last.end:seg.end].strip(" .:!?…")
            if len(words) < 2 and not label and not alone and not _opens_with_connective(first, last, view, seg, index):
                return None
            if first is last and _named_mid_sentence(ctx, first):
                return None  # "Alinea" heading a review of the restaurant the text calls "Alinea" mid-sentence
        before = view[first.start - 1] if first.start > seg.start else ""
        after = view[last.end] if last.end < seg.end else ""
        if before in _ATTACHED or after in _ATTACHED or before.isalnum() or after.isalnum():
            return None
        if after in ".'’" and view[last.end + 1:last.end + 2].isalnum():
            return None  # a domain name or a contraction
        if before in _OPENERS and after in _CLOSERS:
            return None  # quoted or glossed on purpose
        if _quoted_foreign_sentence(run, tokens, view, index):
            return None  # “… this time. Hasta la muerte,” he captioned: a motto quoted in its own language
        if not after and not view[last.end:].strip():
            return None  # the file stops in the middle of this word: a cut text, not a foreign one
        if run[0] > 0 and _names_it(tokens[run[0] - 1], first, view, index):
            return None
        if run[0] > 1 and tokens[run[0] - 1].joins and view[tokens[run[0] - 1].end:first.start] == " " \
                and _names_it(tokens[run[0] - 2], tokens[run[0] - 1], view, index):
            return None  # "the Caisse de dépôt": a foreign name's own lowercase word, past its "de"
        if 0 < run[0] and run[-1] + 1 < len(tokens):
            k = run[-1] + 1  # past up to two of the source's function words: "Il etait une Fois Kebec", a tour company
            while k + 1 < len(tokens) and k - run[-1] <= 2 and tokens[k].joins \
                    and view[tokens[k - 1].end:tokens[k].start] == " ":  # a joiner is a lower-case word
                k += 1
            if _inside_a_name(tokens[run[0] - 1], first, tokens[k - 1] if k > run[-1] + 1 else last, tokens[k], view):
                return None
        if _between_name_prepositions(run, tokens, view, index):
            return None  # "the Bureau du cinéma et de la télévision du Québec": a body's own name, kept whole
        if len(words) == 1 and words[0] is last and _names_a_place(tokens, run[-1], view, index):
            return None  # "the île Saint-Louis", "the lac Saint-Jean": a place's own name, which English keeps
        if any(m.start() < first.start and last.end < m.end() for m in _SHORT_QUOTE.finditer(view, seg.start, seg.end)):
            return None
        if index.in_loan_phrase(view, seg, first.start, last.end):
            return None  # "déjà vu", "coup de grâce": French that English has made its own
        if _after_mention_cue(run[0], tokens, cues):
            return None
        if len(run) == 1 and run[0] > 1 and _after_genus(tokens[run[0] - 1], first, view):
            return None
        if _GLOSS_AFTER.match(view, last.end, seg.end) or _glossed_before(view, seg, first, last) \
                or _NAMED_FOREIGN_AFTER.match(view, last.end, seg.end):
            return None
        if introduced_with_acronym(view, first.start, last.end):
            return None  # "de locataires du Québec (RCLALQ)": a name the writer keeps on purpose
        if len(run) == 1 and _english_without_accents(first.key) and not _beside_a_joiner(run[0], tokens, view):
            return None  # "the petit général", "a rôle": an English word given its French accents on purpose
        lang = _language_of(words, source_langs)
        name = LANG_NAMES.get(lang, lang)
        excerpt = view[first.start:last.end]
        restored = words[0].langs.get(lang, "")
        if len(words) == 1 and not words[0].key.endswith(restored):  # not the word itself nor "l'" + word
            message = f"“{excerpt}” looks like {name} “{restored}” left untranslated, its accents lost"
        elif len(words) == 1:
            message = f"“{excerpt}” looks like a {name} word left untranslated"
        else:
            message = f"“{excerpt}” looks like {name} left untranslated"
        return self.finding(
            first.start,
            last.end,
            message,
            suggestion="translate it; if the foreign term is meant, set it in italics or quotation marks",
            source_lang=lang,
        )


# Between a mention cue and the word it introduces: "known as the mañanera", "called la mañanera".
_CUE_TO_TERM = frozenset({"as", "the", "a", "an"})


def _after_mention_cue(i: int, tokens: list[_Token], cues: frozenset[str]) -> bool:
    """Whether the word at tokens[i] is introduced as a term: right after "so-called", "called", "dubbed", or
    after "known as" with an article, English or the source's, in between ("known as la mañanera")."""
    for previous in reversed(tokens[max(0, i - 3):i]):
        if previous.key in cues:
            return True
        if not (previous.key in _CUE_TO_TERM or previous.joins):
            return False
    return False


_SENTENCE_OPENED = warmstart.regex(r"(?:[.!?…]\s+|[“\"«‘])$")
_QUOTE_CLOSED = warmstart.regex(r"[,.!?…]?[”\"»’]")


def _quoted_foreign_sentence(run: list[int], tokens: list[_Token], view: str, index) -> bool:
    """The run and the source's function words before it make a whole sentence in the source language, opened
    by a capitalised source word, that ends at a closing quotation mark (“Let the caption speak for itself.
    Hasta la muerte,” he wrote): a motto, a toast or a caption quoted as its author wrote it. A translation
    leaves words among English ones, not a sentence of its own inside a quotation."""
    i = run[0] - 1
    while i >= 0 and tokens[i].joins and _spaces_only(view, tokens[i].end, tokens[i + 1].start):
        i -= 1
    if i < 0 or i == run[0] - 1 or not _spaces_only(view, tokens[i].end, tokens[i + 1].start):
        return False
    opener, last = tokens[i], tokens[run[-1]]
    if not (opener.text[0].isupper() and opener.text[1:].islower()) \
            or not (_lookup(index.vocabularies, opener.key) or opener.key in index.joiners
                    or opener.key not in langdata.common_words("en")):  # "Hasta", a preposition the list lacks
        return False
    return bool(_SENTENCE_OPENED.search(view, max(0, opener.start - 3), opener.start)
                and _QUOTE_CLOSED.match(view, last.end))


def _named_mid_sentence(ctx, word: _Token) -> bool:
    """Whether the text writes this capitalised word elsewhere inside a sentence, capitalised ("I don't get
    Alinea"): it is a name there, so a line or a sentence opening with it names the same thing (a restaurant's
    name heading its review), not a word the engine left. A source word the engine left at a sentence's start
    ("Fuente: EFE") is not written capitalised inside the text's sentences."""
    return any(at != word.start for at in _words_inside_sentences(ctx).get(word.text, ()))


def _words_inside_sentences(ctx) -> dict[str, list[int]]:
    """Each word the text writes inside a sentence (after a space, not after a stop), with its first two places:
    one pass over the document, built when first asked and kept, so asking of every sentence-opening word costs a
    lookup, not a search of the whole text (which made a file of many `Fuente:` lines quadratic). A word ends
    where no letter, digit, hyphen or apostrophe follows it, so a token cut by U+FFFD yields its prefix too."""
    found = ctx.cache.get("untranslated.inside_sentences")
    if found is not None:
        return found
    view, found = ctx.doc.view, {}
    for m in _TOKEN.finditer(view):
        at = m.start()
        before = view[max(0, at - 3):at]
        if before[-1:] != " " or not before.strip() or before.rstrip()[-1:] in _SENTENCE_STOPS:
            continue
        run = m.group()
        for end in [at + k for k in range(1, len(run)) if run[k] == "\ufffd"] + [m.end()]:
            if end < len(view) and (view[end].isalnum() or view[end] in "-'’"):
                continue
            places = found.setdefault(view[at:end], [])
            if len(places) < 2:
                places.append(at)
    ctx.cache["untranslated.inside_sentences"] = found
    return found


# What ends a sentence or opens one: a capital after these may be a sentence's first word.
_SENTENCE_STOPS = frozenset(".!?:;…\"“”‘’'«»()[]-–—•*#|/")


def _beside_a_joiner(i: int, tokens: list[_Token], view: str) -> bool:
    """A source function word next to the word ("grâce à", "la général") makes it the source's phrase."""
    before = tokens[i - 1] if i > 0 else None
    after = tokens[i + 1] if i + 1 < len(tokens) else None
    return bool((before and before.joins and _spaces_only(view, before.end, tokens[i].start))
                or (after and after.joins and _spaces_only(view, tokens[i].end, after.start)))


def _opens_with_connective(first: _Token, last: _Token, view: str, seg, index: _Index) -> bool:
    """A source function word English lacks, opening an English sentence before lowercase English
    ("Según the minister…"), is a word the engine left. A capitalised content word set off by a comma
    is not enough: place names open sentences that way in native English ("Brasília, the capital, …").
    Not inside a quotation: a native writer quotes "Gracias, amigos"."""
    if first is not last:
        return False
    if first.start > seg.start and view[seg.start:first.start].strip():
        return False  # an opening quote or bracket before it
    after = view[last.end:last.end + 1]
    rest = view[last.end + 1:seg.end].lstrip()
    if not rest or not rest[0].islower():
        return False
    return after == " " and first.key in index.joiners


def introduced_with_acronym(view: str, start: int, end: int) -> bool:
    """The words start..end lie inside a name followed by its own acronym, whose letters are the initials of the
    name's words in order ("Tribunal administratif du Logement (TAL)", "Regroupement des comités … du Québec
    (RCLALQ)"): a writer who gives the acronym keeps the body's own name on purpose, as native English does
    with Quebec's and other bodies' French or Spanish names."""
    m = _ACRONYM_AFTER.match(view, end)
    if m is None:
        return False
    name_end = m.end(1)
    lead = view[max(0, start - 160):name_end]
    breaks = list(_NAME_BREAK.finditer(lead))
    offset = max(0, start - 160) + (breaks[-1].end() if breaks else 0)
    words = [(w.start(), w.group(0)) for w in _LETTERS.finditer(view, offset, name_end)]
    acronym = m.group(2)
    j = len(acronym) - 1
    for at, word in reversed(words):
        if word[0].upper() == acronym[j]:
            j -= 1
            if j < 0:
                return at <= start and word[0].isupper()
    return False


def _names_it(previous: _Token, word: _Token, view: str, index: _Index) -> bool:
    """A lowercase word right after a foreign capitalised word, or after the noun that opens a party's name, is
    part of a name: "Parti québécois", "Parti socialiste"."""
    if view[previous.end:word.start] != " " or not previous.text[0].isupper():
        return False
    key = previous.key
    if key in index.joiners or key in language.function_words()["en"]:
        return False  # "El ayuntamiento", "The ayuntamiento": an article, not a name
    if any(previous.text in v.party_heads or previous.text in v.kept_body_heads for v in index.vocabularies):
        return True  # "Parti socialiste", "Office québécois…": a party's or body's own name, which English news keeps
    return not previous.text.isascii() or bool(_lookup(index.vocabularies, key))


def _glossed_before(view: str, seg, first: _Token, last: _Token) -> bool:
    """The English words, then `, or` and the source's own term ending the clause: "a six-year term, or sexenio." —
    the writer gives the reader the local word after its translation, as `sexenio (six-year term)` does before it."""
    if not view[max(seg.start, first.start - len(_OR_BEFORE)):first.start] == _OR_BEFORE:
        return False
    after = view[last.end:last.end + 1]
    return not after or after in _CLAUSE_CLOSERS or last.end >= seg.end


def _between_name_prepositions(run: list[int], tokens: list[_Token], view: str, index: _Index) -> bool:
    """Lowercase source words inside a name that opens with a capitalised noun and the source's preposition and
    ends with its preposition and a capitalised word: "Bureau du cinéma et de la télévision du Québec". French and
    Spanish capitalise only a name's first word (and its place name), so the lowercase words between belong to the
    name; without the preposition at both ends ("Milei dijo que la economía
    de Argentina") the words are a clause left untranslated, not a name."""
    prepositions = {p for v in index.vocabularies for p in v.name_prepositions}
    i, j = run[0] - 1, run[-1] + 1
    if i < 1 or j + 1 >= len(tokens):
        return False
    before, head, after, name = tokens[i], tokens[i - 1], tokens[j], tokens[j + 1]
    if before.text not in prepositions or after.text not in prepositions:
        return False
    if not all(view[x.end:y.start] == " " for x, y in ((head, before), (before, tokens[run[0]]),
                                                       (tokens[run[-1]], after), (after, name))):
        return False
    return (head.text[0].isupper() and name.text[0].isupper()
            and head.key not in language.function_words()["en"] and head.key not in index.joiners)


_OR_BEFORE = ", or "
_CLAUSE_CLOSERS = frozenset(".,;:!?)")


def _names_a_place(tokens: list[_Token], i: int, view: str, index: _Index) -> bool:
    """The source noun at tokens[i] names a street or a feature of the land and a capitalised name follows it, past
    at most two of the language's prepositions and articles: "l'île Saint-Louis", "rue de Rivoli", "praça da Sé".
    English keeps such a place's name in its own language; the noun alone ("the île", "near the praça") it translates."""
    m = _ELISION.match(tokens[i].key)
    head = m.group(1) if m else tokens[i].key
    if not any(head in v.place_heads for v in index.vocabularies):
        return False
    j = i + 1
    while j < len(tokens) and j - i <= 2 and tokens[j].joins and _spaces_only(view, tokens[j - 1].end, tokens[j].start):
        j += 1
    if j >= len(tokens) or not _spaces_only(view, tokens[j - 1].end, tokens[j].start):
        return False
    name = tokens[j].text
    elided = _ELISION.match(name.lower())
    return (name[len(name) - len(elided.group(1)):] if elided else name)[:1].isupper()


def _inside_a_name(previous: _Token, first: _Token, last: _Token, following: _Token, view: str) -> bool:
    """Lowercase words between two capitalised words, a space either side, are inside one name: "Action
    démocratique Québec", the French name English news keeps for a Quebec party."""
    return (view[previous.end:first.start] == " " and view[last.end:following.start] == " "
            and previous.text[0].isupper() and following.text[0].isupper()
            and previous.key not in language.function_words()["en"])


def _token(m, vocabularies, sentence_start: bool) -> _Token:
    text = m.group(0)
    key = _key(text)
    # Past the first word of a sentence, a capital marks a name or a title: never a stray word.
    plain = text.islower() or (sentence_start and text[0].isupper() and not _is_name_like(text))
    langs = _lookup(vocabularies, key) if plain and len(key) >= 3 else {}
    if not langs and text.islower():
        langs = _accented(vocabularies, key)
    joins = text.islower() and any(key in v.joiners for v in vocabularies)
    return _Token(m.start(), m.end(), text, key, langs, joins)


def _after_genus(previous: _Token, word: _Token, view: str) -> bool:
    gap = view[previous.end:word.start]
    if not previous.text[0].isupper() or gap not in (" ", ". ") or previous.key in language.function_words()["en"]:
        return False  # "The prefeitura": an English article, not a genus
    return bool(_LATIN_ENDING.search(word.key))


def _is_name_like(text: str) -> bool:
    """All capitals (an acronym) or a capital inside the word (McAllister, iPhone)."""
    return (len(text) > 1 and text.isupper()) or any(ch.isupper() for ch in text[1:])


def _runs(tokens: list[_Token], view: str):
    """Index lists of neighbouring source tokens, separated by spaces only, that start and end with a word."""
    run: list[int] = []
    for i, token in enumerate(tokens):
        source = bool(token.langs) or token.joins
        if source and run and _spaces_only(view, tokens[run[-1]].end, token.start):
            run.append(i)
            continue
        yield from _trimmed(run, tokens)
        run = [i] if source else []
    yield from _trimmed(run, tokens)


def _spaces_only(view: str, a: int, b: int) -> bool:
    return b > a and view[a:b].isspace()


def _trimmed(run: list[int], tokens: list[_Token]):
    while run and not tokens[run[0]].langs:
        run = run[1:]
    while run and not tokens[run[-1]].langs:
        run = run[:-1]
    if run:
        yield run


def _by_evidence(ctx, index: _Index) -> tuple[str, ...]:
    """The file's source languages, those its own source words point to most first: a word that two languages
    spell alike (`bancada`, `arcabouço` with the `ç` of French and Portuguese) is named in the language of the
    file's other stray words, not in whichever comes first in the list. Once per file."""
    cached = ctx.cache.get("untranslated.by_evidence")
    if cached is None:
        keys = {w for words, _ in _gated(ctx, index).values() for w in words}
        own = {v.lang: v.words.among(keys) | v.forms.among(keys) for v in index.vocabularies}
        langs = list(ctx.source_langs)
        # only the words one language alone has tell the languages apart
        alone = {lang: sum(1 for w in found if not any(w in other for l, other in own.items() if l != lang))
                 for lang, found in own.items()}
        cached = ctx.cache["untranslated.by_evidence"] = tuple(
            sorted(langs, key=lambda lang: (-alone.get(lang, 0), langs.index(lang))))
    return cached


def _language_of(words: list[_Token], source_langs) -> str:
    """The source language most of `words` belong to; on a tie, the first of `source_langs`."""
    counts = {lang: sum(1 for t in words if lang in t.langs) for lang in source_langs}
    return max(source_langs, key=lambda lang: (counts.get(lang, 0), -source_langs.index(lang)))


# -- names: the source's "and" between two names, a name half translated, a region's abbreviation --------

_NAME_WORD = warmstart.regex(r" ([^\W\d_][\w’'-]*+)")
_WORD_BEFORE = warmstart.regex(r"(?:^|(?<=\s))([^\W\d_][\w’'-]*)[ ]$")
_WORDS_AFTER = warmstart.regex(r" ([^\W\d_][\w’'-]*)(?: ([^\W\d_][\w’'-]*))?")


@dataclass(frozen=True)
class NameTrace:
    """A name left in its source language's form, and what to write instead."""

    start: int
    end: int
    lang: str
    message: str
    suggestion: str


@lru_cache(maxsize=None)
def _name_tables() -> tuple[tuple[str, ...], frozenset[str]]:
    table = langdata.load("lang", "name_traces.toml")
    return tuple(table.get("english_exonyms", ())), frozenset(table.get("letter_label_nouns", ()))


@lru_cache(maxsize=None)
def _trace_patterns(langs: tuple[str, ...]):
    """One regex for each kind of trace over the assumed source languages, or None; case-sensitive."""
    vocabularies = [v for v in (vocabulary(lang) for lang in langs) if v is not None]

    def alternation(words):
        words = sorted(set(words), key=lambda w: (-len(w), w))  # a stable order: the pattern is cached by its text
        return "|".join(re.escape(w) for w in words)

    joiners = alternation(w for v in vocabularies for w in v.name_joiners)
    prepositions = alternation(w for v in vocabularies for w in v.name_prepositions)
    regions = alternation(w for v in vocabularies for w in v.region_codes)
    articles = alternation(w for v in vocabularies for w in v.name_articles)
    exonyms = alternation(_name_tables()[0])
    heads = alternation(w for v in vocabularies for w in v.institution_heads)
    links = alternation(w for v in vocabularies for w in v.joiners if w.isalpha() and len(w) <= 4)
    # Each but the first opens with a look-behind, which made `re` try it at every character of the file; they
    # are searched where the rest of them matches (speed.candidates): 66 -> 14 ms over 276 corpus files.
    # The first's rest (`e` before a space) is everywhere: it stays as it was.
    return (
        warmstart.regex(rf"(?<=\S )(?:{joiners})(?= \S)") if joiners else None,
        AfterLookBehind(r"(?<=\S )", rf"(?:{prepositions}) (?:{exonyms})\b") if prepositions and exonyms else None,
        AfterLookBehind(r"(?<=[^\W\d_])", rf" \((?:{regions})\)") if regions else None,
        # The head noun of a public body's name; the words of the name after it are read one by one (_bodies).
        AfterLookBehind(r"(?<![\w’'-])", rf"(?:{heads})(?= [^\W\d_])") if heads and links else None,
        # An article English lacks, then a capitalised word and what follows it.
        AfterLookBehind(r"(?<![\w’'.-])", rf"(?P<article>{articles}) (?P<word>[A-Z][a-z]++)(?P<after>[ ,!]?)")
        if articles else None,
    )


def _langs_with(index: _Index, attribute: str, word: str) -> str:
    return next((v.lang for v in index.vocabularies if word in getattr(v, attribute)), index.vocabularies[0].lang)


def _capitalised_name_word(word: str | None) -> bool:
    return bool(word) and word[0].isupper() and word.lower() not in language.function_words()["en"]


def name_traces(view: str, index: _Index):
    """Every trace of a source-language name in `view`, in order of position."""
    joined, half, region, body, article = _trace_patterns(tuple(v.lang for v in index.vocabularies))
    found: list[NameTrace] = []
    label_nouns = _name_tables()[1]
    if joined is not None:
        for m in joined.finditer(view):
            before = _WORD_BEFORE.search(view, max(0, m.start() - 40), m.start())
            after = _WORDS_AFTER.match(view, m.end())
            if not before or not after:
                continue
            first, second, third = before.group(1), after.group(1), after.group(2)
            if not (_capitalised_name_word(first) and _capitalised_name_word(second)) or first.lower() in label_nouns:
                continue
            conj = m.group(0)
            if conj.islower():
                # Lowercase, only between two people's names: a full name after it, and no source word
                # on either side ("Ciencia y Tecnología" is a name English keeps).
                if not _capitalised_name_word(third) or any(
                    _lookup(index.vocabularies, w.lower()) for w in (first, second)
                ):
                    continue
            lang = _langs_with(index, "name_joiners", conj)
            found.append(NameTrace(
                before.start(1), after.end(1), lang,
                f"“{conj}” between two names is {LANG_NAMES.get(lang, lang)} for “and”, left untranslated",
                "write “and”",
            ))
    if half is not None:
        for m in half.finditer(view):
            before = _WORD_BEFORE.search(view, max(0, m.start() - 40), m.start())
            if not before or not _capitalised_name_word(before.group(1)):
                continue
            preposition = m.group(0).split(" ", 1)[0]
            lang = _langs_with(index, "name_prepositions", preposition)
            found.append(NameTrace(
                before.start(1), m.end(), lang,
                f"“{view[before.start(1):m.end()]}” mixes a {LANG_NAMES.get(lang, lang)} name with an English place name",
                "translate the whole name, or keep it wholly in the original language",
            ))
    if region is not None:
        for m in region.finditer(view):
            before = _WORD_BEFORE.search(view, max(0, m.start() - 40), m.start() + 1)
            if not before or not before.group(1)[0].isupper():
                continue
            if introduced_with_acronym(view, before.start(1), before.end(1)):
                continue  # "the Samajwadi Party (SP)": the name's own initials, not a state's code
            code = m.group(0).strip(" ()")
            lang = _langs_with(index, "region_codes", code)
            found.append(NameTrace(
                m.start() + 1, m.end(), lang,
                f"“({code})” is the {LANG_NAMES.get(lang, lang)} abbreviation of a region, left from the original",
                "name the state or region in full, or leave it out",
            ))
    if body is not None:
        found.extend(_bodies(view, body, index))
    if article is not None:
        found.extend(_articles(view, article, index))
    found.sort(key=lambda t: t.start)
    return found


def _articles(view: str, article: AfterLookBehind, index: _Index):
    """A source-language article before an English name: "O Foundation for Press Freedom", "Los Company"."""
    for m in article.finditer(view):
        word = m.group("word")
        if m.group("after") in (",", "!") or word.lower() not in langdata.common_words("en", "english_only_words"):
            continue  # "O Lord,": a call; "Le Pen", "Las Vegas": a name the source languages share
        before = _WORD_BEFORE.search(view, max(0, m.start() - 40), m.start())
        if before and _capitalised_name_word(before.group(1)):
            continue  # "Marine Le Pen", "Lana Del Rey": the article is part of a longer name
        lang = _langs_with(index, "name_articles", m.group("article"))
        yield NameTrace(
            m.start(), m.end("word"), lang,
            f"“{m.group('article')}” before “{word}” is the {LANG_NAMES.get(lang, lang)} article, left from the original",
            f"write “the {word}”, or “The {word}” where the sentence starts",
        )


def _source_word(index: _Index, word: str) -> bool:
    """A word of a source language that English does not use: in its vocabulary, or spelt with its accents."""
    key = _key(word)
    return bool(_lookup(index.vocabularies, key) or _accented(index.vocabularies, key))


def _foreign_lowercase(index: _Index, english, word: str) -> bool:
    """A lowercase word of a French or Portuguese name, which writes its adjectives so ("Assemblée nationale"):
    a source word, or one English does not use."""
    return word.islower() and (_source_word(index, word) or _key(word) not in english)


def _bodies(view: str, body: AfterLookBehind, index: _Index):
    """A public body's name left in the source language: "Ministerio de Salud", "Fundo Monetário Internacional",
    "Assemblée nationale" (French and Portuguese names write their adjectives in lower case)."""
    links = {w for v in index.vocabularies for w in v.joiners if w.isalpha() and len(w) <= 4}
    for m in body.finditer(view):
        english = langdata.common_words("en")  # read only when a head noun is found
        words, at = [m.group(0)], m.end()
        while (next_word := _NAME_WORD.match(view, at)) is not None:
            word = next_word.group(1)
            if not (word[0].isupper() or word in links or _foreign_lowercase(index, english, word)):
                break  # "Assemblée approved": an English word ends the name
            words.append(word)
            at = next_word.end()
        while words and not words[-1][0].isupper() and not _foreign_lowercase(index, english, words[-1]):
            words.pop()  # a link word at the end belongs to what follows
        rest = [w for w in words[1:] if w[0].isupper() or _foreign_lowercase(index, english, w)]
        before = _WORD_BEFORE.search(view, max(0, m.start() - 40), m.start())
        if not rest or (before and _capitalised_name_word(before.group(1))):
            continue  # nothing named after the noun, or the noun is inside a longer name ("Banco Fondo Común")
        if not any(_source_word(index, w) or _foreign_lowercase(index, english, w) for w in rest):
            continue  # "Gobierno Federal": no source word after the noun, so perhaps an English name
        head = words[0]
        if introduced_with_acronym(view, m.start(), m.start() + len(" ".join(words))):
            continue  # "the Tribunal administratif du Logement (TAL)": the body's own name, given with its acronym
        lang = _langs_with(index, "institution_heads", head)
        end = m.start() + len(" ".join(words))
        excerpt = view[m.start():end]
        yield NameTrace(
            m.start(), end, lang,
            f"“{excerpt}” is the {LANG_NAMES.get(lang, lang)} name of a public body, left untranslated",
            "give the body's English name (the original may follow in italics or brackets)",
        )
