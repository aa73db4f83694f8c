"""The "json" format: the stable, machine-readable contract of a run.

The document, keys always present and in this order (2-space indent,
UTF-8 text rather than \\u escapes, trailing newline)::

    {"tool": {"name": "tqcheck", "version": str},
     "signatures": {"chrf": str | null},
     "files": [
       {"path": str,                  # as given on the command line
        "format": "markdown" | "html" | "text",
        "target_lang": str | null, "source_lang": str | null,
        "engine": {"name", "version"} | null,
        "score": float,               # rounded to 4 decimals
        "findings": [
          {"code": str, "name": str,
           "severity": "error" | "warning" | "info",
           "message": str, "source_lang": str | null,
           "start": int, "end": int,  # 0-based code points of the decoded file, end exclusive
           "line": int, "column": int, "end_line": int, "end_column": int,
                                      # 1-based; columns in code points, end_column exclusive
           "excerpt": str,            # the file's text[start:end]
           "suggestion": str | null,
           "segment": int | null,     # index into "segments"
           "unit": str}],             # only in XLIFF, TMX and PO files: the unit's id (PO: msgctxt \x04 msgid)
        "segments": [
          {"index": int, "start": int, "end": int, "text": str,
           "score": float, "backtranslation": str | null, "round_trip": str | null,
           "chrf": float | null, "source": {"start", "end", "text"} | null}],
        "notes": [str]}],
     "summary": {"files": int, "findings": int,
                 "by_severity": {"error": int, "warning": int, "info": int},
                 "skipped": [{"path": str, "reason": str, "error": bool}],
                                      # error: the skip fails the run (exit 2)
                 "by_code": {code: int}}}  # most frequent first
"""
from __future__ import annotations

import json
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tqcheck.finding import Finding
    from tqcheck.output.report import FileReport, Report, SegmentReport


def render(report: "Report", *, color: bool = False, show_segments: bool = True) -> str:
    return json.dumps(to_dict(report), ensure_ascii=False, indent=2) + "\n"


def to_dict(report: "Report") -> dict:
    """The contract as plain Python data."""
    return {
        "tool": {"name": "tqcheck", "version": report.version},
        "signatures": dict(report.signatures),
        "files": [_file(f) for f in report.files],
        "summary": {
            "files": len(report.files),
            "findings": sum(len(f.findings) for f in report.files),
            "by_severity": report.by_severity(),
            "skipped": [{"path": s["path"], "reason": s["reason"], "error": report.skip_failed(s)}
                        for s in report.skipped],
            "by_code": report.by_code(),
        },
    }


def _score(value: float | None) -> float | None:
    return None if value is None else round(float(value), 4)


def _file(f: "FileReport") -> dict:
    return {
        "path": f.path,
        "format": f.format,
        "target_lang": f.target_lang,
        "source_lang": f.source_lang,
        "engine": f.engine,
        "score": _score(f.score),
        "findings": [_finding(x) for x in f.findings],
        "segments": [_segment(s) for s in f.segments],
        "notes": list(f.notes),
    }


def _finding(x: "Finding") -> dict:
    return {
        "code": x.code,
        "name": x.name,
        "severity": x.severity.label,
        "message": x.message,
        "source_lang": x.source_lang,
        "start": x.start,
        "end": x.end,
        "line": x.line,
        "column": x.column,
        "end_line": x.end_line,
        "end_column": x.end_column,
        "excerpt": x.excerpt,
        "suggestion": x.suggestion,
        "segment": x.segment,
        **({"unit": x.unit} if x.unit is not None else {}),
    }


def _segment(s: "SegmentReport") -> dict:
    return {
        "index": s.index,
        "start": s.start,
        "end": s.end,
        "text": s.text,
        "score": _score(s.score),
        "backtranslation": s.backtranslation,
        "round_trip": s.round_trip,
        "chrf": _score(s.chrf),
        "source": s.source,
    }
