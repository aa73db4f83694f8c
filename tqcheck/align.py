"""Sentence alignment of a translation with its source: a banded dynamic programme over lengths and similarity."""
from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

# (source sentences, target sentences) one link may join. 1-0 is an omission, 0-1 an addition.
LINK_KINDS = ((1, 1), (1, 0), (0, 1), (2, 1), (1, 2))

# Characters of target per character of source, measured on reference translations
# (WMT biomedical, FLORES and WMT24 pairs); a document's own ratio is used within bounds of it.
CHAR_RATIO = {("es", "en"): 0.88, ("en", "es"): 1.12}
# How far a document's ratio may stray from the pair's usual one (a long inserted passage must
# not bend it), and from 1 for a pair without a measured ratio.
RATIO_BOUNDS_KNOWN = (0.9, 1.1)
RATIO_BOUNDS_UNKNOWN = (0.75, 1.33)
# Gale & Church's variance of target length per source character, chosen on the same pairs
# with tools/eval_alignment.py.
LENGTH_VARIANCE = 3.0

# Costs in nats-like units. A merge or split is rarer than a 1-1 link; a skip (omission or
# addition) must be cheaper than a 1-1 link between sentences that do not match.
KIND_COST = {(1, 1): 0.0, (2, 1): 2.5, (1, 2): 2.5}
SKIP_COST = 4.5
LENGTH_WEIGHT = 1.0
SIMILARITY_WEIGHT = 6.0
MAX_LENGTH_COST = 12.0
# A reliable measure saying "unrelated" must make an omission plus an addition cheaper than the
# pair, whatever the lengths: SIMILARITY_WEIGHT + UNRELATED_WEIGHT * floor > 2 * SKIP_COST.
UNRELATED_WEIGHT = 20.0
RELIABLE_CHARS = 40  # chrF of shorter sentences ("Genial." / "Great.") says little
LENGTH_RELIEF = 0.6  # share of the length cost a typical match takes off
STRONG_MATCH = 1.5  # similarity above this many "typical matches" earns no further bonus
# In a true merge or split each sentence of the pair side matches the single sentence partly;
# a neighbour glued on by mistake matches it hardly at all (measured: true merges' weaker part
# scores above 0.25 in 95 % of cases, unrelated sentences below 0.25 in 95 %).
PART_FLOOR = 0.35
PART_WEIGHT = 15.0

# Documents up to this many cells are aligned in full; longer ones within a band around the diagonal.
FULL_CELLS = 40_000
BAND_MIN = 25
BAND_SHARE = 0.1  # band half-width as a share of the longer side, beyond the length difference


@dataclass(frozen=True)
class Link:
    """Source sentences and target sentences that translate each other (one side may be empty)."""

    source: tuple[int, ...]
    target: tuple[int, ...]
    similarity: float | None = None  # in "typical matches": about 0 for unrelated text, 1 for a usual pair

    @property
    def kind(self) -> str:
        return f"{len(self.source)}-{len(self.target)}"


@dataclass
class Alignment:
    links: list[Link]
    ratio: float = 1.0  # target characters per source character used for the length costs
    by_target: dict[int, Link] = field(default_factory=dict)
    by_source: dict[int, Link] = field(default_factory=dict)

    def __post_init__(self):
        for link in self.links:
            for t in link.target:
                self.by_target[t] = link
            for s in link.source:
                self.by_source[s] = link

    @property
    def omissions(self) -> list[Link]:
        return [link for link in self.links if not link.target]

    @property
    def additions(self) -> list[Link]:
        return [link for link in self.links if not link.source]

    @property
    def pairs(self) -> list[Link]:
        return [link for link in self.links if link.source and link.target]


# -- similarity -------------------------------------------------------------------------------

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+")
COGNATE_PREFIX = 4  # Spanish and English cognates share their first letters: "pacientes", "patients"


def _fold(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word.lower()) if unicodedata.category(c) != "Mn")


def anchor_keys(text: str) -> frozenset[str]:
    """What survives translation between related languages: numbers, acronyms and word stems."""
    keys = set()
    for token in _TOKEN.findall(text):
        if token[0].isdigit():
            keys.add(re.sub(r"[.,]", "", token))
        elif len(token) >= COGNATE_PREFIX:
            keys.add(_fold(token)[:COGNATE_PREFIX])
        elif len(token) >= 2 and token.isupper():
            keys.add(token)
    return frozenset(keys)


CHRF_ORDER = 6
CHRF_BETA = 2.0


@dataclass(frozen=True)
class Ngrams:
    """chrF's character n-grams (white space removed) of orders 1..6, with their totals."""

    counts: tuple[dict[str, int], ...]
    totals: tuple[int, ...]

    def __add__(self, other: "Ngrams") -> "Ngrams":
        counts = tuple(Counter(a) + Counter(b) for a, b in zip(self.counts, other.counts))
        return Ngrams(counts, tuple(a + b for a, b in zip(self.totals, other.totals)))


def char_ngrams(text: str) -> Ngrams:
    s = "".join(text.split())
    counts = tuple(Counter(s[i:i + n] for i in range(len(s) - n + 1)) for n in range(1, CHRF_ORDER + 1))
    return Ngrams(counts, tuple(sum(c.values()) for c in counts))


def chrf_from_ngrams(hyp: Ngrams, ref: Ngrams) -> float:
    """sacrebleu's sentence chrF (β = 2, effective order) from precomputed n-grams, so that
    the n·m candidate pairs the aligner scores do not each re-extract them."""
    sum_p = sum_r = 0.0
    effective = 0
    for h, r, n_hyp, n_ref in zip(hyp.counts, ref.counts, hyp.totals, ref.totals):
        if not n_hyp or not n_ref:
            continue
        match = sum(min(h[g], r[g]) for g in h.keys() & r.keys())
        sum_p += match / n_hyp
        sum_r += match / n_ref
        effective += 1
    if not effective or not sum_p + sum_r:
        return 0.0
    p, r = sum_p / effective, sum_r / effective
    factor = CHRF_BETA ** 2
    return 100.0 * (1 + factor) * p * r / (factor * p + r)


class Similarity:
    """Scores a group of source sentences against a group of target sentences.

    Scores are in "typical matches": (raw - RANDOM) / (MATCH - RANDOM), where RANDOM is the
    median raw score of unrelated sentence pairs and MATCH that of true translation pairs, so
    measures on different scales can be combined and one set of costs serves them all.
    """

    # Below this score the pair is unrelated, when the measure is reliable enough to say so
    # (None: it is not, e.g. anchors between short sentences that share no name or number).
    unrelated_below: float | None = None

    def score(self, source: tuple[int, ...], target: tuple[int, ...]) -> float | None:
        raise NotImplementedError


class Memo(Similarity):
    """Remembers scores: the dynamic programme asks for the same pair from several cells."""

    def __init__(self, measure: Similarity):
        self.measure = measure
        self.unrelated_below = measure.unrelated_below
        self._scores: dict[tuple, float | None] = {}

    def score(self, source, target):
        key = (source, target)
        if key not in self._scores:
            self._scores[key] = self.measure.score(source, target)
        return self._scores[key]


class AnchorSimilarity(Similarity):
    """Dice overlap of anchor keys (numbers, acronyms, cognate stems): needs no engine."""

    RANDOM, MATCH = 0.0, 33.0  # Dice × 100, medians measured on es-en and en-es reference pairs

    def __init__(self, source_texts: list[str], target_texts: list[str]):
        self.source = [anchor_keys(t) for t in source_texts]
        self.target = [anchor_keys(t) for t in target_texts]

    def raw(self, source: tuple[int, ...], target: tuple[int, ...]) -> float:
        a = frozenset().union(*(self.source[i] for i in source))
        b = frozenset().union(*(self.target[j] for j in target))
        if not a or not b:
            return 0.0
        return 200.0 * len(a & b) / (len(a) + len(b))

    def score(self, source, target):
        return (self.raw(source, target) - self.RANDOM) / (self.MATCH - self.RANDOM)


class TranslationSimilarity(Similarity):
    """chrF between machine translations and the other side: the target's back-translation
    against the source, and the source's translation against the target, averaged."""

    RANDOM, MATCH = 17.5, 53.5  # chrF medians measured with Apertium on es-en and en-es pairs
    # 95 % of true pairs score above 0.3, 95 % of unrelated sentences below 0.2 (same measurements).
    unrelated_below = 0.2

    def __init__(self, source_texts, target_texts, back: list[str | None] | None = None,
                 forward: list[str | None] | None = None):
        self._source = [char_ngrams(t) for t in source_texts]
        self._target = [char_ngrams(t) for t in target_texts]
        self._back = [char_ngrams(t) if t else None for t in back] if back else None
        self._forward = [char_ngrams(t) if t else None for t in forward] if forward else None
        self._sums: dict[tuple, Ngrams | None] = {}

    def _group(self, name: str, items: list, indexes: tuple[int, ...]):
        key = (name, indexes)
        if key not in self._sums:
            parts = [items[i] for i in indexes]
            if any(p is None for p in parts):
                self._sums[key] = None
            elif len(parts) == 1:
                self._sums[key] = parts[0]
            else:
                self._sums[key] = parts[0] + parts[1]
        return self._sums[key]

    def raw(self, source, target) -> float | None:
        values = []
        if self._back is not None:
            back = self._group("back", self._back, target)
            if back is not None:
                values.append(chrf_from_ngrams(back, self._group("source", self._source, source)))
        if self._forward is not None:
            forward = self._group("forward", self._forward, source)
            if forward is not None:
                values.append(chrf_from_ngrams(forward, self._group("target", self._target, target)))
        return sum(values) / len(values) if values else None

    def score(self, source, target):
        raw = self.raw(source, target)
        return None if raw is None else (raw - self.RANDOM) / (self.MATCH - self.RANDOM)


class CombinedSimilarity(Similarity):
    """The best of several measures: a sentence left untranslated matches its source on anchors
    although its back-translation (or lack of one) does not."""

    def __init__(self, *measures: Similarity):
        self.measures = measures
        floors = [m.unrelated_below for m in measures if m.unrelated_below is not None]
        self.unrelated_below = max(floors) if floors else None

    def score(self, source, target):
        scores = [s for s in (m.score(source, target) for m in self.measures) if s is not None]
        return max(scores) if scores else 0.0


def similarity_for(source_texts: list[str], target_texts: list[str], back=None, forward=None) -> Similarity:
    """Anchors alone without an engine; with translations, the better of chrF and anchors."""
    anchors = AnchorSimilarity(source_texts, target_texts)
    if not back and not forward:
        return Memo(anchors)
    return Memo(CombinedSimilarity(TranslationSimilarity(source_texts, target_texts, back, forward), anchors))


# -- the dynamic programme ------------------------------------------------------------------------

def _normal_tail(z: float) -> float:
    """P(|Z| ≥ z) for a standard normal Z."""
    return math.erfc(z / math.sqrt(2.0))


def length_cost(source_chars: int, target_chars: int, ratio: float) -> float:
    """Gale & Church: how unlikely these lengths are for a translation pair, as −log probability."""
    mean = source_chars * ratio
    delta = (target_chars - mean) / math.sqrt(max(source_chars, 1) * LENGTH_VARIANCE)
    tail = _normal_tail(abs(delta))
    return MAX_LENGTH_COST if tail <= 0 else min(MAX_LENGTH_COST, -math.log(tail))


def document_ratio(source_texts: list[str], target_texts: list[str], pair: tuple[str, str] | None) -> float:
    """The document's characters-per-character, kept near the language pair's usual ratio."""
    usual = CHAR_RATIO.get(pair) if pair else None
    low, high = RATIO_BOUNDS_KNOWN if usual else RATIO_BOUNDS_UNKNOWN
    usual = usual or 1.0
    s = sum(len(t) for t in source_texts)
    t = sum(len(x) for x in target_texts)
    if not s or not t:
        return usual
    return min(max(t / s, usual * low), usual * high)


def align(
    source_texts: list[str],
    target_texts: list[str],
    similarity: Similarity | None = None,
    pair: tuple[str, str] | None = None,
) -> Alignment:
    """Links covering every source and target sentence once, in order (no reordering)."""
    n, m = len(source_texts), len(target_texts)
    ratio = document_ratio(source_texts, target_texts, pair)
    src_len = [len(t) for t in source_texts]
    tgt_len = [len(t) for t in target_texts]
    within = _band(n, m)
    INF = float("inf")
    # cost[i][j]: best cost of aligning the first i source and first j target sentences.
    cost: list[dict[int, float]] = [dict() for _ in range(n + 1)]
    back: list[dict[int, tuple[int, int, float | None]]] = [dict() for _ in range(n + 1)]
    cost[0][0] = 0.0
    for i in range(n + 1):
        for j in within(i):
            if i == 0 and j == 0:
                continue
            best, choice = INF, None
            for di, dj in LINK_KINDS:
                pi, pj = i - di, j - dj
                if pi < 0 or pj < 0:
                    continue
                before = cost[pi].get(pj)
                if before is None:
                    continue
                if di == 0 or dj == 0:
                    step, sim = SKIP_COST, None
                else:
                    step, sim = _link_cost(range(pi, i), range(pj, j), src_len, tgt_len, ratio, similarity)
                    step += KIND_COST[(di, dj)]
                if before + step < best:
                    best, choice = before + step, (di, dj, sim)
            if choice is not None:
                cost[i][j] = best
                back[i][j] = choice
    links = []
    i, j = n, m
    while (i, j) != (0, 0):
        di, dj, sim = back[i][j]
        links.append(Link(tuple(range(i - di, i)), tuple(range(j - dj, j)), sim))
        i, j = i - di, j - dj
    links.reverse()
    return Alignment(_pair_substitutions(links, source_texts, target_texts, similarity), ratio)


def _pair_substitutions(links: list[Link], source_texts, target_texts, similarity) -> list[Link]:
    """An omission next to an addition is one sentence translated badly (a truncated or padded
    translation) when a reliable measure (translations) does not call the two unrelated; then the
    length and meaning checks speak. Anchors alone cannot tell, and the pair stays apart."""
    if similarity is None or similarity.unrelated_below is None:
        return links
    out: list[Link] = []
    for link in links:
        last = out[-1] if out else None
        if (last is not None and len(last.source) + len(link.source) == 1 and len(last.target) + len(link.target) == 1
                and not last.source + last.target == () and bool(last.source) != bool(link.source)):
            s = last.source or link.source
            t = last.target or link.target
            if len(source_texts[s[0]]) >= RELIABLE_CHARS and not _unrelated(similarity, s, t, source_texts, target_texts):
                out[-1] = Link(s, t, similarity.score(s, t))
                continue
        out.append(link)
    return out


def _unrelated(similarity, s: tuple[int, ...], t: tuple[int, ...], source_texts, target_texts) -> bool:
    if min(len(source_texts[s[0]]), len(target_texts[t[0]])) < RELIABLE_CHARS:
        return False
    score = similarity.score(s, t)
    return score is not None and score < similarity.unrelated_below


def _link_cost(source: range, target: range, src_len, tgt_len, ratio, similarity):
    s_chars = sum(src_len[k] for k in source) + len(source) - 1
    t_chars = sum(tgt_len[k] for k in target) + len(target) - 1
    cost = LENGTH_WEIGHT * length_cost(s_chars, t_chars, ratio)
    sim = None
    if similarity is not None:
        sim = similarity.score(tuple(source), tuple(target))
        if sim is not None:
            # Sentences that clearly translate each other stay linked even when one lost a clause
            # (a truncated translation): the lengths then say "omission", not "unrelated".
            cost *= 1.0 - LENGTH_RELIEF * min(max(sim, 0.0), 1.0)
            cost += SIMILARITY_WEIGHT * (1.0 - min(sim, STRONG_MATCH))
            if similarity.unrelated_below is not None and min(s_chars, t_chars) >= RELIABLE_CHARS:
                cost += UNRELATED_WEIGHT * max(0.0, similarity.unrelated_below - sim)
            if len(source) > 1 or len(target) > 1:
                cost += PART_WEIGHT * max(0.0, PART_FLOOR - _weakest_part(similarity, source, target))
    return cost, sim


def _weakest_part(similarity: Similarity, source: range, target: range) -> float:
    """The lowest similarity of one sentence of the two-sentence side with the other side."""
    if len(source) > 1:
        parts = [similarity.score((s,), tuple(target)) for s in source]
    else:
        parts = [similarity.score(tuple(source), (t,)) for t in target]
    return min((p for p in parts if p is not None), default=0.0)


def _band(n: int, m: int):
    """The target positions j to consider with the first i source sentences."""
    if (n + 1) * (m + 1) <= FULL_CELLS or n == 0:
        return lambda i: range(m + 1)
    width = max(BAND_MIN, abs(n - m) + int(BAND_SHARE * max(n, m)))

    def within(i: int) -> range:
        centre = round(i * m / n)
        return range(max(0, centre - width), min(m, centre + width) + 1)

    return within


# -- a checked file and its source ---------------------------------------------------------------

def flat(text: str) -> str:
    return " ".join(text.split())


def source_translations(ctx) -> list[str] | None:
    """The source sentences machine-translated into the target language (cached), or None
    without an engine. A reference-free stand-in for a human translation to compare with."""
    if "source_translations" in ctx.cache:
        return ctx.cache["source_translations"]
    out = None
    if ctx.engine is not None and ctx.source_segments:
        from tqcheck.cache import cached_translate
        from tqcheck.errors import EngineError

        texts = [flat(seg.text(ctx.source_doc.view)) for seg in ctx.source_segments]
        try:
            out = cached_translate(ctx.engine, texts, ctx.source_langs[0], ctx.target_base,
                                   ctx.cache.get("translation_cache"))
        except EngineError:
            out = None  # the checks that need it are skipped; the alignment falls back to anchors
    ctx.cache["source_translations"] = out
    return out


def back_translations(ctx) -> list[str | None] | None:
    """Each target sentence translated into the source language by the round trip, or None."""
    results = ctx.cache.get("roundtrip")
    if not results or ctx.cache.get("pivot") != ctx.source_langs[0]:
        return None
    return [results[i].backtranslation if i in results else None for i in range(len(ctx.segments))]


def alignment_for(ctx) -> Alignment:
    """The file's alignment with its source, computed once and kept in ctx.cache; also fills
    ctx.cache["aligned_source"] (target sentence → source span) for the report."""
    cached = ctx.cache.get("alignment")
    if cached is not None:
        return cached
    source_texts = [flat(seg.text(ctx.source_doc.view)) for seg in ctx.source_segments]
    target_texts = [flat(seg.text(ctx.doc.view)) for seg in ctx.segments]
    similarity = similarity_for(source_texts, target_texts, back_translations(ctx), source_translations(ctx))
    result = align(source_texts, target_texts, similarity, (ctx.source_langs[0], ctx.target_base))
    ctx.cache["alignment"] = ctx.alignment = result
    spans = {}
    for link in result.pairs:
        first, last = ctx.source_segments[link.source[0]], ctx.source_segments[link.source[-1]]
        for t in link.target:
            spans[t] = (first.start, last.end)
    ctx.cache["aligned_source"] = spans
    return result
