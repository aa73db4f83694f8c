"""The HTML index of an archive audit: the summary and the most suspicious documents, one self-contained page."""
from __future__ import annotations

import base64
import hashlib
from html import escape

_CSS = """
body{font:15px/1.45 system-ui,sans-serif;margin:2em auto;max-width:72em;padding:0 1em;color:#1d1d1f}
h1{font-size:1.4em}table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:.35em .6em;border-bottom:1px solid #ddd;vertical-align:top}
th{background:#f4f4f6}.summary{width:auto}.summary th{background:none;font-weight:600}
.num{text-align:right;font-variant-numeric:tabular-nums}
.seg{margin:.2em 0;color:#333}.bt{color:#666;font-style:italic}
details summary{cursor:pointer;color:#2451a6}code{font-size:.9em}
"""


def _e(value) -> str:
    return escape(str(value), quote=True)


def render(summary: list[tuple[str, str]], documents: list[dict], total: int, threshold: float) -> str:
    """The page: `summary` as the audit printed it, then `documents` (most suspicious first) as rows of the
    results (`id`, `input`, `score`, `findings`, `errors`, `warnings`, `infos`, `by_code`, `top_segments`)."""
    digest = base64.b64encode(hashlib.sha256(_CSS.encode("utf-8")).digest()).decode("ascii")
    csp = f"default-src 'none'; style-src 'sha256-{digest}'; base-uri 'none'; form-action 'none'"
    title = f"tqcheck audit: the {len(documents)} most suspicious of {total} documents"
    out = [
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n",
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">\n',
        '<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        '<meta name="referrer" content="no-referrer">\n<meta name="generator" content="tqcheck audit">\n',
        f"<title>{_e(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n<h1>{_e(title)}</h1>\n",
        '<table class="summary">\n',
    ]
    out += [f"<tr><th>{_e(k)}</th><td>{_e(v)}</td></tr>\n" for k, v in summary]
    out.append("</table>\n<h2>Most suspicious documents</h2>\n")
    if not documents:
        out.append("<p>No document has a score (every row is an error row).</p>\n")
    else:
        out.append('<table class="documents">\n<thead><tr><th class="num">#</th><th>document</th>'
                   '<th class="num">score</th><th class="num">findings (e/w/i)</th><th>top codes</th>'
                   "<th>most suspicious segments</th></tr></thead>\n<tbody>\n")
        for rank, doc in enumerate(documents, 1):
            out.append(_row(rank, doc, threshold))
        out.append("</tbody>\n</table>\n")
    out.append("</body>\n</html>\n")
    return "".join(out)


def _row(rank: int, doc: dict, threshold: float) -> str:
    score = doc["score"]
    flag = " (likely MT)" if score >= threshold else ""
    codes = sorted((doc.get("by_code") or {}).items(), key=lambda kv: (-kv[1], kv[0]))[:5]
    code_text = ", ".join(f"{c} {n}" for c, n in codes) or "-"
    where = f'<br><small>{_e(doc["input"])}</small>' if doc.get("input") and doc["input"] != doc["id"] else ""
    segments = "".join(
        f'<div class="seg">{s["score"]:.2f} · {_e(s["text"])}'
        + (f'<div class="bt">back: {_e(s["backtranslation"])}</div>' if s.get("backtranslation") else "")
        + "</div>"
        for s in doc.get("top_segments") or [])
    shown = f"<details><summary>{len(doc.get('top_segments') or [])} segments</summary>{segments}</details>" \
        if segments else "-"
    return (f'<tr id="d{rank}"><td class="num">{rank}</td><td><code>{_e(doc["id"])}</code>{where}</td>'
            f'<td class="num"><meter min="0" max="1" value="{score}"></meter> {score:.2f}{flag}</td>'
            f'<td class="num">{doc["findings"]} ({doc["errors"]}/{doc["warnings"]}/{doc["infos"]})</td>'
            f"<td>{_e(code_text)}</td><td>{shown}</td></tr>\n")
