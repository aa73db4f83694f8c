"""Plain text: paragraphs and single lines as blocks, `tqcheck:` comment lines as suppressions."""
from __future__ import annotations

from tqcheck.speed import warmstart
from tqcheck.text.document import Block, Suppression

_LINE = warmstart.regex(r"[^\r\n]*(?:\r\n|\n|\r|$)")
_DIRECTIVE = warmstart.regex(r"^\s*+(?:#|//)?\s*tqcheck:\s*(ignore-next-line|disable|enable)\b\s*+([A-Za-z0-9_,\- ]*+)\s*$")
_CODE_SEPARATORS = warmstart.regex(r"[,\s]+")
# `…text.  # tqcheck: ignore Q102` (or `//`): a same-line suppression at the end of a line of prose.
_TRAILING = warmstart.regex(r"[ \t]++((?:#|//)[ \t]*+tqcheck:[ \t]*+ignore\b[ \t]*+([A-Za-z0-9_,\- ]*+))$")
# A line that ends like this closes its sentence, so a newline after it is a hard break.
_CLOSED = warmstart.regex(r"[.!?:;…\"”»’)\]]\s*$")
SOFT_WRAP_MIN = 40  # a shorter line is a heading, a list entry or a signature, never a wrapped sentence


def parse(text: str):
    """Return (view, blocks, None, suppressions); the view is `text` with directive lines blanked."""
    lines = [(m.start(), m.end()) for m in _LINE.finditer(text) if m.start() < len(text)]
    view = list(text) if "tqcheck:" in text and any(
        _DIRECTIVE.match(line) or _TRAILING.search(line) for line in (text[a:b].rstrip("\r\n") for a, b in lines)
    ) else None
    suppressions: list[Suppression] = []
    blocks: list[Block] = []
    block_start = block_end = None
    prev_content = ""
    directives = view is not None  # a text with no directive (nearly every one) is not searched line by line
    for a, b in lines:
        content = text[a:b].rstrip("\r\n")
        m = _DIRECTIVE.match(content) if directives else None
        if m:
            codes = tuple(c.strip().upper() for c in _CODE_SEPARATORS.split(m.group(2)) if c.strip())
            suppressions.append(Suppression(m.group(1), codes, a, a + len(content)))
            for i in range(a, a + len(content)):
                view[i] = " "
            content = ""
        elif directives and "tqcheck:" in content:
            m = _TRAILING.search(content)
            if m:
                codes = tuple(c.strip().upper() for c in _CODE_SEPARATORS.split(m.group(2)) if c.strip())
                suppressions.append(Suppression("ignore", codes, a + m.start(1), a + len(content)))
                for i in range(a + m.start(), a + len(content)):
                    view[i] = " "
                content = content[:m.start()]
        stripped_start = a + (len(content) - len(content.lstrip()))
        if not content.strip():
            if block_start is not None:
                blocks.append(Block(block_start, block_end))
            block_start = None
            prev_content = ""
            continue
        if block_start is not None and not _soft_wrap(prev_content, content):
            blocks.append(Block(block_start, block_end))
            block_start = None
        if block_start is None:
            block_start = stripped_start
        block_end = a + len(content.rstrip())
        prev_content = content
    if block_start is not None:
        blocks.append(Block(block_start, block_end))
    return ("".join(view) if view is not None else text), blocks, None, suppressions


def _soft_wrap(prev: str, line: str) -> bool:
    """A newline inside a sentence: the previous line is unfinished and the next continues it. The previous line
    must be long, unless the next opens with a lower-case letter, which no heading's or list entry's next line
    does but a sentence's own words do (text taken from a PDF or a print layout wraps short lines:
    "“It's in fact the third case I've" / "heard of in a year,” he said.")."""
    prev = prev.rstrip()
    if not prev or _CLOSED.search(prev) or line[:1] in "-*•#>" or not line.strip():
        return False
    return len(prev) >= SOFT_WRAP_MIN or (line[:1].isalpha() and line[:1].islower() and prev[-1:].isalpha())
