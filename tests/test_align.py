"""The sentence aligner keeps translation pairs together through insertions, deletions, merges and splits."""
from __future__ import annotations

import pytest

from tqcheck.translation.align import (HORIZON, Alignment, _anchors, _Costs, align, anchor_keys, WordKeys, char_ngrams, chrf_from_ngrams,
                           document_ratio, similarity_for)
from tqcheck.translation.cache import cached_translate
from tqcheck.translation.engines.apertium import ApertiumEngine
from tqcheck.translation.roundtrip import sentence_chrf

SPANISH = [
    "El Ayuntamiento de Sevilla aprobó el martes un presupuesto de 950 millones de euros para 2024.",
    "La partida más grande se destinará al transporte público, con 210 millones para nuevas líneas de autobús.",
    "La oposición criticó que el plan no incluya viviendas sociales en el barrio de Triana.",
    "Según el alcalde, las obras del nuevo tranvía comenzarán en septiembre.",
    "El proyecto prevé contratar a 1.200 trabajadores durante los tres años de construcción.",
    "Los comerciantes del centro temen perder clientes mientras duren las obras.",
    "La asociación de vecinos pidió una reunión urgente con el concejal de Urbanismo.",
    "El pleno volverá a reunirse el 15 de diciembre para votar las enmiendas.",
]
ENGLISH = [
    "Seville City Council approved on Tuesday a budget of 950 million euros for 2024.",
    "The largest item will go to public transport, with 210 million for new bus lines.",
    "The opposition complained that the plan does not include social housing in the Triana district.",
    "According to the mayor, work on the new tram will begin in September.",
    "The project plans to hire 1,200 workers during the three years of construction.",
    "Shopkeepers in the city centre fear losing customers while the works last.",
    "The residents' association asked for an urgent meeting with the councillor for urban planning.",
    "The full council will meet again on December 15 to vote on the amendments.",
]
UNRELATED = "Manchester United lost at home to Liverpool on Sunday afternoon after a late penalty."
MERGED = ("Shopkeepers in the city centre fear losing customers while the works last, and the residents' "
          "association asked for an urgent meeting with the councillor for urban planning.")
SPLIT = ["The largest item will go to public transport.", "It includes 210 million for new bus lines."]
BOILERPLATE = "Share this article on Facebook, Twitter and WhatsApp with your friends."
PAIR = ("es", "en")


@pytest.fixture(scope="module")
def engine():
    """Apertium's translations of every sentence these tests use, made in one batch per direction."""
    with ApertiumEngine() as eng:
        english = ENGLISH + [UNRELATED, MERGED, BOILERPLATE] + SPLIT
        found = dict(zip(english, cached_translate(eng, english, "en", "es")))
        found.update(zip(SPANISH, cached_translate(eng, SPANISH, "es", "en")))
        yield found


def _aligned(source, target, engine=None) -> Alignment:
    back = forward = None
    if engine is not None:
        back = [engine[t] for t in target]
        forward = [engine[s] for s in source]
    return align(source, target, similarity_for(source, target, back, forward), PAIR)


def _links(alignment: Alignment) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    return [(link.source, link.target) for link in alignment.links]


@pytest.fixture(params=["anchors", "apertium"])
def aligned(request, engine):
    return lambda source, target: _aligned(source, target, engine if request.param == "apertium" else None)


def test_a_faithful_translation_aligns_one_to_one(aligned):
    result = aligned(SPANISH, ENGLISH)
    assert _links(result) == [((i,), (i,)) for i in range(8)]
    assert not result.omissions and not result.additions


def test_an_inserted_sentence_is_an_addition(aligned):
    target = ENGLISH[:3] + [UNRELATED] + ENGLISH[3:]
    result = aligned(SPANISH, target)
    assert [link.target for link in result.additions] == [(3,)]
    assert ((4,), (5,)) in _links(result) and ((2,), (2,)) in _links(result)


def test_a_dropped_sentence_is_an_omission(aligned):
    target = ENGLISH[:4] + ENGLISH[5:]
    result = aligned(SPANISH, target)
    assert [link.source for link in result.omissions] == [(4,)]
    assert ((5,), (4,)) in _links(result) and ((3,), (3,)) in _links(result)


def test_two_sentences_translated_as_one_are_a_merge(aligned):
    target = ENGLISH[:5] + [MERGED] + ENGLISH[7:]
    result = aligned(SPANISH, target)
    assert ((5, 6), (5,)) in _links(result)
    assert ((7,), (6,)) in _links(result)


def test_one_sentence_translated_as_two_is_a_split(aligned):
    target = ENGLISH[:1] + SPLIT + ENGLISH[2:]
    result = aligned(SPANISH, target)
    assert ((1,), (1, 2)) in _links(result)
    assert ((2,), (3,)) in _links(result)


def test_insertion_and_deletion_together(aligned):
    target = [UNRELATED] + ENGLISH[:2] + ENGLISH[3:]
    result = aligned(SPANISH, target)
    assert [link.target for link in result.additions] == [(0,)]
    assert [link.source for link in result.omissions] == [(2,)]
    assert ((7,), (7,)) in _links(result)


def test_a_sentence_replaced_by_boilerplate_is_omission_plus_addition(engine):
    target = ENGLISH[:7] + [BOILERPLATE]
    result = _aligned(SPANISH, target, engine)
    assert [link.source for link in result.omissions] == [(7,)]
    assert [link.target for link in result.additions] == [(7,)]


def test_english_to_spanish_works_the_same_way(engine):
    # The same translations serve the other direction: the source is now English.
    target = SPANISH[:2] + SPANISH[3:]
    back = [engine[t] for t in target]
    forward = [engine[s] for s in ENGLISH]
    result = align(ENGLISH, target, similarity_for(ENGLISH, target, back, forward), ("en", "es"))
    assert [link.source for link in result.omissions] == [(2,)]
    assert ((3,), (2,)) in _links(result)


def test_empty_sides():
    assert _links(align([], ENGLISH[:2])) == [((), (0,)), ((), (1,))]
    assert _links(align(SPANISH[:1], [])) == [((0,), ())]
    assert align([], []).links == []


def test_long_documents_align_within_a_band():
    # 300 sentences on each side take the banded path; one dropped sentence is still found.
    source = [f"{s} ({i})" for i in range(40) for s in SPANISH][:300]
    target = [f"{t} ({i})" for i in range(40) for t in ENGLISH][:300]
    del target[150]
    result = align(source, target, similarity_for(source, target), PAIR)
    assert [link.source for link in result.omissions] == [(150,)]
    assert ((299,), (298,)) in _links(result)


def test_a_long_document_is_aligned_from_anchors_as_the_whole_programme_would():
    # 320 sentences; one dropped in the middle, an unrelated one inserted near the end.
    source = [f"{s} ({i})" for i in range(40) for s in SPANISH][:320]
    target = [f"{t} ({i})" for i in range(40) for t in ENGLISH][:320]
    del target[150]
    target.insert(299, UNRELATED)
    similarity = similarity_for(source, target)
    result = align(source, target, similarity, PAIR)
    assert [link.source for link in result.omissions] == [(150,)]
    assert [link.target for link in result.additions] == [(299,)]
    assert ((149,), (149,)) in _links(result) and ((151,), (150,)) in _links(result)
    assert ((299,), (298,)) in _links(result) and ((300,), (300,)) in _links(result)
    # Most links were fixed as anchors before the programme ran, and they are the links the
    # programme finds over the whole document.
    costs = _Costs(source, target, similarity, document_ratio(source, target, PAIR))
    assert len(_anchors(costs, len(source), len(target))) > 0.8 * len(source)
    assert result.links == align(source, target, similarity, PAIR, anchored=False).links


def test_a_passage_lost_beyond_the_search_horizon_is_crossed_on_unique_keys():
    # Each sentence carries its own number, a key no other sentence has: the run after a lost
    # passage longer than the search horizon is found from it.
    source = [f"{SPANISH[k % 8]} ({k})" for k in range(300)]
    target = [f"{ENGLISH[k % 8]} ({k})" for k in range(300)]
    lost = range(100, 100 + HORIZON + 20)
    del target[lost.start:lost.stop]
    similarity = similarity_for(source, target)
    result = align(source, target, similarity, PAIR)
    assert [link.source for link in result.omissions] == [(k,) for k in lost]
    assert all(link.kind == "1-1" and link.source[0] - link.target[0] == (len(lost) if link.source[0] > 100 else 0)
               for link in result.pairs)
    anchors = _anchors(_Costs(source, target, similarity, document_ratio(source, target, PAIR)), 300, len(target))
    past = [(i, j) for i, j in anchors if i >= lost.stop]
    assert len(past) > 30 and all(i - j == len(lost) for i, j in past)


def test_a_translation_with_nothing_in_common_is_aligned_by_the_programme_alone():
    # No run of clear translations: the whole document goes to the programme, as before anchors.
    source = [f"{s} ({i})" for i in range(5) for s in SPANISH]
    target = [UNRELATED, BOILERPLATE] * 20
    similarity = similarity_for(source, target)
    assert _anchors(_Costs(source, target, similarity, document_ratio(source, target, PAIR)), 40, 40) == []
    assert align(source, target, similarity, PAIR).links == align(source, target, similarity, PAIR, anchored=False).links


def test_anchor_keys_are_numbers_acronyms_and_folded_stems():
    assert anchor_keys("Los 1.200 pacientes de la OMS llegaron a Écija") == {"1200", "paci", "OMS", "lleg", "ecij"}


def test_anchor_keys_read_words_with_punctuation_and_several_tokens_as_the_token_pattern_does():
    # Words are remembered whole for a document; one met again, or met with other punctuation, or holding
    # several tokens (a figure and a stem, two stems), must give the keys its tokens give.
    known = WordKeys()
    first = "«La OMS (2021) notificó 3,5 millones de casos de COVID-19 y/o gripe»."
    expected = {"OMS", "2021", "noti", "35", "mill", "casos"[:4], "covi", "19", "grip"}
    assert anchor_keys(first, known) == expected
    assert anchor_keys(first) == expected
    assert anchor_keys("¿OMS? COVID-19, (3,5) millones…", known) == {"OMS", "covi", "19", "35", "mill"}
    assert anchor_keys("x-ray__de_la_OMS 12.5.3 ..., —", known) == {"OMS", "1253"}


def test_a_merge_or_split_never_costs_less_than_its_bound_from_its_parts():
    # The dynamic programme skips a merge or split whose bound cannot beat the best link found: the bound
    # must hold for every one, related or not, with anchors and with translations.
    source, target = SPANISH[:6], ENGLISH[:3] + [ENGLISH[3] + " " + ENGLISH[4], ENGLISH[5]]
    for similarity in (similarity_for(source, target), similarity_for(source, target, back=source[:5], forward=target + [None])):
        costs = _Costs(source, target, similarity, 0.88)
        checked = 0
        for pi in range(len(source)):
            for pj in range(len(target)):
                for di, dj in ((2, 1), (1, 2)):
                    if pi + di <= len(source) and pj + dj <= len(target):
                        assert costs.least_link(pi, pi + di, pj, pj + dj) <= costs.link(pi, pi + di, pj, pj + dj)[0]
                        checked += 1
        assert checked == 5 * 5 + 6 * 4
        # the bound is worth having: a merge whose second sentence is unrelated is bounded above a good 1-1 link
        assert costs.least_link(0, 2, 4, 5) > costs.link(0, 1, 0, 1)[0]


def test_figures_read_from_the_anchor_keys_are_the_figures_of_the_text():
    source = ["Se vacunaron 1.250 personas (el 3,5 %) en 2021, según la OMS.", "El COVID-19 y el H1N1: ²/₃ de 12.5.3."]
    target = ["1,250 people (3.5%) were vaccinated in 2021, according to WHO.", "COVID-19 and H1N1: 2/3 of 12.5.3."]
    from_keys = _Costs(source, target, similarity_for(source, target), 1.0)._figure_sets()
    scanned = _Costs(source, target, None, 1.0)._figure_sets()
    assert from_keys == scanned
    assert from_keys[0][0] == {"1250", "35", "2021"} and from_keys[1][1] == {"19", "1", "2", "3", "1253"}


def test_chrf_from_ngrams_equals_sacrebleu():
    for hyp, ref in zip(ENGLISH, ENGLISH[1:] + ENGLISH[:1]):
        assert chrf_from_ngrams(char_ngrams(hyp), char_ngrams(ref)) == pytest.approx(sentence_chrf(hyp, ref))
    assert chrf_from_ngrams(char_ngrams(ENGLISH[0]), char_ngrams(ENGLISH[0])) == pytest.approx(100.0)
