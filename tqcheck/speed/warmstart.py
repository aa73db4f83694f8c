"""Parsed data files and compiled patterns kept on disk between runs, so a one-file run starts fast.

A pre-commit hook checks one file per commit; parsing the TOML data and
compiling a few hundred regular expressions cost it more than the checking
itself.  Both results are pure functions of tqcheck's data, the pattern text
and the Python version, so they are kept in one `marshal` file in the cache
folder, read once per run and rewritten (atomically) only when a run built
something new.  Anything wrong with the file (missing, unreadable, corrupt,
from another Python) means building afresh, as if it were not there: it is an
optimisation, never a source of truth, and never a reason to fail or warn.

A run reads only what it asks for: the file is an index (key → where its value's
bytes are) followed by each value marshalled on its own, mapped and unmarshalled
value by value.  The file holds what every run of this installation has built (all
source languages, every selection), 4–5 MB; a run with `--select` or one language
pair needs a tenth of it, and unmarshalling all of it cost 11 ms.
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

_MAGIC = b"tqcheck-warmstart-1\n"  # then the index's length (8 bytes, little-endian), the index, the values

_data: dict | None = None  # key → marshal-able value: those read from the file so far, and those built
_patterns: dict | None = None  # (pattern, flags) → the compiled program's parts, likewise
_stored: "_Stored | None" = None  # the file's index and its mapped bytes, for the values not read yet
_dirty = False

# Every pattern this process asked `regex` for, by the place that asked: (file, line) → {(pattern, flags)}.
# It is what the guard against catastrophic backtracking (tests/test_pattern_guard.py) proves safe.
asked: dict[tuple[str, int], dict[tuple, None]] = {}
_ASKED_FROM_TEXT = 16  # patterns kept per place for those built from the text being checked (`store=False`)


def data(key: str, build: Callable[[], T]) -> T:
    """The value stored under `key`, else `build()` (stored for the next run when `marshal` can hold it)."""
    value = _held(key)
    if value is _MISSING:
        value = build()
        _hold(key, value)
    return value


def stamped(key: str, stamp: tuple, build: Callable[[], T]) -> T:
    """`build()`, kept under `key` with `stamp` (what it was built from: a file's size, time and inode)
    and built again when the stamp differs; one entry per key, whatever the stamps it has seen."""
    held = _held(key)
    if isinstance(held, tuple) and len(held) == 2 and held[0] == stamp:
        return held[1]
    value = build()
    _hold(key, (stamp, value))
    return value


def held(key: str):
    """The value stored under `key`, or None when there is none (nothing is built)."""
    value = _held(key)
    return None if value is _MISSING else value


def hold(key: str, value) -> None:
    """Keep `value` under `key` for the next run (when `marshal` can hold it)."""
    _hold(key, value)


def _held(key: str):
    store = _load()[0]
    if key in store:
        return store[key]
    value = _stored.value("data", key) if _stored is not None else _MISSING
    if value is not _MISSING:
        store[key] = value
    return value


def _hold(key: str, value) -> None:
    global _dirty
    if _marshallable(value):
        _data[key] = value
        _dirty = True


def code(key: str, source: str):
    """`compile(source, "<string>", "exec")`, kept in the table stored under `key` for the next run."""
    global _dirty
    store = _load()[0]
    table = store.get(key)
    if table is None and _stored is not None:
        table = store[key] = _stored.value("data", key, None)
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
    if parts is None and _stored is not None:
        parts = _stored.value("patterns", key, None)
        if parts is not None:
            patterns[key] = parts
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
    _read_all()  # the new file keeps what this run did not ask for, and the old one's map is closed first
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(pack(_fingerprint(), _data, _patterns))
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
    global _data, _patterns, _stored
    if _data is None:
        _data, _patterns = {}, {}
        path = _path()
        if path is not None:
            _stored = _Stored.open(path)
    return _data, _patterns


def pack(fingerprint: tuple, data: dict, patterns: dict) -> bytes:
    """The file's bytes: its mark, the index's length, the index, then every value marshalled on its own."""
    index: dict[str, dict] = {"data": {}, "patterns": {}}
    blobs = []
    offset = 0
    for section, values in (("data", data), ("patterns", patterns)):
        for key, value in values.items():
            blob = marshal.dumps(value)
            index[section][key] = (offset, len(blob))
            blobs.append(blob)
            offset += len(blob)
    head = marshal.dumps((fingerprint, index["data"], index["patterns"]))
    return b"".join((_MAGIC, len(head).to_bytes(8, "little"), head, *blobs))


def unpack(raw) -> tuple[tuple, dict, dict]:
    """(fingerprint, data, patterns) of a file's bytes, every value read; ValueError when they are not such a file."""
    stored = _Stored(raw)
    return stored.fingerprint, stored.read_all("data"), stored.read_all("patterns")


_MISSING = object()


class _Stored:
    """The file's index and its (mapped) bytes: each value is unmarshalled when first asked for, once."""

    __slots__ = ("raw", "fingerprint", "sections", "start")  # raw: a memoryview of the file's bytes

    def __init__(self, raw):
        if raw[:len(_MAGIC)] != _MAGIC:
            raise ValueError("not a warm-start file")
        head_at = len(_MAGIC) + 8
        self.start = head_at + int.from_bytes(raw[len(_MAGIC):head_at], "little")
        self.fingerprint, data, patterns = marshal.loads(raw[head_at:self.start])
        if not (isinstance(data, dict) and isinstance(patterns, dict)):
            raise ValueError("not a warm-start index")
        # Values are unmarshalled from views of the map: slices of it would copy each value's bytes first.
        self.raw, self.sections = memoryview(raw), {"data": data, "patterns": patterns}

    @classmethod
    def open(cls, path) -> "_Stored | None":
        """The file at `path` when it is one this Python and this tqcheck wrote, else None."""
        try:
            stored = cls(_read(path))
        except (OSError, EOFError, ValueError, TypeError):
            return None
        return stored if stored.fingerprint == _fingerprint() else None

    def value(self, section: str, key, default=_MISSING):
        where = self.sections[section].pop(key, None)
        if where is None:
            return default
        offset, length = where
        try:
            return marshal.loads(self.raw[self.start + offset:self.start + offset + length])
        except (EOFError, ValueError, TypeError):  # a damaged value: built afresh like a missing one
            return default

    def read_all(self, section: str) -> dict:
        values = {}
        for key in list(self.sections[section]):
            value = self.value(section, key)
            if value is not _MISSING:
                values[key] = value
        return values


def _read_all() -> None:
    """Read every value not read yet, and let go of the file's map."""
    global _stored
    if _stored is None:
        return
    for key, value in _stored.read_all("data").items():
        _data.setdefault(key, value)
    for key, value in _stored.read_all("patterns").items():
        _patterns.setdefault(key, value)
    view, _stored = _stored.raw, None
    mapped = view.obj
    try:
        view.release()
        if hasattr(mapped, "close"):
            mapped.close()  # every value was unmarshalled into objects of its own: nothing points into the map
    except BufferError:  # a view still held somewhere: the map closes when the last one goes
        pass


def _read(path):
    """The file's bytes as a read-only map: each value is unmarshalled from the page cache when it is asked for,
    without a 4 MB copy in the heap."""
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
