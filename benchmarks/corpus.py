"""Benchmark inputs built at run time from `../shared/data` into a temporary folder (never into the project)."""
from __future__ import annotations

import json
import os
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(os.environ.get("TQCHECK_BENCH_DATA", ROOT.parent / "shared" / "data"))
SEED = ROOT / "seeds" / "000_24777a2ba7ef8ce0.txt"

_WORD_RE = re.compile(r"\w+")


def words(text: str) -> int:
    return len(_WORD_RE.findall(text))


def _jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def native_documents() -> list[str]:
    """The native English news documents of `native_en.jsonl`, one paragraph per segment."""
    docs: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for record in _jsonl(DATA / "native_en.jsonl"):
        docs[record["doc_id"]].append((record["seg_in_doc"], record["text"]))
    return ["\n\n".join(text for _, text in sorted(segs)) + "\n" for _, segs in sorted(docs.items())]


def dev_articles() -> list[str]:
    """The texts of `articles_dev/articles_dev.jsonl`, as stored (machine-translated and native)."""
    return [r["text"].rstrip("\n") + "\n" for r in _jsonl(DATA / "articles_dev" / "articles_dev.jsonl")]


def articles() -> list[str]:
    """Every real article the benchmarks repeat: 113 native documents and 25 web articles."""
    return native_documents() + dev_articles()


@dataclass
class Corpus:
    folder: Path
    files: list[Path]
    bytes: int
    words: int

    @property
    def articles(self) -> int:
        return len(self.files)

    def describe(self) -> str:
        return f"{self.articles} articles, {self.bytes / 1e6:.1f} MB, {self.words:,} words"


def build_corpus(folder: Path, min_articles: int, min_bytes: int) -> Corpus:
    """Repeat the real articles, one file each, until both minimums are reached."""
    texts = articles()
    folder.mkdir(parents=True, exist_ok=True)
    files, size, count = [], 0, 0
    while len(files) < min_articles or size < min_bytes:
        text = texts[len(files) % len(texts)]
        path = folder / f"{len(files):05d}.txt"
        data = text.encode("utf-8")
        path.write_bytes(data)
        files.append(path)
        size += len(data)
        count += words(text)
    return Corpus(folder, files, size, count)


def sentences(n: int) -> list[str]:
    """`n` distinct English sentences from `native_en.jsonl`: sentence-level segments that end a sentence."""
    out: list[str] = []
    seen: set[str] = set()
    for record in _jsonl(DATA / "native_en.jsonl"):
        text = " ".join(record["text"].split())
        if record.get("unit") != "sentence" or not 20 <= len(text) <= 300 or text in seen:
            continue
        if text[-1] not in ".!?\"”’":
            continue  # headlines and datelines: tqcheck may join them to the next line
        seen.add(text)
        out.append(text)
        if len(out) == n:
            return out
    raise RuntimeError(f"native_en.jsonl has only {len(out)} usable sentences, {n} asked")


def write_sentences(path: Path, items: list[str]) -> Path:
    """One sentence per paragraph, as tqcheck's engine sends them."""
    path.write_text("\n\n".join(items) + "\n", "utf-8")
    return path


def all_pairs() -> list[tuple[str, str]]:
    """Every (Spanish source, English MT) sentence pair of `es_en.jsonl` that has MT, in file order."""
    pairs = []
    for record in _jsonl(DATA / "es_en.jsonl"):
        src, mt = record.get("src_es"), record.get("mt_en")
        if src and mt:
            pairs.append((" ".join(src.split()), " ".join(mt.split())))
    return pairs


def aligned_pairs(n: int) -> list[tuple[str, str]]:
    """`n` pairs of `all_pairs()`, repeated if there are fewer."""
    pairs = all_pairs()
    return [pairs[i % len(pairs)] for i in range(n)]


def write_pairs(folder: Path, pairs: list[tuple[str, str]]) -> tuple[Path, Path, Path]:
    """The pairs as a source file and a translation file (one sentence per paragraph) and as one PO file."""
    folder.mkdir(parents=True, exist_ok=True)
    source = write_sentences(folder / "source.es.txt", [s for s, _ in pairs])
    target = write_sentences(folder / "target.en.txt", [t for _, t in pairs])
    po = folder / "pairs.po"
    lines = ['msgid ""', 'msgstr ""', '"Content-Type: text/plain; charset=UTF-8\\n"',
             '"Language: en\\n"', ""]
    for i, (src, tgt) in enumerate(pairs):
        lines += [f"#: pairs:{i + 1}", f"msgctxt \"{i}\"", f"msgid {_po_string(src)}", f"msgstr {_po_string(tgt)}", ""]
    po.write_text("\n".join(lines), "utf-8")
    return source, target, po


def _po_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t") + '"'


def write_big_file(path: Path, min_bytes: int) -> tuple[Path, int]:
    """One plain-text file of at least `min_bytes`, the real articles repeated; returns it and its size."""
    texts = articles()
    chunks, size, i = [], 0, 0
    while size < min_bytes:
        chunk = texts[i % len(texts)] + "\n"
        chunks.append(chunk)
        size += len(chunk.encode("utf-8"))
        i += 1
    path.write_text("".join(chunks), "utf-8")
    return path, size
