"""The "sarif" format: one SARIF 2.1.0 run, for code-scanning services and editors."""
from __future__ import annotations

import json
import os
import posixpath
from pathlib import PurePath
from typing import TYPE_CHECKING
from urllib.parse import quote

from tqcheck.rules.base import DOC_SECTIONS

if TYPE_CHECKING:
    from tqcheck.finding import Finding
    from tqcheck.output.report import Report

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
INFORMATION_URI = "https://github.com/tqcheck/tqcheck"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
# Characters a relative URI reference may carry as they are; everything else is %-encoded.
_URI_SAFE = "/-._~!$&'()*+,;=@"


def render(report: "Report", *, color: bool = False, show_segments: bool = True) -> str:
    return json.dumps(to_dict(report), ensure_ascii=False, indent=2) + "\n"


def to_dict(report: "Report") -> dict:
    codes = sorted(report.rules)
    rule_index = {code: i for i, code in enumerate(codes)}
    artifacts, results = [], []
    for i, file in enumerate(report.files):
        uri = path_to_uri(file.path)
        artifacts.append({"location": {"uri": uri}})
        results.extend(_result(f, uri, i, rule_index) for f in file.findings)
    run = {
        "tool": {
            "driver": {
                "name": "tqcheck",
                "version": report.version,
                "informationUri": INFORMATION_URI,
                "rules": [_rule(report.rules[code]) for code in codes],
            }
        },
        "columnKind": "unicodeCodePoints",
        "artifacts": artifacts,
        "results": results,
    }
    notifications = _notifications(report)
    if not report.files and not report.failed():  # else the failure is said already
        notifications.append({"level": "error", "message": {"text": "no file was checked"}})
    if notifications:
        successful = bool(report.files) and not report.failed()
        run["invocations"] = [{"executionSuccessful": successful, "toolExecutionNotifications": notifications}]
    run["properties"] = _summary(report)
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def _summary(report: "Report") -> dict:
    """The run's counts, as the JSON summary has them, in the run's property bag."""
    from tqcheck.output.report import summary_line

    return {
        "summary": summary_line(report),
        "files": len(report.files),
        "findings": sum(len(f.findings) for f in report.files),
        "bySeverity": report.by_severity(),
        "byCode": report.by_code(),
        "skipped": len(report.skipped),
        "failedSkips": len(report.failed()),
    }


def path_to_uri(path: str) -> str:
    """The path as a URI reference: relative stays relative, absolute becomes file://."""
    if os.path.isabs(path):
        return PurePath(os.path.abspath(path)).as_uri()
    return quote(posixpath.normpath(path.replace(os.sep, "/")), safe=_URI_SAFE)


def _rule(detector) -> dict:
    docs = detector.docs()
    rule: dict = {"id": detector.code, "name": detector.name}
    if detector.summary():
        rule["shortDescription"] = {"text": detector.summary()}
    if docs.get("What it does"):
        rule["fullDescription"] = {"text": docs["What it does"]}
    if docs:
        rule["help"] = {"text": _help_text(docs), "markdown": _help_markdown(docs)}
    rule["defaultConfiguration"] = {"level": LEVELS[detector.severity.label]}
    if getattr(detector, "family", ""):
        rule["properties"] = {"tags": [detector.family]}
    return rule


def _help_text(docs: dict) -> str:
    return "\n\n".join(f"{name}:\n{docs[name]}" for name in DOC_SECTIONS if name in docs)


def _help_markdown(docs: dict) -> str:
    parts = []
    for name in DOC_SECTIONS:
        if name not in docs:
            continue
        body = docs[name]
        if name in ("Example", "Use instead"):
            # Examples are quoted text whose quotes and spaces matter: keep them verbatim.
            body = _fenced(body)
        parts.append(f"**{name}**\n\n{body}")
    return "\n\n".join(parts)


def _fenced(body: str) -> str:
    longest = run = 0
    for ch in body:
        run = run + 1 if ch == "`" else 0
        longest = max(longest, run)
    fence = "`" * max(3, longest + 1)
    return f"{fence}text\n{body}\n{fence}"


def _result(f: "Finding", uri: str, artifact_index: int, rule_index: dict) -> dict:
    result: dict = {"ruleId": f.code}
    if f.code in rule_index:
        result["ruleIndex"] = rule_index[f.code]
    result["level"] = LEVELS[f.severity.label]
    result["message"] = {"text": f.message}
    result["locations"] = [
        {
            "physicalLocation": {
                "artifactLocation": {"uri": uri, "index": artifact_index},
                "region": {
                    "startLine": f.line,
                    "startColumn": f.column,
                    "endLine": f.end_line,
                    "endColumn": f.end_column,
                    "charOffset": f.start,
                    "charLength": f.end - f.start,
                    "snippet": {"text": f.excerpt},
                },
            }
        }
    ]
    if f.suggestion:
        result["properties"] = {"suggestion": f.suggestion}
    return result


def _notifications(report: "Report") -> list[dict]:
    """Skipped files and per-file notes, which SARIF carries as tool execution notifications."""
    out = []
    for skipped in report.skipped:
        level = "error" if report.skip_failed(skipped) else "warning"
        out.append(_notification(level, f"skipped: {skipped['reason']}", skipped["path"]))
    for file in report.files:
        out.extend(_notification("note", note, file.path) for note in file.notes)
    return out


def _notification(level: str, text: str, path: str) -> dict:
    location = {"physicalLocation": {"artifactLocation": {"uri": path_to_uri(path)}}}
    return {"level": level, "message": {"text": text}, "locations": [location]}
