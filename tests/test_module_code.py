"""A command-line run imports tqcheck's modules from the code kept in the warm-start file: the next run opens
none of their files, and a module edited since is imported as edited."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys

from conftest import ROOT, SEED

# A program shaped like the console script pip writes, which notes each tqcheck.rules file it opens
# (the .py or its .pyc) and prints them at exit, with where the calque module says it lives.
PROGRAM = """\
import atexit, sys
opened = []
sys.addaudithook(lambda event, args: event == "open" and "rules" in str(args[0])
                 and str(args[0]).endswith((".py", ".pyc")) and opened.append(str(args[0])))
def show():
    calques = sys.modules["tqcheck.rules.calques"]
    print("opened", len(opened), "calques at", calques.__file__, file=sys.stderr)
atexit.register(show)
sys.argv = ["tqcheck", "check", "--engine", "none", "--format", "json", {seed!r}]
from tqcheck.cli import main
sys.exit(main())
"""


def _run(tmp_path, package_parent):
    program = tmp_path / "program.py"
    program.write_text(PROGRAM.format(seed=str(SEED)), "utf-8")
    env = {**os.environ, "PYTHONPATH": str(package_parent), "TQCHECK_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return subprocess.run([sys.executable, str(program)], capture_output=True, text=True, env=env)


def _opened(done) -> int:
    line = next(line for line in done.stderr.splitlines() if line.startswith("opened "))
    return int(line.split()[1])


def test_the_next_run_imports_the_rule_modules_without_opening_their_files(tmp_path):
    first = _run(tmp_path, ROOT)
    second = _run(tmp_path, ROOT)
    assert first.returncode == second.returncode == 1
    assert first.stdout == second.stdout and '"findings"' in second.stdout
    assert _opened(first) >= 10  # each rule module's .pyc (or source) read the usual way, and kept
    assert _opened(second) == 0  # their code came from the warm-start file
    assert f"calques at {ROOT / 'tqcheck' / 'rules' / 'calques.py'}" in second.stderr  # the same module, same file


def test_a_module_edited_since_is_imported_as_edited(tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(ROOT / "tqcheck", copy / "tqcheck", ignore=shutil.ignore_patterns("__pycache__"))
    first = _run(tmp_path, copy)
    assert _opened(first) >= 10 and "calques as edited" not in first.stderr
    calques = copy / "tqcheck" / "rules" / "calques.py"
    with calques.open("a", encoding="utf-8") as source:
        source.write('\nimport sys as _sys\n_sys.stderr.write("calques as edited\\n")\n')
    second = _run(tmp_path, copy)
    assert "calques as edited" in second.stderr
    assert second.stdout == first.stdout
    third = _run(tmp_path, copy)  # the edited module's code is the one kept now
    assert "calques as edited" in third.stderr and _opened(third) == 0
