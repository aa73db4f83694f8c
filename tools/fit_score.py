"""Fit the suspicion models (document and segment, with and without an engine) and write tqcheck/data/en/score_model.toml.

    python tools/fit_score.py                    # fit, report cross-validated figures, write the model file
    python tools/fit_score.py --engine none      # only the engine-less models (keeps the others as they are)
    python tools/fit_score.py --dry-run          # figures only, nothing written

Training data: the studied corpus (eval/corpus/study_*.jsonl, never the scored part), the dev articles
(../shared/data/articles_dev, site = the URL's host) and, as extra native documents, the native English
news of ../shared/data/native_en.jsonl (read at fit time, never copied; see eval/training/README.md).
Every record is checked in-process by this worktree's tqcheck, so features are exactly those a run
computes (tqcheck/checking/features.py), findings of every detector included: rerun this after
detectors change.

Cross-validation leaves whole sites out (every record of one site is held out together), feature
selection included. Documents: inside each fold a feature is kept only when it separates MT from native
in the same direction on every part of the training data that has both (studied corpus, dev articles),
so a feature that separates only one part is dropped; a strong ridge penalty then weighs the kept ones.
Segments: the findings' suspicion and the sentence's length, then any feature that raises the
cross-validated ranking. Reported: each feature's AUC per part, the model's cross-validated document
ROC AUC on the real articles, and for segments the top-5 precision and mean average precision of each
MT article's ranking (as ../shared/eval/score.py computes them).
Needs numpy (fitting only; tqcheck's run time does not).
"""
from __future__ import annotations

import argparse
import glob
import json
import re
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from corpus_guard import site_of

DEV = ROOT.parent / "shared" / "data" / "articles_dev" / "articles_dev.jsonl"
MODEL_FILE = ROOT / "tqcheck" / "data" / "en" / "score_model.toml"

# How each document feature is shrunk and transformed: (pseudo-count in the denominator's unit, transform).
# Rates over words shrink by 100 words, rates over sentences by 3 sentences, shares by 2 cases,
# finding densities (per 100 words) by half a hundred words, then log1p.
DOC_SHAPE = {
    "the": (100, "identity"), "of_the": (100, "identity"), "that": (100, "identity"),
    "which": (100, "identity"), "its": (100, "identity"), "also": (100, "identity"),
    "contractions": (100, "sqrt"), "commas": (100, "identity"), "colons": (100, "identity"),
    "parens": (100, "sqrt"), "this_weekday": (3, "sqrt"), "chain": (3, "sqrt"), "speech_that": (3, "sqrt"),
    "other_speech": (3, "sqrt"), "said_share": (2, "identity"), "curly_share": (2, "identity"),
    "guillemet_share": (2, "identity"), "sentence_mean": (3, "identity"), "sentence_sd": (3, "sqrt"),
    "chrf": (1, "identity"),
}
FINDING_SHAPE = (0.5, "log")
# Features a record whose typography was normalised cannot tell (they fall back to the prior).
TYPOGRAPHY = ("curly_share", "guillemet_share")
SEG_SHAPE_DEFAULT = (0, "log")
SEG_SHAPE = {"log_words": (0, "identity"), "chrf": (0, "identity"), "findings": (0, "identity")}
MARGIN = 0.0   # a kept feature separates MT from native in the same direction on every part (AUC on the same side of 0.5)
DOC_L2 = 30.0  # ridge penalty on standardised weights (documents: few examples, many correlated features: a strong one)
SEG_L2 = 1.0
MIN_GAIN = 0.01  # a segment feature enters only when it raises the cross-validated MAP by this much (about its noise)
# Every segment model starts from the findings' own suspicion (any counted finding, errors weighing
# more than warnings) and the sentence's length (a longer sentence has more room for a slip).
SEG_SEED = ("findings", "log_words")


# -- data ---------------------------------------------------------------------------------------------

def load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def records(native_en: bool = True, flores: bool = False) -> list[dict]:
    out = []
    for name in sorted(glob.glob(str(ROOT / "eval" / "corpus" / "study_*.jsonl"))):
        out += [dict(r, part="study") for r in load(Path(name))]
    out += [dict(r, part="dev", site=site_of(r["url"])) for r in load(DEV)]
    out += extra_records(native_en, flores)
    for r in out:
        assert r.get("split", "study") != "score", "the scored part is never trained on"
    return out


SHARED = ROOT.parent / "shared" / "data"
CHUNK_WORDS = 250  # FLORES documents are 3-5 sentences: several are joined to an article's length


def extra_records(native_en: bool, flores: bool) -> list[dict]:
    """Training texts read or made at fit time from ../shared/data (never stored in the project; eval/training/README.md).

    - native_en (default): the native English news documents of native_en.jsonl, rebuilt as the shared
      scorer rebuilds them (site: the outlet named in the document id);
    - flores (off: it did not help, see the README): FLORES-200 wikinews documents of es_en.jsonl, joined
      into chunks of about CHUNK_WORDS words; the Spanish side translated by Apertium (spa-eng) is
      labelled MT, the English original native, and both share a site so they are held out together.
    """
    out = []
    if not native_en:
        return out + (_flores_records() if flores else [])
    docs: dict[str, list[dict]] = {}
    for r in load(SHARED / "native_en.jsonl"):
        docs.setdefault(r["doc_id"], []).append(r)
    for doc_id, segs in sorted(docs.items()):
        segs.sort(key=lambda s: s["seg_in_doc"])
        joiner = "\n\n" if segs[0].get("unit") == "paragraph" else " "
        outlet = doc_id.split(":", 1)[-1].rsplit(".", 1)[0]
        # WMT's builders normalised the typography (straight quotes and apostrophes only), so
        # these documents say nothing about quote styles: their quote features are left unknown.
        out.append({"id": "native_en:" + doc_id, "site": "native_en:" + outlet, "label": "native",
                    "typography": False, "truncated": False, "text": joiner.join(s["text"] for s in segs), "part": "native_en",
                    "annotations": []})
    return out + (_flores_records() if flores else [])


def _flores_records() -> list[dict]:
    out = []
    flores: dict[str, list[dict]] = {}
    for r in load(SHARED / "es_en.jsonl"):
        if "FLORES" in r.get("source_dataset", ""):
            flores.setdefault(r["doc_id"], []).append(r)
    chunks, chunk, words = [], [], 0
    for doc_id in sorted(flores):
        chunk += sorted(flores[doc_id], key=lambda r: r["seg_id"])
        words += sum(len(r["ref_en"].split()) for r in flores[doc_id])
        if words >= CHUNK_WORDS:
            chunks.append(chunk)
            chunk, words = [], 0
    if not chunks:
        return out
    from tqcheck.translation.engines.apertium import ApertiumEngine

    engine = ApertiumEngine()
    spanish = [r["src_es"] for c in chunks for r in c]
    english = iter(engine.translate_batch(spanish, "es", "en"))
    for k, c in enumerate(chunks):
        site = f"flores:{k}"
        mt = " ".join(next(english) for _ in c)
        out.append({"id": f"flores-apertium:{k}", "site": site, "label": "mt", "truncated": False,
                    "text": mt, "part": "flores", "annotations": []})
        out.append({"id": f"flores-native:{k}", "site": site, "label": "native", "truncated": False,
                    "text": " ".join(r["ref_en"] for r in c), "part": "flores", "annotations": []})
    return out


def tail_of(record: dict) -> int:
    """Where a truncated record's unfinished last sentence starts, as the shared scorer finds it."""
    if not record.get("truncated"):
        return len(record["text"])
    ends = list(re.finditer(r"[.!?…][\"”’)\]]*(?=\s)", record["text"]))
    return ends[-1].end() if ends else 0


def extract(recs: list[dict], engine: str) -> tuple[list[dict], list[dict]]:
    """Per record: its document features; per segment: its features, label, record index."""
    from tqcheck.checking import features
    from tqcheck.checking.check import Settings, check_document
    from tqcheck.finding import Severity
    from tqcheck.reading import parse_text

    engines = None
    if engine != "none":
        from tqcheck.translation.enginepool import EnginePool
        engines = EnginePool(engine)
    docs, segs = [], []
    settings = Settings(target_lang="en", engine=engine)
    for i, r in enumerate(recs):
        doc = parse_text(f"{r['id']}.txt", r["text"], "text")
        report = check_document(doc, settings, engines)
        counted = [f for f in report.findings if f.severity >= Severity.WARNING]
        tail = tail_of(r)
        anns = [a for a in r.get("annotations", []) if a["start"] < tail]

        def on_segment(seg, found, i=i, tail=tail, anns=anns):
            if seg.start < tail:
                relevant = any(seg.start < a["end"] and a["start"] < seg.end for a in anns)
                segs.append({"rec": i, "features": found, "y": int(relevant)})

        found = features.describe(report.segments, counted, on_segment)
        if r.get("typography") is False:
            found.update({name: (0, 0) for name in TYPOGRAPHY})
        docs.append({"rec": i, "features": found, "y": int(r["label"] == "mt")})
    if engines is not None:
        engines.close()
    return docs, segs


# -- the model ----------------------------------------------------------------------------------------

def shape_of(level: str, name: str) -> tuple[float, str]:
    if level == "document":
        return FINDING_SHAPE if name.startswith("find_") else DOC_SHAPE[name]
    return SEG_SHAPE.get(name, SEG_SHAPE_DEFAULT)


def raw_matrix(items: list[dict], names: list[str], level: str, priors: dict[str, float]) -> np.ndarray:
    """Each feature shrunk by its pseudo-count towards its prior, then transformed (not yet standardised)."""
    from tqcheck.checking.scoring import shaped

    specs = [spec_for(level, n, priors) for n in names]
    return np.array([[shaped(spec, it["features"][spec["name"]]) for spec in specs] for it in items])


def spec_for(level: str, name: str, priors: dict[str, float]) -> dict:
    pseudo, transform = shape_of(level, name)
    return {"name": name, "pseudo": pseudo, "prior": priors[name], "transform": transform}


def priors_from(items: list[dict], names: list[str], native_only: bool) -> dict[str, float]:
    """Each feature's pooled rate over the reference items (native documents, or all segments)."""
    ref = [it for it in items if not native_only or it["y"] == 0] or items
    out = {}
    for n in names:
        num = sum(it["features"][n][0] for it in ref)
        den = sum(it["features"][n][1] for it in ref)
        out[n] = num / den if den else 0.0
    return out


def auc(scores, labels) -> float:
    pos = [s for s, y in zip(scores, labels) if y]
    neg = [s for s, y in zip(scores, labels) if not y]
    if not pos or not neg:
        return float("nan")
    order = np.argsort(np.concatenate([pos, neg]), kind="mergesort")
    allv = np.concatenate([pos, neg])[order]
    ranks = np.empty(len(allv))
    i = 0
    while i < len(allv):  # average ranks over ties
        j = i
        while j + 1 < len(allv) and allv[j + 1] == allv[i]:
            j += 1
        ranks[i:j + 1] = (i + j) / 2 + 1
        i = j + 1
    r = np.empty(len(allv))
    r[order] = ranks
    return float((r[:len(pos)].sum() - len(pos) * (len(pos) + 1) / 2) / (len(pos) * len(neg)))


def fit_logistic(X: np.ndarray, y: np.ndarray, l2: float, weights: np.ndarray | None = None) -> tuple[float, np.ndarray]:
    """Ridge-penalised logistic regression by Newton's method (intercept not penalised)."""
    n, d = X.shape
    w_obs = np.ones(n) if weights is None else weights
    A = np.hstack([np.ones((n, 1)), X])
    beta = np.zeros(d + 1)
    pen = np.full(d + 1, l2)
    pen[0] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-A @ beta))
        g = A.T @ (w_obs * (p - y)) + pen * beta
        H = (A * (w_obs * p * (1 - p))[:, None]).T @ A + np.diag(pen + 1e-9)
        step = np.linalg.solve(H, g)
        beta -= step
        if np.abs(step).max() < 1e-8:
            break
    return float(beta[0]), beta[1:]


def select(items: list[dict], recs: list[dict], X: np.ndarray, names: list[str], level: str) -> list[int]:
    """Features whose AUC points the same way, by at least MARGIN, on every part of the training data."""
    keep = []
    parts = sorted({recs[it["rec"]]["part"] for it in items})
    y = np.array([it["y"] for it in items])
    overall = [auc(X[:, j], y) for j in range(len(names))]
    for j in range(len(names)):
        if not np.isfinite(overall[j]) or np.std(X[:, j]) == 0:
            continue
        sign = 1 if overall[j] >= 0.5 else -1
        ok = True
        for part in parts:
            idx = [k for k, it in enumerate(items) if recs[it["rec"]]["part"] == part]
            a = auc(X[idx, j], y[idx])
            if not np.isfinite(a):
                continue  # a part with one class only (e.g. MT-only segments of native) says nothing
            if sign * (a - 0.5) < MARGIN:
                ok = False
        if ok:
            keep.append(j)
    return keep


def train(items: list[dict], recs: list[dict], names: list[str], level: str, l2: float, choose: bool = True) -> dict:
    """A model (as the data file stores it) fitted on these items; `choose`: select features first."""
    priors = priors_from(items, names, native_only=(level == "document"))
    X = raw_matrix(items, names, level, priors)
    y = np.array([it["y"] for it in items], dtype=float)
    mean, scale = X.mean(axis=0), X.std(axis=0)
    scale[scale == 0] = 1.0
    Z = np.clip((X - mean) / scale, -4, 4)
    keep = select(items, recs, Z, names, level) if choose else list(range(len(names)))
    # Documents: the two classes weigh the same, and within a class every part that has it weighs
    # the same, so the many native_en documents neither swamp the real articles nor set the intercept.
    w = np.ones(len(items))
    if level == "document":
        for cls in (0, 1):
            parts = {recs[it["rec"]]["part"] for it in items if it["y"] == cls}
            for part in parts:
                idx = [k for k, it in enumerate(items) if recs[it["rec"]]["part"] == part and it["y"] == cls]
                w[idx] = len(items) / (2 * len(parts) * len(idx))
    if keep:
        b, coef = fit_logistic(Z[:, keep], y, l2, w)
    else:
        b, coef = fit_logistic(np.zeros((len(items), 0)), y, l2, w)
    feats = []
    for j, c in zip(keep, coef):
        spec = spec_for(level, names[j], priors)
        spec.update(mean=float(mean[j]), scale=float(scale[j]), weight=float(c))
        feats.append(spec)
    return {"intercept": b, "features": feats}


def predict(model: dict, items: list[dict]) -> np.ndarray:
    from tqcheck.checking.scoring import apply
    return np.array([apply(model, it["features"]) for it in items])


def cross_validate(items: list[dict], recs: list[dict], names: list[str], level: str, l2: float,
                   choose: bool = True) -> np.ndarray:
    """Out-of-fold predictions, leaving one site out at a time."""
    sites = sorted({recs[it["rec"]]["site"] for it in items})
    out = np.zeros(len(items))
    for site in sites:
        test = [k for k, it in enumerate(items) if recs[it["rec"]]["site"] == site]
        train_items = [it for it in items if recs[it["rec"]]["site"] != site]
        model = train(train_items, recs, names, level, l2, choose)
        out[test] = predict(model, [items[k] for k in test])
    return out


def forward_select(items: list[dict], recs: list[dict], names: list[str], l2: float, seed=()) -> list[str]:
    """Segment features added one at a time, after `seed`, while they raise the leave-site-out MAP of MT
    articles' rankings.

    The segment level has the data for it (hundreds of segments) but not for many weights: function-word
    counts grow with a sentence's length and mostly repeat it, so they enter only when they add.
    """
    priors = priors_from(items, names, native_only=False)
    X = raw_matrix(items, names, "segment", priors)
    scale = X.std(axis=0)
    scale[scale == 0] = 1.0
    Z = np.clip((X - X.mean(axis=0)) / scale, -4, 4)
    y = np.array([it["y"] for it in items], dtype=float)
    sites = np.array([recs[it["rec"]]["site"] for it in items])
    mt = np.array([recs[it["rec"]]["label"] == "mt" for it in items])
    folds = [(np.where(sites != s)[0], np.where(sites == s)[0]) for s in sorted(set(sites[mt]))]
    def cv_map(cols: list[int]) -> float:
        oof = np.zeros(len(items))
        for tr, te in folds:
            b, c = fit_logistic(Z[np.ix_(tr, cols)], y[tr], l2)
            oof[te] = Z[np.ix_(te, cols)] @ c + b
        return ranking(items, oof, recs)[0]

    chosen = [names.index(n) for n in seed]
    best = cv_map(chosen)
    print(f"  {' + '.join(seed):28s} cross-validated MAP {best:.3f}")
    while len(chosen) < len(names):
        trials = {j: cv_map(chosen + [j]) for j in range(len(names)) if j not in chosen and np.std(Z[:, j]) > 0}
        if not trials:
            break
        j = max(trials, key=trials.get)
        if trials[j] < best + MIN_GAIN:
            break
        chosen.append(j)
        best = trials[j]
        print(f"  + {names[j]:14s} cross-validated MAP {best:.3f}")
    return [names[j] for j in chosen]


def ranking(items: list[dict], scores: np.ndarray, recs: list[dict], part: str | None = None):
    """(MAP, top-5 precision, base rate) over MT articles, as the shared scorer ranks segments."""
    by_rec: dict[int, list[tuple[float, int]]] = {}
    for it, s in zip(items, scores):
        r = recs[it["rec"]]
        if r["label"] == "mt" and (part is None or r["part"] == part):
            by_rec.setdefault(it["rec"], []).append((s, it["y"]))
    aps, tops, bases = [], [], []
    for rows in by_rec.values():
        rel = [y for _, y in rows]
        if not any(rel):
            continue
        order = sorted(range(len(rows)), key=lambda i: -rows[i][0])
        hits, ap = 0, 0.0
        for rank, i in enumerate(order, 1):
            if rel[i]:
                hits += 1
                ap += hits / rank
        aps.append(ap / sum(rel))
        tops.append(sum(rel[i] for i in order[:5]) / len(order[:5]))
        bases.append(sum(rel) / len(rel))
    n = max(len(aps), 1)
    return sum(aps) / n, sum(tops) / n, sum(bases) / n


# -- the report and the file --------------------------------------------------------------------------

def feature_table(items, recs, names, level, model, parts) -> None:
    """Each feature's AUC alone, per part and over all, and its weight in the model (— when not kept)."""
    X = raw_matrix(items, names, level, priors_from(items, names, native_only=(level == "document")))
    y = np.array([it["y"] for it in items])
    kept = {f["name"]: f["weight"] for f in model["features"]}
    what = "MT vs native" if level == "document" else "segment holds an annotation"
    print(f"{'feature':16s} " + " ".join(f"{p:>9s}" for p in parts) + f" {'all':>6s}  weight   (AUC: {what})")
    for j, n in enumerate(names):
        cells = []
        for p in parts:
            idx = [k for k, it in enumerate(items) if recs[it["rec"]]["part"] == p]
            cells.append(f"{auc(X[idx, j], y[idx]):9.2f}")
        w = f"{kept[n]:+.2f}" if n in kept else "  —"
        print(f"{n:16s} " + " ".join(cells) + f" {auc(X[:, j], y):6.2f}  {w}")


def report_documents(docs, recs, names, model, oof, engine):
    parts = sorted({r["part"] for r in recs})
    print(f"\n== document model, engine {engine}: {len(docs)} documents "
          f"({sum(d['y'] for d in docs)} MT), {len({r['site'] for r in recs})} sites")
    feature_table(docs, recs, names, "document", model, parts)
    y = np.array([d["y"] for d in docs])
    cells = []
    for p in parts:
        idx = [k for k, d in enumerate(docs) if recs[d["rec"]]["part"] == p]
        cells.append(f"{p} {auc(oof[idx], y[idx]):.3f}")
    real = [k for k, d in enumerate(docs) if recs[d["rec"]]["part"] in ("study", "dev")]
    print(f"cross-validated (leave one site out) document ROC AUC: all {auc(oof, y):.3f}; real articles "
          f"{auc(oof[real], y[real]):.3f}; " + "; ".join(cells))
    return auc(oof[real], y[real])


def report_segments(segs, recs, names, model, oof, engine):
    print(f"\n== segment model, engine {engine}: {len(segs)} segments "
          f"({sum(s['y'] for s in segs)} holding an annotation)")
    feature_table(segs, recs, names, "segment", model, ("dev", "study"))
    for part in (None, "study", "dev"):
        m, t, b = ranking(segs, oof, recs, part)
        print(f"cross-validated segment ranking on MT articles ({part or 'all real'}): MAP {m:.3f}, "
              f"top-5 precision {t:.3f} (base rate {b:.3f})")


def toml_model(model: dict) -> str:
    lines = [f"intercept = {model['intercept']:.6f}", "features = ["]
    if model.get("engine"):
        lines.insert(0, f'engine = "{model["engine"]}"  # the engine whose chrF it was fitted on')
    for f in model["features"]:
        lines.append(f'  {{ name = "{f["name"]}", weight = {f["weight"]:.6f}, mean = {f["mean"]:.6f}, '
                     f'scale = {f["scale"]:.6f}, prior = {f["prior"]:.6f}, pseudo = {f["pseudo"]}, '
                     f'transform = "{f["transform"]}" }},')
    lines.append("]")
    return "\n".join(lines)


def write(models: dict, figures: dict) -> None:
    old = {}
    if MODEL_FILE.exists():
        import tomllib
        old = tomllib.loads(MODEL_FILE.read_text(encoding="utf-8"))
    out = ["# The suspicion models, written by tools/fit_score.py: do not edit by hand, rerun the tool.",
           "# score = σ(intercept + Σ weight · clip((shaped rate − mean) / scale, ±4)), where the shaped rate",
           "# is (numerator + prior · pseudo) / (denominator + pseudo), then log1p or sqrt when `transform` says.",
           "# Cross-validated figures (leave one site out) at the time of fitting:"]
    out += [f"#   {k}: {v}" for k, v in sorted(figures.items())]
    for level in ("document", "segment"):
        for engine in ("none", "engine"):
            model = models.get((level, engine))
            if model is None:
                model = old.get(level, {}).get(engine)
            if model is None:
                continue
            out += ["", f"[{level}.{engine}]", toml_model(model)]
    MODEL_FILE.write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"\nwrote {MODEL_FILE.relative_to(ROOT)}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--engine", choices=("none", "apertium", "both"), default="both")
    ap.add_argument("--dry-run", action="store_true")
    ap.add_argument("--no-native-en", action="store_true", help="leave out the native_en documents")
    ap.add_argument("--flores", action="store_true", help="add FLORES wikinews translated by Apertium (MT) and their originals")
    args = ap.parse_args(argv)
    recs = records(native_en=not args.no_native_en, flores=args.flores)
    models, figures = {}, {}
    for engine in (("none", "apertium") if args.engine == "both" else (args.engine,)):
        key = "none" if engine == "none" else "engine"
        docs, segs = extract(recs, engine)
        names = sorted(docs[0]["features"])
        if engine == "none":
            names = [n for n in names if n != "chrf"]
        model = train(docs, recs, names, "document", DOC_L2)
        oof = cross_validate(docs, recs, names, "document", DOC_L2)
        figures[f"document {key} ROC AUC (real articles)"] = round(report_documents(docs, recs, names, model, oof, engine), 3)
        models[("document", key)] = model
        if key == "engine":
            model["engine"] = engine
        # Segments: the annotated articles only (the extra documents carry no annotations).
        real = [s for s in segs if recs[s["rec"]]["part"] in ("study", "dev")]
        snames = sorted(real[0]["features"])
        if engine == "none":
            snames = [n for n in snames if n != "chrf"]
        print(f"\nsegment features, chosen by leave-site-out MAP (engine {engine}):")
        chosen = forward_select(real, recs, snames, SEG_L2, SEG_SEED)
        smodel = train(real, recs, chosen, "segment", SEG_L2, choose=False)
        soof = cross_validate(real, recs, chosen, "segment", SEG_L2, choose=False)
        report_segments(real, recs, snames, smodel, soof, engine)
        m, t, b = ranking(real, soof, recs)
        figures[f"segment {key} top-5 precision"] = f"{t:.3f} (MAP {m:.3f}, base rate {b:.3f})"
        models[("segment", key)] = smodel
        if key == "engine":
            smodel["engine"] = engine
    if not args.dry_run:
        write(models, figures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
