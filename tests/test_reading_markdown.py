"""The Markdown reader: a same-length view with non-prose blanked, blocks and suppressions."""
from __future__ import annotations

import re

import pytest

from tqcheck.text.document import Suppression
from tqcheck.reading import parse_text


def read(text: str):
    doc = parse_text("news.md", text, "markdown")
    assert len(doc.view) == len(text)
    assert doc.view_to_raw is None
    for i, (v, t) in enumerate(zip(doc.view, doc.text)):
        assert v == t or (v == " " and t not in "\r\n"), f"view changed {t!r} to {v!r} at {i}"
    return doc


def kept(doc, phrase: str, occurrence: int = 0) -> None:
    """`phrase` is prose: it is in the view at its raw offset."""
    start = -1
    for _ in range(occurrence + 1):
        start = doc.text.index(phrase, start + 1)
    assert doc.view[start:start + len(phrase)] == phrase


def blanked(doc, piece: str) -> None:
    """Every character of `piece` (first occurrence) is blanked, line breaks aside."""
    start = doc.text.index(piece)
    assert doc.view[start:start + len(piece)].strip() == "", doc.view[start:start + len(piece)]


def block_texts(doc, kind: str | None = None) -> list[str]:
    return [doc.view[b.start:b.end] for b in doc.blocks if kind is None or b.kind == kind]


# ---------------------------------------------------------------- front matter and code


def test_yaml_front_matter_is_blanked_and_the_article_keeps_its_offsets():
    text = '---\ntitle: "Rates “rise” again"\ndate: 2024-03-01\n---\nThe central bank raised rates on Thursday.\n'
    doc = read(text)
    blanked(doc, 'title: "Rates “rise” again"')
    assert "“" not in doc.view
    kept(doc, "The central bank raised rates on Thursday.")
    assert block_texts(doc) == ["The central bank raised rates on Thursday."]


def test_toml_front_matter_is_blanked():
    text = '+++\ntitle = "Floods in the north"\n+++\nRivers burst their banks overnight.\n'
    doc = read(text)
    blanked(doc, 'title = "Floods in the north"')
    kept(doc, "Rivers burst their banks overnight.")


def test_a_rule_further_down_is_not_front_matter():
    text = "Voters went to the polls.\n\n---\n\nTurnout was high.\n"
    doc = read(text)
    kept(doc, "Voters went to the polls.")
    kept(doc, "Turnout was high.")
    blanked(doc, "---")


@pytest.mark.parametrize("fence", ["```", "~~~", "````"])
def test_fenced_code_is_blanked_with_any_info_string(fence):
    text = f'The mayor spoke first.\n\n{fence}python title="x"\nprint("“hello”")\n{fence}\n\nThe council listened.\n'
    doc = read(text)
    blanked(doc, 'print("“hello”")')
    blanked(doc, f'{fence}python title="x"')
    assert "“" not in doc.view
    assert block_texts(doc) == ["The mayor spoke first.", "The council listened."]


def test_an_unclosed_fence_runs_to_the_end():
    text = "Markets opened lower.\n\n```\nprice = “falling”\n\nStill code here.\n"
    doc = read(text)
    blanked(doc, "price = “falling”")
    blanked(doc, "Still code here.")
    assert block_texts(doc) == ["Markets opened lower."]


def test_a_shorter_fence_does_not_close_a_longer_one():
    text = "````\nsample ```\n```\nstill “code”\n````\nBack to the story.\n"
    doc = read(text)
    blanked(doc, "still “code”")
    assert block_texts(doc) == ["Back to the story."]


def test_indented_code_after_a_blank_line_is_blanked():
    text = "The script was short:\n\n    fetch(“news”)\n    parse()\n\nIt ran every hour.\n"
    doc = read(text)
    blanked(doc, "fetch(“news”)")
    blanked(doc, "parse()")
    assert block_texts(doc) == ["The script was short:", "It ran every hour."]


def test_an_indented_line_inside_a_paragraph_is_prose():
    text = "The minister said the plan\n    would be ready by June.\n"
    doc = read(text)
    kept(doc, "would be ready by June.")
    assert len(doc.blocks) == 1


def test_inline_code_spans_are_blanked_by_matching_backtick_runs():
    text = "Set `lang=“en”` and ``a ` tick`` before you publish the story.\n"
    doc = read(text)
    blanked(doc, "`lang=“en”`")
    blanked(doc, "``a ` tick``")
    kept(doc, "Set ")
    kept(doc, " before you publish the story.")
    assert "“" not in doc.view


def test_an_unmatched_backtick_stays_as_text():
    text = "The `quote was never closed, the editor said.\n"
    doc = read(text)
    kept(doc, "The `quote was never closed, the editor said.")


# ---------------------------------------------------------------- links, URLs and HTML


def test_link_text_stays_and_url_title_and_brackets_go():
    text = 'Read [the full report](https://example.com/report_2024?a=“b” "Annual “report”") today.\n'
    doc = read(text)
    kept(doc, "the full report")
    blanked(doc, '](https://example.com/report_2024?a=“b” "Annual “report”")')
    assert doc.view[text.index("[")] == " "
    assert "“" not in doc.view
    assert "Read" in doc.view and "today." in doc.view


def test_image_alt_text_stays_and_marks_and_url_go():
    text = "Crowds gathered ![a crowd waves flags](photos/crowd_1.jpg) outside parliament.\n"
    doc = read(text)
    kept(doc, "a crowd waves flags")
    blanked(doc, "![")
    blanked(doc, "](photos/crowd_1.jpg)")
    kept(doc, " outside parliament.")


def test_link_destination_with_parentheses_and_angle_brackets():
    text = "See [the map](<https://example.com/a b>) and [the wiki](https://en.example.org/Paris_(city)) now.\n"
    doc = read(text)
    kept(doc, "the map")
    kept(doc, "the wiki")
    blanked(doc, "](<https://example.com/a b>)")
    blanked(doc, "](https://en.example.org/Paris_(city))")
    kept(doc, " now.")


def test_reference_definitions_and_reference_links():
    text = (
        "The [budget][b1] passed and the [vote][] was close, said [Reuters].\n"
        "\n"
        '[b1]: https://example.com/budget "The “budget”"\n'
        "[vote]: <https://example.com/vote>\n"
        "[reuters]: https://example.com/\n"
    )
    doc = read(text)
    for word in ("budget", "vote", "Reuters"):
        kept(doc, word)
    blanked(doc, "[b1]")
    blanked(doc, "][]")
    blanked(doc, '[b1]: https://example.com/budget "The “budget”"')
    blanked(doc, "[vote]: <https://example.com/vote>")
    assert "“" not in doc.view
    assert block_texts(doc) == ["The  budget      passed and the  vote    was close, said  Reuters ."]


def test_brackets_without_a_definition_stay_as_text():
    text = "He said [sic] that the figures were final.\n"
    doc = read(text)
    kept(doc, "[sic]")


def test_autolinks_and_bare_urls_are_blanked_but_a_closing_period_stays():
    text = "Details at <https://example.com/x_y> or https://news.example.com/story_(1). Mail <desk@example.com>.\n"
    doc = read(text)
    blanked(doc, "<https://example.com/x_y>")
    blanked(doc, "https://news.example.com/story_(1)")
    blanked(doc, "<desk@example.com>")
    assert doc.view[text.index("story_(1).") + len("story_(1)")] == "."
    kept(doc, "Details at ")
    kept(doc, " Mail ")


def test_a_url_used_as_link_text_is_blanked_with_the_link():
    text = "Sources: [https://example.com/a](https://example.com/a) and more.\n"
    doc = read(text)
    blanked(doc, "[https://example.com/a](https://example.com/a)")
    kept(doc, " and more.")


def test_www_links_are_blanked():
    text = "Visit www.example.org, the agency said.\n"
    doc = read(text)
    blanked(doc, "www.example.org")
    kept(doc, ", the agency said.")


def test_html_comments_are_blanked_even_across_lines():
    text = (
        "The vote was delayed.\n\n<!-- editor:\ncheck the “numbers”\n-->\n"
        "Officials gave no reason. <!-- inline “note” --> None at all.\n"
    )
    doc = read(text)
    blanked(doc, "<!-- editor:\ncheck the “numbers”\n-->")
    blanked(doc, "<!-- inline “note” -->")
    assert "“" not in doc.view
    kept(doc, "Officials gave no reason. ")
    kept(doc, " None at all.")


def test_inline_html_tags_are_blanked_and_their_text_kept():
    text = 'The <span class="hl">new</span> tax takes effect <b>today</b>.<br/>\n'
    doc = read(text)
    for tag in ('<span class="hl">', "</span>", "<b>", "</b>", "<br/>"):
        blanked(doc, tag)
    kept(doc, "new")
    kept(doc, " tax takes effect ")
    kept(doc, "today")
    assert block_texts(doc) == [re.sub(r"<[^>]*>", lambda m: " " * len(m.group()), text).strip()]


def test_inline_code_element_is_not_prose():
    text = "Run <code>make “all”</code> then wait.\n"
    doc = read(text)
    blanked(doc, "<code>make “all”</code>")
    kept(doc, " then wait.")


def test_html_block_text_is_a_block_and_its_tags_are_blanked():
    text = (
        '<div class="note">\nPolice closed the road.\n<p>Traffic was diverted.</p>\n</div>\n'
        "\nThe road reopened at noon.\n"
    )
    doc = read(text)
    blanked(doc, '<div class="note">')
    blanked(doc, "<p>")
    assert block_texts(doc) == ["Police closed the road.", "Traffic was diverted.", "The road reopened at noon."]


def test_script_html_block_is_not_prose():
    text = 'Prices rose.\n\n<script>\nvar q = "“";\n</script>\n\nPrices fell.\n'
    doc = read(text)
    blanked(doc, 'var q = "“";')
    assert block_texts(doc) == ["Prices rose.", "Prices fell."]


# ---------------------------------------------------------------- Markdown syntax marks


def test_heading_marks_are_blanked():
    text = "# Storm hits coast #\n\n### Damage report\n\n#hashtag stays text\n"
    doc = read(text)
    blanked(doc, "# ")
    kept(doc, "Storm hits coast")
    assert doc.view[text.index("coast #") + 6] == " "
    blanked(doc, "### ")
    kept(doc, "#hashtag stays text")
    assert block_texts(doc, "heading") == ["Storm hits coast", "Damage report"]


def test_list_bullets_and_numbers_are_blanked():
    text = "- Schools close early\n* Buses stop\n+ Shops stay open\n\n1. Stay home\n2) Call for help\n"
    doc = read(text)
    for marker_line in ("- Schools", "* Buses", "+ Shops", "1. Stay", "2) Call"):
        start = text.index(marker_line)
        assert doc.view[start] == " "
    assert doc.view[text.index("1.") + 1] == " "
    assert block_texts(doc, "list-item") == [
        "Schools close early", "Buses stop", "Shops stay open", "Stay home", "Call for help",
    ]


def test_task_list_boxes_are_blanked():
    text = "- [ ] Check the quotes\n- [x] Check the dates\n"
    doc = read(text)
    assert block_texts(doc, "list-item") == ["Check the quotes", "Check the dates"]


def test_blockquote_markers_are_blanked():
    text = "> The rain will stop,\n> the forecaster said.\n>\n> > She was right.\n"
    doc = read(text)
    for i, ch in enumerate(text):
        if ch == ">":
            assert doc.view[i] == " "
    assert block_texts(doc, "quote") == ["The rain will stop,\n  the forecaster said.", "She was right."]


def test_emphasis_marks_are_blanked_but_not_inside_words():
    text = "The *new* rule, **not** the _old_ one, uses snake_case, 2*3*4 and __strict__ ~~old~~ terms.\n"
    doc = read(text)
    for piece in ("*new*", "**not**", "_old_", "__strict__", "~~old~~"):
        start = text.index(piece)
        marks = len(piece) - len(piece.strip("*_~"))
        inner = piece.strip("*_~")
        assert doc.view[start:start + len(piece)] == " " * (marks // 2) + inner + " " * (marks // 2)
    kept(doc, "snake_case")
    kept(doc, "2*3*4")


def test_lone_asterisks_and_underscores_stay():
    text = "Prices fell 5 * 2 times_ and * never _ closed.\n"
    doc = read(text)
    kept(doc, "Prices fell 5 * 2 times_ and * never _ closed.")


def test_escaped_marks_are_literal_and_the_backslash_goes():
    text = "The \\*starred\\* entry was removed.\n"
    doc = read(text)
    start = text.index("\\*starred")
    assert doc.view[start:start + 11] == " *starred *"


def test_hard_break_backslash_is_blanked():
    text = "The station closed\\\nat nine.\n"
    doc = read(text)
    assert doc.view[text.index("\\")] == " "
    assert block_texts(doc) == ["The station closed \nat nine."]


def test_thematic_breaks_are_blanked():
    text = "First half.\n\n* * *\n\nSecond half.\n\n___\n"
    doc = read(text)
    blanked(doc, "* * *")
    blanked(doc, "___")
    assert block_texts(doc) == ["First half.", "Second half."]


def test_setext_headings_and_their_underlines():
    text = "Election results\n================\n\nThe count\n---\nVotes were counted overnight.\n"
    doc = read(text)
    blanked(doc, "================")
    assert doc.view[text.index("---"):text.index("---") + 3] == "   "
    assert block_texts(doc, "heading") == ["Election results", "The count"]
    assert block_texts(doc, "paragraph") == ["Votes were counted overnight."]


def test_table_pipes_and_delimiter_row_are_blanked_and_cells_are_blocks():
    text = "| City | “Rain” |\n|------|:------:|\n| Oslo | 12 mm |\n| Rome | none |\n\nData from Monday.\n"
    doc = read(text)
    for i, ch in enumerate(text):
        if ch == "|":
            assert doc.view[i] == " "
    blanked(doc, "|------|:------:|")
    assert block_texts(doc, "cell") == ["City", "“Rain”", "Oslo", "12 mm", "Rome", "none"]
    assert block_texts(doc, "paragraph") == ["Data from Monday."]


def test_table_without_outer_pipes():
    text = "Party | Seats\n--- | ---\nGreens | 14\n"
    doc = read(text)
    assert block_texts(doc, "cell") == ["Party", "Seats", "Greens", "14"]
    blanked(doc, "--- | ---")


def test_pipes_without_a_delimiter_row_are_prose():
    text = "Sales rose | fell, depending on the region.\n"
    doc = read(text)
    kept(doc, "Sales rose | fell, depending on the region.")


def test_footnote_labels_are_blanked_and_the_note_is_prose():
    text = "The figure was revised.[^1]\n\n[^1]: The agency corrected it on Friday.\n"
    doc = read(text)
    blanked(doc, "[^1]")
    blanked(doc, "[^1]:")
    assert block_texts(doc) == ["The figure was revised.", "The agency corrected it on Friday."]


# ---------------------------------------------------------------- blocks


def test_blocks_for_a_whole_article():
    text = (
        "# Flood warning issued\n"
        "\n"
        "Heavy rain is expected tonight.\n"
        "Residents should stay indoors.\n"
        "\n"
        "- Schools will close\n"
        "at noon on Friday.\n"
        "- Trains will run\n"
        "  a reduced service.\n"
        "\n"
        "> Stay safe, the mayor said.\n"
        "\n"
        "| Area | Level |\n"
        "|---|---|\n"
        "| North | high |\n"
        "\n"
        "Updates follow.\n"
    )
    doc = read(text)
    got = [(b.kind, doc.view[b.start:b.end]) for b in doc.blocks]
    assert got == [
        ("heading", "Flood warning issued"),
        ("paragraph", "Heavy rain is expected tonight.\nResidents should stay indoors."),
        ("list-item", "Schools will close\nat noon on Friday."),
        ("list-item", "Trains will run\n  a reduced service."),
        ("quote", "Stay safe, the mayor said."),
        ("cell", "Area"),
        ("cell", "Level"),
        ("cell", "North"),
        ("cell", "high"),
        ("paragraph", "Updates follow."),
    ]
    for b in doc.blocks:
        assert doc.view[b.start:b.end] == doc.text[b.start:b.end].replace("|", " ") or b.kind != "cell"


def test_a_heading_interrupts_a_paragraph_and_blocks_never_merge():
    text = "The strike ended.\n## Reaction\nUnions welcomed the deal.\n"
    doc = read(text)
    assert [(b.kind, doc.view[b.start:b.end]) for b in doc.blocks] == [
        ("paragraph", "The strike ended."),
        ("heading", "Reaction"),
        ("paragraph", "Unions welcomed the deal."),
    ]


def test_nested_and_multi_paragraph_list_items():
    text = "1. Rain\n   - heavy in the north\n2. Wind\n\n   Gusts reached 90 km/h.\n\nThe storm moved east.\n"
    doc = read(text)
    assert [(b.kind, doc.view[b.start:b.end]) for b in doc.blocks] == [
        ("list-item", "Rain"),
        ("list-item", "heavy in the north"),
        ("list-item", "Wind"),
        ("list-item", "Gusts reached 90 km/h."),
        ("paragraph", "The storm moved east."),
    ]


def test_a_year_at_the_start_of_a_wrapped_line_is_not_a_list():
    text = "The bridge opened in\n2019. It cost millions.\n"
    doc = read(text)
    kept(doc, "2019. It cost millions.")
    assert len(doc.blocks) == 1


def test_blocks_are_trimmed_and_never_only_masked_text():
    text = "`only code here`\n\n<!-- only a comment -->\n\n  The report is out.  \n"
    doc = read(text)
    assert block_texts(doc) == ["The report is out."]


# ---------------------------------------------------------------- suppressions


def test_suppression_comments_are_parsed_with_codes():
    lines = [
        "<!-- tqcheck: disable TQ101, tq102 TQ103 -->",
        "The minister resigned.",
        "<!-- tqcheck: enable -->",
        "<!-- tqcheck: ignore-next-line TQ200 -->",
        "A new one was named.",
        "<!-- tqcheck: disable -->",
        "<!-- an ordinary comment -->",
    ]
    text = "\n".join(lines) + "\n"
    doc = read(text)
    starts = [text.index(line) for line in lines]
    assert doc.suppressions == [
        Suppression("disable", ("TQ101", "TQ102", "TQ103"), starts[0], starts[0] + len(lines[0])),
        Suppression("enable", (), starts[2], starts[2] + len(lines[2])),
        Suppression("ignore-next-line", ("TQ200",), starts[3], starts[3] + len(lines[3])),
        Suppression("disable", (), starts[5], starts[5] + len(lines[5])),
    ]
    assert block_texts(doc) == ["The minister resigned.", "A new one was named."]


def test_inline_and_multiline_suppression_comments():
    text = "Prices rose. <!-- tqcheck: disable TQ1 -->\n\n<!--\n  tqcheck: ignore-next-line\n-->\nPrices fell.\n"
    doc = read(text)
    inline = text.index("<!-- tqcheck: disable")
    block = text.index("<!--\n")
    assert [(s.kind, s.codes, s.start, s.end) for s in doc.suppressions] == [
        ("disable", ("TQ1",), inline, text.index("-->") + 3),
        ("ignore-next-line", (), block, text.index("-->", block) + 3),
    ]


def test_a_directive_inside_code_is_not_a_suppression():
    text = "```\n<!-- tqcheck: disable -->\n```\nText.\n"
    doc = read(text)
    assert doc.suppressions == []


# ---------------------------------------------------------------- line endings and size


def test_crlf_input_keeps_offsets_and_line_breaks():
    text = (
        "# Budget\r\n\r\nThe *plan* was `approved`.\r\n\r\n- Taxes rise\r\n\r\n"
        "```\r\n“code”\r\n```\r\nEnd of story.\r\n"
    )
    doc = read(text)
    assert doc.view.count("\r\n") == text.count("\r\n")
    kept(doc, "Budget")
    kept(doc, "plan")
    kept(doc, "End of story.")
    assert "“" not in doc.view
    assert block_texts(doc) == ["Budget", "The  plan  was           .", "Taxes rise", "End of story."]
    line, col = doc.lines.position(text.index("End of story."))
    assert (line, col) == (10, 1)


def test_lone_cr_line_endings():
    text = "Rain fell.\r\rWind rose.\r"
    doc = read(text)
    assert block_texts(doc) == ["Rain fell.", "Wind rose."]


def test_a_large_file_parses():
    unit = (
        "## Markets today\n\n"
        "Shares in *Acme* rose [sharply](https://example.com/a_b) after `results` came out.\n"
        "Analysts expected less.\n\n"
        "- Oil fell\n- Gold rose\n\n"
        "| Index | Change |\n|---|---|\n| FTSE | +1% |\n\n"
    )
    copies = 5_000_000 // len(unit)
    doc = read(unit * copies)
    assert len(doc.blocks) == copies * 8
    assert doc.view[:40] == "   Markets today\n\nShares in  Acme  rose "
