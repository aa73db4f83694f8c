"""A SQLite cache of machine translations, safe to share between concurrent runs."""
from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import sys
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

import tqcheck
from tqcheck.speed.cachedir import cache_dir
from tqcheck.errors import EngineError

if TYPE_CHECKING:
    from tqcheck.translation.engines.base import Engine

FILENAME = "translations.sqlite3"
SCHEMA_VERSION = 2  # 2: round_trips added
_COLUMNS = ("key", "tqcheck", "engine", "version", "source", "target",
            "text", "translation", "unknown", "created")
_SCHEMA = """
CREATE TABLE IF NOT EXISTS translations (
    key TEXT PRIMARY KEY,      -- sha256 of the other key columns
    tqcheck TEXT NOT NULL,     -- tqcheck's own pre/post-processing may change
    engine TEXT NOT NULL,
    version TEXT NOT NULL,
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    text TEXT NOT NULL,
    translation TEXT NOT NULL,
    unknown TEXT,              -- JSON list of unknown words, NULL when not asked for
    created REAL NOT NULL
)
"""
# A round trip and everything derived from it alone, so that a warm run neither
# translates nor scores: keyed like translations, with `version` naming both
# directions' engine versions and the scorer (tqcheck.translation.roundtrip.translate_round_trip).
_ROUND_TRIP_COLUMNS = ("key", "tqcheck", "engine", "version", "source", "target", "text",
                       "backtranslation", "round_trip", "unknown", "drift", "chrf", "signature", "created")
_ROUND_TRIP_SCHEMA = """
CREATE TABLE IF NOT EXISTS round_trips (
    key TEXT PRIMARY KEY,      -- sha256 of tqcheck, engine, version, source, target, text
    tqcheck TEXT NOT NULL,
    engine TEXT NOT NULL,
    version TEXT NOT NULL,     -- outward / back engine versions and the scorer's stamp
    source TEXT NOT NULL,      -- the checked text's language
    target TEXT NOT NULL,      -- the pivot language
    text TEXT NOT NULL,
    backtranslation TEXT NOT NULL,
    round_trip TEXT NOT NULL,
    unknown TEXT NOT NULL,     -- JSON list of words the engine did not know, going out
    drift TEXT NOT NULL,       -- JSON list of words the round trip lost
    chrf REAL NOT NULL,
    signature TEXT NOT NULL,   -- sacrebleu's signature of the chrF that scored it
    created REAL NOT NULL
)
"""
_TABLES = {"translations": (_COLUMNS, _SCHEMA), "round_trips": (_ROUND_TRIP_COLUMNS, _ROUND_TRIP_SCHEMA)}
_BUSY_TIMEOUT_MS = 5000
_QUERY_CHUNK = 500  # below SQLite's smallest limit on bound variables (999)
_warned: set[str] = set()  # one warning per cache file per process
# A cached round trip: (backtranslation, round trip, unknown words, drift words, chrF, chrF signature).
RoundTripRow = tuple[str, str, list[str], list[str], float, str]


def _key(engine: str, version: str, source: str, target: str, text: str) -> str:
    parts = [tqcheck.__version__, engine, version, source, target, text]
    return hashlib.sha256(json.dumps(parts, ensure_ascii=False).encode("utf-8")).hexdigest()


class _Unusable(Exception):
    """The cache file exists but is not one this tqcheck can use."""


def _describe(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        where = f" {exc.filename}" if exc.filename else ""
        return f"{exc.strerror}:{where}".rstrip(":")
    return " ".join(str(exc).split()) or type(exc).__name__


class TranslationCache:
    """Translations keyed by (engine, version, source, target, text).

    Any problem with the file or folder disables the cache with one warning
    on stderr; every method then behaves as an empty cache.
    """

    def __init__(self, path: str | os.PathLike | None = None):
        self.path = Path(path) if path is not None else cache_dir() / FILENAME
        self._conn: sqlite3.Connection | None = None
        self._problem: str | None = None
        self._lock = threading.RLock()

    @property
    def usable(self) -> bool:
        return self._connect() is not None

    # -- connection ---------------------------------------------------------

    def _disable(self, problem: str) -> None:
        self._problem = problem
        if self._conn is not None:
            try:
                self._conn.close()
            except sqlite3.Error:
                pass
            self._conn = None
        if str(self.path) not in _warned:
            _warned.add(str(self.path))
            print(
                f"tqcheck: warning: translation cache {self.path} unusable ({problem}); "
                "continuing without it",
                file=sys.stderr,
                flush=True,
            )

    def _connect(self) -> sqlite3.Connection | None:
        with self._lock:
            if self._problem is not None:
                return None
            if self._conn is not None:
                return self._conn
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:  # a read-only place (/proc, a read-only mount), a file in the way
                self._disable(f"cannot create its folder: {exc.strerror or exc}")
                return None
            try:
                conn = sqlite3.connect(
                    self.path, timeout=_BUSY_TIMEOUT_MS / 1000,
                    isolation_level=None,  # we issue BEGIN/COMMIT ourselves
                    check_same_thread=False,  # guarded by self._lock
                )
                try:
                    conn.execute(f"PRAGMA busy_timeout = {_BUSY_TIMEOUT_MS}")
                    self._prepare(conn)
                except BaseException:
                    conn.close()
                    raise
            except (OSError, sqlite3.Error, _Unusable) as exc:
                self._disable(_describe(exc))
                return None
            self._conn = conn
            return conn

    def _prepare(self, conn: sqlite3.Connection) -> None:
        # Read before writing anything: on a file that is not a database this
        # raises without touching it, so the user's file stays as it was.
        user_version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if user_version > SCHEMA_VERSION:
            raise _Unusable(f"written by a newer tqcheck, schema {user_version}")
        if tables - set(_TABLES):
            raise _Unusable("not a tqcheck translation cache")
        for table in tables:
            columns = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
            if not set(_TABLES[table][0]) <= columns:
                raise _Unusable("unexpected schema")
        for attempt in range(3):
            try:
                # WAL lets readers and one writer work at once; it persists in the file.
                conn.execute("PRAGMA journal_mode = WAL")
                if tables != set(_TABLES) or user_version < SCHEMA_VERSION:  # new, or from an older tqcheck
                    conn.execute("BEGIN IMMEDIATE")
                    try:
                        for _, schema in _TABLES.values():
                            conn.execute(schema)
                        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
                        conn.execute("COMMIT")
                    except BaseException:
                        conn.execute("ROLLBACK")
                        raise
                return
            except sqlite3.OperationalError as exc:
                # Two runs creating the file at once can outlast busy_timeout here.
                if "locked" not in str(exc) and "busy" not in str(exc) or attempt == 2:
                    raise
                time.sleep(0.1 * (attempt + 1))

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def __enter__(self):
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    # -- reading and writing ------------------------------------------------

    def get_many_detailed(
        self, engine: str, version: str, source: str, target: str, texts: Iterable[str]
    ) -> dict[str, tuple[str, list[str] | None]]:
        """Cached (translation, unknown words or None when never recorded) per text."""
        return self._select("translations", ("translation", "unknown"), engine, version, source, target, texts,
                            lambda translation, unknown: (translation, None if unknown is None else json.loads(unknown)))

    def get_many(
        self, engine: str, version: str, source: str, target: str, texts: Iterable[str]
    ) -> dict[str, str]:
        """Cached translations of those texts that have one."""
        found = self.get_many_detailed(engine, version, source, target, texts)
        return {text: translation for text, (translation, _) in found.items()}

    def put_many(
        self, engine: str, version: str, source: str, target: str,
        pairs: Iterable[tuple[str, str]] | Iterable[tuple[str, str, list[str]]],
    ) -> None:
        """Store (text, translation) or (text, translation, unknown words) in one transaction."""
        self._insert("translations", _COLUMNS, engine, version, source, target, [
            (text, translation, json.dumps(unknown[0], ensure_ascii=False) if unknown else None)
            for text, translation, *unknown in pairs
        ])

    def get_round_trips(
        self, engine: str, version: str, source: str, target: str, texts: Iterable[str]
    ) -> dict[str, RoundTripRow]:
        """Cached round trips of `texts` (in `source`, through `target`), per text."""
        return self._select(
            "round_trips", ("backtranslation", "round_trip", "unknown", "drift", "chrf", "signature"),
            engine, version, source, target, texts,
            lambda back, again, unknown, drift, chrf, signature:
                (back, again, json.loads(unknown), json.loads(drift), chrf, signature),
        )

    def put_round_trips(
        self, engine: str, version: str, source: str, target: str, rows: Iterable[tuple[str, RoundTripRow]]
    ) -> None:
        """Store (text, round trip) pairs in one transaction."""
        self._insert("round_trips", _ROUND_TRIP_COLUMNS, engine, version, source, target, [
            (text, back, again, json.dumps(unknown, ensure_ascii=False), json.dumps(drift, ensure_ascii=False),
             float(chrf), signature)
            for text, (back, again, unknown, drift, chrf, signature) in rows
        ])

    def _select(self, table: str, columns: tuple[str, ...], engine: str, version: str, source: str,
                target: str, texts: Iterable[str], decode) -> dict:
        """decode(*columns) per text found, in as few queries as SQLite allows."""
        by_key = {_key(engine, version, source, target, t): t for t in texts}
        found = {}
        with self._lock:
            conn = self._connect()
            if conn is None:
                return found
            keys = list(by_key)
            try:
                for start in range(0, len(keys), _QUERY_CHUNK):
                    chunk = keys[start:start + _QUERY_CHUNK]
                    rows = conn.execute(
                        f"SELECT key, {', '.join(columns)} FROM {table} "
                        f"WHERE key IN ({','.join('?' * len(chunk))})",
                        chunk,
                    )
                    for key, *values in rows:
                        found[by_key[key]] = decode(*values)
            except (sqlite3.Error, ValueError, TypeError) as exc:
                self._disable(_describe(exc))
                return {}
        return found

    def _insert(self, table: str, columns: tuple[str, ...], engine: str, version: str, source: str,
                target: str, values: list[tuple]) -> None:
        """Insert or replace rows of (text, *value columns) in one transaction."""
        if not values:
            return
        now = time.time()
        rows = [(_key(engine, version, source, target, text), tqcheck.__version__,
                 engine, version, source, target, text, *rest, now) for text, *rest in values]
        with self._lock:
            conn = self._connect()
            if conn is None:
                return
            try:
                try:  # BEGIN inside, so that a signal right after it still ends in ROLLBACK
                    conn.execute("BEGIN IMMEDIATE")
                    conn.executemany(
                        f"INSERT OR REPLACE INTO {table} ({', '.join(columns)}) "
                        f"VALUES ({', '.join('?' * len(columns))})",
                        rows,
                    )
                    conn.execute("COMMIT")
                except BaseException:
                    if conn.in_transaction:
                        conn.execute("ROLLBACK")
                    raise
            except sqlite3.Error as exc:
                self._disable(_describe(exc))

    # -- housekeeping -------------------------------------------------------

    def info(self) -> dict:
        """path, entries, bytes (database plus WAL files), and whether it is usable."""
        size = 0
        for suffix in ("", "-wal", "-shm"):
            try:
                size += os.stat(f"{self.path}{suffix}").st_size
            except OSError:
                pass
        entries = 0
        with self._lock:
            conn = self._connect() if self.path.exists() else None
            if conn is not None:
                try:
                    entries = conn.execute("SELECT COUNT(*) FROM translations").fetchone()[0]
                except sqlite3.Error as exc:
                    self._disable(_describe(exc))
        return {"path": str(self.path), "entries": entries, "bytes": size,
                "usable": self._problem is None, "problem": self._problem}

    def clear(self) -> int:
        """Remove every entry; a file that is unusable is replaced.  Returns translations removed."""
        with self._lock:
            conn = self._connect() if self.path.exists() else None
            if conn is not None:
                try:
                    removed = conn.execute("DELETE FROM translations").rowcount
                    conn.execute("DELETE FROM round_trips")  # derived from translations: they go too
                    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                    conn.execute("VACUUM")
                    return removed
                except sqlite3.Error as exc:
                    self._disable(_describe(exc))
                    return 0
            if self._problem is None or not self.path.exists():
                return 0
            # Asked for explicitly: only here may a corrupt file be deleted.
            try:
                for suffix in ("", "-wal", "-shm"):
                    Path(f"{self.path}{suffix}").unlink(missing_ok=True)
            except OSError as exc:
                print(f"tqcheck: warning: cannot remove translation cache {self.path} "
                      f"({_describe(exc)})", file=sys.stderr, flush=True)
                return 0
            self._problem = None
            _warned.discard(str(self.path))
            self._connect()
            return 0


def engine_version(engine: Engine, source: str, target: str) -> str:
    version_for = getattr(engine, "version_for", None)
    return version_for(source, target) if version_for else engine.version


def distinct_texts(texts: list[str]) -> list[str]:
    """Distinct non-blank texts, in first-seen order."""
    return list(dict.fromkeys(t for t in texts if t.strip()))


def _translate_misses(engine: Engine, misses: list[str], batch) -> list:
    """The engine's answers for the cache misses, one per text, or EngineError when it miscounts."""
    results = batch(misses) if misses else []
    if len(results) != len(misses):
        raise EngineError(f"{engine.name} returned {len(results)} translations for {len(misses)} sentences")
    return results


def cached_translate(
    engine: Engine, texts: list[str], source: str, target: str,
    cache: TranslationCache | None = None,
) -> list[str]:
    """Translate texts, sending only the distinct cache misses to the engine in one batch."""
    wanted = distinct_texts(texts)
    version = engine_version(engine, source, target) if wanted else ""
    found = cache.get_many(engine.name, version, source, target, wanted) if cache and wanted else {}
    misses = [t for t in wanted if t not in found]
    new = dict(zip(misses, _translate_misses(
        engine, misses, lambda batch: engine.translate_batch(batch, source, target))))
    if new and cache is not None:
        cache.put_many(engine.name, version, source, target, new.items())
    found.update(new)
    return [found[t] if t.strip() else "" for t in texts]


def cached_translate_detailed(
    engine: Engine, texts: list[str], source: str, target: str,
    cache: TranslationCache | None = None,
) -> list[tuple[str, list[str]]]:
    """Like cached_translate, with unknown words (engine.translate_batch_detailed)."""
    wanted = distinct_texts(texts)
    version = engine_version(engine, source, target) if wanted else ""
    cached = cache.get_many_detailed(engine.name, version, source, target, wanted) if cache and wanted else {}
    # A cached translation stored without its unknown words cannot answer here: translate it again.
    found = {t: (tr, unk) for t, (tr, unk) in cached.items() if unk is not None}
    misses = [t for t in wanted if t not in found]
    new = {t: (tr, list(unk)) for t, (tr, unk) in zip(misses, _translate_misses(
        engine, misses, lambda batch: engine.translate_batch_detailed(batch, source, target)))}
    if new and cache is not None:
        cache.put_many(engine.name, version, source, target, [(t, tr, unk) for t, (tr, unk) in new.items()])
    found.update(new)
    return [found[t] if t.strip() else ("", []) for t in texts]


class MemoryCache:
    """Translations and round trips held for this run, in front of the on-disk cache (if any).

    A run over many files translates all their segments in one batch per direction up
    front (one engine process instead of two per file); the files then read from here.
    """

    def __init__(self, persistent: TranslationCache | None = None):
        self.persistent = persistent
        self._store: dict[tuple, object] = {}

    def get_many_detailed(self, engine, version, source, target, texts):
        return self._get("get_many_detailed", (engine, version, source, target), texts)

    def get_many(self, engine, version, source, target, texts):
        return {t: tr for t, (tr, _) in self.get_many_detailed(engine, version, source, target, texts).items()}

    def put_many(self, engine, version, source, target, pairs):
        pairs = list(pairs)
        self._put("get_many_detailed", (engine, version, source, target),
                  [(text, (translation, unknown[0] if unknown else None)) for text, translation, *unknown in pairs])
        if self.persistent is not None:
            self.persistent.put_many(engine, version, source, target, pairs)

    def get_round_trips(self, engine, version, source, target, texts):
        return self._get("get_round_trips", (engine, version, source, target), texts)

    def put_round_trips(self, engine, version, source, target, rows):
        rows = list(rows)
        self._put("get_round_trips", (engine, version, source, target), rows)
        if self.persistent is not None:
            self.persistent.put_round_trips(engine, version, source, target, rows)

    def _get(self, kind: str, key: tuple, texts) -> dict:
        """What this run holds, then what the disk has (through persistent.`kind`), per text."""
        found = {}
        for t in texts:
            hit = self._store.get((kind, *key, t))
            if hit is not None:
                found[t] = hit
        missing = [t for t in texts if t not in found]
        if missing and self.persistent is not None:
            from_disk = getattr(self.persistent, kind)(*key, missing)
            self._put(kind, key, from_disk.items())
            found.update(from_disk)
        return found

    def _put(self, kind: str, key: tuple, values) -> None:
        for text, value in values:
            self._store[(kind, *key, text)] = value

    def forget(self) -> None:
        """Drop what this run holds in memory (an audit's worker does between partitions, so that its memory
        stays bounded); the disk cache keeps every translation."""
        self._store.clear()

    def close(self) -> None:
        if self.persistent is not None:
            self.persistent.close()
