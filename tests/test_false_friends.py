"""False-friend detectors: context decides, each source language uses its own data, one finding per span."""
from __future__ import annotations

from tqcheck.api import check_text


def _findings(text, source=None, select=("F1",), target="en"):
    report = check_text(text, target_lang=target, source_lang=source, select=list(select))
    return report.findings


def test_unknown_source_reports_a_shared_false_friend_once_naming_every_language():
    found = _findings("The union realized a survey of its members in May.")
    assert [(f.code, f.excerpt) for f in found] == [("F101", "realized a survey")]
    assert "Spanish “realizar”" in found[0].message
    assert "French “réaliser”" in found[0].message
    assert "Portuguese “realizar”" in found[0].message
    assert found[0].source_lang == "es"


def test_known_source_uses_only_that_languages_data():
    vacancy = "Congress voted on the vacancy motion against the president."
    assert [f.excerpt for f in _findings(vacancy, source="es")] == ["vacancy motion"]
    assert _findings(vacancy, source="fr") == []
    selic = "The bank raised the Selic tax again."
    assert [f.source_lang for f in _findings(selic, source="pt")] == ["pt"]
    assert _findings(selic, source="es") == []


def test_french_false_friend_is_attributed_to_french():
    found = _findings("The ancient president of the club was questioned by the police.", source="fr")
    assert [(f.excerpt, f.source_lang) for f in found] == [("The ancient president", "fr")]
    assert "former" in found[0].suggestion


def test_ordinary_english_uses_of_the_same_words_are_quiet():
    quiet = [
        "She realized the survey was flawed and withdrew it.",
        "The company realized a profit of two million dollars.",
        "The governor reached a compromise with the opposition on the budget.",
        "It was a sensible decision to postpone the vote.",
        "Rest assured that the economy will grow, the minister told voters.",
        "The emir, the ruler of the Gulf state, met the president.",
        "Nurses attended to the needs of the wounded.",
        "Several people were blessed with good weather for the parade.",
    ]
    for sentence in quiet:
        assert _findings(sentence) == [], sentence


def test_context_turns_a_word_into_a_false_friend():
    assert _findings("The president of the republic, the Peruvian ruler, asked Congress for a vote.", source="es")
    assert not _findings("The king, an absolute ruler, asked parliament for a vote.", source="es")


def test_hit_group_narrows_the_span_to_the_verb():
    found = _findings("Last week the minister assured that the economy would grow.", source="es")
    assert [f.excerpt for f in found] == ["assured"]


def test_ambiguous_readings_are_info_and_do_not_count():
    found = _findings("The ministry pretends to launch the programme next year.", source="es", select=("F",))
    assert [(f.code, f.severity.label) for f in found] == [("F102", "info")]


def test_only_english_targets_are_checked():
    assert _findings("El consejo realizó una encuesta.", target="es") == []


def test_offsets_point_at_the_words_in_a_longer_document():
    text = "The strike went on.\n\nAccording to official fountains, the talks failed.\n"
    (finding,) = _findings(text, source="es")
    assert text[finding.start:finding.end] == finding.excerpt == "According to official fountains"
    assert finding.line == 3
