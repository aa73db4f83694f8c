"""The long fuzz run: many thousands of generated documents through every reader, detector and format.

The generators and invariants are those of the property tests (tests/fuzzing.py), with documents
up to --max-chars (5,000 by default, the tests stop at 2,000). Each worker is its own process with
its own hash seed and Hypothesis seed; every document is

- encoded (with or without a BOM) and decoded, and must come back as it was;
- read, segmented and checked with every detector that needs no engine (a share of them, counted in
  the output, also against a generated original, for the source-aware detectors), in the format and
  languages drawn;
- rendered as text, json, sarif and github, which must parse, validate and agree with the findings;
- checked and rendered a second time, which must give the same bytes;
- a share of them, also checked by the command line as a file beside a generated configuration
  file (right or wrong keys and values, pyproject tables of any shape, broken TOML): exit 0 or 1,
  or tqcheck's own error;

and a sample is checked again afterwards in a fresh process with another hash seed. Beside each
document, arbitrary bytes are read with a drawn encoding: a Document or an input error, nothing else.
Failing inputs are saved as JSON in --out; `--replay FILE` runs one again and prints its problems.

    python tools/fuzz.py                          # 10,000 documents, a worker a core (at most 4)
    python tools/fuzz.py --documents 500 --jobs 4 --max-chars 2000
    python tools/fuzz.py --replay fuzz-failures/crashes-1a2b3c4d5e.json
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

import fuzzing  # noqa: E402  (tests/fuzzing.py: the generators and invariants the tests use)
from fuzzing import Case  # noqa: E402

COUNTS = ("documents", "findings", "crashes", "bad offsets", "invalid outputs", "nondeterministic outputs")
SAMPLE_EVERY = 20  # one document in this many is checked again in a process with another hash seed
# Hypothesis draws the first of n integers more often than 1/n: these give about 1/3 and 1/4.
SOURCE_EVERY = 4  # documents also checked against a generated original
CLI_EVERY = 10  # documents that also go through the command line, beside a configuration file
SLOW_SECONDS = 10.0  # a document that takes longer is saved (as slow, not as a failure)


SUFFIXES = {"text": ".txt", "markdown": ".md", "html": ".html"}


def examine(case: Case, source: Case | None, bom: str, data: bytes, encoding: str | None,
            config: tuple[str, str] | None = None, output: str = "text") -> tuple[Counter, list]:
    """(counts, failures) for one document; a failure is (category, problem, traceback or None).
    With a `config` (file name, content), the document is also checked by the command line, as a
    file beside that configuration file, in the `output` format."""
    from tqcheck.errors import TqcheckError
    from tqcheck.reading import parse_text, read_document
    from tqcheck.text.segment import segment

    counts: Counter = Counter(documents=1, **{"with an original": source is not None,
                                               "through the command line": config is not None})
    failures: list = []

    def fail(category: str, problems: list[str], tb: str | None = None) -> None:
        counts[category] += bool(problems)
        failures.extend((category, p, tb) for p in problems)

    try:
        encoded = fuzzing.encode_with_bom(case.text, bom)
        try:
            decoded = read_document("fuzz/doc", encoded).text
        except TqcheckError:
            decoded = None
        if decoded != fuzzing.expected_decoding(case.text, bom):
            fail("bad offsets", [f"decoding {bom or 'utf-8'} bytes did not give the text back: {str(decoded)[:80]!r}"])
        try:
            read_document("fuzz/bytes", data, case.fmt, encoding).text.encode("utf-8")
        except TqcheckError:
            pass
        doc = parse_text("fuzz/doc.txt", case.text, case.fmt)
        fail("bad offsets", fuzzing.document_problems(doc))
        fail("bad offsets", fuzzing.segment_problems(doc, segment(doc, case.target_lang or "en")))
        report = fuzzing.check_case(case)
        counts["findings"] += len(report.findings)
        fail("bad offsets", fuzzing.finding_problems(doc, report))
        if source is not None:
            with_source = fuzzing.check_with_source(case, source)
            counts["findings"] += len(with_source.findings)
            fail("bad offsets", [f"(with a source) {p}" for p in fuzzing.finding_problems(doc, with_source)])
        whole = fuzzing.make_report([report])
        outputs = fuzzing.render_all(whole)
        fail("invalid outputs", fuzzing.output_problems(outputs, whole))
        again = fuzzing.render_all(fuzzing.make_report([fuzzing.check_case(case)]))
        fail("nondeterministic outputs", [f"{fmt} differs on a second run" for fmt in outputs if outputs[fmt] != again[fmt]])
        if config is not None:
            with tempfile.TemporaryDirectory() as folder:
                Path(folder, config[0]).write_text(config[1], encoding="utf-8")
                path = Path(folder, "doc" + SUFFIXES[case.fmt])
                path.write_bytes(encoded)
                fail("crashes", fuzzing.command_line_problems(["--engine", "none", "--format", output, str(path)]))
    except Exception as exc:  # noqa: BLE001 - a crash is what this run counts
        fail("crashes", [f"{type(exc).__name__}: {exc}"], traceback.format_exc())
    return counts, failures


def _digest(case: Case) -> str:
    return hashlib.sha256(fuzzing.render_all(fuzzing.make_report([fuzzing.check_case(case)]))["json"].encode()).hexdigest()


def _one_in(n: int, strategy):
    """A value of `strategy` about one time in `n`, else None (st.one_of of n-1 st.none() draws None
    nearly always)."""
    from hypothesis import strategies as st

    return st.tuples(st.integers(0, n - 1), strategy).map(lambda pair: pair[1] if pair[0] == 0 else None)


def worker(index: int, documents: int, max_chars: int, seed: int, out: Path) -> dict:
    """Run `documents` generated documents; return the counts, the slowest time and a sample to re-check."""
    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis import seed as hypothesis_seed
    from hypothesis import strategies as st

    totals: Counter = Counter()
    sample: list = []
    slowest = [0.0]
    # The command line saves its warm-start file in the cache folder: not the user's.
    os.environ["TQCHECK_CACHE_DIR"] = tempfile.mkdtemp(prefix="tqcheck-fuzz-cache-")

    @hypothesis_seed(seed + index)
    @settings(max_examples=documents, deadline=None, database=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(
        fuzzing.cases(max_chars),
        _one_in(SOURCE_EVERY, fuzzing.cases(min(max_chars, 1000))),
        st.sampled_from(fuzzing.BOM_ENCODINGS),
        fuzzing.raw_bytes(min(max_chars, 1000)),
        st.sampled_from(fuzzing.ODD_ENCODINGS),
        _one_in(CLI_EVERY, fuzzing.config_files()),
        st.sampled_from(fuzzing.OUTPUT_FORMATS),
    )
    def run(case, source, bom, data, encoding, config, output):
        start = time.perf_counter()
        counts, failures = examine(case, source, bom, data, encoding, config, output)
        seconds = time.perf_counter() - start
        slowest[0] = max(slowest[0], seconds)
        totals.update(counts)
        saved = {"case": case.describe(), "source": source.describe() if source else None, "bom": bom,
                 "bytes": data.hex(), "encoding": encoding, "config": config, "output": output}
        for category, problem, tb in failures:
            _save(out, category, problem, tb, saved)
        if seconds > SLOW_SECONDS:
            _save(out, "slow", f"{seconds:.1f} s for {len(case.text)} characters", None, saved)
        n = totals["documents"]
        if n % SAMPLE_EVERY == 0 and not failures:
            sample.append({"case": case.describe(), "digest": _digest(case)})
        if n % 500 == 0:
            print(f"worker {index}: {n} documents", file=sys.stderr, flush=True)

    run()
    return {"counts": dict(totals), "slowest": slowest[0], "sample": sample}


def _save(out: Path, category: str, problem: str, tb: str | None, saved: dict) -> None:
    out.mkdir(parents=True, exist_ok=True)
    body = json.dumps({"category": category, "problem": problem, "traceback": tb, **saved}, ensure_ascii=False,
                      indent=1)
    name = hashlib.sha256((category + problem[:40] + body).encode()).hexdigest()[:10]
    (out / f"{category.replace(' ', '-')}-{name}.json").write_text(body, encoding="utf-8")


def recheck(sample: list) -> list[str]:
    """The cases whose json report differs now (this process has another hash seed) from the worker's."""
    return [item["case"] for item in sample if _digest(Case(**item["case"])) != item["digest"]]


def replay(path: Path) -> int:
    saved = json.loads(path.read_text("utf-8"))
    case = Case(**saved["case"])
    source = Case(**saved["source"]) if saved.get("source") else None
    config = tuple(saved["config"]) if saved.get("config") else None
    counts, failures = examine(case, source, saved["bom"], bytes.fromhex(saved["bytes"]), saved["encoding"], config,
                               saved.get("output", "text"))
    for category, problem, tb in failures:
        print(f"{category}: {problem}")
        if tb:
            print(tb)
    print("no problem" if not failures else f"{len(failures)} problems")
    return 1 if failures else 0


def _subprocess(args: list[str], hash_seed: int, stdin: str | None = None) -> subprocess.Popen:
    env = dict(os.environ, PYTHONHASHSEED=str(hash_seed))
    return subprocess.Popen([sys.executable, __file__, *args], env=env, stdin=subprocess.PIPE if stdin else None,
                            stdout=subprocess.PIPE, text=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--documents", type=int, default=10_000)
    ap.add_argument("--jobs", type=int, default=min(4, os.cpu_count() or 1))
    ap.add_argument("--max-chars", type=int, default=5000)
    ap.add_argument("--seed", type=int, default=0, help="Hypothesis seed of worker 0 (worker i uses seed + i)")
    ap.add_argument("--out", type=Path, default=ROOT / "fuzz-failures")
    ap.add_argument("--replay", type=Path, help="run one saved failing input again")
    ap.add_argument("--worker", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--recheck", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.replay:
        return replay(args.replay)
    if args.recheck:
        print(json.dumps(recheck(json.load(sys.stdin))))
        return 0
    if args.worker is not None:
        share = args.documents // args.jobs + (args.worker < args.documents % args.jobs)
        print(json.dumps(worker(args.worker, share, args.max_chars, args.seed, args.out)))
        return 0

    started = time.perf_counter()
    common = ["--documents", str(args.documents), "--jobs", str(args.jobs), "--max-chars", str(args.max_chars),
              "--seed", str(args.seed), "--out", str(args.out)]
    procs = [_subprocess([*common, "--worker", str(i)], hash_seed=1 + i) for i in range(args.jobs)]
    results = [json.loads(p.communicate()[0]) for p in procs]
    if any(p.returncode for p in procs):
        print("a worker failed", file=sys.stderr)
        return 2
    totals: Counter = Counter()
    for r in results:
        totals.update(r["counts"])
    sample = [item for r in results for item in r["sample"]]
    checker = _subprocess(["--recheck"], hash_seed=1000 + args.jobs, stdin="yes")
    differing = json.loads(checker.communicate(json.dumps(sample))[0])
    for case in differing:
        _save(args.out, "nondeterministic outputs", "json differs in a process with another hash seed", None,
              {"case": case, "source": None, "bom": "", "bytes": "", "encoding": None, "config": None})
    totals["nondeterministic outputs"] += len(differing)
    seconds = time.perf_counter() - started
    for name in COUNTS:
        print(f"{name}: {totals[name]:,}")
    print(f"of the documents, checked against an original: {totals['with an original']:,}; "
          f"through the command line: {totals['through the command line']:,}")
    print(f"rechecked in a process with another hash seed: {len(sample):,}")
    print(f"slowest document: {max(r['slowest'] for r in results):.2f} s")
    print(f"seconds: {seconds:.0f}")
    failed = sum(totals[name] for name in COUNTS[2:])
    if failed:
        print(f"failing inputs saved in {args.out}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
