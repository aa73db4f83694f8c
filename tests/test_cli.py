"""The command line as users meet it: the seed, exit codes, selection, configuration and bad input."""
from __future__ import annotations

import json
import os
import subprocess
import sys

from conftest import ROOT, SEED, run_json, run_tqcheck

ARTICLE = (
    "Officials confirmed the plan on Friday.\n\n"
    "The minister promised talks on border guarantees” requested by the unions.\n"
)
CLEAN = "Officials confirmed the plan on Friday.\n\nThe minister promised new talks with the unions.\n"


def _write(tmp_path, name, text, encoding="utf-8", newline=""):
    path = tmp_path / name
    path.write_text(text, encoding=encoding, newline=newline)
    return path


def test_seed_reports_its_quote_errors_and_exits_1():
    proc = run_tqcheck("check", "--engine", "none", SEED)
    assert proc.returncode == 1, proc.stderr
    assert "seeds/000_24777a2ba7ef8ce0.txt:7:18: Q102 [error]" in proc.stdout.replace(str(SEED.parent.parent) + "/", "")
    assert ":29:40: Q101 [error]" in proc.stdout  # from the start of the sentence holding the stray mark
    assert proc.stdout.rstrip().splitlines()[-1].startswith("Found ")


def test_seed_findings_point_at_the_exact_characters():
    _, report = run_json("--engine", "none", SEED)
    text = SEED.read_text("utf-8")
    (file,) = report["files"]
    assert file["path"] == str(SEED)
    for f in file["findings"]:
        assert text[f["start"]:f["end"]] == f["excerpt"]
        line_start = text.rfind("\n", 0, f["start"]) + 1
        assert f["column"] == f["start"] - line_start + 1
        assert f["line"] == text.count("\n", 0, f["start"]) + 1
    q101 = [f for f in file["findings"] if f["code"] == "Q101"]
    assert any("guarantees”" in f["excerpt"] for f in q101)


def test_clean_file_exits_0(tmp_path):
    proc = run_tqcheck("check", "--engine", "none", _write(tmp_path, "clean.txt", CLEAN))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "No problems found in 1 file" in proc.stdout


def test_fail_on_never_and_warning(tmp_path):
    path = _write(tmp_path, "a.txt", ARTICLE)
    assert run_tqcheck("check", "--engine", "none", "--fail-on", "never", path).returncode == 0
    assert run_tqcheck("check", "--engine", "none", "--fail-on", "warning", path).returncode == 1


def test_select_and_ignore_by_code_prefix_and_name(tmp_path):
    path = _write(tmp_path, "a.txt", ARTICLE)
    _, selected = run_json("--engine", "none", "--select", "Q101", path)
    assert {f["code"] for f in selected["files"][0]["findings"]} == {"Q101"}
    proc, ignored = run_json("--engine", "none", "--ignore", "unbalanced-quote", path)
    assert "Q101" not in {f["code"] for f in ignored["files"][0]["findings"]}
    proc = run_tqcheck("check", "--select", "Z999", path)
    assert proc.returncode == 2 and proc.stderr.startswith("tqcheck: error: --select 'Z999': unknown rule")


def test_missing_path_is_exit_2_and_named(tmp_path):
    proc = run_tqcheck("check", tmp_path / "nope.md")
    assert proc.returncode == 2
    assert proc.stderr.strip() == f"tqcheck: error: {tmp_path / 'nope.md'}: no such file or directory"
    assert "Traceback" not in proc.stderr


def test_directory_without_supported_files_exits_2_and_says_so(tmp_path):
    # A gate that checked nothing must not pass (issue 14): see also tests/test_gate.py.
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n")
    proc = run_tqcheck("check", tmp_path)
    assert proc.returncode == 2
    assert "skipped" in proc.stdout and "no Markdown, HTML or text files" in proc.stdout


def test_binary_file_named_explicitly_is_exit_2(tmp_path):
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x00\x01\x02binary\x00data")
    proc = run_tqcheck("check", path)
    assert proc.returncode == 2
    assert "binary file" in proc.stderr and proc.stderr.count("\n") == 1


def test_binary_file_in_a_directory_is_skipped_and_listed(tmp_path):
    (tmp_path / "blob.md").write_bytes(b"\x00\x00\x00")
    _write(tmp_path, "ok.md", CLEAN)
    proc, report = run_json("--engine", "none", tmp_path)
    assert proc.returncode == 0
    assert [f["path"] for f in report["files"]] == [str(tmp_path / "ok.md")]
    assert report["summary"]["skipped"] == [{"path": str(tmp_path / "blob.md"), "reason": "binary file", "error": False}]


def test_undecodable_bytes_name_file_and_offset_and_suggest_encoding(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("El niño dijo que sí.".encode("latin-1"))
    proc = run_tqcheck("check", path)
    assert proc.returncode == 2
    assert f"{path}: not valid UTF-8 at byte 5" in proc.stderr and "--encoding" in proc.stderr
    ok = run_tqcheck("check", "--engine", "none", "--encoding", "latin-1", "--target-lang", "es", path)
    assert ok.returncode in (0, 1), ok.stderr


def test_utf8_bom_and_utf16_read_with_offsets_in_the_text_without_bom(tmp_path):
    bom = tmp_path / "bom.txt"
    bom.write_bytes("\ufeff".encode("utf-8") + ARTICLE.encode("utf-8"))
    utf16 = tmp_path / "utf16.txt"
    utf16.write_bytes(ARTICLE.encode("utf-16"))
    _, report = run_json("--engine", "none", "--select", "Q101", bom, utf16)
    spans = [(f["start"], f["end"], f["excerpt"]) for f in (file["findings"][0] for file in report["files"])]
    assert spans[0] == spans[1]
    start, end, excerpt = spans[0]
    assert ARTICLE[start:end] == excerpt


def test_empty_file_and_no_trailing_newline(tmp_path):
    empty = _write(tmp_path, "empty.txt", "")
    proc = run_tqcheck("check", empty)
    assert proc.returncode == 0 and "No problems found" in proc.stdout
    tail = _write(tmp_path, "tail.txt", ARTICLE.rstrip("\n"))
    _, report = run_json("--engine", "none", "--select", "Q101", tail)
    assert report["files"][0]["findings"][0]["line"] == 3


def test_crlf_line_endings_keep_columns(tmp_path):
    path = _write(tmp_path, "crlf.txt", ARTICLE.replace("\n", "\r\n"))
    _, report = run_json("--engine", "none", "--select", "Q101", path)
    (f,) = report["files"][0]["findings"]
    text = ARTICLE.replace("\n", "\r\n")
    assert f["line"] == 3
    assert text[f["start"]:f["end"]] == f["excerpt"]
    assert f["column"] == f["start"] - (text.rfind("\n", 0, f["start"]) + 1) + 1


def test_stdin_with_filename(tmp_path):
    proc = run_tqcheck("check", "--format", "json", "--engine", "none", "--stdin-filename", "post.md", "-",
                       stdin=ARTICLE.encode())
    report = json.loads(proc.stdout)
    assert report["files"][0]["path"] == "post.md" and report["files"][0]["format"] == "markdown"
    assert proc.returncode == 1


def test_tqcheck_never_writes_to_checked_files(tmp_path):
    path = _write(tmp_path, "a.txt", ARTICLE)
    before = (path.read_bytes(), os.stat(path).st_mtime_ns)
    run_tqcheck("check", path)
    assert (path.read_bytes(), os.stat(path).st_mtime_ns) == before


def test_large_file_is_checked_with_bounded_memory(tmp_path):
    """A 20 MB file is checked in a child whose own peak resident memory is measured.

    The child is started by the benchmarks' small launcher process, because Linux carries a
    parent's memory high-water mark into a forked child. The quote detectors run here (the full
    set is measured by the benchmarks); the bound is loose on purpose: the test proves memory
    stays proportional to the file, not a figure.
    """
    paragraph = SEED.read_text("utf-8")
    path = tmp_path / "huge.txt"
    path.write_text((paragraph + "\n\n") * (20_000_000 // (len(paragraph) + 2)), encoding="utf-8")
    size = path.stat().st_size
    request = {
        "argv": [sys.executable, "-m", "tqcheck", "check", "--engine", "none", "--select", "Q101",
                 "--format", "github", str(path)],
        "env": dict(os.environ), "cwd": None, "stdin": None, "stderr": str(tmp_path / "stderr.txt"),
    }
    launcher = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "launcher.py")],
                              input=json.dumps(request) + "\n", capture_output=True, text=True, timeout=600)
    result = json.loads(launcher.stdout.splitlines()[0])
    peak = result["maxrss_kb"] * 1024
    assert result["status"] == 1, (tmp_path / "stderr.txt").read_text()
    assert size >= 19_000_000
    assert peak < 15 * size, f"peak {peak / 1e6:.0f} MB for a {size / 1e6:.0f} MB file"


def test_config_file_selects_and_overrides_severity(tmp_path):
    (tmp_path / ".tqcheck.toml").write_text('select = ["Q101"]\nfail-on = "error"\n[severity]\nQ101 = "info"\n')
    path = _write(tmp_path, "a.txt", ARTICLE)
    proc, report = run_json("--engine", "none", path)
    assert [f["code"] for f in report["files"][0]["findings"]] == ["Q101"]
    assert report["files"][0]["findings"][0]["severity"] == "info"
    assert proc.returncode == 0


def test_pyproject_tool_table_is_found_upwards(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.tqcheck]\nignore = ["Q101"]\n')
    sub = tmp_path / "content" / "posts"
    sub.mkdir(parents=True)
    path = _write(sub, "a.txt", ARTICLE)
    _, report = run_json("--engine", "none", path)
    assert "Q101" not in {f["code"] for f in report["files"][0]["findings"]}


def test_exclude_globs_are_relative_to_the_config_folder(tmp_path):
    (tmp_path / ".tqcheck.toml").write_text('exclude = ["drafts/*"]\n')
    (tmp_path / "drafts").mkdir()
    _write(tmp_path / "drafts", "a.txt", ARTICLE)
    _write(tmp_path, "b.txt", ARTICLE)
    _, report = run_json("--engine", "none", tmp_path)
    assert [os.path.basename(f["path"]) for f in report["files"]] == ["b.txt"]


def test_broken_config_is_exit_2_naming_file_and_key(tmp_path):
    cfg = tmp_path / ".tqcheck.toml"
    path = _write(tmp_path, "a.txt", ARTICLE)
    cfg.write_text("select = [\n")
    proc = run_tqcheck("check", path)
    assert proc.returncode == 2 and str(cfg) in proc.stderr and "not valid TOML" in proc.stderr
    cfg.write_text('colour = "red"\n')
    proc = run_tqcheck("check", path)
    assert proc.returncode == 2 and "unknown key 'colour'" in proc.stderr and "valid keys" in proc.stderr
    cfg.write_text('fail-on = "sometimes"\n')
    proc = run_tqcheck("check", path)
    assert proc.returncode == 2 and "valid choices: error, warning, info, never" in proc.stderr


def test_explicit_config_replaces_the_search(tmp_path):
    (tmp_path / ".tqcheck.toml").write_text('ignore = ["Q101"]\n')
    other = tmp_path / "other.toml"
    other.write_text('select = ["Q101"]\n')
    path = _write(tmp_path, "a.txt", ARTICLE)
    _, report = run_json("--engine", "none", "--config", other, path)
    assert {f["code"] for f in report["files"][0]["findings"]} == {"Q101"}


def test_bad_language_tag_is_exit_2():
    proc = run_tqcheck("check", "--target-lang", "english!", SEED)
    assert proc.returncode == 2 and "is not a language tag" in proc.stderr


def test_rules_and_explain():
    rules = run_tqcheck("rules")
    assert rules.returncode == 0 and "Q101" in rules.stdout and "unbalanced-quote" in rules.stdout
    explain = run_tqcheck("explain", "Q102")
    for section in ("What it does:", "Why it matters:", "Example:", "Use instead:"):
        assert section in explain.stdout
    assert run_tqcheck("explain", "nope").returncode == 2
    assert "Replaces N101 on the same characters" in run_tqcheck("explain", "A104").stdout
    assert "Replaces" not in explain.stdout


def test_plain_text_suppression_comment_and_unused_one(tmp_path):
    text = "tqcheck: ignore-next-line\n" + ARTICLE.replace("\n\n", "\n\ntqcheck: ignore-next-line\n")
    path = _write(tmp_path, "a.txt", text)
    proc, report = run_json("--engine", "none", "--select", "Q101,X001", path)
    codes = [(f["code"], f["severity"], f["line"]) for f in report["files"][0]["findings"]]
    assert codes == [("X001", "info", 1)]
    assert proc.returncode == 0


def test_diff_reports_only_changed_lines(tmp_path):
    def git(*args):
        subprocess.run(["git", "-C", str(tmp_path), *args], check=True, capture_output=True,
                       env={**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@e", "GIT_COMMITTER_NAME": "t",
                            "GIT_COMMITTER_EMAIL": "t@e"})

    git("init", "-q")
    path = _write(tmp_path, "a.txt", ARTICLE)
    git("add", "a.txt")
    git("commit", "-qm", "old article")
    _write(tmp_path, "a.txt", ARTICLE + "\nA new line said ”hello” to nobody”.\n")
    _, full = run_json("--engine", "none", "--select", "Q1", path)
    _, changed = run_json("--engine", "none", "--select", "Q1", "--diff", "HEAD", path)
    assert {f["line"] for f in full["files"][0]["findings"]} >= {3, 5}
    assert {f["line"] for f in changed["files"][0]["findings"]} == {5}


def test_usage_error_is_one_line_exit_2():
    proc = run_tqcheck("check", "--format", "xml", SEED)
    assert proc.returncode == 2
    assert proc.stderr.startswith("tqcheck: error:") and "Traceback" not in proc.stderr


def test_jobs_give_the_same_report_in_the_same_order(tmp_path):
    for i in range(12):
        _write(tmp_path, f"article{i:02d}.txt", ARTICLE if i % 3 else CLEAN)
    one = run_tqcheck("check", "--engine", "none", "--format", "json", "--jobs", "1", tmp_path)
    two = run_tqcheck("check", "--engine", "none", "--format", "json", "--jobs", "2", tmp_path)
    assert one.returncode == two.returncode == 1
    assert one.stdout == two.stdout
    assert [f["path"] for f in json.loads(two.stdout)["files"]] == sorted(str(p) for p in tmp_path.iterdir())


def test_an_error_in_a_worker_is_one_line_exit_2(tmp_path):
    paths = [_write(tmp_path, f"a{i}.txt", ARTICLE) for i in range(8)]
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"caf\xe9 au lait")
    proc = run_tqcheck("check", "--engine", "none", "--jobs", "2", *paths, bad)
    assert proc.returncode == 2
    assert proc.stderr.strip() == f"tqcheck: error: {bad}: not valid UTF-8 at byte 3; pass --encoding (e.g. --encoding cp1252) to read it"
