"""False-friend detectors: context decides, each source language uses its own data, one finding per span."""
from __future__ import annotations

from tqcheck.api import check_text


def _findings(text, source=None, select=("F1",), target="en"):
    report = check_text(text, target_lang=target, source_lang=source, select=list(select))
    return report.findings


def test_unknown_source_reports_a_shared_false_friend_once_naming_every_language():
    found = _findings("The union realized a survey of its members in May.")
    assert [(f.code, f.excerpt) for f in found] == [("F101", "realized a survey")]
    assert "Spanish “realizar”" in found[0].message
    assert "French “réaliser”" in found[0].message
    assert "Portuguese “realizar”" in found[0].message
    assert found[0].source_lang == "es"


def test_known_source_uses_only_that_languages_data():
    vacancy = "Congress voted on the vacancy motion against the president."
    assert [f.excerpt for f in _findings(vacancy, source="es")] == ["vacancy motion"]
    assert _findings(vacancy, source="fr") == []
    selic = "The bank raised the Selic tax again."
    assert [f.source_lang for f in _findings(selic, source="pt")] == ["pt"]
    assert _findings(selic, source="es") == []


def test_french_false_friend_is_attributed_to_french():
    found = _findings("The ancient president of the club was questioned by the police.", source="fr")
    assert [(f.excerpt, f.source_lang) for f in found] == [("The ancient president", "fr")]
    assert "former" in found[0].suggestion


def test_ordinary_english_uses_of_the_same_words_are_quiet():
    quiet = [
        "She realized the survey was flawed and withdrew it.",
        "The company realized a profit of two million dollars.",
        "The governor reached a compromise with the opposition on the budget.",
        "It was a sensible decision to postpone the vote.",
        "Rest assured that the economy will grow, the minister told voters.",
        "The emir, the ruler of the Gulf state, met the president.",
        "Nurses attended to the needs of the wounded.",
        "Several people were blessed with good weather for the parade.",
    ]
    for sentence in quiet:
        assert _findings(sentence) == [], sentence


def test_context_turns_a_word_into_a_false_friend():
    assert _findings("The president of the republic, the Peruvian ruler, asked Congress for a vote.", source="es")
    assert not _findings("The king, an absolute ruler, asked parliament for a vote.", source="es")


def test_hit_group_narrows_the_span_to_the_verb():
    found = _findings("Last week the minister assured that the economy would grow.", source="es")
    assert [f.excerpt for f in found] == ["assured"]


def test_ambiguous_readings_are_info_and_do_not_count():
    found = _findings("The ministry pretends to launch the programme next year.", source="es", select=("F",))
    assert [(f.code, f.severity.label) for f in found] == [("F102", "info")]


def test_only_english_targets_are_checked():
    assert _findings("El consejo realizó una encuesta.", target="es") == []


def test_offsets_point_at_the_words_in_a_longer_document():
    text = "The strike went on.\n\nAccording to official fountains, the talks failed.\n"
    (finding,) = _findings(text, source="es")
    assert text[finding.start:finding.end] == finding.excerpt == "According to official fountains"
    assert finding.line == 3


def test_news_false_friends_of_every_source_language_fire_with_their_own_source_word():
    cases = [
        ("es", "Hotel occupation reached 90 percent and the mayor spoke of a millionaire investment.",
         ["Hotel occupation reached", "millionaire investment"]),
        ("fr", "The Paris parquet opened an investigation and his advocate said he would appeal in court.",
         ["The Paris parquet", "his advocate said"]),
        ("pt", "Federal police served 20 search mandates and the prefect of São Paulo resigned.",
         ["served 20 search mandates", "prefect"]),
    ]
    for lang, text, spans in cases:
        found = _findings(text, source=lang)
        assert [f.excerpt for f in found] == spans, (lang, [f.excerpt for f in found])
        assert all(f.source_lang == lang and f.code == "F101" for f in found)


def test_a_look_alike_in_its_ordinary_english_sense_stays_quiet():
    quiet = [
        "The museum's permanent collection includes works by Goya.",
        "The bank's net profit rose 12% and its shares climbed.",
        "Investors fear financial contagion from the crisis in the region.",
        "Firefighters took four hours to control the fire in the warehouse.",
        "The coach has a good rapport with the players and the fans.",
        "A temperature inversion trapped smog over the city for a week.",
        "The Pacific Ocean covers a third of the planet.",
        "Guernsey and Jersey are Crown dependencies with their own parliaments.",
        "Thousands were interned in camps during the war.",
        "The court of cassation upheld the ruling.",
        # "acts" after a noun is often the verb, not the tally sheets ("actas"):
        "Nobody knows how the candidate for re-election acts behind closed doors.",
        "In many towns the vote acts as a referendum on the mayor.",
    ]
    for sentence in quiet:
        assert [f.excerpt for f in _findings(sentence)] == [], sentence


def test_context_words_decide_between_the_two_senses_of_one_word():
    # "preservatives" are condoms only where the sentence talks of sex or infections.
    assert _findings("The ministry will hand out free preservatives to prevent HIV infections.", source="es")
    assert not _findings("The ministry banned two preservatives used in processed food.", source="es")
    # "jubilation" is retirement only beside pensions, never beside celebrating fans.
    assert _findings("The reform raises the age of jubilation and cuts pensions.", source="es")
    assert not _findings("There were scenes of jubilation as fans celebrated the title.", source="es")


def test_the_build_tools_correspondences_pair_source_words_with_their_english_look_alikes():
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))
    import build_false_friends as tool

    def pairs(word, lang):
        return set(tool._cuts(word, tool.ENDINGS[lang]))

    def english(word, ending):
        """The (skeleton, ending) key under which the build tool files an English word."""
        return tool.skeleton(word[: len(word) - len(ending)] if ending else word), ending

    assert english("actually", "ly") in pairs("actualmente", "es")
    index = tool.index_words(["denounced", "notices", "dinner", "diner", "actually", "mandatary"])
    assert tool.look_alikes("denunció", "es", index) == {"denounced"}  # -ó reads as -ed, one vowel apart
    assert tool.look_alikes("mandatario", "es", index) == {"mandatary"}
    assert tool.look_alikes("noticias", "es", index) == {"notices"}
    assert english("competence", "ence") in pairs("compétence", "fr")  # accents fall away
    assert tool.look_alikes("notícias", "pt", index) == {"notices"}
    assert english("spouse", "e") in pairs("épouse", "fr")  # French é- for English s-
    # a weak ending (a bare -o) allows no near match: "dinero" must not meet "dinar", one vowel away
    assert tool.look_alikes("dinero", "es", tool.index_words(["dinar"])) == set()
    # and pairs only stems of five letters or more: "casa" (cas-a) must not meet "case"
    assert tool.look_alikes("casa", "es", tool.index_words(["case"])) == set()



def _tool(name):
    import importlib
    import sys
    from pathlib import Path

    tools = Path(__file__).resolve().parent.parent / "tools"
    for folder in (tools, tools / "resources"):
        if str(folder) not in sys.path:
            sys.path.insert(0, str(folder))
    return importlib.import_module(name)


def test_the_cognate_builder_pairs_spanish_present_tense_verbs_with_english_s_forms():
    keys = _tool("build_cognates").keys

    def paired(spanish, english, cls):
        return bool({k for c, k in keys(spanish, 0) if c == cls} & {k for c, k in keys(english, 1) if c == cls})

    assert paired("contempla", "contemplates", "s3")  # contempla otro escenario → contemplates another scenario
    assert paired("presume", "presumes", "s3")
    assert paired("contemplan", "contemplate", "p3")  # contemplan → they contemplate
    assert paired("presumen", "presume", "p3")
    assert not paired("denuncian", "denounce", "p3")  # denunc/denounc: one vowel apart, left to the near match
    assert not paired("contempla", "contemplated", "s3")  # a past form is the -ó/-ed class, not the present


def test_the_cognate_signal_counts_a_pair_only_when_the_dictionary_translates_it_otherwise():
    from wordfreq import zipf_frequency

    tool = _tool("measure_cognate_signal")
    pairs = {"denounced": [(0.5, "denunció", "ed", ["report"])],
             "contemplates": [(1.12, "contempla", "s3", ["contemplate"])],
             "finalised": [(0.4, "finalizado", "ed", ["finalize"])]}
    # denunciar is translated "report": the look-alike stands where English would use another word
    assert tool.signal("denounced", pairs, zipf_frequency, strict=False)["otherwise"] == 0.5
    # contemplar is translated "contemplate" itself: a gap, but no evidence from the dictionary
    contemplates = tool.signal("contemplates", pairs, zipf_frequency, strict=True)
    assert contemplates["any"] == 1.12 and contemplates["otherwise"] is None
    # British and American spellings are one word, not a translation "otherwise"
    assert tool.signal("finalised", pairs, zipf_frequency, strict=False)["otherwise"] is None
    # the strict reading drops pairs one vowel apart (denunc-ió / denounc-ed)
    assert tool.signal("denounced", pairs, zipf_frequency, strict=True)["any"] is None


def test_the_measurements_half_split_is_fixed_by_the_site_alone():
    half_of = _tool("measure_cognate_signal").half_of
    assert half_of({"site": "apnews.com"}) == "A"
    assert half_of({"site": "agencyefe.com"}) == "B"
    # a dev article has no site: its URL's host without www. stands for it
    assert half_of({"url": "https://www.apnews.com/article/x"}) == half_of({"site": "apnews.com"})


# --- F103/F104: rare English look-alikes of common Spanish words, from the generated cognates.txt ---

def test_rare_cognate_flags_the_word_alone_and_suggests_its_usual_translation():
    text = "The ministry will guarantee the alimentation of the children and the effectivity of the plan."
    found = _findings(text, source="es", select=("F103",))
    assert [(f.excerpt, f.suggestion) for f in found] == [("alimentation", "feeding"), ("effectivity", "effectiveness")]
    assert "alimentación" in found[0].message


def test_rare_cognate_without_a_synonym_is_only_info():
    found = _findings("Officials delayed the obtention of the permits until March.", source="es", select=("F103", "F104"))
    assert [(f.code, f.excerpt, f.severity.name) for f in found] == [("F104", "obtention", "INFO")]


def test_rare_cognate_leaves_common_cognates_names_and_listed_false_friends_alone():
    quiet = [
        "The nutrition programme improved the effectiveness of the plan and the feeding of children.",
        "The information and the situation of the country were discussed by the population.",
        "He flew to Galega on Monday.",  # a capital inside the sentence: a name
        "The mayor criticised the protagonism of the opposition.",  # F101's written entry speaks of it
    ]
    for text in quiet:
        assert _findings(text, source="es", select=("F103", "F104")) == [], text


def test_rare_cognate_leaves_the_ic_ical_doublets_of_english_alone():
    # "problematical", "poetical", "dynamical": English's own second form of the adjective, chosen by native writers
    text = "What is more problematical is that the plot drags, though the dialogue is poetical and the maths dynamical."
    for lang in ("es", "fr", "pt"):
        assert _findings(text, source=lang, select=("F103", "F104")) == [], lang
    # a look-alike that is no English variant still counts beside them
    assert [f.excerpt for f in _findings("The alimentation of the children is problematical.", source="es",
                                         select=("F103",))] == ["alimentation"]


def test_rare_cognate_reads_only_spanish_data():
    assert _findings("The effectivity of the plan was doubted.", source="fr", select=("F103",)) == []


def test_rare_cognate_table_carries_its_licences_and_sources():
    from importlib import resources

    for lang in ("es", "fr", "pt"):
        text = resources.files("tqcheck.data").joinpath(f"{lang}-en", "cognates.txt").read_text(encoding="utf-8")
        assert "CC BY-SA 4.0" in text and "wordfreq" in text and "WordNet 3.0" in text
        assert "none of its text is shipped" in text  # Apertium decided, it is not copied


def test_rare_cognate_knows_french_and_portuguese_look_alikes():
    found = _findings("The hebdomadary meeting of the council was cancelled.", source="fr", select=("F103",))
    assert [(f.excerpt, f.suggestion, f.source_lang) for f in found] == [("hebdomadary", "weekly", "fr")]
    found = _findings("The exportation of soy grew in the first half of the year.", source="pt", select=("F103",))
    assert [(f.excerpt, f.suggestion, f.source_lang) for f in found] == [("exportation", "export", "pt")]
    assert _findings("The hebdomadary meeting of the council was cancelled.", source="pt", select=("F103",)) == []


def test_rare_cognate_names_every_language_when_the_source_is_unknown():
    found = _findings("The alimentation of the children comes first.", select=("F103",))
    assert [f.excerpt for f in found] == ["alimentation"]
    assert "Spanish “alimentación”" in found[0].message and "Portuguese “alimentação”" in found[0].message


def test_only_the_stems_a_file_holds_have_their_rules_built():
    from tqcheck.rules import false_friends

    false_friends._entry.cache_clear()
    false_friends._stem_rules.cache_clear()
    found = _findings("The council realized a meeting with the residents on Monday.")
    assert [f.code for f in found] == ["F101"]
    listed = sum(len(rules) for rules in false_friends._grouping(("es", "fr", "pt"), "en", "F101").values())
    built = false_friends._entry.cache_info().currsize
    assert listed > 100 and 0 < built < 10, (listed, built)


def test_a_first_mandate_won_at_the_polls_is_canadian_english_in_a_text_about_a_province():
    # Canadian political English calls a government's first term won at the polls its first mandate; the word's
    # sentence need not name the province ("The party won a first mandate…" two sentences after "Quebec").
    text = ("Quebec's governing party lost two by-elections on Monday.\n\n"
            "The party won a first mandate in 2018 and a second in 2022.")
    assert [f.excerpt for f in _findings(text)] == []
    # the same sentence about a country with no province named is still the calque of mandato / mandat
    text = ("Peru's governing party lost two by-elections on Monday.\n\n"
            "The party won a first mandate in 2018 and a second in 2022.")
    assert [f.excerpt for f in _findings(text)] == ["won a first mandate"]
    # the time sense stays a calque in a Canadian text too
    text = ("Quebec's governing party lost two by-elections on Monday.\n\n"
            "Its leader promised a referendum during a first mandate and said she would serve until the end of "
            "her mandate.")
    assert [f.excerpt for f in _findings(text)] == ["a first mandate", "end of her mandate"]
