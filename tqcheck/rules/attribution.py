"""Reporting verbs calqued from Spanish, French or Portuguese, found by the shape of an attribution."""
from __future__ import annotations

import re
from functools import lru_cache

from tqcheck.data import langdata
from tqcheck.finding import Severity
from tqcheck.rules.base import Detector, pattern_literals, segment_matches
from tqcheck.rules.calques import LANGUAGE_NAMES, ROMANCE, english_words, is_past, romance_sources
from tqcheck.rules.false_friends import document_names
from tqcheck.speed import warmstart
from tqcheck.speed.wordtrie import trie_pattern
from tqcheck.text.tagging import lookup

_WORD = warmstart.regex(r"[A-Za-zÀ-ÿ][\w’'.-]*")


class _VerbTable:
    """The `reporting` entries of the pairs' calques.toml, by the English form they catch."""

    def __init__(self, pairs: tuple[str, ...]):
        self.by_form: dict[str, dict[str, dict]] = {}  # form → {source language: entry}
        for lang in pairs:
            for entry in langdata.table(f"{lang}-en", "calques.toml", "reporting"):
                forms = entry.get("forms", [entry["word"]])
                for form in forms + present_forms(forms):
                    self.by_form.setdefault(form, {})[lang] = entry
        forms = sorted(self.by_form, key=lambda f: (-len(f), f))
        self.pattern = warmstart.regex(r"\b(?:%s)\b" % "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in forms)) if forms else None


def present_forms(forms: list[str]) -> list[str]:
    """The present tense of a past form the entry lists alone (`mocked` → `mocks`, `ratified` → `ratifies`):
    Spanish headlines and live blogs report in the present (`AMLO se burla de que`, `Petro asegura que`), and
    the machine keeps it. Only a form the lexicon reads first as a verb, so that a plural noun
    (`questions`, `values`, `details`) is not taken for one."""
    if any(f.endswith("s") for f in forms):
        return []
    out = []
    for past in forms:
        if " " in past or not past.endswith("ed"):
            continue
        stem = past[:-2]
        bases = [stem + "e", stem] + ([stem[:-1]] if stem[-1:] == stem[-2:-1] else []) + (
            [stem[:-1] + "y"] if stem.endswith("i") else [])
        base = next((b for b in bases if "V" in lookup(b)), None)
        if base is None:
            continue
        consonant_y = len(base) > 1 and base[-1] == "y" and base[-2] not in "aeiou"
        third = base[:-1] + "ies" if consonant_y else base + ("es" if base.endswith(("s", "x", "z", "ch", "sh")) else "s")
        if lookup(third)[:1] == "Z":
            out.append(third)
    return out


@lru_cache(maxsize=None)
def verb_table(pairs: tuple[str, ...]) -> _VerbTable:
    return _VerbTable(pairs)


@lru_cache(maxsize=None)
def _adverbial() -> str:
    """An adverbial of time, place or audience: `on Sunday`, `in a statement`, `to the press`."""
    openers = english_words("words.toml", "attribution_adverbial_words")
    audience = english_words("words.toml", "audience_words")
    times = english_words("words.toml", "attribution_time_phrases")
    return r"(?:(?:%s)\b(?:\s+[\w’'-]+){0,5}?|to\s+(?:the\s+|local\s+|foreign\s+)?(?:%s)\b|(?:%s)\b)" % (
        "|".join(re.escape(w) for w in sorted(openers, key=lambda w: (-len(w), w))),
        "|".join(re.escape(w) for w in sorted(audience, key=lambda w: (-len(w), w))),
        "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(times, key=lambda w: (-len(w), w))))


@lru_cache(maxsize=None)
def _complement() -> re.Pattern:
    """After the verb: `that` (an adverbial may come between), or straight away a colon or a quotation."""
    return warmstart.regex(r"(?:(?:,?\s+%s(?:\s*,)?){0,2}?\s+that\b(?P<then>\s+[\w“\"‘’'-]+)?(?P<second>\s+[\w’'-]+)?|(?P<quote>\s*:|\s+[“\"«]))" % _adverbial())


@lru_cache(maxsize=None)
def _clause_end() -> re.Pattern:
    """After a verb that closes an attribution: the end of the clause, or an adverbial."""
    return warmstart.regex(r"\s*(?:[.,;!?…]|$)|\s+(?:%s|without|while|when)\b" % _adverbial())


# A speaker named after a closing quotation mark: a pronoun, a name (`Mr. Legault`, `Arévalo de León`), or
# `the` and a title (`the Prime Minister`, `the minister of finance`).
# A name's words are taken possessively (tests/test_pattern_guard.py): nothing after a name reads a
# capitalised word or a whole particle, so giving one back never helped; a particle must be a whole
# word for that to hold (`la` is not the start of `later`).
_SPEAKER = (r"(?:he|she|they|we|I|(?:(?:Mr|Mrs|Ms|Dr|Sr|Sra)\.?\s+)?[A-Z][\w’'-]*(?:\s+(?:[A-Z][\w’'-]*|(?:de|da|do|dos|del|la|van|von)(?![\w’'-])))*+"
            r"|the\s+(?:[\w’'-]+\s+){0,3}?[\w’'-]+)")
_QUOTE_BEFORE = warmstart.regex(r"[”\"»’][.,]?\s+(?P<subject>%s)\s+(?:(?:also|later|then|again)\s+)?$" % _SPEAKER)
_PRONOUN_CLOSING = warmstart.regex(r",\s+(?P<subject>he|she|they)\s+$")
_QUOTE_CLOSED_BEFORE = warmstart.regex(r"[”\"»’][.,]?\s*$")
_INVERTED_SUBJECT = warmstart.regex(r"\s+(?P<subject>%s)\s*(?:[.;!?…,]|$)" % _SPEAKER)
# A name between commas after the noun it stands beside: `The president of Colombia, Gustavo Petro, `.
_APPOSITION = warmstart.regex(r"(?P<head>[\w’'-]+),\s+(?P<name>(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?[A-Z][\w’'-]*"
                              r"(?:\s+(?:[A-Z][\w’'-]*|(?:de|da|do|dos|del|la|van|von)(?![\w’'-]))){0,4}),\s*$")
_NAME_THEN_ASIDE = warmstart.regex(r"(?P<name>[A-Z][\w’'-]*(?:\s+(?:[A-Z][\w’'-]*|(?:de|da|do|dos|del|la|van|von)(?![\w’'-]))){0,4}),"
                                   r"\s+(?P<opener>[a-z]+)\b[^,;:“”\"()]{1,80},\s*$")
_NP_LINKS = frozenset(("of", "the", "from", "for", "and", "by", "de", "del", "da", "do", "dos", "das", "la", "el"))


class CalquedReportingVerb(Detector):
    """What it does:
    Flags a reporting verb that English news does not use for attribution, calqued from
    Spanish, French or Portuguese (`Tohá indicated that…`, `the minister assured this
    Monday that…`, `“…,” he attested.`, `…, hammered the minister.`). The verb must stand
    in an attribution: a person, title or institution before it (a name may follow its title
    between commas, or come before an aside between commas; after `and` or `but` the speaker
    of the sentence's first verb of saying speaks again) and `that`, a colon or a quotation
    after it (an adverbial of time or place may come between), or after a closing quotation
    mark. The verbs and their sources are the language pairs' `calques.toml` `[[reporting]]`
    entries, with the present tense of those listed only in the past; those that native news
    also uses (`pointed out`, `stressed`) are only hints.

    Why it matters:
    Spanish `indicó`, `aseguró`, `afirmó`, French `a assuré`, `a martelé`, Portuguese `avaliou`,
    `pontuou` are the everyday verbs of attribution in those presses. Word for word they give
    English verbs with another meaning (`assured` needs someone assured, `indicated` points at
    something), and a page of them reads as an unedited translation.

    Example:
    The minister assured this Monday that the border would reopen.

    Use instead:
    The minister said on Monday that the border would reopen.
    """

    code = "C109"
    name = "calqued-reporting-verb"
    severity = Severity.WARNING
    family = "calques"
    targets = ("en",)
    sources = ROMANCE

    def check(self, ctx):
        pairs = romance_sources(ctx, tuple(langdata.sources_for("en")))
        if not pairs:
            return
        table = verb_table(pairs)
        if table.pattern is None:
            return
        view = ctx.doc.view
        # Only the sentences the one pass over the file found one of the forms' literals in (`literals`).
        for m in segment_matches(ctx, table.pattern):
            seg = ctx.segment_at(m.start())
            form = " ".join(m.group(0).split())
            by_lang = table.by_form[form]
            lang = next(p for p in pairs if p in by_lang)
            entry = by_lang[lang]
            if not self._attribution(view, seg, m, entry) or document_names(ctx, entry.get("not_in_document")):
                continue
            yield self.finding(
                m.start(),
                m.end(),
                f"“{form}” as a verb of attribution follows {LANGUAGE_NAMES.get(lang, lang)} "
                f"“{entry['source']}”; English news reports speech with “said”",
                suggestion=entry.get("use", "said"),
                source_lang=lang,
                severity=Severity.parse(entry["severity"]) if "severity" in entry else None,
            )

    def literals(self, ctx):
        pairs = romance_sources(ctx, tuple(langdata.sources_for("en")))
        table = verb_table(pairs) if pairs else None
        return tuple(sorted(pattern_literals(table.pattern))) if table is not None and table.pattern is not None else ()

    def _attribution(self, view, seg, m, entry) -> bool:
        before = view[seg.start:m.start()]
        return ((entry.get("that", True) and self._subject_then_complement(view, seg, m, entry, before))
                or self._after_quotation(view, seg, m, before, entry))

    def _subject_then_complement(self, view, seg, m, entry, before) -> bool:
        """`Tohá indicated that`, `The president also assured on Sunday that`, `Boric remarked:`."""
        c = _complement().match(view, m.end(), seg.end)
        if not c:
            return False
        if entry.get("object"):
            # a verb that takes an object: "highlighted “deeply worrying” cases", "defended that decision"
            if c.group("quote"):
                return False
            nxt = c.group("then").strip().strip("“\"‘’'") if c.group("then") else ""
            second = (c.group("second") or "").strip()
            if not (nxt[:1].isupper() or nxt[:1].isdigit() or nxt.lower() in english_words("words.toml", "clause_opening_words")
                    or second in english_words("words.toml", "clause_auxiliary_words") or is_past(second)):
                return False
        if (not entry.get("perfect", True)
                and (c.group("then") or "").strip().lower() in english_words("words.toml", "intention_subject_words")
                and (c.group("second") or "").strip().lower() in english_words("words.toml", "intention_modal_words")):
            return False  # "the central bank indicated that it would…", "…that they would wait": a signalled intention
        if before.rstrip().endswith((";", "(", ")")):
            return False
        if before.rstrip().endswith(","):
            # only a name set off by commas after its title (`the president of Colombia, Gustavo Petro,
            # assured that`): after any other comma the verb may be a participle (`the minister, assured that…`)
            apposition = _APPOSITION.search(before)
            if apposition and apposition.group("head").lower() not in english_words("words.toml", "function_words"):
                before = apposition.group("name")
            else:
                # or a name, then an adverbial between commas (`Irene Vélez, during her visit, assured that`)
                aside = _NAME_THEN_ASIDE.search(before)
                if not aside or aside.group("opener").lower() not in english_words("words.toml", "attribution_adverbial_words"):
                    return False
                before = aside.group("name")
        words = [w.rstrip(".") for w in _WORD.findall(before)]
        adverbs = english_words("words.toml", "attribution_adverb_words")
        while words and words[-1].lower() in adverbs:
            words.pop()
        if words and words[-1].lower() in ("has", "have", "had"):
            if not entry.get("perfect", True):
                return False  # "has indicated that it would…" signals an intention, which is native
            words.pop()
            while words and words[-1].lower() in adverbs:
                words.pop()
        if words and words[-1].lower() in english_words("words.toml", "linking_verb_words"):
            return False  # "Rest assured that…", "they remained convinced that…": a participle of state
        if words and words[-1].lower() in ("and", "but"):
            # a second verb of the same speaker: `AMLO says that … and again accuses that`
            reporting = english_words("verbs.toml", "reporting_words")
            first = next((i for i, w in enumerate(words[:-1]) if w.lower() in reporting), 0)
            words = words[:first]  # the first verb's subject speaks for both
        if not words or not self._is_subject(words[-1], len(words) == 1):
            return False
        return not self._names_no_speaker(words)

    def _is_subject(self, word: str, first: bool) -> bool:
        low = word.lower()
        if low in english_words("words.toml", "attribution_pronoun_words"):
            return True
        if low in english_words("words.toml", "non_agent_words") or low in english_words("words.toml", "function_words"):
            return False
        if low in english_words("words.toml", "agent_noun_words"):
            return True
        return word[:1].isupper() and not (first and low in english_words("words.toml", "subject_words"))

    @staticmethod
    def _names_no_speaker(words: list[str]) -> bool:
        """`Results from Actor-Partner Modeling`, `figures from the Council of Mortgage Lenders`: the
        subject's head is a document or a figure, however many capitalised words follow it."""
        non_agents = english_words("words.toml", "non_agent_words")
        for word in reversed(words):
            low = word.lower()
            if low in non_agents:
                return True
            if not (word[:1].isupper() or low in _NP_LINKS):
                return False
        return False

    def _after_quotation(self, view, seg, m, before, entry) -> bool:
        """`“…,” he attested.`, `“…”, Robledo expressed without…`, `“…”, hammered the minister.`"""
        if not entry.get("quoted", True):
            return False  # "“Where is the fun?” they pondered" is native
        q = _QUOTE_BEFORE.search(before) or _PRONOUN_CLOSING.search(before)
        if q and _clause_end().match(view, m.end(), seg.end):
            return self._speaker(q.group("subject"))
        # inverted: "“…”, indicated the minister." — the Romance order verb-subject
        inverted = _QUOTE_CLOSED_BEFORE.search(before) and _INVERTED_SUBJECT.match(view, m.end(), seg.end)
        return bool(inverted) and self._speaker(inverted.group("subject"))

    def _speaker(self, subject: str) -> bool:
        last = subject.split()[-1]
        return last.lower() in english_words("words.toml", "attribution_pronoun_words") or self._is_subject(last, False)


CLAUSELESS_FILE = "clauseless_verbs.txt"


@lru_cache(maxsize=None)
def _clauseless_verbs() -> dict[str, tuple[str, str]]:
    """`en/clauseless_verbs.txt`: form → (lemma, source-language look-alike)."""
    return {form: (lemma, source) for form, lemma, source in langdata.tab_rows("en", CLAUSELESS_FILE)}


@lru_cache(maxsize=None)
def _clauseless_pattern(pairs: tuple[str, ...]) -> re.Pattern | None:
    typed = verb_table(pairs).by_form
    forms = sorted((f for f in _clauseless_verbs() if f not in typed), key=lambda f: (-len(f), f))
    # One word each (tests/test_attribution.py holds the file to that), so a trie finds what the plain
    # alternation found, at a tenth of its cost on a large file.
    return warmstart.regex(r"\b%s\b" % trie_pattern(forms)) if forms else None


# what a generated verb's frame asks: a clause after `that` (not `that view`), never only a closing quotation
_CLAUSELESS_ENTRY = {"object": True, "quoted": False}


class ClauselessReportingVerb(CalquedReportingVerb):
    """What it does:
    Flags a verb that English never follows with a `that` clause, used to report speech or
    thought the way Spanish, French or Portuguese use its look-alike: `The minister
    celebrated that the law passed`, `Tohá referred that the fires were under control`. The
    verbs are not a list written by hand: `en/clauseless_verbs.txt` is generated by
    `tools/build_clause_verbs.py` from WordNet's verb frames (no sense of the verb has
    "Somebody ----s that CLAUSE") and word frequencies (the verb looks like a common
    source-language verb). The verb must stand where C109's verbs do: a person, title or
    institution before it, and `that` followed by the start of a clause after it. The verbs of
    C109's own table are left to C109.

    Why it matters:
    `celebró que`, `refirió que`, `a salué que`, `valorizou que` report what someone said or
    thought; word for word they give an English verb that cannot take a clause, and the
    sentence reads as an unedited translation.

    Example:
    The mayor celebrated that the bridge reopened on Monday.

    Use instead:
    The mayor welcomed the reopening of the bridge on Monday.
    """

    code = "C110"
    name = "clauseless-reporting-verb"
    severity = Severity.WARNING

    def check(self, ctx):
        pairs = romance_sources(ctx, tuple(langdata.sources_for("en")))
        if not pairs:
            return
        pattern = _clauseless_pattern(pairs)
        if pattern is None:
            return
        table = _clauseless_verbs()
        view = ctx.doc.view
        for seg in ctx.segments:
            for m in pattern.finditer(view, seg.start, seg.end):
                if not self._attribution(view, seg, m, _CLAUSELESS_ENTRY):
                    continue
                lemma, source = table[m.group()]
                yield self.finding(
                    m.start(),
                    m.end(),
                    f"“{m.group()}” does not take a “that” clause in English; the construction follows a "
                    f"source-language verb such as “{source}”",
                    suggestion="said, welcomed, noted (or rephrase with a noun)",
                )
