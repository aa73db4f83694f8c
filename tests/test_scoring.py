"""The suspicion score: a document's and each segment's, from the fitted models of tqcheck/data/en/score_model.toml."""
from __future__ import annotations

import math
import subprocess
import sys
import tomllib
from importlib import resources

from tqcheck.api import check_text
from tqcheck.checking import features, scoring

# Written for these tests: the same news told as a literal translation from Spanish would tell it,
# and as an English-language reporter would.
TRANSLATED = (
    "The Minister of Economy assured this Tuesday that the reform of the system of pensions of the country "
    "will be approved before the end of the year. In statements to the press, the head of the portfolio "
    "indicated that the Government has the support of the majority of the groups of the Congress. "
    "Likewise, the official affirmed that the measure, which was announced in the month of March, will "
    "allow to guarantee the sustainability of the accounts of the State. The minister pointed out that "
    "the dialogue with the unions continues, and stated that the Executive is open to the proposals of "
    "the opposition. The president of the commission of Labour, for his part, considered that the text "
    "of the reform of the Government does not respond to the demands of the workers of the sector."
)
NATIVE = (
    "Pension reform will pass by the end of the year, the economy minister said on Tuesday. "
    "\"We've got the votes, and we're not going to wait,\" she told reporters outside parliament. "
    "Most parties back the plan, first floated in March, which she says will keep public finances afloat. "
    "Unions aren't convinced. \"It doesn't do anything for people on the shop floor,\" said a union leader. "
    "Talks go on this week, and the government says it'll listen to the opposition. "
    "The labour committee's chairman said the bill falls short."
)


def test_a_literal_translation_scores_above_native_prose():
    translated, native = check_text(TRANSLATED), check_text(NATIVE)
    assert translated.score > 0.5 > native.score


def test_scores_stay_between_zero_and_one_on_odd_input():
    for text in ("", "Hello.", ",,,,,,,, ;;;; (((( «««« ", "the of the of the of " * 400, "Word " * 3000):
        report = check_text(text)
        assert 0.0 <= report.score <= 1.0
        assert all(0.0 <= s.score <= 1.0 for s in report.segments)


def test_a_short_text_leans_native():
    """Rates are shrunk towards native English, so three words cannot make a file suspicious."""
    assert check_text("").score < 0.5
    assert check_text("The report of the.").score < 0.5


def test_the_segment_holding_a_finding_ranks_first():
    text = ("The council met on Monday. It approved the budget for the new library and the pool. "
            "The mayor said the plan was ready” and that the works would begin in May. Residents welcomed it.")
    report = check_text(text)
    flagged = {f.segment for f in report.findings if f.severity.label != "info"}
    assert flagged, "the stray closing quote should be found"
    top = max(report.segments, key=lambda s: s.score)
    assert top.index in flagged


def test_a_longer_clean_sentence_is_more_suspicious_than_a_short_one():
    """With no finding, length carries the suspicion: a long sentence has more room for a slip."""
    report = check_text("Rain fell. The regional transport authority said the trains would run to a reduced "
                        "timetable for the rest of the week while engineers repaired the damaged line.")
    short, long = report.segments
    assert long.score > short.score


def test_other_target_languages_keep_the_finding_density_score():
    report = check_text("El gobierno aprobó el presupuesto del año que viene.", target_lang="es")
    assert report.score == 0.0
    assert scoring.model("document", None, "es") is None


def test_a_round_trip_model_serves_only_the_engine_it_was_fitted_on():
    """Another engine's chrF has another scale: its runs use the engine-less model."""
    fitted = scoring.model("document", "apertium")
    assert any(spec["name"] == "chrf" for spec in fitted["features"])
    assert scoring.model("document", "argos") is scoring.model("document", None)
    assert not any(spec["name"] == "chrf" for spec in scoring.model("document", None)["features"])


def test_every_model_feature_is_one_the_features_module_computes():
    """A renamed feature would otherwise drop out of the model silently."""
    table = tomllib.loads(resources.files("tqcheck.data").joinpath("en", "score_model.toml").read_text("utf-8"))
    seg = features.segment_features(features.sentence_counts("A sentence of the report."), (), 80.0)
    doc = features.document_features([0] * len(features.COUNTS), [], [], [])
    for level, known in (("document", doc), ("segment", seg)):
        for engine in ("none", "engine"):
            model = table[level][engine]
            assert math.isfinite(model["intercept"])
            for spec in model["features"]:
                assert spec["name"] in known, f"{level}.{engine}: unknown feature {spec['name']}"
                assert math.isfinite(spec["weight"]) and spec["scale"] > 0


def test_sentence_counts_read_english_style():
    c = dict(zip(features.COUNTS, features.sentence_counts(
        "The minister assured that the head of the office of the mayor doesn't know it’s this Friday.")))
    assert c["speech"] == 1 and c["said"] == 0 and c["speech_that"] == 1
    assert c["of_the"] == 2 and c["chain"] == 1
    assert c["contractions"] == 2 and c["this_weekday"] == 1
    said = dict(zip(features.COUNTS, features.sentence_counts("The company's chief said the plan works.")))
    assert said["said"] == 1 and said["contractions"] == 0  # a possessive 's is not a contraction


def test_scoring_imports_no_numpy():
    """The model is applied in plain Python: a one-file run never pays for numpy."""
    code = ("import sys; from tqcheck.api import check_text; check_text('The minister assured this Tuesday "
            "that the plan of the government will go ahead.'); print('numpy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_sentence_counts_find_each_repeat_and_edge_word():
    """Repeats, and words at the sentence's end (an "of", a "this", a reporting verb with nothing after
    it), are counted from the ASCII words as from the general pattern's."""
    c = dict(zip(features.COUNTS, features.sentence_counts(
        "He said that she said that the minister said so, of the two reports, of all of them: this")))
    assert c["speech"] == 3 and c["said"] == 3 and c["speech_that"] == 2
    assert c["of_the"] == 1 and c["chain"] == 2 and c["this_weekday"] == 0  # "of the two reports, of", "of all of"
    c = dict(zip(features.COUNTS, features.sentence_counts("Which report, whose author, whom they named, said of")))
    assert c["which"] == 3 and c["said"] == 1 and c["of_the"] == 0 and c["words"] == 9
    c = dict(zip(features.COUNTS, features.sentence_counts("This Monday and this tuesday, not this week.")))
    assert c["this_weekday"] == 2


def test_ascii_words_are_the_words_of_lower_cased_ascii_text():
    from tqcheck.checking.features import _ASCII_WORD, _word_pattern

    for text in ("It's the mayor's 2nd term (of three)--isn't it? 'Quoted' words, O'Neill's x_y a1b",
                 "Don''t stop' at ' the 'end'", "", "12 34 _ __a b__"):
        assert _ASCII_WORD.findall(text.lower()) == _word_pattern().findall(text.lower())
