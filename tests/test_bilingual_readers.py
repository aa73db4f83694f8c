"""Readers of bilingual files on what the first tests left out: XLIFF 2.0 and TMX with a BOM, CRLF,
CDATA, entities and nested inline codes; PO with extracted comments, previous and obsolete entries,
three plural forms, `%%` and brace fields; every position checked against the file's own text."""
from __future__ import annotations

import pytest

from test_bilingual import assert_exact, decoded, findings, report, write

XLIFF_20 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="es-ES" trgLang="en-GB">
  <file id="f1">
    <unit id="prices">
      <segment state="translated">
        <source><![CDATA[Cuesta 25 euros & <nada> más.]]></source>
        <target><![CDATA[It costs 52 euros & <nothing> more.]]></target>
      </segment>
    </unit>
    <unit id="mayor">
      <segment state="translated">
        <source>El alcalde &amp; su equipo recibieron a 1.250 vecinos &#x2014; según &quot;El País&quot;.</source>
        <target>The mayor &amp; his team welcomed 1,520 neighbours &#x2014; according to &quot;El País&quot;.</target>
      </segment>
    </unit>
    <unit id="save">
      <segment state="final">
        <source>Pulse <pc id="1">aquí para <pc id="2">guardar <mrk id="m1" translate="no">Informe</mrk></pc></pc> <ph id="3"/> en 3 pasos.</source>
        <target>Click <pc id="1">here to <pc id="2">save <mrk id="m1" translate="no">Informe</mrk></pc></pc> in 30 steps.</target>
      </segment>
    </unit>
    <unit id="two">
      <segment state="translated"><source>Abrió en 1990.</source><target>It opened in 1990.</target></segment>
      <ignorable><source> </source></ignorable>
      <segment state="translated"><source>Tiene 300 camas.</source><target>It has 3000 beds.</target></segment>
    </unit>
  </file>
</xliff>
"""

TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header creationtool="tests" creationtoolversion="1" segtype="sentence" o-tmf="none" adminlang="en" srclang="es-ES" datatype="html"/>
  <body>
    <tu tuid="beds">
      <note>Written for the tests.</note>
      <tuv xml:lang="es-ES"><seg>El hospital tiene 300 camas.</seg></tuv>
      <tuv xml:lang="en-US"><seg>The hospital has &#51;000 beds.</seg></tuv>
    </tu>
    <tu tuid="cdata">
      <tuv xml:lang="es-ES"><seg><![CDATA[Cuesta 25 euros & <nada> más.]]></seg></tuv>
      <tuv xml:lang="en-US"><seg><![CDATA[It costs 52 euros & <nothing> more.]]></seg></tuv>
    </tu>
    <tu tuid="bold">
      <tuv xml:lang="es-ES"><seg>Pulse <hi type="b">el botón <bpt i="1">&lt;a href="#"&gt;</bpt>Guardar<ept i="1">&lt;/a&gt;</ept></hi> <ph x="2">&lt;br/&gt;</ph>dos veces.</seg></tuv>
      <tuv xml:lang="en-US"><seg>Press <hi type="b">the <bpt i="1">&lt;a href="#"&gt;</bpt>Save<ept i="1">&lt;/a&gt;</ept> button</hi> twice &amp; wait.</seg></tuv>
    </tu>
    <tu tuid="quote">
      <prop type="x-context">news</prop>
      <tuv xml:lang="es-ES"><seg>«Estamos muy contentos», dijo el alcalde.</seg></tuv>
      <tuv xml:lang="en-US"><seg>&quot;We are very happy,&quot; the mayor said, with 13.000 votes.</seg></tuv>
    </tu>
  </body>
</tmx>
"""

PO = r'''# Spanish to English, written for the tests.
msgid ""
msgstr ""
"Language: en_GB\n"
"Content-Type: text/plain; charset=UTF-8\n"
"Plural-Forms: nplurals=3; plural=(n==1 ? 0 : n==2 ? 1 : 2);\n"

#. tqcheck: ignore A103
#: report.py:3
msgid "El informe tiene 40 páginas."
msgstr "The report has 400 pages."

#, python-brace-format
#| msgid "Hola {nombre}"
msgid "Hola {nombre}, tiene {n} mensajes nuevos."
msgstr "Hello, you have {n} new messages."

#, c-format
msgid "El 50%% de los %d pacientes mejoró."
msgstr "50%% of the %d patients improved."

msgctxt ""
"hospital\t"
"beds"
msgid "Hay una cama."
msgid_plural "Hay %d camas de 300."
msgstr[0] "There is one bed."
msgstr[1] "There are two beds."
msgstr[2] "There are %d beds of 30."

#~ msgid "El tranvía tiene 40 paradas."
#~ msgstr "The tram has 400 stops."
'''


def segments(file_report) -> dict[str, str]:
    """Each checked target text with its source text."""
    return {s["text"]: s["source"]["text"] for s in file_report["segments"] if s["source"]}


# -- XLIFF 2.0 -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("newline,bom", [("\r\n", True), ("\n", False)])
def test_xliff_20_with_bom_crlf_cdata_entities_and_nested_codes(tmp_path, newline, bom):
    path = write(tmp_path, "app.xliff", XLIFF_20, newline, bom)
    got = report(path)
    assert_exact(path, got)  # line and column through the BOM and CRLF, offsets into the decoded text
    assert (got["source_lang"], got["target_lang"]) == ("es", "en-GB")
    assert "4 units checked, 0 skipped" in got["notes"]  # two segments of one unit are one unit
    pairs = segments(got)
    # CDATA read as text, its markers not prose; `&amp;`, `&quot;` and `&#x2014;` read as their characters
    assert pairs["It costs 52 euros & <nothing> more."] == "Cuesta 25 euros & <nada> más."
    assert pairs['The mayor & his team welcomed 1,520 neighbours — according to "El País".'] == \
        'El alcalde & su equipo recibieron a 1.250 vecinos — según "El País".'
    # nested <pc> and <mrk> are blanked around their prose; the <ph/> the translation lost is A110
    assert pairs["Click here to save Informe in 30 steps."] == "Pulse aquí para guardar Informe en 3 pasos."
    assert {(f["unit"], f["excerpt"]) for f in findings(got, "A103")} == \
        {("prices", "52"), ("mayor", "1,520"), ("save", "30"), ("two", "3000")}
    lost = findings(got, "A110")
    assert [f["unit"] for f in lost] == ["save"] and '<ph id="3"/>' in lost[0]["message"]
    text = decoded(path)
    cdata = next(f for f in findings(got, "A103") if f["unit"] == "prices")
    assert text.rfind("<target><![CDATA[", 0, cdata["start"]) > text.rfind("<source>", 0, cdata["start"])


def test_xliff_20_nested_codes_kept_in_the_translation_are_not_a110(tmp_path):
    kept = XLIFF_20.replace(" in 30 steps.", ' <ph id="3"/> in 3 steps.')
    assert kept != XLIFF_20
    got = report(write(tmp_path, "app.xliff", kept))
    assert "save" not in {f["unit"] for f in findings(got, "A110") + findings(got, "A103")}


def test_xliff_20_a_lost_nested_paired_code_is_a110(tmp_path):
    lost = XLIFF_20.replace('<pc id="2">save <mrk id="m1" translate="no">Informe</mrk></pc>', "save Informe")
    assert lost != XLIFF_20
    got = report(write(tmp_path, "app.xliff", lost))
    messages = [f["message"] for f in findings(got, "A110") if f["unit"] == "save"]
    assert any('<pc id="2">' in m for m in messages), messages


# -- TMX -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("newline,bom", [("\r\n", True), ("\n", False)])
def test_tmx_with_bom_crlf_cdata_entities_and_nested_codes(tmp_path, newline, bom):
    path = write(tmp_path, "memory.tmx", TMX, newline, bom)
    got = report(path)
    assert_exact(path, got)
    assert (got["source_lang"], got["target_lang"]) == ("es", "en-US")
    assert "4 units checked, 0 skipped" in got["notes"]
    found = {(f["code"], f["unit"], f["excerpt"]) for f in got["findings"]}
    # a figure written with a character reference is reported over the reference itself
    assert ("A103", "beds", "&#51;000") in found
    assert ("A103", "cdata", "52") in found
    assert ("N101", "quote", "13.000") in found
    pairs = segments(got)
    assert pairs["The hospital has 3000 beds."] == "El hospital tiene 300 camas."
    assert pairs["It costs 52 euros & <nothing> more."] == "Cuesta 25 euros & <nada> más."
    # <hi> wraps prose; <bpt>/<ept> inside it are codes, blanked with their escaped HTML
    assert pairs["Press the Save button twice & wait."] == "Pulse el botón Guardar dos veces."
    lost = [f for f in findings(got, "A110") if f["unit"] == "bold"]
    assert len(lost) == 1 and "&lt;br/&gt;" in lost[0]["message"]
    assert '"We are very happy," the mayor said, with 13.000 votes.' in pairs


# -- PO ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_po_comments_previous_and_obsolete_entries_three_plurals_and_format_fields(tmp_path, newline):
    path = write(tmp_path, "app.po", PO, newline)
    got = report(path)
    assert_exact(path, got)
    assert (got["source_lang"], got["target_lang"]) == ("es", "en-GB")
    # the obsolete (#~) entry is not a unit; the fuzzy-free rest are all checked
    assert "4 units checked, 0 skipped" in got["notes"]
    assert "The tram has 400 stops." not in segments(got)
    found = [(f["code"], f["unit"], f["excerpt"]) for f in got["findings"]]
    # `#. tqcheck: ignore A103` (an extracted comment) silences its entry; the #| previous msgid is no text
    assert not [f for f in found if f[1] == "El informe tiene 40 páginas."]
    # a brace field of the msgid missing from the msgstr is A110; `%%` is a literal percent, no field
    plural = "hospital\tbeds\x04Hay una cama."  # msgctxt over two lines, its \t escape read
    assert ("A110", "Hola {nombre}, tiene {n} mensajes nuevos.", "Hello, you have {n} new messages.") in found
    assert not [f for f in found if f[1] == "El 50%% de los %d pacientes mejoró."]
    # msgstr[1] and msgstr[2] are both compared with msgid_plural, msgstr[0] with msgid
    assert ("A103", plural, "30") in found
    assert ("A110", plural, "There are two beds.") in found
    assert not [f for f in found if f[2] == "There is one bed."]
    assert segments(got)["There are beds of 30."] == "Hay camas de 300."


def test_po_percent_literal_is_prose_and_a_lost_conversion_is_a110(tmp_path):
    lost = PO.replace('"50%% of the %d patients improved."', '"50%% of the patients improved."')
    assert lost != PO
    got = report(write(tmp_path, "app.po", lost))
    a110 = [f for f in findings(got, "A110") if f["unit"] == "El 50%% de los %d pacientes mejoró."]
    assert len(a110) == 1 and "%d" in a110[0]["message"] and "%%" not in a110[0]["message"]


XLIFF_12_MARKUP = """<?xml version="1.0" encoding="UTF-8"?>
<!-- a comment before the root: <xliff> -->
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file source-language="es" target-language="en" datatype="plaintext" original="a > b.txt"><body>
    <!-- <trans-unit id="commented"><source>No.</source><target>No.</target></trans-unit> -->
    <trans-unit id="pi" resname='a "quoted" > name'>
      <source>El hospital <?cms keep?>tiene 300 camas.</source>
      <target>The hospital <?cms keep?>has 3000 beds.</target>
    </trans-unit>
    <trans-unit id="cdata"><source>Cuesta <![CDATA[<25>]]> euros.</source><target>It costs <![CDATA[<52>]]> euros.</target></trans-unit>
    <trans-unit id="blank"><source>Uno.</source><target>  </target></trans-unit>
    <trans-unit id="empty"><source>Dos.</source><target/></trans-unit>
    <trans-unit id="entity"><source>Y.</source><target>&amp;</target></trans-unit>
  </body></file>
</xliff>
"""


def test_xliff_12_comments_instructions_cdata_and_quoted_brackets_are_markup_not_units(tmp_path):
    path = write(tmp_path, "app.xlf", XLIFF_12_MARKUP)
    got = report(path)
    assert_exact(path, got)
    assert "3 units checked, 2 skipped (2 untranslated)" in got["notes"]  # a target of white space or none
    pairs = segments(got)
    assert pairs["The hospital has 3000 beds."] == "El hospital tiene 300 camas."  # the instruction blanked
    assert pairs["It costs <52> euros."] == "Cuesta <25> euros."
    assert pairs["&"] == "Y."  # an entity is text: the unit is translated
    assert {(f["unit"], f["excerpt"]) for f in findings(got, "A103")} == {("pi", "3000"), ("cdata", "52")}


PO_UNSPACED = '''msgid ""
msgstr "Language: en\\n"
msgid "Hay 300 camas."
msgstr "There are 3000 beds."
#, fuzzy
msgid "Tiene 12 salas."
msgstr "It has 12 rooms."
  msgctxt "indented"
  msgid "Abrió en 1990."
  msgstr ""
  "It opened in 1991."
msgid "Llegaron 40 \\"pacientes\\"."
msgstr "40 \\"patients\\" arrived."
'''


def test_po_entries_without_blank_lines_between_indented_and_continued(tmp_path):
    """A msgid after a msgstr, or a comment after one, begins the next entry; indented lines and a msgstr
    continued on the next line are read as any other."""
    path = write(tmp_path, "app.po", PO_UNSPACED)
    got = report(path)
    assert_exact(path, got)
    assert "3 units checked, 1 skipped (1 fuzzy)" in got["notes"]
    assert {(f["unit"], f["excerpt"]) for f in findings(got, "A103")} == {
        ("Hay 300 camas.", "3000"), ("indented\x04Abrió en 1990.", "1991")}
    assert segments(got)['40 "patients" arrived.'] == 'Llegaron 40 "pacientes".'
