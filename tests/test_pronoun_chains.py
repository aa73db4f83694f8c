"""Pronoun chains (S105): in a stretch that speaks of one woman only, every "he"/"his" after the text has told she is a
woman is a guess of the translation; and the native-English texts where such a "he" means someone else."""
from __future__ import annotations

from conftest import detector_excerpts as excerpts

ARTICLE = (
    "Honduran President Xiomara Castro arrived in Brussels on Monday for the summit of the two regions. The president "
    "met with the President of the European Council, Charles Michel, and with the Prime Minister of Spain, "
    "Pedro Sánchez."
    "\n\nIn her speech before the plenary, Castro asked for fair trade between the two regions. He added that his "
    "country needs investment in roads and ports and that Honduras will not accept conditions."
    "\n\n“We are nobody's backyard,” he said."
    "\n\nThe head of state also met with business leaders. He announced that his government will present a plan "
    "in March. He trusts that his country will receive the first funds before the end of the year."
)


def test_the_chain_goes_on_over_every_he_until_someone_else_is_named():
    # The "He" just after her name starts it; the chain then crosses the quotation's own paragraph ("he said"), and
    # the next paragraph too, since she is the one the article is about.
    assert excerpts(ARTICLE, "S105") == ["He", "his", "he said", "He", "his", "He", "his"]
    # someone else named before the last paragraph may be the man meant from there on
    text = ARTICLE.replace("The head of state also met with business leaders.",
                           "The head of state also met Prime Minister Pedro Sánchez.")
    assert excerpts(text, "S105") == ["He", "his", "he said"]


def test_one_she_or_her_tells_the_gender_of_someone_the_name_lists_cannot():
    # "Boluarte" after a title only, and "the president" with no name at all: the text's "her" says she is a woman.
    text = ("Peruvian President Boluarte traveled to Cusco on Sunday after the floods. The president said her "
            "government will rebuild the bridges in three months. He added that his ministers will stay in the region.")
    assert excerpts(text, "S105") == ["He", "his"]
    text = ("The president of Honduras spoke at the summit on Tuesday. The president said her government would not "
            "accept the conditions. He added that his country needs investment.")
    assert excerpts(text, "S105") == ["He", "his"]
    # no "she" or "her": nothing says the president is a woman
    assert excerpts(text.replace("her government", "the government"), "S105") == []


def test_the_man_named_just_before_her_may_be_the_one_meant():
    for text in [
        "John Baker met Mary Jones at the station. She was tired. She told him to leave. He said nothing.",
        "John Baker resigned on Monday. The shares fell. Mary Jones will replace him. She said she was honoured.",
        "Tom Baker waited at the station. The train was late. Mary Jones arrived at noon. She was tired. "
        "He said nothing.",
        "Tom Baker and Mary Jones argued for an hour. She wanted to leave. He wanted to stay.",
    ]:
        assert excerpts(text, "S105") == [], text


def test_a_he_that_acts_on_her_or_speaks_in_her_quotation_is_someone_else():
    for text in [
        # "He followed her": a man who is not she, though the text never names him
        "Mary Jones told police she had been attacked on her way home. He had followed her for two blocks, she said.",
        "Mary Jones met her lawyer on Friday. She said he had advised her not to speak.",
        # a quotation that speaks of a man: he may be the one meant next
        "Mary Jones spoke on Monday. “He lied to us,” she said. He has not answered.",
        # anyone
        "Mary Jones said every voter must bring his or her card. She said he should bring it to the school.",
    ]:
        assert excerpts(text, "S105") == [], text


def test_someone_the_name_lists_do_not_know_ends_the_stretch():
    # "Putin" is in no name list, but a capitalised word mid-sentence that is no place, body, month or nationality
    # may be the man meant; "in Moscow", "to Cusco" after a verb of going, "Congress" are not.
    text = ("Senator Mary Jones met Putin in Moscow on Monday. She said that the talks went well. The weather was "
            "cold. The talks lasted four hours. He added that his country is open.")
    assert excerpts(text, "S105") == []
    text = text.replace("met Putin in Moscow", "arrived in Moscow")
    assert excerpts(text, "S105") == ["He", "his"]
    text = ("Senator Mary Jones traveled to Cusco on Monday. She said that Congress must act. The vote is due in May. "
            "The session lasted four hours. He added that his party is ready.")
    assert excerpts(text, "S105") == ["He", "his"]
    assert excerpts(text.replace("traveled to Cusco", "spoke to Okonkwo"), "S105") == []


def test_a_paragraph_opening_on_he_turns_to_the_main_person_when_she_is_not_it():
    # The article is about Luis Mora; the woman is quoted in passing, and "He" opening the next paragraph is Mora.
    text = ("Luis Mora won the runoff with 52 percent. Mora will take office in January.\n\n"
            "The session will be opened by deputy Ana Ruiz. “The date was moved forward,” Ruiz said. "
            "She added that the ceremony will be short.\n\n"
            "He obtained 52 percent of the votes against his rival.")
    assert excerpts(text, "S105") == []


def test_a_noun_saying_what_she_is_names_no_one_else():
    # "a reliable partner" after "is" is what Honduras is, not a man who might be meant
    text = ("The president of Honduras, Xiomara Castro, spoke in Brussels on Monday. She said that Honduras is a "
            "reliable partner and he announced that his government will open an office there.")
    assert excerpts(text, "S105") == ["he", "his"]
    text = text.replace("is a reliable partner and he", "met a reliable partner and he")
    assert excerpts(text, "S105") == []


def test_her_of_a_country_before_a_mans_name_says_nothing_of_him():
    # "her" written for a country, then a man the name lists do not know: no woman here
    text = ("India tried to keep peace despite her neighbours, Prime Minister Ravindra Modak said in his tribute to "
            "the soldiers. In his speech he thanked the families.")
    assert excerpts(text, "S105") == []


def test_a_his_after_a_pronoun_for_anyone_is_generic():
    # "anyone who… his", "no one… his": English's generic "his", not her
    for who in ["anyone who wants to vote", "whoever wins the seat", "no one in the district"]:
        text = f"Senator Mary Jones spoke on Monday. She said that {who} must keep his promises."
        assert excerpts(text, "S105") == [], text
    text = ("Senator Mary Jones spoke on Monday. She said that the voters must keep their promises. "
            "He added that his office will help.")
    assert excerpts(text, "S105") == ["He", "his"]


def test_her_surname_alone_is_she_even_when_the_lists_miss_her_first_name():
    # "Delcy" is in no name list: "Rodríguez" is still the woman named "Delcy Rodríguez", and her "her" says so
    text = ("Delcy Rodríguez spoke to the press on Tuesday in the capital. Rodríguez said that her government will "
            "present the budget in March. He added that his ministers will travel to the north.")
    assert excerpts(text, "S105") == ["He", "his"]
    # someone named in full between her and "He" may be the man meant
    text = text.replace("He added", "Carlos Pérez spoke next. He added")
    assert excerpts(text, "S105") == []


def test_a_channel_an_institution_and_a_people_name_no_one():
    # "TV Peru" (an acronym and a country), "his Executive" (translation's capital for the government), "Peruvians":
    # no man who could be meant; and "his" before her own "she" in one sentence is hers too
    text = ("The president of Peru, Dina Boluarte, said on Tuesday that her government will not resign and will work "
            "for all Peruvians. “We will not allow violence,” he said in a message broadcast by TV Peru. He announced "
            "that his Executive will present a bill. The president added that his commitment is total and that she "
            "will not rest.")
    assert excerpts(text, "S105") == ["he said", "He", "his", "his"]
    # a body that speaks may speak of anyone
    text = ("The president of Peru, Dina Boluarte, said on Tuesday that her government will not resign. "
            "The Foreign Ministry said his visit would last two days.")
    assert excerpts(text, "S105") == []


def test_a_party_named_by_an_adjective_an_abstract_noun_or_a_country_is_no_one_who_may_be_meant():
    # "Fuerza Popular", "Citizen Revolution", "Free Peru": capitalised words that hold a word no name is made of
    text = ("Congresswoman Rosa Quispe presented the motion on Monday. She said that her bench will vote as one. "
            "The proposal was backed by Fuerza Popular and Renovación Popular. He added that his party will not "
            "negotiate.")
    assert excerpts(text, "S105") == ["He", "his"]
    assert excerpts(text.replace("Fuerza Popular and Renovación Popular", "Free Peru and Citizen Revolution"),
                    "S105") == ["He", "his"]
    # a name the lists do not know may be the man meant; so may a man named after a title, whatever his surname
    assert excerpts(text.replace("Fuerza Popular", "Kwabena Owusu"), "S105") == []
    text = ("Senator Mary Jones met Secretary of State Xu Wen on Monday. She said the talks went well. "
            "He said his country was ready.")
    assert excerpts(text, "S105") == []


def test_the_speaker_of_a_quotation_that_names_someone_else_is_still_she():
    opening = ("The Minister of Justice, Laura Benítez, defended the reform on Wednesday. She said that her ministry "
               "had consulted the judges.\n\n")
    # a man named inside the quotation is not its speaker: the "he" attributing it, and the "He added" after, are hers
    text = opening + ("“The former president Castillo left the courts in ruins,” he said at the end of the session."
                      "\n\nHe added that his team will publish the text on Friday.")
    assert excerpts(text, "S105") == ["he said", "He", "his"]
    text = opening + ("“We will not let Okonkwo return,” he said at the end of the session. He added that his team "
                      "will publish the text on Friday.")
    assert excerpts(text, "S105") == ["he said", "He", "his"]
    # her own "she said" after it: a later "He" may be the man she spoke of
    text = opening + ("“The former president Castillo left the courts in ruins,” she said at the end of the session."
                      "\n\nHe was arrested in December and remains in prison.")
    assert excerpts(text, "S105") == []
    # a quotation speaking of "the president", who may be she: its speaker is someone else
    text = opening + ("“The president will not sign it,” he said at the end of the session.\n\nHe added that his "
                      "team will publish the text on Friday.")
    assert excerpts(text, "S105") == []


def test_another_word_for_her_office_means_her():
    # "the ruler" after "President Marta Quispe": the holder of her office, whom the text named; a mayor is no ruler
    text = ("President Marta Quispe opened the session on Monday. She said her party will vote. The ruler added that "
            "his cabinet is ready.")
    assert excerpts(text, "S105") == ["his"]
    assert excerpts(text.replace("President Marta", "Mayor Marta"), "S105") == []


def test_native_writers_switching_to_a_man_stay_quiet():
    for text in [
        # a man named in a party's history
        "Senator Mary Jones joined Popular Renewal in 2010, the party founded by Rafael López Aliaga. She said the "
        "party had changed. He founded it after his term as mayor.",
        # anyone; an organisation's "its"
        "Senator Mary Jones said on Monday that every candidate must present his or her accounts. She added that "
        "the Electoral Commission will publish its list in May.",
        "The National Electoral Jury said its decision was final. Senator Mary Jones said she would appeal. The jury "
        "said its members had voted unanimously.",
        # a quotation about someone else
        "Senator Mary Jones spoke on Monday. “My opponent has never explained where his money came from,” she said. "
        "He has denied any wrongdoing.",
        # a man named between
        "Senator Mary Jones met the Foreign Minister, Tom Baker, on Monday. She said the talks went well. He said his "
        "country was ready to help.",
        "Prime Minister Jacinda Ardern announced her resignation on Thursday. “I know what this job takes,” she said. "
        "Her deputy Grant Robertson said he would not stand. He praised her leadership.",
    ]:
        assert excerpts(text, "S105") == [], text


def test_a_relative_that_a_body_named_after_on_and_a_coordinated_place_name_no_one():
    # "the incidents that have occurred": "that" is no determiner, "have" no person
    text = ("Senator Ana Ruiz condemned the attacks on Monday. She said that her office will review the incidents "
            "that have occurred in the north. He added that his team will travel there.")
    assert excerpts(text, "S105") == ["He", "his"]
    assert excerpts(text.replace("her office will review the incidents that have occurred",
                                 "the judge will review the incidents"), "S105") == []
    # "the Commission on Human Rights": a body's name goes on after "on", as after "of"
    text = ("President Marta Quispe received the Commission on Human Rights on Friday. She said her government has "
            "nothing to hide. He added that his ministers will answer every question.")
    assert excerpts(text, "S105") == ["He", "his"]
    assert excerpts(text.replace("the Commission on Human Rights", "Kwabena Owusu"), "S105") == []
    # "to Puno and Cusco": a word joined to a place by "and" is a place too; "met Putin and Okonkwo" is not
    text = ("Senator Mary Jones traveled to Puno and Cusco on Monday. She said that the roads must be rebuilt. "
            "He added that his office will pay for it.")
    assert excerpts(text, "S105") == ["He", "his"]
    assert excerpts(text.replace("traveled to Puno and Cusco", "met Putin and Okonkwo"), "S105") == []
    assert excerpts(text.replace("traveled to Puno and Cusco", "met Putin"), "S105") == []


def test_a_first_surname_written_alone_is_the_woman_named_with_two():
    # Spanish and Portuguese names carry two surnames and use the first: "Moreno" is Claudia Moreno Pardo
    text = ("Claudia Moreno Pardo visited the port on Monday. Moreno said that her government will invest in it. "
            "He added that his ministers will return in May.")
    assert excerpts(text, "S105") == ["He", "his"]
    # unless someone else bears it as the last word of their own name
    text = ("Claudia Moreno Pardo visited the port with Luis Moreno on Monday. Moreno said that the government will "
            "invest in it. He added that his ministers will return in May.")
    assert excerpts(text, "S105") == []


def test_her_own_pronoun_after_her_name_says_she_is_a_person_and_a_woman():
    # no title, no reporting verb: "her" after the name is what says the name is hers
    text = ("Tom Baker left the hall at noon. The meeting went on. Cristina Fernández finished her speech in the "
            "afternoon. He added that his party will present a bill.")
    assert excerpts(text, "S105") == ["He", "his"]
    # "his" after her name says nothing (it may be the translation's, or someone else's)
    assert excerpts(text.replace("finished her speech", "finished his speech"), "S105") == []


def test_a_surname_two_people_bear_is_each_ones_and_alone_either():
    # "Néstor Ramos" does not make "Cristina Ramos" a man, nor a person of either gender
    text = ("Néstor Ramos founded the party in 1990. Years later, the congress chose a new leader. Cristina Ramos said "
            "on Friday that her party will run in every province. He added that his candidates are ready.")
    assert excerpts(text, "S105") == ["He", "his"]
    # "Ramos" alone may be either of them
    assert excerpts(text.replace("Cristina Ramos said", "Ramos said"), "S105") == []


def test_a_title_that_opens_a_new_clause_after_a_name_is_not_his_apposition():
    # "Tomás Vidal, the regional president stressed that she…": the president is the woman speaking, not Vidal
    assert excerpts("Regarding President Tomás Vidal, the regional president stressed that she sees him as a rival.",
                    "S105") == []


def test_a_he_acting_on_her_keeps_the_nearby_rule_quiet_but_her_possessive_does_not():
    # "He had followed her": a man who is not she (the name now says she is a woman, by her own "she")
    text = "Mary Jones told police she had been attacked on her way home. He had followed her for two blocks, she said."
    assert excerpts(text, "S105") == []
    # "He said her government": the translation's two pronouns for one woman
    assert excerpts("Minister Mary Jones spoke on Monday. He said her government will act.", "S105") == ["He"]


def test_one_her_after_a_title_and_its_reporting_verb_tells_the_title_is_a_woman():
    # "The future president said that her cabinet…": no other woman named there for "her" to be
    text = ("Ana Ruiz and Tomás Vidal met the unions on Monday. The talks lasted four hours. The future president "
            "said that her cabinet will be small. He added that his ministers will be named in May.")
    assert excerpts(text, "S105") == ["He", "his"]
    assert excerpts(text.replace("that her cabinet", "that the cabinet"), "S105") == []
    # a woman named just before may be the "her": "the president" stays of either gender
    for text in ["Mary Jones won the primary on Tuesday. The president said her victory was deserved. He added that "
                 "his party must unite.",
                 "Mary Jones won the primary on Tuesday. The president said that she deserved it. He added that his "
                 "party must unite."]:
        assert excerpts(text, "S105") == [], text


def test_a_relative_of_her_surname_with_a_first_name_the_lists_miss_is_someone_else():
    # "Suso Ruiz" is not "Yolanda Ruiz": a capitalised word before her surname, mid-sentence, is his own first name
    text = ("Senator Yolanda Ruiz spoke in Congress on Wednesday, a day after the death of her father, Suso Ruiz. "
            "She thanked her colleagues.\n\nSuso Ruiz died on Tuesday night. He was 81 years old and had led the "
            "miners' union for twenty years.")
    assert excerpts(text, "S105") == []
    # her own surname written alone, or after the particle of her name, is still she
    text = ("Cristina Fernández de Kirchner spoke on Friday. Fernández de Kirchner said that her party will win. "
            "He added that his candidates are ready.")
    assert excerpts(text, "S105") == ["He", "his"]


def test_a_title_that_goes_on_with_her_words_is_the_woman_named_by_her_surname_alone():
    # "Quispe" alone says no gender; "The president also assured that her government…" goes on with what she said,
    # so the president is Quispe, and the "He added… his" after it is the translation's guess
    text = ("Quispe spoke to the diplomats on Monday. “We will not tolerate violence,” Quispe said. The president also "
            "assured that her government will cooperate. He added that his ministers will travel to the south.")
    assert excerpts(text, "S105") == ["He", "his"]
    # a generic person word inside her quotation ("criminal and violent actions") is no one who could be meant
    assert excerpts(text.replace("tolerate violence", "tolerate criminal and violent actions"), "S105") == ["He", "his"]


def test_a_title_that_is_not_hers_or_meant_someone_before_is_someone_else():
    for text in [
        # a senator is no president
        "Senator Marta Quispe said on Monday that the bill is ready. The president added that the bill would fail. "
        "He said his veto was ready.",
        # "the president" she met is not she
        "Marta Quispe and her party met the president on Monday. The talks lasted four hours. The weather was cold. "
        "“We will not tolerate violence,” Quispe said. The president added that the government will cooperate. He "
        "added that his ministers will travel to the south.",
        # she won and said nothing: the one who adds something is someone else
        "Marta Quispe and her party won the vote on Monday. The president added that the victory was deserved. He "
        "said his party must unite.",
    ]:
        assert excerpts(text, "S105") == [], text


def test_a_title_and_what_it_is_of_name_no_one_and_say_she_is_a_person():
    # ", Minister of Mines and Energy,": her apposition, not someone named "of Mines", nor a man named "Energy"
    text = ("Marta Quispe, Minister of Mines and Energy, spoke on Monday. She said her ministry will present the plan "
            "in March. He added that his team will travel to the mines.")
    assert excerpts(text, "S105") == ["He", "his"]
    # the President of Brazil she met is someone, who may be the man meant
    text = ("Marta Quispe met the President of Brazil on Monday. She said the talks went well. He added that his "
            "country will invest in the mines.")
    assert excerpts(text, "S105") == []


def test_her_surname_alone_is_hers_until_someone_else_bearing_it_is_named():
    # "Tomás Ruiz" in a link below the article: the "Ruiz" written before him can only be the senator
    text = ("Senator Yolanda Ruiz arrived at noon. Pablo Soto left early. The talks lasted four hours. The weather was "
            "cold. The vote is on Friday. Ruiz said that the budget is unfair. He added that his bench will vote "
            "against it.\n\nSee also: Tomás Ruiz wins the race in the north")
    assert excerpts(text, "S105") == ["He", "his"]
    # named before it, he is one whom "Ruiz" may mean
    text = ("Senator Yolanda Ruiz arrived at noon. Tomás Ruiz left early. The talks lasted four hours. The weather was "
            "cold. The vote is on Friday. Ruiz said that the budget is unfair. He added that his bench will vote "
            "against it.")
    assert excerpts(text, "S105") == []
