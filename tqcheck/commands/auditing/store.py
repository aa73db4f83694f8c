"""Where an audit's results go: a Parquet dataset folder or a SQLite file, each partition written whole or not at all, with a manifest of the inputs, the settings and the partitions done."""
from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

from tqcheck.errors import InputError
from tqcheck.commands.auditing.work import FINDING_FIELDS

MANIFEST = "manifest.json"
INDEX = "index.html"  # a Parquet results folder's HTML index of the most suspicious documents
FORMAT_VERSION = 1
INDEX_COLUMNS = ("id", "input", "score", "findings", "errors", "warnings", "infos", "by_code", "top_segments")


def _suspicious_first(row: dict) -> tuple:
    return (-row["score"], row["id"])


class Mismatch(InputError):
    """The results were made from other inputs or settings: resuming would mix two audits."""


def open_store(out: str):
    return SqliteStore(out) if out.lower().endswith((".sqlite", ".sqlite3", ".db")) else ParquetStore(out)


def _document_schema():
    import pyarrow as pa

    segment = pa.struct([("index", pa.int32()), ("text", pa.string()), ("score", pa.float64()),
                         ("backtranslation", pa.string())])
    return pa.schema([
        ("id", pa.string()), ("input", pa.string()), ("format", pa.string()), ("target_lang", pa.string()),
        ("source_lang", pa.string()), ("engine", pa.string()), ("score", pa.float64()), ("findings", pa.int32()),
        ("errors", pa.int32()), ("warnings", pa.int32()), ("infos", pa.int32()),
        ("by_code", pa.map_(pa.string(), pa.int32())), ("words", pa.int64()), ("top_segments", pa.list_(segment)),
        ("error", pa.string()),
    ])


def _finding_schema():
    import pyarrow as pa

    ints = {"start", "end", "line", "column", "end_line", "end_column", "segment"}
    return pa.schema([("id", pa.string())] + [(k, pa.int64() if k in ints else pa.string()) for k in FINDING_FIELDS])


def _check_manifest(found: dict, manifest: dict, where: str) -> None:
    for key in ("inputs", "settings", "partitions"):
        if found.get(key) != manifest[key]:
            raise Mismatch(f"{where}: holds an audit of other {key if key != 'partitions' else 'inputs'} "
                           "(--restart to replace it, or another --out)")


class ParquetStore:
    """RESULTS/documents/part-N.parquet, RESULTS/findings/part-N.parquet and RESULTS/manifest.json."""

    def __init__(self, out: str):
        self.root = Path(out)
        self.label = out

    def begin(self, manifest: dict, restart: bool) -> set[int]:
        """The partitions already done; a folder that is not an audit's is never touched."""
        path = self.root / MANIFEST
        if self.root.exists() and not self.root.is_dir():
            raise InputError(f"--out {self.label}: is not a folder")
        if self.root.is_dir() and any(self.root.iterdir()) and not path.is_file():
            raise InputError(f"--out {self.label}: a folder that holds no audit; give a new or empty one")
        done: set[int] = set()
        if path.is_file():
            try:
                found = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:
                raise InputError(f"--out {self.label}: unreadable {MANIFEST} ({exc})") from None
            if restart:
                for sub in ("documents", "findings"):
                    for part in (self.root / sub).glob("part-*.parquet"):
                        part.unlink()
            else:
                _check_manifest(found, manifest, f"--out {self.label}")
                done = {n for n in found.get("done", []) if self._has(n)}
        for sub in ("documents", "findings"):
            (self.root / sub).mkdir(parents=True, exist_ok=True)
        self._sweep_temporaries()
        self.manifest = {**manifest, "done": sorted(done)}
        self._write_manifest()
        return done

    def _sweep_temporaries(self) -> None:
        """A run killed mid-write leaves its half-written temporaries; the folder is known to be an audit's, so they are ours to remove."""
        for pattern in (f".{MANIFEST}.tmp*", f".{INDEX}.tmp*", "documents/.part-*.parquet.tmp*",
                        "findings/.part-*.parquet.tmp*"):
            for leftover in self.root.glob(pattern):
                leftover.unlink(missing_ok=True)

    def _has(self, number: int) -> bool:
        return all((self.root / sub / f"part-{number:06d}.parquet").is_file() for sub in ("documents", "findings"))

    def write(self, result: dict) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        number = result["number"]
        for sub, rows, schema in (("documents", result["documents"], _document_schema()),
                                  ("findings", result["findings"], _finding_schema())):
            if sub == "documents":
                rows = [{**r, "by_code": list(r["by_code"].items())} for r in rows]
            table = pa.Table.from_pylist(rows, schema=schema)
            final = self.root / sub / f"part-{number:06d}.parquet"
            temp = final.with_name(f".{final.name}.tmp{os.getpid()}")
            pq.write_table(table, temp)
            os.replace(temp, final)
        self.manifest["done"] = sorted({*self.manifest["done"], number})
        self._write_manifest()

    def _write_manifest(self) -> None:
        path = self.root / MANIFEST
        temp = path.with_name(f".{MANIFEST}.tmp{os.getpid()}")
        temp.write_text(json.dumps(self.manifest, indent=1) + "\n", encoding="utf-8")
        os.replace(temp, path)

    def most_suspicious(self, n: int) -> tuple[list[dict], int]:
        """The `n` documents of every partition done (this run's and earlier ones') with the highest scores,
        and how many documents there are; one partition's file in memory at a time."""
        import heapq

        import pyarrow.compute as pc
        import pyarrow.parquet as pq

        best: list[dict] = []
        total = 0
        for number in self.manifest["done"]:
            table = pq.read_table(self.root / "documents" / f"part-{number:06d}.parquet",
                                  columns=[*INDEX_COLUMNS, "error"])
            total += table.num_rows
            table = table.filter(pc.is_valid(table["score"]))
            order = pc.sort_indices(table, sort_keys=[("score", "descending"), ("id", "ascending")])
            rows = table.take(order[:n]).to_pylist()
            for row in rows:
                row["by_code"] = dict(row["by_code"] or [])
            best = heapq.nsmallest(n, best + rows, key=_suspicious_first)
        return best, total

    def index_path(self):
        return self.root / INDEX

    def close(self) -> None:
        pass


class SqliteStore:
    """Tables `documents`, `findings`, `manifest` (one row: the JSON) and `done`; one transaction per partition."""

    def __init__(self, out: str):
        self.label = out
        self.path = Path(out)

    def begin(self, manifest: dict, restart: bool) -> set[int]:
        if self.path.exists() and not self.path.is_file():
            raise InputError(f"--out {self.label}: is not a file")
        try:
            self.db = sqlite3.connect(self.path, isolation_level=None)
            tables = {r[0] for r in self.db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        except sqlite3.DatabaseError as exc:
            raise InputError(f"--out {self.label}: not a SQLite database ({exc})") from None
        if tables and "manifest" not in tables:
            self.db.close()
            raise InputError(f"--out {self.label}: a database that holds no audit; give a new file")
        done: set[int] = set()
        with self.db:
            self.db.execute("BEGIN")
            if "manifest" in tables:
                found = json.loads(self.db.execute("SELECT value FROM manifest").fetchone()[0])
                if restart:
                    for table in ("documents", "findings", "done", "manifest"):
                        self.db.execute(f"DELETE FROM {table}")
                else:
                    _check_manifest(found, manifest, f"--out {self.label}")
                    done = {r[0] for r in self.db.execute("SELECT partition FROM done")}
            doc_cols = ", ".join(f'"{c}"' for c in DOC_COLUMNS)
            self.db.execute(f"CREATE TABLE IF NOT EXISTS documents (partition INTEGER, {doc_cols})")
            self.db.execute("CREATE TABLE IF NOT EXISTS findings (id TEXT, "
                            + ", ".join(f'"{c}"' for c in FINDING_FIELDS) + ")")
            self.db.execute("CREATE TABLE IF NOT EXISTS done (partition INTEGER PRIMARY KEY)")
            self.db.execute("CREATE TABLE IF NOT EXISTS manifest (value TEXT)")
            self.db.execute("DELETE FROM manifest")
            self.db.execute("INSERT INTO manifest VALUES (?)", (json.dumps(manifest),))
        return done

    def write(self, result: dict) -> None:
        rows = [[result["number"]] + [json.dumps(r[c], ensure_ascii=False) if c in ("by_code", "top_segments") else r[c]
                                      for c in DOC_COLUMNS] for r in result["documents"]]
        with self.db:
            self.db.execute("BEGIN")
            self.db.executemany(f"INSERT INTO documents VALUES ({', '.join('?' * (len(DOC_COLUMNS) + 1))})", rows)
            self.db.executemany(f"INSERT INTO findings VALUES ({', '.join('?' * (len(FINDING_FIELDS) + 1))})",
                                [[f["id"], *(f[k] for k in FINDING_FIELDS)] for f in result["findings"]])
            self.db.execute("INSERT INTO done VALUES (?)", (result["number"],))

    def most_suspicious(self, n: int) -> tuple[list[dict], int]:
        cols = ", ".join(f'"{c}"' for c in INDEX_COLUMNS)
        cursor = self.db.execute(f"SELECT {cols} FROM documents WHERE score IS NOT NULL "
                                 "ORDER BY score DESC, id ASC LIMIT ?", (n,))
        rows = [dict(zip(INDEX_COLUMNS, r)) for r in cursor]
        for row in rows:
            row["by_code"], row["top_segments"] = json.loads(row["by_code"]), json.loads(row["top_segments"])
        return rows, self.db.execute("SELECT COUNT(*) FROM documents").fetchone()[0]

    def index_path(self):
        return None  # beside a database file is the user's folder: only where --index says

    def close(self) -> None:
        self.db.close()


DOC_COLUMNS = ("id", "input", "format", "target_lang", "source_lang", "engine", "score", "findings", "errors",
               "warnings", "infos", "by_code", "words", "top_segments", "error")
