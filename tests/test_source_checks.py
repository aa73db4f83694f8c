"""Source-aware checks: each A1xx detector on a crafted pair and on a correct one, and the CLI with --source."""
from __future__ import annotations

import json

import pytest

from conftest import run_json, run_tqcheck
from tqcheck.checking.check import Settings, check_document
from tqcheck.translation.enginepool import EnginePool
from tqcheck.text.numbers import document_marks, quantities, spelled_values
from tqcheck.reading import parse_text

SOURCE_ES = (
    "El Ayuntamiento de Sevilla aprobó el martes un presupuesto de 950 millones de euros para 2024. "
    "La partida más grande se destinará al transporte público, con 210 millones para nuevas líneas de autobús. "
    "La oposición criticó que el plan no incluya viviendas sociales en el barrio de Triana. "
    "Según el alcalde, las obras del nuevo tranvía comenzarán en septiembre."
)
TARGET_EN = (
    "Seville City Council approved a budget of 950 million euros for 2024 on Tuesday. "
    "The largest item will go to public transport, with 210 million for new bus lines. "
    "The opposition complained that the plan does not include social housing in the Triana district. "
    "According to the mayor, work on the new tram will begin in September."
)


def check(target: str, source: str, engine: str = "none", source_lang: str = "es", target_lang: str = "en",
          select=("A",)):
    """The report of `target` checked against `source` in-process, with only the chosen detectors."""
    settings = Settings(select=list(select), target_lang=target_lang, source_lang=source_lang, engine=engine)
    engines = EnginePool(engine)
    try:
        return check_document(parse_text("t.txt", target), settings, engines, parse_text("s.txt", source))
    finally:
        engines.close()


def codes(report, severities=("warning", "error")) -> list[str]:
    return [f.code for f in report.findings if f.severity.label in severities]


def only(report, code: str):
    found = [f for f in report.findings if f.code == code]
    assert len(found) == 1, [(f.code, f.message) for f in report.findings]
    return found[0]


@pytest.fixture(params=["none", "apertium"])
def engine(request):
    return request.param


# -- a correct translation -------------------------------------------------------------------------

def test_a_faithful_translation_raises_nothing(engine):
    report = check(TARGET_EN, SOURCE_ES, engine)
    assert codes(report, ("info", "warning", "error")) == []


def test_every_segment_carries_its_source(engine):
    report = check(TARGET_EN, SOURCE_ES, engine)
    assert [s.source["text"].split()[0] for s in report.segments] == ["El", "La", "La", "Según"]
    for seg in report.segments:
        assert SOURCE_ES[seg.source["start"]:seg.source["end"]] == seg.source["text"]


# -- omissions and additions ------------------------------------------------------------------------

def test_a_dropped_sentence_is_reported_after_the_sentence_before_it(engine):
    target = TARGET_EN.replace("The opposition complained that the plan does not include social housing "
                               "in the Triana district. ", "")
    finding = only(check(target, SOURCE_ES, engine), "A101")
    assert finding.severity.label == "warning"
    assert "La oposición criticó" in finding.message and "after this sentence" in finding.message
    assert finding.excerpt.startswith("The largest item")


def _numbered(text: str, lang: str, count: int) -> list[str]:
    """`count` sentences cycling through those of `text`, each numbered before its full stop."""
    from tqcheck.text.segment import segment

    doc = parse_text("t.txt", text)
    sentences = [seg.prose(doc.view) for seg in segment(doc, lang)]
    return [f"{sentences[k % len(sentences)][:-1]} ({k})." for k in range(count)]


def _paragraphs(sentences: list[str], size: int) -> str:
    return "\n\n".join(" ".join(sentences[k:k + size]) for k in range(0, len(sentences), size)) + "\n"


def test_a_long_translation_paragraphed_unlike_its_source():
    # 120 sentences: the source in 20 paragraphs, the translation in 30; the translation lost the
    # 61st sentence and gained an unrelated one near the end.
    source, target = _numbered(SOURCE_ES, "es", 120), _numbered(TARGET_EN, "en", 120)
    del target[60]
    target.insert(110, "Critics say the city has ignored the northern districts for years.")
    report = check(_paragraphs(target, 4), _paragraphs(source, 6))
    assert sorted(codes(report)) == ["A101", "A102"]
    assert "(60)" in only(report, "A101").message
    assert only(report, "A102").excerpt.startswith("Critics say")


def test_an_added_share_prompt_is_called_boilerplate(engine):
    target = TARGET_EN + " Share this article on Facebook and Twitter."
    finding = only(check(target, SOURCE_ES, engine), "A102")
    assert finding.severity.label == "warning"
    assert "boilerplate" in finding.message and finding.excerpt == "Share this article on Facebook and Twitter."


def test_an_added_sentence_of_prose_is_an_addition_without_the_boilerplate_label():
    target = TARGET_EN + " Critics say the city has ignored the northern districts for years."
    finding = only(check(target, SOURCE_ES, "apertium"), "A102")
    assert "boilerplate" not in finding.message


# -- numbers -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("target", ["Some 13,000 people lost their homes.", "Some 13 thousand people lost their homes."])
def test_a_converted_thousands_separator_is_quiet(target):
    assert codes(check(target, "Unas 13.000 personas perdieron su casa.")) == []


def test_a_copied_thousands_separator_is_flagged_with_the_conversion():
    finding = only(check("Some 13.000 people lost their homes.", "Unas 13.000 personas perdieron su casa."), "A104")
    assert finding.excerpt == "13.000" and finding.suggestion == "13,000"
    assert finding.severity.label == "warning"


def test_the_copied_figure_is_reported_once_with_the_source_and_by_n101_without():
    target, source = "Some 13.000 people lost their homes.", "Unas 13.000 personas perdieron su casa."
    assert codes(check(target, source, select=("A", "N"))) == ["A104"]
    assert codes(check(target, source, select=("N",))) == ["N101"]  # A104 not selected: nothing replaces it


@pytest.mark.parametrize("target", ["The plan costs 1.5 billion euros.", "The plan costs 1,500 million euros.",
                                    "The plan costs 1,500,000,000 euros."])
def test_large_amounts_compare_through_scale_words(target):
    assert codes(check(target, "El plan cuesta 1.500 millones de euros.")) == []


def test_a_changed_figure_is_shown_beside_the_source_figure():
    finding = only(check("1,520 people were vaccinated in 2021.", "Se vacunaron 1.250 personas en 2021."), "A103")
    assert finding.excerpt == "1,520" and "1.250" in finding.message


def test_a_lost_figure_is_reported_on_the_sentence():
    finding = only(check("Most of the patients recovered within two weeks.",
                         "El 85% de los pacientes se recuperó en dos semanas."), "A103")
    assert "85" in finding.message


def test_spelled_numbers_count_as_figures():
    assert codes(check("Fifteen agents and five nurses were observed.",
                       "Se observaron 15 agentes y 5 enfermeros.")) == []
    assert codes(check("Se observaron quince agentes y cinco enfermeros.",
                       "15 agents and 5 nurses were observed.", source_lang="en", target_lang="es")) == []


def test_spelled_numbers_excuse_figures_on_either_side():
    # «quince» accounts for the translation's 15; the 7 that became 5 is still reported.
    finding = only(check("15 agents and 5 nurses were observed.", "Se observaron quince agentes y 7 enfermeros."),
                   "A103")
    assert finding.excerpt == "5" and "the source has 7" in finding.message


def test_a_source_written_the_english_way_is_read_the_english_way():
    # Mexican Spanish writes 0.95 and 4,159; its translation keeps them and is right.
    source = "Se reclutó una muestra de 4,159 mujeres. La consistencia fue excelente (alfa 0.95)."
    target = "A sample of 4,159 women was recruited. Consistency was excellent (alpha 0.95)."
    assert codes(check(target, source)) == []


def test_english_to_spanish_numbers():
    assert codes(check("Unas 13.000 personas perdieron su casa.", "Some 13,000 people lost their homes.",
                       source_lang="en", target_lang="es-ES")) == []
    finding = only(check("Unas 13,000 personas perdieron su casa.", "Some 13,000 people lost their homes.",
                         source_lang="en", target_lang="es-ES"), "A104")
    assert finding.suggestion == "13.000" and finding.severity.label == "warning"
    # Plain "es" may be Mexican Spanish, which writes 13,000: only information.
    plain = only(check("Unas 13,000 personas perdieron su casa.", "Some 13,000 people lost their homes.",
                       source_lang="en", target_lang="es"), "A104")
    assert plain.severity.label == "info"


def test_number_reading():
    es = quantities("Unas 13.000 personas, 1.500 millones, 2,5 %, 0,05 y 20 000 ng", "es")
    assert [q.value for q in es] == [13000, 1.5e9, 2.5, 0.05, 20000]
    en = quantities("13.000 people, 1.5 billion, 2,5", "en")
    assert [(q.value, q.foreign) for q in en][:2] == [(13.0, 13000.0), (1.5e9, None)]
    assert spelled_values("Fifty-three per cent, the fourth", "en") == [53, 4]
    assert spelled_values("treinta y dos, veintitrés", "es") == [32, 23]
    assert document_marks("alfa 0.95 y 4,159", "es")[:2] == (",", ".")


def test_french_and_portuguese_scale_words_follow_their_own_scale():
    # French "billion" and Portugal's "bilião" are a million million; "milliard" and Brazil's "bilhão" a thousand million.
    assert [q.value for q in quantities("1,5 milliard, 2 billions, 40 000 personnes", "fr")] == [1.5e9, 2e12, 40000]
    assert [q.value for q in quantities("1,5 bilhão, 2 biliões, 3 mil milhões", "pt")] == [1.5e9, 2e12, 3e9]
    assert spelled_values("vingt-deux, dix-sept, la première", "fr") == [22, 17, 1]
    assert spelled_values("vinte e dois, dezassete", "pt") == [22, 17]


@pytest.mark.parametrize("source, source_lang", [
    ("Le projet coûtera 1,5 milliard d'euros.", "fr"),
    ("O projeto custará 1,5 bilhão de euros.", "pt"),
    ("O projeto custará 1,5 mil milhões de euros.", "pt"),
])
def test_a_scale_word_translated_correctly_is_quiet_and_a_wrong_one_is_not(source, source_lang):
    assert codes(check("The project will cost 1.5 billion euros.", source, source_lang=source_lang)) == []
    assert codes(check("The project will cost 1.5 million euros.", source, source_lang=source_lang)) == ["A103"]


# -- quotations, kept tokens, copies, lengths -----------------------------------------------------------

def test_a_quotation_that_lost_its_marks(engine):
    source = "El ministro habló de «un paso histórico» para el país."
    assert codes(check("The minister spoke of “a historic step” for the country.", source, engine)) == []
    finding = only(check("The minister spoke of a historic step for the country.", source, engine), "A105")
    assert "opens 1 quotation" in finding.message
    assert codes(check('The minister spoke of "a historic step" for the country.', source, engine)) == []


def test_a_mangled_url_is_missing(engine):
    source = "Más información en www.sanidad.gob.es o en info@sanidad.gob.es."
    assert codes(check("More information at www.sanidad.gob.es or at info@sanidad.gob.es.", source, engine)) == []
    finding = only(check("More information at www. health. gob. es or at info@sanidad.gob.es.", source, engine), "A106")
    assert "www.sanidad.gob.es" in finding.message and finding.severity.label == "warning"


def test_a_translated_acronym_is_not_missing_but_a_dropped_one_is_information():
    source = "La OMS y la ONU publicaron el informe."
    assert codes(check("The WHO and the UN published the report.", source), ("info", "warning", "error")) == []
    finding = only(check("The WHO published the report.", source), "A106")
    assert finding.severity.label == "info"


def test_a_sentence_left_in_the_source_language(engine):
    target = TARGET_EN.replace("According to the mayor, work on the new tram will begin in September.",
                               "Según el alcalde, las obras del nuevo tranvía comenzarán en septiembre.")
    finding = only(check(target, SOURCE_ES, engine), "A107")
    assert finding.severity.label == "error" and finding.excerpt.startswith("Según el alcalde")


def test_a_translation_that_lost_half_its_sentence(engine):
    source = ("El estudio, que incluyó a 300 pacientes de cinco hospitales de Andalucía y Extremadura durante "
              "los dos últimos años, no halló diferencias significativas entre los dos tratamientos.")
    full = ("The study, which included 300 patients from five hospitals in Andalusia and Extremadura over the "
            "last two years, found no significant differences between the two treatments.")
    assert "A108" not in codes(check(full, source, engine))
    short = check("The study found no differences.", source, engine)
    if engine == "none" and "A108" not in codes(short):
        # Without an engine nothing shows the two are related (no shared name, figure or stem):
        # the sentence is reported as lost and the short one as added.
        assert sorted(codes(short)) == ["A101", "A102"]
    else:
        assert "may omit" in only(short, "A108").message


# -- meaning and suspicion --------------------------------------------------------------------------

GARBLED = "According to the mayor, nobody knows what colour the old cathedral will be painted next winter."


def test_meaning_drift_shows_source_and_back_translation():
    target = TARGET_EN.replace("According to the mayor, work on the new tram will begin in September.", GARBLED)
    finding = only(check(target, SOURCE_ES, "apertium"), "A109")
    assert finding.severity.label == "info"
    assert "source “Según el alcalde" in finding.message and "back-translation “" in finding.message


def test_suspicion_is_highest_on_the_broken_sentence(engine):
    target = TARGET_EN.replace("with 210 million for new bus lines", "with 210.000 for new bus lines")
    report = check(target, SOURCE_ES, engine, select=("ALL",))
    scores = [s.score for s in report.segments]
    assert scores.index(max(scores)) == 1


# -- the documentation ------------------------------------------------------------------------------

def _example(detector) -> tuple[str, str, str]:
    """(source, translation, corrected translation) from a detector's docstring."""
    docs = detector.docs()
    example = " ".join(docs["Example"].split())
    source, _, translation = example.partition(" Translation: ")
    assert source.startswith("Source: «") and source.endswith("»"), example
    return source[len("Source: «"):-1], translation, " ".join(docs["Use instead"].split())


@pytest.mark.parametrize("code", ["A101", "A102", "A103", "A104", "A105", "A106", "A107", "A108"])
def test_docstring_examples_fire_and_their_corrections_do_not(code):
    # A109 needs a document of several sentences to compare with; its example only illustrates.
    from tqcheck.rules import by_code

    source, translation, corrected = _example(by_code()[code])
    engine = "apertium" if code == "A108" else "none"
    assert code in codes(check(translation, source, engine)), translation
    assert code not in codes(check(corrected, source, engine), ("info", "warning", "error")), corrected


# -- the command line -----------------------------------------------------------------------------------

SPANISH_MD = "# El plan de Sevilla\n\n" + SOURCE_ES.replace(" La oposición", "\n\nLa oposición") + "\n"
ENGLISH_MD = "# The Seville plan\n\n" + TARGET_EN.replace(" The opposition", "\n\nThe opposition") + "\n"
LAST_ES = "Según el alcalde, las obras del nuevo tranvía comenzarán en septiembre."
LAST_EN = "According to the mayor, work on the new tram will begin in September."


def _pair(tmp_path, direction: str, broken: bool):
    """Source and translation as Markdown files; a broken translation changes 950 to 590 and leaves
    its last sentence in the source language."""
    source, target = (SPANISH_MD, ENGLISH_MD) if direction == "es-en" else (ENGLISH_MD, SPANISH_MD)
    if broken:
        last_source, last_target = (LAST_ES, LAST_EN) if direction == "es-en" else (LAST_EN, LAST_ES)
        target = target.replace("950", "590").replace(last_target, last_source)
    src_lang, tgt_lang = direction.split("-")
    src, tgt = tmp_path / f"s.{src_lang}.md", tmp_path / f"t.{tgt_lang}.md"
    src.write_text(source, encoding="utf-8")
    tgt.write_text(target, encoding="utf-8")
    return src, tgt, ("--source-lang", src_lang, "--target-lang", tgt_lang)


@pytest.mark.parametrize("direction", ["es-en", "en-es"])
def test_cli_json_fills_sources_and_finds_the_changed_figure(tmp_path, direction, engine):
    src, tgt, langs = _pair(tmp_path, direction, broken=True)
    proc, report = run_json(tgt, "--source", src, *langs, "--engine", engine)
    assert proc.returncode == 1, proc.stderr
    (file,) = report["files"]
    text = tgt.read_text("utf-8")
    assert all(s["source"] is not None for s in file["segments"])
    a103 = [f for f in file["findings"] if f["code"] == "A103"]
    assert len(a103) == 1 and text[a103[0]["start"]:a103[0]["end"]] in ("590 million", "590 millones")
    assert any(f["code"] == "A107" for f in file["findings"])


@pytest.mark.parametrize("direction", ["es-en", "en-es"])
@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github"])
def test_cli_every_format_renders(tmp_path, direction, engine, fmt):
    src, tgt, langs = _pair(tmp_path, direction, broken=True)
    proc = run_tqcheck("check", tgt, "--source", src, *langs, "--engine", engine, "--format", fmt)
    assert proc.returncode == 1, proc.stderr
    assert proc.stdout and not proc.stderr.strip().startswith("Traceback")
    if fmt in ("json", "sarif"):
        json.loads(proc.stdout)
    assert "A103" in proc.stdout


def test_cli_a_correct_pair_exits_0(tmp_path, engine):
    src, tgt, langs = _pair(tmp_path, "es-en", broken=False)
    proc = run_tqcheck("check", tgt, "--source", src, *langs, "--engine", engine, "--select", "A")
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_text_report_shows_the_source_beside_the_suspicious_sentence(tmp_path):
    src, tgt, langs = _pair(tmp_path, "es-en", broken=True)
    proc = run_tqcheck("check", tgt, "--source", src, *langs, "--engine", "apertium")
    assert "Most suspicious segments" in proc.stdout
    block = proc.stdout.split("Most suspicious segments")[1]
    assert "590 million euros" in block
    assert "  source: El Ayuntamiento de Sevilla aprobó el martes un presupuesto de 950 millones" in block


def test_text_report_shows_source_beside_target_without_an_engine(tmp_path):
    import subprocess
    import sys

    target = tmp_path / "t.en.txt"
    source = tmp_path / "s.es.txt"
    # Two problems in one sentence (a copied separator, a changed date) make it worth showing.
    target.write_text("The council approved the budget on Tuesday.\n\nAbout 13.000 people marched on 12 May.\n", "utf-8")
    source.write_text("El concejo aprobó el presupuesto el martes.\n\nUnas 13.000 personas marcharon el 21 de mayo.\n",
                      "utf-8")
    proc = subprocess.run([sys.executable, "-m", "tqcheck", "check", "--engine", "none", "--source", str(source),
                           "--source-lang", "es", str(target)], capture_output=True, text=True)
    assert "Most suspicious segments" in proc.stdout, proc.stdout
    assert "  source: Unas 13.000 personas marcharon el 21 de mayo." in proc.stdout
    assert "  back:" not in proc.stdout


def _pair_folder(tmp_path, names):
    en = "The council approved the budget on Tuesday.\n\nAbout 13.000 people attended the march.\n"
    es = "El concejo aprobó el presupuesto el martes.\n\nUnas 13.000 personas asistieron a la marcha.\n"
    for name, text in zip(names, (en, es)):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")


def _check_folder(folder, *extra):
    import json
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, "-m", "tqcheck", "check", "--engine", "none", "--format", "json",
                           *extra, str(folder)], capture_output=True, text=True, cwd=folder)
    return proc, json.loads(proc.stdout)


def test_folder_pairs_translation_with_original_by_file_name(tmp_path):
    _pair_folder(tmp_path, ["march.en.txt", "march.es.txt"])
    proc, report = _check_folder(tmp_path, "--target-lang", "en")
    (file,) = report["files"]  # the Spanish partner is read as the source, not reported
    assert file["path"].endswith("march.en.txt") and file["source_lang"] == "es"
    assert file["segments"][1]["source"]["text"] == "Unas 13.000 personas asistieron a la marcha."
    assert "A104" in {f["code"] for f in file["findings"]}


def test_pairing_pattern_comes_from_config(tmp_path):
    _pair_folder(tmp_path, ["en/march.txt", "es/march.txt"])
    (tmp_path / ".tqcheck.toml").write_text('source-pattern = "{lang}/{stem}{ext}"\ntarget-lang = "en"\n')
    _, report = _check_folder(tmp_path)
    assert [f["path"].rsplit("/", 2)[-2:] for f in report["files"]] == [["en", "march.txt"]]
    assert report["files"][0]["segments"][0]["source"] is not None


def test_without_target_or_source_language_files_are_not_paired(tmp_path):
    _pair_folder(tmp_path, ["march.en.txt", "march.es.txt"])
    _, report = _check_folder(tmp_path)
    assert len(report["files"]) == 2 and all(f["source_lang"] is None for f in report["files"])
