"""The command line shared by the scripts that generate a tab-separated table into tqcheck/data: write it, or --show it."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Callable, Sequence


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
