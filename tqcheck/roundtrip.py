"""Back-translation of every segment into the source language and back, scored with chrF."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
# Words this short or this common say nothing about meaning drift.
MIN_DRIFT_WORD = 4


@dataclass
class RoundTrip:
    backtranslation: str
    round_trip: str
    chrf: float
    unknown: list[str] = field(default_factory=list)  # words the engine did not know, going out
    drift: list[str] = field(default_factory=list)  # words of the segment missing from the round trip


@lru_cache(maxsize=1)
def _chrf():
    from sacrebleu.metrics import CHRF

    return CHRF()


def chrf_signature() -> str:
    metric = _chrf()
    metric.sentence_score("a", ["a"])  # sacrebleu fills the signature's reference count on first use
    return str(metric.get_signature())


def sentence_chrf(hypothesis: str, reference: str) -> float:
    return _chrf().sentence_score(hypothesis, [reference]).score


def translate_round_trip(engine, texts: list[str], target: str, pivot: str, cache=None) -> list[RoundTrip]:
    """Translate `texts` (in `target`) into `pivot` and back, in two batches, through the cache."""
    from tqcheck.cache import cached_translate, cached_translate_detailed

    from tqcheck.engines.base import Engine

    if type(engine).translate_batch_detailed is not Engine.translate_batch_detailed:
        outward = cached_translate_detailed(engine, texts, target, pivot, cache)
    else:  # engines that cannot tell which words they did not know (Argos)
        outward = [(t, []) for t in cached_translate(engine, texts, target, pivot, cache)]
    back_texts = [t for t, _ in outward]
    returned = cached_translate(engine, back_texts, pivot, target, cache)
    results = []
    for text, (back, unknown), again in zip(texts, outward, returned):
        results.append(RoundTrip(back, again, sentence_chrf(again, text), list(unknown), drift_words(text, again)))
    return results


def drift_words(original: str, round_trip: str) -> list[str]:
    """Content words of the original that the round trip lost, in order, once each."""
    kept = {w.lower() for w in _WORD.findall(round_trip)}
    out = []
    for w in _WORD.findall(original):
        if len(w) >= MIN_DRIFT_WORD and w.lower() not in kept and w not in out:
            out.append(w)
    return out
