"""The translation cache: round trip, reuse, concurrent writers and unusable files."""
from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import tqcheck
from tqcheck.translation.cache import (
    FILENAME,
    SCHEMA_VERSION,
    TranslationCache,
    cache_dir,
    cached_translate,
    cached_translate_detailed,
)
from tqcheck.translation.engines.apertium import ApertiumEngine
from tqcheck.translation.roundtrip import drift_words, sentence_chrf, translate_round_trip

REPO = Path(tqcheck.__file__).resolve().parents[1]
WARNING_RE = re.compile(
    r"^tqcheck: warning: translation cache \S+ unusable \([^\n]+\); continuing without it$"
)
NEWS = [
    "The government announced new measures on Friday.",
    "Police arrested three men after a robbery at a jewellery shop.",
    "The government announced new measures on Friday.",  # a repeat
    "",
    "Will the new law protect workers?",
]


class CountingEngine(ApertiumEngine):
    """The real Apertium engine, counting the batches it is asked to translate."""

    def __init__(self):
        super().__init__()
        self.batches: list[list[str]] = []

    def translate_batch_detailed(self, texts, source, target):
        # translate_batch goes through here too, so every batch is counted once.
        self.batches.append(list(texts))
        return super().translate_batch_detailed(texts, source, target)


@pytest.fixture(autouse=True)
def cache_home(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("TQCHECK_CACHE_DIR", str(folder))
    return folder


def _warnings(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.startswith("tqcheck: warning:")]


def test_cache_folder_choice(tmp_path, monkeypatch, cache_home):
    assert TranslationCache().path == cache_home / FILENAME
    monkeypatch.delenv("TQCHECK_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_dir() == tmp_path / "xdg" / "tqcheck"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    if sys.platform.startswith("linux"):
        assert cache_dir() == tmp_path / "home" / ".cache" / "tqcheck"


def test_the_linux_cache_folder_is_the_one_platformdirs_gives_without_importing_it(tmp_path, monkeypatch):
    import platformdirs  # a dependency: the folder off Linux

    from conftest import ROOT

    monkeypatch.delenv("TQCHECK_CACHE_DIR", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    for home in (tmp_path / "home", f"{tmp_path}/other home/"):
        monkeypatch.setenv("HOME", str(home))
        assert cache_dir() == Path(platformdirs.user_cache_dir("tqcheck", appauthor=False))
    probe = "import sys; from tqcheck.speed.cachedir import cache_dir; cache_dir(); print('platformdirs' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          env={"HOME": str(tmp_path), "PATH": "", "PYTHONPATH": str(ROOT)})
    assert done.stdout.strip() == ("False" if sys.platform.startswith("linux") else "True"), done.stderr


def test_round_trip_info_and_clear(capsys):
    with TranslationCache() as cache:
        assert cache.get_many("apertium", "v1", "en", "es", ["Hello."]) == {}
        cache.put_many("apertium", "v1", "en", "es", [("Hello.", "Hola."), ("Bye.", "Adiós.")])
        cache.put_many("apertium", "v1", "en", "es", [("Hello.", "¡Hola!")])  # replaces
        assert cache.get_many("apertium", "v1", "en", "es", ["Hello.", "Bye.", "New."]) == {
            "Hello.": "¡Hola!", "Bye.": "Adiós."}
        # Every key part counts.
        assert cache.get_many("apertium", "v2", "en", "es", ["Hello."]) == {}
        assert cache.get_many("argos", "v1", "en", "es", ["Hello."]) == {}
        assert cache.get_many("apertium", "v1", "es", "en", ["Hello."]) == {}
        info = cache.info()
        assert info["path"] == str(cache.path)
        assert info["entries"] == 2 and info["bytes"] > 0 and info["usable"]
        assert cache.clear() == 2
        assert cache.info()["entries"] == 0
    key = sqlite3.connect(cache.path).execute("SELECT key, text FROM translations").fetchall()
    assert key == []
    assert capsys.readouterr().err == ""


def test_many_keys_in_one_call():
    with TranslationCache() as cache:
        pairs = [(f"Sentence {i}.", f"Frase {i}.") for i in range(2500)]
        cache.put_many("apertium", "v1", "en", "es", pairs)
        found = cache.get_many("apertium", "v1", "en", "es", [t for t, _ in pairs])
        assert found == dict(pairs)


def test_second_run_does_not_call_the_engine(capsys):
    engine = CountingEngine()
    first = cached_translate(engine, NEWS, "en", "es", TranslationCache())
    # One batch, blanks and repeats left out.
    assert engine.batches == [[NEWS[0], NEWS[1], NEWS[4]]]
    assert "gobierno" in first[0].lower() and first[2] == first[0] and first[3] == ""

    second = cached_translate(engine, NEWS, "en", "es", TranslationCache())  # a new run
    assert second == first
    assert len(engine.batches) == 1

    third = cached_translate(engine, NEWS + ["The dog is small."], "en", "es", TranslationCache())
    assert engine.batches[1] == ["The dog is small."]
    assert third[:5] == first and third[5] == "El perro es pequeño."
    assert capsys.readouterr().err == ""


def test_unknown_words_are_cached_too():
    engine = CountingEngine()
    texts = ["The zorblax flimflammed the quuxy widget.", "The dog is small."]
    first = cached_translate_detailed(engine, texts, "en", "es", TranslationCache())
    assert "zorblax" in first[0][1] and first[1][1] == []
    # Plain translations cached earlier carry no unknown words: only those are refetched.
    cached_translate(engine, ["The house is big."], "en", "es", TranslationCache())
    again = cached_translate_detailed(engine, texts + ["The house is big."], "en", "es", TranslationCache())
    assert again[:2] == first
    assert engine.batches[-1] == ["The house is big."]
    assert len(engine.batches) == 3


def test_without_a_cache_still_one_deduplicated_batch():
    engine = CountingEngine()
    out = cached_translate(engine, NEWS, "en", "es", None)
    assert len(out) == len(NEWS) and len(engine.batches) == 1 and len(engine.batches[0]) == 3


def test_two_processes_writing_at_once(cache_home):
    script = textwrap.dedent("""
        import sys
        from tqcheck.translation.cache import TranslationCache
        who = sys.argv[1]
        cache = TranslationCache()
        sys.stdin.readline()  # start together
        for start in range(0, 200, 10):  # many small transactions, to interleave
            cache.put_many("apertium", "v1", "en", "es",
                           [(f"{who} {i}", f"{who} traducido {i}") for i in range(start, start + 10)])
        found = cache.get_many("apertium", "v1", "en", "es", [f"{who} {i}" for i in range(200)])
        assert len(found) == 200, len(found)
        print("ok")
    """)
    env = dict(os.environ, PYTHONPATH=str(REPO))
    procs = [
        subprocess.Popen([sys.executable, "-c", script, who], stdin=subprocess.PIPE,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        for who in ("first", "second")
    ]
    for proc in procs:
        proc.stdin.write("go\n")
        proc.stdin.flush()
    for proc in procs:
        out, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err
        assert out.strip() == "ok" and err == ""
    rows = sqlite3.connect(cache_home / FILENAME).execute("SELECT COUNT(*) FROM translations").fetchone()
    assert rows[0] == 400
    assert TranslationCache().info()["entries"] == 400


def test_corrupt_file_is_bypassed_and_left_alone(cache_home, capsys):
    cache_home.mkdir()
    garbage = bytes(range(256)) * 40
    path = cache_home / FILENAME
    path.write_bytes(garbage)
    engine = CountingEngine()
    cache = TranslationCache()
    first = cached_translate(engine, NEWS, "en", "es", cache)
    second = cached_translate(engine, NEWS, "en", "es", cache)
    assert "gobierno" in first[0].lower() and second == first
    assert len(engine.batches) == 2  # no cache, so the engine works each time
    assert cache.get_many("apertium", "v1", "en", "es", ["x"]) == {}
    trips = translate_round_trip(engine, NEWS, "en", "es", cache)
    assert "government" in trips[0].round_trip and trips[0].chrf == sentence_chrf(trips[0].round_trip, NEWS[0])
    assert cache.info()["entries"] == 0 and not cache.info()["usable"]
    warnings = _warnings(capsys.readouterr().err)
    assert len(warnings) == 1 and WARNING_RE.match(warnings[0])
    assert "not a database" in warnings[0]
    assert path.read_bytes() == garbage
    assert sorted(p.name for p in cache_home.iterdir()) == [FILENAME]


def test_clear_replaces_a_corrupt_file(cache_home, capsys):
    cache_home.mkdir()
    (cache_home / FILENAME).write_bytes(b"not sqlite at all\n" * 100)
    cache = TranslationCache()
    assert cache.clear() == 0
    assert cache.usable
    cache.put_many("apertium", "v1", "en", "es", [("a", "b")])
    assert cache.get_many("apertium", "v1", "en", "es", ["a"]) == {"a": "b"}
    assert len(_warnings(capsys.readouterr().err)) == 1


def test_foreign_schema_is_bypassed(cache_home, capsys):
    cache_home.mkdir()
    db = sqlite3.connect(cache_home / FILENAME)
    db.execute("CREATE TABLE translations (key TEXT PRIMARY KEY, value TEXT)")
    db.execute("INSERT INTO translations VALUES ('k', 'v')")
    db.commit()
    db.close()
    before = (cache_home / FILENAME).read_bytes()
    cache = TranslationCache()
    cache.put_many("apertium", "v1", "en", "es", [("a", "b")])
    assert cache.get_many("apertium", "v1", "en", "es", ["a"]) == {}
    warnings = _warnings(capsys.readouterr().err)
    assert len(warnings) == 1 and "unexpected schema" in warnings[0]
    assert (cache_home / FILENAME).read_bytes() == before


def test_folder_that_cannot_be_created(tmp_path, monkeypatch, capsys):
    # Tests run as root, where permissions do not stop writes; a folder under
    # a regular file cannot be created by anyone.
    (tmp_path / "afile").write_text("a file, not a folder\n")
    monkeypatch.setenv("TQCHECK_CACHE_DIR", str(tmp_path / "afile" / "sub"))
    engine = CountingEngine()
    cache = TranslationCache()
    out = cached_translate(engine, NEWS, "en", "es", cache)
    assert "gobierno" in out[0].lower()
    cached_translate(engine, NEWS, "en", "es", cache)
    cache.put_many("apertium", "v1", "en", "es", [("a", "b")])
    assert translate_round_trip(engine, NEWS, "en", "es", cache)[1].round_trip
    assert cache.info() == {"path": str(tmp_path / "afile" / "sub" / FILENAME), "entries": 0,
                            "bytes": 0, "usable": False, "problem": cache.info()["problem"]}
    warnings = _warnings(capsys.readouterr().err)
    assert len(warnings) == 1 and WARNING_RE.match(warnings[0])
    assert "Not a directory" in warnings[0]


def _scored_fresh(text: str, trip) -> bool:
    """The round trip's figures are what sacrebleu and the drift rule give for it now."""
    return trip.chrf == sentence_chrf(trip.round_trip, text) and trip.drift == drift_words(text, trip.round_trip)


def test_round_trips_are_cached_with_their_scores(capsys):
    engine = CountingEngine()
    first = translate_round_trip(engine, NEWS, "en", "es", TranslationCache())
    assert len(engine.batches) == 2  # out and back, each once
    assert "government" in first[0].round_trip.lower() and first[2] == first[0]
    assert all(_scored_fresh(text, trip) for text, trip in zip(NEWS, first))
    assert first[3].round_trip == "" and first[3].chrf == sentence_chrf("", "")  # the blank one

    again = translate_round_trip(engine, NEWS, "en", "es", TranslationCache())  # a new run
    assert again == first and len(engine.batches) == 2
    rows = sqlite3.connect(TranslationCache().path).execute("SELECT text, chrf FROM round_trips").fetchall()
    assert sorted(rows) == sorted({(t, trip.chrf) for t, trip in zip(NEWS, first) if t})

    more = translate_round_trip(engine, NEWS + ["The dog is small."], "en", "es", TranslationCache())
    assert more[:5] == first and engine.batches[2:] == [["The dog is small."], ["El perro es pequeño."]]
    assert capsys.readouterr().err == ""


def _local_eng_spa(tmp_path: Path, fix: str) -> Path:
    """Apertium's installed eng-spa data as a pair built locally (not a Debian package, so its
    version is its files' age), with a last sed stage in spa-eng standing for a change to the data."""
    data = tmp_path / "apertium-eng-spa-local"
    data.mkdir()
    installed = Path("/usr/share/apertium/apertium-eng-spa")
    for item in installed.iterdir():
        (data / item.name).symlink_to(item)
    (data / "fix.sed").write_text(fix)
    modes = tmp_path / "modes"
    modes.mkdir()
    for name in ("eng-spa", "spa-eng"):
        pipeline = (installed.parent / "modes" / f"{name}.mode").read_text().strip().replace(str(installed), str(data))
        if name == "spa-eng":
            pipeline += f" | sed -f '{data / 'fix.sed'}'"
        (modes / f"{name}.mode").write_text(pipeline + "\n")
    return modes


def test_a_changed_engine_version_invalidates_cached_scores(tmp_path):
    modes = _local_eng_spa(tmp_path, "s/^//\n")
    before = ApertiumEngine(modes)
    text = ["The government announced new measures on Friday."]
    (old,) = translate_round_trip(before, text, "en", "es", TranslationCache())
    assert "Friday" in old.round_trip

    fix = modes.parent / "apertium-eng-spa-local" / "fix.sed"
    fix.write_text("s/Friday/Saturday/g\n")
    later = fix.stat().st_mtime + 10
    os.utime(fix, (later, later))  # the data's newer version
    after = ApertiumEngine(modes)
    assert after.version_for("es", "en") != before.version_for("es", "en")
    (new,) = translate_round_trip(after, text, "en", "es", TranslationCache())
    assert "Saturday" in new.round_trip and "Friday" in new.drift
    assert new.chrf < old.chrf and _scored_fresh(text[0], new)
    # The older version's round trip is still there for that version.
    assert translate_round_trip(before, text, "en", "es", TranslationCache()) == [old]


def test_a_cache_from_the_previous_schema_is_upgraded_in_place(cache_home):
    cache_home.mkdir()
    db = sqlite3.connect(cache_home / FILENAME)
    db.execute("""CREATE TABLE translations (key TEXT PRIMARY KEY, tqcheck TEXT NOT NULL, engine TEXT NOT NULL,
        version TEXT NOT NULL, source TEXT NOT NULL, target TEXT NOT NULL, text TEXT NOT NULL,
        translation TEXT NOT NULL, unknown TEXT, created REAL NOT NULL)""")
    db.execute("PRAGMA user_version = 1")
    db.commit()
    db.close()
    TranslationCache().put_many("apertium", "v1", "en", "es", [("Hello.", "Hola.")])
    engine = CountingEngine()
    translate_round_trip(engine, NEWS, "en", "es", TranslationCache())
    assert TranslationCache().get_many("apertium", "v1", "en", "es", ["Hello."]) == {"Hello.": "Hola."}
    again = translate_round_trip(engine, NEWS, "en", "es", TranslationCache())
    assert len(engine.batches) == 2 and again[0].round_trip
    db = sqlite3.connect(cache_home / FILENAME)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 2
    assert db.execute("SELECT COUNT(*) FROM round_trips").fetchone()[0] == 3
    cleared = TranslationCache()
    assert cleared.clear() == 1 + 6  # translations; their round trips go with them
    assert db.execute("SELECT COUNT(*) FROM round_trips").fetchone()[0] == 0


def test_a_cache_from_a_newer_schema_is_bypassed(cache_home, capsys):
    cache_home.mkdir()
    TranslationCache().close()
    db = sqlite3.connect(cache_home / FILENAME)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.commit()
    db.close()
    engine = CountingEngine()
    trips = translate_round_trip(engine, NEWS, "en", "es", TranslationCache())
    assert trips[0].round_trip and _scored_fresh(NEWS[0], trips[0])
    warnings = _warnings(capsys.readouterr().err)
    assert len(warnings) == 1 and "written by a newer tqcheck" in warnings[0]
