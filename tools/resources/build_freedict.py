"""Turn Debian's FreeDict spa/fra/por<->eng dictd files into headword -> English translation word lists, and measure their coverage of common words.

Prototype, build time only: apt-get install dict-freedict-spa-eng dict-freedict-fra-eng
dict-freedict-por-eng (GPL-2+, FreeDict contributors); `pip install wordfreq==3.1.1`.
Writes /tmp/resources/freedict_{spa,fra,por}_eng.tsv (headword, translations joined by |).
"""
from __future__ import annotations

import gzip
import re
import sys
from pathlib import Path

DICTD = Path("/usr/share/dictd")
OUT = Path("/tmp/resources")
B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


def b64(s: str) -> int:
    n = 0
    for c in s:
        n = n * 64 + B64.index(c)
    return n


def entries(name: str):
    data = gzip.open(DICTD / f"{name}.dict.dz").read().decode("utf-8")
    raw = data.encode("utf-8")
    for line in (DICTD / f"{name}.index").read_text(encoding="utf-8").splitlines():
        head, off, ln = line.split("\t")[:3]
        if head.startswith("00-database") or head.startswith("00database"):
            continue
        body = raw[b64(off): b64(off) + b64(ln)].decode("utf-8", "replace")
        lines = body.split("\n")[1:]  # the first line repeats the headword (and its pronunciation, part of speech)
        trans = []
        for t in lines:
            t = re.sub(r"^\s*\d+\.\s*", "", t).strip()
            if not t or t.startswith(("Note:", "Synonym", "see:", "<", "\"")):
                continue
            for part in re.split(r"\s*[,;]\s*", t):
                if part and len(part) < 60 and part not in trans:
                    trans.append(part)
        yield head, trans


def main() -> None:
    from wordfreq import top_n_list

    OUT.mkdir(parents=True, exist_ok=True)
    for src, wf in (("spa", "es"), ("fra", "fr"), ("por", "pt")):
        table: dict[str, list[str]] = {}
        for head, trans in entries(f"freedict-{src}-eng"):
            table.setdefault(head.lower(), [])
            table[head.lower()] += [t for t in trans if t not in table[head.lower()]]
        with open(OUT / f"freedict_{src}_eng.tsv", "w", encoding="utf-8") as f:
            f.writelines(f"{h}\t{'|'.join(table[h])}\n" for h in sorted(table))
        top = [w for w in top_n_list(wf, 10_000) if w.isalpha()]
        covered = sum(1 for w in top if w in table)
        print(f"{src}-eng: {len(table)} headwords, {sum(map(len, table.values()))} translations; "
              f"covers {covered} of the {len(top)} most frequent {wf} words (as written, no lemmatising)", file=sys.stderr)


if __name__ == "__main__":
    main()
