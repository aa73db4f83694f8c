"""The "github" format: GitHub Actions workflow commands that annotate the changed files."""
from __future__ import annotations

import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tqcheck.finding import Finding
    from tqcheck.output.report import Report

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def render(report: "Report", *, color: bool = False, show_segments: bool = True) -> str:
    from tqcheck.output.report import summary_line

    lines = [_command(file.path, f) for file in report.files for f in file.findings]
    lines += [_skipped(report, s) for s in report.skipped]
    if not report.files and not report.failed():  # else the failure is said already
        lines.append(f"::error title={escape_property('tqcheck')}::{escape_data('no file was checked')}")
    if not report.quiet:
        # The count, in the job's log and its annotations, whatever the findings were.
        lines.append(f"::notice title={escape_property('tqcheck summary')}::{escape_data(summary_line(report))}")
    return "".join(line + "\n" for line in lines)


def _skipped(report: "Report", skipped: dict) -> str:
    """A skipped file as an annotation on it: an error when that fails the run (a timeout), else a warning."""
    command = "error" if report.skip_failed(skipped) else "warning"
    props = f"file={escape_property(skipped['path'].replace(os.sep, '/'))},title={escape_property('tqcheck skipped')}"
    return f"::{command} {props}::{escape_data('skipped: ' + skipped['reason'])}"


def escape_data(s: str) -> str:
    """Escape a command's message the way @actions/core's escapeData does."""
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(s: str) -> str:
    """Escape a property value the way @actions/core's escapeProperty does."""
    return escape_data(s).replace(":", "%3A").replace(",", "%2C")


def _command(path: str, f: "Finding") -> str:
    props = [("file", path.replace(os.sep, "/")), ("line", f.line)]
    # The toolkit documents that columns cannot be sent when line and endLine differ.
    if f.end_line == f.line:
        props.append(("col", f.column))
    props.append(("endLine", f.end_line))
    if f.end_line == f.line:
        props.append(("endColumn", f.end_column))
    props.append(("title", f"{f.code} {f.name}"))
    message = f.message + (f"\nSuggestion: {f.suggestion}" if f.suggestion else "")
    joined = ",".join(f"{key}={escape_property(str(value))}" for key, value in props)
    return f"::{COMMANDS[f.severity.label]} {joined}::{escape_data(message)}"
