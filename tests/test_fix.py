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


def _findings(path, *flags):
    _, report = run_json("--engine", "none", "--target-lang", "en", *flags, path)
    return report["files"][0]["findings"]


def _expected(text: str, findings, codes) -> str:
    """`text` with each finding of `codes` replaced by its suggestion (quotes dropped), all else kept."""
    out, at = [], 0
    for f in sorted((f for f in findings if f["code"] in codes), key=lambda f: f["start"]):
        out += [text[at:f["start"]], f["suggestion"].strip("“”")]
        at = f["end"]
    return "".join(out) + text[at:]


# Subheadings a machine translation left in lower case: two marked ones (`#`, `## … ##`, `<h2>`), and a
# short line before a paragraph that only looks like one; a code block whose `#` line is not a heading.
HEADINGS_MD = (
    "# talks stall again\n\n"
    "The two sides left the table on Monday without a date for new talks, the mediator said.\n\n"
    "## what comes next ##\n\n"
    "Both delegations are expected to return to Geneva before the end of the month.\n\n"
    "prices keep rising\n\n"
    "The statistics office said on Friday that consumer prices rose again in November.\n\n"
    "```\n# talks stall again\n```\n"
)
HEADINGS_HTML = (
    "<html><body>\n<h2>talks stall again</h2>\n"
    "<p>The two sides left the table on Monday without a date for new talks, the mediator said.</p>\n"
    "<pre>\n# talks stall again\n</pre>\n</body></html>\n"
)


def test_heading_capitalisation_is_safe_on_marked_headings_and_unsafe_on_guessed_ones(tmp_path):
    md, html = tmp_path / "a.md", tmp_path / "a.html"
    md.write_bytes(HEADINGS_MD.encode("utf-8"))
    html.write_bytes(HEADINGS_HTML.encode("utf-8"))
    md_before, html_before = _findings(md), _findings(html)
    assert [f["line"] for f in md_before if f["code"] == "T101"] == [1, 5, 9]
    assert [f["suggestion"] for f in md_before if f["code"] == "T101"] == [
        "Talks stall again", "What comes next", "Prices keep rising"]

    proc = run_tqcheck("check", "--engine", "none", "--target-lang", "en", "--fix", md, html)
    assert proc.stdout.rstrip().endswith("Fixed 3 problems."), proc.stdout + proc.stderr
    safe = [f for f in md_before if f["code"] == "T101" and f["line"] != 9]
    # Byte for byte: the marked headings capitalised, the guessed one, the code block and the rest kept.
    assert md.read_bytes() == _expected(HEADINGS_MD, safe, {"T101"}).encode("utf-8")
    assert html.read_bytes() == HEADINGS_HTML.replace("<h2>talks", "<h2>Talks").encode("utf-8")
    assert md.read_text("utf-8").endswith("```\n# talks stall again\n```\n")
    md_after = _findings(md)
    assert [f["line"] for f in md_after if f["code"] == "T101"] == [9]
    assert [f["code"] for f in md_after if f["code"] != "T101"] == [f["code"] for f in md_before if f["code"] != "T101"]
    assert not [f for f in _findings(html) if f["code"] == "T101"]

    run_tqcheck("check", "--engine", "none", "--target-lang", "en", "--fix", "--unsafe-fixes", md)
    assert md.read_bytes() == _expected(HEADINGS_MD, md_before, {"T101"}).encode("utf-8")
    assert not [f for f in _findings(md) if f["code"] == "T101"]


# Spanish datelines carried into English news: two certain (a past sentence opened by the weekday and a
# comma; right after a past reporting verb), two offered only as unsafe, one where `this` is a determiner
# (no fix), and the same words in a code block (never touched).
DATELINES = (
    "This Monday, the minister announced her resignation after three years in the post.\r\n\r\n"
    "The minister resigned after the vote, her spokesman said this Friday.\r\n\r\n"
    "The two parties signed the agreement in Lisbon this Tuesday after months of talks.\r\n\r\n"
    "The results were published this June 4 by the electoral commission.\r\n\r\n"
    "Voters rejected this June 4 referendum by a wide margin, the commission said.\r\n\r\n"
    "```\r\nThis Monday, the minister announced her resignation.\r\n```\r\n"
)


def test_this_weekday_datelines_are_fixed_where_certain_and_the_rest_only_as_unsafe(tmp_path):
    path = tmp_path / "a.md"
    path.write_bytes(DATELINES.encode("utf-8"))
    flags = ("--source-lang", "es")
    before = [f for f in _findings(path, *flags) if f["code"] == "C102"]
    assert [(f["line"], f["suggestion"]) for f in before] == [
        (1, "On Monday"), (3, "on Friday"), (5, "on Tuesday"), (7, "“on June 4”"), (9, "“the June 4”")]

    proc = run_tqcheck("check", "--engine", "none", "--target-lang", "en", *flags, "--fix", path)
    assert proc.stdout.rstrip().endswith("Fixed 2 problems."), proc.stdout + proc.stderr
    assert path.read_bytes() == _expected(DATELINES, before[:2], {"C102"}).encode("utf-8")
    assert [f["line"] for f in _findings(path, *flags) if f["code"] == "C102"] == [5, 7, 9]

    run_tqcheck("check", "--engine", "none", "--target-lang", "en", *flags, "--fix", "--unsafe-fixes", path)
    fixed = path.read_bytes().decode("utf-8")
    assert fixed.encode("utf-8") == _expected(DATELINES, before[:4], {"C102"}).encode("utf-8")
    assert "On Monday, the minister announced her resignation after" in fixed
    assert "```\r\nThis Monday, the minister announced her resignation.\r\n```" in fixed  # code kept
    assert [f["line"] for f in _findings(path, *flags) if f["code"] == "C102"] == [9]  # no fix offered there


@pytest.mark.parametrize("sentence, code, suggestion", [
    # Each fixable finding's suggestion fits where it stands: sentence case, and `the` where `this` is a determiner.
    ("This Wednesday, the court rejected the appeal filed by the former mayor of the city.", "C102", "On Wednesday"),
    ("The court rejected the appeal, the judge said this Wednesday.", "C102", "on Wednesday"),
    ("This June 4, the court rejected the appeal filed by the former mayor of the city.", "C102", "“On June 4”"),
    ("The court rejected this June 4 appeal filed by the former mayor of the city.", "C102", "“the June 4”"),
    ("The company sold 13.000 cars in Spain during the first half of the year.", "N101", "13,000"),
    ("Unemployment fell to 11,5 percent in the second quarter of the year.", "N102", "11.5"),
])
def test_fixable_findings_suggest_grammatical_text(tmp_path, sentence, code, suggestion):
    path = tmp_path / "a.txt"
    path.write_text(sentence + "\n", encoding="utf-8")
    found = [f for f in _findings(path, "--source-lang", "es") if f["code"] == code]
    assert [f["suggestion"] for f in found] == [suggestion]


# A PO, an XLIFF and a TMX file translated from Spanish: a glued closing mark and a dateline in the targets,
# a scraper's credit line as a whole unit (its removal would empty the target), a straight quote the PO
# escapes (its fix would have to write an escape).
PO = (
    'msgid ""\nmsgstr ""\n"Language: en\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    '#: article.html:3\n'
    'msgid "El ministro dijo que «el plan está listo» y se fue."\n'
    'msgstr "The minister said that “the plan is ready”and left."\n\n'
    '#: article.html:5\n'
    'msgid "Este lunes, el ministro anunció su dimisión tras tres años en el cargo."\n'
    'msgstr "This Monday, the minister announced her resignation after three years in the post."\n\n'
    '#: article.html:7\n'
    'msgid "El ministro dijo que \\"no\\" y se fue."\n'
    'msgstr "The minister said \\"no\\"and left the room."\n'
)
XLIFF = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
    '  <file source-language="es" target-language="en" datatype="plaintext" original="article.html">\n'
    '    <body>\n'
    '      <trans-unit id="1">\n'
    '        <source>El ministro dijo que «el plan está listo» y se fue.</source>\n'
    '        <target>The minister said that “the plan is ready”and left.</target>\n'
    '      </trans-unit>\n'
    '      <trans-unit id="2">\n'
    '        <source>Fuente: Gestión</source>\n'
    '        <target>Source: Gestion</target>\n'
    '      </trans-unit>\n'
    '      <trans-unit id="3">\n'
    '        <source>Este lunes, el ministro anunció su dimisión tras tres años en el cargo.</source>\n'
    '        <target>This Monday, the minister announced her resignation after three years in the post.</target>\n'
    '      </trans-unit>\n'
    '    </body>\n  </file>\n</xliff>\n'
)


TMX = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<tmx version="1.4">\n'
    '  <header creationtool="test" creationtoolversion="1" segtype="sentence" o-tmf="none" adminlang="en"'
    ' srclang="es" datatype="plaintext"/>\n'
    '  <body>\n'
    '    <tu tuid="1">\n'
    '      <tuv xml:lang="es"><seg>El ministro dijo que «el plan está listo» y se fue.</seg></tuv>\n'
    '      <tuv xml:lang="en"><seg>The minister said that “the plan is ready”and left.</seg></tuv>\n'
    '    </tu>\n'
    '    <tu tuid="2">\n'
    '      <tuv xml:lang="es"><seg>Fuente: Gestión</seg></tuv>\n'
    '      <tuv xml:lang="en"><seg>Source: Gestion</seg></tuv>\n'
    '    </tu>\n'
    '    <tu tuid="3">\n'
    '      <tuv xml:lang="es"><seg>Este lunes, el ministro anunció su dimisión tras tres años en el cargo.</seg></tuv>\n'
    '      <tuv xml:lang="en"><seg>This Monday, the minister announced her resignation after three years in the post.</seg></tuv>\n'
    '    </tu>\n'
    '  </body>\n</tmx>\n'
)

@pytest.mark.parametrize("name, text", [("a.po", PO), ("a.xlf", XLIFF), ("a.tmx", TMX)])
def test_fix_in_a_bilingual_file_changes_its_target_texts_only(tmp_path, name, text):
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    proc = run_tqcheck("check", "--engine", "none", "--fix", "--unsafe-fixes", path)
    assert proc.returncode in (0, 1), proc.stderr
    assert proc.stdout.rstrip().endswith("Fixed 2 problems."), proc.stdout + proc.stderr
    # The sources, the escaped quote, the credit line and every byte around them stay as they were.
    assert path.read_bytes() == text.replace("ready”and", "ready” and").replace(
        ">This Monday,", ">On Monday,").replace('"This Monday,', '"On Monday,').encode("utf-8")
    if name != "a.po":
        assert "1 fix not applied: in a bilingual file a fix may only change a target text" in proc.stdout
        assert "B101" in proc.stdout  # still reported
    else:
        assert '\\"no\\"and left' in path.read_text("utf-8")
    again = run_tqcheck("check", "--engine", "none", "--fix", "--unsafe-fixes", path)
    assert "Fixed" not in again.stdout and path.read_bytes() != text.encode("utf-8")
    assert not {"Q102", "C102"} & {f["code"] for f in _findings(path)}


def test_html_report_with_quiet_and_statistics_is_whole_and_unchanged(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(ARTICLE.encode("utf-8"))
    plain = run_tqcheck("check", "--engine", "none", "--target-lang", "en", "--format", "html", path)
    for flags in (["--quiet"], ["--statistics"], ["--quiet", "--statistics"]):
        proc = run_tqcheck("check", "--engine", "none", "--target-lang", "en", "--format", "html", *flags, path)
        assert proc.returncode == plain.returncode == 1 and not proc.stderr
        # A standalone page: the flags shape the text and GitHub formats; the page stays whole and the same.
        assert proc.stdout.startswith("<!DOCTYPE html>") and proc.stdout.rstrip().endswith("</html>")
        assert proc.stdout == plain.stdout
    fixed = run_tqcheck("check", "--engine", "none", "--target-lang", "en", "--format", "html", "--quiet",
                        "--statistics", "--fix", path)
    assert fixed.stdout.rstrip().endswith("</html>") and "Fixed 3 problems." in fixed.stdout
    assert path.read_bytes() == FIXED.encode("utf-8")


def test_rules_as_json_say_which_detectors_offer_fixes():
    rules = {r["code"]: r["fix"] for r in json.loads(run_tqcheck("rules", "--format", "json").stdout)}
    assert {code: fix for code, fix in rules.items() if fix} == {
        "Q102": "safe", "N101": "safe", "N102": "safe", "L112": "safe", "T101": "unsafe", "C102": "unsafe", "K101": "unsafe", "K104": "unsafe",
        **{f"B10{i}": "unsafe" for i in range(1, 8)}}  # B108, a duplicated title, has none


def test_no_dateline_fix_where_the_weekday_is_the_subject_of_a_reported_clause(tmp_path):
    # "said on Friday was his last day" would not be English: the finding stays, without a fix.
    text = "The coach said this Friday marked the end of a long and difficult season for the club.\n"
    path = tmp_path / "a.md"
    path.write_text(text, encoding="utf-8")
    assert "C102" in [f["code"] for f in _findings(path, "--source-lang", "es")]
    proc = run_tqcheck("check", "--engine", "none", "--target-lang", "en", "--source-lang", "es",
                       "--fix", "--unsafe-fixes", path)
    assert "Fixed" not in proc.stdout and path.read_text("utf-8") == text
