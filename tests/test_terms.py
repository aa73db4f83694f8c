"""Terminology: a glossary (CSV, TBX) named in the configuration drives K101-K103; K104 finds one name spelled two ways."""
from __future__ import annotations

import json

from conftest import run_json, run_tqcheck
from tqcheck.api import check_text
from tqcheck.checking.check import Settings, check_document
from tqcheck.reading import parse_text

# A Peruvian newsroom's glossary, es -> en, written as a client would send it.
CSV = """source term,required target term,forbidden target variants,note
Congreso de la República,Congress of the Republic|Peruvian Congress,Congress of Republic|Congress of the Repubic,official name
Ministerio de Economía y Finanzas,Ministry of Economy and Finance,Ministry of Economics and Finances,
Defensoría del Pueblo,Ombudsman's Office,People's Defender|Defender of the People,
Tribunal Constitucional,Constitutional Court,Constitutional Tribunal,
Banco Central de Reserva del Perú,Central Reserve Bank of Peru,Central Bank of Reserve of Peru,BCRP
,Dina Boluarte,Dina Boularte,house style: the president's name
,website,web site,house style
"""

TBX = """<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX-Basic" xml:lang="es" xmlns="">
  <martifHeader><fileDesc><sourceDesc><p>Glosario institucional</p></sourceDesc></fileDesc></martifHeader>
  <text><body>
    <termEntry id="c1">
      <descrip type="definition">Peru's national bank</descrip>
      <langSet xml:lang="es"><tig><term>Banco de la Nación</term></tig></langSet>
      <langSet xml:lang="en">
        <tig><term>Banco de la Nación</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
        <tig><term>National Bank</term><termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></tig>
        <tig><term>Bank of the Nation</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig>
      </langSet>
    </termEntry>
    <termEntry id="c2">
      <langSet xml:lang="es"><tig><term>Jurado Nacional de Elecciones</term></tig></langSet>
      <langSet xml:lang="en">
        <tig><term>National Elections Jury</term></tig>
        <tig><term>National Jury of Elections</term><termNote type="administrativeStatus">supersededTerm-admn-sts</termNote></tig>
      </langSet>
    </termEntry>
  </body></text>
</martif>
"""


def _glossary(tmp_path, name="terms.csv", text=CSV):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def _found(report, code):
    return [(f.excerpt, f.suggestion) for f in report.findings if f.code == code]


def _check(tmp_path, text, fmt="text", glossary=None, name="terms.csv"):
    return check_text(text, fmt, glossary=[glossary or _glossary(tmp_path, name, CSV if name.endswith(".csv") else TBX)])


def _check_source(tmp_path, target, source, glossary):
    doc = parse_text("article.en.txt", target, "text")
    source_doc = parse_text("article.es.txt", source, "text")
    settings = Settings(target_lang="en", source_lang="es", engine="none", glossary=(glossary,))
    return check_document(doc, settings, None, source_doc)


# -- K101: forbidden variants, with and without a source ----------------------------------------------

def test_forbidden_variant_in_plain_text_is_reported_with_the_required_term(tmp_path):
    report = _check(tmp_path, "The bill now goes to the Congress of Republic for a vote on Thursday.\n")
    assert _found(report, "K101") == [("Congress of Republic", "Congress of the Republic")]
    finding = next(f for f in report.findings if f.code == "K101")
    assert "terms.csv:2" in finding.message and "official name" in finding.message


def test_the_required_term_itself_is_not_reported(tmp_path):
    report = _check(tmp_path, "The bill now goes to the Congress of the Republic for a vote on Thursday.\n")
    assert _found(report, "K101") == []


def test_house_style_entries_without_a_source_term_apply_to_any_english_text(tmp_path):
    report = _check(tmp_path, "Dina Boularte spoke on Monday. Readers can find the decree on the web site of the government.\n")
    assert _found(report, "K101") == [("Dina Boularte", "Dina Boluarte"), ("web site", "website")]


def test_a_lower_case_term_matches_at_the_start_of_a_sentence_and_a_capitalised_one_only_as_written(tmp_path):
    report = _check(tmp_path, "Web site traffic rose. The congress of republic is a phrase no glossary owns.\n")
    assert _found(report, "K101") == [("Web site", "Website")]


def test_a_term_inside_a_longer_word_is_not_matched(tmp_path):
    report = _check(tmp_path, "The Web sites and the web siteless pages of the ministry.\n")
    # the plural counts (the span is the term, so the fix keeps the ending); "siteless" is another word
    assert _found(report, "K101") == [("Web site", "Website")]


def test_forbidden_variant_in_markdown_prose_but_not_in_code(tmp_path):
    text = ("# Budget\n\nThe Ministry of Economics and Finances published the figures.\n\n"
            "```\nMinistry of Economics and Finances\n```\n\nSee `Ministry of Economics and Finances` too.\n")
    report = _check(tmp_path, text, "markdown")
    found = [f for f in report.findings if f.code == "K101"]
    assert len(found) == 1 and found[0].line == 3
    assert text[found[0].start:found[0].end] == "Ministry of Economics and Finances"


def test_forbidden_variant_in_html_points_at_the_raw_text(tmp_path):
    text = ("<html><body><p>The <b>Constitutional Tribunal</b> ruled on Friday.</p>"
            "<p>The Constitutional Court agreed; <code>Constitutional Tribunal</code> is a code name.</p>"
            "<script>var name = 'Constitutional Tribunal';</script></body></html>\n")
    report = _check(tmp_path, text, "html")
    found = [f for f in report.findings if f.code == "K101"]
    assert [text[f.start:f.end] for f in found] == ["Constitutional Tribunal"]
    assert found[0].suggestion == "Constitutional Court"


def test_tbx_deprecated_and_superseded_terms_are_forbidden(tmp_path):
    report = _check(tmp_path, "Loans from the Bank of the Nation grew, said the National Jury of Elections.\n",
                    name="terms.tbx")
    assert _found(report, "K101") == [("Bank of the Nation", "Banco de la Nación"),
                                      ("National Jury of Elections", "National Elections Jury")]


def test_the_glossary_code_is_imported_only_when_a_glossary_is_configured(tmp_path):
    import subprocess
    import sys

    (tmp_path / "a.txt").write_text("The Congress of Republic met on Monday.\n", encoding="utf-8")
    code = ("import sys, runpy\nsys.argv = ['tqcheck', 'check', '--engine', 'none', 'a.txt']\n"
            "try:\n    runpy.run_module('tqcheck', run_name='__main__')\nexcept SystemExit:\n    pass\n"
            "print('tqcheck.reading.glossary' in sys.modules and 'tqcheck.speed.terms' in sys.modules, file=sys.stderr)\n")
    plain = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True)
    _glossary(tmp_path)
    (tmp_path / ".tqcheck.toml").write_text('glossary = "terms.csv"\n', encoding="utf-8")
    configured = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True)
    assert plain.stderr.strip().splitlines()[-1] == "False", plain.stderr
    assert configured.stderr.strip().splitlines()[-1] == "True", configured.stderr
    assert "K101" in configured.stdout and "K101" not in plain.stdout


def test_without_a_glossary_no_terminology_finding(tmp_path):
    text = "The bill now goes to the Congress of Republic for a vote on Thursday.\n"
    report = check_text(text)
    assert not [f for f in report.findings if f.code in ("K101", "K102", "K103")]


# -- K102, K103: against a source ----------------------------------------------------------------------

SOURCE = ("El Congreso de la República aprobó el presupuesto el jueves. "
          "El Ministerio de Economía y Finanzas publicó las cifras. "
          "La Defensoría del Pueblo pidió más control del gasto.\n")


def test_a_source_term_without_its_required_rendering_is_reported(tmp_path):
    target = ("The Peruvian parliament approved the budget on Thursday. "
              "The Ministry of Economy and Finance published the figures. "
              "The Ombudsman's Office asked for more control of spending.\n")
    report = _check_source(tmp_path, target, SOURCE, _glossary(tmp_path))
    found = [f for f in report.findings if f.code == "K102"]
    assert [(f.excerpt, f.suggestion) for f in found] == [
        ("The Peruvian parliament approved the budget on Thursday.", "Congress of the Republic")]
    assert "'Congreso de la República'" in found[0].message


def test_plural_and_possessive_of_the_required_term_count_as_present(tmp_path):
    target = ("The Congress of the Republic's majority approved the budget on Thursday. "
              "The Ministry of Economy and Finance published the figures. "
              "The Ombudsman's Office asked for more control of spending.\n")
    report = _check_source(tmp_path, target, SOURCE, _glossary(tmp_path))
    assert _found(report, "K102") == [] and _found(report, "K101") == []


def test_a_forbidden_variant_in_place_of_the_term_is_k101_not_k102(tmp_path):
    target = ("The Congress of Republic approved the budget on Thursday. "
              "The Ministry of Economy and Finance published the figures. "
              "The Ombudsman's Office asked for more control of spending.\n")
    report = _check_source(tmp_path, target, SOURCE, _glossary(tmp_path))
    assert _found(report, "K102") == []
    assert _found(report, "K101") == [("Congress of Republic", "Congress of the Republic")]


def test_one_source_term_rendered_two_allowed_ways_is_inconsistent(tmp_path):
    source = ("El Congreso de la República aprobó la ley. El Congreso de la República la envió al Ejecutivo. "
              "El Congreso de la República cerró la sesión.\n")
    target = ("The Congress of the Republic approved the law. The Congress of the Republic sent it to the executive. "
              "The Peruvian Congress closed the session.\n")
    report = _check_source(tmp_path, target, source, _glossary(tmp_path))
    assert _found(report, "K103") == [("Peruvian Congress", "Congress of the Republic")]
    consistent = target.replace("The Peruvian Congress", "The Congress of the Republic")
    assert _found(_check_source(tmp_path, consistent, source, _glossary(tmp_path)), "K103") == []


def test_tbx_source_terms_are_read_for_the_run_s_language_pair(tmp_path):
    glossary = _glossary(tmp_path, "terms.tbx", TBX)
    source = "El Banco de la Nación amplió sus créditos. El Jurado Nacional de Elecciones publicó los resultados.\n"
    target = "The state bank expanded its loans. The National Elections Jury published the results.\n"
    report = _check_source(tmp_path, target, source, glossary)
    assert _found(report, "K102") == [("The state bank expanded its loans.", "Banco de la Nación")]


def test_source_aware_run_from_the_command_line_with_the_glossary_in_the_configuration(tmp_path):
    _glossary(tmp_path)
    (tmp_path / ".tqcheck.toml").write_text('glossary = "terms.csv"\n', encoding="utf-8")
    (tmp_path / "article.es.md").write_text(SOURCE, encoding="utf-8")
    (tmp_path / "article.en.md").write_text(
        "The Peruvian parliament approved the budget on Thursday. "
        "The Ministry of Economics and Finances published the figures. "
        "The Ombudsman's Office asked for more control of spending.\n", encoding="utf-8")
    proc, data = run_json("--engine", "none", "--select", "K", "article.en.md", "--source", "article.es.md", cwd=tmp_path)
    codes = sorted(f["code"] for f in data["files"][0]["findings"])
    assert codes == ["K101", "K102"], proc.stderr


def test_bilingual_xliff_units_are_checked_against_their_own_source(tmp_path):
    _glossary(tmp_path)
    (tmp_path / ".tqcheck.toml").write_text('glossary = ["terms.csv"]\n', encoding="utf-8")
    (tmp_path / "news.xlf").write_text("""<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file source-language="es" target-language="en" datatype="plaintext" original="news.txt">
    <body>
      <trans-unit id="1">
        <source>El Tribunal Constitucional admitió la demanda.</source>
        <target state="translated">The court admitted the lawsuit.</target>
      </trans-unit>
      <trans-unit id="2">
        <source>El Banco Central de Reserva del Perú mantuvo su tasa.</source>
        <target state="translated">The Central Bank of Reserve of Peru kept its rate.</target>
      </trans-unit>
      <trans-unit id="3">
        <source>La Defensoría del Pueblo pidió calma.</source>
        <target state="translated">The Ombudsman's Office called for calm.</target>
      </trans-unit>
    </body>
  </file>
</xliff>
""", encoding="utf-8")
    proc, data = run_json("--engine", "none", "--select", "K", "news.xlf", cwd=tmp_path)
    found = sorted((f["unit"], f["code"], f.get("suggestion")) for f in data["files"][0]["findings"])
    assert found == [("1", "K102", "Constitutional Court"), ("2", "K101", "Central Reserve Bank of Peru")], proc.stderr


# -- K104: one name spelled two ways -----------------------------------------------------------------------

BOLUARTE = ("President Dina Boluarte met the ministers on Monday. Boluarte said the budget was ready. "
            "Boluarte added that the figures were public. Later, Boularte signed the decree.\n")


def test_a_rare_spelling_of_a_frequent_name_is_reported(tmp_path):
    report = check_text(BOLUARTE)
    assert _found(report, "K104") == [("Boularte", "Boluarte")]


def test_a_name_written_as_often_as_its_twin_is_not_reported(tmp_path):
    text = BOLUARTE.replace("Boluarte said", "Boularte said")  # two and two: nothing says which is right
    assert _found(check_text(text), "K104") == []


def test_accents_plurals_and_common_words_are_not_spelling_slips(tmp_path):
    text = ("Perú grew. Peru exported more. Peru imported less. Peru saved. "
            "The Andes rose. Ande, Andes, Andes, Andes. These figures. There were many. There, There.\n")
    assert _found(check_text(text), "K104") == []


def test_a_glossary_name_makes_even_a_single_misspelling_stand_out(tmp_path):
    report = check_text("On Monday, Boularte signed the decree.\n", glossary=[_glossary(tmp_path)])
    assert _found(report, "K104") == [("Boularte", "Boluarte")]


# -- bad glossaries ------------------------------------------------------------------------------------------

def _run_with(tmp_path, name, text):
    (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / ".tqcheck.toml").write_text(f'glossary = "{name}"\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("The Congress of Republic met.\n", encoding="utf-8")
    return run_tqcheck("check", "--engine", "none", "a.txt", cwd=tmp_path)


def test_a_malformed_csv_is_exit_2_with_file_and_line(tmp_path):
    proc = _run_with(tmp_path, "terms.csv", CSV + 'Poder Judicial,"Judiciary,\n')
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1, proc.stderr
    assert "terms.csv:9" in proc.stderr and "not valid CSV" in proc.stderr and "Traceback" not in proc.stderr


def test_a_row_with_too_many_columns_is_exit_2_with_its_line(tmp_path):
    proc = _run_with(tmp_path, "terms.csv", CSV.replace(",official name", ",official name,extra"))
    assert proc.returncode == 2 and "terms.csv:2: glossary row has 5 columns" in proc.stderr, proc.stderr


def test_a_malformed_tbx_is_exit_2_with_file_and_line(tmp_path):
    proc = _run_with(tmp_path, "terms.tbx", TBX.replace("</langSet>\n    </termEntry>\n    <termEntry id=\"c2\">",
                                                        "</langSet>\n    <termEntry id=\"c2\">", 1))
    assert proc.returncode == 2 and "terms.tbx:" in proc.stderr and "not well-formed TBX" in proc.stderr, proc.stderr


def test_a_tbx_with_an_external_entity_is_not_expanded(tmp_path):
    evil = TBX.replace('<?xml version="1.0" encoding="UTF-8"?>',
                       '<?xml version="1.0"?>\n<!DOCTYPE martif [<!ENTITY x SYSTEM "file:///etc/passwd">]>')
    evil = evil.replace("<term>National Bank</term>", "<term>&x;</term>")
    proc = _run_with(tmp_path, "terms.tbx", evil)
    assert "root:" not in proc.stdout + proc.stderr and "Traceback" not in proc.stderr


def test_a_missing_glossary_file_fails_the_run(tmp_path):
    (tmp_path / ".tqcheck.toml").write_text('glossary = ["terms.csv", "missing.tbx"]\n', encoding="utf-8")
    _glossary(tmp_path)
    (tmp_path / "a.txt").write_text("The Congress met.\n", encoding="utf-8")
    proc = run_tqcheck("check", "--engine", "none", "a.txt", cwd=tmp_path)
    assert proc.returncode == 2 and "glossary = 'missing.tbx': no such file" in proc.stderr, proc.stderr


def test_a_glossary_key_that_is_not_a_string_fails_closed(tmp_path):
    (tmp_path / ".tqcheck.toml").write_text("glossary = 3\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("The Congress met.\n", encoding="utf-8")
    proc = run_tqcheck("check", "--engine", "none", "a.txt", cwd=tmp_path)
    assert proc.returncode == 2 and "'glossary' must be a list of strings" in proc.stderr, proc.stderr


def test_empty_and_conflicting_entries_are_reported_once_and_the_first_entry_wins(tmp_path):
    text = CSV + "Poder Judicial,,Judicial Power,\nTribunal Constitucional,Constitutional Tribunal,,\n"
    (tmp_path / "terms.csv").write_text(text, encoding="utf-8")
    (tmp_path / ".tqcheck.toml").write_text('glossary = "terms.csv"\n', encoding="utf-8")
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("The Constitutional Tribunal ruled on Friday.\n", encoding="utf-8")
    proc = run_tqcheck("check", "--engine", "none", "--jobs", "1", "--format", "json", "a.txt", "b.txt", cwd=tmp_path)
    warnings = [line for line in proc.stderr.splitlines() if line.startswith("tqcheck: warning:")]
    assert len(warnings) == 2, proc.stderr
    assert "terms.csv:9: glossary entry 'Poder Judicial' has no required target term" in warnings[0]
    assert "terms.csv:10" in warnings[1] and "conflicts with" in warnings[1] and "terms.csv:5" in warnings[1]
    data = json.loads(proc.stdout)
    assert [f["suggestion"] for f in data["files"][0]["findings"] if f["code"] == "K101"] == ["Constitutional Court"]


def test_a_glossary_kept_parsed_in_the_cache_is_read_again_once_edited(tmp_path, private_cache):
    _glossary(tmp_path)
    (tmp_path / ".tqcheck.toml").write_text('glossary = "terms.csv"\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("The Constitutional Tribunal and the Supreme Court of Justice ruled.\n", encoding="utf-8")
    first = run_json("--engine", "none", "--select", "K101", "a.txt", cwd=tmp_path)[1]
    assert list(private_cache.glob("terms-*.shelf")), "the parsed glossary was not kept"
    again = run_json("--engine", "none", "--select", "K101", "a.txt", cwd=tmp_path)[1]
    _glossary(tmp_path, text=CSV + "Corte Suprema de Justicia,Supreme Court,Supreme Court of Justice,\n")
    edited = run_json("--engine", "none", "--select", "K101", "a.txt", cwd=tmp_path)[1]
    excerpts = [[f["excerpt"] for f in data["files"][0]["findings"]] for data in (first, again, edited)]
    assert excerpts == [["Constitutional Tribunal"], ["Constitutional Tribunal"],
                        ["Constitutional Tribunal", "Supreme Court of Justice"]]
