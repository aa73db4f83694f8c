"""The Apertium engine and engine choice, run against the real `apertium` command."""
from __future__ import annotations

import os
import signal
import time
import uuid
from pathlib import Path

import pytest

from tqcheck.translation.engines import ENGINE_CHOICES, choose_engine
from tqcheck.translation.engines.apertium import ApertiumEngine, _dpkg_version
from tqcheck.translation.engines.base import base_language, iso3
from tqcheck.errors import ConfigError, EngineError


NEWS = [
    "The government announced new measures on Friday.",
    "Police arrested three men after a robbery at a jewellery shop.",
    "The minister said the economy would grow by two percent next year.",
]


@pytest.fixture(scope="module")
def engine():
    with ApertiumEngine() as eng:
        yield eng


def _processes_with(marker: str) -> list[int]:
    pids = []
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                if marker.encode() in (proc / "cmdline").read_bytes():
                    pids.append(int(proc.name))
            except OSError:
                pass
    return pids


def _assert_gone(marker: str) -> None:
    deadline = time.monotonic() + 3
    while _processes_with(marker) and time.monotonic() < deadline:
        time.sleep(0.05)  # SIGKILL is asynchronous
    assert _processes_with(marker) == []


def _unique_sleep() -> str:
    """A `sleep` duration that names its process uniquely in /proc/*/cmdline."""
    return f"599.{uuid.uuid4().int % 10**9:09d}"


def _fake_modes(tmp_path: Path, pipeline: str, name: str = "eng-spa") -> Path:
    modes = tmp_path / "modes"
    modes.mkdir(exist_ok=True)
    (modes / f"{name}.mode").write_text(pipeline + "\n")
    return modes


def test_translates_english_news_into_spanish_and_back(engine):
    spanish = engine.translate_batch(NEWS, "en", "es")
    assert "gobierno" in spanish[0].lower()
    assert "viernes" in spanish[0]
    assert "policía" in spanish[1].lower()
    english = engine.translate_batch(spanish, "es", "en")
    assert "government" in english[0]
    assert "Friday" in english[0]
    assert "police" in english[1].lower()


def test_batch_keeps_count_and_order(engine):
    texts = [
        "The dog is small.",
        "",
        '"Where is the cat?" she asked.',
        "Is the water cold?",
        "You may also like",  # a heading: no final punctuation
        "The book was on the table.",
        'The car, said the driver, "is red."',
        "Line one\nline two.",
        "   ",
        "Costs [in euros] rose ^ 5$.",
        "The bread is fresh!",
    ]
    expected = ["perro", "", "gato", "agua", "gustar", "libro", "coche", "línea", "", "euros", "pan"]
    out = engine.translate_batch(texts, "en", "es")
    assert len(out) == len(texts)
    for text, translation, word in zip(texts, out, expected):
        if word:
            assert word in translation.lower(), (text, translation)
            assert "\n" not in translation
        else:
            assert translation == ""
    assert out[9] == "Costes [en euros] ascendió ^ 5$."  # stream-format characters survive


def test_empty_batch_and_blank_only(engine):
    assert engine.translate_batch([], "en", "es") == []
    assert engine.translate_batch(["", " \n "], "en", "es") == ["", ""]


def test_unknown_words_are_reported_and_unmarked(engine):
    (text, unknown), (plain, none) = engine.translate_batch_detailed(
        ["The zorblax flimflammed the quuxy widget.", "The dog is small."], "en", "es"
    )
    assert {"zorblax", "quuxy"} <= set(unknown)
    assert "*" not in text and "zorblax" in text
    assert none == [] and plain == "El perro es pequeño."


def test_literal_mark_characters_are_not_taken_for_marks(engine):
    [(text, unknown)] = engine.translate_batch_detailed(
        ["Rated 5* by critics, #1 in sales: write to news@example.com or @editor."], "en", "es"
    )
    assert unknown == []
    for kept in ("5*", "#1", "news@example.com", "@editor"):
        assert kept in text


def test_version_and_pairs(engine):
    assert engine.version.startswith("apertium ")
    assert "apertium-eng-spa" in engine.version
    assert "eng-spa" in engine.version_for("en", "es")
    assert {("en", "es"), ("es", "en")} <= engine.pairs()
    assert ("es", "en") in engine.pairs()  # spa-eng_US is not a separate pair


def test_versions_are_read_from_dpkg_status_without_starting_dpkg_query(tmp_path, monkeypatch):
    import subprocess

    def dpkg_query(package):
        done = subprocess.run(["dpkg-query", "-W", "-f", "${Version}", package], capture_output=True, text=True)
        return done.stdout.strip() if done.returncode == 0 else None

    expected = {package: dpkg_query(package) for package in ("apertium", "apertium-eng-spa")}
    assert all(expected.values())
    assert dpkg_query("apertium-no-such-pair") is None
    # From here on dpkg-query (and `apertium -V`, the fallback) fail loudly and log their start.
    log = tmp_path / "started.log"
    (tmp_path / "bin").mkdir()
    for name in ("dpkg-query", "apertium"):
        fake = tmp_path / "bin" / name
        fake.write_text(f"#!/bin/sh\necho {name} >> '{log}'\nexit 3\n")
        fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}:{os.environ['PATH']}")
    fresh = ApertiumEngine()
    assert fresh.version_for("en", "es") == (
        f"apertium {expected['apertium']} / apertium-eng-spa {expected['apertium-eng-spa']} (mode eng-spa)")
    assert _dpkg_version("apertium-no-such-pair") is None
    assert not log.exists()


def test_language_codes(engine):
    assert base_language("en-US") == "en" and base_language("spa") == "es"
    assert iso3("pt-BR") == "por" and base_language("ast") == "ast"
    assert engine.mode_for("en-GB", "es-ES").name == "eng-spa"
    assert engine.mode_for("es", "en").name == "spa-eng"  # the plain mode, not the variant
    assert engine.mode_for("es", "en-US").name == "spa-eng_US"
    assert engine.translate_batch(["The dog is small."], "eng", "spa") == ["El perro es pequeño."]


def test_unsupported_pair_raises(engine):
    with pytest.raises(EngineError, match="no en→ja mode"):
        engine.translate_batch(["Hello."], "en", "ja")


def test_choose_engine():
    assert ENGINE_CHOICES == ("auto", "argos", "apertium", "none")
    assert choose_engine("none", "en", "es").engine is None
    chosen, reason = choose_engine("auto", "en", "es")
    assert isinstance(chosen, ApertiumEngine) and "apertium" in reason
    assert isinstance(choose_engine("apertium", "es-ES", "en").engine, ApertiumEngine)
    none, reason = choose_engine("auto", "en", "ja")
    assert none is None
    assert "no engine offers en↔ja" in reason and "skipped" in reason
    with pytest.raises(EngineError, match="apertium has no"):
        choose_engine("apertium", "en", "ja")
    with pytest.raises(ConfigError):
        choose_engine("google", "en", "es")


def test_missing_binary(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))  # a PATH without apertium
    assert not ApertiumEngine.available()
    with pytest.raises(EngineError, match=r"^apertium is not installed \(apt-get install apertium"):
        ApertiumEngine()
    with pytest.raises(EngineError):
        choose_engine("apertium", "en", "es")
    engine, reason = choose_engine("auto", "en", "es")
    assert engine is None and "en↔es" in reason


def test_one_process_per_batch_and_realignment(tmp_path):
    """Test double: modes whose pipelines are `cat` (identity) and a stage that
    merges paragraphs — a misalignment real Apertium was not seen to produce."""
    runs = tmp_path / "runs"
    _fake_modes(tmp_path, f"sh -c 'echo run >> {runs}; cat'", "eng-spa")
    merge = 's/\\[\\n\\n\\]/[ ]/g'
    modes = _fake_modes(tmp_path, f"sh -c 'echo run >> {runs}; sed -z \"{merge}\"'", "spa-eng")
    engine = ApertiumEngine(modes)
    texts = [f"Sentence number {i}." for i in range(50)]
    assert engine.translate_batch(texts, "en", "es") == texts
    assert runs.read_text().count("run") == 1
    four = ["A.", "B?", "", "C", 'D "quoted".']
    assert engine.translate_batch(four, "es", "en") == four
    # 4 non-blank sentences: 1 merged run, then halves and quarters (2 + 4).
    assert runs.read_text().count("run") == 1 + 7


def test_process_dying_mid_batch(tmp_path):
    """Test double: a mode whose pipeline reads a little, then is killed (with a
    background child it leaves behind) — a crash real Apertium cannot be made to have."""
    marker = _unique_sleep()
    modes = _fake_modes(
        tmp_path, f"sh -c 'sleep {marker} >/dev/null 2>&1 </dev/null & head -c 10; kill -9 $$'"
    )
    engine = ApertiumEngine(modes)
    with pytest.raises(EngineError) as info:
        engine.translate_batch(NEWS * 20, "en", "es")
    message = str(info.value)
    assert message.startswith("apertium eng-spa failed (exit status 137)")
    assert "\n" not in message
    _assert_gone(marker)


def test_hanging_process_times_out(tmp_path):
    """Test double: a mode that never answers, as a hung pipeline would."""
    marker = _unique_sleep()
    modes = _fake_modes(tmp_path, f"sleep {marker}")
    engine = ApertiumEngine(modes, timeout=1)
    started = time.monotonic()
    with pytest.raises(EngineError, match="did not answer within 1 s and was stopped"):
        engine.translate_batch(["Hello."], "en", "es")
    assert time.monotonic() - started < 10
    _assert_gone(marker)


def test_ctrl_c_leaves_no_process(tmp_path):
    """Test double: a hung mode, interrupted by KeyboardInterrupt from a timer signal."""
    marker = _unique_sleep()
    modes = _fake_modes(tmp_path, f"sleep {marker}")
    engine = ApertiumEngine(modes, timeout=60)

    def interrupt(signum, frame):
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGALRM, interrupt)
    try:
        signal.setitimer(signal.ITIMER_REAL, 0.5)
        with pytest.raises(KeyboardInterrupt):
            engine.translate_batch(["Hello."], "en", "es")
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    _assert_gone(marker)


def test_modes_dir_from_environment(tmp_path, monkeypatch):
    modes = _fake_modes(tmp_path, "cat")
    monkeypatch.setenv("APERTIUM_MODES_DIR", str(modes))
    assert ApertiumEngine.available()
    assert ApertiumEngine().pairs() == {("en", "es")}
    monkeypatch.setenv("APERTIUM_MODES_DIR", str(tmp_path / "nothing" / "modes"))
    assert not ApertiumEngine.available()
    with pytest.raises(EngineError, match="no translation modes"):
        ApertiumEngine()
