"""Plain text: where a line break ends a block and where it only wraps a sentence."""
from __future__ import annotations

from tqcheck.api import check_text
from tqcheck.reading import plain


def _blocks(text):
    _view, blocks, _, _ = plain.parse(text)
    return [text[b.start:b.end] for b in blocks]


def test_a_short_unfinished_line_continued_in_lower_case_is_one_sentence():
    # print layouts and PDFs wrap short lines inside a quotation
    text = "“It’s in fact the third case I’ve\nheard of in a year,” the lawyer said.\n"
    assert _blocks(text) == [text.rstrip("\n")]
    assert [f.code for f in check_text(text, select=["Q101"]).findings] == []


def test_short_lines_before_a_capital_or_after_a_full_stop_stay_apart():
    assert _blocks("Local news\nCouncil approves the budget.\n") == ["Local news", "Council approves the budget."]
    assert _blocks("The council met.\nthe budget passed.\n") == ["The council met.", "the budget passed."]
    # an unclosed quotation on its own short line is still unclosed
    text = "“It’s in fact the third case\nThe lawyer said nothing more.\n"
    assert [f.code for f in check_text(text, select=["Q101"]).findings] == ["Q101"]
