"""Lines changed since a git revision, so `--diff REF` can report only what an edit touched."""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

from tqcheck.errors import InputError
from tqcheck.speed import warmstart

_HUNK = warmstart.regex(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@", re.M)


def changed_lines(path: Path, ref: str) -> set[int] | None:
    """1-based line numbers of `path` added or changed since `ref`; None when the file is not in git."""
    folder = path.resolve().parent
    inside = subprocess.run(
        ["git", "-C", str(folder), "rev-parse", "--is-inside-work-tree"], capture_output=True, text=True
    )
    if inside.returncode != 0:
        return None
    tracked = subprocess.run(
        ["git", "-C", str(folder), "ls-files", "--error-unmatch", path.name], capture_output=True, text=True
    )
    if tracked.returncode != 0:
        return None  # a new, untracked file: every line is new
    proc = subprocess.run(
        ["git", "-C", str(folder), "diff", "--no-color", "--no-ext-diff", "-U0", ref, "--", path.name],
        capture_output=True,
        text=True,
    )
    if proc.returncode != 0:
        raise InputError(f"--diff {ref}: {proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else 'git diff failed'}")
    lines: set[int] = set()
    for m in _HUNK.finditer(proc.stdout):
        start, count = int(m.group(1)), int(m.group(2) or 1)
        lines.update(range(start, start + count))
    return lines
