"""Required literals: what every match of a pattern must contain, read from Python's own parse of it."""
from __future__ import annotations

import re

import pytest

from conftest import SEED
from tqcheck.text import language
from tqcheck.data import langdata
from tqcheck.speed.prefilter import holds_all, required_literal_sets, required_literals
from tqcheck.speed.scanner import fold
from tqcheck.rules.calques import phrase_table

COMMON = language.function_words()["en"]


@pytest.mark.parametrize("pattern, expected", [
    (r"\bon the occasion of (?:the|a) meeting\b", ("occasion",)),
    (r"\bprojects? of law\b", ("project",)),  # the optional "s" is not promised
    (r"\breali[sz](?:e|ed) (?:a|an) visit", ("reali",)),  # a class breaks the run
    (r"\b(?:rais(?:e|es|ed)|elevat(?:e|es)) to\b", ("elevate", "raise")),  # one of the alternatives
    (r"\bon the last day \d+\b|\bon day \d+ of May\b", ("day", "last")),  # each branch names its own
    (r"\bthe day of (?:today|yesterday|tomorrow)\b", ("today", "tomorrow", "yesterday")),  # "the"/"of" are common
    (r"\b(?:some )?tens of\b", ("tens",)),
    (r"\bin (?:the )?(?:frame|framework)\b", ("frame",)),  # `re` factors the common prefix out
    (r"\b(?:[Ee]ach|[Ee]very)\b", ("ach", "very")),  # a class ends a run; what is left is still promised
])
def test_the_literal_every_match_contains(pattern, expected):
    assert required_literals(pattern, re.IGNORECASE, COMMON) == expected


@pytest.mark.parametrize("pattern", [
    r"\b[A-Z]\w+ \d+",  # only classes
    r"\bthe (?:new )?\d+\b|\b\d+%",  # one branch promises nothing
    r"(?:said)?\s*\d+",  # optional
    r"(unclosed",  # not a pattern at all
])
def test_no_promise_when_none_is_certain(pattern):
    assert required_literals(pattern, re.IGNORECASE, COMMON) is None


def test_every_calque_match_on_real_text_holds_one_of_its_literals():
    text = SEED.read_text("utf-8")
    probes = [text]
    for lang in ("es", "fr", "pt"):
        for entry in langdata.load(f"{lang}-en", "calques.toml").get("phrases", ()):
            for key in ("example", "counter"):
                value = entry.get(key, [])
                probes += [value] if isinstance(value, str) else value
    checked = 0
    for _, _, pattern in phrase_table("phrases", ("es", "fr", "pt")).entries:
        literals = required_literals(pattern, re.IGNORECASE, COMMON)
        for probe in probes:
            for m in re.finditer(pattern, probe, re.IGNORECASE):
                checked += 1
                assert literals is None or any(word in m.group(0).lower() for word in literals), (pattern, m.group(0))
    assert checked > 100


@pytest.mark.parametrize("pattern, expected", [
    # the strongest first (the one `required_literals` gives), then every other mandatory part's
    (r"\bin the (?:aim|goal|purpose) of \w+ing\b", (("ing",), ("aim", "goal", "purpose"), ("the",), ("in",), ("of",))),
    (r"\b(?:rais(?:e|es|ed)|elevat(?:e|es)) to\b", (("elevate", "raise"), ("to",))),
    (r"\bprojects? of law\b", (("project",), ("law",), ("of",))),
    (r"\b[A-Z]\w+ \d+", None),
])
def test_every_requirement_of_a_pattern_strongest_first(pattern, expected):
    assert required_literal_sets(pattern, re.IGNORECASE, COMMON) == expected


def test_a_sentence_lacking_one_requirement_cannot_hold_a_match():
    pattern = r"\bin the (?:aim|goal|purpose) of \w+ing\b"
    requirements = required_literal_sets(pattern, re.IGNORECASE, COMMON)[1:]
    matching = "They met IN THE AİM of Reaching a deal."  # İ: what the one pass folds it to, `re` matches too
    assert re.search(pattern, matching, re.IGNORECASE) and holds_all(fold(matching), requirements)
    claimed = "She claimed the meeting was going well."  # holds the anchor `ing` and `aim`, not `of`
    assert not holds_all(fold(claimed), requirements) and not re.search(pattern, claimed, re.IGNORECASE)


def test_every_calque_match_on_real_text_holds_one_literal_of_each_requirement():
    text = SEED.read_text("utf-8")
    probes = [text]
    for lang in ("es", "fr", "pt"):
        for table in ("phrases", "capitals"):
            for entry in langdata.load(f"{lang}-en", "calques.toml").get(table, ()):
                for key in ("example", "counter"):
                    value = entry.get(key, [])
                    probes += [value] if isinstance(value, str) else value
    checked = 0
    for table in ("phrases", "capitals"):
        for _, _, pattern in phrase_table(table, ("es", "fr", "pt")).entries:
            requirements = required_literal_sets(pattern, re.IGNORECASE, COMMON) or ()
            for probe in probes:
                for m in re.finditer(pattern, probe, re.IGNORECASE):
                    checked += 1
                    assert holds_all(fold(m.group(0)), requirements), (pattern, m.group(0))
    assert checked > 100
