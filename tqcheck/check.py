"""One file through the pipeline: read, detect the language, segment, run detectors, score."""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from tqcheck import langdata, language, scoring, suppress
from tqcheck.document import Document
from tqcheck.finding import Finding, Severity
from tqcheck.report import FileReport, SegmentReport
from tqcheck.rules import select as select_detectors
from tqcheck.rules.base import Context
from tqcheck.segment import segment


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


def check_document(doc: Document, settings: Settings, engine_factory=None) -> FileReport:
    target = settings.target_lang or language.detect(doc.view) or "en"
    target_base = language.base(target)
    if settings.source_lang:
        source_langs, known = (language.base(settings.source_lang),), True
    else:
        source_langs, known = tuple(s for s in langdata.sources_for(target_base)), False
    segments = segment(doc, target_base)
    ctx = Context(doc, segments, target, source_langs, source_known=known)
    findings: list[Finding] = []
    for detector_cls in select_detectors(settings.select, settings.ignore):
        detector = detector_cls()
        if not detector.applies_to(target_base) or detector.needs - ctx_capabilities(ctx):
            continue
        for finding in detector.check(ctx):
            override = settings.severity.get(finding.code) or settings.severity.get(finding.name)
            if override:
                finding.severity = Severity.parse(override)
            findings.append(finding)
    _place(doc, findings, segments)
    findings = suppress.apply(doc, findings)
    _place(doc, [f for f in findings if not f.line], segments, raw=True)
    findings = _dedupe(findings)
    findings.sort(key=Finding.sort_key)
    report = FileReport(
        path=doc.path,
        format=doc.format,
        text=doc.text,
        target_lang=target,
        source_lang=language.base(settings.source_lang) if settings.source_lang else None,
    )
    report.findings = findings
    report.segments = _segment_reports(doc, segments, findings)
    counted = [f for f in findings if f.severity >= Severity.WARNING]
    report.score = scoring.file_score(counted, len(doc.view.split()))
    return report


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


def _dedupe(findings: list[Finding]) -> list[Finding]:
    seen = set()
    out = []
    for f in findings:
        key = (f.code, f.start, f.end)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def _segment_reports(doc: Document, segments, findings: list[Finding]) -> list[SegmentReport]:
    by_segment: dict[int, list[Finding]] = {}
    for f in findings:
        if f.segment is not None and f.severity >= Severity.WARNING:
            by_segment.setdefault(f.segment, []).append(f)
    out = []
    for s in segments:
        start, end = doc.raw_span(s.start, s.end)
        text = " ".join(doc.view[s.start:s.end].split())
        out.append(SegmentReport(s.index, start, end, text, scoring.segment_score(by_segment.get(s.index, []))))
    return out
