"""One file through the pipeline: read, detect the language, segment, run detectors, score."""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from tqcheck.checking import features, merging, parts, scoring
from tqcheck.text import language, suppress
from tqcheck.data import langdata
from tqcheck.text.document import Document
from tqcheck.finding import Finding, Severity
from tqcheck.output.report import FileReport, SegmentReport
from tqcheck.rules import chosen_needs
from tqcheck.rules import select as select_detectors
from tqcheck.rules.base import Context
from tqcheck.speed import warmstart
from tqcheck.speed.collector import gc_paused
from tqcheck.text.segment import prose, segment


# Enough prose to identify a language reliably without reading a huge file twice.
DETECTION_SAMPLE = 20_000
_NON_SPACE = warmstart.regex(r"\S+")


def count_words(text: str) -> int:
    """Whitespace-separated words, counted without building a list of them."""
    return sum(1 for _ in _NON_SPACE.finditer(text))


@dataclass
class Settings:
    """The effective settings for one file: its configuration with the command-line flags on top."""

    select: list[str] | None = None
    ignore: list[str] | None = None
    severity: dict[str, str] = field(default_factory=dict)
    target_lang: str | None = None
    source_lang: str | None = None
    engine: str = "auto"
    fail_on: str = "error"
    glossary: tuple[str, ...] = ()  # glossary files (CSV, TBX), read only when some are named


def check_document(doc: Document, settings: Settings, engines=None, source_doc: Document | None = None) -> FileReport:
    # The detectors make no reference cycles, but a large file's tagged tokens (millions of objects), or a
    # bilingual file's thousands of units with their pairs, figures and findings, kept waking the cycle
    # collector to rescan them all: a tenth of the time of a 2 MB file or a 5,000-unit file. What the
    # document made is promoted on the way out, or the first allocation after would scan it at once: for
    # a one-article run that is everything the detectors loaded (data, patterns, modules), 3 ms of 0.1 s.
    # (After each of 25 dev articles a full collection found nothing to free but 10 objects once.)
    with gc_paused(promote=True):
        return _check_document(doc, settings, engines, source_doc)


def _check_document(doc: Document, settings: Settings, engines=None, source_doc: Document | None = None) -> FileReport:
    notes: list[str] = []
    if doc.bilingual is not None:  # XLIFF, TMX, PO: languages and sources come from the file
        from tqcheck.checking import bilingual

        settings, source_doc = bilingual.prepare(doc, settings)
    target = settings.target_lang or detect_target(doc, notes)
    target_base = language.base(target)
    if settings.target_lang:
        _note_language_mismatch(doc, target_base, notes)
    if settings.source_lang:
        source_langs, known = (language.base(settings.source_lang),), True
    else:
        source_langs, known = tuple(s for s in langdata.sources_for(target_base)), False
    segments = segment(doc, target_base)
    ctx = Context(doc, segments, target, source_langs, source_known=known)
    if settings.glossary:
        from tqcheck.reading import glossary

        ctx.glossary = glossary.load(settings.glossary)
    if source_doc is not None:
        ctx.source_doc = source_doc
        ctx.source_segments = segment(source_doc, source_langs[0])
        if doc.bilingual is not None:
            bilingual.align(ctx)
    # Without an original, the source-aware detectors would be skipped: their modules are not even imported.
    lacking = frozenset() if source_doc is not None else frozenset({"source"})
    detectors = [d() for d in select_detectors(settings.select, settings.ignore, lacking)]
    detectors = [d for d in detectors if d.applies_to(target_base)]
    ctx.cache["detectors"] = detectors  # whose literals the one pass over the file looks for (rules.base.anchor_hits)
    # Target-only detectors first: the round trip skips segments they found untranslated,
    # and the source-aware detectors read the round trip when there is one.
    huge = doc.bilingual is None and source_doc is None and len(doc.view) > parts.PART_CHARS
    if huge:
        findings = _run_in_parts(ctx, settings)  # a huge file: bounded scratch (checking.parts)
    else:
        findings = _run(ctx, [d for d in detectors if not d.needs], settings)
    engine_info = None
    wants_engine = "engine" in chosen_needs(settings.select, settings.ignore, target_base)  # left-out ones too
    if wants_engine or (source_doc is not None and settings.engine != "none"):
        engine_info = roundtrip_step(ctx, settings, engines, findings, notes)
    findings += _run(ctx, [d for d in detectors if d.needs], settings)
    _place(doc, findings, segments)
    findings = suppress.apply(doc, findings)
    _place(doc, [f for f in findings if not f.line], segments, raw=True)
    findings = merging.thin(_dedupe(findings, detectors), detectors)
    if doc.bilingual is not None:
        bilingual.tag_units(doc, findings)
        notes.append(doc.bilingual.summary())
    findings.sort(key=Finding.sort_key)
    report = FileReport(
        path=doc.path,
        format=doc.format,
        text=doc.text,
        target_lang=target,
        source_lang=language.base(settings.source_lang) if settings.source_lang else None,
    )
    report.findings = findings
    report.lines = doc.lines if findings else None  # built by _place when there is a finding to place
    report.engine = engine_info
    report.notes = notes
    # A huge file's segments give way to their reports one by one, so both lists never exist whole at once.
    report.segments = _segment_reports(doc, segments, findings, ctx.cache.get("roundtrip"), consume=huge)
    counted = [f for f in findings if f.severity >= Severity.WARNING]
    report.score = _suspicion(doc, report.segments, counted, ctx)
    _blend_segment_suspicion(report.segments, ctx.cache.get("segment_suspicion"))
    _attach_sources(report.segments, ctx)
    return report


def _suspicion(doc: Document, reports: list[SegmentReport], counted: list[Finding], ctx: Context) -> float:
    """The file's score, and each segment's, from the fitted models of the target language when it has them.

    Without a model (a target language with no style knowledge) both come from the findings alone.
    """
    engine = ctx.engine.name if ctx.cache.get("roundtrip") and ctx.engine is not None else None
    doc_model = scoring.model("document", engine, ctx.target_base)
    seg_model = scoring.model("segment", engine, ctx.target_base)
    if doc_model is None or seg_model is None:
        return scoring.file_score(counted, count_words(doc.view))

    scored: dict[tuple, float] = {}  # a segment's score is its features' alone: many sentences share them

    def score_segment(seg: SegmentReport, found: dict) -> None:
        key = tuple(found.values())
        score = scored.get(key)
        if score is None:
            score = scored[key] = scoring.apply(seg_model, found)
        seg.score = score

    names = [spec["name"] for spec in seg_model.get("features", ())]
    return scoring.apply(doc_model, features.describe(reports, counted, score_segment, names))


def detect_target(doc: Document, notes: list[str]) -> str:
    """The document's language from a sample of its prose; English, with a note, when unknown."""
    detected = language.detect(doc.view[:DETECTION_SAMPLE])
    if detected is None:
        if count_words(doc.view[:DETECTION_SAMPLE]) >= 20:
            notes.append("could not tell the language of this text; checked as English (pass --target-lang)")
        return "en"
    return detected


def _note_language_mismatch(doc: Document, target_base: str, notes: list[str]) -> None:
    """The user said the text is in one language; say so when it clearly reads as another (cheap vote only)."""
    sample = doc.view[:DETECTION_SAMPLE]
    votes = language.function_word_votes(language.words(sample))
    if not votes:
        return
    best, hits = votes.most_common(1)[0]
    if best != target_base and hits >= language.MIN_HITS and hits >= 3 * max(votes.get(target_base, 0), 1):
        notes.append(f"this text reads as {best}, not {target_base} as --target-lang says")


# Real prose never holds more than three findings of one code in one sentence (measured on the seed,
# the dev, native and studied articles); a sentence of a thousand stray marks would otherwise make a
# report a thousand times the size of the text. Past this many, the last one kept says how many more.
FLOOD_LIMIT = 5


def _run(ctx: Context, detectors, settings: Settings) -> list[Finding]:
    found = []
    starts = ctx.segment_starts()
    for detector in detectors:
        if detector.needs - ctx_capabilities(ctx):
            continue
        kept: dict[int | None, list[Finding]] = {}
        dropped: dict[int | None, int] = {}
        for finding in detector.check(ctx):
            i = bisect.bisect_right(starts, finding.start) - 1
            sentence = kept.setdefault(i, [])
            if len(sentence) >= FLOOD_LIMIT:
                dropped[i] = dropped.get(i, 0) + 1
                continue
            override = settings.severity.get(finding.code) or settings.severity.get(finding.name)
            if override:
                finding.severity = Severity.parse(override)
            sentence.append(finding)
            found.append(finding)
        for i, count in dropped.items():
            last = kept[i][-1]
            last.message += f" (and {count} more like it in this sentence, not listed)"
    return found


def _run_in_parts(ctx: Context, settings: Settings) -> list[Finding]:
    """The target-only detectors over each part of a huge document in turn (`checking.parts`), each part
    with detectors, context and scratch of its own, dropped before the next; findings at whole-view offsets."""
    found: list[Finding] = []
    for part in parts.parts(ctx.doc, ctx.segments):
        local = Context(part.doc, part.segments, ctx.target_lang, ctx.source_langs, source_known=ctx.source_known)
        local.glossary = ctx.glossary
        detectors = [type(d)() for d in ctx.cache["detectors"]]
        local.cache["detectors"] = detectors
        for f in _run(local, [d for d in detectors if not d.needs], settings):
            f.start += part.start
            f.end += part.start
            found.append(f)
        del local, detectors, part
    return found


def roundtrip_step(ctx: Context, settings: Settings, engines, findings: list[Finding], notes: list[str]):
    """Choose the pivot language and engine, and back-translate every segment not found untranslated."""
    if settings.engine == "none":
        return None  # the user's own choice: nothing to say about it, once per file or at all
    from tqcheck.translation.roundtrip import translate_round_trip

    if engines is None:
        notes.append("round-trip checks skipped: no engine")
        return None
    pivot = _pivot(ctx, findings, engines, settings.engine)
    if pivot is None:
        notes.append(f"round-trip checks skipped: no engine translates {ctx.target_base} to and from "
                     f"{'/'.join(ctx.source_langs) or 'a source language'}")
        return None
    engine, _ = engines.get(settings.engine, pivot, ctx.target_base)
    skipped = _untranslated_segments(ctx, findings)
    texts = ["" if seg.index in skipped else seg.prose(ctx.doc.view) for seg in ctx.segments]
    results = translate_round_trip(engine, texts, ctx.target_base, pivot, engines.cache)
    ctx.engine = engine
    ctx.cache["pivot"] = pivot
    ctx.cache["translation_cache"] = engines.cache  # source-aware checks translate the source too
    ctx.cache["roundtrip"] = {i: r for i, r in enumerate(results) if texts[i]}
    return {"name": engine.name, "version": engine.version_for(ctx.target_base, pivot)}


def _untranslated_segments(ctx: Context, findings: list[Finding]) -> set[int]:
    """Segments reported as left in the source language: a copy round-trips to itself, so do not score it."""
    starts = ctx.segment_starts()
    out = set()
    for f in findings:
        if f.code.startswith("U"):
            i = bisect.bisect_right(starts, f.start) - 1
            if i >= 0:
                out.add(i)
    return out


def _pivot(ctx: Context, findings: list[Finding], engines, choice: str) -> str | None:
    """The source language to back-translate through: the known one, else the one the findings point to."""
    votes: dict[str, int] = {}
    for f in findings:
        if f.source_lang:
            votes[f.source_lang] = votes.get(f.source_lang, 0) + 1
    ranked = sorted(ctx.source_langs, key=lambda s: (-votes.get(s, 0), ctx.source_langs.index(s)))
    for lang in ranked:
        if engines.offers(choice, lang, ctx.target_base):
            return lang
    if choice != "auto" and ranked:
        engines.get(choice, ranked[0], ctx.target_base)  # an explicit engine: raise why it cannot serve
    return None


def ctx_capabilities(ctx: Context) -> set[str]:
    caps = set()
    if ctx.engine is not None:
        caps.add("engine")
    if ctx.source_doc is not None:
        caps.add("source")
    return caps


def _place(doc: Document, findings: list[Finding], segments, raw: bool = False) -> None:
    """Map view offsets to raw offsets and fill line, column, excerpt and segment."""
    starts = [s.start for s in segments]
    for f in findings:
        if not raw:
            view_start = f.start
            f.start, f.end = doc.raw_span(f.start, f.end)
            i = bisect.bisect_right(starts, view_start) - 1
            f.segment = i if i >= 0 and view_start < segments[i].end else (i if i >= 0 else None)
        f.line, f.column = doc.lines.position(f.start)
        f.end_line, f.end_column = doc.lines.position(f.end)
        f.excerpt = doc.text[f.start:f.end]


def _blend_segment_suspicion(segments: list[SegmentReport], suspicion: dict[int, float] | None) -> None:
    """Continuous per-segment suspicion from detectors (e.g. meaning against the source) raises the score."""
    for seg in segments:
        extra = (suspicion or {}).get(seg.index)
        if extra is not None:
            seg.score = 1.0 - (1.0 - seg.score) * (1.0 - extra)


def _attach_sources(segments: list[SegmentReport], ctx: Context) -> None:
    """Fill each segment's `source` from the alignment, in raw offsets of the source file."""
    sources = ctx.cache.get("aligned_source")  # target segment index -> (view start, view end) in the source
    if not sources or ctx.source_doc is None:
        return
    for seg in segments:
        span = sources.get(seg.index)
        if span:
            start, end = ctx.source_doc.raw_span(*span)
            seg.source = {"start": start, "end": end, "text": prose(ctx.source_doc.view, *span)}


class _SpanIndex:
    """Does any of these spans overlap [start, end)? In log time, so that a file with many findings of a
    superseding code and of the code it replaces costs n log n, not n × m."""

    def __init__(self, spans: list[tuple[int, int]]):
        spans.sort()
        self.starts = [start for start, _ in spans]
        self.reach = []  # the furthest end among the spans up to each position
        furthest = -1
        for _, end in spans:
            furthest = max(furthest, end)
            self.reach.append(furthest)

    def overlaps(self, start: int, end: int) -> bool:
        before = bisect.bisect_left(self.starts, end)  # the spans that start before `end`
        return before > 0 and self.reach[before - 1] > start


def _dedupe(findings: list[Finding], detectors) -> list[Finding]:
    """One finding per code and span; a superseded code's finding goes where its replacement overlaps it."""
    replaced_by = {old: d.code for d in detectors for old in d.supersedes}
    replacing = set(replaced_by.values())
    spans: dict[str, list[tuple[int, int]]] = {}
    for f in findings:
        if f.code in replacing:
            spans.setdefault(f.code, []).append((f.start, f.end))
    newer = {code: _SpanIndex(found) for code, found in spans.items()}
    seen = set()
    out = []
    for f in findings:
        key = (f.code, f.start, f.end)
        if key in seen:
            continue
        index = newer.get(replaced_by.get(f.code, ""))
        if index is not None and index.overlaps(f.start, f.end):
            continue
        seen.add(key)
        out.append(f)
    return out


def _segment_reports(doc: Document, segments, findings: list[Finding], roundtrips=None,
                     consume: bool = False) -> list[SegmentReport]:
    """Each segment's report; with `consume`, `segments` is emptied as its reports are made (a huge file)."""
    by_segment: dict[int, list[Finding]] = {}
    for f in findings:
        if f.segment is not None and f.severity >= Severity.WARNING:
            by_segment.setdefault(f.segment, []).append(f)
    out = []
    for i, s in enumerate(segments):
        start, end = doc.raw_span(s.start, s.end)
        report = SegmentReport(s.index, start, end, doc.view, s.start, s.end,
                               scoring.segment_score(by_segment.get(s.index, [])))
        rt = (roundtrips or {}).get(s.index)
        if rt is not None:
            report.backtranslation, report.round_trip, report.chrf, report.drift = rt.backtranslation, rt.round_trip, rt.chrf, rt.drift
        out.append(report)
        if consume:
            segments[i] = None
    if consume:
        segments.clear()
    return out
