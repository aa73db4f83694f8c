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


def test_he_after_a_quotation_by_a_named_woman_fires():
    text = ("Finance Minister Lucía Herrera met the unions on Monday and said she would not back down. "
            "“The budget stays as it is,” he added.")
    assert excerpts(text, "S105") == ["he added"]


def test_his_and_he_for_the_only_woman_in_the_sentence_fire():
    text = "Senator Marta Quiroga was not at home, nor did he return to his office later. He stayed in Lima."
    assert excerpts(text, "S105") == ["he", "his", "He"]


def test_she_for_the_only_man_fires():
    assert excerpts("Pedro Almeida, the mayor, closed the meeting early. She said the vote would wait.", "S105") == ["She"]


def test_the_title_a_woman_was_introduced_with_stands_for_her():
    text = ("The fires were described by Interior Minister Gloria Paredes at noon. "
            "Later the minister admitted that he was worried about the northern valleys.")
    assert excerpts(text, "S105") == ["he"]


def test_the_antecedent_is_sought_back_over_sentences_that_name_no_one():
    text = ("Mayor Claudia Ferreira toured the flooded district on Monday. The rains were the worst in a decade. "
            "Emergency crews worked through the night. The city will rebuild the bridge, he said.")
    assert excerpts(text, "S105") == ["he"]
    # a man named in between, three sentences back at most, or another paragraph: quiet
    for quiet in [
        "Mayor Claudia Ferreira toured the district. Engineer Paulo Mendes inspected the bridge. "
        "The rains were the worst in years. The city will rebuild it, he said.",
        "Mayor Claudia Ferreira toured the district. The rains were heavy. Roads closed. Schools shut. "
        "Crews worked at night. The city will rebuild it, he said.",
        "Mayor Claudia Ferreira toured the district.\n\nThe rains were the worst in years. "
        "The city will rebuild the bridge, he said.",
    ]:
        assert excerpts(quiet, "S105") == [], quiet


def test_pronouns_that_agree_are_quiet():
    for text in [
        "Finance Minister Lucía Herrera met the unions on Monday. “The budget stays as it is,” she added.",
        "Senator Marta Quiroga was not at home, nor did she return to her office later. She stayed in Lima.",
        "Pedro Almeida closed the meeting early. He said the vote would wait.",
    ]:
        assert excerpts(text, "S105") == [], text


def test_anyone_else_nearby_keeps_the_pronoun_quiet():
    for text in [
        # a man named nearby
        "Lucía Herrera spoke after Daniel Ortega. “We will not yield,” he said.",
        # a person of either gender ("the coach", an unknown name) between her and the pronoun
        "Lucía Herrera thanked the coach for his patience.",
        "Police named the victim as Lucía Herrera, 40, and her neighbour Kwame Osei and his son.",
        "Officials said Ana Ruiz met Zoltan Kovacs. He later resigned.",
        # a generic pronoun
        "Ana Ruiz said every voter must bring his or her card.",
        # the quotation speaks of her, so someone else speaks
        "Ana Ruiz was found at dawn. “She was barely breathing,” he said.",
        # a first name that is also an English word or a place proves nothing
        "Los Angeles Chargers coach Brandon Staley was upbeat. He said the team was ready.",
    ]:
        assert excerpts(text, "S105") == [], text


def test_a_name_ending_in_a_is_a_woman_only_when_the_source_is_known_spanish():
    text = "The spokeswoman for the party, Itxaso Berria, spoke first. Later Berria said his team would vote no."
    assert excerpts(text, "S105") == []  # "Itxaso" is in no list; only -a suggests a woman
    text = "Party leader Zuriñeta Berria spoke first. Later Berria said his team would vote no."
    assert excerpts(text, "S105", source_lang="es") == ["his"]
    assert excerpts(text, "S105") == []


def test_quotation_closed_with_an_opening_mark_then_a_subjectless_verb_fires():
    assert excerpts("“We must decide together“, said.", "S102") == ["“, said."]


def test_sentence_opening_with_a_present_reporting_verb_fires():
    assert excerpts("The mayor spoke on radio. Assures that the bridge will open in May.", "S103") == ["Assures that"]
    assert excerpts("The mayor spoke on radio. Considers that the works are late.", "S103") == ["Considers that"]
    for text in [
        "The mayor spoke on radio. She assures that the bridge will open in May.",
        "Reports that the bridge would close were denied.",
        "Claims that the works are late are false.",
    ]:
        assert excerpts(text, "S103") == [], text


def test_first_person_verb_closing_a_quotation_fires():
    assert excerpts("“The team is ready for the final.” I consider.", "S106") == ["I consider."]
    assert excerpts("“We will not raise taxes”, I affirm.", "S106") == ["I affirm."]
    for text in [
        "“The team is ready for the final,” he considered.",
        "“It was a long night,” I said.",
        "“Nobody knew,” I think, was the truth.",
        "I consider the matter closed.",
    ]:
        assert excerpts(text, "S106") == [], text
