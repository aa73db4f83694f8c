"""Score tqcheck on the studied corpus with the shared scorer: the studied part and the scored-only part, reported apart.

    python tools/measure_corpus.py                 # both splits, --engine none and the default engine
    python tools/measure_corpus.py --split study --engine none
    python tools/measure_corpus.py --split score --codes   # per detector code: findings matched / unmatched

Each split's records (eval/corpus/<split>_*.jsonl) are joined into one temporary file and passed to
../shared/eval/score.py --set dev --articles FILE, with exactly the command EVALUATION.md prescribes.
Only the scorer's summary figures are printed for the scored part: its texts and misses stay unread.
--codes adds the same matching counted code by code (numbers only, no text, no spans), so that a change
made on studied evidence can be checked not to lose precision on the scored part.
"""
from __future__ import annotations

import argparse
import glob
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCORER = ROOT.parent / "shared" / "eval" / "score.py"
COMMAND = "tqcheck check --format json --fail-on never --target-lang en"


def summary(split: str, engine: str | None) -> dict:
    records = [line for name in sorted(glob.glob(str(ROOT / "eval" / "corpus" / f"{split}_*.jsonl")))
               for line in Path(name).read_text(encoding="utf-8").splitlines() if line.strip()]
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as joined:
        joined.write("\n".join(records) + "\n")
    cmd = COMMAND + (f" --engine {engine}" if engine else "")
    proc = subprocess.run([sys.executable, str(SCORER), "--set", "dev", "--articles", joined.name, "--cmd", cmd],
                          capture_output=True, text=True, check=True)
    Path(joined.name).unlink()
    lines = proc.stdout.splitlines()
    result = json.loads(lines[-1].removeprefix("SUMMARY "))["articles"]
    result["per_category"] = [line.strip() for line in lines if line.startswith("recall ") and "/" in line]
    return result


def median_counted_span(split: str) -> float:
    """The median length in characters of the findings that count (warning, error) on a split."""
    import statistics

    records = [json.loads(line) for name in sorted(glob.glob(str(ROOT / "eval" / "corpus" / f"{split}_*.jsonl")))
               for line in Path(name).read_text(encoding="utf-8").splitlines() if line.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for r in records:
            paths.append(Path(tmp) / f"{r['id']}.txt")
            paths[-1].write_text(r["text"], encoding="utf-8")
        proc = subprocess.run([sys.executable, "-m", "tqcheck", "check", "--format", "json", "--fail-on", "never",
                               "--target-lang", "en", "--engine", "none", *map(str, paths)],
                              capture_output=True, text=True)
    lengths = [f["end"] - f["start"] for file in json.loads(proc.stdout)["files"] for f in file["findings"]
               if f["severity"] in ("warning", "error")]
    return statistics.median(lengths) if lengths else 0.0


def code_precision(split: str) -> dict[tuple[str, str], tuple[int, int]]:
    """Per label (mt, native) and detector code, how many counted findings on a split match an annotation
    and how many do not."""
    import collections

    sys.path.insert(0, str(ROOT / "tools"))
    from study_report import COUNTED, overlaps, reports, truncated_tail

    records = [json.loads(line) for name in sorted(glob.glob(str(ROOT / "eval" / "corpus" / f"{split}_*.jsonl")))
               for line in Path(name).read_text(encoding="utf-8").splitlines() if line.strip()]
    found = reports(records, "none")
    matched, unmatched = collections.Counter(), collections.Counter()
    for r in records:
        tail = truncated_tail(r)
        anns = [a for a in r["annotations"] if a["start"] < tail]
        for f in found[r["id"]]["findings"]:
            if f["severity"] in COUNTED and f["start"] < tail:
                key = (r["label"], f["code"])
                (matched if any(overlaps(f, a) for a in anns) else unmatched)[key] += 1
    return {key: (matched[key], unmatched[key]) for key in sorted(set(matched) | set(unmatched))}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("study", "score", "both"), default="both")
    parser.add_argument("--engine", choices=("none", "default", "both"), default="both")
    parser.add_argument("--codes", action="store_true",
                        help="only per-code counts of matched and unmatched findings (engine none)")
    args = parser.parse_args(argv)
    splits = ("study", "score") if args.split == "both" else (args.split,)
    if args.codes:
        for split in splits:
            for (label, code), (hit, miss) in code_precision(split).items():
                print(f"{split:5s} {label:6s} {code} {hit:3d} {miss:3d}")
        return 0
    engines = {"none": ["none"], "default": [None], "both": ["none", None]}[args.engine]
    for split in splits:
        for engine in engines:
            r = summary(split, engine)
            print(f"{split:5s} engine={engine or 'default':7s} recall {r['recall']:.3f}  precision {r['precision']:.3f}  "
                  f"native false/1k {r['native_false_per_1k_words']:.2f}  AUC {r['doc_auc']:.3f}  "
                  f"top-5 {r.get('segment_top5_precision', 0):.3f} (base {r.get('segment_base_rate', 0):.3f})")
            for line in r["per_category"]:
                print("      " + line)
        print(f"{split:5s} median counted finding: {median_counted_span(split):.0f} characters")
    return 0


if __name__ == "__main__":
    sys.exit(main())
