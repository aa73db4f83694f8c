"""Speech tags on sentences of our own: quotations whose marks a translation dropped (Q106) and tags
punctuated as Spanish or French punctuate them (Q107), and the native sentences that must stay silent."""
from __future__ import annotations

import pytest

from tqcheck.api import check_text
from tqcheck.rules.speech_tags import tag_verbs


def counted(text, code):
    report = check_text(text, target_lang="en", select=[code])
    return [f.excerpt for f in report.findings if f.code == code and f.severity.label != "info"]


@pytest.mark.parametrize("text, excerpt", [
    # the Romance order: verb, then its subject
    ("We will not give up the harbour project, declared the mayor.", "project, declared the mayor"),
    ("My team has never played better than this season, said coach Ana Ruiz.", "season, said coach Ana Ruiz"),
    ("Our party will vote against the budget, added the head of the opposition.",
     "budget, added the head of the opposition"),
    # the English order, with an adverbial after the tag
    ("I have the best engineers in the region, she exclaimed.", "region, she exclaimed"),
    ("We are ready for the elections, the minister said on Tuesday.", "elections, the minister said"),
    ("You have to listen to the farmers first, Petro told reporters.", "first, Petro told reporters"),
    ("Let’s build the new hospital together, urged the governor.", "together, urged the governor"),
    # after a question, the tag in lower case
    ("Why should we pay for their mistakes? asked the mayor.", "mistakes? asked the mayor"),
    # a tag in mid-sentence
    ("I am not worried at all, he said, because the figures are good.", "all, he said"),
])
def test_first_person_words_closed_by_a_speech_tag_are_a_quotation_without_marks(text, excerpt):
    # Only the words at the join are marked: the quotation's last word and the tag, never the sentence.
    assert counted(text, "Q106") == [excerpt]


def test_a_tag_that_opens_reported_speech_closes_no_quotation():
    # the writer's own first-person clause, then `said to me that`: what follows is reported, not quoted
    assert counted("When we moved to Lima and began planning our trips, Ana said to me that she wanted to see the "
                   "coast first.", "Q106") == []
    assert counted("After our first week at the clinic, the nurse told us that the ward would close.", "Q106") == []
    # a tag whose adverbial holds no `that` still closes the quotation
    assert counted("We will not close the ward, the nurse said on Friday.", "Q106") == [
        "ward, the nurse said"]


def test_a_tag_after_one_that_names_no_speaker_is_still_read():
    # `, the study says,` names a document, not a speaker; its comma still ends it and opens the next tag.
    assert counted("Our schools are failing, the study says, the minister admitted.", "Q106") == [
        "says, the minister admitted"]


def test_first_person_words_after_a_colon_tag_are_a_quotation_without_marks():
    assert counted("The governor declared on Monday: We will rebuild every school.", "Q106") == [
        "declared on Monday: We"]
    assert counted("The governor declared on Monday: “We will rebuild every school.”", "Q106") == []
    assert counted("The governor declared on Monday: The schools will be rebuilt.", "Q106") == []


@pytest.mark.parametrize("text", [
    # reported speech in the third person is how English news writes what was said
    "The bridge will reopen in May, the mayor said.",
    "Three officers were injured and 16 people were arrested, police said on Sunday.",
    # the quotation has its marks
    "“We will not give up the harbour project,” declared the mayor.",
    "“We are ready,” he said. “The money is there,” he added.",
    # inside a quotation that runs on: its marks are there
    "“We are ready. We will win, he said, and nobody will stop us.”",
    # an outlet's national voice deep in a long third-person sentence
    ("Travellers arriving by plane from the north will have to show a negative test taken up to three days "
     "before they cross into our southern neighbour, the ministry announced."),
    # the reader addressed, as service news does
    "If you see the missing boy, call the hotline at once, the police said.",
    # `I` as a numeral, `US` as the country
    "Phase I trials of the vaccine began in May, the company said.",
    "Exports to the US fell by a third last year, the ministry said.",
    # the tag's subject is a thing, not a speaker
    "We have had many great players, considered the best in our league.",
    # a column's standfirst, in its author's voice
    "Our high streets deserve better than another round of closures, writes Jane Smith.",
    # a question in the third person, and a question with its marks
    "Who will pay for the new bridge? asked the mayor.",
    "“Why should we pay for their mistakes?” asked the mayor.",
    # the tag names no one else: the writer's own first person, a pronoun, a day
    "We will win the vote, I said to my friends.",
    "We will win the vote, It said.",
    "My family has lived here for years, Monday said.",
    # too short to be a quotation
    "Me, he said.",
])
def test_native_sentences_are_not_unquoted_speech(text):
    assert counted(text, "Q106") == []


def test_tag_verbs_are_past_or_present_forms():
    verbs = set(tag_verbs())
    assert {"said", "says", "declared", "added", "exclaimed", "replied", "told"} <= verbs
    # base forms and participles in -ing never close a quotation
    assert not verbs & {"say", "saying", "declare", "adding"}


@pytest.mark.parametrize("text, excerpt", [
    ("“Who will pay for the new bridge?”, asked the mayor.", "?”, asked the mayor"),
    ("“Enough of these delays!”, the union leader shouted on Monday.", "!”, the union leader shouted"),
    ("“The plan is final.”, said Petro.", ".”, said Petro"),
    ("“We are ready for the vote”, He said.", "He said"),
])
def test_a_tag_punctuated_as_the_source_punctuates_it(text, excerpt):
    assert counted(text, "Q107") == [excerpt]


def test_a_closing_mark_spaced_from_its_quotation_and_glued_to_the_tag():
    # French spaces its « » inside; turned into English marks, the space stays and the tag is glued on
    text = "“We still have time to decide. Nothing is settled, ”the mayor said on Monday."
    assert counted(text, "Q107") == [", ”the mayor said"]
    assert counted("“Calls for a strike go nowhere, ”declared the minister.", "Q107") == [", ”declared the minister"]


@pytest.mark.parametrize("text", [
    "“Nothing is settled,” the mayor said on Monday.",
    # a straight mark after a comma may open the next quotation
    'Outside, protesters held signs saying, "Justice denied" and "Justice for victims".',
    # a spaced closing mark before a word that is not a tag is another matter
    "“Nothing is settled, ” and the mayor left.",
])
def test_a_closing_mark_before_anything_but_a_glued_tag_is_not_reported_so(text):
    assert counted(text, "Q107") == []


def test_the_suggestions_give_the_english_punctuation():
    report = check_text("“Who will pay for it?”, He asked. “It is final.”, said Petro.", select=["Q107"])
    assert [f.suggestion for f in report.findings if f.severity.label != "info"] == ["?” he asked", ",” said Petro"]


@pytest.mark.parametrize("text", [
    "“Who will pay for the new bridge?” asked the mayor.",
    "“We are ready for the vote,” he said.",
    "“We are ready for the vote”, he said.",  # British placement of the comma is English too
    # a title ending with a question mark, followed by an apposition: no speech tag
    "She read “Where Are You Going?”, a novel by Jo Smith, in one night.",
    # an abbreviation's full stop before the closing mark
    "The club is registered as “Northside Rowers Ltd.”, the company said.",
])
def test_english_tags_are_not_source_punctuated(text):
    assert counted(text, "Q107") == []


def test_two_apostrophes_are_the_quotation_marks_of_plain_text_wire_copy():
    text = "''It is a big day for our town, and we are ready for the visitors'', said the mayor."
    assert counted(text, "Q106") == []
    # without them the same words are a quotation that lost its marks
    text = "It is a big day for our town, and we are ready for the visitors, said the mayor."
    assert counted(text, "Q106") == ["visitors, said the mayor"]
