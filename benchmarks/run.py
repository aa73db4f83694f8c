"""Benchmark tqcheck against its peers: `python -m benchmarks.run [--quick] [--rows 1,2,...] [--out FILE]`.

Prints a Markdown table (row, what, tqcheck median [min–max], peer median
[min–max], median paired ratio, target, met) and writes it with every raw
timing as JSON.  Commands of a row run interleaved (A B A B …), one warm-up
round first; ratios are medians of per-round ratios, which hold while this
machine's speed wanders by ±50 % between identical runs.  Whole processes are
timed (wall clock) and each one's peak memory is read with `os.wait4`.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.rows import ALL_ROWS, GROUPS, Config, Row, Workspace, tool
from benchmarks.timing import BenchmarkError, Launcher

DEFAULT_OUT = Path(__file__).resolve().parent / "results" / "latest.json"


def parse_rows(text: str | None) -> set[int]:
    if not text:
        return set(ALL_ROWS)
    rows = {int(part) for part in text.split(",") if part.strip()}
    unknown = rows - set(ALL_ROWS)
    if unknown:
        raise SystemExit(f"benchmarks.run: no row {', '.join(map(str, sorted(unknown)))} (rows are 1–10)")
    return rows


def machine() -> dict:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    return {"nproc": os.cpu_count(), "cpu": cpu, "memory": memory, "python": platform.python_version(),
            "platform": platform.platform(), "load_average": os.getloadavg()}


def versions() -> dict:
    def out(argv):
        try:
            done = subprocess.run(argv, capture_output=True, text=True, timeout=30)
            return (done.stdout or done.stderr).strip().splitlines()[0] if (done.stdout or done.stderr).strip() else None
        except (OSError, subprocess.SubprocessError):
            return None

    import tqcheck

    found = {"tqcheck": tqcheck.__version__}
    for name, argv in (("proselint", [tool("proselint") or "proselint", "version"]),
                       ("pofilter", [tool("pofilter") or "pofilter", "--version"])):
        found[name] = out(argv)
    found["apertium"] = out(["dpkg-query", "-W", "-f", "${Version}", "apertium-eng-spa"]) if shutil.which("dpkg-query") else None
    try:
        import ctranslate2

        found["ctranslate2"] = ctranslate2.__version__
    except ImportError:
        found["ctranslate2"] = None
    return found


def byte_compile_tqcheck() -> None:
    """Compile tqcheck's modules to bytecode, as `pip install` does for an installed package.

    The peers are measured as installed, with their bytecode; an editable checkout run under
    PYTHONDONTWRITEBYTECODE would otherwise compile every module from source at every start.
    """
    import compileall

    import tqcheck

    compileall.compile_dir(str(Path(tqcheck.__file__).parent), quiet=1)


def table(rows: list[Row]) -> str:
    head = ["#", "what", "tqcheck median [min–max]", "peer", "peer median [min–max]",
            "median paired ratio", "target", "met"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for row in sorted(rows, key=lambda r: r.number):
        if row.unavailable:
            cells = [str(row.number), row.what, row.unavailable, row.peer_name, "—", "—", row.target, "—"]
        else:
            ratio = f"{row.ratio.median:.2f} [{row.ratio.low:.2f}–{row.ratio.high:.2f}] ({row.ratio_label})" if row.ratio else "—"
            met = "—" if row.met is None else ("yes" if row.met else "no")
            cells = [str(row.number), row.what, row.tqcheck.text() if row.tqcheck else "—", row.peer_name,
                     row.peer.text() if row.peer else "—", ratio, row.target, met]
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    notes = [f"- row {row.number}: {note}" for row in sorted(rows, key=lambda r: r.number) for note in row.notes]
    return "\n".join(lines + ([""] + notes if notes else [])) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true",
                        help="smallest configuration: tiny inputs and model, 1 warm-up + 2 counted runs")
    parser.add_argument("--rows", help="comma-separated row numbers (default: all, 1–10)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"JSON results (default {DEFAULT_OUT})")
    parser.add_argument("--runs", type=int, help="counted runs per command (default 5; --quick 2)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder of inputs")
    args = parser.parse_args(argv)
    selected = parse_rows(args.rows)
    from benchmarks.corpus import DATA

    if not (DATA / "native_en.jsonl").is_file():
        raise SystemExit(f"benchmarks.run: the shared data is not at {DATA} (set TQCHECK_BENCH_DATA)")
    config = Config.quick_config() if args.quick else Config()
    if args.runs:
        config.runs = args.runs

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    started = time.perf_counter()
    byte_compile_tqcheck()
    info = {"machine": machine(), "versions": versions(), "config": vars(config), "rows": [], "errors": []}
    root = Path(tempfile.mkdtemp(prefix="tqcheck-bench-"))
    rows: list[Row] = []
    try:
        ws = Workspace(root, config, log)
        for numbers, build in GROUPS:
            wanted = numbers & selected
            if not wanted:
                continue
            t0 = time.perf_counter()
            log(f"rows {', '.join(map(str, sorted(wanted)))} …")
            try:
                rows += build(ws, wanted)
            except BenchmarkError as exc:
                info["errors"].append(str(exc))
                log(f"  failed: {exc}")
                for n in sorted(wanted):
                    rows.append(Row(n, f"row {n}", "—").skip("failed", f"failed: {exc}"))
            log(f"  {time.perf_counter() - t0:.0f} s")
    finally:
        Launcher.close()
        if args.keep:
            log(f"inputs kept in {root}")
        else:
            shutil.rmtree(root, ignore_errors=True)
    elapsed = time.perf_counter() - started
    text = table(rows)
    print(text)
    print(f"Total {elapsed:.0f} s on {info['machine']['nproc']} CPUs ({info['machine']['cpu']}); "
          f"load average at the end {os.getloadavg()[0]:.1f}.")
    info["rows"] = [r.to_json() for r in sorted(rows, key=lambda r: r.number)]
    info["table"] = text
    info["elapsed_s"] = round(elapsed, 1)
    info["machine"]["load_average_end"] = os.getloadavg()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(info, indent=2, ensure_ascii=False) + "\n", "utf-8")
    print(f"Results: {args.out}")
    return 1 if info["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
