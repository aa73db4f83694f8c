"""In-document suppression: disable/enable regions, ignore-next-line and same-line ignore, with unused ones reported."""
from __future__ import annotations

from tqcheck.text.document import Document
from tqcheck.finding import Finding, Severity

UNUSED_CODE = "X001"
UNUSED_NAME = "unused-suppression"


def apply(doc: Document, findings: list[Finding]) -> list[Finding]:
    """Drop suppressed findings (raw offsets and lines must be filled); add one for each unused comment."""
    if not doc.suppressions:
        return findings
    rules = _rules(doc)
    used = [False] * len(rules)
    kept = []
    for finding in findings:
        hit = False
        for i, (codes, start, end, first_line, last_line) in enumerate(rules):
            if codes and not any(finding.code.startswith(c) or finding.name == c.lower() for c in codes):
                continue
            if first_line is not None:
                inside = first_line <= finding.line <= last_line
            else:
                inside = start <= finding.start < end
            if inside:
                used[i] = True
                hit = True
        if not hit:
            kept.append(finding)
    for (codes, start, end, first_line, _), was_used, comment in zip(rules, used, _comments(doc)):
        if not was_used:
            kept.append(
                Finding(
                    UNUSED_CODE, UNUSED_NAME, Severity.INFO,
                    "this tqcheck suppression comment matches no finding",
                    comment.start, comment.end, suggestion="remove the comment",
                )
            )
    return kept


def _comments(doc: Document):
    return [s for s in doc.suppressions if s.kind in ("disable", "ignore-next-line", "ignore", "unit")]


def _rules(doc: Document):
    """(codes, raw start, raw end, first line, last line) per disable region or ignored line."""
    rules = []
    for s in doc.suppressions:
        if s.kind == "ignore-next-line":
            line, _ = doc.lines.position(s.end)
            target = _next_content_line(doc, line)
            rules.append((s.codes, 0, 0, target, target))
        elif s.kind == "ignore":  # the line the comment ends
            line, _ = doc.lines.position(s.start)
            rules.append((s.codes, 0, 0, line, line))
        elif s.kind == "disable":
            end = len(doc.text)
            for later in doc.suppressions:
                if later.kind == "enable" and later.start > s.end and (not later.codes or set(later.codes) & set(s.codes) or not s.codes):
                    end = later.start
                    break
            rules.append((s.codes, s.end, end, None, None))
        elif s.kind == "unit":
            rules.append((s.codes, s.region[0], s.region[1], None, None))
    return rules


def _next_content_line(doc: Document, line: int) -> int:
    """The line after `line` that holds something, so a blank line between comment and text is allowed."""
    total = len(doc.lines.starts)
    nxt = line + 1
    while nxt <= total:
        a, b = doc.lines.line_span(nxt, doc.text)
        if doc.text[a:b].strip():
            return nxt
        nxt += 1
    return line + 1
