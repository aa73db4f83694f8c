"""W106 kind-phrase-after-verb and W107 complement-before-object, on sentences we wrote: the split phrase fires, the
phrase in English order (and English's own heavy-object shift) does not."""
from __future__ import annotations

import pytest

from tqcheck.api import check_text


def found(text: str, code: str, source: str | None = None) -> list[str]:
    report = check_text(text, target_lang="en", source_lang=source, select=[code])
    return [text[f.start:f.end] for f in report.findings if f.code == code]


@pytest.mark.parametrize("text,span", [
    ("No more contracts would be awarded of this type.", "of this type"),
    ("No measure was taken of that nature, the minister said.", "of that nature"),
    ("Two more plants will be closed of this kind next year.", "of this kind"),
    ("No loans were then granted of that sort.", "of that sort"),  # an adverb between `be` and the participle
])
def test_kind_phrase_after_a_passive_verb_fires(text, span):
    assert found(text, "W106") == [span]


@pytest.mark.parametrize("text", [
    "No more contracts of this type would be awarded.",  # beside its noun
    "The hull was built of this type of steel.",  # the kind phrase has its own noun
    "He was accused of that sort.",  # a verb that takes `of` itself
    "Nothing was ever heard of that kind.",
    "The problem was of this kind.",  # `be` and a complement
    "She spoke of this type.",  # no passive
    "No decision was made of any kind.",  # English moves "of any kind" to the end itself
])
def test_kind_phrase_in_english_order_stays_quiet(text):
    assert found(text, "W106") == []


@pytest.mark.parametrize("text,span", [
    ("The central bank left unchanged its interest rate.", "left unchanged its interest rate"),
    ("The government will keep stable the price of bread.", "keep stable the price of bread"),
    ("The club keeps intact its lead at the top.", "keeps intact its lead"),
    ("The firm maintained unaltered its forecast for 2024.", "maintained unaltered its forecast"),
])
def test_state_before_a_short_object_fires(text, span):
    assert found(text, "W107") == [span]


@pytest.mark.parametrize("text", [
    "The central bank left its interest rate unchanged.",  # English order
    "The court left intact a ruling that barred the sale of the land.",  # a heavy object moved to the end
    "The court left intact the ruling of the lower court that barred the sale.",
    "They left open the question of pay.",  # `open` goes before an object in English too
    "The bank kept rates unchanged at 5%.",
    "The rate was left unchanged.",
    "He kept unchanged.",
])
def test_state_after_the_object_stays_quiet(text):
    assert found(text, "W107") == []


def test_split_phrases_need_a_romance_source():
    assert found("The central bank left unchanged its interest rate.", "W107", "de") == []
    assert found("No more contracts would be awarded of this type.", "W106", "de") == []


@pytest.mark.parametrize("text,span", [
    ("Paris is the city the most visited in the world.", "city the most visited"),
    ("The measure the most criticized was dropped.", "measure the most criticized"),
    ("Cancer hits women, being younger women the most affected.", "women the most affected"),
    ("He was the player the least used of the squad.", "player the least used"),
])
def test_superlative_after_its_noun_fires(text, span):
    assert found(text, "W110") == [span]


@pytest.mark.parametrize("text", [
    "Paris is the most visited city in the world.",
    "Paris is the city most visited by tourists.",  # no second article
    "It is the one the most people voted for.",  # `the most` opens a noun phrase of its own
    "It was the year the most beautiful thing happened.",
    "She was the candidate the most likely to win.",  # a complement with `to`
    "They made the game the most fun of all.",  # an object and its complement
    "They found the city the most beautiful.",
    "Fans voted the striker the most improved.",
])
def test_superlative_in_english_order_stays_quiet(text):
    assert found(text, "W110") == []


def test_complement_before_object_is_a_hint_not_a_warning():
    """Wire copy writes `left unchanged its key rate` too: W107 is info, which no exit code or score counts."""
    report = check_text("The central bank left unchanged its interest rate.", target_lang="en", select=["W107"])
    assert [f.severity.name for f in report.findings] == ["INFO"]
