"""What tqcheck finds and misses on the studied part of the corpus (never the scored part), for study.

    python tools/study_report.py                  # misses and false findings, article by article
    python tools/study_report.py --category false-friend --misses
    python tools/study_report.py --codes          # hits and false findings per detector code

Runs `tqcheck check --format json --target-lang en` (add --engine; default none) exactly as the
scorer does, and matches findings that count (warning, error) to annotations by overlapping spans.
"""
from __future__ import annotations

import argparse
import collections
import glob
import importlib.util
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COUNTED = {"warning", "error"}


def _shared_scorer():
    spec = importlib.util.spec_from_file_location("shared_score", ROOT.parent / "shared" / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# The scorer's own rule: in a truncated record, what starts in the unfinished last sentence does not count.
truncated_tail = _shared_scorer().truncated_tail


def study_records(include_dev: bool) -> list[dict]:
    records = [json.loads(line) for name in sorted(glob.glob(str(ROOT / "eval" / "corpus" / "study_*.jsonl")))
               for line in Path(name).read_text(encoding="utf-8").splitlines() if line.strip()]
    if include_dev:
        dev = ROOT.parent / "shared" / "data" / "articles_dev" / "articles_dev.jsonl"
        records += [json.loads(line) for line in dev.read_text(encoding="utf-8").splitlines() if line.strip()]
    return records


def reports(records: list[dict], engine: str) -> dict[str, dict]:
    with tempfile.TemporaryDirectory() as tmp:
        paths = {}
        for r in records:
            path = Path(tmp) / f"{r['id']}.txt"
            path.write_text(r["text"], encoding="utf-8")
            paths[str(path)] = r["id"]
        proc = subprocess.run([sys.executable, "-m", "tqcheck", "check", "--format", "json", "--fail-on", "never",
                               "--target-lang", "en", "--engine", engine, "--jobs", "1", *paths],
                              capture_output=True, text=True)
        report = json.loads(proc.stdout)
    return {paths[f["path"]]: f for f in report["files"]}


def overlaps(a, b) -> bool:
    return a["start"] < b["end"] and b["start"] < a["end"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engine", default="none")
    parser.add_argument("--category")
    parser.add_argument("--misses", action="store_true", help="only the annotations nothing found")
    parser.add_argument("--false", action="store_true", help="only findings that match no annotation")
    parser.add_argument("--codes", action="store_true", help="a table of hits and false findings per code")
    parser.add_argument("--dev", action="store_true", help="add ../shared/data's dev articles")
    args = parser.parse_args(argv)
    records = study_records(args.dev)
    found = reports(records, args.engine)
    hits, false = collections.Counter(), collections.Counter()
    for r in records:
        tail = truncated_tail(r)
        findings = [f for f in found[r["id"]]["findings"] if f["severity"] in COUNTED and f["start"] < tail]
        anns = [a for a in r["annotations"] if a["start"] < tail and (not args.category or a["category"] == args.category)]
        lines = []
        for f in findings:
            matched = any(overlaps(f, a) for a in r["annotations"] if a["start"] < tail)
            (hits if matched else false)[f["code"]] += 1
            if not matched and not args.misses and (r["label"] == "native" or not args.category):
                lines.append(f"  FALSE {f['code']} {f['excerpt'][:80]!r} — {f['message'][:80]}")
        for a in anns:
            if any(overlaps(f, a) for f in findings):
                if not args.misses and not args.false:
                    lines.append(f"  hit   {a['category']:18s} {a['text'][:70]!r}")
            elif not args.false:
                lines.append(f"  MISS  {a['category']:18s} {a['text'][:70]!r} | {a['note'][:60]}")
        if lines and not args.codes:
            print(f"{r['id']} ({r['label']}, {r.get('site') or r['url'][:40]})")
            print("\n".join(lines))
    if args.codes:
        for code in sorted(set(hits) | set(false)):
            print(f"{code}  hits {hits[code]:3d}  false {false[code]:3d}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
