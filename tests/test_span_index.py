"""The overlap index that drops a superseded finding: the same answers as comparing with every span, on many layouts."""
import random

from tqcheck.checking.check import _SpanIndex


def _brute(spans, start, end):
    return any(s < end and start < e for s, e in spans)


def test_overlap_answers_match_a_comparison_with_every_span():
    rng = random.Random(7)
    for _ in range(300):
        spans = []
        for _ in range(rng.randint(1, 30)):
            s = rng.randint(0, 200)
            spans.append((s, s + rng.randint(1, 40)))
        index = _SpanIndex(list(spans))
        for _ in range(40):
            s = rng.randint(0, 240)
            e = s + rng.randint(1, 30)
            assert index.overlaps(s, e) == _brute(spans, s, e), (spans, s, e)


def test_a_long_early_span_still_covers_a_late_query():
    # Sorted by start, the second span ends first: the answer must come from the furthest end so far.
    index = _SpanIndex([(0, 100), (10, 12)])
    assert index.overlaps(50, 60)
    assert not index.overlaps(100, 110)
