"""Markdown block structure: containers, fences, lists, tables, HTML blocks and link definitions, line by line."""
from __future__ import annotations

import re
from dataclasses import dataclass

from tqcheck.reading.markdown.frontmatter import front_matter_end
from tqcheck.reading.markdown.inline import CLOSE_TAG, HTML_BLOCK_TAGS, OPEN_TAG, InlineMasker, Leaf, link_label
from tqcheck.reading.masking import comment_suppression
from tqcheck.speed import warmstart
from tqcheck.text.document import Suppression

_LINE = warmstart.regex(r"([^\r\n]*)(?:\r\n|\n|\r|$)")

# Block starts, matched at the first non-blank character of a line (after any `>` markers).
_FENCE = warmstart.regex(r"(`{3,})([^`\r\n]*)$|(~{3,}+)(.*)$")
_ATX = warmstart.regex(r"(#{1,6})(?:[ \t]+|$)")
_SETEXT = warmstart.regex(r"(?:=++|-++)[ \t]*$")
_HR = warmstart.regex(r"(?:(?:\*[ \t]*){3,}+|(?:-[ \t]*){3,}+|(?:_[ \t]*){3,}+)$")
_BULLET = warmstart.regex(r"([-*+])(?=[ \t]|$)")
_ORDERED = warmstart.regex(r"([0-9]{1,9})[.)](?=[ \t]|$)")
_TASK = warmstart.regex(r"\[[ xX]\](?=[ \t])")
_DEFINITION = warmstart.regex(
    r"\[((?:[^\[\]\\\r\n]|\\.){1,999})\]:[ \t]*(?:<[^<>\r\n]*>|\S+)"
    r"([ \t]+(?:\"[^\"\r\n]*\"|'[^'\r\n]*'|\([^()\r\n]*\)))?[ \t]*$"
)
_DEFINITION_TITLE = warmstart.regex(r"[ \t]*(?:\"[^\"\r\n]*\"|'[^'\r\n]*'|\([^()\r\n]*\))[ \t]*$")
_FOOTNOTE_DEF = warmstart.regex(r"\[\^[^\]\s]{1,100}\]:")
_DELIMITER_ROW = warmstart.regex(r"\|?[ \t]*:?-++:?[ \t]*+(?:\|[ \t]*:?-++:?[ \t]*+)*\|?[ \t]*$")
_PIPE = warmstart.regex(r"(?<!\\)\|")

# HTML blocks (CommonMark kinds 1-7); kind 1 holds no prose at all, kind 2 is a comment.
_RAW_HTML_BLOCK = warmstart.regex(r"<(script|pre|style|textarea)(?=[\s>]|$)", re.I)
_RAW_HTML_END = warmstart.regex(r"</(?:script|pre|style|textarea)>", re.I)
_HTML_BLOCK_TAG = warmstart.regex(r"</?([A-Za-z][A-Za-z0-9-]*)(?=[\s/>]|$)")



@dataclass
class _ListItem:
    content: int  # column where the item's text starts
    ordered: bool


class BlockReader:
    def __init__(self, text: str):
        self.text = text
        self.mask = bytearray(len(text))
        self.lines = [(m.start(), m.end(1)) for m in _LINE.finditer(text) if m.start() < len(text)]
        self.blocks: list[tuple[int, int, str]] = []
        self.suppressions: list[Suppression] = []
        self.labels: set[str] = set()
        self.leaves: list[Leaf] = []
        self.para: Leaf | None = None
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
            InlineMasker(self, leaf).run()

    def blank(self, start: int, end: int) -> None:
        if end > start:
            self.mask[start:end] = b"\x01" * (end - start)

    def _front_matter(self) -> int:
        li, end = front_matter_end(self.text, self.lines)
        self.blank(0, end)
        return li
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
        self.para = Leaf(kind, depth, [(start, end)], html)

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
        self.leaves.append(Leaf("heading", depth, [(start, end)]))
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
        self.labels.add(link_label(m.group(1)))
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
            self.leaves.append(Leaf("cell", depth, [(start, end)]))

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
        if m and m.group(1).lower() in HTML_BLOCK_TAGS:
            return "block"
        if interrupting:
            return None
        m = OPEN_TAG.match(text, s0, b) or CLOSE_TAG.match(text, s0, b)
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
            self.para = Leaf("paragraph", depth, [(end, last_b)], True)
            self._close()
        else:
            self.blank(s0, min(end, len(text)))
        return li_end + 1

    def comment(self, start: int, end: int, body: str) -> None:
        self.blank(start, end)
        sup = comment_suppression(body, start, end)
        if sup is not None:
            self.suppressions.append(sup)


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
