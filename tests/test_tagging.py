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


def _spans(text: str) -> list[tuple[int, int]]:
    """Each sentence of `text`, one a line."""
    spans, at = [], 0
    for line in text.split("\n"):
        spans.append((at, at + len(line)))
        at += len(line) + 1
    return spans


class _Span:
    def __init__(self, start: int, end: int):
        self.start, self.end = start, end


def _document(text: str) -> list[list[tagging.Token]]:
    return tagging.document_tokens({}, text, [_Span(a, b) for a, b in _spans(text)])


def test_documents_share_the_word_forms_the_process_has_tagged_and_tag_as_alone(monkeypatch):
    first = _document("The council approved the budget on Monday.\nIts members said the vote was close.")
    second = _document("The mayor's office said nothing.\nOn Monday the council met again and the budget passed.")
    council = [t for doc in (first, second) for sentence in doc for t in sentence if t.text == "council"]
    assert len(council) == 2 and council[0].text is council[1].text  # one string across the two documents
    text = "The mayor's office said nothing.\nOn Monday the council met again and the budget passed."
    for tokens, (a, b) in zip(second, _spans(text)):
        alone = tagging.tag(text, a, b)
        assert [(t.text, t.start, t.end, t.tags, t.tag, t.low, t.is_word) for t in tokens] == \
               [(t.text, t.start, t.end, t.tags, t.tag, t.low, t.is_word) for t in alone]
    assert [t.text for t in second[0]][:4] == ["The", "mayor", "'s", "office"]


def test_the_shared_memo_starts_afresh_past_its_bound(monkeypatch):
    monkeypatch.setattr(tagging, "MEMO_FORMS", 3)
    first = _document("Senators debated the reform for hours.")
    memo = tagging._MEMO[0]
    assert "Senators" in memo.initial and "reform" in memo.inner
    second = _document("Senators voted.")  # the memo held more than 3 forms: this document starts a new one
    assert tagging._MEMO[0] is not memo and "reform" not in tagging._MEMO[0].inner
    assert [t.tag for t in second[0]] == [t.tag for t in tagging.tag("Senators voted.", 0, 15)]
    assert first[0][0].text == "Senators"
