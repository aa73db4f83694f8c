"""Fluency slips machine translation and scraping leave in English: stray capitals and marks, glued words, resumptive pronouns, lower-case names, Spanish marks and articles."""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from tqcheck.data import langdata
from tqcheck.speed import warmstart
from tqcheck.speed.candidates import AfterLookBehind, finditer_at
from tqcheck.finding import Severity
from tqcheck.rules.base import Covered, Detector, pattern_literals, segment_matches, tagged
from tqcheck.text.segment import is_abbreviation_word
from tqcheck.text.language import function_words as _function_words
from tqcheck.rules.calques import alternation, assumed_source, english_words, romance_sources, source_label
from tqcheck.rules.person_words import first_names, fold
from tqcheck.rules.referents import quoted_spans
from tqcheck.text import tagging

HYPHEN_SOURCES = ("es", "pt")  # Spanish and Portuguese set off asides with unspaced dashes: "—y por días—"


@lru_cache(maxsize=None)
def _stray_capital() -> re.Pattern:
    capitals = alternation("words.toml", "stray_capital_words")
    return warmstart.regex(r"(?:(?P<comma>,)|\b(?P<before>[a-z]+)) (?P<capital>%s) (?P<next>[a-z]+)\b" % capitals)


@lru_cache(maxsize=None)
def _stray_capital_gate() -> re.Pattern:
    """What each match of `_stray_capital` holds, a capital word between spaces: a sentence without one is skipped."""
    return warmstart.regex(r" (?:%s) " % alternation("words.toml", "stray_capital_words"))


# A subject pronoun with a capital right after a name: "the president, Gabriel Rocha He presented…".
_NAME_PRONOUN = warmstart.regex(
    r"\b(?P<name>[A-ZÀ-ÖØ-Þ]\w*[a-zß-öø-ÿ])(?P<comma>,?) (?P<capital>He|She|They|We|It) (?P<next>[a-z]+)\b"
)
_NAME_PAIR = warmstart.regex(r"\b([A-ZÀ-ÖØ-Þ]\w*[a-zß-öø-ÿ]) (He|She|They|We|It)\b")
_NAME_PRONOUN_GATE = warmstart.regex(r" (?:He|She|They|We|It) ")  # what each match holds: a sentence without it is skipped
# A subject pronoun with a capital right after a lower-case word, no stop between: "in the coming hours He sees",
# "member of the commission He stated", "these groups They try": two segments joined, the second keeping its capital.
# (`It` is left out: a title such as the film "It" follows a lower-case word in native text.)
_WORD_PRONOUN = warmstart.regex(r"\b(?P<word>[a-z]{3,}) (?P<capital>He|She|They|We) (?P<next>[a-z]+)\b")
_WORD_PRONOUN_GATE = warmstart.regex(r"[a-z] (?:He|She|They|We) ")  # what each match holds


def _reverent_text(ctx, reverent: frozenset[str]) -> bool:
    """Whether the file names God or the like, so a capitalised He is the writer's reverence."""
    if "fluency.reverent" not in ctx.cache:
        ctx.cache["fluency.reverent"] = not reverent.isdisjoint(_token_counts(ctx))
    return ctx.cache["fluency.reverent"]


class StrayCapitalMidSentence(Detector):
    """What it does:
    Flags a capitalised `The`, `It`, `This` or `They` in the middle of a sentence, right
    after a comma, a word such as `his`, `that` or `of`, or a word such as `newspaper`, and
    followed by a lower-case word (`said that his The government…`, `after ten hours, The
    watches were not found`, `the daily The nation`: a title translated word for word);
    a capitalised subject pronoun right after a name (`the president, Ana Ruiz He
    presented…`, `Lima, They will vote`), where a translation repeated the subject; and
    one right after a lower-case word with no stop between (`in the coming hours He sees`,
    `these groups They try`), where two segments were joined.

    Why it matters:
    It is where two translated segments were joined, or where the translation of a word
    was pasted in with its own capital letter. A title (`of The Guardian`) continues with a
    capital, so it stays quiet.

    A name that is itself `He` (`Liu He and…`, said more than once), a text that
    capitalises `He` for God, and a title in capitals stay quiet.

    Example:
    The minister said that his The government would not resign.

    Use instead:
    The minister said that his government would not resign.
    """

    code = "L101"
    name = "stray-capital-mid-sentence"
    severity = Severity.WARNING
    family = "fluency"
    targets = ("en",)

    def check(self, ctx):
        joiners = (
            english_words("words.toml", "function_words")
            | english_words("words.toml", "possessive_words")
            | english_words("words.toml", "outlet_noun_words")  # "the newspaper The time": a title translated word by word
        )
        for m in segment_matches(ctx, _stray_capital(), gate=_stray_capital_gate()):
            if m.group("before") and m.group("before") not in joiners:
                continue  # "…in Birmingham The family of…" is a headline run into its story
            yield self.finding(
                m.start("capital"),
                m.end("next"),
                f"“{m.group('capital')}” is capitalised in the middle of a sentence",
                suggestion=m.group("capital").lower() if m.group("comma") else "remove the stray word or its capital",
            )
        yield from self._pronoun_after_name(ctx)
        yield from self._pronoun_after_word(ctx)

    def _pronoun_after_word(self, ctx):
        function_words = english_words("words.toml", "function_words")
        reverent = english_words("words.toml", "reverent_name_words")
        for m in segment_matches(ctx, _WORD_PRONOUN, gate=_WORD_PRONOUN_GATE):
            if m.group("next") in function_words:
                continue  # "…the economist Liu He and…" (a name), "…the group They Might Be Giants…"
            if _reverent_text(ctx, reverent):
                return  # "as the prophet said He would…": the writer capitalises He for God
            yield self.finding(
                m.start("capital"),
                m.end("next"),
                f"“{m.group('capital')}” is capitalised after “{m.group('word')}”, in the middle of a sentence",
                suggestion=f"start a new sentence before “{m.group('capital')}”, or drop it",
            )

    def _pronoun_after_name(self, ctx):
        function_words = english_words("words.toml", "function_words")
        reverent = english_words("words.toml", "reverent_name_words")
        pairs = None
        for m in segment_matches(ctx, _NAME_PRONOUN, gate=_NAME_PRONOUN_GATE):
            name, capital = m.group("name"), m.group("capital")
            if m.group("next") in function_words or name.lower() in function_words:
                continue  # "Vice Premier Liu He and…": a name; "If He…": no name before the pronoun
            if _reverent_text(ctx, reverent):
                return  # "If God had wanted it, He would…": the writer capitalises He for God
            if pairs is None:
                pairs = {}
                for p in _NAME_PAIR.finditer(ctx.doc.view):
                    pairs[p.group(0)] = pairs.get(p.group(0), 0) + 1
            if pairs.get(f"{name} {capital}", 0) > 1:
                continue  # the pair recurs: a name of its own ("Liu He")
            yield self.finding(
                m.start("capital"),
                m.end("next"),
                f"“{capital}” is capitalised after “{name}”: the subject is said twice",
                suggestion=f"drop “{capital}”, or start a new sentence",
            )


@lru_cache(maxsize=None)
def _proper_lowercase() -> re.Pattern:
    words = alternation("proper_words.toml", "proper_lowercase_words")
    return warmstart.regex(r"(?<![\w@#/.\-’'&])(?P<word>%s)(?![\w@/\-’'&]|\.\w)" % words)


class LowercaseProperWord(Detector):
    """What it does:
    Flags a nationality, a country, a weekday or a month written in lower case (`the arab
    and norwegian delegations`, `on monday`, `in june`, `the president of peru`).

    Why it matters:
    Spanish, French and Portuguese write nationalities, weekdays and months in lower case
    (`el embajador mexicano`, `le lundi`, `em junho`); a translation keeps the small letter,
    where English always capitalises them. Words English also writes in lower case
    (`french fries`, `polish`, `china`, `may`, `march`) are not on the list, and a file
    whose sentences often start in lower case (chat, forum posts) is left alone.

    Example:
    The arab and norwegian ministers met on monday.

    Use instead:
    The Arab and Norwegian ministers met on Monday.
    """

    code = "L106"
    name = "lowercase-proper-word"
    severity = Severity.WARNING
    family = "fluency"
    targets = ("en",)

    def literals(self, ctx):
        return pattern_literals(_proper_lowercase())

    def check(self, ctx):
        if casual_writer(ctx):
            return
        for m in segment_matches(ctx, _proper_lowercase()):
            word = m.group("word")
            yield self.finding(
                m.start(),
                m.end(),
                f"“{word}” is written with a capital in English",
                suggestion=word[0].upper() + word[1:],
            )


# Between hyphens after a space, or between minus signs (U+2212, never a dash in prose) even when attached.
_HYPHEN_ASIDE = warmstart.regex(
    r"(?:(?<=[\w,] )-(?P<inner>[^\W\d_][^-\n]{2,120}?[^\W_\s])-"
    r"|(?<=[\w,])[ ]?\u2212(?P<minus>[^\W\d_][^\u2212\n]{2,120}?[^\W_\s])\u2212)(?=[\s,.;:])"
)


class HyphenAside(Detector):
    """What it does:
    Flags an aside set off by hyphens attached to its words, ` -and for several days- `,
    or by minus signs (`his speech−which lasted two hours−,`), inside a sentence.

    Why it matters:
    Spanish and Portuguese write an inserted remark between dashes that touch it
    (`—y durante varios días—`); machine translation keeps the shape and turns the dashes
    into hyphens. English sets an aside between spaced en dashes or closed em dashes, or
    commas, and a published text never joins a hyphen to the next word that way.

    Example:
    After the vote -and for several weeks- farmers blocked the roads.

    Use instead:
    After the vote – and for several weeks – farmers blocked the roads.
    """

    code = "L102"
    name = "hyphen-aside"
    severity = Severity.WARNING
    family = "fluency"
    targets = ("en",)
    sources = HYPHEN_SOURCES

    def check(self, ctx):
        langs = romance_sources(ctx, HYPHEN_SOURCES)
        if not langs:
            return
        for m in segment_matches(ctx, _HYPHEN_ASIDE, holding="-\u2212"):  # each aside is set off by one of them
            inner = m.group("inner") or m.group("minus")
            if " " not in inner and not inner.islower():
                continue  # "(Odds Ratio -OR-)": an abbreviation, not an aside; "-security-" is one
            yield self.finding(
                m.start(),
                m.end(),
                f"an aside between attached hyphens, in {source_label(langs)} punctuation",
                suggestion=f"– {inner} –",
                source_lang=assumed_source(ctx, langs),
            )


_PRONOUN_ROLE = warmstart.regex(r"[\"“‘(]?(?P<pronoun>He|She)\s+(?P<role>[A-Za-z][a-z]+(?:-[a-z]+)?)(?![A-Za-z-])")


def _only_a_noun(word: str) -> bool:
    """A lower-case word the lexicon reads first as a noun, and never as a verb's past or -s form: after a
    sentence's "He" it cannot be his verb ("He weekend will bring rain"), as "He hit", "He plans" can."""
    if not word.islower():
        return False
    readings = tagging.lookup(word)
    return bool(readings) and readings[0] == "N" and "D" not in readings and "Z" not in readings


class PronounForArticle(Detector):
    """What it does:
    Flags a sentence that opens with `He` or `She` followed by a title or a role noun
    (`He President-elect of Ecuador…`, `She minister said…`, `He businessman…`), or by any
    word that can only be a noun there (`He weekend will bring more rain`).

    Why it matters:
    Spanish writes the article `El` and the pronoun `Él` alike once the accent is dropped,
    and a translation read `El presidente electo` as `He president-elect`. English needs
    `The` there; a pronoun never stands before a noun in that place.

    Example:
    He President-elect of Chile met the outgoing cabinet on Monday.

    Use instead:
    The president-elect of Chile met the outgoing cabinet on Monday.
    """

    code = "L108"
    name = "pronoun-for-article"
    severity = Severity.WARNING
    family = "fluency"
    targets = ("en",)
    sources = ("es",)

    def check(self, ctx):
        langs = romance_sources(ctx, ("es",))
        if not langs:
            return
        roles = {w.lower() for w in english_words("words.toml", "title_words")} | english_words("words.toml", "role_noun_words")
        view = ctx.doc.view
        for seg in ctx.segments:
            m = _PRONOUN_ROLE.match(view, seg.start, seg.end)
            if not m or m.group("role").lower() not in roles and not _only_a_noun(m.group("role")):
                continue
            yield self.finding(
                m.start("pronoun"),
                m.end("role"),
                f"“{m.group('pronoun')}” before “{m.group('role')}” reads as the Spanish article “El/La” taken for a pronoun",
                suggestion=f"The {m.group('role')}",
                source_lang=assumed_source(ctx, langs),
            )


# An opening ¡ or ¿ and what follows it up to its closing mark, within the sentence.
_INVERTED = warmstart.regex(r"(?P<mark>[¡¿])(?P<inner>[^!?¡¿\n]{1,100})(?P<close>[!?])?")
_INNER_WORD = warmstart.regex(r"[^\W\d_]+")
_SPANISH_LETTERS = frozenset("áéíóúñü")


def _spanish_words(words: list[str]) -> bool:
    """Whether a quotation is itself Spanish (`¡Sí se puede!`, `¿Qué pasa?`), which English quotes as it is."""
    from tqcheck.rules.untranslated import vocabulary  # its word lists load only when a ¡ or ¿ is found

    spanish_only = language_function_words("es") - language_function_words("en")
    vocab = vocabulary("es")
    for word in words:
        w = word.lower()
        if _SPANISH_LETTERS & set(w) or w in spanish_only or vocab is not None and vocab.lookup(w):
            return True
    return False


class InvertedMark(Detector):
    """What it does:
    Flags a Spanish opening `¡` or `¿` left in front of English words (`“¡take your
    shampoo!”`, `¿who will pay?`).

    Why it matters:
    Only Spanish opens an exclamation or a question with an inverted mark; a translation
    that kept it gives itself away, and often left the first word in lower case too. A
    quotation that is itself Spanish (`“¡Sí se puede!”`) is quoted as it is and stays quiet.

    Example:
    The crowd shouted “¡take your shampoo!” at the president.

    Use instead:
    The crowd shouted “Take your shampoo!” at the president.
    """

    code = "L107"
    name = "inverted-mark"
    severity = Severity.WARNING
    family = "fluency"
    targets = ("en",)

    MIN_WORDS = 3  # a shorter cry ("¡Viva Zapata!") may be a Spanish phrase quoted as it is

    def check(self, ctx):
        english = language_function_words("en")
        for m in segment_matches(ctx, _INVERTED, holding="¡¿"):
            words = _INNER_WORD.findall(m.group("inner"))
            if not words or _spanish_words(words):
                continue
            if len(words) < self.MIN_WORDS and not any(w.lower() in english for w in words):
                continue
            end = m.end() if m.group("close") else m.start("inner") + len(m.group("inner").split(" ")[0])
            inner = m.group("inner")
            yield self.finding(
                m.start(),
                end,
                f"a Spanish opening “{m.group('mark')}” before English words",
                suggestion=(inner[:1].upper() + inner[1:] + (m.group("close") or "")) if m.group("close") else "remove it",
            )


_STRAY_MARK = warmstart.regex(r"(?<=[.!?])(?P<close>[”\"’»)]?)[ \t]+(?P<mark>[.,;])(?=\s|$)")
# A mark with a space before it: "term ?", "Montreal , the", "the end ." (French spacing, or a join).
_SPACED_MARK = warmstart.regex(r"(?:(?<=[^\W_])|(?<=[^\W_][”’»)]))(?P<space>[ \t\u00a0\u202f]{1,2})(?P<mark>[,;:!?]|\.(?![ \t]*\.))(?=[\s”\"’»]|$)")
_SPACED_MARK_STARTS = warmstart.regex(r"[ \t\u00a0\u202f]{1,2}[,;:!?.]")  # where one can start (speed.candidates)
# Two marks where one belongs: "against..", "the end,,", "city.,", "and;;".
_DOUBLED_MARK = warmstart.regex(r"(?<=[^\W_])(?P<pair>\.\.|,,|;;|::|\.,|,\.|;\.|\.;|,;|;,)(?=[\s”\"’»)]|$)")
_DOUBLED_MARK_STARTS = warmstart.regex(r"[.,;:][.,;:]")
# The next three open with a look-behind, which made `re` try them at every character; each is searched where
# the rest of it matches (speed.candidates): 31.5 -> 1.6, 13.6 -> 1.3 and 15.1 -> 1.3 ms over the blocks of
# 276 corpus files, the same matches.
# A full stop inside a sentence, before a lower-case word: "two hectares. burned", "it stopped. and".
_STOP_LOWER = AfterLookBehind(r"(?<=[^\W\d_]{2})", r"\. {1,2}(?P<next>[a-z]+)(?=[ ,;:]+[a-z])")
# A full stop run into the next sentence's first word: "added Piñera.On the other hand" (a join that lost its space).
# An opening quotation mark may stand between them: "after the results.“The policy" (the join lost the space before it).
# A closing bracket after a word counts as the word's end: "(Sonatrel).This company".
_STOP_GLUED = AfterLookBehind(r"(?:(?<=[^\W\d_]{3})|(?<=[^\W\d_]\)))", r"\.(?P<quote>“?)(?P<next>[A-Z][a-z]+)(?=[ ,;:])")
# A semicolon glued to the next word after a space: "to ;attack".
_GLUED_SEMICOLON = AfterLookBehind(r"(?<=[^\W_] )", r";(?=[^\W\d_])")
# An opening single quote where the apostrophe belongs: "Brazil‘s", "don‘t".
_OPENING_AS_APOSTROPHE = AfterLookBehind(r"(?<=[^\W_])", r"‘(?P<rest>(?:s|t|d|m|ll|re|ve)\b)")
# A bracket closed after a space that its opening one does not have: "(CAQ )", "(-1.20% )". A translation's
# tokeniser spaced the mark; native text that spaces brackets spaces both ("( With inputs from IANS )").
_SPACED_CLOSING_BRACKET = warmstart.regex(r"\((?=[^\s()])[^()\n]{0,80}?(?P<last>\S) \)")
# Its mirror, a bracket opened with a space that its closing one does not have: "( source)".
_SPACED_OPENING_BRACKET = warmstart.regex(r"\( (?=[^\s()])[^()\n]{0,80}?\S\)")
_TOKEN_BEFORE = warmstart.regex(r"(\S+)$")
_ROMAN = warmstart.regex(r"[ivxlc]+$")


def _opens_quotation(view: str, at: int) -> bool:
    """Whether a quotation opens right after `at`, past one space: `Galtier : “I know`, French spacing of a colon
    that introduces speech, which a subtitle's " : " never is."""
    return view[at:at + 1] == " " and view[at + 1:at + 2] in "“«\"" and view[at + 2:at + 3].isalpha()


def _token_before(view: str, at: int) -> str:
    """The white-space-delimited token that ends at `at` (within 40 characters)."""
    m = _TOKEN_BEFORE.search(view, max(0, at - 40), at)
    return m.group(1) if m else ""


def _in_link(token: str) -> bool:
    """A token that is part of an address, a path, a handle or code, where marks follow other rules."""
    return any(ch in token for ch in "/@\\=<>{}[]|_#") or "www" in token.lower()


def _abbreviation_stop(view: str, dot: int) -> bool:
    """Whether the full stop at `dot` ends an abbreviation, an initial or a number rather than a sentence."""
    token = _token_before(view, dot).lstrip("\"“‘«([")
    if not token or _in_link(token) or "." in token or any(ch.isdigit() for ch in token):
        return True  # "U.S.", "a.m.", "Ph.D.", "v2.0": dotted forms and numbers are not sentence ends
    return is_abbreviation_word(token) or bool(_ROMAN.match(token))


# More full stops before a lower-case word than this in one file is a writer's casual style
# (chat, forum posts), not slips of a translation.
MAX_LOWER_STARTS = 2


def first_of_overlapping(findings):
    """The findings in text order, without any that overlaps one already kept (the earlier mechanism wins a tie)."""
    order = sorted(enumerate(findings), key=lambda pair: (pair[1].start, pair[0]))
    kept_end = -1
    for _, finding in order:
        if finding.start >= kept_end:
            kept_end = finding.end
            yield finding


def language_function_words(lang: str) -> frozenset[str]:
    return _function_words().get(lang, frozenset())


def casual_writer(ctx) -> bool:
    """Whether the file's writer often starts a sentence or a paragraph in lower case, so case slips are style."""
    if "fluency.casual" not in ctx.cache:
        view = ctx.doc.view
        lower_starts = 0
        for block in ctx.doc.blocks:
            lower_starts += view[block.start:block.start + 1].islower()  # "lol", "yeah bro": a paragraph in lower case
            for m in _STOP_LOWER.finditer(view, block.start, block.end):
                if not _abbreviation_stop(view, m.start()):
                    lower_starts += 1
            if lower_starts > MAX_LOWER_STARTS:
                break
        ctx.cache["fluency.casual"] = lower_starts > MAX_LOWER_STARTS
    return ctx.cache["fluency.casual"]


class StrayPunctuation(Detector):
    """What it does:
    Flags punctuation in a place no English typesetting puts it: a full stop, comma or
    semicolon standing alone after a sentence has already ended (`he said. , in
    reference to…`), a space before a comma, full stop, colon, question or exclamation
    mark (`the term ?`, `Montreal , the`), a doubled mark (`against..`, `the end,,`,
    `city.,`), a full stop followed by a lower-case word that goes on with the sentence
    (`two hectares. burned`), a full stop with no space before the next sentence
    (`said Piñera.On the other hand`, `the results.“The policy`, `(Sonatrel).This company`), a semicolon glued
    to the next word (`to ;attack`), a closing bracket spaced when its opening one is not (`(CAQ )`) and an
    opening one spaced when its closing one is not (`( source)`), and an opening quotation
    mark used as an apostrophe (`Brazil‘s`). A space before a colon is only a hint, since native
    titles set a subtitle off with ` : `, unless a quotation opens after it (`Galtier : “I know`).

    Why it matters:
    It is what is left when a link, a name or a clause was stripped out of the text, when
    two segments were joined, or when French spacing (`term ?`) was carried over; the
    reader stumbles on it, and often something is missing next to it. Spaced ellipses
    (`. . .`), `...`, abbreviations (`U.S.,`, `etc.,`, `a.m. on`, `No. 5`), decimals,
    addresses and emoticons are left alone.

    Example:
    “We will not give up,” she said. , referring to the strike. Who wins ?

    Use instead:
    “We will not give up,” she said, referring to the strike. Who wins?
    """

    code = "L103"
    name = "stray-punctuation"
    severity = Severity.WARNING
    family = "fluency"
    targets = ("en",)


    def check(self, ctx):
        view = ctx.doc.view
        casual = casual_writer(ctx)
        # the file's own characters where the view keeps its offsets; blanks there may be masked markup
        raw = ctx.doc.text if ctx.doc.view_to_raw is None and len(ctx.doc.text) == len(view) else view
        for block in ctx.doc.blocks:
            if block.kind == "cell":
                continue  # table cells hold figures, labels and units, not sentences
            yield from first_of_overlapping(self._marks(view, raw, block, casual))

    def _marks(self, view, raw, block, casual):
        for m in _STRAY_MARK.finditer(view, block.start, block.end):
            dot = m.start() - 1  # the mark that ended the sentence
            if m.group("mark") == "." and (view[max(0, dot - 2):dot] == ". " or view.startswith(" .", m.end())):
                continue  # ". . ." is a spaced ellipsis
            if not m.group("close") and _abbreviation_stop(view, dot):
                continue  # "in L.A. , SF or London": the dot ends an abbreviation, not the sentence
            yield self.finding(
                dot,
                m.end(),
                f"a stray “{m.group('mark')}” after the end of the sentence",
                suggestion="remove it, and check whether a word was lost next to it",
            )
        # Both patterns open with a look-behind, which makes `re` run them at every character (41 and 21 ms
        # over 276 corpus files, a third of this detector); only where their marks stand is worth it (9 and 3 ms).
        for m in finditer_at(_SPACED_MARK, _SPACED_MARK_STARTS, view, block.start, block.end):
            mark, word_end = m.group("mark"), m.start()
            token = _token_before(view, word_end)
            if _in_link(token) or not raw.startswith(m.group("space"), word_end):
                continue  # an address, or markup blanked out of the view ("[the map](url).")
            if mark == "." and view[max(0, word_end - 2):word_end] == " .":
                continue  # the last dot of a spaced ellipsis ". . ."
            if mark == ":" and view[word_end - 1].isdigit():
                continue  # "3 : 1", "10 : 30": a ratio or a score
            start = word_end - len(token)
            yield self.finding(
                start,
                m.end(),
                f"a space before “{mark}”",
                suggestion=f"{view[start:word_end]}{mark}",
                # native text too leaves " ." where a link was cut out, spaces an emphatic " !", and sets a
                # title's subtitle off with " : "
                severity=Severity.INFO if mark in ".!:" and not _opens_quotation(view, m.end()) else None,
            )
        for m in finditer_at(_DOUBLED_MARK, _DOUBLED_MARK_STARTS, view, block.start, block.end):
            pair = m.group("pair")
            if pair[0] == "." and _abbreviation_stop(view, m.start()):
                continue  # "U.S.,", "etc.,", "Inc.." : the first dot belongs to an abbreviation
            token = _token_before(view, m.start())
            if _in_link(token):
                continue
            if pair[0] == "." and pair != ".." and not token[:1].islower():
                continue  # "Portland, Ore., said": a capitalised word before ".," is an abbreviation
            if pair == ".." and view[m.end():block.end][:1] not in ("", "\n", "\r"):
                continue  # "this.. It": informal writing uses two dots as an ellipsis inside a paragraph
            start = m.start() - len(token)
            keep = "." if pair == ".." else pair[-1] if pair[0] == "." else pair[0]
            yield self.finding(
                start,
                m.end(),
                f"“{pair}”: a doubled mark",
                suggestion=f"{token}{keep}",
            )
        for m in _STOP_LOWER.finditer(view, block.start, block.end) if not casual else ():
            dot = m.start()
            if _abbreviation_stop(view, dot) or view[dot + 1:dot + 2] == "." or view[dot - 1:dot] == ".":
                continue
            if view[m.start("next") - 2:m.start("next")] == ". " and view[dot - 2:dot] == " .":
                continue  # a spaced ellipsis
            token = _token_before(view, dot)
            yield self.finding(
                dot - len(token),
                m.end("next"),
                f"a full stop before the lower-case “{m.group('next')}”, inside the sentence",
                suggestion=f"{token} {m.group('next')}",
            )
        domains = english_words("words.toml", "domain_ending_words")
        for m in _STOP_GLUED.finditer(view, block.start, block.end):
            dot = m.start()
            token = _token_before(view, dot)
            if _abbreviation_stop(view, dot) or m.group("next").lower() in domains:
                continue  # "Gov.Newsom", "Nation.Africa": an abbreviation, or a site's address as its name
            yield self.finding(
                dot - len(token),
                m.end("next"),
                f"a full stop with no space before “{m.group('quote')}{m.group('next')}”: two sentences run together",
                suggestion=f"{token}. {m.group('quote')}{m.group('next')}",
            )
        for m in _OPENING_AS_APOSTROPHE.finditer(view, block.start, block.end):
            token = _token_before(view, m.start())
            yield self.finding(
                m.start() - len(token),
                m.end(),
                "an opening quotation mark “‘” where the apostrophe “’” belongs",
                suggestion=f"{token}’{m.group('rest')}",
            )
        for m in _SPACED_CLOSING_BRACKET.finditer(view, block.start, block.end):
            token = _token_before(view, m.end("last"))
            yield self.finding(
                m.end("last") - len(token),
                m.end(),
                "a space before “)” that its opening “(” does not have",
                suggestion=f"{token})",
            )
        for m in _SPACED_OPENING_BRACKET.finditer(view, block.start, block.end):
            yield self.finding(
                m.start(),
                m.end(),
                "a space after “(” that its closing “)” does not have",
                suggestion="(" + view[m.start() + 2:m.end()],
            )
        for m in _GLUED_SEMICOLON.finditer(view, block.start, block.end):
            if view[max(0, m.start() - 8):m.start()].rstrip().split(" ")[-1].startswith("&"):
                continue  # "&nbsp ;x": an HTML entity
            end = m.end()
            while end < block.end and (view[end].isalpha()):
                end += 1
            yield self.finding(
                m.start() - 1,
                end,
                "a semicolon glued to the next word",
                suggestion=f"{view[m.end():end]}",
            )


_RESUMPTIVE_GATE = warmstart.regex(r",\s+who\s")  # in each match of _resumptive


@lru_cache(maxsize=None)
def _resumptive() -> re.Pattern:
    return warmstart.regex(
        r",\s+(?P<who>who)\s+(?P<pronoun>they|he|she)\s+(?P<aux>was|were|is|are|(?:has|have|had)\s+been)\s+"
        r"(?P<participle>[a-z]+(?:ed|en))\b"
    )


class ResumptivePronoun(Detector):
    """What it does:
    Flags a relative clause that repeats its subject as a pronoun: `…, who they were
    recalled`, `…, who he was arrested`; and a clause opened by `that`, `whether`, `because`…
    whose subject, a person named with a first name (after a title, if any), comes back as a
    pronoun before its verb: `that the former governor Omar Ruiz he would be appointed`, or the
    person named at the start of a sentence: `Federico Viñas he had a chance from the edge of the area`.

    Why it matters:
    `who` is already the subject of the clause; the extra pronoun is a translation that
    rendered both the relative and the verb's person, and the sentence no longer parses.
    An object relative (`…, who he had met in Paris`) has an active verb and stays quiet.

    Example:
    The ambassadors, who they were recalled in May, returned to their posts.

    Use instead:
    The ambassadors, who were recalled in May, returned to their posts.
    """

    code = "L104"
    name = "resumptive-pronoun"
    severity = Severity.WARNING
    family = "fluency"
    targets = ("en",)

    def check(self, ctx):
        with_partner = english_words("words.toml", "relation_participle_words")
        for m in segment_matches(ctx, _resumptive(), gate=_RESUMPTIVE_GATE):
            if m.group("participle") in with_partner:
                continue  # "…, who he was married to" is an object relative
            yield self.finding(
                m.start("who"),
                m.end("participle"),
                f"“{m.group('pronoun')}” repeats the subject “who” of the relative clause",
                suggestion=f"who {m.group('aux')} {m.group('participle')}",
            )
        yield from self._after_name(ctx)

    def _after_name(self, ctx):
        """`that Omar Ruiz he would…`: a subordinate clause whose subject, a named person, comes back as a pronoun;
        and `Federico Viñas he had…`: a sentence's subject, so named, comes back the same way."""
        from tqcheck.rules.person_words import first_names, fold, is_title_noun

        opening = ((m, True) for m in segment_matches(ctx, _OPENING_NAME_THEN_PRONOUN, gate=_PRONOUN_GATE))
        after_conjunction = ((m, False) for m in segment_matches(ctx, _NAME_THEN_PRONOUN, gate=_PRONOUN_GATE))
        for m, opens in (*opening, *after_conjunction):
            words = m.group("name").split()
            if first_names().get(fold(words[0].split("-")[0])) is None:
                continue  # the capitalised words must open with a first name: a person, not "the Daily Mail"
            if opens:
                seg = ctx.segment_at(m.start())
                if seg is None or ctx.doc.view[seg.start:m.start()].strip():
                    continue  # only the words that open the sentence are its subject ("After meeting Ana Ruiz he left")
            else:
                lead = m.group("lead").split()
                if lead and not is_title_noun(lead[-1].lower()):
                    continue  # "that the story about Ana Ruiz he wrote": an object relative
            readings = tagging.lookup(m.group("verb"))
            if not readings or readings[0] not in "MAZD":
                continue
            yield self.finding(
                m.start("name"),
                m.end("verb"),
                f"“{m.group('pronoun')}” repeats the subject {m.group('name')} of the clause",
                suggestion=f"{m.group('name')} {m.group('verb')}",
            )


# A conjunction, an optional title phrase, a name of two to four capitalised words, then a subject pronoun.
_NAME_THEN_PRONOUN = warmstart.regex(
    r"\b(?i:that|whether|because|if|although|though|unless|while)\s+(?P<lead>(?:the\s+)?(?:[\w’'-]+\s+){0,4}?)"
    r"(?P<name>[A-ZÀ-Þ][\w’'-]*[a-zß-ÿ](?:\s+[A-ZÀ-Þ][\w’'-]*[a-zß-ÿ]){1,3})\s+(?P<pronoun>he|she|they)\s+(?P<verb>[a-z]+)\b"
)
# A name of two to four capitalised words (a source's "de", "da", "del" may join them) then "he" or "she": where it
# opens the sentence, its subject said twice ("Federico Viñas he had a chance").
_OPENING_NAME_THEN_PRONOUN = warmstart.regex(
    r"(?P<name>[A-ZÀ-Þ][\w’'-]*[a-zß-ÿ](?:\s+(?:(?:de|da|do|dos|del)\s+)?[A-ZÀ-Þ][\w’'-]*[a-zß-ÿ]){1,3})"
    r"\s+(?P<pronoun>he|she)\s+(?P<verb>[a-z]+)\b"
)
_PRONOUN_GATE = warmstart.regex(r"\s(?:he|she|they)\s")  # in each match of _NAME_THEN_PRONOUN and the one above


@lru_cache(maxsize=None)
def _glued() -> re.Pattern:
    tails = alternation("words.toml", "glued_tail_words")
    verbs = alternation("verbs.toml", "reporting_past_words")
    return warmstart.regex(
        r"\b(?P<head>[A-Za-z]*[a-z]{2})(?P<tail>%s)\b"
        r"|\b[A-Z][a-z]+ (?P<name>[A-Z][a-z]{2,})(?P<verb>%s)\b" % (tails, verbs)
    )


# A token with a lower-case letter followed by a capital inside it: "nominationsPresident", "EcuadorDaniel".
_CASE_JUNCTION = warmstart.regex(
    r"(?<![\w@#/.\-’'&])(?P<head>[A-ZÀ-ÖØ-Þ]?[a-zß-öø-ÿ]+)(?P<tail>[A-ZÀ-ÖØ-Þ][^\W\d_]*)(?![\w@/\-’'&]|\.\w)"
)
_CASE_JUNCTION_GATE = warmstart.regex(r"[a-zß-öø-ÿ][A-ZÀ-ÖØ-Þ]")  # in each match: a head's last letter, the tail's capital
_TOKEN = warmstart.regex(r"[^\W\d_]+")
# A capitalised word long enough to hold a name and a word run together.
_LONG_CAPITALISED = warmstart.regex(r"(?<![\w@#/.\-’'&])[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]{6,40}(?![\w@/\-’'&]|\.\w)")
# Where one can start: its look-behind makes `re` try it at every character (31 ms over 276 corpus files; 9 ms so).
_LONG_CAPITALISED_STARTS = warmstart.regex(r"[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]{6}")
MIN_NAME, MIN_TAIL = 3, 4
# A name can also run into a short function word ("for Argentinaone day", "of Bolsonaroin the inauguration") when
# the name is long enough that no English name ends in such a word and is written alone elsewhere in the text.
MIN_SHORT_TAIL_NAME = 5
# A bracket of two characters or more closed against the next lower-case word: "(PN)who".
_BRACKET_GLUED = warmstart.regex(r"\((?P<inside>[^\s()][^()\n]{0,80}?[^\s()])\)(?P<next>[a-z]{2,})\b")
_BRACKET_GLUED_GATE = warmstart.regex(r"\)[a-z]")  # in each match
# Right after a camel-case identifier, what only code writes: a key's colon, a call's or an assignment's sign.
_CODE_AFTER_IDENTIFIER = frozenset(":(=")
MIN_LOWER_HEAD = 4  # "iPhone", "eBay", "mRNA", "macOS", "kWh": a short lower-case head is how brands and units are spelt


def _token_counts(ctx) -> dict[str, int]:
    counts = ctx.cache.get("fluency.token_counts")
    if counts is None:
        counts = {}
        for token in _TOKEN.findall(ctx.doc.view):
            counts[token] = counts.get(token, 0) + 1
        ctx.cache["fluency.token_counts"] = counts
    return counts


def _word_then_name(head: str, tail: str, counts: dict[str, int]) -> bool:
    """A common English word run into a name ("MinistersAlberto", "DiaryBoric"), where a line break or a link
    was lost: the head is an English word and no first name, the tail no English word but a first name or a name
    the text writes alone. A brand joins its words each time it is written, and its second part is seldom a person's name alone
    ("BlackRock", "PowerPoint"); a double first name ("MaryAnn") opens with a name."""
    common = langdata.common_words("en")
    if len(tail) < MIN_NAME or not tail[1:].islower() or head.lower() not in common:
        return False
    if first_names().get(fold(head)) is not None:
        return False
    # "the Associated Press" or "Rock Hudson" elsewhere do not make "WordPress" or "BlackRock" two words: the
    # name must be no common English word
    if tail.lower() in common:
        return False
    return first_names().get(fold(tail)) is not None or counts.get(tail, 0) > 0


class GluedWords(Detector):
    """What it does:
    Flags two words run together where a link or a name was cut out of the text:
    a word glued to `which`, `who` or `said` (`through Congresswhich has…`, `a member of
    the commissionsaid`), a name glued to a reporting verb (`Gustavo Pedroassured this
    Tuesday`), a name the text writes alone elsewhere glued to a word, short function words
    included (`a message to Argentinaone day after`), a common word glued to a name (`the
    Foreign MinistersAlberto Fernández`), or a closing bracket glued to the next word (`the
    National Party (PN)who were present`), where a line break or a link was lost.

    Why it matters:
    The missing space makes the sentence unreadable and usually marks a place where the
    scraped page lost a link; no English word ends in `which` or `whose`.

    Example:
    The bill went through Congresswhich approved it in May.

    Use instead:
    The bill went through Congress, which approved it in May.
    """

    code = "L105"
    name = "glued-words"
    severity = Severity.WARNING
    family = "fluency"
    targets = ("en",)

    def check(self, ctx):
        yield from first_of_overlapping((
            *self._known_tails(ctx), *self._case_junctions(ctx), *self._name_and_word(ctx), *self._bracket_junctions(ctx)))

    def _bracket_junctions(self, ctx):
        """A closing bracket glued to the lower-case word after it ("the National Party (PN)who were present"): the
        space after the bracket was lost where two segments or a link were joined. A single letter inside the
        brackets is a spelling of its own ("(s)he", "word(s)")."""
        for m in segment_matches(ctx, _BRACKET_GLUED, gate=_BRACKET_GLUED_GATE):
            yield self.finding(
                m.start(),
                m.end(),
                f"“){m.group('next')}” runs the bracket and the next word together",
                suggestion=f"{m.group('inside')}) {m.group('next')}",
            )

    def _name_and_word(self, ctx):
        """A name glued to a common English word ("Semanamedia"): the name is written alone elsewhere in the
        text, the run appears once, and neither the run nor the name is an English word."""
        common = None
        counts = None
        compounds = english_words("words.toml", "compound_tail_words")  # "Obamacare", "Trumpworld": coinages
        for m in segment_matches(ctx, _LONG_CAPITALISED, starts=_LONG_CAPITALISED_STARTS):
            token = m.group()
            counts = counts if counts is not None else _token_counts(ctx)
            if counts.get(token, 0) > 1:
                continue
            shorts = english_words("words.toml", "short_glued_tail_words")
            cuts = [cut for cut in range(MIN_NAME, len(token) - MIN_TAIL + 1) if counts.get(token[:cut], 0)]
            cuts += [len(token) - len(tail) for tail in shorts
                     if token.endswith(tail) and len(token) - len(tail) >= MIN_SHORT_TAIL_NAME
                     and counts.get(token[:-len(tail)], 0)]
            if not cuts:
                continue  # no name of the text starts it: the word list is not even loaded
            common = common if common is not None else langdata.common_words("en")
            if token.lower() in common:
                continue
            for cut in cuts:
                head, tail = token[:cut], token[cut:]
                short = tail in shorts and cut >= MIN_SHORT_TAIL_NAME  # a country is a common word: "Argentinaone"
                if (short or (tail in common and head.lower() not in common)) and tail not in compounds:
                    yield self.finding(
                        m.start(),
                        m.end(),
                        f"“{token}” runs the name “{head}” and the word “{tail}” together",
                        suggestion=f"{head} {tail}",
                    )
                    break

    def _case_junctions(self, ctx):
        """A capital inside a word, where two words met without a space (not a brand's inner capital)."""
        openers = english_words("words.toml", "sentence_opener_words")
        counts = None
        ordered = None  # the text's tokens sorted: the ones a run starts are found by bisection
        for m in segment_matches(ctx, _CASE_JUNCTION, gate=_CASE_JUNCTION_GATE):
            head, tail = m.group("head"), m.group("tail")
            if head[0].islower():
                if len(head) < MIN_LOWER_HEAD or not tail[1:].islower():
                    continue  # "iPhone", "mRNA", "medRxiv", "noooOOOO": a brand's or a unit's spelling, or a shout
                if ctx.doc.view[m.end():m.end() + 1] in _CODE_AFTER_IDENTIFIER:
                    continue  # "placementId: 1414", "getElementById(": an identifier of a script left in the page
            elif len(head) < 4:
                continue  # "McCarthy", "MacArthur", "DeSantis", "LeBron": a name's own capital
            elif tail not in openers:
                # Two names run together are each written on their own elsewhere in the text, and
                # the run appears once; a brand (ExxonMobil, WeChat) is written the same way each time.
                counts = counts if counts is not None else _token_counts(ctx)
                if counts.get(head + tail, 0) > 1:
                    continue
                if (counts.get(head, 0) < 1 or counts.get(tail, 0) < 1) and not _word_then_name(head, tail, counts):
                    continue
                ordered = ordered if ordered is not None else sorted(counts)
                after = bisect.bisect_right(ordered, head + tail)  # the first token after the run, sorted
                if after < len(ordered) and ordered[after].startswith(head + tail):
                    continue  # "CoinMarket Cap" beside "CoinMarketCap": a brand spelt two ways
            yield self.finding(
                m.start(),
                m.end(),
                f"“{head}{tail}” runs two words together",
                suggestion=f"{head} {tail}",
            )

    def _known_tails(self, ctx):
        prefixes = english_words("words.toml", "verb_prefix_words")
        for m in segment_matches(ctx, _glued()):
            if m.group("name"):
                if m.group("name").lower() in prefixes:
                    continue  # "Unstated", "Reaffirmed": a prefix, not a name
                first, second, start = m.group("name"), m.group("verb"), m.start("name")
            else:
                first, second, start = m.group("head"), m.group("tail"), m.start()
                if first.lower() in prefixes:
                    continue  # "aforesaid", "unsaid", "gainsaid": a prefix and the verb, one English word
            yield self.finding(
                start,
                m.end(),
                f"“{first}{second}” runs two words together",
                suggestion=f"{first} {second}",
            )


FINITE_READINGS = frozenset("VZDMA")
NON_FINITE = frozenset(("being", "been", "having"))
ARTICLES = frozenset(("the", "a", "an", "his", "her", "its", "their", "our", "my", "your"))  # a noun follows  # forms of be and have, and what follows them, carry no tense  # a verb that can carry a clause: base/present, -s, past, modal, be/have/do
_LABEL_WORDS = 5  # "Final score: 3-1.", "Next stop: Paris.": a short label before a colon
_STACCATO_WORDS = 3  # a sentence this short before the fragment is a fragment too: a deliberate run
_FRAGMENT_MAX_WORDS = 20
_NAME_ONLY_MAX_WORDS = 5
_FRAGMENT_MIN_WORDS = 4


def _verbless(tokens) -> bool:
    """No word of the sentence can be a finite verb: lower-case words (and the first) by every reading the
    lexicon gives them, capitalised words inside the sentence being names. A contraction carries a verb."""
    before, before_tag = "", ""
    for k, token in enumerate(tokens):
        if token.tag == "$" or "'" in token.low:
            return False  # "the job's done", "it's late", "don't"
        if not token.is_word or (k and token.text[0].isupper()):
            before, before_tag = "", token.tag
            continue
        low = token.low
        readings = tagging.lookup(low) or tagging.guess(low)
        noun = (before in ARTICLES or before_tag == "J") and ("N" in readings or "S" in readings)
        if low in NON_FINITE or before in NON_FINITE or before == "to" or noun:
            before, before_tag = low, token.tag
            continue  # "for having refuted", "to build": no tense; "the case", "new charges": a noun
        before, before_tag = low, token.tag
        if FINITE_READINGS.intersection(readings) or token.low.endswith("ed"):
            return False
    return True


def _name_only(words) -> bool:
    """"Cesare Battisti.", "Trade.": capitalised words alone, the first read as a noun (or, with a second word,
    unknown to the lexicon: a name)."""
    if len(words) > _NAME_ONLY_MAX_WORDS or not all(w.text[0].isupper() for w in words):
        return False
    if any(w.text.isupper() and len(w.text) > 1 for w in words):
        return False  # "NEITHER.", "NO.": shouting, a word of the sentence around it
    readings = tagging.lookup(words[0].low)
    if len(words) == 1:  # "Jeez.", "Wow.": an interjection the lexicon lacks is no name; "Nonsense.": a retort
        return readings[:1] == "N" and words[0].low not in english_words("words.toml", "retort_noun_words")
    return not readings or readings[0] in "NX"


def _copula_left_out(words) -> bool:
    """A name, then `the` and a noun phrase: a subject and its complement with `was` left out, as match reports
    and notes write them ("Harris the pick of the bowlers with 7-117.", "Ruiz the star again."). A phrase cut off a
    sentence opens with the noun phrase itself ("Asia-Pacific Economic Cooperation in November.")."""
    if len(words) < 3 or words[1].low != "the" or not (words[0].text[0].isupper() and words[0].text[1:].islower()):
        return False
    readings = tagging.lookup(words[0].low)
    return not readings or (readings[0] == "N" and "R" not in readings)  # a name, not "Yesterday the…"


def _anchored(tokens, words) -> bool:
    """A verbless phrase long enough to be a cut-off piece of news: four words or more, with a number or a name
    inside it ("Just 15 days before…", "Asia-Pacific Economic Cooperation in November"), not a spoken aside
    ("Nice and easy.", "All of them.")."""
    return len(words) >= _FRAGMENT_MIN_WORDS and (
        any(t.tag == "U" for t in tokens) or any(w.text[0].isupper() for w in words[1:]))


_SPEAKER_WORDS = frozenset(("i", "i'm", "i've", "i'll", "i'd", "me", "my", "you", "you're", "your", "we", "we're", "our"))
_MAX_SPEAKER_WORDS = 2
_SPEAKER_SHARE = 0.02  # more than two in a hundred words: news quotes its speakers, it does not speak to "you"


def _spoken(ctx, quoted) -> bool:
    """Whether the writer speaks in the first or second person outside quotations (a transcript, a blog, fiction),
    where a phrase standing as a sentence is style."""
    if "fluency.spoken" not in ctx.cache:
        view = ctx.doc.view
        count = sum(1 for m in _PERSON_WORD.finditer(view)
                    if m.group().lower().replace("’", "'") in _SPEAKER_WORDS and m.start() not in quoted)
        words = max(1, len(view.split()))
        ctx.cache["fluency.spoken"] = count > _MAX_SPEAKER_WORDS and count / words > _SPEAKER_SHARE
    return ctx.cache["fluency.spoken"]


_PERSON_WORD = warmstart.regex(r"(?<![\w’'])(?:I|[Mm]e|[Mm]y|[Yy]ou|[Yy]our|[Ww]e|[Oo]ur)(?:[’'](?:m|ve|ll|d|re))?(?![\w’'])")


class VerblessFragment(Detector):
    """What it does:
    Flags a short "sentence" inside a paragraph, after a full stop, that has no verb at all:
    a name, a date or a phrase left standing on its own (`…to which he had access. Trade.`,
    `…where the summit will be held. Asia-Pacific Economic Cooperation in November.`,
    `…were seized. 11:26 pm on Friday, March 29.`). A word counts as a possible verb by any
    reading the English lexicon gives it (unless a determiner or adjective before it makes it
    a noun, or `to`, `having` or `been` a non-finite form), and a contraction carries one; a
    phrase must have four words or more with a number or a name inside it, or be names alone.
    Quotations (`“Yes.”`), sentences opening with `and`, `or`, `but` or `yes`, a paragraph's
    first sentence (a dateline, a heading), a name and its complement with the copula left out
    (`Harris the pick of the bowlers with 7-117.`), a heading in capitals run into the paragraph
    (`YEAR TO DATE BOX OFFICE.`), a fragment after another of three words or fewer
    (`Eight tries. Wales. Three by George North.`, a writer's rhythm), a short label and its value
    (`Next stop: Royal Portrush in 2019.`), the notes of a paragraph that opens with such a label (a forecast's
    `Wednesday Night: A chance of showers. Mostly cloudy, with a low around 56.`), spoken asides (`Nice and easy.`), a one-word retort
    (`Nonsense.`, `Rubbish.`) and writers who
    speak as `I` or to `you` outside quotations (transcripts, blogs, fiction) stay quiet.

    Why it matters:
    A scraper that drops a link, or a translation that splits a segment at the wrong place,
    cuts a name or a phrase off the sentence it belongs to (`the newspaper El Comercio` became
    `. Trade.`); the reader is left with a full stop in mid-sentence and a word that means
    nothing alone.

    Example:
    The summit of the forum will be held. Asia-Pacific Economic Cooperation in November.

    Use instead:
    The summit of the Asia-Pacific Economic Cooperation forum will be held in November.
    """

    code = "L109"
    name = "verbless-fragment"
    severity = Severity.WARNING
    family = "fluency"
    targets = ("en",)

    def check(self, ctx):
        view, segments = ctx.doc.view, ctx.segments
        quoted = None
        first = 0  # the paragraph's first sentence
        for k in range(1, len(segments)):
            seg, before = segments[k], segments[k - 1]
            if before.block != seg.block:
                first = k
            if before.block != seg.block or seg.block_kind == "heading":
                continue  # a paragraph's first sentence: a dateline, a heading, a caption
            text = view[seg.start:seg.end].rstrip()
            if not text.endswith(".") or text.endswith("..") or not text[0].isalnum():
                continue
            if not view[before.start:before.end].rstrip().endswith(".") or view[before.start:before.end].rstrip().endswith(".."):
                continue
            if len(view[before.start:before.end].split()) <= _STACCATO_WORDS:
                continue  # "Eight tries. Wales. Three by George North.": a run of fragments is the writer's rhythm
            label, colon, _ = text.partition(": ")  # a label's colon, not a time's ("10:40 pm")
            if colon and len(label.split()) <= _LABEL_WORDS:
                continue  # "Next stop for the Open: Royal Portrush in 2019.": a label and its value, written so
            if _labelled(view, segments[first]):
                continue  # "Tonight: Showers, mainly before 1 a.m. Low around 64.": notes under the paragraph's label
            tokens = tagged(ctx)[k][1]  # the document's tagging, shared: its text's trailing white space holds no token
            words = [t for t in tokens if t.is_word]
            if not words or len(words) > _FRAGMENT_MAX_WORDS:
                continue
            if (tagging.lookup(words[0].low) or "N")[0] in "CKH":
                continue  # "Or almost nothing.", "Yes.": a writer's short answer
            if _copula_left_out(words):
                continue  # "Harris the pick of the bowlers with 7-117.": a subject and its complement, noted
            if len(words) >= 2 and all(w.text.isupper() for w in words):
                continue  # "YEAR TO DATE BOX OFFICE.": a heading run into the paragraph in capitals
            if not (_name_only(words) or (_anchored(tokens, words) and _verbless(tokens))):
                continue
            if quoted is None:
                quoted = Covered(quoted_spans(ctx))
            if seg.start in quoted or seg.start + len(text) - 1 in quoted or _spoken(ctx, quoted):
                continue
            yield self.finding(
                seg.start,
                seg.start + len(text),
                "a sentence with no verb, cut off from the sentence before it",
                suggestion="join it to the sentence it belongs to, or give it a verb",
            )


def _labelled(view: str, seg) -> bool:
    """The sentence opens with a short label and its colon, no verb of saying in it (`Wednesday Night:`, `Goals:`):
    the paragraph is an entry of a forecast, a box score or a fact file, written in notes."""
    label, colon, _ = view[seg.start:seg.end].partition(": ")
    words = label.split()
    return bool(colon) and 0 < len(words) <= _LABEL_WORDS and words[0][0].isupper() and not any(
        tagging.lookup(w.lower())[:1] in ("D", "Z") for w in words)


# A word of letters, with what touches it: a link, a handle, a file name or a compound is not prose.
_CASED_WORD = warmstart.regex(r"(?<![\w@#/.\-’'&_])[^\W\d_]{3,30}(?![\w@/\-’'&_]|\.\w)")
_WORD_BEFORE = warmstart.regex(r"([^\W\d_]+) $")
_MID_SENTENCE_BEFORE = warmstart.regex(r"[^\W_],? $")  # a word (and maybe a comma) then one space: not a sentence's start


def _cased_words(ctx) -> tuple[frozenset[str], list[re.Match]]:
    """The lower-cased forms of the capitalised words the text writes inside a sentence, where English
    capitalises only names ("the legislator Patricia Chirinos said"): the text's own names; and the matches
    of its lower-case words, in order. One pass over the words for both: the names are known only at its end."""
    view = ctx.doc.view
    names = set()
    lower = []
    for m in segment_matches(ctx, _CASED_WORD):
        word = m.group()
        if word.islower():
            lower.append(m)
        elif word[0].isupper() and word[1:].islower() and _MID_SENTENCE_BEFORE.search(view, max(0, m.start() - 3), m.start()):
            names.add(word.lower())
    return frozenset(names), lower


def _quoted_terms(ctx) -> frozenset[str]:
    """The words of every quotation that holds only a lower-case term of at most three words (`the
    expression “pura vida.”`): the writer sets the term in lower case on purpose, wherever it recurs."""
    view = ctx.doc.view
    terms = set()
    for start, end in quoted_spans(ctx):
        inner = view[start + 1:end - 1].strip(" .,;:!?")
        words = inner.split()
        if 1 <= len(words) <= 3 and all(w.isalpha() and w.islower() for w in words):
            terms.update(words)
    return frozenset(terms)


class LowercaseName(Detector):
    """What it does:
    Flags a person's name written in lower case (`the legislator Patricia chirinos`) that
    the same text writes elsewhere with a capital inside a sentence (`Patricia Chirinos
    said`): a first name, or the word right after one, that is no English word (not in the
    English lexicon, nor among wordfreq's common words unless it is a first name). A text
    whose sentences often start in lower case is left alone, and so are links, handles,
    hyphenated words and a term the text sets in quotation marks in lower case (`the
    expression “pura vida”` beside the slogan `Pura Vida!`).

    Why it matters:
    A name whose capital went missing is a trace of the machine translation or of the
    scraper: some engines lower-case a name they took for a common word, and the same text
    then spells one person two ways. Readers stumble, and a search for the name misses it.

    Example:
    The legislator Patricia Chirinos presented a motion. Congress rejected the motion of patricia chirinos on Thursday.

    Use instead:
    The legislator Patricia Chirinos presented a motion. Congress rejected the motion of Patricia Chirinos on Thursday.
    """

    code = "L110"
    name = "lowercase-name"
    severity = Severity.WARNING
    family = "fluency"
    targets = ("en",)

    def check(self, ctx):
        view = ctx.doc.view
        names, lower = _cased_words(ctx)
        common = terms = None
        for m in lower if names else ():
            word = m.group()
            if word not in names:
                continue
            if common is None:
                if casual_writer(ctx):
                    return
                common = langdata.common_words("en")
            first = first_names().get(fold(word))
            if tagging.lookup(word) or word in common and first is None:
                continue  # "senate" beside "the Senate", "facebook" beside "Facebook": English words (first names
                # are among wordfreq's words too: "patricia" is kept, as a name)
            before = _WORD_BEFORE.search(view, max(0, m.start() - 40), m.start())
            if first is None and not (before and first_names().get(fold(before.group(1)))):
                continue  # only a person's name: a first name, or the word after one ("Patricia chirinos"), not
                # "the mujahed" or "for coronavirus" beside a capitalised use
            if terms is None:
                terms = _quoted_terms(ctx)
            if word in terms:
                continue  # "the expression “pura vida”", then "the pura vida attitude": a term, not a name
            capital = word[0].upper() + word[1:]
            yield self.finding(
                m.start(),
                m.end(),
                f"“{word}” is written “{capital}” elsewhere in this text, as a name",
                suggestion=capital,
            )
