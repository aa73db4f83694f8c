"""Findings about tqcheck's own comments in the document."""
from __future__ import annotations

from tqcheck.finding import Severity
from tqcheck.rules.base import Detector
from tqcheck.text.suppress import UNUSED_CODE, UNUSED_NAME


class UnusedSuppression(Detector):
    """What it does:
    Reports a `tqcheck: disable` or `tqcheck: ignore-next-line` comment that suppresses nothing.

    Why it matters:
    A stale suppression hides future problems in text that has since been fixed or moved.

    Example:
    <!-- tqcheck: ignore-next-line --> above a line with no finding.

    Use instead:
    Remove the comment.
    """

    code = UNUSED_CODE
    name = UNUSED_NAME
    severity = Severity.INFO
    family = "meta"

    def check(self, ctx):
        return ()  # the runner reports unused suppressions after all detectors ran
