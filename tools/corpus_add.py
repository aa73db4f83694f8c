"""Add one annotated article to the studied corpus from a draft, computing its offsets.

A draft is a JSON file written by the annotator:

    {"url": "...", "label": "mt" | "native", "source_lang": "es" | "fr" | "pt" | null,
     "source_lang_evidence": "...", "truncated": true, "text": "... the page text, unchanged ...",
     "provenance": "search pages corpus, query '...'", "annotations": [
        {"text": "the exact words at fault", "category": "calque-phrase", "note": "...",
         "occurrence": 1}]}

`occurrence` (default 1) says which occurrence of `text` in the article is meant. The script
finds the offsets, gives the record an id, assigns its split by site (tools/corpus_guard.py),
refuses held-out pages, and appends it to eval/corpus/<split>_<group>.jsonl.

    python tools/corpus_add.py --group es draft.json
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus_guard import ROOT, held_out_sets, record_problems, site_of, split_of  # noqa: E402

CORPUS = ROOT / "eval" / "corpus"


def locate(text: str, quote: str, occurrence: int) -> int:
    start = -1
    for _ in range(occurrence):
        start = text.find(quote, start + 1)
        if start < 0:
            raise ValueError(f"annotation text {quote!r} (occurrence {occurrence}) is not in the article")
    return start


def build_record(draft: dict) -> dict:
    text = draft["text"]
    annotations = []
    for ann in draft.get("annotations", []):
        start = locate(text, ann["text"], int(ann.get("occurrence", 1)))
        annotations.append({"start": start, "end": start + len(ann["text"]), "text": ann["text"],
                            "category": ann["category"], "note": ann.get("note", "")})
    annotations.sort(key=lambda a: (a["start"], a["end"]))
    digest = hashlib.sha256(draft["url"].encode()).hexdigest()[:10]
    return {
        "id": f"{draft['label']}_{digest}",
        "url": draft["url"],
        "site": site_of(draft["url"]),
        "split": split_of(draft["url"]),
        "label": draft["label"],
        "source_lang": draft.get("source_lang"),
        "source_lang_evidence": draft.get("source_lang_evidence", ""),
        "truncated": bool(draft.get("truncated", True)),
        "provenance": draft.get("provenance", ""),
        "text": text,
        "annotations": annotations,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--group", required=True, help="file group, e.g. es, frpt, native")
    parser.add_argument("drafts", nargs="+")
    args = parser.parse_args(argv)
    urls, shingles = held_out_sets()
    status = 0
    for name in args.drafts:
        try:
            record = build_record(json.loads(Path(name).read_text(encoding="utf-8")))
        except (ValueError, KeyError) as err:
            print(f"{name}: {err}")
            status = 1
            continue
        problems = record_problems(record, urls, shingles)
        if problems:
            print("\n".join(f"{name}: {p}" for p in problems))
            status = 1
            continue
        target = CORPUS / f"{record['split']}_{args.group}.jsonl"
        existing = target.read_text(encoding="utf-8").splitlines() if target.exists() else []
        if any(json.loads(line)["url"] == record["url"] for line in existing if line.strip()):
            print(f"{name}: {record['url']} is already in {target.name}")
            continue
        CORPUS.mkdir(parents=True, exist_ok=True)
        with target.open("a", encoding="utf-8") as out:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        print(f"{name}: added {record['id']} ({record['site']}, {len(record['annotations'])} annotations) to {target.name}")
    return status


if __name__ == "__main__":
    sys.exit(main())
