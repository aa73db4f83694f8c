"""Hostile inputs found by the bad-input review: each once cost more than linear time, hung or lost data.

Timing bounds are hang bounds: at least 10 times what the current code takes on this machine, below what
the old code took, so a loaded machine cannot make them flake and the old code fails.
"""
from __future__ import annotations

import time

from tqcheck.reading import parse_text


def test_nested_open_brackets_in_markdown_are_read_in_linear_time():
    # 10^5 `[` then 10^5 `](`: every `]` normalised the whole text back to its `[` to look it up as a link
    # label (26 s at this size); a label is at most 999 characters, so a longer one is not looked up.
    n = 100_000
    text = "The minister said " + "[" * n + "no" + "](" * n + "\n"
    began = time.process_time()
    doc = parse_text("deep.md", text, "markdown")
    assert time.process_time() - began < 6
    assert "minister said" in doc.view


def test_a_reference_link_is_still_found_after_the_label_limit():
    text = "[the report][r] and [r] and [" + "x" * 1200 + "][r]\n\n[r]: https://example.org/r\n"
    doc = parse_text("refs.md", text, "markdown")
    assert "https://example.org" not in doc.view
    assert doc.view.startswith(" the report ")  # brackets and label blanked, the link text kept
