"""The HTML reader: entity-decoded prose, blocks, a view-to-raw map and suppressions."""
from __future__ import annotations

import html

from tqcheck.text.document import Suppression
from tqcheck.reading import parse_text


def read(text: str):
    doc = parse_text("news.html", text, "html")
    assert doc.view_to_raw is not None
    check_map(doc)
    return doc


def check_map(doc) -> None:
    """Every view character maps to raw text that is that character, an entity for it, or an inserted break."""
    for i, ch in enumerate(doc.view):
        start, end = doc.raw_span(i, i + 1)
        raw = doc.text[start:end]
        if end - start == 1:
            assert raw == ch, (i, ch, raw)
        elif end - start > 1:
            assert raw.startswith("&") and ch in html.unescape(raw), (i, ch, raw)
        else:
            assert ch == "\n" and doc.text[start] == "<", (i, ch, start)


def blocks(doc, kind: str | None = None) -> list[str]:
    return [doc.view[b.start:b.end] for b in doc.blocks if kind is None or b.kind == kind]


def raw_of(doc, phrase: str) -> str:
    start = doc.view.index(phrase)
    a, b = doc.raw_span(start, start + len(phrase))
    return doc.text[a:b]


# ---------------------------------------------------------------- text and tags


def test_inline_tags_do_not_break_a_block_and_map_back_to_the_raw_markup():
    text = "<p>Hello <b>world</b>.</p>"
    doc = read(text)
    assert blocks(doc) == ["Hello world."]
    assert raw_of(doc, "Hello world.") == "Hello <b>world</b>."


def test_every_inline_tag_keeps_the_sentence_in_one_block():
    text = (
        '<p>The <a href="/x">mayor</a> <em>said</em> <i>the</i> <strong>new</strong> <span>tax</span> '
        "<abbr>VAT</abbr> rose<sup>1</sup> by <mark>two</mark> <small>points</small> <q>today</q>.</p>"
    )
    doc = read(text)
    assert blocks(doc) == ["The mayor said the new tax VAT rose1 by two points today."]


def test_block_tags_separate_blocks_with_kinds():
    text = (
        "<h1>Storm hits coast</h1>\n"
        "<p>Thousands lost power.</p>\n"
        "<ul><li>Schools closed</li><li>Trains stopped</li></ul>\n"
        "<table><tr><th>Town</th><td>Rain</td></tr></table>\n"
        "<blockquote>We are ready, the mayor said.</blockquote>\n"
        "<div>Officials will meet again.</div>"
    )
    doc = read(text)
    assert [(b.kind, doc.view[b.start:b.end]) for b in doc.blocks] == [
        ("heading", "Storm hits coast"),
        ("paragraph", "Thousands lost power."),
        ("list-item", "Schools closed"),
        ("list-item", "Trains stopped"),
        ("cell", "Town"),
        ("cell", "Rain"),
        ("quote", "We are ready, the mayor said."),
        ("paragraph", "Officials will meet again."),
    ]
    # Blocks are apart in the view too, so nothing reads "closedTrains".
    assert "closedTrains" not in doc.view and "TownRain" not in doc.view


def test_br_ends_a_block_and_unclosed_list_items_still_split():
    text = "<p>Line one of the notice.<br>Line two of the notice.</p><ul><li>Bread<li>Milk</ul>"
    doc = read(text)
    assert blocks(doc) == ["Line one of the notice.", "Line two of the notice.", "Bread", "Milk"]
    assert [b.kind for b in doc.blocks][2:] == ["list-item", "list-item"]


def test_whitespace_inside_text_keeps_its_offsets():
    text = "<p>The  budget\n   passed.</p>"
    doc = read(text)
    assert blocks(doc) == ["The  budget\n   passed."]
    assert raw_of(doc, "budget\n   passed") == "budget\n   passed"


def test_paragraph_inside_a_list_item_is_a_list_item():
    text = "<ol><li><p>Vote early.</p></li></ol><p>Polls close at eight.</p>"
    doc = read(text)
    assert [(b.kind, doc.view[b.start:b.end]) for b in doc.blocks] == [
        ("list-item", "Vote early."),
        ("paragraph", "Polls close at eight."),
    ]


# ---------------------------------------------------------------- entities


def test_entities_decode_and_map_back_to_the_raw_entity():
    text = "<p>He called it &ldquo;fair&rdquo; &amp; &#8220;final&#x201D;, then&nbsp;left.</p>"
    doc = read(text)
    assert blocks(doc) == ["He called it “fair” & “final”, then\xa0left."]
    closing = doc.view.index("”")
    a, b = doc.raw_span(closing, closing + 1)
    assert text[a:b] == "&rdquo;"
    assert raw_of(doc, "“fair”") == "&ldquo;fair&rdquo;"
    assert raw_of(doc, "final”") == "final&#x201D;"
    assert raw_of(doc, "&") == "&amp;"


def test_a_finding_over_a_decoded_quote_and_its_word_maps_to_both():
    text = "<p>The word&rdquo;glued here.</p>"
    doc = read(text)
    start = doc.view.index("word")
    a, b = doc.raw_span(start, start + len("word”glued"))
    assert text[a:b] == "word&rdquo;glued"


def test_legacy_entities_without_semicolon_and_unknown_entities():
    text = "<p>AT&amp;T paid &pound5 &copy; and &bogus; stays, as does a lone & sign.</p>"
    doc = read(text)
    assert blocks(doc) == ["AT&T paid £5 © and &bogus; stays, as does a lone & sign."]
    assert raw_of(doc, "£") == "&pound"


def test_windows_1252_numeric_references_decode_like_browsers():
    text = "<p>&#147;Yes&#148; she said.</p>"
    doc = read(text)
    assert blocks(doc) == ["“Yes” she said."]


# ---------------------------------------------------------------- attributes


def test_alt_and_title_values_are_prose_blocks_of_their_own():
    text = (
        '<p>See <img src="crowd.jpg" alt="Crowds fill the &ldquo;square&rdquo;"> and '
        "<abbr title='European Union'>EU</abbr> rules.</p>"
    )
    doc = read(text)
    assert blocks(doc) == ["See  and EU rules.", "Crowds fill the “square”", "European Union"]
    assert raw_of(doc, "Crowds fill the “square”") == "Crowds fill the &ldquo;square&rdquo;"
    assert raw_of(doc, "European Union") == "European Union"


def test_other_attributes_are_not_prose():
    text = '<p class="lead intro" data-note="“x”"><a href="https://example.com/a">Read more</a></p>'
    doc = read(text)
    assert blocks(doc) == ["Read more"]
    assert "lead" not in doc.view and "example" not in doc.view and "“" not in doc.view


def test_empty_alt_makes_no_block():
    doc = read('<p>Chart below.<img alt="" src="c.png"><img alt = "  "></p>')
    assert blocks(doc) == ["Chart below."]


# ---------------------------------------------------------------- what is not prose


def test_script_style_template_code_pre_comments_and_doctype_are_not_prose():
    text = (
        "<!DOCTYPE html>\n<?xml-stylesheet href='a'?>\n"
        "<html><head><title>Daily news</title>"
        '<style>p::before { content: "“"; }</style>'
        '<script>if (a < b) { s = "</p>“"; }</script></head>'
        "<body><template><p>Hidden “draft”</p></template>"
        "<p>Use <code>git “push”</code> often.</p>"
        "<pre>x = “1”\n<b>y</b></pre>"
        "<!-- reviewer: “check” -->"
        "<p>The end.</p></body></html>"
    )
    doc = read(text)
    assert blocks(doc) == ["Daily news", "Use  often.", "The end."]
    assert "“" not in doc.view
    assert "DOCTYPE" not in doc.view and "xml" not in doc.view
    assert doc.blocks[0].kind == "heading"


def test_cdata_sections_are_not_prose():
    doc = read("<p>Rates <![CDATA[x > “y”]]>rose.</p>")
    assert blocks(doc) == ["Rates rose."]


def test_script_without_end_tag_swallows_the_rest():
    doc = read("<p>Before.</p><script>var x = '“';")
    assert blocks(doc) == ["Before."]


# ---------------------------------------------------------------- suppressions


def test_suppression_comments_are_parsed_with_codes():
    text = (
        "<!-- tqcheck: disable TQ101, tq102 -->\n<p>The minister resigned.</p>\n"
        "<!-- tqcheck: enable -->\n<!--tqcheck: ignore-next-line TQ200-->\n<p>A new one was named.</p>\n"
        "<!-- tqcheck: disable -->\n<!-- just a note -->"
    )
    doc = read(text)
    comments = [
        "<!-- tqcheck: disable TQ101, tq102 -->",
        "<!-- tqcheck: enable -->",
        "<!--tqcheck: ignore-next-line TQ200-->",
        "<!-- tqcheck: disable -->",
    ]
    starts = [text.index(c) for c in comments]
    assert doc.suppressions == [
        Suppression("disable", ("TQ101", "TQ102"), starts[0], starts[0] + len(comments[0])),
        Suppression("enable", (), starts[1], starts[1] + len(comments[1])),
        Suppression("ignore-next-line", ("TQ200",), starts[2], starts[2] + len(comments[2])),
        Suppression("disable", (), starts[3], starts[3] + len(comments[3])),
    ]
    assert blocks(doc) == ["The minister resigned.", "A new one was named."]


# ---------------------------------------------------------------- line endings, separators, broken input


def test_crlf_input_maps_back_exactly():
    text = "<h2>Rates</h2>\r\n<p>The bank\r\nraised rates &ldquo;again&rdquo;.</p>\r\n<p>Shares fell.</p>\r\n"
    doc = read(text)
    assert blocks(doc) == ["Rates", "The bank\r\nraised rates “again”.", "Shares fell."]
    assert raw_of(doc, "Shares fell.") == "Shares fell."
    assert raw_of(doc, "raised rates “again”.") == "raised rates &ldquo;again&rdquo;."
    start = text.index("Shares")
    assert doc.lines.position(start) == (4, 4)


def test_inserted_separators_map_to_the_tag_that_caused_them():
    text = "<td>North</td><td>South</td>"
    doc = read(text)
    assert blocks(doc) == ["North", "South"]
    first, second = doc.blocks
    gap = doc.raw_span(first.end, second.start)
    assert gap[0] == text.index("</td>")
    assert text[slice(*doc.raw_span(first.start, second.end))] == "North</td><td>South"


def test_broken_html_does_not_raise_and_keeps_its_text():
    text = (
        "<p>Prices rose <b>sharply <i>again\n"
        "<div>Costs are up 3 < 4 times, a <- stray and </ odd tag</div>"
        '<p title="unclosed>Still read.</p>'
        "<p>Unclosed comment <!-- never ends"
    )
    doc = read(text)
    assert "Prices rose sharply again" in doc.view
    assert "Costs are up 3 < 4 times, a <- stray and" in doc.view
    assert "never ends" not in doc.view
    assert blocks(doc)[2:4] == ["Still read.", "unclosed"]


def test_a_stray_angle_bracket_at_the_end_is_text():
    doc = read("<p>Growth was 2% <b</p")
    assert "Growth was 2% <b" in doc.view


def test_end_tag_closes_an_unclosed_code_element():
    doc = read("<p>Call <code>f(x) and more</p><p>Back to prose.</p>")
    assert blocks(doc) == ["Call", "Back to prose."]


def test_plain_text_without_tags():
    doc = read("Just a sentence &amp; nothing else.")
    assert blocks(doc) == ["Just a sentence & nothing else."]


def test_empty_document():
    doc = read("")
    assert doc.view == "" and doc.blocks == [] and doc.suppressions == []


def test_a_large_file_parses():
    unit = (
        "<h2>Markets &amp; money</h2>\n"
        "<p>Shares in <b>Acme</b> rose &ldquo;sharply&rdquo; after results.</p>\n"
        '<ul><li>Oil fell</li><li>Gold rose <img alt="a gold bar" src="g.png"></li></ul>\n'
        "<script>var n = 1;</script>\n"
    )
    copies = 5_000_000 // len(unit)
    text = unit * copies
    doc = parse_text("big.html", text, "html")
    assert len(doc.blocks) == copies * 5
    last = doc.blocks[-1]
    assert doc.view[last.start:last.end] == "a gold bar"
    a, b = doc.raw_span(last.start, last.end)
    assert text[a:b] == "a gold bar"
