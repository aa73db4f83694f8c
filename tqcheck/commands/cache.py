"""`tqcheck cache info|clear`: look at and empty the translation cache and the warm-start file."""
from __future__ import annotations

import sys

import click


@click.group()
def cache():
    """The translation cache (SQLite in the user cache folder; TQCHECK_CACHE_DIR overrides)."""


@cache.command()
def info():
    """Where the cache is, how many translations it holds and its size."""
    from tqcheck.cli import _guard

    sys.exit(_guard(False, _info))  # a closed pipe is 141, any failure one line and 2, as for check


def _info() -> int:
    from tqcheck.translation.cache import TranslationCache

    with TranslationCache() as store:
        facts = store.info()
    click.echo(f"path: {facts['path']}")
    click.echo(f"entries: {facts['entries']}")
    click.echo(f"size: {facts['bytes']} bytes")
    if not facts["usable"]:
        click.echo(f"unusable: {facts['problem']} (`tqcheck cache clear` replaces it)")
    from tqcheck.speed import warmstart

    stored = warmstart.stored_path()
    if stored is not None and stored.is_file():
        click.echo(f"warm start: {stored} ({stored.stat().st_size} bytes of parsed data and compiled patterns)")
    return 0


@cache.command()
def clear():
    """Remove every cached translation (and replace a corrupt cache file), the warm-start file and the parsed glossaries."""
    from tqcheck.cli import _guard

    sys.exit(_guard(False, _clear))


def _clear() -> int:
    from tqcheck.speed import warmstart
    from tqcheck.translation.cache import TranslationCache

    with TranslationCache() as store:
        removed = store.clear()
        path = store.path
    click.echo(f"removed {removed} translations from {path}")
    freed = warmstart.clear()
    if freed:
        click.echo(f"removed the warm-start file ({freed} bytes)")
    from tqcheck.speed import terms

    freed = terms.clear()
    if freed:
        click.echo(f"removed the glossaries kept parsed ({freed} bytes)")
    return 0
