"""Markdown inline masking: code spans, links, raw HTML, emphasis marks and bare URLs blanked in one leaf."""
from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from dataclasses import dataclass, field

from tqcheck.speed import warmstart

# HTML block-level tag names (CommonMark kind 6), and what each starts.
HTML_BLOCK_TAGS = frozenset(
    "address article aside base basefont blockquote body caption center col colgroup dd details dialog dir div dl dt "
    "fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hr html iframe legend li link "
    "main menu menuitem nav noframes ol optgroup option p param search section summary table tbody td tfoot th thead "
    "title tr track ul".split()
)
HTML_KINDS = {"h1": "heading", "h2": "heading", "h3": "heading", "h4": "heading", "h5": "heading", "h6": "heading",
               "li": "list-item", "td": "cell", "th": "cell", "blockquote": "quote"}

# Inline constructs.
_TAG_NAME = r"[A-Za-z][A-Za-z0-9-]*"
_ATTRIBUTE = r"""(?:\s+[A-Za-z_:][A-Za-z0-9_.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)"""
OPEN_TAG = warmstart.regex(rf"<({_TAG_NAME}){_ATTRIBUTE}*\s*/?>")
CLOSE_TAG = warmstart.regex(rf"</({_TAG_NAME})\s*>")
_AUTOLINK = warmstart.regex(r"<[A-Za-z][A-Za-z0-9.+-]{1,31}:[^\s<>]*>|<[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9.-]+>")
_BARE_URL = warmstart.regex(r"(?:https?://|www\.)[^\s<>]*")
_SPECIAL = warmstart.regex(r"[\\`<\[\]*_~]|!\[|(?<![^\s(\[>*_~\"'])(?:https?://|www\.)")
_BACKTICKS = warmstart.regex(r"`+")
_REF_LABEL = warmstart.regex(r"\[((?:[^\[\]\\]|\\.){0,999})\]")
_FOOTNOTE_REF = warmstart.regex(r"\[\^[^\]\s]{1,100}\]")
_NOT_PROSE_ELEMENTS = ("code", "script", "style", "pre", "kbd", "samp", "textarea")
_ASCII_PUNCT = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_URL_TRAILING = "?!.,:;*_~'\""
MAX_LINK_PARENS = 32  # CommonMark's own limit; it also keeps `[a](` repeated linear
MAX_LABEL = 999  # the longest link label CommonMark allows
LINK_TAIL_LIMIT = 4096  # how far a link's destination and title may reach


@dataclass
class Leaf:
    """A run of lines read as one block; `segs` are the raw line contents it is made of."""

    kind: str
    depth: int
    segs: list = field(default_factory=list)
    html: bool = False


class InlineMasker:
    """Blanks the inline syntax of one leaf: code spans, links, HTML, emphasis marks, URLs."""

    def __init__(self, reader, leaf: Leaf):
        # reader: the BlockReader that owns the text, its mask, its blocks and the link labels.
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
            m = OPEN_TAG.match(s, i) or CLOSE_TAG.match(s, i)
            if m and m.group(1).lower() in HTML_BLOCK_TAGS:
                name = m.group(1).lower()
                closing = s.startswith("</", i)
                self.blank(i, m.end())
                self.breaks.append((i, "paragraph" if closing else HTML_KINDS.get(name, "paragraph")))
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
        m = _AUTOLINK.match(s, i) or CLOSE_TAG.match(s, i)
        if m:
            self.blank(i, m.end())
            return m.end()
        m = OPEN_TAG.match(s, i)
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
            if m and (m.group(1).strip() or self._is_label(start + 1 + image, i)):
                end = m.end()
        if end < 0 and self._is_label(start + 1 + image, i):
            end = i + 1
        if end < 0:
            return i + 1
        self.blank(start, start + 1 + image)
        self.blank(i, end)
        if not image:
            self.link_barrier = start
        return end

    def _is_label(self, a: int, b: int) -> bool:
        """Whether s[a:b] names a link reference definition; a label is at most 999 characters (CommonMark), so a
        longer text is not looked up: normalising each of 10^5 nested `[` would cost quadratic time."""
        return b - a <= MAX_LABEL and link_label(self.s[a:b]) in self.reader.labels

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
    return warmstart.regex(rf"</{name}\s*>", re.I)


def link_label(s: str) -> str:
    return " ".join(s.split()).casefold()


def _is_punct(ch: str) -> bool:
    return ch in _ASCII_PUNCT or unicodedata.category(ch)[0] in "PS"
