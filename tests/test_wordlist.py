"""Bucketed word lists answer like the sets and tables they replace, before and after they build their set."""
from __future__ import annotations

from tqcheck.speed import wordlist
from tqcheck.rules.untranslated import vocabulary
from tqcheck.speed.wordlist import WordList


def test_membership_and_values_match_a_set_and_a_dict():
    words = ["acuerdo", "además", "año", "aún", "ciudad", "mañana", "según"]
    forms = {"ademas": "además", "ano": "año", "aun": "aún", "manana": "mañana", "segun": "según"}
    members = WordList.build(words)
    table = WordList.build(list(forms), list(forms.values()))
    probes = ["acuerdo", "acuerdos", "a", "", "año", "ano", "según", "segun", "city", "añ"]
    assert [p in members for p in probes] == [p in set(words) for p in probes]
    assert [table.get(p) for p in probes] == [forms.get(p) for p in probes]
    assert [p in table for p in probes] == [p in forms for p in probes]


def test_among_answers_as_membership_does_for_a_list_and_a_table():
    words = ["acuerdo", "además", "año", "aún", "ciudad", "mañana", "según"]
    forms = {"ademas": "además", "ano": "año", "aun": "aún", "manana": "mañana", "segun": "según"}
    # a word's prefix, a word of the other list, a table's value, the empty word, a word sharing a bucket
    probes = {"acuerdo", "acuerdos", "acu", "a", "", "año", "ano", "según", "segun", "además", "ciudades", "city"}
    members = WordList.build(words)
    table = WordList.build(list(forms), list(forms.values()))
    assert members.among(probes) == {p for p in probes if p in set(words)} == {"acuerdo", "año", "según", "además"}
    assert table.among(probes) == {p for p in probes if p in forms} == {"ano", "segun"}  # keys only, never values
    assert WordList({}).among(probes) == set()


def test_among_gives_the_same_answer_after_the_list_builds_its_set(monkeypatch):
    monkeypatch.setattr(wordlist, "SET_AFTER", 10)
    spanish = vocabulary("es")
    fresh = WordList(spanish.words.buckets)
    first = set("el alcalde dijo que".split())
    tokens = set("el alcalde dijo que the mayor said that la ciudad tendrá nuevos autobuses".split())
    before = fresh.among(first)  # 4 probes: answered from the buckets
    assert fresh._set is None
    after = fresh.among(tokens)  # past the threshold: answered from the set
    assert fresh._set is not None
    assert before == {w for w in first if w in spanish.words} and "alcalde" in before
    assert after == {w for w in tokens if w in spanish.words}
    assert {"alcalde", "tendrá", "nuevos"} <= after and not {"the", "mayor", "said"} & after


def test_common_english_words_tell_words_from_names():
    from tqcheck.data import langdata

    common = langdata.common_words("en")
    assert "media" in common and "announced" in common and "woman" in common
    assert "semana" not in common and "noticias" not in common
