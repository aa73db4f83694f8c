"""Suspicion scores from 0 to 1 for segments and files, derived from the findings."""
from __future__ import annotations

import math

from tqcheck.finding import Finding, Severity

# How much one finding raises suspicion; info findings are hints and do not count.
WEIGHT = {Severity.ERROR: 0.6, Severity.WARNING: 0.4, Severity.INFO: 0.0}
# Weighted findings per 100 words at which a file reaches a score of about 0.63.
FILE_SCALE = 1.0


def segment_score(findings: list[Finding]) -> float:
    """1 − ∏(1 − w): any serious finding makes the segment suspicious, several more so."""
    keep = 1.0
    for f in findings:
        keep *= 1.0 - WEIGHT[f.severity]
    return 1.0 - keep


def file_score(findings: list[Finding], n_words: int) -> float:
    """Saturating density of weighted findings per 100 words."""
    weight = sum(WEIGHT[f.severity] for f in findings)
    density = weight / max(n_words, 1) * 100
    return 1.0 - math.exp(-density / FILE_SCALE)
