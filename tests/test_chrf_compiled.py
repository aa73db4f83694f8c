"""Round trips are scored by fastchrf's compiled chrF: sacrebleu's sentence scores exactly, without its import."""
from __future__ import annotations

import json
import subprocess

from sacrebleu.metrics import CHRF

from conftest import ROOT, SEED, run_json
from tqcheck.translation.roundtrip import CHRF_SETTINGS, chrf_signature, sentence_chrf, sentences_chrf

DATA = ROOT.parent / "shared" / "data"
WANTED = 3000  # distinct English sentences sent there and back


def _english_sentences() -> list[str]:
    """Distinct English sentences of the shared es↔en sets (read at test time, never copied here)."""
    out: dict[str, None] = {}
    for name, keys in (("es_en.jsonl", ("ref_en", "mt_en")), ("en_es.jsonl", ("src_en",))):
        for line in (DATA / name).read_text("utf-8").splitlines():
            row = json.loads(line)
            for key in keys:
                text = " ".join((row.get(key) or "").split())
                if text:
                    out[text] = None
    return list(out)[:WANTED]


def _apertium(mode: str, lines: list[str]) -> list[str]:
    proc = subprocess.run(["apertium", "-u", mode], input="\n".join(lines) + "\n", capture_output=True,
                          text=True, check=True, timeout=900)
    out = proc.stdout.rstrip("\n").split("\n")
    assert len(out) == len(lines)
    return out


def test_compiled_chrf_gives_sacrebleus_scores_on_real_round_trips():
    originals = _english_sentences()
    assert len(originals) >= 2500
    back = _apertium("spa-eng", _apertium("eng-spa", originals))
    reference = CHRF(**CHRF_SETTINGS)
    expected = [reference.sentence_score(b, [o]).score for o, b in zip(originals, back)]
    got = sentences_chrf(list(zip(back, originals)))
    worst = max(abs(a - b) for a, b in zip(expected, got))
    assert worst <= 1e-6, worst
    assert sum(b != o for o, b in zip(originals, back)) > len(originals) // 2  # real round trips, not copies
    assert len({round(s, 3) for s in got}) > 500  # a spread of scores, not a few values


def test_compiled_chrf_removes_white_space_as_sacrebleu_does():
    reference = CHRF(**CHRF_SETTINGS)
    pairs = [("", ""), ("", "El gato."), ("The cat.", ""), ("   ", "x"), ("The cat sat.", "The cat sat."),
             ("a\x1cb", "ab"),  # a control character str.split counts as white space
             ("el\u2003niño  come", "el niño come"), ("ñandú café", "nandu cafe"), ("😀 he said 👍🏽", "he said 😀"),
             ("a\u200bb", "ab")]  # a zero-width space is not white space for either
    for hypothesis, ref in pairs:
        assert sentence_chrf(hypothesis, ref) == reference.sentence_score(hypothesis, [ref]).score, (hypothesis, ref)


def test_cold_round_trip_keeps_sacrebleus_signature_without_importing_it(private_cache):
    """The first run on a machine asks sacrebleu for its signature once; a later cold run (empty
    translation cache) translates, scores with fastchrf, reports the same signature and scores,
    and never imports sacrebleu."""
    proc, first = run_json("--engine", "apertium", SEED)
    assert proc.returncode == 1 and first["signatures"]["chrf"] == chrf_signature()
    assert first["signatures"]["chrf"].startswith("nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no|version:")
    for path in private_cache.glob("translations.sqlite3*"):
        path.unlink()
    proc, again = run_json("--engine", "apertium", SEED, env={"PYTHONPROFILEIMPORTTIME": "1"})
    modules = {line.rsplit("|", 1)[1].strip() for line in proc.stderr.splitlines() if line.startswith("import time:")}
    assert "fastchrf" in modules and "sacrebleu" not in modules
    assert again == first
    scores = [s["chrf"] for s in again["files"][0]["segments"] if s["chrf"] is not None]
    assert len(scores) >= 25 and len(set(scores)) > 10


def _score_in_child(queue, pairs):
    queue.put(sentences_chrf(pairs))


def test_a_worker_forked_after_fastchrf_ran_still_scores():
    """fastchrf's thread pool does not survive fork(): a worker forked after the parent scored
    (as `--jobs` workers are) must not call into it, and gets sacrebleu's same scores instead."""
    import multiprocessing

    pairs = [("The goverment said on Tuesday that it will rise taxes.", "The government said on Tuesday it will raise taxes."),
             ("El gato duerme.", "The cat sleeps.")]
    here = sentences_chrf(pairs)  # starts the pool in this process
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    child = context.Process(target=_score_in_child, args=(queue, pairs))
    child.start()
    child.join(60)
    alive = child.is_alive()
    if alive:
        child.kill()
    assert not alive, "the forked worker hung in fastchrf"
    assert queue.get(timeout=10) == here
