"""Terminology: the project glossary's forbidden variants and required terms, consistent renderings, and one name spelled two ways."""
from __future__ import annotations

import bisect
from collections import Counter

from tqcheck.finding import Severity
from tqcheck.rules.base import Detector
from tqcheck.speed import warmstart

FAMILY = "terminology"
_INDEXES: dict = {}  # (glossary, source lang, target lang) -> (entries, target index, meta, source index)


def _indexes(ctx):
    """The glossary's entries for this file's languages and their two tries, built once per glossary and pair
    and kept in the cache folder as a shelf: a warm run loads the buckets of its text's words and the entries
    it matched, not the whole glossary."""
    from array import array

    from tqcheck.reading.glossary import Entry, _stamp, cache_name
    from tqcheck.speed.shelf import Part, Rows, Table
    from tqcheck.speed.terms import TermIndex, build, stored

    source = ctx.source_langs[0] if (ctx.source_known or ctx.source_doc is not None) and ctx.source_langs else None
    key = (ctx.glossary.key, source, ctx.target_base)
    if key not in _INDEXES:
        def make():
            entries = ctx.glossary.for_pair(source, ctx.target_base)
            terms, starts = [], []  # starts[n]: the number of entry n's first term
            for entry in entries:
                starts.append(len(terms))
                terms += entry.targets
                terms += entry.forbidden
            sources = [(n, e.source) for n, e in enumerate(entries) if e.source]
            names = {w for e in entries for t in e.targets for w in t.split() if len(w) >= MIN_NAME and w.isalpha()
                     and w[:1].isupper() and w[1:].islower()}
            (target, target_longest), (source_index, source_longest) = build(terms), build([s for _, s in sources])
            return {"entries": Rows([(e.source, e.targets, e.forbidden, e.note, e.where) for e in entries]),
                    "starts": Part(array("q", starts).tobytes()),
                    "source_entry": Part(array("q", (n for n, _ in sources)).tobytes()),
                    "target": Table(target, "first-word"), "target_longest": Table(target_longest),
                    "source": Table(source_index, "first-word"), "source_longest": Table(source_longest),
                    "names": Table(dict.fromkeys(names), "first-letter")}

        kept = stored("terms:" + repr((cache_name(key[0]), *key[1:])), _stamp(ctx.glossary.key), make)
        entries, starts, source_entry = kept.rows("entries", Entry), array("q"), array("q")
        starts.frombytes(kept.part("starts"))
        source_entry.frombytes(kept.part("source_entry"))

        def meta(t: int) -> tuple[int, bool, int]:
            """(entry number, forbidden?, rank among the allowed renderings or -1) of target term number t."""
            n = bisect.bisect_right(starts, t) - 1
            rank = t - starts[n]
            return (n, False, rank) if rank < len(entries[n].targets) else (n, True, -1)

        def target_term(t: int) -> str:
            n, forbidden, rank = meta(t)
            entry = entries[n]
            return entry.forbidden[t - starts[n] - len(entry.targets)] if forbidden else entry.targets[rank]

        _INDEXES[key] = (entries, TermIndex((kept.table("target"), kept.table("target_longest")), target_term), meta,
                         TermIndex((kept.table("source"), kept.table("source_longest")),
                                   lambda i: entries[source_entry[i]].source), source_entry, kept.table("names"))
    return _INDEXES[key]


def _target_matches(ctx):
    """Every glossary target term in the file, as (entry, forbidden?, rank, start, end): one pass, kept per file."""
    found = ctx.cache.get("terms_target")
    if found is None:
        entries, index, meta = _indexes(ctx)[:3]
        found = ctx.cache["terms_target"] = [(*meta(i), s, e) for i, s, e in index.find(ctx.doc.view)]
    return found


def _linked(ctx):
    """For each sentence pair of the alignment: (source entries present, target matches in its sentences, target span)."""
    from tqcheck.translation.align import alignment_for

    got = ctx.cache.get("terms_links")
    if got is not None:
        return got
    entries, _, _, source_index, source_entry, _ = _indexes(ctx)
    s_starts = [s.start for s in ctx.source_segments]
    by_source_seg: dict[int, set[int]] = {}
    for i, start, _ in source_index.find(ctx.source_doc.view):
        seg = bisect.bisect_right(s_starts, start) - 1
        if seg >= 0:
            by_source_seg.setdefault(seg, set()).add(source_entry[i])
    t_starts = ctx.segment_starts()
    by_target_seg: dict[int, list] = {}
    for match in _target_matches(ctx):
        seg = bisect.bisect_right(t_starts, match[3]) - 1
        if seg >= 0:
            by_target_seg.setdefault(seg, []).append(match)
    got = []
    for link in alignment_for(ctx).pairs:
        present = set().union(*(by_source_seg.get(s, set()) for s in link.source))
        if not present:
            continue
        matches = [m for t in link.target for m in by_target_seg.get(t, ())]
        first, last = ctx.segments[link.target[0]], ctx.segments[link.target[-1]]
        got.append((present, matches, _trim(ctx.doc.view, first.start, last.end)))
    ctx.cache["terms_links"] = got
    return got


def _trim(view: str, start: int, end: int) -> tuple[int, int]:
    while start < end and view[start].isspace():
        start += 1
    while end > start and view[end - 1].isspace():
        end -= 1
    return start, end


def _cased(suggestion: str, found: str) -> str:
    """The suggestion with a capital where the text has one at the start of a sentence."""
    if found[:1].isupper() and suggestion[:1].islower():
        return suggestion[:1].upper() + suggestion[1:]
    return suggestion


class ForbiddenTerm(Detector):
    """What it does:
    Finds, in the checked text, a variant the project glossary forbids (the third column of a CSV glossary,
    or a TBX term marked deprecated or superseded) and suggests the glossary's required term. It needs no
    source: it is the house-style substitution rule of a newsroom as much as a translator's client list.

    Why it matters:
    A client's or a newsroom's glossary is the contract: "Congress of Republic" where the style book says
    "Congress of the Republic", or an outdated name of a ministry, is a correction an editor must make
    by hand in every article. A machine translation repeats the same wrong rendering every time.

    Example:
    With the glossary row `Congreso de la República,Congress of the Republic,Congress of Republic`:
    The bill now goes to the Congress of Republic for a vote.

    Use instead:
    The bill now goes to the Congress of the Republic for a vote.
    """

    code = "K101"
    name = "forbidden-term"
    severity = Severity.WARNING
    family = FAMILY
    fix_safety = "unsafe"

    def check(self, ctx):
        if ctx.glossary is None:
            return
        entries = _indexes(ctx)[0]
        view = ctx.doc.view
        for n, forbidden, _, start, end in _target_matches(ctx):
            if not forbidden:
                continue
            entry = entries[n]
            found = view[start:end]
            want = _cased(entry.targets[0], found)
            note = f" ({entry.note})" if entry.note else ""
            yield self.finding(start, end, f"the glossary forbids {found!r}; write {want!r}{note} [{entry.where}]",
                               suggestion=want, fix=want, fix_of=found)


class MissingTerm(Detector):
    """What it does:
    With a source (`--source`, or the units of an XLIFF, TMX or PO file), finds a glossary source term in a
    source sentence whose aligned translation holds none of the glossary's renderings of it, and suggests
    the required term. The plural and the possessive of the required term count as present; a forbidden
    variant in its place is reported by K101 instead.

    Why it matters:
    Terminology is what translation QA is used for most: a client's glossary says how its institutions,
    products and offices are named, and a translation that says "the Peruvian parliament" where the
    glossary requires "Congress of the Republic" breaks it, however fluent it reads.

    Example:
    Source: «El Congreso de la República aprobó la ley.» Translation: The Peruvian parliament passed the law.

    Use instead:
    The Congress of the Republic passed the law.
    """

    code = "K102"
    name = "missing-term"
    severity = Severity.WARNING
    family = FAMILY
    needs = frozenset({"source"})

    def check(self, ctx):
        if ctx.glossary is None:
            return
        entries = _indexes(ctx)[0]
        for present, matches, span in _linked(ctx):
            seen = {m[0] for m in matches}
            for n in sorted(present):
                if n in seen or span[0] >= span[1]:
                    continue
                entry = entries[n]
                yield self.finding(*span, f"the source says {entry.source!r}, and this translation of it lacks the "
                                          f"glossary's {entry.targets[0]!r} [{entry.where}]",
                                   suggestion=entry.targets[0])


class InconsistentTerm(Detector):
    """What it does:
    With a source, finds a glossary source term that the document renders in two different ways, both of
    them among the glossary's allowed renderings (a CSV cell `a|b`, or a TBX entry's admitted terms), and
    reports each rendering used less often than the other, suggesting the one the document uses most.

    Why it matters:
    A reader who meets "Congress of the Republic" in one paragraph and "Peruvian Congress" in the next may
    wonder whether they are two bodies; translation QA tools check that one source term is rendered one
    way within one document, whatever the glossary allows.

    Example:
    Source: «El Congreso de la República… El Congreso de la República… El Congreso de la República…»
    Translation: The Congress of the Republic… The Congress of the Republic… The Peruvian Congress…

    Use instead:
    The Congress of the Republic… (the same rendering each time)
    """

    code = "K103"
    name = "inconsistent-term"
    severity = Severity.INFO
    family = FAMILY
    needs = frozenset({"source"})

    def check(self, ctx):
        if ctx.glossary is None:
            return
        entries = _indexes(ctx)[0]
        uses: dict[int, list[tuple[int, int, int]]] = {}  # entry -> (rank, start, end) of each rendering
        for present, matches, _ in _linked(ctx):
            for n, forbidden, rank, start, end in matches:
                if n in present and not forbidden:
                    uses.setdefault(n, []).append((rank, start, end))
        view = ctx.doc.view
        for n, found in uses.items():
            counts = Counter(rank for rank, _, _ in found)
            if len(counts) < 2:
                continue
            best = min(counts, key=lambda r: (-counts[r], r))  # most used; the glossary's order breaks a tie
            entry = entries[n]
            want = entry.targets[best]
            for rank, start, end in found:
                if rank != best:
                    yield self.finding(start, end, f"{entry.source!r} is rendered {view[start:end]!r} here and "
                                                   f"{want!r} in {counts[best]} other place{'s' if counts[best] > 1 else ''}",
                                       suggestion=_cased(want, view[start:end]))


_NAME = warmstart.regex(r"\b[A-ZÁÉÍÓÚÑÜ][a-záéíóúñüç]{3,}\b")
MIN_NAME = 5  # shorter names differ by one letter too often (Ruiz/Ruíz, Luna/Lina)
MAX_NAME = 40  # no name is longer; a longer "word" would cost its length squared in deletion keys


class NameVariant(Detector):
    """What it does:
    Finds a capitalised name written once or twice in a document that is one typing slip (two letters swapped,
    a letter doubled, dropped, added or replaced inside the word) away from a name the same document writes
    at least three times as often, or from a name in the project glossary, and suggests the common spelling.
    Common words, known first names, accent-only differences and plural endings are left alone.

    Why it matters:
    Newsrooms keep names consistent: "Dina Boluarte" four times and "Boularte" once is a typo a spell
    checker cannot see (neither is in its dictionary), and the wrong spelling of a head of state is the kind
    of error readers write in about.

    Example:
    President Dina Boluarte met … Boluarte said … Boluarte added … Later, Boularte signed the decree.

    Use instead:
    Later, Boluarte signed the decree.
    """

    code = "K104"
    name = "name-variant"
    severity = Severity.WARNING
    family = FAMILY
    fix_safety = "unsafe"

    def check(self, ctx):
        view = ctx.doc.view
        where: dict[str, list[tuple[int, int]]] = {}
        from tqcheck.rules.untranslated import quoted_language_segments

        quoted = quoted_language_segments(ctx)  # Irish mutates a name's first letter: "do Ghaeltacht"
        for seg in ctx.segments:
            if seg.index in quoted:
                continue
            for m in _NAME.finditer(view, seg.start, seg.end):
                if MIN_NAME <= len(m.group()) <= MAX_NAME:
                    where.setdefault(m.group(), []).append(m.span())
        if len(where) < 2 and ctx.glossary is None:
            return
        counts = {w: len(spans) for w, spans in where.items()}
        names = _indexes(ctx)[5] if ctx.glossary is not None else frozenset()
        by_key: dict[str, list[str]] = {}
        for word, count in counts.items():
            if count >= 3:
                for key in _deletions(word):
                    by_key.setdefault(key, []).append(word)
        common = None
        for word, spans in where.items():
            if len(spans) > 2 or word in names:
                continue
            rivals = {r for key in _deletions(word) for r in by_key.get(key, ()) if r != word}
            rivals = [r for r in rivals if counts[r] >= 3 * len(spans) and _slip(word, r)]
            if not rivals and names:
                rivals = [r for r in _near(word) if r in names and _slip(word, r)]
            if not rivals:
                continue
            if common is None:
                from tqcheck.data import langdata
                from tqcheck.rules.person_words import first_names, fold

                common = langdata.common_words(ctx.target_base)
            rival = max(rivals, key=lambda r: (counts.get(r, 0), r))
            if any(w.lower() in common or first_names().get(fold(w)) is not None for w in (word, rival)):
                continue
            for start, end in spans:
                yield self.finding(start, end, f"{word!r} looks like a misspelling of {rival!r}, which "
                                               + (f"this document writes {counts[rival]} times"
                                                  if counts.get(rival, 0) >= 3 else "the glossary names"),
                                   suggestion=rival, fix=rival, fix_of=word)


def _near(word: str) -> set[str]:
    """The spellings one slip from `word` that `_slip` can accept (swaps, one letter dropped, doubled or
    replaced by another letter of the word): asked of the glossary's names instead of walking them all."""
    out = set()
    letters = set(word.lower())
    for i in range(len(word) - 1):
        out.add(word[:i] + word[i + 1] + word[i] + word[i + 2:])
    for i in range(1, len(word)):
        out.add(word[:i] + word[i + 1:])
        out.add(word[:i] + word[i] + word[i:])
        for c in letters | set("aeiou"):
            out.add(word[:i] + c + word[i + 1:])
            out.add(word[:i] + c + word[i:])
    out.discard(word)
    return out


def _deletions(word: str) -> list[str]:
    """The word and the word less each one letter: two words one slip apart share one of these keys."""
    low = word.lower()
    return [low] + [low[:i] + low[i + 1:] for i in range(len(low))]


def _slip(a: str, b: str) -> bool:
    """Whether `a` is `b` with one slip: a swap of neighbours, or one letter doubled, dropped, added or
    replaced — not at the end (plurals, Castillo/Castilla) and not only an accent (Perú/Peru)."""
    import unicodedata

    def plain(w):
        return "".join(c for c in unicodedata.normalize("NFD", w.lower()) if not unicodedata.combining(c))

    x, y = a.lower(), b.lower()
    if plain(a) == plain(b) or x == y:
        return False
    if len(x) == len(y):
        diff = [i for i in range(len(x)) if x[i] != y[i]]
        if len(diff) == 2 and diff[1] == diff[0] + 1 and x[diff[0]] == y[diff[1]] and x[diff[1]] == y[diff[0]]:
            return True  # Boularte / Boluarte
        return len(diff) == 1 and diff[0] < len(x) - 1 and len(x) >= 7
    short, long_ = (x, y) if len(x) < len(y) else (y, x)
    if len(long_) - len(short) != 1:
        return False
    i = next((i for i in range(len(short)) if short[i] != long_[i]), len(short))
    if short[i:] != long_[i + 1:] or i >= len(short):
        return False  # more than one slip, or a letter added at the end
    return True
