"""A very large document cut into parts of whole paragraphs, each checked as a small document of its own.

A document whose prose view is longer than `PART_CHARS` is not handed to the detectors whole: the
part-of-speech tokens, referent tokens and other scratch they keep per sentence would then exist for
every sentence of the file at once (some 60 bytes of memory for each byte of a 20 MB file). Instead
its segments (found once, over the whole file) are grouped into consecutive runs of whole blocks of
about `PART_CHARS` characters; each part becomes a `Document` over its own stretch of the view, with
its own blocks and segments (offsets and indices made local), so every detector, including those
that read the whole view or every block, sees exactly that part and nothing else. The part's
findings are moved back to the whole view's offsets and its scratch is dropped before the next one.

Boundary behaviour: what a detector learns from the whole document is learnt per part. Knowledge
that spans sentences (the surnames and genders S105 pairs pronouns with, the capitalised forms L110
compares, the consistency and repetition checks, the writer's register, boilerplate at the end of
the file, an open quotation mark closed in a later paragraph) stops at a part's edge. A block longer
than twice the part size is cut between two sentences. A document no longer than `PART_CHARS` is one
part: it is checked exactly as it always was.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass

from tqcheck.text.document import Block, Document
from tqcheck.text.segment import Segment

# About 400 KB of English prose: its scratch stays near 25 MB, and a report of real articles (the
# largest studied is under 100 KB) never reaches it, so every ordinary file is one part.
PART_CHARS = 400_000


@dataclass
class Part:
    """One stretch [start, end) of the whole view, as a document of its own with local offsets."""

    start: int
    end: int
    doc: Document
    segments: list[Segment]


def cut(doc: Document, segments: list[Segment], size: int | None = None) -> list[tuple[int, int, int]]:
    """(view start, first segment, last segment + 1) of each part; one part when the view fits in `size`.

    A part ends at a block boundary once it holds `size` characters, or between two sentences of one
    block once it holds twice that (a file without paragraphs is one block)."""
    size = size or PART_CHARS
    if len(doc.view) <= size or not segments:
        return [(0, 0, len(segments))]
    out = []
    part_start, first = 0, 0
    for i in range(1, len(segments)):
        seg, before = segments[i], segments[i - 1]
        span = seg.start - part_start
        if seg.block != before.block and span >= size:
            cut_at = doc.blocks[seg.block].start
        elif span >= 2 * size:
            cut_at = seg.start
        else:
            continue
        out.append((part_start, first, i))
        part_start, first = cut_at, i
    out.append((part_start, first, len(segments)))
    return out


def parts(doc: Document, segments: list[Segment], size: int | None = None):
    """Each part of the document in turn (a generator: one part's copy of its text at a time)."""
    cuts = cut(doc, segments, size)
    ends = [b.end for b in doc.blocks]
    for k, (start, first, last) in enumerate(cuts):
        end = cuts[k + 1][0] if k + 1 < len(cuts) else len(doc.view)
        yield _part(doc, segments[first:last], start, end, ends)


def _part(doc: Document, segments: list[Segment], start: int, end: int, ends: list[int]) -> Part:
    first_block = bisect.bisect_right(ends, start)  # the first block ending after the part's start
    blocks = []
    for b in doc.blocks[first_block:]:
        if b.start >= end:
            break
        blocks.append(Block(max(b.start, start) - start, min(b.end, end) - start, b.kind))
    view = doc.view[start:end]
    # The stray-punctuation check reads the file's own characters where the view keeps their offsets:
    # give the part the same choice the whole document gives it.
    same_offsets = doc.view_to_raw is None and len(doc.text) == len(doc.view)
    text = doc.text[start:end] if same_offsets else view
    local = [Segment(j, s.start - start, s.end - start, s.block - first_block, s.block_kind)
             for j, s in enumerate(segments)]
    part_doc = Document(path=doc.path, text=text, format=doc.format, view=view, blocks=blocks)
    return Part(start, end, part_doc, local)
