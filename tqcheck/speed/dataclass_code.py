"""The methods `dataclasses` writes for tqcheck's own classes, compiled once and kept in the warm-start file.

Python 3.11 writes the source of each dataclass's `__init__`, `__repr__` and `__eq__` and compiles
it at every import: for tqcheck's thirty-odd dataclasses that parse and compile was about a tenth of
the instructions of a one-file run. `install()` gives the `dataclasses` module an `exec` of its own
(a module global, shadowing the builtin for that module only) that runs the code object kept for
the same source text instead of compiling it again. Same text, same code: the classes are identical.
Only classes of tqcheck's modules are served from the file, so a user's dataclasses never fill it;
on a Python whose `dataclasses` works otherwise the stand-in is simply never called.

`dataclasses` imports `inspect` (and with it `ast`, `dis`, `tokenize`, `linecache`: ≈ 3 ms of a 0.1 s run)
for one use, the docstring it writes for a class that has none. It is imported here with a stand-in for
`inspect` that imports the real module the first time an attribute of it is asked for.
"""
from __future__ import annotations

import builtins
import sys
import types


class _InspectOnFirstUse(types.ModuleType):
    """What `dataclasses` holds as `inspect` until it asks for something: then the real module, imported."""

    def __getattr__(self, name):
        import importlib

        real = importlib.import_module("inspect")
        sys.modules["dataclasses"].inspect = real  # later uses go straight to the real module
        return getattr(real, name)


def _import_dataclasses():
    if "dataclasses" in sys.modules or "inspect" in sys.modules:
        import dataclasses

        return dataclasses
    # The import statement reads the stand-in's `__spec__` (a plain attribute, None), never its `__getattr__`.
    stand_in = sys.modules["inspect"] = _InspectOnFirstUse("inspect")
    try:
        import dataclasses
    finally:
        if sys.modules.get("inspect") is stand_in:
            del sys.modules["inspect"]  # any other `import inspect` gets the real module
    return dataclasses


dataclasses = _import_dataclasses()

from tqcheck.speed import warmstart  # noqa: E402

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
