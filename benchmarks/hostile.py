"""Hostile inputs against ordinary prose: `python -m benchmarks.hostile [--size BYTES] [--big BYTES]`.

Each family is one unit of text repeated into a single paragraph (no line break unless the unit
has one), the kind of input a scraped page, pasted spam or a generated file can hold. Each is
checked by the real command with `--format json` (its output included in the time) at the same
size as ordinary prose (the seed article repeated), in one interleaved run, and then once more as
a 1 MB single paragraph. Targets (issue 12): at most 4x the prose time at 320 KB; under 10 s at 1 MB.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_24777a2ba7ef8ce0.txt"

# name: (unit, file suffix). The first four were quadratic or worse before the linear-time work.
FAMILIES = {
    "open-quote-word": ("“word ", ".txt"),
    "this-weekday": ("this Friday the ", ".txt"),
    "guillemets": ("«", ".txt"),
    "unclosed-quote-paragraphs-html": ("“Quote starts here\n\n", ".html"),
    # Found quadratic by review after the detector work: a run-together word checked against every token.
    "run-together-words": ("nominationsPresident said ", ".txt"),
}
PROSE_RATIO_TARGET = 4.0
BIG_SECONDS_TARGET = 10.0


def hostile_text(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def prose_text(size: int) -> str:
    seed = SEED.read_text(encoding="utf-8")
    return (seed * (size // len(seed) + 1))[:size]


def timed_check(path: Path) -> tuple[float, int]:
    """Seconds for one real `tqcheck check --format json` run, and the size of its report."""
    argv = [sys.executable, "-m", "tqcheck", "check", "--format", "json", "--fail-on", "never",
            "--engine", "none", "--target-lang", "en", str(path)]
    start = time.perf_counter()
    proc = subprocess.run(argv, capture_output=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"benchmarks.hostile: {path.name}: exit {proc.returncode}: {proc.stderr.decode()[-300:]}")
    return elapsed, len(proc.stdout)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=320_000, help="bytes of each family and of the prose")
    parser.add_argument("--big", type=int, default=1_000_000, help="bytes of the single-paragraph run")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        files = {"prose": folder / "prose.txt"}
        files["prose"].write_text(prose_text(args.size), encoding="utf-8")
        for name, (unit, suffix) in FAMILIES.items():
            files[name] = folder / f"{name}{suffix}"
            files[name].write_text(hostile_text(unit, args.size), encoding="utf-8")
        timed_check(files["prose"])  # warm-up: bytecode and the warm-start file
        times: dict[str, list[float]] = {name: [] for name in files}
        sizes: dict[str, int] = {}
        for _ in range(args.runs):  # interleaved, so the machine's drift touches every family alike
            for name, path in files.items():
                seconds, sizes[name] = timed_check(path)
                times[name].append(seconds)
        prose = sorted(times["prose"])[len(times["prose"]) // 2]
        print(f"| family ({args.size:,} characters, one paragraph) | median time | × prose (target ≤ {PROSE_RATIO_TARGET:g}) "
              f"| JSON report | {args.big:,} characters: time (target < {BIG_SECONDS_TARGET:g} s) |")
        print("|---|---|---|---|---|")
        worst = 0.0
        for name, series in times.items():
            median = sorted(series)[len(series) // 2]
            ratio = median / prose
            big = ""
            if name != "prose":
                worst = max(worst, ratio)
                unit, suffix = FAMILIES[name]
                big_path = folder / f"big-{name}{suffix}"
                big_path.write_text(hostile_text(unit, args.big), encoding="utf-8")
                big_seconds, _ = timed_check(big_path)
                big = f"{big_seconds:.2f} s"
            print(f"| {name} | {median:.2f} s | {ratio:.2f} | {sizes[name] / 1e6:.1f} MB | {big} |")
    print(f"\nworst ratio to prose: {worst:.2f} (target ≤ {PROSE_RATIO_TARGET:g})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
