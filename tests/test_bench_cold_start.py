"""Row 5's cold runs start from a warm-start file that an engine run has seen, as a user's does: the
chrF signature is read from it, so a cold run translates and scores without importing sacrebleu."""
from __future__ import annotations

import os
import subprocess
import sys

from conftest import ROOT

from benchmarks.rows import Config, Workspace, tqcheck_argv

LANGS = ("--engine", "apertium", "--source-lang", "es", "--target-lang", "en")
PROBE = ("import sys, runpy\n"
         "sys.argv = ['tqcheck'] + sys.argv[1:]\n"
         "try:\n"
         "    runpy.run_module('tqcheck', run_name='__main__')\n"
         "except SystemExit:\n"
         "    pass\n"
         "print('sacrebleu imported' if 'sacrebleu' in sys.modules else 'sacrebleu not imported', file=sys.stderr)\n")


def _cold_run(ws: Workspace, text_path) -> str:
    env = {**os.environ, **ws.env, **ws.fresh_cache(), "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", PROBE, "check", *LANGS, str(text_path)],
                          capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode in (0, 1), done.stderr[-500:]
    return done.stderr.strip().splitlines()[-1]


def test_cold_runs_after_the_seed_read_the_signature_from_the_warm_start_file(tmp_path):
    ws = Workspace(tmp_path, Config.quick_config(), log=lambda *_: None)
    article = tmp_path / "article.txt"
    article.write_text("The minister said the reform would pass on Monday.\n\n"
                       "Critics said the vote was delayed by the opposition.\n", "utf-8")
    # the shared folder as the engine-less runs leave it: a cold run asks sacrebleu for the signature
    subprocess.run(tqcheck_argv("--engine", "none", str(article)), capture_output=True,
                   env={**os.environ, **ws.env, "PYTHONPATH": str(ROOT)}, check=False)
    assert _cold_run(ws, article) == "sacrebleu imported"
    ws.seed_warmstart(LANGS, ["The cat sat on the mat.", "It rained in the capital on Monday."])
    assert _cold_run(ws, article) == "sacrebleu not imported"
