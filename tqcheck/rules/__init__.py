"""Rules: every detector, one module per family, and the registry that selects them by code or name. Imports translation/, text/, data/ and speed/."""
from __future__ import annotations

import importlib
from collections.abc import Mapping
from functools import lru_cache

from tqcheck.rules.base import Detector
from tqcheck.speed import warmstart

# One module per family; each defines Detector subclasses at module level.
MODULES = (
    "tqcheck.rules.quotes",
    "tqcheck.rules.speech_tags",
    "tqcheck.rules.meta",
    "tqcheck.rules.roundtrip",
    "tqcheck.rules.calques",
    "tqcheck.rules.attribution",
    "tqcheck.rules.word_order",
    "tqcheck.rules.inverted_subjects",
    "tqcheck.rules.split_phrases",
    "tqcheck.rules.syntax",
    "tqcheck.rules.fluency",
    "tqcheck.rules.mis_decoding",
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
    found = [d for name in MODULES for d in _module_detectors(name)]
    found.sort(key=lambda d: d.code)
    codes = [d.code for d in found]
    assert len(codes) == len(set(codes)), f"duplicate detector codes: {codes}"
    return tuple(found)


def _module_detectors(name: str) -> list[type[Detector]]:
    module = importlib.import_module(name)
    return [value for value in vars(module).values()
            if isinstance(value, type) and issubclass(value, Detector) and value is not Detector and value.__module__ == name]


@lru_cache(maxsize=None)
def index() -> dict[str, tuple[tuple[str, str], ...]]:
    """Each family module's detectors as (code, name), without importing the modules: kept in the warm-start
    file, whose stamp covers every source file, so a detector added or renamed rebuilds it."""
    def build():
        by_module: dict[str, list[tuple[str, str]]] = {name: [] for name in MODULES}
        for d in all_detectors():
            by_module[d.__module__].append((d.code, d.name))
        return {name: tuple(pairs) for name, pairs in by_module.items()}

    return warmstart.data("rules.index", build)


def by_code() -> dict[str, type[Detector]]:
    return {d.code: d for d in all_detectors()}


def matches(detector, selector: str) -> bool:
    """A selector is a code (`Q101`), a code prefix (`Q`, `Q1`) or a kebab-case name, or `ALL`.

    `detector` is a detector class, or its (code, name) from the index."""
    code, name = (detector.code, detector.name) if isinstance(detector, type) else detector
    selector = selector.strip()
    if selector.upper() == "ALL":
        return True
    if selector.lower() == name:
        return True
    return code.upper().startswith(selector.upper())


def known_selector(selector: str) -> bool:
    return any(matches(entry, selector) for entries in index().values() for entry in entries)


def _chosen(entry, select_: list[str] | None, ignore: list[str] | None) -> bool:
    if select_ and not any(matches(entry, s) for s in select_):
        return False
    return not (ignore and any(matches(entry, s) for s in ignore))


@lru_cache(maxsize=None)
def requirements() -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    """Each detector's code → (what it needs: "engine", "source"; the target languages it applies to),
    without importing its module: kept in the warm-start file like `index`."""
    return warmstart.data("rules.requirements", lambda: {
        d.code: (tuple(sorted(d.needs)), tuple(d.targets)) for d in all_detectors()})


def select(select_: list[str] | None, ignore: list[str] | None,
           lacking: frozenset[str] = frozenset()) -> list[type[Detector]]:
    """The detectors a selection runs, in code order; only the family modules that hold one are imported
    (a run of the source-aware checks does not load the calque tables' module, nor the fluency checks').

    `lacking` names what the file cannot give (`source` when there is no original): a detector that
    needs it would be skipped, so it is left out, and a module holding only such detectors (the
    source-aware families, 3.7 ms of a plain file's start) is not imported."""
    return list(_selected(tuple(select_) if select_ is not None else None,
                          tuple(ignore) if ignore is not None else None, lacking))


@lru_cache(maxsize=64)
def _selected(select_: tuple[str, ...] | None, ignore: tuple[str, ...] | None,
              lacking: frozenset[str]) -> tuple[type[Detector], ...]:
    """`select`'s answer, worked out once per selection: a run over a folder asks again for every file, and
    walking the family modules' detectors each time cost 0.2 ms a file (2 % of a folder's run)."""
    needs = requirements() if lacking else {}

    def runs(entry) -> bool:
        return _chosen(entry, select_, ignore) and not lacking.intersection(needs.get(entry[0], ((), ()))[0])

    wanted = [name for name, entries in index().items() if any(runs(e) for e in entries)]
    detectors = sorted((d for name in wanted for d in _module_detectors(name)), key=lambda d: d.code)
    return tuple(d for d in detectors if _chosen(d, select_, ignore) and not d.needs & lacking)


def chosen_needs(select_: list[str] | None, ignore: list[str] | None, target_base: str) -> set[str]:
    """What the selection's detectors for this target language need, those left out by `lacking` included."""
    found: set[str] = set()
    for entries in index().values():
        for entry in entries:
            if _chosen(entry, select_, ignore):
                needs, targets = requirements()[entry[0]]
                if "*" in targets or target_base in targets:
                    found.update(needs)
    return found


class AllRules(Mapping):
    """code → detector class for every detector, imported on first use (a SARIF report describes them all;
    the other formats never ask)."""

    def _rules(self) -> dict[str, type[Detector]]:
        return by_code()

    def __getitem__(self, code: str) -> type[Detector]:
        return self._rules()[code]

    def __iter__(self):
        return iter(self._rules())

    def __len__(self) -> int:
        return len(self._rules())
