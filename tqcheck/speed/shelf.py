"""One cache file of named parts, each unmarshalled only when asked for: a warm run reads the few buckets it needs.

A 50,000-entry glossary and its term index are 14 MB of marshal; loading them whole cost a warm
one-article run 0.15 s of CPU for the handful of terms an article holds.  Here a value is stored
as parts: a `Part` is marshalled whole; a `Table` (a dict) is cut into buckets by a stable hash of
a routing key (the key itself, or its first word), so a lookup loads one small bucket; `Rows` (a
list) are cut into runs of consecutive items.  The file is mapped, not read: only the pages of the
header and of the buckets touched are read.  Like the warm-start file it is an optimisation: a
missing, damaged or stale file means building afresh, never an error.
"""
from __future__ import annotations

import marshal
import os
from array import array
from binascii import crc32

MAGIC = b"TQSHELF1"
_HEAD = len(MAGIC) + 8  # the magic, then the header's length as 8 bytes little-endian
BUCKET_SIZE = 16  # keys a table's bucket holds on average
RUN_SIZE = 64  # items of a `Rows` run
_OFFSETS = "q"


def route_key(key: str) -> str:
    return key


def route_first_word(key: str) -> str:
    """A table of space-joined words bucketed by the first: all keys a text position can start share one bucket."""
    return key.split(" ", 1)[0]


def route_first_letter(key: str) -> str:
    """A table asked for many near spellings of one word at once: they share its first letter, so a bucket."""
    return key[:1]


ROUTES = {"key": route_key, "first-word": route_first_word, "first-letter": route_first_letter}


def _bucket(route: str, nbuckets: int) -> int:
    return crc32(route.encode("utf-8", "surrogatepass")) % nbuckets


class Part:
    """A value stored whole."""

    def __init__(self, value):
        self.value = value


class Table:
    """A dict stored in buckets; `route` names how a key chooses its bucket ("key" or "first-word")."""

    def __init__(self, mapping: dict, route: str = "key"):
        self.mapping, self.route = mapping, route


class Rows:
    """A list stored in runs of RUN_SIZE items."""

    def __init__(self, items: list):
        self.items = items


class Shelf:
    """The parts of one stored value, over the bytes of its file (mapped) or of a fresh build."""

    def __init__(self, buffer, directory: dict, base: int):
        self._buffer, self._directory, self._base = buffer, directory, base

    def _slice(self, start: int, length: int):
        return self._buffer[self._base + start:self._base + start + length]

    def part(self, name: str):
        _, start, length = self._directory[name]
        return marshal.loads(self._slice(start, length))

    def table(self, name: str) -> "LoadedTable":
        return LoadedTable(self, self._directory[name])

    def rows(self, name: str, convert=None) -> "LoadedRows":
        return LoadedRows(self, self._directory[name], convert)


class LoadedTable:
    """Read-only mapping over a stored `Table`: `get`, `in`, `len` and truth, loading one bucket per new route."""

    def __init__(self, shelf: Shelf, entry: tuple):
        _, self._start, offsets, self._count, route = entry
        self._shelf = shelf
        self._offsets = array(_OFFSETS)
        self._offsets.frombytes(offsets)
        self._route = ROUTES[route]
        self._loaded: dict[int, dict] = {}  # bucket number -> its dict
        self._by_route: dict[str, dict] = {}  # route -> its bucket: most lookups skip the hash

    def _bucket_of(self, key: str) -> dict:
        route = self._route(key)
        bucket = self._by_route.get(route)
        if bucket is None:
            n = _bucket(route, len(self._offsets) - 1)
            bucket = self._loaded.get(n)
            if bucket is None:
                start, end = self._offsets[n], self._offsets[n + 1]
                bucket = self._loaded[n] = marshal.loads(self._shelf._slice(self._start + start, end - start))
            self._by_route[route] = bucket
        return bucket

    def get(self, key: str, default=None):
        return self._bucket_of(key).get(key, default)

    def __contains__(self, key) -> bool:
        return isinstance(key, str) and key in self._bucket_of(key)

    def __len__(self) -> int:
        return self._count

    def __bool__(self) -> bool:
        return self._count > 0


class LoadedRows:
    """Read-only sequence over stored `Rows`, each item passed through `convert` once when first asked for."""

    def __init__(self, shelf: Shelf, entry: tuple, convert=None):
        _, self._start, offsets, self._count = entry
        self._shelf = shelf
        self._offsets = array(_OFFSETS)
        self._offsets.frombytes(offsets)
        self._convert = convert
        self._runs: dict[int, list] = {}

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, i: int):
        if i < 0:
            i += self._count
        if not 0 <= i < self._count:
            raise IndexError(i)
        run = self._runs.get(i // RUN_SIZE)
        if run is None:
            n = i // RUN_SIZE
            start, end = self._offsets[n], self._offsets[n + 1]
            items = marshal.loads(self._shelf._slice(self._start + start, end - start))
            run = self._runs[n] = [self._convert(*item) for item in items] if self._convert else items
        return run[i % RUN_SIZE]

    def __iter__(self):
        for i in range(self._count):
            yield self[i]


def dumps(stamp, parts: dict) -> bytes:
    """The file's bytes for these named parts (each a Part, Table or Rows), stamped with `stamp`."""
    body = bytearray()
    directory = {}
    for name, part in parts.items():
        start = len(body)
        if isinstance(part, Part):
            blob = marshal.dumps(part.value)
            body += blob
            directory[name] = ("part", start, len(blob))
        elif isinstance(part, Table):
            route = ROUTES[part.route]
            nbuckets = max(1, len(part.mapping) // BUCKET_SIZE)
            buckets: list[dict] = [{} for _ in range(nbuckets)]
            for key, value in part.mapping.items():
                buckets[_bucket(route(key), nbuckets)][key] = value
            offsets = _pack(body, start, buckets)
            directory[name] = ("table", start, offsets, len(part.mapping), part.route)
        elif isinstance(part, Rows):
            runs = [part.items[i:i + RUN_SIZE] for i in range(0, len(part.items), RUN_SIZE)]
            offsets = _pack(body, start, runs)
            directory[name] = ("rows", start, offsets, len(part.items))
        else:
            raise TypeError(f"shelf part {name!r}: {type(part).__name__} is not a Part, Table or Rows")
    header = marshal.dumps((stamp, directory, len(body)))
    return b"".join((MAGIC, len(header).to_bytes(8, "little"), header, body))  # one copy of the body, not two


def _pack(body: bytearray, start: int, chunks) -> bytes:
    offsets = array(_OFFSETS, [0])
    for chunk in chunks:
        body += marshal.dumps(chunk)
        offsets.append(len(body) - start)
    return offsets.tobytes()


def loads(buffer, stamp) -> Shelf | None:
    """The shelf in `buffer` (bytes or a map of the file), or None when it is not one or its stamp differs."""
    if len(buffer) < _HEAD or buffer[:len(MAGIC)] != MAGIC:
        return None
    size = int.from_bytes(buffer[len(MAGIC):_HEAD], "little")
    kept_stamp, directory, body = marshal.loads(buffer[_HEAD:_HEAD + size])
    if kept_stamp != stamp or not isinstance(directory, dict) or len(buffer) != _HEAD + size + body:
        return None  # stale, or cut short
    return Shelf(buffer, directory, _HEAD + size)


def stored(path, stamp, make) -> Shelf:
    """The shelf kept at `path` while its stamp equals `stamp`, else `make()`'s parts, written there for the
    next run (atomically; silently not when `path` is None or cannot be written). `stamp=None` never reuses."""
    if path is not None and stamp is not None:
        shelf = _mapped(path, stamp)
        if shelf is not None:
            return shelf
    data = dumps(stamp, make())
    if path is not None and stamp is not None:
        temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary.write_bytes(data)
            os.replace(temporary, path)
        except (OSError, ValueError):
            try:
                temporary.unlink(missing_ok=True)
            except OSError:
                pass
    return loads(data, stamp)


def _mapped(path, stamp) -> Shelf | None:
    import mmap

    try:
        with open(path, "rb") as file:
            buffer = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):  # missing, unreadable, or empty
        return None
    try:
        return loads(buffer, stamp)
    except (ValueError, EOFError, TypeError, OverflowError):  # damaged, or from another Python
        return None
