"""Numbers, dates and times in the source language's conventions: what fires, what is left alone."""
from __future__ import annotations

import pytest

from tqcheck.api import check_text
from tqcheck.finding import Severity


def findings(text, code, target="en", source=None):
    report = check_text(text, target_lang=target, source_lang=source, select=[code])
    return [f for f in report.findings if f.code == code]


def test_dot_thousands_before_people_is_flagged_with_the_english_figure():
    [f] = findings("An estimated 13.000 people have died in the fighting.", "N101", source="es")
    assert f.excerpt == "13.000"
    assert f.suggestion == "13,000"
    assert f.severity == Severity.WARNING
    assert f.source_lang == "es"


@pytest.mark.parametrize(
    "text, fix",
    [
        ("The fine was raised to 2.500.000 pesos.", "2,500,000"),
        ("The bank lent 1.500 million euros to the city.", "1,500"),
        ("Exports reached 1.234,5 tonnes in May.", "1,234.5"),
        ("Only 4.371 voters turned out.", "4,371"),
    ],
)
def test_source_grouped_amounts_are_converted(text, fix):
    [f] = findings(text, "N101", source="es")
    assert f.suggestion == fix


@pytest.mark.parametrize(
    "text",
    [
        "An estimated 13,000 people have died in the fighting.",
        "The company holds 5.759 million shares.",  # a decimal of millions is English
        "The tunnel is 34.538 kilometers long.",
        "The overnight rate was 1.313% and the bond paid 2.500 percent.",
        "Install version 2.300 of the firmware.",
        "The router at 192.168.100.200 went down.",
        "Call 912.345.678 for tickets.",
        "He batted 1.000 in the playoffs.",
        "In 2019 the town had 3.5 million visitors.",
    ],
)
def test_english_numbers_are_left_alone(text):
    assert findings(text, "N101") == []


def test_french_spaces_are_flagged_but_two_numbers_in_a_row_are_not():
    [f] = findings("Nearly 40\u202f000 people marched in Paris.", "N101", source="fr")
    assert f.suggestion == "40,000" and f.source_lang == "fr"
    assert findings("On May 5 300 delegates arrived.", "N101", source="fr") == []
    assert findings("Some 25 000 workers joined the strike.", "N101", source="fr")


def test_a_space_in_a_number_is_southern_african_english_where_the_text_names_the_region():
    # South Africa and its neighbours group thousands with a space: "$5 000 bail" in a Harare court report
    text = "The magistrate in Harare freed the two activists on $5 000 bail each."
    assert findings(text, "N101", source="fr") == []
    assert findings("The council in Windhoek fined the shop owners N$2 000 each.", "N101", source="fr") == []
    # the same figure in a text naming no such place is a French source's grouping
    assert findings("The magistrate in Lyon freed the two activists on $5 000 bail each.", "N101", source="fr")
    # and a dot is nobody's English grouping, in any region
    assert findings("The magistrate in Harare freed the two activists on $5.000 bail each.", "N101", source="es")


def test_decimal_comma_before_a_unit_is_flagged():
    [f] = findings("Inflation reached 7,7 percent in May.", "N102", source="es")
    assert f.suggestion == "7.7"
    assert findings("The economy grew 2,9% in the quarter.", "N102", source="pt")


@pytest.mark.parametrize(
    "text",
    [
        "Inflation reached 7.7 percent in May.",
        "Read items 1,2 and 3 first.",
        "The district has 2,06,737 registered voters.",
        "Sales rose 1,500 percent in a decade.",
    ],
)
def test_decimal_comma_check_leaves_lists_and_english_grouping_alone(text):
    assert findings(text, "N102") == []


def test_spanish_target_severity_follows_the_region():
    text = "Unas 13,000 personas abandonaron la ciudad."
    assert findings(text, "N101", target="es-ES", source="en")[0].severity == Severity.WARNING
    assert findings(text, "N101", target="es", source="en")[0].severity == Severity.INFO
    assert findings(text, "N101", target="es-MX", source="en") == []
    assert findings("La inflación llegó al 7.5 por ciento.", "N102", target="es-AR", source="en")[0].suggestion == "7,5"


def test_thousand_million_becomes_billion_and_only_for_the_languages_that_say_it():
    [f] = findings("The plan will cost 5 thousand million dollars.", "N103", source="es")
    assert f.suggestion == "5 billion" and f.severity == Severity.WARNING
    # French says "milliard": the Spanish and Portuguese calque is not French knowledge.
    assert findings("The plan will cost 5 thousand million dollars.", "N103", source="fr") == []
    [info] = findings("They received a thousand million euros.", "N103", source="es")
    assert info.severity == Severity.INFO


def test_plural_millions_after_a_number_is_flagged_but_millions_of_is_not():
    assert findings("More than 3 millions people watched.", "N103", source="fr")
    assert findings("Millions of people watched, 3 million in France.", "N103", source="fr") == []


@pytest.mark.parametrize(
    "target, expected",
    [("en-US", Severity.WARNING), ("en", Severity.INFO), ("en-GB", None)],
)
def test_day_first_dates_depend_on_the_english_region(target, expected):
    found = findings("The law takes effect on 25/12/2023.", "N104", target=target)
    if expected is None:
        assert found == []
    else:
        [f] = found
        assert f.severity == expected and f.suggestion == "December 25, 2023"


def test_ambiguous_dates_are_left_alone():
    assert findings("The law takes effect on 05/06/2023.", "N104", target="en-US") == []


@pytest.mark.parametrize(
    "text, clock",
    [
        ("The minister will speak at 15 hrs in the chamber.", "3 p.m."),
        ("The session opens at 10:00 hrs. on Monday.", "10 a.m."),
        ("The debate starts at 20h30 on public television.", "8:30 p.m."),
        ("Voting closes at 18.30 hours.", "6:30 p.m."),
    ],
)
def test_source_clock_times_suggest_the_english_form(text, clock):
    [f] = findings(text, "N105")
    assert f.suggestion.startswith(clock)


@pytest.mark.parametrize(
    "text",
    [
        "The battery lasts 15 hrs on one charge.",
        "Samples were taken at 12 hrs after dosing.",
        "The car reached 120 km/h in 8 seconds.",
        "The hotline ran from 08H00 to 20H00.",
        "The race took 2:15 hours.",
    ],
)
def test_durations_and_speeds_are_not_clock_times(text):
    assert findings(text, "N105") == []


def test_hrs_after_a_clock_time_is_commonwealth_police_english_where_the_text_names_the_region():
    # Kenyan, Zambian or Indian police and court news write "at about 23:00hrs"
    assert findings("Police in Nairobi said the robbery took place at 23:00hrs on Friday.", "N105") == []
    assert findings("The Lusaka court adjourned the case until 14:30 hours on Monday.", "N105") == []
    # elsewhere the same form follows a Spanish "a las 23:00 horas"
    assert findings("Police in Monterrey said the robbery took place at 23:00hrs on Friday.", "N105")
    # and a French "20h30" is no one's English, in any region
    assert findings("The debate in Nairobi starts at 20h30 on public television.", "N105")


def test_clock_times_and_calques_are_found_among_many_sentences_with_figures_and_without():
    """N103 and N105 search only the stretches of sentences with figures that hold what each pattern needs
    (`needs`: a figure then "h", "thousand") and the whole text only where their anchor word is: each one
    among others is found, whatever sentences come before and after it."""
    filler = "In 2020, 45 patients were seen. The results were clear. Samples of 12 ml were taken. "
    text = (filler * 3 + "The session opened at 10:00 hrs. on Monday. " + filler
            + "It cost 5 thousand million dollars. " + filler + "They met at 15 hrs in the hall. The end came.\n\n"
            + "A THOUSAND MILLION euros were sent. " + filler)
    assert [f.excerpt for f in findings(text, "N105", source="es")] == ["10:00 hrs.", "15 hrs"]
    assert [f.excerpt for f in findings(text, "N103", source="es")] == ["5 thousand million"]
    assert findings(filler * 5, "N103", source="es") == findings(filler * 5, "N105", source="es") == []


def test_an_anchor_word_is_found_in_any_case_and_across_the_pieces_the_text_is_read_in(monkeypatch):
    from tqcheck.rules import numbers

    monkeypatch.setattr(numbers, "_HOLD_CHUNK", 8)  # pieces shorter than the word
    for text, word in (("They sent THOUSANDS", "thousands"), ("x thouſands", "thousands"), ("a BİLL", "bill"),
                       ("the bıll", "bill"), ("one thousand", "thousand")):
        assert numbers._may_hold(text, word), text
    assert not numbers._may_hold("They sent hundreds of millions", "thousand")


def test_every_anchor_and_needs_of_the_number_patterns_is_in_each_example_it_matches():
    """`anchor` and `needs` are promises about every match: each example a pattern matches holds them."""
    import re

    from conftest import language_data_files

    for _, _, _, _, table in language_data_files():
        for entry in table.get("pattern", []) if isinstance(table.get("pattern"), list) else []:
            pattern = re.compile(entry["pattern"])
            examples = entry.get("example", [])
            for text in [examples] if isinstance(examples, str) else examples:
                for m in pattern.finditer(text):
                    if "anchor" in entry:
                        assert entry["anchor"].isascii() and entry["anchor"].lower() in m.group().lower()
                    if "needs" in entry:
                        assert re.search(entry["needs"], m.group()), (entry["needs"], m.group())


def test_a_spaced_currency_sign_is_reported_once_for_each_amount_whatever_the_source():
    text = "Fuel oil costs $ 46 a barrel, and the states will receive R $ 16 billion in aid."
    found = findings(text, "N106")
    assert [(f.excerpt, f.source_lang) for f in found] == [("$ 46", "es"), ("R $ 16", "pt")]
    # The real's sign set against the figure, or spaced by a Latin American outlet's house style, is English.
    assert findings("The states will receive R$16 billion, or R$ 16 billion, in aid.", "N106") == []
