"""Parsed data files and compiled patterns kept on disk between runs, so a one-file run starts fast.

A pre-commit hook checks one file per commit; parsing the TOML data and
compiling a few hundred regular expressions cost it more than the checking
itself.  Both results are pure functions of tqcheck's data, the pattern text
and the Python version, so they are kept in one `marshal` file in the cache
folder, read once per run and rewritten (atomically) only when a run built
something new.  Anything wrong with the file (missing, unreadable, corrupt,
from another Python) means building afresh, as if it were not there: it is an
optimisation, never a source of truth, and never a reason to fail or warn.
"""
from __future__ import annotations

import marshal
import os
import re
import sys
import zlib
from array import array
from typing import Callable, TypeVar

import tqcheck

T = TypeVar("T")
PREFIX = "warmstart-"
_CODE_TYPECODE = "I"  # _sre programs are unsigned words of _sre.CODESIZE (4) bytes

_data: dict | None = None  # key → marshal-able value, loaded on first use
_patterns: dict | None = None  # (pattern, flags) → the compiled program's parts
_dirty = False

# Every pattern this process asked `regex` for, by the place that asked: (file, line) → {(pattern, flags)}.
# It is what the guard against catastrophic backtracking (tests/test_pattern_guard.py) proves safe.
asked: dict[tuple[str, int], dict[tuple, None]] = {}
_ASKED_FROM_TEXT = 16  # patterns kept per place for those built from the text being checked (`store=False`)


def data(key: str, build: Callable[[], T]) -> T:
    """The value stored under `key`, else `build()` (stored for the next run when `marshal` can hold it)."""
    global _dirty
    store = _load()[0]
    if key in store:
        return store[key]
    value = build()
    if _marshallable(value):
        store[key] = value
        _dirty = True
    return value


def code(key: str, source: str):
    """`compile(source, "<string>", "exec")`, kept in the table stored under `key` for the next run."""
    global _dirty
    store = _load()[0]
    table = store.get(key)
    if not isinstance(table, dict):
        table = store[key] = {}
    compiled = table.get(source)
    if compiled is None:
        compiled = table[source] = compile(source, "<string>", "exec")
        _dirty = True
    return compiled


def regex(pattern: str, flags: int = 0, *, store: bool = True) -> re.Pattern:
    """`re.compile(pattern, flags)`, skipping the parse and compile steps when an earlier run did them.

    Every pattern of tqcheck is compiled here, so that one test sees them all.  `store=False` is
    for a pattern built from the text being checked (words of a finding): compiled by `re` and
    never written to the warm-start file, which would otherwise grow with every text checked.
    """
    global _dirty
    key = (pattern, int(flags))
    caller = sys._getframe(1)
    site = (caller.f_code.co_filename, caller.f_lineno)
    seen = asked.get(site)
    if seen is None:
        seen = asked[site] = {}
    if store or len(seen) < _ASKED_FROM_TEXT:
        seen[key] = None
    if not store:
        return re.compile(pattern, flags)
    patterns = _load()[1]
    parts = patterns.get(key)
    if parts is not None:
        try:
            return _rebuild(pattern, parts)
        except Exception:  # a program another Python wrote, or a damaged file: compile afresh
            del patterns[key]
    compiled, parts = _compile(pattern, int(flags))
    if parts is not None:
        patterns[key] = parts
        _dirty = True
    return compiled


def save() -> None:
    """Write what this run built, for the next one; silently skipped when the folder is not writable."""
    global _dirty
    if not _dirty:
        return
    _dirty = False
    path = _path()
    if path is None:
        return
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(marshal.dumps((_fingerprint(), _data, _patterns)))
        os.replace(temporary, path)  # readers see the old file or the new one, never half of one
    except BaseException as exc:  # a full disk, a read-only folder, or Ctrl-C / SIGTERM right now
        try:
            temporary.unlink(missing_ok=True)
        except OSError:  # the folder itself is missing or not a folder
            pass
        if not isinstance(exc, (OSError, ValueError)):
            raise


def clear() -> int:
    """Remove the stored file(s); returns how many bytes were freed."""
    path = _path()
    freed = 0
    if path is None or not path.parent.is_dir():
        return 0
    for candidate in path.parent.glob(f"{PREFIX}*"):
        try:
            freed += candidate.stat().st_size
            candidate.unlink()
        except OSError:
            pass
    return freed


def stored_path():
    """The file this Python and this tqcheck read and write (it may not exist yet)."""
    return _path()


# -- internals ------------------------------------------------------------------


def _load() -> tuple[dict, dict]:
    global _data, _patterns
    if _data is None:
        _data, _patterns = {}, {}
        path = _path()
        if path is not None:
            try:
                fingerprint, stored_data, stored_patterns = marshal.loads(_read(path))
                if fingerprint == _fingerprint() and isinstance(stored_data, dict) and isinstance(stored_patterns, dict):
                    _data, _patterns = stored_data, stored_patterns
            except (OSError, EOFError, ValueError, TypeError):
                pass
    return _data, _patterns


def _read(path):
    """The file's bytes as a read-only map: unmarshalled from the page cache, without a 4 MB copy in the heap
    (a third fewer page faults for a one-file run)."""
    import mmap

    with open(path, "rb") as file:
        try:
            return mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
        except ValueError:  # an empty file cannot be mapped
            return b""


def _path():
    from tqcheck.speed.cachedir import cache_dir

    try:
        # One file per Python minor version (each keeps its own compiled programs) and per installed copy of
        # tqcheck: two checkouts sharing a cache folder would otherwise each find the other's file stale and
        # rewrite it, and every run would build afresh (0.27 → 0.69 s of CPU on one article, measured).
        where = zlib.crc32(os.path.dirname(tqcheck.__file__).encode("utf-8", "surrogatepass"))
        return cache_dir() / f"{PREFIX}py{sys.version_info[0]}{sys.version_info[1]}-{where:08x}.marshal"
    except (OSError, RuntimeError, KeyError):  # no home folder to find a cache folder in
        return None


_FINGERPRINT: tuple | None = None


def _fingerprint() -> tuple:
    """What the stored values depend on: tqcheck, Python, the regex engine, and the size and time
    of every file of the package, data and code alike (stored values are built by tqcheck's code,
    so an edited checkout must not be served what its previous code built). Taken once per process."""
    global _FINGERPRINT
    if _FINGERPRINT is None:
        import _sre

        _FINGERPRINT = (tqcheck.__version__, sys.version, _sre.MAGIC, _sre.CODESIZE, _package_stamp())
    return _FINGERPRINT


def _package_stamp() -> tuple:
    root = os.path.dirname(tqcheck.__file__)
    stamp = []
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            if entry.is_dir():
                if entry.name != "__pycache__":
                    stack.append(entry.path)
            elif entry.name.endswith((".py", ".toml", ".txt")):
                info = entry.stat()
                stamp.append((entry.path[len(root):], info.st_size, info.st_mtime_ns))
    return tuple(sorted(stamp))


def _compile(pattern: str, flags: int) -> tuple[re.Pattern, tuple | None]:
    """Compile as `re.compile` does, keeping the parts `_sre.compile` needs to rebuild it without parsing."""
    try:
        from re import _compiler, _parser

        parsed = _parser.parse(pattern, flags)
        code = _compiler._code(parsed, flags)
        groupindex = dict(parsed.state.groupdict)
        indexgroup = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        # The program as machine words in bytes: a tenth of the size of a list of ints, and quicker to load.
        program = array(_CODE_TYPECODE, code).tobytes()
        parts = (int(flags | parsed.state.flags), program, parsed.state.groups - 1, groupindex, tuple(indexgroup))
        return _rebuild(pattern, parts), parts
    except Exception:  # an interpreter whose regex internals differ: the public way, uncached
        return re.compile(pattern, flags), None


def _rebuild(pattern: str, parts: tuple) -> re.Pattern:
    import _sre

    flags, program, groups, groupindex, indexgroup = parts
    code = array(_CODE_TYPECODE)
    code.frombytes(program)
    return _sre.compile(pattern, flags, code.tolist(), groups, groupindex, indexgroup)


def _marshallable(value) -> bool:
    try:
        marshal.dumps(value)
        return True
    except ValueError:
        return False


def fingerprint() -> tuple:
    """What values built by tqcheck's code depend on (tqcheck, Python, every package file), for stores kept elsewhere."""
    return _fingerprint()
