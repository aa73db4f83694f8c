"""The methods `dataclasses` writes for tqcheck's own classes, compiled once and kept in the warm-start file.

Python 3.11 writes the source of each dataclass's `__init__`, `__repr__` and `__eq__` and compiles
it at every import: for tqcheck's thirty-odd dataclasses that parse and compile was about a tenth of
the instructions of a one-file run. `install()` gives the `dataclasses` module an `exec` of its own
(a module global, shadowing the builtin for that module only) that runs the code object kept for
the same source text instead of compiling it again. Same text, same code: the classes are identical.
Only classes of tqcheck's modules are served from the file, so a user's dataclasses never fill it;
on a Python whose `dataclasses` works otherwise the stand-in is simply never called.
"""
from __future__ import annotations

import builtins
import dataclasses

from tqcheck.speed import warmstart

KEY = "dataclass-code"
_PACKAGE = "tqcheck."


def install() -> None:
    """Serve tqcheck's dataclass methods from the warm-start file from now on in this process."""
    if getattr(dataclasses, "exec", None) is not _exec:
        dataclasses.exec = _exec


def _exec(source, globals=None, locals=None, /):
    if isinstance(source, str) and isinstance(globals, dict) and str(globals.get("__name__", "")).startswith(_PACKAGE):
        source = warmstart.code(KEY, source)
    return builtins.exec(source, globals, locals)
