"""Fluency slips (L1xx): what fires on joined, stripped or garbled translated English and what native English keeps quiet."""
from __future__ import annotations

from conftest import detector_excerpts as excerpts
from conftest import detector_findings as findings


# --- L101 capitalised article in the middle of a sentence ---------------------------------------


def test_capital_article_after_a_possessive_or_a_comma_fires():
    assert excerpts("The minister said that his The government would not resign.", "L101") == ["The government"]
    assert excerpts("The search lasted six hours, The documents were never found.", "L101") == ["The documents"]
    assert excerpts("She paid in 2020 and It still works.", "L101") == ["It still"]
    assert excerpts("The story ran in the newspaper The nation on Sunday.", "L101") == ["The nation"]
    assert excerpts("“They want to run in the next election, We don’t know when it will be,” he said.", "L101") == [
        "We don"]


def test_titles_headlines_and_sentence_starts_are_quiet():
    for text in [
        "He wrote for The Guardian and later for The Times.",  # a title goes on with a capital
        "The story ran in the newspaper The Nation on Sunday.",
        "There is no doubt that The Beatles changed pop music.",
        "Floods hit the north The rain did not stop for three days.",  # a headline run into its story
        "The rain stopped. The roads reopened on Monday.",
        "“The plan is dead,” she said.",
        "Tonight, We Are Scientists play the main stage.",  # a band's name goes on with capitals
    ]:
        assert excerpts(text, "L101") == [], text


def test_capitalised_pronoun_right_after_a_name_fires():
    assert excerpts("The president of Chile, Ana Ruiz He presented her plan on Monday.", "L101") == ["He presented"]
    assert excerpts("The new ministers are Luis Soto and Marta Vega They will start today.", "L101") == [
        "They will"
    ]
    assert excerpts("The mayor of the city, Pablo Rey, He assured on Sunday that work would resume.", "L101") == [
        "He assured"
    ]


def test_names_that_are_he_and_reverent_capitals_are_quiet():
    for text in [
        "If God had wanted us to fly, He would have given us wings.",
        "God made the world. If He had rested less, it would be bigger.",
        "Vice Premier Liu He and the trade envoy spoke by phone.",
        "Liu He said on Friday that talks would go on. Liu He leads the team.",
        "The hymn says the Lord He is our shepherd.",
        "The president of Chile presented his plan. He spoke for an hour.",
        "“I will not resign,” said Ana Ruiz. “We will win.”",
    ]:
        assert excerpts(text, "L101") == [], text


# --- L102 aside between attached hyphens ---------------------------------------------------------


def test_aside_between_attached_hyphens_fires():
    text = "After the vote -and for several weeks- farmers blocked the roads."
    assert excerpts(text, "L102") == ["-and for several weeks-"]


def test_dashes_compounds_and_abbreviations_are_quiet():
    for text in [
        "After the vote – and for several weeks – farmers blocked the roads.",
        "After the vote - and for several weeks - farmers blocked the roads.",
        "The well-known author met a long-time friend.",
        "The odds ratio -OR- was 3.5 in the second group.",
    ]:
        assert excerpts(text, "L102") == [], text


def test_aside_between_minus_signs_and_a_one_word_aside_fire():
    text = "At the start of his speech−which lasted two hours−, the president thanked the crowd."
    assert excerpts(text, "L102") == ["−which lasted two hours−"]
    assert excerpts("What worries voters most -security- is still unsolved.", "L102") == ["-security-"]


def test_hyphen_aside_is_left_to_spanish_and_portuguese():
    text = "After the vote -and for several weeks- farmers blocked the roads."
    assert excerpts(text, "L102", source_lang="es")
    assert excerpts(text, "L102", source_lang="fr") == []


# --- L103 stray punctuation ------------------------------------------------------------------------


def test_a_full_stop_run_into_the_next_sentence_fires():
    text = "The ceremony was attended by Piñera.On the other hand, the opposition stayed away."
    assert excerpts(text, "L103") == ["Piñera.On"]


def test_addresses_abbreviations_and_initials_before_a_capital_are_quiet():
    for text in [
        "Readers of Nation.Africa and Amazon.Com shoppers were told on Monday.",
        "The letter reached Gov.Newsom on Friday.",
        "She met J.R.R. Tolkien's heirs and the U.S. Senate on Friday.",
        "Version 2.Beta of the app was released in May.",
    ]:
        assert excerpts(text, "L103") == [], text


def test_mark_left_after_the_end_of_a_sentence_fires():
    assert excerpts("“We will not give up,” she said. , referring to the strike.", "L103") == [". ,"]
    assert excerpts("He wants change “from the bottom up.” .\n\nThe next day he left.", "L103") == [".” ."]


def test_a_comma_spaced_after_an_abbreviation_is_no_mark_after_a_sentence():
    # "L.A." ends an abbreviation, not a sentence: the comma after it belongs to the list
    text = "Rents are even higher in L.A. , SF, London or Paris."
    assert excerpts(text, "L103") == []
    # a comma left after a real sentence end still fires
    assert excerpts("Rents rose again in Lisbon. , according to the survey.", "L103") == [". ,"]


def test_spaced_ellipsis_and_emoticons_are_quiet():
    for text in [
        "He paused . . . and then he spoke.",
        "I am sorry to hear that. :( Get well soon.",
        "The vote was close. The count ended at dawn.",
    ]:
        assert excerpts(text, "L103") == [], text


def test_space_before_a_mark_fires():
    assert excerpts("Will there be a third term ? Nobody knows yet.", "L103") == ["term ?"]
    assert excerpts("The mayor of Lyon , a socialist, resigned on Monday.", "L103") == ["Lyon ,"]
    assert excerpts("Who leads the party ; the mayor or the governor?", "L103") == ["party ;"]


def test_spaced_colon_is_only_a_hint():
    # a title's subtitle is often set off with " : " by native writers too
    text = "The motto of the party : work and family."
    assert excerpts(text, "L103") == []
    assert [f.excerpt for f in findings(text, "L103", counted_only=False)] == ["party :"]


def test_spaced_full_stop_and_exclamation_are_only_hints():
    # native pages leave " ." where a link was cut out, and some writers space an emphatic " !"
    assert excerpts("He spoke on Twitter . Several posts followed.", "L103") == []
    assert [f.excerpt for f in findings("He spoke on Twitter . Several posts followed.", "L103", counted_only=False)] == [
        "Twitter ."
    ]


def test_doubled_marks_fire():
    assert excerpts("The motion got 40 votes in favour and 76 against..\nThe session ended.", "L103") == ["against.."]
    assert excerpts("The prices rose again,, the bank said.", "L103") == ["again,,"]
    assert excerpts("They met in the capital., then flew home.", "L103") == ["capital.,"]


def test_abbreviations_ellipses_and_informal_dots_are_quiet():
    for text in [
        "Protesters gathered in Portland, Ore., on Saturday night.",
        "The firm moved to Washington, D.C., in 2019.",
        "They sell pens, paper, ink, etc., at the market.",
        "He waited... and waited.",
        "But the contrast looks like this.. It stands out well.",  # two dots as an informal ellipsis
        "The talks start at 9 a.m. on Monday in Geneva.",
        "See the file at example.com/a..b for details.",
        # the kind of street in an address, abbreviated, before a time or a verb
        "Firefighters were called to Mill Creek Rd. at about 4:10 a.m. by a neighbour.",
        "The bus stops on Sunset Blvd. and on Hwy. 12 near the bridge.",
        # an abbreviated state or province after a town, as news style writes it
        "A farmer from Outlook, Sask. has died after his truck left the road.",
        "Crews from Enid, Okla. and Wichita, Kan. were sent to help.",
    ]:
        assert excerpts(text, "L103") == [], text
    # a place name in full before a lower-case word is still a sentence run on
    assert excerpts("The storm reached Saskatchewan. has closed two highways.", "L103") == ["Saskatchewan. has"]


def test_full_stop_before_a_lower_case_word_fires():
    text = "The fire destroyed 6,800 hectares. burned in two days, the agency said."
    assert excerpts(text, "L103") == ["hectares. burned"]


def test_full_stops_before_lower_case_words_that_are_explained_are_quiet():
    for text in [
        "The talks start at 9 a.m. on Monday in Geneva.",
        "Prices rose, e.g. the price of bread, in most towns.",
        "The ruling cited Smith et al. in the first section.",
        "Read chapter ii. and the notes before the exam.",
        "He paused . . . and then he spoke again.",
    ]:
        assert excerpts(text, "L103") == [], text


def test_a_writer_who_never_capitalises_after_a_stop_is_left_alone():
    text = "we went out early. the sun was up already. my brother came along. it was a good day."
    assert excerpts(text, "L103") == []


def test_semicolon_glued_to_the_next_word_fires():
    assert excerpts("The party used the debate to ;attack the plan.", "L103") == [" ;attack"]


def test_space_after_a_closing_quote_before_a_comma_fires():
    assert excerpts("He called it “a farce” , and left the room.", "L103") == ["farce” ,"]


def test_closing_bracket_spaced_when_its_opening_one_is_not_fires():
    assert excerpts("The mandate of the Coalition avenir Québec (CAQ ) ends in October.", "L103") == ["(CAQ )"]
    # Brackets spaced on both sides are a house style, and a bracket opened on another line is not this one's.
    assert excerpts("The report ( With inputs from IANS ) was filed late.", "L103") == []
    assert excerpts("The mandate of the Coalition avenir Québec (CAQ) ends in October.", "L103") == []


def test_opening_bracket_spaced_when_its_closing_one_is_not_fires():
    assert excerpts("The full decrees can be heard on the audio below ( source) on the radio.", "L103") == ["( source)"]
    assert excerpts("The full decrees can be heard on the audio below (source) on the radio.", "L103") == []


def test_stop_glued_after_a_closing_bracket_fires():
    text = "The first two decrees name the board of the grid company (Sonatrel).This company was set up in 2015."
    assert excerpts(text, "L103") == ["(Sonatrel).This"]
    # A year or an abbreviation before the bracket is left alone, as before a bare stop.
    assert excerpts("The grid company was set up by decree (2015).This was a first.", "L103") == []
    assert excerpts("The grid company (Sonatrel). This company was set up in 2015.", "L103") == []


def test_spaced_colon_counts_only_before_a_quotation():
    assert excerpts("Christophe Galtier : “I know that there are talks with the club,” he said.", "L103") == ["Galtier :"]
    # A title's subtitle set off with " : " is native usage: a hint only.
    assert excerpts("Economy : Inflation slows down in May", "L103") == []
    assert excerpts("Christophe Galtier: “I know that there are talks with the club,” he said.", "L103") == []


def test_opening_quote_used_as_apostrophe_fires():
    assert excerpts("The IMF raised its forecast for Brazil‘s economy.", "L103") == ["Brazil‘s"]
    assert excerpts("The IMF raised its forecast for Brazil’s economy, calling it ‘solid’.", "L103") == []


def test_semicolons_in_entities_and_lists_are_quiet():
    for text in [
        "The plan has three parts; the first is a tax cut.",
        "Use &amp ;x in the markup only.",
    ]:
        assert excerpts(text, "L103") == [], text


# --- L104 resumptive pronoun in a relative clause ---------------------------------------------------


def test_pronoun_repeating_who_fires():
    text = "The ambassadors, who they were recalled in May, returned to their posts."
    assert excerpts(text, "L104") == ["who they were recalled"]


def test_object_relatives_are_quiet():
    for text in [
        "Her sister, who she was married to for years, lives in Lyon.",
        "The ambassadors, who were recalled in May, returned to their posts.",
        "Nobody knows who they were or who sent them.",
    ]:
        assert excerpts(text, "L104") == [], text


def test_pronoun_repeating_a_named_subject_fires():
    assert excerpts("Reports that the former governor Omar Ruiz he would be appointed surprised many.", "L104") == [
        "Omar Ruiz he would"
    ]
    assert excerpts("The court asked whether Juan Pérez he knew the accused.", "L104") == ["Juan Pérez he knew"]
    assert excerpts("Because Maria Lopez she resigned, the vote was delayed.", "L104") == ["Maria Lopez she resigned"]


def test_a_named_subject_said_again_at_the_start_of_a_sentence_fires():
    text = "The visitors pressed after the break. Federico Viñas he had a chance from the edge of the area."
    assert excerpts(text, "L104") == ["Federico Viñas he had"]
    assert excerpts("Luiz Inácio da Silva he promised a new budget.", "L104") == ["Luiz Inácio da Silva he promised"]


def test_names_that_are_no_subject_of_the_pronoun_are_quiet():
    for text in [
        "He told the Daily Mail they would not comment.",  # no first name: an outlet
        "He said that the letter to Ana Ruiz he signed was a forgery.",  # an object relative after the name
        "She said that Ana Ruiz, he claimed, was innocent.",  # commas: an aside
        "After meeting Ana Ruiz he said the talks went well.",  # no conjunction before the name
        "Before joining Real Madrid he played for Santos.",  # a name inside the opening phrase is no subject
        "When Maria Lopez she called, nobody answered.",
        "“John Smith he is not,” she said of the newcomer.",  # a quotation opens the sentence
        "Thank you, Maria Lopez, she wrote.",
    ]:
        assert excerpts(text, "L104") == [], text


# --- L105 glued words --------------------------------------------------------------------------------


def test_words_run_together_at_a_lost_link_fire():
    assert excerpts("The bill went through Congresswhich approved it in May.", "L105") == ["Congresswhich"]
    assert excerpts("The Colombian leader, Gustavo Marquezannounced on Tuesday a new cabinet.", "L105") == [
        "Marquezannounced"
    ]


def test_real_words_ending_like_a_verb_are_quiet():
    for text in [
        "The sandwich shop in Norwich closed somewhere else.",
        "Her Understated elegance won the prize.",
        "The Misstated Accounts were corrected.",
        "Mr Foresaid nothing at the hearing.",
    ]:
        assert excerpts(text, "L105") == [], text


def test_lower_case_word_glued_to_a_capitalised_one_fires():
    text = "The senate rejected the nominationsPresident Lagos said he would try again."
    assert excerpts(text, "L105") == ["nominationsPresident"]



def test_identifiers_of_a_script_left_in_the_page_are_not_glued_words():
    # An ad script a scraper kept above the article: its keys and calls are code, not two words run together.
    text = ("bids: [{\nbidder: 'exchange',\nparams: {\nplacementId: '20231',\naccountId: '7781'\n}\n}],\n"
            "refreshSlots(adSlot);\n\nThe senate rejected the nominationsPresident Lagos said he would try again.")
    assert excerpts(text, "L105") == ["nominationsPresident"]

def test_name_glued_to_a_sentence_opener_fires():
    text = "The protest was led by Maria OrtegaThis Monday, she called for new elections."
    assert excerpts(text, "L105") == ["OrtegaThis"]


def test_two_names_glued_once_and_written_apart_elsewhere_fire():
    text = (
        "Floods hit Oaxaca and Chiapas this week. Rescue teams reached ChiapasOaxaca officials said "
        "on Friday, and more rain is due in Chiapas."
    )
    assert excerpts(text, "L105") == ["ChiapasOaxaca"]


def test_name_glued_to_a_common_word_fires():
    text = "The magazine Revista Ondas said so. Later Ondasmedia reported that the deal was off."
    assert excerpts(text, "L105") == ["Ondasmedia"]


def test_a_common_word_run_into_a_name_fires():
    # a line break lost between a heading or a credit and the next line's name
    text = "Meeting of Foreign MinistersAlberto van Klaveren opened the summit on Monday."
    assert excerpts(text, "L105") == ["MinistersAlberto"]
    text = "Boric spoke to the Financial DiaryBoric said the reform would pass."
    assert excerpts(text, "L105") == ["DiaryBoric"]


def test_brands_and_double_first_names_that_join_a_word_and_a_name_are_quiet():
    for text in [
        "MaryAnn Lopez won the seat; Mary thanked the voters.",
        "BlackRock and PowerPoint were mentioned, and Rock Hudson films were shown.",
        "The SpaceX launch was delayed, X said, and SpaceX denied it.",
        "Shares of BlackRock fell as Larry Fink spoke.",
        "The Associated Press runs on WordPress, the Press said.",
    ]:
        assert excerpts(text, "L105") == [], text


def test_english_compounds_and_repeated_names_are_quiet():
    for text in [
        "Congress passed the bill. Congresswoman Ruiz voted against it.",
        "Gold prices rose. Goldman Sachs said it expected more gains.",
        "Ondas is a radio. Ondasmedia and Ondasmedia Group own it.",  # a company written the same way twice
        "Newcastle beat Leeds. New signings helped.",
        "Obama signed the law. Republicans never liked Obamacare and tried to repeal it.",
        "the crowd cried noooooOOOOO when the goal was disallowed.",
    ]:
        assert excerpts(text, "L105") == [], text


def test_brands_units_and_names_with_inner_capitals_are_quiet():
    for text in [
        "She bought an iPhone on eBay and sent the mRNA data from her MacBook.",
        "Senator McConnell met Governor DeSantis and the actor LeBron James in Washington.",
        "People watch YouTube and pay with PayPal; WeChat is popular in China.",
        "ExxonMobil said profits rose. Exxon and Mobil merged in 1999, and ExxonMobil grew.",
        "CoinMarketCap listed the token. A day later CoinMarket Cap placed an alert on it.",
        "The chip draws 5 kWh and the app runs on macOS, as LinkedIn said.",
        "Follow @newsDesk and #BreakingNews for updates.",
    ]:
        assert excerpts(text, "L105") == [], text


# --- L106 nationality, country, weekday or month in lower case --------------------------------------


def test_lower_case_nationality_weekday_month_and_country_fire():
    text = "The arab and norwegian ministers met on monday, 3 june, to talk about peru."
    assert excerpts(text, "L106") == ["arab", "norwegian", "monday", "june", "peru"]


def test_words_english_also_writes_in_lower_case_are_quiet():
    for text in [
        "She ordered french fries and a danish, then went to polish the car.",
        "The plant may open in march or in august, with china plates and turkey sandwiches.",
        "Visit peru.com or follow @mexico_news and #peru for updates.",
        "The Arab and Norwegian ministers met on Monday, 3 June.",
    ]:
        assert excerpts(text, "L106") == [], text


def test_a_writer_who_writes_in_lower_case_is_left_alone():
    text = "lol we went to the game on sunday. my brother came too. it was great. the mexican food was good."
    assert excerpts(text, "L106") == []


# --- L107 Spanish inverted mark before English words -------------------------------------------------


def test_inverted_mark_before_english_words_fires():
    assert excerpts("The crowd shouted “¡take your shampoo!” at the president.", "L107") == ["¡take your shampoo!"]
    assert excerpts("She asked ¿who will pay for all this? and walked out.", "L107") == ["¿who will pay for all this?"]


def test_spanish_quotations_and_short_cries_are_quiet():
    for text in [
        "Fans chanted “¡Sí se puede!” outside the stadium.",
        "They chanted “¡Que se vayan todos!” all night.",
        "He raised his fist and cried “¡Viva Zapata!” before leaving.",
        "Who will pay for all this? Nobody knows.",
    ]:
        assert excerpts(text, "L107") == [], text


# --- L108 "He" for the Spanish article "El" ---------------------------------------------------------


def test_pronoun_before_a_title_at_the_start_of_a_sentence_fires():
    assert excerpts("He President-elect of Chile met the cabinet on Monday.", "L108") == ["He President-elect"]
    assert excerpts("The vote was close. He businessman won by two points.", "L108") == ["He businessman"]


def test_pronoun_before_a_word_that_can_only_be_a_noun_fires():
    text = "Storms will move east on Saturday. He weekend will bring more rain to the coast."
    assert excerpts(text, "L108") == ["He weekend"]


def test_pronouns_before_verbs_and_names_are_quiet():
    for text in [
        "He presided over the session on Monday.",
        "She coaches the national team.",
        "He heads the ministry of finance.",
        "Vice Premier Liu He President Xi's envoy, arrived on Monday.",
        "He, the president-elect, met the cabinet.",
        "He hit the post twice in the first half.",  # a past tense spelt like a noun
        "He cut the budget and she plans a new one.",
        "She too voted against the bill.",
        "He Jiankui was released from prison in 2022.",
        "He alone decides.",
    ]:
        assert excerpts(text, "L108") == [], text


def test_pronoun_for_article_is_left_to_spanish():
    text = "He President-elect of Chile met the cabinet on Monday."
    assert excerpts(text, "L108", source_lang="fr") == []


def test_fluency_checks_only_read_english():
    assert excerpts("El ministro dijo que his The government cayó.", "L101", target_lang="es") == []


# --- L109 a verbless fragment cut off from its sentence --------------------------------------------


def test_a_name_or_phrase_left_standing_after_a_full_stop_fires():
    assert excerpts("He read the report to which he had access. Commerce.", "L109") == ["Commerce."]
    assert excerpts("The lawyer spoke for the Italian writer. Marco Bellini.", "L109") == ["Marco Bellini."]
    assert excerpts(
        "A summit of the forum will be held. Pacific Trade Council in November.\n\nNext paragraph here.", "L109"
    ) == ["Pacific Trade Council in November."]
    assert excerpts("The house was searched and the papers were taken. 10:40 pm on Monday, May 6.", "L109") == [
        "10:40 pm on Monday, May 6."
    ]
    assert excerpts(
        "The mayor spoke about the budget on Sunday. Just ten days before his inauguration as mayor for a period "
        "of four years.", "L109") == ["Just ten days before his inauguration as mayor for a period of four years."]
    assert excerpts("The court ruled against him. In the case of Ruiz, for having denied the charges.", "L109") == [
        "In the case of Ruiz, for having denied the charges."
    ]


def test_short_sentences_with_a_verb_answers_quotes_and_first_sentences_are_quiet():
    for text in [
        "The team lost again. Or almost.",  # a writer's afterthought opens with a conjunction
        "Was it worth it? Yes. The figures say so.",
        "“We will fight. Never again. Not here,” she said.",  # inside a quotation
        "The job is hard. It's a living.",  # a contraction carries the verb
        "The job is hard. The job's not done.",
        "Costs rose. Prices doubled.",  # a verb, however short the sentence
        "Shares fell. Some smashed windows of nearby shops.",  # "smashed" can be a verb
        "Madrid, May 6.\n\nThe talks began on Monday.",  # a dateline opens its paragraph
        "We finished the cabin today. Nice and easy. Just a simple job.",  # a spoken aside, no name or number
        "He stopped at the rim. Jeez.",  # an interjection the lexicon lacks is no name
        "Critics say the tax will drive every investor away. Rubbish. Investors came back within a year.",  # a retort
        "I love this recipe and you will too. I make it every week. Quick, cheap and tasty for Sunday lunch.",
        # a run of fragments is a writer's rhythm: the one before is as short
        "The home side ran riot in the second half. Six goals. Chelsea. Four of them from Cole Palmer.",
        "The festival closed on Sunday after ten days of concerts. Next stop for the band: a tour of Japan in May.",
        # a hyphened pair of abbreviated titles (Canadian news style) does not end the sentence
        "The speech was read to a full chamber by the province's Lt.-Gov. Mary Dawson.",
        "The troops were led into the valley by Maj.-Gen. Paul Hardy.",
    ]:
        assert excerpts(text, "L109") == [], text


def test_a_name_the_text_capitalises_elsewhere_written_in_lower_case_fires():
    text = ("The legislator Patricia Chirinos presented a motion on Monday. "
            "Congress rejected the motion of Patricia chirinos on Thursday.")
    assert excerpts(text, "L110") == ["chirinos"]
    text = ("Congress rejected the motion of patricia chirinos on Thursday. "
            "The legislator Patricia Chirinos said she would try again.")
    assert excerpts(text, "L110") == ["patricia", "chirinos"]


def test_lower_case_words_that_are_english_or_not_a_persons_name_are_quiet():
    for text in [
        # English words beside a capitalised use: a title, an institution, a brand
        "The Senate met on Monday. The senate then voted for the bill.",
        "Ana Ruiz posted the video on Facebook. Her facebook page has many followers.",
        "County Coroner Ana Ruiz spoke first. The coroner said the cause was unclear.",
        # a word after no first name: a foreign common noun or a new word, not a name in lower case
        "The tribute to the Mujahid of the war was read aloud. Every mujahid was named.",
        # links, handles and compounds
        "Follow Patricia Chirinos on social media at @patricia.chirinos or chirinos.pe today.",
        "The Chirinos family met the anti-chirinos protesters.",
        # the name never written with a capital inside a sentence: nothing to compare with
        "Chirinos spoke first. Then patricia chirinos left.",
    ]:
        assert excerpts(text, "L110") == [], text


def test_a_term_the_text_quotes_in_lower_case_is_not_a_name():
    # a writer introduces a foreign phrase in lower case within quotation marks and keeps it so, though a
    # slogan writes it with capitals once: the words are a term, not a name whose capital went missing
    text = ("Visitors soon learn the expression “pura vida.” Locals greet friends with it, and the "
            "pura vida attitude shapes daily life. Shopkeepers end every sale with the slogan, Pura Vida!")
    assert excerpts(text, "L110") == []
    # a name the text quotes among other words is no such term: its lower-case use still fires
    text = ("The legislator Patricia Chirinos presented a motion. “We will vote for it,” said Patricia Chirinos. "
            "Congress rejected the motion of patricia chirinos on Thursday.")
    assert excerpts(text, "L110") == ["patricia", "chirinos"]


def test_a_text_written_in_lower_case_throughout_is_left_alone():
    text = ("i met Patricia Chirinos today. she said hi. we talked about patricia chirinos and her plans. "
            "then we left. it was fun. see you soon.")
    assert excerpts(text, "L110") == []


def test_a_title_abbreviated_before_a_name_does_not_end_the_sentence():
    # Commonwealth, West African and South Asian English abbreviate these titles: "Hon." does not end a sentence,
    # so the name after it is no verbless fragment
    text = ("The conference committee is to be chaired by Hon. Chidi Okafor.\n\n"
            "The motion was moved by Rt. Hon. Musa Bello and seconded by Engr. Tunde Bakare.")
    assert excerpts(text, "L109") == []
    # a name cut off after a real sentence end still fires
    assert excerpts("The committee is to be chaired by the speaker. Chidi Okafor.", "L109") == ["Chidi Okafor."]


def test_a_council_or_police_rank_abbreviated_before_a_name_does_not_end_the_sentence():
    # Canadian news style writes "Coun." and "Ald.", British "Cllr.", police news "Supt." and "Det.", Philippine
    # English "Atty.": the name after the title is no verbless fragment
    text = ("“We listened to every delegation,” said Coun. Maria Kowalski.\n\n"
            "The inquiry was led by Det. Supt. Alan Reeves, with Cllr. Joan Pike on the panel.\n\n"
            "The complaint was filed by Atty. Ramon Cruz.")
    assert excerpts(text, "L109") == []
    # the same name cut off after a sentence that really ends still fires
    assert excerpts("“We listened to every delegation,” said the council. Maria Kowalski.", "L109") == [
        "Maria Kowalski."]


def test_notes_under_a_paragraphs_label_are_not_fragments():
    # a forecast writes each period as a label and notes: "Mostly cloudy, with a low around 56." is one of them
    text = ("Thursday: Rain and thunderstorms, mainly after noon. High near 71. East wind 5 to 10 mph.\n"
            "Thursday Night: A chance of light rain. Mostly cloudy, with a low around 48. Chance of rain is 40%.")
    assert excerpts(text, "L109") == []
    # a label with a verb of saying is a quotation's lead-in, not notes: a phrase cut off after it still fires
    text = "The mayor declared: the summit will be held. Pacific Trade Council in November."
    assert excerpts(text, "L109") == ["Pacific Trade Council in November."]


def test_a_name_and_its_complement_with_the_copula_left_out_is_a_note_not_a_fragment():
    # match reports and notes drop "was": "Harris the pick of the bowlers with 7-117."
    text = ("England were all out for 330, leaving Australia five sessions to score 299. "
            "Harris the pick of the bowlers with 7-117.")
    assert excerpts(text, "L109") == []
    # a noun phrase cut off its sentence, with its name inside, still fires
    assert excerpts("A summit of the forum will be held. Pacific Trade Council in November.\n\nNext paragraph here.",
                    "L109") == ["Pacific Trade Council in November."]


def test_a_heading_in_capitals_run_into_the_paragraph_is_not_a_fragment():
    text = ("WORLDWIDE STUDIO SCORECARD. Updated look at 2016 by studio. YEAR TO DATE BOX OFFICE. "
            "Looking at North American box office, 2016 to date is now 1% below last year.")
    assert excerpts(text, "L109") == []
    # the same words in ordinary case are a phrase cut off its sentence
    text = ("The studio released its figures for the season. Year to Date Box Office in 2016. "
            "Looking at North American box office, 2016 to date is now 1% below last year.")
    assert excerpts(text, "L109") == ["Year to Date Box Office in 2016."]


# --- session 12: mechanical traces of joined segments ------------------------------------------------


def test_capitalised_pronoun_right_after_a_lower_case_word_fires():
    text = "The team that takes over the economy in the coming hours He sees the shortage of dollars with concern."
    assert excerpts(text, "L101") == ["He sees"]
    text = "These armed groups They try to intimidate the mayors, the governor said on Sunday."
    assert excerpts(text, "L101") == ["They try"]


def test_pronouns_after_a_stop_a_name_of_their_own_or_for_god_are_quiet():
    assert excerpts("The vote was close. He said on Monday that they would try again.", "L101") == []
    assert excerpts("They met the economist Liu He and his staff in Beijing on Monday.", "L101") == []
    text = "The prophet told them that God would come, and the faithful said He would come soon."
    assert excerpts(text, "L101") == []


def test_a_full_stop_run_into_an_opening_quotation_fires():
    text = "The count ended after the results.“The policy of this government will not change,” he said."
    assert excerpts(text, "L103") == ["results.“The"]
    assert excerpts("The count ended after the results. “The policy will not change,” he said.", "L103") == []


def test_a_lower_case_word_glued_to_said_fires_and_prefixed_verbs_are_quiet():
    text = "Carlos Ruiz, a member of the oversight commissionsaid this Friday that an inquiry could open."
    assert excerpts(text, "L105") == ["commissionsaid"]
    assert excerpts("The aforesaid clause was left unsaid, and no one gainsaid the judge.", "L105") == []


def test_a_long_name_glued_to_a_short_function_word_fires():
    text = ("The speech was a message for Argentina and Brazil. It resounded like a veiled message to the "
            "neighbor Argentinaone day after the clash in Congress.")
    assert excerpts(text, "L105") == ["Argentinaone"]
    text = ("Bolsonaro stayed away. Lula began his term without the presence of his predecessor, "
            "Bolsonaroin the inauguration.")
    assert excerpts(text, "L105") == ["Bolsonaroin"]


def test_names_that_end_like_a_function_word_are_quiet():
    # The head is no name the text writes alone, or it is too short to be a name run into a word.
    text = "Clint Eastwood met Bill Clinton in Boston, and Martin saw Mart in Austin on the way to Finland."
    assert excerpts(text, "L105") == []


def test_a_closing_bracket_glued_to_the_next_word_fires():
    text = "The balloons had the colors of the National Party (PN)who were present at the event."
    assert excerpts(text, "L105") == ["(PN)who"]
    assert excerpts("Each applicant must sign the form(s) and (s)he will be called later.", "L105") == []
