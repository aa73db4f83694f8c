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
from tqcheck.errors import EngineError

if TYPE_CHECKING:
    from tqcheck.engines.base import Engine

FILENAME = "translations.sqlite3"
SCHEMA_VERSION = 1
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
_BUSY_TIMEOUT_MS = 5000
_QUERY_CHUNK = 500  # below SQLite's smallest limit on bound variables (999)
_warned: set[str] = set()  # one warning per cache file per process


def cache_dir() -> Path:
    """TQCHECK_CACHE_DIR, else $XDG_CACHE_HOME/tqcheck, else the platform's user cache."""
    override = os.environ.get("TQCHECK_CACHE_DIR")
    if override:
        return Path(override).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg and os.path.isabs(xdg):
        return Path(xdg) / "tqcheck"
    try:
        import platformdirs
    except ImportError:
        return Path.home() / ".cache" / "tqcheck"
    return Path(platformdirs.user_cache_dir("tqcheck", appauthor=False))


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
        if tables - {"translations"}:
            raise _Unusable("not a tqcheck translation cache")
        if "translations" in tables:
            columns = {row[1] for row in conn.execute("PRAGMA table_info(translations)")}
            if not set(_COLUMNS) <= columns:
                raise _Unusable("unexpected schema")
        for attempt in range(3):
            try:
                # WAL lets readers and one writer work at once; it persists in the file.
                conn.execute("PRAGMA journal_mode = WAL")
                if "translations" not in tables:
                    conn.execute("BEGIN IMMEDIATE")
                    try:
                        conn.execute(_SCHEMA)
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
        by_key = {_key(engine, version, source, target, t): t for t in texts}
        found: dict[str, tuple[str, list[str] | None]] = {}
        with self._lock:
            conn = self._connect()
            if conn is None:
                return found
            keys = list(by_key)
            try:
                for start in range(0, len(keys), _QUERY_CHUNK):
                    chunk = keys[start:start + _QUERY_CHUNK]
                    rows = conn.execute(
                        "SELECT key, translation, unknown FROM translations "
                        f"WHERE key IN ({','.join('?' * len(chunk))})",
                        chunk,
                    )
                    for key, translation, unknown in rows:
                        found[by_key[key]] = (translation, None if unknown is None else json.loads(unknown))
            except (sqlite3.Error, ValueError) as exc:
                self._disable(_describe(exc))
                return {}
        return found

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
        now = time.time()
        rows = []
        for text, translation, *unknown in pairs:
            rows.append((
                _key(engine, version, source, target, text), tqcheck.__version__,
                engine, version, source, target, text, translation,
                json.dumps(unknown[0], ensure_ascii=False) if unknown else None, now,
            ))
        if not rows:
            return
        with self._lock:
            conn = self._connect()
            if conn is None:
                return
            try:
                conn.execute("BEGIN IMMEDIATE")
                try:
                    conn.executemany(
                        f"INSERT OR REPLACE INTO translations ({', '.join(_COLUMNS)}) "
                        f"VALUES ({', '.join('?' * len(_COLUMNS))})",
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
        """Remove every entry; a file that is unusable is replaced.  Returns entries removed."""
        with self._lock:
            conn = self._connect() if self.path.exists() else None
            if conn is not None:
                try:
                    removed = conn.execute("DELETE FROM translations").rowcount
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


def _engine_version(engine: Engine, source: str, target: str) -> str:
    version_for = getattr(engine, "version_for", None)
    return version_for(source, target) if version_for else engine.version


def _wanted(texts: list[str]) -> list[str]:
    """Distinct non-blank texts, in first-seen order."""
    return list(dict.fromkeys(t for t in texts if t.strip()))


def cached_translate(
    engine: Engine, texts: list[str], source: str, target: str,
    cache: TranslationCache | None = None,
) -> list[str]:
    """Translate texts, sending only the distinct cache misses to the engine in one batch."""
    wanted = _wanted(texts)
    version = _engine_version(engine, source, target) if wanted else ""
    found = cache.get_many(engine.name, version, source, target, wanted) if cache and wanted else {}
    misses = [t for t in wanted if t not in found]
    if misses:
        translations = engine.translate_batch(misses, source, target)
        if len(translations) != len(misses):
            raise EngineError(
                f"{engine.name} returned {len(translations)} translations for {len(misses)} sentences"
            )
        new = dict(zip(misses, translations))
        if cache is not None:
            cache.put_many(engine.name, version, source, target, new.items())
        found.update(new)
    return [found[t] if t.strip() else "" for t in texts]


def cached_translate_detailed(
    engine: Engine, texts: list[str], source: str, target: str,
    cache: TranslationCache | None = None,
) -> list[tuple[str, list[str]]]:
    """Like cached_translate, with unknown words (engine.translate_batch_detailed)."""
    wanted = _wanted(texts)
    version = _engine_version(engine, source, target) if wanted else ""
    cached = cache.get_many_detailed(engine.name, version, source, target, wanted) if cache and wanted else {}
    found = {t: (tr, unk) for t, (tr, unk) in cached.items() if unk is not None}
    misses = [t for t in wanted if t not in found]
    if misses:
        results = engine.translate_batch_detailed(misses, source, target)
        if len(results) != len(misses):
            raise EngineError(
                f"{engine.name} returned {len(results)} translations for {len(misses)} sentences"
            )
        new = {t: (tr, list(unk)) for t, (tr, unk) in zip(misses, results)}
        if cache is not None:
            cache.put_many(engine.name, version, source, target,
                           [(t, tr, unk) for t, (tr, unk) in new.items()])
        found.update(new)
    return [found[t] if t.strip() else ("", []) for t in texts]


class MemoryCache:
    """Translations held for this run, in front of the on-disk cache (if any).

    A run over many files translates all their segments in one batch per direction up
    front (one engine process instead of two per file); the files then read from here.
    """

    def __init__(self, persistent: TranslationCache | None = None):
        self.persistent = persistent
        self._store: dict[tuple, tuple[str, list[str] | None]] = {}

    def get_many_detailed(self, engine, version, source, target, texts):
        texts = list(texts)
        found = {}
        for t in texts:
            hit = self._store.get((engine, version, source, target, t))
            if hit is not None:
                found[t] = hit
        missing = [t for t in texts if t not in found]
        if missing and self.persistent is not None:
            from_disk = self.persistent.get_many_detailed(engine, version, source, target, missing)
            for t, value in from_disk.items():
                self._store[(engine, version, source, target, t)] = value
            found.update(from_disk)
        return found

    def get_many(self, engine, version, source, target, texts):
        return {t: tr for t, (tr, _) in self.get_many_detailed(engine, version, source, target, texts).items()}

    def put_many(self, engine, version, source, target, pairs):
        pairs = list(pairs)
        for text, translation, *unknown in pairs:
            self._store[(engine, version, source, target, text)] = (translation, unknown[0] if unknown else None)
        if self.persistent is not None:
            self.persistent.put_many(engine, version, source, target, pairs)

    def close(self) -> None:
        if self.persistent is not None:
            self.persistent.close()
