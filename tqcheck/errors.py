"""Errors the user can act on, each with its documented exit code, and how a signal raises them."""
from __future__ import annotations

EXIT_CLEAN = 0  # no finding at or above --fail-on
EXIT_FINDINGS = 1  # findings at or above --fail-on
EXIT_USAGE = 2  # usage, configuration, input, engine or output error, or a file over its time budget
# Stopped by a signal: 128 + the signal's number, as a shell reports a process the signal killed.
EXIT_SIGINT = 130  # Ctrl-C
EXIT_SIGPIPE = 141  # whoever read standard output stopped reading (`| head`)
EXIT_SIGTERM = 143  # `kill`, a CI runner's or a container's stop


class TqcheckError(Exception):
    """An error reported as one line `tqcheck: error: …` with exit code 2."""

    exit_code = EXIT_USAGE


class InputError(TqcheckError):
    """A file that cannot be read as text."""


class MalformedFile(InputError):
    """A bilingual file that cannot be parsed: always an error, even when met in a directory walk."""


class ConfigError(TqcheckError):
    """A configuration file or value that is not valid."""


class EngineError(TqcheckError):
    """A translation engine that is missing, failed or crashed."""


class OutputError(TqcheckError):
    """The report cannot be written: standard output or the --output file."""


class Interrupted(BaseException):
    """SIGINT or SIGTERM: the run stops, cleaning up as it unwinds (a BaseException, like
    KeyboardInterrupt, so that no `except Exception` on the way swallows it)."""

    def __init__(self, signum: int, name: str):
        super().__init__(name)
        self.name = name
        self.exit_code = 128 + signum


class FileTimeout(BaseException):
    """One file went over --timeout-per-file; raised by SIGALRM wherever its work happened to be."""


# -- raising from a signal handler ---------------------------------------------------------------
#
# A handler for SIGINT, SIGTERM or a file's SIGALRM raises where the main thread happens to be.
# A few steps must not be cut in two: starting a child process and taking hold of it (cut there,
# the child would run on with no one to stop it), creating a temporary file and recording its name.

_held = 0
_pending: list[BaseException] = []


def raise_from_signal(exc: BaseException) -> None:
    """Raise `exc` (from a signal handler) now, or when the `held()` block running ends."""
    if _held:
        if not _pending:
            _pending.append(exc)
        return
    raise exc


class held:
    """`with held() as hold:` a signal's exception waits until `hold.release()` or the block's end.

    Release inside the `try` whose `finally` undoes the step, so that the exception is raised
    where the undoing is sure to run::

        with held() as hold:
            proc = subprocess.Popen(...)
            try:
                hold.release()
                ...
            finally:
                stop(proc)
    """

    def __init__(self):
        self._released = True

    def __enter__(self):
        global _held
        _held += 1
        self._released = False
        return self

    def release(self) -> None:
        global _held
        if self._released:
            return
        self._released = True
        _held -= 1
        if not _held and _pending:
            exc = _pending.pop()
            raise exc

    def __exit__(self, *exc_info) -> None:
        self.release()
