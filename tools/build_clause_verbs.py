"""Generate `tqcheck/data/en/clauseless_verbs.txt`: English verbs that never take a `that` clause and look like
a common Spanish, French or Portuguese verb that does (`expressed that`, `celebrated that`, `abounded that`),
read by C110.

Build time only; needs WordNet 3.0 (Debian `wordnet`, /usr/share/wordnet) and wordfreq 3.1.1. A verb is kept when
  - WordNet gives none of its senses the frame "Somebody ----s that CLAUSE" (26) or "It ----s that CLAUSE" (34):
    English does not report speech or thought with it followed by a clause;
  - it is common enough to be written (wordfreq Zipf >= MIN_EN) and looks like a common source-language verb
    (an infinitive of Zipf >= MIN_SOURCE whose stem has the same spelling skeleton: expres-ar / express,
    célébr-er / celebrat-e, abund-ar / abound is not needed: the skeletons agree on four letters at least);
  - it is not one of the few English verbs WordNet's frames miss although English news uses them with a
    `that` clause (NATIVE_THAT_VERBS, written by the team: `insisted that`, `proposed that`, `lamented that`).
The forms written are the past tense and the third person singular (unless the lexicon also reads it as a plural
noun), those tqcheck's lexicon knows.

    python tools/build_clause_verbs.py          # rewrite the package file
    python tools/build_clause_verbs.py --show   # print the table with its frequencies instead
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "resources"))
import table_script
from build_cognates import deaccent, skeleton
from wordnet_frames import verb_frames

DATA = Path(__file__).resolve().parent.parent / "tqcheck" / "data"
OUT = DATA / "en" / "clauseless_verbs.txt"
MIN_EN, MIN_SOURCE, TOP_SOURCE = 3.0, 3.5, 60_000
CLAUSE_FRAMES = {26, 34}
INFINITIVES = {"es": ("ar", "er", "ir"), "pt": ("ar", "er", "ir"), "fr": ("er", "ir", "re")}
# English verbs that take a `that` clause in news although no WordNet sense of theirs has frame 26 or 34
NATIVE_THAT_VERBS = frozenset((
    "insist", "propose", "clarify", "require", "lament", "deplore", "assess", "mean", "concede", "contend",
    "allege", "posit", "stipulate", "hint", "reason", "boast", "grumble", "muse", "speculate", "wager",
    "protest", "quip", "joke", "recount", "stress", "note", "remark", "confide", "caution", "retort",
    "testify", "certify", "ascertain", "ensure", "guarantee", "specify", "indicate", "signal", "concur",
    "recognise", "emphasise", "realise", "surmise", "presume", "fancy", "intimate", "insinuate", "suggest",
    "advise", "remind", "inform", "notify", "persuade", "convince", "assure", "reassure", "tell", "teach",
    "show", "prove", "demonstrate", "illustrate", "imply", "infer", "deduce", "conclude", "decide", "resolve",
    "rule", "decree", "order", "command", "demand", "request", "recommend", "urge", "plead", "pray", "beg",
    "post",  # "posted on X that…": social media posts report speech in current news English
))
LEMMA = re.compile(r"[a-z]+")


def _forms(lemma: str, tags: dict[str, str]) -> list[str]:
    if lemma.endswith("e"):
        past, third = lemma + "d", lemma + "s"
    elif re.search(r"[^aeiou]y$", lemma):
        past, third = lemma[:-1] + "ied", lemma[:-1] + "ies"
    else:
        past, third = lemma + "ed", lemma + ("es" if re.search(r"(?:s|x|z|ch|sh)$", lemma) else "s")
    # the third person only where it cannot be a plural noun ("military contacts that China severed")
    return [f for f, tag in ((past, "D"), (third, "Z")) if tag in tags.get(f, "") and not (tag == "Z" and "S" in tags[f])]


def table() -> list[tuple[str, str, str, float, float]]:
    from wordfreq import top_n_list, zipf_frequency

    source: dict[str, tuple[float, str]] = {}
    for lang, endings in INFINITIVES.items():
        for word in top_n_list(lang, TOP_SOURCE):
            z = zipf_frequency(word, lang)
            if z < MIN_SOURCE:
                break
            for e in endings:
                if word.endswith(e) and len(word) - len(e) >= 4:
                    key = skeleton(deaccent(word[: -len(e)]))
                    if z > source.get(key, (0.0, ""))[0]:
                        source[key] = (z, word)
    tags = table_script.lexicon_tags()
    rows = []
    for lemma, frames in verb_frames().items():
        if not LEMMA.fullmatch(lemma) or frames & CLAUSE_FRAMES or lemma in NATIVE_THAT_VERBS:
            continue
        z_en = zipf_frequency(lemma, "en")
        if z_en < MIN_EN:
            continue
        stems = {lemma, lemma[:-1] if lemma.endswith("e") else lemma, lemma[:-3] if lemma.endswith("ate") else lemma}
        found = max((source.get(skeleton(s), (0.0, "")) for s in stems if len(s) >= 4), default=(0.0, ""))
        if found[0] < MIN_SOURCE:
            continue
        for form in _forms(lemma, tags):
            rows.append((form, lemma, found[1], z_en, found[0]))
    return sorted(rows)


HEADER = """# English verbs that never take a `that` clause (no WordNet sense has the frame "Somebody ----s that CLAUSE")
# and look like a common Spanish, French or Portuguese verb that does, read by C110 (clauseless-reporting-verb).
# form<TAB>lemma<TAB>source-language look-alike (an infinitive)
# Generated by tools/build_clause_verbs.py; do not edit by hand. Frequencies: wordfreq 3.1.1
# (Robyn Speer, https://github.com/rspeer/wordfreq, CC BY-SA 4.0). Verb frames: WordNet 3.0
# (Copyright 2006 by Princeton University, WordNet 3.0 licence: permission to use, copy, modify and
# distribute for any purpose, provided this notice appears on all copies; the full notice is in README.md).
"""


def main(argv: list[str] | None = None) -> int:
    return table_script.run(
        argv, __doc__.splitlines()[0], table, OUT, HEADER, 3,
        lambda r: f"{r[0]:18s} {r[1]:16s} {r[2]:16s} en {r[3]:.2f} source {r[4]:.2f}", "forms")


if __name__ == "__main__":
    sys.exit(main())
