"""Inline markup inside XLIFF and TMX texts: which elements wrap prose, which are codes, and how a code is keyed."""
from __future__ import annotations

from tqcheck.reading.bilingual import xmlscan

# Elements whose content is translatable prose: their tags are blanked, their content read.
WRAPPERS = frozenset({"g", "mrk", "pc", "hi", "sub"})
# Everything else inside a text is a code (x, bx, ex, ph, bpt, ept, it, ut, sc, ec, sm, em, cp):
# blanked whole, content included, and compared with the source by its key.
PAIRED_CODES = frozenset({"g", "pc"})  # wrappers that are formatting the translation must keep
ID_ATTRIBUTES = ("id", "i", "x", "startRef", "rid")


def key(text: str, el: xmlscan.Element) -> str:
    """`name:id`, or `name:content` for a code without an id (TMX's `<ph>{0}</ph>`)."""
    for attr in ID_ATTRIBUTES:
        if el.attrs.get(attr):
            return f"{el.name}:{el.attrs[attr]}"
    return f"{el.name}:{' '.join(xmlscan.text_of(text, el).split())}"


def add_part(builder, key: str, span: tuple[int, int], source: xmlscan.Element, target: xmlscan.Element) -> None:
    """The builder's part of a source element and a target element, written as fill() writes them."""
    text = builder.text
    if xmlscan.character_data_alone(text, source) and xmlscan.character_data_alone(text, target):
        # each text one piece of prose (most units): what fill() would write, in one step a side
        builder.add_plain_part(key, span, (source.inner_start, source.inner_end), (target.inner_start, target.inner_end))
    else:
        builder.add_part(key, span, fill(text, source), fill(text, target))


def fill(text: str, el: xmlscan.Element):
    """A function that writes the content of text element `el` into a View."""

    def write(view) -> None:
        if xmlscan.character_data_alone(text, el):
            if el.inner_end > el.inner_start:  # the one piece of prose the walk would write
                view.prose(el.inner_start, el.inner_end)
            return
        xmlscan.emit_content(text, el, view.prose, view.char, view.blank, _Children(text, view))

    return write


class _Children:
    """Writes a child element of a text into a view: a wrapper's tags blanked and its content read, a code
    blanked whole. A class rather than a closure that calls itself: such a closure is a reference cycle,
    and ten thousand units left twenty thousand of them for the cycle collector."""

    __slots__ = ("text", "view")

    def __init__(self, text: str, view):
        self.text, self.view = text, view

    def __call__(self, c: xmlscan.Element) -> None:
        text, view = self.text, self.view
        if c.name in WRAPPERS:
            if c.name != "mrk" or c.attrs.get("mtype") != "protected":
                if c.name in PAIRED_CODES:
                    view.code(key(text, c), c.start, c.inner_start)
                else:
                    view.blank(c.start, c.inner_start)
                xmlscan.emit_content(text, c, view.prose, view.char, view.blank, self)
                view.blank(c.inner_end, c.end)
                return
        view.code(key(text, c), c.start, c.end)
