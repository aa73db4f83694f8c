"""Propose Spanish->English cognate false-friend candidates (English look-alike of a common Spanish word that Apertium does not translate to it, or that is rare in English).

Prototype, build time only. Needs the outputs of build_es_en_dict.py (es_en_bidix.tsv,
es_forms.tsv) in /tmp/resources, Debian apertium-eng-spa + lttoolbox (English lemmas) and
`pip install wordfreq==3.1.1`. Writes /tmp/resources/cognate_candidates.tsv, best first.

Mechanism, all at the level of word forms, so that verb forms such as "denunció" -> "denounced"
are matched as the machine would render them:
1. Each Spanish form among wordfreq's TOP_ES and each English form among TOP_EN is cut into
   (stem, correspondence class) in every way its ending allows: -ción/-tion, -dad/-ty,
   -ncia/-nce|-ncy, -cia/-cy|-ce, -mente/-ly, -izar/-ize, -oso/-ous, -ivo/-ive, -ico/-ic|-ical,
   -ario/-ary, -ista/-ist, -ente/-ent, -ura/-ure, -ó|-ió|-aron|-ado/-ed, -ando|-iendo/-ing,
   infinitive/base form, identical spelling, ...
2. Stems are reduced to an orthographic skeleton (no accents, ph->f, th->t, y->i, qu->cu,
   doubled letters single); a Spanish es+consonant may drop its e (estado/state). A pair matches
   when class agrees, parts of speech agree (Apertium's Spanish lemma, WordNet for English, which
   also keeps names and typos out) and the skeletons are equal or differ by one vowel (stems of 5+
   letters; exactly equal, and 6+ letters, for the weak classes: identical, bare noun, infinitive/base
   form, which otherwise pair unrelated words such as dinero/dinner), and
   only a Spanish form's closest look-alikes are kept. The same word left as it is ("dinero") is
   an untranslated word, not a false friend, and is skipped.
3. Evidence: Zipf of each word, the Spanish lemma and its spa->eng translations in Apertium's
   dictionary, the English lemma (Apertium's English analyser). A pair is a candidate when the
   Spanish form is common (Zipf >= MIN_ES) and either the dictionary knows the Spanish lemma
   but not this English word among its translations, or the English word is rare (Zipf < RARE_EN)
   and far rarer than the Spanish one.
"""
from __future__ import annotations

import os
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from att import expand

OUT = Path(os.environ.get("TQ_RESOURCES", "/tmp/resources"))
APERTIUM = Path("/usr/share/apertium/apertium-eng-spa")
TOP_ES, TOP_EN = 60_000, 100_000
MIN_ES, RARE_EN = 3.3, 3.0

# class: (Spanish endings, English endings); the stem is what is left once the ending is cut
CLASSES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "tion": (("cion",), ("tion",)), "tions": (("ciones",), ("tions",)),
    "sion": (("sion",), ("sion",)), "sions": (("siones",), ("sions",)),
    "ction": (("ccion",), ("ction",)), "ctions": (("cciones",), ("ctions",)),
    "ty": (("dad", "tad"), ("ty",)), "ties": (("dades", "tades"), ("ties",)),
    "nce": (("ncia",), ("nce", "ncy")), "nces": (("ncias",), ("nces", "ncies")),
    "cy": (("cia",), ("cy", "ce")), "cies": (("cias",), ("cies", "ces")),
    "ly": (("amente", "mente"), ("ly",)),
    "ize": (("izar",), ("ize", "ise")), "ized": (("izo", "izado", "izada", "izaron"), ("ized", "ised")),
    "ous": (("oso", "osa", "osos", "osas"), ("ous",)),
    "ive": (("ivo", "iva"), ("ive",)), "ives": (("ivos", "ivas"), ("ives",)),
    "ic": (("ico", "ica"), ("ic", "ical")), "ics": (("icos", "icas"), ("ics", "icals")),
    "ary": (("ario", "aria"), ("ary",)), "aries": (("arios", "arias"), ("aries",)),
    "ory": (("orio", "oria"), ("ory",)),
    "ist": (("ista",), ("ist",)), "ists": (("istas",), ("ists",)),
    "ism": (("ismo",), ("ism",)),
    "ent": (("ente",), ("ent",)), "ents": (("entes",), ("ents",)),
    "ant": (("ante",), ("ant",)), "ants": (("antes",), ("ants",)),
    "ure": (("ura",), ("ure",)), "ures": (("uras",), ("ures",)),
    "al": (("al",), ("al",)), "als": (("ales",), ("als",)),
    "ble": (("ble",), ("ble",)), "bles": (("bles",), ("bles",)),
    "ate": (("ato", "ata"), ("ate",)), "ates": (("atos", "atas"), ("ates",)),
    "ed": (("ó", "ió", "aron", "ieron", "ado", "ada", "ados", "adas", "ido", "ida", "idos", "idas"), ("ed", "d")),
    "ated": (("ó", "aron", "ado", "ada", "ados", "adas"), ("ated",)),
    "ing": (("ando", "iendo"), ("ing",)),
    # the present tense, as MT renders it: contempla/contemplates, presume/presumes, denuncian/denounce
    "s3": (("a", "e"), ("ates", "es", "s")), "p3": (("an", "en"), ("ate", "e", "")),
    "base": (("ar", "er", "ir"), ("e", "", "ate")),
    "noun": (("o", "a", "e"), ("", "e")), "nouns": (("os", "as", "es"), ("s", "es")),
    "same": (("",), ("",)),
}
EXACT = {"same", "noun", "nouns", "base"}  # weak endings: the stems must agree exactly
VERBAL = {"ed", "ated", "ized", "ing", "base", "ize", "s3", "p3"}
# part of speech each class asks of the Spanish lemma (Apertium tags) and of the English word (WordNet letters)
ES_POS = {"ly": {"adv"}, **{c: {"vblex"} for c in VERBAL}}
EN_POS = {"ly": {"r"}, **{c: {"v"} for c in VERBAL}}
NOUNISH = {"tion", "tions", "sion", "sions", "ction", "ctions", "ty", "ties", "nce", "nces", "cy", "cies", "ism", "ure",
           "ures", "ist", "ists"}
ES_POS.update({c: {"n"} for c in NOUNISH})
EN_POS.update({c: {"n"} for c in NOUNISH})
OPEN_ES, OPEN_EN = {"n", "adj", "vblex", "adv"}, {"n", "v", "a", "r"}


def deaccent(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")


def skeleton(stem: str) -> str:
    s = deaccent(stem.lower())
    for a, b in (("ph", "f"), ("th", "t"), ("qu", "cu"), ("y", "i")):
        s = s.replace(a, b)
    return re.sub(r"(.)\1", r"\1", s)


def keys(word: str, side: int) -> list[tuple[str, str]]:
    """(class, skeleton stem) for every class whose ending the word has; side 0 = Spanish, 1 = English."""
    out = []
    for cls, ends in CLASSES.items():
        w = word if side == 1 or cls in ("ed", "ated", "ized") else deaccent(word)
        for e in ends[side]:
            if w.endswith(e) and len(w) - len(e) >= 3:
                stem = w[: len(w) - len(e)] if e else w
                if side == 0 and cls in ("ed", "ated", "base", "s3", "p3") and stem.endswith("i"):
                    out.append((cls, skeleton(stem[:-1])))  # denunci-ó: stem denunc
                if side == 0 and cls == "ly" and stem.endswith("a"):
                    out.append((cls, skeleton(stem[:-1])))  # rápida-mente
                if side == 1 and cls == "ly":
                    if stem.endswith("b"):
                        out.append((cls, skeleton(stem + "le")))  # possib-ly -> possible
                    if stem.endswith("i"):
                        out.append((cls, skeleton(stem[:-1] + "y")))
                if side == 1 and cls == "ed" and e == "ed" and stem.endswith("i"):
                    out.append((cls, skeleton(stem[:-1] + "y")))
                sk = skeleton(stem)
                out.append((cls, sk))
                if side == 0 and re.match(r"es[^aeiou]", sk):
                    out.append((cls, sk[1:]))  # estado / state
    return out


WORDNET = Path("/usr/share/wordnet")
MORPHY = {"n": (("s", ""), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"), ("men", "man"),
                ("ies", "y")),
          "v": (("s", ""), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", "")),
          "a": (("er", ""), ("est", ""), ("er", "e"), ("est", "e")), "r": ()}


def wordnet_pos() -> dict[str, set[str]]:
    """English word form -> WordNet parts of speech (n, v, a, r), through WordNet's index, exception lists and Morphy's rules."""
    index: dict[str, set[str]] = defaultdict(set)
    for letter, name in (("n", "noun"), ("v", "verb"), ("a", "adj"), ("r", "adv")):
        for line in (WORDNET / f"index.{name}").read_text(encoding="utf-8").splitlines():
            if not line.startswith(" "):
                index[line.split(" ", 1)[0]].add(letter)
        if letter != "r":
            for line in (WORDNET / f"{name}.exc").read_text(encoding="utf-8").splitlines():
                parts = line.split()
                if len(parts) >= 2:
                    index.setdefault("exc:" + parts[0], set()).add(letter)
    return index


def en_pos(word: str, index: dict[str, set[str]]) -> set[str]:
    found = set(index.get(word, ())) | set(index.get("exc:" + word, ()))
    for letter, rules in MORPHY.items():
        for suf, rep in rules:
            if word.endswith(suf) and letter in index.get(word[: len(word) - len(suf)] + rep, ()):
                found.add(letter)
    return found


VOWELS = set("aeiou")


def near(a: str, b: str) -> int:
    """0 when equal, 1 when one vowel is added, dropped or changed (denunc/denounc), else 9: a consonant
    that differs makes a different word (recib/recit), not a cognate."""
    if a == b:
        return 0
    if len(a) == len(b):
        diff = [(x, y) for x, y in zip(a, b) if x != y]
        return 1 if len(diff) == 1 and diff[0][0] in VOWELS and diff[0][1] in VOWELS else 9
    if abs(len(a) - len(b)) != 1:
        return 9
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    for i, c in enumerate(long_):
        if long_[:i] + long_[i + 1:] == short:
            return 1 if c in VOWELS else 9
    return 9


def edit(a: str, b: str, limit: int) -> int:
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
        if min(cur) > limit:
            return limit + 1
        prev = cur
    return prev[-1]


def main() -> None:
    from wordfreq import top_n_list, zipf_frequency

    es_words = [w for w in top_n_list("es", TOP_ES) if re.fullmatch(r"[a-záéíóúüñ]+", w) and len(w) >= 4]
    en_words = [w for w in top_n_list("en", TOP_EN) if re.fullmatch(r"[a-z]+", w) and len(w) >= 4]
    es_words = [w for w in es_words if zipf_frequency(w, "es") >= MIN_ES]

    es_lemmas: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for line in open(OUT / "es_forms.tsv", encoding="utf-8"):
        if line.startswith("#"):
            continue
        form, an, _z = line.rstrip("\n").split("\t")
        for lemma, pos in re.findall(r"\s?([^<]+)<(\w+)>", an):
            es_lemmas[form].append((lemma.strip(), pos))
    bidix: dict[tuple[str, str], tuple[list[str], list[str]]] = {}
    for line in open(OUT / "es_en_bidix.tsv", encoding="utf-8"):
        if line.startswith("#"):
            continue
        lemma, pos, lr, rl = line.rstrip("\n").split("\t")
        bidix[(lemma, pos)] = (lr.split("|") if lr else [], rl.split("|") if rl else [])
    en_lemmas: dict[str, set[str]] = defaultdict(set)
    for _s, surface, analysis in expand(str(APERTIUM / "eng-spa.automorf.bin")):
        m = re.match(r"([^<#+]+)<", analysis)
        if m and "+" not in analysis:
            en_lemmas[surface.lower()].add(m.group(1).lower())

    wn = wordnet_pos()
    # WordNet's own single-word lemmas too: the rarest English look-alikes (mandatary, Zipf 1.1) are the
    # surest false friends, and wordfreq's top list stops before them
    listed = set(en_words)
    en_words += sorted(w for w in wn if re.fullmatch(r"[a-z]{4,}", w) and w not in listed)
    en_tags = {w: en_pos(w, wn) for w in en_words}
    en_words = [w for w in en_words if en_tags[w]]  # a word of English's lexicon, not a name or a typo
    index: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)  # (class, first letters) -> (skeleton, word)
    exact: dict[tuple[str, str], list[str]] = defaultdict(list)  # (class, skeleton) -> words
    for w in en_words:
        for cls, sk in keys(w, 1):
            if cls in EXACT:
                exact[(cls, sk)].append(w)
            else:
                index[(cls, sk[:2])].append((sk, w))

    def pos_ok(cls: str, s: str, e: str) -> bool:
        es_pos = {p for _l, p in es_lemmas.get(s, [])}
        want_es, want_en = ES_POS.get(cls, OPEN_ES), EN_POS.get(cls, OPEN_EN)
        if not (es_pos & want_es) or not (en_tags[e] & want_en):
            return False
        if cls.endswith("s") and cls not in ("ics",) and es_pos <= {"adj"}:
            return False  # a Spanish plural adjective: English adjectives have no plural (sociales/socials)
        if cls == "ics" and es_pos <= {"adj"}:
            return False
        if cls == "ated" and not any(l.endswith("ar") for l, _p in es_lemmas.get(s, [])):
            return False  # -ate verbs are -ar verbs (asesinar/assassinate, not aparecer/appreciate)
        if cls in ("ed", "ated", "ized", "ing"):  # an English past or -ing form of a WordNet verb
            suf = "ing" if cls == "ing" else "ed"
            base = e[: -len(suf)]
            return e.endswith(suf) and any("v" in wn.get(b, ()) for b in (base, base + "e", base[:-1] if base[-1:] == base[-2:-1] else base))
        if cls == "s3":  # a Spanish present and an English -s form of a WordNet verb
            return any(p == "vblex" and l != s for l, p in es_lemmas.get(s, [])) and e.endswith("s") and any(
                "v" in wn.get(b, ()) for b in (e[:-1], e[:-2]))
        if cls == "p3":  # a Spanish plural present and an English base form
            return any(p == "vblex" for _l, p in es_lemmas.get(s, [])) and "v" in wn.get(e, ())
        if cls == "base":  # an infinitive and an English verb
            return any(l == s and p == "vblex" for l, p in es_lemmas.get(s, []))
        if cls in EXACT:  # a Spanish noun or adjective form and an English one: verb forms go through -ed/-ing
            fam = {"n": "n", "adj": "a"}
            return bool({fam[p] for p in es_pos & {"n", "adj"}} & en_tags[e])
        return True

    pairs: dict[tuple[str, str], tuple[str, int]] = {}
    for s in es_words:
        for cls, sk in keys(s, 0):
            if cls in EXACT:
                cands = [(sk, e) for e in exact.get((cls, sk), ())] if len(sk) >= 6 else []
                limit = 0
            else:
                cands = index.get((cls, sk[:2]), ()) if len(sk) >= 4 else ()
                limit = 1 if len(sk) >= 5 else 0
            for sk_en, e in cands:
                if e == deaccent(s):
                    continue  # the same word left in: an untranslated word (source_words.txt), not a false friend
                d = near(sk, sk_en)
                if d <= limit and pos_ok(cls, s, e) and d < pairs.get((s, e), ("", 9))[1]:
                    pairs[(s, e)] = (cls, d)
    # keep each Spanish form's closest English look-alike(s) only: the cognate, not a near miss
    best: dict[str, int] = {}
    for (s, e), (cls, d) in pairs.items():
        best[s] = min(best.get(s, 9), d)
    pairs = {k: v[0] for k, v in pairs.items() if v[1] == best[k[0]]}

    # every matched pair with its frequency gap, for the second signal (Spanish far more common than English)
    with open(OUT / "cognate_pairs.tsv", "w", encoding="utf-8") as f:
        f.write("# gap\tspanish\tenglish\tclass\tzipf es\tzipf en\tspa->eng translations\n")
        for (s, e), cls in sorted(pairs.items(), key=lambda kv: zipf_frequency(kv[0][1], "en") - zipf_frequency(kv[0][0], "es")):
            tr = [t for lem in es_lemmas.get(s, []) for t in bidix.get(lem, ([], []))[0]]
            f.write(f"{zipf_frequency(s, 'es') - zipf_frequency(e, 'en'):.2f}\t{s}\t{e}\t{cls}\t{zipf_frequency(s, 'es'):.2f}\t"
                    f"{zipf_frequency(e, 'en'):.2f}\t{'|'.join(dict.fromkeys(tr))}\n")

    rows = []
    for (s, e), cls in pairs.items():
        z_es, z_en = zipf_frequency(s, "es"), zipf_frequency(e, "en")
        if zipf_frequency(s, "en") >= 3.0 and s != e:
            continue  # the Spanish form is itself common English (a loan, a name): no evidence
        lemmas = es_lemmas.get(s, [])
        trans, trans_rl = [], []
        for lem in lemmas:
            lr, rl = bidix.get(lem, ([], []))
            trans += lr
            trans_rl += rl
        e_lemmas = en_lemmas.get(e, set()) | {e}
        known = bool(trans)
        in_dict = bool(e_lemmas & {t.lower() for t in trans})
        in_rl = bool(e_lemmas & {t.lower() for t in trans_rl})
        dict_miss = known and not in_dict
        rare = z_en < RARE_EN and z_es - z_en >= 1.0
        if not (dict_miss or rare):
            continue
        score = (z_es - z_en) + (1.0 if dict_miss else 0.0) - (0.5 if in_rl else 0.0) + (0.5 if rare else 0.0)
        evidence = []
        if lemmas:
            evidence.append("lemma " + ",".join(f"{l}<{p}>" for l, p in lemmas))
        evidence.append(("dict: " + "|".join(dict.fromkeys(trans))) if known else "lemma not in dict")
        if in_rl:
            evidence.append("eng->spa has it")
        if rare:
            evidence.append("rare in English")
        rows.append((score, s, e, cls, z_es, z_en, "; ".join(evidence)))
    # one row per (Spanish lemma, English lemma): its most frequent Spanish form stands for it
    grouped: dict[tuple[str, str], tuple] = {}
    for r in rows:
        s_lem = ",".join(sorted({l for l, _p in es_lemmas.get(r[1], [])})) or r[1]
        e_lem = min(en_lemmas.get(r[2], {r[2]}) | {r[2]}, key=lambda x: (len(x), x))
        k = (s_lem, e_lem)
        if k not in grouped or r[4] > grouped[k][4]:
            grouped[k] = r
    rows = sorted(grouped.values(), key=lambda r: -r[0])
    with open(OUT / "cognate_candidates.tsv", "w", encoding="utf-8") as f:
        f.write("# score\tspanish\tenglish look-alike\tclass\tzipf es\tzipf en\tevidence\n")
        for r in rows:
            f.write(f"{r[0]:.2f}\t{r[1]}\t{r[2]}\t{r[3]}\t{r[4]:.2f}\t{r[5]:.2f}\t{r[6]}\n")
    print(f"{len(pairs)} cognate pairs matched, {len(rows)} candidates written to {OUT / 'cognate_candidates.tsv'}",
          file=sys.stderr)


if __name__ == "__main__":
    main()
