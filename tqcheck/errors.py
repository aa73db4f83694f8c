"""Errors the user can act on, each with its documented exit code."""
from __future__ import annotations

EXIT_CLEAN = 0  # no finding at or above --fail-on
EXIT_FINDINGS = 1  # findings at or above --fail-on
EXIT_USAGE = 2  # usage, configuration, input or engine error


class TqcheckError(Exception):
    """An error reported as one line `tqcheck: error: …` with exit code 2."""

    exit_code = EXIT_USAGE


class InputError(TqcheckError):
    """A file that cannot be read as text."""


class ConfigError(TqcheckError):
    """A configuration file or value that is not valid."""


class EngineError(TqcheckError):
    """A translation engine that is missing, failed or crashed."""
