"""Rules: every detector, one module per family, and the registry that selects them by code or name. Imports translation/, text/, data/ and speed/."""
from __future__ import annotations

import importlib
from functools import lru_cache

from tqcheck.rules.base import Detector

# One module per family; each defines Detector subclasses at module level.
MODULES = (
    "tqcheck.rules.quotes",
    "tqcheck.rules.meta",
    "tqcheck.rules.roundtrip",
    "tqcheck.rules.calques",
    "tqcheck.rules.attribution",
    "tqcheck.rules.word_order",
    "tqcheck.rules.syntax",
    "tqcheck.rules.fluency",
    "tqcheck.rules.clauses",
    "tqcheck.rules.grammar",
    "tqcheck.rules.subjects",
    "tqcheck.rules.pronouns",
    "tqcheck.rules.structure",
    "tqcheck.rules.false_friends",
    "tqcheck.rules.boilerplate",
    "tqcheck.rules.numbers",
    "tqcheck.rules.untranslated",
    "tqcheck.rules.source",
    "tqcheck.rules.placeholders",
    "tqcheck.rules.units",
    "tqcheck.rules.terms",
)


@lru_cache(maxsize=None)
def all_detectors() -> tuple[type[Detector], ...]:
    found = []
    for name in MODULES:
        module = importlib.import_module(name)
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, Detector) and value is not Detector and value.__module__ == name:
                found.append(value)
    found.sort(key=lambda d: d.code)
    codes = [d.code for d in found]
    assert len(codes) == len(set(codes)), f"duplicate detector codes: {codes}"
    return tuple(found)


def by_code() -> dict[str, type[Detector]]:
    return {d.code: d for d in all_detectors()}


def matches(detector: type[Detector], selector: str) -> bool:
    """A selector is a code (`Q101`), a code prefix (`Q`, `Q1`) or a kebab-case name, or `ALL`."""
    selector = selector.strip()
    if selector.upper() == "ALL":
        return True
    if selector.lower() == detector.name:
        return True
    return detector.code.upper().startswith(selector.upper())


def known_selector(selector: str) -> bool:
    return any(matches(d, selector) for d in all_detectors())


def select(select_: list[str] | None, ignore: list[str] | None) -> list[type[Detector]]:
    chosen = []
    for detector in all_detectors():
        if select_ and not any(matches(detector, s) for s in select_):
            continue
        if ignore and any(matches(detector, s) for s in ignore):
            continue
        chosen.append(detector)
    return chosen
