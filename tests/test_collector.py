"""The cycle collector around a document's check: off while the detectors run, and what they made
promoted on the way out, so that the first allocation after does not rescan all of it."""
from __future__ import annotations

import os
import subprocess
import sys

from conftest import ROOT, SEED

PROBE = (
    "import gc, sys\n"
    "from tqcheck.api import Settings, check_document, parse_text\n"
    "text = open(sys.argv[1], encoding='utf-8').read()\n"
    "def check():\n"
    "    doc, settings = parse_text('seed.txt', text, 'text'), Settings(target_lang=None, engine='none')\n"
    "    before = sum(g['collections'] for g in gc.get_stats())\n"
    "    return check_document(doc, settings), before\n"
    "report, before = check()\n"
    "during = sum(g['collections'] for g in gc.get_stats()) - before\n"  # the collector is off until the check ends
    "gc.collect()\n"  # start-up's own leftovers: datetime's pure-Python classes, slotted dataclasses' drafts
    "check()\n"
    "print(during, len(report.findings), gc.isenabled(), gc.collect())\n"
)


def test_a_first_articles_objects_are_promoted_after_its_check_and_its_detectors_leave_no_cycles(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT), "TQCHECK_CACHE_DIR": str(tmp_path)}
    for _ in range(2):  # cold, then with the warm-start file
        done = subprocess.run([sys.executable, "-c", PROBE, str(SEED)], capture_output=True, text=True, env=env)
        during, findings, enabled, freed = done.stdout.split()
        # Without the promotion the young generation holds every object the first check made or loaded
        # (detectors' modules, data, patterns: tens of thousands), and the first allocation as the check
        # ends makes the collector scan them all at once, only to find them alive.
        assert int(during) == 0 and int(findings) > 0 and enabled == "True", done.stdout
        assert freed == "0", "the detectors made reference cycles: promoting them would keep them"
