"""Grammar: English mass nouns counted as the source languages count them ("two news", "an advice", "informations")."""
from __future__ import annotations

import re
from functools import lru_cache

from tqcheck.data import langdata
from tqcheck.speed import warmstart
from tqcheck.finding import Severity
from tqcheck.rules.base import Detector, segment_matches
from tqcheck.rules.calques import english_words

MASS_FILE = "mass_nouns.toml"


@lru_cache(maxsize=None)
def _mass_nouns() -> dict[str, dict]:
    return {entry["word"]: entry for entry in langdata.load("en", MASS_FILE).get("nouns", ())}


@lru_cache(maxsize=None)
def _counted() -> re.Pattern:
    nouns = _mass_nouns()
    counting = "|".join(sorted(english_words(MASS_FILE, "counting_words"), key=lambda w: (-len(w), w)))
    singular = "|".join(sorted(nouns, key=lambda w: (-len(w), w)))
    plural = "|".join(sorted((e["plural"] for e in nouns.values() if e.get("plural")), key=lambda w: (-len(w), w)))
    return warmstart.regex(
        r"\b(?:(?P<det>%s|an?|(?<![.,\d])\d{1,3})\s+(?P<mid>(?:[a-z]+\s+){0,2}?)(?P<noun>%s)(?:e?s)?"
        r"(?=\s*(?P<after>[,.;:!?)”\"]|[a-z]+\b))"
        r"|(?P<plural>%s))\b" % (counting, singular, plural),
        re.I,
    )


def _modifier(word: str, function_words: frozenset[str]) -> bool:
    """Whether `word` can stand between a determiner and its noun: an adjective or an adverb by its form or by the list."""
    if word in function_words:
        return False
    if word in english_words(MASS_FILE, "adjective_words") or word.endswith("ly"):
        return True
    return any(word.endswith(suffix) for suffix in english_words("words.toml", "adjective_suffixes"))


def _segment_start(ctx, pos: int) -> int:
    """Where the sentence holding `pos` starts, past any opening quote or bracket."""
    seg = ctx.segment_at(pos)
    if seg is None:
        return -1
    start = seg.start
    while start < seg.end and ctx.doc.view[start] in "\"“‘«([":
        start += 1
    return start


class UncountableNounCounted(Detector):
    """What it does:
    Flags an English mass noun counted like a countable one: after a numeral, a plural
    determiner or `a`/`an` (`two completely false news`, `these news`, `an advice`,
    `several research have shown`), or given a plural English never uses (`informations`,
    `equipments`, `advices`).

    Why it matters:
    Spanish, French and Portuguese count what English does not (`dos noticias`, `des
    informations`, `um conselho`), and a translation keeps the count. English counts a mass
    noun through a unit noun (`two news stories`, `a piece of advice`). A noun used as a
    modifier (`two news agencies`, `these research projects`) is left alone: it is flagged
    only where it heads its phrase, before punctuation or a word such as `that`, `were` or
    `about`.

    Example:
    The minister called them two completely false news.

    Use instead:
    The minister called them two completely false news stories.
    """

    code = "G101"
    name = "uncountable-noun-counted"
    severity = Severity.WARNING
    family = "grammar"
    targets = ("en",)

    def check(self, ctx):
        nouns = _mass_nouns()
        plurals = {e["plural"]: e for e in nouns.values() if e.get("plural")}
        continuers = english_words(MASS_FILE, "continuer_words")
        function_words = english_words("words.toml", "function_words")
        for m in segment_matches(ctx, _counted()):
            if m.group("plural"):
                if m.group("plural")[0].isupper() and m.start() != _segment_start(ctx, m.start()):
                    continue  # "The Machineries of Joy": a title keeps its own words
                entry = plurals[m.group("plural").lower()]
                yield self.finding(
                    m.start(),
                    m.end(),
                    f"“{m.group('plural')}”: English “{entry['word']}” has no plural",
                    suggestion=entry["use"],
                )
                continue
            det, noun = m.group("det").lower(), m.group("noun").lower()
            entry = nouns[noun]
            if det in ("a", "an") and not entry.get("article"):
                continue  # "a good knowledge of French" is English
            after = m.group("after").lower()
            if after[0].isalpha() and after not in continuers:
                continue  # "two news agencies": the noun modifies the next word
            if not all(_modifier(w.lower(), function_words) for w in m.group("mid").split()):
                continue  # "two days of research", "Many receive advice": another word is counted
            yield self.finding(
                m.start(),
                m.end(),
                f"“{m.group('noun')}” is a mass noun in English and is not counted with “{m.group('det')}”",
                suggestion=entry["use"],
            )
