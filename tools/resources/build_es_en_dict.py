"""Build a Spanish->English lemma dictionary and a Spanish form->lemma map from Apertium eng-spa's compiled transducers.

Prototype, build time only (Debian apertium-eng-spa and lttoolbox for `lt-print`;
`pip install wordfreq==3.1.1`). Writes to /tmp/resources/:

  es_en_bidix.tsv  lemma, part of speech, English translations in the spa->eng direction
                   (what Apertium itself outputs), then English words that translate to the
                   lemma only in the eng->spa direction
  es_forms.tsv     Spanish form, its analyses (lemma<pos>), wordfreq Spanish Zipf; forms with
                   enclitic pronouns are left out, and so are forms under MIN_ZIPF

The data is Apertium's (GPL-2, Universitat d'Alacant and others).
"""
from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from att import expand

APERTIUM = Path("/usr/share/apertium/apertium-eng-spa")
OUT = Path("/tmp/resources")
MIN_ZIPF = 2.0
POS = {"n", "adj", "vblex", "adv", "np", "pr", "cnjadv", "cnjsub", "cnjcoo", "det", "prn", "preadv", "vbmod", "vbser", "vbhaver", "num", "ij", "rel", "predet"}


def split(analysis: str) -> tuple[str, str] | None:
    m = re.match(r"([^<]+)<([^>]+)>", analysis)
    if not m or m.group(2) not in POS:
        return None
    return m.group(1).replace("#", "").replace("  ", " ").strip(), m.group(2)


def main() -> None:
    from wordfreq import zipf_frequency

    lr: dict[tuple[str, str], list[str]] = defaultdict(list)
    for _s, es, en in expand(str(APERTIUM / "spa-eng.autobil.bin")):
        a, b = split(es), split(en)
        if a and b and b[0] not in lr[a]:
            lr[a].append(b[0])
    rl: dict[tuple[str, str], list[str]] = defaultdict(list)
    for _s, en, es in expand(str(APERTIUM / "eng-spa.autobil.bin")):
        a, b = split(es), split(en)
        if a and b and b[0] not in rl[a] and b[0] not in lr.get(a, ()):
            rl[a].append(b[0])
    OUT.mkdir(parents=True, exist_ok=True)
    keys = sorted(set(lr) | set(rl))
    with open(OUT / "es_en_bidix.tsv", "w", encoding="utf-8") as f:
        f.write("# es lemma\tpos\tspa->eng translations\teng->spa only\n")
        for k in keys:
            if k[1] == "np":
                continue
            f.write(f"{k[0]}\t{k[1]}\t{'|'.join(lr.get(k, ()))}\t{'|'.join(rl.get(k, ()))}\n")
    print(f"es_en_bidix.tsv: {sum(1 for k in keys if k[1] != 'np')} (lemma, pos) entries", file=sys.stderr)

    forms: dict[str, list[str]] = defaultdict(list)
    for _s, surface, analysis in expand(str(APERTIUM / "spa-eng.automorf.bin")):
        if "+" in analysis or " " in surface:
            continue  # enclitic pronouns (dámelo), multiwords
        sp = split(analysis)
        if not sp or sp[1] == "np":
            continue
        tag = f"{sp[0]}<{sp[1]}>"
        form = surface.lower()
        if tag not in forms[form]:
            forms[form].append(tag)
    n = 0
    with open(OUT / "es_forms.tsv", "w", encoding="utf-8") as f:
        f.write("# form\tanalyses lemma<pos>\twordfreq es Zipf\n")
        for form in sorted(forms):
            z = zipf_frequency(form, "es")
            if z >= MIN_ZIPF:
                f.write(f"{form}\t{' '.join(forms[form])}\t{z:.2f}\n")
                n += 1
    print(f"es_forms.tsv: {n} forms with Zipf >= {MIN_ZIPF} (of {len(forms)} without clitics)", file=sys.stderr)


if __name__ == "__main__":
    main()
