"""Bilingual files against pofilter: `python -m benchmarks.bilingual [--units 5000] [--runs 5] [--quick]`.

Builds, at run time and only in a temporary folder, one PO file and one XLIFF file of N real es→en units
from `../shared/data/es_en.jsonl` (real Spanish sources with their real MT, Bio-MQM; cycled to reach N,
each copy its own unit), then prints:

- throughput: tqcheck (`--engine none --select A,N,Q`: the A family, numbers, quotes) against pofilter
  with its comparable checks, interleaved runs, units/s with [min–max];
- quality on the Bio-MQM units (each record once): the share of units with a Major error each tool flags,
  and the share of error-free units each flags. tqcheck flags a unit with any warning or error (default
  selection, `--engine none`); pofilter with any failing check of the comparable subset, and, reported
  apart, of its default set.

translate-toolkit is GPL: it is only the peer here (and read to parse pofilter's output), never imported
by tqcheck.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from html import escape
from pathlib import Path

from benchmarks.rows import tool, tqcheck_argv
from benchmarks.timing import Command, Launcher, Stat, interleave, paired

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "es_en.jsonl"
SELECT = "A,N,Q"
COMPARABLE = ("numbers", "doublequoting", "singlequoting", "unchanged", "untranslated", "variables",
              "xmltags", "printf", "pythonbraceformat", "endpunc", "brackets")
SEVERITY_RANK = {"Neutral": 0, "Minor": 1, "Major": 2, "Critical": 3}


def records(path: Path = DATA) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [r for r in map(json.loads, f) if r.get("mt_en") and r.get("mt_errors") is not None]


def worst(record: dict) -> int:
    return max((SEVERITY_RANK.get(e.get("severity"), 0) for e in record["mt_errors"]), default=-1)


def _po_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t") + '"'


def write_po(units: list[tuple[str, dict]], path: Path) -> None:
    out = ['msgid ""', 'msgstr ""', '"Language: en\\n"', '"Content-Type: text/plain; charset=UTF-8\\n"', ""]
    for key, r in units:
        out += [f"msgctxt {_po_string(key)}", f"msgid {_po_string(r['src_es'])}", f"msgstr {_po_string(r['mt_en'])}", ""]
    path.write_text("\n".join(out), encoding="utf-8")


def write_xliff(units: list[tuple[str, dict]], path: Path) -> None:
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">',
           '<file source-language="es" target-language="en" datatype="plaintext" original="es_en"><body>']
    for key, r in units:
        out.append(f'<trans-unit id="{escape(key)}"><source>{escape(r["src_es"], quote=False)}</source>'
                   f'<target state="translated">{escape(r["mt_en"], quote=False)}</target></trans-unit>')
    out += ["</body></file></xliff>", ""]
    path.write_text("\n".join(out), encoding="utf-8")


def cycled(recs: list[dict], n: int) -> list[tuple[str, dict]]:
    return [(f"{recs[i % len(recs)]['id']}#{i // len(recs)}", recs[i % len(recs)]) for i in range(n)]


def pofilter_argv(po: Path, out: Path, tests=COMPARABLE) -> list[str]:
    return [tool("pofilter"), "--progress=none", *[f"--test={t}" for t in tests], str(po), str(out)]


def tqcheck_flagged(path: Path, select: str | None = None) -> set[str]:
    argv = tqcheck_argv("--engine", "none", "--format", "json", *(["--select", select] if select else []), str(path))
    done = subprocess.run(argv, capture_output=True, text=True)
    if done.returncode not in (0, 1):
        raise SystemExit(f"tqcheck failed: {done.stderr.strip()[-300:]}")
    report = json.loads(done.stdout)
    return {f["unit"].split("\x04")[0] for f in report["files"][0]["findings"]
            if f["severity"] in ("warning", "error") and f.get("unit")}  # the msgctxt: the record id


def pofilter_flagged(po: Path, tests=COMPARABLE) -> set[str]:
    from translate.storage import factory

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out.po"
        argv = [tool("pofilter"), "--progress=none", *[f"--test={t}" for t in tests or ()], str(po), str(out)]
        subprocess.run(argv, check=True, capture_output=True)
        store = factory.getobject(str(out))
        return {u.getcontext() for u in store.units if not u.isheader()}


def quality(recs: list[dict], folder: Path) -> dict:
    units = [(r["id"], r) for r in recs]
    po = folder / "biomqm.po"
    write_po(units, po)
    major = {k for k, r in units if any(e.get("severity") == "Major" for e in r["mt_errors"])}  # as issue 16 counts
    severe = {k for k, r in units if worst(r) >= SEVERITY_RANK["Major"]}  # Major or Critical
    clean = {k for k, r in units if worst(r) < SEVERITY_RANK["Minor"]}
    flagged = {"tqcheck": tqcheck_flagged(po),
               "pofilter (comparable checks)": pofilter_flagged(po),
               "pofilter (default checks)": pofilter_flagged(po, tests=None)}
    return {"units": len(units), "major": len(major), "severe": len(severe), "error_free": len(clean),
            "tools": {name: {"major_flagged": len(f & major) / len(major), "severe_flagged": len(f & severe) / len(severe),
                             "error_free_flagged": len(f & clean) / len(clean)}
                      for name, f in flagged.items()}}


def speed(recs: list[dict], folder: Path, n: int, runs: int, warmups: int) -> dict:
    units = cycled(recs, n)
    po, xlf = folder / "units.po", folder / "units.xlf"
    write_po(units, po)
    write_xliff(units, xlf)
    # tqcheck as installed, like the peer: its bytecode written once (pofilter's is in site-packages, and a
    # PYTHONDONTWRITEBYTECODE shell would otherwise make every tqcheck run compile its source again) and
    # its warm-start file its own (other checkouts running at the same time rewrite the shared one).
    env = {"PYTHONDONTWRITEBYTECODE": "", "PYTHONPYCACHEPREFIX": str(folder / "pycache"),
           "TQCHECK_CACHE_DIR": str(folder / "cache")}
    commands = [Command("tqcheck-po", tqcheck_argv("--engine", "none", "--select", SELECT, str(po)), env=env),
                Command("tqcheck-xliff", tqcheck_argv("--engine", "none", "--select", SELECT, str(xlf)), env=env),
                Command("pofilter-po", pofilter_argv(po, folder / "out.po"), ok_codes=(0,)),
                Command("pofilter-xliff", pofilter_argv(xlf, folder / "out.xlf"), ok_codes=(0,))]
    series = interleave(commands, runs, warmups)
    out = {}
    for kind in ("po", "xliff"):
        tq, pf = series[f"tqcheck-{kind}"], series[f"pofilter-{kind}"]
        out[kind] = {"tqcheck": Stat.of([n / w for w in tq.walls]), "pofilter": Stat.of([n / w for w in pf.walls]),
                     "ratio": paired(tq.walls, pf.walls, lambda a, b: b / a),
                     "tqcheck_peak_mb": Stat.of(tq.peaks_mb).median, "pofilter_peak_mb": Stat.of(pf.peaks_mb).median}
    return out


def _rate(s: Stat) -> str:
    return f"{s.median:,.0f} units/s [{s.low:,.0f}–{s.high:,.0f}]"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--warmups", type=int, default=1)
    parser.add_argument("--quick", action="store_true", help="200 units, 2 runs, quality on 200 records")
    parser.add_argument("--quality-only", action="store_true", help="only the Bio-MQM quality table")
    args = parser.parse_args(argv)
    if tool("pofilter") is None:
        raise SystemExit("pofilter is not installed: pip install translate-toolkit")
    recs = records()
    if args.quick:
        args.units, args.runs, recs = 200, 2, recs[:200]
    with tempfile.TemporaryDirectory(prefix="tqcheck-bilingual-") as tmp:
        try:
            figures = {} if args.quality_only else speed(recs, Path(tmp), args.units, args.runs, args.warmups)
            q = quality(recs, Path(tmp))
        finally:
            Launcher.close()
    if figures:
        print(f"| file ({args.units:,} es→en units) | tqcheck `--engine none --select {SELECT}` | pofilter "
          f"({', '.join(COMPARABLE)}) | ratio (units/s tqcheck / pofilter) | ≥ 1× | met |")
        print("|---|---|---|---|---|---|")
    for kind, f in figures.items():
        print(f"| {kind.upper()} | {_rate(f['tqcheck'])}, peak {f['tqcheck_peak_mb']:.0f} MB | {_rate(f['pofilter'])}, "
              f"peak {f['pofilter_peak_mb']:.0f} MB | {f['ratio'].median:.2f} [{f['ratio'].low:.2f}–{f['ratio'].high:.2f}] | "
              f"≥ 1× | {'yes' if f['ratio'].median >= 1 else 'no'} |")
    print()
    print(f"Bio-MQM units: {q['units']:,}; with a Major span: {q['major']}; with a Major or Critical span: "
          f"{q['severe']}; error-free: {q['error_free']}")
    print()
    print(f"| tool | units with a Major error flagged ({q['major']}) | with a Major or Critical error ({q['severe']}) "
          f"| error-free units flagged ({q['error_free']}) |")
    print("|---|---|---|---|")
    for name, t in q["tools"].items():
        print(f"| {name} | {t['major_flagged']:.1%} | {t['severe_flagged']:.1%} | {t['error_free_flagged']:.1%} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
