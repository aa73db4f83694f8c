"""Suspicion scores from 0 to 1 for segments and files.

For English, both come from small logistic models (tqcheck/data/en/score_model.toml, written by
tools/fit_score.py) over the features of tqcheck/checking/features.py: the document's style
(function words, reporting verbs, contractions, quotes, sentence lengths, punctuation), its findings
per family and, when an engine ran, its round-trip chrF. Each feature is a rate shrunk towards
native English by a pseudo-count, so a short text leans native, then standardised and clipped, so
an odd file cannot push one feature far beyond what the model was fitted on. Other target
languages, for which no style model exists, keep the finding-density score below.
"""
from __future__ import annotations

import math
from functools import lru_cache

from tqcheck.data import langdata
from tqcheck.finding import Finding, Severity

# How much one finding raises suspicion; info findings are hints and do not count.
WEIGHT = {Severity.ERROR: 0.6, Severity.WARNING: 0.4, Severity.INFO: 0.0}
# Weighted findings per 100 words at which a file reaches a score of about 0.63.
FILE_SCALE = 1.0
# A standardised feature counts at most this many standard deviations from the training mean.
CLIP = 4.0
# Boilerplate (B1xx) shows that a page was scraped, not that it was translated: native news pages
# carry the same share buttons, ad labels and credits, so in a file's score it weighs a quarter.
SCRAPE_SHARE = 0.25


def segment_score(findings: list[Finding]) -> float:
    """Without a model: 1 − ∏(1 − w), any serious finding makes the segment suspicious, several more so."""
    if not findings:
        return 0.0  # one shared float for the many clean sentences of a large file
    keep = 1.0
    for f in findings:
        keep *= 1.0 - WEIGHT[f.severity]
    return 1.0 - keep


def file_score(findings: list[Finding], n_words: int) -> float:
    """Without a model: the saturating density of weighted findings per 100 words (boilerplate at a quarter)."""
    weight = sum(WEIGHT[f.severity] * (SCRAPE_SHARE if f.code.startswith("B1") else 1.0) for f in findings)
    density = weight / max(n_words, 1) * 100
    return 1.0 - math.exp(-density / FILE_SCALE)


@lru_cache(maxsize=None)
def model(level: str, engine: str | None = None, target: str = "en") -> dict | None:
    """The fitted model for `level` ("document" or "segment") of a run with `engine`'s round trip, or None.

    The round-trip model is fitted on one engine's chrF (its `engine` key): another engine's chrF has
    another scale, so a run with it uses the engine-less model instead.
    """
    table = langdata.load(target, "score_model.toml").get(level, {})
    fitted = table.get("engine")
    if engine and fitted is not None and fitted.get("engine", engine) == engine:
        return fitted
    return table.get("none")


def shaped(spec: dict, pair: tuple[float, float]) -> float:
    """A feature's (numerator, denominator) as a rate shrunk towards its prior, then log1p'd or square-rooted."""
    num, den = pair
    pseudo, prior = spec.get("pseudo", 0.0), spec.get("prior", 0.0)
    x = (num + prior * pseudo) / (den + pseudo) if den + pseudo > 0 else prior
    transform = spec.get("transform", "identity")
    if transform == "log":
        return math.log1p(max(x, 0.0))
    if transform == "sqrt":
        return math.sqrt(max(x, 0.0))
    return x


def feature_value(spec: dict, pair: tuple[float, float]) -> float:
    """The shaped feature standardised by the training mean and scale, clipped to ±CLIP."""
    z = (shaped(spec, pair) - spec.get("mean", 0.0)) / (spec.get("scale") or 1.0)
    return max(-CLIP, min(CLIP, z))


def apply(m: dict, features: dict[str, tuple[float, float]]) -> float:
    """The model's probability for these features (a feature it does not know is ignored)."""
    logit = m.get("intercept", 0.0)
    for spec in m.get("features", ()):
        pair = features.get(spec["name"])
        if pair is not None:
            logit += spec["weight"] * feature_value(spec, pair)
    if logit >= 0:
        return 1.0 / (1.0 + math.exp(-logit))
    e = math.exp(logit)
    return e / (1.0 + e)
