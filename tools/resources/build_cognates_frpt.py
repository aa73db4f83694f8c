"""French and Portuguese cognate pairs, in the format of build_cognates.py's cognate_pairs.tsv (step 2b).

Build time only. Needs es_en_bidix.tsv from build_es_en_dict.py in $TQ_RESOURCES (default /tmp/resources),
Debian apertium-fr-es and apertium-es-pt (analysers and bilingual dictionaries, GPL-2), lttoolbox,
WordNet and `pip install wordfreq==3.1.1`. Writes cognate_pairs_fr.tsv and cognate_pairs_pt.tsv.

The same mechanism as the Spanish step, for the noun, adjective and adverb correspondences only:
French -tion/-tion, -ité/-ity, -eux/-ous, -ment/-ly, -ique/-ic, -isme/-ism, -aire/-ary, -el/-al ...;
Portuguese -ção/-tion, -dade/-ty, -ência/-ence, -oso/-ous, -mente/-ly, -ico/-ic, -vel/-ble .... A
source form among wordfreq's most frequent words is cut into (class, stem skeleton), matched to English
words (wordfreq's top list and WordNet's lemmas) with the same class and the same skeleton or one vowel
apart. Its English translations are reached through Spanish: the form's lemmas (the language's Apertium
analyser), their Spanish equivalents (fr-es / pt-es), those lemmas' English translations (eng-spa).
"""
from __future__ import annotations

import os
import re
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from att import expand  # noqa: E402
from build_cognates import EN_POS, OPEN_EN, deaccent, en_pos, keys, near, skeleton, wordnet_pos  # noqa: E402

OUT = Path(os.environ.get("TQ_RESOURCES", "/tmp/resources"))
APERTIUM = Path("/usr/share/apertium")
PAIRS = {"fr": (APERTIUM / "apertium-fr-es" / "fr-es.autobil.bin", APERTIUM / "apertium-fr-es" / "fr-es.automorf.bin"),
         "pt": (APERTIUM / "apertium-es-pt" / "pt-es.autobil.bin", APERTIUM / "apertium-es-pt" / "pt-es.automorf.bin")}
TOP_SRC, TOP_EN, MIN_SRC = 60_000, 100_000, 3.3
TAG = re.compile(r"^([^<]+)<(\w+)>")

# class (named as in build_cognates.CLASSES, whose English endings are used) -> source endings, accents removed
SOURCE_CLASSES = {
    "fr": {"tion": ("tion",), "tions": ("tions",), "sion": ("sion",), "sions": ("sions",), "ty": ("te",),
           "ties": ("tes",), "nce": ("nce",), "nces": ("nces",), "cy": ("tie", "cie"), "ly": ("ement", "ment"),
           "ous": ("eux", "euse"), "ive": ("if", "ive"), "ic": ("ique",), "ics": ("iques",), "ary": ("aire",),
           "ist": ("iste",), "ists": ("istes",), "ism": ("isme",), "ent": ("ent",), "ant": ("ant",),
           "ure": ("ure",), "al": ("al", "el", "elle"), "als": ("aux", "els"), "ble": ("ble",), "same": ("",)},
    "pt": {"tion": ("cao",), "tions": ("coes",), "sion": ("sao",), "sions": ("soes",), "ty": ("dade",),
           "ties": ("dades",), "nce": ("ncia",), "nces": ("ncias",), "cy": ("cia",), "cies": ("cias",),
           "ly": ("amente", "mente"), "ous": ("oso", "osa", "osos", "osas"), "ive": ("ivo", "iva"),
           "ic": ("ico", "ica"), "ics": ("icos", "icas"), "ary": ("ario", "aria"), "ist": ("ista",),
           "ists": ("istas",), "ism": ("ismo",), "ent": ("ente",), "ant": ("ante",), "ure": ("ura",),
           "al": ("al",), "ble": ("vel",), "noun": ("o", "a", "e"), "same": ("",)},
}
EXACT = {"same", "noun"}
NOUNISH = {"tion", "tions", "sion", "sions", "ty", "ties", "nce", "nces", "cy", "cies", "ism", "ure", "ist", "ists"}
SRC_POS = {"ly": {"adv"}, **{c: {"n"} for c in NOUNISH}}
OPEN_SRC = {"n", "adj", "adv"}


def source_keys(word: str, lang: str) -> list[tuple[str, str]]:
    w = deaccent(word)
    out = []
    for cls, ends in SOURCE_CLASSES[lang].items():
        for e in ends:
            if w.endswith(e) and len(w) - len(e) >= 3:
                stem = w[: len(w) - len(e)] if e else w
                out.append((cls, skeleton(stem)))
    return out


def main() -> None:
    from wordfreq import top_n_list, zipf_frequency

    bidix: dict[tuple[str, str], list[str]] = {}
    for line in open(OUT / "es_en_bidix.tsv", encoding="utf-8"):
        if not line.startswith("#"):
            lemma, pos, lr, _rl = line.rstrip("\n").split("\t")
            bidix[(lemma, pos)] = lr.split("|") if lr else []
    wn = wordnet_pos()
    en_words = [w for w in top_n_list("en", TOP_EN) if re.fullmatch(r"[a-z]{4,}", w)]
    listed = set(en_words)
    en_words += sorted(w for w in wn if re.fullmatch(r"[a-z]{4,}", w) and w not in listed)
    en_tags = {w: en_pos(w, wn) for w in en_words}
    exact: dict[tuple[str, str], list[str]] = defaultdict(list)
    index: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for w in en_words:
        if not en_tags[w]:
            continue
        for cls, sk in keys(w, 1):
            (exact[(cls, sk)].append(w) if cls in EXACT else index[(cls, sk[:2])].append((sk, w)))

    for lang, (bil, morf) in PAIRS.items():
        words = [w for w in top_n_list(lang, TOP_SRC) if re.fullmatch(r"[a-zàâäçéèêëîïôöûùüÿœæáíóúãõ]{4,}", w)
                 and zipf_frequency(w, lang) >= MIN_SRC]
        wanted = set(words)
        lemmas: dict[str, set[tuple[str, str]]] = defaultdict(set)
        for _s, form, analysis in expand(str(morf)):
            if form in wanted and "+" not in analysis:
                m = TAG.match(analysis)
                if m:
                    lemmas[form].add((m.group(1).replace("#", "").strip(), m.group(2)))
        needed = {lp for ls in lemmas.values() for lp in ls}
        to_es: dict[tuple[str, str], list[str]] = defaultdict(list)
        for _s, src, es in expand(str(bil)):
            a, b = TAG.match(src), TAG.match(es)
            if a and b and (a.group(1), a.group(2)) in needed:
                to_es[(a.group(1), a.group(2))].append(b.group(1).replace("#", "").strip())

        rows = []
        for s in words:
            src_pos = {p for _l, p in lemmas.get(s, ())}
            best: dict[str, tuple[str, int]] = {}
            for cls, sk in source_keys(s, lang):
                if cls in EXACT:
                    cands, limit = ([(sk, e) for e in exact.get((cls, sk), ())] if len(sk) >= 6 else []), 0
                else:
                    cands, limit = (index.get((cls, sk[:2]), ()) if len(sk) >= 4 else ()), (1 if len(sk) >= 5 else 0)
                for sk_en, e in cands:
                    if e == deaccent(s):
                        continue  # the same word left in: untranslated, not a false friend
                    d = near(sk, sk_en)
                    if d > limit or not (src_pos & SRC_POS.get(cls, OPEN_SRC)):
                        continue
                    if not (en_tags[e] & EN_POS.get(cls, OPEN_EN)):
                        continue
                    if cls in EXACT and not {{"n": "n", "adj": "a"}[p] for p in src_pos & {"n", "adj"}} & en_tags[e]:
                        continue
                    if d < best.get(e, ("", 9))[1]:
                        best[e] = (cls, d)
            if not best:
                continue
            closest = min(d for _c, d in best.values())
            trans = [t for lp in sorted(lemmas.get(s, ())) for es in to_es.get(lp, ()) for t in bidix.get((es, lp[1]), ())]
            for e, (cls, d) in best.items():
                if d == closest:
                    z_s, z_e = zipf_frequency(s, lang), zipf_frequency(e, "en")
                    rows.append((z_s - z_e, s, e, cls, z_s, z_e, "|".join(dict.fromkeys(trans))))
        rows.sort(key=lambda r: -r[0])
        with open(OUT / f"cognate_pairs_{lang}.tsv", "w", encoding="utf-8") as f:
            f.write(f"# gap\t{lang}\tenglish\tclass\tzipf {lang}\tzipf en\t{lang}->es->eng translations\n")
            for r in rows:
                f.write(f"{r[0]:.2f}\t{r[1]}\t{r[2]}\t{r[3]}\t{r[4]:.2f}\t{r[5]:.2f}\t{r[6]}\n")
        print(f"{lang}: {len(rows)} cognate pairs", file=sys.stderr)


if __name__ == "__main__":
    main()
