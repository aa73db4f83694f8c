"""Output: the report model (report.py) and one renderer a format, registered here by name and imported only when used. Imports rules/ (for rule docs), text/ and the package root."""
from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tqcheck.output.report import Report

FORMATS = ("text", "json", "sarif", "github", "html")

# "json" lives in json_format.py so that no module of ours is named like the stdlib one.
_MODULES = {"text": "text", "json": "json_format", "sarif": "sarif", "github": "github", "html": "html"}


def render(report: "Report", fmt: str, *, color: bool = False, show_segments: bool = True) -> str:
    """Render `report` in format `fmt`; options a format has no use for are ignored."""
    return "".join(render_parts(report, fmt, color=color, show_segments=show_segments))


def render_parts(report: "Report", fmt: str, *, color: bool = False, show_segments: bool = True):
    """The rendering in consecutive pieces, for writing as they come: a format that can
    (text) yields a line at a time, so a report on a very large file is never held whole."""
    try:
        module_name = _MODULES[fmt]
    except KeyError:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}") from None
    # Imported lazily so `tqcheck` with the text format never pays for the others.
    module = importlib.import_module(f"{__name__}.{module_name}")
    if hasattr(module, "render_lines"):
        return (line + "\n" for line in module.render_lines(report, color=color, show_segments=show_segments))
    return iter((module.render(report, color=color, show_segments=show_segments),))
