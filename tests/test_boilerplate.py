"""Boilerplate detectors: every data entry proves itself, whole lines fire and prose does not."""
from __future__ import annotations

import re

from conftest import language_data_files
from tqcheck.api import check_text
from tqcheck.rules.boilerplate import expand


def test_there_are_boilerplate_entries():
    # Each entry's example and counter-example are proved by tests/test_data_examples.py.
    tables = [table for _, _, folder, _, table in language_data_files() if folder == "boilerplate"]
    assert sum(len(t.get("line", [])) for t in tables) >= 10


def test_patterns_compile_and_are_unique():
    for _, _, folder, name, table in language_data_files():
        if folder != "boilerplate":
            continue
        macros = table.get("macros", {})
        seen = set()
        for entry in table.get("line", []):
            re.compile(expand(entry["pattern"], macros))
            assert entry["pattern"] not in seen, f"{name}: pattern listed twice"
            seen.add(entry["pattern"])
            assert entry.get("what"), f"{name}: every entry says what it is"


SCRAPED = """The two leaders met in Geneva on Friday and agreed to meet again next month.

Posted on 01/12/2022 12:44

The talks focused on trade and on the border, the ministry said in a statement.

Source: Daily Courier

You may also like

Quick Profit Formula Pro

Crypto Riches Today
"""


def _codes(text, **kw):
    report = check_text(text, target_lang="en", select=["B1"], **kw)
    return [(f.code, f.excerpt) for f in report.findings]


def test_scraped_article_tail_is_flagged_line_by_line():
    assert _codes(SCRAPED) == [
        ("B104", "Posted on 01/12/2022 12:44"),
        ("B101", "Source: Daily Courier"),
        ("B102", "You may also like"),
        ("B107", "Quick Profit Formula Pro"),
        ("B107", "Crypto Riches Today"),
    ]


def test_prose_mentioning_sources_and_comments_is_quiet():
    text = (
        "The source said the minister would read more of the report before he made any comments.\n\n"
        "Related talks will take place in Geneva, where officials may also like to discuss trade.\n"
    )
    assert _codes(text) == []


def test_marker_in_mid_article_does_not_flag_the_next_subheading():
    text = (
        "The two leaders met in Geneva on Friday.\n\nRelated\n\nA new start\n\n"
        + "The talks focused on trade and on the border, and both sides said they hoped to reach "
        "a full agreement before the end of the year, although several questions about customs "
        "checks, fishing rights and the timetable for the withdrawal of troops remain open.\n"
    )
    assert _codes(text) == [("B102", "Related")]


def test_code_left_in_the_body_is_an_error():
    text = "The talks resumed.\n\nwindow.dataLayer = window.dataLayer || [];\n\nThe union welcomed it.\n"
    report = check_text(text, target_lang="en", select=["B106"])
    assert [(f.code, f.severity.label) for f in report.findings] == [("B106", "error")]


def test_markdown_decoration_around_a_label_is_ignored():
    text = "The talks resumed.\n\n**Read more:** Central bank holds rates\n\nThe union welcomed it.\n"
    assert [c for c, _ in _codes(text)] == ["B102"]


def test_the_marker_after_the_last_paragraph_ends_the_article():
    paragraph = (
        "The talks focused on trade and on the border, and both sides said they hoped to reach "
        "a full agreement before the end of the year, although several questions about customs "
        "checks, fishing rights and the timetable for the withdrawal of troops remain open."
    )
    text = f"Related\n\nA new start\n\n{paragraph}\n\nTags: Trade, Europe\n\nWin Big Tonight\n"
    assert _codes(text) == [("B102", "Related"), ("B103", "Tags: Trade, Europe"), ("B107", "Win Big Tonight")]


def test_duplicated_slug_title_is_boilerplate():
    text = ("City council approves the new budget – Local News Today\n\n"
            "City council approves the new budget Local News\n\n"
            "The council voted on Tuesday to approve the budget.\n")
    report = check_text(text, target_lang="en", select=["B108"])
    assert [f.excerpt for f in report.findings] == ["City council approves the new budget Local News"]


def test_title_echoed_as_a_sentence_is_not_a_duplicate():
    text = ("City council approves the new budget\n\n"
            "City council approves the new budget after a long debate on Tuesday.\n")
    assert check_text(text, target_lang="en", select=["B108"]).findings == []
