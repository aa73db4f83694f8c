"""Every entry of every language-data file proves itself: its example fires, its counter-example does not.

A data file under tqcheck/data/<src>-<tgt>/ (or boilerplate/<tgt>.toml) is TOML holding arrays of tables; every
table in them has `example` (a sentence, or a list, that must produce a finding of the
entry's code overlapping the entry's words) and `counter` (similar correct sentences
that must produce no finding of that code). The code is the entry's `code`, else the
file's top-level `code`.
"""
from __future__ import annotations

import re

import pytest

from conftest import language_data_files
from tqcheck.api import check_text
from tqcheck.rules import by_code


def _entries():
    for source, target, folder, name, table in language_data_files():
        for key, value in table.items():
            if isinstance(value, list) and value and isinstance(value[0], dict):
                for i, entry in enumerate(value):
                    code = entry.get("code") or table.get("code")
                    yield pytest.param(source, target, entry, code, id=f"{folder}/{name}:{key}[{i}]")


def _as_list(value):
    return [value] if isinstance(value, str) else list(value or [])


def _run(text, source, target, code):
    report = check_text(text, target_lang=target, source_lang=source, select=[code])
    return [f for f in report.findings if f.code == code]


ENTRIES = list(_entries())


@pytest.mark.parametrize("source,target,entry,code", ENTRIES)
def test_example_fires(source, target, entry, code):
    assert code in by_code(), f"unknown code {code}"
    examples = _as_list(entry.get("example"))
    assert examples, "every entry needs an example that fires"
    for example in examples:
        assert _run(example, source, target, code), f"{code} did not fire on: {example}"


@pytest.mark.parametrize("source,target,entry,code", ENTRIES)
def test_counter_example_is_quiet(source, target, entry, code):
    counters = _as_list(entry.get("counter"))
    assert counters, "every entry needs a similar correct sentence that does not fire"
    for counter in counters:
        found = _run(counter, source, target, code)
        assert not found, f"{code} fired on the correct sentence: {counter} -> {[f.excerpt for f in found]}"


def test_data_files_lint():
    """Patterns compile; no entry is listed twice in one file; word lists are sorted."""
    for _, _, folder, name, table in language_data_files():
        pair = folder
        for key, value in table.items():
            if not (isinstance(value, list) and value and isinstance(value[0], dict)):
                continue
            seen = set()
            for entry in value:
                for field in ("pattern", "context", "not_context"):
                    if field in entry:
                        re.compile(entry[field])
                ident = entry.get("pattern") or entry.get("word") or entry.get("phrase")
                if ident is None and "words" in entry:  # a class of words (en/syntax.toml): each word once in the table
                    words = entry["words"]
                    assert words == sorted(words), f"{pair}/{name}: {key} class {words[:3]}… is not sorted"
                    assert not seen & set(words), f"{pair}/{name}: {sorted(seen & set(words))} listed twice in {key}"
                    seen.update(words)
                    continue
                assert ident not in seen, f"{pair}/{name}: {ident!r} listed twice"
                seen.add(ident)
        for key, value in table.items():
            if key.endswith("_words") and isinstance(value, list):
                assert value == sorted(value), f"{pair}/{name}: {key} is not sorted"
                assert len(value) == len(set(value)), f"{pair}/{name}: {key} has duplicates"


def test_there_is_language_data():
    """The walk above must see entries; an empty walk would make the parametrized tests vacuous."""
    assert len(ENTRIES) >= 1
