"""Hostile single-paragraph inputs finish, with a report whose size follows the text's.

Each family below took 20 s to well over a minute before the linear-time work (quadratic scans
of the rest of a block for every quotation mark, of a sentence for every weekday, of a run of
dots from every position inside it). The hang bound is the one timing bound these tests allow:
it is at least 20 times what the current code takes on this machine, so a loaded machine cannot
make it flake, and it is below what the old code took, so the old code fails.
"""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from benchmarks.hostile import FAMILIES, hostile_text
from conftest import ROOT
from tqcheck.checking.check import FLOOD_LIMIT
from tqcheck.rules.quotes import MAX_SPAN
from tqcheck.text.segment import MAX_SENTENCE

# family: (characters, hang bound in seconds, what the old code took at that size on this machine)
# The current code takes about 2 s for each (most of it Python's start-up), 4 s for the HTML family.
CASES = {
    "guillemets": (20_000, 40, "45 s"),
    "open-quote-word": (80_000, 40, "24-32 s"),
    "this-weekday": (80_000, 40, "23 s"),
    "unclosed-quote-paragraphs-html": (320_000, 80, "about 37 s, extrapolated from 2.3 s at 80 KB"),
}
EXTRA = {
    "dots": (".", ".txt", 40_000, 40, "about 50 s, extrapolated from 12.7 s at 20 KB"),
    "question-exclamation": ("?!", ".html", 40_000, 40, "about 65 s, extrapolated from 16.9 s at 20 KB"),
}


def _check(tmp_path, name, unit, suffix, size, bound, tail=""):
    path = tmp_path / f"{name}{suffix}"
    path.write_text(hostile_text(unit, size) + tail, encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "tqcheck", "check", "--format", "json", "--fail-on", "never",
         "--engine", "none", "--target-lang", "en", str(path)],
        capture_output=True, timeout=bound, cwd=ROOT,
    )
    assert proc.returncode == 0, proc.stderr.decode()[-500:]
    return path.read_text(encoding="utf-8"), json.loads(proc.stdout)


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_hostile_paragraph_is_checked_in_bounded_time_with_a_bounded_report(tmp_path, name):
    size, bound, _old = CASES[name]
    unit, suffix = FAMILIES[name]
    text, report = _check(tmp_path, name, unit, suffix, size, bound)
    findings = report["files"][0]["findings"]
    # Spans stop at the mark's sentence, and a sentence never reports more than FLOOD_LIMIT of a code,
    # so the report cannot grow with the square of the text.
    assert all(f["end"] - f["start"] <= max(MAX_SPAN, MAX_SENTENCE) for f in findings)
    assert all(text[f["start"]:f["end"]] == f["excerpt"] for f in findings)
    sentences = len(report["files"][0]["segments"])
    codes = {f["code"] for f in findings}
    assert len(findings) <= FLOOD_LIMIT * sentences * len(codes)


@pytest.mark.parametrize("name", sorted(EXTRA))
def test_runs_of_sentence_stops_are_read_in_linear_time(tmp_path, name):
    unit, suffix, size, bound, _old = EXTRA[name]
    _text, report = _check(tmp_path, name, unit, suffix, size, bound)
    assert report["summary"]["files"] == 1


def test_a_flood_of_one_finding_in_a_sentence_ends_with_a_count_of_the_rest(tmp_path):
    # The paragraph ends with a full stop: a text cut off mid-sentence keeps its last quotation open.
    text, report = _check(tmp_path, "flood", "« ", ".txt", 400, 60, tail="stop.")
    findings = [f for f in report["files"][0]["findings"] if f["code"] == "Q101"]
    assert len(findings) == FLOOD_LIMIT
    assert findings[-1]["message"].endswith(f"(and {200 - FLOOD_LIMIT} more like it in this sentence, not listed)")
