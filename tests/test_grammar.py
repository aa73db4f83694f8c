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
        # a channel's name: a capitalised noun after its number
        "Crews fought the blaze through the night (footage: 7 News).",
        "The mayor spoke to Nine News on Tuesday.",
    ]:
        assert excerpts(text, "G101") == [], text
    # the same noun in lower case after a number is counted
    assert excerpts("The channel ran 7 news about the fire.", "G101") == ["7 news"]


# --- G102 a tensed verb form after a modal -----------------------------------------------------------


def test_a_tensed_form_after_a_modal_fires():
    assert excerpts("The coach will remains in charge until June.", "G102") == ["will remains"]
    assert excerpts("The company said it would has to close two plants.", "G102") == ["would has"]
    assert excerpts("Officials could went further, the report says.", "G102") == ["could went"]
    assert excerpts("She wouldn't goes back to the party.", "G102") == ["wouldn't goes"]
    assert excerpts("They said they will not accepted the offer.", "G102") == ["will not accepted"]


def test_a_tensed_form_after_negated_do_fires():
    assert excerpts("The mayor did not went to the meeting.", "G102") == ["did not went"]
    assert excerpts("The plan doesn't remains secret.", "G102") == ["doesn't remains"]


def test_base_forms_and_the_noun_will_are_quiet():
    for text in [
        "The coach will remain in charge until June.",
        "Free will remains a puzzle for philosophers.",  # the noun, after an adjective
        "The will was read to the family on Monday.",  # the noun, after a determiner
        "Her last will states that the house goes to her son.",
        "Political will has been lacking for years.",
        "A must has become a habit.",
        "They will have finished by then.",
        "It would be easy.",
        "What he did shocked the country.",  # "did" is the main verb
        "What she does matters more than what she says.",
        "The mayor did not go to the meeting.",
        "The will to live is strong.",  # the noun before "to"
        "They did everything they can to help.",  # "can" with its verb left out, then a purpose
        "A new garbage can has been set up in the park.",  # a noun before "can" makes it a noun
        "The season runs from may to september.",
    ]:
        assert excerpts(text, "G102") == [], text


# --- G103 will in a clause of time ---------------------------------------------------------------------


def test_will_after_a_conjunction_of_time_fires():
    assert excerpts("The lawyers will appeal after the judge will reject the request.", "G103") == [
        "after the judge will reject"
    ]
    assert excerpts("Once they will arrive, the talks start.", "G103") == ["Once they will arrive"]
    assert excerpts("Nothing changes until the new court will rule on it.", "G103") == [
        "until the new court will rule"
    ]
    assert excerpts("We will call as soon as Ramírez will land.", "G103") == ["as soon as Ramírez will land"]


def test_present_tense_inversions_and_other_clauses_are_quiet():
    for text in [
        "The lawyers will appeal after the judge rejects the request.",
        "After the vote the minister will speak to the press.",  # the main clause's own subject
        "Only after the vote will the law pass.",  # inversion
        "Not until next year will we know.",
        "Do it at once; they will understand.",
        "After that will come the hard part.",
        "He left after lunch. They will meet again.",
    ]:
        assert excerpts(text, "G103") == [], text


# --- G104 a bare verb after a to-infinitive verb -------------------------------------------------------


def test_a_bare_verb_after_a_to_verb_fires():
    assert excerpts("The central bank decided keep its main rate at 4 percent.", "G104") == ["decided keep"]
    assert excerpts("The mayor tried reach an agreement with the unions.", "G104") == ["tried reach"]
    assert excerpts("The guards refused give them the keys.", "G104") == ["refused give"]


def test_to_infinitives_nouns_and_adjectives_are_quiet():
    for text in [
        "The central bank decided to keep its main rate at 4 percent.",
        "They promised voters a refund before the election.",  # a noun after the verb
        "The planned visit the president made was cancelled.",  # "planned" after a determiner is an adjective
        "She wanted the job more than anyone.",
        "He tried everything the doctors suggested.",
    ]:
        assert excerpts(text, "G104") == [], text


# --- G105 romance plural ------------------------------------------------------------------------------


def test_a_plural_english_does_not_count_but_the_source_does_fires():
    assert excerpts("We are waiting for some evolutions before we pick the team.", "G105") == ["evolutions"]
    assert excerpts("The bank published its precisions on the new rate on Monday.", "G105") == ["precisions"]
    assert excerpts("Solidarities with the victims came from every region.", "G105") == ["Solidarities"]


def test_singulars_titles_verbs_and_hyphenated_words_are_quiet():
    for text in [
        "The evolution of the market surprised everyone.",
        "She read The Precisions of Love on the train.",
        "The court heard three witnesses and weighed the evidence.",
        "The pre-evolutions-era rules no longer apply.",
    ]:
        assert excerpts(text, "G105") == [], text


def test_the_romance_plural_table_is_generated_and_consistent():
    from importlib import resources

    text = resources.files("tqcheck.data").joinpath("en", "romance_plurals.txt").read_text(encoding="utf-8")
    assert "Generated by tools/build_romance_plurals.py" in text
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    assert rows == sorted(rows) and len({r[0] for r in rows}) == len(rows)
    for plural, singular, source in rows:
        assert plural.startswith(singular[:-1]) and plural != singular and source, (plural, singular, source)
