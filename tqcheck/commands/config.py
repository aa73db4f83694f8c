"""`tqcheck config PATH`: the configuration that applies to a file, each value with where it came from."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

# What a key means when no configuration file sets it, as `tqcheck check` applies it.
DEFAULTS = {
    "select": None,  # every detector
    "ignore": [],
    "extend-select": [],
    "extend-ignore": [],
    "per-file-ignores": {},
    "severity": {},
    "fail-on": "error",
    "min-severity": "info",
    "target-lang": "auto",
    "source-lang": "auto",
    "engine": "auto",
    "source-pattern": "{stem}.{lang}{ext}",
    "exclude": [],
    "accept": [],
    "glossary": [],  # no terminology files
    "timeout-per-file": None,  # no limit
}

_UNSET = {"select": "every detector", "timeout-per-file": "no limit"}


@click.command("config")
@click.argument("path", type=click.Path())
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Use this configuration file only.")
def config(path, config_path):
    """Print the configuration that applies to PATH and where each value comes from."""
    from tqcheck.cli import _guard

    sys.exit(_guard(False, lambda: _show(path, config_path)))


def describe(path: str, config_path: str | None = None) -> list[str]:
    """The lines `tqcheck config` prints: TOML a user could copy, each value commented with its origin."""
    from tqcheck.checking.config import ConfigFinder, glob_matches, per_file_ignores
    from tqcheck.errors import InputError

    target = Path(path)
    if not target.exists():
        raise InputError(f"{path}: no such file or directory")
    finder = ConfigFinder(Path(config_path) if config_path else None)
    found = finder.for_path(target)
    origin = str(found.path) if found.path else None
    if found.path is None:
        lines = [f"# {path}: no configuration file applies (searched from its folder upwards); the defaults:"]
    else:
        how = "--config" if config_path else "the nearest configuration upwards"
        lines = [f"# {path}: {found.path} ({how})"]
    for key, default in DEFAULTS.items():
        if key in found.values:
            lines.append(f"{key} = {_toml(found.values[key])}  # {origin}")
        elif default is None:
            lines.append(f"# {key}: {_UNSET[key]} (default)")
        else:
            lines.append(f"{key} = {_toml(default)}  # default")
    ignored_here = per_file_ignores(found, target) if target.is_file() else []
    if ignored_here:
        lines.append(f"# per-file-ignores turn off here: {', '.join(ignored_here)}")
    if glob_matches(found, target, found.get("exclude")):
        lines.append("# this path matches `exclude`: a folder run does not check it")
    return lines


def _show(path: str, config_path: str | None) -> int:
    from tqcheck.cli import _print

    _print(describe(path, config_path))
    return 0


def _toml(value) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{json.dumps(k, ensure_ascii=False)} = {_toml(v)}" for k, v in value.items()) + "}"
    return json.dumps(value, ensure_ascii=False)
