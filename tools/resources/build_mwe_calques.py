"""Propose literal-rendering calques: multiword entries of Apertium's dictionaries whose word-by-word
English rendering differs from the dictionary's own translation.

Build time only; nothing it writes is shipped. The dictionaries are Apertium's (GPL-2): this script
only PROPOSES candidates for review. The entries of `tqcheck/data/{es,fr,pt}-en/calques.toml` (C104)
are written by hand by an editor who read these lists, with their own patterns, examples and
counter-examples, and measured on native English before they were kept.

Needs Debian's lttoolbox (`lt-print`), apertium-eng-spa, apertium-fr-es and apertium-es-pt, wordfreq
3.1.1, and es_en_bidix.tsv / es_forms.tsv from build_es_en_dict.py (run that first). Writes to
/tmp/resources/:

  mwe_calques.tsv      Spanish multiwords of eng-spa (lemma, part of speech, literal rendering, the
                       dictionary's translation, whether the literal rendering is itself an English
                       entry of the dictionary, lowest wordfreq Zipf of its words)
  mwe_calques_fr.tsv   French multiwords of fr-es, reached through Spanish: the French lemma, part of
  mwe_calques_pt.tsv   speech, the Spanish equivalent, the literal English rendering (each French or
                       Portuguese word through fr-es / pt-es, then es-en), the English translation of
                       the Spanish equivalent, lowest Zipf
  mwe_review.tsv       the candidates worth an editor's reading, all three languages: literal renderings
                       with at least two content words (a noun, verb or adjective each), sorted by how
                       common the source words are

Verb multiwords keep their invariable part after the verb ("dar# un paso" = "dar un paso").
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from att import expand

OUT = Path("/tmp/resources")
APERTIUM = Path("/usr/share/apertium")
ENG_SPA = APERTIUM / "apertium-eng-spa"
FR_ES = APERTIUM / "apertium-fr-es"
ES_PT = APERTIUM / "apertium-es-pt"
SKIP_POS = {"np", "num"}
# closed-class Spanish words the bidix lists under tags this script does not look up
FUNCTION = {"de": "of", "la": "the", "el": "the", "los": "the", "las": "the", "lo": "the", "en": "in", "a": "to",
            "al": "to the", "del": "of the", "por": "by", "para": "for", "con": "with", "sin": "without", "un": "a",
            "una": "a", "que": "that", "y": "and", "o": "or", "se": "itself", "su": "its", "sus": "its",
            "sobre": "on", "entre": "between", "hasta": "until", "desde": "from", "como": "as", "más": "more",
            "no": "not", "le": "him", "les": "them", "uno": "one", "unos": "some", "unas": "some", "otro": "other",
            "otra": "other", "mismo": "same", "misma": "same", "cada": "each", "todo": "all", "toda": "all",
            "todos": "all", "todas": "all", "bajo": "under", "tras": "after", "ante": "before", "contra": "against"}
# the same closed-class words of French and Portuguese, given as their Spanish equivalent
FUNCTION_TO_ES = {
    "fr": {"de": "de", "d'": "de", "du": "del", "des": "de", "la": "la", "le": "el", "les": "los", "l'": "el",
           "en": "en", "à": "a", "au": "al", "aux": "a los", "par": "por", "pour": "para", "avec": "con",
           "sans": "sin", "un": "un", "une": "una", "que": "que", "qu'": "que", "et": "y", "ou": "o", "se": "se",
           "s'": "se", "son": "su", "sa": "su", "ses": "sus", "sur": "sobre", "entre": "entre", "jusqu'": "hasta",
           "depuis": "desde", "comme": "como", "plus": "más", "ne": "no", "pas": "no", "dans": "en", "sous": "bajo",
           "après": "tras", "avant": "ante", "contre": "contra", "tout": "todo", "toute": "toda", "tous": "todos",
           "toutes": "todas", "chaque": "cada", "même": "mismo", "autre": "otro", "ce": "este", "cet": "este",
           "cette": "esta", "ces": "estos", "y": "allí", "il": "él", "on": "se"},
    "pt": {"de": "de", "do": "del", "da": "de la", "dos": "de los", "das": "de las", "o": "el", "a": "a",
           "os": "los", "as": "las", "em": "en", "no": "en el", "na": "en la", "nos": "en los", "nas": "en las",
           "ao": "al", "à": "a la", "aos": "a los", "às": "a las", "por": "por", "pelo": "por el", "pela": "por la",
           "pelos": "por los", "pelas": "por las", "para": "para", "com": "con", "sem": "sin", "um": "un",
           "uma": "una", "que": "que", "e": "y", "ou": "o", "se": "se", "seu": "su", "sua": "su", "seus": "sus",
           "suas": "sus", "sobre": "sobre", "entre": "entre", "até": "hasta", "desde": "desde", "como": "como",
           "mais": "más", "não": "no", "sob": "bajo", "após": "tras", "contra": "contra", "todo": "todo",
           "toda": "toda", "todos": "todos", "todas": "todas", "cada": "cada", "mesmo": "mismo", "outro": "otro",
           "outra": "otra", "este": "este", "esta": "esta", "esse": "ese", "essa": "esa", "num": "en un",
           "numa": "en una", "dum": "de un", "duma": "de una"},
}
PAIRS = {"fr": (FR_ES / "fr-es.autobil.bin", FR_ES / "fr-es.automorf.bin"),
         "pt": (ES_PT / "pt-es.autobil.bin", ES_PT / "pt-es.automorf.bin")}
# English words that carry no content: a candidate needs two words outside this list
ENGLISH_FUNCTION = set(FUNCTION.values()) | {"a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "with",
                                              "from", "as", "and", "or", "not", "be", "being", "have", "do", "its",
                                              "this", "that", "itself", "one", "some", "all", "more", "other", "same",
                                              "him", "them", "each", "there", "he"}
TAG = re.compile(r"([^<]+)<(\w+)>")


def _lemma(analysis: str) -> tuple[str, str] | None:
    m = TAG.match(analysis)
    return (m.group(1).replace("#", "").strip(), m.group(2)) if m else None


def _load_es_en() -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    bidix: dict[str, list[str]] = {}
    for line in open(OUT / "es_en_bidix.tsv", encoding="utf-8"):
        if line.startswith("#"):
            continue
        lemma, _pos, lr, _rl = line.rstrip("\n").split("\t")
        if lr:
            known = bidix.setdefault(lemma, [])
            known.extend(t for t in lr.split("|") if t not in known)
    form_lemma: dict[str, list[str]] = {}
    for line in open(OUT / "es_forms.tsv", encoding="utf-8"):
        if line.startswith("#"):
            continue
        form, an, _z = line.rstrip("\n").split("\t")
        form_lemma[form] = [l.strip() for l, _p in re.findall(r"\s?([^<]+)<(\w+)>", an)]
    return bidix, form_lemma


def main() -> None:
    from wordfreq import zipf_frequency

    bidix, form_lemma = _load_es_en()

    def es_word(w: str) -> str:
        w = w.lower()
        if w in FUNCTION:
            return FUNCTION[w]
        if w in bidix:
            return bidix[w][0]
        for lem in form_lemma.get(w, []):
            if lem in bidix:
                return bidix[lem][0]
        return f"[{w}]"

    english_side = set()
    es_entries: dict[tuple[str, str], list[str]] = {}
    for _s, es, en in expand(str(ENG_SPA / "spa-eng.autobil.bin")):
        a, b = _lemma(es), _lemma(en)
        if not a or not b:
            continue
        english_side.add(b[0].lower())
        if " " not in a[0] or a[1] in SKIP_POS:
            continue
        es_entries.setdefault(a, [])
        if b[0] not in es_entries[a]:
            es_entries[a].append(b[0])

    def content_words(literal: str) -> int:
        return sum(1 for w in literal.split() if w not in ENGLISH_FUNCTION and not w.startswith("["))

    review = []
    rows = []
    for (lemma, pos), trans in es_entries.items():
        words = lemma.split()
        literal = " ".join(es_word(w) for w in words)
        if any(literal.lower() == t.lower() for t in trans):
            continue
        z = min(zipf_frequency(w, "es") for w in words)
        rows.append((z, lemma, pos, literal, "|".join(trans), literal.lower() in english_side))
        if content_words(literal) >= 2:
            review.append(("es", z, lemma, pos, "", literal, "|".join(trans)))
    rows.sort(key=lambda r: -r[0])
    with open(OUT / "mwe_calques.tsv", "w", encoding="utf-8") as f:
        f.write("# spanish\tpos\tliteral rendering\tdictionary translation\tliteral is a dictionary English entry\tmin Zipf es\n")
        for z, lemma, pos, literal, trans, known in rows:
            f.write(f"{lemma}\t{pos}\t{literal}\t{trans}\t{'yes' if known else ''}\t{z:.2f}\n")
    print(f"es: {len(es_entries)} multiword entries, {len(rows)} render word by word differently", file=sys.stderr)

    for lang, (bil, morf) in PAIRS.items():
        to_es: dict[str, str] = {}
        multi: list[tuple[str, str, str]] = []
        for _s, src, es in expand(str(bil)):
            a, b = _lemma(src), _lemma(es)
            if not a or not b or a[1] in SKIP_POS:
                continue
            if " " in a[0]:
                multi.append((a[0], a[1], b[0]))
            else:
                to_es.setdefault(a[0].lower(), b[0])
        form_to_lemma: dict[str, str] = {}
        for _s, form, analysis in expand(str(morf)):
            a = _lemma(analysis)
            if a and " " not in form and "+" not in analysis:
                form_to_lemma.setdefault(form.lower(), a[0].lower())
        function = FUNCTION_TO_ES[lang]

        def to_spanish(w: str) -> str:
            w = w.lower()
            if w in function:
                return function[w]
            if w in to_es:
                return to_es[w]
            lem = form_to_lemma.get(w)
            return to_es.get(lem, f"[{w}]") if lem else f"[{w}]"

        out = []
        seen = set()
        for lemma, pos, es in multi:
            if (lemma, pos) in seen:
                continue
            seen.add((lemma, pos))
            # French elisions (l'avance) are two words for the rendering
            words = re.findall(r"\w+'|\w+(?:-\w+)*", lemma)
            literal = " ".join(es_word(x) if not x.startswith("[") else x
                              for w in words for x in to_spanish(w).split())
            trans = es_entries.get((es, pos)) or [" ".join(es_word(w) for w in es.split())]
            if any(literal.lower() == t.lower() for t in trans):
                continue
            z = min(zipf_frequency(w, lang) for w in words) if words else 0.0
            out.append((z, lemma, pos, es, literal, "|".join(trans)))
            if content_words(literal) >= 2:
                review.append((lang, z, lemma, pos, es, literal, "|".join(trans)))
        out.sort(key=lambda r: -r[0])
        with open(OUT / f"mwe_calques_{lang}.tsv", "w", encoding="utf-8") as f:
            f.write(f"# {lang}\tpos\tspanish\tliteral rendering\tEnglish of the Spanish\tmin Zipf {lang}\n")
            for z, lemma, pos, es, literal, trans in out:
                f.write(f"{lemma}\t{pos}\t{es}\t{literal}\t{trans}\t{z:.2f}\n")
        print(f"{lang}: {len(seen)} multiword entries, {len(out)} render word by word differently", file=sys.stderr)

    review.sort(key=lambda r: (r[0], -r[1]))
    with open(OUT / "mwe_review.tsv", "w", encoding="utf-8") as f:
        f.write("# lang\tmin Zipf\tsource\tpos\tspanish (pivot)\tliteral rendering\tdictionary translation\n")
        for lang, z, lemma, pos, es, literal, trans in review:
            f.write(f"{lang}\t{z:.2f}\t{lemma}\t{pos}\t{es}\t{literal}\t{trans}\n")
    print(f"{len(review)} candidates with two content words or more -> {OUT / 'mwe_review.tsv'}", file=sys.stderr)


if __name__ == "__main__":
    main()
