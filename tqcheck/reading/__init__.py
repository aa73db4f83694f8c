"""Reading: a file's bytes to a Document with a prose view, blocks and suppressions, for plain text, Markdown, HTML and bilingual files (XLIFF, TMX, PO). Imports text/ and speed/."""
from __future__ import annotations

from pathlib import PurePath

from tqcheck.text.document import Document
from tqcheck.reading.decode import decode

FORMAT_BY_SUFFIX = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".txt": "text",
    ".xlf": "xliff",  # bilingual files: reading/bilingual/
    ".xliff": "xliff",
    ".tmx": "tmx",
    ".po": "po",
}
FORMATS = ("markdown", "html", "text")
BILINGUAL = frozenset({"xliff", "tmx", "po"})


def format_for(path: str) -> str | None:
    """The format a file name implies, or None when tqcheck does not read that kind of file."""
    return FORMAT_BY_SUFFIX.get(PurePath(path).suffix.lower())


def read_document(label: str, data: bytes, fmt: str = "text", encoding: str | None = None,
                  include_fuzzy: bool = False, target_lang: str | None = None) -> Document:
    text = decode(data, label, encoding)
    return parse_text(label, text, fmt, include_fuzzy, target_lang)


def parse_text(label: str, text: str, fmt: str = "text", include_fuzzy: bool = False,
               target_lang: str | None = None) -> Document:
    """`include_fuzzy` and `target_lang` (which variant of a TMX unit is the target) matter to bilingual files only."""
    if fmt in BILINGUAL:
        from tqcheck.reading import bilingual

        return bilingual.read(label, text, fmt, include_fuzzy, target_lang)
    if fmt == "markdown":
        from tqcheck.reading import markdown as reader
    elif fmt == "html":
        from tqcheck.reading import html as reader
    else:
        from tqcheck.reading import plain as reader
    view, blocks, view_to_raw, suppressions = reader.parse(text)
    return Document(label, text, fmt, view, blocks, view_to_raw, suppressions)
