"""The seed as plain text, as Markdown with front matter and code, and as HTML with entities:
the same findings, at the right offsets of each file, and none from the non-prose parts."""
from __future__ import annotations

import html

from conftest import FIXTURES, SEED, run_json

MARKDOWN = FIXTURES / "seed_article.md"
HTML = FIXTURES / "seed_article.html"


def _findings(path):
    _, report = run_json("--engine", "none", "--target-lang", "en", path)
    (file,) = report["files"]
    return file


def _key(finding, decode=False):
    excerpt = html.unescape(finding["excerpt"]) if decode else finding["excerpt"]
    return finding["code"], " ".join(excerpt.split())


def test_markdown_and_html_give_the_seed_findings():
    plain = _findings(SEED)
    markdown = _findings(MARKDOWN)
    page = _findings(HTML)
    assert markdown["format"] == "markdown" and page["format"] == "html"
    expected = sorted(_key(f) for f in plain["findings"])
    assert any(code == "Q102" for code, _ in expected)
    assert sorted(_key(f) for f in markdown["findings"]) == expected
    assert sorted(_key(f, decode=True) for f in page["findings"]) == expected


def test_offsets_point_at_the_raw_text_of_each_format():
    for path in (MARKDOWN, HTML):
        text = path.read_text("utf-8")
        lines = text.split("\n")
        for f in _findings(path)["findings"]:
            assert text[f["start"]:f["end"]] == f["excerpt"]
            assert lines[f["line"] - 1][f["column"] - 1:].startswith(f["excerpt"].split("\n")[0])
    q102 = next(f for f in _findings(HTML)["findings"] if f["code"] == "Q102")
    assert "&rdquo;to" in q102["excerpt"]


def test_nothing_is_reported_from_front_matter_code_urls_script_or_comments():
    text = MARKDOWN.read_text("utf-8")
    front_matter_end = text.index("---", 3) + 3
    code_start, code_end = text.index("```python"), text.index("```", text.index("```python") + 3) + 3
    for f in _findings(MARKDOWN)["findings"]:
        assert f["start"] >= front_matter_end
        assert not (code_start <= f["start"] < code_end)
        assert "example.org" not in f["excerpt"] and "raw”" not in f["excerpt"]
    page = HTML.read_text("utf-8")
    body = page.index("<body>")
    comment = (page.index("<!--"), page.index("-->"))
    for f in _findings(HTML)["findings"]:
        assert f["start"] > body
        assert not (comment[0] <= f["start"] <= comment[1])
