"""Every finding tqcheck gives on real text, as (set, file, code, severity, start, end), kept as a snapshot.

Refactors (the layout, linear-time rewrites, speed work) must leave findings exactly as they were;
a change that means to alter findings retakes the snapshot in the same commit and says why:

    python tests/findings_snapshot.py --update

The sets: the seed, its Markdown and HTML fixtures, the dev articles and the native news
documents of ../shared/data, rebuilt exactly as ../shared/eval/score.py builds them, checked
as the scorer checks them (`--target-lang en --engine none`). The snapshot holds ids and
offsets only, never text from ../shared/data.
"""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SNAPSHOT = ROOT / "tests" / "snapshots" / "findings.tsv"
HEADER = "set\tfile\tcode\tseverity\tstart\tend"


def _shared_scorer():
    spec = importlib.util.spec_from_file_location("shared_score", SHARED / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def documents():
    """(set, name, text, format) of every checked document, in a fixed order."""
    score = _shared_scorer()
    yield "seed", "000_24777a2ba7ef8ce0.txt", (ROOT / "seeds" / "000_24777a2ba7ef8ce0.txt").read_text("utf-8"), "text"
    yield "fixtures", "seed_article.md", (ROOT / "fixtures" / "seed_article.md").read_text("utf-8"), "markdown"
    yield "fixtures", "seed_article.html", (ROOT / "fixtures" / "seed_article.html").read_text("utf-8"), "html"
    for record in score.load_jsonl(score.DATA / "articles_dev" / "articles_dev.jsonl"):
        yield "dev", record["id"], record["text"], "text"
    for name, text in score.native_documents().items():
        yield "native", name, text, "text"


def rows() -> list[str]:
    from tqcheck.api import check_text

    out = []
    for set_name, name, text, fmt in documents():
        report = check_text(text, fmt=fmt, target_lang="en", path=name)
        for f in report.findings:
            out.append(f"{set_name}\t{name}\t{f.code}\t{f.severity.label}\t{f.start}\t{f.end}")
    return out


def main(argv: list[str]) -> int:
    if argv != ["--update"]:
        print(__doc__)
        return 2
    lines = rows()
    SNAPSHOT.write_text(HEADER + "\n" + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} findings written to {SNAPSHOT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    # Run as a script, Python puts tests/ first on the path, and an installed tqcheck (an editable install of
    # another checkout) would be the one snapshotted: take the tqcheck of the tree this file belongs to.
    sys.path.insert(0, str(ROOT))
    sys.exit(main(sys.argv[1:]))
