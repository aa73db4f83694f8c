"""Languages are detected cheaply and deterministically; heavy modules load only when used."""
from __future__ import annotations

import json
import subprocess
import sys

from conftest import SEED, run_json

SPANISH = (
    "El Gobierno anunció este viernes nuevas medidas para contener la inflación, que según el "
    "banco central alcanzó su nivel más alto en una década.\n\nLos sindicatos rechazaron el plan "
    "y convocaron una huelga para la próxima semana.\n"
)


def _modules_after_check(*args, env=None):
    code = (
        "import sys, runpy\n"
        f"sys.argv = ['tqcheck', 'check', *{list(map(str, args))!r}]\n"
        "try:\n    runpy.run_module('tqcheck', run_name='__main__')\n"
        "except SystemExit:\n    pass\n"
        "import json\nprint(json.dumps(sorted(sys.modules)), file=sys.stderr)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    return set(json.loads(proc.stderr.strip().splitlines()[-1]))


def test_an_english_article_without_an_engine_pays_for_no_heavy_module():
    loaded = _modules_after_check("--engine", "none", "--format", "json", SEED)
    for heavy in ("langdetect", "sacrebleu", "argostranslate", "ctranslate2", "torch", "sqlite3"):
        assert heavy not in loaded, f"{heavy} was imported"


def test_the_pre_commit_command_outside_a_configured_folder_imports_no_parser_it_does_not_use(tmp_path):
    """No click (its arguments are plain), no TOML parser (no configuration file above the article, and
    the data's tables come parsed from the warm-start file), no platformdirs (a Linux home's cache folder
    is known), no `signal` (its handlers are set through `_signal`), no source-aware family (there is no
    original)."""
    import os

    article = tmp_path / "article.txt"
    article.write_text(SEED.read_text("utf-8"), "utf-8")
    home = tmp_path / "home"
    env = {key: value for key, value in os.environ.items() if key not in ("TQCHECK_CACHE_DIR", "XDG_CACHE_HOME")}
    _modules_after_check("--engine", "none", article, env={**env, "HOME": str(home)})  # fills the warm-start file
    loaded = _modules_after_check("--engine", "none", article, env={**env, "HOME": str(home)})
    assert "tqcheck.rules.calques" in loaded and (home / ".cache" / "tqcheck").is_dir()
    for unused in ("click", "tomllib", "signal") + (("platformdirs",) if sys.platform == "linux" else ()):
        assert unused not in loaded, f"{unused} was imported"
    # without an original, the families whose every detector needs one are not imported either
    for family in ("source", "placeholders", "units"):
        assert f"tqcheck.rules.{family}" not in loaded, family
    with_source = _modules_after_check("--engine", "none", "--source", article, "--source-lang", "en", article,
                                       env={**env, "HOME": str(home)})
    assert {"tqcheck.rules.source", "tqcheck.rules.placeholders", "tqcheck.rules.units"} <= with_source
    # every dataclass has a docstring, so `dataclasses` never writes one through inspect (ast, dis, tokenize)
    assert "inspect" not in loaded and "inspect" not in with_source


def test_target_language_is_detected_per_document(tmp_path):
    es = tmp_path / "noticia.txt"
    es.write_text(SPANISH, encoding="utf-8")
    _, report = run_json("--engine", "none", es, SEED)
    assert [f["target_lang"] for f in report["files"]] == ["es", "en"]


def test_detection_is_deterministic_on_short_ambiguous_text(tmp_path):
    from tqcheck.text.language import detect_with_profiles

    answers = {detect_with_profiles("Plaza Mayor hotel reservations online") for _ in range(5)}
    assert len(answers) == 1


def test_findings_name_the_source_language_they_assume_when_it_is_unknown():
    _, report = run_json("--engine", "none", SEED)
    # Findings that come from a language pair's data (fixed calques, false friends) name the pair's source.
    from_pair_data = [f for f in report["files"][0]["findings"] if f["code"] in ("C104", "F101")]
    assert from_pair_data and all(f["source_lang"] for f in from_pair_data)
    assert {lang for f in from_pair_data for lang in f["source_lang"].split(",")} <= {"es", "fr", "pt"}
    _, known = run_json("--engine", "none", "--source-lang", "es", SEED)
    assert known["files"][0]["source_lang"] == "es"


def test_markdown_disable_enable_and_ignore_next_line(tmp_path):
    text = (
        "# Talks\n\n"
        "<!-- tqcheck: disable Q101 -->\n"
        "The minister promised talks on border guarantees” requested by the unions.\n"
        "<!-- tqcheck: enable -->\n\n"
        "<!-- tqcheck: ignore-next-line -->\n"
        "The unions rejected”any new delay” in the talks.\n\n"
        "The mayor promised talks on water guarantees” requested by farmers.\n"
    )
    path = tmp_path / "post.md"
    path.write_text(text, encoding="utf-8")
    _, report = run_json("--engine", "none", "--select", "Q1", path)
    found = [(f["code"], f["line"]) for f in report["files"][0]["findings"]]
    assert found == [("Q101", 10)]


def test_wrong_target_language_is_noted(tmp_path):
    es = tmp_path / "noticia.txt"
    es.write_text(SPANISH, encoding="utf-8")
    _, report = run_json("--engine", "none", "--target-lang", "en", es)
    assert "this text reads as es, not en as --target-lang says" in report["files"][0]["notes"]


def test_unknown_language_is_checked_as_english_and_says_so(tmp_path):
    ru = tmp_path / "novosti.txt"
    ru.write_text(
        "Правительство объявило в пятницу о новых мерах по сдерживанию инфляции, которая, по данным "
        "центрального банка, достигла самого высокого уровня за десятилетие и продолжает расти.\n",
        encoding="utf-8",
    )
    proc, report = run_json("--engine", "none", ru)
    assert proc.returncode == 0
    assert report["files"][0]["notes"][0].startswith("could not tell the language of this text")


def test_leaving_out_what_needs_an_original_keeps_every_other_detector_and_what_the_selection_needs():
    from tqcheck import rules

    everything = rules.select(None, None)
    plain = rules.select(None, None, frozenset({"source"}))
    assert [d.code for d in plain] == [d.code for d in everything if "source" not in d.needs]
    assert len(plain) < len(everything)
    # the round trip runs when a chosen detector wants an engine, even one left out for want of an original
    assert rules.chosen_needs(["A"], None, "en") == {"source", "engine"}
    assert rules.chosen_needs(["Q", "C104"], None, "en") == set()
