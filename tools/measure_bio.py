"""How well each source-aware signal, and their combination, ranks Bio-MQM segments (Kendall τ_b).

Rebuilds the documents of ../shared/data/es_en.jsonl as EVALUATION.md describes (records with
real MT grouped by (system, doc_id) in seg_id order, one paragraph each, white space collapsed;
the Spanish sources likewise; --pair en-es does the same with en_es.jsonl), runs tqcheck
in-process on each pair, and prints τ_b between
−suspicion and the expert `mqm_score` for every signal of `tqcheck.rules.source.segment_signals`
alone (oriented so that higher is more suspicious), for the combined `segment_suspicion`, and for
the segment `score` of the full report (what ../shared/eval/score.py measures). With --findings,
it also prints the share of each code's counted findings that overlap an annotated error span.

    python tools/measure_bio.py [--engine apertium|none] [--pair es-en|en-es] [--limit N] [--findings]
"""
from __future__ import annotations

import argparse
import collections
import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tqcheck.checking.check import Settings, check_document, roundtrip_step  # noqa: E402
from tqcheck.translation.enginepool import EnginePool  # noqa: E402
from tqcheck.reading import parse_text  # noqa: E402
from tqcheck.rules.base import Context  # noqa: E402
from tqcheck.rules.source import pairs, segment_signals, suspicion  # noqa: E402
from tqcheck.text.segment import segment  # noqa: E402

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
# language pair → (file, source field, translation field); en→es keeps its score under human_scores.
PAIRS = {"es-en": ("es_en.jsonl", "src_es", "mt_en"), "en-es": ("en_es.jsonl", "src_en", "mt_es")}
# Signals where a lower value is more suspicious.
LOWER_IS_WORSE = {"forward_chrf", "back_chrf"}


def mqm(record) -> float | None:
    if record.get("mqm_score") is not None:
        return record["mqm_score"]
    return (record.get("human_scores") or {}).get("mqm_score")


def documents(path: Path, source_field: str = "src_es", target_field: str = "mt_en"):
    """[(records, target text, source text, record spans in the target)] as the scorer builds them."""
    docs = collections.defaultdict(list)
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line) if line.strip() else None
            if r and r.get(target_field) and mqm(r) is not None:
                docs[(r["system"], r["doc_id"])].append(r)
    out = []
    for _, rs in sorted(docs.items()):
        rs.sort(key=lambda r: r["seg_id"])
        spans, pos, parts = [], 0, []
        for r in rs:
            t = " ".join(r[target_field].split())
            spans.append((pos, pos + len(t)))
            parts.append(t)
            pos += len(t) + 2
        target = "\n\n".join(parts) + "\n"
        source = "\n\n".join(" ".join(r[source_field].split()) for r in rs) + "\n"
        out.append((rs, target, source, spans))
    return out


def kendall_tau_b(x, y) -> float:
    """τ_b with ties, as ../shared/eval/score.py computes it (vectorised)."""
    x, y = np.asarray(x, float), np.asarray(y, float)
    c = d = tx = ty = 0
    for i in range(len(x) - 1):
        dx, dy = x[i] - x[i + 1:], y[i] - y[i + 1:]
        both = (dx == 0) & (dy == 0)
        tx += int(np.sum((dx == 0) & ~both))
        ty += int(np.sum((dy == 0) & ~both))
        prod = dx * dy
        c += int(np.sum(prod > 0))
        d += int(np.sum(prod < 0))
    den = ((c + d + tx) * (c + d + ty)) ** 0.5
    return (c - d) / den if den else 0.0


def signals_of(doc_t, doc_s, settings, engines):
    """Per target segment: (segment, signals) from the source-aware analysis."""
    segments = segment(doc_t, settings.target_lang)
    ctx = Context(doc_t, segments, settings.target_lang, (settings.source_lang,), source_known=True)
    ctx.source_doc = doc_s
    ctx.source_segments = segment(doc_s, settings.source_lang)
    if settings.engine != "none":
        roundtrip_step(ctx, settings, engines, [], [])
    return segments, segment_signals(ctx, pairs(ctx), research=True)


def _findings_score(report, i) -> float:
    """The segment's score from the findings alone (before the source-aware suspicion is blended in)."""
    from tqcheck.checking.scoring import segment_score

    return segment_score([f for f in report.findings if f.segment == i and f.severity.label != "info"])


def overlaps(spans, a, b):
    return [i for i, (s, e) in enumerate(spans) if s < b and a < e]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--engine", default="apertium", choices=["apertium", "none"])
    ap.add_argument("--pair", default="es-en", choices=sorted(PAIRS), help="es-en is the scored set; en-es for comparison")
    ap.add_argument("--limit", type=int, default=0, help="only the first N documents")
    ap.add_argument("--findings", action="store_true", help="also print each code's precision on the annotations")
    ap.add_argument("--dump", help="write per-record signals as JSON lines here")
    a = ap.parse_args()
    filename, source_field, target_field = PAIRS[a.pair]
    docs = documents(DATA / filename, source_field, target_field)
    if a.limit:
        docs = docs[:a.limit]
    src_lang, tgt_lang = a.pair.split("-")
    settings = Settings(target_lang=tgt_lang, source_lang=src_lang, engine=a.engine)
    engines = EnginePool(a.engine)
    rows = []  # per record: {"mqm", "report", "suspicion", signal: value}
    hits, totals = collections.Counter(), collections.Counter()
    try:
        for rs, target, source, spans in docs:
            segments, signals = signals_of(parse_text("t.txt", target), parse_text("s.txt", source), settings, engines)
            report = check_document(parse_text("t.txt", target), settings, engines, parse_text("s.txt", source))
            seg_spans = [(s.start, s.end) for s in report.segments]
            for (a0, b0), r in zip(spans, rs):
                idx = overlaps(seg_spans, a0, b0)
                row = {"mqm": mqm(r), "report": max((report.segments[i].score for i in idx), default=0.0),
                       "findings": max((_findings_score(report, i) for i in idx), default=0.0)}
                if a.dump:
                    row["segments"] = [signals.get(i, {}) for i in idx]
                values = collections.defaultdict(list)
                for i in idx:
                    for name, v in signals.get(i, {}).items():
                        values[name].append(-v if name in LOWER_IS_WORSE else v)
                    if i in signals:
                        values["suspicion"].append(suspicion(signals[i]))
                for name, vs in values.items():
                    row[name] = max(vs)
                rows.append(row)
            if a.findings:
                for f in report.findings:
                    if f.severity.label == "info" and not f.code.startswith("A"):
                        continue
                    key = f"{f.code}/{f.severity.label}"
                    totals[key] += 1
                    for (a0, b0), r in zip(spans, rs):
                        if f.start < b0 and a0 < f.end:
                            errs = [e for e in r["mt_errors"] if e.get("start") is not None and e["severity"] != "Neutral"]
                            if any(a0 + e["start"] < f.end and f.start < a0 + e["end"] for e in errs):
                                hits[key] += 1
                                break
    finally:
        engines.close()
    if a.dump:
        with open(a.dump, "w", encoding="utf-8") as fh:
            for row in rows:
                fh.write(json.dumps(row) + "\n")
    gold = [r["mqm"] for r in rows]
    names = sorted({k for r in rows for k in r} - {"mqm", "segments"})
    print(f"Bio-MQM {src_lang}→{tgt_lang}, engine {a.engine}: {len(rows)} records in {len(docs)} documents")
    for name in names:
        have = [r for r in rows if name in r]
        default = min((r[name] for r in have), default=0.0)
        values = [r.get(name, default) for r in rows]
        tau = kendall_tau_b([-v for v in values], gold)
        print(f"  τ_b {tau:+.3f}  {name}  (present in {len(have)} records)")
    if a.findings:
        print("precision of counted findings on the annotated error spans:")
        for key in sorted(totals):
            print(f"  {key:18s} {hits[key]:4d}/{totals[key]:<4d} = {hits[key] / totals[key]:.2f}")


if __name__ == "__main__":
    main()
