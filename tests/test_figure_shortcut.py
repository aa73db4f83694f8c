"""A103's shortcut (numbers.read_alike): whenever it says a pair's figures agree, the full comparison finds
nothing either; and it does say so for the common pairs it exists for."""
from __future__ import annotations

import random

import pytest

from tqcheck.text.numbers import compare_figures, figure_texts, quantities, read_alike

ES_MARKS, POINT_MARKS, SPACE_MARKS = (".", ","), (",", "."), ("\u00a0", ",")  # French groups by a space

# Real-shaped Spanish sentences with their English translations (written for this test).
PAIRS = [
    ("Se incluyeron 245 pacientes entre 2015 y 2019.", "245 patients were included between 2015 and 2019.", True),
    ("La mediana fue de 3,5 años (IC 95 %: 2,1-4,8).", "The median was 3.5 years (CI 2.1-4.8, 95%).", False),
    ("La mediana fue de 3,5 años (IC del 95 %: 2,1-4,8).", "The median was 3.5 years (95% CI: 2.1-4.8).", True),
    ("Se vacunaron 1.250 personas en 2021.", "1,520 people were vaccinated in 2021.", False),
    ("Se vacunaron 1.250 personas en 2021.", "1,250 people were vaccinated in 2021.", True),
    ("El presupuesto es de 3 millones de euros.", "The budget is 3 million euros.", False),
    ("Unas 13.000 personas se manifestaron.", "Some 13.000 people demonstrated.", False),
    ("El valor p fue 0,05 en 12 casos.", "The p value was 0.05 in 12 cases.", True),
    ("El valor p fue 0,05 en 12 casos.", "In 12 cases the p value was 0.05.", False),
    ("Hubo 20 000 asistentes.", "There were 20,000 attendees.", True),
    ("Midió 87·0 mm.", "It measured 87·0 mm.", True),
    ("El virus H1N1 y el mp3.", "The H1N1 virus and the mp3.", True),
    ("Sin cifras aquí.", "No figures here.", True),
]


def full_comparison(source: str, target: str, source_marks, target_marks, settled=True):
    return compare_figures(quantities(source, "es", source_marks), quantities(target, "en", target_marks), [], [], settled)


def shortcut(source: str, target: str, source_marks, target_marks) -> bool:
    return read_alike(figure_texts(source, "es"), figure_texts(target, "en"), source_marks, target_marks)


def nothing_found(found) -> bool:
    return not found.missing and not found.extra and not found.copied


@pytest.mark.parametrize("source, target, alike", PAIRS)
@pytest.mark.parametrize("source_marks", [ES_MARKS, POINT_MARKS])
def test_real_shaped_pairs(source, target, alike, source_marks):
    taken = shortcut(source, target, source_marks, POINT_MARKS)
    if taken:
        assert nothing_found(full_comparison(source, target, source_marks, POINT_MARKS))
        assert nothing_found(full_comparison(source, target, source_marks, POINT_MARKS, settled=False))
    if source_marks == ES_MARKS:
        assert taken == alike  # taken for the pairs written alike in each convention, not for the others


def _figure(rng: random.Random) -> str:
    shape = rng.choice(["plain", "marked", "spaced", "long"])
    if shape == "plain":
        return str(rng.choice([0, 7, 12, 95, 2019, 13000]))
    if shape == "long":
        return "9" * rng.choice([5, 299, 301, 320])
    if shape == "spaced":
        return rng.choice(["20 000", "1 234 567", "12\u00a0500"])
    return "".join(rng.choice("0123456789.,·") if i else rng.choice("123456789") for i in range(rng.randint(2, 9)))


def _swap(figure: str, rng: random.Random) -> str:
    """The figure as the other convention writes it, or left as it is, or slightly changed."""
    roll = rng.random()
    if roll < 0.5:
        return figure.translate(str.maketrans(".,", ",."))
    if roll < 0.7:
        return figure
    return figure[:-1] + rng.choice("0123456789.,")


def test_generated_pairs_agree_with_the_full_comparison():
    rng = random.Random(20261207)
    taken = 0
    for _ in range(4000):
        figures = [_figure(rng) for _ in range(rng.randint(1, 4))]
        scale_es, scale_en = rng.choice([("", ""), (" millones", " million"), ("", " million"), (" mil", "")])
        source = "Hubo " + " y ".join(figures) + scale_es + " casos."
        target = "There were " + " and ".join(_swap(f, rng) for f in figures) + scale_en + " cases."
        if rng.random() < 0.2:
            target = "There were " + " and ".join(reversed([_swap(f, rng) for f in figures])) + " cases."
        for source_marks in (ES_MARKS, POINT_MARKS, SPACE_MARKS):
            for target_marks in (POINT_MARKS, ES_MARKS, SPACE_MARKS):
                if shortcut(source, target, source_marks, target_marks):
                    taken += 1
                    for settled in (True, False):
                        found = full_comparison(source, target, source_marks, target_marks, settled)
                        assert nothing_found(found), (source, target, source_marks, target_marks)
    assert taken > 500  # the shortcut is taken often enough for the comparison to mean something
