"""Checking with --jobs: the worker processes of a finished run end on their own, and an interrupted one stops them."""
import multiprocessing.pool
from pathlib import Path

import pytest

from tqcheck.checking.config import ConfigFinder
from tqcheck.checking.inputs import collect
from tqcheck.checking.run import RunOptions, _parallel

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_24777a2ba7ef8ce0.txt"


@pytest.fixture()
def inputs(tmp_path):
    text = SEED.read_text(encoding="utf-8")
    for n in range(12):
        (tmp_path / f"a{n:02d}.txt").write_text(text, encoding="utf-8")
    finder = ConfigFinder()
    found, _ = collect([str(tmp_path)], finder)
    return found, RunOptions(paths=[str(tmp_path)], engine="none"), finder


@pytest.fixture()
def terminations(monkeypatch):
    """A spy on Pool.terminate. The fault it guards against (SIGTERM landing while a worker holds the task
    queue's lock, which left the run hanging for ever) is a race no test can produce on demand; what can be
    shown is that a run that ended never sends SIGTERM at all."""
    calls = []
    real = multiprocessing.pool.Pool.terminate

    def spy(self):
        calls.append(self)
        real(self)

    monkeypatch.setattr(multiprocessing.pool.Pool, "terminate", spy)
    return calls


def test_a_finished_run_lets_its_workers_end_without_a_signal(inputs, terminations):
    found, options, finder = inputs
    outcomes = list(_parallel(found, options, finder, 2))
    assert len(outcomes) == len(found) == 12
    assert all(report.findings for report, _ in outcomes)  # each copy of the seed was really checked
    assert terminations == []


def test_a_run_closed_early_stops_its_workers(inputs, terminations):
    found, options, finder = inputs
    results = _parallel(found, options, finder, 2)
    next(results)
    results.close()
    assert len(terminations) == 1


def _deaf_worker(options, finder):
    import signal

    from tqcheck.checking import run

    run._init_worker_real(options, finder)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)


def test_a_worker_that_ignores_sigterm_is_killed_and_the_run_still_ends(inputs, monkeypatch):
    """A test double for a fault that cannot be produced on demand: a worker that does not end on SIGTERM
    (the real one was stuck on the task queue's lock). The run must end anyway, its workers gone."""
    import multiprocessing
    import time

    from tqcheck.checking import run

    found, options, finder = inputs
    monkeypatch.setattr(run, "_init_worker_real", run._init_worker, raising=False)
    monkeypatch.setattr(run, "_init_worker", _deaf_worker)
    monkeypatch.setattr(run, "STOP_GRACE", 1.0)
    results = _parallel(found, options, finder, 2)
    next(results)
    began = time.monotonic()
    results.close()
    assert time.monotonic() - began < 60
    assert multiprocessing.active_children() == []
