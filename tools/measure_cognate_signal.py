"""Measure the relative-frequency cognate signal: does a source look-alike far commoner in its language than the
English word is in English, and translated otherwise by the dictionary, mark the words editors flag?

Build time / measurement only; reads $TQ_RESOURCES/cognate_pairs.tsv (tools/resources/build_cognates.py, which pairs
English word forms, verb forms included — presumes/presume, contemplates/contempla, denounced/denunció — with common
Spanish forms by the orthographic correspondences, and records both languages' wordfreq Zipf and Apertium's
spa->eng translations), the studied records (eval/corpus/study_*.jsonl and ../shared/data's dev articles, split by
site into halves A and B), and ../shared/data/native_en.jsonl. Never the scored part.

For each condition (a Zipf gap, what the dictionary says) it counts the English tokens the condition would flag:
on the machine-translated articles of each half, those inside an annotation (hits) and outside (false); on the
native articles and native_en, all of them (false findings per 1,000 words).

    python tools/measure_cognate_signal.py                 # the grid, both halves and the natives
    python tools/measure_cognate_signal.py --words A       # and the words each condition flags on half A
    python tools/measure_cognate_signal.py --english-max 3.0   # only English words of Zipf <= 3.0 (F103's ceiling)

Last, the same tokens as a document feature: the ROC AUC of their density per word, machine-translated articles of
each half against that half's native articles and against native_en's documents.
"""
from __future__ import annotations

import argparse
import collections
import glob
import hashlib
import json
import os
import re
import sys
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"
RESOURCES = Path(os.environ.get("TQ_RESOURCES", "/tmp/resources"))
sys.path.insert(0, str(Path(__file__).resolve().parent / "resources"))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_cognates import keys  # noqa: E402  (the correspondences that paired the words)
from study_report import study_records, truncated_tail  # noqa: E402

GAPS = (0.0, 0.5, 1.0, 1.5)
WORD = re.compile(r"[A-Za-z]+")
SENTENCE_START = re.compile(r"(?:^|[.!?:\"“‘(]\s*|\n\s*)$")


def half_of(record: dict) -> str:
    """Half A or B of the studied records, by a hash of the site (the session's fixed split)."""
    site = record.get("site")
    if not site:
        host = urlparse(record["url"]).hostname or ""
        site = host[4:] if host.startswith("www.") else host
    return "A" if int(hashlib.sha256(("half:" + site).encode()).hexdigest()[:8], 16) % 2 == 0 else "B"


def inflections(lemma: str) -> set[str]:
    """The forms of an English dictionary translation a look-alike may be (report → reports, reported, reporting)."""
    t = lemma.split()[0] if lemma else lemma
    out = {t, t + "s", t + "es", t + "d", t + "ed", t + "ing"}
    if t.endswith("e"):
        out.add(t[:-1] + "ing")
    if t.endswith("y"):
        out |= {t[:-1] + "ies", t[:-1] + "ied"}
    if len(t) > 2 and t[-1] not in "aeiouwy" and t[-2] in "aeiou":
        out |= {t + t[-1] + "ed", t + t[-1] + "ing"}
    return out


def spelling(word: str) -> str:
    """British and American spellings as one (finalise/finalize, organisation/organization, analyse/analyze)."""
    return re.sub(r"(?<=[a-z]{3})is(e|ed|es|ing|ation|ations)$", r"iz\1", re.sub(r"yse$", "yze", word))


def english_lemma(word: str, zipf) -> str:
    """The commonest English word the form inflects (denounced → denounce), or the form itself."""
    cands = [word] + [word[: -len(suf)] + rep for suf, rep in (("ies", "y"), ("ied", "y"), ("es", ""), ("s", ""),
                                                               ("ed", ""), ("ed", "e"), ("d", ""), ("ing", ""),
                                                               ("ing", "e")) if word.endswith(suf)]
    cands = [c for c in cands if zipf(c, "en") > 1.5 and word in inflections(c)] or [word]
    return max(cands, key=lambda c: zipf(c, "en"))


def same_skeleton(source: str, english: str, cls: str) -> bool:
    """The pair's stems agree exactly under its correspondence (not one vowel apart: condenó/condoned)."""
    english_keys = {k for c, k in keys(english, 1) if c == cls}
    return any(c == cls and k in english_keys for c, k in keys(source, 0))


def load_pairs() -> dict[str, list[tuple]]:
    """English form → [(gap, source form, class, translations)] from the build step's pairs."""
    pairs: dict[str, list[tuple]] = collections.defaultdict(list)
    for line in open(RESOURCES / "cognate_pairs.tsv", encoding="utf-8"):
        if line.startswith("#"):
            continue
        gap, source, english, cls, _zs, _ze, translations = line.rstrip("\n").split("\t")
        pairs[english].append((float(gap), source, cls, [t.lower() for t in translations.split("|") if t]))
    return pairs


def signal(word: str, pairs, zipf, strict: bool) -> dict:
    """The word's evidence: its largest gap, and its largest gap among pairs the dictionary translates otherwise
    (by no form of the word; `gain`: the dictionary's first translation is commoner English than the word by 1 Zipf)."""
    lemma = english_lemma(word, zipf)
    best = {"any": None, "otherwise": None, "gain": None}
    for gap, source, cls, translations in pairs.get(word, ()):
        if strict and not same_skeleton(source, word, cls):
            continue
        best["any"] = max(gap, best["any"] if best["any"] is not None else -99)
        same = {spelling(f) for t in translations for f in inflections(t)}
        if translations and spelling(word) not in same and spelling(lemma) not in same:
            best["otherwise"] = max(gap, best["otherwise"] if best["otherwise"] is not None else -99)
            if zipf(translations[0], "en") - zipf(lemma, "en") >= 1.0:
                best["gain"] = max(gap, best["gain"] if best["gain"] is not None else -99)
    return best


def tokens(text: str, pairs):
    """(start, end, lower-case word) of the words that have a look-alike; a capital inside a sentence is a name."""
    for m in WORD.finditer(text):
        word = m.group(0)
        if word[0].isupper() and not word.isupper() and not SENTENCE_START.search(text[max(0, m.start() - 3):m.start()]):
            continue
        if word.lower() in pairs:
            yield m.start(), m.end(), word.lower()


def native_en_documents() -> list[str]:
    docs: dict[str, list] = collections.defaultdict(list)
    for line in open(SHARED / "native_en.jsonl", encoding="utf-8"):
        r = json.loads(line)
        docs[r["doc_id"]].append((r["seg_in_doc"], r["text"]))
    return [" ".join(t for _s, t in sorted(v)) for v in docs.values()]


def main(argv: list[str] | None = None) -> int:
    from wordfreq import zipf_frequency

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", choices=("A", "B"), help="print the words each condition flags on this half")
    parser.add_argument("--loose", action="store_true", help="keep pairs one vowel apart (the build step's own rule)")
    parser.add_argument("--english-max", type=float, help="only English words at most this common (Zipf)")
    args = parser.parse_args(argv)
    pairs = load_pairs()
    if args.english_max is not None:
        pairs = {w: p for w, p in pairs.items() if zipf_frequency(w, "en") <= args.english_max}
    cache: dict[str, dict] = {}
    # (set name, is machine-translated, words, [(word, inside an annotation)])
    sets: dict[str, dict] = {}
    documents: list[tuple[str, list[str], int]] = []  # (set name, look-alikes, words) per document
    for r in study_records(True):
        tail = truncated_tail(r)
        name = half_of(r) + (" MT" if r["label"] == "mt" else " native")
        s = sets.setdefault(name, {"words": 0, "tokens": []})
        s["words"] += len(r["text"][:tail].split())
        anns = [a for a in r["annotations"] if a["start"] < tail]
        found = list(tokens(r["text"][:tail], pairs))
        s["tokens"] += [(word, any(a["start"] < end and start < a["end"] for a in anns)) for start, end, word in found]
        documents.append((name, [w for _a, _b, w in found], len(r["text"][:tail].split())))
    s = sets.setdefault("native_en", {"words": 0, "tokens": []})
    for doc in native_en_documents():
        found = [word for _a, _b, word in tokens(doc, pairs)]
        s["words"] += len(doc.split())
        s["tokens"] += [(word, False) for word in found]
        documents.append(("native_en", found, len(doc.split())))
    for s in sets.values():
        for word, _hit in s["tokens"]:
            if word not in cache:
                cache[word] = signal(word, pairs, zipf_frequency, strict=not args.loose)
    print("condition            " + "  ".join(f"{name:>16}" for name in sorted(sets)))
    print("                     " + "  ".join(f"{'hit/false' if 'MT' in n else 'false (per 1k)':>16}" for n in sorted(sets)))
    for evidence in ("any", "otherwise", "gain"):
        for gap in GAPS:
            cells, flagged = [], collections.Counter()
            for name in sorted(sets):
                s = sets[name]
                chosen = [(w, h) for w, h in s["tokens"] if cache[w][evidence] is not None and cache[w][evidence] >= gap]
                hits = sum(h for _w, h in chosen)
                if "MT" in name:
                    cells.append(f"{hits:>7}/{len(chosen) - hits:<8}")
                else:
                    false = len(chosen) - hits
                    cells.append(f"{false:>5} ({1000 * false / max(1, s['words']):4.2f})  ")
                if args.words and name.startswith(args.words + " "):
                    flagged.update((w, h) for w, h in chosen)
            print(f"{evidence:>9} gap>={gap:<4}  " + "  ".join(f"{c:>16}" for c in cells))
            if flagged:
                print("    " + ", ".join(f"{w}{'+' if h else '-'}{n if n > 1 else ''}" for (w, h), n in sorted(flagged.items())))
    print("words: " + ", ".join(f"{name} {sets[name]['words']}" for name in sorted(sets)))
    print("\ndocument ROC AUC of the density, MT against:   own half's natives   native_en")
    for evidence in ("any", "otherwise"):
        for gap in GAPS:
            density = collections.defaultdict(list)
            for name, found, words in documents:
                density[name].append(sum(cache[w][evidence] is not None and cache[w][evidence] >= gap
                                         for w in found) / max(1, words))
            cells = [f"{half}: {auc(density[half + ' MT'], density[half + ' native']):.3f} "
                     f"{auc(density[half + ' MT'], density['native_en']):.3f}" for half in "AB"]
            print(f"{evidence:>9} gap>={gap:<4}  " + "   ".join(cells))
    return 0


def auc(positives: list[float], negatives: list[float]) -> float:
    """The probability that a random positive scores above a random negative (ties count half)."""
    wins = sum((p > n) + 0.5 * (p == n) for p in positives for n in negatives)
    return wins / max(1, len(positives) * len(negatives))


if __name__ == "__main__":
    raise SystemExit(main())
