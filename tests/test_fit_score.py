"""tools/fit_score.py measures what the shared scorer measures, and its fitting recovers a known direction."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import fit_score  # noqa: E402


def _shared_scorer():
    spec = importlib.util.spec_from_file_location("shared_score", ROOT.parent / "shared" / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_auc_is_the_scorers_pairwise_probability_with_ties_counting_half():
    scorer = _shared_scorer()
    pos, neg = [0.9, 0.4, 0.4, 0.7], [0.4, 0.1, 0.8]
    labels = [1] * len(pos) + [0] * len(neg)
    assert abs(fit_score.auc(pos + neg, labels) - scorer.auc(pos, neg)) < 1e-12


def test_segment_ranking_matches_the_scorers():
    scorer = _shared_scorer()
    scores = [0.2, 0.9, 0.5, 0.5, 0.1, 0.7, 0.3]
    relevant = [1, 0, 1, 1, 0, 1, 0]
    segments = [{"start": i * 10, "end": i * 10 + 9, "score": s} for i, s in enumerate(scores)]
    anns = [{"start": i * 10 + 1, "end": i * 10 + 2} for i, r in enumerate(relevant) if r]
    expected = scorer.segment_ranking(segments, anns, tail=10_000)
    recs = [{"label": "mt", "part": "study"}]
    items = [{"rec": 0, "y": r} for r in relevant]
    got = fit_score.ranking(items, np.array(scores), recs)
    assert np.allclose(got, expected)


def test_logistic_fit_recovers_the_direction_and_the_ridge_shrinks_it():
    x = np.linspace(-2, 2, 41)
    y = (x > 0).astype(float)
    y[[5, 35]] = 1 - y[[5, 35]]  # two errors, so the fit is finite
    noise = np.cos(np.arange(41) * 1.7)  # a feature unrelated to the label
    X = np.column_stack([x, noise])
    b, w = fit_score.fit_logistic(X, y, l2=0.1)
    _, w_strong = fit_score.fit_logistic(X, y, l2=30.0)
    assert w[0] > 1.0 and abs(w[1]) < w[0] / 4
    assert 0 < w_strong[0] < w[0]
    assert abs(b) < 1.0
