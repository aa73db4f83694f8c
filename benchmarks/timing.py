"""Time whole processes (wall time and the peak memory of that one process tree) and run them interleaved."""
from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable


class BenchmarkError(RuntimeError):
    """A timed command failed: the row cannot report figures."""


@dataclass
class Sample:
    wall: float  # seconds
    peak_kb: int  # the largest resident set of the process or any child it waited for, in KiB


@dataclass
class Command:
    """One command of a row; `prepare()` runs before each execution, untimed, and returns extra environment."""

    name: str
    argv: list[str]
    env: dict[str, str] = field(default_factory=dict)
    cwd: Path | None = None
    stdin: Path | None = None
    prepare: Callable[[], dict[str, str]] | None = None
    ok_codes: tuple[int, ...] = (0, 1)  # linters exit 1 when they find something


class Launcher:
    """The one small process (`benchmarks/launcher.py`) every timed command is forked from."""

    _proc: subprocess.Popen | None = None

    @classmethod
    def request(cls, payload: dict) -> dict:
        if cls._proc is None or cls._proc.poll() is not None:
            script = Path(__file__).with_name("launcher.py")
            cls._proc = subprocess.Popen([sys.executable, "-I", "-S", str(script)], stdin=subprocess.PIPE,
                                         stdout=subprocess.PIPE, text=True, bufsize=1)
        cls._proc.stdin.write(json.dumps(payload) + "\n")
        cls._proc.stdin.flush()
        line = cls._proc.stdout.readline()
        if not line:
            raise BenchmarkError("the launcher process died")
        return json.loads(line)

    @classmethod
    def close(cls) -> None:
        if cls._proc is not None:
            cls._proc.stdin.close()
            cls._proc.wait(timeout=10)
            cls._proc = None


def run_once(command: Command) -> Sample:
    """Run `command` once with stdout discarded: its wall time, and its peak RSS from `os.wait4`."""
    env = dict(os.environ)
    env.update(command.env)
    if command.prepare is not None:
        env.update(command.prepare())
    with tempfile.NamedTemporaryFile(prefix="bench-stderr-") as err:
        result = Launcher.request({"argv": command.argv, "env": env, "cwd": str(command.cwd or ""),
                                   "stdin": str(command.stdin or ""), "stderr": err.name})
        if result["status"] not in command.ok_codes:
            tail = Path(err.name).read_text("utf-8", "replace").strip().splitlines()[-5:]
            raise BenchmarkError(f"{command.name}: exit {result['status']}: {' | '.join(tail) or 'no message'}")
    return Sample(result["wall"], result["maxrss_kb"])


@dataclass
class Series:
    """The counted runs of one command (and its warm-up runs, kept apart)."""

    name: str
    argv: list[str]
    samples: list[Sample] = field(default_factory=list)
    warmup: list[Sample] = field(default_factory=list)

    @property
    def walls(self) -> list[float]:
        return [s.wall for s in self.samples]

    @property
    def peaks_mb(self) -> list[float]:
        return [s.peak_kb / 1024 for s in self.samples]

    def to_json(self) -> dict:
        return {"argv": self.argv, "wall_s": [round(w, 4) for w in self.walls],
                "peak_mb": [round(p, 1) for p in self.peaks_mb],
                "warmup_wall_s": [round(s.wall, 4) for s in self.warmup],
                "warmup_peak_mb": [round(s.peak_kb / 1024, 1) for s in self.warmup]}


def interleave(commands: list[Command], runs: int, warmups: int = 1,
               warmup_commands: list[Command] | None = None, progress=None) -> dict[str, Series]:
    """Run the commands in turn (A B C, A B C, …): `warmups` uncounted rounds, then `runs` counted ones.

    `warmup_commands`, when given, replace the commands in the warm-up rounds (e.g. the
    same commands on a small part of a big input): they warm imports, bytecode and disk
    caches without costing a whole run.
    """
    series = {c.name: Series(c.name, c.argv) for c in commands}
    for _ in range(warmups):
        for command in warmup_commands or commands:
            sample = run_once(command)
            if command.name in series:
                series[command.name].warmup.append(sample)
    for i in range(runs):
        for command in commands:
            series[command.name].samples.append(run_once(command))
        if progress:
            progress(i + 1, runs)
    return series


@dataclass
class Stat:
    median: float
    low: float
    high: float
    values: list[float]

    @classmethod
    def of(cls, values: list[float]) -> "Stat":
        return cls(statistics.median(values), min(values), max(values), list(values))

    def to_json(self, digits: int = 4) -> dict:
        return {"median": round(self.median, digits), "min": round(self.low, digits),
                "max": round(self.high, digits), "values": [round(v, digits) for v in self.values]}


def paired(a: list[float], b: list[float], fn: Callable[[float, float], float]) -> Stat:
    """fn over the pairs of one round each (a_i, b_i): the figure that holds while the machine's speed wanders."""
    return Stat.of([fn(x, y) for x, y in zip(a, b)])


def mkdtemp(parent: Path, prefix: str) -> Path:
    return Path(tempfile.mkdtemp(prefix=prefix, dir=parent))
