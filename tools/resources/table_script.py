"""What the scripts that generate a tab-separated table into tqcheck/data share: the lexicon's tags, and the command line that writes the table or --shows it."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Callable, Sequence


DATA = Path(__file__).resolve().parents[2] / "tqcheck" / "data"


def lexicon_tags() -> dict[str, str]:
    """Form → its tags in tqcheck's English lexicon (`tqcheck/data/en/lexicon.txt`, lines `tags<TAB>form form …`),
    the first line that lists a form giving its tags."""
    tags: dict[str, str] = {}
    for line in (DATA / "en" / "lexicon.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or "\t" not in line:
            continue
        t, forms = line.split("\t", 1)
        for form in forms.split():
            tags.setdefault(form, t)
    return tags


def run(argv: list[str] | None, description: str, rows: Callable[[], list[tuple]], out: Path, header: str,
        columns: int, show: Callable[[tuple], str], noun: str) -> int:
    """Build `rows()`; with --show print each through `show` and the count, else write `header` and the first
    `columns` fields of each row, tab-separated, to `out`."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--show", action="store_true", help="print the table with its frequencies instead")
    args = parser.parse_args(argv)
    table: Sequence[tuple] = rows()
    if args.show:
        for row in table:
            print(show(row))
        print(len(table), file=sys.stderr)
        return 0
    out.write_text(header + "".join("\t".join(row[:columns]) + "\n" for row in table), encoding="utf-8")
    print(f"{out}: {len(table)} {noun}", file=sys.stderr)
    return 0
