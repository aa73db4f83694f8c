"""Back-translation of every segment into the source language and back, scored with chrF."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from tqcheck.speed import warmstart

_WORD = warmstart.regex(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
# Words this short or this common say nothing about meaning drift.
MIN_DRIFT_WORD = 4


@dataclass
class RoundTrip:
    backtranslation: str
    round_trip: str
    chrf: float
    unknown: list[str] = field(default_factory=list)  # words the engine did not know, going out
    drift: list[str] = field(default_factory=list)  # words of the segment missing from the round trip


# sacrebleu's chrF defaults, spelled out because they are part of the cache key (_scorer_stamp).
CHRF_SETTINGS = {"char_order": 6, "word_order": 0, "beta": 2}
# The sacrebleu files whose code computes a sentence chrF, and its version.
_SCORER_FILES = ("version.py", "metrics/base.py", "metrics/chrf.py", "metrics/helpers.py")
_signature: str | None = None  # of the chrF that scored this run's round trips, once known
_fastchrf_pid: int | None = None  # the process that first used fastchrf (and so started its thread pool)


@lru_cache(maxsize=1)
def _chrf():
    from sacrebleu.metrics import CHRF

    return CHRF(**CHRF_SETTINGS)


def _sacrebleu_signature() -> str:
    metric = _chrf()
    metric.sentence_score("a", ["a"])  # sacrebleu fills the signature's reference count on first use
    return str(metric.get_signature())


def chrf_signature() -> str:
    """sacrebleu's signature of the round-trip chrF; from the cache when every score came from there.

    Worked out by sacrebleu once and kept in the warm-start file under the scorer's stamp (its
    settings and installed files), so a cold run scores round trips without importing sacrebleu.
    """
    global _signature
    if _signature is None:
        _signature = warmstart.data(f"chrf-signature {_scorer_stamp()}", _sacrebleu_signature)
    return _signature


def sentence_chrf(hypothesis: str, reference: str) -> float:
    return sentences_chrf([(hypothesis, reference)])[0]


def sentences_chrf(pairs: list[tuple[str, str]]) -> list[float]:
    """sacrebleu's sentence chrF (chrF2: character 6-grams, β = 2, no word n-grams) of each
    (hypothesis, reference) pair, computed by fastchrf's compiled code in one call.

    White space is removed here as sacrebleu removes it (`str.split`'s notion of it, which counts
    a few control characters fastchrf's own removal does not); the scores are then sacrebleu's to
    the last bit on real round trips (tests/test_chrf_compiled.py), at a hundredth of its import cost.
    """
    global _fastchrf_pid
    if not pairs:
        return []
    if _fastchrf_pid is None:
        _fastchrf_pid = os.getpid()
    elif _fastchrf_pid != os.getpid():
        # A worker forked after this process used fastchrf: its Rust thread pool (rayon) did not come
        # across the fork and a call would wait for it forever. sacrebleu gives the same scores.
        metric = _chrf()
        return [metric.sentence_score(h, [r]).score for h, r in pairs]
    from fastchrf import pairwise_chrf

    scores = pairwise_chrf([["".join(h.split())] for h, _ in pairs], [["".join(r.split())] for _, r in pairs],
                           char_order=CHRF_SETTINGS["char_order"], beta=float(CHRF_SETTINGS["beta"]))
    return [float(s[0][0]) for s in scores]


def _package_folders(name: str) -> list[str]:
    """Where an installed package's files are, found without importing it; [] when it is not installed."""
    from importlib.util import find_spec

    try:
        spec = find_spec(name)
    except (ImportError, ValueError):
        return []
    return list(spec.submodule_search_locations or []) if spec else []


@lru_cache(maxsize=1)
def _scorer_stamp() -> str:
    """What a cached score depends on besides the texts, found without importing sacrebleu.

    The chrF settings, the drift-word rule and sacrebleu's installed files (an upgrade or a
    reinstall rewrites them, and a cached score is then computed afresh).
    """
    parts = [f"chrF {sorted(CHRF_SETTINGS.items())}", f"drift {MIN_DRIFT_WORD} {_WORD.pattern}"]
    folders = _package_folders("sacrebleu")
    if not folders:
        return " ".join([*parts, "sacrebleu missing"])
    folder = Path(folders[0])
    for name in _SCORER_FILES:
        try:
            info = (folder / name).stat()
            parts.append(f"{name}:{info.st_size}:{info.st_mtime_ns}")
        except OSError:
            parts.append(f"{name}:missing")
    parts.append(f"in {folder}")
    # fastchrf computes the scores: its compiled module is part of what a cached score depends on.
    scorer = sorted(Path(f) for f in _package_folders("fastchrf"))
    for folder in scorer[:1]:
        for path in sorted(folder.glob("fastchrf*.so")) + sorted(folder.glob("*.py")):
            info = path.stat()
            parts.append(f"fastchrf/{path.name}:{info.st_size}:{info.st_mtime_ns}")
    if not scorer:
        parts.append("fastchrf missing")
    return " ".join(parts)


def round_trip_version(engine, target: str, pivot: str) -> str:
    """What a cached round trip is keyed by besides its text: both engine versions and the chrF scorer's stamp."""
    from tqcheck.translation.cache import engine_version

    return " | ".join((engine_version(engine, target, pivot), engine_version(engine, pivot, target), _scorer_stamp()))


def translate_round_trip(engine, texts: list[str], target: str, pivot: str, cache=None) -> list[RoundTrip]:
    """Translate `texts` (in `target`) into `pivot` and back, in two batches, through the cache.

    A round trip made before by the same engine versions and scored by the same chrF is read
    whole from the cache — both translations, unknown words, chrF and drift words — so a warm
    run neither starts the engine nor imports sacrebleu.  A blank text has nothing to send:
    it gets an empty round trip scored 0, as sacrebleu scores an empty pair.
    """
    global _signature
    from tqcheck.translation.cache import distinct_texts

    wanted = distinct_texts(texts)
    done = {}
    if wanted:
        version = round_trip_version(engine, target, pivot)
        done = cache.get_round_trips(engine.name, version, target, pivot, wanted) if cache is not None else {}
        missing = [t for t in wanted if t not in done]
        if missing:
            fresh = _translate_and_score(engine, missing, target, pivot, cache)
            if cache is not None:
                cache.put_round_trips(engine.name, version, target, pivot, fresh.items())
            done.update(fresh)
        _signature = next(iter(done.values()))[5]
    results = []
    for text in texts:
        back, again, unknown, drift, chrf, _ = done.get(text) or ("", "", [], [], 0.0, None)
        results.append(RoundTrip(back, again, chrf, list(unknown), list(drift)))
    return results


def _translate_and_score(engine, texts: list[str], target: str, pivot: str, cache) -> dict[str, tuple]:
    """Round trips of distinct non-blank texts, as rows for the cache (tqcheck.translation.cache.RoundTripRow)."""
    from tqcheck.translation.cache import cached_translate, cached_translate_detailed
    from tqcheck.translation.engines.base import Engine

    if type(engine).translate_batch_detailed is not Engine.translate_batch_detailed:
        outward = cached_translate_detailed(engine, texts, target, pivot, cache)
    else:  # engines that cannot tell which words they did not know (Argos)
        outward = [(t, []) for t in cached_translate(engine, texts, target, pivot, cache)]
    returned = cached_translate(engine, [back for back, _ in outward], pivot, target, cache)
    signature = chrf_signature()
    scores = sentences_chrf(list(zip(returned, texts)))
    return {
        text: (back, again, list(unknown), drift_words(text, again), score, signature)
        for text, (back, unknown), again, score in zip(texts, outward, returned, scores)
    }


def drift_words(original: str, round_trip: str) -> list[str]:
    """Content words of the original that the round trip lost, in order, once each."""
    kept = {w.lower() for w in _WORD.findall(round_trip)}
    out = []
    for w in _WORD.findall(original):
        if len(w) >= MIN_DRIFT_WORD and w.lower() not in kept and w not in out:
            out.append(w)
    return out
