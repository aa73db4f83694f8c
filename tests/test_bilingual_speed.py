"""The shortcuts that made bilingual files faster (issue 16) give what the general way gives, on real
text and on the characters where a shortcut would go wrong."""
from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings, strategies as st

from tqcheck.errors import MalformedFile
from tqcheck.output import text as text_output
from tqcheck.reading import parse_text
from tqcheck.rules import source
from tqcheck.text import numbers
from tqcheck.text import segment as segmentation
from tqcheck.text.document import Block, Document

SEED = (Path(__file__).resolve().parent.parent / "seeds" / "000_24777a2ba7ef8ce0.txt").read_text(encoding="utf-8")
SEED_LINES = [line for line in SEED.splitlines() if line.strip()][:40]
SPANISH = [
    "El presidente ruso, Vladimir Putin, se reunió con Xi Jinping en Pekín el 4 de febrero de 2022.",
    "La OTAN desplegó 1.250 soldados más; según «El País», 13.000 personas firmaron la petición.",
    "İstanbul y Ankara: dónde están los 300 refugiados ahora.",
    "Más información en www.sanidad.gob.es o escriba a consultas@sanidad.gob.es (@SaludPublica, #QuédateEnCasa).",
]
ENGLISH = [
    "Russian President Vladimir Putin met Xi Jinping in Beijing on 4 February 2022.",
    "NATO deployed 1,250 more soldiers; according to “El País”, 13,000 people signed the petition.",
    "istanbul and i̇stanbul: where the 300 refugees are now, café Ⅰ don't.",
    "More information at www. sanidad. gob. es or write to consultas@sanidad.gob.es (#StayHome).",
]


def general_copied_share(source_text: str, target_text: str) -> tuple[float, int]:
    """copied_share as it was written before its shortcut: one Python step per word."""
    source_words = {w.lower() for w in source._WORD.findall(source_text)}
    words = [w for w in source._WORD.findall(target_text) if w.islower() and len(w) > 1]
    if not words:
        return 0.0, 0
    return sum(w in source_words for w in words) / len(words), len(words)


def general_kept_tokens(text: str) -> dict[str, list[str]]:
    """kept_tokens without its prefilter: every pattern run on every text."""
    found: dict[str, list[str]] = {}
    taken: list[tuple[int, int]] = []
    for kind, _, _, pattern in source.KEPT_TOKENS:
        for m in pattern.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            taken.append((m.start(), m.end()))
            found.setdefault(kind, []).append(m.group(0))
    return found


def texts():
    everything = SEED_LINES + SPANISH + ENGLISH
    return [(a, b) for a in everything for b in (SPANISH + ENGLISH + SEED_LINES[:5])]


def test_copied_share_shortcut_equals_the_general_way():
    pairs = texts()
    assert any(general_copied_share(a, b)[1] for a, b in pairs)
    for a, b in pairs:
        assert source.copied_share(a, b) == general_copied_share(a, b), (a, b)
    # U+0130 lowercases into two characters: the one letter the shortcut must not take
    assert source.copied_share("İstanbul", "i̇stanbul istanbul") == general_copied_share("İstanbul", "i̇stanbul istanbul")


def test_kept_tokens_prefilter_finds_what_every_pattern_finds():
    found_any = set()
    for text in SEED_LINES + SPANISH + ENGLISH:
        assert source.kept_tokens(text) == general_kept_tokens(text), text
        found_any |= set(general_kept_tokens(text))
    assert found_any >= {"URL", "e-mail address", "handle", "hashtag", "acronym"}


def test_missing_names_still_finds_a_lost_surname_and_only_it():
    assert source.missing_names(SPANISH[0], "The Russian president met Xi Jinping in Beijing.") == ["Vladimir Putin"]
    assert source.missing_names(SPANISH[0], ENGLISH[0]) == []
    assert source.missing_names("La OTAN desplegó soldados.", "NATO deployed soldiers.") == []


def test_missing_names_reads_names_with_accented_capitals_and_not_words_glued_to_others():
    # Capitals beyond ASCII start a name (the search for words that may be capitalised passes them).
    assert source.missing_names("Según Ángel Pérez, el plan avanza.", "According to Angel, the plan advances.") == ["Ángel Pérez"]
    assert source.missing_names("Lo dijo Élodie Ñúñez ayer.", "Élodie Ñúñez said it yesterday.") == []
    # "Ana" glued to a code or a word with a hyphen is no capitalised word: no name, nothing lost.
    assert source.missing_names("El lote a1Ana García x-Ana Pérez.", "Lot a1 and x.") == []


def test_plain_digits_read_as_before():
    for lang in ("es", "en"):
        for q in numbers.quantities("En 2021 había 300 camas, 007 salas y 1.250,5 metros.", lang):
            expected = numbers._read(q.text, *numbers.marks(lang)) if q.text.isdigit() else None
            if expected is not None:
                assert (q.value, q.decimals) == expected


def test_text_output_shortcuts_keep_tabs_escapes_and_wide_characters():
    assert text_output._width("Putin met Xi") == 12
    assert text_output._width("习近平 met") == 10  # wide characters still take two columns
    assert text_output._width("cafe\u0301") == 4  # a combining accent none
    shown, (pad, carets) = text_output._underline("a\tb \x1b[31m red", text_output.LineIndex("a\tb \x1b[31m red"), 1, 2, 3)
    assert "\t" not in shown and "\x1b" not in shown and (pad, carets) == ("  ", "^")



def test_offset_map_span_finds_both_ends_as_raw_start_and_raw_end_do():
    # PO escapes and XML entities make pieces of one view character for several raw ones, between runs
    # copied one to one: every span, empty ones and those across pieces included, maps as the two methods map.
    po = ('msgid ""\nmsgstr "Language: en\\n"\n\nmsgctxt "a#1"\nmsgid "Dijo \\"sí\\".\\tFin."\n'
          'msgstr "He said \\"yes\\".\\tEnd."\n"\\n 13.000 more"\n')
    xliff = ('<xliff version="1.2"><file source-language="es" target-language="en"><body><trans-unit id="1">'
             '<source>A &amp; B, &#233;l.</source><target>A &amp; B, &#233;l <x id="1"/> said.</target>'
             '</trans-unit></body></file></xliff>')
    for doc in (parse_text("u.po", po, "po"), parse_text("u.xlf", xliff, "xliff")):
        for d in (doc, doc.bilingual.source_doc):
            m, n = d.view_to_raw, len(d.view)
            assert len(m._pieces) > 3
            for a in range(-1, n + 2):
                for b in range(a - 1, n + 3):
                    expected = (m.raw_start(a),) * 2 if b <= a else (m.raw_start(a), m.raw_end(b - 1))
                    assert m.span(a, b) == expected, (a, b)


# -- reading: the usual PO entry read whole, a unit's plain texts written in one step ----------------------

PO_LINES = st.sampled_from(['msgctxt "a#1"\n', 'msgid "Hola, 13.000 personas."\n', 'msgid "Dijo \\"sí\\"."\n',
                            'msgstr "Hello, 13,000 people."\n', 'msgstr ""\n', 'msgstr "50 %s {0}"\n',
                            'msgstr "a\\\\"\n', 'msgid ""\n', '"Language: en\\n"\n', "\n", "  \n", "\r\n",
                            "#, fuzzy\n", "# tqcheck: ignore A103\n", "#: ref.c:1\n", 'msgid_plural "b"\n',
                            'msgstr[0] "x"\n', 'msgstr[1] "y"\n', 'msgstr  "two spaces"\n', ' msgid "lead"\n',
                            'msgstr "after" x\n', 'msgstr "open\n', '"more"\n', 'msgstr "no newline"'])


def _entries_of(text: str, line_loop_only: bool):
    from tqcheck.reading.bilingual import Builder, po

    saved = po._SIMPLE_ENTRY
    if line_loop_only:
        po._SIMPLE_ENTRY = re.compile(r"(?!)")  # never matches: every line through the loop, as before
    try:
        return [(e.start, e.end, e.fields, e.flags, e.notes, e.line) for e in po._entries(Builder("u.po", text, "po"))]
    except MalformedFile as exc:
        return str(exc)
    finally:
        po._SIMPLE_ENTRY = saved


USUAL_ENTRIES = st.builds(lambda ctxt, msgid, msgstr, blank: ctxt + msgid + msgstr + blank,
                          st.sampled_from(["", 'msgctxt "a#1"\n', 'msgctxt ""\n']),
                          st.sampled_from(['msgid "Hola."\n', 'msgid ""\n', 'msgid "Dijo \\"sí\\" \\\\"\n']),
                          st.sampled_from(['msgstr "Hello."\n', 'msgstr ""\n', 'msgstr "a \\t%s"\n']),
                          st.sampled_from(["", "\n", "\n\n"]))


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(USUAL_ENTRIES, PO_LINES), max_size=30))
def test_usual_po_entries_read_whole_are_the_entries_the_line_loop_reads(lines):
    text = "".join(lines)
    assert _entries_of(text, False) == _entries_of(text, True)


def test_usual_po_entries_are_read_whole_with_their_lines_and_ends():
    text = ('msgid ""\nmsgstr ""\n"Language: en\\n"\n\nmsgctxt "a"\nmsgid "Hola."\nmsgstr "Hello."\n\n'
            'msgid "Dijo \\"sí\\"."\nmsgstr "He said \\"yes\\"."\n\n\n#, fuzzy\nmsgid "x"\nmsgstr "y"\n')
    fast = _entries_of(text, False)
    assert fast == _entries_of(text, True)
    assert [(line, end) for _, end, _, _, _, line in fast] == [
        (1, text.index("\n\nmsgctxt") + 1), (5, text.index('\n\nmsgid "Dijo') + 1), (9, text.index("\n\n\n#") + 1),
        (13, len(text))]  # each entry ends where the blank line after it begins; the last at the end of the file


def _views_of(doc):
    out = [(d.view, d.blocks, d.view_to_raw._pieces) for d in (doc, doc.bilingual.source_doc)]
    return out + [(p.unit, p.target, p.source, p.unit_span, p.target_placeholders, p.source_placeholders)
                  for p in doc.bilingual.parts]


TEXTS_PLAIN = ["Hola, 13.000 personas.", "  Espacios alrededor  ", "", "   ", "50 % de %s", "y {0}", "a\tb",
               "al 95 % de {los casos}", "100%% seguro"]


def test_plain_texts_are_written_as_open_block_prose_close_block_write_them():
    from tqcheck.reading.bilingual import View

    po_units = "".join(f'msgctxt "{i}"\nmsgid "{s}"\nmsgstr "{t}"\n\n'
                       for i, (s, t) in enumerate((s, t) for s in TEXTS_PLAIN for t in TEXTS_PLAIN if t.strip()))
    xliff_units = "".join(f'<trans-unit id="{i}"><source>{s}</source><target>{t}</target></trans-unit>'
                          for i, (s, t) in enumerate((s, t) for s in TEXTS_PLAIN + ["A &amp; B", 'x <x id="1"/> y']
                                                     for t in TEXTS_PLAIN + ["C &lt; D"] if t.strip()))
    tmx_units = "".join(f'<tu tuid="{i}"><tuv xml:lang="es"><seg>{s}</seg></tuv><tuv xml:lang="en"><seg>{t}</seg></tuv></tu>'
                        for i, (s, t) in enumerate((s, t) for s in TEXTS_PLAIN for t in TEXTS_PLAIN if t.strip()))
    files = [("u.po", 'msgid ""\nmsgstr "Language: en\\n"\n\n' + po_units, "po"),
             ("u.xlf", '<xliff version="1.2"><file source-language="es" target-language="en"><body>'
              + xliff_units + "</body></file></xliff>", "xliff"),
             ("u.tmx", '<tmx version="1.4"><header srclang="es"/><body>' + tmx_units + "</body></tmx>", "tmx")]
    general = View.plain_block
    for name, text, fmt in files:
        plain = _views_of(parse_text(name, text, fmt))
        try:
            View.plain_block = lambda view, a, b: view.close_block(view.open_block()) if a == b else (
                lambda start: (view.prose(a, b), view.close_block(start))[1])(view.open_block())
            assert plain == _views_of(parse_text(name, text, fmt)), name
        finally:
            View.plain_block = general
        assert any(p[4] for p in plain[2:]) or fmt == "tmx"  # placeholders found on the way


def _split_each_block(doc, lang="en"):
    """segment() as it was: every block through split_block."""
    abbreviations, out = segmentation._abbreviations(lang), []
    for bi, block in enumerate(doc.blocks):
        for start, end in segmentation.split_block(doc.view, block.start, block.end, abbreviations):
            out.append(segmentation.Segment(len(out), start, end, bi, block.kind))
    return out


def test_a_block_that_is_one_sentence_is_segmented_as_split_block_segments_it():
    po = ('msgid ""\nmsgstr "Language: en\\n"\n\n' + "".join(
        f'msgctxt "{i}"\nmsgid "Hola. Adiós."\nmsgstr "{t}"\n\n' for i, t in enumerate(
            ["Hello.", "Hello. Goodbye.", "Dr. Smith came.", "  padded  ", "¿Qué? Sí.", "x" * 1200, "A.B. 3.5 ok"])))
    docs = [parse_text("u.po", po, "po"), parse_text("seed.txt", SEED, "text")]
    docs.append(docs[0].bilingual.source_doc)
    # blocks right after a stop, untrimmed or empty: the shortcut must leave them to split_block
    view = "Hola.. Adiós  Bien hecho.  Otra  \n\nFin"
    docs.append(Document("x", view, "text", view, [Block(0, 5), Block(5, 12), Block(14, 27), Block(27, 33),
                                                   Block(35, 35), Block(34, 38), Block(38, 38)]))
    for doc in docs:
        assert segmentation.segment(doc) == _split_each_block(doc)
    assert len(segmentation.segment(docs[0])) > len(docs[0].blocks)  # some blocks are several sentences


def test_the_first_name_search_finds_every_source_that_missing_names_reads_a_name_in():
    sources = SPANISH + [
        "Según Ángel Pérez, el plan avanza.", "El lote a1Ana García x-Ana Pérez.", "Lo dijo ÁAna Ruiz.",
        "Alzheimer y Algunos casos.", "Lo firmó Al Gore.", "Habló Ana.", "Lo dijo O'Ana Pérez ayer.",
        "La Vida Diaria de Marta Sánchez.", "Nada que ver aquí.", "Lo anunció el ministro Luis Planas.",
    ]
    targets = ["The plan advances.", "Lot a1 and x.", "Ruiz said it.", "Alzheimer and some cases.",
               "Signed by Gore.", "Ana spoke.", "Pérez said it yesterday.", "Daily Life by Sánchez.", "Nothing here.",
               "The minister announced it."]
    found = [source.Pair(None, s, t) for s in sources for t in targets]
    search = source._first_name_search(found)
    read = [p for p in found if source.missing_names(p.source_text, p.target_text)]
    assert len({p.source_text for p in read}) >= 5
    for pair in read:
        assert search(pair.source_text) is not None, pair.source_text
    assert search("Alzheimer y Algunos casos.") is None  # "Al" is a first name, but only as a word of its own
    assert source._first_name_search([source.Pair(None, "sin nombres en 2021.", "no names in 2021.")]) is None


CODE_BITS = st.sampled_from(["COVID-19", "SARS-CoV-2", "DSM-5", "aB1c", "1aB", "x-Y-2", "IL6", "pH7", "A_1B", "AB",
                             "OMS", "ÉB2", "B2É", "AB-c", "a-b-1-C-D", "2-AB", "Ⅱ2AB", "AbCd1", "1-ab-CD", "XIV",
                             "www.OMS.int", "@OPS_NY", "#COVID19", " ", " ", "-", ", ", "(", "9"])


@settings(max_examples=400, deadline=None)
@given(st.lists(CODE_BITS, max_size=12))
def test_a111_finds_the_codes_each_pattern_finds_when_run_on_every_text(bits):
    from tqcheck.rules import units

    text = "".join(bits)
    found = general_kept_tokens(text)
    assert units._acronyms(text) == found.get("code", []) + found.get("acronym", [])


def test_a112_reads_the_ends_of_each_unit_as_the_whole_texts_read():
    from tqcheck.checking import bilingual
    from tqcheck.rules import units
    from tqcheck.rules.base import Context

    sources = ["El paciente presentó fiebre, malestar general y pérdida de peso.", "¿Qué pasó después?  ",
               "Sin punto final", "Dijo: «ya está».", "Corto.", "Lo dijo ayer.»)]   "]
    targets = ["The patient had fever, malaise", "The patient had fever, malaise and weight loss.",
               "What happened after that   ", "He said: “that is it”", "Short", "  padded on both sides, no stop  ",
               "Ends with a bracket (see above)"]
    po = 'msgid ""\nmsgstr "Language: en\\n"\n\n' + "".join(
        f'msgctxt "{i}"\nmsgid "{s}"\nmsgstr "{t}"\n\n' for i, (s, t) in enumerate((s, t) for s in sources for t in targets))
    doc = parse_text("u.po", po, "po")
    ctx = Context(doc, segmentation.segment(doc, "en"), "en", ("es",), source_known=True)
    ctx.source_doc = doc.bilingual.source_doc
    ctx.source_segments = segmentation.segment(ctx.source_doc, "es")
    bilingual.align(ctx)
    expected = []
    for source_text, ts, target_text in units._units(ctx):  # as A112 read each unit before
        target = target_text.rstrip()
        if len(target) < units.MIN_CUT_CHARS or units._CLOSED.search(target[-4:]):
            continue
        if units._SENTENCE_END.search(source_text[-8:]):
            end = ts + len(target)
            expected.append((end - min(len(target.split()[-1]), end - ts), end))
    found = [(f.start, f.end) for f in units.CutShort().check(ctx)]
    assert found == expected and len(found) >= 6
