"""One pass over a document for the literal anchors of every data-driven detector: which sentences hold which.

The data-driven detectors (calque phrases and capitals, false friends) each know, for every
entry of their tables, a literal that any match of the entry holds (`tqcheck.speed.prefilter`).
Instead of each detector looking for its own literals sentence by sentence, their literals are
compiled together into one Aho-Corasick automaton (`pyahocorasick`, a compiled extension) that
reads the text once, in chunks of whole sentences; each detector then runs its patterns only on
the sentences holding one of its literals.

Literals are lower-case.  The text is folded to lower case first, keeping every offset: a
character is mapped to one character.  The fold also maps the letters that `re.IGNORECASE`
takes for ASCII letters but `str.lower()` does not (dotless ı, long ſ, and İ, whose lower case
is two characters), so any match an entry's case-insensitive pattern can make holds one of its
literals in the folded text: the scan never hides a sentence a pattern would match in.
"""
from __future__ import annotations

import zlib
from bisect import bisect_right
from functools import lru_cache

CHUNK = 1 << 16  # characters of whole sentences folded and scanned at a time: no copy of a huge file

_FOLD = str.maketrans({"İ": "i", "ı": "i", "ſ": "s"})


def fold(text: str) -> str:
    """`text` in lower case, one character for one, with ı, ſ and İ read as i, s and i."""
    # `translate` with a table walks the text character by character (0.2 ms for an article); the three
    # letters are rare, and three searches for them cost microseconds.
    low = (text.translate(_FOLD) if "ı" in text or "ſ" in text or "İ" in text else text).lower()
    if len(low) != len(text):  # a character whose lower case is longer keeps its place as it is
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text.translate(_FOLD))
    return low


class Scanner:
    """The automaton of a set of literals, and the pass that tells which sentences hold which literals."""

    def __init__(self, literals: tuple[str, ...]):
        self.literals = literals
        self.literal_set = frozenset(literals)
        self._automaton = _automaton(literals) if literals else None

    def scan(self, view: str, spans) -> dict[int, frozenset[str]]:
        """For each span (start, end) of `spans` that holds a literal entirely inside it, its index → the
        literals it holds; spans holding none are absent. Consecutive spans in order and apart (a file's
        sentences) are read together, up to CHUNK characters at a time; any others, one by one."""
        if self._automaton is None:
            return {}
        spans = list(spans)
        found: dict[int, set[str]] = {}
        literals = self.literals
        i = 0
        while i < len(spans):
            first = i
            while (i + 1 < len(spans) and spans[i + 1][0] >= spans[i][1]
                   and spans[i + 1][1] - spans[first][0] <= CHUNK):
                i += 1
            base, stop = spans[first][0], spans[i][1]
            starts = [a for a, _ in spans[first:i + 1]]
            for last, (k, size) in self._automaton.iter(fold(view[base:stop])):
                end = base + last + 1
                start = end - size
                j = first + bisect_right(starts, start) - 1
                if j >= first and end <= spans[j][1]:
                    held = found.get(j)
                    if held is None:
                        held = found[j] = set()
                    held.add(literals[k])
            i += 1
        return {j: frozenset(held) for j, held in found.items()}


def _automaton(literals: tuple[str, ...]):
    """The automaton of `literals` (a hit's value: the literal's index and length), kept in the warm-start
    file as the state `pyahocorasick` pickles, under the literals and the installed extension's file."""
    import os

    import ahocorasick

    from tqcheck.speed import warmstart

    stat = os.stat(ahocorasick.__file__)
    joined = "\n".join(literals)
    key = f"scanner:{zlib.crc32(joined.encode())}:{len(literals)}:{stat.st_size}:{stat.st_mtime_ns}"

    def build():
        automaton = ahocorasick.Automaton()
        for i, literal in enumerate(literals):
            automaton.add_word(literal, (i, len(literal)))
        automaton.make_automaton()
        return joined, automaton.__reduce__()[1]

    stored, state = warmstart.data(key, build)
    try:
        if stored == joined:
            automaton = ahocorasick.Automaton(*state)
            if automaton.get(literals[-1], None) == (len(literals) - 1, len(literals[-1])):
                return automaton
    except Exception:  # a state the installed extension cannot read: build afresh
        pass
    return ahocorasick.Automaton(*build()[1])


@lru_cache(maxsize=8)
def for_sets(sets: tuple[tuple[str, ...], ...]) -> Scanner:
    """The scanner of the union of some literal sets (each detector's), built once per process."""
    return Scanner(tuple(sorted(set().union(*sets))))
