"""What a ruff or Vale user reaches for: same-line suppression, per-file-ignores, extend-select/-ignore,
min-severity, an accept list, --quiet, --statistics, -o, and `tqcheck config PATH`."""
from __future__ import annotations

import json

from conftest import SEED, run_json, run_tqcheck

GLUED = "The minister said that “the plan is ready”and left the room.\n"
GLUED_TOO = "The mayor said that “the budget is closed”and smiled at the press.\n"
SPANISH_WORDS = ("The residents of the barrio complained about the noise of the obras on Monday.\n\n"
                 "The ayuntamiento said that the Semana Santa processions will go ahead.\n")


def _codes_and_lines(report, i=0):
    return [(f["code"], f["line"]) for f in report["files"][i]["findings"]]


# --- same-line suppression --------------------------------------------------------------------


def test_same_line_comment_in_markdown_and_html_suppresses_that_line_only(tmp_path):
    md = tmp_path / "a.md"
    md.write_text(GLUED.rstrip("\n") + " <!-- tqcheck: ignore Q102 -->\n\n" + GLUED_TOO, encoding="utf-8")
    html = tmp_path / "a.html"
    html.write_text(f"<p>{GLUED.strip()} <!-- tqcheck: ignore misplaced-quote --></p>\n<p>{GLUED_TOO.strip()}</p>\n",
                    encoding="utf-8")
    proc, report = run_json("--engine", "none", "--select", "Q102,X001", md, html)
    assert proc.returncode == 1, proc.stderr
    assert _codes_and_lines(report, 0) == [("Q102", 3)]
    assert _codes_and_lines(report, 1) == [("Q102", 2)]


def test_same_line_comment_in_plain_text_is_not_read_as_prose_and_unused_is_reported(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(GLUED.rstrip("\n") + "  # tqcheck: ignore Q102\n\n" + GLUED_TOO
                    + "The talks went well for everyone.  # tqcheck: ignore Q101\n", encoding="utf-8")
    proc, report = run_json("--engine", "none", path)
    found = [(f["code"], f["line"], f["excerpt"]) for f in report["files"][0]["findings"]]
    assert ("X001", 4, "# tqcheck: ignore Q101") in found
    assert [line for code, line, _ in found if code == "Q102"] == [3]
    # The comment is not prose: no detector reads "tqcheck" or "ignore" as words of the text.
    assert all("tqcheck" not in excerpt for code, _, excerpt in found if code != "X001")


# --- configuration like ruff's -----------------------------------------------------------------


def test_per_file_ignores_turn_codes_off_for_matching_files_only(tmp_path):
    (tmp_path / ".tqcheck.toml").write_text('[per-file-ignores]\n"drafts/*" = ["Q102"]\n')
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "a.txt").write_text(GLUED, encoding="utf-8")
    (tmp_path / "b.txt").write_text(GLUED, encoding="utf-8")
    _, report = run_json("--engine", "none", "--select", "Q", tmp_path)
    by_path = {f["path"].rsplit("/", 2)[-2] + "/" + f["path"].rsplit("/", 1)[-1]: [x["code"] for x in f["findings"]]
               for f in report["files"]}
    assert by_path[f"{tmp_path.name}/b.txt"] == ["Q102"]
    assert by_path["drafts/a.txt"] == []


def test_extend_select_adds_to_select_and_extend_ignore_to_ignore(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(SEED.read_bytes())
    (tmp_path / ".tqcheck.toml").write_text('select = ["Q101"]\nextend-select = ["Q102", "B"]\n'
                                            'extend-ignore = ["B102"]\n')
    _, report = run_json("--engine", "none", path)
    assert {f["code"] for f in report["files"][0]["findings"]} == {"Q101", "Q102", "B101", "B107"}


def test_min_severity_hides_findings_below_it_from_file_and_flag(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(SEED.read_bytes())
    _, everything = run_json("--engine", "none", path)
    severities = {f["severity"] for f in everything["files"][0]["findings"]}
    assert severities == {"error", "warning", "info"}
    proc, errors = run_json("--engine", "none", "--min-severity", "error", path)
    assert {f["severity"] for f in errors["files"][0]["findings"]} == {"error"} and proc.returncode == 1
    (tmp_path / ".tqcheck.toml").write_text('min-severity = "warning"\n')
    _, warnings = run_json("--engine", "none", path)
    assert {f["severity"] for f in warnings["files"][0]["findings"]} == {"error", "warning"}


def test_accept_list_keeps_house_words_from_being_flagged(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(SPANISH_WORDS, encoding="utf-8")
    flags = ("--engine", "none", "--target-lang", "en", "--source-lang", "es", "--select", "U")
    _, before = run_json(*flags, path)
    assert [f["excerpt"] for f in before["files"][0]["findings"]] == ["obras", "ayuntamiento"]
    (tmp_path / ".tqcheck.toml").write_text('accept = ["ayuntamiento", "Semana Santa"]\n')
    _, after = run_json(*flags, path)
    assert [f["excerpt"] for f in after["files"][0]["findings"]] == ["obras"]


def test_config_command_prints_what_applies_and_where_it_came_from(tmp_path):
    (tmp_path / ".tqcheck.toml").write_text('select = ["Q", "C"]\nfail-on = "warning"\n'
                                            '[per-file-ignores]\n"drafts/*" = ["Q102"]\n')
    (tmp_path / "drafts").mkdir()
    article = tmp_path / "drafts" / "a.md"
    article.write_text(GLUED, encoding="utf-8")
    proc = run_tqcheck("config", article)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    cfg = tmp_path / ".tqcheck.toml"
    assert lines[0] == f"# {article}: {cfg} (the nearest configuration upwards)"
    assert f'select = ["Q", "C"]  # {cfg}' in lines
    assert f'fail-on = "warning"  # {cfg}' in lines
    assert 'engine = "auto"  # default' in lines
    assert "# per-file-ignores turn off here: Q102" in lines
    bare = run_tqcheck("config", "--config", tmp_path / "missing.toml", article)
    assert bare.returncode == 2 and "configuration file not found" in bare.stderr


# --- output ------------------------------------------------------------------------------------


def test_quiet_prints_findings_only_and_statistics_counts_by_code(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(GLUED + "\n" + GLUED_TOO, encoding="utf-8")
    quiet = run_tqcheck("check", "--engine", "none", "--quiet", "--select", "Q", path)
    assert quiet.returncode == 1
    assert quiet.stdout.count("Q102 [error]") == 2 and "Found" not in quiet.stdout and "note:" not in quiet.stdout
    stats = run_tqcheck("check", "--engine", "none", "--statistics", "--quiet", "--select", "Q", path)
    assert stats.stdout.splitlines()[-2:] == ["2  Q102  misplaced-quote", ""]
    _, report = run_json("--engine", "none", "--select", "Q", path)
    assert report["summary"]["by_code"] == {"Q102": 2}


def test_engine_none_folder_run_prints_no_note_per_file(tmp_path):
    for i in range(3):
        (tmp_path / f"a{i}.txt").write_text(GLUED, encoding="utf-8")
    proc = run_tqcheck("check", "--engine", "none", tmp_path)
    assert "note:" not in proc.stdout
    assert proc.stdout.splitlines()[-1] == "Found 3 problems (3 errors, 0 warnings, 0 info) in 3 files."


def test_output_file_gets_any_format_and_nothing_on_stdout(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(GLUED, encoding="utf-8")
    for fmt in ("json", "sarif", "github", "text"):
        out = tmp_path / f"report.{fmt}"
        proc = run_tqcheck("check", "--engine", "none", "--format", fmt, "-o", out, path)
        assert proc.returncode == 1 and proc.stdout == ""
        body = out.read_text("utf-8")
        if fmt in ("json", "sarif"):
            json.loads(body)
        assert "Q102" in body


# --- rules as data and SARIF help --------------------------------------------------------------


def test_rules_as_json_match_the_text_listing_and_explain():
    proc = run_tqcheck("rules", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    rules = json.loads(proc.stdout)
    text = run_tqcheck("rules").stdout.splitlines()
    assert [r["code"] for r in rules] == [line.split()[0] for line in text]
    q102 = next(r for r in rules if r["code"] == "Q102")
    assert q102["name"] == "misplaced-quote" and q102["severity"] == "error"
    assert set(q102["docs"]) == {"What it does", "Why it matters", "Example", "Use instead"}
    assert q102["help_uri"].endswith("docs/rules.md#q102-misplaced-quote")


def test_sarif_rules_carry_a_help_uri_whose_anchor_exists_in_the_rules_doc(tmp_path):
    from conftest import ROOT

    path = tmp_path / "a.txt"
    path.write_text(GLUED, encoding="utf-8")
    log = json.loads(run_tqcheck("check", "--engine", "none", "--format", "sarif", path).stdout)
    doc = (ROOT / "docs" / "rules.md").read_text("utf-8")
    headings = {line[3:].lower().replace(" ", "-") for line in doc.splitlines() if line.startswith("## ")}
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert rules and all(r["helpUri"].split("#")[1] in headings for r in rules)


def test_the_rules_doc_is_what_the_detectors_say():
    import subprocess
    import sys

    from conftest import ROOT

    proc = subprocess.run([sys.executable, str(ROOT / "tools" / "make_rules_doc.py"), "--check"],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
