"""The first characters of a pattern's matches: never narrower than what the engine can match."""
from __future__ import annotations

import re

from tqcheck.data import langdata
from tqcheck.rules import boilerplate
from tqcheck.speed.first_chars import first_characters


def test_alternatives_under_ignorecase_start_with_either_case():
    assert first_characters(r"(?:you|we)\s+may\s+also\s+like", re.I) == frozenset("YyWw")
    assert first_characters(r"(?:you|we)\s+may", 0) == frozenset("yw")


def test_an_optional_part_adds_what_follows_it_and_a_case_sensitive_part_keeps_its_case():
    assert first_characters(r"(?:photo\s+)?credit:", re.I) == frozenset("PpCc")
    assert first_characters(r"(?-i:[A-Z])\w*\s+/\s+AFP", re.I) == frozenset(chr(c) for c in range(65, 91))
    assert first_characters(r"\bsource:", re.I) == frozenset("Ss")  # \b takes no character


def test_any_character_is_every_one_but_the_line_break_and_no_promise_where_a_match_may_be_empty():
    assert first_characters(r".{1,40}\s+AFP", re.I) == frozenset(chr(c) for c in range(128)) - {"\n"}
    assert first_characters(r"(?:share)?", re.I) is None
    assert first_characters(r"(a)?(?(1)b|c)", 0) is None  # a conditional part is not read


def test_each_first_character_is_one_the_engine_accepts_and_no_other():
    # \d and \w are the engine's own classes: the answer holds every ASCII character they take, and no other.
    digits = first_characters(r"\d{1,2}:\d{2}", 0)
    assert digits == frozenset("0123456789")
    words = first_characters(r"\w+", re.I)
    assert words == frozenset(ch for ch in map(chr, range(128)) if re.match(r"\w", ch))


def _examples():
    for entry in langdata.load("boilerplate", "en.toml").get("line", []):
        if entry.get("anywhere") or entry.get("inline"):
            continue
        examples = entry.get("example")
        for example in examples if isinstance(examples, list) else [examples]:
            yield from example.splitlines()  # an article's last line of prose, then the widget's line


def test_a_widget_line_finds_the_rule_the_whole_alternation_finds():
    # Every whole-line example of the English table (widget labels, credits, dates), and prose around them:
    # the rules kept for the line's first character find what all 81 rules in turn find.
    whole = boilerplate._combined("en", "line")
    lines = [line.strip(boilerplate._DECORATION) for line in _examples()]
    lines += ["The minister said the talks would resume on Monday.", "Share this article", "12:45 GMT",
              "Photo: Reuters", "© 2024 Daily Courier. All rights reserved.", "(AFP) Jane Doe / AFP"]
    fired = 0
    for line in filter(None, lines):
        first = line[0]
        kept = whole if first >= "\x80" else boilerplate._line_regex_for("en", first)
        expected = whole.fullmatch(line)
        found = kept.fullmatch(line) if kept is not None else None
        assert (found and (found.lastgroup, found.span())) == (expected and (expected.lastgroup, expected.span())), line
        fired += expected is not None
    assert fired > 40  # the examples do fire: the comparison is not between two misses


def test_a_file_finds_the_same_boilerplate_whether_its_lines_are_tried_against_all_rules_or_the_narrowed_ones(monkeypatch):
    from test_boilerplate import SCRAPED, _codes

    article = SCRAPED + "\nPhoto: Jane Doe / AFP\n\nShare this article\n\n12:45 GMT\n\nThe vote is due on Tuesday.\n"
    everything = _codes(article)
    monkeypatch.setattr(boilerplate, "LINES_BEFORE_NARROWING", 0)  # every line tried against its first character's rules
    assert _codes(article) == everything and len(everything) >= 6
