"""Configuration: the nearest `.tqcheck.toml` or `[tool.tqcheck]` in `pyproject.toml`, validated."""
from __future__ import annotations

import stat
from dataclasses import dataclass, field
from pathlib import Path

from tqcheck.errors import ConfigError
from tqcheck.finding import SEVERITY_CHOICES

FAIL_ON_CHOICES = ("error", "warning", "info", "never")
ENGINE_CHOICES = ("auto", "argos", "apertium", "none")
MIN_SEVERITY_CHOICES = ("error", "warning", "info")
LIST_KEYS = ("select", "ignore", "extend-select", "extend-ignore", "exclude", "accept")
LIST_KEYS += ("glossary",)  # terminology files (CSV, TBX), relative to the configuration file
# Keys whose values are rule selectors (codes, code prefixes, names), checked like --select.
SELECTOR_KEYS = ("select", "ignore", "extend-select", "extend-ignore")
STRING_KEYS = {
    "fail-on": FAIL_ON_CHOICES,
    "min-severity": MIN_SEVERITY_CHOICES,
    "engine": ENGINE_CHOICES,
    "source-lang": None,
    "target-lang": None,
    "source-pattern": None,
}
NUMBER_KEYS = ("timeout-per-file",)  # seconds, above 0
TABLE_KEYS = ("severity", "per-file-ignores")
KNOWN_KEYS = (*LIST_KEYS, *STRING_KEYS, *NUMBER_KEYS, *TABLE_KEYS)


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
    import tomllib  # only where a configuration file is read: most folders of a run have none

    try:
        if not stat.S_ISREG(path.stat().st_mode):  # a FIFO waits for a writer for ever, /dev/zero never ends
            raise ConfigError(f"{path}: not a regular file; a configuration file is a TOML file")
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
    config = Config(path, path.parent.resolve(), validate(data, f"{path}{' ' + where if where else ''}"))
    _check_glossary_files(config, f"{path}{' ' + where if where else ''}")
    return config


def glossary_paths(config: Config) -> tuple[str, ...]:
    """The `glossary` files, each relative to the configuration file's folder (named from the current
    folder when they lie under it, as findings then show them)."""
    root = config.root or Path.cwd()
    here = Path.cwd()
    return tuple(str(_under(root / name, here)) for name in config.get("glossary") or ())


def _under(path: Path, folder: Path) -> Path:
    try:
        return path.relative_to(folder)
    except ValueError:
        return path


def _check_glossary_files(config: Config, where: str) -> None:
    """A glossary named but missing fails the run now, as a bad key does (its content is read only when a file is checked)."""
    for name, full in zip(config.get("glossary") or (), glossary_paths(config)):
        if not name.strip():
            raise ConfigError(f"{where}: glossary = {name!r}: empty file name")
        if not Path(full).is_file():
            raise ConfigError(f"{where}: glossary = {name!r}: no such file ({full})")


def validate(data: dict, where: str) -> dict:
    """The settings of one file, each key and value checked; the first bad one is a ConfigError naming
    the file, the key and the value (with a did-you-mean for rule codes and names), as the command line does."""
    from tqcheck.text.language import valid_tag

    if not isinstance(data, dict):
        raise ConfigError(f"{where}: must be a table of settings, not {type(data).__name__}")
    values = {}
    for key, value in data.items():
        if key not in KNOWN_KEYS:
            raise ConfigError(f"{where}: unknown key {key!r}{_did_you_mean(key, KNOWN_KEYS)} (valid keys: {', '.join(KNOWN_KEYS)})")
        if key in LIST_KEYS:
            value = _string_list(value, where, key)
            if key in SELECTOR_KEYS:
                for selector in value:
                    check_selector(selector, f"{where}: {key} = {selector!r}")
        elif key in NUMBER_KEYS:
            if not valid_seconds(value):
                raise ConfigError(f"{where}: {key} = {value!r} must be a number of seconds above 0")
        elif key == "severity":
            if not isinstance(value, dict):
                raise ConfigError(f"{where}: 'severity' must be a table of CODE = \"error|warning|info\"")
            for code, level in value.items():
                _check_rule(code, f"{where}: severity.{code}")
                if level not in SEVERITY_CHOICES:
                    raise ConfigError(
                        f"{where}: severity.{code} = {level!r} (valid choices: {', '.join(SEVERITY_CHOICES)})"
                    )
        elif key == "per-file-ignores":
            if not isinstance(value, dict):
                raise ConfigError(f"{where}: 'per-file-ignores' must be a table of \"GLOB\" = [CODES]")
            value = {glob: _string_list(codes, where, f"per-file-ignores.{glob!r}") for glob, codes in value.items()}
            for glob, codes in value.items():
                for selector in codes:
                    check_selector(selector, f"{where}: per-file-ignores.{glob!r} = {selector!r}")
        else:
            choices = STRING_KEYS[key]
            if not isinstance(value, str):
                raise ConfigError(f"{where}: {key!r} must be a string")
            if choices and value not in choices:
                raise ConfigError(f"{where}: {key} = {value!r}{_did_you_mean(value, choices)} "
                                  f"(valid choices: {', '.join(choices)})")
            if key.endswith("-lang") and value != "auto" and not valid_tag(value):
                raise ConfigError(f"{where}: {key} = {value!r} is not a language tag such as en, en-US, es")
        values[key] = value
    return values


def _string_list(value, where: str, key: str) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: {key!r} must be a list of strings")
    return value


def check_selector(selector: str, said: str) -> None:
    """A code, code prefix, name or ALL, as --select takes; anything else fails the run."""
    from tqcheck.rules import known_selector

    if not known_selector(selector):
        raise ConfigError(f"{said}: unknown rule code, prefix or name{suggest_rule(selector)} (see `tqcheck rules`)")


def _check_rule(name: str, said: str) -> None:
    """An exact code or name (a severity override names one detector)."""
    from tqcheck.rules import all_detectors

    if not any(name.upper() == d.code or name.lower() == d.name for d in all_detectors()):
        raise ConfigError(f"{said}: unknown rule code or name{suggest_rule(name)} (see `tqcheck rules`)")


def suggest_rule(selector: str) -> str:
    """`` (did you mean 'Q101'?)`` for the nearest code, family prefix or name, or nothing when none is near."""
    import difflib

    from tqcheck.rules import all_detectors

    codes = {d.code for d in all_detectors()}
    codes |= {c[:n] for c in codes for n in (1, 2)}  # families and sub-families: Q, Q1
    names = [d.name for d in all_detectors()]
    candidates = difflib.get_close_matches(selector.upper(), sorted(codes), n=1, cutoff=0.6)
    candidates += difflib.get_close_matches(selector.lower(), names, n=1, cutoff=0.6)
    if not candidates:
        return ""
    best = max(candidates, key=lambda c: difflib.SequenceMatcher(None, selector.upper(), c.upper()).ratio())
    return f" (did you mean {best!r}?)"


def _did_you_mean(value: str, choices) -> str:
    import difflib

    close = difflib.get_close_matches(value, list(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def valid_seconds(value) -> bool:
    """A finite number above 0 (a TOML integer or float; true and false are not numbers here)."""
    import math

    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value) and value > 0


def glob_matches(config: Config, path: Path, globs) -> bool:
    """Whether `path`, relative to the configuration's folder, matches one of `globs` (a folder's glob covers its files)."""
    import fnmatch

    if not globs or config.root is None:
        return False
    try:
        rel = path.resolve().relative_to(config.root).as_posix()
    except ValueError:
        return False
    return any(fnmatch.fnmatch(rel, g) or fnmatch.fnmatch(rel, g.rstrip("/") + "/*") for g in globs)


def per_file_ignores(config: Config, path: Path) -> list[str]:
    """The codes `per-file-ignores` turns off for this file."""
    table = config.get("per-file-ignores") or {}
    return [code for glob, codes in table.items() if glob_matches(config, path, [glob]) for code in codes]


def accepted_spans(text: str, phrases) -> list[tuple[int, int]]:
    """Where the `accept` words and phrases stand in `text` as whole words, merged into sorted disjoint spans."""
    spans = []
    for phrase in phrases:
        if not phrase:
            continue
        i = text.find(phrase)
        while i >= 0:
            end = i + len(phrase)
            if not (i and text[i - 1].isalnum()) and not (end < len(text) and text[end].isalnum()):
                spans.append((i, end))
            i = text.find(phrase, i + 1)
    merged: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged


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
    """Whether the pyproject.toml at `path` has a [tool.tqcheck] table. The answer is kept in the warm-start
    file while the file keeps its size, time and inode: a run in a project whose pyproject.toml does not
    configure tqcheck (the pre-commit hook's usual case) need not import a TOML parser (2.7 ms) to learn it
    again. A file that is not valid TOML is never kept: it is an error every time, as before."""
    from tqcheck.speed import warmstart

    try:
        info = path.stat()
    except OSError:
        return _read_tool_table(path)  # gone or unreadable: the same error as always
    stamp = (info.st_size, info.st_mtime_ns, info.st_ino)
    return warmstart.stamped(f"pyproject:{path}", stamp, lambda: _read_tool_table(path))


def _read_tool_table(path: Path) -> bool:
    import tomllib

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, OSError) as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc})") from None
    tool = data.get("tool")
    return isinstance(tool, dict) and "tqcheck" in tool
