"""Check the studied corpus against the held-out lists and validate its records.

Every record under eval/corpus/*.jsonl must:
- not be a held-out article: its normalised URL must not hash to a line of
  ../shared/data/heldout_urls.sha256, and it must share fewer than 5 8-word
  shingles with ../shared/data/heldout_shingles.sha256 (a syndicated copy);
- have offsets that index its text: text[start:end] == annotation["text"];
- carry the fields the shared scorer reads (id, url, label, truncated, text, annotations);
- sit in the split its site is assigned to, once and blindly, by a hash of the site's host:
  eval/corpus/study*.jsonl is what the team reads and learns from; eval/corpus/score*.jsonl
  is only ever scored (never read, never its misses), so generalisation is measured honestly.

    python tools/corpus_guard.py                  # all of eval/corpus/*.jsonl
    python tools/corpus_guard.py FILE.jsonl ...   # or these files
    python tools/corpus_guard.py --url URL        # may this page be collected at all?

Exit 0 when everything passes, 1 with one line per problem otherwise.
"""

from __future__ import annotations

import argparse
import glob
import hashlib
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = ROOT.parent / "shared" / "data"
CATEGORIES = {
    "quote-misplaced", "quote-unbalanced", "calque-word-order", "calque-phrase", "false-friend",
    "dropped-subject", "number-format", "untranslated", "boilerplate", "other-fluency",
}
SHINGLE_LIMIT = 5  # the shingle file's header: 5 or more shared shingles make a copy


def normalise_url(url: str) -> str:
    """The held-out file's normalisation: lower-case, no scheme, no leading 'www.', no trailing '/'."""
    u = url.strip().lower()
    for scheme in ("https://", "http://"):
        if u.startswith(scheme):
            u = u[len(scheme):]
    if u.startswith("www."):
        u = u[4:]
    return u.rstrip("/")


def _hash_lines(path: Path) -> set[str]:
    return {line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")}


def held_out_sets() -> tuple[set[str], set[str]]:
    return _hash_lines(SHARED_DATA / "heldout_urls.sha256"), _hash_lines(SHARED_DATA / "heldout_shingles.sha256")


def url_is_held_out(url: str, urls: set[str]) -> bool:
    return hashlib.sha256(normalise_url(url).encode()).hexdigest() in urls


def shared_shingles(text: str, shingles: set[str]) -> int:
    words = re.findall(r"\w+", text.lower())
    return sum(
        1 for i in range(len(words) - 7)
        if hashlib.sha256(" ".join(words[i:i + 8]).encode()).hexdigest()[:16] in shingles
    )


def site_of(url: str) -> str:
    """The host a record came from, normalised: the unit of the study/score split."""
    return normalise_url(url).split("/", 1)[0].split(":", 1)[0]


def split_of(url: str) -> str:
    """'study' or 'score', fixed by the site alone so no site is ever on both sides."""
    return "study" if int(hashlib.sha256(site_of(url).encode()).hexdigest()[:8], 16) % 2 == 0 else "score"


def record_problems(record: dict, urls: set[str], shingles: set[str]) -> list[str]:
    rid = record.get("id", "?")
    problems = []
    for key in ("id", "url", "label", "truncated", "text", "annotations"):
        if key not in record:
            problems.append(f"{rid}: missing field {key!r}")
    if problems:
        return problems
    if url_is_held_out(record["url"], urls):
        problems.append(f"{rid}: URL is held out; remove the record without reading it")
    if shared_shingles(record["text"], shingles) >= SHINGLE_LIMIT:
        problems.append(f"{rid}: shares {SHINGLE_LIMIT}+ shingles with a held-out article; remove it")
    if record.get("split") != split_of(record["url"]):
        problems.append(f"{rid}: split must be {split_of(record['url'])!r} for site {site_of(record['url'])}")
    if record["label"] not in ("mt", "native"):
        problems.append(f"{rid}: label must be 'mt' or 'native'")
    text = record["text"]
    for ann in record["annotations"]:
        start, end = ann.get("start"), ann.get("end")
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
            problems.append(f"{rid}: annotation span {start}..{end} is out of range")
        elif text[start:end] != ann.get("text"):
            problems.append(f"{rid}: text[{start}:{end}] is {text[start:end]!r}, annotation says {ann.get('text')!r}")
        if ann.get("category") not in CATEGORIES:
            problems.append(f"{rid}: unknown category {ann.get('category')!r}")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*")
    parser.add_argument("--url", help="only say whether this URL is held out")
    args = parser.parse_args(argv)
    urls, shingles = held_out_sets()
    if args.url:
        held = url_is_held_out(args.url, urls)
        print("held out: do not collect" if held else f"not held out; site {site_of(args.url)} is in the {split_of(args.url)!r} split")
        return 1 if held else 0
    files = args.files or sorted(glob.glob(str(ROOT / "eval" / "corpus" / "*.jsonl")))
    problems, seen, count = [], set(), 0
    for name in files:
        for n, line in enumerate(Path(name).read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except ValueError as err:
                problems.append(f"{name}:{n}: not JSON ({err})")
                continue
            count += 1
            if record.get("id") in seen:
                problems.append(f"{name}:{n}: duplicate id {record.get('id')!r}")
            seen.add(record.get("id"))
            problems.extend(f"{name}: {p}" for p in record_problems(record, urls, shingles))
            if record.get("split") and not Path(name).name.startswith(record["split"]):
                problems.append(f"{name}:{n}: a {record['split']!r} record in a file not named {record['split']}*.jsonl")
    for p in problems:
        print(p)
    print(f"{count} records in {len(files)} files: {'ok' if not problems else f'{len(problems)} problems'}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
