"""No regular expression tqcheck compiles can backtrack catastrophically, shown on every one of them.

Every pattern is compiled by `tqcheck.speed.warmstart.regex`, which records it with the place that
asked for it.  The patterns proved here are those recorded after importing every module and running
every detector on every data entry's examples and counter-examples, on every detector's own example,
on the seed and its Markdown and HTML fixtures, and after building the patterns made from a finding's
words or the configuration.  A scan of the package's source shows that none escapes: no `re` call
compiles a pattern anywhere else, every call of `warmstart.regex` was reached, and every compiled
pattern a module holds was recorded.

Each pattern then passes the two halves of tests/regex_guard.py: a walk of its parse tree that
rejects nested or adjacent repeats able to split the same text many ways, and a run over strings
built from that tree to make it backtrack.

The one timing bound in these tests is the hang bound of that run: a pattern's batch of attack
strings must finish within 20 times what the same `search` and `finditer` calls take on prose of the
same lengths, and never within less than FLOOR seconds, so that a loaded machine cannot fail it.
A runaway match is stopped by SIGALRM, which `_sre` checks while it matches.  The strings are LENGTH
characters long: a search restarts at every position of a long run, so even a safe pattern that
begins with a repeat costs time quadratic in the run; at 1,000 characters that stays well under a
second on a loaded two-core machine, while a cubic pattern (two repeats sharing a run) takes
seconds and an exponential one never ends.  At 5,000 or more the quadratic ones would pass the
floor too, and this test would take minutes.
"""
from __future__ import annotations

import ast
import functools
import importlib
import os
import pkgutil
import re
import sys
from pathlib import Path

import pytest

import regex_guard
import tqcheck
from conftest import FIXTURES, SEED, language_data_files
from tqcheck.speed import warmstart

PACKAGE = Path(os.path.realpath(tqcheck.__file__)).parent
WARMSTART = PACKAGE / "speed" / "warmstart.py"
LENGTH = 1000  # characters in an attack string
MOST = 8  # attack strings per pattern
FLOOR = 2.0  # seconds: the least hang bound of a pattern's batch
# `re` functions that compile their pattern argument.
_COMPILING = {"compile", "search", "match", "fullmatch", "split", "findall", "finditer", "sub", "subn", "template"}


@functools.cache
def enumerated() -> dict[tuple, set[tuple[str, int]]]:
    """(pattern, flags) → the places in the package that asked for it, once everything has run."""
    from tqcheck.api import check_text
    from tqcheck.checking import pairing
    from tqcheck.data import langdata
    from tqcheck.text import numbers
    from tqcheck.output import text as text_output
    from tqcheck.output import html as html_output
    from tqcheck.rules import by_code

    for module in _modules():
        importlib.import_module(module)
    for source, target, _, _, table in language_data_files():
        for value in table.values():
            if isinstance(value, list) and value and isinstance(value[0], dict):
                for entry in value:
                    for field in ("example", "counter"):
                        texts = entry.get(field)
                        for text in [texts] if isinstance(texts, str) else texts or []:
                            check_text(text, target_lang=target, source_lang=source)
    for detector in by_code().values():
        detector.summary()
        for section in ("Example", "Use instead"):
            if section in detector.docs():
                check_text(detector.docs()[section], target_lang=(detector.targets or ("en",))[0])
    check_text(SEED.read_text("utf-8"))
    check_text((FIXTURES / "seed_article.md").read_text("utf-8"), fmt="markdown")
    check_text((FIXTURES / "seed_article.html").read_text("utf-8"), fmt="html")
    inline = " ".join(f"<{name}>x</{name}>" for name in ("code", "kbd", "samp", "script", "style", "textarea"))
    check_text(f"Some words with {inline} inline.\n", fmt="markdown")
    # Figures are read in the languages of a source text only when there is one.
    for lang in langdata.load("lang", "number_words.toml"):
        numbers.quantities("3 million, 4 millones, 5 milliards, 2 mil y 7 mille", lang)
        numbers.figure_texts("3 million, 4 millones, 5 milliards, 2 mil y 7 mille", lang)
    # A106's search of a file's sources for the known first names they hold, built per file from those names.
    from types import SimpleNamespace
    from tqcheck.rules import source

    source._first_name_search([SimpleNamespace(source_text="La ministra María López dijo que sí.")])
    # Patterns built from a finding's words and from the configuration.
    text_output._mark("The minister's visit was delayed.", ["minister's", "visit", "a.b"], text_output._Paint(False))
    html_output._marked("The minister's visit was delayed.", ["minister's", "visit", "a.b"])
    pairing.pattern_regex(pairing.DEFAULT_PATTERN)
    pairing.pattern_regex("{lang}/{stem}{ext}")
    # A boilerplate rule compiles its own pattern only when asked (a file's scan runs the joined ones).
    from tqcheck.rules import boilerplate

    for table in sorted((PACKAGE / "data" / "boilerplate").glob("*.toml")):
        for rule in boilerplate.rules(table.stem):
            rule.pattern

    found: dict[tuple, set] = {}
    for (filename, line), patterns in warmstart.asked.items():
        path = Path(os.path.realpath(filename))
        if path.is_relative_to(PACKAGE):
            for key in patterns:
                found.setdefault(key, set()).add((str(path.relative_to(PACKAGE)), line))
    return found


def _modules() -> list[str]:
    return [m.name for m in pkgutil.walk_packages(tqcheck.__path__, "tqcheck.") if not m.name.endswith("__main__")]


def _where(sites) -> str:
    return ", ".join(f"tqcheck/{path}:{line}" for path, line in sorted(sites))


def _source_calls():
    """(places that compile a pattern outside warmstart, call sites of warmstart.regex as (file, first line, last line))."""
    escapes, sites = [], []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text("utf-8"), str(path))
        re_names, from_re = {"re"}, set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                re_names |= {a.asname or a.name for a in node.names if a.name == "re"}
            elif isinstance(node, ast.ImportFrom) and node.module == "re":
                from_re |= {a.asname or a.name for a in node.names if a.name in _COMPILING}
        relative = str(path.relative_to(PACKAGE))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            owner = func.value.id if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) else None
            name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else None
            compiles = (owner in re_names and name in _COMPILING) or (owner is None and name in from_re) or (
                owner == "_sre" and name == "compile")
            if compiles and path != WARMSTART:
                escapes.append(f"tqcheck/{relative}:{node.lineno} {ast.unparse(func)}(…)")
            if owner == "warmstart" and name == "regex":
                sites.append((relative, node.lineno, node.end_lineno))
    return escapes, sites


def _module_patterns():
    """(module, name, pattern) of every compiled pattern a module holds, in its globals, their
    tuples, lists, sets and dicts, and its classes' attributes."""
    def walk(value, depth):
        if isinstance(value, re.Pattern):
            yield value
        elif depth and isinstance(value, (tuple, list, set, frozenset)):
            for item in value:
                yield from walk(item, depth - 1)
        elif depth and isinstance(value, dict):
            for item in value.values():
                yield from walk(item, depth - 1)

    for name in _modules():
        module = sys.modules[name]
        for attr, value in vars(module).items():
            values = [value]
            if isinstance(value, type) and value.__module__ == name:
                values = list(vars(value).values())
            for each in values:
                for pattern in walk(each, 3):
                    yield name, attr, pattern


def test_every_pattern_the_package_compiles_is_enumerated():
    patterns = enumerated()
    escapes, sites = _source_calls()
    assert not escapes, "compile patterns through warmstart.regex, so the guard sees them:\n" + "\n".join(escapes)
    reached = {site for each in patterns.values() for site in each}
    unreached = [f"tqcheck/{path}:{first}" for path, first, last in sites
                 if not any((path, line) in reached for line in range(first, last + 1))]
    assert not unreached, ("these calls of warmstart.regex never ran while the guard exercised the package; "
                           "make `enumerated()` reach them:\n" + "\n".join(unreached))
    recorded = {(p, re.compile(p, f).flags) for p, f in patterns}
    missed = [f"{module}.{attr}: {pattern.pattern!r}" for module, attr, pattern in _module_patterns()
              if (pattern.pattern, pattern.flags) not in recorded]
    assert not missed, "compiled patterns that warmstart.regex never saw:\n" + "\n".join(missed)
    assert len(sites) > 100 and len(patterns) > 300, (len(sites), len(patterns))


def test_no_pattern_nests_or_chains_repeats_that_can_split_the_same_text():
    failures = []
    for (pattern, flags), sites in sorted(enumerated().items(), key=repr):
        problems = regex_guard.problems(pattern, flags)
        if problems:
            failures.append(f"{_where(sites)}: {pattern!r}\n    " + "\n    ".join(map(str, problems)))
    assert not failures, f"{len(failures)} patterns can backtrack catastrophically:\n" + "\n".join(failures)


def test_no_pattern_hangs_on_strings_built_to_make_it_backtrack():
    prose = SEED.read_text("utf-8")
    failures = []
    for (pattern, flags), sites in sorted(enumerated().items(), key=repr):
        verdict = regex_guard.hang_check(pattern, flags, prose, LENGTH, MOST, FLOOR)
        if verdict.hangs:
            failures.append(f"{_where(sites)}: {pattern!r} ran past {verdict.bound:.1f} s (prose: "
                            f"{verdict.benign:.3f} s) on {verdict.stopped_on}")
    assert not failures, f"{len(failures)} patterns hang:\n" + "\n".join(failures)


# The guard can fail: shapes known to backtrack catastrophically, and safe ones of the same look.
CATASTROPHIC = [
    r"(a+)+$",
    r"(\w+\s?)*$",
    r"\s*\s*x",
    r"(?:a|a)*b",
    r"\w+\d+x",
    r".*.*=.*;",
    r"(?:x\w*)*y",
    r"(?:a?a)*b",
    r"(?:a|ab|b)*c",
    r"^(\d+)*$",
    r"(?:\s*\S+)*$",
    r"(?:\s+(?:on|at))?\s*:?\s*\d",
]
SAFE = [
    r"\w+",
    r"(a++)+$",
    r"(?>\s*)\s*x",
    r"\s*+\s*x",
    r"(?:\s+[A-Z][\w-]+)*\s*[.,;]",
    r"(?:AFP|AP)(?:\s*,\s*(?:AFP|AP))*",
    r"(?:ab|ac)*d",
    r"(?:a|ab)*c",
    r"\d+(?:,\d{3})*",
    r"\b(?:the|this)\s+\w+ing\b",
    r"(?:\s+(?:on|at))?\s*+:?\s*\d",
]


@pytest.mark.parametrize("pattern", CATASTROPHIC)
def test_the_structural_check_rejects_a_catastrophic_shape(pattern):
    assert regex_guard.problems(pattern)


@pytest.mark.parametrize("pattern", SAFE)
def test_the_structural_check_accepts_a_safe_shape(pattern):
    assert regex_guard.problems(pattern) == []


@pytest.mark.parametrize("pattern", [r"(a+)+$", r"(\w+\s?)*$", r"\s*\s*x", r"(?:a|a)*b"])
def test_the_hang_bound_stops_a_catastrophic_pattern_on_its_attack_strings(pattern):
    verdict = regex_guard.hang_check(pattern, 0, SEED.read_text("utf-8"), LENGTH, MOST, floor=0.1)
    assert verdict.hangs, verdict


@pytest.mark.parametrize("pattern", SAFE)
def test_the_hang_bound_lets_a_safe_pattern_finish(pattern):
    verdict = regex_guard.hang_check(pattern, 0, SEED.read_text("utf-8"), LENGTH, MOST, FLOOR)
    assert not verdict.hangs, verdict
