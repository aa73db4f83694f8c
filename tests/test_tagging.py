"""The part-of-speech tagger: the shipped lexicon, its lookups and the rules of context, on sentences we wrote."""
from __future__ import annotations

from importlib import resources

from tqcheck.text import tagging

TAG_LETTERS = set("NSVZDPGJRTOICKWMAUH")


def tags_of(sentence: str) -> list[tuple[str, str]]:
    return [(t.text, t.tag) for t in tagging.tag(sentence, 0, len(sentence))]


def test_lexicon_file_is_compact_and_well_formed():
    path = resources.files("tqcheck.data").joinpath("en", "lexicon.txt")
    text = path.read_text(encoding="utf-8")
    assert len(text.encode("utf-8")) < 400_000  # package data, not a resource dump
    assert "WordNet 3.0 Copyright 2006 by Princeton University" in text  # the licence travels with the data
    seen = set()
    for line in text.splitlines():
        if line.startswith("#"):
            continue
        tags, forms = line.split("\t")
        assert set(tags) <= TAG_LETTERS and len(set(tags)) == len(tags), line[:40]
        for form in forms.split(" "):
            assert form not in seen, form
            seen.add(form)
    assert len(seen) > 30_000


def test_lookup_orders_readings_by_likelihood():
    assert tagging.lookup("political") == "J"
    assert tagging.lookup("the") == "T"
    assert tagging.lookup("minister")[0] == "N"
    assert tagging.lookup("also") == "R"
    assert set("DP") <= set(tagging.lookup("elected"))
    assert tagging.lookup("began") == "D" and tagging.lookup("begun") == "P"  # an irregular verb's two forms
    assert "J" in tagging.lookup("then")  # "the then president" is English
    assert tagging.lookup("qwzx") == ""


def test_two_word_nouns_with_their_adjective_after():
    assert tagging.noun_with_adjective("attorney", "general")
    assert tagging.noun_with_adjective("heir", "apparent")
    assert not tagging.noun_with_adjective("crisis", "political")


def test_context_chooses_a_noun_after_a_determiner_and_a_verb_after_a_pronoun():
    tags = dict(tags_of("The meeting ended when they meeting"))  # the second reading is forced by "they"
    assert tags["meeting"] == "G" and tags_of("The meeting ended.")[1] == ("meeting", "N")
    assert tags_of("She plans to leave.")[1] == ("plans", "Z")
    assert tags_of("The new plans failed.")[2] == ("plans", "S")
    assert tags_of("They want to plan ahead.")[3] == ("plan", "V")


def test_that_after_a_speech_verb_is_a_conjunction():
    assert dict(tags_of("The minister said that the border would open."))["that"] == "K"


def test_participle_after_be_and_have():
    assert dict(tags_of("He was elected in May."))["elected"] == "P"
    assert dict(tags_of("They elected a new mayor."))["elected"] == "D"


def test_capitals_make_names_inside_a_sentence_but_not_at_its_start():
    tokens = tags_of("Thus the Congress of Peru met in Lima.")
    assert tokens[0] == ("Thus", "R")
    assert ("Congress", "X") in tokens and ("Lima", "X") in tokens
    assert tags_of("“We will win,” she said.")[1] == ("We", "O")  # a quotation opens a sentence


def test_possessive_is_split_from_its_noun_with_exact_offsets():
    text = "The minister’s plan failed."
    tokens = tagging.tag(text, 0, len(text))
    assert [(t.text, t.tag) for t in tokens[:3]] == [("The", "T"), ("minister", "N"), ("’s", "$")]
    assert all(text[t.start:t.end] == t.text for t in tokens)


def test_unknown_words_are_guessed_from_their_ending():
    assert tagging.guess("frobnicatingly")[0] == "R"
    assert tagging.guess("unfrobnicated")[0] == "D"
    assert tagging.guess("frobnicatous")[0] == "J"
    assert tagging.guess("zorblax") == "N"


def test_names_person_takes_plurals_and_leaves_things_alone():
    from tqcheck.text.tagging import names_person

    for word in ("minister", "firefighters", "policemen", "deputies", "women", "coroner"):
        assert names_person(word), word
    for word in ("speed", "history", "specimen", "abdomen", "number"):
        assert not names_person(word), word
