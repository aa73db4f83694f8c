"""A plain `tqcheck check` runs without click, with exactly the parameters click would have given it;
anything else goes to click, whose help and error messages stay the command line's."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import ROOT, SEED
from tqcheck.cli import _click_group, plain_check_args

SEED_ARG = str(SEED)


def _click_params(args: list[str]) -> dict:
    command = _click_group().commands["check"]
    return command.make_context("check", list(args[1:])).params


@pytest.mark.parametrize("args", [
    ["check", SEED_ARG],
    ["check", "--engine", "none", SEED_ARG],
    ["check", "--engine=none", "--format=json", SEED_ARG, "-"],
    ["check", "--select", "Q1,C104", "--select", "F101", "--ignore", "Q102", "-q", SEED_ARG],
    ["check", "--no-color", "--statistics", "--fail-on", "never", "--jobs=03", SEED_ARG],
    ["check", "-j", "2", SEED_ARG],
    ["check", "--color", "--timeout-per-file", "2.5", "--min-severity", "warning", "--include-fuzzy", SEED_ARG],
    ["check", "--source", SEED_ARG, "--source-lang", "es", "--target-lang", "en", "--config", "missing.toml", SEED_ARG],
    ["check", "--diff", "HEAD~2", "--stdin-filename", "notes.md", "--encoding", "latin-1", "-o", "report.txt", "-"],
    ["check", "--fix", "--unsafe-fixes", "--skip-unreadable", "--no-cache", "--debug", "--diff-fix", "a.txt", "b.po"],
    ["check", "--timeout-per-file=1e3", "--select=", "--output=-", "check"],
])
def test_plain_arguments_give_the_parameters_click_gives(args):
    plain = plain_check_args(args)
    assert plain is not None, args
    assert plain == _click_params(args)


@pytest.mark.parametrize("args", [
    ["--version"], ["rules"], ["explain", "Q101"], ["check"], ["check", "--help", SEED_ARG], ["check", "-h"],
    ["check", "--format", "xml", SEED_ARG],  # click's message for a wrong choice
    ["check", "--jobs", "0", SEED_ARG], ["check", "-j", "x", SEED_ARG], ["check", "-j4", SEED_ARG],
    ["check", "--timeout-per-file", "nan", SEED_ARG], ["check", "--timeout-per-file", "-1", SEED_ARG],
    ["check", "--source", str(ROOT / "seeds"), SEED_ARG],  # a folder where a file is wanted
    ["check", "--quiet=1", SEED_ARG], ["check", "--bogus", SEED_ARG], ["check", SEED_ARG, "--select"],
    ["check", "--", SEED_ARG], ["check", "--engine", "none", "--engine", "auto", SEED_ARG],
    ["check", "--select", "-Q1", SEED_ARG], ["check", "-qj", "2", SEED_ARG],
])
def test_anything_else_is_left_to_click(args):
    assert plain_check_args(args) is None


def test_the_pre_commit_command_does_not_import_click_and_reports_as_before(tmp_path):
    probe = ("import atexit, sys\n"
             "atexit.register(lambda: print('click' in sys.modules, 'inspect' in sys.modules, file=sys.stderr))\n"
             "sys.argv = ['tqcheck', *sys.argv[1:]]\n"
             "from tqcheck.cli import main\n"
             "main()\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "TQCHECK_CACHE_DIR": str(tmp_path), "NO_COLOR": "1"}
    plain = subprocess.run([sys.executable, "-c", probe, "check", "--engine", "none", SEED_ARG],
                           capture_output=True, text=True, env=env)
    assert plain.stderr.splitlines()[-1].startswith("False"), plain.stderr
    # the same check read by click (a repeated option is click's to settle) reports the same, byte for byte
    by_click = subprocess.run([sys.executable, "-c", probe, "check", "--engine", "auto", "--engine", "none", SEED_ARG],
                              capture_output=True, text=True, env=env)
    assert by_click.stderr.splitlines()[-1].startswith("True"), by_click.stderr
    assert plain.returncode == by_click.returncode == 1
    assert plain.stdout == by_click.stdout and "Found" in plain.stdout


def test_an_error_in_a_plain_check_is_reported_as_click_reported_it(tmp_path):
    missing = tmp_path / "no-such-file.txt"
    done = subprocess.run([sys.executable, "-m", "tqcheck", "check", "--engine", "none", str(missing)],
                          capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 2
    assert done.stderr == f"tqcheck: error: {missing}: no such file or directory\n"
