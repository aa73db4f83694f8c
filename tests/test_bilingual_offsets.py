"""Property: in XLIFF, TMX and PO files, every character of a unit's target read by tqcheck maps back to the
raw characters that wrote it (entities, CDATA, PO escapes), and the text read is the text the writer meant."""
from __future__ import annotations

from html import escape

from hypothesis import given, settings, strategies as st

from tqcheck.reading import parse_text

CHARS = st.sampled_from(list("abcñé ,.;«»\"'&<>\\\t") + ["\n", "€", "13.000", "Sí"])
TEXTS = st.lists(CHARS, min_size=1, max_size=40).map("".join).filter(lambda t: t.strip())


def xml_piece(text: str, style: int) -> str:
    if style == 0:
        return escape(text, quote=False)
    if style == 1:
        return "".join(f"&#{ord(c)};" if c in "&<>é" else c for c in text)
    return "<![CDATA[" + text.replace("]]>", "") + "]]>"


def po_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t") + '"'


def check_every_view_char_maps_to_its_raw_writing(doc, meant: list[str]):
    view = doc.view
    got = [" ".join(view[b.start:b.end].split()) for b in doc.blocks]
    assert got == [" ".join(m.split()) for m in meant if m.strip()]
    for block in doc.blocks:
        for v in range(block.start, block.end):
            start, end = doc.view_to_raw.span(v, v + 1)
            raw = doc.text[start:end]
            char = view[v]
            assert raw == char or (raw.startswith("&") and raw.endswith(";")) or raw.startswith("\\"), (v, char, raw)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(TEXTS, TEXTS, st.integers(0, 2)), min_size=1, max_size=5), st.booleans())
def test_xliff_targets_map_back_to_their_raw_characters(units, crlf):
    body = "".join(f'<trans-unit id="u{i}"><source>{xml_piece(s, style)}</source>'
                   f'<target>{xml_piece(t, style)}</target></trans-unit>\n' for i, (s, t, style) in enumerate(units))
    text = ('<?xml version="1.0"?>\n<xliff version="1.2"><file source-language="es" target-language="en"><body>\n'
            + body + "</body></file></xliff>\n")
    if crlf:
        text = text.replace("\n", "\r\n")
    doc = parse_text("u.xlf", text, "xliff")
    meant = [t.replace("\n", "\r\n") if crlf and style == 2 else t for _, t, style in units]
    check_every_view_char_maps_to_its_raw_writing(doc, meant)
    assert [p.unit for p in doc.bilingual.parts] == [f"u{i}" for i, (_, t, _) in enumerate(units)]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(TEXTS, TEXTS, st.integers(1, 3)), min_size=1, max_size=5))
def test_po_targets_map_back_to_their_raw_characters(units):
    entries = []
    for i, (s, t, pieces) in enumerate(units):
        cut = [t[k * len(t) // pieces:(k + 1) * len(t) // pieces] for k in range(pieces)]
        entries.append(f'msgctxt "c{i}"\nmsgid {po_string(s)}\nmsgstr ' + "\n".join(po_string(c) for c in cut) + "\n")
    text = 'msgid ""\nmsgstr "Language: en\\n"\n\n' + "\n".join(entries)
    doc = parse_text("u.po", text, "po")
    check_every_view_char_maps_to_its_raw_writing(doc, [t for _, t, _ in units])
    assert [p.unit.split("\x04")[0] for p in doc.bilingual.parts] == [f"c{i}" for i in range(len(units))]


XML_BITS = st.sampled_from(['<xliff version="1.2">', '<file source-language="es" target-language="en">', "<body>",
                            '<trans-unit id="1">', "<source>", "</source>", "<target>", "</target>", "</trans-unit>",
                            "</body>", "</file>", "</xliff>", '<x id="1"/>', '<g id="2">', "</g>", "&amp;", "&lt;",
                            "&#233;", "&bogus;", "<![CDATA[a]]>", "<!-- c -->", "Hola. ", "Hello, 13.000 people. ",
                            "%s", "{0}", "<", ">", "&", "]]>", '<!DOCTYPE x [<!ENTITY e "x">]>', "\n", "\r\n"])
PO_BITS = st.sampled_from(['msgid "Hola"\n', 'msgstr "Hello"\n', 'msgstr[0] "a"\n', 'msgid_plural "b"\n',
                           'msgctxt "c"\n', '"more"\n', "#, fuzzy\n", "# tqcheck: ignore\n", "\n", '"\\', 'msgstr "',
                           '"\\"q\\" %d\\n"\n', "msgid\n", "garbage\n", '"unclosed\n', "#~ msgid \"old\"\n"])


@settings(max_examples=150, deadline=None)
@given(st.one_of(st.tuples(st.just("xliff"), st.lists(XML_BITS, max_size=40)),
                 st.tuples(st.just("po"), st.lists(PO_BITS, max_size=40))))
def test_any_arrangement_is_a_document_or_one_line_error(case):
    from tqcheck.errors import InputError

    fmt, bits = case
    text = "".join(bits)
    try:
        doc = parse_text("f", text, fmt)
    except InputError as exc:
        assert str(exc).startswith("f:") and "\n" not in str(exc)
        return
    for block in doc.blocks:
        start, end = doc.raw_span(block.start, block.end)
        assert 0 <= start <= end <= len(text)
    for part in doc.bilingual.parts:
        assert 0 <= part.unit_span[0] < part.unit_span[1] <= len(text)
