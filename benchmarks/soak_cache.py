"""Soak: many tqcheck runs with Apertium share one translation cache, under load, for minutes.

    python -m benchmarks.soak_cache [--minutes 3] [--processes 4] [--subsets 6]

Not part of CI (it runs for minutes). The real articles of `../shared/data` are written to a
temporary folder as subsets (folders of 20 articles). First every subset is checked alone with a
private, empty cache: that report is the reference. Then `--processes` runs at a time, each on a
random subset with `--jobs` 1 or 2, share one cache folder until `--minutes` have passed: runs on
the same subset translate and store the same sentences at the same time, runs on others write
to the same file. The shared folder is replaced by an empty one every `--round` seconds, so that
cold starts (many writers at once) recur rather than happen once. Every report must be byte for
byte its subset's reference, with the same exit code and nothing on stderr (a cache warning means
a run fell back to no cache). At the end every round's cache must pass SQLite's integrity check
and hold each row under the key its own columns give, and a last run of every subset on the last
round's cache must still match.

Prints the figures; exits 1 if any check failed.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.corpus import articles

ROOT = Path(__file__).resolve().parent.parent
SUBSET_SIZE = 20
# Subsets do not share articles. Apertium's output for a paragraph depends a little on the
# paragraphs sent before it in the same batch, and the cache keeps whichever translation was
# stored first, so an article checked in two different batches can come back differently from a
# solo run even with no concurrency at all (subsets sharing half their articles: 28 of 315
# segments differ, run one after the other). Disjoint subsets keep each article in one batch,
# so a difference here can only come from sharing the cache.
SUBSET_STEP = SUBSET_SIZE


def build_subsets(folder: Path, count: int) -> list[Path]:
    texts = articles()
    subsets = []
    for i in range(count):
        subset = folder / f"subset{i}"
        subset.mkdir(parents=True)
        for j in range(SUBSET_SIZE):
            k = (i * SUBSET_STEP + j) % len(texts)
            (subset / f"article{k:04d}.txt").write_text(texts[k], encoding="utf-8")
        subsets.append(subset)
    return subsets


def command(subset: Path, jobs: int) -> list[str]:
    return [sys.executable, "-m", "tqcheck", "check", "--engine", "apertium", "--format", "json",
            "--jobs", str(jobs), str(subset)]


def environment(cache: Path) -> dict:
    env = dict(os.environ, TQCHECK_CACHE_DIR=str(cache))
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return env


def reference(subset: Path, scratch: Path) -> tuple[int, bytes]:
    cache = Path(tempfile.mkdtemp(dir=scratch, prefix="solo-cache-"))
    done = subprocess.run(command(subset, 1), env=environment(cache), capture_output=True, timeout=3600)
    if done.stderr:
        raise SystemExit(f"soak_cache: the solo run of {subset.name} wrote to stderr: {done.stderr.decode()[:500]}")
    return done.returncode, done.stdout


def check_rows(database: Path) -> tuple[str, dict[str, int], int]:
    """(integrity_check, rows per table, rows whose key is not the one their columns give)."""
    from tqcheck.translation.cache import _key

    with sqlite3.connect(database) as conn:
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
        counts, misplaced = {}, 0
        for table in ("translations", "round_trips"):
            rows = conn.execute(f"SELECT key, tqcheck, engine, version, source, target, text FROM {table}").fetchall()
            counts[table] = len(rows)
            for key, made_by, engine, version, source, target, text in rows:
                parts = [made_by, engine, version, source, target, text]
                expected = hashlib.sha256(json.dumps(parts, ensure_ascii=False).encode("utf-8")).hexdigest()
                misplaced += key != expected or key != _key(engine, version, source, target, text)
    return integrity, counts, misplaced


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=3.0)
    parser.add_argument("--processes", type=int, default=4)
    parser.add_argument("--subsets", type=int, default=6)
    parser.add_argument("--round", type=float, default=60.0, help="seconds between fresh shared caches")
    parser.add_argument("--seed", type=int, default=12)
    args = parser.parse_args(argv)
    if not shutil.which("apertium"):
        raise SystemExit("soak_cache: needs Apertium (apt-get install apertium apertium-eng-spa)")
    pick = random.Random(args.seed)
    scratch = Path(tempfile.mkdtemp(prefix="tqcheck-soak-"))
    try:
        subsets = build_subsets(scratch / "corpus", args.subsets)
        started = time.monotonic()
        references = {s: reference(s, scratch) for s in subsets}
        print(f"references: {len(subsets)} subsets of {SUBSET_SIZE} articles, "
              f"checked alone in {time.monotonic() - started:.0f} s", flush=True)

        def shared_cache(elapsed: float) -> Path:
            return scratch / f"shared-cache-{int(elapsed // args.round)}"

        running: dict[subprocess.Popen, tuple[Path, int, float, Path, Path]] = {}
        durations, mismatches, noisy, failures, by_jobs = [], [], [], [], {1: 0, 2: 0}
        deadline = time.monotonic() + args.minutes * 60
        soak_started = time.monotonic()
        counter = 0
        while running or time.monotonic() < deadline:
            while len(running) < args.processes and time.monotonic() < deadline:
                subset, jobs = pick.choice(subsets), pick.choice((1, 2))
                counter += 1
                out, err = scratch / f"run{counter}.out", scratch / f"run{counter}.err"
                env = environment(shared_cache(time.monotonic() - soak_started))
                with open(out, "wb") as o, open(err, "wb") as e:
                    proc = subprocess.Popen(command(subset, jobs), env=env, stdout=o, stderr=e)
                running[proc] = (subset, jobs, time.monotonic(), out, err)
            for proc in [p for p in running if p.poll() is not None]:
                subset, jobs, began, out, err = running.pop(proc)
                durations.append(time.monotonic() - began)
                by_jobs[jobs] += 1
                code, expected = references[subset]
                if out.read_bytes() != expected or proc.returncode != code:
                    mismatches.append(f"{subset.name} --jobs {jobs}: exit {proc.returncode}")
                if err.read_bytes():
                    noisy.append(f"{subset.name}: {err.read_text(errors='replace').strip()[:300]}")
                out.unlink()
                err.unlink()
            time.sleep(0.05)
        soak_seconds = time.monotonic() - soak_started

        caches = sorted(scratch.glob("shared-cache-*"), key=lambda p: int(p.name.rsplit("-", 1)[1]))
        checks = [check_rows(cache / "translations.sqlite3") for cache in caches]
        integrity = "ok" if all(c[0] == "ok" for c in checks) else "; ".join(c[0] for c in checks)
        misplaced = sum(c[2] for c in checks)
        last = caches[-1]
        counts = checks[-1][1]
        size = sum(p.stat().st_size for p in last.glob("translations.sqlite3*"))
        for subset in subsets:  # the cache as the soak left it still serves every subset right
            done = subprocess.run(command(subset, 2), env=environment(last), capture_output=True, timeout=3600)
            if (done.returncode, done.stdout) != references[subset] or done.stderr:
                failures.append(f"final warm run of {subset.name} differs")

        runs = len(durations)
        print(f"soak: {runs} runs in {soak_seconds / 60:.1f} min, {args.processes} at a time "
              f"({by_jobs[1]} with --jobs 1, {by_jobs[2]} with --jobs 2) on {os.cpu_count()} cores")
        if durations:
            print(f"run time: median {statistics.median(durations):.1f} s, "
                  f"max {max(durations):.1f} s, first {durations[0]:.1f} s")
        print(f"reports differing from the solo run: {len(mismatches)}")
        print(f"runs with anything on stderr: {len(noisy)}")
        print(f"caches: {len(caches)} rounds of {args.round:.0f} s, each starting empty; integrity_check {integrity}, "
              f"rows under a wrong key: {misplaced}; the last holds {counts['translations']:,} translations, "
              f"{counts['round_trips']:,} round trips, {size / 1e6:.1f} MB")
        print(f"final warm runs matching: {len(subsets) - len(failures)}/{len(subsets)}")
        for line in (mismatches + noisy + failures)[:10]:
            print("  " + line)
        ok = runs > 0 and not mismatches and not noisy and not failures and integrity == "ok" and not misplaced
        print("result: " + ("every report identical, cache valid" if ok else "FAILED"))
        return 0 if ok else 1
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
