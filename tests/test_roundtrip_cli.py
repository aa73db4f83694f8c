"""Back-translation end to end with the real Apertium engine, and the cache commands."""
from __future__ import annotations

import os
import stat

from conftest import SEED, run_json, run_tqcheck


def test_seed_is_back_translated_with_apertium_and_suspicious_segments_shown():
    proc = run_tqcheck("check", "--engine", "apertium", SEED)
    assert proc.returncode == 1, proc.stderr
    assert "Most suspicious segments" in proc.stdout
    assert "  back: " in proc.stdout and "  round trip: " in proc.stdout
    _, report = run_json("--engine", "apertium", SEED)
    (file,) = report["files"]
    assert file["engine"]["name"] == "apertium" and "apertium-eng-spa" in file["engine"]["version"]
    assert report["signatures"]["chrf"].startswith("nrefs:1|case:mixed")
    scored = [s for s in file["segments"] if s["chrf"] is not None]
    assert len(scored) >= 25
    guarantees = next(s for s in scored if "security guarantees" in s["text"])
    assert "garant" in guarantees["backtranslation"] and "guarantee" in guarantees["round_trip"]


def test_engine_none_chosen_by_the_user_is_not_noted_on_every_file():
    # Issue 14: a note per file about the user's own choice was 200 of 1,101 lines on a 200-file folder.
    _, report = run_json("--engine", "none", SEED)
    (file,) = report["files"]
    assert file["engine"] is None and all(s["chrf"] is None for s in file["segments"])
    assert file["notes"] == []


def test_second_run_over_an_unchanged_article_translates_nothing(tmp_path):
    """The second run puts a broken `apertium` first on PATH: any translation would fail the run."""
    first, report1 = run_json("--engine", "apertium", SEED)
    fake_bin = tmp_path / "bin"
    fake_bin.mkdir()
    fake = fake_bin / "apertium"
    fake.write_text("#!/bin/sh\necho 'apertium must not run on a warm cache' >&2\nexit 3\n")
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    env = {"PATH": f"{fake_bin}{os.pathsep}{os.environ['PATH']}"}
    second, report2 = run_json("--engine", "apertium", SEED, env=env)
    assert second.returncode == first.returncode == 1, second.stderr
    assert [s["round_trip"] for s in report2["files"][0]["segments"]] == [
        s["round_trip"] for s in report1["files"][0]["segments"]
    ]
    cold = run_tqcheck("check", "--engine", "apertium", "--no-cache", SEED, env=env)
    assert cold.returncode == 2 and "must not run on a warm cache" in cold.stderr  # the double is real on PATH


def _failing_commands(folder, log, *names):
    """Commands first on PATH that log their start and fail: a run that starts one says so."""
    folder.mkdir()
    for name in names:
        fake = folder / name
        fake.write_text(f"#!/bin/sh\necho {name} >> '{log}'\nexit 3\n")
        fake.chmod(0o755)
    return {"PATH": f"{folder}{os.pathsep}{os.environ['PATH']}"}


def _imported(stderr: str) -> set[str]:
    """The modules a run imported, from the lines PYTHONPROFILEIMPORTTIME=1 writes to stderr."""
    return {line.rsplit("|", 1)[1].strip() for line in stderr.splitlines() if line.startswith("import time:")}


def test_warm_run_reads_scores_from_the_cache_and_reports_the_same(tmp_path):
    """Cold, the run translates and scores with sacrebleu; warm, it starts no process (neither
    apertium nor dpkg-query), imports no sacrebleu, and its report is the cold one, byte for byte."""
    cold_text = run_tqcheck("check", "--engine", "apertium", SEED)
    cold, report = run_json("--engine", "apertium", SEED)
    assert cold.returncode == 1 and report["signatures"]["chrf"].startswith("nrefs:1|case:mixed")
    assert sum(s["chrf"] is not None for s in report["files"][0]["segments"]) >= 25
    log = tmp_path / "started.log"
    env = _failing_commands(tmp_path / "bin", log, "apertium", "dpkg-query")
    for fmt, expected in (("json", cold.stdout), ("text", cold_text.stdout)):
        warm = run_tqcheck("check", "--engine", "apertium", "--format", fmt, SEED,
                           env={**env, "PYTHONPROFILEIMPORTTIME": "1"})
        assert warm.returncode == 1 and warm.stdout == expected
        modules = _imported(warm.stderr)
        assert "tqcheck.translation.roundtrip" in modules and "sacrebleu" not in modules
    assert not log.exists()


def test_cache_info_and_clear(private_cache):
    run_json("--engine", "apertium", SEED)
    info = run_tqcheck("cache", "info")
    assert info.returncode == 0 and f"path: {private_cache}" in info.stdout
    entries = int(next(line for line in info.stdout.splitlines() if line.startswith("entries:")).split()[1])
    assert entries >= 50
    cleared = run_tqcheck("cache", "clear")
    assert cleared.returncode == 0 and f"removed {entries} translations" in cleared.stdout
    assert "entries: 0" in run_tqcheck("cache", "info").stdout


def test_corrupt_cache_file_is_reported_once_and_bypassed(private_cache):
    db = private_cache / "translations.sqlite3"
    db.write_bytes(b"this is not a database" * 100)
    proc, report = run_json("--engine", "apertium", SEED)
    assert proc.returncode == 1
    warnings = [line for line in proc.stderr.splitlines() if line.startswith("tqcheck: warning:")]
    assert len(warnings) == 1 and "unusable" in warnings[0]
    assert report["files"][0]["segments"][1]["round_trip"]
    assert db.read_bytes().startswith(b"this is not a database")


def test_many_files_are_translated_in_one_batch_per_direction(tmp_path):
    """A wrapper first on PATH logs each start of the real apertium: two starts for six files."""
    import shutil

    articles = tmp_path / "articles"
    articles.mkdir()
    paragraphs = SEED.read_text("utf-8").split("\n\n")
    for i in range(6):
        (articles / f"part{i}.txt").write_text("\n\n".join(paragraphs[i * 4:(i + 1) * 4]), encoding="utf-8")
    log = tmp_path / "starts.log"
    wrapper_dir = tmp_path / "bin"
    wrapper_dir.mkdir()
    wrapper = wrapper_dir / "apertium"
    wrapper.write_text(f'#!/bin/sh\necho "$@" >> {log}\nexec {shutil.which("apertium")} "$@"\n')
    wrapper.chmod(0o755)
    env = {"PATH": f"{wrapper_dir}{os.pathsep}{os.environ['PATH']}"}
    proc, report = run_json("--engine", "apertium", "--no-cache", "--jobs", "1", articles, env=env)
    assert proc.returncode == 1, proc.stderr
    assert all(s["round_trip"] for f in report["files"] for s in f["segments"])
    starts = log.read_text().splitlines()
    assert len(starts) == 2 and {line.split()[-1] for line in starts} == {"eng-spa", "spa-eng"}


def test_explicit_engine_that_lacks_the_pair_is_exit_2(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text("Officials confirmed the plan on Friday.\n", encoding="utf-8")
    proc = run_tqcheck("check", "--engine", "apertium", "--source-lang", "ja", path)
    assert proc.returncode == 2
    assert proc.stderr.startswith("tqcheck: error: apertium has no") and proc.stderr.count("\n") == 1
