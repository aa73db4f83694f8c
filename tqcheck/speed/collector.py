"""Holding off Python's cycle collector while code that makes no reference cycles builds many objects."""
from __future__ import annotations

import contextlib
import gc


@contextlib.contextmanager
def gc_paused(promote: bool = False):
    """Hold off the cycle collector: a reader makes no cycles, but on a 20 MB file the collector
    rescans its hundreds of thousands of live objects again and again and doubles the time.

    With `promote`, what the paused stretch made goes to the oldest generation on the way out (by
    freezing and unfreezing, which moves lists and resets the young generation's count): else the first
    allocation after it would scan every one of those objects at once (20 ms after a 5,000-unit XLIFF
    file), only to find them alive. Only for code that makes no cyclic garbage, which would otherwise wait
    for a full collection; and not when something else has frozen objects, which unfreezing would thaw.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if promote and gc.get_freeze_count() == 0:
            gc.freeze()
            gc.unfreeze()
        if was_enabled:
            gc.enable()
