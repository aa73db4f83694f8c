"""Round-trip detectors: segments whose meaning does not survive translation there and back."""
from __future__ import annotations


from tqcheck.finding import Severity
from tqcheck.rules.base import Detector, median_of

# A segment drifts when its chrF falls this far below the document's median, and below the floor.
DRIFT_MARGIN = 30.0
DRIFT_FLOOR = 45.0
MIN_WORDS = 6  # short segments (headings, datelines) round-trip erratically


class RoundTripDrift(Detector):
    """What it does:
    Back-translates each sentence into the source language and back with an offline engine,
    and reports a sentence whose round trip (chrF) falls far below the rest of the document.

    Why it matters:
    A sentence that a machine cannot carry there and back is often one whose meaning was
    already garbled by the first translation: a broken clause, a wrong word, a lost negation.
    The report shows the back-translation so an editor sees what drifted.

    Example:
    The council called for accusations made on Monday from the capital that the mayor
    was preparing a report to justify the closure not be given credence.

    Use instead:
    The council urged people not to believe claims, made in the capital on Monday, that the
    mayor was preparing a report to justify the closure.
    """

    code = "R101"
    name = "round-trip-drift"
    severity = Severity.INFO
    family = "round-trip"
    needs = frozenset({"engine"})

    def check(self, ctx):
        results = ctx.cache.get("roundtrip") or {}
        scored = {i: r for i, r in results.items() if len(ctx.doc.view[ctx.segments[i].start:ctx.segments[i].end].split()) >= MIN_WORDS}
        if len(scored) < 3:
            return
        median = median_of(r.chrf for r in scored.values())
        for i, r in sorted(scored.items()):
            if r.chrf < DRIFT_FLOOR and r.chrf < median - DRIFT_MARGIN:
                seg = ctx.segments[i]
                lost = ", ".join(r.drift[:6]) or "word order"
                yield self.finding(
                    seg.start,
                    seg.end,
                    f"meaning drifts in a round trip through {ctx.cache.get('pivot')} (chrF {r.chrf:.0f}, "
                    f"document median {median:.0f}); lost: {lost}",
                    suggestion=f"back-translation: {r.backtranslation}",
                )
