"""Markdown: a view the length of the text with code, URLs, markup and front matter blanked."""
from __future__ import annotations

import bisect
import contextlib
import functools
import gc
import re
import unicodedata
from dataclasses import dataclass, field

from tqcheck.text.document import Block, Suppression

_LINE = re.compile(r"([^\r\n]*)(?:\r\n|\n|\r|$)")
_BLANK_CHARS = re.compile(r"[^\r\n]+")

# Block starts, matched at the first non-blank character of a line (after any `>` markers).
_FENCE = re.compile(r"(`{3,})([^`\r\n]*)$|(~{3,})(.*)$")
_ATX = re.compile(r"(#{1,6})(?:[ \t]+|$)")
_SETEXT = re.compile(r"(?:=+|-+)[ \t]*$")
_HR = re.compile(r"(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
_BULLET = re.compile(r"([-*+])(?=[ \t]|$)")
_ORDERED = re.compile(r"([0-9]{1,9})[.)](?=[ \t]|$)")
_TASK = re.compile(r"\[[ xX]\](?=[ \t])")
_DEFINITION = re.compile(
    r"\[((?:[^\[\]\\\r\n]|\\.){1,999})\]:[ \t]*(?:<[^<>\r\n]*>|\S+)"
    r"([ \t]+(?:\"[^\"\r\n]*\"|'[^'\r\n]*'|\([^()\r\n]*\)))?[ \t]*$"
)
_DEFINITION_TITLE = re.compile(r"[ \t]*(?:\"[^\"\r\n]*\"|'[^'\r\n]*'|\([^()\r\n]*\))[ \t]*$")
_FOOTNOTE_DEF = re.compile(r"\[\^[^\]\s]{1,100}\]:")
_DELIMITER_ROW = re.compile(r"\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
_PIPE = re.compile(r"(?<!\\)\|")

# HTML blocks (CommonMark kinds 1-7); kind 1 holds no prose at all, kind 2 is a comment.
_RAW_HTML_BLOCK = re.compile(r"<(script|pre|style|textarea)(?=[\s>]|$)", re.I)
_RAW_HTML_END = re.compile(r"</(?:script|pre|style|textarea)>", re.I)
_HTML_BLOCK_TAGS = frozenset(
    "address article aside base basefont blockquote body caption center col colgroup dd details dialog dir div dl dt "
    "fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hr html iframe legend li link "
    "main menu menuitem nav noframes ol optgroup option p param search section summary table tbody td tfoot th thead "
    "title tr track ul".split()
)
_HTML_BLOCK_TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9-]*)(?=[\s/>]|$)")
_HTML_KINDS = {"h1": "heading", "h2": "heading", "h3": "heading", "h4": "heading", "h5": "heading", "h6": "heading",
               "li": "list-item", "td": "cell", "th": "cell", "blockquote": "quote"}

# Inline constructs.
_TAG_NAME = r"[A-Za-z][A-Za-z0-9-]*"
_ATTRIBUTE = r"""(?:\s+[A-Za-z_:][A-Za-z0-9_.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)"""
_OPEN_TAG = re.compile(rf"<({_TAG_NAME}){_ATTRIBUTE}*\s*/?>")
_CLOSE_TAG = re.compile(rf"</({_TAG_NAME})\s*>")
_AUTOLINK = re.compile(r"<[A-Za-z][A-Za-z0-9.+-]{1,31}:[^\s<>]*>|<[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9.-]+>")
_BARE_URL = re.compile(r"(?:https?://|www\.)[^\s<>]*")
_SPECIAL = re.compile(r"[\\`<\[\]*_~]|!\[|(?<![^\s(\[>*_~\"'])(?:https?://|www\.)")
_BACKTICKS = re.compile(r"`+")
_REF_LABEL = re.compile(r"\[((?:[^\[\]\\]|\\.){0,999})\]")
_FOOTNOTE_REF = re.compile(r"\[\^[^\]\s]{1,100}\]")
_NOT_PROSE_ELEMENTS = ("code", "script", "style", "pre", "kbd", "samp", "textarea")
_ASCII_PUNCT = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_URL_TRAILING = "?!.,:;*_~'\""
MAX_LINK_PARENS = 32  # CommonMark's own limit; it also keeps `[a](` repeated linear
LINK_TAIL_LIMIT = 4096  # how far a link's destination and title may reach

_DIRECTIVE = re.compile(r"\s*tqcheck:\s*(ignore-next-line|disable|enable)\b(.*)", re.S)
_CODES = re.compile(r"[A-Za-z0-9_-]+")


def parse(text: str):
    """Return (view, blocks, None, suppressions) for Markdown `text`."""
    with gc_paused():
        reader = _Reader(text)
        reader.read()
        view = blank_masked(text, reader.mask)
        blocks = trim_blocks(view, sorted(reader.blocks))
    suppressions = sorted(reader.suppressions, key=lambda sup: sup.start)
    return view, blocks, None, suppressions


# ---------------------------------------------------------------- shared helpers


@contextlib.contextmanager
def gc_paused():
    """Hold off the cycle collector: a reader makes no cycles, but on a 20 MB file the collector
    rescans its hundreds of thousands of live objects again and again and doubles the time."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


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


# ---------------------------------------------------------------- block structure


@dataclass
class _Leaf:
    """A run of lines read as one block; `segs` are the raw line contents it is made of."""

    kind: str
    depth: int
    segs: list = field(default_factory=list)
    html: bool = False


@dataclass
class _ListItem:
    content: int  # column where the item's text starts
    ordered: bool


class _Reader:
    def __init__(self, text: str):
        self.text = text
        self.mask = bytearray(len(text))
        self.lines = [(m.start(), m.end(1)) for m in _LINE.finditer(text) if m.start() < len(text)]
        self.blocks: list[tuple[int, int, str]] = []
        self.suppressions: list[Suppression] = []
        self.labels: set[str] = set()
        self.leaves: list[_Leaf] = []
        self.para: _Leaf | None = None
        self.lists: list[_ListItem] = []
        self.list_depth = 0
        self.table_depth: int | None = None
        self.fence: tuple[str, int, int] | None = None  # char, length, quote depth

    def read(self) -> None:
        li = self._front_matter()
        while li < len(self.lines):
            li = self._line(li)
        self._close()
        for leaf in self.leaves:
            _Inline(self, leaf).run()

    def blank(self, start: int, end: int) -> None:
        if end > start:
            self.mask[start:end] = b"\x01" * (end - start)

    def _front_matter(self) -> int:
        if not self.lines:
            return 0
        a, b = self.lines[0]
        opener = self.text[a:b].rstrip()
        if opener not in ("---", "+++"):
            return 0
        closers = ("---", "...") if opener == "---" else ("+++",)
        for li in range(1, len(self.lines)):
            c, d = self.lines[li]
            if self.text[c:d].rstrip() in closers:
                self.blank(0, d)
                return li + 1
        return 0

    # -- one line

    def _line(self, li: int) -> int:
        text = self.text
        a, b = self.lines[li]
        if self.fence is not None and self._fence_line(a, b):
            return li + 1
        depth, pos = self._quotes(a, b)
        s0 = _skip_ws(text, pos, b)
        if s0 >= b:
            self._blank_line(depth)
            return li + 1
        indent = _columns(text, pos, s0)
        if self._lazy_after_containers(depth, s0, b, indent):
            self.para.segs.append((s0, b))
            return li + 1
        if self.para is not None and self.para.html:
            self.para.segs.append((pos, b))  # an HTML block runs to the next blank line
            return li + 1
        base = self.lists[-1].content if self.lists else 0
        if indent - base >= 4:
            if self.para is not None:
                self.para.segs.append((s0, b))  # indented code cannot interrupt a paragraph
            else:
                self._close()
                self.blank(s0, b)
            return li + 1
        return self._block_start(li, depth, pos, s0, b)

    def _lazy_after_containers(self, depth: int, s0: int, b: int, indent: int) -> bool:
        """Close the quotes and list items the line falls outside of, unless it lazily continues the paragraph."""
        para = self.para
        if para is not None and depth != para.depth:
            if depth < para.depth and self._lazy(s0, b, indent):
                return True
            self._close()
        if self.lists and depth != self.list_depth:
            self.lists.clear()
        if self.lists and indent < self.lists[-1].content:
            if self.para is not None and self._lazy(s0, b, indent):
                return True
            self._close()
            while self.lists and indent < self.lists[-1].content:
                self.lists.pop()
        return False

    def _block_start(self, li: int, depth: int, pos: int, s0: int, b: int) -> int:
        text = self.text
        ch = text[s0]
        para = self.para
        if ch in "`~" and self._open_fence(s0, b, depth):
            return li + 1
        if ch == "#" and self._atx(s0, b, depth):
            return li + 1
        if ch in "=-" and para is not None and not para.html and _SETEXT.match(text, s0, b):
            para.kind = "heading"
            self.blank(s0, b)
            self._close()
            return li + 1
        if ch in "-*_" and _HR.match(text, s0, b):
            self._close()
            self.blank(s0, b)
            return li + 1
        if ch in "-*+0123456789" and self._list_item(s0, b, depth, pos):
            return li + 1
        if ch == "<":
            nxt = self._html_block(li, s0, b, depth)
            if nxt is not None:
                return nxt
        if "|" in text[s0:b] and self._table_header(li, s0, b, depth):
            return li + 2
        if self.table_depth is not None and self.table_depth == depth:
            self._cells(s0, b, depth)
            return li + 1
        if ch == "[" and para is None:
            nxt = self._definition(li, s0, b)
            if nxt is not None:
                return nxt
            m = _FOOTNOTE_DEF.match(text, s0, b)
            if m:
                self.blank(s0, m.end())
        if para is not None:
            para.segs.append((s0, b))
        else:
            self._open(self._kind(depth), depth, s0, b)
        return li + 1

    def _kind(self, depth: int) -> str:
        if self.lists:
            return "list-item"
        return "quote" if depth else "paragraph"

    def _open(self, kind: str, depth: int, start: int, end: int, html: bool = False) -> None:
        self._close()
        self.para = _Leaf(kind, depth, [(start, end)], html)

    def _close(self) -> None:
        if self.para is not None:
            self.leaves.append(self.para)
            self.para = None
        self.table_depth = None

    def _blank_line(self, depth: int) -> None:
        self._close()
        if depth != self.list_depth:
            self.lists.clear()

    def _quotes(self, a: int, b: int) -> tuple[int, int]:
        """Blank the `>` markers that open the line; return the quote depth and where the rest starts."""
        text = self.text
        depth, pos = 0, a
        while True:
            p = pos
            while p < b and p - pos < 3 and text[p] == " ":
                p += 1
            if p >= b or text[p] != ">":
                return depth, pos
            self.blank(p, p + 1)
            depth += 1
            pos = p + 1
            if pos < b and text[pos] in " \t":
                pos += 1

    def _peek_quotes(self, a: int, b: int) -> tuple[int, int]:
        """Like `_quotes` but without blanking anything."""
        text = self.text
        depth, pos = 0, a
        while True:
            p = _skip_ws(text, pos, min(b, pos + 3))
            if p >= b or text[p] != ">":
                return depth, pos
            depth += 1
            pos = p + 1 if p + 1 >= b or text[p + 1] not in " \t" else p + 2

    def _lazy(self, s0: int, b: int, indent: int) -> bool:
        """Whether the line continues the open paragraph even though its container ended."""
        if self.para is None or self.para.html:
            return False
        if indent >= 4:
            return True
        text = self.text
        ch = text[s0]
        if ch in "`~" and _FENCE.match(text, s0, b):
            return False
        if ch == "#" and _ATX.match(text, s0, b):
            return False
        if ch in "-*_" and _HR.match(text, s0, b):
            return False
        if ch in "-*+0123456789" and self._interrupting_marker(s0, b, indent):
            return False
        if ch == "<" and self._html_block_kind(s0, b, interrupting=True):
            return False
        return True

    def _interrupting_marker(self, s0: int, b: int, indent: int) -> bool:
        m = _BULLET.match(self.text, s0, b) or _ORDERED.match(self.text, s0, b)
        if not m:
            return False
        if _skip_ws(self.text, m.end(), b) >= b:
            return False  # an empty item cannot interrupt a paragraph
        if m.re is _BULLET:
            return True
        # An item of an ordered list already open is a sibling; any other number must be 1 (CommonMark).
        sibling = any(item.ordered for item in self.lists) and indent < self.lists[-1].content
        return sibling or int(m.group(1)) == 1

    # -- fenced code

    def _open_fence(self, s0: int, b: int, depth: int) -> bool:
        m = _FENCE.match(self.text, s0, b)
        if not m:
            return False
        self._close()
        marker = m.group(1) or m.group(3)
        self.fence = (marker[0], len(marker), depth)
        self.blank(s0, b)
        return True

    def _fence_line(self, a: int, b: int) -> bool:
        """Blank one line of an open fence; False when the line is outside the fence's quote."""
        char, length, depth = self.fence
        pos = a
        if depth:
            got, pos = self._peek_quotes(a, b)
            if got < depth:
                self.fence = None
                return False
            self._quotes(a, b)
        self.blank(pos, b)
        s0 = _skip_ws(self.text, pos, b)
        run = s0
        while run < b and self.text[run] == char:
            run += 1
        if run - s0 >= length and _skip_ws(self.text, run, b) >= b:
            self.fence = None
        return True

    # -- headings, lists, definitions

    def _atx(self, s0: int, b: int, depth: int) -> bool:
        text = self.text
        m = _ATX.match(text, s0, b)
        if not m:
            return False
        self._close()
        self.blank(s0, s0 + len(m.group(1)))
        start, end = m.end(), b
        while end > start and text[end - 1] in " \t":
            end -= 1
        hashes = end
        while hashes > start and text[hashes - 1] == "#":
            hashes -= 1
        if hashes < end and (hashes == start or text[hashes - 1] in " \t"):
            self.blank(hashes, end)
            end = hashes
        self.leaves.append(_Leaf("heading", depth, [(start, end)]))
        return True

    def _list_item(self, s0: int, b: int, depth: int, pos: int) -> bool:
        text = self.text
        m = _BULLET.match(text, s0, b) or _ORDERED.match(text, s0, b)
        if not m:
            return False
        ordered = m.re is _ORDERED
        content = _skip_ws(text, m.end(), b)
        if self.para is not None:
            if content >= b or (ordered and int(m.group(1)) != 1):
                return False  # CommonMark: such a line is paragraph text
        self._close()
        marker_col = _columns(text, pos, s0)
        width = _columns(text, pos, content) - marker_col - (m.end() - s0)
        col = marker_col + (m.end() - s0) + (width if 1 <= width <= 4 and content < b else 1)
        while self.lists and self.lists[-1].content > marker_col:
            self.lists.pop()
        self.lists.append(_ListItem(col, ordered))
        self.list_depth = depth
        self.blank(s0, m.end())
        if content >= b:
            return True
        task = _TASK.match(text, content, b)
        if task:
            self.blank(content, task.end())
            content = _skip_ws(text, task.end(), b)
        ch = text[content]
        if ch in "`~" and self._open_fence(content, b, depth):
            return True
        if ch == "#" and self._atx(content, b, depth):
            return True
        self._open("list-item", depth, content, b)
        return True

    def _definition(self, li: int, s0: int, b: int) -> int | None:
        text = self.text
        m = _DEFINITION.match(text, s0, b)
        if not m:
            return None
        self.labels.add(_label(m.group(1)))
        self.blank(s0, b)
        if li + 1 < len(self.lines):
            c, d = self.lines[li + 1]
            if m.group(2) is None and _DEFINITION_TITLE.match(text, c, d):
                self.blank(c, d)
                return li + 2
        return li + 1

    # -- tables

    def _table_header(self, li: int, s0: int, b: int, depth: int) -> bool:
        if li + 1 >= len(self.lines):
            return False
        c, d = self.lines[li + 1]
        got, pos = self._peek_quotes(c, d)
        if got != depth:
            return False
        r0 = _skip_ws(self.text, pos, d)
        if r0 >= d or "|" not in self.text[r0:d] or not _DELIMITER_ROW.match(self.text, r0, d):
            return False
        if len(_cell_spans(self.text, s0, b)) != len(_cell_spans(self.text, r0, d)):
            return False
        self._close()
        self._cells(s0, b, depth)
        self._quotes(c, d)
        self.blank(r0, d)
        self.table_depth = depth
        return True

    def _cells(self, s0: int, b: int, depth: int) -> None:
        for m in _PIPE.finditer(self.text, s0, b):
            self.blank(m.start(), m.end())
        for start, end in _cell_spans(self.text, s0, b):
            self.leaves.append(_Leaf("cell", depth, [(start, end)]))

    # -- HTML blocks

    def _html_block_kind(self, s0: int, b: int, interrupting: bool) -> str | None:
        text = self.text
        if text.startswith("<!--", s0):
            return "comment"
        if text.startswith("<?", s0) or text.startswith("<![CDATA[", s0):
            return "special"
        if text.startswith("<!", s0) and s0 + 2 < b and text[s0 + 2].isalpha():
            return "special"
        if _RAW_HTML_BLOCK.match(text, s0, b):
            return "raw"
        m = _HTML_BLOCK_TAG.match(text, s0, b)
        if m and m.group(1).lower() in _HTML_BLOCK_TAGS:
            return "block"
        if interrupting:
            return None
        m = _OPEN_TAG.match(text, s0, b) or _CLOSE_TAG.match(text, s0, b)
        if m and _skip_ws(text, m.end(), b) >= b:
            return "block"
        return None

    def _html_block(self, li: int, s0: int, b: int, depth: int) -> int | None:
        kind = self._html_block_kind(s0, b, interrupting=self.para is not None)
        if kind is None:
            return None
        self._close()
        if kind == "block":
            self._open("paragraph", depth, s0, b, html=True)
            return li + 1
        text = self.text
        if kind == "comment":
            end = text.find("-->", s0 + 4)
            end = len(text) if end < 0 else end + 3
            if text.startswith("<!-->", s0) or text.startswith("<!--->", s0):
                end = text.index(">", s0) + 1
            self.comment(s0, end, text[s0 + 4:max(s0 + 4, end - 3)])
        elif kind == "raw":
            close = _RAW_HTML_END.search(text, s0)
            end = len(text) if close is None else close.end()
        else:
            closer = "?>" if text.startswith("<?", s0) else "]]>" if text.startswith("<![CDATA[", s0) else ">"
            end = text.find(closer, s0 + 2)
            end = len(text) if end < 0 else end + len(closer)
        return self._skip_html_lines(li, s0, end, depth)

    def _skip_html_lines(self, li: int, s0: int, end: int, depth: int) -> int:
        """Blank the block from `s0` through the line holding `end`; text after `end` stays HTML text."""
        text = self.text
        li_end = li
        while li_end + 1 < len(self.lines) and self.lines[li_end + 1][0] < end:
            li_end += 1
        last_b = self.lines[li_end][1]
        if end < last_b:
            self.blank(s0, end)
            self.para = _Leaf("paragraph", depth, [(end, last_b)], True)
            self._close()
        else:
            self.blank(s0, min(end, len(text)))
        return li_end + 1

    def comment(self, start: int, end: int, body: str) -> None:
        self.blank(start, end)
        sup = comment_suppression(body, start, end)
        if sup is not None:
            self.suppressions.append(sup)


# ---------------------------------------------------------------- inline masking


class _Inline:
    """Blanks the inline syntax of one leaf: code spans, links, HTML, emphasis marks, URLs."""

    def __init__(self, reader: _Reader, leaf: _Leaf):
        self.reader = reader
        self.leaf = leaf
        text = reader.text
        segs = leaf.segs
        if len(segs) == 1:
            self.s = text[segs[0][0]:segs[0][1]]
            self.starts = [0]
        else:
            self.s = "\n".join(text[a:b] for a, b in segs)
            self.starts = []
            at = 0
            for a, b in segs:
                self.starts.append(at)
                at += b - a + 1
        self.finds: dict[str, int] = {}
        self.delims: list[tuple[int, int, bool, bool]] = []
        self.brackets: list[tuple[int, bool]] = []  # (position of `[` or `!`, image)
        self.link_barrier = -1
        self.breaks: list[tuple[int, str]] = []  # html leaves: (position, kind of what follows)
        self.ticks: dict[int, list[int]] | None = None

    # -- coordinates

    def raw(self, x: int) -> int:
        k = bisect.bisect_right(self.starts, x) - 1
        a, b = self.leaf.segs[k]
        return min(a + x - self.starts[k], b)

    def blank(self, x: int, y: int) -> None:
        if y <= x:
            return
        segs, starts = self.leaf.segs, self.starts
        k = bisect.bisect_right(starts, x) - 1
        while k < len(segs) and starts[k] < y:
            a, b = segs[k]
            lo = max(x, starts[k]) - starts[k]
            hi = min(y - starts[k], b - a)
            if hi > lo:
                self.reader.blank(a + lo, a + hi)
            k += 1

    def find(self, needle: str, i: int) -> int:
        """`s.find(needle, i)` remembering a miss, so many unclosed openers stay linear."""
        hit = self.finds.get(needle)
        if hit is None or (hit != -1 and hit < i):
            hit = self.s.find(needle, i)
            self.finds[needle] = hit
        return hit

    # -- the scan

    def run(self) -> None:
        if self.leaf.html:
            self._scan_html()
        else:
            self._scan()
            self._emphasis()
        self._emit_blocks()

    def _emit_blocks(self) -> None:
        if not self.breaks:
            self.reader.blocks.append((self.raw(0), self.raw(len(self.s)), self.leaf.kind))
            return
        at, kind = 0, self.leaf.kind
        for pos, next_kind in self.breaks + [(len(self.s), "")]:
            if pos > at:
                self.reader.blocks.append((self.raw(at), self.raw(pos), kind))
            at, kind = pos, next_kind

    def _scan(self) -> None:
        s = self.s
        i, n = 0, len(s)
        while i < n:
            m = _SPECIAL.search(s, i)
            if not m:
                break
            i = m.start()
            ch = s[i]
            if ch == "\\":
                i = self._escape(i)
            elif ch == "`":
                i = self._code_span(i)
            elif ch == "<":
                i = self._angle(i)
            elif ch == "[":
                i = self._open_bracket(i)
            elif ch == "!":
                self.brackets.append((i, True))
                i += 2
            elif ch == "]":
                i = self._close_bracket(i)
            elif ch in "*_~":
                i = self._delimiter_run(i)
            else:
                i = self._bare_url(i)

    def _scan_html(self) -> None:
        s = self.s
        i = 0
        while True:
            i = s.find("<", i)
            if i < 0:
                return
            m = _OPEN_TAG.match(s, i) or _CLOSE_TAG.match(s, i)
            if m and m.group(1).lower() in _HTML_BLOCK_TAGS:
                name = m.group(1).lower()
                closing = s.startswith("</", i)
                self.blank(i, m.end())
                self.breaks.append((i, "paragraph" if closing else _HTML_KINDS.get(name, "paragraph")))
                i = m.end()
            else:
                i = self._angle(i)

    def _escape(self, i: int) -> int:
        nxt = self.s[i + 1:i + 2]
        if nxt == "\n":
            self.blank(i, i + 1)  # hard line break
            return i + 1
        if nxt and nxt in _ASCII_PUNCT:
            self.blank(i, i + 1)
            return i + 2
        return i + 1

    def _code_span(self, i: int) -> int:
        s = self.s
        j = i
        while j < len(s) and s[j] == "`":
            j += 1
        length = j - i
        if self.ticks is None:
            self.ticks = {}
            for m in _BACKTICKS.finditer(s):
                self.ticks.setdefault(m.end() - m.start(), []).append(m.start())
        starts = self.ticks.get(length, [])
        k = bisect.bisect_left(starts, j)
        if k == len(starts):
            return j  # no closer: the backticks are literal text
        end = starts[k] + length
        self.blank(i, end)
        return end

    def _angle(self, i: int) -> int:
        s = self.s
        if s.startswith("<!--", i):
            if s.startswith("<!-->", i) or s.startswith("<!--->", i):
                end = s.index(">", i) + 1
            else:
                close = self.find("-->", i + 4)
                if close < 0:
                    return i + 1
                end = close + 3
            self.reader.comment(self.raw(i), self.raw(end - 1) + 1, s[i + 4:max(i + 4, end - 3)])
            self.blank(i, end)
            return end
        for closer, opener in (("?>", "<?"), ("]]>", "<![CDATA["), (">", "<!")):
            if s.startswith(opener, i) and (opener != "<!" or s[i + 2:i + 3].isalpha()):
                close = self.find(closer, i + len(opener))
                if close < 0:
                    return i + 1
                self.blank(i, close + len(closer))
                return close + len(closer)
        m = _AUTOLINK.match(s, i) or _CLOSE_TAG.match(s, i)
        if m:
            self.blank(i, m.end())
            return m.end()
        m = _OPEN_TAG.match(s, i)
        if not m:
            return i + 1
        end = m.end()
        name = m.group(1).lower()
        if name in _NOT_PROSE_ELEMENTS and not m.group().endswith("/>"):
            end = self._element_end(name, end)
        self.blank(i, end)
        return end

    def _element_end(self, name: str, i: int) -> int:
        key = "</" + name
        hit = self.finds.get(key)
        if hit is None or (hit != -1 and hit < i):
            m = _element_closer(name).search(self.s, i)
            hit = m.start() if m else -1
            self.finds[key] = hit
        if hit < 0:
            return i
        return self.s.index(">", hit) + 1

    # -- links

    def _open_bracket(self, i: int) -> int:
        m = _FOOTNOTE_REF.match(self.s, i)
        if m:
            self.blank(i, m.end())
            return m.end()
        self.brackets.append((i, False))
        return i + 1

    def _close_bracket(self, i: int) -> int:
        if not self.brackets:
            return i + 1
        start, image = self.brackets.pop()
        if not image and start < self.link_barrier:
            return i + 1  # links cannot contain links
        s = self.s
        end = -1
        nxt = s[i + 1:i + 2]
        if nxt == "(":
            end = _link_tail(s, i + 2)
        if end < 0 and nxt == "[":
            m = _REF_LABEL.match(s, i + 1)
            if m and (m.group(1).strip() or _label(s[start + 1 + image:i]) in self.reader.labels):
                end = m.end()
        if end < 0 and _label(s[start + 1 + image:i]) in self.reader.labels:
            end = i + 1
        if end < 0:
            return i + 1
        self.blank(start, start + 1 + image)
        self.blank(i, end)
        if not image:
            self.link_barrier = start
        return end

    # -- emphasis

    def _delimiter_run(self, i: int) -> int:
        s = self.s
        ch = s[i]
        j = i
        while j < len(s) and s[j] == ch:
            j += 1
        if ch == "~" and j - i != 2:
            return j
        before = s[i - 1] if i > 0 else " "
        after = s[j] if j < len(s) else " "
        left = not after.isspace() and (not _is_punct(after) or before.isspace() or _is_punct(before))
        right = not before.isspace() and (not _is_punct(before) or after.isspace() or _is_punct(after))
        if before.isalnum() and after.isalnum():
            return j  # snake_case, 2*3: never emphasis
        if ch == "_":
            can_open = left and (not right or _is_punct(before))
            can_close = right and (not left or _is_punct(after))
        else:
            can_open, can_close = left, right
        if can_open or can_close:
            self.delims.append((i, j - i, can_open, can_close))
        return j

    def _emphasis(self) -> None:
        """CommonMark's delimiter matching, simplified: no rule of three, no link boundaries."""
        s = self.s
        stack: list[list[int]] = []  # [position, remaining length]
        bottom: dict[str, int] = {}
        for pos, length, can_open, can_close in self.delims:
            ch = s[pos]
            left = length
            at = pos
            if can_close:
                k = len(stack) - 1
                floor = min(bottom.get(ch, 0), len(stack))
                while left and k >= floor:
                    opener = stack[k]
                    if s[opener[0]] != ch or (ch == "~" and opener[1] != left):
                        k -= 1
                        continue
                    use = 2 if opener[1] >= 2 and left >= 2 else 1
                    if ch == "~":
                        use = left
                    self.blank(opener[0] + opener[1] - use, opener[0] + opener[1])
                    self.blank(at, at + use)
                    opener[1] -= use
                    at += use
                    left -= use
                    del stack[k + 1:]
                    if opener[1] == 0:
                        stack.pop()
                    k = len(stack) - 1
                    for c in bottom:
                        bottom[c] = min(bottom[c], len(stack))
                if left:
                    bottom[ch] = len(stack)
            if left and can_open:
                stack.append([at, left])

    def _bare_url(self, i: int) -> int:
        s = self.s
        m = _BARE_URL.match(s, i)
        end = m.end()
        if self.brackets:
            close = s.find("]", i, end)  # a URL as link text ends where the text does
            end = end if close < 0 else close
        while end > i:
            last = s[end - 1]
            if last in _URL_TRAILING:
                end -= 1
            elif last == ")" and s.count("(", i, end) < s.count(")", i, end):
                end -= 1
            else:
                break
        self.blank(i, end)
        return max(end, i + 1)


# ---------------------------------------------------------------- small helpers


def _skip_ws(text: str, i: int, end: int) -> int:
    while i < end and text[i] in " \t":
        i += 1
    return i


def _columns(text: str, start: int, end: int) -> int:
    col = 0
    for ch in text[start:end]:
        col = col + 4 - col % 4 if ch == "\t" else col + 1
    return col


def _cell_spans(text: str, s0: int, b: int) -> list[tuple[int, int]]:
    """The raw spans between a table row's unescaped pipes, without the outer pipes."""
    end = b
    while end > s0 and text[end - 1] in " \t":
        end -= 1
    cuts = [m.start() for m in _PIPE.finditer(text, s0, end)]
    edges = [s0 - 1] + cuts + [end]
    spans = [(edges[k] + 1, edges[k + 1]) for k in range(len(edges) - 1)]
    if cuts and cuts[0] == s0:
        spans = spans[1:]
    if cuts and cuts[-1] == end - 1:
        spans = spans[:-1]
    return spans


def _link_tail(s: str, k: int) -> int:
    """End of `(destination "title")` whose `(` is just before `k`, or -1."""
    n = min(len(s), k + LINK_TAIL_LIMIT)
    k = _skip_link_ws(s, k, n)
    if k < n and s[k] == "<":
        close = s.find(">", k)
        if close < 0 or close >= n or "\n" in s[k:close] or "<" in s[k + 1:close]:
            return -1
        k = close + 1
    else:
        depth = 0
        while k < n:
            c = s[k]
            if c == "\\" and k + 1 < n:
                k += 2
                continue
            if c.isspace() or ord(c) < 32:
                break
            if c == "(":
                depth += 1
                if depth > MAX_LINK_PARENS:
                    return -1
            elif c == ")":
                if depth == 0:
                    break
                depth -= 1
            k += 1
        if depth:
            return -1
    spaced = k
    k = _skip_link_ws(s, k, n)
    if k < n and k > spaced and s[k] in "\"'(":
        k = _title_end(s, k, n)
        if k < 0:
            return -1
        k = _skip_link_ws(s, k, n)
    if k < n and s[k] == ")":
        return k + 1
    return -1


def _title_end(s: str, k: int, n: int) -> int:
    """End of the link title opening at `k`, or -1; `find` keeps a run of failed links cheap."""
    close = ")" if s[k] == "(" else s[k]
    at = k + 1
    while True:
        hit = s.find(close, at, n)
        if hit < 0:
            return -1
        slashes = 0
        while s[hit - 1 - slashes] == "\\":
            slashes += 1
        if slashes % 2 == 0:
            return hit + 1
        at = hit + 1


def _skip_link_ws(s: str, k: int, n: int) -> int:
    newline = False
    while k < n and s[k] in " \t\n":
        if s[k] == "\n":
            if newline:
                break
            newline = True
        k += 1
    return k


@functools.lru_cache(maxsize=None)
def _element_closer(name: str) -> re.Pattern:
    return re.compile(rf"</{name}\s*>", re.I)


def _label(s: str) -> str:
    return " ".join(s.split()).casefold()


def _is_punct(ch: str) -> bool:
    return ch in _ASCII_PUNCT or unicodedata.category(ch)[0] in "PS"
