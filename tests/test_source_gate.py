"""Source-aware accuracy (issue 14): figures with scale words, copies, URLs in Markdown, dropped personal names."""
from __future__ import annotations

from conftest import run_json

SOURCE = (
    "El Gobierno destinará 2.500 millones de euros a la sequía, según anunció el ministro Luis Planas en Madrid.\n\n"
    "Las ayudas se podrán solicitar en la web www.agro.es o en el correo ayudas@agro.es hasta el 30 de junio.\n\n"
    "La consejera Carmen Crespo presentó el plan junto a los alcaldes de la comarca.\n\n"
    "La inversión total alcanzará los 2.500 millones de euros en 2025.\n"
)
FAITHFUL = (
    "The Government will allocate 2,500 million euros to the drought, as announced by minister Luis Planas in Madrid.\n\n"
    "The aid can be requested on the website www.agro.es or by e-mail at ayudas@agro.es until June 30.\n\n"
    "The regional minister Carmen Crespo presented the plan together with the mayors of the district.\n\n"
    "Total investment will reach 2,500 million euros in 2025.\n"
)
FAULTY = (
    "The Government will allocate 2,500 million euros to the drought, as the minister announced in Madrid.\n\n"
    "The aid can be requested on the website www.agro.com or by e-mail at ayudas@agro.com until June 30.\n\n"
    "The regional minister Carmen Crespo presented the plan together with the mayors of the district.\n\n"
    "La inversión total alcanzará los 2.500 millones de euros en 2025.\n"
)


def _findings(tmp_path, translation, suffix=".txt"):
    source = tmp_path / f"article.es{suffix}"
    target = tmp_path / f"article.en{suffix}"
    source.write_text(SOURCE, encoding="utf-8")
    target.write_text(translation, encoding="utf-8")
    _, report = run_json("--engine", "none", "--select", "A103,A106,A107", "--source", source, target)
    return [(f["code"], f["line"], f["message"]) for f in report["files"][0]["findings"]]


def test_a_faithful_translation_with_scale_words_urls_and_names_has_no_finding(tmp_path):
    assert _findings(tmp_path, FAITHFUL) == []
    assert _findings(tmp_path, FAITHFUL, ".md") == []


def test_a_copied_sentence_is_an_untranslated_copy_not_a_number_mismatch(tmp_path):
    found = _findings(tmp_path, FAULTY)
    assert [(code, line) for code, line, _ in found if line == 7] == [("A107", 7)]


def test_changed_url_and_e_mail_are_reported_in_plain_text_and_in_markdown(tmp_path):
    for suffix in (".txt", ".md"):
        found = _findings(tmp_path, FAULTY, suffix)
        messages = [message for code, line, message in found if code == "A106" and line == 3]
        assert messages == ["URL of the source missing here: www.agro.es; "
                            "e-mail address of the source missing here: ayudas@agro.es"], (suffix, found)


def test_a_dropped_personal_name_is_reported_and_a_kept_one_is_not(tmp_path):
    found = _findings(tmp_path, FAULTY)
    assert ("A106", 1, "name of the source missing here: Luis Planas") in found
    assert not [f for f in found if f[1] == 5]  # Carmen Crespo is kept


def test_a_capitalised_title_after_an_article_is_not_taken_for_a_name():
    # Bio-MQM: "Actividades Básicas de la Vida Diaria" — "Vida" is a first name, but not after "la".
    from tqcheck.rules.source import missing_names

    source = "Se evaluaron las Actividades Básicas de la Vida Diaria y el índice de Katz en 120 pacientes."
    target = "Basic activities of daily living and the Katz index were assessed in 120 patients."
    assert missing_names(source, target) == []
    assert missing_names("Lo anunció el ministro Luis Planas.", "The minister announced it.") == ["Luis Planas"]
    assert missing_names("Lo anunció el ministro Luis Planas.", "Minister Luis Planas announced it.") == []
