"""Blanking non-prose with same-length spaces, shared by the Markdown and HTML readers, and tqcheck comment directives."""
from __future__ import annotations

import re

from tqcheck.text.document import Block, Suppression
from tqcheck.speed import warmstart

_BLANK_CHARS = warmstart.regex(r"[^\r\n]+")
_DIRECTIVE = warmstart.regex(r"\s*tqcheck:\s*(ignore-next-line|ignore|disable|enable)\b(.*)", re.S)
_CODES = warmstart.regex(r"[A-Za-z0-9_-]+")

def comment_suppression(body: str, start: int, end: int) -> Suppression | None:
    """A `tqcheck:` directive in the body of a comment spanning raw [start, end), or None."""
    m = _DIRECTIVE.match(body)
    if not m:
        return None
    codes = tuple(c.upper() for c in _CODES.findall(m.group(2)))
    return Suppression(m.group(1), codes, start, end)


def blank_masked(text: str, mask: bytearray) -> str:
    """`text` with every masked character but line breaks turned into a space."""
    parts = []
    i, n = 0, len(text)
    while i < n:
        j = mask.find(1, i)
        if j < 0:
            parts.append(text[i:])
            break
        parts.append(text[i:j])
        k = mask.find(0, j)
        if k < 0:
            k = n
        parts.append(_blank(text[j:k]))
        i = k
    return "".join(parts)


def _blank(s: str) -> str:
    if "\n" not in s and "\r" not in s:
        return " " * len(s)
    return _BLANK_CHARS.sub(lambda m: " " * len(m.group()), s)


def trim_blocks(view: str, spans) -> list[Block]:
    """Blocks from (start, end, kind) spans, trimmed of whitespace; spans with no prose left are dropped."""
    blocks = []
    for start, end, kind in spans:
        chunk = view[start:end]
        stripped = chunk.strip()
        if not stripped:
            continue
        lead = len(chunk) - len(chunk.lstrip())
        blocks.append(Block(start + lead, start + lead + len(stripped), kind))
    return blocks

