"""A gate CI can trust: what tqcheck did not check, or was told in words it does not know, fails the run (exit 2)."""
from __future__ import annotations

import json

import pytest

from conftest import ROOT, run_json, run_tqcheck

FORMATS = ("text", "json", "sarif", "github")
# A real glued quotation mark (Q102, an error) in an English sentence.
GLUED = "The minister said that “the plan is ready”and left the room.\n"
CLEAN = "Officials confirmed the plan on Friday.\n\nThe minister promised new talks with the unions.\n"
LATIN1 = "El niño dijo que sí, y la reunión terminó pronto.\n".encode("latin-1")


def _folder(tmp_path, **files):
    for name, content in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return tmp_path


# --- 1. a configuration typo does not turn the linter off ------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_config_typo_in_select_exits_2_in_every_format(tmp_path, fmt):
    _folder(tmp_path, **{"a.txt": GLUED, ".tqcheck.toml": 'select = ["QQ1"]\n'})
    proc = run_tqcheck("check", "--engine", "none", "--format", fmt, tmp_path / "a.txt")
    assert proc.returncode == 2, proc.stdout
    assert proc.stdout == ""
    assert proc.stderr == (f"tqcheck: error: {tmp_path / '.tqcheck.toml'}: select = 'QQ1': unknown rule code, "
                           "prefix or name (did you mean 'Q1'?) (see `tqcheck rules`)\n")


@pytest.mark.parametrize("config, said", [
    ('ignore = ["B", "ZZ9"]\n', "ignore = 'ZZ9': unknown rule code, prefix or name (see `tqcheck rules`)"),
    ('[severity]\nZZ1 = "info"\n', "severity.ZZ1: unknown rule code or name (see `tqcheck rules`)"),
    ('[severity]\nunbalanced-quotes = "info"\n',
     "severity.unbalanced-quotes: unknown rule code or name (did you mean 'unbalanced-quote'?)"),
    ('extend-ignore = ["Q1O1"]\n', "extend-ignore = 'Q1O1': unknown rule code, prefix or name (did you mean 'Q101'?)"),
    ('extend-select = ["X9"]\n', "extend-select = 'X9'"),
    ('[per-file-ignores]\n"drafts/*" = ["Q102", "QQ2"]\n', "per-file-ignores.'drafts/*' = 'QQ2'"),
    ('min-severity = "warn"\n', "min-severity = 'warn' (did you mean 'warning'?) (valid choices: error, warning, info)"),
    ('selcet = ["Q"]\n', "unknown key 'selcet' (did you mean 'select'?)"),
])
def test_every_rule_in_every_config_key_is_checked_like_the_command_line(tmp_path, config, said):
    _folder(tmp_path, **{"a.txt": GLUED, ".tqcheck.toml": config})
    proc = run_tqcheck("check", "--engine", "none", tmp_path)
    assert proc.returncode == 2
    (line,) = proc.stderr.splitlines()
    assert line.startswith(f"tqcheck: error: {tmp_path / '.tqcheck.toml'}: {said}"), line


def test_a_pyproject_table_is_named_in_the_error(tmp_path):
    _folder(tmp_path, **{"a.txt": GLUED, "pyproject.toml": '[tool.tqcheck]\nselect = ["Q", "C9Z"]\n'})
    proc = run_tqcheck("check", "--engine", "none", tmp_path / "a.txt")
    assert proc.returncode == 2
    assert f"{tmp_path / 'pyproject.toml'} [tool.tqcheck]: select = 'C9Z'" in proc.stderr


def test_the_command_line_says_did_you_mean_too():
    proc = run_tqcheck("check", "--select", "Q1O1", ROOT / "seeds" / "000_24777a2ba7ef8ce0.txt")
    assert proc.returncode == 2
    assert proc.stderr == ("tqcheck: error: --select 'Q1O1': unknown rule code, prefix or name "
                           "(did you mean 'Q101'?) (see `tqcheck rules`)\n")


def test_an_unknown_code_in_a_suppression_comment_is_an_error_naming_its_line(tmp_path):
    text = "<!-- tqcheck: disable ZZ12 -->\n\n" + GLUED
    _folder(tmp_path, **{"a.md": text})
    proc = run_tqcheck("check", "--engine", "none", tmp_path / "a.md")
    assert proc.returncode == 2
    assert proc.stderr == (f"tqcheck: error: {tmp_path / 'a.md'}:1:1: tqcheck: disable 'ZZ12': unknown rule code, "
                           "prefix or name (see `tqcheck rules`)\n")
    plain = _folder(tmp_path, **{"b.txt": "tqcheck: ignore-next-line Q1O2\n" + GLUED}) / "b.txt"
    proc = run_tqcheck("check", "--engine", "none", plain)
    assert proc.returncode == 2 and "(did you mean 'Q102'?)" in proc.stderr


# --- 2. a file that cannot be read inside a folder fails the run --------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_undecodable_file_in_a_folder_exits_2_in_every_format(tmp_path, fmt):
    _folder(tmp_path, **{"a.txt": GLUED, "b.txt": LATIN1})
    proc = run_tqcheck("check", "--engine", "none", "--format", fmt, tmp_path)
    assert proc.returncode == 2
    latin = str(tmp_path / "b.txt")
    assert proc.stderr == (f"tqcheck: error: {latin}: not valid UTF-8 at byte 5; pass --encoding (e.g. --encoding "
                           "cp1252) to read it; not checked (--skip-unreadable to skip it)\n")
    out = proc.stdout
    if fmt == "text":
        assert "Q102 [error]" in out  # the other file was checked and reported
        assert out.endswith("Found 1 problem (1 error, 0 warnings, 0 info) in 1 file; skipped 1 file, 1 of them an error.\n"
                            f"  skipped {latin}: cannot be decoded as UTF-8 (use --encoding)\n")
    elif fmt == "json":
        report = json.loads(out)
        assert report["summary"]["skipped"] == [
            {"path": latin, "reason": "cannot be decoded as UTF-8 (use --encoding)", "error": True}]
        assert [f["code"] for f in report["files"][0]["findings"]] == ["Q102"]
    elif fmt == "sarif":
        (run,) = json.loads(out)["runs"]
        (invocation,) = run["invocations"]
        assert invocation["executionSuccessful"] is False
        (note,) = invocation["toolExecutionNotifications"]
        assert note["level"] == "error" and "cannot be decoded" in note["message"]["text"]
        assert run["properties"]["failedSkips"] == 1
    else:
        lines = out.splitlines()
        assert f"::error file={latin},title=tqcheck skipped::skipped: cannot be decoded as UTF-8 (use --encoding)" in lines
        assert lines[-1].startswith("::notice title=tqcheck summary::Found 1 problem")


def test_skip_unreadable_is_the_users_choice_and_then_only_a_warning(tmp_path):
    _folder(tmp_path, **{"a.txt": CLEAN, "b.txt": LATIN1})
    proc, report = run_json("--engine", "none", "--skip-unreadable", tmp_path)
    assert proc.returncode == 0 and proc.stderr == ""
    assert report["summary"]["skipped"][0]["error"] is False
    github = run_tqcheck("check", "--engine", "none", "--skip-unreadable", "--format", "github", tmp_path)
    assert github.returncode == 0
    assert "::warning file=" in github.stdout and "::error" not in github.stdout


def test_an_excluded_undecodable_file_is_not_an_error(tmp_path):
    _folder(tmp_path, **{"a.txt": CLEAN, "legacy/b.txt": LATIN1, ".tqcheck.toml": 'exclude = ["legacy/*"]\n'})
    proc, report = run_json("--engine", "none", tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert report["summary"]["skipped"] == []


def test_a_file_that_cannot_be_read_in_a_folder_is_an_error(tmp_path):
    # A dangling symbolic link named like an article: os.walk lists it, reading it fails.
    _folder(tmp_path, **{"a.txt": CLEAN})
    (tmp_path / "gone.md").symlink_to(tmp_path / "nowhere.md")
    proc, report = run_json("--engine", "none", tmp_path)
    assert proc.returncode == 2
    (skipped,) = report["summary"]["skipped"]
    assert skipped == {"path": str(tmp_path / "gone.md"), "reason": "cannot read (No such file or directory)",
                       "error": True}
    assert "gone.md: cannot read (No such file or directory); not checked" in proc.stderr


# --- 3. a run that checked nothing does not pass ----------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_run_that_checked_zero_files_exits_2_and_says_so(tmp_path, fmt):
    _folder(tmp_path, **{"b.txt": LATIN1})
    proc = run_tqcheck("check", "--engine", "none", "--skip-unreadable", "--format", fmt, tmp_path)
    assert proc.returncode == 2
    assert proc.stderr == "tqcheck: error: no file was checked (1 path skipped); a run that checks nothing fails\n"
    if fmt == "github":
        assert "::error title=tqcheck::no file was checked" in proc.stdout
    if fmt == "sarif":
        (invocation,) = json.loads(proc.stdout)["runs"][0]["invocations"]
        assert invocation["executionSuccessful"] is False
        assert invocation["toolExecutionNotifications"][-1]["message"]["text"] == "no file was checked"


def test_a_folder_with_no_supported_file_exits_2(tmp_path):
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n")
    proc = run_tqcheck("check", tmp_path)
    assert proc.returncode == 2
    assert "skipped" in proc.stdout and "no Markdown, HTML or text files" in proc.stdout
    assert "no file was checked" in proc.stderr
