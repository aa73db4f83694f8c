"""Hostile inputs found by the bad-input review: each once cost more than linear time, hung or lost data.

Timing bounds are hang bounds: at least 10 times what the current code takes on this machine, below what
the old code took, so a loaded machine cannot make them flake and the old code fails.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time

import pytest

from conftest import ROOT
from tqcheck.checking.run import FIFO_WAIT
from tqcheck.reading import parse_text


def test_nested_open_brackets_in_markdown_are_read_in_linear_time():
    # 10^5 `[` then 10^5 `](`: every `]` normalised the whole text back to its `[` to look it up as a link
    # label (26 s at this size); a label is at most 999 characters, so a longer one is not looked up.
    n = 100_000
    text = "The minister said " + "[" * n + "no" + "](" * n + "\n"
    began = time.process_time()
    doc = parse_text("deep.md", text, "markdown")
    assert time.process_time() - began < 6
    assert "minister said" in doc.view


def test_a_reference_link_is_still_found_after_the_label_limit():
    text = "[the report][r] and [r] and [" + "x" * 1200 + "][r]\n\n[r]: https://example.org/r\n"
    doc = parse_text("refs.md", text, "markdown")
    assert "https://example.org" not in doc.view
    assert doc.view.startswith(" the report ")  # brackets and label blanked, the link text kept


def _tqcheck(*args, timeout=60, **kw):
    return subprocess.run([sys.executable, "-m", "tqcheck", "check", "--engine", "none", "--no-cache", *args],
                          capture_output=True, timeout=timeout, cwd=ROOT, **kw)


def test_a_named_pipe_nobody_writes_to_is_exit_2_not_a_hang(tmp_path):
    fifo = tmp_path / "notes.md"
    os.mkfifo(fifo)
    proc = _tqcheck(str(fifo), timeout=40)  # it waited for ever for a writer
    assert proc.returncode == 2
    assert proc.stderr.decode().splitlines() == [
        f"tqcheck: error: {fifo}: a named pipe nobody wrote to in {FIFO_WAIT:g} s; not checked"]


def test_a_named_pipe_with_a_writer_is_checked_like_a_file(tmp_path):
    fifo = tmp_path / "notes.md"
    os.mkfifo(fifo)
    writer = threading.Thread(target=lambda: (time.sleep(1), fifo.write_text('He said "it is late.\n')))
    writer.start()
    proc = _tqcheck("--format", "json", str(fifo))
    writer.join()
    assert proc.returncode == 1, proc.stderr
    assert [f["code"] for f in json.loads(proc.stdout)["files"][0]["findings"]] == ["Q101"]


def test_a_walk_skips_a_named_pipe_among_its_files(tmp_path):
    (tmp_path / "a.md").write_text('He said "it is late.\n')
    os.mkfifo(tmp_path / "b.md")
    proc = _tqcheck("--format", "json", str(tmp_path))  # it waited for ever on b.md
    assert proc.returncode == 1, proc.stderr
    assert [f["path"] for f in json.loads(proc.stdout)["files"]] == [str(tmp_path / "a.md")]


def test_a_device_named_as_a_path_is_exit_2_not_an_endless_read():
    proc = _tqcheck("/dev/zero", timeout=30)  # read_bytes() of /dev/zero filled the memory
    assert proc.returncode == 2
    assert proc.stderr.decode() == "tqcheck: error: /dev/zero: not a regular file (a device or socket); pass a file, a folder or -\n"


def test_a_budget_too_long_for_the_interval_timer_is_no_internal_error(tmp_path):
    (tmp_path / "a.md").write_text('He said "it is late.\n')
    (tmp_path / ".tqcheck.toml").write_text("timeout-per-file = 1e300\n")
    for args in (["--timeout-per-file", "1e308"], []):  # flag, then configuration key
        proc = _tqcheck(*args, str(tmp_path / "a.md"))
        assert proc.returncode == 1, proc.stderr  # was exit 2: internal error: OverflowError: timestamp out of range
        assert proc.stderr == b""


def test_a_diff_revision_that_looks_like_an_option_is_refused_and_writes_nothing(tmp_path):
    git = ["git", "-C", str(tmp_path), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    (tmp_path / "a.md").write_text('He said "it is late.\n')
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "a.md"], check=True)
    subprocess.run([*git, "commit", "-qm", "first"], check=True)
    victim = tmp_path / "notes.txt"
    victim.write_text("the user's notes\n")
    proc = _tqcheck(f"--diff=--output={victim}", str(tmp_path / "a.md"))
    assert victim.read_text() == "the user's notes\n"  # `git diff --output=FILE` emptied it
    assert proc.returncode == 2
    assert proc.stderr.decode().startswith("tqcheck: error: --diff '--output=")


def test_a_named_pipe_or_device_given_as_the_configuration_file_is_exit_2(tmp_path):
    (tmp_path / "a.md").write_text('He said "it is late.\n')
    fifo = tmp_path / "tqcheck.toml"
    os.mkfifo(fifo)
    for config in (fifo, "/dev/zero"):  # waited for a writer for ever / read without end
        proc = _tqcheck("--config", str(config), str(tmp_path / "a.md"), timeout=30)
        assert proc.returncode == 2
        assert proc.stderr.decode() == f"tqcheck: error: {config}: not a regular file; a configuration file is a TOML file\n"


GLUED = "He said “ready”and left.\n"
UNGLUED = "He said “ready” and left.\n"


def test_fix_writes_through_a_symbolic_link_and_keeps_the_link(tmp_path):
    real = tmp_path / "drafts" / "story.md"
    real.parent.mkdir()
    real.write_text(GLUED)
    link = tmp_path / "site" / "story.md"
    link.parent.mkdir()
    link.symlink_to(real)
    proc = _tqcheck("--fix", str(link))
    assert proc.returncode == 0, proc.stderr
    assert link.is_symlink()  # was replaced by a fixed copy, the real file left unfixed
    assert real.read_text() == UNGLUED


def test_fix_leaves_a_read_only_file_alone_and_fixes_the_others(tmp_path):
    locked, free = tmp_path / "locked.md", tmp_path / "free.md"
    locked.write_text(GLUED)
    free.write_text(GLUED)
    locked.chmod(0o444)
    proc = _tqcheck("--fix", str(locked), str(free))
    assert locked.read_text() == GLUED  # was replaced, mode 444 kept, by a rename over it
    assert free.read_text() == UNGLUED
    assert proc.returncode == 2
    assert proc.stderr.decode() == f"tqcheck: error: {locked}: read-only (no write permission); not fixed\n"


@pytest.mark.parametrize("fmt", ["sarif", "html", "json"])
def test_a_one_piece_report_into_a_closed_pipe_is_141(tmp_path, fmt):
    # As `tqcheck check --format sarif big.md | head -c 10`: these formats were one multi-megabyte write, which
    # a closed pipe cut short without an error; the run exited 1 with its report silently truncated.
    story = tmp_path / "story.md"
    story.write_text("He said “ready”and left.\n\n" * 3000)
    proc = subprocess.Popen([sys.executable, "-m", "tqcheck", "check", "--engine", "none", "--no-cache",
                             "--format", fmt, str(story)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    proc.stdout.read(10)
    proc.stdout.close()
    assert proc.wait(timeout=120) == 141
    assert proc.stderr.read() == b""
    proc.stderr.close()


def test_cache_info_into_a_closed_pipe_is_141(tmp_path):
    proc = subprocess.Popen([sys.executable, "-m", "tqcheck", "cache", "info"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, cwd=ROOT, env={**os.environ, "TQCHECK_CACHE_DIR": str(tmp_path)})
    proc.stdout.close()  # was exit 1, with no word on why
    assert proc.wait(timeout=60) == 141
    assert proc.stderr.read() == b""
    proc.stderr.close()


def test_audit_refuses_a_named_pipe_as_its_input(tmp_path):
    fifo = tmp_path / "records.jsonl"
    os.mkfifo(fifo)
    proc = subprocess.run([sys.executable, "-m", "tqcheck", "audit", "--engine", "none", "--out",
                           str(tmp_path / "results"), str(fifo)], capture_output=True, timeout=60, cwd=ROOT)
    assert proc.returncode == 2  # it waited for ever for a writer while counting the records
    assert proc.stderr.decode().endswith(": not a regular file (a named pipe, device or socket); pass a file or a folder\n")
    assert not (tmp_path / "results").exists()
