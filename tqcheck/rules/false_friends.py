"""False friends: English words used in the sense of a look-alike Spanish, French or Portuguese word."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from tqcheck.data import langdata
from tqcheck.speed import warmstart
from tqcheck.finding import Severity
from tqcheck.rules.base import Detector, anchor_hits
from tqcheck.speed.wordlist import WordList

LANGUAGE_NAMES = {"es": "Spanish", "fr": "French", "pt": "Portuguese"}
DATA_FILE = "false_friends.toml"


@dataclass(frozen=True)
class Entry:
    """One false friend of a language pair's table: the English look-alike and what it is taken for."""

    code: str
    word: str  # the English look-alike, a stem: a cheap filter before the full pattern runs
    pattern_source: str
    context_source: str | None
    not_context_source: str | None
    source_word: str
    meaning: str
    suggestion: str
    case: bool = False
    # a regex that, found anywhere in the document, says the look-alike is the document's own English: Canadian
    # political English calls a government's term its "mandate", and a text about Quebec or a province is in it
    not_in_document_source: str | None = None

    # Compiled on first use: most entries' stems never occur in a given file, and compiling
    # hundreds of patterns up front was most of a one-file run's start-up.
    @property
    def pattern(self) -> re.Pattern:
        return _compile(self.pattern_source, self.case)

    @property
    def context(self) -> re.Pattern | None:
        return _compile(self.context_source, self.case)

    @property
    def not_context(self) -> re.Pattern | None:
        return _compile(self.not_context_source, self.case)

    @property
    def not_in_document(self) -> re.Pattern | None:
        return _compile(self.not_in_document_source, self.case)


@lru_cache(maxsize=None)
def _compile(regex: str | None, case: bool) -> re.Pattern | None:
    if not regex:
        return None
    return warmstart.regex(regex, 0 if case else re.IGNORECASE)


@lru_cache(maxsize=None)
def _entry(pair: str, index: int) -> Entry:
    """The entry at `index` of the pair's table, built when a file holds its stem. Its fields are kept in the
    warm-start file one entry apiece, so that a file holding a few stems does not unmarshal three whole
    tables (≈ 180 KB each, with every entry's examples) to read a few of their entries."""
    return Entry(*warmstart.data(f"false-friend:{pair}:{index}", lambda: _entry_fields(pair, index)))


def _entry_fields(pair: str, index: int) -> tuple:
    table = langdata.load(pair, DATA_FILE)
    raw = table["false_friend"][index]
    return (raw.get("code") or table["code"], raw["word"].lower(), raw["pattern"], raw.get("context"),
            raw.get("not_context"), raw["source_word"], raw["meaning"], raw["suggestion"],
            raw.get("case_sensitive", False), raw.get("not_in_document"))


@dataclass(frozen=True)
class Rule:
    """One English pattern with the source languages (and their words) that list it."""

    entry: Entry
    sources: tuple[tuple[str, str], ...]  # (language, source word)


@lru_cache(maxsize=None)
def _grouping(langs: tuple[str, ...], target: str, code: str) -> dict[str, list]:
    """English stem → [(pair, the entry's index in the pair's table, ((language, source word), …)), …]: the
    rules of `code` for these source languages, each pattern listed once. Kept in the warm-start file: the
    rules themselves, built for every entry of three tables, were 8 ms of a one-file run, and a file
    holds a few of their stems (`_stem_rules` builds those)."""
    return warmstart.data(f"false-friends:{code}:{target}:{','.join(langs)}", lambda: _group(langs, target, code))


def _group(langs: tuple[str, ...], target: str, code: str) -> dict[str, list]:
    grouped: dict[tuple, tuple[str, str, int, list]] = {}
    for lang in langs:
        pair = f"{lang}-{target}"
        table = langdata.load(pair, DATA_FILE)
        for index, raw in enumerate(table.get("false_friend", [])):
            if (raw.get("code") or table["code"]) != code:
                continue
            key = (raw["pattern"], raw.get("context"), raw.get("not_context"), raw.get("not_in_document"))
            grouped.setdefault(key, (raw["word"].lower(), pair, index, []))[3].append((lang, raw["source_word"]))
    by_stem: dict[str, list] = {}
    for stem, pair, index, sources in grouped.values():
        by_stem.setdefault(stem, []).append((pair, index, tuple(sources)))
    return by_stem


@lru_cache(maxsize=None)
def _stem_rules(langs: tuple[str, ...], target: str, code: str, stem: str) -> tuple[Rule, ...]:
    return tuple(Rule(_entry(pair, index), sources) for pair, index, sources in _grouping(langs, target, code)[stem])


@lru_cache(maxsize=None)
def _stems(langs: tuple[str, ...], target: str, code: str) -> tuple[str, ...]:
    """The English stems of `code`'s rules: what the one pass over the file looks for."""
    return tuple(sorted(_grouping(langs, target, code)))


def _trie_regex(words) -> str:
    """An alternation factored by common prefixes, so `re` dispatches on the first letters."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 and not ends else "(?:" + "|".join(branches) + ")"
        return body + "?" if ends else body

    return build(trie)


@lru_cache(maxsize=None)
def _stem_filter(stems: frozenset[str]) -> re.Pattern:
    ordered = sorted(stems)
    trie = warmstart.data("stem-trie:" + "|".join(ordered), lambda: _trie_regex(ordered))
    return warmstart.regex(r"\b(?:%s)" % trie)


@lru_cache(maxsize=None)
def _prefix_stems(stems: frozenset[str], stem: str) -> tuple[str, ...]:
    """The stems a matched (longest) stem also starts with: `realization` is a `realiz` word too."""
    return tuple(s for s in stems if stem.startswith(s))


def _lower_same_length(text: str) -> str:
    """`text.lower()`, keeping offsets: a rare character whose lower case is longer stays as it is."""
    lower = text.lower()
    if len(lower) != len(text):
        lower = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return lower


def _source_words(sources) -> str:
    parts = [f"{LANGUAGE_NAMES.get(lang, lang)} “{word}”" for lang, word in sources]
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " or " + parts[-1]


class _FalseFriendCheck:
    """The shared check; a mixin, so the registry does not take it for a detector."""

    family = "false-friends"
    targets = ("en",)
    sources = ("es", "fr", "pt")

    def literals(self, ctx):
        return _stems(tuple(ctx.source_langs), ctx.target_base, self.code)

    def check(self, ctx):
        langs = tuple(ctx.source_langs)
        by_stem = _grouping(langs, ctx.target_base, self.code)
        if not by_stem:
            return
        stems = frozenset(by_stem)
        stem_filter = _stem_filter(stems)
        view = ctx.doc.view
        hits = anchor_hits(ctx)
        # Only the sentences the one pass over the file found a stem in (as letters anywhere; the stem
        # filter then asks for it at the start of a word), each lower-cased on its own.
        for i, seg in enumerate(ctx.segments):
            held = hits.get(i)
            if held is None or held.isdisjoint(stems):
                continue
            sentence = view[seg.start:seg.end]
            present: set[str] = set()
            for m in stem_filter.finditer(_lower_same_length(sentence)):
                present.update(_prefix_stems(stems, m.group(0)))
            if not present:
                continue
            seen = set()
            for stem in sorted(present):
                for rule in _stem_rules(langs, ctx.target_base, self.code, stem):
                    if _said_by_document(ctx, rule.entry):
                        continue
                    for a, b in _matches(rule.entry, sentence):
                        start, end = seg.start + a, seg.start + b
                        if (start, end) in seen:
                            continue
                        seen.add((start, end))
                        yield self.finding(
                            start,
                            end,
                            f"“{view[start:end]}” reads like a false friend of {_source_words(rule.sources)} "
                            f"({rule.entry.meaning})",
                            suggestion=rule.entry.suggestion,
                            source_lang=rule.sources[0][0],
                        )


def _said_by_document(ctx, entry: Entry) -> bool:
    """The entry's `not_in_document` pattern occurs in the document: its variety of English uses the word so."""
    return document_names(ctx, entry.not_in_document_source, entry.case)


def document_names(ctx, source: str | None, case: bool = False) -> bool:
    """A data entry's `not_in_document` pattern occurs somewhere in the document (searched once per document):
    the text is written in a variety of English that uses the entry's word as native usage."""
    if not source:
        return False
    found = ctx.cache.setdefault("false-friend-documents", {})
    if (source, case) not in found:
        found[(source, case)] = _compile(source, case).search(ctx.doc.view) is not None
    return found[(source, case)]


def _matches(entry: Entry, sentence: str):
    if entry.context and not entry.context.search(sentence):
        return
    if entry.not_context and entry.not_context.search(sentence):
        return
    for m in entry.pattern.finditer(sentence):
        if "hit" in entry.pattern.groupindex and m.group("hit") is not None:
            yield m.span("hit")
        else:
            yield m.span()


class FalseFriend(_FalseFriendCheck, Detector):
    """What it does:
    Flags an English word used in the sense of a look-alike Spanish, French or Portuguese
    word, where the words around it leave little doubt: `realized a meeting` (realizar, to
    hold), `assisted to the ceremony` (asistir, to attend), `a sensible issue` (sensible,
    sensitive), `the responsible for the attack` (el responsable, the person responsible).
    A use that a variety of English shares is left alone in a text written in it: Canadian
    political English calls a government's first term won at the polls its first `mandate`,
    so `won a first mandate` is quiet in a text about Quebec or another province (`during a
    first mandate`, `the end of her mandate` still fire there).

    Why it matters:
    A false friend keeps the form of the source word and changes its meaning; the reader
    understands something the original never said.

    Example:
    The council realized a meeting with the residents and assisted to the ceremony.

    Use instead:
    The council held a meeting with the residents and attended the ceremony.
    """

    code = "F101"
    name = "false-friend"
    severity = Severity.WARNING


class PossibleFalseFriend(_FalseFriendCheck, Detector):
    """What it does:
    Points out an English word that is often a false friend of a Spanish, French or
    Portuguese word but is also ordinary English in the same place (`eventually` for
    eventualmente, "possibly"; `pretends to` for pretender, "intends to").

    Why it matters:
    These readings are worth a second look in translated text, but they are too often
    right to count against a document.

    Example:
    The ministry pretends to launch the programme next year.

    Use instead:
    The ministry intends to launch the programme next year.
    """

    code = "F102"
    name = "possible-false-friend"
    severity = Severity.INFO


# --- rare cognates (F103/F104): a mechanism over generated data, not a list written by hand -------------

COGNATES_FILE = "cognates.txt"
WORD_PATTERN = r"[A-Za-z]+"


def _read_cognates(lang: str) -> dict | None:
    """`cognates.txt`: english<TAB>source look-alike<TAB>usual translation (empty when none) → WordList buckets."""
    rows = langdata.tab_rows(f"{lang}-en", COGNATES_FILE)
    if rows is None:
        return None
    words = [en for en, _source, _usual in rows]
    return WordList.build(words, [f"{source}|{usual}" for _en, source, usual in rows]).buckets


@lru_cache(maxsize=None)
def cognates(lang: str) -> WordList | None:
    """The rare English look-alikes of common `lang` words (`<lang>-en/cognates.txt`), loaded on first use."""
    buckets = warmstart.data(f"cognates:{lang}", lambda: _read_cognates(lang))
    return None if buckets is None else WordList(buckets)


@lru_cache(maxsize=None)
def _cognate_words(langs: tuple[str, ...]) -> frozenset[str]:
    """Every English look-alike of the languages' cognates.txt: what the one pass over the file looks for."""
    return frozenset(line.partition("\t")[0] for lang in langs if (table := cognates(lang)) is not None
                     for bucket in table.buckets.values() for line in bucket.split("\n") if line)


@lru_cache(maxsize=None)
def _listed_stems(langs: tuple[str, ...], target: str) -> tuple[str, ...]:
    return tuple(stem for code in ("F101", "F102") for stem in _grouping(langs, target, code))


class _RareCognateCheck:
    """The shared check of F103/F104; `with_suggestion` tells which half of the table the code reports."""

    family = "false-friends"
    targets = ("en",)
    sources = ("es", "fr", "pt")
    with_suggestion = True

    def literals(self, ctx):
        return _cognate_words(tuple(ctx.source_langs))

    def check(self, ctx):
        for start, end, word, found, usual in _rare_cognates(ctx):
            if bool(usual) != self.with_suggestion:
                continue
            usual_text = f"; the usual translation is “{usual}”" if usual else ""
            yield self.finding(
                start, end,
                f"“{word}” is rare in English but looks like the common "
                f"{_source_words([(lang, source) for lang, source, _u in found])}{usual_text}",
                suggestion=usual or None,
                source_lang=found[0][0],
            )


def _suffix_doublet(word: str, usual: str) -> bool:
    """English adjectives in -ic and -ical are one word in two forms ("problematic(al)", "poetic(al)", "dynamic(al)",
    "ecologic(al)"): the rarer form is a native writer's choice, as British and literary English make it, not a
    source word's shape, and a translation engine gives the usual form."""
    return bool(usual) and word.endswith(("ic", "ical")) and (word == usual + "al" or usual == word + "al")


def _rare_cognates(ctx) -> list[tuple[int, int, str, list, str]]:
    """(start, end, word, [(language, look-alike, usual translation)], the first usual translation) of every
    rare look-alike of the file: its words looked up once for both F103 (with a usual translation) and F104."""
    cached = ctx.cache.get("rare_cognates")
    if cached is not None:
        return cached
    out = ctx.cache["rare_cognates"] = []
    tables = [(lang, t) for lang in ctx.source_langs if (t := cognates(lang)) is not None]
    if not tables:
        return out
    listed = _listed_stems(tuple(ctx.source_langs), ctx.target_base)
    word_re = warmstart.regex(WORD_PATTERN)
    view = ctx.doc.view
    hits = anchor_hits(ctx)
    words = _cognate_words(tuple(ctx.source_langs))
    # A sentence holding one of the look-alikes holds it lower-cased in its fold: only those are read word by word.
    gate = ctx.cache["anchor_literals"].issuperset(words)
    for i, seg in enumerate(ctx.segments):
        if gate and (i not in hits or hits[i].isdisjoint(words)):
            continue
        sentence = view[seg.start:seg.end]
        for m in word_re.finditer(sentence):
            word = m.group(0)
            if len(word) < 5:
                continue  # short
            low = word.lower()
            # the lookup first: a word the tables lack (nearly all) is left before the prefix test
            found = [(lang, *value.split("|")) for lang, table in tables if (value := table.get(low)) is not None]
            if not found or low.startswith(listed):
                continue  # not a rare look-alike, or F101/F102's written entries already speak of it
            # A capital inside the sentence is a name (Galega, Platan), not a word chosen by a translator
            if word[0].isupper() and (m.start() > 0 and sentence[:m.start()].strip()) and not word.isupper():
                continue
            usual = next((u for _l, _s, u in found if u), "")
            if _suffix_doublet(low, usual):
                continue  # "problematical" for "problematic": English's own variant of the word, not a look-alike
            out.append((seg.start + m.start(), seg.start + m.end(), word, found, usual))
    return out


class RareCognate(_RareCognateCheck, Detector):
    """What it does:
    Flags an English word that is rare in English news but is the look-alike of a common
    Spanish, French or Portuguese word (`alimentation` for alimentación, `effectivity` for
    efectividad, `hebdomadary` for hebdomadaire), when a dictionary translates the source
    word otherwise and that translation is an English synonym of the word: it suggests that
    translation. The pairs are generated at build time (tools/build_cognates_data.py) from
    both languages' word frequencies, orthographic correspondences (-ción/-tion, -dad/-ty,
    -cia/-cy, -oso/-ous, -mente/-ly, -ité/-ity, -eux/-ous, -ção/-tion) and WordNet's
    synonyms, not written by hand. English's own doublets in -ic and -ical (`problematical`,
    `poetical`, `dynamical`) are variants of the usual word, not look-alikes, and stay quiet.

    Why it matters:
    A translation engine that meets a word it does not know keeps its form; the result is an
    English word that exists but that no English writer would choose, and it marks the text
    as translated.

    Example:
    The ministry will guarantee the alimentation of the children and the effectivity of the plan.

    Use instead:
    The ministry will guarantee the feeding of the children and the effectiveness of the plan.
    """

    code = "F103"
    name = "rare-cognate"
    severity = Severity.WARNING


class PossibleRareCognate(_RareCognateCheck, Detector):
    """What it does:
    Points out an English word that is next to absent from English news but is the
    look-alike of a common Spanish, French or Portuguese word that a dictionary translates otherwise
    (`protagonism` for protagonismo, `obtention` for obtención), when no English synonym
    of it can be offered as the usual translation. Generated like F103.

    Why it matters:
    The word is most likely the Spanish word in English spelling; without a synonym to
    suggest, it is worth a look rather than a count against the document.

    Example:
    The mayor criticised the protagonism of the opposition and the obtention of the permits.

    Use instead:
    The mayor criticised the opposition's eagerness for the limelight and the granting of the permits.
    """

    code = "F104"
    name = "possible-rare-cognate"
    severity = Severity.INFO
    with_suggestion = False
