"""A command that is its program's last act ends without the interpreter's teardown, and nobody can tell
but the clock: same exit code, same output, `atexit` functions run, running threads waited for; a caller
that can catch the exit (a `try` around `main()`) gets it as before."""
from __future__ import annotations

import os
import subprocess
import sys

from conftest import ROOT, SEED

# A program shaped like the console script pip writes (`sys.exit(main())` at the top level), plus an
# object whose finaliser only the teardown runs, an atexit function, and a slot for one more line.
PROGRAM = """\
import atexit, os, sys, threading, time, types
class FreedAtTeardown:
    def __del__(self, write=os.write):  # the write held by the method: the teardown empties modules first
        write(2, b"teardown ran\\n")
sys.modules["holder"] = types.ModuleType("holder")  # a module's objects: the teardown frees them
sys.modules["holder"].kept = FreedAtTeardown()
atexit.register(lambda: sys.stderr.write("atexit ran\\n"))
{extra}
sys.argv = ["tqcheck", "check", "--engine", "none", "--format", "json", {seed!r}]
from tqcheck.cli import main
{call}
"""


def _run(tmp_path, call: str, extra: str = ""):
    program = tmp_path / "program.py"
    program.write_text(PROGRAM.format(extra=extra, seed=str(SEED), call=call), "utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "TQCHECK_CACHE_DIR": str(tmp_path / "cache")}
    return subprocess.run([sys.executable, str(program)], capture_output=True, text=True, env=env)


def test_the_last_act_skips_the_teardown_and_keeps_code_output_and_atexit(tmp_path):
    last = _run(tmp_path, "sys.exit(main())")
    caught = _run(tmp_path, "try:\n    main()\nexcept SystemExit as done:\n    sys.exit(done.code)")
    assert last.returncode == caught.returncode == 1  # the seed has errors
    assert last.stdout == caught.stdout and '"findings"' in last.stdout  # the whole report, flushed
    assert "atexit ran" in last.stderr and "atexit ran" in caught.stderr
    assert "teardown ran" not in last.stderr  # the objects were left to the system
    assert "teardown ran" in caught.stderr  # a try around main(): Python ends the program as always


def test_a_caller_that_catches_the_exit_goes_on(tmp_path):
    done = _run(tmp_path, "try:\n    main()\nexcept SystemExit as done:\n    print('went on', done.code, file=sys.stderr)")
    assert "went on 1" in done.stderr and done.returncode == 0


def test_a_running_thread_is_waited_for_as_python_waits(tmp_path):
    # The thread outlives the check, which starts with importing tqcheck.checking.run and lasts well under 2 s.
    thread = ("def late():\n"
              "    while 'tqcheck.checking.run' not in sys.modules:\n        time.sleep(0.01)\n"
              "    time.sleep(2)\n    sys.stderr.write('thread finished\\n')\n"
              "threading.Thread(target=late).start()")
    done = _run(tmp_path, "sys.exit(main())", extra=thread)
    assert done.returncode == 1 and "thread finished" in done.stderr and "teardown ran" in done.stderr


def test_python_dash_m_is_a_last_act_and_exits_with_the_run_code(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT), "TQCHECK_CACHE_DIR": str(tmp_path / "cache")}
    article = tmp_path / "clean.txt"
    article.write_text("The council met on Monday and approved the budget.\n", "utf-8")
    clean = subprocess.run([sys.executable, "-m", "tqcheck", "check", "--engine", "none", "-q", str(article)],
                           capture_output=True, text=True, env=env)
    assert clean.returncode == 0 and clean.stdout == ""
    usage = subprocess.run([sys.executable, "-m", "tqcheck", "check", "--no-such-option", str(article)],
                           capture_output=True, text=True, env=env)
    assert usage.returncode == 2 and "no-such-option" in usage.stderr
