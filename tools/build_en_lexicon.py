"""Build tqcheck/data/en/lexicon.txt: English word forms and their parts of speech, most likely first.

Build time only; tqcheck reads the generated file and imports none of this. Needs Debian's
wordnet-base (WordNet 3.0 in /usr/share/wordnet) and `pip install wordfreq==3.1.1`. Run:

    python3 tools/build_en_lexicon.py [--top 50000] [--yardstick APERTIUM_TSV] [--coverage TEXT_FILE ...]

1. The forms: wordfreq's TOP most frequent English words that are lower-case letters (an apostrophe
   or hyphen inside allowed).
2. Their readings: WordNet 3.0's noun, verb, adjective and adverb lemmas, reached from a form through
   WordNet's own exception lists (noun.exc, verb.exc, adj.exc, adv.exc) and the regular inflections
   (WordNet's morphy detachment rules, plus a doubled final consonant: stopped, running, bigger);
   `tools/lexicon/irregular_verbs.txt` tells an irregular past tense from its participle. Function words
   (determiners, pronouns, prepositions, conjunctions, modals, be/have/do, number words), which WordNet
   does not list, come from `tools/lexicon/function_words.txt`, written by the team.
3. Their order: the SemCor sense counts WordNet ships (cntlist.rev) summed per lemma and part of
   speech (below MIN_COUNT they are noise and count as none), then the lemma's number of senses: the
   reading a form most often has comes first.
4. Two-word WordNet nouns made of a noun and an adjective (`attorney_general`, `heir_apparent`):
   English's own postposed adjectives, written with an underscore.

`--yardstick` compares the result with a lexicon of the same forms from another analyser (the
prototype's Apertium eng-spa table, GPL-2: read only to measure, never copied), in its format
`form<TAB>tags<TAB>...`; `--coverage` prints the share of a text's word tokens the lexicon knows.
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORDNET = Path("/usr/share/wordnet")
HERE = Path(__file__).resolve().parent / "lexicon"
OUT = ROOT / "tqcheck" / "data" / "en" / "lexicon.txt"

POS_FILES = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}
# WordNet's morphy detachment rules (suffix, replacement), with the tag each gives.
NOUN_RULES = (("s", ""), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"), ("men", "man"), ("ies", "y"))
VERB_S_RULES = (("s", ""), ("ies", "y"), ("es", "e"), ("es", ""))
VERB_ED_RULES = (("ed", "e"), ("ed", ""), ("ied", "y"))
VERB_ING_RULES = (("ing", "e"), ("ing", ""), ("ying", "ie"))
ADJ_RULES = (("er", ""), ("est", ""), ("er", "e"), ("est", "e"), ("ier", "y"), ("iest", "y"))
CONTENT_ORDER = "NSVZDPGJR"  # the last tie-breaker: nouns, then verbs, adjectives, adverbs
TAG_FAMILY = {"N": "n", "S": "n", "V": "v", "Z": "v", "D": "v", "P": "v", "G": "v", "J": "a", "R": "r"}
WORD = re.compile(r"[a-z](?:[a-z]|['-](?=[a-z]))*")


def wordnet_index() -> tuple[dict[str, set[str]], dict[tuple[str, str], int], list[str]]:
    """Lemmas per part of speech, the number of senses of each (lemma, pos), and multiword nouns."""
    lemmas: dict[str, set[str]] = {p: set() for p in POS_FILES}
    senses: dict[tuple[str, str], int] = {}
    multi: list[str] = []
    for pos, name in POS_FILES.items():
        for line in (WORDNET / f"index.{name}").read_text(encoding="utf-8").splitlines():
            if line.startswith(" "):
                continue  # the licence header
            fields = line.split()
            lemma = fields[0]
            if "_" in lemma:
                if pos == "n" and lemma.count("_") == 1:
                    multi.append(lemma)
                continue
            lemmas[pos].add(lemma)
            senses[(lemma, pos)] = int(fields[2])
    return lemmas, senses, multi


def exceptions() -> dict[str, dict[str, list[str]]]:
    """WordNet's irregular forms: pos → form → base forms."""
    table: dict[str, dict[str, list[str]]] = {}
    for pos, name in POS_FILES.items():
        forms: dict[str, list[str]] = defaultdict(list)
        for line in (WORDNET / f"{name}.exc").read_text(encoding="utf-8").splitlines():
            form, *bases = line.split()
            forms[form].extend(bases)
        table[pos] = forms
    return table


def semcor_counts() -> Counter[tuple[str, str]]:
    """SemCor sense counts summed per (lemma, pos); adjective satellites count as adjectives."""
    counts: Counter[tuple[str, str]] = Counter()
    for line in (WORDNET / "cntlist.rev").read_text(encoding="utf-8").splitlines():
        key, _sense, count = line.split()
        lemma, rest = key.split("%", 1)
        pos = "nvara"[int(rest[0]) - 1]
        counts[(lemma, pos)] += int(count)
    return counts


def irregular_verbs() -> tuple[set[str], set[str]]:
    past, participle = set(), set()
    for line in (HERE / "irregular_verbs.txt").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        _base, pasts, participles = line.split()
        past.update(pasts.split("/"))
        participle.update(participles.split("/"))
    return past, participle


def function_words() -> dict[str, tuple[str, bool]]:
    """word → (tags, exclusive)."""
    table = {}
    for line in (HERE / "function_words.txt").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split()
        exclusive = fields[-1] == "="
        tags = "".join(fields[1:-1] if exclusive else fields[1:])
        table[fields[0]] = (tags, exclusive)
    return table


def _undouble(stem: str) -> str | None:
    """`stopp` → `stop`, `runn` → `run`: the consonant English doubles before -ed, -ing, -er."""
    if len(stem) >= 3 and stem[-1] == stem[-2] and stem[-1] not in "aeiouwxy":
        return stem[:-1]
    return None


def _detach(form: str, rules, lemmas: set[str], doubled: bool = False) -> list[str]:
    found = []
    for suffix, replacement in rules:
        if form.endswith(suffix) and len(form) > len(suffix) + 1:
            stem = form[: -len(suffix)]
            base = stem + replacement
            if base in lemmas and base != form:
                found.append(base)
            if doubled and not replacement:
                single = _undouble(stem)
                if single and single in lemmas:
                    found.append(single)
    return found


def readings(form, lemmas, exc, past, participle) -> dict[str, tuple[str, str]]:
    """tag → (lemma, WordNet pos) for every content reading of `form`."""
    found: dict[str, tuple[str, str]] = {}

    def add(tag, lemma, pos):
        found.setdefault(tag, (lemma, pos))

    if form in lemmas["n"]:
        add("N", form, "n")
    for base in exc["n"].get(form, []) + _detach(form, NOUN_RULES, lemmas["n"]):
        if base in lemmas["n"]:
            add("S", base, "n")
    if form in lemmas["v"]:
        add("V", form, "v")
    for base in _detach(form, VERB_S_RULES, lemmas["v"]):
        add("Z", base, "v")
    for base in _detach(form, VERB_ED_RULES, lemmas["v"], doubled=True):
        add("D", base, "v")
        add("P", base, "v")
    for base in _detach(form, VERB_ING_RULES, lemmas["v"], doubled=True):
        add("G", base, "v")
    for base in exc["v"].get(form, []):
        if base not in lemmas["v"]:
            continue
        if form.endswith("ing"):
            add("G", base, "v")
        elif form.endswith("s") and not (form in past or form in participle):
            add("Z", base, "v")
        else:
            if form in past or form not in participle:
                add("D", base, "v")
            if form in participle or form not in past:
                add("P", base, "v")
    if form in lemmas["a"]:
        add("J", form, "a")
    for base in exc["a"].get(form, []) + _detach(form, ADJ_RULES, lemmas["a"], doubled=True):
        if base in lemmas["a"]:
            add("J", base, "a")
    if form in lemmas["r"]:
        add("R", form, "r")
    for base in exc["r"].get(form, []):
        if base in lemmas["r"]:
            add("R", base, "r")
    return found


MIN_COUNT = 3  # fewer SemCor occurrences than this say nothing: the number of senses decides


def order(found: dict[str, tuple[str, str]], semcor, senses) -> str:
    def key(tag):
        lemma, pos = found[tag]
        count = semcor.get((lemma, pos), 0)
        return (-(count if count >= MIN_COUNT else 0), -senses.get((lemma, pos), 0), CONTENT_ORDER.index(tag))
    return "".join(sorted(found, key=key))


def build(top: int) -> tuple[dict[str, str], dict]:
    from wordfreq import top_n_list

    lemmas, senses, multi = wordnet_index()
    exc = exceptions()
    semcor = semcor_counts()
    past, participle = irregular_verbs()
    functions = function_words()
    forms = [w for w in top_n_list("en", top) if WORD.fullmatch(w)]
    lexicon: dict[str, str] = {}
    stats = Counter()
    for form in forms:
        found = readings(form, lemmas, exc, past, participle)
        content = order(found, semcor, senses) if found else ""
        if form in functions:
            tags, exclusive = functions[form]
            if not exclusive:
                tags += "".join(t for t in content if t not in tags)
            stats["function"] += 1
        else:
            tags = content
            stats["wordnet" if tags else "unknown"] += 1
        if tags:
            lexicon[form] = tags
    for form, (tags, _exclusive) in functions.items():
        if form not in lexicon:  # a function word below the frequency cut (or an apostrophe form)
            lexicon[form] = tags
            stats["function"] += 1
    # English's own postposed adjectives: "attorney general", "heir apparent", "court martial"
    for lemma in multi:
        noun, adj = lemma.split("_")
        if (noun in lexicon and adj in lexicon and lexicon[adj][0] == "J" and "J" not in lexicon[noun]
                and lexicon[noun][0] in "NS"):
            lexicon[lemma] = "N"
            stats["noun_adjective"] += 1
    return lexicon, {"forms": len(forms), **stats}


def write(lexicon: dict[str, str], top: int) -> None:
    import wordfreq  # noqa: F401  (its version is recorded)
    from importlib.metadata import version

    header = f"""\
# English word forms and their parts of speech, most likely first: "tags<TAB>form form …", the forms
# that share one tag string on one line.
# Generated by tools/build_en_lexicon.py; do not edit by hand.
# Tags: N noun, S plural noun, V verb (base or present), Z verb in -s, D past tense, P past participle,
# G -ing form, J adjective, R adverb, T determiner or possessive, O pronoun, I preposition, C and/or/but,
# K subordinating conjunction, W wh-word or relative, M modal, A be/have/do, U number word, H particle.
# A form with an underscore is a two-word noun English writes with its adjective after it.
# Forms: wordfreq {version('wordfreq')}'s {top:,} most frequent English words (Robyn Speer,
# https://github.com/rspeer/wordfreq; data CC BY-SA 4.0). Readings and their order: WordNet 3.0
# (lemmas, exception lists, SemCor counts), under the WordNet 3.0 licence:
#   WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.
#   THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR
#   WARRANTIES, EXPRESS OR IMPLIED. BY WAY OF EXAMPLE, BUT NOT LIMITATION, PRINCETON UNIVERSITY MAKES NO
#   REPRESENTATIONS OR WARRANTIES OF MERCHANTABILITY OR FITNESS FOR ANY PARTICULAR PURPOSE OR THAT THE USE OF
#   THE LICENSED SOFTWARE, DATABASE OR DOCUMENTATION WILL NOT INFRINGE ANY THIRD PARTY PATENTS, COPYRIGHTS,
#   TRADEMARKS OR OTHER RIGHTS. (The full licence is in README.md, "Licences of shipped data".)
# Function words and irregular verbs: tools/lexicon/, written by the tqcheck team (MIT).
"""
    groups: dict[str, list[str]] = defaultdict(list)
    for form, tags in sorted(lexicon.items()):
        groups[tags].append(form)
    rows = [f"{tags}\t{' '.join(forms)}" for tags, forms in sorted(groups.items())]
    OUT.write_text(header + "\n".join(rows) + "\n", encoding="utf-8")


APERTIUM_TAGS = {  # the prototype's coarse Apertium tags → this lexicon's
    "n": "N", "adj": "J", "adv": "R", "preadv": "R", "det": "T", "prn": "O", "pr": "I", "cnjcoo": "C",
    "cnjsub": "K", "cnjadv": "K", "rel": "W", "num": "U", "vbmod": "M", "ij": "H",
}


def _apertium_tag(tag: str) -> str:
    base, _, tam = tag.partition(".")
    if base in ("vblex", "vbser", "vbhaver", "vbdo"):
        if base != "vblex":
            return "A"
        return {"inf": "V", "pres": "V", "pri3": "Z", "past": "D", "pp": "P", "ger": "G", "pprs": "G", "imp": "V"}.get(tam, "V")
    return APERTIUM_TAGS.get(base, "?")


def yardstick(lexicon: dict[str, str], path: Path) -> None:
    """How far this lexicon agrees with another analyser's, on the forms both hold."""
    both = first = covered = 0
    other_only = Counter()
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        form, tags, *_ = line.split("\t")
        theirs = []
        for t in tags.split():
            mapped = _apertium_tag(t)
            if mapped == "?":
                continue
            for m in mapped:
                if m not in theirs:
                    theirs.append(m)
        if not theirs or form not in lexicon:
            continue
        both += 1
        ours = lexicon[form].replace("S", "N")
        theirs = [t.replace("S", "N") for t in theirs]
        first += ours[0] in theirs[:2] or theirs[0] in ours[:2]
        covered += set(theirs) <= set(ours)
        for t in set(theirs) - set(ours):
            other_only[t] += 1
    print(f"yardstick: {both} forms in both; first reading agrees (within the first two) on {first / both:.1%}; "
          f"every reading of the other covered on {covered / both:.1%}; readings only the other has: "
          f"{dict(other_only.most_common(8))}", file=sys.stderr)


def coverage(lexicon: dict[str, str], path: Path) -> None:
    tokens = re.findall(r"[A-Za-z](?:[A-Za-z]|['’-](?=[A-Za-z]))*", path.read_text(encoding="utf-8"))
    words = [t for t in tokens if not (t[0].isupper() and t.lower() not in lexicon)]  # names are tagged by their capital
    known = sum(t.lower().replace("’", "'") in lexicon for t in words)
    print(f"coverage of {path.name}: {known}/{len(words)} lower-case or known word tokens = {known / max(1, len(words)):.1%}",
          file=sys.stderr)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--top", type=int, default=50_000)
    parser.add_argument("--yardstick", type=Path)
    parser.add_argument("--coverage", type=Path, nargs="*", default=[])
    args = parser.parse_args(argv)
    lexicon, stats = build(args.top)
    write(lexicon, args.top)
    print(f"wrote {len(lexicon)} entries to {OUT.relative_to(ROOT)} ({OUT.stat().st_size:,} bytes): {stats}", file=sys.stderr)
    if args.yardstick:
        yardstick(lexicon, args.yardstick)
    for path in args.coverage:
        coverage(lexicon, path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
