"""The warm-start file: a second run reuses parsed data and compiled patterns, and a bad file is never trusted."""
from __future__ import annotations

import marshal
import re

import pytest

from conftest import SEED, run_tqcheck
from tqcheck.speed import warmstart
from tqcheck.rules import calques, false_friends

SEED_TEXT = SEED.read_text("utf-8")


def _stored(cache_dir):
    files = list(cache_dir.glob("warmstart-*.marshal"))
    assert len(files) == 1, files
    return files[0]


def _check_seed(*extra):
    return run_tqcheck("check", "--engine", "none", "--format", "json", *extra, SEED)


@pytest.mark.parametrize("pattern, flags", [
    # The shapes the detectors use: named groups, inline flags, look-arounds, case-insensitive tables.
    (r"\b(?P<verb>said|assured|explained)\s+(?:that\s+)?(?P<rest>[a-z]+)", re.IGNORECASE),
    (r"[”\"’»]\s*,\s*(?P<verb>(?i:said|added))", 0),
    (r"(?<=\d)\.(?=\d{3}\b)", 0),
    (r"^\s*(?:Source|Fuente)s?\s*:.*$", re.IGNORECASE | re.MULTILINE),
])
def test_a_pattern_rebuilt_from_its_stored_program_matches_like_re_compile(pattern, flags):
    compiled, parts = warmstart._compile(pattern, flags)
    assert parts is not None
    reloaded = warmstart._rebuild(pattern, marshal.loads(marshal.dumps(parts)))
    expected = re.compile(pattern, flags)
    spans = [(m.span(), m.groupdict(), m.groups()) for m in expected.finditer(SEED_TEXT)]
    assert [(m.span(), m.groupdict(), m.groups()) for m in reloaded.finditer(SEED_TEXT)] == spans
    assert [(m.span(), m.groups()) for m in compiled.finditer(SEED_TEXT)] == [(s, g) for s, _, g in spans]
    assert reloaded.groupindex == expected.groupindex and reloaded.flags == expected.flags


def test_the_first_run_stores_data_and_patterns_and_the_second_gives_the_same_report(private_cache):
    first = _check_seed()
    stored = _stored(private_cache)
    _, data, patterns = warmstart.unpack(stored.read_bytes())
    assert "toml:es-en/calques.toml" in data and "source_words:es" in data
    assert len(patterns) > 100
    written = stored.stat().st_mtime_ns
    second = _check_seed()
    assert second.returncode == first.returncode == 1
    assert second.stdout == first.stdout and second.stderr == first.stderr == ""
    assert stored.stat().st_mtime_ns == written, "a run that built nothing new must not rewrite the file"


def test_a_corrupt_file_is_ignored_silently_and_replaced(private_cache):
    expected = _check_seed().stdout
    stored = _stored(private_cache)
    stored.write_bytes(b"\x00not marshal at all" * 100)
    again = _check_seed()
    assert again.stdout == expected and again.stderr == ""
    fingerprint, data, _ = warmstart.unpack(stored.read_bytes())
    assert "toml:quotes.toml" in data


def test_a_file_from_another_version_or_data_is_not_trusted(private_cache):
    expected = _check_seed().stdout
    stored = _stored(private_cache)
    fingerprint, data, patterns = warmstart.unpack(stored.read_bytes())
    # Same keys, poisoned values, a fingerprint that no longer matches (as after an upgrade or a data edit).
    poisoned = {key: {} for key in data}
    stored.write_bytes(warmstart.pack(("0.0.0-other",) + tuple(fingerprint[1:]), poisoned, {}))
    assert _check_seed().stdout == expected
    # The same poison under the right fingerprint would be believed: this is what the fingerprint guards.
    stored.write_bytes(warmstart.pack(fingerprint, poisoned, {}))
    assert _check_seed().stdout != expected


def test_an_unwritable_cache_folder_costs_nothing_but_speed(tmp_path):
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("a file where the cache folder should be")
    done = run_tqcheck("check", "--engine", "none", "--format", "json", SEED,
                       env={"TQCHECK_CACHE_DIR": str(blocked / "cache")})
    assert done.returncode == 1 and done.stderr == ""
    assert '"code": "Q101"' in done.stdout


def test_cache_clear_removes_the_warm_start_file(private_cache):
    _check_seed()
    _stored(private_cache)
    done = run_tqcheck("cache", "clear")
    assert done.returncode == 0, done.stderr
    assert "removed the warm-start file" in done.stdout
    assert not list(private_cache.glob("warmstart-*"))


def test_tables_built_from_word_sets_are_the_same_pattern_in_every_process():
    # Set order changes with the hash seed; a pattern text that changed per run would never be reused.
    assert calques.alternation("words.toml", "weekday_words") == calques.alternation("words.toml", "weekday_words")
    probe = ("import tqcheck.rules.calques as c; print(c.alternation('verbs.toml', 'irregular_past_words'))")
    import subprocess
    import sys

    outputs = {subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                              env={"PYTHONHASHSEED": str(seed), "PATH": ""}).stdout for seed in (1, 2, 3)}
    assert len(outputs) == 1 and outputs.pop().strip()
    assert false_friends._trie_regex(["realiz", "real", "actual"]) == "(?:actual|real(?:iz)?)"


def test_the_fingerprint_covers_the_code_that_builds_stored_values_and_the_data():
    # Anchors, tries and word buckets are built by code: an edited checkout must rebuild them.
    names = {path.replace("\\", "/") for path, _, _ in warmstart._package_stamp()}
    assert {"/speed/prefilter.py", "/speed/wordlist.py", "/rules/calques.py", "/data/es-en/calques.toml",
            "/data/es-en/source_words.txt"} <= names
    assert not any("__pycache__" in name for name in names)


def test_tqcheck_dataclass_methods_come_compiled_from_the_file_and_behave_as_written(private_cache):
    """A class of a tqcheck module compiled once (its methods' code kept in the warm-start table), then a
    class of the same shape served that code: equal behaviour; a user's dataclass never enters the table."""
    import dataclasses
    import sys
    import types

    from tqcheck.speed import dataclass_code

    dataclass_code.install()
    warmstart.code(dataclass_code.KEY, "pass")  # the table, read from the file or begun
    table = warmstart._load()[0][dataclass_code.KEY]
    source = ("from dataclasses import dataclass, field\n\n"
              "@dataclass\nclass Quote:\n    speaker: str\n    words: str\n    at: int = 0\n"
              "    tags: list = field(default_factory=list)\n")
    made = []
    for name in ("tqcheck._probe_a", "tqcheck._probe_b"):
        module = types.ModuleType(name)
        sys.modules[name] = module
        try:
            exec(source, module.__dict__)
        finally:
            del sys.modules[name]
        made.append((module.Quote, len(table)))
    (first, after_first), (second, after_second) = made
    assert after_first > 0 and after_second == after_first, "the second class compiled its methods again"
    a = first("Dina Boluarte", "No voy a renunciar", 12)
    assert repr(a) == "Quote(speaker='Dina Boluarte', words='No voy a renunciar', at=12, tags=[])"
    assert a == first("Dina Boluarte", "No voy a renunciar", 12) and a != first("Dina Boluarte", "Sí", 12)
    assert second("José Jerí", "Gracias").at == 0 and second("José Jerí", "Gracias").tags is not a.tags

    @dataclasses.dataclass
    class Outside:  # this test module is not tqcheck's
        title: str

    assert Outside("El Comercio").title == "El Comercio" and len(table) == after_second


def test_dataclasses_import_inspect_only_for_a_class_without_a_docstring():
    """`dataclasses` asks `inspect` for one thing, the signature it writes as the docstring of a class that has
    none: a start whose classes all have docstrings does not import it, and a class without one still gets it."""
    import subprocess
    import sys

    probe = (
        "import sys\n"
        "from tqcheck.speed import dataclass_code\n"
        "from dataclasses import dataclass, field\n"
        "loaded = ['inspect' in sys.modules, 'ast' in sys.modules]\n"
        "@dataclass(frozen=True)\n"
        "class Byline:\n"
        "    \"\"\"Who signed an article.\"\"\"\n"
        "    name: str\n"
        "    agency: str = 'EFE'\n"
        "loaded.append('inspect' in sys.modules)\n"
        "@dataclass\n"
        "class Dateline:\n"
        "    city: str\n"
        "    day: int = 1\n"
        "    tags: list = field(default_factory=list)\n"
        "import inspect\n"
        "print(loaded, Byline('Ana Ruiz'), Byline.__doc__, Dateline.__doc__, sep='|')\n"
        "print(inspect.signature is sys.modules['dataclasses'].inspect.signature)\n"
    )
    from conftest import ROOT

    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True,
                          env={**__import__("os").environ, "PYTHONPATH": str(ROOT)})
    loaded, byline, byline_doc, dateline_doc = done.stdout.splitlines()[0].split("|")
    assert loaded == "[False, False, False]"
    assert byline == "Byline(name='Ana Ruiz', agency='EFE')" and byline_doc == "Who signed an article."
    assert dateline_doc == "Dateline(city: str, day: int = 1, tags: list = <factory>)"  # as dataclasses writes it
    assert done.stdout.splitlines()[1] == "True"  # the stand-in handed over to the real module


def test_a_second_command_run_keeps_the_dataclass_code_and_reports_the_same(private_cache):
    first = _check_seed()
    stored = warmstart.unpack(_stored(private_cache).read_bytes())[1]
    from tqcheck.speed import dataclass_code

    kept = stored.get(dataclass_code.KEY)
    assert kept and any(" def __init__(self,code:" in source for source in kept), "Finding's __init__ was not kept"
    second = _check_seed()
    assert first.stdout == second.stdout and first.returncode == second.returncode == 1


def test_a_run_reads_only_the_values_it_asks_for_and_a_rewrite_keeps_the_rest(private_cache):
    import subprocess
    import sys

    from conftest import ROOT

    _check_seed()  # every value a seed run builds, for all three source languages
    _, data_before, patterns_before = warmstart.unpack(_stored(private_cache).read_bytes())
    assert len(data_before) > 30
    probe = ("from tqcheck.speed import warmstart\n"
             "quotes = warmstart.data('toml:quotes.toml', lambda: 1 / 0)\n"  # read from the file, never built
             "print(len(warmstart._stored.sections['data']), len(warmstart._data))\n"
             "warmstart.data('probe:new', lambda: ['built', 1])\n"
             "warmstart.save()\n")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          env={**__import__("os").environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stderr
    unread, read = map(int, done.stdout.split())
    assert (unread, read) == (len(data_before) - 1, 1)
    _, data_after, patterns_after = warmstart.unpack(_stored(private_cache).read_bytes())
    assert data_after == {**data_before, "probe:new": ["built", 1]}
    assert patterns_after == patterns_before


def test_a_damaged_value_is_built_again_and_the_others_are_still_read(private_cache):
    expected = _check_seed().stdout
    path = _stored(private_cache)
    fingerprint, data, patterns = warmstart.unpack(path.read_bytes())
    raw = bytearray(warmstart.pack(fingerprint, data, patterns))
    blob = marshal.dumps(data["toml:quotes.toml"])
    at = raw.index(blob)
    raw[at:at + len(blob)] = b"\xff" * len(blob)  # not marshal: unreadable, never believed
    path.write_bytes(bytes(raw))
    stored = warmstart._Stored(bytes(raw))
    assert stored.value("data", "toml:quotes.toml", None) is None
    assert stored.value("data", "toml:es-en/calques.toml") == data["toml:es-en/calques.toml"]
    assert _check_seed().stdout == expected
    assert warmstart.unpack(path.read_bytes())[1]["toml:quotes.toml"] == data["toml:quotes.toml"]
