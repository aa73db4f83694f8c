"""The default, human-readable format: each finding with its source line underlined, then a summary."""
from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

from tqcheck.output.report import summary_line
from tqcheck.text.document import LineIndex
from tqcheck.speed import warmstart

if TYPE_CHECKING:
    from tqcheck.finding import Finding
    from tqcheck.output.report import FileReport, Report, SegmentReport

LONG_LINE = 120  # code points; a longer line is shown as a window around the span
WINDOW = 100
SEGMENT_THRESHOLD = 0.5
SEGMENTS_PER_FILE = 5
ELLIPSIS = "…"

_SEVERITY_COLOR = {"error": "31", "warning": "33", "info": "36"}  # red, yellow, cyan
_BOLD, _DIM, _GREEN, _MAGENTA = "1", "2", "32", "35"
_SPACE = warmstart.regex(r"\s+")


class _Paint:
    """Wraps text in ANSI SGR codes, or returns it untouched when colour is off."""

    def __init__(self, enabled: bool):
        self.enabled = enabled

    def __call__(self, text: str, *codes: str) -> str:
        if not self.enabled or not text:
            return text
        return f"\x1b[{';'.join(codes)}m{text}\x1b[0m"


def render_lines(report: "Report", *, color: bool = False, show_segments: bool = True):
    """The report line by line (without line ends)."""
    paint = _Paint(color)
    for file in report.files:
        # the check's own line index when it placed findings (built once, read again by the segments part)
        index = file.line_index() if file.findings else None
        for finding in file.findings:
            yield from _finding_block(file, finding, index, paint)
            yield ""
    if report.statistics:
        yield from _statistics(report, paint)
    if report.quiet:
        return
    if show_segments:
        yield from _segments_part(report, paint)
    for file in report.files:
        for note in file.notes:
            yield f"{paint(file.path, _BOLD)}: {paint('note:', _DIM)} {note}"
    yield paint(summary_line(report), _BOLD)
    for skipped in report.skipped:
        yield f"  skipped {skipped['path']}: {skipped['reason']}"


def _statistics(report: "Report", paint: _Paint):
    """Counts by code, most first: what to fix, or to configure, first."""
    counts = report.by_code()
    if not counts:
        return
    names = {f.code: f.name for f in report.all_findings()}
    width = len(str(max(counts.values())))
    for code, n in counts.items():
        yield f"{n:>{width}}  {paint(code, _BOLD)}  {names[code]}"
    yield ""


def _finding_block(file: "FileReport", f: "Finding", index: LineIndex, paint: _Paint) -> list[str]:
    sev = f.severity.label
    line, column = (f.line, f.column) if f.line > 0 else index.position(f.start)
    lines = [
        f"{paint(f'{file.path}:{line}:{column}:', _BOLD)} "
        f"{paint(f'{f.code} [{sev}]', _BOLD, _SEVERITY_COLOR[sev])} {f.message}"
    ]
    shown, carets = _underline(file.text, index, line, f.start, f.end)
    lines.append("  " + shown)
    lines.append("  " + carets[0] + paint(carets[1], _SEVERITY_COLOR[sev]))
    if f.suggestion:
        lines.append(f"  {paint('suggestion:', _GREEN)} {f.suggestion}")
    return lines


def _underline(text: str, index: LineIndex, line: int, start: int, end: int) -> tuple[str, tuple[str, str]]:
    """The shown source line and (padding, carets) under the span's part on that line."""
    line_start, line_end = index.line_span(line, text)
    content = text[line_start:line_end]
    # A multi-line span is underlined to the end of its first line.
    a = min(max(start - line_start, 0), len(content))
    b = min(max(end - line_start, a), len(content))
    prefix = suffix = ""
    if len(content) > LONG_LINE:
        lo = max(0, a - (WINDOW - min(b - a, WINDOW)) // 2)
        hi = min(len(content), lo + WINDOW)
        lo = max(0, hi - WINDOW)
        prefix = ELLIPSIS if lo > 0 else ""
        suffix = ELLIPSIS if hi < len(content) else ""
        content, a, b = content[lo:hi], a - lo, min(b, hi) - lo
    # A printable line has no control character to replace (most lines): shown as it is.
    shown = prefix + (content if content.isprintable() else "".join(_displayable(ch) for ch in content)) + suffix
    pad = _width(prefix + content[:a])
    return shown, (" " * pad, "^" * max(1, _width(content[a:b])))


def _displayable(ch: str) -> str:
    # A tab would move the text under the caret; other control characters (an ESC
    # among them) must not reach the terminal from a checked file.
    return " " if unicodedata.category(ch) == "Cc" else ch


def _width(s: str) -> int:
    """Terminal columns of `s`: wide East Asian characters take two, combining and format ones none."""
    if s.isascii() and s.isprintable():
        return len(s)  # one column each: no wide, combining or format character in printable ASCII
    total = 0
    for ch in s:
        if unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            continue
        total += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return total


def _segments_part(report: "Report", paint: _Paint) -> list[str]:
    out: list[str] = []
    for file in report.files:
        # A segment is worth showing beside what explains it: its back-translation or its source.
        chosen = [s for s in file.segments
                  if (s.backtranslation is not None or s.source) and s.score >= SEGMENT_THRESHOLD]
        chosen.sort(key=lambda s: -s.score)  # stable: ties stay in document order
        if not chosen:
            continue
        if not out:
            out += [paint("Most suspicious segments", _BOLD), ""]
        index = file.line_index()
        for seg in chosen[:SEGMENTS_PER_FILE]:
            out.extend(_segment_block(file.path, seg, index, paint))
            out.append("")
    return out


def _segment_block(path: str, seg: "SegmentReport", index: LineIndex, paint: _Paint) -> list[str]:
    line, column = index.position(seg.start)
    head = f"{paint(f'{path}:{line}:{column}', _BOLD)} {paint(f'score {seg.score:.2f}', _MAGENTA)}"
    if seg.chrf is not None:
        head += f" chrF {seg.chrf:.1f}"
    # The segment and its round trip are shown flat: a sentence may wrap over source lines.
    lines = [head, "  " + _mark(_flat(seg.text), seg.drift, paint)]
    if seg.backtranslation is not None:
        lines.append(f"  {paint('back:', _DIM)} {_flat(seg.backtranslation)}")
    if seg.round_trip is not None:
        lines.append(f"  {paint('round trip:', _DIM)} {_mark(_flat(seg.round_trip), seg.drift, paint)}")
    if seg.source:
        lines.append(f"  {paint('source:', _DIM)} {_flat(seg.source.get('text', ''))}")
    return lines


def _flat(s: str) -> str:
    return _SPACE.sub(" ", s).strip()


def _mark(s: str, words: list[str], paint: _Paint) -> str:
    """Bracket each whole-word occurrence of `words` as [[word]]."""
    words = [w for w in words if w]
    if not words:
        return s
    # Longest first so that a drift word containing another one wins.
    alternatives = "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
    pattern = warmstart.regex(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE, store=False)
    return pattern.sub(lambda m: paint(f"[[{m.group(0)}]]", _BOLD, _MAGENTA), s)
