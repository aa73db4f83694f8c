"""Faults around a run, produced for real: a file over its time budget, an unwritable or full report
destination, a full or closed standard output, a cache on a read-only filesystem or past a file-size
limit, and SIGTERM / Ctrl-C in the middle of a run with worker processes and Apertium pipelines.

Every test runs the real command on real text; none replaces a part of tqcheck by a double.
Processes a run leaves behind are found through /proc: each run carries a marker in its
environment, which every process it starts (workers, the `apertium` script and its pipeline)
inherits.
"""
from __future__ import annotations

import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from conftest import ROOT, SEED, run_tqcheck
from tqcheck.checking.budget import time_limit
from tqcheck.errors import FileTimeout, held

ARTICLES = ROOT.parent / "shared" / "data" / "articles_dev" / "articles_dev.jsonl"
ES_EN = ROOT.parent / "shared" / "data" / "es_en.jsonl"
SCHEMA = ROOT / "tests" / "schemas" / "sarif-schema-2.1.0.json"


# --- helpers ----------------------------------------------------------------------------------


def _big_file(path: Path, megabytes: float = 3) -> Path:
    """The seed article repeated to a few megabytes: ordinary text, far too much for a tiny budget."""
    paragraph = SEED.read_text("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text((paragraph + "\n\n") * int(megabytes * 1e6 // (len(paragraph) + 2)), encoding="utf-8")
    return path


def _articles(folder: Path, count: int | None = None) -> Path:
    """Real articles (the shared development set), one file each: distinct sentences for an engine."""
    folder.mkdir(parents=True, exist_ok=True)
    rows = [json.loads(line) for line in ARTICLES.read_text("utf-8").splitlines() if line.strip()]
    for row in rows[:count]:
        (folder / f"{row['id']}.txt").write_text(row["text"], encoding="utf-8")
    return folder


def _timeout_line(path, seconds) -> str:
    return f"tqcheck: error: {path}: took longer than {seconds:g} s (--timeout-per-file); skipped"


def _env(mark: str, **extra) -> dict:
    return {**os.environ, "TQCHECK_FAULTS_MARK": mark, **extra}


def _start(tmp_path: Path, mark: str, *args, env: dict | None = None) -> subprocess.Popen:
    """`python -m tqcheck ARGS` in a session of its own (so a group signal reaches only it),
    standard output and error to files (so nothing it leaves behind can hold a pipe open)."""
    with open(tmp_path / "stdout.txt", "wb") as out, open(tmp_path / "stderr.txt", "wb") as err:
        return subprocess.Popen([sys.executable, "-m", "tqcheck", *map(str, args)], stdout=out, stderr=err,
                                env=env or _env(mark), start_new_session=True)


def _marked(mark: str) -> dict[int, tuple[int, str]]:
    """{pid: (parent pid, command name)} of the live processes carrying `mark` in their environment."""
    needle = f"TQCHECK_FAULTS_MARK={mark}".encode()
    found = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/environ", "rb") as f:
                if needle not in f.read():
                    continue
            with open(f"/proc/{entry}/stat") as f:
                stat = f.read()
        except OSError:  # gone meanwhile, or a zombie's unreadable memory
            continue
        comm, rest = stat[stat.index("(") + 1:stat.rindex(")")], stat[stat.rindex(")") + 2:].split()
        if rest[0] not in "ZX":
            found[int(entry)] = (int(rest[1]), comm)
    return found


def _engine_processes(procs: dict, parents: set[int]) -> list[int]:
    """Processes other than Python started by one of `parents`: the `apertium` script of a pipeline."""
    return [pid for pid, (ppid, comm) in procs.items() if ppid in parents and not comm.startswith("python")]


def _wait_for(condition, what: str, proc: subprocess.Popen, timeout: float = 180):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        assert proc.poll() is None, f"the run ended (exit {proc.returncode}) before {what}"
        time.sleep(0.02)
    raise AssertionError(f"never saw {what}")


def _leftovers(mark: str, grace: float = 1.0) -> dict:
    """What is still alive of a finished run, after a moment's grace for a process SIGKILL has
    already reached (a pipeline member of a killed group that its parent does not reap)."""
    deadline = time.monotonic() + grace
    while _marked(mark) and time.monotonic() < deadline:
        time.sleep(0.05)
    return _marked(mark)


def _stderr_lines(tmp_path: Path) -> list[str]:
    return (tmp_path / "stderr.txt").read_text("utf-8").splitlines()


def _file_size_limit(limit: int):
    """RLIMIT_FSIZE for the child: a write past `limit` bytes fails with EFBIG, as on a quota'd disk
    (Python ignores SIGXFSZ, so the write fails rather than the process dying)."""
    import resource

    return lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))


# --- a time budget per file -------------------------------------------------------------------


def test_the_budget_stops_a_runaway_regular_expression():
    # A catastrophically backtracking pattern would run for hours; SIGALRM stops it inside _sre.
    before = signal.getsignal(signal.SIGALRM)
    started = time.monotonic()
    with pytest.raises(FileTimeout):
        with time_limit(0.05):
            re.match(r"(a+)+$", "a" * 40 + "b")
    assert time.monotonic() - started < 30  # stopped, not finished: it would take far longer
    assert signal.getsignal(signal.SIGALRM) is before
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)  # no alarm left to go off later


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_file_over_its_budget_is_skipped_and_the_run_goes_on(tmp_path, jobs):
    # The budget comes from the configuration of the big file's folder only; the small files,
    # checked after it (in this process, or in workers), have none and must come out exactly as
    # in a run without the big file, whatever the interrupted file was in the middle of.
    big = _big_file(tmp_path / "a_big" / "big.txt")
    (tmp_path / "a_big" / ".tqcheck.toml").write_text("timeout-per-file = 0.01\n")
    small = [tmp_path / "b_small" / f"article{i}.txt" for i in range(9)]
    for path in small:
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(SEED.read_bytes())

    proc = run_tqcheck("check", "--engine", "none", "--format", "json", "--jobs", jobs, tmp_path)
    solo = run_tqcheck("check", "--engine", "none", "--format", "json", "--jobs", jobs, *small)

    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.splitlines() == [_timeout_line(big, 0.01)]
    report = json.loads(proc.stdout)
    assert report["summary"]["skipped"] == [{"path": str(big), "reason": "timeout", "error": True}]
    assert report["files"] == json.loads(solo.stdout)["files"]
    assert solo.returncode == 1 and report["summary"]["findings"] > 0


def test_a_timeout_is_listed_in_every_format(tmp_path):
    big = _big_file(tmp_path / "big.txt")
    outputs = {}
    for fmt in ("text", "json", "sarif", "github"):
        proc = run_tqcheck("check", "--engine", "none", "--timeout-per-file", "0.01", "--format", fmt, big)
        assert proc.returncode == 2
        assert proc.stderr.splitlines() == [_timeout_line(big, 0.01)]
        outputs[fmt] = proc.stdout

    assert outputs["text"].endswith(f"No problems found in 0 files; skipped 1 file, 1 of them an error.\n"
                                    f"  skipped {big}: timeout\n")
    assert json.loads(outputs["json"])["summary"]["skipped"] == [{"path": str(big), "reason": "timeout", "error": True}]
    assert outputs["github"] == (f"::error file={big},title=tqcheck skipped::skipped: timeout\n"
                                 "::notice title=tqcheck summary::No problems found in 0 files; skipped 1 file, "
                                 "1 of them an error.\n")
    sarif = json.loads(outputs["sarif"])
    (invocation,) = sarif["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    (note,) = invocation["toolExecutionNotifications"]
    assert note["level"] == "error" and note["message"]["text"] == "skipped: timeout"
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == big.as_uri()
    import jsonschema

    jsonschema.Draft4Validator(json.loads(SCHEMA.read_text("utf-8"))).validate(sarif)


def test_a_timeout_during_the_round_trip_leaves_no_engine_process(tmp_path):
    # One file of ~1,800 distinct real MT sentences: Apertium needs seconds for them, the
    # detectors a fraction of that. The budget is this machine's engine-less run plus a margin,
    # so it runs out while Apertium translates; the pipeline must die with the file.
    rows = [json.loads(line) for line in ES_EN.read_text("utf-8").splitlines() if line.strip()]
    path = tmp_path / "abstracts.txt"
    path.write_text("\n\n".join(r["mt_en"] for r in rows if r.get("mt_en")), encoding="utf-8")
    started = time.monotonic()
    assert run_tqcheck("check", "--engine", "none", path).returncode in (0, 1)
    budget = round(time.monotonic() - started + 1.5, 1)

    mark = uuid.uuid4().hex
    proc = _start(tmp_path, mark, "check", "--engine", "apertium", "--no-cache",
                  "--timeout-per-file", budget, "--format", "json", path)
    _wait_for(lambda: _engine_processes(_marked(mark), {proc.pid}), "an Apertium pipeline", proc)
    assert proc.wait(timeout=600) == 2
    assert _leftovers(mark) == {}
    assert _stderr_lines(tmp_path) == [_timeout_line(path, budget)]
    report = json.loads((tmp_path / "stdout.txt").read_text("utf-8"))
    assert report["summary"]["skipped"] == [{"path": str(path), "reason": "timeout", "error": True}]


def test_a_signal_while_a_step_is_held_is_raised_at_its_release():
    # How an engine pipeline is started: the alarm goes off while the step runs (the sleep), and
    # is raised only when the step releases it, inside the `try` that undoes the step.
    undone = []
    with pytest.raises(FileTimeout):
        with time_limit(0.01):
            with held() as hold:
                time.sleep(0.2)  # the budget runs out in here
                undone.append("not yet")
                try:
                    hold.release()
                    undone.append("too far")
                finally:
                    undone.append("undone")
    assert undone == ["not yet", "undone"]


@pytest.mark.parametrize("value", ['"fast"', "0", "-3", "true", "nan"])
def test_a_bad_configured_budget_is_exit_2_naming_the_key(tmp_path, value):
    (tmp_path / ".tqcheck.toml").write_text(f"timeout-per-file = {value}\n")
    (tmp_path / "a.txt").write_text("A short text.\n")
    proc = run_tqcheck("check", "--engine", "none", tmp_path / "a.txt")
    assert proc.returncode == 2
    assert proc.stderr.startswith(f"tqcheck: error: {tmp_path / '.tqcheck.toml'}: timeout-per-file = ")
    assert "must be a number of seconds above 0" in proc.stderr and len(proc.stderr.splitlines()) == 1


def test_a_bad_budget_flag_is_exit_2():
    proc = run_tqcheck("check", "--timeout-per-file", "0", SEED)
    assert proc.returncode == 2
    assert proc.stderr.strip() == (
        "tqcheck: error: Invalid value for --timeout-per-file: 0.0 is not a number of seconds above 0"
    )


# --- the report written with -o ---------------------------------------------------------------


def test_output_file_holds_exactly_what_stdout_would(tmp_path):
    target = tmp_path / "report.json"
    target.write_text("an older report\n")
    target.chmod(0o640)
    to_stdout = run_tqcheck("check", "--engine", "none", "--format", "json", SEED)
    to_file = run_tqcheck("check", "--engine", "none", "--format", "json", "-o", target, SEED)
    assert to_file.returncode == to_stdout.returncode == 1
    assert to_file.stdout == "" and to_file.stderr == ""
    assert target.read_text("utf-8") == to_stdout.stdout
    assert target.stat().st_mode & 0o777 == 0o640  # the replaced file keeps its permissions
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json"]  # no temporary file left
    dash = run_tqcheck("check", "--engine", "none", "--format", "json", "-o", "-", SEED, cwd=tmp_path)
    assert dash.stdout == to_stdout.stdout and not (tmp_path / "-").exists()


@pytest.mark.parametrize("where, message", [
    ("missing/report.json", "cannot write (no such folder: {tmp}/missing)"),
    (".", "is a directory"),
    ("/sys/tqcheck-report.json", "cannot write (Permission denied)"),  # sysfs refuses new files, even to root
    ("/dev/full", "cannot write (No space left on device)"),  # a real device that is always full
])
def test_an_unwritable_output_is_exit_2_with_one_line(tmp_path, where, message):
    target = where if where.startswith("/") else str(tmp_path / where)
    proc = run_tqcheck("check", "--engine", "none", "-o", target, SEED)
    assert proc.returncode == 2
    assert proc.stderr.splitlines() == [f"tqcheck: error: --output {target}: {message.format(tmp=tmp_path)}"]
    assert proc.stdout == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_a_write_that_fails_half_way_leaves_the_old_report(tmp_path):
    # The file-size limit lets the first 4 kB of the new report through, then refuses the rest:
    # a report cut in the middle must never take the old one's place.
    target = tmp_path / "report.json"
    target.write_text("an older report\n")
    proc = subprocess.run([sys.executable, "-m", "tqcheck", "check", "--engine", "none", "--format", "json",
                           "-o", str(target), str(SEED)], capture_output=True, text=True,
                          preexec_fn=_file_size_limit(4096), timeout=600)
    assert proc.returncode == 2
    assert proc.stderr.splitlines() == [f"tqcheck: error: --output {target}: cannot write (File too large)"]
    assert target.read_text() == "an older report\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json"]


# --- standard output full or closed -----------------------------------------------------------


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_a_full_standard_output_is_exit_2_with_one_line(fmt):
    with open("/dev/full", "wb") as full:
        proc = subprocess.run([sys.executable, "-m", "tqcheck", "check", "--engine", "none", "--format", fmt,
                               str(SEED)], stdout=full, stderr=subprocess.PIPE, text=True, timeout=600)
    assert proc.returncode == 2
    assert proc.stderr == "tqcheck: error: cannot write to standard output (No space left on device)\n"


def test_a_closed_pipe_ends_the_run_quietly_with_141(tmp_path):
    # As `tqcheck check folder | head -1`: read one line, close the pipe. The report is far
    # larger than a pipe's buffer, so the writer meets the closed end.
    for i in range(40):
        (tmp_path / f"article{i:02d}.txt").write_bytes(SEED.read_bytes())
    proc = subprocess.Popen([sys.executable, "-m", "tqcheck", "check", "--engine", "none", str(tmp_path)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    first = proc.stdout.readline()
    proc.stdout.close()
    assert proc.wait(timeout=600) == 141
    assert first.startswith(str(tmp_path).encode())
    assert proc.stderr.read() == b""  # no traceback, no "Exception ignored"
    proc.stderr.close()


def test_rules_into_a_full_standard_output_is_one_line():
    with open("/dev/full", "wb") as full:
        proc = subprocess.run([sys.executable, "-m", "tqcheck", "rules"], stdout=full,
                              stderr=subprocess.PIPE, text=True, timeout=600)
    assert proc.returncode == 2
    assert proc.stderr == "tqcheck: error: cannot write to standard output (No space left on device)\n"


# --- the translation cache where it cannot be written -----------------------------------------


@pytest.fixture(scope="module")
def seed_without_cache(tmp_path_factory):
    """The seed's JSON report with Apertium and no cache: what a run without a usable cache gives."""
    env = {"TQCHECK_CACHE_DIR": str(tmp_path_factory.mktemp("cache"))}
    return run_tqcheck("check", "--engine", "apertium", "--no-cache", "--format", "json", SEED, env=env)


@pytest.mark.parametrize("folder", ["/proc/tqcheck-cache", "/proc", "/sys/tqcheck-cache"])
def test_a_cache_on_a_read_only_filesystem_is_noted_once_and_bypassed(folder, seed_without_cache):
    # /proc and /sys are real filesystems on which not even root creates a folder or a file:
    # neither the translation cache nor the warm-start file can live there.
    proc = run_tqcheck("check", "--engine", "apertium", "--format", "json", SEED,
                       env={"TQCHECK_CACHE_DIR": folder})
    assert proc.returncode == seed_without_cache.returncode == 1
    assert proc.stdout == seed_without_cache.stdout
    (line,) = proc.stderr.splitlines()
    assert re.fullmatch(rf"tqcheck: warning: translation cache {re.escape(folder)}/translations\.sqlite3 "
                        r"unusable \([^)]+\); continuing without it", line)


def test_a_read_only_cache_is_noted_once_by_a_run_with_workers(tmp_path):
    for i in range(8):
        (tmp_path / f"article{i}.txt").write_bytes(SEED.read_bytes())
    proc = run_tqcheck("check", "--engine", "apertium", "--jobs", "2", "--format", "json", tmp_path,
                       env={"TQCHECK_CACHE_DIR": "/proc/tqcheck-cache"})
    assert proc.returncode == 1
    assert len(json.loads(proc.stdout)["files"]) == 8
    assert [line.split(" unusable")[0] for line in proc.stderr.splitlines()] == [
        "tqcheck: warning: translation cache /proc/tqcheck-cache/translations.sqlite3"]


def test_a_cache_write_refused_half_way_is_bypassed_and_stays_valid(tmp_path, seed_without_cache):
    # Past 64 kB every write fails (EFBIG), inside SQLite's transaction and the warm-start file's.
    cache = tmp_path / "cache"
    without = seed_without_cache
    proc = subprocess.run([sys.executable, "-m", "tqcheck", "check", "--engine", "apertium", "--format", "json",
                           str(SEED)], capture_output=True, text=True, timeout=600,
                          env={**os.environ, "TQCHECK_CACHE_DIR": str(cache)}, preexec_fn=_file_size_limit(65536))
    assert proc.returncode == 1
    assert proc.stdout == without.stdout
    (line,) = proc.stderr.splitlines()
    assert line.startswith(f"tqcheck: warning: translation cache {cache}/translations.sqlite3 unusable (")
    with sqlite3.connect(cache / "translations.sqlite3") as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert not [p.name for p in cache.iterdir() if p.name.endswith(".tmp")]
    again = run_tqcheck("check", "--engine", "apertium", "--format", "json", SEED,
                        env={"TQCHECK_CACHE_DIR": str(cache)})
    assert again.stdout == without.stdout and again.stderr == ""


# --- SIGTERM and Ctrl-C -----------------------------------------------------------------------


@pytest.mark.parametrize("how", ["SIGTERM", "Ctrl-C"])
def test_a_signal_stops_workers_and_engines_and_writes_nothing(tmp_path, how):
    # --no-cache makes every worker translate its own files, so the signal lands while
    # workers run Apertium pipelines (sessions of their own, which no terminal signal reaches).
    folder = _articles(tmp_path / "articles", count=12)
    target = tmp_path / "out" / "report.json"
    target.parent.mkdir()
    target.write_text("an older report\n")
    mark = uuid.uuid4().hex
    proc = _start(tmp_path, mark, "check", "--jobs", "2", "--engine", "apertium", "--no-cache",
                  "--format", "json", "-o", target, folder)

    def engines_in_workers():
        procs = _marked(mark)
        workers = {pid for pid, (ppid, comm) in procs.items() if ppid == proc.pid and comm.startswith("python")}
        return len(workers) == 2 and _engine_processes(procs, workers)

    _wait_for(engines_in_workers, "Apertium running in a worker", proc)
    if how == "SIGTERM":
        os.kill(proc.pid, signal.SIGTERM)
    else:  # a terminal sends Ctrl-C to its foreground process group: the run and its workers
        os.killpg(proc.pid, signal.SIGINT)
    code = proc.wait(timeout=60)

    assert code == (143 if how == "SIGTERM" else 130)
    assert _leftovers(mark) == {}
    assert _stderr_lines(tmp_path) == [f"tqcheck: error: stopped by {'SIGTERM' if how == 'SIGTERM' else 'SIGINT'}"]
    assert target.read_text() == "an older report\n"
    assert [p.name for p in target.parent.iterdir()] == ["report.json"]


def test_sigterm_while_the_run_itself_translates_keeps_the_cache_valid(tmp_path):
    # A run over many files first translates all their sentences in one batch, in its own process.
    folder = _articles(tmp_path / "articles", count=12)
    cache = tmp_path / "cache"
    mark = uuid.uuid4().hex
    proc = _start(tmp_path, mark, "check", "--jobs", "2", "--engine", "apertium", folder,
                  env=_env(mark, TQCHECK_CACHE_DIR=str(cache)))
    _wait_for(lambda: _engine_processes(_marked(mark), {proc.pid}), "Apertium started by the run", proc)
    os.kill(proc.pid, signal.SIGTERM)

    assert proc.wait(timeout=60) == 143
    assert _leftovers(mark) == {}
    assert _stderr_lines(tmp_path) == ["tqcheck: error: stopped by SIGTERM"]
    assert (tmp_path / "stdout.txt").read_bytes() == b""
    with sqlite3.connect(cache / "translations.sqlite3") as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    some = sorted(folder.iterdir())[:3]
    warm = run_tqcheck("check", "--engine", "apertium", "--format", "json", *some,
                       env={"TQCHECK_CACHE_DIR": str(cache)})
    cold = run_tqcheck("check", "--engine", "apertium", "--no-cache", "--format", "json", *some)
    assert warm.stderr == "" and warm.stdout == cold.stdout
