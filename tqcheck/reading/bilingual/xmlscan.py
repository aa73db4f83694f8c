"""XML read safely: lxml proves the file well-formed with entities, DTDs and the network off; a linear scan gives every element's exact offsets."""
from __future__ import annotations

from dataclasses import dataclass, field

from tqcheck.speed import warmstart

_ATTR = warmstart.regex(r"([^\s=]++)\s*+=\s*+(?:\"([^\"]*+)\"|'([^']*+)')")
_ENTITY_DECL = warmstart.regex(r"<!ENTITY", 0)
_PREDEFINED = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}


@dataclass(eq=False)
class Element:
    name: str  # the local name, without a namespace prefix
    attrs: dict[str, str]
    start: int  # raw offset of `<`
    inner_start: int  # just past the start tag
    inner_end: int = -1  # the end tag's `<` (= inner_start for an empty element)
    end: int = -1  # just past the end tag
    children: list["Element"] = field(default_factory=list)

    def find(self, name: str) -> "Element | None":
        for c in self.children:  # a plain loop: no generator to build for each of a file's units
            if c.name == name:
                return c
        return None

    def find_all(self, name: str) -> list["Element"]:
        return [c for c in self.children if c.name == name]

    def iter(self, name: str):
        """Descendants named `name`, in document order, without descending into a match."""
        stack = list(reversed(self.children))
        while stack:
            el = stack.pop()
            if el.name == name:
                yield el
            else:
                stack.extend(reversed(el.children))


def parse(builder) -> Element:
    """The root element of `builder.text`, after refusing entity declarations and proving the XML well-formed."""
    text = builder.text
    _refuse_entities(builder)
    _well_formed(builder)
    return _scan(text)


def _refuse_entities(builder) -> None:
    """An internal DTD subset that declares entities is how XXE and "billion laughs" attacks begin: refused."""
    text = builder.text
    root = _first_element(text)
    doctype = text.find("<!DOCTYPE", 0, root)
    if doctype >= 0:
        m = _ENTITY_DECL.search(text, doctype, root)
        if m:
            raise builder.error(builder.line_of(m.start()), "entity declarations are not allowed "
                                "(they can read local files or expand without bound); remove the DOCTYPE's entities")


def _first_element(text: str) -> int:
    """Offset of the root element's `<`, skipping the prolog's declarations, comments and DOCTYPE."""
    i = 0
    while True:
        lt = text.find("<", i)
        if lt < 0 or lt + 1 >= len(text):
            return len(text)
        nxt = text[lt + 1]
        if nxt == "?":
            i = _after(text, "?>", lt)
        elif text.startswith("<!--", lt):
            i = _after(text, "-->", lt)
        elif nxt == "!":
            close = text.find(">", lt)
            bracket = text.find("[", lt, close if close >= 0 else len(text))
            if bracket >= 0:
                close = text.find("]", bracket)
                close = text.find(">", close) if close >= 0 else -1
            i = close + 1 if close >= 0 else len(text)
        else:
            return lt


def _after(text: str, marker: str, start: int) -> int:
    j = text.find(marker, start)
    return len(text) if j < 0 else j + len(marker)


FEED_CHARS = 1 << 20  # the text reaches lxml in pieces: no second whole copy of a large file


def _well_formed(builder) -> None:
    from lxml import etree

    text = builder.text
    start = 0
    parser = etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True, dtd_validation=False,
                             huge_tree=False, recover=False)
    try:
        if text.startswith("<?xml"):
            end = text.find("?>")
            if end > 0:  # the text is decoded already: its encoding declaration no longer applies
                start = end + 2
                parser.feed("".join(c if c in "\r\n" else " " for c in text[:start]).encode())
        for i in range(start, len(text), FEED_CHARS):
            parser.feed(text[i:i + FEED_CHARS].encode("utf-8", "surrogatepass"))
        parser.close()
    except etree.XMLSyntaxError as exc:
        first = next(iter(exc.error_log), None)  # the cause; a fed parser's own message may be only "no element found"
        line = (first.line if first is not None else 0) or exc.lineno or 1
        message = first.message if first is not None else (exc.msg or str(exc)).split(", line ")[0]
        message = message.replace(", try XML_PARSE_HUGE", " (over 10 MB)").replace(", use XML_PARSE_HUGE option", "")
        raise builder.error(line, f"not well-formed XML: {message}") from None


# What the scan meets after a `<`, in one match: an end tag (to its `>`), the opening of a comment, a
# CDATA section or an instruction (each skipped to its end), or a start or empty tag (its name, then its
# attributes, whose values in quotes may hold `>`).
_MARKUP = warmstart.regex(r"<(?:(/)[^>]*+>|(!--|!\[CDATA\[|\?)|([^\s/>]++)((?:[^\"'>]|\"[^\"]*+\"|'[^']*+')*+)>)")
_SKIP_TO = {"!--": "-->", "![CDATA[": "]]>", "?": "?>"}


def _scan(text: str) -> Element:
    """Elements with their offsets, for text lxml has already accepted (so every tag closes)."""
    root = None
    stack: list[Element] = []
    i = _first_element(text)
    search = _MARKUP.search
    while True:
        m = search(text, i)
        if m is None:
            break
        end_tag, skipped, qname, body = m.groups()
        if end_tag:
            el = stack.pop()
            el.inner_end, el.end = m.start(), m.end()
            i = m.end()
        elif skipped:
            i = _after(text, _SKIP_TO[skipped], m.start())
        else:
            name = qname.rpartition(":")[2]
            attrs = {a.group(1): unescape(a.group(2) if a.group(2) is not None else a.group(3))
                     for a in _ATTR.finditer(body)} if "=" in body else {}  # most tags have none
            el = Element(name, attrs, m.start(), m.end())
            if stack:
                stack[-1].children.append(el)
            else:
                root = el
            if body.endswith("/"):
                el.inner_end, el.end = m.end(), m.end()
            else:
                stack.append(el)
            i = m.end()
            if root is not None and not stack:
                break
    return root


def unescape(value: str) -> str:
    if "&" not in value:
        return value
    out, i = [], 0
    while True:
        amp = value.find("&", i)
        if amp < 0:
            out.append(value[i:])
            return "".join(out)
        semi = value.find(";", amp)
        out.append(value[i:amp])
        out.append(entity(value[amp + 1:semi]) or value[amp:semi + 1])
        i = semi + 1


def entity(name: str) -> str | None:
    """The character a predefined or numeric entity stands for (None for any other)."""
    if name.startswith("#x") or name.startswith("#X"):
        return chr(int(name[2:], 16))
    if name.startswith("#"):
        return chr(int(name[1:]))
    return _PREDEFINED.get(name)


def character_data_alone(text: str, el: Element) -> bool:
    """Whether `el` holds character data alone, no child, entity, CDATA, comment or instruction (most texts):
    then emit_content would give one prose() of its whole content (none when empty), and nothing else."""
    a, b = el.inner_start, el.inner_end
    return not el.children and text.find("&", a, b) < 0 and text.find("<", a, b) < 0


def text_of(text: str, el: Element) -> str:
    """An element's character data, entities and CDATA read, markup dropped (for notes, ids)."""
    if character_data_alone(text, el):
        return text[el.inner_start:el.inner_end]  # what the walk below would join
    out = []
    emit_content(text, el, lambda a, b: out.append(text[a:b]), lambda ch, a, n: out.append(ch),
                 lambda a, b: None, lambda child: out.append(text_of(text, child)))
    return "".join(out)


def emit_content(text: str, el: Element, prose, char, blank, child) -> None:
    """Walk an element's content in order: prose(a, b) for character data, char(ch, a, n) for an entity,
    blank(a, b) for CDATA markers, comments and instructions, child(element) for each child element."""
    i = el.inner_start
    for c in el.children + [None]:
        stop = c.start if c is not None else el.inner_end
        _emit_text(text, i, stop, prose, char, blank)
        if c is not None:
            child(c)
            i = c.end
    return None


def _emit_text(text: str, i: int, stop: int, prose, char, blank) -> None:
    amp = lt = -1  # the next `&` and `<` found so far: each is searched for once past each use, so the walk is linear
    while i < stop:
        if amp < i:
            amp = text.find("&", i, stop)
            amp = stop if amp < 0 else amp
        if lt < i:
            lt = text.find("<", i, stop)
            lt = stop if lt < 0 else lt
        nxt = min(amp, lt)
        if nxt > i:
            prose(i, nxt)
        if nxt == stop:
            return
        if nxt == amp:
            semi = text.find(";", amp, stop)
            ch = entity(text[amp + 1:semi])
            if ch is None:
                blank(amp, semi + 1)
            else:
                char(ch, amp, semi + 1 - amp)
            i = semi + 1
        elif text.startswith("<![CDATA[", lt):
            end = text.find("]]>", lt, stop)
            blank(lt, lt + 9)
            if end > lt + 9:
                prose(lt + 9, end)
            blank(end, end + 3)
            i = end + 3
        elif text.startswith("<!--", lt):
            i = _after(text, "-->", lt)
            blank(lt, i)
        else:  # a processing instruction
            i = _after(text, "?>", lt)
            blank(lt, i)
