"""Shared test helpers: run the real `tqcheck` command, and keep every test's cache private."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_24777a2ba7ef8ce0.txt"
SEED_ANNOTATIONS = ROOT / "seeds" / "000_24777a2ba7ef8ce0.annotations.json"
FIXTURES = ROOT / "fixtures"


def detector_findings(text, code, source_lang=None, target_lang="en", fmt="text", counted_only=True):
    """The findings of one detector (a code or prefix) on `text`; by default only those that count
    (warning or error), as EVALUATION.md counts them."""
    from tqcheck.api import check_text
    from tqcheck.finding import Severity

    report = check_text(text, fmt=fmt, target_lang=target_lang, source_lang=source_lang, select=[code])
    return [f for f in report.findings if not counted_only or f.severity >= Severity.WARNING]


def detector_excerpts(text, code, **options):
    """The text each of `detector_findings` points at."""
    return [f.excerpt for f in detector_findings(text, code, **options)]


def language_data_files():
    """(source language or None, target language, folder, file name, table) of every shipped data file
    whose entries prove themselves: `tqcheck/data/<src>-<tgt>/*.toml`, `boilerplate/<tgt>.toml` and `en/*.toml`."""
    import tomllib
    from importlib import resources

    root = resources.files("tqcheck.data")
    for folder in sorted((p for p in root.iterdir() if p.is_dir()), key=lambda p: p.name):
        for f in sorted(folder.iterdir(), key=lambda p: p.name):
            if not f.name.endswith(".toml"):
                continue
            if "-" in folder.name:
                source, target = folder.name.split("-")
            elif folder.name == "boilerplate":
                source, target = None, f.name[: -len(".toml")]
            elif folder.name == "en":
                source, target = None, "en"  # knowledge of English itself, whatever the source
            else:
                continue
            yield source, target, folder.name, f.name, tomllib.loads(f.read_text("utf-8"))


@pytest.fixture(autouse=True)
def private_cache(tmp_path_factory, monkeypatch):
    cache = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("TQCHECK_CACHE_DIR", str(cache))
    # No real Argos packages from the machine: tests that want one build and install it.
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path_factory.mktemp("argos-packages")))
    monkeypatch.delenv("NO_COLOR", raising=False)
    return cache


def run_tqcheck(*args, cwd=None, stdin: bytes | None = None, env=None):
    """Run the installed command as a user would; returns the CompletedProcess (text mode)."""
    full_env = dict(os.environ)
    full_env.update(env or {})
    proc = subprocess.run(
        [sys.executable, "-m", "tqcheck", *map(str, args)],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        env=full_env,
        timeout=600,
    )
    proc.stdout = proc.stdout.decode("utf-8")
    proc.stderr = proc.stderr.decode("utf-8")
    return proc


def run_json(*args, **kwargs):
    proc = run_tqcheck("check", "--format", "json", *args, **kwargs)
    assert proc.stdout, proc.stderr
    return proc, json.loads(proc.stdout)


@pytest.fixture
def seed_annotations():
    return json.loads(SEED_ANNOTATIONS.read_text("utf-8"))["annotations"]
