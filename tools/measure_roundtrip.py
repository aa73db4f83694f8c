"""Measure what the round trip says about real articles: document means, segment outliers, MT vs native.

Reads ../shared/data at run time (never copied into the project) and prints figures only.
    python tools/measure_roundtrip.py [--engine apertium] [--pivot es]
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path

from tqcheck.checking.check import Settings, check_document
from tqcheck.translation.enginepool import EnginePool
from tqcheck.reading import parse_text

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


def auc(pos, neg):
    if not pos or not neg:
        return float("nan")
    return sum((p > n) + 0.5 * (p == n) for p in pos for n in neg) / (len(pos) * len(neg))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--engine", default="apertium")
    ap.add_argument("--pivot", default="es")
    args = ap.parse_args()
    records = [json.loads(line) for line in open(DATA / "articles_dev" / "articles_dev.jsonl", encoding="utf-8")]
    pool = EnginePool(args.engine)
    doc_means = {"mt": [], "native": []}
    seg_flagged, seg_clean = [], []
    for r in records:
        doc = parse_text(r["id"], r["text"], "text")
        settings = Settings(target_lang="en", source_lang=args.pivot, engine=args.engine, select=["R"])
        report = check_document(doc, settings, pool)
        chrfs = [s.chrf for s in report.segments if s.chrf is not None and len(s.text.split()) >= 6]
        if not chrfs:
            continue
        doc_means[r["label"]].append(statistics.mean(chrfs))
        if r["label"] == "mt":
            for s in report.segments:
                if s.chrf is None or len(s.text.split()) < 6:
                    continue
                hit = any(a["start"] < s.end and s.start < a["end"] for a in r["annotations"])
                (seg_flagged if hit else seg_clean).append(s.chrf)
    pool.close()
    for label, values in doc_means.items():
        print(f"{label:6s} documents {len(values):3d}  mean chrF {statistics.mean(values):.1f}  "
              f"median {statistics.median(values):.1f}")
    print(f"document AUC of mean chrF (MT higher): {auc(doc_means['mt'], doc_means['native']):.3f}")
    print(f"MT segments with an annotation: {len(seg_flagged)} mean chrF {statistics.mean(seg_flagged):.1f}; "
          f"clean: {len(seg_clean)} mean {statistics.mean(seg_clean):.1f}")
    print(f"segment AUC of low chrF for annotated segments: {auc([-x for x in seg_flagged], [-x for x in seg_clean]):.3f}")


if __name__ == "__main__":
    sys.exit(main())
