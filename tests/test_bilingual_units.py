"""A111 (acronyms and codes counted against the unit's source) and A112 (a translation cut short), on
bilingual files written here, through the real command."""
from __future__ import annotations

import pytest

from test_bilingual import assert_exact, findings, report, write

HEADER = 'msgid ""\nmsgstr ""\n"Language: en\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'


def po(*entries: tuple[str, str]) -> str:
    return HEADER + "".join(f'msgctxt "u{i}"\nmsgid "{s}"\nmsgstr "{t}"\n\n' for i, (s, t) in enumerate(entries))


def xliff(*entries: tuple[str, str]) -> str:
    units = "".join(f'<trans-unit id="u{i}"><source>{s}</source><target state="translated">{t}</target></trans-unit>\n'
                    for i, (s, t) in enumerate(entries))
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
            f'<file source-language="es" target-language="en" datatype="plaintext" original="t"><body>\n{units}'
            '</body></file></xliff>\n')


def by_unit(file_report, code):
    return {f["unit"].split("\x04")[0]: f for f in findings(file_report, code)}


def test_a_dropped_or_added_acronym_is_a111_and_a_translated_one_is_not(tmp_path):
    entries = [
        ("La prevalencia de VIH y VHC fue baja en la cohorte.", "The prevalence of HIV and HCV was low in the cohort."),
        ("La prevalencia de VIH y VHC fue baja en la cohorte.", "The prevalence of HIV and hepatitis was low in the cohort."),
        ("La OMS publicó el informe sobre la pandemia.", "The WHO published the report on the pandemic."),
        ("Se midió la ansiedad con una escala validada.", "Anxiety was measured with a validated HADS scale."),
        ("Los casos de COVID-19 aumentaron en la región.", "Cases of the disease increased in the region."),
    ]
    path = write(tmp_path, "acr.po", po(*entries))
    got = report(path)
    found = by_unit(got, "A111")
    assert set(found) == {"u1", "u3", "u4"}
    assert found["u1"]["severity"] == "warning"
    assert "2 acronyms or codes (VIH, VHC)" in found["u1"]["message"] and "1 acronym or code (HIV)" in found["u1"]["message"]
    assert "no acronym or code" in found["u3"]["message"] and "(HADS)" in found["u3"]["message"]
    assert "COVID-19" in found["u4"]["message"]
    # in a bilingual file the dropped acronym is A111's warning, not also A106's information
    assert not findings(got, "A106")
    assert_exact(path, {"findings": findings(got, "A111")})


def test_a_translation_that_stops_before_its_source_is_a112(tmp_path):
    entries = [
        ("El paciente presentó fiebre, malestar general y pérdida de peso.", "The patient had fever, malaise"),
        ("El paciente presentó fiebre, malestar general y pérdida de peso.", "The patient had fever, malaise and weight loss."),
        ("Resultados principales", "Main results"),  # a heading: neither ends a sentence
        ("¿Cuántos pacientes recibieron el tratamiento?", "How many patients received the treatment?"),
        ("Se incluyeron 40 pacientes (edad media 52 años).", "Forty patients were included (mean age 52 years)"),
        ("Ver más", "See more"),  # too short to judge
    ]
    path = write(tmp_path, "cut.xlf", xliff(*entries))
    got = report(path)
    found = by_unit(got, "A112")
    assert set(found) == {"u0"}
    assert found["u0"]["excerpt"] == "malaise" and found["u0"]["severity"] == "warning"
    assert "pérdida de peso." in found["u0"]["suggestion"]
    assert_exact(path, {"findings": findings(got, "A112")})


@pytest.mark.parametrize("code", ["A111", "A112"])
def test_docstring_examples_fire_and_their_corrections_do_not(tmp_path, code):
    from tqcheck.rules import by_code

    docs = by_code()[code].docs()
    example = " ".join(docs["Example"].split())
    source, _, translation = example.partition(" Translation: ")
    source = source[len("Source: «"):-1]
    corrected = " ".join(docs["Use instead"].split())
    assert findings(report(write(tmp_path, "bad.po", po((source, translation))), "--source-lang", "es"), code)
    assert not findings(report(write(tmp_path, "good.po", po((source, corrected))), "--source-lang", "es"), code)


def test_an_article_with_its_source_keeps_a_dropped_acronym_as_a106_information(tmp_path):
    (tmp_path / "es.txt").write_text("La OMS y la ONU publicaron el informe.\n", encoding="utf-8")
    (tmp_path / "en.txt").write_text("The WHO published the report.\n", encoding="utf-8")
    got = report(tmp_path / "en.txt", "--source", str(tmp_path / "es.txt"))
    assert not findings(got, "A111") and not findings(got, "A112")
    assert [f["severity"] for f in findings(got, "A106")] == ["info"]


def test_a111_reads_the_codes_and_acronyms_kept_tokens_reads():
    from tqcheck.rules.source import kept_tokens
    from tqcheck.rules.units import _acronyms

    texts = ["La OMS y la ONU publicaron el informe sobre COVID-19 y el DSM-5.",
             "Más información en www.OMS.int o en #COVID19 y @OPS_NY, según la FDA.",
             "Los pacientes con TEPT (PCL-5 ≥ 33) y VIH-1 fueron incluidos en el estudio de la UE.",
             "Sin siglas aquí.", "El grupo ABC-1 y el DEF fueron comparados con XIV y MMII."]
    for text in texts:
        found = kept_tokens(text)
        assert sorted(_acronyms(text)) == sorted(found.get("code", []) + found.get("acronym", []))


def test_a_po_files_sources_are_told_apart_by_the_words_only_one_language_has():
    from tqcheck.text.language import detect, detect_many

    spanish = ("Los pacientes fueron tratados en el hospital durante dos semanas. Se observó una mejoría en la "
               "mayoría de los casos, aunque el estudio tiene limitaciones. Las conclusiones son preliminares.") * 3
    portuguese = ("Os pacientes foram tratados no hospital durante duas semanas. Foi observada uma melhora na "
                  "maioria dos casos, embora o estudo tenha limitações. As conclusões são preliminares.") * 3
    french = ("Les patients ont été traités à l'hôpital pendant deux semaines. Une amélioration a été observée "
              "dans la plupart des cas, bien que l'étude ait des limites. Les conclusions sont préliminaires.") * 3
    assert [detect_many(t) for t in (spanish, portuguese, french)] == ["es", "pt", "fr"]
    # too few words of its own for the shortcut: detect() decides, as before
    assert detect_many("Hola a todos") == detect("Hola a todos")


def test_the_cycle_collector_is_back_on_after_a_bilingual_file_even_when_its_check_fails():
    import gc

    from tqcheck.api import check_text
    from tqcheck.errors import InputError

    assert gc.isenabled()
    report = check_text(po(("La OMS publicó el informe.", "The published the report on the pandemic")), fmt="po",
                        source_lang="es")
    assert {f.code for f in report.findings} >= {"A111", "A112"} and gc.isenabled()
    # no source language named and none to read from one short msgid: exit-2 error, collector on again
    with pytest.raises(InputError):
        check_text(po(("Sí", "Yes")), fmt="po", target_lang=None)
    assert gc.isenabled()
