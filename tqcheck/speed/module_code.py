"""tqcheck's own modules imported from code objects kept in the warm-start file, for a command-line run.

Importing a module the usual way costs more than running its code's unmarshal: the path finder lists
and stats the package folder, the loader stats the source, opens and reads the `.pyc` and checks its
stamp — about 60 µs a module, 4 ms for the 60-odd modules a one-file check imports. `install()` puts a
finder first on `sys.meta_path` that answers for `tqcheck.*` from the warm-start file: where the module
lives (as the path finder found it) and its code object, one value per module, read when imported. The
module is the same: a `SourceFileLoader` for the same file (so `__file__`, resources, `get_source` and
tracebacks are as before), only handed the code instead of reading it. The warm-start file is discarded
whenever any file of the package changes size or time, so the code is never older than the source. A
module it does not hold yet is found and loaded the usual way, and its code kept for the next run.
"""
from __future__ import annotations

import os
import sys
from importlib._bootstrap_external import PathFinder, SourceFileLoader, spec_from_file_location

from tqcheck.speed import warmstart

_PREFIX = "tqcheck."
_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))  # the folder of the tqcheck package


class _StoredCodeLoader(SourceFileLoader):
    """The usual loader of the module's source file, handed its code (or keeping it for the next run)."""

    def __init__(self, fullname: str, path: str, code=None):
        super().__init__(fullname, path)
        self._code = code

    def get_code(self, fullname):
        code, self._code = self._code, None
        if code is None:
            code = super().get_code(fullname)
            if code is not None:
                warmstart.hold(f"module:{fullname}", (self.path[len(_ROOT):], self.is_package(fullname), code))
        return code


class _Finder:
    """Finds `tqcheck.*` modules by their stored place, else as the path finder does."""

    _busy = False  # reading the warm-start file imports a module or two itself: those go the usual way

    @classmethod
    def find_spec(cls, fullname, path=None, target=None):
        if not fullname.startswith(_PREFIX) or cls._busy:
            return None
        cls._busy = True
        try:
            held = warmstart.held(f"module:{fullname}")
            if held is not None:
                where, package, code = held
                origin = _ROOT + where
                return spec_from_file_location(
                    fullname, origin, loader=_StoredCodeLoader(fullname, origin, code),
                    submodule_search_locations=[os.path.dirname(origin)] if package else None)
            spec = PathFinder.find_spec(fullname, path, target)
            if (spec is not None and type(spec.loader) is SourceFileLoader and spec.origin
                    and spec.origin.startswith(_ROOT + os.sep)):
                spec.loader = _StoredCodeLoader(fullname, spec.origin)
            return spec
        finally:
            cls._busy = False


def install() -> None:
    """Import tqcheck's modules through the stored code from now on in this process."""
    if _Finder not in sys.meta_path:
        sys.meta_path.insert(0, _Finder)
