"""Counted findings are one per span, and a calque or false friend a text repeats counts at its first two occurrences."""
from __future__ import annotations

from tqcheck.api import check_text
from tqcheck.checking.check import Settings, check_document
from tqcheck.finding import Severity
from tqcheck.reading import parse_text


def _counted(text):
    return [(f.code, f.excerpt) for f in check_text(text).findings if f.severity >= Severity.WARNING]


def test_a_calque_and_a_false_friend_on_the_same_words_count_once():
    text = "Police said the presumed criminals fled in a stolen car towards the border."
    assert _counted(text) == [("C104", "presumed criminals")]
    demoted = [f for f in check_text(text).findings if f.code == "F101"]
    assert [f.severity for f in demoted] == [Severity.INFO]
    assert "reported as C104" in demoted[0].message


def test_the_containing_finding_is_the_one_kept():
    # The calque "made a call ... for" holds the dateline "this Thursday": the longer span stays counted.
    text = "The pope made a call this Thursday for the world to pray for peace."
    assert _counted(text) == [("C104", "made a call this Thursday for the world")]
    # Alone, the dateline counts.
    assert _counted("The pope made a call this Thursday for an end to the fighting.") == [("C102", "this Thursday")]


def test_a_repeated_false_friend_counts_at_its_first_two_occurrences():
    text = ("Congress will debate a vacancy motion on Monday. The vacancy motion needs 87 votes. "
            "Supporters of the vacancy motion met on Sunday. Critics called the vacancy motion a coup.")
    findings = [f for f in check_text(text).findings if f.code == "F101"]
    assert [f.severity for f in findings] == [Severity.WARNING, Severity.WARNING, Severity.INFO, Severity.INFO]
    assert all("repeated" in f.message for f in findings[2:])


def test_a_repeated_term_is_the_same_term_in_the_plural_or_capitalised():
    text = ("Congress will debate two vacancy motions this year. The first vacancy motion needs 87 votes.\n\n"
            "Second Vacancy Motion\n\nThe second one was filed by the opposition.")
    findings = [f for f in check_text(text).findings if f.code == "F101"]
    assert [f.severity for f in findings] == [Severity.WARNING, Severity.WARNING, Severity.INFO]


def test_repeats_of_different_words_each_count():
    text = ("Congress will debate a vacancy motion on Monday. The vacancy motion needs 87 votes. "
            "Police said the presumed criminals fled. The presumed criminals were caught later.")
    assert len(_counted(text)) == 4


def test_repeated_boilerplate_lines_are_each_their_own_fault():
    text = ("The opening paragraph says the game went well.\n\n- Advertisement -\n\n"
            "The second paragraph talks about the coach.\n\n- Advertisement -\n\n"
            "A third paragraph ends the story.\n\n- Advertisement -\n\nThe end came late at night.")
    assert [code for code, _ in _counted(text)] == ["B103", "B103", "B103"]


def test_source_aware_findings_on_one_segment_each_count():
    # A lost clause (A101) and a lost number (A103) are two faults of the same sentence, not one.
    settings = Settings(select=["A"], target_lang="en", source_lang="es", engine="none")
    report = check_document(parse_text("t.txt", "The hospital opened in 1990. It serves the whole district."),
                            settings, None,
                            parse_text("s.txt", "El hospital abrió en 1990. Tiene 300 camas y doce quirófanos. "
                                                "Atiende a toda la comarca."))
    counted = sorted(f.code for f in report.findings if f.severity >= Severity.WARNING)
    assert counted == ["A101", "A103"]
