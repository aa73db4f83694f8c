"""Word-order detectors W101-W104 and the tagged S103, on sentences we wrote: each calque fires, its English twin does not."""
from __future__ import annotations

import pytest

from tqcheck.api import check_text


def found(text: str, code: str, source: str | None = None) -> list[str]:
    report = check_text(text, target_lang="en", source_lang=source, select=[code])
    return [text[f.start:f.end] for f in report.findings if f.code == code]


@pytest.mark.parametrize("text,span", [
    ("A crisis political shook the capital on Monday.", "crisis political"),
    ("At least 30 prisoners deceased were buried on Friday.", "prisoners deceased"),
    ("He spoke of a Chile socially and economically fractured.", "Chile socially and economically fractured"),
    ("The reform economic and the reform social were approved.", "reform economic"),
    ("The president Peruvian spoke after the vote.", "president Peruvian"),  # an adjective of nationality
    ("The team Argentine won in Doha.", "team Argentine"),
    ("The platform digital collected the data of its users.", "platform digital"),  # beside the quiet "online"
    # coordinated adjectives that no noun closes still follow theirs (beside the quiet "worsening" below)
    ("The country lives a crisis political and economic since March.", "crisis political"),
    ("The club lives a moment difficult.", "moment difficult"),  # beside the quiet "a bit shaky"
])
def test_adjective_after_noun_fires(text, span):
    assert found(text, "W101") == [span]


@pytest.mark.parametrize("text", [
    "The people responsible were arrested.",  # English's own postposed adjectives
    "The attorney general resigned.",  # a two-word noun of the lexicon
    "The party, as a body corporate, can be sued in its own name.",  # a two-word noun of English law
    "The president elect arrived.",
    "They found the room empty.",  # an object's complement
    "With the door open, the debate began.",
    "A government official said the talks failed.",  # a noun reading makes a compound
    "The seats available were few.",  # -able
    "It is a country rich in oil.",  # an adjective with its complement
    "The town nearby was flooded.",  # an adverb reading
    "Signals from the boat suddenly stopped.",  # an adverb, then the verb
    "A river two miles broad.",  # a measure
    "He is the only man alive who knows.",
    "The Peruvian president spoke after the vote.",
    "The word Spanish has two meanings.",  # the adjective mentioned, not used
    "I saw the film American Psycho.",  # a title
    "The team of Argentine players won.",
    "Browsers that never track your behaviour online are gaining users.",  # "online" as an adverb
    "Many readers keep their notes offline, in paper diaries.",
    # a run of adjectives that a noun closes stands before that noun: the participle before it modifies it too
    "Many families left amid a worsening political and economic situation.",
    "The country faces a deepening social, political and economic crisis.",
    # "a bit", "a tad": how much of the adjective, not a noun it follows
    "Things started off a bit shaky as the leadoff man flew out to left.",
    "The rookie looked a tad nervous, and the crowd noticed.",
])
def test_adjective_after_noun_stays_quiet_on_english(text):
    assert found(text, "W101") == []


def test_adverb_inside_noun_phrase():
    assert found("The also minister of Health defended the plan.", "W102") == ["The also minister"]
    assert found("The now president signed the decree.", "W102") == ["The now president"]
    assert found("The then president signed the decree.", "W102") == []  # "then" is also an adjective
    # an approximator before a quantity noun is English inside the noun phrase
    assert found("The flood cut off its nearly hundreds of farms from the road.", "W102") == []
    assert found("The strike closed their almost thousands of shops across the state.", "W102") == []
    # a noun that intensifies the adjective after it ("rock hard", "ice cold") opens a compound adjective
    assert found("The coach broke his supposedly rock solid rule on Sunday.", "W102") == []
    assert found("The almost mayor of the town thanked the voters.", "W102") == ["The almost mayor"]
    # "roughly" and "approximately" only hedge: inside a noun phrase they qualify a modifier, as no Romance order does
    assert found("On a roughly business as usual path, the ice sheet shrinks by half.", "W102") == []
    assert found("They farmed an approximately acre plot behind the church.", "W102") == []
    assert found("The above example shows it.", "W102") == []
    assert found("It was an extremely rare case.", "W102") == []  # an adverb before an adjective
    assert found("Graft the branch onto the plum tree.", "W102") == []
    # "notwithstanding" is a preposition too ("notwithstanding the rain"), and Canada's charter has its
    # "notwithstanding clause": a word English puts before a noun, never a Romance adverb moved inside one.
    assert found("The premier said he would invoke the notwithstanding clause to protect the law.", "W102") == []
    # "this" never opens a plural noun phrase: after it, an adverb and a word in -s that is also a verb
    # are a subject and its verb, as native English writes them.
    assert found("This largely costs the council its reserves.", "W102") == []
    assert found("This mechanically shapes the offers a bank can make.", "W102") == []
    assert found("This also minister of Health defended the plan.", "W102") == ["This also minister"]


@pytest.mark.parametrize("text,span", [
    ("Thus begins the video that the party published.", "begins the video"),
    ("“We will not give up,” guaranteed the minister.", "guaranteed the minister"),
    ("“We will not give up,” thus begins the message of the union.", "begins the message"),
    ("In a statement, denounced the union that the police acted with violence.", "denounced the union"),
    ("The protest ended at noon, reported the mayor.", "reported the mayor"),
    ("“We will not give up,” said on Monday the minister.", "said on Monday the minister"),  # time before the subject
    ("“We will not give up,” declared yesterday the head of the union.", "declared yesterday the head"),
    ("“What does rent cost?” asked him, for instance, the leader of the opposition.",
     "asked him, for instance, the leader"),  # an object pronoun before the subject
    ("“Why now?” asked them the judge.", "asked them the judge"),
    ("The protest ended at noon, reported this Monday the mayor.", "reported this Monday the mayor"),
    # Spanish "anticipó el senador": a verb English never inverts, beside the manner-of-speaking verbs it does
    ("“We will vote against the budget,” anticipated the senator.", "anticipated the senator"),
])
def test_verb_before_subject_fires(text, span):
    assert found(text, "W103") == [span]


@pytest.mark.parametrize("text", [
    "“We will win,” said the coach.",  # English inverts after a quotation with said, added, asked…
    "“Not my best day,” laughs the goalkeeper after the match.",  # and in the present of a feature or match report
    "“We are ready,” insists the captain.",
    "“It is a sound plan,” commented the minister.",  # "commented" inverts like "remarked"
    "“It is the government’s project,” repeated the mayor of the city.",  # and "repeated"
    "“We will win,” added the coach of the team.",
    "“See you all in Lyon!” tweeted a jubilant captain after the final.",  # social-media telling inverts like "wrote"
    "“We will win,” the coach said on Monday.",
    # verbs of the manner of speaking invert like "said", and "read" gives a banner's or a sign's words
    "“We are bleeding,” yelled a man from the crowd as the mayor spoke.",
    "“Out with the corrupt,” chanted the crowd outside Congress.",
    "“Housing is a right,” read a banner at the march in Madrid.",
    "“Really?” asked her mother.",  # "her" opens the subject here
    "“Why?” asked him the question again.",  # no subject of its own after the pronoun
    # after reported words and a comma, with a verb English inverts there too
    "Protesters broke into the building a week after the inauguration, reports the BBC.",
    "Here comes the bus.",  # and after an adverb with verbs of place and motion
    "Then came the storm.",
    "So says the law.",
    "Thus began a decade of war.",  # literary English inverts after "thus" in a narrative past
    "Thus ended the reign of the Tudors.",
    "Thus begins a new era for the club.",  # and before an indefinite subject
    "The minister, speaking in Lima, announced the plan.",  # the object, not an inverted subject
    "The company, founded in Madrid, acquired the bank.",  # not a verb of saying
    "Finally defeated the last boss of the game.",  # no connective adverb of the source
])
def test_verb_before_subject_stays_quiet_on_english(text):
    assert found(text, "W103") == []


def test_verb_before_subject_leaves_calqued_reporting_verbs_to_c109():
    text = "“We will not give up,” assured the minister."
    assert found(text, "W103") == []
    assert found(text, "C109") == ["assured"]


def test_time_phrase_before_object():
    assert found("The senate approved yesterday the new budget.", "W104") == ["approved yesterday the new budget"]
    assert found("Police arrested this morning two suspects.", "W104") == ["arrested this morning two suspects"]
    assert found("The team debuts against this Tuesday Saudi Arabia in Doha.", "W104") == ["against this Tuesday Saudi"]
    assert found("The senate approved the budget yesterday.", "W104") == []
    assert found("The minister said yesterday the plan would fail.", "W104") == []  # "that" left out
    assert found("The senator demanded last week the aid package include a tax cut.", "W104") == []  # a clause


def test_sentence_opening_with_any_past_verb_and_that_lacks_a_subject():
    assert found("Denounced that the police acted with violence.", "S103", "es") == ["Denounced that"]
    assert found("Stressed that the company would appeal.", "S103", "es") == ["Stressed that"]
    assert found("Provided that the vote passes, the law applies.", "S103", "es") == []
    assert found("Surprised that he came, she left early.", "S103", "es") == []  # an adjective of feeling
    assert found("Needed that.", "S103", "es") == []


def test_word_order_needs_a_romance_source():
    assert found("A crisis political shook the capital.", "W101", "de") == []
