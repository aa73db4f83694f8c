"""Sentences with exact offsets, never crossing a block boundary."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from tqcheck.data import langdata
from tqcheck.speed import warmstart
from tqcheck.text.document import Document


# Slotted, not frozen: a frozen dataclass sets each field through `object.__setattr__` (0.6 against 0.2 µs
# an object, and a bilingual file builds tens of thousands). Nothing in the package assigns to one
# (tests/test_immutable_parts.py runs real checks with assignment refused); the hash stays the fields'.
@dataclass(slots=True, unsafe_hash=True)
class Segment:
    """A sentence-sized stretch of a block of the document's view: what the detectors run on."""

    index: int
    start: int  # view offsets, end exclusive
    end: int
    block: int  # index of the block holding it
    block_kind: str

    def text(self, view: str) -> str:
        return view[self.start:self.end]

    def prose(self, view: str) -> str:
        return prose(view, self.start, self.end)


def prose(view: str, start: int, end: int) -> str:
    """A stretch of the view with white space collapsed: what is reported, translated and cached."""
    return collapsed(view[start:end])


def collapsed(text: str) -> str:
    """`text` with each run of white space one space and none at either end: " ".join(text.split()).

    A printable text holds no white space but the plain space, so with no two spaces together and none at
    either end it is that already (most sentences: three tests in C instead of a list of its words)."""
    if "  " not in text and text.isprintable() and text[:1] != " " and text[-1:] != " ":
        return text
    return " ".join(text.split())


# A sentence ends at . ! ? … (or a run of them), then any closing quotes or brackets,
# then white space followed by something that can start a sentence. A match starts only where a
# run of stops starts, and the runs are possessive: otherwise every position inside a long run
# of dots would rescan the rest of it (quadratic on "......"). The look-behind comes after the first
# stop, so that the regex engine tries the pattern only at stops (three times faster; the same matches).
_END = warmstart.regex(r"[.!?…](?<![.!?…].)[.!?…]*+[\"'”’»)\]]*+(?=\s+[\"'“‘«(\[¿¡]*[A-ZÀ-ÖØ-Þ0-9])")
_STOPS = ".!?…"  # what _END's look-behind reads before a match's first stop
_WORD_BEFORE = warmstart.regex(r"([\w.'’-]+)$")

# No sentence of real prose runs this long (the longest in the studied news, native and
# machine-translated, is under 600 characters); a longer run is a scraped blob or hostile input.
# Cutting it into pieces of at most this size bounds every per-sentence check, and every span
# that stops at a sentence's edge, so no detector's work on a sentence can grow with the file.
MAX_SENTENCE = 1000


@lru_cache(maxsize=None)
def _abbreviations(lang: str) -> frozenset[str]:
    table = langdata.load("lang", "abbreviations.toml")
    words = table.get(lang) or table["en"]
    return frozenset(w.lower() for w in words)


def segment(doc: Document, lang: str = "en") -> list[Segment]:
    abbreviations = _abbreviations(lang.split("-")[0])
    segments: list[Segment] = []
    view = doc.view
    search = _END.search
    for bi, block in enumerate(doc.blocks):
        start, end = block.start, block.end
        # A block that is one sentence already (a bilingual unit, a heading, a short paragraph): trimmed, short
        # enough, and with no sentence end inside, as split_block's search of its slice would find. Searched in
        # place, where the look-behind may see the character before the block: not a stop, so it sees nothing.
        if (end - start <= MAX_SENTENCE and end > start and not view[start].isspace() and not view[end - 1].isspace()
                and (start == 0 or view[start - 1] not in _STOPS) and search(view, start, end) is None):
            segments.append(Segment(len(segments), start, end, bi, block.kind))
            continue
        for start, end in split_block(view, start, end, abbreviations):
            segments.append(Segment(len(segments), start, end, bi, block.kind))
    return segments


def split_block(view: str, start: int, end: int, abbreviations: frozenset[str]):
    """Yield (start, end) of each sentence in view[start:end], trimmed of white space."""
    text = view[start:end]
    cut = 0
    for m in _END.finditer(text):
        if text[m.start()] == "." and _is_abbreviation(text, m.start(), abbreviations):
            continue
        yield from _trimmed(view, start + cut, start + m.end())
        cut = m.end()
    yield from _trimmed(view, start + cut, end)


def _is_abbreviation(text: str, dot: int, abbreviations: frozenset[str]) -> bool:
    m = _WORD_BEFORE.search(text, max(0, dot - 20), dot)
    if not m:
        return False
    return _abbreviated(m.group(1).lower(), abbreviations)


def is_abbreviation_word(word: str, lang: str = "en") -> bool:
    """Whether `word` (the text before a full stop) is an abbreviation or an initial in `lang`."""
    return _abbreviated(word.lower(), _abbreviations(lang.split("-")[0]))


def _abbreviated(word: str, abbreviations: frozenset[str]) -> bool:
    if len(word) == 1 and word.isalpha():
        return True  # an initial: "J. Smith"
    if "." in word and all(len(p) <= 2 for p in word.split(".")):
        return True  # "U.S", "e.g"
    if ".-" in word:  # a hyphened pair of abbreviated titles, Canadian news style: "Lt.-Gov", "Maj.-Gen"
        return all(part.rstrip(".") in abbreviations for part in word.split("-"))
    return word in abbreviations


def _trimmed(view: str, a: int, b: int):
    while a < b and view[a].isspace():
        a += 1
    while b > a and view[b - 1].isspace():
        b -= 1
    while b - a > MAX_SENTENCE:
        cut = _last_space(view, a + MAX_SENTENCE // 2, a + MAX_SENTENCE)
        piece_end = cut
        while piece_end > a and view[piece_end - 1].isspace():
            piece_end -= 1
        yield a, piece_end
        a = cut
        while a < b and view[a].isspace():
            a += 1
    if b > a:
        yield a, b


def _last_space(view: str, low: int, high: int) -> int:
    """The last white space in view[low:high], or `high` when there is none (a hard cut)."""
    for i in range(high - 1, low - 1, -1):
        if view[i].isspace():
            return i
    return high
