"""French and Portuguese knowledge (issue 13): whole passages of machine-translated news, sport and celebrity
English fire where the pair's phrases and false friends sit, and native passages on the same topics stay quiet."""
from __future__ import annotations

from tqcheck.api import check_text


def _counted(text, source=None, select=("C104", "F101")):
    report = check_text(text, target_lang="en", source_lang=source, select=list(select))
    return [(f.code, f.excerpt) for f in report.findings if f.severity.name in ("WARNING", "ERROR")]


FRENCH_POLITICS = (
    "The prime minister engaged the government's responsibility on the pension bill. "
    "On the side of the opposition, the unions called to strike on Thursday. "
    "It is out of question to withdraw the text, the minister said at the exit of the meeting. "
    "Everything leads to believe that the opposition will seize the Constitutional Council."
)


def test_a_french_political_passage_fires_on_each_calque_and_only_there():
    found = _counted(FRENCH_POLITICS)
    excerpts = [e for _, e in found]
    assert "engaged the government's responsibility" in excerpts
    assert "On the side of the opposition," in excerpts
    assert "called to strike" in excerpts
    assert "It is out of question" in excerpts
    assert "at the exit of the meeting" in excerpts
    assert "Everything leads to believe" in excerpts
    # a sentence-initial connective is recognised after the previous sentence's full stop, not mid-sentence
    assert all(len(e) <= 60 for e in excerpts)


def test_on_his_side_is_only_the_connective_not_support_or_place():
    assert ("C104", "On his side,") in _counted("The minister spoke first. On his side, the mayor said nothing.")
    assert _counted("The minister spoke first. The law, the mayor said, is on his side, whatever happens.") == []
    assert _counted("On the side of the road, police found a burnt car.") == []


BRAZILIAN_SPORT_AND_CELEBRITY = (
    "The archer made three saves and the steering wheel scored the winning goal for the club in the league. "
    "The famous shared a click with her boyfriend and exhibited her curves on the beach. "
    "The internauts praised the post."
)


def test_a_brazilian_sport_and_celebrity_passage_fires_on_each_false_friend():
    excerpts = [e for _, e in _counted(BRAZILIAN_SPORT_AND_CELEBRITY)]
    for expected in ("The archer", "the steering wheel", "The famous shared", "shared a click",
                     "exhibited her curves", "internauts"):
        assert any(expected in e for e in excerpts), (expected, excerpts)


def test_native_sport_motoring_and_archery_sentences_stay_quiet():
    quiet = [
        "The goalkeeper made three saves and the defensive midfielder scored the winning goal in the league.",
        "The driver gripped the steering wheel as the car skidded off the road.",
        "The archer won the Olympic match with a perfect final arrow.",
        "The singer posted a photo with her boyfriend on the beach.",
        "Internet users praised the post.",
        "The Gunners of the Premier League beat Chelsea on Sunday.",
    ]
    for sentence in quiet:
        assert _counted(sentence) == [], sentence


def test_portuguese_police_and_market_phrases_fire_with_a_portuguese_source():
    text = ("The Military Police was triggered and the suspects fled in an ignored direction. "
            "The dollar closed in high of 1.2% and inflation accumulated in 12 months reached 4.5%.")
    found = check_text(text, target_lang="en", source_lang="pt", select=["C104"]).findings
    assert [(f.excerpt, f.source_lang) for f in found] == [
        ("Military Police was triggered", "pt"),
        ("ignored direction", "pt"),
        ("closed in high", "pt"),
        ("accumulated in 12 months", "pt"),
    ]


def test_a_police_and_economy_report_fires_on_the_calques_and_leaves_native_figures_alone():
    text = ("The facts took place on Sunday night: the victim received several knife blows. "
            "Growth will be of 1.5% this year, and the spending roof stays.")
    excerpts = [e for _, e in _counted(text)]
    assert "The facts took place" in excerpts
    assert "knife blows" in excerpts
    assert "will be of 1.5%" in excerpts
    assert "spending roof" in excerpts
    native = ("The attack happened on Sunday night: the victim was stabbed several times. "
              "Growth will be 1.5% this year, and a rise of 2% is of little help.")
    assert _counted(native) == []
