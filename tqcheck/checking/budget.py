"""A time budget for one file (--timeout-per-file): SIGALRM stops its work wherever it is."""
from __future__ import annotations

from tqcheck.errors import FileTimeout, raise_from_signal

# The reason a file stopped by its budget is listed under in every report format.
TIMEOUT = "timeout"

# setitimer takes a time_t of seconds: a budget of 1e308 s overflowed it (an internal error); 1e9 s is 31 years.
LONGEST = 1e9


class time_limit:
    """`with time_limit(seconds):` raises FileTimeout in the block once it has run `seconds`; None: no limit.

    The interval timer's SIGALRM runs a handler between two bytecodes, and _sre checks for
    signals while it matches, so Python code and a runaway regular expression both stop; a
    call into native code that never checks (a CTranslate2 batch) finishes first. The work
    unwinds through its `finally` clauses: an Apertium pipeline started for the file is
    killed there, a cache transaction rolled back. Main thread only, as signals are.
    """

    def __init__(self, seconds: float | None):
        self.seconds = seconds
        self._previous = None

    def __enter__(self):
        if self.seconds:
            import signal  # only a run with a budget needs it

            self._previous = signal.signal(signal.SIGALRM, _expire)
            signal.setitimer(signal.ITIMER_REAL, min(self.seconds, LONGEST))
        return self

    def __exit__(self, *exc_info) -> None:
        if not self.seconds:
            return
        import signal

        try:
            signal.setitimer(signal.ITIMER_REAL, 0)
        finally:  # the alarm may land before the timer is stopped: the handler is restored all the same
            signal.signal(signal.SIGALRM, self._previous)


def _expire(signum, frame):
    raise_from_signal(FileTimeout())
