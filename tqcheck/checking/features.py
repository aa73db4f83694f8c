"""What a document and each of its sentences look like as counts: the inputs of the suspicion models.

Counts, not rates: the model (tqcheck/checking/scoring.py) turns each feature's numerator and
denominator into a rate shrunk towards native English, so a short text is not judged on three words.
Everything here is cheap (one pass over each sentence's words) and needs no engine; the
round trip's chrF joins in when an engine ran.
"""
from __future__ import annotations

import math
import re
from functools import lru_cache
from operator import add

from tqcheck.checking.scoring import segment_score
from tqcheck.data import langdata
from tqcheck.speed import warmstart

# Words as English spells them, an apostrophe inside kept ("don't", "it’s").
_WORD = r"[^\W\d_]+(?:['’][^\W\d_]+)*"
# What a sentence's counts hold, in this order (see sentence_counts).
COUNTS = ("words", "the", "of_the", "that", "which", "its", "also", "this_weekday", "contractions",
          "speech", "said", "speech_that", "chain", "commas", "colons", "parens", "quotes", "curly_quotes",
          "guillemets")
# The words counted by their COUNTS index ("of" and "this" are read with the words after them).
_ROLES = {"the": 1, "of": 2, "that": 3, "which": 4, "whom": 4, "whose": 4, "its": 5, "also": 6, "this": 7}
# Finding families the models know by their code's letter; any other letter counts as "other".
FAMILIES = ("A", "B", "C", "F", "L", "N", "Q", "S", "T", "U")


@lru_cache(maxsize=None)
def _knowledge():
    style = langdata.load("en", "style.toml")
    words = langdata.load("en", "words.toml")
    out = {
        "said": frozenset(style.get("said_words", ())),
        "speech": frozenset(style.get("said_words", ())) | frozenset(style.get("reporting_words", ())),
        "det": frozenset(style.get("determiner_words", ())),
        "contract_s": frozenset(style.get("contraction_s_words", ())),
        "endings": tuple(style.get("contraction_endings", ())),
        "weekdays": frozenset(w.lower() for w in words.get("weekday_words", ())),
    }
    # Each word a sentence's counts name → (its COUNTS index, or 2 for "of" and 7 for "this", which look at
    # the words after them, or 0; whether it reports speech; whether it is a form of "say").
    out["roles"] = {w: (_ROLES.get(w, 0), w in out["speech"], w in out["said"]) for w in set(_ROLES) | out["speech"]}
    return out


# _WORD over lower-cased ASCII text, where a letter is [a-z] and an apostrophe straight: the same words,
# found in half the time (no Unicode category to test at each character).
_ASCII_WORD = warmstart.regex(r"[a-z]++(?:'[a-z]++)*+")


@lru_cache(maxsize=None)
def _word_pattern() -> re.Pattern:
    return warmstart.regex(_WORD)


def sentence_counts(text: str) -> list[int]:
    """The counts of COUNTS for one sentence of English prose."""
    k = _knowledge()
    if text.isascii():  # most sentences: one lower() of the sentence, no curly apostrophe to straighten
        words = _ASCII_WORD.findall(text.lower())
    else:  # per word: lower-casing a whole sentence can change where its words split ("İ" → "i̇")
        words = [w.lower().replace("’", "'") for w in _word_pattern().findall(text)]
    c = [0] * len(COUNTS)
    n = len(words)
    c[0] = n
    # One dict lookup per word: most words are none of the few the counts name, and are passed over.
    det, roles = k["det"], k["roles"]
    for i, w in enumerate(words):
        found = roles.get(w)
        if found is None:
            continue
        role, speech, said = found
        if role == 2:  # "of"
            nxt = words[i + 1] if i + 1 < n else ""
            if nxt == "the":
                c[2] += 1
            # a chain: "of (det) X of" or "of (det) X Y of" within the next four words
            j = i + 2 if nxt in det else i + 1
            if "of" in words[j + 1:j + 3]:
                c[12] += 1
        elif role == 7:  # "this"
            if i + 1 < n and words[i + 1] in k["weekdays"]:
                c[7] += 1
        elif role:
            c[role] += 1
        if speech:
            c[9] += 1
            if said:
                c[10] += 1
            if i + 1 < n and words[i + 1] == "that":
                c[11] += 1
    if "'" in text or "’" in text:  # where a word's apostrophe comes from
        for w in words:
            if "'" in w:
                stem, _, end = w.rpartition("'")
                if end == "t" and stem.endswith("n"):
                    c[8] += 1
                elif end in k["endings"] or (end == "s" and stem in k["contract_s"]):
                    c[8] += 1
    c[13] = text.count(",")
    c[14] = text.count(":") + text.count(";")
    c[15] = text.count("(")
    curly = text.count("“") + text.count("”")
    guillemets = text.count("«") + text.count("»")
    c[16] = curly + guillemets + text.count('"') + text.count("„")
    c[17] = curly
    c[18] = guillemets
    return c


def finding_counts(findings) -> dict[str, int]:
    """Counted findings (warnings and errors) by family letter, the rest under "other"."""
    out: dict[str, int] = {}
    for f in findings:
        family = f.code[:1] if f.code[:1] in FAMILIES else "other"
        out[family] = out.get(family, 0) + 1
    return out


def describe(segments, counted, on_segment=None, segment_names=None) -> dict[str, tuple[float, float]]:
    """The document's features, calling `on_segment(segment, its features)` for each segment on the way.

    `segments` are the report's segments (their prose and, when an engine ran, their chrF),
    `counted` the findings that count (warnings and errors), placed in their segments;
    `segment_names` limits the segment features computed to those a model reads.
    """
    by_segment: dict[int, list] = {}
    for f in counted:
        if f.segment is not None:
            by_segment.setdefault(f.segment, []).append(f)
    getters = _getters(segment_names)
    total = [0] * len(COUNTS)
    lengths: list[int] = []
    chrfs: list[float] = []
    for seg in segments:
        counts = sentence_counts(seg.view[seg.view_start:seg.view_end])
        total = list(map(add, total, counts))
        if counts[0] >= 3:
            lengths.append(counts[0])
        if seg.chrf is not None and counts[0] >= 6:
            chrfs.append(seg.chrf)
        if on_segment is not None:
            found = by_segment.get(seg.index, ())
            on_segment(seg, {name: get(counts, found, seg.chrf) for name, get in getters.items()})
    return document_features(total, lengths, counted, chrfs)


def document_features(total: list[int], lengths: list[int], counted, chrfs: list[float]) -> dict[str, tuple[float, float]]:
    """Each document feature as (numerator, denominator); the model shrinks and weighs them.

    `total` sums sentence_counts over the segments, `lengths` are the word counts of sentences of
    three words or more, `chrfs` the round-trip chrF of segments long enough to be stable.
    """
    g = dict(zip(COUNTS, total))
    words = g["words"]
    n = len(lengths)
    mean = sum(lengths) / n if n else 0.0
    out = {
        "the": (g["the"], words), "of_the": (g["of_the"], words), "that": (g["that"], words),
        "which": (g["which"], words), "its": (g["its"], words), "also": (g["also"], words),
        "contractions": (g["contractions"], words), "commas": (g["commas"], words),
        "colons": (g["colons"], words), "parens": (g["parens"], words),
        "this_weekday": (g["this_weekday"], n), "chain": (g["chain"], n),
        "speech_that": (g["speech_that"], n), "other_speech": (g["speech"] - g["said"], n),
        "said_share": (g["said"], g["speech"]),
        "curly_share": (g["curly_quotes"], g["quotes"]), "guillemet_share": (g["guillemets"], g["quotes"]),
        "sentence_mean": (sum(lengths), n),
        "sentence_sd": (sum((x - mean) ** 2 for x in lengths), n),
        "chrf": (sum(chrfs), len(chrfs)),
    }
    per_family = finding_counts(counted)
    for family in FAMILIES + ("other",):
        out["find_" + family] = (per_family.get(family, 0), words / 100)
    return out


def _count(name: str):
    i = COUNTS.index(name)
    return lambda c, findings, chrf: (c[i], 1)


def _by_severity(label: str):
    return lambda c, findings, chrf: (sum(1 for f in findings if f.severity.label == label), 1)


def _family(letter: str):
    return lambda c, findings, chrf: (finding_counts(findings).get(letter, 0), 1)


_SPEECH, _SAID = COUNTS.index("speech"), COUNTS.index("said")
# Each segment feature as (numerator, denominator) from the sentence's counts, findings and chrF.
SEGMENT_FEATURES = {
    "log_words": lambda c, findings, chrf: (math.log1p(c[0]), 1),
    **{name: _count(name) for name in ("the", "of_the", "that", "which", "its", "contractions", "commas",
                                       "colons", "parens", "this_weekday", "chain", "speech_that", "said",
                                       "quotes")},
    "other_speech": lambda c, findings, chrf: (c[_SPEECH] - c[_SAID], 1),
    "chrf": lambda c, findings, chrf: (chrf or 0.0, 1 if chrf is not None else 0),
    **{"find_" + family: _family(family) for family in FAMILIES + ("other",)},
    "n_error": _by_severity("error"),
    "n_warning": _by_severity("warning"),
    # The findings' own suspicion, 1 − ∏(1 − w) by severity: any serious finding, several more so.
    "findings": lambda c, findings, chrf: (segment_score(findings), 1),
}


def _getters(names) -> dict:
    return SEGMENT_FEATURES if names is None else {n: SEGMENT_FEATURES[n] for n in names if n in SEGMENT_FEATURES}


def segment_features(counts: list[int], findings, chrf: float | None, names=None) -> dict[str, tuple[float, float]]:
    """One sentence's features as (numerator, denominator), like document_features: all, or only `names`."""
    return {name: get(counts, findings, chrf) for name, get in _getters(names).items()}
