"""The Dask side of an audit: a local cluster of single-threaded worker processes or a running scheduler, the partitions mapped onto it, results stored as they come."""
from __future__ import annotations

import logging
import os
import sys
import time

from tqcheck.errors import InputError

CONNECT_TIMEOUT = 10  # seconds to reach a --scheduler before the run is given up (exit 2)
RETRIES = 2  # a partition whose worker died is run again this many times (Dask's own retries)
PROFILER = "distributed.worker.profile.enabled"


def connect(scheduler: str | None, workers: int | None):
    """A `distributed.Client`: on the scheduler at ADDRESS, or on a new LocalCluster on 127.0.0.1."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise InputError("tqcheck audit needs dask and distributed: pip install 'tqcheck[scale]'") from None
    if scheduler:
        try:
            return Client(scheduler, timeout=CONNECT_TIMEOUT, set_as_default=False)
        except (OSError, TimeoutError, ValueError) as exc:
            reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise InputError(f"--scheduler {scheduler}: cannot reach it ({reason})") from None
    import dask

    # Processes, one thread each: the detectors are Python, so threads would wait on the GIL. No statistical
    # profiler on the workers: it keeps an hour of stack samples, and a worker's memory grew with the documents
    # it had checked (98 MB after 200, 178 MB after 10,000; flat without it). Each nanny keeps this setting
    # for the worker it starts, and again for one it restarts.
    with dask.config.set({PROFILER: False}):
        cluster = LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1, processes=True,
                               host="127.0.0.1", dashboard_address="127.0.0.1:0", silence_logs=logging.ERROR)
    return Client(cluster, set_as_default=False)


def close(client) -> None:
    cluster = client.cluster
    client.close()
    if cluster is not None:
        cluster.close()


def run(client, todo: list, settings: dict, store, progress) -> None:
    """Map the partitions onto the cluster; each result is stored as soon as it arrives."""
    from distributed import as_completed

    from tqcheck.commands.auditing.work import check_partition

    import uuid

    run_id = uuid.uuid4().hex[:12]
    futures = client.map(check_partition, todo, settings=settings, pure=False, retries=RETRIES,
                         key=[f"tqcheck-audit-{run_id}-{p.number}" for p in todo])
    for future, result in as_completed(futures, with_results=True, loop=client.loop):
        store.write(result)
        progress.update(result)
        future.release()


class Progress:
    """Documents/s and an ETA: one rewritten line on a terminal, a plain line every tenth of the run otherwise."""

    def __init__(self, total: int, skipped: int, threshold: float, stream=sys.stderr):
        self.total, self.done, self.skipped = total, 0, skipped
        self.threshold = threshold
        self.stream = stream
        self.tty = stream.isatty()
        self.start = time.monotonic()
        self.documents = self.errors = self.flagged = self.findings = 0
        self.by_code: dict[str, int] = {}
        self.next_line = 0
        self.startup = 0.0  # seconds to start or reach the cluster
        self.segments = self.cached = 0  # distinct segments of each partition round-tripped, of which from the cache
        self.workers: dict[int, list[float]] = {}  # worker pid -> [documents, CPU seconds, wall seconds, peak MB]

    def update(self, result: dict) -> None:
        self.done += 1
        mine = self.workers.setdefault(result.get("worker", 0), [0, 0.0, 0.0, 0.0])
        mine[0] += len(result["documents"])
        mine[1] += result.get("cpu", 0.0)
        mine[2] += result.get("wall", 0.0)
        mine[3] = max(mine[3], result.get("peak_mb", 0.0))
        self.segments += result.get("segments", 0)
        self.cached += result.get("cached", 0)
        for row in result["documents"]:
            self.documents += 1
            if row["error"] is not None:
                self.errors += 1
                continue
            self.flagged += row["score"] >= self.threshold
            self.findings += row["findings"]
            for code, n in row["by_code"].items():
                self.by_code[code] = self.by_code.get(code, 0) + n
        elapsed = time.monotonic() - self.start
        rate = self.documents / elapsed if elapsed > 0 else 0.0
        eta = elapsed / self.done * (self.total - self.done)
        line = (f"audit: {self.done}/{self.total} partitions, {self.documents} documents, "
                f"{rate:.0f} documents/s, ETA {eta:.0f} s, worker peak {self.peak_mb():.0f} MB")
        if self.tty:
            self.stream.write("\r" + line + "\x1b[K" + ("\n" if self.done == self.total else ""))
            self.stream.flush()
        elif self.done >= self.next_line or self.done == self.total:
            print(line, file=self.stream, flush=True)
            self.next_line = self.done + max(1, self.total // 10)

    def summary(self, out: str, index: str | None = None) -> list[str]:
        rows = self.summary_rows(out, index)
        width = max(len(k) for k, _ in rows)
        return [f"{k:<{width}}  {v}" for k, v in rows]

    def summary_rows(self, out: str, index: str | None = None) -> list[tuple[str, str]]:
        elapsed = time.monotonic() - self.start
        rate = self.documents / elapsed if elapsed > 0 else 0.0
        top = sorted(self.by_code.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
        rows = [
            ("documents", f"{self.documents}"),
            ("error rows", f"{self.errors}"),
            (f"likely MT (score >= {self.threshold:g})", f"{self.flagged}"),
            ("findings", f"{self.findings}"),
            ("top codes", ", ".join(f"{c} {n}" for c, n in top) or "-"),
            ("time", f"{elapsed:.1f} s ({rate:.0f} documents/s; cluster start {self.startup:.1f} s)"),
            ("workers", self.workers_line()),
            ("partitions", f"{self.done} checked, {self.skipped} already done"),
            ("results", out),
        ]
        if self.segments:
            rows.insert(-2, ("translation cache", f"{self.cached} of {self.segments} segments' round trips already "
                                                  f"there ({100 * self.cached / self.segments:.0f} %)"))
        if index:
            rows.append(("index", index))
        if not self.workers:
            rows.remove(("workers", self.workers_line()))
        return rows

    def workers_line(self) -> str:
        """CPU seconds a document on the workers, and the share of their partitions' time they were on a core
        (well under 100 %: the workers waited for a core, the machine is busier than its cores)."""
        docs = sum(w[0] for w in self.workers.values())
        cpu = sum(w[1] for w in self.workers.values())
        wall = sum(w[2] for w in self.workers.values())
        if not docs:
            return "-"
        each = ", ".join(f"{int(w[0])}" for w in sorted(self.workers.values(), key=lambda w: -w[0]))
        return (f"{len(self.workers)} ({each} documents), {1000 * cpu / docs:.1f} ms CPU a document, "
                f"on a core {100 * cpu / wall if wall else 0:.0f} % of the time, peak memory {self.peak_mb():.0f} MB")

    def peak_mb(self) -> float:
        """The largest peak resident memory of one worker so far."""
        return max((w[3] for w in self.workers.values()), default=0.0)
