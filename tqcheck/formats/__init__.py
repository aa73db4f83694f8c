"""The output formats: a name -> module registry, each module imported only when used."""
from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tqcheck.report import Report

FORMATS = ("text", "json", "sarif", "github")

# "json" lives in json_format.py so that no module of ours is named like the stdlib one.
_MODULES = {"text": "text", "json": "json_format", "sarif": "sarif", "github": "github"}


def render(report: "Report", fmt: str, *, color: bool = False, show_segments: bool = True) -> str:
    """Render `report` in format `fmt`; options a format has no use for are ignored."""
    try:
        module_name = _MODULES[fmt]
    except KeyError:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}") from None
    # Imported lazily so `tqcheck` with the text format never pays for the others.
    module = importlib.import_module(f"{__name__}.{module_name}")
    return module.render(report, color=color, show_segments=show_segments)
