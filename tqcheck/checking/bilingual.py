"""A bilingual file in the pipeline: its languages, its units as the alignment (no aligner), and each finding's unit."""
from __future__ import annotations

import bisect
from dataclasses import replace

from tqcheck.errors import InputError
from tqcheck.finding import Finding
from tqcheck.text import language

DETECTION_SAMPLE = 20_000


def prepare(doc, settings):
    """Settings with the file's languages where neither flags nor configuration name them.

    A PO file names only its target: the source language is read from its msgids, as `--source` does.
    """
    info = doc.bilingual
    target = settings.target_lang or _tag(info.target_lang)
    source = settings.source_lang or _tag(info.source_lang)
    if not info.parts:  # nothing translated to check: no source to read or to ask for
        return replace(settings, target_lang=target or "en"), None
    if not source:
        source = language.detect_many(info.source_doc.view[:DETECTION_SAMPLE])
        if not source:
            raise InputError(f"{doc.path}: cannot tell the language of its source texts; pass --source-lang")
    return replace(settings, target_lang=target, source_lang=source), info.source_doc


def _tag(value: str | None) -> str | None:
    """A file's language as a BCP 47 tag (`es_ES` → `es-ES`), or None when it is not one."""
    value = (value or "").strip().replace("_", "-")
    return value if value and language.valid_tag(value) else None


def align(ctx) -> None:
    """The file says what translates what: one link per part, its source sentences with its target sentences."""
    from tqcheck.translation.align import Alignment, Link

    info = ctx.doc.bilingual
    t_starts = [s.start for s in ctx.segments]
    s_starts = [s.start for s in ctx.source_segments]
    links, spans = [], {}
    for part in info.parts:
        target = _inside(t_starts, part.target)
        source = _inside(s_starts, part.source)
        if not target and not source:
            continue
        links.append(Link(source, target))
        if source and target:
            first, last = ctx.source_segments[source[0]], ctx.source_segments[source[-1]]
            for t in target:
                spans[t] = (first.start, last.end)
    ctx.cache["alignment"] = ctx.alignment = Alignment(links)
    ctx.cache["aligned_source"] = spans


def _inside(starts: list[int], span: tuple[int, int]) -> tuple[int, ...]:
    lo = bisect.bisect_left(starts, span[0])
    hi = bisect.bisect_left(starts, span[1])
    return tuple(range(lo, hi))


def tag_units(doc, findings: list[Finding]) -> None:
    """Give every finding the unit it falls in, by its raw offset."""
    parts = doc.bilingual.parts
    starts = [p.unit_span[0] for p in parts]
    for f in findings:
        i = bisect.bisect_right(starts, f.start) - 1
        if i >= 0 and f.start < parts[i].unit_span[1]:
            f.unit = parts[i].unit
