"""Choose the translation engine for round-trip checks; engines load lazily."""
from __future__ import annotations

from typing import NamedTuple

from tqcheck.translation.engines.base import Engine, base_language, iso3
from tqcheck.errors import ConfigError, EngineError

ENGINE_CHOICES = ("auto", "argos", "apertium", "none")

__all__ = ["ENGINE_CHOICES", "Engine", "EngineChoice", "choose_engine"]


class EngineChoice(NamedTuple):
    """The engine to use (None: round-trip checks are skipped) and why."""

    engine: Engine | None
    reason: str


def _argos_offers(source: str, target: str) -> bool:
    # HOOK for the Argos engine: `tqcheck/translation/engines/argos.py` is expected to
    # provide `has_pair(source, target) -> bool` (cheap, without importing
    # argostranslate.translate) and `ArgosEngine()`.  Until it exists, auto
    # simply moves on to Apertium.
    try:
        from tqcheck.translation.engines import argos

        return bool(argos.has_pair(source, target) and argos.has_pair(target, source))
    except ImportError:
        return False


def _make_argos() -> Engine:
    from tqcheck.translation.engines import argos

    return argos.ArgosEngine()


def choose_engine(choice: str, source: str, target: str) -> EngineChoice:
    """Pick an engine offering both source→target and target→source.

    `auto` prefers Argos, then Apertium, else no engine with a reason; an
    explicit engine that cannot serve the pair raises EngineError.
    """
    if choice not in ENGINE_CHOICES:
        raise ConfigError(f"unknown engine {choice!r} (choose from {', '.join(ENGINE_CHOICES)})")
    if choice == "none":
        return EngineChoice(None, "round-trip checks disabled (engine: none)")
    try:
        src, tgt = base_language(source), base_language(target)
    except ValueError as exc:
        raise ConfigError(str(exc)) from None
    pair = f"{src}↔{tgt}"

    if choice == "argos":
        try:
            from tqcheck.translation.engines import argos  # noqa: F401
        except ImportError:
            raise EngineError("the Argos engine is not available in this tqcheck") from None
        if not _argos_offers(source, target):
            raise EngineError(f"no installed Argos packages translate {pair} in both directions")
        return EngineChoice(_make_argos(), f"argos offers {pair}")
    if choice == "auto" and _argos_offers(source, target):
        return EngineChoice(_make_argos(), f"argos offers {pair}")

    from tqcheck.translation.engines.apertium import ApertiumEngine

    if choice == "apertium":
        engine = ApertiumEngine()  # raises EngineError when apertium is missing
        missing = [f"{a}→{b}" for a, b in ((src, tgt), (tgt, src)) if not engine.offers(a, b)]
        if missing:
            offered = ", ".join(sorted(f"{a}→{b}" for a, b in engine.pairs()))
            engine.close()
            raise EngineError(
                f"apertium has no {' or '.join(missing)} mode (installed: {offered})"
            )
        return EngineChoice(engine, f"apertium offers {pair}")

    if ApertiumEngine.available():
        engine = ApertiumEngine()
        if engine.offers(src, tgt) and engine.offers(tgt, src):
            return EngineChoice(engine, f"apertium offers {pair}")
        engine.close()
    return EngineChoice(
        None,
        f"no engine offers {pair}; round-trip checks skipped (install "
        f"apertium-{iso3(src)}-{iso3(tgt)} if Debian has it, or an Argos package)",
    )
