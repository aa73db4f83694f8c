"""Sentence alignment of a translation with its source: runs of clear translation pairs are fixed
first, and a dynamic programme over lengths and similarity aligns what lies between them."""
from __future__ import annotations

import bisect
import math
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from tqcheck.speed import warmstart
from tqcheck.text.segment import collapsed

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
# No link of a kind costs less than this (the similarity bonus is capped at STRONG_MATCH; the other
# terms are not negative): the programme skips computing links that cannot beat the best one found.
LEAST_STEP = {kind: cost - SIMILARITY_WEIGHT * (STRONG_MATCH - 1.0) for kind, cost in KIND_COST.items()}

# Documents up to this many cells are aligned in full; longer ones within a band around the diagonal.
FULL_CELLS = 40_000
BAND_MIN = 25
BAND_SHARE = 0.1  # band half-width as a share of the longer side, beyond the length difference


# Slotted, not frozen, for the speed of building one: why, and what keeps it unchanged, at text.segment.Segment.
@dataclass(slots=True, unsafe_hash=True)
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
    """A document pair's links in order, and each sentence's link by its index on either side."""

    # (A docstring of its own: for a class without one, `dataclasses` writes one from inspect.signature,
    # and importing inspect — ast, dis, tokenize, linecache — was ≈ 4 ms of every run with a source.)
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

_FIGURE_PATTERN = r"\d+(?:[.,]\d+)*"
_TOKEN = warmstart.regex(_FIGURE_PATTERN + r"|[^\W\d_]+")
_FIGURE = warmstart.regex(_FIGURE_PATTERN)
COGNATE_PREFIX = 4  # Spanish and English cognates share their first letters: "pacientes", "patients"


def _fold(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word.lower()) if unicodedata.category(c) != "Mn")


def _token_key(token: str) -> str:
    """A token's anchor key, or "" when it has none."""
    if token[0].isdigit():
        return token.replace(".", "").replace(",", "")
    if len(token) >= COGNATE_PREFIX:
        return token[:COGNATE_PREFIX].lower() if token.isascii() else _fold(token)[:COGNATE_PREFIX]
    return token if len(token) >= 2 and token.isupper() else ""


# Characters never part of a token (no letter, no digit), stripped from a new word's ends, so that "(OMS),"
# is read as "OMS" was. A figure begins and ends with a digit, so "." and "," go too.
_EDGES = "".join(chr(c) for c in range(0x20, 0x7F) if not chr(c).isalnum()) + "«»¿¡“”„‘’‚–—…·°±×§¶†‡•‰′″"


class WordKeys:
    """A document's words → their anchor keys (`key`); a word holding several tokens ("COVID-19",
    "and/or") maps to the tuple of their keys, which `several` also holds."""

    def __init__(self):
        self.key: dict[str, str | tuple[str, ...]] = {"": ""}  # a plain dict: set.difference reads it in C
        self.several: set[tuple[str, ...]] = set()

    def learn(self, word: str) -> str | tuple[str, ...]:
        """The key of a word met for the first time, remembered."""
        if word.isalpha() or word.isdecimal():  # one token: each character matches the same branch of _TOKEN
            key = self.key[word] = _token_key(word)
            return key
        bare = word.strip(_EDGES)  # "(OMS)," is "OMS"
        key = self.key.get(bare)
        if key is None:
            keys = tuple(dict.fromkeys(_token_key(t) for t in _TOKEN.findall(bare)))
            key = self.key[bare] = keys[0] if len(keys) == 1 else keys or ""
            if type(key) is tuple:
                self.several.add(key)
        self.key[word] = key
        return key


def anchor_keys(text: str, known: WordKeys | None = None) -> frozenset[str]:
    """What survives translation between related languages: numbers, acronyms and word stems.
    `known` remembers the key of each word met, for a whole document."""
    known = WordKeys() if known is None else known
    # A look-up per word costs a fraction of what the token pattern's scan of the sentence does (the
    # 2,030 sentences of row 8, in-process: 23.7 -> 19.4 ms): the pattern reads only words met for the first time.
    words = text.split()
    keys = set(map(known.key.get, words))
    if None in keys:
        keys.discard(None)
        keys.update([known.learn(word) for word in set(words).difference(known.key)])
    if not known.several.isdisjoint(keys):
        for several in keys & known.several:
            keys.discard(several)
            keys.update(several)
    keys.discard("")
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
    # Whether score() gives a number for every pair (never None): then a merge's or split's cost is
    # bounded below by its weakest part (_Costs.least_link).
    always_scores = False

    def score(self, source: tuple[int, ...], target: tuple[int, ...]) -> float | None:
        raise NotImplementedError

    def anchor_sets(self) -> tuple[list[frozenset[str]], list[frozenset[str]]] | None:
        """Each source and target sentence's anchor keys, when this measure has read them."""
        return None


class Memo(Similarity):
    """Remembers scores: the dynamic programme asks for the same pair from several cells."""

    def __init__(self, measure: Similarity):
        self.measure = measure
        self.unrelated_below = measure.unrelated_below
        self.always_scores = measure.always_scores
        self._scores: dict[tuple, float | None] = {}

    def anchor_sets(self):
        return self.measure.anchor_sets()

    def score(self, source, target):
        key = (source, target)
        found = self._scores.get(key, self)  # self: not there yet (a score may be None)
        if found is self:
            found = self._scores[key] = self.measure.score(source, target)
        return found


class AnchorSimilarity(Similarity):
    """Dice overlap of anchor keys (numbers, acronyms, cognate stems): needs no engine."""

    RANDOM, MATCH = 0.0, 33.0  # Dice × 100, medians measured on es-en and en-es reference pairs
    always_scores = True

    def __init__(self, source_texts: list[str], target_texts: list[str]):
        known = WordKeys()
        self.source = [anchor_keys(t, known) for t in source_texts]
        self.target = [anchor_keys(t, known) for t in target_texts]
        self._groups: dict[tuple, frozenset[str]] = {}

    def _keys(self, side: list[frozenset[str]], indexes: tuple[int, ...]) -> frozenset[str]:
        if len(indexes) == 1:
            return side[indexes[0]]
        key = (side is self.source, indexes)
        found = self._groups.get(key)
        if found is None:
            found = self._groups[key] = frozenset().union(*(side[i] for i in indexes))
        return found

    def raw(self, source: tuple[int, ...], target: tuple[int, ...]) -> float:
        a = self._keys(self.source, source)
        b = self._keys(self.target, target)
        if not a or not b:
            return 0.0
        return 200.0 * len(a & b) / (len(a) + len(b))

    def score(self, source, target):
        return (self.raw(source, target) - self.RANDOM) / (self.MATCH - self.RANDOM)

    def anchor_sets(self):
        return self.source, self.target


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

    always_scores = True  # 0.0 when no measure scores

    def __init__(self, *measures: Similarity):
        self.measures = measures
        floors = [m.unrelated_below for m in measures if m.unrelated_below is not None]
        self.unrelated_below = max(floors) if floors else None

    def score(self, source, target):
        scores = [s for s in (m.score(source, target) for m in self.measures) if s is not None]
        return max(scores) if scores else 0.0

    def anchor_sets(self):
        return next(filter(None, (m.anchor_sets() for m in self.measures)), None)


def similarity_for(source_texts: list[str], target_texts: list[str], back=None, forward=None) -> Similarity:
    """Anchors alone without an engine (cheaper to compute again than to remember); with
    translations, the better of chrF and anchors."""
    anchors = AnchorSimilarity(source_texts, target_texts)
    if not back and not forward:
        return anchors
    return Memo(CombinedSimilarity(TranslationSimilarity(source_texts, target_texts, back, forward), anchors))


# -- link costs -----------------------------------------------------------------------------------

SQRT2 = math.sqrt(2.0)


def length_cost(source_chars: int, target_chars: int, ratio: float) -> float:
    """Gale & Church: how unlikely these lengths are for a translation pair, as −log probability."""
    mean = source_chars * ratio
    delta = (target_chars - mean) / math.sqrt(max(source_chars, 1) * LENGTH_VARIANCE)
    tail = math.erfc(abs(delta) / SQRT2)  # P(|Z| ≥ |delta|) for a standard normal Z
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


class _Costs:
    """What linking any source sentences with any target sentences of one document pair costs.

    Sentence lengths are measured once, and 1-1 links, which both the anchor search and the
    dynamic programme ask for, are remembered."""

    def __init__(self, source_texts: list[str], target_texts: list[str], similarity: Similarity | None, ratio: float):
        self.similarity = similarity
        self.ratio = ratio
        self.source_texts, self.target_texts = source_texts, target_texts
        self._src = [len(t) for t in source_texts]
        self._tgt = [len(t) for t in target_texts]
        self._one: dict[tuple[int, int], tuple[float, float | None]] = {}
        self._seeds: list[tuple[int, int, int]] | None = None
        self._figures: tuple[list[frozenset[str]], list[frozenset[str]]] | None = None

    def one(self, i: int, j: int) -> tuple[float, float | None]:
        """(cost, similarity) of linking source sentence i alone with target sentence j alone."""
        found = self._one.get((i, j))
        if found is None:
            found = self._one[(i, j)] = self._cost((i,), (j,), self._src[i], self._tgt[j])
        return found

    def link(self, pi: int, i: int, pj: int, j: int) -> tuple[float, float | None]:
        """(cost, similarity) of linking source sentences pi..i-1 with target sentences pj..j-1."""
        if i - pi == 1 and j - pj == 1:
            cost, sim = self.one(pi, pj)
        else:
            s_chars = sum(self._src[pi:i]) + i - pi - 1
            t_chars = sum(self._tgt[pj:j]) + j - pj - 1
            cost, sim = self._cost(tuple(range(pi, i)), tuple(range(pj, j)), s_chars, t_chars)
        return cost + KIND_COST[(i - pi, j - pj)], sim

    def _cost(self, source: tuple[int, ...], target: tuple[int, ...], s_chars: int, t_chars: int):
        cost = LENGTH_WEIGHT * length_cost(s_chars, t_chars, self.ratio)
        similarity = self.similarity
        sim = None
        if similarity is not None:
            sim = similarity.score(source, target)
            if sim is not None:
                # Sentences that clearly translate each other stay linked even when one lost a clause
                # (a truncated translation): the lengths then say "omission", not "unrelated".
                cost *= 1.0 - LENGTH_RELIEF * min(max(sim, 0.0), 1.0)
                cost += SIMILARITY_WEIGHT * (1.0 - min(sim, STRONG_MATCH))
                if similarity.unrelated_below is not None and min(s_chars, t_chars) >= RELIABLE_CHARS:
                    cost += UNRELATED_WEIGHT * max(0.0, similarity.unrelated_below - sim)
                if len(source) > 1 or len(target) > 1:
                    cost += PART_WEIGHT * max(0.0, PART_FLOOR - self._weakest_part(source, target))
        return cost, sim

    def least_link(self, pi: int, i: int, pj: int, j: int) -> float:
        """A lower bound of link(pi, i, pj, j)[0] for a merge or split, from the 1-1 links of its parts
        alone (remembered, and asked by the link itself): its length cost is not negative and its
        similarity bonus is capped, but a part that matches the other side poorly costs its full weight."""
        kind = KIND_COST[(i - pi, j - pj)]
        if self.similarity is None or not self.similarity.always_scores:
            return kind  # no similarity, or one that may not score the link: no bonus, no part cost
        part = PART_WEIGHT * max(0.0, PART_FLOOR - self._weakest_part(tuple(range(pi, i)), tuple(range(pj, j))))
        return kind + part - SIMILARITY_WEIGHT * (STRONG_MATCH - 1.0)

    def _weakest_part(self, source: tuple[int, ...], target: tuple[int, ...]) -> float:
        """The lowest similarity of one sentence of the two-sentence side with the other side."""
        if len(source) > 1:
            parts = [self.one(s, target[0])[1] for s in source]
        else:
            parts = [self.one(source[0], t)[1] for t in target]
        return min((p for p in parts if p is not None), default=0.0)

    def figures_differ(self, i: int, j: int) -> bool:
        """Whether source sentence i and target sentence j each have a figure the other has not (one
        that only lost or gained a figure has not been shown to be another sentence)."""
        if self._figures is None:
            self._figures = self._figure_sets()
        a, b = self._figures[0][i], self._figures[1][j]
        return bool(a - b) and bool(b - a)

    def _anchor_sets(self) -> tuple[list[frozenset[str]], list[frozenset[str]]]:
        """Each sentence's anchor keys: the similarity's when it read them, else read here."""
        found = self.similarity.anchor_sets() if self.similarity is not None else None
        if found is None:
            known = WordKeys()
            found = tuple([anchor_keys(text, known) for text in texts] for texts in (self.source_texts, self.target_texts))
        return found

    def _figure_sets(self) -> tuple[list[frozenset[str]], list[frozenset[str]]]:
        """Each sentence's figures, separators removed ("1.200" is "1200")."""
        if self.similarity is not None and self.similarity.anchor_sets() is not None:
            # A figure's anchor key is the figure without separators, and no other key is all digits (a word's
            # key is made of its letters, lower-cased or with accents removed, none of which gives a digit):
            # the keys already read spare scanning every sentence again (row 8's 2,030 sentences: 5.0 -> 1.7 ms).
            return tuple([frozenset(filter(str.isdecimal, keys)) for keys in side] for side in self._anchor_sets())
        return tuple([frozenset(f.replace(".", "").replace(",", "") for f in _FIGURE.findall(text)) for text in texts]
                     for texts in (self.source_texts, self.target_texts))

    def seeds(self) -> list[tuple[int, int, int]]:
        """(i + j, i, j) for each source sentence i and target sentence j that share an anchor key
        found in no other sentence of either document, in document order (computed when first asked)."""
        if self._seeds is None:
            where: list[dict[str, list[int]]] = [{}, {}]
            for side, keyed in zip(where, self._anchor_sets()):
                for k, keys in enumerate(keyed):
                    for key in keys:
                        side.setdefault(key, []).append(k)
            source, target = where
            self._seeds = sorted((s[0] + t[0], s[0], t[0]) for key, s in source.items()
                                 if len(s) == 1 and len((t := target.get(key, ()))) == 1)
        return self._seeds


# -- anchors --------------------------------------------------------------------------------------

# A run of at least MIN_RUN consecutive 1-1 links (one diagonal), each this cheap, is taken as
# certain; the dynamic programme then only fills the gaps between such runs. (A typical translation
# pair costs about 0, an unrelated one 6 or more. Costs this low occur between unrelated sentences
# of one abstract, but not three in a row on one diagonal.) A pair whose figures differ is never
# confident: where a document repeats a pattern with other figures (a table, a list of results), a
# diagonal shifted by the pattern's length would pass for the translation.
CONFIDENT_COST = 3.0
MIN_RUN = 3
# Where the path joins or leaves a run's diagonal (an omission, an addition, a merge), neighbouring
# sentences of one abstract often match well enough to extend the run by a link or two. The run's
# ends are trimmed back to links this cheap that no neighbouring pair beats, and are then left to
# the programme too, since a merge or split may begin there. Chosen with tools/eval_alignment.py
# --programme (seeds 13, 1 and 2, --merge-rate 0 and 0.05, --join 1 and 10, with Apertium and
# without an engine: 4,356 documents): the anchored alignment differs from the whole programme's
# in 2 documents, where it is right and the programme is not.
SURE_COST = 1.5
# Where a run broke off, the next one is looked for up to HORIZON source sentences ahead, on the
# diagonals up to DRIFT sentences away (omissions, additions, merges and splits shift the diagonal),
# nearest first; past that, at the pairs of sentences that share a key no other sentence has, when
# what remains is too large to leave to the dynamic programme.
HORIZON = 50
DRIFT = 4
SEARCH_STEPS = sorted(((a, b) for a in range(HORIZON + 1) for b in range(max(0, a - DRIFT), a + DRIFT + 1)),
                      key=lambda s: (s[0] + s[1], abs(s[0] - s[1])))
SEED_CELLS = 2_500


def _anchors(costs: _Costs, n: int, m: int) -> list[tuple[int, int]]:
    """1-1 links (source, target) certain enough to fix before the dynamic programme, in order."""

    def confident(i: int, j: int) -> bool:
        return costs.one(i, j)[0] <= CONFIDENT_COST and not costs.figures_differ(i, j)

    def run_at(i: int, j: int) -> bool:
        return i + MIN_RUN <= n and j + MIN_RUN <= m and all(confident(i + k, j + k) for k in range(MIN_RUN))

    def loose(i: int, j: int, step: int) -> bool:
        """Whether the link is not sure, or the sentence before (step -1) or after (step 1) i or j
        matches the other one better."""
        cost = costs.one(i, j)[0]
        return (cost > SURE_COST or 0 <= i + step < n and costs.one(i + step, j)[0] < cost
                or 0 <= j + step < m and costs.one(i, j + step)[0] < cost)

    def next_run(i: int, j: int) -> tuple[int, int] | None:
        near = next(((i + a, j + b) for a, b in SEARCH_STEPS if run_at(i + a, j + b)), None)
        if near is not None or (n - i) * (m - j) <= SEED_CELLS:
            return near
        seeds = costs.seeds()
        first = bisect.bisect_left(seeds, (i + j,))
        return next(((a, b) for _, a, b in seeds[first:] if a >= i and b >= j and run_at(a, b)), None)

    fixed: list[tuple[int, int]] = []
    i = j = 0
    while (start := next_run(i, j)) is not None:
        a, b = start
        k = MIN_RUN
        while a + k < n and b + k < m and confident(a + k, b + k):
            k += 1
        first, last = 0, k - 1
        while first < last and loose(a + first, b + first, -1):
            first += 1
        while last > first and loose(a + last, b + last, 1):
            last -= 1
        fixed.extend((a + x, b + x) for x in range(first + 1, last))
        i, j = a + k, b + k
    return fixed


# -- the dynamic programme ------------------------------------------------------------------------

def align(
    source_texts: list[str],
    target_texts: list[str],
    similarity: Similarity | None = None,
    pair: tuple[str, str] | None = None,
    anchored: bool = True,
) -> Alignment:
    """Links covering every source and target sentence once, in order (no reordering).

    Runs of 1-1 links that are clearly translations are fixed first (see _anchors), and the
    dynamic programme aligns what lies between them, so that a long document costs about as much
    as its sentences, not their product. Without a similarity measure nothing is certain, and
    the whole document goes to the dynamic programme, as it does with `anchored=False`."""
    n, m = len(source_texts), len(target_texts)
    ratio = document_ratio(source_texts, target_texts, pair)
    costs = _Costs(source_texts, target_texts, similarity, ratio)
    links: list[Link] = []
    i = j = 0
    for a, b in _anchors(costs, n, m) if anchored and similarity is not None else ():
        links += _programme(costs, i, a, j, b)
        links.append(Link((a,), (b,), costs.one(a, b)[1]))
        i, j = a + 1, b + 1
    links += _programme(costs, i, n, j, m)
    return Alignment(_pair_substitutions(links, source_texts, target_texts, similarity), ratio)


def _programme(costs: _Costs, i0: int, i1: int, j0: int, j1: int) -> list[Link]:
    """The cheapest links covering source sentences i0..i1-1 and target sentences j0..j1-1."""
    n, m = i1 - i0, j1 - j0
    if not n and not m:
        return []
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
                elif before + LEAST_STEP[(di, dj)] >= best:
                    continue
                # A merge or split whose weakest part matches poorly cannot beat a good 1-1 link: 1,531 of
                # row 8's 3,628 link costs were these. (The margin keeps the bound one that rounding cannot
                # make pass a cost it does not pass.)
                elif di + dj == 3 and before + costs.least_link(i0 + pi, i0 + i, j0 + pj, j0 + j) - 1e-9 >= best:
                    continue
                else:
                    step, sim = costs.link(i0 + pi, i0 + i, j0 + pj, j0 + j)
                if before + step < best:
                    best, choice = before + step, (di, dj, sim)
            if choice is not None:
                cost[i][j] = best
                back[i][j] = choice
    links = []
    i, j = n, m
    while (i, j) != (0, 0):
        di, dj, sim = back[i][j]
        links.append(Link(tuple(range(i0 + i - di, i0 + i)), tuple(range(j0 + j - dj, j0 + j)), sim))
        i, j = i - di, j - dj
    links.reverse()
    return links


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

flat = collapsed  # a sentence as the aligner reads it


def source_translations(ctx) -> list[str] | None:
    """The source sentences machine-translated into the target language (cached), or None
    without an engine. A reference-free stand-in for a human translation to compare with."""
    if "source_translations" in ctx.cache:
        return ctx.cache["source_translations"]
    out = None
    if ctx.engine is not None and ctx.source_segments:
        from tqcheck.translation.cache import cached_translate
        from tqcheck.errors import EngineError

        try:
            out = cached_translate(ctx.engine, aligned_texts(ctx)[0], ctx.source_langs[0], ctx.target_base,
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


def aligned_texts(ctx) -> tuple[list[str], list[str]]:
    """The source's and the file's sentences, white space collapsed, as the aligner reads them (kept in ctx.cache)."""
    if "aligned_texts" not in ctx.cache:
        ctx.cache["aligned_texts"] = ([flat(seg.text(ctx.source_doc.view)) for seg in ctx.source_segments],
                                      [flat(seg.text(ctx.doc.view)) for seg in ctx.segments])
    return ctx.cache["aligned_texts"]


def alignment_for(ctx) -> Alignment:
    """The file's alignment with its source, computed once and kept in ctx.cache; also fills
    ctx.cache["aligned_source"] (target sentence → source span) for the report."""
    cached = ctx.cache.get("alignment")
    if cached is not None:
        return cached
    source_texts, target_texts = aligned_texts(ctx)
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
