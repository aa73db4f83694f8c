"""The "html" format: one self-contained page an editor reads in a browser (inline CSS and script, no network).

Imports output.report's data through the Report it is given, output.text (the summary line and
segment choice), text/ and speed/. Its stylesheet and script are package data beside it, and the
page's Content-Security-Policy allows exactly those two by their sha256, nothing else.
"""
from __future__ import annotations

import base64
import hashlib
import re
from functools import lru_cache
from html import escape
from importlib import resources
from typing import TYPE_CHECKING

from tqcheck.output.html.textview import family, render_text
from tqcheck.output.report import summary_line
from tqcheck.output.text import SEGMENT_THRESHOLD
from tqcheck.speed import warmstart
from tqcheck.text.document import LineIndex

if TYPE_CHECKING:
    from tqcheck.finding import Finding
    from tqcheck.output.report import FileReport, Report, SegmentReport

# From this many files on, each file's view is kept in an inert <template> and shown when chosen.
LAZY_FROM = 40
SEGMENTS_SHOWN = 10
SEVERITIES = ("error", "warning", "info")
FAMILY_NAMES = {
    "A": "source-aware", "B": "boilerplate", "C": "calques", "F": "false friends", "G": "grammar",
    "L": "fluency", "N": "numbers", "Q": "quotes", "R": "round trip", "S": "subjects and pronouns",
    "T": "structure", "U": "untranslated", "W": "word order", "Y": "syntax",
}
_SPACE = warmstart.regex(r"\s+")


@lru_cache(maxsize=None)
def _asset(name: str) -> tuple[str, str]:
    """The asset's text and its CSP source expression."""
    text = resources.files(__name__).joinpath(name).read_text(encoding="utf-8")
    digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
    return text, f"'sha256-{digest}'"


def _e(value) -> str:
    return escape(str(value), quote=True)


def render(report: "Report", *, color: bool = False, show_segments: bool = True, lazy_from: int = LAZY_FROM) -> str:
    css, css_hash = _asset("report.css")
    js, js_hash = _asset("report.js")
    csp = (f"default-src 'none'; script-src {js_hash}; style-src {css_hash}; img-src data:; "
           "base-uri 'none'; form-action 'none'")
    lazy = len(report.files) >= lazy_from
    out = [
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n",
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">\n',  # our own text, no quotes to escape
        '<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        '<meta name="referrer" content="no-referrer">\n',
        f"<title>{_e(_title(report))}</title>\n<style>{css}</style>\n</head>\n<body>\n",
        _header(report),
    ]
    if report.skipped:
        out.append(_skipped(report))
    if len(report.files) > 1:
        out.append(_index(report))
    out.append('<main id="main">\n')
    for n, file in enumerate(report.files):
        view = _file_view(n, file, show_segments)
        out.append(f'<template id="view-{n}">{view}</template>\n' if lazy else view)
    if lazy:
        out.append('<div id="lazy"><p>Choose a file in the index to read it with its findings.</p></div>\n')
    out.append("</main>\n")
    out.append(_rules(report))
    out.append(f"<script>{js}</script>\n</body>\n</html>\n")
    return "".join(out)


def _title(report: "Report") -> str:
    paths = [f.path for f in report.files]
    shown = ", ".join(paths[:3]) + (f" and {len(paths) - 3} more" if len(paths) > 3 else "")
    return f"tqcheck report: {shown}" if shown else "tqcheck report"


def _header(report: "Report") -> str:
    counts = report.by_severity()
    fams: dict[str, int] = {}
    for f in report.all_findings():
        fams[family(f.code)] = fams.get(family(f.code), 0) + 1
    sev_boxes = "".join(
        f'<label><input type="checkbox" checked data-sev="{s}"> <span class="sev {s}" aria-hidden="true">'
        f'{s[0].upper()}</span> {s} ({counts[s]})</label>' for s in SEVERITIES)
    fam_boxes = "".join(
        f'<label><input type="checkbox" checked data-fam="{_e(k)}"> {_e(k)} {_e(FAMILY_NAMES.get(k, ""))} ({v})</label>'
        for k, v in sorted(fams.items()))
    return (
        '<header class="top" role="banner">\n<h1>tqcheck report</h1>\n'
        f'<p class="summary" role="status">{_e(summary_line(report))}</p>\n'
        '<div class="controls" role="search" aria-label="Filter findings">'
        f'<fieldset><legend>Severity</legend>{sev_boxes}</fieldset>'
        + (f'<fieldset><legend>Family</legend>{fam_boxes}</fieldset>' if fam_boxes else "")
        + '<p class="keys"><kbd>j</kbd>/<kbd>n</kbd> next finding, <kbd>k</kbd>/<kbd>p</kbd> previous, '
        '<kbd>?</kbd> help</p></div>\n'
        '<dl id="help" hidden><dt><kbd>j</kbd> or <kbd>n</kbd></dt><dd>next finding</dd>'
        '<dt><kbd>k</kbd> or <kbd>p</kbd></dt><dd>previous finding</dd>'
        '<dt><kbd>Esc</kbd></dt><dd>clear the selection</dd>'
        '<dt>click a marked stretch</dt><dd>show its finding; click again for the next finding on the same stretch</dd>'
        '<dt>underlines</dt><dd>wavy: error, solid: warning, dotted: info; outlined: several findings</dd></dl>\n'
        "</header>\n"
    )


def _skipped(report: "Report") -> str:
    rows = "".join(f"<li>{_e(s['path'])}: {_e(s['reason'])}</li>" for s in report.skipped)
    return f'<section class="skipped" aria-label="Skipped files"><h2>Skipped</h2><ul>{rows}</ul></section>\n'


def _severity_counts(file: "FileReport") -> dict[str, int]:
    counts = dict.fromkeys(SEVERITIES, 0)
    for f in file.findings:
        counts[f.severity.label] += 1
    return counts


def _index(report: "Report") -> str:
    heads = [("path", "File"), ("score", "Score"), ("error", "Errors"), ("warning", "Warnings"),
             ("info", "Info"), ("findings", "Findings")]
    head = "".join(f'<th scope="col" data-key="{k}"><button type="button">{label}</button></th>' for k, label in heads)
    rows = []
    for n, file in enumerate(report.files):
        c = _severity_counts(file)
        total = len(file.findings)
        rows.append(
            f'<tr data-path="{_e(file.path)}" data-score="{file.score:.4f}" data-error="{c["error"]}" '
            f'data-warning="{c["warning"]}" data-info="{c["info"]}" data-findings="{total}">'
            f'<td><a href="#file-{n}">{_e(file.path)}</a></td><td class="num">{file.score:.2f}</td>'
            f'<td class="num">{c["error"]}</td><td class="num">{c["warning"]}</td><td class="num">{c["info"]}</td>'
            f'<td class="num">{total}</td></tr>')
    return (
        '<nav class="index" aria-label="Files">\n<h2>Files</h2>\n'
        f'<table><caption class="visually-hidden">Files checked; sort by a column header</caption>'
        f'<thead><tr>{head}</tr></thead>\n<tbody>\n' + "\n".join(rows) + "\n</tbody></table>\n</nav>\n"
    )


def _file_view(n: int, file: "FileReport", show_segments: bool) -> str:
    path = _e(file.path)
    langs = " → ".join(x for x in (file.source_lang, file.target_lang) if x) or "unknown"
    engine = f'{file.engine["name"]} {file.engine.get("version", "")}'.strip() if file.engine else "none"
    meta = f"{_e(file.format)}, languages {_e(langs)}, engine {_e(engine)}"
    notes = "".join(f"<li>{_e(x)}</li>" for x in file.notes)
    index = file.line_index()
    parts = [
        f'<section class="file" id="file-{n}" data-file="{n}" aria-labelledby="h-{n}">\n',
        f'<h2 id="h-{n}">{path}</h2>\n<p class="meta">{meta}</p>\n',
        f'<ul class="notes">{notes}</ul>\n' if notes else "",
        _gauge(file),
        '<div class="cols">\n',
        f'<div class="doc" role="region" aria-label="Text of {path}" tabindex="0">{render_text(file)}</div>\n',
        f'<aside class="side" aria-label="Findings in {path}">\n',
        '<div class="detail" aria-live="polite"><p>Click a marked stretch, or press <kbd>j</kbd>, '
        "to read its finding.</p></div>\n",
        f"<h3>Findings ({len(file.findings)})</h3>\n",
        '<ol class="findings">' + "".join(_finding(i, f, file.path) for i, f in enumerate(file.findings)) + "</ol>\n",
    ]
    if show_segments:
        parts.append(_segments(file, index))
    parts.append("</aside>\n</div>\n</section>\n")
    return "".join(parts)


def _finding(i: int, f: "Finding", path: str) -> str:
    sev = f.severity.label
    loc = f"{path}:{f.line}:{f.column}"
    sugg = f'<p class="sugg">suggestion: {_e(f.suggestion)}</p>' if f.suggestion else ""
    return (
        f'<li class="finding" data-i="{i}" data-sev="{sev}" data-fam="{_e(family(f.code))}" data-code="{_e(f.code)}">'
        f'<span class="sev {sev}" title="{sev}">{sev[0].upper()}<span class="visually-hidden"> {sev}</span></span> '
        f'<span class="loc">{f.line}:{f.column}</span> '
        f'<button type="button" class="pick" aria-label="Show finding at line {f.line}, column {f.column}">show</button> '
        f'<button type="button" class="copy" data-loc="{_e(loc)}" aria-label="Copy {_e(loc)}">copy</button>'
        f'<div class="body"><p class="msg"><a href="#rule-{_e(f.code)}">{_e(f.code)}</a> {_e(f.name)} '
        f'[{sev}]: {_e(f.message)}</p>{sugg}<p class="exc">at {_e(loc)}: <q>{_e(f.excerpt)}</q></p></div></li>'
    )


def _gauge(file: "FileReport") -> str:
    sev = _severity_counts(file)
    fams: dict[str, int] = {}
    for f in file.findings:
        fams[family(f.code)] = fams.get(family(f.code), 0) + 1
    sev_rows = "".join(f'<tr><th scope="row">{s}</th><td>{sev[s]}</td></tr>' for s in SEVERITIES)
    fam_rows = "".join(f'<tr><th scope="row">{_e(k)} {_e(FAMILY_NAMES.get(k, ""))}</th><td>{v}</td></tr>'
                       for k, v in sorted(fams.items()))
    return (
        '<div class="gauge">'
        f'<div><div class="score" aria-label="suspicion score">{file.score:.2f}</div><div>suspicion</div></div>'
        f'<table class="counts"><caption>By severity</caption>{sev_rows}</table>'
        + (f'<table class="counts"><caption>By family</caption>{fam_rows}</table>' if fam_rows else "")
        + _strip(file) + "</div>\n"
    )


def _strip(file: "FileReport") -> str:
    """An inline SVG along the article: segments shaded by score above, findings ticked by severity below."""
    n = max(len(file.text), 1)
    marks = []
    for s in file.segments:
        if s.score <= 0:
            continue
        x = 1000 * s.start / n
        w = max(2.0, 1000 * (s.end - s.start) / n)
        marks.append(f'<rect x="{x:.1f}" y="0" width="{w:.1f}" height="18" fill="#b00020" '
                     f'fill-opacity="{min(1.0, 0.15 + s.score * 0.85):.2f}"><title>segment {s.index + 1}, '
                     f'score {s.score:.2f}</title></rect>')
    colours = {"error": "#b00020", "warning": "#8a4b00", "info": "#0b57d0"}
    for f in file.findings:
        marks.append(f'<rect x="{1000 * f.start / n:.1f}" y="20" width="2" height="10" '
                     f'fill="{colours[f.severity.label]}"/>')
    label = (f"Where suspicious segments lie along the text: {sum(1 for s in file.segments if s.score >= SEGMENT_THRESHOLD)} "
             f"segments score {SEGMENT_THRESHOLD} or more, {len(file.findings)} findings")
    return (f'<svg viewBox="0 0 1000 30" preserveAspectRatio="none" role="img" aria-label="{_e(label)}">'
            '<rect x="0" y="0" width="1000" height="30" fill="#f6f6f6"/>' + "".join(marks) + "</svg>")


def _segments(file: "FileReport", index: LineIndex) -> str:
    chosen = sorted((s for s in file.segments if s.score >= SEGMENT_THRESHOLD), key=lambda s: -s.score)
    if not chosen:
        return ""
    items = []
    for seg in chosen[:SEGMENTS_SHOWN]:
        line, column = index.position(seg.start)
        head = f'<span class="loc">{line}:{column}</span> score {seg.score:.2f}'
        if seg.chrf is not None:
            head += f" chrF {seg.chrf:.1f}"
        body = [f"<div>{head}</div>", f'<div class="tgt">{_marked(_flat(seg.text), seg.drift)}</div>']
        if seg.backtranslation is not None:
            body.append(f'<div class="bt"><span class="lbl">back:</span> {_e(_flat(seg.backtranslation))}</div>')
        if seg.round_trip is not None:
            body.append(f'<div class="rt"><span class="lbl">round trip:</span> {_marked(_flat(seg.round_trip), seg.drift)}</div>')
        if seg.source:
            body.append(f'<div class="src"><span class="lbl">source:</span> {_e(_flat(seg.source.get("text", "")))}</div>')
        items.append(f'<li data-segment="{seg.index}">' + "".join(body) + "</li>")
    return f'<h3>Most suspicious segments</h3>\n<ol class="segments">{"".join(items)}</ol>\n'


def _flat(s: str) -> str:
    return _SPACE.sub(" ", s).strip()


def _marked(s: str, words) -> str:
    """`s` escaped, each whole-word occurrence of a word lost in the round trip in <strong class="drift">."""
    words = sorted({w.lower() for w in words if w}, key=len, reverse=True)
    if not words:
        return _e(s)
    alternatives = "|".join(re.escape(w) for w in words)
    pattern = warmstart.regex(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE, store=False)
    out, last = [], 0
    for m in pattern.finditer(s):
        out.append(_e(s[last:m.start()]))
        out.append(f'<strong class="drift">{_e(m.group(0))}</strong>')
        last = m.end()
    out.append(_e(s[last:]))
    return "".join(out)


def _rules(report: "Report") -> str:
    codes = sorted({f.code for f in report.all_findings()})
    parts = []
    for code in codes:
        detector = report.rules.get(code)
        if detector is None:
            continue
        docs = detector.docs()
        entries = "".join(f"<dt>{_e(k)}</dt><dd>{_e(v)}</dd>" for k, v in docs.items())
        parts.append(f'<section class="rule-doc" id="rule-{_e(code)}" aria-labelledby="r-{_e(code)}">'
                     f'<h3 id="r-{_e(code)}">{_e(code)} {_e(detector.name)}</h3><dl>{entries}</dl></section>')
    if not parts:
        return ""
    return '<section class="rules" aria-label="Rules"><h2>Rules</h2>\n' + "\n".join(parts) + "\n</section>\n"
