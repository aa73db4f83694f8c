"""The real `pre-commit` tool runs this checkout's hooks in a fresh git repository.

pre-commit builds the hook's own virtualenv from this checkout with pip (the package
registry is the only network used), exactly as a content repository would.
"""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT, SEED

GIT_ENV = {
    "GIT_AUTHOR_NAME": "Editor",
    "GIT_AUTHOR_EMAIL": "editor@example.org",
    "GIT_COMMITTER_NAME": "Editor",
    "GIT_COMMITTER_EMAIL": "editor@example.org",
}


def _snapshot_of_checkout(dest: Path) -> str:
    """Commit the working tree of this checkout into a scratch repository, so the hook tests what is on disk."""
    shutil.copytree(ROOT, dest, ignore=shutil.ignore_patterns(".git", "__pycache__", "*.egg-info", ".pytest_cache"))
    env = {**os.environ, **GIT_ENV}
    subprocess.run(["git", "init", "-q", str(dest)], check=True, env=env)
    subprocess.run(["git", "-C", str(dest), "add", "-A"], check=True, env=env)
    subprocess.run(["git", "-C", str(dest), "commit", "-qm", "snapshot"], check=True, env=env)
    return subprocess.run(["git", "-C", str(dest), "rev-parse", "HEAD"], check=True, capture_output=True,
                          text=True).stdout.strip()


@pytest.fixture(scope="module")
def content_repo(tmp_path_factory):
    base = tmp_path_factory.mktemp("precommit")
    hook_repo = base / "hooks"
    rev = _snapshot_of_checkout(hook_repo)
    repo = base / "site"
    repo.mkdir()
    env = {**os.environ, **GIT_ENV}
    subprocess.run(["git", "init", "-q", str(repo)], check=True, env=env)
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n- repo: {hook_repo}\n  rev: {rev}\n  hooks:\n  - id: tqcheck\n", encoding="utf-8"
    )
    return repo, {**env, "PRE_COMMIT_HOME": str(base / "pre-commit-home")}


def _run_hook(repo: Path, env: dict, filename: str, content: str):
    (repo / filename).write_text(content, encoding="utf-8")
    subprocess.run(["git", "-C", str(repo), "add", filename, ".pre-commit-config.yaml"], check=True, env=env)
    return subprocess.run(
        ["pre-commit", "run", "tqcheck", "--files", filename],
        cwd=repo, env=env, capture_output=True, text=True, timeout=900,
    )


def test_hook_fails_on_the_seed(content_repo):
    repo, env = content_repo
    proc = _run_hook(repo, env, "article.txt", SEED.read_text("utf-8"))
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "Q101" in proc.stdout and "Failed" in proc.stdout


def test_hook_passes_on_a_clean_article(content_repo):
    repo, env = content_repo
    clean = "# City council\n\nThe council approved the budget on Tuesday after a short debate.\n"
    proc = _run_hook(repo, env, "clean.md", clean)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Passed" in proc.stdout


def test_hook_fails_closed_on_a_mistyped_configuration_and_prints_no_engine_notes(content_repo):
    # Issue 14: `select = ["QQ1"]` used to turn every detector off and let the commit through.
    repo, env = content_repo
    config = repo / ".tqcheck.toml"
    config.write_text('select = ["QQ1"]\n', encoding="utf-8")
    try:
        proc = _run_hook(repo, env, "article2.txt", SEED.read_text("utf-8"))
        assert proc.returncode != 0 and "Failed" in proc.stdout, proc.stdout + proc.stderr
        assert "exit code: 2" in proc.stdout  # pre-commit reports the hook's own exit code
        assert "select = 'QQ1': unknown rule code, prefix or name (did you mean 'Q1'?)" in proc.stdout
    finally:
        config.unlink()
    proc = _run_hook(repo, env, "article3.txt", SEED.read_text("utf-8"))
    assert "Q101" in proc.stdout and "note:" not in proc.stdout


def test_fix_hook_rewrites_the_file_and_fails_the_commit_until_the_fix_is_staged(tmp_path_factory):
    base = tmp_path_factory.mktemp("precommit-fix")
    hook_repo = base / "hooks"
    rev = _snapshot_of_checkout(hook_repo)
    repo = base / "site"
    repo.mkdir()
    env = {**os.environ, **GIT_ENV, "PRE_COMMIT_HOME": str(base / "pre-commit-home")}
    subprocess.run(["git", "init", "-q", str(repo)], check=True, env=env)
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n- repo: {hook_repo}\n  rev: {rev}\n  hooks:\n  - id: tqcheck-fix\n", encoding="utf-8"
    )
    text = "More than 13.000 people marched on Sunday, and the minister said that “the plan is ready”and left.\n"
    (repo / "article.md").write_text(text, encoding="utf-8")
    subprocess.run(["git", "-C", str(repo), "add", "-A"], check=True, env=env)

    def commit():
        return subprocess.run(["git", "-C", str(repo), "commit", "-qm", "article"], env=env,
                              capture_output=True, text=True, timeout=900)

    subprocess.run(["pre-commit", "install"], cwd=repo, env=env, check=True, capture_output=True)
    first = commit()
    assert first.returncode != 0, first.stdout + first.stderr
    assert "files were modified by this hook" in first.stdout + first.stderr
    assert (repo / "article.md").read_text("utf-8") == text.replace("13.000", "13,000").replace("ready”and", "ready” and")
    subprocess.run(["git", "-C", str(repo), "add", "article.md"], check=True, env=env)
    second = commit()
    assert second.returncode == 0, second.stdout + second.stderr
