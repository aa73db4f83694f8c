"""Propose false-friend candidates for es/fr/pt → English with evidence, and measure the data entries on native English.

Build time only: nothing here is imported by tqcheck, and nothing it reads is shipped. The false-friend
entries in tqcheck/data/{es,fr,pt}-en/false_friends.toml are written and reviewed by hand; this tool
ranks what to review and checks what was written.

    pip install wordfreq==3.1.1
    python tools/build_false_friends.py propose            # candidates_{es,fr,pt}.tsv in --out, best first
    python tools/build_false_friends.py measure            # every entry against native English text

propose — the cognate mechanism. Every frequent source-language word form (wordfreq's top list, Zipf >=
MIN_SOURCE_ZIPF) is cut into (stem, ending) by the orthographic correspondences of its language
(-ción/-tion, -dad/-ty, -mente/-ly, -izar/-ize, -oso/-ous, -ó/-ed ...; French -tion, -ité/-ity, -ment/-ly,
-iser/-ize, -é/-ed; Portuguese -ção/-tion, -dade/-ty, -mente/-ly ...), the stem reduced to a spelling
skeleton (no accents, ph→f, th→t, y→i, doubled letters single), and paired with the English words of the
same skeleton and matching ending: the look-alike a machine, or a hurried translator, writes for it.
A pair is a candidate when the source word is common and either
  * its English look-alike is rare in English (Zipf < RARE_ENGLISH and far below the source word): a
    word English news hardly uses, so its presence suggests the source word (`mandatary`, `vacancy`), or
  * a bilingual dictionary knows the source word but never gives the look-alike among its translations
    (`actualmente` → currently, not *actually*; `noticias` → news, not *notices*).
Dictionaries, each used only when installed, only to rank (their data is GPL and never shipped):
  * Apertium eng-spa (Spanish lemmas and spa→eng translations), through tools/resources/build_es_en_dict.py;
  * FreeDict spa/fra/por→eng (Debian dict-freedict-*), through tools/resources/build_freedict.py;
  * French and Portuguese pivoted through Spanish: Apertium fr-es and pt-es give the Spanish word,
    Apertium eng-spa its English translations.
Each row says which entry stems already cover the English word, if any, and the decision recorded in
tools/false_friends_review.tsv (lang, source, look-alike, decision, reason): "entry" when an entry written by
hand handles the look-alike (only in the contexts where the source reading is meant), "rejected" with the
reason otherwise (the word left untranslated, the translation itself, a true cognate in news senses, a
chance look-alike). Most of the ranked list is rejected: the ranking finds what to read, the review decides.

measure — every entry of the data files is run, as the detector runs it (sentence by sentence, with its
context and not_context), over the native English text at hand: ../shared/data/native_en.jsonl (news),
the native records of the studied corpus and of the dev articles, the English sources of
../shared/data/en_es.jsonl, and WordNet's example sentences (/usr/share/wordnet, when installed). An entry
that fires on native text is printed with its hits: a warning there must be narrowed or made info.
This reads native text only to test entries, never to find words for them.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESOURCES = ROOT / "tools" / "resources"
SHARED = ROOT.parent / "shared" / "data"
DATA = ROOT / "tqcheck" / "data"
REVIEW = ROOT / "tools" / "false_friends_review.tsv"
APERTIUM = Path("/usr/share/apertium")

TOP_SOURCE, TOP_ENGLISH = 60_000, 100_000
MIN_SOURCE_ZIPF = 3.3  # about twice per million words of the source language
RARE_ENGLISH = 3.0  # about once per million words of English
MIN_GAP = 1.0  # ten times more frequent in the source language
MIN_STEM = 4

# ending in the source language -> endings of its English look-alike
ENDINGS: dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]] = {
    "es": [
        (("cion",), ("tion",)), (("ciones",), ("tions",)), (("sion",), ("sion",)), (("siones",), ("sions",)),
        (("dad", "tad"), ("ty",)), (("dades", "tades"), ("ties",)),
        (("ncia",), ("nce", "ncy")), (("ncias",), ("nces", "ncies")), (("cia",), ("cy", "ce")), (("cias",), ("cies", "ces")),
        (("amente", "mente"), ("ly", "ally")), (("izar",), ("ize", "ise")), (("izo", "izado", "izada", "izaron"), ("ized", "ised")),
        (("oso", "osa"), ("ous",)), (("osos", "osas"), ("ous",)), (("ivo", "iva"), ("ive",)), (("ivos", "ivas"), ("ives", "ive")),
        (("ico", "ica"), ("ic", "ical")), (("icos", "icas"), ("ics", "ic", "ical")), (("ario", "aria"), ("ary",)),
        (("arios", "arias"), ("aries", "ary")), (("orio", "oria"), ("ory",)), (("ista",), ("ist",)), (("istas",), ("ists",)),
        (("ente",), ("ent",)), (("entes",), ("ents", "ent")), (("ante",), ("ant",)), (("antes",), ("ants", "ant")),
        (("ura",), ("ure",)), (("uras",), ("ures",)), (("al",), ("al",)), (("ales",), ("als", "al")), (("ble",), ("ble",)),
        (("bles",), ("bles", "ble")), (("ó", "ió", "aron", "ieron", "ado", "ada", "ados", "adas", "ido", "ida"), ("ed", "d", "ated")),
        (("ando", "iendo"), ("ing",)), (("ar", "er", "ir"), ("e", "", "ate")), (("a", "o", "e"), ("", "e")),
        (("as", "os", "es"), ("s", "es")), (("",), ("",)),
    ],
    "fr": [
        (("tion",), ("tion",)), (("tions",), ("tions",)), (("sion",), ("sion",)), (("sions",), ("sions",)),
        (("ité",), ("ity",)), (("ités",), ("ities",)), (("ence", "ance"), ("ence", "ance", "ency", "ancy")),
        (("ences", "ances"), ("ences", "ances", "encies", "ancies")), (("ement", "ment"), ("ly",)),
        (("iser",), ("ize", "ise")), (("ise", "ises", "isee", "isees"), ("ized", "ised")),
        (("eux", "euse", "euses"), ("ous",)), (("if", "ive"), ("ive",)), (("ifs", "ives"), ("ives", "ive")),
        (("ique",), ("ic", "ical")), (("iques",), ("ics", "ic", "ical")), (("aire",), ("ary",)), (("aires",), ("aries", "ary")),
        (("oire",), ("ory",)), (("iste",), ("ist",)), (("istes",), ("ists",)), (("ent", "ente"), ("ent",)),
        (("ents", "entes"), ("ents", "ent")), (("ant", "ante"), ("ant",)), (("ants", "antes"), ("ants", "ant")),
        (("ure",), ("ure",)), (("ures",), ("ures",)), (("el", "elle", "al", "ale"), ("al",)), (("els", "elles", "aux", "ales"), ("als", "al")),
        (("ble",), ("ble",)), (("bles",), ("bles", "ble")), (("é", "ée", "és", "ées"), ("ed", "d", "ated")),
        (("er",), ("e", "", "ate")), (("e",), ("", "e")), (("es", "s"), ("s", "es")), (("",), ("",)),
    ],
    "pt": [
        (("cao",), ("tion",)), (("coes",), ("tions",)), (("sao",), ("sion",)), (("soes",), ("sions",)),
        (("dade",), ("ty",)), (("dades",), ("ties",)), (("ncia",), ("nce", "ncy")), (("ncias",), ("nces", "ncies")),
        (("cia",), ("cy", "ce")), (("cias",), ("cies", "ces")), (("amente", "mente"), ("ly", "ally")),
        (("izar",), ("ize", "ise")), (("izou", "izado", "izada", "izaram"), ("ized", "ised")),
        (("oso", "osa"), ("ous",)), (("osos", "osas"), ("ous",)), (("ivo", "iva"), ("ive",)), (("ivos", "ivas"), ("ives", "ive")),
        (("ico", "ica"), ("ic", "ical")), (("icos", "icas"), ("ics", "ic", "ical")), (("ario", "aria"), ("ary",)),
        (("arios", "arias"), ("aries", "ary")), (("orio", "oria"), ("ory",)), (("ista",), ("ist",)), (("istas",), ("ists",)),
        (("ente",), ("ent",)), (("entes",), ("ents", "ent")), (("ante",), ("ant",)), (("antes",), ("ants", "ant")),
        (("ura",), ("ure",)), (("uras",), ("ures",)), (("al",), ("al",)), (("ais",), ("als", "al")), (("vel",), ("ble",)),
        (("veis",), ("bles", "ble")), (("ou", "aram", "ado", "ada", "ados", "adas", "ido", "ida"), ("ed", "d", "ated")),
        (("ando", "endo"), ("ing",)), (("ar", "er", "ir"), ("e", "", "ate")), (("a", "o", "e"), ("", "e")),
        (("as", "os", "es"), ("s", "es")), (("",), ("",)),
    ],
}
NAMES = {"es": "Spanish", "fr": "French", "pt": "Portuguese"}


def deaccent(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")


def skeleton(stem: str) -> str:
    s = deaccent(stem.lower())
    for a, b in (("ph", "f"), ("th", "t"), ("qu", "cu"), ("y", "i"), ("ct", "t")):
        s = s.replace(a, b)
    return re.sub(r"(.)\1", r"\1", s)


WEAK = {"", "a", "o", "e", "as", "os", "es", "s", "ar", "er", "ir", "ó", "ió", "é", "ée", "és", "ées", "ou", "ado", "ada",
        "ados", "adas", "ido", "ida", "aron", "ieron", "aram"}
EXACT = {"", "a", "o", "e", "as", "os", "es", "s", "ar", "er", "ir"}  # too weak for a near (one-vowel) match


def _cuts(word: str, endings, with_ending: bool = False) -> list[tuple]:
    """(skeleton of the stem, English ending) for every correspondence whose ending the word has.

    An ending written with an accent (French participles -é, Spanish preterites -ó) must match as written;
    the others match the word with its accents dropped. A weak ending (a bare vowel, a plural, an
    infinitive, a participle) pairs only stems of five letters or more, which keeps dinero/dinner out."""
    plain = deaccent(word)
    out = []
    for src_ends, en_ends in endings:
        for end in src_ends:
            w = word if end != deaccent(end) else plain
            if not w.endswith(end):
                continue
            stem = skeleton(w[: len(w) - len(end)] if end else w)
            if len(stem) < (5 if end in WEAK else MIN_STEM):
                continue
            stems = {stem}
            if re.match(r"es[^aeiou]", stem):
                stems.add(stem[1:])  # estado / state, escándalo / scandal
            if word.startswith("é") and re.match(r"e[^aeiou]", stem):
                stems.add("s" + stem[1:])  # French étude / study, état / state
            for s in stems:
                out.extend(((s, e, end) if with_ending else (s, e)) for e in en_ends)
    return out


def index_words(words) -> dict[tuple[str, str], set]:
    """(skeleton of the stem, ending) -> English words, and ("~" + its first two letters, ending) -> (skeleton, word)."""
    ends = sorted({e for table in ENDINGS.values() for _s, en in table for e in en}, key=len, reverse=True)
    index: dict[tuple[str, str], set] = defaultdict(set)
    for w in words:
        for e in ends:
            if w.endswith(e) and len(w) - len(e) >= MIN_STEM - 1:
                sk = skeleton(w[: len(w) - len(e)] if e else w)
                index[(sk, e)].add(w)
                index[("~" + sk[:2], e)].add((sk, w))
    return index


def english_index(top: int) -> dict[tuple[str, str], set]:
    """The index of wordfreq's most frequent English words that WordNet knows (names and typos left out)."""
    from wordfreq import top_n_list

    lexicon = english_lexicon()
    return index_words(w for w in top_n_list("en", top)
                       if re.fullmatch(r"[a-z]{4,}", w) and (lexicon is None or w in lexicon))


VOWELS = set("aeiou")


def near(a: str, b: str) -> bool:
    """Equal, or one vowel added, dropped or changed (denunc / denounc): a consonant that differs makes another word."""
    if a == b:
        return True
    if len(a) == len(b):
        diff = [(x, y) for x, y in zip(a, b) if x != y]
        return len(diff) == 1 and diff[0][0] in VOWELS and diff[0][1] in VOWELS
    if abs(len(a) - len(b)) != 1:
        return False
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1:] == short and c in VOWELS for i, c in enumerate(long_))


def look_alikes(word: str, lang: str, index) -> set[str]:
    """English words that look like the source word through one of its language's correspondences.

    A strong ending (-ción, -mente, -ó ...) with a stem of five letters or more also accepts a stem one vowel
    away (denunció / denounced); weak endings, and short stems, must match exactly."""
    found: set[str] = set()
    for stem, e_end, s_end in _cuts(word, ENDINGS[lang], with_ending=True):
        found |= {w for w in index.get((stem, e_end), ()) if isinstance(w, str)}
        if len(stem) >= 5 and s_end not in EXACT:
            found |= {w for sk, w in index.get(("~" + stem[:2], e_end), ()) if near(stem, sk)}
    return found


def english_lexicon() -> set[str] | None:
    """English words of WordNet's lexicon (through its morphology), which keeps names and typos out; None when absent."""
    if not Path("/usr/share/wordnet/index.noun").exists():
        return None
    sys.path.insert(0, str(RESOURCES))
    from build_cognates import en_pos, wordnet_pos
    from wordfreq import top_n_list

    wn = wordnet_pos()
    return {w for w in top_n_list("en", TOP_ENGLISH) if w.isalpha() and en_pos(w, wn)}


# ---- dictionaries (optional, build time only) ---------------------------------------------------------

def _tsv(path: Path):
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            yield line.split("\t")


def _resource(name: str, build) -> Path | None:
    """A survey output in /tmp/resources, built by its script when missing and its inputs are installed."""
    path = Path("/tmp/resources") / name
    if not path.exists():
        try:
            build()
        except Exception as exc:  # a dictionary that is not installed: rank without it
            print(f"  ({name}: not available: {exc})", file=sys.stderr)
            return None
    return path if path.exists() else None


def _expand_bilingual(pair: str, name: str) -> Path | None:
    """Lemma pairs of an installed Apertium bilingual transducer, e.g. fr-es, as a TSV beside the survey's."""
    out = Path("/tmp/resources") / f"exp_{name}.autobil.tsv"
    binary = APERTIUM / f"apertium-{pair}" / f"{name}.autobil.bin"
    if not out.exists() and binary.exists():
        sys.path.insert(0, str(RESOURCES))
        from att import expand

        with open(out, "w", encoding="utf-8") as f:
            for sec, a, b in expand(str(binary)):
                f.write(f"{sec}\t{a}\t{b}\n")
    return out if out.exists() else None


def dictionaries(lang: str) -> dict[str, dict[str, set[str]]]:
    """{dictionary name: {source form: English translation words}}, for every dictionary that is installed.

    Kept apart, because a miss means more in a dictionary that gives the main translations (Apertium) than
    in one that lists every sense (FreeDict gives "notice" for "noticia")."""
    sys.path.insert(0, str(RESOURCES))
    tables: dict[str, dict[str, set[str]]] = {}
    words: dict[str, set[str]] = defaultdict(set)

    def add(form: str, translations):
        for t in translations:
            words[form].update(re.findall(r"[a-z]+", t.lower()))

    free = _resource(f"freedict_{ {'es': 'spa', 'fr': 'fra', 'pt': 'por'}[lang]}_eng.tsv".replace(" ", ""),
                     lambda: __import__("build_freedict").main())
    if free:
        for row in _tsv(free):
            if len(row) >= 2:
                add(row[0], row[1].split("|"))
        tables["FreeDict"], words = words, defaultdict(set)
    bidix = _resource("es_en_bidix.tsv", lambda: __import__("build_es_en_dict").main())
    es_en: dict[str, list[str]] = defaultdict(list)
    if bidix:
        for row in _tsv(bidix):
            if len(row) >= 3 and row[2]:
                es_en[row[0].lower()] += row[2].split("|")
    if lang == "es" and bidix:
        name = "Apertium eng-spa"
        forms = _resource("es_forms.tsv", lambda: None)
        for lemma, trans in es_en.items():
            add(lemma, trans)
        if forms:
            for form, analyses, *_z in _tsv(forms):
                for lemma in re.findall(r"\s?([^<]+)<\w+>", analyses):
                    add(form, es_en.get(lemma.strip().lower(), ()))
    elif bidix:
        pivot = _expand_bilingual("fr-es" if lang == "fr" else "es-pt", "fr-es" if lang == "fr" else "pt-es")
        if pivot:
            name = f"Apertium {lang}-es + eng-spa (pivot)"
            for row in _tsv(pivot):
                if len(row) == 3:
                    src, es = row[1].split("<")[0].lower(), row[2].split("<")[0].lower()
                    add(src, es_en.get(es, ()))
    if words:
        tables[name] = words
    return tables


def lemma_guesses(word: str, lang: str) -> list[str]:
    """The word and the forms a dictionary may list it under (singular, masculine, infinitive)."""
    out = [word]
    for suf, rep in (("es", ""), ("s", ""), ("as", "o"), ("a", "o"), ("e", ""), ("ée", "er"), ("é", "er"), ("ó", "ar"),
                     ("ió", "er"), ("ou", "ar"), ("ado", "ar"), ("ada", "ar"), ("ados", "ar"), ("ões", "ão"), ("ais", "al"),
                     ("aux", "al"), ("ales", "al"), ("eaux", "eau")):
        if word.endswith(suf) and len(word) > len(suf) + 2:
            out.append(word[: len(word) - len(suf)] + rep)
    return out


# ---- existing entries and the review ------------------------------------------------------------------

def load_entries():
    import tomllib

    for lang in NAMES:
        path = DATA / f"{lang}-en" / "false_friends.toml"
        table = tomllib.loads(path.read_text(encoding="utf-8"))
        for raw in table.get("false_friend", []):
            yield lang, raw.get("code") or table["code"], raw


def load_review() -> dict[tuple[str, str, str], tuple[str, str]]:
    review = {}
    if REVIEW.exists():
        for row in _tsv(REVIEW):
            if len(row) >= 4:
                review[(row[0], row[1], row[2])] = (row[3], row[4] if len(row) > 4 else "")
    return review


def propose(args) -> None:
    from wordfreq import top_n_list, zipf_frequency

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    index = english_index(TOP_ENGLISH)
    stems_by_lang = defaultdict(set)
    for lang, _code, raw in load_entries():
        stems_by_lang[lang].add(raw["word"].lower())
    review = load_review()
    for lang in args.langs.split(","):
        tables = dictionaries(lang) if not args.no_dict else {}
        rows = {}
        for s in top_n_list(lang, TOP_SOURCE):
            if not re.fullmatch(r"[a-zà-öø-ÿ]{4,}", s):
                continue
            z_s = zipf_frequency(s, lang)
            if z_s < MIN_SOURCE_ZIPF:
                break
            if zipf_frequency(s, "en") >= RARE_ENGLISH and deaccent(s) != s:
                continue  # an accented form that is itself English (a loan, a name): no evidence
            known = {name: set().union(*(t.get(g, set()) for g in lemma_guesses(s, lang))) for name, t in tables.items()}
            known = {name: t for name, t in known.items() if t}
            for e in look_alikes(s, lang, index):
                if e == deaccent(s) and not known:
                    continue  # the word left as it is, unknown to every dictionary: an untranslated word, not a false friend
                z_e = zipf_frequency(e, "en")
                e_forms = {e, re.sub(r"(?:ies)$", "y", e), re.sub(r"(?:s|es|ed|d|ing|ly)$", "", e), re.sub(r"ly$", "", e)}
                misses = [name for name, t in known.items()
                          if not (e_forms & t) and not any(w.startswith(e[:-2]) for w in t if len(e) > 5)]
                trans = set().union(*known.values()) if known else set()
                dict_miss = f"dict-miss {len(misses)}/{len(known)}" if misses else ""
                rare = z_e < RARE_ENGLISH and z_s - z_e >= MIN_GAP
                if not (dict_miss or rare):
                    continue
                score = (z_s - z_e) + 1.5 * len(misses) / max(1, len(known)) + (0.5 if rare else 0.0)
                covered = sorted(st for st in stems_by_lang[lang] if e.startswith(st))
                decision = review.get((lang, s, e), ("", ""))
                key = (s, e)
                if key not in rows or rows[key][0] < score:
                    rows[key] = (score, z_s, z_e, dict_miss, rare, sorted(trans)[:12], covered, decision)
        path = out / f"candidates_{lang}.tsv"
        with open(path, "w", encoding="utf-8") as f:
            f.write(f"# {NAMES[lang]} -> English false-friend candidates; dictionaries: {', '.join(tables) or 'none'}\n")
            f.write("# score\tsource\tenglish look-alike\tzipf src\tzipf en\tevidence\tdictionary words\tcovered by entry\treview\n")
            for (s, e), (score, z_s, z_e, miss, rare, trans, covered, decision) in sorted(rows.items(), key=lambda kv: -kv[1][0]):
                ev = ",".join(x for x in (miss, "rare-en" if rare else "") if x)
                f.write(f"{score:.2f}\t{s}\t{e}\t{z_s:.2f}\t{z_e:.2f}\t{ev}\t{' '.join(trans)}\t{' '.join(covered)}\t"
                        f"{' '.join(decision).strip()}\n")
        print(f"{lang}: {len(rows)} candidates -> {path}", file=sys.stderr)


# ---- measure -----------------------------------------------------------------------------------------

SENTENCE_END = re.compile(r"(?<=[.!?…])[”\"’)]*\s+(?=[“\"‘(]?[A-Z0-9])|\n\s*\n")


def native_texts() -> list[tuple[str, str]]:
    """(source name, document text) for every native English text at hand."""
    docs: list[tuple[str, str]] = []
    native = SHARED / "native_en.jsonl"
    if native.exists():
        by_doc: dict[str, list] = defaultdict(list)
        for line in native.read_text(encoding="utf-8").splitlines():
            r = json.loads(line)
            by_doc[r["doc_id"]].append((r["seg_in_doc"], r["text"]))
        docs += [("native_en", " ".join(t for _n, t in sorted(segs))) for segs in by_doc.values()]
    for path in sorted((ROOT / "eval" / "corpus").glob("study_*.jsonl")) + [SHARED / "articles_dev" / "articles_dev.jsonl"]:
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                r = json.loads(line) if line.strip() else None
                if r and r.get("label") == "native":
                    docs.append((path.stem + ":native", r["text"]))
    en_es = SHARED / "en_es.jsonl"
    if en_es.exists():
        seen = set()
        for line in en_es.read_text(encoding="utf-8").splitlines():
            r = json.loads(line)
            if r["src_en"] not in seen:
                seen.add(r["src_en"])
                docs.append(("en_es.src_en", r["src_en"]))
    wordnet = Path("/usr/share/wordnet")
    for name in ("data.noun", "data.verb", "data.adj", "data.adv"):
        if (wordnet / name).exists():
            for line in (wordnet / name).read_text(encoding="utf-8", errors="replace").splitlines():
                docs += [("wordnet", ex) for ex in re.findall(r'"([^"]{12,})"', line.split("|", 1)[-1])]
    return docs


def measure(args) -> None:
    sys.path.insert(0, str(ROOT))
    from tqcheck.rules.false_friends import Entry, _matches

    docs = native_texts()
    sentences = [(src, s) for src, text in docs for s in SENTENCE_END.split(text) if s and s.strip()]
    words = sum(len(t.split()) for _s, t in docs)
    print(f"native English: {len(docs)} texts, {len(sentences)} sentences, {words:,} words", file=sys.stderr)
    flagged = 0
    for lang, code, raw in load_entries():
        entry = Entry(code=code, word=raw["word"].lower(), pattern_source=raw["pattern"],
                      context_source=raw.get("context"), not_context_source=raw.get("not_context"),
                      source_word=raw["source_word"], meaning=raw["meaning"], suggestion=raw["suggestion"],
                      case=raw.get("case_sensitive", False))
        stem = entry.word
        hits = []
        for src, s in sentences:
            if stem in s.lower():
                for a, b in _matches(entry, s):
                    hits.append((src, s[max(0, a - 40): b + 40].replace("\n", " "), s[a:b]))
        if hits and (code == "F101" or args.all):
            flagged += code == "F101"
            print(f"{lang} {code} {raw['source_word']!r} ({stem}): {len(hits)} native hit(s)")
            for src, ctx, hit in hits[: args.show]:
                print(f"    [{src}] {hit!r}: …{ctx}…")
    print(f"{flagged} warning entries fire on native English", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("propose", help="rank cognate candidates with evidence")
    p.add_argument("--langs", default="es,fr,pt")
    p.add_argument("--out", default="/tmp/tqcheck-false-friends")
    p.add_argument("--no-dict", action="store_true", help="frequencies only, no dictionaries")
    p.set_defaults(run=propose)
    m = sub.add_parser("measure", help="run every entry over native English text")
    m.add_argument("--all", action="store_true", help="list info (F102) entries that fire too")
    m.add_argument("--show", type=int, default=5)
    m.set_defaults(run=measure)
    args = parser.parse_args(argv)
    args.run(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
