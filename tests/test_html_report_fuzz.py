"""Generated documents through the html format: the page's text is the document's, its marks the findings' excerpts.

Checked with the standard library's HTML parser (the browser tests in test_html_report.py prove the
same on chosen documents in Chromium): whatever a document holds, it becomes text of the page, never
an element, and every finding's marked text is its excerpt.
"""
from __future__ import annotations

from html.parser import HTMLParser

from hypothesis import given

from fuzzing import Case, cases, check_case
from test_fuzz import MAX_CHARS, examples
from tqcheck.output import render
from tqcheck.output.report import Report

DOC_ELEMENTS = {("div", "ln"), ("span", "eol"), ("span", "np"), ("mark", None)}


class _Page(HTMLParser):
    """The text of the page's `.doc`, the text under each finding's marks, and every element inside `.doc`."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0  # open elements inside .doc, itself included
        self.text: list[str] = []
        self.marked: dict[str, list[str]] = {}
        self.active: list[list[str]] = []
        self.inside: set[tuple] = set()
        self.scripts = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script":
            self.scripts += 1
        if self.depth:
            self.depth += 1
            self.inside.add((tag, None if tag == "mark" else attrs.get("class")))
            self.active.append(attrs.get("data-f", "").split() if tag == "mark" else [])
        elif tag == "div" and attrs.get("class") == "doc":
            self.depth = 1
            self.active.append([])

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1
            self.active.pop()

    def handle_data(self, data):
        if self.depth:
            self.text.append(data)
            for ids in self.active:
                for i in ids:
                    self.marked.setdefault(i, []).append(data)


@examples(80)
@given(cases(MAX_CHARS))
def test_any_document_is_the_text_of_its_page_and_its_findings_are_marked_at_their_excerpts(case: Case):
    file = check_case(case, path="fuzz/<b>doc</b>.txt")
    page = render(Report("0", files=[file]), "html")
    parser = _Page()
    parser.feed(page)
    parser.close()
    assert "".join(parser.text) == case.text
    assert {i: "".join(parts) for i, parts in parser.marked.items()} == {
        str(i): f.excerpt for i, f in enumerate(file.findings) if f.excerpt}
    assert parser.inside <= DOC_ELEMENTS
    assert parser.scripts == 1
    assert "<title>tqcheck report: fuzz/&lt;b&gt;doc&lt;/b&gt;.txt</title>" in page
