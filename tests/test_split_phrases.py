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
