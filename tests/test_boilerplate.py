"""Boilerplate detectors: every data entry proves itself, whole lines fire and prose does not."""
from __future__ import annotations

import re

from conftest import language_data_files
from tqcheck.api import check_text
from tqcheck.rules.boilerplate import expand


def test_there_are_boilerplate_entries():
    # Each entry's example and counter-example are proved by tests/test_data_examples.py.
    tables = [table for _, _, folder, _, table in language_data_files() if folder == "boilerplate"]
    assert sum(len(t.get("line", [])) for t in tables) >= 10


def test_patterns_compile_and_are_unique():
    for _, _, folder, name, table in language_data_files():
        if folder != "boilerplate":
            continue
        macros = table.get("macros", {})
        seen = set()
        for entry in table.get("line", []):
            re.compile(expand(entry["pattern"], macros))
            assert entry["pattern"] not in seen, f"{name}: pattern listed twice"
            seen.add(entry["pattern"])
            assert entry.get("what"), f"{name}: every entry says what it is"


SCRAPED = """The two leaders met in Geneva on Friday and agreed to meet again next month.

Posted on 01/12/2022 12:44

The talks focused on trade and on the border, the ministry said in a statement.

Source: Daily Courier

You may also like

Quick Profit Formula Pro

Crypto Riches Today
"""


def _codes(text, **kw):
    report = check_text(text, target_lang="en", select=["B1"], **kw)
    return [(f.code, f.excerpt) for f in report.findings]


def test_scraped_article_tail_is_flagged_line_by_line():
    assert _codes(SCRAPED) == [
        ("B104", "Posted on 01/12/2022 12:44"),
        ("B101", "Source: Daily Courier"),
        ("B102", "You may also like"),
        ("B107", "Quick Profit Formula Pro"),
        ("B107", "Crypto Riches Today"),
    ]


def test_prose_mentioning_sources_and_comments_is_quiet():
    text = (
        "The source said the minister would read more of the report before he made any comments.\n\n"
        "Related talks will take place in Geneva, where officials may also like to discuss trade.\n"
    )
    assert _codes(text) == []


def test_marker_in_mid_article_does_not_flag_the_next_subheading():
    text = (
        "The two leaders met in Geneva on Friday.\n\nRelated\n\nA new start\n\n"
        + "The talks focused on trade and on the border, and both sides said they hoped to reach "
        "a full agreement before the end of the year, although several questions about customs "
        "checks, fishing rights and the timetable for the withdrawal of troops remain open.\n"
    )
    assert _codes(text) == [("B102", "Related")]


def test_code_left_in_the_body_is_an_error():
    text = "The talks resumed.\n\nwindow.dataLayer = window.dataLayer || [];\n\nThe union welcomed it.\n"
    report = check_text(text, target_lang="en", select=["B106"])
    assert [(f.code, f.severity.label) for f in report.findings] == [("B106", "error")]



def test_an_ad_script_is_flagged_whole_down_to_the_article():
    # A scraper kept a bidding script above the story: the finding, and the unsafe fix that removes it,
    # take every line of it, and stop at the first line of prose.
    script = ("googletag.cmd.push(function() {\nslots: [{\nunit: 'top_banner',\nsizes: [[300, 250], [728, 90]],\n"
              "targeting: { section: 'politics' }\n}],\n});")
    text = script + "\nThe senate rejected the nomination on Tuesday, and the president said he would try again.\n"
    report = check_text(text, target_lang="en", select=["B1"])
    assert [(f.code, f.excerpt) for f in report.findings] == [("B106", script)]
    assert check_text(text, target_lang="en", select=["L105"]).findings == []

def test_markdown_decoration_around_a_label_is_ignored():
    text = "The talks resumed.\n\n**Read more:** Central bank holds rates\n\nThe union welcomed it.\n"
    assert [c for c, _ in _codes(text)] == ["B102"]


def test_the_marker_after_the_last_paragraph_ends_the_article():
    paragraph = (
        "The talks focused on trade and on the border, and both sides said they hoped to reach "
        "a full agreement before the end of the year, although several questions about customs "
        "checks, fishing rights and the timetable for the withdrawal of troops remain open."
    )
    text = f"Related\n\nA new start\n\n{paragraph}\n\nTags: Trade, Europe\n\nWin Big Tonight\n"
    assert _codes(text) == [("B102", "Related"), ("B103", "Tags: Trade, Europe"), ("B107", "Win Big Tonight")]


def test_duplicated_slug_title_is_boilerplate():
    text = ("City council approves the new budget – Local News Today\n\n"
            "City council approves the new budget Local News\n\n"
            "The council voted on Tuesday to approve the budget.\n")
    report = check_text(text, target_lang="en", select=["B108"])
    assert [f.excerpt for f in report.findings] == ["City council approves the new budget Local News"]


def test_title_given_twice_on_two_joined_lines_is_a_duplicate():
    # The two copies sit on consecutive lines, which the plain-text reader joins into one block.
    title = "Harbour workers end their strike after a new pay offer from the port"
    text = f"{title}\n\n{title}\n{title}\n\nDock workers voted on Monday to accept the offer.\n"
    report = check_text(text, target_lang="en", select=["B108"])
    assert [f.excerpt for f in report.findings] == [title, title]
    assert [f.start for f in report.findings] == [len(title) + 2, 2 * len(title) + 3]


def test_a_line_is_not_a_repeat_of_its_own_block():
    # The first line holds nearly all the block's words: it must not count as repeating the block it opens.
    text = ("Home » Harbour workers end their strike after a new pay offer\nNews\n\n"
            "Dock workers voted on Monday to accept the offer.\n")
    assert check_text(text, target_lang="en", select=["B108"]).findings == []


def test_lines_of_one_paragraph_are_not_titles_repeated():
    text = ("Harbour workers end their strike after a new pay offer\n\n"
            "Harbour workers ended their strike on Monday after a new pay offer from the port authority was\n"
            "put to a vote and accepted by a large majority of the members present at the meeting\n")
    assert check_text(text, target_lang="en", select=["B108"]).findings == []


def test_title_echoed_as_a_sentence_is_not_a_duplicate():
    text = ("City council approves the new budget\n\n"
            "City council approves the new budget after a long debate on Tuesday.\n")
    assert check_text(text, target_lang="en", select=["B108"]).findings == []


def _findings(text):
    report = check_text(text, target_lang="en", select=["B1"])
    return [(f.code, f.excerpt, f.severity.label) for f in report.findings]


def test_credit_run_into_the_text_is_flagged_without_the_text():
    text = ("Photo: Ana Ruiz Daily Courier The union leaders said on Monday that the talks "
            "with the ministry will resume in March.\n")
    assert _findings(text) == [("B105", "Photo: Ana Ruiz Daily Courier The", "warning")]


def test_a_caption_credit_in_parentheses_is_only_a_hint():
    text = ("The union leader speaks in Geneva on March 3. (AP Photo/John Smith)\n\n"
            "The talks with the ministry will resume in March, the union said.\n")
    assert _findings(text) == [("B105", "(AP Photo/John Smith)", "info")]


def test_tweet_links_and_attribution_are_flagged_not_the_tweet():
    text = ("We will keep working for you every day. pic.twitter.com/Ab12Cd34\n"
            "— Ana Ruiz (@anaruiz) March 3, 2023\n\n"
            "The talks with the ministry will resume in March.\n")
    assert [excerpt for _, excerpt, _ in _findings(text)] == [
        "pic.twitter.com/Ab12Cd34",
        "Ana Ruiz (@anaruiz) March 3, 2023",
    ]


def test_section_label_after_a_headline_is_flagged_alone():
    text = ("Council approves the new budget after a long debate | Americas | Daily Courier\n\n"
            "The council voted on Tuesday to approve the budget.\n")
    assert _findings(text) == [("B103", " | Americas | Daily Courier", "warning")]


def test_bulleted_links_under_a_bare_label_are_related_links():
    paragraph = ("The talks focused on trade and on the border, and both sides said they hoped to reach "
                 "a full agreement before the end of the year.")
    text = (f"{paragraph}\n\nAlso read\n\n  • Farmers block roads over fuel prices\n"
            f"  • Central bank holds rates for a third month\n\n{paragraph}\n\n"
            "  • A bulleted point of the article itself\n")
    assert [(c, e) for c, e, _ in _findings(text)] == [
        ("B102", "Also read"),
        ("B102", "Farmers block roads over fuel prices"),
        ("B102", "Central bank holds rates for a third month"),
    ]


def test_timestamps_with_seconds_are_scraped_dates():
    for stamp in ("07/22/2021, 3:05:48 PM", "2021-09-17 08:04:51"):
        text = f"{stamp}\n\nThe council voted on Tuesday to approve the budget.\n"
        assert [c for c, _, _ in _findings(text)] == ["B104"], stamp


def test_a_length_in_minutes_and_seconds_is_no_scraped_time():
    # an album review's information block: "Time: 47:12" is the record's length, past any clock's hours
    block = "Country of origin: Canada\nYear of release: 2019\nTime: 47:12\n\nThe band recorded the album in a barn.\n"
    assert _findings(block) == []
    # a clock time after the same label is still a scraped timestamp
    assert [c for c, _, _ in _findings("Time: 14:25\n\nThe council voted on Tuesday to approve the budget.\n")] == ["B104"]


def test_widgets_of_a_translated_page_are_flagged():
    text = ("Spread the love\n\nThe council voted on Tuesday to approve the budget.\n\n"
            "Continues after advertising\n\nThe mayor welcomed the vote.\n\n"
            "It may interest you: Farmers block roads over fuel prices\n")
    assert [c for c, _, _ in _findings(text)] == ["B103", "B103", "B102"]


def test_prose_about_photos_agencies_and_news_is_quiet():
    text = ("A Reuters/Ipsos poll published on Tuesday showed support for the plan fell.\n\n"
            "The photo: a rare event, the mayor said, and the news of the day.\n\n"
            "Follow the news, the minister told voters on Facebook, and judge the talks in March.\n\n"
            "Home health workers went on strike on Tuesday, the union said.\n")
    assert _findings(text) == []


def test_boilerplate_weighs_less_than_translation_findings_in_the_file_score():
    from tqcheck.checking.scoring import file_score
    from tqcheck.finding import Finding, Severity

    def finding(code):
        return Finding(code=code, name="x", severity=Severity.WARNING, message="", start=0, end=1)

    assert file_score([finding("B103")] * 2, 100) < file_score([finding("C101")] * 2, 100)


def test_a_markdown_heading_an_author_wrote_is_not_a_widget():
    text = ("# Politics\n\nThe council voted on Tuesday to approve the budget.\n\n"
            "## Contact\n\nWrite to the council at its office.\n\nPolitics\n")
    report = check_text(text, fmt="markdown", target_lang="en", select=["B1"])
    assert [(f.code, f.excerpt) for f in report.findings] == [("B103", "Politics")]
    assert report.findings[0].line == 9



SUBHEADED_INTERVIEW = """The coach spoke to reporters after the team lost the semi-final on penalties in Lisbon.

The match

“We started well and created the better chances, but we did not finish them when it mattered.”

The referee

“I will not talk about the referee, because every decision in that game was seen by everyone.”

Analysis

“We lacked freshness in the second half, and the long season showed in the legs of the players.”
"""


def test_a_section_word_among_an_articles_own_subheads_is_one_of_them():
    # "Analysis" heads a section as "The match" and "The referee" do: the article's structure, not a site's label.
    assert check_text(SUBHEADED_INTERVIEW, fmt="text", target_lang="en", select=["B1"]).findings == []
    # With one subhead of its own the article has no structure to speak of: the lone section word is a label.
    single = SUBHEADED_INTERVIEW.replace("The referee\n\n", "")
    report = check_text(single, fmt="text", target_lang="en", select=["B1"])
    assert [(f.code, f.excerpt) for f in report.findings] == [("B103", "Analysis")]

PAGE_FURNITURE = """MADRID (EFE)

The government approved the new budget on Tuesday after a long debate in parliament.

Reading time: 3 min

Join our WhatsApp channel

The opposition said it would challenge several articles of the law before the constitutional court.

Skip Twitter post, 1

Report an error

Compartir en Facebook

Le Monde avec AFP
"""


def test_page_furniture_of_any_site_is_flagged_line_by_line():
    assert _codes(PAGE_FURNITURE) == [
        ("B101", "MADRID (EFE)"),
        ("B104", "Reading time: 3 min"),
        ("B103", "Join our WhatsApp channel"),
        ("B103", "Skip Twitter post, 1"),
        ("B103", "Report an error"),
        ("B103", "Compartir en Facebook"),
        ("B101", "Le Monde avec AFP"),
    ]


def test_prose_using_the_words_of_page_furniture_is_quiet():
    text = (
        "MADRID (EFE) - The government approved the new budget on Tuesday, the minister said.\n\n"
        "Voters who join the party's WhatsApp channel will be told first, its leader said.\n\n"
        "The auditor said she would report an error in the accounts to parliament.\n\n"
        "At the last minute, the vote was moved to March; support for the plan fell.\n\n"
        "The video of the debate had 1,254 views by Friday, and #Budget trended all day.\n"
    )
    assert _codes(text) == []


def test_capitalised_advertisement_run_into_a_paragraph_flags_only_the_word():
    text = "The minister said the talks would resume. ADVERTISEMENT The union welcomed the decision.\n"
    assert _codes(text) == [("B103", "ADVERTISEMENT")]
    assert _codes("ADVERTISING REVENUE FALLS AS THE TALKS RESUME\n\nThe talks resumed.\n") == []


def test_a_line_of_capitalised_topics_without_a_label_is_a_tag_list():
    text = ("The talks will resume in March, the ministry said.\n\n"
            "Trade, European Union, Fishing Rights, Brexit\n")
    assert _codes(text) == [("B103", "Trade, European Union, Fishing Rights, Brexit")]
    assert _codes("The talks will resume in March.\n\nSpain, France, Italy and Portugal signed it.\n") == []


def test_wire_traces_are_flagged_but_an_english_dateline_is_not():
    text = ("Brasília, March 3 (EFE).- The Senate approved the tax reform on Tuesday after a long debate.\n\n"
            "The bill now goes back to the lower house, the senators said. jbr/ms\n")
    assert _codes(text) == [("B101", "Brasília, March 3 (EFE).-"), ("B101", "jbr/ms")]
    native = ("BRASÍLIA, Brazil (AP) — The Senate approved the tax reform on Tuesday after a long debate.\n\n"
              "The bill now goes back to the lower house, where members may vote for it and/or amend it.\n")
    assert _codes(native) == []


def test_feed_footer_and_excerpt_links_are_flagged_not_the_prose():
    text = ("The Senate approved the tax reform on Tuesday after a long debate, and the bill now… Continue reading →\n\n"
            "The post Senate approves tax reform appeared first on Daily Courier.\n")
    assert [code for code, _ in _codes(text)] == ["B102", "B101"]
    prose = "The Senate approved the tax reform on Tuesday; senators urged voters to continue reading the bill.\n"
    assert _codes(prose) == []


# --- General shapes of page furniture on sites nobody studied (session 10) ---------------------------------

PROSE = ("The council met on Tuesday evening and voted by a wide margin to approve the budget for next year, "
         "after a debate that lasted more than four hours and drew a large crowd to the town hall.")


def test_caption_and_alt_text_above_a_credit_line_are_flagged():
    text = (f"Council approves the new budget\n\n{PROSE}\n\nMayor Ana Ruiz.\n\nThe mayor, Ana Ruiz, after the vote\n\n"
            f"Photo: Tom Hale / Daily Courier\n\n{PROSE}\n")
    assert _codes(text) == [
        ("B105", "Mayor Ana Ruiz."),
        ("B105", "The mayor, Ana Ruiz, after the vote"),
        ("B105", "Photo: Tom Hale / Daily Courier"),
    ]


def test_title_over_a_lead_picture_and_prose_above_a_credit_stay_quiet():
    # Before the article's prose begins, the short lines over a credit are the page's kicker and title.
    lead = f"Budget night\n\nCouncil approves the new budget\n\nPhoto: Tom Hale / Daily Courier\n\n{PROSE}\n"
    assert _codes(lead) == [("B105", "Photo: Tom Hale / Daily Courier")]
    # A paragraph of prose above a credit is the article, not a caption.
    prose = f"{PROSE}\n\nThe vote was close, and the mayor thanked the residents who came.\n\nPhoto: Tom Hale / Daily Courier\n"
    assert _codes(prose) == [("B105", "Photo: Tom Hale / Daily Courier")]


def test_a_list_of_cut_off_excerpts_is_a_widget():
    text = (f"{PROSE}\n\n"
            "Harbour Freight is the largest shipping company on the east coast, with a fleet of more than 40 ves...\n"
            "Valley Mills has produced flour for the region since 1921 and now employs some three hundred people in ...\n\n"
            f"{PROSE}\n")
    assert [c for c, _ in _codes(text)] == ["B102", "B102"]


def test_one_excerpt_or_a_quotation_trailing_off_is_not_a_widget():
    one = f"{PROSE}\n\nThe mayor spoke for an hour about the harbour, the mills, the roads and ...\n"
    assert _codes(one) == []
    quoted = (f"{PROSE}\n\n“We will see what the council decides, and then we will talk again about the roads...\n"
              "“The harbour will wait, as it always has, for the council to make up its mind about the...\n")
    assert _codes(quoted) == []


def test_pull_quote_and_its_speaker_line_are_flagged():
    text = f"{PROSE}\n\n“We have never seen a crowd like this one at a budget debate”\n\nAna Ruiz, mayor\n\n{PROSE}\n"
    assert _codes(text) == [
        ("B103", "“We have never seen a crowd like this one at a budget debate”"),
        ("B103", "Ana Ruiz, mayor"),
    ]


def test_quotation_with_its_speaker_in_the_sentence_is_prose():
    text = (f"{PROSE}\n\n“We have never seen a crowd like this one,” said Ana Ruiz, the mayor.\n\n"
            "Ana Ruiz, the mayor, thanked the residents who came to the hall.\n")
    assert _codes(text) == []


def test_masthead_above_a_repeated_title_is_flagged():
    text = ("Daily Courier\n\nNews you can trust\n\nCouncil approves the new budget after long debate\n\n"
            f"Council approves the new budget after long debate\n\n{PROSE}\n")
    codes = _codes(text)
    assert ("B103", "Daily Courier") in codes and ("B103", "News you can trust") in codes
    assert ("B108", "Council approves the new budget after long debate") in [
        (f.code, f.excerpt) for f in check_text(text, target_lang="en", select=["B108"]).findings]


def test_kicker_and_title_without_a_repeat_are_not_a_masthead():
    text = f"Local politics\n\nCouncil approves the new budget after long debate\n\n{PROSE}\n"
    assert _codes(text) == []


def test_a_caption_given_twice_is_not_a_repeated_title():
    # The picture's caption, once as caption and once as alt text: the short line above it is the title.
    caption = "Residents queue outside the town hall before the budget debate on Tuesday evening, as the rain held off,photo: Tom Hale"
    text = f"Daily Courier\n\nCouncil Approves New Budget\n\n{caption}\n{caption}\n\n{PROSE}\n"
    assert ("B103", "Council Approves New Budget") not in _codes(text)

def test_the_line_above_a_byline_is_the_title_not_a_masthead():
    # A standfirst given twice (as standfirst and as alt text) below the byline: the headline above the byline is
    # the article's title, while the date and section label above it are still the page's masthead.
    standfirst = "Top seed and former champion Ana Ruiz faced her toughest test of the tournament so far"
    text = (f"Sports\n\nUpdated on\n\nRuiz sets up Costa final\n\nBy Harbour Gazette Staff Writers\n\n"
            f"{standfirst}\n{standfirst}\n\n{PROSE}\n")
    codes = _codes(text)
    assert ("B103", "Ruiz sets up Costa final") not in codes
    assert ("B103", "Sports") in codes and ("B103", "Updated on") in codes


def test_a_byline_naming_an_organisation_is_only_a_hint():
    # Native outlets print these over their own articles: an NGO's report, an editorial, wire copy, a desk's formula.
    body = "\n\nThe council voted on Tuesday to approve the budget, the clerk said.\n"
    for byline in ("By Human Rights Watch", "By Amnesty International", "The Editorial Board",
                   "By The Associated Press", "By Reuters", "By Staff Reporter", "By Our Correspondent", "By Citizen",
                   "By Harbour Gazette News Desk", "By News Desk"):
        report = check_text("Council approves budget\n\n" + byline + body, target_lang="en", select=["B1"])
        assert [(f.code, f.severity.name) for f in report.findings] == [("B104", "INFO")], byline
    # a CMS default and a site's own "Staff Writers" are the scraper's trace, a warning as before
    for byline in ("by admin", "By Admin", "By Newsroom", "By Harbour Times Staff Writers", "By Ana Ruiz"):
        report = check_text("Council approves budget\n\n" + byline + body, target_lang="en", select=["B1"])
        assert [(f.code, f.severity.name) for f in report.findings] == [("B104", "WARNING")], byline


def test_a_marker_atop_the_page_heads_it_and_ends_no_article():
    # A station's page opens with its copyright line and player labels; the headline under them is no link title.
    page = ("© 2025 Harbour Public Radio\n\nPlay Live Radio\n\nNext Up:\n\n"
            "Lawmakers send the housing bill to the governor before the veto break\n\n"
            "The General Assembly passed the housing bill on Thursday after a long debate over zoning rules "
            "and rents.\n")
    assert [c for c, e in _codes(page) if c == "B107"] == []
    # after the article, the same marker still ends it
    assert ("B107", "Quick Profit Formula Pro") in _codes(SCRAPED)


def test_a_marker_followed_by_a_long_sentence_was_mid_article():
    # A caption's credit ends no article when a full sentence of the article follows the short line after it,
    # even in a text cut before any 40-word paragraph.
    text = ("On Thursday the local papers led with the budget vote and the row over the new housing levy.\n"
            "Source: UGC\n\n"
            "1. Morning Herald\n\n"
            "The budget vote is gaining momentum, with several members confirming that they have signed in support of "
            "the motion against the finance minister.\n")
    assert [c for c, e in _codes(text) if c == "B107"] == []


def test_a_question_headline_given_twice_and_the_section_between_are_flagged():
    title = "Will the council approve the new budget before the summer recess?"
    text = f"{title}\n\nLocal news\n\n{title}\n\n{PROSE}\n"
    codes = _codes(text)
    assert ("B108", title) in codes and ("B103", "Local news") in codes


def test_a_question_asked_again_in_the_article_is_not_a_title_copy():
    # The article's own question, asked once in its first paragraph and again later: not the page's title.
    text = ("Council approves the new budget\n\n"
            "Who will pay for the new bridge?\n\nThe mayor said the region would.\n\n"
            "Who will pay for the new bridge?\n\nThe opposition asked again on Tuesday.\n")
    assert [c for c in _codes(text) if c[0] in ("B103", "B108")] == []


def test_empty_field_labels_of_the_publishing_tool_are_flagged_but_filled_ones_are_dates():
    text = f"Council approves the new budget\n\nBy:\nPosted on:\n\n{PROSE}\n"
    codes = _codes(text)
    assert ("B104", "By:") in codes and ("B104", "Posted on:") in codes
    assert ("B104", "By:") not in _codes(f"Council approves the new budget\n\nBy: Ana Ruiz\n\n{PROSE}\n")


def test_a_widget_label_behind_an_icon_is_flagged_but_prose_behind_one_is_not():
    codes = _codes(f"Council approves the new budget\n\n{PROSE}\n\n📡 Similar coverage\n")
    assert ("B102", "Similar coverage") in codes
    assert _codes(f"Council approves the new budget\n\n{PROSE}\n\n🌧️ Rain is forecast for the vote on Tuesday.\n") == []


def test_a_player_duration_and_a_two_language_rating_label_are_flagged():
    codes = _codes(f"Council approves the new budget\n\n02 MIN 00 SEG\n\n{PROSE}\n\nقيّم هذا المقال | Rate this post\n")
    assert ("B104", "02 MIN 00 SEG") in codes and ("B103", "قيّم هذا المقال | Rate this post") in codes


def test_a_bare_agency_under_the_title_is_a_byline_hint_but_after_the_prose_a_credit():
    head = _findings(f"Council approves the new budget\n\nAFP\n\n{PROSE}\n")
    assert ("B101", "AFP", "info") in head
    tail = _findings(f"Council approves the new budget\n\n{PROSE}\n\nAFP\n")
    assert ("B101", "AFP", "warning") in tail


def test_times_heading_the_updates_of_a_live_blog_are_the_article():
    text = ("The Latest on the sentencing of a former sheriff (all times local):\n"
            "10:35 a.m.\n"
            "The former sheriff has been ordered to report to prison on July 25 to begin his three-year sentence.\n"
            "10:09 a.m.\n"
            "A former sheriff has been sentenced to three years in prison for obstructing an investigation.\n")
    assert [c for c, _ in _codes(text) if c == "B104"] == []
    # one time alone over the article is a scraped timestamp; so are times over short lines
    assert ("B104", "10:35 a.m.") in _codes(f"10:35 a.m.\n\n{PROSE}\n")
    assert ("B104", "08:15") in _codes(f"{PROSE}\n\n08:15\nShare\n09:40\nPrint\n")


REPUBLISHED_PAGE = """Thursday, March 7

Port workers end strike after pay deal – HarbourWatch.com

Published in 07/03/2024 - 11:40 By Harbour Watch - Valparaíso

The dock workers' union ended its strike on Wednesday after the port authority agreed to raise wages by six percent. READ MORE

The union's leaders said the deal would be put to a vote of members next week, and that the cranes would run again on Friday.

Text translated using artificial intelligence.

関連記事

Deja una respuesta

Tu dirección de correo electrónico no será publicada. Los campos obligatorios están marcados con *
"""


def test_furniture_of_a_republished_translated_page_is_flagged():
    codes = _codes(REPUBLISHED_PAGE)
    assert ("B104", "Thursday, March 7") in codes
    assert ("B103", "– HarbourWatch.com") in codes
    assert ("B104", "Published in 07/03/2024 - 11:40 By Harbour Watch - Valparaíso") in codes
    assert ("B102", "READ MORE") in codes
    assert ("B101", "Text translated using artificial intelligence.") in codes
    assert ("B102", "関連記事") in codes
    assert ("B103", "Deja una respuesta") in codes
    assert any(c == "B103" and e.startswith("Tu dirección de correo") for c, e in codes)


def test_a_dated_day_in_the_article_and_prose_about_translation_are_quiet():
    text = ("The dock workers' union ended its strike on Wednesday after the port authority agreed to raise wages.\n\n"
            "Thursday, March 7\n\n"
            "The union's leaders met again and said the minutes were translated with the help of artificial "
            "intelligence, which read more slowly than they had hoped.\n\n"
            "The port sells its berths online – through Harbour.com – and the cranes run again on Friday.")
    assert _codes(text) == []


NOTICES_PAGE = """There were 2,310 press releases posted in the last 24 hours and 402,517 in the last 365 days.

Port workers end strike after pay deal

Date Published

Translated from Spanish by an automated online translation service, so please forgive its mistakes. See the link for the original.

[Excerpt from a longer report]

The dock workers' union ended its strike on Wednesday after the port authority agreed to raise wages by six percent, and the cranes will run again on Friday.

error: Content is protected !!
"""


def test_notices_of_a_wire_site_and_a_translating_republisher_are_flagged():
    flagged = {excerpt for _, excerpt in _codes(NOTICES_PAGE)}
    assert "There were 2,310 press releases posted in the last 24 hours and 402,517 in the last 365 days." in flagged
    assert "Date Published" in flagged
    assert any(e.startswith("Translated from Spanish by an automated online translation service") for e in flagged)
    assert "[Excerpt from a longer report]" in flagged
    assert "error: Content is protected !!" in flagged
    assert not any(e.startswith("The dock workers") for e in flagged)
