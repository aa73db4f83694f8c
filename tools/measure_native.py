"""How often detectors fire on native English text: the measure a calque entry must pass before it is a warning.

    python3 tools/measure_native.py --select C104,C109 FOLDER_OR_FILE... [--show 20] [--counted]

Each argument is a .txt file or a folder of them (one document a file), or a .jsonl file whose records carry
`text`. Prints, per input, the words read and the findings per code and severity, then some findings in
context. The native news it was run on (not shipped: no licence lets us) was the BBC News corpus of
2004-2005 (2,225 articles, 854,000 words), 7,600 AP/Reuters ledes of the AG News test set (236,000 words),
and the shared native_en.jsonl, en_es.jsonl sources and native dev and studied articles: an entry is a
warning only where that 1.1 million words holds none of its findings.
"""
from __future__ import annotations

import argparse
import collections
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tqcheck.api import check_text  # noqa: E402
from tqcheck.finding import Severity  # noqa: E402


def documents(path: Path):
    if path.is_dir():
        for child in sorted(path.rglob("*.txt")):
            yield child.read_text(encoding="utf-8", errors="replace")
    elif path.suffix == ".jsonl":
        for line in path.open(encoding="utf-8"):
            record = json.loads(line)
            if record.get("label", "native") == "native" and "text" in record:
                yield record["text"]
    else:
        yield path.read_text(encoding="utf-8", errors="replace")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--select", required=True, help="codes or prefixes, comma-separated")
    parser.add_argument("--show", type=int, default=20, help="findings shown in context per input")
    parser.add_argument("--counted", action="store_true", help="only findings that count (warning, error)")
    args = parser.parse_args(argv)
    select = args.select.split(",")
    for path in args.paths:
        words, shown, tally = 0, [], collections.Counter()
        for text in documents(path):
            words += len(text.split())
            for f in check_text(text, target_lang="en", select=select).findings:
                if args.counted and f.severity < Severity.WARNING:
                    continue
                tally[(f.code, f.severity.name.lower())] += 1
                if len(shown) < args.show:
                    shown.append(f"{f.code} {f.severity.name.lower():7} [{f.excerpt}]  · "
                                 + text[max(0, f.start - 60):f.end + 40].replace("\n", " "))
        counts = ", ".join(f"{code} {sev}: {n}" for (code, sev), n in sorted(tally.items())) or "none"
        print(f"{path}: {words} words; {counts}")
        for line in shown:
            print("    " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
