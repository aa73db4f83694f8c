"""Quotation-mark detectors on sentences of our own: what fires, and the correct text that must not."""
from __future__ import annotations

import pytest

from tqcheck.api import check_text


def codes(text, target="en", fmt="text"):
    report = check_text(text, target_lang=target, select=["Q"], fmt=fmt)
    return [(f.code, f.excerpt) for f in report.findings if f.severity.label != "info"]


def test_closing_mark_without_opening_is_unbalanced():
    found = codes("The union demanded new talks on pay guarantees” before the strike.")
    # The span runs from the sentence start: the missing opening mark belongs somewhere in it.
    assert found == [("Q101", "The union demanded new talks on pay guarantees”")]


def test_an_inch_mark_after_a_figure_is_no_quotation_mark():
    # a weather forecast's rainfall and a plumber's pipe: straight marks after figures, nothing quoted
    assert codes('Up to 1"-2" of rain may fall tonight, and a 3" band is possible by morning.') == []
    # a straight closing mark after a word, with nothing opened before it, is still unbalanced
    found = codes('The union demanded talks on pay, the leaders said" before the strike.')
    assert [c for c, _ in found] == ["Q101"]
    # and after a figure inside a quotation it still closes it
    assert codes('The mayor said "the bill came to 12" on Monday.') == []


def test_a_curly_inch_mark_after_a_size_is_no_quotation_mark():
    # an editor's smart quotes curl the inch mark of a screen's size
    assert codes("The phone has a 4” screen, and it is the thinnest 5” FHD handset on sale.") == []
    # a closing mark after a score, before its speaker, still has no opening mark
    found = codes("The team had to win 3” he said after the draw.")
    assert [c for c, _ in found] == ["Q101"]


def test_opening_mark_never_closed_is_unbalanced():
    found = codes("The mayor said that “the budget is final and will not change.\n\nCouncillors disagreed.")
    assert [c for c, _ in found] == ["Q101"]


def test_a_quotation_never_closed_is_reported_where_its_paragraph_ends():
    # The closing mark is missing at the end of the quoted passage, not at the opening mark.
    text = ("The mayor spoke on Monday: “We will rebuild the bridge. The money is there. Work starts in May.\n\n"
            "Councillors disagreed.")
    found = [(c, e) for c, e in codes(text) if c == "Q101"]
    assert found == [("Q101", "Work starts in May.")]
    report = check_text(text, target_lang="en", select=["Q101"])
    assert "“We will rebuild the" in report.findings[0].message


def test_an_unclosed_quotation_in_a_text_cut_off_mid_sentence_is_not_unbalanced():
    # Scraped copies stop at a size limit: the closing mark is in the part that is missing.
    cut = "Councillors met on Monday.\n\nThe mayor said that “the budget is final and will not"
    assert codes(cut) == []
    whole = "Councillors met on Monday.\n\nThe mayor said that “the budget is final and will not change."
    assert [c for c, _ in codes(whole)] == ["Q101"]


def test_an_unclosed_quotation_in_a_teaser_cut_by_an_ellipsis_is_not_unbalanced():
    # A section page prints each story's first lines and cuts them with "...": the quotation goes on in the story.
    teasers = ("LIMA, PERU – (Opinion) The question no one in Congress wants to answer is, “Who will pay for...\n\n"
               "SANTIAGO, CHILE – The senator argued that the reform was “a step backwards for the...\n")
    assert codes(teasers) == []
    # an ellipsis inside the quotation, the paragraph going on after it, is no cut
    text = "The mayor said: “We will not yield... and the talks are over.\n\nCouncillors disagreed."
    assert [c for c, _ in codes(text)] == ["Q101"]


def test_quotation_continued_into_the_next_paragraph_is_not_unbalanced():
    text = ("“We will rebuild the bridge this year,” the mayor said. “The money is there.\n\n"
            "“Work starts in May,” she added.")
    assert codes(text) == []


def test_paragraph_breaks_lost_inside_one_block_are_forgiven():
    text = 'She said: "The plan is ready. It will work. "We start on Monday," she added.'
    assert codes(text) == []


def test_straight_marks_spaced_on_both_sides_pair_up_in_turn():
    # Spaced straight marks, as some engines write them: each second mark closes, since nothing follows it to
    # open; the quotations are balanced, and the space inside a closing mark is a hint (info), not counted.
    text = 'The British " Times " and " Sunday Times " serialized a new book called " Finding Freedom" .'
    assert codes(text) == []
    report = check_text(text, target_lang="en", select=["Q"])
    assert [(f.code, f.excerpt, f.severity.label) for f in report.findings] == [
        ("Q102", 'Times "', "info"), ("Q102", 'Times "', "info")]
    assert codes('After saving money, what are the plans of the " post-90s "?') == []
    # A third mark is still left open.
    found = codes('The paper " Times " printed the " letter on Monday.\n\nReaders replied.')
    assert [c for c, _ in found] == ["Q101"]


def test_a_straight_closing_mark_after_a_space_outside_a_quotation_still_opens():
    assert codes('He called it "a mistake" and the " letter went unanswered.\n\nReaders replied.')[0][0] == "Q101"


@pytest.mark.parametrize("text", [
    "Moscow’s position has not changed since the ’90s.",
    "They played rock ’n’ roll all night at the mayor’s party.",
    "The players’ union met the owners’ lawyers on Tuesday.",
    'The farmers" protest blocked the road.',  # a mangled apostrophe, not a quotation
])
def test_apostrophes_are_not_quotation_marks(text):
    assert codes(text) == []


def test_closing_mark_glued_to_the_next_word_is_misplaced():
    found = codes("The unions rejected”any new delay” in the talks.")
    assert [c for c, _ in found] == ["Q102"]
    assert "rejected”any" in found[0][1]


def test_closing_mark_used_to_open_a_quotation_is_misplaced():
    found = codes("The minister called the report ”deeply flawed” on Monday.")
    assert [c for c, _ in found] == ["Q102"]


def test_opening_mark_before_a_stop_closes_nothing_and_is_misplaced():
    # French typesetting closes with a spaced mark (`arrive »,`); a translation that turns it into an opening
    # mark leaves one that opens nothing: a comma or a full stop follows it.
    found = codes("“We will be watching everything that happens “, the mayor warned on Monday.")
    assert [c for c, _ in found] == ["Q102"]
    assert "happens “" in found[0][1]


@pytest.mark.parametrize("text, excerpt", [
    ("“We gave everything we had and we lost. We gave the maximum ”.", "maximum ”"),
    ("“They have to explain their decisions! ” he added on Tuesday.", "decisions! ”"),
    ("“We do not want intermediaries ”, the union leader said.", "intermediaries ”"),
])
def test_curly_closing_mark_spaced_from_its_quotation_counts(text, excerpt):
    # Word processors set ” against the words; a space inside is French spacing a translation carried over.
    report = check_text(text, target_lang="en", select=["Q102"])
    assert [(f.code, f.severity.label) for f in report.findings] == [("Q102", "warning")]
    assert excerpt in report.findings[0].excerpt


def test_nested_closing_marks_spaced_apart_are_english_typography():
    text = "“She told us, ‘We are going in the right direction in this city.’ ” the councillor said."
    assert codes(text) == []


def test_closing_mark_with_its_space_on_the_wrong_side_is_misplaced_and_fixed():
    report = check_text("“The measure will reach their families, ”the document explains.", target_lang="en",
                        select=["Q102"])
    assert [f.code for f in report.findings] == ["Q102"]
    assert report.findings[0].extra["fix"] == "families,” the"


@pytest.mark.parametrize("text, excerpt, fix", [
    ("“We want to plant a thousand hectares and help small farmers, “said the official on Friday.",
     "farmers, “said", None),
    ('"We put it to good use behind the governor, "said the minister.', 'governor, "said', 'governor," said'),
    ("“Nobody told us anything about the works. “he added.", "works. “he", None),
])
def test_closing_mark_set_after_its_space_and_glued_to_the_speech_verb_is_misplaced(text, excerpt, fix):
    # A translation that moved the mark across its space: the quotation closes on `said`, it cannot open there.
    report = check_text(text, target_lang="en", select=["Q102"])
    assert [f.code for f in report.findings] == ["Q102"]
    assert excerpt in report.findings[0].excerpt
    assert report.findings[0].extra.get("fix") == fix


def test_a_quotation_that_opens_on_a_speech_word_is_quiet():
    text = ("“We will win,” said the coach. “It will rain,” he added. The slogan “said and done” was everywhere, "
            'and the "said" column of the form stayed empty.')
    assert codes(text) == []


@pytest.mark.parametrize("text, excerpt", [
    ("The opposition called the decree a “ negation of the vote” on Monday.", "“ negation"),
    ("“ We are a good team and we must keep working,” the coach said.", "“ We"),
    ('" It started as a penance and ended as a pleasure." Coffee came later.', '" It'),
])
def test_opening_mark_spaced_from_its_words_counts(text, excerpt):
    # French sets `« Nous sommes`; English never spaces an opening mark from the word it opens.
    report = check_text(text, target_lang="en", select=["Q102"])
    assert [(f.code, f.severity.label) for f in report.findings] == [("Q102", "warning")]
    assert report.findings[0].excerpt == excerpt


def test_a_spaced_opening_mark_still_pairs_across_a_wrapped_line():
    # The quotation is misplaced once; its closing mark after a line wrapped mid-sentence is not unbalanced too.
    report = check_text('" It started as a penance and ended\n\nbecome a pleasure." Coffee came later.',
                        target_lang="en", select=["Q"])
    assert [f.code for f in report.findings] == ["Q102"]


def test_a_mark_left_alone_at_the_end_of_a_line_is_not_a_spaced_opening():
    # A line broken after the mark (a scraper's newline) leaves `“ word` with nothing after it on the line.
    report = check_text("The police chief described the protest as “ infantile\nand reckless”.", target_lang="en",
                        select=["Q102"])
    assert report.findings == []


def test_a_straight_closing_mark_spaced_inside_stays_a_hint():
    report = check_text('The minister called it a "historic day " for the region.', target_lang="en", select=["Q102"])
    assert [(f.code, f.severity.label) for f in report.findings] == [("Q102", "info")]


def test_correct_quotations_are_quiet():
    text = ("“We will not accept any delay,” the union leader said on Monday. "
            "She called the offer “an insult” and “a provocation”.")
    assert codes(text) == []


def test_closing_mark_that_splits_a_noun_phrase():
    text = "“Nobody should trust these reports, least of all the Foreign Office.” British, said the envoy."
    assert "Q104" in [c for c, _ in codes(text)]


def test_capitalised_quoted_fragment_in_mid_sentence():
    assert [c for c, _ in codes("The opposition accused the mayor of “Hide the real costs” of the project.")] == ["Q105"]
    assert codes("The opposition accused the mayor of “hiding the real costs” of the project.") == []
    assert codes("Protesters carried signs saying “Hands off our parks” outside the hall.") == []


def test_capitalised_gerund_slogan_or_second_quoted_sign_is_not_a_fragment():
    # The Romance calque quotes an infinitive; a gerund is already English, only styled as a slogan.
    assert codes("The union accused the board of “Selling off the family silver” to pay its debts.") == []
    # A quotation joined to the one before it is another sign or slogan, not a clause fragment.
    assert codes("Fans held banners reading “Thank you Diego” and “Forever our captain” at the gates.") == []
    assert [c for c, _ in codes("Fans blamed the coach for “Lose the final” and booed him.")] == ["Q105"]


def test_a_quoted_fragment_that_starts_with_a_name_keeps_its_capital():
    # "Chile" is written capitalised in mid-sentence elsewhere and never in lower case: a name, not a verb.
    text = ("Exports from Chile rose again. The minister repeated his slogan of “Chile open to the world” "
            "at the summit.")
    assert [c for c, _ in codes(text) if c == "Q105"] == []
    # A word the text also writes in lower case is no name: "Open" here is the quoted verb.
    text = ("The shops will open late. The mayor accused them of “Open the doors only to tourists” in the "
            "centre of Open Street.")
    assert [c for c, _ in codes(text) if c == "Q105"] == ["Q105"]


def test_guillemets_in_english_are_a_foreign_style():
    assert [c for c, _ in codes("The mayor called the plan «a historic step» for the city.")] == ["Q103"]


def test_every_guillemet_quotation_in_english_is_reported():
    # Each quotation is its own fault for the editor to fix, not one per document.
    text = ("The mayor called the plan «a historic step» for the city. "
            "The opposition called it «a waste of money» and walked out.")
    assert codes(text) == [("Q103", "«a historic step»"), ("Q103", "«a waste of money»")]


def test_a_long_guillemet_quotation_is_reported_by_its_opening_mark():
    long_quote = "We will rebuild the bridge. " * 12
    found = codes(f"The mayor said: «{long_quote.strip()}» Then she left.")
    assert found == [("Q103", "«We will")]


def test_guillemets_are_correct_in_spanish_and_french():
    assert codes("El alcalde calificó el plan de «un paso histórico» para la ciudad.", target="es") == []
    assert codes("Le maire a qualifié le plan de « pas historique » pour la ville.", target="fr") == []


def test_german_low_high_quotes_balance_in_german():
    assert codes("Der Minister sagte: „Wir bauen die Brücke neu.“ Danach ging er.", target="de") == []


def test_quotation_opened_with_a_guillemet_and_closed_with_a_curly_mark_is_mismatched():
    found = codes("The gang leaders said: «No. We will not stop.” Then they left.")
    assert found == [("Q103", "«No. We")]
    found = codes("“We will stay until the end,” she said, “and we will win. » Then she left.")
    assert ("Q103", "win. »") in found


def test_quotation_opened_curly_and_closed_straight_is_mixed():
    found = codes('The court called the law “illegal and unconstitutional" on Friday.')
    assert [c for c, _ in found] == ["Q103"]


def test_a_straight_mark_opening_a_paragraph_and_closed_curly_is_only_a_hint():
    # an editor's smart quotes turned the closing mark and skipped the paragraph's first character
    text = ('The council approved the budget on Tuesday night.\n\n'
            '"We heard every delegation before we voted,” said the mayor.\n\n'
            '“The tax rise is too steep,” said a homeowner.')
    assert codes(text) == []
    # the same pair inside a sentence still fires
    found = codes('The mayor called the vote "a fair result for everyone” on Tuesday night.')
    assert [c for c, _ in found] == ["Q103"]


def test_a_caption_between_two_paragraphs_of_a_running_quotation_leaves_it_balanced():
    # the quotation runs on into a paragraph that opens again; a photo caption sits between the two
    text = ('The harbour master said: “The wall has stood for two hundred years and we mean to keep it standing.\n\n'
            'The old harbour wall at low tide\n\n'
            '“The repairs will take the whole summer, and the slipway will stay open,” he said.')
    assert codes(text) == []
    # a paragraph of prose between them is no caption: the quotation left open still fires
    text = ('The harbour master said: “The wall has stood for two hundred years and we mean to keep it standing.\n\n'
            'The council will meet on Tuesday to vote on the cost of the repairs.\n\n'
            '“The repairs will take the whole summer, and the slipway will stay open,” he said.')
    assert [c for c, _ in codes(text)] == ["Q101"]


def test_a_page_whose_every_quotation_opens_straight_and_closes_curly_is_a_house_style_hint():
    # a CMS whose smart quotes turn only closing marks: every quotation of the page, and no “ anywhere
    text = ('The planning officer said the plan was "a fair compromise” between the two sides.\n\n'
            'Residents called the new car park "a blight on the village” at the meeting.\n\n'
            'The chair said the vote would be held "as soon as the report is ready”.')
    assert codes(text) == []
    # one such pair among quotations of the page's own curly style is a mark changed: it still fires
    text = ('The planning officer said the plan was “a fair compromise” between the two sides.\n\n'
            'Residents called the new car park "a blight on the village” at the meeting.\n\n'
            'The chair said the vote would be held “as soon as the report is ready”.')
    assert [c for c, _ in codes(text)] == ["Q103"]


def test_a_quotation_running_on_over_wrapped_print_lines_into_a_reopened_paragraph_is_balanced():
    # print text wrapped line by line: a line that happens to end a sentence is no paragraph's end, and the
    # next paragraph opens the quotation again
    text = ("The lawyer said the cells where the women were held overnight were in a very poor\n"
            "state. “They are crowded and there were no blankets for anyone held in them on\n"
            "Sunday night. There was no soap or water at the entrance to the station.\n"
            "Seven women were kept in a room meant for three, with a single window.\n"
            "“There is also no privacy at all in the cells,” the lawyer told the court.\n")
    assert codes(text) == []
    # lines that are not wrapped are paragraphs: a quotation left open before a paragraph without marks fires
    text = ("“They are crowded and there were no blankets for anyone held in them.\n"
            "Seven women were kept in a room meant for three, with a single window.\n"
            "“There is also no privacy at all in the cells,” the lawyer told the court.\n")
    assert [c for c, _ in codes(text)] == ["Q101"]


def test_quotes_inside_markdown_code_are_not_prose():
    text = "# Report\n\nThe mayor spoke on Friday.\n\n```\nprint(”broken\")\n```\n\nUse `a”b` in code.\n"
    assert codes(text, fmt="markdown") == []


def test_html_entities_are_read_as_quotes_and_reported_at_the_raw_entity():
    html = "<p>The union demanded talks on pay guarantees&rdquo; before the strike.</p>"
    report = check_text(html, fmt="html", select=["Q101"])
    (f,) = report.findings
    assert f.excerpt.endswith("&rdquo;") and html[f.start:f.end] == f.excerpt


def test_quoted_fragments_are_found_in_each_sentence_holding_a_quotation_mark():
    """Q105 reads only the sentences with a quotation mark: each one is read, the first, the last, one with
    two marks, one with a straight mark, and the sentences without a mark between them change nothing."""
    text = ("Critics accused the board of “Hide the real costs” of the plan. The vote was close. "
            "Nobody spoke. The union blamed it for \"Lose the contract\" again. "
            "The mayor said “Thank you” and left. Fans blamed the coach for “Lose the final” and booed him.")
    found = [excerpt for code, excerpt in codes(text) if code == "Q105"]
    assert found == ["of “Hide the real costs”", "for \"Lose the contract\"", "for “Lose the final”"]


def test_a_quotation_cut_by_a_single_line_break_is_one_quotation():
    # a hard line break (a scraper's newline, a <br>) between a speaker's two sentences
    text = ("Cllr Weatherall said: “If the application is still pending, we don’t know what he will say.\n"
            "Shouldn’t we wait for the inspector’s decision first?”\nConditions have been set.\n")
    assert [f.code for f in check_text(text, select=["Q101"]).findings] == []
    # a blank line is a paragraph break: English opens the quotation again there, so both marks stay unbalanced
    text = text.replace("\n", "\n\n")
    assert [f.code for f in check_text(text, select=["Q101"]).findings] == ["Q101", "Q101"]


def test_a_text_that_stops_inside_a_quotation_run_over_paragraphs_is_quiet():
    # a coach's answer given over three paragraphs, each opening again and none closing, and the text
    # (an excerpt) stops before the last one closes: the closing mark is past the text's end
    text = ("The coach spoke after the match.\n\n“It was a deserved victory. We played well from the first minute.\n\n"
            "“Points are lost and won in the final minutes, but this win was built from the start.\n\n"
            "“The substitutes did well when they came on, and the whole team played a very good game.\n")
    assert [f.code for f in check_text(text, select=["Q101"]).findings] == []
    # a quotation the last paragraph opens on its own, with no run of open paragraphs before it, still fires
    text = "The coach spoke after the match.\n\n“It was a deserved victory. We played well from the first minute.\n"
    assert [f.code for f in check_text(text, select=["Q101"]).findings] == ["Q101"]


def test_a_quotation_cut_by_a_blank_line_inside_a_sentence_is_one_quotation():
    # pages that print text a line to a paragraph break sentences with a blank line: the block stops on a
    # word with no stop and the next goes on in lower case, so the quotation runs on across the break
    text = ("“I assure you that this crime will not go unpunished,” the mayor said. “Organized crime\n\n"
            "has gone too far, but they will feel the full weight of the law.”\n\nPolice detained six suspects.\n")
    assert [f.code for f in check_text(text, select=["Q101"]).findings] == []
    # a blank line after a finished sentence is a paragraph break, where a quotation left open stays a finding
    text = ("The mayor said: “Organized crime has gone too far.\n\n"
            "Police detained six suspects on Friday.\n")
    assert [f.code for f in check_text(text, select=["Q101"]).findings] == ["Q101"]
