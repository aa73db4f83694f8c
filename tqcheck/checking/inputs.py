"""Which files a run checks: explicit paths, directory walks with `exclude` globs, and stdin."""
from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from tqcheck.checking.config import ConfigFinder, glob_matches
from tqcheck.errors import InputError
from tqcheck.reading import format_for


@dataclass
class Input:
    """One file to check, as found from the command line's paths (or stdin)."""

    label: str  # the path as given (or as found under a given directory), or the stdin filename
    path: Path | None  # None for stdin
    explicit: bool  # named on the command line, so errors are fatal rather than skipped
    source: Path | None = None  # the original, when paired by file name
    source_lang: str | None = None
    root: Path | None = None  # the directory walk it was found in


def collect(paths: list[str], finder: ConfigFinder, stdin_filename: str | None = None) -> tuple[list[Input], list[str]]:
    """Return the inputs in a stable order and the directories that held no supported file."""
    inputs: list[Input] = []
    empty_dirs: list[str] = []
    for given in paths:
        if given == "-":
            inputs.append(Input(stdin_filename or "-", None, True))
            continue
        path = Path(given)
        if path.is_dir():
            found = list(_walk(given, path, finder))
            if not found:
                empty_dirs.append(given)
            inputs.extend(found)
        elif path.exists():
            mode = path.stat().st_mode
            if not (stat.S_ISREG(mode) or stat.S_ISFIFO(mode)):
                # /dev/zero would be read for ever, a socket cannot be read at all
                raise InputError(f"{given}: not a regular file (a device or socket); pass a file, a folder or -")
            inputs.append(Input(given, path, True))
        else:
            raise InputError(f"{given}: no such file or directory")
    return inputs, empty_dirs


def _walk(given: str, root: Path, finder: ConfigFinder):
    for folder, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and not _excluded(Path(folder) / d, finder))
        for name in sorted(filenames):
            path = Path(folder) / name
            if format_for(name) is None or _excluded(path, finder) or not _regular(path):
                continue
            rel = os.path.relpath(path, root)
            yield Input(os.path.join(given, rel), path, False, root=root)


def _regular(path: Path) -> bool:
    """A walk reads regular files only: a FIFO named `notes.md` in a folder would wait for a writer for ever."""
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return True  # a dangling link or an unreadable entry: reading it gives the usual one-line error


def _excluded(path: Path, finder: ConfigFinder) -> bool:
    config = finder.for_path(path)
    return glob_matches(config, path, config.get("exclude"))
