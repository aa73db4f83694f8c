"""`--fix`, `--diff-fix`, `--unsafe-fixes`: certain fixes applied atomically, every other byte kept (issue 14)."""
from __future__ import annotations

import codecs
import json

import pytest

from conftest import run_json, run_tqcheck

# Real machine-translation slips: a glued closing mark, Spanish thousands and decimal marks, a scraper's credit line.
ARTICLE = (
    "More than 13.000 people marched through the capital on Sunday, and the minister said that "
    "“the plan is ready”and left.\r\n"
    "\r\n"
    "Prices rose 2,5 percent in March, the statistics office said on Friday.\r\n"
    "\r\n"
    "Source: Gestion\r\n"
    "\r\n"
    "The unions will meet the government again next week to discuss wages and pensions.\r\n"
)
SAFE = {"N101", "Q102", "N102"}
FIXED = (
    "More than 13,000 people marched through the capital on Sunday, and the minister said that "
    "“the plan is ready” and left.\r\n"
    "\r\n"
    "Prices rose 2.5 percent in March, the statistics office said on Friday.\r\n"
    "\r\n"
    "Source: Gestion\r\n"
    "\r\n"
    "The unions will meet the government again next week to discuss wages and pensions.\r\n"
)


def _codes(path, *flags):
    _, report = run_json("--engine", "none", "--target-lang", "en", *flags, path)
    return [f["code"] for f in report["files"][0]["findings"]]


@pytest.mark.parametrize("name, bom, encoding", [
    ("plain.txt", b"", "utf-8"),
    ("with-bom.md", codecs.BOM_UTF8, "utf-8"),
    ("utf16.txt", codecs.BOM_UTF16_LE, "utf-16-le"),
])
def test_fix_rewrites_only_the_fixed_spans_keeping_bom_encoding_and_line_endings(tmp_path, name, bom, encoding):
    path = tmp_path / name
    path.write_bytes(bom + ARTICLE.encode(encoding))
    path.chmod(0o640)
    before = _codes(path)
    assert SAFE <= set(before) and "B101" in before

    proc = run_tqcheck("check", "--engine", "none", "--target-lang", "en", "--fix", path)
    assert proc.stdout.rstrip().endswith("Fixed 3 problems."), proc.stdout + proc.stderr
    # Exactly the expected text, in the same bytes form: BOM, encoding and \r\n kept; the mode too.
    assert path.read_bytes() == bom + FIXED.encode(encoding)
    assert path.stat().st_mode & 0o777 == 0o640
    assert not [p for p in tmp_path.iterdir() if p.name != name]  # no temporary file left behind

    after = _codes(path)
    assert not SAFE & set(after)  # none of the fixed findings comes back
    assert after == [c for c in before if c not in SAFE]
    again = run_tqcheck("check", "--engine", "none", "--target-lang", "en", "--fix", path)
    assert "Fixed" not in again.stdout and path.read_bytes() == bom + FIXED.encode(encoding)


def test_diff_fix_shows_the_fixes_and_changes_nothing(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(ARTICLE.encode("utf-8"))
    proc = run_tqcheck("check", "--engine", "none", "--target-lang", "en", "--diff-fix", path)
    assert proc.returncode == 1
    assert path.read_bytes() == ARTICLE.encode("utf-8")
    lines = proc.stdout.split("\n")  # the file's \r stays at the end of its diff lines
    assert lines[0] == f"--- a/{str(path).lstrip('/')}"
    assert "-Prices rose 2,5 percent in March, the statistics office said on Friday.\r" in lines
    assert "+Prices rose 2.5 percent in March, the statistics office said on Friday.\r" in lines
    assert not any(line.startswith("-Source") for line in lines)  # removing boilerplate is unsafe


def test_unsafe_fixes_only_when_asked(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(ARTICLE.encode("utf-8"))
    run_tqcheck("check", "--engine", "none", "--target-lang", "en", "--fix", "--unsafe-fixes", path)
    # The credit line goes with its line ending; the blank lines around it stay.
    assert path.read_bytes() == FIXED.replace("Source: Gestion\r\n", "").encode("utf-8")


def test_fix_touches_prose_only_in_markdown_and_html(tmp_path):
    md = tmp_path / "a.md"
    md_text = ("---\ntitle: “Draft”and more\n---\n\nThe minister said that “the plan is ready”and left.\n\n"
               "```\nprint(“code”and 13.000)\n```\n")
    md.write_text(md_text, encoding="utf-8")
    html = tmp_path / "a.html"
    html_text = ('<p title="13.000">The minister said that “the plan is ready”and left &amp; smiled.</p>\n'
                 "<script>var s = “x”and;</script>\n")
    html.write_text(html_text, encoding="utf-8")
    run_tqcheck("check", "--engine", "none", "--target-lang", "en", "--fix", md, html)
    assert md.read_text("utf-8") == md_text.replace("ready”and left", "ready” and left")
    assert html.read_text("utf-8") == html_text.replace("ready”and left", "ready” and left")


def test_fix_refuses_standard_input():
    proc = run_tqcheck("check", "--fix", "-", stdin=b"Hello.\n")
    assert proc.returncode == 2 and "--fix and --diff-fix rewrite files" in proc.stderr


def test_a_file_that_cannot_be_rewritten_exactly_is_left_alone_and_fails_the_run(tmp_path):
    # UTF-16 without a BOM, read with --encoding utf-16: Python writes utf-16 back with a BOM, so the
    # bytes outside the fix would change; tqcheck refuses to rewrite the file rather than alter them.
    path = tmp_path / "a.txt"
    data = "More than 13.000 people marched on Sunday in the capital city.\n".encode("utf-16-le")
    path.write_bytes(data)
    proc = run_tqcheck("check", "--engine", "none", "--target-lang", "en", "--encoding", "utf-16", "--fix", path)
    assert proc.returncode == 2
    assert proc.stderr == f"tqcheck: error: {path}: cannot be rewritten byte for byte in utf-16; not fixed\n"
    assert path.read_bytes() == data
    assert "N101" in proc.stdout  # still reported: it was not fixed
