"""Wrong-gender pronouns (S105): who a pronoun can mean, and the people it must not be taken for."""
from __future__ import annotations

from conftest import detector_excerpts as excerpts
from conftest import detector_findings as found


def test_a_place_after_in_or_at_is_no_one_who_could_be_meant():
    # "Puerto Montt" and "Las Palmas" are places, not people of unknown gender standing between her and "he".
    text = "Governor Marcela Rivas toured the shelters in Puerto Montt and said he would ask for more crews."
    assert excerpts(text, "S105") == ["he"]
    text = ("“We are sending every crew we have,” said Governor Marcela Rivas at Las Palmas. "
            "“The roads will reopen tomorrow,” he added.")
    assert excerpts(text, "S105") == ["he added"]


def test_an_unknown_name_not_after_a_place_word_still_keeps_it_quiet():
    # "Kwabena Owusu" is in no list: a man or a woman, so the pronoun may be right.
    text = "Governor Marcela Rivas spoke with Kwabena Owusu, and he promised more crews."
    assert excerpts(text, "S105") == []


def test_the_message_names_the_person_the_pronoun_follows():
    text = "Senator Marta Quiroga was not at home. Later Quiroga said his office was closed."
    [finding] = found(text, "S105")
    assert finding.excerpt == "his"
    assert "after Marta Quiroga, a woman" in finding.message
    text = "Interior Minister Gloria Paredes spoke at noon. Later the minister said he was worried."
    [finding] = found(text, "S105")
    assert "after the minister, Gloria Paredes, a woman" in finding.message


def test_a_woman_quoting_a_man_and_a_man_quoting_a_woman_are_quiet():
    for text in [
        # she reports what he said: "he" is the man she names
        "Mayor Claudia Ferreira said her predecessor, Jorge Salas, had left debts. He denied it on Monday.",
        "Claudia Ferreira recalled that her father Jorge had built the bridge, and that he was proud of it.",
        # he reports her words: "she" is the woman he names
        "Coach Pedro Almeida praised Laura Gómez, the captain. She scored twice, he said.",
        "Pedro Almeida said that Laura Gómez would lead the team and that she had earned it.",
        # a man named between the woman and the pronoun
        "Senator Marta Quiroga met Minister Pablo Ruiz in Lima. He said the talks went well.",
        # a person noun between: the spokesman may be the one meant
        "Senator Marta Quiroga did not attend. A spokesman said he could not comment.",
        # the pronoun two sentences after her, with someone named in between
        "Ana Torres opened the session. Deputy Luis Mora read the bill. His party backs it.",
    ]:
        assert excerpts(text, "S105") == [], text
