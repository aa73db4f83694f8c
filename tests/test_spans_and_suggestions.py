"""Q102 underlines the misplaced mark and the word it is glued to; suggestions are grammatical (issue 14)."""
from __future__ import annotations

import pytest

from conftest import detector_findings


@pytest.mark.parametrize("text, excerpt", [
    ("Russia and China opposed”to any future enlargement” of the Atlantic Alliance.", "opposed”to"),
    ("The minister called the report ”deeply flawed” on Monday.", "”deeply"),
    ("The minister said that “the plan is ready”and left the room.", "ready”and"),
    ("They called the offer “deeply flawed“ on Monday.", "flawed“"),
])
def test_misplaced_quote_spans_the_mark_and_its_word_only(text, excerpt):
    (finding,) = detector_findings(text, "Q102")
    assert finding.excerpt == excerpt


@pytest.mark.parametrize("text, suggestion", [
    ("The country is living a moment “unprecedented”, the president said.", "an “unprecedented” moment"),
    ("The ministers agreed on an approach “universal”, the president said.", "a “universal” approach"),
    ("The country is living an era “turbulent”, the president said.", "a “turbulent” era"),
    ("The country is living the moment “historic”, the president said.", "the “historic” moment"),
])
def test_moved_adjective_suggestion_agrees_in_article(text, suggestion):
    (finding,) = detector_findings(text, "C103", source_lang="es")
    assert finding.suggestion == suggestion


@pytest.mark.parametrize("text, suggestion", [
    ("The coach admitted that “has made mistakes” this season.", "add the subject: “admitted that he/she has …”"),
    ("The unions said that “have decided to leave the talks” on Friday.",
     "add the subject: “said that they have …”"),
])
def test_missing_subject_suggestion_agrees_with_the_verb(text, suggestion):
    (finding,) = detector_findings(text, "S101", source_lang="es")
    assert finding.suggestion == suggestion
