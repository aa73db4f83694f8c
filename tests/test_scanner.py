"""The one pass over a file for the data-driven detectors' literals (tqcheck/speed/scanner.py): it finds every
literal a sentence holds, in any case and across chunks, and the detectors it gates find exactly what they find
when they read every sentence."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from tqcheck.checking.check import Settings, check_document
from tqcheck.reading import parse_text
from tqcheck.rules import base, calques, fluency, grammar, select, syntax
from tqcheck.rules.base import Context, anchor_hits, pattern_literals
from tqcheck.speed import scanner
from tqcheck.text.segment import segment

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_24777a2ba7ef8ce0.txt"

TRANSLATED = (
    "The senate debated two projects of law on pensions. On the occasion of the meeting, the minister spoke "
    "since several years of the same. THE SENATE DEBATED TWO PROJECTS OF LAW AGAIN. "
    "Several informations were given by the Ministry this Friday the president said. The government "
    "announced this Friday the new plan, and the spanish and french delegations met in Madrid. "
    "The executive arrived to the head of the Government in a moment of crisis, and took in account the advices.\n\n"
    "Las mujeres también participaron. She realized a meeting with the responsible of the project.\n\n"
    "The report was sent to the ministry for the review of the same. A copy of the contract was kept in the same.\n"
)


def _context(text: str, source_langs=("es", "fr", "pt")) -> Context:
    doc = parse_text("<test>", text, "text")
    return Context(doc, segment(doc, "en"), "en", tuple(source_langs))


def test_fold_keeps_every_offset_and_reads_what_ignorecase_reads():
    text = "İSTANBUL, ıs the ſame Kelvin city — “Año” ÉTÉ"
    folded = scanner.fold(text)
    assert len(folded) == len(text)
    assert folded.startswith("istanbul, is the same kelvin city")
    # each folded character is what re.IGNORECASE would match a lower-case ASCII letter against
    for original, low in zip(text, folded):
        if "a" <= low <= "z":
            assert re.fullmatch(low, original, re.IGNORECASE)
    # each of the three letters alone is folded too (the fold skips its table only when none is there)
    assert [scanner.fold(f"Is {c}T") for c in "İıſ"] == ["is it", "is it", "is st"]
    assert scanner.fold("KELVIN “Año” ÉTÉ") == "kelvin “año” été"


def test_every_literal_a_sentence_holds_is_found_overlapping_and_in_any_case():
    text = "He took it into ACCOUNT. Nothing here. The accountant counted."
    spans = [(m.start(), m.end()) for m in re.finditer(r"[^.]+\.", text)]
    found = scanner.Scanner(("account", "count", "counted", "here", "ant")).scan(text, spans)
    assert found == {0: frozenset({"account", "count"}), 1: frozenset({"here"}),
                     2: frozenset({"account", "ant", "count", "counted"})}


def test_a_literal_across_a_sentence_boundary_belongs_to_no_sentence():
    text = "It was over. Seas rose."  # "overseas" only across the boundary, "rose" inside the second
    spans = [(0, 12), (13, len(text))]
    assert scanner.Scanner(("overseas", "rose", "over")).scan(text, spans) == {0: frozenset({"over"}),
                                                                               1: frozenset({"rose"})}


def test_spans_out_of_order_or_overlapping_each_get_what_they_hold():
    text = "The minister resigned. The president stayed."
    spans = [(23, len(text)), (0, 22), (4, 30), (4, 12)]
    found = scanner.Scanner(("minister", "president", "resign", "stay")).scan(text, spans)
    assert found == {0: frozenset({"president", "stay"}), 1: frozenset({"minister", "resign"}),
                     2: frozenset({"minister", "resign"}), 3: frozenset({"minister"})}


def test_a_long_file_read_in_chunks_gives_what_each_sentence_holds():
    sentences = SEED.read_text(encoding="utf-8").split(". ")
    text = ". ".join(sentences * (3 * scanner.CHUNK // len(SEED.read_text(encoding="utf-8")) + 1))
    assert len(text) > 3 * scanner.CHUNK
    spans = [(m.start(), m.end()) for m in re.finditer(r"[^.]+\.?", text)]
    literals = ("government", "president", "said", "of", "the", "minister", "year")
    found = scanner.Scanner(literals).scan(text, spans)
    expected = {}
    for i, (a, b) in enumerate(spans):
        held = frozenset(lit for lit in literals if lit in text[a:b].lower())
        if held:
            expected[i] = held
    assert found == expected


def test_calque_phrases_found_through_the_scan_are_those_every_sentence_gives():
    """Every phrase entry run on every sentence (no gate) against C104's gated matches, on translated text and on the seed."""
    for text in (TRANSLATED, SEED.read_text(encoding="utf-8")):
        ctx = _context(text)
        ctx.cache["detectors"] = [d() for d in select(["C104"], None)]
        gated = [(m.span(), entry["pattern"]) for m, entry, _ in calques.phrase_matches(ctx, "phrases")]
        table = calques.phrase_table("phrases", ("es", "fr", "pt"))
        everywhere = []
        for seg in ctx.segments:
            chosen = table.matches(ctx.doc.view, seg.start, seg.end, frozenset(table.literals))
            everywhere.extend((m.span(), entry["pattern"]) for m, entry, _ in chosen)
        assert gated == everywhere
        assert gated, "the text holds calque phrases"


def test_gated_segment_matches_equal_a_search_of_every_sentence():
    """The patterns the detectors declared, searched only where the scan found their literals, give every match
    a search of every sentence gives."""
    detectors = [d() for d in select(None, None)]
    for text in (TRANSLATED, SEED.read_text(encoding="utf-8")):
        ctx = _context(text)
        ctx.cache["detectors"] = [d for d in detectors if d.applies_to("en")]
        anchor_hits(ctx)
        patterns = [calques._verb_time_object(), calques._dated_day(), calques._capital_metonym(),
                    calques._stacked_apposition(), grammar._counted(), grammar._romance_plural_pattern(),
                    syntax._same_pronoun(), fluency._proper_lowercase()]
        gated_any = False
        for pattern in patterns:
            literals = pattern_literals(pattern)
            assert literals and ctx.cache["anchor_literals"].issuperset(literals), pattern.pattern[:60]
            gated = [m.span() for m in base.segment_matches(ctx, pattern)]
            everywhere = [m.span() for seg in ctx.segments
                          for m in pattern.finditer(ctx.doc.view, seg.start, seg.end)]
            assert gated == everywhere
            gated_any = gated_any or bool(gated)
        assert gated_any


def test_a_selection_without_the_calque_detectors_does_not_scan_for_their_literals():
    ctx = _context(TRANSLATED)
    ctx.cache["detectors"] = [d() for d in select(["F101"], None)]
    anchor_hits(ctx)
    f101 = frozenset(ctx.cache["detectors"][0].literals(ctx))
    assert ctx.cache["anchor_literals"] == f101
    calque_only = frozenset(calques.table_literals(ctx, "phrases")) - f101
    assert "occasion" in f101 and "according" in calque_only  # anchors of F101 and of C104 alone
    assert ctx.cache["anchor_literals"].isdisjoint(calque_only)


@pytest.mark.parametrize("select_", [["C104"], ["F101"], ["Y104"], None])
def test_findings_do_not_depend_on_which_other_detectors_share_the_pass(select_):
    """A detector run alone (the scan holds only its literals) finds what it finds among all the others."""
    doc = parse_text("<test>", TRANSLATED, "text")
    alone = check_document(doc, Settings(select=select_, target_lang="en", engine="none")).findings
    doc = parse_text("<test>", TRANSLATED, "text")
    together = check_document(doc, Settings(target_lang="en", engine="none")).findings
    codes = {f.code for f in alone}
    keep = [(f.code, f.start, f.end) for f in together if f.code in codes]
    assert [(f.code, f.start, f.end) for f in alone] == keep  # (messages say which other codes agree)
    assert alone


def test_upper_case_and_dotted_capitals_still_fire():
    """The scan folds case: `PROJECTS OF LAW` in capitals is found as the lower-case phrase is."""
    doc = parse_text("<test>", "THE SENATE DEBATED TWO PROJECTS OF LAW ON PENSIONS.\n", "text")
    found = check_document(doc, Settings(select=["C104"], target_lang="en", source_lang="es", engine="none")).findings
    assert [f.excerpt for f in found] == ["PROJECTS OF LAW"]


def test_rare_cognates_read_only_where_the_scan_found_one_are_all_of_them():
    """F103/F104 look words up only in sentences holding a listed look-alike; with the look-alikes left out of
    the scan (a run of other detectors) every sentence is read, and the two find the same words."""
    from tqcheck.rules import false_friends

    text = TRANSLATED + "The alimentation of the children and the effectivity of the plan were discussed.\n"
    for source in (("es", "fr", "pt"), ("es",)):
        gated = _context(text, source)
        gated.cache["detectors"] = [d() for d in select(["F103", "F104"], None)]
        everywhere = _context(text, source)
        everywhere.cache["detectors"] = [d() for d in select(["C104"], None)]
        found = false_friends._rare_cognates(gated)
        assert found == false_friends._rare_cognates(everywhere)
        assert not everywhere.cache["anchor_literals"].issuperset(false_friends._cognate_words(source))
        assert {word for _, _, word, _, _ in found} >= {"alimentation", "effectivity"}
