"""Tests of the output formats: snapshots of each, plus the properties each format promises.

Snapshots live in tests/snapshots/; run with TQCHECK_UPDATE_SNAPSHOTS=1 to rewrite them
after an intended change, then review the diff.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from tqcheck.text.document import LineIndex
from tqcheck.finding import Finding, Severity
from tqcheck.output import FORMATS, render
from tqcheck.output import github as github_format
from tqcheck.output import sarif as sarif_format
from tqcheck.output import text as text_format
from tqcheck.output.report import FileReport, Report, SegmentReport
from tqcheck.rules.base import Detector

HERE = Path(__file__).parent
SNAPSHOTS = HERE / "snapshots"
SARIF_SCHEMA = HERE / "schemas" / "sarif-schema-2.1.0.json"
ANSI = re.compile(r"\x1b\[[0-9;]*m")


# --- detectors the reports refer to -------------------------------------------------


class UnbalancedQuote(Detector):
    """Flags quotation marks that point the wrong way or are never closed.

    What it does:
        Finds quotation marks that open with a closing mark, close with an
        opening one, or open a quotation that never ends.

    Why it matters:
        Machine translation carries the source language's quotation habits
        over and often glues a closing mark where an opening one belongs.

    Example:
        Officials said the plan was ”unworkable" and withdrew it.

    Use instead:
        Officials said the plan was “unworkable” and withdrew it.
    """

    code = "Q101"
    name = "unbalanced-quote"
    severity = Severity.ERROR
    family = "punctuation"


class UntranslatedWord(Detector):
    """Flags a source-language word left in the translation.

    What it does:
        Finds words of the source language that the translation kept as they were.

    Why it matters:
        A reader of the target language cannot understand them, and they show
        that nobody reviewed the text.

    Example:
        The council's Beschluss will be published on Monday.

    Use instead:
        The council's decision will be published on Monday.
    """

    code = "W201"
    name = "untranslated-word"
    severity = Severity.WARNING
    family = "lexical"


class WordForm(Detector):
    """Flags a word form that does not fit its neighbours.

    What it does:
        Finds a verb form or a repeated word that the grammar around it rules out.

    Why it matters:
        Such slips read as careless even when the meaning survives.

    Example:
        Your order has been send yesterday.

    Use instead:
        Your order was sent yesterday.
    """

    code = "S301"
    name = "word-form"
    severity = Severity.INFO


class DoubledSpace(Detector):
    """Flags two spaces between words.

    What it does:
        Finds runs of spaces inside a sentence.

    Why it matters:
        They come from pasted fragments and widen the text unevenly.

    Example:
        Please  read the terms.

    Use instead:
        Please read the terms.
    """

    code = "P401"
    name = "doubled-space"
    severity = Severity.WARNING
    family = "whitespace"


RULES = {d.code: d for d in (UnbalancedQuote, UntranslatedWord, WordForm, DoubledSpace)}


def make_finding(detector, text, needle, message, suggestion=None, *, length=None, segment=None, **kw) -> Finding:
    """A finding on the first `needle` of `text`, with positions filled as the runner does."""
    start = text.index(needle)
    end = start + (len(needle) if length is None else length)
    f = detector().finding(start, end, message, suggestion=suggestion, **kw)
    f.segment = segment
    index = LineIndex(text)
    f.line, f.column = index.position(start)
    f.end_line, f.end_column = index.position(end)
    f.excerpt = text[start:end]
    return f


# --- the reports ----------------------------------------------------------------------

ARTICLE = (
    'Officials said the plan was ”unworkable" and withdrew it. '
    "The council's Beschluss will be published on Monday.\n"
    "\n"
    'Critics said the decision was "taken in haste and\n'
    "without consultation.\n"
)
NOTICE = "Dear customer,\r\nYour order has been send yesterday.\r\nKind regards\r\n"
MENU = "Zoë’s café 🙂 serves «fresh» bread daily.\n"
TABLE = "Status:\tapproved by the the board\n"
MINUTES = (
    "The committee met on Tuesday to review the budget for the coming year, and after a long "
    "discussion the Ausschuss agreed to postpone the vote until the figures for the last quarter "
    "had been checked by the auditors and circulated to all members in writing.\n"
)


def article_report() -> FileReport:
    first = ARTICLE.index("Officials")
    second = ARTICLE.index("The council")
    third = ARTICLE.index("Critics")
    return FileReport(
        path="article.md",
        format="markdown",
        text=ARTICLE,
        target_lang="en",
        source_lang="es",
        engine={"name": "fake-mt", "version": "1.0"},
        score=0.712345,
        findings=[
            make_finding(
                UnbalancedQuote, ARTICLE, "”", "Closing quotation mark ” opens the quotation", "“", segment=0
            ),
            make_finding(
                UntranslatedWord,
                ARTICLE,
                "Beschluss",
                "German word left untranslated: “Beschluss”",
                "decision",
                source_lang="de",
                segment=1,
            ),
            make_finding(
                UnbalancedQuote,
                ARTICLE,
                '"taken',
                "This quotation is never closed",
                length=ARTICLE.index("consultation.") + len("consultation.") - ARTICLE.index('"taken'),
                segment=2,
            ),
        ],
        segments=[
            SegmentReport.of_text(
                index=0,
                start=first,
                end=second - 1,
                text='Officials said the plan was ”unworkable" and withdrew it.',
                score=0.83,
                backtranslation="Los funcionarios dijeron que el plan era «inviable» y lo retiraron.",
                round_trip="Officials said the plan was unfeasible and withdrew it.",
                chrf=41.23456,
                source={"start": 0, "end": 66, "text": "Los responsables dijeron que el plan era «inviable» y lo retiraron."},
                drift=["unworkable"],
            ),
            SegmentReport.of_text(
                index=1,
                start=second,
                end=ARTICLE.index("\n"),
                text="The council's Beschluss will be published on Monday.",
                score=0.912345678,
                backtranslation="El Beschluss del consejo se publicará el lunes.",
                round_trip="The council's Beschluss will be published on Monday.",
                chrf=35.0,
            ),
            SegmentReport.of_text(
                index=2,
                start=third,
                end=len(ARTICLE) - 1,
                text='Critics said the decision was "taken in haste and without consultation.',
                score=0.2,
                backtranslation="Los críticos dijeron que la decisión fue tomada con prisa y sin consulta.",
                round_trip="Critics said the decision was taken hastily and without consultation.",
                chrf=78.5,
            ),
        ],
    )


def full_report() -> Report:
    notice = FileReport(
        path="letters/notice.txt",
        format="text",
        text=NOTICE,
        target_lang="en",
        source_lang=None,
        score=0.25,
        findings=[
            make_finding(
                WordForm, NOTICE, "send", "“has been” needs the past participle “sent”", "sent"
            )
        ],
        # No backtranslation: never listed among the suspicious segments, whatever its score.
        segments=[SegmentReport.of_text(index=0, start=16, end=50, text="Your order has been send yesterday.", score=0.9)],
        notes=["round-trip checks skipped: no engine for target language en"],
    )
    menu = FileReport(
        path="docs/café menu.md",
        format="markdown",
        text=MENU,
        target_lang="en-GB",
        source_lang="fr",
        findings=[
            make_finding(UnbalancedQuote, MENU, "«fresh»", "French guillemets in English text", "“fresh”")
        ],
    )
    table = FileReport(
        path="table.txt",
        format="text",
        text=TABLE,
        target_lang="en",
        source_lang=None,
        findings=[make_finding(WordForm, TABLE, "the the", "Repeated word “the”", "the")],
    )
    minutes = FileReport(
        path="minutes.md",
        format="markdown",
        text=MINUTES,
        target_lang="en",
        source_lang="de",
        findings=[
            make_finding(
                UntranslatedWord, MINUTES, "Ausschuss", "German word left untranslated: “Ausschuss”", "committee"
            )
        ],
    )
    return Report(
        version="0.1.0",
        files=[article_report(), notice, menu, table, minutes],
        skipped=[{"path": "assets/logo.png", "reason": "binary file"}],
        signatures={"chrf": "nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.4.0"},
        rules=dict(RULES),
    )


def clean_report() -> Report:
    quiet = FileReport(path="ok.md", format="markdown", text="All is well.\n", target_lang="en", source_lang=None)
    other = FileReport(path="fine.txt", format="text", text="Nothing to see.\n", target_lang="en", source_lang=None)
    return Report(version="0.1.0", files=[quiet, other], rules=dict(RULES))


# --- snapshots --------------------------------------------------------------------------


def assert_snapshot(name: str, actual: str) -> None:
    path = SNAPSHOTS / name
    if os.environ.get("TQCHECK_UPDATE_SNAPSHOTS") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="") as fh:
            fh.write(actual)
        return
    assert path.exists(), f"no snapshot {name}; run with TQCHECK_UPDATE_SNAPSHOTS=1 to create it"
    # newline="" so that a stray \r in the output is a difference, not normalised away.
    with open(path, encoding="utf-8", newline="") as fh:
        expected = fh.read()
    assert actual == expected, f"{name} differs from its snapshot; TQCHECK_UPDATE_SNAPSHOTS=1 rewrites it"


@pytest.mark.parametrize(
    "snapshot, fmt, options",
    [
        ("text.txt", "text", {}),
        ("text-color.txt", "text", {"color": True}),
        ("text-no-segments.txt", "text", {"show_segments": False}),
        ("report.json", "json", {}),
        ("report.sarif", "sarif", {}),
        ("github.txt", "github", {}),
    ],
)
def test_snapshot(snapshot, fmt, options):
    assert_snapshot(snapshot, render(full_report(), fmt, **options))


def test_snapshot_clean_text():
    assert_snapshot("text-clean.txt", render(clean_report(), "text"))


# --- registry ----------------------------------------------------------------------------


def test_registry_names_and_unknown_format():
    assert FORMATS == ("text", "json", "sarif", "github", "html")
    for fmt in FORMATS:
        assert render(full_report(), fmt).endswith("\n")
    with pytest.raises(ValueError, match="unknown format 'xml'"):
        render(full_report(), "xml")


def test_registry_imports_formats_lazily():
    code = (
        "import sys, tqcheck.output as f\n"
        "assert not [m for m in sys.modules if m.startswith('tqcheck.output.')], sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=HERE.parent)


# --- text ---------------------------------------------------------------------------------


def finding_block(output: str, header_start: str) -> list[str]:
    lines = output.split("\n")
    i = next(i for i, line in enumerate(lines) if line.startswith(header_start))
    return lines[i : i + 4]


def caret_span(caret_line: str) -> tuple[int, int]:
    m = re.search(r"\^+", caret_line)
    return m.start(), m.end()


def test_text_no_ansi_without_color_and_ansi_with_it():
    plain = render(full_report(), "text", color=False)
    colored = render(full_report(), "text", color=True)
    assert "\x1b" not in plain
    assert ANSI.search(colored)
    # Colour only decorates: without the escape codes the two are the same text.
    assert ANSI.sub("", colored) == plain


def test_text_underlines_span_in_plain_line():
    out = render(full_report(), "text")
    header, shown, carets, suggestion = finding_block(out, "article.md:1:29:")
    assert header == "article.md:1:29: Q101 [error] Closing quotation mark ” opens the quotation"
    a, b = caret_span(carets)
    assert shown[a:b] == "”"
    assert suggestion == "  suggestion: “"


def test_text_tab_is_shown_as_one_space_so_carets_line_up():
    out = render(full_report(), "text")
    header, shown, carets, _ = finding_block(out, "table.txt:")
    assert header.startswith("table.txt:1:21: S301 [info]")
    assert "\t" not in shown
    a, b = caret_span(carets)
    assert shown[a:b] == "the the"


def test_text_columns_count_code_points_before_the_span():
    out = render(full_report(), "text")
    column = MENU.index("«") + 1
    # UTF-16 would count the emoji twice: the header must not.
    assert len(MENU[: column - 1].encode("utf-16-le")) // 2 == column
    header, shown, carets, _ = finding_block(out, "docs/café menu.md:")
    assert header.startswith(f"docs/café menu.md:1:{column}: Q101 [error]")
    # The emoji is two terminal columns wide, so the caret sits one column further right.
    a, b = caret_span(carets)
    assert carets[:a] == " " * (2 + column)
    assert b - a == len("«fresh»")


def test_text_crlf_file_shows_no_carriage_return():
    out = render(full_report(), "text")
    assert "\r" not in out
    header, shown, carets, _ = finding_block(out, "letters/notice.txt:")
    assert header.startswith("letters/notice.txt:2:21: S301 [info]")
    assert shown == "  Your order has been send yesterday."
    a, b = caret_span(carets)
    assert shown[a:b] == "send"


def test_text_multiline_span_is_underlined_to_end_of_first_line():
    out = render(full_report(), "text")
    header, shown, carets, after = finding_block(out, "article.md:3:")
    assert shown == '  Critics said the decision was "taken in haste and'
    a, b = caret_span(carets)
    assert shown[a:b] == '"taken in haste and'
    assert b == len(shown)
    assert after == ""  # no suggestion on this one


def test_text_long_line_shows_window_with_ellipses():
    out = render(full_report(), "text")
    header, shown, carets, _ = finding_block(out, "minutes.md:")
    body = shown[2:]
    assert body.startswith("…") and body.endswith("…")
    assert len(body) == text_format.WINDOW + 2
    a, b = caret_span(carets)
    assert shown[a:b] == "Ausschuss"


def test_text_segments_part():
    out = render(full_report(), "text")
    part = out[out.index("Most suspicious segments") :]
    # Highest score first; the 0.2 one and the one without a backtranslation are left out.
    assert part.index("article.md:1:59 score 0.91 chrF 35.0") < part.index("article.md:1:1 score 0.83 chrF 41.2")
    assert "0.20" not in part and "notice.txt:2" not in part
    assert "  Officials said the plan was ”[[unworkable]]\" and withdrew it." in part
    assert "  back: Los funcionarios dijeron que el plan era «inviable» y lo retiraron." in part
    assert "  round trip: Officials said the plan was unfeasible and withdrew it." in part
    assert "  source: Los responsables dijeron que el plan era «inviable» y lo retiraron." in part
    assert "Most suspicious segments" not in render(full_report(), "text", show_segments=False)


def test_text_segments_at_most_five_per_file_from_threshold():
    segs = [
        SegmentReport.of_text(index=i, start=i * 4, end=i * 4 + 3, text=f"s{i}.", score=s, backtranslation=f"b{i}.")
        for i, s in enumerate([0.5, 0.49, 0.6, 0.7, 0.8, 0.9, 0.95])
    ]
    file = FileReport(path="f.txt", format="text", text="s0. s1. s2. s3. s4. s5. s6.\n", target_lang="en",
                      source_lang=None, segments=segs)
    out = render(Report(version="0", files=[file]), "text")
    scores = re.findall(r"^f\.txt:1:\d+ score (\S+)$", out, re.M)
    assert scores == ["0.95", "0.90", "0.80", "0.70", "0.60"]
    assert "  round trip:" not in out  # no round trip, no line for it


def test_text_drift_marks_whole_words_only():
    paint = text_format._Paint(False)
    assert text_format._mark("Plan and planned plans; plan.", ["plan"], paint) == "[[Plan]] and planned plans; [[plan]]."


def test_text_summary_notes_and_skipped():
    out = render(full_report(), "text")
    assert "letters/notice.txt: note: round-trip checks skipped: no engine for target language en\n" in out
    assert out.endswith(
        "Found 7 problems (3 errors, 2 warnings, 2 info) in 5 files; skipped 1 file.\n"
        "  skipped assets/logo.png: binary file\n"
    )
    assert render(clean_report(), "text") == "No problems found in 2 files.\n"


def test_text_control_characters_do_not_reach_the_terminal():
    text = "Bad \x1b[31mred\x1b[0m here.\n"
    f = make_finding(WordForm, text, "here", "x")
    file = FileReport(path="c.txt", format="text", text=text, target_lang="en", source_lang=None, findings=[f])
    out = render(Report(version="0", files=[file]), "text")
    assert "\x1b" not in out
    shown, carets = out.split("\n")[1:3]
    a, b = caret_span(carets)
    assert shown[a:b] == "here"


# --- json ---------------------------------------------------------------------------------


def test_json_contract_keys_in_order():
    out = render(full_report(), "json")
    assert out.endswith("}\n") and out.startswith('{\n  "tool"')
    data = json.loads(out)
    assert list(data) == ["tool", "signatures", "files", "summary"]
    assert data["tool"] == {"name": "tqcheck", "version": "0.1.0"}
    assert list(data["signatures"]) == ["chrf"]
    file = data["files"][0]
    assert list(file) == ["path", "format", "target_lang", "source_lang", "engine", "score", "findings",
                          "segments", "notes"]
    assert list(file["findings"][0]) == ["code", "name", "severity", "message", "source_lang", "start", "end",
                                         "line", "column", "end_line", "end_column", "excerpt", "suggestion",
                                         "segment"]
    assert list(file["segments"][0]) == ["index", "start", "end", "text", "score", "backtranslation",
                                         "round_trip", "chrf", "source"]
    assert list(data["summary"]) == ["files", "findings", "by_severity", "skipped", "by_code"]
    assert data["summary"] == {
        "files": 5,
        "findings": 7,
        "by_severity": {"error": 3, "warning": 2, "info": 2},
        "skipped": [{"path": "assets/logo.png", "reason": "binary file", "error": False}],
        "by_code": {"Q101": 3, "S301": 2, "W201": 2},
    }


def test_json_values():
    report = full_report()
    out = render(report, "json")
    assert "Zoë" not in out  # the file text itself is not part of the contract
    assert "docs/café menu.md" in out  # ensure_ascii=False: no \u escapes
    data = json.loads(out)
    texts = {f.path: f.text for f in report.files}
    for file in data["files"]:
        for finding in file["findings"]:
            assert finding["excerpt"] == texts[file["path"]][finding["start"] : finding["end"]]
            assert finding["severity"] in ("error", "warning", "info")
    article = data["files"][0]
    assert article["score"] == 0.7123
    assert article["segments"][1]["score"] == 0.9123
    assert article["segments"][0]["chrf"] == 41.2346
    assert article["findings"][1]["source_lang"] == "de"
    assert data["files"][1]["segments"][0]["chrf"] is None
    assert [f["segment"] for f in article["findings"]] == [0, 1, 2]
    assert data["files"][1]["findings"][0]["segment"] is None


# --- sarif --------------------------------------------------------------------------------


def test_sarif_validates_against_official_schema():
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator.check_schema(schema)
    for report in (full_report(), clean_report()):
        log = json.loads(render(report, "sarif"))
        errors = sorted(jsonschema.Draft4Validator(schema).iter_errors(log), key=str)
        assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors)


def test_sarif_run_contents():
    log = json.loads(render(full_report(), "sarif"))
    assert log["version"] == "2.1.0"
    (run,) = log["runs"]
    assert run["columnKind"] == "unicodeCodePoints"
    driver = run["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("tqcheck", "0.1.0")
    assert [r["id"] for r in driver["rules"]] == ["P401", "Q101", "S301", "W201"]
    q101 = driver["rules"][1]
    assert q101["name"] == "unbalanced-quote"
    assert q101["shortDescription"]["text"].startswith("Finds quotation marks that open with a closing mark, close with an")
    assert q101["shortDescription"]["text"].endswith(".")  # the whole first sentence, not the first wrapped line
    assert q101["fullDescription"]["text"].startswith("Finds quotation marks")
    assert q101["defaultConfiguration"] == {"level": "error"}
    assert q101["properties"] == {"tags": ["punctuation"]}
    assert "Why it matters:\n" in q101["help"]["text"] and "**Use instead**" in q101["help"]["markdown"]
    assert "properties" not in driver["rules"][2]  # S301 has no family
    assert driver["rules"][2]["defaultConfiguration"] == {"level": "note"}
    for result in run["results"]:
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
    assert [a["location"]["uri"] for a in run["artifacts"]] == [
        "article.md", "letters/notice.txt", "docs/caf%C3%A9%20menu.md", "table.txt", "minutes.md"
    ]
    first = run["results"][0]
    assert first["level"] == "error"
    assert first["message"] == {"text": "Closing quotation mark ” opens the quotation"}
    assert first["properties"] == {"suggestion": "“"}
    region = first["locations"][0]["physicalLocation"]["region"]
    start = ARTICLE.index("”")
    assert region == {"startLine": 1, "startColumn": start + 1, "endLine": 1, "endColumn": start + 2,
                      "charOffset": start, "charLength": 1, "snippet": {"text": "”"}}
    assert "properties" not in run["results"][2]  # no suggestion
    assert run["invocations"][0]["toolExecutionNotifications"][0]["message"]["text"] == "skipped: binary file"


def test_sarif_uris():
    assert sarif_format.path_to_uri("docs/a b.md") == "docs/a%20b.md"
    assert sarif_format.path_to_uri("./docs/x#1.md") == "docs/x%231.md"
    assert sarif_format.path_to_uri("/srv/site/über.md") == "file:///srv/site/%C3%BCber.md"


# --- github -------------------------------------------------------------------------------


def test_github_commands():
    lines = render(full_report(), "github").splitlines()
    # One command per finding, then one per skipped file, on that file, then the summary.
    assert len(lines) == 9
    assert lines[-2] == "::warning file=assets/logo.png,title=tqcheck skipped::skipped: binary file"
    assert lines[-1] == ("::notice title=tqcheck summary::Found 7 problems (3 errors, 2 warnings, 2 info) "
                         "in 5 files; skipped 1 file.")
    assert lines[0] == (
        "::error file=article.md,line=1,col=29,endLine=1,endColumn=30,title=Q101 unbalanced-quote"
        "::Closing quotation mark ” opens the quotation%0ASuggestion: “"
    )
    # A span over two lines carries no columns.
    assert lines[2] == (
        "::error file=article.md,line=3,endLine=4,title=Q101 unbalanced-quote::This quotation is never closed"
    )
    assert lines[3].startswith("::notice file=letters/notice.txt,line=2,col=21,")
    assert lines[1].startswith("::warning ")
    assert "Found" not in "".join(lines[:-1])  # the summary is the last command, and only there


def test_github_escaping():
    text = "Growth was 5%: up, then\r\ndown.\n"
    f = make_finding(WordForm, text, "5%", "Rate 5%: 3,1\r\nnext", "use 5 % , or: none")
    file = FileReport(path="q3,final:v2%.md", format="text", text=text, target_lang="en", source_lang=None,
                      findings=[f])
    (line,) = render(Report(version="0", files=[file], quiet=True), "github").splitlines()
    assert line == (
        "::notice file=q3%2Cfinal%3Av2%25.md,line=1,col=12,endLine=1,endColumn=14,title=S301 word-form"
        "::Rate 5%25: 3,1%0D%0Anext%0ASuggestion: use 5 %25 , or: none"
    )
    assert github_format.escape_property("a:b,c%\r\n") == "a%3Ab%2Cc%25%0D%0A"
    assert github_format.escape_data("a:b,c%\r\n") == "a:b,c%25%0D%0A"
