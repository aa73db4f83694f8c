"""Configuration: the nearest `.tqcheck.toml` or `[tool.tqcheck]` in `pyproject.toml`, validated."""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from tqcheck.errors import ConfigError
from tqcheck.finding import SEVERITY_CHOICES

FAIL_ON_CHOICES = ("error", "warning", "info", "never")
ENGINE_CHOICES = ("auto", "argos", "apertium", "none")
LIST_KEYS = ("select", "ignore", "exclude")
STRING_KEYS = {
    "fail-on": FAIL_ON_CHOICES,
    "engine": ENGINE_CHOICES,
    "source-lang": None,
    "target-lang": None,
    "source-pattern": None,
}
NUMBER_KEYS = ("timeout-per-file",)  # seconds, above 0
KNOWN_KEYS = (*LIST_KEYS, *STRING_KEYS, *NUMBER_KEYS, "severity")


@dataclass
class Config:
    """Settings from one configuration file (or none); `root` anchors `exclude` globs."""

    path: Path | None = None
    root: Path | None = None
    values: dict = field(default_factory=dict)

    def get(self, key: str, default=None):
        return self.values.get(key, default)


EMPTY = Config()


def load(path: Path) -> Config:
    """Read and validate one configuration file; `pyproject.toml` contributes only `[tool.tqcheck]`."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: configuration file not found") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc})") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read ({exc.strerror})") from None
    if path.name == "pyproject.toml":
        tool = data.get("tool")
        data = tool.get("tqcheck", {}) if isinstance(tool, dict) else {}  # another tool's business otherwise
        where = "[tool.tqcheck]"
    else:
        where = ""
    return Config(path, path.parent.resolve(), validate(data, f"{path}{' ' + where if where else ''}"))


def validate(data: dict, where: str) -> dict:
    from tqcheck.text.language import valid_tag

    if not isinstance(data, dict):
        raise ConfigError(f"{where}: must be a table of settings, not {type(data).__name__}")
    values = {}
    for key, value in data.items():
        if key not in KNOWN_KEYS:
            raise ConfigError(f"{where}: unknown key {key!r} (valid keys: {', '.join(KNOWN_KEYS)})")
        if key in LIST_KEYS:
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ConfigError(f"{where}: {key!r} must be a list of strings")
        elif key in NUMBER_KEYS:
            if not valid_seconds(value):
                raise ConfigError(f"{where}: {key} = {value!r} must be a number of seconds above 0")
        elif key == "severity":
            if not isinstance(value, dict):
                raise ConfigError(f"{where}: 'severity' must be a table of CODE = \"error|warning|info\"")
            for code, level in value.items():
                if level not in SEVERITY_CHOICES:
                    raise ConfigError(
                        f"{where}: severity.{code} = {level!r} (valid choices: {', '.join(SEVERITY_CHOICES)})"
                    )
        else:
            choices = STRING_KEYS[key]
            if not isinstance(value, str):
                raise ConfigError(f"{where}: {key!r} must be a string")
            if choices and value not in choices:
                raise ConfigError(f"{where}: {key} = {value!r} (valid choices: {', '.join(choices)})")
            if key.endswith("-lang") and value != "auto" and not valid_tag(value):
                raise ConfigError(f"{where}: {key} = {value!r} is not a language tag such as en, en-US, es")
        values[key] = value
    return values


def valid_seconds(value) -> bool:
    """A finite number above 0 (a TOML integer or float; true and false are not numbers here)."""
    import math

    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value) and value > 0


class ConfigFinder:
    """Finds the configuration that governs a file: the nearest one upwards, wholly, no merging."""

    def __init__(self, explicit: Path | None = None):
        self.explicit = load(explicit) if explicit else None
        self._by_dir: dict[Path, Config] = {}

    def for_path(self, path: Path) -> Config:
        if self.explicit is not None:
            return self.explicit
        folder = (path if path.is_dir() else path.parent).resolve()
        return self._for_dir(folder)

    def _for_dir(self, folder: Path) -> Config:
        if folder in self._by_dir:
            return self._by_dir[folder]
        config = None
        for name in (".tqcheck.toml", "pyproject.toml"):
            candidate = folder / name
            if candidate.is_file():
                if name == "pyproject.toml" and not _has_tool_table(candidate):
                    continue
                config = load(candidate)
                break
        if config is None:
            config = EMPTY if folder.parent == folder else self._for_dir(folder.parent)
        self._by_dir[folder] = config
        return config


def _has_tool_table(path: Path) -> bool:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, OSError) as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc})") from None
    tool = data.get("tool")
    return isinstance(tool, dict) and "tqcheck" in tool
