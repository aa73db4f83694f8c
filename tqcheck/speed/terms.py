"""Many terms found in one pass over a text (an Aho–Corasick automaton), as whole words, plural and possessive allowed."""
from __future__ import annotations

# After a term, these endings still count as the term (plurals: "Congresses", "ministries" is not covered;
# the possessive "'s" needs nothing, the apostrophe ends a word).
ENDINGS = ("s", "es")


def fold(text: str) -> str:
    """`text` lower-cased with its length kept, so offsets in it are offsets in `text`."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def case_sensitive(term: str) -> bool:
    """A term written with a capital (a name, an institution, an acronym) must appear with those capitals;
    a term all in lower case matches in any case ("Ministry" at the start of a sentence is "ministry")."""
    return any(c.isupper() for c in term)


class TermIndex:
    """Finds every term of a list in a text in one pass; each match is (term number, start, end)."""

    def __init__(self, terms):
        import ahocorasick_rs

        self.terms = list(terms)
        self._exact = [case_sensitive(t) for t in self.terms]
        patterns: dict[str, list[int]] = {}
        for i, term in enumerate(self.terms):
            if term:
                patterns.setdefault(fold(term), []).append(i)
        self._patterns = list(patterns)
        self._ids = [patterns[p] for p in self._patterns]
        self._automaton = ahocorasick_rs.AhoCorasick(self._patterns, matchkind=ahocorasick_rs.MatchKind.Standard) \
            if self._patterns else None

    def find(self, text: str, folded: str | None = None) -> list[tuple[int, int, int]]:
        """Whole-word matches, leftmost and then longest first, none overlapping another."""
        if self._automaton is None or not text:
            return []
        folded = fold(text) if folded is None else folded
        found = []
        for pattern, start, end in self._automaton.find_matches_as_indexes(folded, overlapping=True):
            if start and folded[start - 1].isalnum():
                continue
            if end < len(text) and text[end].isalnum() and not _ending(text, end):
                continue
            for i in self._ids[pattern]:
                if not self._exact[i] or text[start:end] == self.terms[i]:
                    found.append((i, start, end))
                    break
        found.sort(key=lambda m: (m[1], m[1] - m[2]))
        kept, reach = [], 0
        for match in found:
            if match[1] >= reach:
                kept.append(match)
                reach = match[2]
        return kept


def _ending(text: str, end: int) -> bool:
    for ending in ENDINGS:
        stop = end + len(ending)
        if text[end:stop].lower() == ending and (stop >= len(text) or not text[stop].isalnum()):
            return True
    return False
