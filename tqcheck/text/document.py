"""A file's decoded text, the prose view detectors read, its blocks and line index."""
from __future__ import annotations

import bisect
from array import array
from itertools import accumulate, islice
from dataclasses import dataclass, field

from tqcheck.speed import warmstart


# Slotted, not frozen, for the speed of building one: why, and what keeps it unchanged, at text.segment.Segment.
@dataclass(slots=True, unsafe_hash=True)
class Block:
    """A stretch of prose no sentence may cross (paragraph, heading, list item, table cell)."""

    start: int  # view offsets, end exclusive
    end: int
    kind: str = "paragraph"  # paragraph | heading | list-item | cell | quote


@dataclass(frozen=True, slots=True)
class Suppression:
    """An in-document `tqcheck: disable/ignore-next-line` comment, in raw offsets."""

    kind: str  # "disable" | "enable" | "ignore-next-line" | "unit" (a bilingual unit's note)
    codes: tuple[str, ...]  # empty = every code
    start: int
    end: int
    region: tuple[int, int] | None = None  # kind "unit": the raw span of the bilingual unit it silences


_LINE_BREAK = warmstart.regex(r"\r\n|\r|\n")
_ONE = 1
_STRETCH = 1 << 20  # characters split at a time when indexing lines


class LineIndex:
    """Maps raw offsets to 1-based lines and columns; `\\n`, `\\r\\n` and a lone `\\r` end a line."""

    def __init__(self, text: str):
        # Machine integers, not a list of int objects: a quarter of the memory on a long file.
        self.starts = array("q", [0])
        if "\r" in text:
            self.starts.extend(m.end() for m in _LINE_BREAK.finditer(text))
        else:  # `\n` only (most files): each start one past the lengths so far, in C steps, not one per line
            # A stretch at a time: splitting a 20 MB text whole copied all of it at once (26 MB at the peak).
            for base in range(0, len(text), _STRETCH):
                piece = text[base:base + _STRETCH]
                lengths = map(len, piece.split("\n"))
                ends = accumulate(map(_ONE.__add__, islice(lengths, piece.count("\n"))))
                self.starts.extend(map(base.__add__, ends) if base else ends)

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1

    def line_span(self, line: int, text: str) -> tuple[int, int]:
        """Raw offsets of 1-based `line` without its line ending."""
        start = self.starts[line - 1]
        end = self.starts[line] if line < len(self.starts) else len(text)
        while end > start and text[end - 1] in "\r\n":
            end -= 1
        return start, end


@dataclass
class Document:
    """What the reading step produces and every later step reads.

    `text` is the file exactly as decoded (BOM removed, line endings kept).
    `view` is the prose detectors read: for text and Markdown it has the
    same length as `text` with non-prose blanked out; for HTML it is the
    entity-decoded prose, and `view_to_raw` maps view offsets back to `text`.
    """

    path: str
    text: str
    format: str  # markdown | html | text
    view: str
    blocks: list[Block]
    view_to_raw: "OffsetMap | None" = None
    suppressions: list[Suppression] = field(default_factory=list)
    _lines: LineIndex | None = None
    bilingual: object | None = None  # a bilingual file's sources and units (reading.bilingual.Bilingual)

    @property
    def lines(self) -> LineIndex:
        if self._lines is None:
            self._lines = LineIndex(self.text)
        return self._lines

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a view span to the raw text; identity when the view is a mask of the text."""
        if self.view_to_raw is None:
            return start, end
        return self.view_to_raw.span(start, end)


class OffsetMap:
    """Piecewise map from view offsets to raw offsets, compact enough for very large files.

    Each piece is a run of view characters starting at `view_start` that came
    from raw text starting at `raw_start`: either one-to-one (plain text,
    `raw_len == view_len`) or many-to-one (an entity such as `&amp;` read as
    one character, where the whole raw entity belongs to that character).
    """

    def __init__(self) -> None:
        self._view_starts: list[int] = []
        self._pieces: list[tuple[int, int, int, int]] = []  # view_start, view_len, raw_start, raw_len

    def add(self, view_start: int, view_len: int, raw_start: int, raw_len: int) -> None:
        if view_len <= 0:
            return
        self._view_starts.append(view_start)
        self._pieces.append((view_start, view_len, raw_start, raw_len))

    def _piece(self, v: int):
        i = bisect.bisect_right(self._view_starts, v) - 1
        return self._pieces[max(i, 0)]

    def raw_start(self, v: int) -> int:
        vs, vl, rs, rl = self._piece(v)
        if vl == rl:
            return rs + min(v - vs, vl)
        return rs if v < vs + vl else rs + rl

    def raw_end(self, v_last: int) -> int:
        """Raw offset just past the view character at `v_last`."""
        vs, vl, rs, rl = self._piece(v_last)
        if vl == rl:
            return rs + (v_last - vs) + 1
        return rs + rl

    def span(self, start: int, end: int) -> tuple[int, int]:
        """(raw_start(start), raw_end(end - 1)), or the raw start twice for an empty span: both ends found
        from one search when they fall in one piece (a sentence of a bilingual unit, most spans). Called for
        every segment of a file (its report, its aligned source), so the two methods are written out here."""
        starts = self._view_starts
        if not starts:
            return 0, 0
        i = bisect.bisect_right(starts, start) - 1
        vs, vl, rs, rl = self._pieces[i if i > 0 else 0]
        if vl == rl:
            a = rs + min(start - vs, vl)
        else:
            a = rs if start < vs + vl else rs + rl
        if end <= start:
            return a, a
        last = end - 1
        if i + 1 < len(starts) and starts[i + 1] <= last:  # another piece: the later pieces searched only
            vs, vl, rs, rl = self._pieces[bisect.bisect_right(starts, last, i + 1) - 1]
        if vl == rl:
            return a, rs + (last - vs) + 1
        return a, rs + rl
