"""A file's decoded text as markup: one element a line, each finding marked at its exact span, non-prose dimmed."""
from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from tqcheck.speed import warmstart
from tqcheck.text.document import LineIndex

if TYPE_CHECKING:
    from tqcheck.output.report import FileReport

_BLANK_RUN = warmstart.regex(r"\s+")
# A tag: stops at the next "<" too, so a "<" that is never closed costs one scan, not one a "<".
_TAG = warmstart.regex(r"<[^<>]*>")
_LINE_BREAK_CHARS = "\r\n"


def family(code: str) -> str:
    """A finding's family: the letter its code begins with."""
    return code[:1] or "?"


def nonprose_spans(file: "FileReport") -> list[tuple[int, int]]:
    """Raw spans that are not prose (tags, code, front matter), merged and in order.

    Markdown and text files have a prose view as long as the text, with non-prose blanked:
    a stretch blank in the view but not in the text is non-prose. An HTML file's view is
    shorter (entities decoded), so there the tags and whatever lies outside every sentence
    are non-prose.
    """
    text = file.text
    view = file.segments[0].view if file.segments else None
    spans: list[tuple[int, int]] = []
    if view is not None and len(view) == len(text) and file.format != "html":
        for m in _BLANK_RUN.finditer(view):
            a, b = m.span()
            if view[a:b] != text[a:b]:
                spans.append((a, b))
        return spans
    if file.format != "html":
        return spans
    position = 0
    for seg in file.segments:
        if seg.start > position:
            spans.append((position, seg.start))
        position = max(position, seg.end)
    if position < len(text):
        spans.append((position, len(text)))
    spans.extend(m.span() for m in _TAG.finditer(text))
    return _merged(spans)


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            if b > out[-1][1]:
                out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def render_text(file: "FileReport") -> str:
    """The text, line by line, with `<mark data-f="i j">` over every stretch findings i, j cover."""
    text = file.text
    n = len(text)
    findings = file.findings
    starts: dict[int, list[int]] = {}
    ends: dict[int, list[int]] = {}
    empty: dict[int, list[int]] = {}
    for i, f in enumerate(findings):
        a, b = max(0, min(f.start, n)), max(0, min(f.end, n))
        if b > a:
            starts.setdefault(a, []).append(i)
            ends.setdefault(b, []).append(i)
        else:
            empty.setdefault(a, []).append(i)
    nonprose = nonprose_spans(file)
    np_edges: dict[int, int] = {}
    for a, b in nonprose:
        np_edges[a] = np_edges.get(a, 0) + 1
        np_edges[b] = np_edges.get(b, 0) - 1
    line_starts = list(LineIndex(text).starts)
    # Where each line's content ends and its line break begins.
    content_ends = []
    for k, a in enumerate(line_starts):
        b = line_starts[k + 1] if k + 1 < len(line_starts) else n
        while b > a and text[b - 1] in _LINE_BREAK_CHARS:
            b -= 1
        content_ends.append(b)
    points = sorted({0, n, *starts, *ends, *empty, *np_edges, *line_starts, *content_ends})
    line_start_set = set(line_starts)
    eol_from = set(content_ends)
    severity = [int(f.severity) for f in findings]
    families = [family(f.code) for f in findings]

    out: list[str] = []
    active: set[int] = set()
    np_depth = 0
    in_eol = False
    line_open = False
    for k, p in enumerate(points):
        if p in line_start_set:
            if line_open:
                out.append("</div>")
            if p == n and n > 0:
                line_open = False
            else:
                out.append('<div class="ln">')
                line_open = True
            in_eol = False
        if p in eol_from:
            in_eol = True
        for i in ends.get(p, ()):
            active.discard(i)
        active.update(starts.get(p, ()))
        np_depth += np_edges.get(p, 0)
        for i in empty.get(p, ()):
            out.append(_mark([i], severity, families, np_depth > 0, ""))
        if k + 1 == len(points):
            break
        # A carriage return as a reference: an HTML parser would turn a literal one into "\n".
        chunk = escape(text[p:points[k + 1]], quote=False).replace("\r", "&#13;")
        if in_eol:
            chunk = f'<span class="eol">{chunk}</span>'
        if active:
            out.append(_mark(sorted(active), severity, families, np_depth > 0, chunk))
        elif np_depth > 0 and not in_eol:
            out.append(f'<span class="np">{chunk}</span>')
        else:
            out.append(chunk)
    if line_open:
        out.append("</div>")
    return "".join(out)


def _mark(ids: list[int], severity: list[int], families: list[str], dim: bool, chunk: str) -> str:
    classes = f"s{max(severity[i] for i in ids)}"
    if len(ids) > 1:
        classes += " n2"
    if dim:
        classes += " np"
    fams = " ".join(dict.fromkeys(families[i] for i in ids))
    return f'<mark class="{classes}" data-f="{" ".join(map(str, ids))}" data-fam="{fams}">{chunk}</mark>'
