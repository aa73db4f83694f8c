"""Clauses that do not fit together in English (L111): what fires on translated sentences and what English keeps quiet."""
from __future__ import annotations

from conftest import detector_excerpts


def excerpts(text, code="L111"):
    return detector_excerpts(text, code, counted_only=False)


def test_a_comma_between_a_name_and_its_verb_fires():
    assert excerpts("Gustavo Petro, responded to the accusations on Monday.") == ["Petro, responded"]
    assert excerpts("President Ana Ruiz, announces a new cabinet this week.") == ["Ruiz, announces"]


def test_asides_numbers_adverbs_and_lists_are_quiet():
    for text in [
        "Lula, accompanied by his ministers, arrived in Brasília on Tuesday.",  # an aside closed by its comma
        "Smith, 45, said he would stay.",  # an age between commas
        "However, said the minister, nothing has changed.",  # a word of the language, not a name
        "Yesterday, officials announced a new plan.",
        "Argentina, Brazil and Chile signed the treaty.",  # names in a list
        "“Petro, listen to the people,” the protesters shouted.",  # a call inside a quotation
        "Gustavo Petro responded to the accusations on Monday.",
    ]:
        assert excerpts(text) == [], text


def test_a_participle_with_a_long_agent_is_an_aside():
    # the closing comma comes after the agent's whole name, past the usual window
    text = "Wawrinka, coached by Roger Federer’s one-time mentor Peter Lundgren, reached the last eight."
    assert excerpts(text) == []
    # with no closing comma the verb is the sentence's own, and the comma before it is the translation's
    assert excerpts("Gustavo Petro, responded by letter to the accusations of the opposition on Monday.") \
        == ["Petro, responded"]


def test_a_long_aside_closed_before_an_auxiliary_is_quiet():
    # the participle opens an aside that runs past the window; the auxiliary after its comma is the subject's verb
    text = "Moyo, detained on Friday on charges of selling land the council never owned, was denied bail on Monday."
    assert excerpts(text) == []
    # a comma before a verb of the sentence's own, with a later comma before no auxiliary, still fires
    text = "Gustavo Petro, responded on Monday to the accusations of the opposition leaders, calling them lies."
    assert excerpts(text) == ["Petro, responded"]
