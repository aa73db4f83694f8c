"""Required literals: what every match of a pattern must contain, read from Python's own parse of it."""
from __future__ import annotations

import re

import pytest

from conftest import SEED
from tqcheck.text import language
from tqcheck.data import langdata
from tqcheck.speed.prefilter import required_literals
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
