"""Findings on the seed, the fixtures, the dev articles and native news match the committed snapshot."""
from __future__ import annotations

import difflib

from findings_snapshot import HEADER, SNAPSHOT, rows


def test_findings_on_real_text_are_exactly_the_snapshot():
    expected = SNAPSHOT.read_text(encoding="utf-8").splitlines()
    actual = [HEADER, *rows()]
    diff = list(difflib.unified_diff(expected, actual, "snapshot", "now", lineterm="", n=0))
    assert not diff, (
        "findings changed; if on purpose, run `python tests/findings_snapshot.py --update` and say why:\n"
        + "\n".join(diff[:60])
    )
