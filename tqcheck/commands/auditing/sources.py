"""The documents of an audit: folders, JSON Lines and Parquet inputs, cut into partitions and read back on a worker."""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from tqcheck.errors import InputError

JSONL_SUFFIXES = (".jsonl", ".ndjson")
PARQUET_SUFFIXES = (".parquet", ".pq")


@dataclass(frozen=True)
class Partition:
    """One unit of work: which documents, never the documents themselves (a worker reads them)."""

    number: int
    kind: str  # folder | jsonl | parquet
    source: str  # the input as given, as ids of records without one name it
    path: str = ""  # jsonl, parquet: the input's absolute path, which a worker in another folder reads
    files: tuple[tuple[str, str], ...] = ()  # folder: (label as `check` prints it, absolute path) of its files
    start: int = 0  # jsonl: byte offset; parquet: first row
    stop: int = 0  # jsonl: byte offset (exclusive); parquet: row after the last
    first_line: int = 1  # jsonl: line number of the byte at `start`
    row_group: int = 0  # parquet: the row group the rows are in
    documents: int = 0  # how many documents (jsonl: lines, blank ones included)


def kind_of(path: str) -> str:
    lower = path.lower()
    if Path(path).is_dir():
        return "folder"
    if lower.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if lower.endswith(PARQUET_SUFFIXES):
        return "parquet"
    return "file"


def fingerprint(paths: list[str]) -> list[dict]:
    """What the manifest records of the inputs: each path with its size and time of change (a folder: its files)."""
    out = []
    for given in paths:
        path = Path(given)
        if not path.exists():
            raise InputError(f"{given}: no such file or directory")
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        out.append({"path": os.path.abspath(given), "kind": kind_of(given),
                    "files": len(files), "bytes": sum(p.stat().st_size for p in files),
                    "mtime_ns": max((p.stat().st_mtime_ns for p in files), default=0)})
    return out


def partitions(paths: list[str], size: int, finder) -> list[Partition]:
    """Every input cut into partitions of about `size` documents, numbered in a stable order."""
    from tqcheck.checking.inputs import collect

    parts: list[Partition] = []
    for given in paths:
        path = Path(given)
        if path.exists() and not (path.is_dir() or path.is_file()):  # a FIFO waited for a writer for ever
            raise InputError(f"{given}: not a regular file (a named pipe, device or socket); pass a file or a folder")
        kind = kind_of(given)
        if kind in ("folder", "file"):
            inputs, _ = collect([given], finder)
            labels = [(item.label, os.path.abspath(item.path)) for item in inputs]
            for i in range(0, len(labels), size):
                files = tuple(labels[i:i + size])
                parts.append(Partition(len(parts), "folder", given, files=files, documents=len(files)))
        elif kind == "jsonl":
            for start, stop, line, lines in _line_ranges(given, size):
                parts.append(Partition(len(parts), "jsonl", given, os.path.abspath(given), start=start, stop=stop,
                                       first_line=line, documents=lines))
        else:
            for group, start, stop in _row_ranges(given, size):
                parts.append(Partition(len(parts), "parquet", given, os.path.abspath(given), start=start, stop=stop,
                                       row_group=group, documents=stop - start))
    return parts


def _line_ranges(path: str, size: int):
    """Byte ranges of `size` lines each, found by counting newlines in blocks (linear, constant memory)."""
    try:
        handle = open(path, "rb")
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    with handle:
        start = offset = 0
        line = lines = 1
        in_range = 0
        while block := handle.read(1 << 20):
            pos = 0
            while (nl := block.find(b"\n", pos)) >= 0:
                pos = nl + 1
                in_range += 1
                lines += 1
                if in_range == size:
                    yield start, offset + pos, line, in_range
                    start, line, in_range = offset + pos, lines, 0
            offset += len(block)
            tail = len(block) - pos  # bytes after the block's last newline
        if offset > start:
            yield start, offset, line, in_range + (tail > 0)


def _row_ranges(path: str, size: int):
    import pyarrow.parquet as pq

    try:
        meta = pq.ParquetFile(path).metadata
    except Exception as exc:  # noqa: BLE001 - pyarrow raises several kinds for a file that is not Parquet
        raise InputError(f"{path}: cannot read as Parquet ({exc})") from None
    for group in range(meta.num_row_groups):
        rows = meta.row_group(group).num_rows
        for start in range(0, rows, size):
            yield group, start, min(rows, start + size)


@dataclass
class Record:
    """A document as a worker gets it: its id, and its text or why there is none."""

    id: str
    text: str | None
    error: str | None = None


def records(part: Partition, text_key: str, id_key: str):
    """The records of a JSON Lines or Parquet partition; a bad one comes with its error, never raises."""
    if part.kind == "jsonl":
        yield from _jsonl_records(part, text_key, id_key)
    else:
        yield from _parquet_records(part, text_key, id_key)


def _jsonl_records(part: Partition, text_key: str, id_key: str):
    with open(part.path, "rb") as handle:
        handle.seek(part.start)
        data = handle.read(part.stop - part.start)
    for n, raw in enumerate(data.split(b"\n")):
        where = f"{part.source}:{part.first_line + n}"
        if not raw.strip():
            continue
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield Record(where, None, f"not valid UTF-8 at byte {exc.start}")
            continue
        try:
            record = json.loads(line)
        except ValueError as exc:
            yield Record(where, None, f"not JSON ({exc})")
            continue
        yield _record(record, where, text_key, id_key)


def _record(record, where: str, text_key: str, id_key: str) -> Record:
    if not isinstance(record, dict):
        return Record(where, None, "not a JSON object")
    ident = record.get(id_key)
    ident = where if ident is None else ident if isinstance(ident, str) else json.dumps(ident)
    text = record.get(text_key)
    if text is None:
        return Record(ident, None, f"no {text_key!r} key (--text-key)")
    if not isinstance(text, str):
        return Record(ident, None, f"{text_key!r} is not a string")
    return Record(ident, text)


def _parquet_records(part: Partition, text_key: str, id_key: str):
    import pyarrow.parquet as pq

    table = pq.ParquetFile(part.path).read_row_group(part.row_group).slice(part.start, part.stop - part.start)
    columns = table.column_names
    if text_key not in columns:
        for n in range(part.start, part.stop):
            yield Record(f"{part.source}:{part.row_group}:{n}", None, f"no {text_key!r} column (--text-key)")
        return
    texts = table.column(text_key).to_pylist()
    ids = table.column(id_key).to_pylist() if id_key in columns else [None] * len(texts)
    for n, (ident, text) in enumerate(zip(ids, texts)):
        record = {text_key: text} if ident is None else {text_key: text, id_key: ident}
        yield _record(record, f"{part.source}:{part.row_group}:{part.start + n}", text_key, id_key)
