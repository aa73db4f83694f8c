"""How often each C104 calque phrase fires on native English: the check every phrase passes
before it is kept as a warning.

    python tools/measure_phrases.py [--lang es|fr|pt] [--match REGEX] [--extra FILE ...] [--show N]

Reads, when present: ../shared/data/native_en.jsonl (documents rebuilt as the scorer does),
the native articles of ../shared/data/articles_dev and of eval/corpus/study_native.jsonl, the
English sources of ../shared/data/en_es.jsonl (WMT24 news and biomedical abstracts, written in
English), the English references of es_en.jsonl and mqm_zhen.jsonl (human translations, edited
English), WordNet's glosses and examples (Debian wordnet-base, /usr/share/wordnet), and any
--extra plain-text file (e.g. gensim's test corpus lee_background.cor: 300 Australian news
stories; `pip download --no-deps gensim==4.4.0` and unzip gensim/test/test_data/). Nothing is
copied into the project. For each phrase it prints the number of native hits, with the first few
in context, and the hits on the studied MT articles (eval/corpus/study_*.jsonl, dev MT articles)
for information: an entry is never chosen from them.

    python tools/measure_phrases.py --apertium tools/resources/mwe_sentences_es.txt
    python tools/measure_phrases.py --apertium tools/resources/mwe_sentences_fr.txt --from fr

translates sentences written by the team (one multiword expression each) with Apertium, the most
literal engine there is (spa-eng; French and Portuguese through Spanish, fr-es or pt-es first), and
lists the sentences whose English no C104 phrase catches: a check that the patterns match how a
machine really renders each expression.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"
if not SHARED.exists():
    SHARED = Path("/work/shared/data")
sys.path.insert(0, str(ROOT))


def _jsonl(path: Path):
    if path.exists():
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    yield json.loads(line)


def native_texts(extra: list[str]) -> dict[str, list[str]]:
    sets: dict[str, list[str]] = defaultdict(list)
    docs: dict[str, list[tuple[int, str, str]]] = defaultdict(list)
    for r in _jsonl(SHARED / "native_en.jsonl"):
        docs[r["doc_id"]].append((r["seg_in_doc"], r.get("unit", "sentence"), r["text"]))
    for segs in docs.values():
        segs.sort()
        text = ""
        for _i, unit, t in segs:
            text += ("\n\n" if unit == "paragraph" and text else " " if text else "") + t
        sets["native_en"].append(text)
    for r in _jsonl(SHARED / "articles_dev" / "articles_dev.jsonl"):
        if r["label"] == "native":
            sets["dev_native"].append(r["text"])
    for r in _jsonl(ROOT / "eval" / "corpus" / "study_native.jsonl"):
        sets["study_native"].append(r["text"])
    seen = set()
    for r in _jsonl(SHARED / "en_es.jsonl"):
        if r["src_en"] not in seen:
            seen.add(r["src_en"])
            sets["en_es_src"].append(r["src_en"])
    for r in _jsonl(SHARED / "es_en.jsonl"):
        if r.get("ref_en") and r["ref_en"] not in seen:
            seen.add(r["ref_en"])
            sets["es_en_ref"].append(r["ref_en"])
    for r in _jsonl(SHARED / "mqm_zhen.jsonl"):
        if r.get("ref") and r["ref"] not in seen:
            seen.add(r["ref"])
            sets["mqm_ref"].append(r["ref"])
    wn = Path("/usr/share/wordnet")
    for part in ("noun", "verb", "adj", "adv"):
        p = wn / f"data.{part}"
        if p.exists():
            for line in open(p, encoding="utf-8", errors="replace"):
                if "|" in line and not line.startswith("  "):
                    sets["wordnet"].append(line.split("|", 1)[1].strip())
    for name in extra:
        sets[Path(name).name].extend(Path(name).read_text(encoding="utf-8", errors="replace").split("\n"))
    return sets


def mt_texts() -> list[str]:
    texts = [r["text"] for r in _jsonl(SHARED / "articles_dev" / "articles_dev.jsonl") if r["label"] == "mt"]
    for name in ("study_es.jsonl", "study_frpt.jsonl"):
        texts += [r["text"] for r in _jsonl(ROOT / "eval" / "corpus" / name)]
    return texts


APERTIUM_MODES = {"es": ["spa-eng"], "fr": ["fr-es", "spa-eng"], "pt": ["pt-es", "spa-eng"]}


def apertium_check(path: Path, source: str, entries: dict[str, dict]) -> None:
    import subprocess

    sentences = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    text = "\n".join(sentences) + "\n"
    for mode in APERTIUM_MODES[source]:
        text = subprocess.run(["apertium", mode], input=text, capture_output=True, text=True, check=True).stdout
    english = text.splitlines()
    patterns = [re.compile(p, re.I) for p in entries]
    caught = 0
    for es, en in zip(sentences, english):
        hits = [m.group(0) for rx in patterns for m in rx.finditer(en)]
        caught += bool(hits)
        print(f"{'hit ' if hits else 'MISS'}  {es}\n      {en}" + (f"  <- {hits}" if hits else ""))
    print(f"{caught} of {len(sentences)} literal renderings caught", file=sys.stderr)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--lang", action="append", choices=["es", "fr", "pt"])
    ap.add_argument("--match", help="only entries whose pattern or source matches this regex")
    ap.add_argument("--extra", action="append", default=[], help="more native English, plain text")
    ap.add_argument("--show", type=int, default=3, help="native hits shown per entry")
    ap.add_argument("--only-hits", action="store_true", help="list only entries with a native hit")
    ap.add_argument("--apertium", metavar="FILE", help="sentences to render with Apertium into English and check")
    ap.add_argument("--from", dest="source", choices=["es", "fr", "pt"], default="es", help="language of --apertium FILE")
    args = ap.parse_args()
    from tqcheck.data import langdata

    entries: dict[str, dict] = {}
    for lang in args.lang or ["es", "fr", "pt"]:
        for e in langdata.load(f"{lang}-en", "calques.toml").get("phrases", ()):
            entries.setdefault(e["pattern"], {**e, "langs": []})["langs"].append(lang)
    if args.match:
        sel = re.compile(args.match, re.I)
        entries = {p: e for p, e in entries.items() if sel.search(p) or sel.search(e["source"])}
    if args.apertium:
        apertium_check(Path(args.apertium), args.source, entries)
        return
    native = native_texts(args.extra)
    words = {k: sum(len(t.split()) for t in v) for k, v in native.items()}
    print("native English read: " + ", ".join(f"{k} {w:,} words" for k, w in words.items()), file=sys.stderr)
    mt = mt_texts()
    total_native = 0
    for pattern, e in entries.items():
        rx = re.compile(pattern, re.I)
        hits = []
        for name, texts in native.items():
            for t in texts:
                for m in rx.finditer(t):
                    hits.append((name, t[max(0, m.start() - 50):m.end() + 30].replace("\n", " "), m.group(0)))
        mt_hits = sum(1 for t in mt for _ in rx.finditer(t))
        total_native += len(hits) if e.get("severity", "warning") != "info" else 0
        if args.only_hits and not hits:
            continue
        sev = e.get("severity", "warning")
        print(f"{len(hits):4d} native  {mt_hits:3d} MT  {sev:7s} {'/'.join(e['langs'])}  {e['source']}")
        for name, ctx, _g in hits[:args.show]:
            print(f"        [{name}] …{ctx}…")
    print(f"native hits of warning entries: {total_native}", file=sys.stderr)


if __name__ == "__main__":
    main()
