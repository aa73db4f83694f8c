"""Calqued reporting verbs (C109): the verb fires only where it stands in an attribution."""
from __future__ import annotations

from conftest import detector_excerpts as excerpts
from conftest import detector_findings as findings


def test_indicated_with_a_named_speaker_and_that_fires():
    assert excerpts("Interior Minister Ana Ruiz spoke to the press. Ruiz indicated that the fires were under control.", "C109") == ["indicated"]


def test_assured_with_a_time_adverbial_before_that_fires():
    assert excerpts("The president also assured this Monday that the border would reopen.", "C109") == ["assured"]
    assert excerpts("The president assured on Sunday, in a televised address, that the border would reopen.", "C109") == ["assured"]


def test_a_name_set_off_by_commas_is_the_speaker():
    # el presidente de Colombia, Gustavo Petro, aseguró que: the name in apposition speaks
    assert excerpts("The president of Colombia, Gustavo Petro, assured that he would not seek re-election.", "C109") == ["assured"]
    # so does a name followed by an adverbial between commas (durante su visita, aseguró que)
    assert excerpts("The minister Irene Vélez, during her visit to Davos, assured that no new contracts would be signed.",
                    "C109") == ["assured"]


def test_a_verb_after_any_other_comma_may_be_a_participle():
    assert excerpts("The minister, assured that the talks would resume, left the building.", "C109") == []
    assert excerpts("The union leaders, on the other hand, assured the workers that pay would rise.", "C109") == []
    assert excerpts("After the vote, assured that the bill would pass, the senators went home.", "C109") == []


def test_a_time_phrase_opening_with_the_may_stand_before_that():
    # aseguró el día anterior que
    assert excerpts("Petro assured the day before that the Congress has the last word.", "C109") == ["assured"]
    assert excerpts("Petro assured the voters the day before that the Congress has the last word.", "C109") == []


def test_assured_with_a_person_assured_is_native():
    assert excerpts("The president assured reporters on Sunday that the border would reopen.", "C109") == []
    assert excerpts("The goal assured the team a place in the final.", "C109") == []


def test_a_participle_after_a_linking_verb_is_a_state_not_an_attribution():
    # "Rest assured that…": an imperative and an adjective, at the head of the sentence where a name would stand
    assert excerpts("Rest assured that no animal was harmed in the making of this film.", "C109") == []
    assert excerpts("Stay assured that the council will mend the road before winter.", "C109") == []
    # a speaker before the same verb still makes it an attribution
    assert excerpts("Rest of the story aside, Petro assured that no animal was harmed.", "C109") == ["assured"]


def test_verb_after_a_closing_quotation_fires():
    assert excerpts("“Yes, I will be a candidate,” he attested.", "C109") == ["attested"]
    assert excerpts("“There will be no retreat”, hammered the president.", "C109") == ["hammered"]


def test_verb_after_a_quotation_is_quiet_when_nobody_speaks():
    # the words between the quotation and the verb are no speaker
    assert excerpts("The band sang “Hey Jude” over how it should be sentenced.", "C109") == []
    assert excerpts("“Where is the money?” the senator pondered.", "C109") == []


def test_document_subjects_are_native():
    assert excerpts("The results indicated that the vaccine worked.", "C109") == []
    assert excerpts("Figures from the Office for National Statistics indicated that prices rose.", "C109") == []
    # nor do the pronouns of things speak: "Everything indicates that…" weighs the signs
    assert excerpts("Everything indicates that the coach will stay until the summer.", "C109") == []
    assert excerpts("The coach indicated that he would stay until the summer.", "C109") == ["indicated"]


def test_a_signalled_intention_in_the_perfect_is_native():
    assert excerpts("The minister has indicated that she would resign.", "C109") == []
    assert excerpts("The minister has assured that she would resign.", "C109") == ["assured"]


def test_a_verb_with_an_object_after_that_is_a_demonstrative():
    assert excerpts("The minister defended that reform in the senate.", "C109") == []
    assert excerpts("The minister defended that the reform was necessary.", "C109") == ["defended"]
    assert excerpts("The minister detailed that three roads were closed.", "C109") == ["detailed"]


def test_verbs_native_news_also_uses_are_hints():
    found = findings("The economist pointed out that inflation would ease.", "C109", counted_only=False)
    assert [(f.excerpt, f.severity.name.lower()) for f in found] == [("pointed out", "info")]


def test_the_finding_names_the_source_verb_of_the_assumed_language():
    found = findings("Mr. Martin assured that he would run again.", "C109", source_lang="fr")
    assert len(found) == 1 and "a assuré" in found[0].message and found[0].source_lang == "fr"


def test_romance_verbs_after_a_quotation_fire_and_their_native_senses_stay_quiet():
    assert excerpts("“Maybe they will send us a postcard,” ironized the minister.", "C109") == ["ironized"]
    assert excerpts("“Rents have doubled in five years,” she illustrates.", "C109") == ["illustrates"]
    assert excerpts("The spate of attacks in the capital illustrates that the police are stretched.", "C109") == []
    assert excerpts("“We will not give in,” launched the senator.", "C109") == ["launched"]
    assert excerpts("The senator launched her campaign on Monday.", "C109") == []
    assert excerpts("“History will judge us,” closed the president, “and soon.”", "C109") == ["closed"]
    assert excerpts("“Stop,” he said, and closed the session.", "C109") == []


# --- C110 a verb English never follows with a clause ----------------------------------------------------


def test_a_verb_without_a_that_clause_used_for_attribution_fires():
    assert excerpts("The senator justified that the reform was urgent.", "C110") == ["justified"]
    assert excerpts("The minister contemplated on Friday that the border would reopen in May.", "C110") == ["contemplated"]
    assert excerpts("Congress approved that the tax will fall in 2025.", "C110") == ["approved"]


def test_objects_relatives_nouns_and_the_typed_verbs_are_left_alone():
    for text in [
        "The governor justified that decision again.",
        "The company continued that tradition for years.",
        "Congress approved the tax cut that the president wanted.",
        "Both sides agreed to resume the military contacts that Beijing severed in 2022.",
        "The report justified that the plant should close.",  # a document is no speaker
        # a post on social media reports what someone said: native news writes "posted on X that"
        "The justice minister posted on X that the ruling would be appealed.",
    ]:
        assert findings(text, "C110", counted_only=False) == [], text
    # a verb of C109's own table is C109's to report
    assert excerpts("The minister celebrated that the bridge reopened on Monday.", "C110") == []
    assert excerpts("The minister celebrated that the bridge reopened on Monday.", "C109") == ["celebrated"]


def test_the_clauseless_verb_table_is_generated_and_holds_no_verb_that_takes_a_clause():
    from importlib import resources

    text = resources.files("tqcheck.data").joinpath("en", "clauseless_verbs.txt").read_text(encoding="utf-8")
    assert "Generated by tools/build_clause_verbs.py" in text
    forms = {line.split("\t")[0] for line in text.splitlines() if line and not line.startswith("#")}
    assert {"justified", "contemplated", "celebrated"} <= forms
    assert not forms & {"said", "stated", "insisted", "proposed", "noted", "stressed", "explained", "warned",
                        "added", "argued", "claimed", "suggested", "contacts", "reforms", "posted"}


def test_the_present_tense_of_a_listed_past_form_fires_too():
    # Spanish headlines and live blogs report in the present: "AMLO se burla de que", "defiende que"
    assert excerpts("AMLO mocks that the opposition wrote a new etiquette manual.", "C109") == ["mocks"]
    assert excerpts("The minister defends that the reform is necessary.", "C109") == ["defends"]


def test_a_present_form_the_lexicon_reads_first_as_a_plural_noun_is_not_derived():
    from tqcheck.rules.attribution import present_forms

    assert present_forms(["mocked"]) == ["mocks"]
    assert present_forms(["referred"]) == ["refers"]  # the doubled consonant undone
    assert present_forms(["questioned"]) == []  # "questions" is first a plural noun
    assert present_forms(["assured", "assures"]) == []  # the entry lists its present already
    assert excerpts("Senator Ruiz's questions that went unanswered worried the board.", "C109") == []


def test_a_second_verb_of_the_same_speaker_after_and_fires():
    # "dice que … y de nuevo acusa que": the speaker of the first verb reports again
    assert excerpts("AMLO says that the vote was clean and again accuses that fraud was committed in 2006.",
                    "C109") == ["accuses"]


def test_a_verb_after_and_without_a_speaker_before_it_is_quiet():
    assert excerpts("The report was published on Monday and indicated that prices rose.", "C109") == []
    assert excerpts("The figures said little and indicated that prices rose.", "C109") == []


def test_the_one_pass_gate_keeps_every_reporting_verb_the_table_catches():
    # C109 declares its forms' literals, so only sentences holding one are searched: exact only if every
    # match of its pattern holds one of them, on each entry's examples and counter-examples and the seed
    from conftest import SEED
    from tqcheck.data import langdata
    from tqcheck.rules import attribution
    from tqcheck.rules.base import pattern_literals
    from tqcheck.speed.scanner import fold

    table = attribution.verb_table(("es", "fr", "pt"))
    literals = pattern_literals(table.pattern)
    assert literals
    probes = [SEED.read_text("utf-8")]
    for lang in ("es", "fr", "pt"):
        for entry in langdata.table(f"{lang}-en", "calques.toml", "reporting"):
            for key in ("example", "counter"):
                value = entry.get(key, [])
                probes += [value] if isinstance(value, str) else value
    matched = 0
    for probe in probes:
        for m in table.pattern.finditer(probe):
            matched += 1
            assert any(word in fold(m.group(0)) for word in literals), m.group(0)
    assert matched > 20
    assert excerpts("Tohá indicated that the plan would go ahead.", "C109") == ["indicated"]


def test_a_body_signalling_its_own_intention_is_native_but_a_reported_fact_fires():
    # "indicated that it would…" (the body itself, then a modal) signals an intention, as "has indicated that" does;
    # a clause about something else is a report of speech, the Spanish "indicó que".
    assert excerpts("The central bank indicated that it would hold rates steady until June.", "C109") == []
    assert excerpts("The ministry indicated that it plans to reopen the consulate.", "C109") == []
    # a chair speaking for the board: "they" (or "we") and a modal are the board's own course
    assert excerpts("The governor indicated that they would wait for the earlier rises to take effect.", "C109") == []
    assert excerpts("The minister indicated that he would reopen the consulate in June.", "C109") == ["indicated"]
    assert excerpts("The ministry indicated that they were not aware of the complaint.", "C109") == ["indicated"]
    assert excerpts("The ministry indicated that the consulate would reopen in June.", "C109") == ["indicated"]
    assert excerpts("The ministry indicated that it was not aware of the complaint.", "C109") == ["indicated"]


def test_highlighted_that_is_only_a_hint():
    # Commonwealth news English (Singapore, Malaysia, India, West and East Africa) writes "highlighted that" for a
    # speaker's point: a hint of Spanish "destacó" / Portuguese "destacou", never a counted finding
    text = "Prime Minister Ana Ruiz met the cabinet on Friday. Ruiz highlighted that exports had grown."
    assert excerpts(text, "C109") == []
    assert [f.excerpt for f in findings(text, "C109", counted_only=False)] == ["highlighted"]
    # "indicated that" still counts
    assert excerpts(text.replace("highlighted", "indicated"), "C109") == ["indicated"]


def test_indicated_is_a_plain_verb_of_attribution_in_west_and_east_african_english():
    # Ghanaian, Nigerian and Kenyan papers write "indicated that" where a US paper writes "said": a native usage,
    # found on such pages in the ninth native sweep. The same sentence in a text about Chile is still the calque of "indicó".
    ghana = ("ACCRA, Ghana — The Minority in Parliament has rejected the new levy. "
             "Its leader indicated that the caucus would boycott the vote on Tuesday.\n")
    chile = ("SANTIAGO, Chile — The opposition has rejected the new levy. "
             "Its leader indicated that the caucus would boycott the vote on Tuesday.\n")
    assert excerpts(ghana, "C109") == []
    assert excerpts(chile, "C109") == ["indicated"]
