"""Regenerate the sample output in README.md from a real run on the seed article, so it cannot drift.

    python tools/readme_samples.py          # rewrite the samples in README.md
    python tools/readme_samples.py --check  # exit 1 if a sample differs from what tqcheck prints now

Each sample is the fenced block after a marker line `<!-- sample: NAME (tools/readme_samples.py) -->`.
The run is `tqcheck check --engine apertium --no-cache` on seeds/000_24777a2ba7ef8ce0.txt from the
repository's root (Apertium is what scripts/install.sh installs; its output is deterministic).
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
SEED = "seeds/000_24777a2ba7ef8ce0.txt"
MARKER = "<!-- sample: {} (tools/readme_samples.py) -->"
SHOWN = "Q101"  # the finding every sample shows: a stray closing mark in the seed


def _run(*args: str) -> str:
    env = {**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, "-m", "tqcheck", "check", "--engine", "apertium", "--no-cache", *args, SEED],
                          cwd=ROOT, capture_output=True, text=True, env=env)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"tqcheck failed ({proc.returncode}): {proc.stderr.strip()}")
    return proc.stdout


def samples() -> dict[str, str]:
    text = _run().splitlines()
    start = next(i for i, line in enumerate(text) if f": {SHOWN} [" in line)
    block = text[start:text.index("", start)]
    seg = text.index("Most suspicious segments")
    segment = text[seg + 2:text.index("", seg + 2)]
    text_sample = [*block, "", "Most suspicious segments", "", *segment, "", text[-1]]

    report = json.loads(_run("--format", "json"))
    f = next(x for x in report["files"][0]["findings"] if x["code"] == SHOWN)

    def fields(*keys):
        return ", ".join(f"{json.dumps(k)}: {json.dumps(f[k], ensure_ascii=False)}" for k in keys)

    json_sample = [
        "{" + fields("code", "name", "severity") + ",",
        " " + fields("message", "source_lang") + ",",
        " " + fields("start", "end", "line", "column", "end_line", "end_column") + ",",
        " " + fields("excerpt") + ",",
        " " + fields("suggestion", "segment") + "}",
    ]
    github = _run("--format", "github").splitlines()
    first = next(line for line in github if f"title={SHOWN} " in line)
    github_sample = [first, github[-1]]
    return {"text": "\n".join(text_sample), "json": "\n".join(json_sample), "github": "\n".join(github_sample)}


def rewrite(readme: str, found: dict[str, str]) -> str:
    lines = readme.split("\n")
    for name, body in found.items():
        marker = lines.index(MARKER.format(name))
        open_ = marker + 1
        assert lines[open_].startswith("```"), f"the sample {name} must follow its marker"
        close = lines.index("```", open_ + 1)
        lines[open_ + 1:close] = body.split("\n")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    readme = README.read_text("utf-8")
    updated = rewrite(readme, samples())
    if "--check" in argv:
        if updated != readme:
            print("README.md's samples differ from tqcheck's output: run python tools/readme_samples.py", file=sys.stderr)
            return 1
        return 0
    README.write_text(updated, encoding="utf-8")
    print("README.md samples " + ("unchanged" if updated == readme else "rewritten"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
