"""`tqcheck audit` on Dask against `tqcheck check --jobs 2`, its scaling, and its workers' peak memory.

    python -m benchmarks.audit [--docs 20000] [--runs 3] [--no-check] [--memory 2000,20000,200000]

Not part of CI (minutes). An archive of `--docs` articles is built at run time from
`../shared/data` (the benchmark corpus's real articles repeated, each with its own id; nothing
copied into the project) as a folder of .txt files, the input both commands read.
- throughput: `audit --workers 2` (the default local cluster) against `check --jobs 2 --format json`,
  both `--engine none`, interleaved, `--runs` counted runs after one warm-up; documents/s and the
  median of the paired time ratios (check / audit: ≥ 0.9 means Dask costs little);
- scaling: `audit --workers 1` against `--workers 2` (median of the paired time ratios), with the
  workers' CPU seconds a document and the share of their time they were on a core (the summary's
  `workers` row): on a machine busier than its cores, wall-clock scaling measures the other load;
  `scaling_if_cores_were_free` is 2 × (CPU a document with 1 worker) / (CPU a document with 2);
- memory: for each size of `--memory`, one audit on a cluster this script starts (2 single-threaded
  worker processes on 127.0.0.1, `--scheduler`, set up as audit's own: no statistical profiler), then each
  worker's peak resident memory (ru_maxrss),
  and the largest worker peak as the run went (documents done, MB; from the progress lines).
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.corpus import articles

ROOT = Path(__file__).resolve().parent.parent


def build(folder: Path, n: int) -> None:
    texts = articles()
    folder.mkdir(parents=True)
    for i in range(n):
        sub = folder / f"{i // 1000:04d}"
        sub.mkdir(exist_ok=True)
        (sub / f"doc{i:07d}.txt").write_text(f"Archive item {i}.\n\n" + texts[i % len(texts)], encoding="utf-8")


LAST_WORKERS: list[str] = []  # the `workers` row of the last audit's summary
LAST_CURVE: list[tuple[int, float]] = []  # (documents done, largest worker peak MB) from its progress lines


def timed(argv: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "tqcheck", *argv], cwd=cwd, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise SystemExit(f"benchmarks.audit: {' '.join(argv)} failed ({proc.returncode}): {proc.stderr.strip()}")
    LAST_WORKERS[:] = [line.split(None, 1)[1] for line in proc.stdout.splitlines() if line.startswith("workers ")]
    LAST_CURVE[:] = [(int(line.split(" documents,")[0].rsplit(None, 1)[1]),
                      float(line.split("worker peak ")[1].split(" MB")[0]))
                     for line in proc.stderr.splitlines() if line.startswith("audit: ") and "worker peak" in line]
    return elapsed


def _cpu_figures(line: str) -> tuple[float, float]:
    """(ms of worker CPU a document, % of the partitions' time the workers were on a core) from the summary."""
    ms = float(line.split(" ms CPU a document")[0].rsplit(None, 1)[1])
    share = float(line.split("on a core ")[1].split(" %")[0])
    return ms, share


def throughput(work: Path, n: int, runs: int, with_check: bool = True) -> dict:
    folder = work / f"archive{n}"
    build(folder, n)
    commands = {
        "check --jobs 2": lambda i: ["check", "--engine", "none", "--format", "json", "--fail-on", "never",
                                     "--jobs", "2", "-o", str(work / "check.json"), folder.name],
        "audit --workers 2": lambda i: ["audit", "--engine", "none", "--workers", "2", "--out",
                                        str(work / f"w2-{i}"), folder.name],
        "audit --workers 1": lambda i: ["audit", "--engine", "none", "--workers", "1", "--out",
                                        str(work / f"w1-{i}"), folder.name],
    }
    if not with_check:
        del commands["check --jobs 2"]
    times: dict[str, list[float]] = {k: [] for k in commands}
    cpu: dict[str, list[tuple[float, float]]] = {k: [] for k in commands if k.startswith("audit")}
    for i in range(runs + 1):  # round 0 warms imports and the page cache
        for name, argv in commands.items():
            t = timed(argv(i), work)
            figures = _cpu_figures(LAST_WORKERS[0]) if name in cpu else None
            if i:
                times[name].append(t)
                if figures:
                    cpu[name].append(figures)
            print(f"  round {i} {name}: {t:.1f} s" + (f" (workers: {figures[0]:.1f} ms CPU a document, on a core "
                                                      f"{figures[1]:.0f} % of the time)" if figures else ""), flush=True)
    med = {k: statistics.median(v) for k, v in times.items()}
    pairs = sorted(a / b for a, b in zip(times["audit --workers 1"], times["audit --workers 2"]))
    result = {
        "documents": n, "runs": runs, "times": times, "median": med,
        "documents_per_s": {k: n / v for k, v in med.items()},
        "scaling_w1_over_w2": statistics.median(pairs), "scaling_range": [pairs[0], pairs[-1]],
        "worker_cpu_ms_per_document": {k: statistics.median(c[0] for c in v) for k, v in cpu.items()},
        "worker_on_core_percent": {k: statistics.median(c[1] for c in v) for k, v in cpu.items()},
        # What 2 workers would gain with a free core each: twice the work at the CPU cost a document each pays.
        "scaling_if_cores_were_free": 2 * statistics.median(c[0] for c in cpu["audit --workers 1"])
        / statistics.median(c[0] for c in cpu["audit --workers 2"]),
    }
    if with_check:
        ratios = sorted(c / a for c, a in zip(times["check --jobs 2"], times["audit --workers 2"]))
        result.update(ratio_check_over_audit=statistics.median(ratios), ratio_range=[ratios[0], ratios[-1]])
    return result


def memory(work: Path, n: int) -> dict:
    from distributed import Client, LocalCluster

    folder = work / f"mem{n}"
    build(folder, n)
    import dask

    from tqcheck.commands.auditing.cluster import PROFILER

    with dask.config.set({PROFILER: False}):  # as audit's own local cluster runs: no statistical profiler
        cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                               dashboard_address=None)
    with cluster, Client(cluster) as client:
        t = timed(["audit", "--engine", "none", "--scheduler", cluster.scheduler_address, "--out",
                   str(work / f"mem{n}.out"), folder.name], work)

        def peak_mb():
            import resource

            return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

        peaks = client.run(peak_mb)
    return {"documents": n, "seconds": t, "peak_mb_per_worker": sorted(peaks.values()),
            "workers_row": LAST_WORKERS[0] if LAST_WORKERS else None, "peak_by_documents_done": list(LAST_CURVE)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.audit", description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=20000)
    parser.add_argument("--runs", type=int, default=3, help="counted runs of the throughput rows (0: memory only)")
    parser.add_argument("--memory", default="2000,20000,200000", help="archive sizes for the memory row ('' for none)")
    parser.add_argument("--no-check", action="store_true", help="leave out `check --jobs 2`: the scaling row only")
    args = parser.parse_args(argv)
    result = {"cores": os.cpu_count()}
    with tempfile.TemporaryDirectory(prefix="tqcheck-bench-audit-") as tmp:
        work = Path(tmp)
        os.environ.setdefault("TQCHECK_CACHE_DIR", str(work / "cache"))
        if args.runs:
            result["throughput"] = throughput(work, args.docs, args.runs, not args.no_check)
        result["memory"] = []
        for n in (int(n) for n in args.memory.split(",") if n.strip()):
            result["memory"].append(memory(work, n))
            print(f"  memory: {result['memory'][-1]}", flush=True)
    print(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
