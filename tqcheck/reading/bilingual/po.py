"""Gettext PO read by tqcheck itself, so that every character of a msgstr keeps its offset in the file (escapes included)."""
from __future__ import annotations

from dataclasses import dataclass, field

from tqcheck.speed import warmstart

_LINE = warmstart.regex(r"([^\r\n]*+)(?:\r\n|\n|\r|$)")  # a line, its content the group
_KEYWORD = warmstart.regex(r"(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d{1,3})\])?)[ \t]++(?=\")")
_LANGUAGE = warmstart.regex(r"(?m)^Language:[ \t]*+([A-Za-z]{2,3}(?:[-_@][A-Za-z0-9]{1,8})*)")
# The usual entry, whole: an optional msgctxt, a msgid and a msgstr, each one literal on a line of its own at
# its first column, ended by a blank line or the end of the file. The line loop of _entries reads it into the
# same Entry (tests/test_bilingual_speed.py compares); one match instead of a step per line. A literal is what
# _literal reads: up to the first quote with no escaping backslash before it, and nothing after it.
_LITERAL = r'"([^"\\\r\n]*+(?:\\[^\r\n][^"\\\r\n]*+)*+)"\n'  # runs without a backslash, each escape between
_SIMPLE_ENTRY = warmstart.regex(rf"(?:msgctxt {_LITERAL})?msgid {_LITERAL}msgstr {_LITERAL}(?:\n|\Z)")
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "a": "\a", "b": "\b", "f": "\f", "v": "\v",
            "?": "?", "'": "'"}


@dataclass
class Entry:
    start: int  # raw offset of the entry's first line (comments included)
    end: int = 0
    fields: dict[str, list[tuple[int, int]]] = field(default_factory=dict)  # keyword -> raw spans of literal contents
    flags: set[str] = field(default_factory=set)
    notes: list[tuple[int, int]] = field(default_factory=list)  # raw spans of translator and extracted comments
    line: int = 0


def read(builder, include_fuzzy: bool) -> None:
    text = builder.text
    for entry in _entries(builder):
        msgid = _decoded(text, entry.fields.get("msgid", []))
        ctxt = entry.fields.get("msgctxt")
        if msgid == "" and ctxt is None:
            m = _LANGUAGE.search(_decoded(text, entry.fields.get("msgstr", [])))
            if m:
                builder.target_lang = m.group(1).replace("_", "-").split("@")[0]
            continue
        key = (_decoded(text, ctxt) + "\x04" if ctxt is not None else "") + msgid
        span = (entry.start, entry.end)
        for a, b in entry.notes:
            builder.note(text[a:b], a, b, span)
        fields = entry.fields
        forms = [k for k in fields if k.startswith("msgstr")]
        if len(forms) > 1:  # plural forms: in their order (one msgstr, most entries, has none to sort)
            forms.sort(key=_form_index)
        if not forms or any(not _decoded(text, fields[k]).strip() for k in forms):
            builder.skip("untranslated")
            continue
        if "fuzzy" in entry.flags and not include_fuzzy:
            builder.skip("fuzzy")
            continue
        for k in forms:
            source = fields["msgid" if _form_index(k) == 0 or "msgid_plural" not in fields else "msgid_plural"]
            target = fields[k]
            if len(source) == 1 == len(target) and _unescaped(text, source[0]) and _unescaped(text, target[0]):
                builder.add_plain_part(key, span, source[0], target[0])  # one literal a side (most entries)
            else:
                builder.add_part(key, span, _filler(text, source), _filler(text, target))


def _form_index(keyword: str) -> int:
    return int(keyword[7:-1]) if "[" in keyword else 0


def _entries(builder):
    """Entries with their fields' literal spans; a line that is none of comment, keyword or string is an error."""
    text = builder.text
    entry: Entry | None = None
    current: str | None = None
    translated = False  # whether the open entry has a msgstr yet
    line_no = 0
    pos, more = 0, True
    while more:
        # Between entries: the usual ones read whole, each with the lines it spans, up to one that is not.
        while (simple := _SIMPLE_ENTRY.match(text, pos)) is not None:
            ctxt = simple.span(1)
            fields = {"msgid": [simple.span(2)], "msgstr": [simple.span(3)]}
            if ctxt[0] >= 0:
                fields = {"msgctxt": [ctxt], **fields}
            pos = simple.end()
            ends_blank = text.endswith("\n\n", 0, pos)  # the blank line after it, which the entry does not hold
            yield Entry(simple.start(), pos - 1 if ends_blank else len(text), fields, set(), [], line_no + 1)
            line_no += len(fields) + ends_blank
        more = False
        for m in _LINE.finditer(text, pos):
            a, b = m.span()
            if a == b:
                break
            line_no += 1
            content = m.group(1)
            stripped = content.strip()
            if not stripped:
                if entry is not None and entry.fields:
                    yield _close(builder, entry, a)
                    entry, current, translated = None, None, False
                if entry is None:
                    pos, more = b, True  # between entries again
                    break
                continue
            # most lines begin at their first column: no second strip to find where their text begins
            lead = a if stripped[0] == content[0] else a + len(content) - len(content.lstrip())
            if stripped.startswith("#"):
                if translated:
                    yield _close(builder, entry, a)
                    entry, current, translated = None, None, False
                if entry is None:
                    entry = Entry(a, line=line_no)
                kind = stripped[1:2]
                if kind == ",":
                    entry.flags.update(f.strip() for f in stripped[2:].split(","))
                elif kind in (" ", ".", ""):
                    entry.notes.append((lead, a + len(content)))
                continue  # references, previous msgids (#|) and obsolete entries (#~) are not checked
            if stripped.startswith('"'):
                if entry is None or current is None:
                    raise builder.error(line_no, "a string that continues no msgid or msgstr")
                entry.fields[current].append(_literal(builder, text, lead, a + len(content), line_no))
                continue
            km = _KEYWORD.match(text, lead, a + len(content))
            if not km:
                raise builder.error(line_no, f"not a PO line: {_short(stripped)}")
            keyword = km.group(1)
            if translated and keyword in ("msgctxt", "msgid"):
                yield _close(builder, entry, a)
                entry, translated = None, False
            if entry is None:
                entry = Entry(a, line=line_no)
            if keyword in entry.fields:
                raise builder.error(line_no, f"{keyword} given twice in one entry")
            current = keyword
            entry.fields[keyword] = [_literal(builder, text, km.end(), a + len(content), line_no)]
            translated = translated or keyword.startswith("msgstr")
    if entry is not None and entry.fields:
        yield _close(builder, entry, len(text))


def _close(builder, entry: Entry, end: int) -> Entry:
    if "msgid" not in entry.fields:
        raise builder.error(entry.line, "an entry without msgid")
    entry.end = end
    return entry


def _literal(builder, text: str, start: int, line_end: int, line_no: int) -> tuple[int, int]:
    """The raw span of a `"..."` literal's content, which must close on its line with nothing after it."""
    i = start + 1
    while True:
        q = text.find('"', i, line_end)
        if q < 0:
            raise builder.error(line_no, "a string that does not close on its line")
        backslashes = 0
        k = q - 1
        while k >= start + 1 and text[k] == "\\":
            backslashes += 1
            k -= 1
        if backslashes % 2 == 0:
            break
        i = q + 1
    if text[q + 1:line_end].strip():
        raise builder.error(line_no, f"text after the closing quote: {_short(text[q + 1:line_end].strip())}")
    return start + 1, q


def _short(s: str) -> str:
    return s if len(s) <= 40 else s[:39] + "…"


def _escapes(text: str, a: int, b: int):
    """(raw start, raw length, characters) of each escape in [a, b)."""
    i = text.find("\\", a, b)
    while i >= 0:
        nxt = text[i + 1:i + 2]
        if nxt in _ESCAPES:
            yield i, 2, _ESCAPES[nxt]
            i += 2
        elif nxt.isdigit():
            j = i + 1
            while j < min(b, i + 4) and text[j] in "01234567":
                j += 1
            yield i, j - i, chr(int(text[i + 1:j] or "0", 8))
            i = j
        elif nxt == "x":
            j = i + 2
            while j < b and text[j] in "0123456789abcdefABCDEF" and j < i + 4:
                j += 1
            yield i, j - i, chr(int(text[i + 2:j] or "0", 16))
            i = j
        else:
            yield i, 2, nxt
            i += 2
        i = text.find("\\", i, b)


def _decoded(text: str, spans) -> str:
    if spans and len(spans) == 1 and text.find("\\", *spans[0]) < 0:
        return text[spans[0][0]:spans[0][1]]  # one literal without an escape (most): itself
    out = []
    for a, b in spans or ():
        i = a
        for at, n, chars in _escapes(text, a, b):
            out.append(text[i:at])
            out.append(chars)
            i = at + n
        out.append(text[i:b])
    return "".join(out)


def _unescaped(text: str, span: tuple[int, int]) -> bool:
    return text.find("\\", *span) < 0


def _filler(text: str, spans):
    def write(view) -> None:
        for a, b in spans:
            if text.find("\\", a, b) < 0:
                view.prose(a, b)  # no escape (most literals): the whole literal as it stands
                continue
            i = a
            for at, n, chars in _escapes(text, a, b):
                view.prose(i, at)
                view.char(chars, at, n)
                i = at + n
            view.prose(i, b)

    return write
