"""Structure (T1xx): lower-case headings, doubled words, sentences cut off mid-way."""
from __future__ import annotations

from conftest import detector_excerpts

PARAGRAPH = "The government announced new measures on Monday to curb inflation in the capital."


def excerpts(text, code, fmt="text"):
    """Every finding, whatever its severity: a quiet case here must have no finding at all."""
    return detector_excerpts(text, code, fmt=fmt, counted_only=False)


def test_lowercase_subheading_between_paragraphs_fires():
    text = f"{PARAGRAPH}\n\ntalks stall again\n\n{PARAGRAPH}\n"
    assert excerpts(text, "T101") == ["talks stall again"]


def test_lowercase_headline_on_the_first_line_fires():
    text = f"floods leave thousands homeless in the north\n\n{PARAGRAPH}\n"
    assert excerpts(text, "T101") == ["floods leave thousands homeless in the north"]


def test_capitalised_heading_bylines_and_lists_are_quiet():
    quiet = [
        f"{PARAGRAPH}\n\nTalks stall again\n\n{PARAGRAPH}\n",
        f"by Jane Doe and John Roe\n\n{PARAGRAPH}\n",
        f"{PARAGRAPH}\n\nred apples\ngreen pears\nripe plums\n",  # items of a list, no paragraph follows
        f"{PARAGRAPH}\n\nsee the full report here.\n\n{PARAGRAPH}\n",  # a sentence, not a heading
        f"{PARAGRAPH}\n\niPhone sales fall\n\n{PARAGRAPH}\n",  # a brand written in lower case
    ]
    for text in quiet:
        assert excerpts(text, "T101") == [], text


def test_doubled_function_word_and_title_fire():
    assert excerpts("The decision of the the court surprised no one.", "T102") == ["the the"]
    assert excerpts("He met President President Lula in Brasília.", "T102") == ["President President"]
    assert excerpts("The office has led the case since since July.", "T102") == ["since since"]
    assert excerpts("Prices rose more than than expected.", "T102") == ["than than"]
    assert excerpts("The minister was sworn in in in the capital.", "T102") == ["in in"]


def test_doubles_english_allows_are_quiet():
    for text in [
        "He had had enough of the delays.",
        "She said that that was the end of it.",
        "The Walla Walla council voted on Monday.",
        "Reporter Li Li filed the story.",
        "He gave her her keys back.",
        "The mayor has been in office since she was sworn-in in January.",
        "They met at a drive-in in a small town outside Dallas.",
    ]:
        assert excerpts(text, "T102") == [], text


def test_a_phrasal_verbs_particle_before_the_same_preposition_is_no_double():
    for text in [
        "The mayor has been in office since she was sworn in in January.",
        "Customers who logged in in March were asked to change their passwords.",
        "The new levy kicks in in April, the finance ministry said.",
        "Volunteers who filled in in the kitchen were thanked by name.",
        "The talks carried on on Tuesday without the unions.",
    ]:
        assert excerpts(text, "T102") == [], text
    # a preposition the verb does not take as a particle, and a third one after the particle, are doubled
    assert excerpts("The senator was elected in in 2019.", "T102") == ["in in"]
    assert excerpts("The unions took part in in the talks.", "T102") == ["in in"]
    assert excerpts("Customers who logged in in in March lost data.", "T102") == ["in in"]


def test_paragraph_ending_on_a_function_word_fires():
    text = f"{PARAGRAPH}\n\nIt should be noted that these talks began when\n\n{PARAGRAPH}\n"
    # The span is where the sentence stops, not the whole sentence.
    assert excerpts(text, "T103") == ["talks began when"]


def test_finished_sentences_and_headings_are_quiet():
    for text in [
        f"{PARAGRAPH}\n\nIt should be noted that these talks began in May.\n\n{PARAGRAPH}\n",
        f"{PARAGRAPH}\n\nThe Lord of the Rings returns to cinemas in May\n\n{PARAGRAPH}\n",
        f"{PARAGRAPH}\n\nShe knew what the fuss was about.\n\n{PARAGRAPH}\n",
    ]:
        assert excerpts(text, "T103") == [], text


def test_like_after_a_verb_of_being_in_a_what_clause_ends_the_sentence():
    # "what <subject> is like": the clause is whole, whatever its subject
    assert excerpts(f"{PARAGRAPH}\n\nBefore you buy, go to a shop and see what the key feel is like\n\n{PARAGRAPH}\n",
                    "T103") == []
    # "like" after a noun is still a cut sentence
    assert excerpts(f"{PARAGRAPH}\n\nThe council wants a park with trees and benches like\n\n{PARAGRAPH}\n",
                    "T103") == ["and benches like"]


def test_markdown_heading_ending_on_a_function_word_is_quiet():
    text = f"{PARAGRAPH}\n\n## What the city is waiting for\n\n{PARAGRAPH}\n"
    assert excerpts(text, "T103", fmt="markdown") == []


def test_markdown_heading_in_lower_case_fires_but_list_items_do_not():
    heading = f"{PARAGRAPH}\n\n## talks stall again\n\n{PARAGRAPH}\n"
    assert excerpts(heading, "T101", fmt="markdown") == ["talks stall again"]
    assert excerpts(f"{PARAGRAPH}\n\n- red apples\n- green pears\n\n{PARAGRAPH}\n", "T101", fmt="markdown") == []


# --- T104 a word echoed within a clause or a name -------------------------------------------------


def test_clause_adverb_said_twice_in_one_clause_fires():
    assert excerpts("She had never before held office before the election.", "T104") == [
        "before held office before"]
    assert excerpts("The ministers have already approved the budget already.", "T104") == [
        "already approved the budget already"]


def test_an_adverb_opening_a_set_phrase_repeats_nothing():
    # "ever again", "ever since": the second "ever" belongs to its phrase
    for text in ["We may be waiting ten years should they ever decide to make a sequel ever again.",
                 "Has the club ever won a trophy? It has been waiting ever since the war."]:
        assert excerpts(text, "T104") == [], text
    # the same adverb said twice, neither in such a phrase, still fires
    assert excerpts("Nobody had ever seen a crowd ever so large in the town.", "T104") == [
        "ever seen a crowd ever"]


def test_word_of_a_name_repeated_in_its_other_number_fires():
    assert excerpts("He met the High Commissioner for Human Rights Humans in Geneva.", "T104") == [
        "Human Rights Humans"]


def test_adverbs_in_separate_clauses_and_names_with_plurals_are_quiet():
    for text in [
        "He tried again and again to reach the minister.",  # a new clause after "and"
        "It rained before the match, and it had rained before.",  # a comma ends the clause
        "She still hopes that the court will still hear the case.",  # "that" opens a clause
        "Although she is still injured she still hopes to play on Sunday.",  # a subject pronoun opens a clause
        "He still says they still owe him the money.",  # no "that", but "they" starts the reported clause
        "The Friends of the Earth and Human Rights Watch signed the letter.",
        "The Rolling Stones played in Havana; the Stones drew half a million people.",
        "The BANK BANKS report was late.",  # capitals: a heading or an acronym
    ]:
        assert excerpts(text, "T104") == [], text


def test_headline_ending_on_a_phrasal_verb_particle_is_quiet():
    # "crash out", "sold off": the particle closes its verb; "an attack on" is still cut off
    for text in [
        f"Late goal sends the holders crashing out\n\n{PARAGRAPH}\n",
        f"{PARAGRAPH}\n\nShares in the bank fell sharply as nervous investors sold off\n\n{PARAGRAPH}\n",
    ]:
        assert excerpts(text, "T103") == [], text
    text = f"{PARAGRAPH}\n\nThe minister condemned what she called an unprovoked attack on\n\n{PARAGRAPH}\n"
    assert excerpts(text, "T103") == ["unprovoked attack on"]


def test_the_preposition_a_relative_clause_leaves_at_its_end_closes_the_sentence():
    # "as we are all familiar with": the object fronted by "as", its preposition left at the end
    for text in [
        f"{PARAGRAPH}\n\nThe ferry will keep running on the same timetable, as we are all familiar with\n\n{PARAGRAPH}\n",
        f"{PARAGRAPH}\n\nThe council finally delivered the new playground that they had long asked for\n\n{PARAGRAPH}\n",
    ]:
        assert excerpts(text, "T103") == [], text
    # a main clause cut after its verb's preposition is still cut off
    text = f"{PARAGRAPH}\n\nThe minister said the new rules for schools would apply to\n\n{PARAGRAPH}\n"
    assert excerpts(text, "T103") == ["would apply to"]


def test_a_list_item_ending_with_a_semicolon_and_and_continues_in_the_next_item():
    text = ("The Cabinet Member resolved that:\n\n(1)   the content of the report be noted; and\n\n"
            "(2)   the next steps and timetable be endorsed.\n")
    assert excerpts(text, "T103") == []
    # a sentence cut after "and" with no semicolon is still cut off
    text = f"{PARAGRAPH}\n\nThe council approved the new budget for the harbour and\n\n{PARAGRAPH}\n"
    assert excerpts(text, "T103") == ["the harbour and"]


def test_a_sentence_that_goes_on_in_lower_case_after_a_blank_line_is_not_cut_off():
    # a press release pasted with blank lines inside its sentences: the clause goes on below, nothing is lost
    text = ("Anyone who saw the blue van on the coast road is asked to contact police by calling 105 and\n\n"
            "quoting the event number given above.\n")
    assert excerpts(text, "T103") == []
    # a paragraph that stops where the next one opens a new sentence is still cut off
    text = ("Anyone who saw the blue van on the coast road is asked to contact police by calling 105 and\n\n"
            "Drivers with dashcams are also asked to check their footage.\n")
    assert excerpts(text, "T103") == ["and"]
