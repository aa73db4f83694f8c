"""Untranslated source-language sentences and words in English text."""
from __future__ import annotations

import subprocess
import sys
from importlib import resources

import pytest

from tqcheck.api import check_text
from tqcheck.text.language import function_words


def findings(text, codes=("U101", "U102"), source=None):
    report = check_text(text, target_lang="en", source_lang=source, select=list(codes))
    return [f for f in report.findings if f.code in codes]


ARTICLE = (
    "The regional government approved the plan on Monday.\n\n"
    "{sentence}\n\n"
    "Work on the bridge is expected to take two years."
)


@pytest.mark.parametrize(
    "sentence, lang",
    [
        ("El gobierno regional anunció ayer que las obras del puente comenzarán la próxima semana.", "es"),
        ("Le gouvernement a présenté hier un nouveau projet de loi sur les retraites.", "fr"),
        ("O governo federal anunciou ontem um novo pacote de medidas para a economia.", "pt"),
    ],
)
def test_a_sentence_left_in_the_source_language_is_one_finding_with_its_language(sentence, lang):
    found = findings(ARTICLE.format(sentence=sentence))
    assert [(f.code, f.excerpt, f.source_lang) for f in found] == [("U101", sentence, lang)]


@pytest.mark.parametrize(
    "sentence",
    [
        "The museum lent the Universidad Nacional Autónoma de México three of its paintings.",
        "Fans sang “Cielito lindo” as the team left.",
        "El País reported it first.",
        "Smith, the author of Cien años de soledad: A Reader, spoke on Monday.",
    ],
)
def test_english_sentences_with_spanish_names_are_not_foreign_sentences(sentence):
    assert findings(ARTICLE.format(sentence=sentence), codes=("U101",)) == []


def test_a_stray_source_word_is_flagged():
    [f] = findings("The ayuntamiento approved the new budget on Tuesday.")
    assert (f.code, f.excerpt, f.source_lang) == ("U102", "ayuntamiento", "es")


def test_neighbouring_source_words_make_one_finding():
    [f] = findings("The report on the derechos humanos of migrants was delayed.")
    assert f.excerpt == "derechos humanos"


def test_a_word_whose_accented_letter_was_dropped_is_restored_in_the_message():
    [f] = findings("The inflacin rate rose again in September.")
    assert f.excerpt == "inflacin" and "inflación" in f.message
    [g] = findings("The inflaci\ufffdn rate rose again in September.")
    assert g.excerpt == "inflaci\ufffdn"


def test_a_label_in_the_source_language_is_flagged():
    [f] = findings("Fuente: Agencia Andina")
    assert f.excerpt == "Fuente"


def test_a_legislature_or_court_named_in_the_source_language_is_flagged():
    [f] = findings("The Congreso de la República approved the law on Tuesday.", codes=("U102",))
    assert f.excerpt == "Congreso de la República"
    [g] = findings("The Tribunal Superior Eleitoral will rule on the case next week.", codes=("U102",))
    assert g.excerpt == "Tribunal Superior Eleitoral"
    for text in ("The Consejo Cervantes opened a branch in Dublin.",  # a name: no source word after the noun
                 "The Tribunal Federal ruled on Tuesday.",  # English words after it: perhaps an English name
                 "The tribunal rejected the appeal on Tuesday."):
        assert findings(text, codes=("U102",)) == [], text


def test_a_lowercase_word_of_a_foreign_name_past_its_de_stays_quiet():
    # English news keeps a French or Portuguese institution's name whole: the lowercase word after the
    # name's own "de" / "do" belongs to it, as the one right after the capital does ("Parti québécois").
    assert findings("The government handed the tramway to the Caisse de dépôt last year.", codes=("U102",)) == []
    # an English word before "de" is no foreign name: the Spanish word after it is still reported
    [f] = findings("The Minister de economía presented the budget on Tuesday.", codes=("U102",), source="es")
    assert f.excerpt == "economía"


def test_a_source_function_word_left_at_the_start_of_an_english_sentence_is_flagged():
    [f] = findings("También the unions asked for a meeting with the minister.")
    assert (f.code, f.excerpt, f.source_lang) == ("U102", "También", "es")


@pytest.mark.parametrize(
    "text",
    [
        "“Gracias, amigos,” the coach told the crowd after the final whistle.",  # quoted on purpose
        "Moreno, the new coach, said the team would train on Sunday.",  # a name and its apposition
        "Cependant Holdings, a Canadian firm, bought the mine.",  # a name: no comma after the word
        "Pérez, who leads the union, said the talks would resume.",  # a name English news writes
        "Brasília, the capital, was built in the 1950s.",  # a place name and its apposition
        "Petrópolis, a mountain town, flooded again after the storms.",
    ],
)
def test_a_capitalised_word_opening_a_sentence_needs_a_source_function_word(text):
    assert findings(text, codes=("U102",)) == []


@pytest.mark.parametrize(
    "text",
    [
        "The decision of the Ayuntamiento de Sevilla surprised residents.",  # a name
        "Crowds filled the plaza for the fiesta and stayed for the tapas.",  # loanwords
        "Our walk through the bustling mercados of Puebla ended at the cathedral.",  # travel writing's loanword
        "Supporters of chavismo marched through Caracas.",  # a loanword kept in data
        "The airline lost 2 billion reais last year, and the dollar closed at 5.14 reais.",  # English's plural of the real
        "The writer, an habitué of the city's cafés, met carabineros at the estancia.",  # loanwords kept in data
        "Farmers still call it “la sequía grande” and fear its return.",  # quoted on purpose
        "The so-called ayuntamiento system dates from the Middle Ages.",  # introduced as a term
        "The daily briefing, known as la mañanera, runs for three hours.",  # introduced as a term, article and all
        "The town council, known as the ayuntamiento, meets on Fridays.",  # introduced as a term
        "The ayuntamiento (town council) meets on Fridays.",  # glossed
        "See www.gobierno.es/informe for the measures.",  # an address
        "Breeding between Geospiza fortes and other finches was observed.",  # a Latin binomial
        "The pro-gobierno rally drew thousands.",  # part of a compound
        "Cooks added *sofrito* to the pan.",  # italics
    ],
)
def test_deliberate_or_established_foreign_words_are_left_alone(text):
    assert findings(text, codes=("U102",)) == []


def test_a_word_after_known_as_with_something_else_between_still_counts():
    # "as" and an article may stand between the cue and the term, not a content word
    text = "The council, known for its patience, approved the ayuntamiento budget on Friday."
    assert [f.code for f in findings(text, codes=("U102",))] == ["U102"]


def test_a_word_is_only_flagged_for_the_source_language_given():
    text = "The ayuntamiento approved the new budget on Tuesday."
    assert findings(text, source="es")
    assert findings(text, source="fr") == []


def test_native_english_prose_is_quiet():
    text = (
        "Shares rose sharply on Tuesday after the central bank held interest rates steady, "
        "and analysts said the decision had been widely expected. The governor told reporters "
        "in Washington that inflation was easing, though food and energy prices remained high."
    )
    assert findings(text) == []


def test_wordfreq_is_not_needed_at_run_time():
    code = (
        "import sys\n"
        "from tqcheck.api import check_text\n"
        "check_text('The ayuntamiento approved the budget.', target_lang='en', select=['U'])\n"
        "print('wordfreq' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


@pytest.mark.parametrize("pair", ["es-en", "fr-en", "pt-en"])
def test_generated_word_lists_hold_no_english_function_words_and_restore_to_listed_words(pair):
    text = resources.files("tqcheck.data").joinpath(pair, "source_words.txt").read_text("utf-8")
    assert "CC BY-SA 4.0" in text and "wordfreq" in text  # the licence and source travel with the data
    body = "\n".join(line for line in text.splitlines() if not line.startswith("#"))
    words_part, _, rest = body.strip("\n").partition("\n\n")
    forms_part, _, accented_part = rest.partition("\n\n")
    words = words_part.split()
    assert words == sorted(set(words)) and len(words) > 5000
    listed = set(words)
    assert not listed & function_words()["en"]
    for line in forms_part.splitlines():
        form, word = line.split("\t")
        assert word in listed and form not in listed
    accented = accented_part.split()  # lowercase words English writes with accents
    assert accented == sorted(set(accented)) and {"café", "née", "façade"} <= set(accented)
    assert not {"más", "não", "está"} & set(accented)  # source words English text only quotes


def _excerpts(text, source=None):
    return [f.excerpt for f in findings(text, source=source)]


def test_the_source_and_between_two_names_is_flagged():
    assert _excerpts("The coach will miss Marcos Acuña Y Julián Ortega on Sunday.") == ["Acuña Y Julián"]
    assert _excerpts("The mayor named Rosa Medina y Carlos Fuentes as her new deputies.") == ["Medina y Carlos"]
    assert _excerpts("The court heard Pedro Souza e Paulo Mendes on Tuesday.") == ["Souza e Paulo"]


def test_names_english_keeps_with_their_and_are_quiet():
    assert _excerpts("Santiago Ramón y Cajal won the Nobel Prize in 1906, as did the Ortega y Gasset school.") == []
    assert _excerpts("Marketers keep chasing Generation Y Americans and sell Vitamin E Capsules.") == []


def test_a_name_half_translated_is_flagged():
    text = "The orchestra played at the Biblioteca Nacional de Spain and then for Banco do Brazil clients."
    assert _excerpts(text) == ["Nacional de Spain", "Banco do Brazil"]
    assert _excerpts("The Tour de France and the Banque de France are French names.") == []


def test_a_brazilian_state_abbreviation_after_a_town_is_flagged():
    assert _excerpts("The governor opened the hospital in Campinas (SP) on Friday.") == ["(SP)"]
    assert _excerpts("The senator (D-NY) met the governor of Texas (R) and reporters (AP) on Friday.") == []
    # the letters are the initials of the name before them: a party's own acronym, not São Paulo's code
    assert _excerpts("Parties like the Samajwadi Party (SP) gained seats in the Lok Sabha.") == []


def test_a_word_cut_at_the_end_of_the_file_is_not_foreign():
    # "revenu" is French, but here the text stops inside "revenue".
    assert _excerpts("The council will have to close two libraries unless its revenu") == []
    assert _excerpts("The council will have to close two libraries unless its revenu grows.") == ["revenu"]


def test_a_lowercase_word_of_a_foreign_name_is_part_of_the_name():
    assert _excerpts("The Parti québécois spoke of a difficult year, and the Rassemblement national agreed.") == []
    assert _excerpts("The ayuntamiento approved the budget.") == ["ayuntamiento"]


def test_a_lowercase_word_after_the_noun_opening_a_party_name_is_part_of_the_name():
    assert _excerpts("The Parti socialiste and the Parti communiste français backed the bill.") == []
    assert _excerpts("Members of the Partido socialista obrero marched in Madrid on Sunday.") == []
    # Outside a party's name the same words are still French.
    assert _excerpts("The mayor, a militant socialiste, backed the bill.") == ["socialiste"]


def test_a_lowercase_word_between_two_capitalised_words_of_a_name_is_part_of_it():
    # Quebec's parties keep their French names in English news, lowercase words and all.
    assert _excerpts("Before entering the assembly, he founded Action démocratique Québec, a centre-right party.") == []
    assert _excerpts("Voters in Chicoutimi backed the Parti libéral du Québec candidate.") == []
    # a foreign word with no capitalised word after it is still foreign
    assert _excerpts("Before entering the assembly, he founded a démocratique movement.") == ["démocratique"]


def test_english_plurals_of_loanwords_are_not_foreign():
    assert _excerpts("Military juntas ruled both countries for a decade, and the town fiestas went on.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Critics called it a déjà vu moment for the party.",
        "He felt a sense of deja vu as the same maître d’ greeted him at the door.",  # accents dropped, curly apostrophe
        "The vote was the coup de grâce for a government already fighting for its life.",
        "The mayor, a bon vivant, said au revoir to the last guests of the table d'hôte.",
        "The hotel's Art Deco lobby and its art déco bar were restored.",
        "The singers went mano a mano while the band played bossa nova, and the couple danced a paso doble.",
        "Some critics found the plot passé.",
    ],
)
def test_set_phrases_english_borrowed_whole_are_english(text):
    assert _excerpts(text) == []


def test_a_word_of_a_borrowed_phrase_is_still_foreign_outside_it():
    assert _excerpts("The project advanced grâce à the new funds from the region.") == ["grâce"]
    assert _excerpts("The minister had déjà signed the decree before the vote.") == ["déjà"]


def test_a_rare_accented_source_word_is_flagged_by_its_spelling():
    # Too rare for the frequency lists; its accents are not English spelling.
    assert _excerpts("The council approved the descontaminación plan for the river on Tuesday.") == [
        "descontaminación"]
    assert _excerpts("The prefeitura announced the obras de pavimentação in the north.") == [
        "prefeitura", "obras de pavimentação"]


def test_accented_words_english_uses_and_foreign_names_are_quiet():
    assert _excerpts("They ordered crème brûlée and a café crème after the meeting.") == []
    assert _excerpts("Her mother, née Dupont, kept the façade of the old hotel.") == []
    assert _excerpts("The army staged a coup d’état in the capital.") == []
    assert _excerpts("The talks with Descontaminación Ambiental, a firm, resumed on Tuesday.") == []
    assert _excerpts("Critics of the über-rich gathered in Zürich on Tuesday.") == []
    # an English word given French accents on purpose: an engine would have written "general", "role"
    assert _excerpts("The scrum-half played the petit général for the whole second half.") == []
    assert _excerpts("She took on the rôle of chief negotiator at the talks.") == []


def test_a_public_body_named_in_the_source_language_is_flagged():
    assert _excerpts("The Ministerio de Salud confirmed three new cases on Monday.") == ["Ministerio de Salud"]
    assert _excerpts("The Secretaría de Hacienda y Crédito Público raised its forecast.") == [
        "Secretaría de Hacienda y Crédito Público"]
    assert _excerpts("The forecast of the IMF [Fundo Monetário Internacional] was revised.") == [
        "Fundo Monetário Internacional"]


def test_names_english_keeps_or_that_hold_no_source_word_are_quiet():
    assert _excerpts("The Gobierno Federal building stands on the main square.") == []
    assert _excerpts("Frente Amplio and Partido dos Trabalhadores won seats on Sunday.") == []
    assert _excerpts("He chairs the board of Banco Fondo Común in Caracas.") == []


def test_a_source_article_left_before_an_english_name_is_flagged():
    found = findings("O Foundation for Press Freedom reported on Monday that 13 reporters were attacked.")
    assert [(f.excerpt, f.source_lang) for f in found] == [("O Foundation", "pt")]
    found = findings("The workers of Los Company went on strike in March.")
    assert [f.excerpt for f in found] == ["Los Company"]


def test_names_the_source_languages_share_and_calls_keep_their_article():
    for text in [
        "Le Pen said she would run again in 2027.",
        "Marine Le Pen said she would run again in 2027.",
        "Las Vegas and Los Angeles lost tourists in the spring.",
        "Del Monte Foods raised its prices in May.",
        "Le Point published the interview on Friday.",
        "O Lord, hear our prayer, the choir sang at the funeral.",
        "O Globo published the interview on Sunday.",
    ]:
        assert findings(text) == [], text


def test_a_french_body_named_with_its_lowercase_adjective_is_flagged():
    assert _excerpts("The Assemblée nationale approved the budget after a long debate.") == ["Assemblée nationale"]
    assert _excerpts("The lawyers asked the Conseil constitutionnel to review the reform.") == [
        "Conseil constitutionnel"]


def test_a_body_head_followed_by_english_words_is_quiet():
    assert _excerpts("The Conseil approved the plan on Monday.") == []
    assert _excerpts("The Assemblée voted late at night, and the government won.") == []


def test_a_name_given_with_its_own_acronym_is_kept_on_purpose():
    """Native English keeps a body's own French or Spanish name when it gives the acronym after it."""
    kept = [
        "Tenants can appeal to the Tribunal administratif du logement (TAL) within thirty days.",
        "Members of the Fédération des locataires de Montréal (FLM) marched to city hall on Saturday.",
    ]
    for sentence in kept:
        assert [f for f in findings(sentence) if f.severity.value != "info"] == [], sentence
    # without the acronym, or with one that does not spell the name, the same names still count
    assert findings("Tenants can appeal to the Tribunal administratif du logement within thirty days.")
    assert findings("Tenants can appeal to the Tribunal administratif du logement (CBC) within thirty days.")


def test_french_name_opened_by_office_is_kept():
    """Canadian English keeps the French name of a body opened by "Office"; lowercase French elsewhere still counts."""
    kept = "Complaints about shop signs go to the Office québécois de la langue française, which can impose fines."
    assert [f for f in findings(kept) if f.severity.value != "info"] == []
    assert findings("Complaints about shop signs go to the office québécois de la langue française, which can impose fines.")


@pytest.mark.parametrize(
    "other_words, lang",
    [
        # "bancada" is Spanish and Portuguese alike; the file's other stray words say which it is
        ("The prefeito of the city and the vereadores were absent.", "pt"),
        ("The alcalde of the city and the regidores were absent.", "es"),
    ],
)
def test_a_word_two_source_languages_share_is_named_in_the_language_of_the_files_other_stray_words(
        other_words, lang):
    text = f"{other_words}\n\nThe bancada of the ruling party voted against the bill on Tuesday."
    [shared] = [f for f in findings(text, codes=("U102",)) if f.excerpt == "bancada"]
    assert shared.source_lang == lang
    assert {"pt": "Portuguese", "es": "Spanish"}[lang] in shared.message


def test_a_source_term_given_after_its_translation_and_or_is_a_gloss():
    # the writer translates first, then names the local term: "a six-year term, or sexenio"
    assert _excerpts("Mexican presidents serve a single six-year term, or sexenio.") == []
    assert _excerpts("Each president serves one six-year term, or sexenio, and cannot run again.") == []
    # the same word used as if it were English is still Spanish
    assert _excerpts("The president said that the sexenio would end in December.") == ["sexenio"]


def test_lowercase_words_between_a_names_head_and_its_place_are_part_of_the_name():
    # French capitalises a body's first word and its place name; English news keeps the name whole
    assert _excerpts("The trip was organised by the Bureau du cinéma et de la télévision du Québec and a studio.") == []
    # with no capitalised head before its preposition the words are French prose
    assert _excerpts("The mayor spoke of the bureau du cinéma et de la télévision du Québec on Monday.") \
        == ["cinéma et de la télévision"]


@pytest.mark.parametrize(
    "text",
    [
        "Britons living in France had to apply for a carte de séjour before the deadline.",
        "Holders of cartes de séjour must update their address within three months.",
        "If you move to another département, the new préfecture handles your card.",
        "The stage finishes on the hors catégorie climb of the Grand Colombier.",
        "The longest piste of the resort opens for night skiing every Saturday.",  # an English word
    ],
)
def test_french_terms_english_writing_about_france_keeps_are_english(text):
    assert _excerpts(text) == []


def test_a_word_of_those_terms_is_still_french_elsewhere():
    assert _excerpts("The minister promised the tourists a longer séjour in the capital.") == ["séjour"]
    assert _excerpts("The riders climbed a hill of the first catégorie before the descent.") == ["catégorie"]


def test_an_english_word_spelt_as_a_source_word_without_its_accents_is_english():
    assert _excerpts("Endocrine-disrupting compounds, such as BPA, parabens and some antimicrobials, were found.") == []
    # the Portuguese word with its accents is still Portuguese
    assert _excerpts("The players sang parabéns to their coach after training.") == ["parabéns"]


@pytest.mark.parametrize(
    "text",
    [
        "For all its tedious longueurs about the war, the novel is the most believable of the year.",
        "The Swedish chanteuse has a new single out this week and a tour in the spring.",
        "Is a degustation menu special when every course is picked from the regular menu?",
        "If you are baking a galette or a gateaux for the party, the village shop has eggs.",
    ],
)
def test_french_words_english_dictionaries_list_stay_quiet(text):
    assert findings(text, codes=("U102",)) == []


@pytest.mark.parametrize(
    "text",
    [
        "La fille coupée en deux, the film’s French title, says more than the English one.",
        "Cien años de soledad, its original Spanish title, was kept on the first edition's cover.",
    ],
)
def test_a_foreign_title_named_as_such_by_its_apposition_stays_quiet(text):
    assert findings(text, codes=("U102",)) == []


@pytest.mark.parametrize(
    "text, word",
    [
        ("The dégustation of the wines began at noon, the organisers said.", "dégustation"),
        ("The ayuntamiento, the town's council, approved the budget on Tuesday.", "ayuntamiento"),
    ],
)
def test_a_source_word_beside_an_apposition_that_is_no_title_still_counts(text, word):
    assert [text[f.start:f.end] for f in findings(text, codes=("U102",))] == [word]


def test_lowercase_words_of_a_name_past_its_function_words_stay_quiet():
    # a company's French name, capitalised at both ends with "une" before its next capital
    assert findings("Our guide runs tours with Il etait une Fois Kebec in the old town.", codes=("U102",)) == []
    # the same words after an English article are no name: a translation left them
    assert [f.excerpt for f in findings("The minister said that the gobierno de la Nación would pay.",
                                        codes=("U102",))] == ["gobierno"]
