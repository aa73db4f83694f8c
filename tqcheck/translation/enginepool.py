"""Engines of one run: chosen once per language pair, shared by every file, closed at the end."""
from __future__ import annotations

from tqcheck.errors import EngineError


class EnginePool:
    def __init__(self, choice: str, use_cache: bool = True):
        self.choice = choice
        self.use_cache = use_cache
        self._choices: dict[tuple[str, str, str], tuple[object | None, str]] = {}
        self._cache = None

    def get(self, choice: str, pivot: str, target: str):
        """(engine or None, reason) for translating target→pivot→target."""
        key = (choice, pivot, target)
        if key not in self._choices:
            from tqcheck.translation.engines import choose_engine

            self._choices[key] = tuple(choose_engine(choice, pivot, target))
        return self._choices[key]

    def offers(self, choice: str, pivot: str, target: str) -> bool:
        if choice == "none":
            return False
        try:
            return self.get(choice, pivot, target)[0] is not None
        except EngineError:
            return False  # the caller raises for an explicit engine that offers no candidate at all

    @property
    def cache(self):
        """This run's translations, backed by the on-disk cache unless --no-cache."""
        if self._cache is None:
            from tqcheck.translation.cache import MemoryCache, TranslationCache

            self._cache = MemoryCache(TranslationCache() if self.use_cache else None)
        return self._cache

    def close(self) -> None:
        for engine, _ in self._choices.values():
            if engine is not None:
                engine.close()
        self._choices.clear()
        if self._cache is not None:
            self._cache.close()
