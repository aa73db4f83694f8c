"""L112: UTF-8 text read as another character set, on the team's own sentences made the way a feed breaks them."""
from __future__ import annotations

import pytest

from conftest import detector_excerpts as excerpts
from conftest import detector_findings as findings
from conftest import run_tqcheck
from tqcheck.api import check_text


def mis_decoded(text: str, charset: str) -> str:
    """`text` as a program shows it after reading its UTF-8 bytes as `charset`."""
    return text.encode("utf-8").decode(charset, errors="replace")


def test_quotation_marks_and_apostrophes_read_as_windows_1252_fire_with_the_mark_meant():
    text = mis_decoded("The minister’s aide called it “a great day” for the port of Valparaíso.", "cp1252")
    found = findings(text, "L112")
    assert [f.excerpt for f in found] == ["â€™", "â€œ", "â€", "Ã\xad"]
    assert [f.suggestion for f in found][:2] == ["’", "“"]
    assert found[3].suggestion == "í"


def test_a_closing_mark_whose_last_byte_was_lost_is_still_reported():
    # Windows-1252 has no character for byte 0x9D, the last of "”": many readers drop it.
    text = "The mayor called the plan â€œa disasterâ€ on Friday."
    assert excerpts(text, "L112") == ["â€œ", "â€"]


def test_text_read_as_gbk_fires():
    text = mis_decoded("The banner said “United We Stand” above the stage.", "gb18030")
    assert text != "The banner said “United We Stand” above the stage."
    assert excerpts(text, "L112")


def test_the_stray_letters_are_not_also_reported_as_a_foreign_word_or_glued_words():
    text = mis_decoded("The reunión ended late, and the “deal” was signed by Peña.", "cp1252")
    report = check_text(text, target_lang="en")
    codes = {f.code for f in report.findings}
    assert "L112" in codes and not codes & {"U102", "L105"}


@pytest.mark.parametrize("text", [
    "Fans chanted “OLÉ” as PELÉ’S statue was unveiled.",  # accented capitals before a closing mark
    "Flights to SÃO PAULO and BRASÍLIA were cancelled.",
    "The café in Besançon sold crêpes for €3, or £2.60, at 25°C.",
    "She wrote « Ça suffit » on the board, then “Ça va?”",
    "The menu listed jalapeños, açaí and Gruyère.",
])
def test_accented_text_written_as_it_should_be_is_quiet(text):
    assert excerpts(text, "L112") == []


def test_fix_writes_back_the_characters_meant(tmp_path):
    meant = "The minister’s aide called it “a great day” in Peñalolén.\n"
    path = tmp_path / "article.txt"
    path.write_text(mis_decoded(meant, "cp1252").replace("\ufffd", "\x9d"), encoding="utf-8")
    run_tqcheck("check", "--engine", "none", "--fail-on", "never", "--select", "L112", "--fix", str(path))
    assert path.read_text(encoding="utf-8") == meant
