"""speed.candidates: a pattern tried only where a cheap one finds its first characters gives finditer's matches."""
from __future__ import annotations

import re

from conftest import SEED
from tqcheck.rules import fluency
from tqcheck.speed.candidates import finditer_at

TRICKY = (
    "The mayor spoke , then left . . . and the council voted ; the bill passed .\n"
    "Prices rose.. Then fell,, again;; and „ ended .,  two spaces  ; before a mark.\n"
    "U.S., etc., Inc.. the end ,; and  ? “quoted” ! (aside) : 3 : 1, 10 : 30.\n"
    "Nobody listened,;  then “she said” .  A\u00a0: narrow\u202f? marks. Done..\n"
)


def _spans(matches):
    return [(m.span(), m.groupdict()) for m in matches]


def test_the_stray_mark_patterns_find_what_finditer_finds_in_every_window():
    text = SEED.read_text("utf-8") + "\n" + TRICKY
    pairs = ((fluency._SPACED_MARK, fluency._SPACED_MARK_STARTS), (fluency._DOUBLED_MARK, fluency._DOUBLED_MARK_STARTS))
    found = 0
    for pattern, starts in pairs:
        # whole text, and windows that cut through marks: look-behinds see before pos, `$` ends at endpos
        for pos, endpos in [(0, len(text))] + [(a, b) for a in range(0, len(text), 37) for b in (a + 5, a + 61)]:
            endpos = min(endpos, len(text))
            expected = _spans(pattern.finditer(text, pos, endpos))
            assert _spans(finditer_at(pattern, starts, text, pos, endpos)) == expected, (pattern.pattern, pos, endpos)
            found += len(expected)
    assert found > 20


def test_a_candidate_that_fails_does_not_hide_the_next_position():
    # "b  ,": the cheap pattern finds two spaces and a comma at 7, where the pattern fails (no "letter space"
    # before it); the pattern's match starts one character later, inside what the cheap one found
    pattern = re.compile(r"(?<=[a-z] ) ,")
    starts = re.compile(r" {1,2},")
    text = "a.  , b  , c ,"
    assert _spans(finditer_at(pattern, starts, text)) == _spans(pattern.finditer(text)) == [((8, 10), {})]


def test_segment_matches_with_starts_finds_what_it_finds_without():
    from tqcheck.reading import parse_text
    from tqcheck.rules.base import Context, segment_matches
    from tqcheck.text.segment import segment

    text = SEED.read_text("utf-8") + "\nThe minister of Semanamedia met EcuadorDaniel.\nAlreadyCapitalised words, Brazilian officials."
    doc = parse_text("seed.txt", text, "text")
    ctx = Context(doc, segment(doc, "en"), "en", ("es",))
    pattern, starts = fluency._LONG_CAPITALISED, fluency._LONG_CAPITALISED_STARTS
    expected = _spans(segment_matches(ctx, pattern))
    assert _spans(segment_matches(ctx, pattern, starts=starts)) == expected
    assert len(expected) > 10 and any(text[a:b] == "Semanamedia" for (a, b), _ in expected)


def test_the_name_trace_patterns_find_what_their_whole_pattern_finds():
    from tqcheck.rules import untranslated
    from tqcheck.speed.candidates import AfterLookBehind

    text = SEED.read_text("utf-8") + (
        "\nThe Ministerio de Salud said so. Los Angeles is not Los Andes. (SP) said (SP), São Paulo (SP) grew."
        "\nEl Presidente met O Globo and del Estado; the Congreso Nacional, le Monde, the Assemblée nationale."
        "\nGómez de Dominican Republic, Pérez del United States, Ayuntamiento de Madrid, xMinisterio de Salud.")
    traces = [t for t in untranslated._trace_patterns(("es", "fr", "pt")) if isinstance(t, AfterLookBehind)]
    assert len(traces) == 4
    found = 0
    for trace in traces:
        expected = _spans(trace.pattern.finditer(text))
        assert _spans(trace.finditer(text)) == expected, trace.pattern.pattern[:40]
        found += len(expected)
    assert found >= 8


def test_the_stray_punctuation_patterns_after_their_look_behind_find_what_the_whole_finds():
    text = SEED.read_text("utf-8") + (
        "\nThe fire burned two hectares. burned homes. and more.  then it stopped. and, later; it rained"
        "\nIt was quiet ;attack came at ;dawn, &nbsp ;x and Brazil‘s team don‘t ‘s alone ‘tis over.")
    for trace in (fluency._STOP_LOWER, fluency._GLUED_SEMICOLON, fluency._OPENING_AS_APOSTROPHE):
        for pos, endpos in [(0, len(text))] + [(a, min(a + 90, len(text))) for a in range(0, len(text), 23)]:
            assert _spans(trace.finditer(text, pos, endpos)) == _spans(trace.pattern.finditer(text, pos, endpos))
    assert len(_spans(fluency._STOP_LOWER.finditer(text))) >= 2
    assert len(_spans(fluency._GLUED_SEMICOLON.finditer(text))) == 3
    assert len(_spans(fluency._OPENING_AS_APOSTROPHE.finditer(text))) == 2


def test_segment_matches_with_a_gate_finds_what_it_finds_without():
    from tqcheck.reading import parse_text
    from tqcheck.rules import subjects, syntax
    from tqcheck.rules.base import Context, segment_matches
    from tqcheck.text.segment import segment

    text = SEED.read_text("utf-8") + (
        "\nThe minister admitted that has made mistakes. Prices rose a 3% in March, the 80% of voters agreed."
        "\nIn the 2024, the council met. The 2023 was a hard year. Sales fell a ٣٪ in May."
        "\nThe president Gabriel Rocha He presented the plan. The mayor, Ana Ruiz She said no."
        "\nThe council approved, The plan passed, and voters These rules liked."
        "\nThe bill went through Congresswhich approved it. Gustavo Pedroassured this Tuesday the deal."
        "\nThe nominationsPresident came. EcuadorDaniel spoke. The officers, who they were recalled, left."
        "\nShe said that the former governor Omar Ruiz he would be appointed. ¿Qué pasa? It is -a long aside- here.")
    doc = parse_text("seed.txt", text, "text")
    ctx = Context(doc, segment(doc, "en"), "en", ("es", "pt"))
    cases = ((syntax._article_number(), syntax._DIGIT), (subjects._after_that(), subjects._THAT),
             (fluency._NAME_PRONOUN, fluency._NAME_PRONOUN_GATE), (fluency._stray_capital(), fluency._stray_capital_gate()),
             (fluency._CASE_JUNCTION, fluency._CASE_JUNCTION_GATE),
             (fluency._resumptive(), fluency._RESUMPTIVE_GATE), (fluency._NAME_THEN_PRONOUN, fluency._PRONOUN_GATE))
    for pattern, gate in cases:
        expected = _spans(segment_matches(ctx, pattern))
        assert expected, pattern.pattern[:40]
        assert _spans(segment_matches(ctx, pattern, gate=gate)) == expected, pattern.pattern[:40]
    for pattern, holding in ((fluency._HYPHEN_ASIDE, "-\u2212"), (fluency._INVERTED, "¡¿")):
        expected = _spans(segment_matches(ctx, pattern))
        assert expected and _spans(segment_matches(ctx, pattern, holding=holding)) == expected
