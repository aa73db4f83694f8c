"""Grammar (G1xx): English mass nouns counted the way Spanish, French and Portuguese count them."""
from __future__ import annotations

from conftest import detector_excerpts


def excerpts(text, code):
    """Every finding, whatever its severity: a quiet case here must have no finding at all."""
    return detector_excerpts(text, code, counted_only=False)


# --- G101 mass noun counted -------------------------------------------------------------------------


def test_mass_noun_after_a_numeral_or_a_plural_determiner_fires():
    assert excerpts("The senator called them two completely false news.", "G101") == ["two completely false news"]
    assert excerpts("In these news, there are several mistakes.", "G101") == ["these news"]
    assert excerpts("Several research have shown the same effect in mice.", "G101") == ["Several research"]
    assert excerpts("The court heard three evidences that were later withdrawn.", "G101") == ["three evidences"]


def test_mass_noun_after_an_indefinite_article_fires():
    assert excerpts("My father gave me an advice about money.", "G101") == ["an advice"]
    assert excerpts("It was a news that nobody expected.", "G101") == ["a news"]


def test_plural_that_english_never_uses_fires():
    assert excerpts("According to the first informations, nobody was hurt.", "G101") == ["informations"]
    assert excerpts("The army lost equipments and weapons in the retreat.", "G101") == ["equipments"]
    assert excerpts("The army lost many equipments in the retreat.", "G101") == ["many equipments"]


def test_mass_nouns_as_modifiers_and_correct_counts_are_quiet():
    for text in [
        "Two news agencies reported the fire.",
        "These research projects got new money this year.",
        "Several training sessions were cancelled.",
        "Three days of research showed nothing new.",
        "She has a good knowledge of French and some advice for students.",
        "The news was bad, and the information came too late.",
        "Police found two pieces of evidence at the scene.",
        "The data show that research and training pay off.",
        "The company used SPSS 26.0 software for the analysis.",
        "The report evidences a long decline in sales.",
        "She researches the history of the port.",
        "He quoted Bradbury's The Machineries of Joy at the end.",
    ]:
        assert excerpts(text, "G101") == [], text
