"""Dropped subjects (S1xx): finite verbs with no subject, as pro-drop Spanish and Portuguese leave them."""
from __future__ import annotations

from conftest import detector_excerpts as excerpts
from conftest import detector_findings as found
from tqcheck.finding import Severity


def test_quoted_clause_without_subject_after_that_fires():
    assert excerpts("The coach admitted that “has made mistakes” this season.", "S101") == ["admitted that “has"]
    assert excerpts("The rector added that have no plans to close the campus.", "S101") == ["added that have"]


def test_clause_with_its_subject_is_quiet():
    for text in [
        "The coach admitted that he “has made mistakes” this season.",
        "The rector added that they have no plans to close the campus.",
        "The reports that have been published contradict each other.",
        "A warning that was issued on Monday went unheeded.",
    ]:
        assert excerpts(text, "S101") == [], text


def test_demonstrative_that_as_subject_is_only_a_hint():
    # "He said that was wrong": "that" itself may be the subject.
    hits = found("He said that was a mistake.", "S101", counted_only=False)
    assert [f.severity for f in hits] == [Severity.INFO]


def test_quotation_closed_by_a_verb_without_speaker_fires():
    assert excerpts("“We will keep the border open”, added.", "S102") == ["”, added."]
    assert excerpts("“We will keep the border open,” she added.", "S102") == []
    assert excerpts("The minister, speaking on condition of anonymity, said.", "S102") == []


def test_sentence_opening_with_a_reporting_verb_fires():
    text = "The union met the minister. Stressed that the strike would go on."
    assert excerpts(text, "S103") == ["Stressed that"]
    assert excerpts("The union met the minister. She stressed that the strike would go on.", "S103") == []
    assert excerpts("Added to that, the strike went on.", "S103") == []


def test_sentence_opening_with_an_auxiliary_fires_only_for_statements():
    assert excerpts("The mayor fled the city. Was arrested two days later.", "S104") == ["Was arrested"]
    assert excerpts("Is important to vote early.", "S104") == ["Is important"]
    for text in ["Was it worth the wait?", "Were it not for the rain, we would have won.", "Is the plan working?"]:
        assert excerpts(text, "S104") == [], text


def test_dropped_subject_detectors_assume_a_pro_drop_source():
    text = "“We will keep the border open”, added."
    assert excerpts(text, "S102", source_lang="es") and excerpts(text, "S102", source_lang="pt")
    assert excerpts(text, "S102", source_lang="fr") == []  # French states its subjects
