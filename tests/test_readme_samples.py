"""The README's sample output and docs/rules.md are what tqcheck prints today (tools/ regenerates them)."""
from __future__ import annotations

import subprocess
import sys

from conftest import ROOT


def test_readme_samples_are_current():
    proc = subprocess.run([sys.executable, str(ROOT / "tools" / "readme_samples.py"), "--check"],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr


def test_readme_pre_commit_snippet_and_actions_example():
    readme = (ROOT / "README.md").read_text("utf-8")
    assert "rev: v0.1.0" not in readme  # the repository has no such tag
    assert "pre-commit autoupdate" in readme
    assert "fetch-depth: 0" in readme
