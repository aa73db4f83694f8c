"""Measure the sentence aligner on reference translations with sentences dropped and inserted.

Documents come from the aligned pairs of ../shared/data/es_en.jsonl (src_es → ref_en) and
en_es.jsonl (src_en → ref_es), grouped by doc_id in seg_id order, one unit per record. In each
translated document every unit is dropped with probability 10 %, and after every position a
unit from another document is inserted with probability 10 % (seeded, never reordered); with
--merge-rate, kept units are also glued to the next one (a 2-1 link). Printed: precision, recall
and F1 of the 1-1 links, of the omissions (dropped units), of the additions (inserted units) and
of the merges, with Apertium's translations, with no engine (anchors), and with lengths alone.

With --join N, every N corrupted documents are joined into one long document (0: all into one),
as the aligner meets in long articles. With --programme, each document is also aligned by the
dynamic programme over the whole document (no anchors fixed first), and the number of documents
whose alignments differ is printed with the programme's own figures.

    python tools/eval_alignment.py [--data DIR] [--seed 13] [--rate 0.1] [--merge-rate 0.05] [--join 10] [--programme]
"""
from __future__ import annotations

import argparse
import collections
import json
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tqcheck.translation.align import align, similarity_for  # noqa: E402

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
SETS = (("es_en.jsonl", "src_es", "ref_en", "es", "en"), ("en_es.jsonl", "src_en", "ref_es", "en", "es"))


def documents(path: Path, source_field: str, target_field: str) -> dict[str, list[tuple[str, str]]]:
    """doc_id → [(source, target)] in seg_id order, each record once (several systems share one)."""
    by_doc: dict[str, dict[int, tuple[str, str]]] = collections.defaultdict(dict)
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            r = json.loads(line)
            if r.get(source_field) and r.get(target_field):
                by_doc[r["doc_id"]][r["seg_id"]] = (" ".join(r[source_field].split()), " ".join(r[target_field].split()))
    return {d: [segs[k] for k in sorted(segs)] for d, segs in sorted(by_doc.items())}


def corrupt(docs: dict[str, list[tuple[str, str]]], rate: float, seed: int, merge_rate: float = 0.0):
    """Per document: (sources, targets, gold 1-1 pairs, gold omissions, gold additions, gold merges).

    With `merge_rate`, a kept target unit is glued to the next one (a 2-1 link) that often."""
    rng = random.Random(seed)
    names = list(docs)
    out = []
    for name in names:
        pairs = docs[name]
        sources = [s for s, _ in pairs]
        targets, gold_pairs, omitted, added, merged = [], set(), set(), set(), set()
        skip_next = False
        for i, (_, t) in enumerate(pairs):
            if skip_next:
                skip_next = False
                continue
            if rng.random() < rate:
                omitted.add(i)
            elif i + 1 < len(pairs) and rng.random() < merge_rate:
                merged.add(((i, i + 1), (len(targets),)))
                targets.append(t + " " + pairs[i + 1][1])
                skip_next = True
            else:
                gold_pairs.add((i, len(targets)))
                targets.append(t)
            if rng.random() < rate:
                other = rng.choice([n for n in names if n != name])
                added.add(len(targets))
                targets.append(rng.choice(docs[other])[1])
        out.append((sources, targets, gold_pairs, omitted, added, merged))
    return out


def join(cases, size: int):
    """Every `size` consecutive corrupted documents as one (all of them with size 0), gold indexes shifted."""
    size = size or len(cases)
    out = []
    for first in range(0, len(cases), size):
        sources, targets, gold_pairs, omitted, added, merged = [], [], set(), set(), set(), set()
        for s, t, pairs, om, ad, mg in cases[first:first + size]:
            a, b = len(sources), len(targets)
            sources += s
            targets += t
            gold_pairs |= {(i + a, j + b) for i, j in pairs}
            omitted |= {i + a for i in om}
            added |= {j + b for j in ad}
            merged |= {(tuple(i + a for i in ss), tuple(j + b for j in tt)) for ss, tt in mg}
        out.append((sources, targets, gold_pairs, omitted, added, merged))
    return out


def prf(predicted: set, gold: set) -> tuple[float, float, float]:
    tp = len(predicted & gold)
    p = tp / len(predicted) if predicted else 1.0
    r = tp / len(gold) if gold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def translations(units: list[str], source: str, target: str) -> dict[str, str]:
    from tqcheck.translation.cache import TranslationCache, cached_translate
    from tqcheck.translation.engines.apertium import ApertiumEngine

    engine = ApertiumEngine()
    try:
        with TranslationCache() as cache:
            return dict(zip(units, cached_translate(engine, units, source, target, cache)))
    finally:
        engine.close()


def evaluate(cases, pair, mode: str, back=None, forward=None, anchored: bool = True) -> dict:
    totals = {k: [set(), set()] for k in ("1-1", "omission", "addition", "merge")}
    links = []
    started = time.perf_counter()
    for d, (sources, targets, gold_pairs, omitted, added, merged) in enumerate(cases):
        if mode == "apertium":
            sim = similarity_for(sources, targets, [back[t] for t in targets], [forward[s] for s in sources])
        elif mode == "none":
            sim = similarity_for(sources, targets)
        else:
            sim = None
        result = align(sources, targets, sim, pair, anchored=anchored)
        links.append([(link.source, link.target) for link in result.links])
        tag = lambda xs: {(d, x) for x in xs}  # noqa: E731
        totals["1-1"][0] |= tag((link.source[0], link.target[0]) for link in result.links if link.kind == "1-1")
        totals["1-1"][1] |= tag(gold_pairs)
        totals["omission"][0] |= tag(i for link in result.omissions for i in link.source)
        totals["omission"][1] |= tag(omitted)
        totals["addition"][0] |= tag(j for link in result.additions for j in link.target)
        totals["addition"][1] |= tag(added)
        totals["merge"][0] |= tag((link.source, link.target) for link in result.links if link.kind in ("2-1", "1-2"))
        totals["merge"][1] |= tag(merged)
    seconds = time.perf_counter() - started
    return {k: prf(*v) + (len(v[1]),) for k, v in totals.items()} | {"seconds": seconds, "links": links}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=str(DATA))
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--rate", type=float, default=0.1)
    ap.add_argument("--merge-rate", type=float, default=0.0, help="also glue target units in pairs this often")
    ap.add_argument("--modes", default="apertium,none,lengths")
    ap.add_argument("--join", type=int, default=1, help="join every N corrupted documents into one (0: all)")
    ap.add_argument("--programme", action="store_true", help="compare with the programme over whole documents")
    a = ap.parse_args()
    summary = {}
    for filename, source_field, target_field, src, tgt in SETS:
        docs = documents(Path(a.data) / filename, source_field, target_field)
        cases = join(corrupt(docs, a.rate, a.seed, a.merge_rate), a.join)
        back = forward = None
        if "apertium" in a.modes:
            back = translations(sorted({t for c in cases for t in c[1]}), tgt, src)
            forward = translations(sorted({s for c in cases for s in c[0]}), src, tgt)
        n_units = sum(len(c[0]) for c in cases)
        print(f"{src}→{tgt}: {len(cases)} documents, {n_units} source units")
        shown = ("1-1", "omission", "addition") + (("merge",) if a.merge_rate else ())
        for mode in a.modes.split(","):
            res = evaluate(cases, (src, tgt), mode, back, forward)
            summary[f"{src}-{tgt}/{mode}"] = res
            print(f"  {mode:9s} {_line(res, shown)}")
            if a.programme and mode != "lengths":  # without a similarity nothing is anchored
                whole = evaluate(cases, (src, tgt), mode, back, forward, anchored=False)
                differ = sum(x != y for x, y in zip(res["links"], whole["links"]))
                print(f"  {'programme':9s} {_line(whole, shown)}; differs in {differ} of {len(cases)} documents")
    print("SUMMARY " + json.dumps({k: {m: round(v[m][2], 4) for m in ("1-1", "omission", "addition")}
                                   for k, v in summary.items()}, sort_keys=True))


def _line(res: dict, shown) -> str:
    parts = [f"{k} P {p:.3f} R {r:.3f} F1 {f:.3f} (n={n})" for k, (p, r, f, n) in ((k, res[k]) for k in shown)]
    return " | ".join(parts) + f"  [{res['seconds']:.1f} s]"


if __name__ == "__main__":
    main()
