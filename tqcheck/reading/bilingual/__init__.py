"""Bilingual files (XLIFF, TMX, PO): each unit's target and source as blocks of two views over the file's own text. Imports text/ and speed/ (lxml lazily, for XML only)."""
from __future__ import annotations

from dataclasses import dataclass, field

from tqcheck.errors import MalformedFile
from tqcheck.speed import warmstart
from tqcheck.text.document import Block, Document, OffsetMap, Suppression

SEPARATOR = "\n\n"

# Format strings and placeholders written as text: printf (`%s`, `%1$d`, `%(name)s`; no space flag, so
# that "50 % de" is prose) and brace fields (`{0}`, `{name}`, `{count:d}`). `%%` is a literal percent.
_TEXT_PLACEHOLDER = warmstart.regex(
    r"%%|%(?:\d+\$|\([A-Za-z_][A-Za-z0-9_]*\))?[-+#0]*+(?:\d++|\*)?(?:\.\d++)?[hlLqjzt]*+[diouxXeEfFgGcrsa]"
    r"|\{[A-Za-z0-9_.\[\]]{0,64}(?:![rsa])?(?::[^{}\s]{0,32})?\}"
)
_IGNORE_NOTE = warmstart.regex(r"tqcheck:\s*ignore\b([A-Za-z0-9_, -]*)")
_CODES = warmstart.regex(r"[A-Za-z][A-Za-z0-9]*")


@dataclass
class Placeholder:
    """An inline code or format string: `key` says which one (compared with the source), at view [start, end)."""

    key: str
    start: int
    end: int
    ordered: bool = False  # an unnumbered printf conversion: its place in the sequence is its meaning


@dataclass
class Part:
    """One target text checked with its source: a unit, or one plural form or segment of it."""

    unit: str
    target: tuple[int, int]  # view span in the target view
    source: tuple[int, int]  # view span in the source view
    unit_span: tuple[int, int]  # raw span of the whole unit in the file
    target_placeholders: list[Placeholder] = field(default_factory=list)
    source_placeholders: list[Placeholder] = field(default_factory=list)


@dataclass
class Bilingual:
    """What a bilingual file adds to its Document: the source view, the parts, the file's languages, the counts."""

    source_doc: Document
    parts: list[Part]
    source_lang: str | None
    target_lang: str | None
    checked: int = 0
    skipped: dict[str, int] = field(default_factory=dict)  # reason -> units

    def summary(self) -> str:
        skipped = sum(self.skipped.values())
        why = ", ".join(f"{n} {reason}" for reason, n in sorted(self.skipped.items()))
        return f"{self.checked} units checked, {skipped} skipped" + (f" ({why})" if why else "")


def read(label: str, text: str, fmt: str, include_fuzzy: bool = False, target_lang: str | None = None) -> Document:
    """The Document of a bilingual file: the targets as its view, the sources in `doc.bilingual.source_doc`."""
    if fmt == "po":
        from tqcheck.reading.bilingual import po as reader
    elif fmt == "tmx":
        from tqcheck.reading.bilingual import tmx as reader
    else:
        from tqcheck.reading.bilingual import xliff as reader
    from tqcheck.speed.collector import gc_paused

    builder = Builder(label, text, fmt)
    builder.wanted_target = target_lang
    with gc_paused(promote=True):  # tens of thousands of units make no cycles, but would wake the collector again and again
        reader.read(builder, include_fuzzy)
        return builder.finish()


class View:
    """One view (targets or sources) being built: its characters, its map to raw offsets, its blocks."""

    def __init__(self, text: str):
        self.text = text
        self.parts: list[str] = []
        self.vlen = 0
        self.offsets = OffsetMap()
        self.run: list[int] | None = None  # the 1:1 run being extended: [view start, raw start, length]
        self.blocks: list[Block] = []
        self.placeholders: list[Placeholder] = []
        self.last_raw = 0
        self.block_parts = 0  # where the open block's pieces begin in `parts`

    def _flush(self) -> None:
        if self.run is not None:
            self.offsets.add(self.run[0], self.run[2], self.run[1], self.run[2])
            self.run = None

    def _one_to_one(self, chars: str, raw_start: int) -> None:
        n = len(chars)
        if not n:
            return
        run = self.run
        if run is not None and run[0] + run[2] == self.vlen and run[1] + run[2] == raw_start:
            run[2] += n
        else:
            self._flush()
            self.run = [self.vlen, raw_start, n]
        self.parts.append(chars)
        self.vlen += n
        self.last_raw = raw_start + n

    def char(self, chars: str, raw_start: int, raw_len: int) -> None:
        """Characters that stand for a longer raw stretch (an entity, an escape)."""
        self._flush()
        self.offsets.add(self.vlen, len(chars), raw_start, raw_len)
        self.parts.append(chars)
        self.vlen += len(chars)
        self.last_raw = raw_start + raw_len

    def blank(self, raw_start: int, raw_end: int) -> None:
        """Raw text that is not prose (a tag, an inline code), kept as spaces of the same length."""
        self._one_to_one(" " * (raw_end - raw_start), raw_start)

    def prose(self, raw_start: int, raw_end: int) -> None:
        """Raw text copied as it is, its format placeholders blanked and recorded."""
        text = self.text
        if text.find("%", raw_start, raw_end) < 0 and text.find("{", raw_start, raw_end) < 0:
            self._one_to_one(text[raw_start:raw_end], raw_start)  # no placeholder can begin here (most texts)
            return
        i = raw_start
        for m in _TEXT_PLACEHOLDER.finditer(text, raw_start, raw_end):
            if m.group() == "%%":
                continue
            self._one_to_one(text[i:m.start()], i)
            start = self.vlen
            self.blank(m.start(), m.end())
            token = m.group()
            self.placeholders.append(Placeholder(token, start, self.vlen, ordered=_unnumbered_printf(token)))
            i = m.end()
        self._one_to_one(text[i:raw_end], i)

    def code(self, key: str, raw_start: int, raw_end: int) -> None:
        """An inline code element: blanked, and recorded under `key`."""
        start = self.vlen
        self.blank(raw_start, raw_end)
        self.placeholders.append(Placeholder(key, start, self.vlen))

    def open_block(self) -> int:
        if self.vlen:
            self._flush()
            self.offsets.add(self.vlen, len(SEPARATOR), self.last_raw, 0)
            self.parts.append(SEPARATOR)
            self.vlen += len(SEPARATOR)
        self.block_parts = len(self.parts)
        return self.vlen

    def close_block(self, start: int) -> tuple[int, int]:
        """End the block opened at `start` (by open_block); its view span, trimmed of white space."""
        self._flush()
        view_tail = "".join(self.parts[self.block_parts:])  # the pieces written since open_block
        stripped = view_tail.strip()
        if stripped:
            lead = len(view_tail) - len(view_tail.lstrip())
            self.blocks.append(Block(start + lead, start + lead + len(stripped), "paragraph"))
        return start, self.vlen

    def plain_block(self, raw_start: int, raw_end: int) -> tuple[int, int]:
        """open_block, prose(raw_start, raw_end) and close_block in one, for raw text that is one piece of prose
        (an element's character data alone, a PO literal without escapes: most texts of a file). Without a
        placeholder in it, what the three write is written here in a few steps: one separator, one run."""
        text = self.text
        if (text.find("%", raw_start, raw_end) >= 0 or text.find("{", raw_start, raw_end) >= 0) and \
                _TEXT_PLACEHOLDER.search(text, raw_start, raw_end) is not None:
            # a placeholder may begin here (a `%` or `{` alone, "50 %", is prose as it stands: most of them)
            start = self.open_block()
            self.prose(raw_start, raw_end)
            return self.close_block(start)
        if self.run is not None:
            self._flush()  # close_block leaves no run open
        parts, vlen, add = self.parts, self.vlen, self.offsets.add
        if vlen:
            add(vlen, len(SEPARATOR), self.last_raw, 0)
            parts.append(SEPARATOR)
            vlen += len(SEPARATOR)
        start, n = vlen, raw_end - raw_start
        if n > 0:
            chars = text[raw_start:raw_end]
            add(vlen, n, raw_start, n)
            parts.append(chars)
            vlen += n
            self.last_raw = raw_end
            stripped = chars.strip()
            if stripped:
                lead = n - len(chars.lstrip())
                self.blocks.append(Block(start + lead, start + lead + len(stripped), "paragraph"))
        self.vlen = vlen
        return start, vlen

    def take_placeholders(self) -> list[Placeholder]:
        out, self.placeholders = self.placeholders, []
        return out

    def view(self) -> str:
        self._flush()
        return "".join(self.parts)


def _unnumbered_printf(token: str) -> bool:
    return token.startswith("%") and "$" not in token and "(" not in token


class Builder:
    """Collects a bilingual file's parts into a target view and a source view over the same raw text."""

    def __init__(self, label: str, text: str, fmt: str):
        self.label = label
        self.text = text
        self.fmt = fmt
        self.target = View(text)
        self.source = View(text)
        self.parts: list[Part] = []
        self.suppressions: list[Suppression] = []
        self.source_lang: str | None = None
        self.target_lang: str | None = None
        self.wanted_target: str | None = None  # --target-lang: which variant of a TMX unit to check
        self.checked = 0
        self.skipped: dict[str, int] = {}
        self._units: set[str] = set()

    def skip(self, reason: str) -> None:
        self.skipped[reason] = self.skipped.get(reason, 0) + 1

    def add_part(self, unit: str, unit_span: tuple[int, int], fill_source, fill_target) -> None:
        """One part: `fill_source(view)` and `fill_target(view)` write its two texts."""
        s0 = self.source.open_block()
        fill_source(self.source)
        source_span = self.source.close_block(s0)
        t0 = self.target.open_block()
        fill_target(self.target)
        self._part(unit, unit_span, source_span, self.target.close_block(t0))

    def add_plain_part(self, unit: str, unit_span: tuple[int, int], source: tuple[int, int], target: tuple[int, int]) -> None:
        """add_part for a source and a target that are each one piece of prose, given as raw spans (View.plain_block)."""
        source_span = self.source.plain_block(*source)
        self._part(unit, unit_span, source_span, self.target.plain_block(*target))

    def _part(self, unit: str, unit_span: tuple[int, int], source_span: tuple[int, int], target_span: tuple[int, int]) -> None:
        self.parts.append(Part(unit, target_span, source_span, unit_span,
                               self.target.take_placeholders(), self.source.take_placeholders()))
        if unit not in self._units:
            self._units.add(unit)
            self.checked += 1

    def note(self, body: str, raw_start: int, raw_end: int, unit_span: tuple[int, int]) -> None:
        """A unit's note or comment: `tqcheck: ignore [CODES]` suppresses findings in that unit."""
        m = _IGNORE_NOTE.search(body)
        if m:
            codes = tuple(c.upper() for c in _CODES.findall(m.group(1)))
            self.suppressions.append(Suppression("unit", codes, raw_start, raw_end, unit_span))

    def error(self, line: int, message: str) -> MalformedFile:
        return MalformedFile(f"{self.label}:{line}: {message}")

    def line_of(self, offset: int) -> int:
        return self.text.count("\n", 0, offset) + 1

    def finish(self) -> Document:
        source_doc = Document(self.label, self.text, self.fmt, self.source.view(), self.source.blocks, self.source.offsets)
        doc = Document(self.label, self.text, self.fmt, self.target.view(), self.target.blocks, self.target.offsets,
                       sorted(self.suppressions, key=lambda s: s.start))
        doc.bilingual = Bilingual(source_doc, self.parts, self.source_lang, self.target_lang, self.checked, self.skipped)
        return doc
