"""HTML: the entity-decoded prose of text nodes and alt/title attributes, mapped back to the raw text."""
from __future__ import annotations

import functools
import re
from html import unescape
from html.entities import html5

from tqcheck.text.document import OffsetMap
from tqcheck.speed.collector import gc_paused
from tqcheck.reading.masking import comment_suppression, trim_blocks
from tqcheck.speed import warmstart

# Elements whose start or end tag ends the block of prose before it.
BLOCK_TAGS = frozenset(
    "address article aside blockquote body br caption center dd details dialog dir div dl dt fieldset figcaption "
    "figure footer form h1 h2 h3 h4 h5 h6 head header hgroup hr html legend li main menu nav ol optgroup option p "
    "search section summary table tbody td tfoot th thead title tr ul".split()
)
# Elements whose content is code, markup or data rather than prose.
NOT_PROSE = frozenset("code pre kbd samp template svg math".split())
# Elements whose content is not even parsed as HTML: skipped up to their end tag.
RAW_TEXT = frozenset("script style textarea xmp iframe noembed noframes plaintext".split())
VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
KINDS = {"h1": "heading", "h2": "heading", "h3": "heading", "h4": "heading", "h5": "heading", "h6": "heading",
         "title": "heading", "li": "list-item", "td": "cell", "th": "cell", "blockquote": "quote"}
PROSE_ATTRIBUTES = ("alt", "title")
SEPARATOR = "\n\n"
KIND_SEARCH_DEPTH = 64  # how far up the open elements a block looks for what it is

_TAG_NAME = warmstart.regex(r"[A-Za-z][^\s/>]*")
# A value whose quote never closes is read up to the next space or `>`, without the quote.
_ATTR = warmstart.regex(r"""[\s/]*([^\s/>][^\s/>=]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|["']?([^\s>]*)))?""")
_TAG_END = warmstart.regex(r"[\s/]*")
_ENTITY = warmstart.regex(r"&(?:#[xX][0-9a-fA-F]+;?|#[0-9]+;?|[A-Za-z][A-Za-z0-9]*;?)")
_LONGEST_LEGACY = max(len(k) for k in html5 if not k.endswith(";"))


def parse(text: str):
    """Return (view, blocks, view_to_raw, suppressions) for HTML `text`."""
    with gc_paused():
        reader = _Reader(text)
        reader.read()
        view = "".join(reader.parts)
        blocks = trim_blocks(view, reader.spans)
    return view, blocks, reader.offsets, reader.suppressions


def decode_entity(raw: str) -> tuple[str, int] | None:
    """The characters an entity at the start of `raw` stands for and its raw length; None if it is none."""
    if raw.startswith("&#"):
        return unescape(raw), len(raw)
    name = raw[1:]
    if name.endswith(";") and name in html5:
        return html5[name], len(raw)
    name = name.rstrip(";")
    for k in range(min(len(name), _LONGEST_LEGACY), 1, -1):
        if name[:k] in html5:  # a legacy entity without its semicolon, as browsers read it
            return html5[name[:k]], k + 1
    return None


class _Reader:
    def __init__(self, text: str):
        self.text = text
        self.parts: list[str] = []
        self.vlen = 0
        self.offsets = OffsetMap()
        self.pending: tuple[int, int, int] | None = None  # 1:1 run not yet added: view start, raw start, length
        self.spans: list[tuple[int, int, str]] = []
        self.suppressions = []
        self.stack: list[str] = []
        self.counts: dict[str, int] = {}
        self.skip = 0  # open elements in NOT_PROSE
        self.block_start = 0
        self.kind = "paragraph"
        self.has_text = False
        self.separator_at: int | None = None
        self.attributes: list[tuple[int, int]] = []  # raw spans of alt/title values waiting for the block's end
        self.next_gt = -2

    def read(self) -> None:
        text = self.text
        i, n = 0, len(text)
        while i < n:
            j = text.find("<", i)
            if j < 0:
                j = n
            if j > i:
                self._text(i, j)
            if j >= n:
                break
            i = self._markup(j)
        self._end_block(n)
        self._flush()

    # -- markup

    def _markup(self, i: int) -> int:
        """Read the markup starting at `<` at `i`; return where reading goes on."""
        text = self.text
        nxt = text[i + 1:i + 2]
        if text.startswith("<!--", i):
            return self._comment(i)
        if text.startswith("<![CDATA[", i):
            close = text.find("]]>", i + 9)
            return len(text) if close < 0 else close + 3
        if nxt == "/" and _is_letter(text[i + 2:i + 3]):
            return self._end_tag(i)
        if _is_letter(nxt):
            return self._start_tag(i)
        if nxt in ("!", "?", "/") and self._gt(i) >= 0:
            return self._gt(i) + 1  # doctype, processing instruction, bogus comment
        self._text(i, i + 1)  # a `<` that opens nothing is text, as browsers show it
        return i + 1

    def _gt(self, i: int) -> int:
        """Position of the first `>` at or after `i`, remembered so stray `<`s stay linear."""
        if self.next_gt == -1 or self.next_gt >= i:
            return self.next_gt
        self.next_gt = self.text.find(">", i)
        return self.next_gt

    def _comment(self, i: int) -> int:
        text = self.text
        if text.startswith("<!-->", i):
            return i + 5
        if text.startswith("<!--->", i):
            return i + 6
        close = text.find("-->", i + 4)
        end = len(text) if close < 0 else close + 3
        sup = comment_suppression(text[i + 4:close if close >= 0 else len(text)], i, end)
        if sup is not None:
            self.suppressions.append(sup)
        return end

    def _end_tag(self, i: int) -> int:
        text = self.text
        end = self._gt(i)
        if end < 0:
            self._text(i, i + 1)
            return i + 1
        name = _TAG_NAME.match(text, i + 2).group().lower()
        if self.counts.get(name):
            while self.stack:
                top = self._pop()
                if top == name:
                    break
        if name in BLOCK_TAGS:
            self._boundary(i)
        return end + 1

    def _start_tag(self, i: int) -> int:
        text = self.text
        if self._gt(i) < 0:
            self._text(i, i + 1)  # a stray `<` at the end: browsers show it as text
            return i + 1
        name_match = _TAG_NAME.match(text, i + 1)
        name = name_match.group().lower()
        pos = name_match.end()
        values = []
        while True:
            m = _ATTR.match(text, pos)
            if not m:
                break
            if m.group(1).lower() in PROSE_ATTRIBUTES:
                for g in (2, 3, 4):
                    if m.group(g) is not None:
                        values.append((m.start(g), m.end(g)))
            pos = m.end()
        pos = _TAG_END.match(text, pos).end()
        if pos >= len(text):
            self._text(i, i + 1)
            return i + 1
        self_closing = text[pos - 1] == "/"
        end = pos + 1
        if name in BLOCK_TAGS:
            self._boundary(i)
        if not self.skip and name not in NOT_PROSE:
            self.attributes.extend(values)
        if name in RAW_TEXT and not self_closing:
            return _raw_text_end(text, name, end)
        if name not in VOID and not self_closing:
            self._push(name)
            if name in BLOCK_TAGS:
                self.kind = self._kind()
        return end

    def _push(self, name: str) -> None:
        self.stack.append(name)
        self.counts[name] = self.counts.get(name, 0) + 1
        if name in NOT_PROSE:
            self.skip += 1

    def _pop(self) -> str:
        name = self.stack.pop()
        self.counts[name] -= 1
        if name in NOT_PROSE:
            self.skip -= 1
        return name

    def _kind(self) -> str:
        for name in reversed(self.stack[-KIND_SEARCH_DEPTH:]):
            if name in KINDS:
                return KINDS[name]
        return "paragraph"

    # -- blocks

    def _boundary(self, raw_pos: int) -> None:
        self._end_block(raw_pos)
        self.kind = self._kind()

    def _end_block(self, raw_pos: int) -> None:
        """Close the current block, then give each waiting alt/title value a block of its own."""
        if self.has_text:
            self.spans.append((self.block_start, self.vlen, self.kind))
            self.separator_at = raw_pos
        for start, end in self.attributes:
            if not self.text[start:end].strip():
                continue
            first = self.vlen
            self._decoded(start, end)
            self.spans.append((first, self.vlen, "paragraph"))
            self.separator_at = raw_pos
        self.attributes.clear()
        self.block_start = self.vlen
        self.has_text = False

    # -- text

    def _text(self, start: int, end: int) -> None:
        if self.skip:
            return
        if not self.has_text and not self.text[start:end].isspace():
            self.has_text = True
        self._decoded(start, end)

    def _decoded(self, start: int, end: int) -> None:
        """Append raw [start, end) to the view with its entities decoded."""
        if self.separator_at is not None:
            self._flush()
            self.offsets.add(self.vlen, len(SEPARATOR), self.separator_at, 0)
            self._append(SEPARATOR)
            self.separator_at = None
            self.block_start = self.vlen
        text = self.text
        at = start
        if "&" in text[start:end]:
            for m in _ENTITY.finditer(text, start, end):
                if m.start() < at:
                    continue
                hit = decode_entity(m.group())
                if hit is None:
                    continue
                chars, raw_len = hit
                self._plain(at, m.start())
                self._flush()
                self.offsets.add(self.vlen, len(chars), m.start(), raw_len)
                self._append(chars)
                at = m.start() + raw_len
        self._plain(at, end)

    def _plain(self, start: int, end: int) -> None:
        if end <= start:
            return
        length = end - start
        p = self.pending
        if p is not None and p[0] + p[2] == self.vlen and p[1] + p[2] == start:
            self.pending = (p[0], p[1], p[2] + length)
        else:
            self._flush()
            self.pending = (self.vlen, start, length)
        self._append(self.text[start:end])

    def _append(self, s: str) -> None:
        self.parts.append(s)
        self.vlen += len(s)

    def _flush(self) -> None:
        if self.pending is not None:
            vs, rs, length = self.pending
            self.offsets.add(vs, length, rs, length)
            self.pending = None


def _is_letter(ch: str) -> bool:
    return ("a" <= ch <= "z" or "A" <= ch <= "Z") and len(ch) == 1


@functools.lru_cache(maxsize=None)
def _raw_text_closer(name: str) -> re.Pattern:
    return warmstart.regex(rf"</{name}(?=[\s/>])", re.I)


def _raw_text_end(text: str, name: str, start: int) -> int:
    """Where the end tag of a script/style-like element starts; the end of the text when it has none."""
    m = _raw_text_closer(name).search(text, start)
    return m.start() if m else len(text)
