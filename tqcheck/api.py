"""A small library interface: check a string as a file would be checked."""
from __future__ import annotations

from tqcheck.checking.check import Settings, check_document
from tqcheck.reading import parse_text
from tqcheck.output.report import FileReport


def check_text(
    text: str,
    fmt: str = "text",
    target_lang: str | None = "en",
    source_lang: str | None = None,
    select: list[str] | None = None,
    ignore: list[str] | None = None,
    path: str = "<string>",
    glossary: list[str] | None = None,
) -> FileReport:
    """Findings and segments for `text` read as `fmt` (text, markdown or html), without an engine;
    `glossary` names terminology files (CSV, TBX) for the K checks."""
    doc = parse_text(path, text, fmt)
    settings = Settings(select=select, ignore=ignore, target_lang=target_lang, source_lang=source_lang, engine="none",
                        glossary=tuple(glossary or ()))
    return check_document(doc, settings)
