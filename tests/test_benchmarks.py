"""The benchmark's smallest configuration runs end to end, so it cannot rot (it never asserts a timing)."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

# Peers installed separately (pip install proselint translate-toolkit): without one a row still
# reports tqcheck's figures.  Rows 3-7 compare tqcheck with itself or with the engine it runs.
PEERS = {1: "proselint", 2: "proselint", 8: "pofilter"}
OPTIONAL_ENGINES = {5, 6, 7}  # Apertium, or CTranslate2 for the Argos row, may be missing


def _installed(name: str) -> bool:
    """As the benchmark finds a peer: beside this Python, else on PATH."""
    return (Path(sys.executable).parent / name).exists() or shutil.which(name) is not None


@pytest.fixture(scope="module")
def quick_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("bench") / "latest.json"
    done = subprocess.run([sys.executable, "-m", "benchmarks.run", "--quick", "--out", str(out)],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    return done, json.loads(out.read_text("utf-8")) if out.exists() else None


def test_quick_benchmark_runs_every_row_and_prints_its_figures(quick_run):
    done, results = quick_run
    assert done.returncode == 0, done.stderr[-2000:]
    assert results is not None
    rows = {row["row"]: row for row in results["rows"]}
    assert sorted(rows) == list(range(1, 11))
    for number, row in rows.items():
        table_line = next(line for line in done.stdout.splitlines() if line.startswith(f"| {number} |"))
        if row["unavailable"]:
            # Only an uninstalled optional engine or a feature tqcheck does not have yet may stop a row.
            assert row["unavailable_kind"] in ("missing", "not-yet"), (number, row["unavailable"])
            assert number in OPTIONAL_ENGINES or row["unavailable_kind"] == "not-yet", (number, row["unavailable"])
            continue
        figures = row["tqcheck"]
        assert figures["median"] > 0 and len(figures["values"]) == 2, (number, figures)
        assert figures["unit"] in table_line
        peer = PEERS.get(number)
        if number in (3, 4, 5, 6, 7) or (peer and _installed(peer)):
            assert row["peer_figures"] and row["peer_figures"]["median"] > 0, (number, row)
            assert row["ratio"]["median"] > 0
        if number not in (9, 10) and row["peer_figures"]:  # rows 9 and 10 report a figure, with no bound
            assert row["met"] in (True, False)
        if number == 10:  # timed inside one process: its rounds are kept, not launched commands
            assert len(row["extra"]["rounds"]) == 2 and row["extra"]["literals"] > 100
            continue
        # Every counted run is kept raw, after its warm-up.
        for series in row["runs"].values():
            assert len(series["wall_s"]) == 2 and all(p > 0 for p in series["peak_mb"])


def test_quick_benchmark_records_the_machine_and_the_tools(quick_run):
    _, results = quick_run
    assert results["machine"]["nproc"] >= 1 and results["machine"]["cpu"]
    assert results["versions"]["tqcheck"]
    assert "| # | what |" in results["table"]
