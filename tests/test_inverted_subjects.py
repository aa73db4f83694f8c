"""W105 relative-subject-after-verb, on sentences we wrote: a relative clause with its subject after the verb fires,
the English clauses that look like it (an object after the verb, `who`, an institution as antecedent) do not."""
from __future__ import annotations

import pytest

from tqcheck.api import check_text


def found(text: str, source: str | None = None) -> list[str]:
    report = check_text(text, target_lang="en", source_lang=source, select=["W105"])
    return [text[f.start:f.end] for f in report.findings if f.code == "W105"]


@pytest.mark.parametrize("text,span", [
    ("The team that leads Lionel Scaloni won the cup.", "leads Lionel Scaloni"),  # a verb of being in charge, a name
    ("The orchestra, which conducts Gustavo Dudamel, toured Asia.", "conducts Gustavo Dudamel"),
    ("The delegation that heads Minister Carla Peñaloza arrived on Monday.", "heads Minister Carla Peñaloza"),
    ("The law that approved Congress was struck down.", "approved Congress"),  # an act of office, an institution
    ("The reform, which proposed the minister of Finance, failed.", "proposed the minister of Finance"),
    ("They debated the budget that drafted the Ministry of Health in May.", "drafted the Ministry of Health"),
    ("The goal that scored Lionel Messi in the final was the best.", "scored Lionel Messi"),  # authorship
    ("He sang the song that wrote John Lennon.", "wrote John Lennon"),
    ("The tariffs that imposed the government last year hurt farmers.", "imposed the government"),
    ("The decree that signed the president on Monday takes effect today.", "signed the president"),  # an office signs
    ("The treaty that signed President Lula was ratified.", "signed President Lula"),
    ("The team that he leads Lionel Scaloni won the cup.", "he leads Lionel Scaloni"),  # a pronoun added
])
def test_subject_after_the_verb_of_a_relative_clause_fires(text, span):
    assert found(text) == [span]


@pytest.mark.parametrize("text", [
    "The team that Lionel Scaloni leads won the cup.",  # the subject first
    "The team led by Lionel Scaloni won the cup.",
    "The man who shot Liberty Valance died.",  # `who`: the antecedent is the subject
    "The bus that took the president crashed.",  # a verb whose subject may be a thing
    "The company that employs John Smith grew.",
    "The scandal that toppled the president grew.",
    "The club that signed Lionel Messi won the league.",  # an institution acts itself
    "The label that signed Taylor Swift grew fast.",  # a bare name after `signed`
    "The committee that approved the minister met again.",
    "The path that led Lionel to the river was closed.",  # the name has a complement: an object
    "The vote that approved Carla Peñaloza as chair was close.",
    "The ruling that ordered President Lula to pay was upheld.",
    "The team that leads the league lost.",  # not a person after a verb of being in charge
    "The party that led Mexico for decades lost.",
    "The plan that proposed cuts to pensions failed.",  # a thing after an act verb
    "The statement that announced the winner was short.",  # `announce` is not in the class
    "The man who wrote John Lennon's biography spoke.",
    "The law that approved Monday was struck down.",  # a day is no subject
    "It was the film that she directed Meryl Streep in.",  # the pronoun is the subject, the preposition stranded
])
def test_english_relative_clauses_stay_quiet(text):
    assert found(text) == []


def test_relative_subject_after_verb_needs_a_romance_source():
    assert found("The law that approved Congress was struck down.", "de") == []
    assert found("The law that approved Congress was struck down.", "es") == ["approved Congress"]


def test_lead_and_head_rank_teams_so_a_bare_surname_after_them_stays_quiet():
    assert found("The club that leads Osasuna in the standings won again.") == []
    assert found("Barcelona, which heads Getafe in the table, lost.") == []
    assert found("The squad that coaches Scaloni trained in Doha.") == ["coaches Scaloni"]


def participle_found(text: str, source: str | None = None) -> list[str]:
    report = check_text(text, target_lang="en", source_lang=source, select=["W108"])
    return [text[f.start:f.end] for f in report.findings if f.code == "W108"]


@pytest.mark.parametrize("text,span", [
    ("Once approved the reform, the ministry will publish the rules.", "approved the reform"),
    ("Concluded the meeting, the ministers left for the airport.", "Concluded the meeting"),
    ("Once signed the new contracts of the miners, the strike ended.", "signed the new contracts of the miners"),
    ("Finished the match, the players left the field.", "Finished the match"),
])
def test_participle_before_its_noun_fires(text, span):
    assert participle_found(text) == [span]


@pytest.mark.parametrize("text", [
    "Once the reform is approved, the ministry will publish the rules.",  # the noun first
    "Once approved, the reform takes effect in May.",  # no noun after the participle
    "Given the risks, the bank stayed out.",  # participles whose passive keeps a noun phrase
    "Named the best player of the year, Messi thanked his team.",
    "Asked the question, the minister smiled.",
    "Once considered the favourite, she lost in the first round.",
    "Born the son of a farmer, he rose to lead the party.",
    "Elected the first female mayor of the city, she took office in June.",
    "Once married the couple moved to Lima.",  # no comma: a clause, not a participle phrase
    "Approved by the senate, the reform takes effect in May.",
])
def test_english_participle_clauses_stay_quiet(text):
    assert participle_found(text) == []


def test_object_participles_are_participles_the_lexicon_knows():
    from tqcheck.rules.inverted_subjects import object_participles
    from tqcheck.text import tagging

    forms = object_participles()
    assert {"given", "named", "asked", "considered", "born"} <= forms
    assert "approved" not in forms and "concluded" not in forms
    assert all("P" in tagging.lookup(form) for form in forms)


def passive_found(text: str) -> list[str]:
    report = check_text(text, target_lang="en", select=["W109"])
    return [text[f.start:f.end] for f in report.findings if f.code == "W109"]


@pytest.mark.parametrize("text,span", [
    ("This Monday was approved the reform of the pension system.", "was approved the reform"),
    ("Yesterday were arrested three men in Lima.", "were arrested three men"),
    ("On Tuesday was inaugurated the new bridge over the river.", "was inaugurated the new bridge"),
    ("This week has been approved the budget for 2025.", "has been approved the budget"),
    ("Today, was signed the agreement with Chile.", "was signed the agreement"),
])
def test_passive_before_its_subject_after_a_time_phrase_fires(text, span):
    assert passive_found(text) == [span]


@pytest.mark.parametrize("text", [
    "This Monday the reform of the pension system was approved.",  # the subject first
    "This Monday was declared a national holiday.",  # the time phrase is the subject; `declared` keeps a complement
    "Last week was marked by protests in the capital.",
    "Yesterday was the hottest day of the year.",  # no participle
    "Today is expected to be hot.",
    "Yesterday was approved.",
    "Last year was named the warmest on record.",
    "In the attack, three soldiers were killed.",
])
def test_english_passives_after_a_time_phrase_stay_quiet(text):
    assert passive_found(text) == []


def test_a_note_without_a_subject_is_no_participle_clause():
    assert participle_found("Added the label command, which sets labels.") == []  # a release note's past tense
    assert participle_found("Added the hash command, the copy command and the move command.") == []
    assert participle_found("Used this way, the variable speeds up loading.") == []  # an adverbial of manner
    assert participle_found("Approved the reform, he left for Lima.") == ["Approved the reform"]
