"""A whole run: inputs, per-file settings, checking, the report, rendering and the exit code."""
from __future__ import annotations

import os
import stat
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from tqcheck import __version__
from tqcheck.checking.budget import TIMEOUT, time_limit
from tqcheck.checking.check import DETECTION_SAMPLE, Settings, check_document, detect_target
from tqcheck.checking.config import ConfigFinder, glossary_paths
from tqcheck.errors import (
    EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE, ConfigError, FileTimeout, InputError, MalformedFile, OutputError,
    raise_from_signal,
)
from tqcheck.finding import Severity
from tqcheck.checking.inputs import Input, collect
from tqcheck.reading import format_for, read_document
from tqcheck.reading.decode import BinaryFile
from tqcheck.output.report import Report

if TYPE_CHECKING:
    from tqcheck.text.document import Document


@dataclass
class RunOptions:
    """The options of one `check` run, as the command line or the API gives them."""

    paths: list[str]
    select: list[str] | None = None
    ignore: list[str] | None = None
    fail_on: str | None = None
    target_lang: str | None = None
    source_lang: str | None = None
    engine: str | None = None
    source_path: str | None = None
    config_path: str | None = None
    stdin_filename: str | None = None
    encoding: str | None = None
    diff_ref: str | None = None
    use_cache: bool = True
    jobs: int | None = None  # None: the number of cores, capped
    timeout_per_file: float | None = None  # seconds; None: the file's configuration, else no limit
    output: str | None = None  # write the report to this file (atomically) instead of standard output
    include_fuzzy: bool = False  # bilingual files: check units marked fuzzy or new too
    skip_unreadable: bool = False  # a file of a folder that cannot be read or decoded is skipped, not an error
    min_severity: str | None = None  # findings below it are not reported
    quiet: bool = False  # the findings only
    statistics: bool = False  # counts by code too
    fix: bool = False  # rewrite the files with the findings' safe fixes applied
    diff_fix: bool = False  # print those fixes as a unified diff instead of the report; write nothing
    unsafe_fixes: bool = False  # also the fixes their detectors declare unsafe


def run(options: RunOptions, fmt: str, color: bool) -> int:
    from tqcheck.output import render_parts
    from tqcheck.rules import AllRules

    check_flags(options)
    finder = ConfigFinder(Path(options.config_path) if options.config_path else None)
    inputs, empty_dirs = collect(options.paths, finder, options.stdin_filename)
    if options.source_path and len(inputs) != 1:
        raise ConfigError("--source pairs one original with one translation: give exactly one file to check")
    if not options.source_path:
        inputs = _pair_by_name(inputs, options, finder)
    report = Report(__version__, rules=AllRules(), quiet=options.quiet,
                    statistics=options.statistics)
    for folder in empty_dirs:
        report.skipped.append({"path": folder, "reason": "no Markdown, HTML or text files", "error": False})
    fail_levels = []
    from tqcheck.output.destination import open_destination
    from tqcheck.translation.enginepool import EnginePool

    # Opened first, so that an unwritable --output fails before the work rather than after it;
    # nothing reaches the file's path unless the whole report is written (the `with` discards it).
    with open_destination(options.output) as destination:
        engines = EnginePool(options.engine or "auto", use_cache=options.use_cache)
        try:
            _check_all(inputs, options, finder, report, fail_levels, engines)
        finally:
            engines.close()
        from tqcheck.speed import warmstart

        warmstart.save()
        if any(f.engine for f in report.files):
            from tqcheck.translation.roundtrip import chrf_signature

            report.signatures["chrf"] = chrf_signature()
        fix_failed: list[str] = []
        if options.fix or options.diff_fix:
            diffs, fix_failed = _fix_files(report, options, {item.label: item.path for item in inputs if item.path})
            if options.diff_fix:
                destination.write("".join(diffs))
                destination.commit()
                return EXIT_USAGE if fix_failed else EXIT_FINDINGS if diffs else EXIT_CLEAN
        for part in render_parts(report, fmt, color=color):
            destination.write(part)
        destination.commit()
    if (options.fix or options.diff_fix) and fix_failed:
        return EXIT_USAGE  # a file kept its problems although --fix was asked; each was said on stderr
    if not report.files and not report.failed():
        print(f"tqcheck: error: no file was checked ({_plural(len(report.skipped), 'path')} skipped); "
              "a run that checks nothing fails", file=sys.stderr, flush=True)
    return _exit_code(report, fail_levels)


def _fix_files(report: Report, options: RunOptions, paths: dict) -> tuple[list[str], list[str]]:
    """Apply (or, with --diff-fix, show) each checked file's fixes; the fixed findings leave the report.
    Returns the diffs and the files that could not be fixed (each said on stderr)."""
    from tqcheck.checking import fix
    from tqcheck.reading.decode import decode

    diffs, failed = [], []
    for file_report in report.files:
        path = paths.get(file_report.path)
        if path is None:
            continue
        try:
            original = path.read_bytes()
            if decode(original, file_report.path, options.encoding) != file_report.text:
                raise InputError(f"{file_report.path}: changed while it was checked; not fixed")
            edits = fix.fixable(file_report.findings, report.rules, options.unsafe_fixes, file_report.text)
            edits = fix.confine(file_report, edits)  # a bilingual file: its target texts only
            if not edits:
                continue
            new_text = fix.apply(file_report.text, edits)
            if options.diff_fix:
                diffs.append(fix.unified_diff(file_report.path, file_report.text, new_text))
                continue
            fix.write_atomically(path, fix.encode_like(original, file_report.text, new_text, options.encoding,
                                                       file_report.path))
        except (InputError, OutputError, OSError) as exc:  # this file is not fixed; the others still are
            message = str(exc) if isinstance(exc, (InputError, OutputError)) else f"{file_report.path}: cannot read ({exc.strerror})"
            print(f"tqcheck: error: {message}", file=sys.stderr, flush=True)
            failed.append(file_report.path)
            continue
        fixed = {id(e.finding) for e in edits}
        file_report.findings = [f for f in file_report.findings if id(f) not in fixed]
        report.fixed += len(edits)
    return diffs, failed


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _check_all(inputs, options: RunOptions, finder: ConfigFinder, report: Report, fail_levels: list, engines) -> None:
    stdin_data = {id(item): _read_bytes(item) for item in inputs if item.path is None}
    over_budget: set[int] = set()  # files whose budget ran out before checking began
    if len(inputs) > 1 and (options.engine or "auto") != "none" and not options.source_path:
        over_budget = _prefetch_translations(inputs, options, finder, engines, stdin_data)
    todo = [item for item in inputs if id(item) not in over_budget]
    jobs = _effective_jobs(options.jobs, len(todo))
    if jobs > 1:
        results = _parallel(todo, options, finder, jobs)
    else:
        results = (_check_one(item, options, finder, engines, stdin_data.get(id(item))) for item in todo)
    try:
        for item in inputs:
            if id(item) in over_budget:
                outcome, fail_level = _timed_out(item, _time_limit(options, _config(item, finder))), None
            else:
                outcome, fail_level = next(results)
            if isinstance(outcome, dict):
                report.skipped.append(outcome)
                # Said as it happens, like any error, and the run goes on with the next file.
                if outcome["reason"] == TIMEOUT:
                    print(f"tqcheck: error: {outcome['path']}: took longer than {outcome['seconds']:g} s "
                          "(--timeout-per-file); skipped", file=sys.stderr, flush=True)
                elif outcome.get("error"):
                    print(f"tqcheck: error: {outcome.pop('detail')}; not checked (--skip-unreadable to skip it)",
                          file=sys.stderr, flush=True)
                else:
                    outcome.pop("detail", None)
            else:
                report.files.append(outcome)
                fail_levels.append(fail_level)
    finally:
        results.close()  # stops the worker processes, whether the run ended or was interrupted


def round_trip_batch(doc, settings: Settings, engines):
    """((engine choice, pivot, target), segment texts) that check_document will send through the round
    trip for `doc`, or None when no engine offers the pair: the same decisions and texts as
    check_document, so every lookup there hits a batch translated ahead (by `check` over many files
    and by `audit` per partition)."""
    from tqcheck.data import langdata
    from tqcheck.text import language
    from tqcheck.text.segment import segment

    if doc.bilingual is not None:
        from tqcheck.checking import bilingual

        settings, _ = bilingual.prepare(doc, settings)
    target = language.base(settings.target_lang or detect_target(doc, []))
    candidates = [language.base(settings.source_lang)] if settings.source_lang else langdata.sources_for(target)
    pivot = next((c for c in candidates if engines.offers(settings.engine, c, target)), None)
    if pivot is None:
        return None
    return (settings.engine, pivot, target), [s.prose(doc.view) for s in segment(doc, target)]


def _prefetch_translations(inputs, options: RunOptions, finder: ConfigFinder, engines, stdin_data) -> set[int]:
    """Translate the segments of every file in one batch per direction before checking them.

    Starting an engine costs more than translating a short article, so a run over many files
    would otherwise be dominated by start-ups. Files that cannot be read are left for the
    checking pass to report. Each file is read within its time budget (the ids of those that
    go over it are returned); a batch gets the sum of its files' budgets, and one that runs
    out is dropped, leaving each file to translate its own segments within its own budget.
    """
    from tqcheck.translation.roundtrip import translate_round_trip

    over_budget: set[int] = set()
    batches: dict[tuple[str, str, str], list[str]] = {}
    budgets: dict[tuple[str, str, str], list[float | None]] = {}
    for item in inputs:
        config = _config(item, finder)
        settings = _settings(options, config)
        limit = _time_limit(options, config)
        try:
            with time_limit(limit):
                data = stdin_data.get(id(item)) or _read_bytes(item)
                doc = read_document(item.label, data, format_for(item.label) or "text", options.encoding,
                                    options.include_fuzzy, settings.target_lang)
                batch = round_trip_batch(doc, settings, engines)
                if batch is None:
                    continue
        except InputError:
            continue
        except FileTimeout:
            over_budget.add(id(item))
            continue
        key, texts = batch
        batches.setdefault(key, []).extend(texts)
        budgets.setdefault(key, []).append(limit)
    for key, texts in batches.items():
        choice, pivot, target = key
        limits = budgets[key]
        try:
            with time_limit(sum(limits) if all(limits) else None):
                engine, _ = engines.get(choice, pivot, target)
                translate_round_trip(engine, texts, target, pivot, engines.cache)
        except FileTimeout:
            pass
    return over_budget


# Fewer files than this are checked in one process: starting workers would cost more than it saves.
MIN_FILES_PER_JOB = 4
MAX_DEFAULT_JOBS = 8


def _effective_jobs(requested: int | None, n_files: int) -> int:
    import os

    jobs = requested if requested else min(os.cpu_count() or 1, MAX_DEFAULT_JOBS)
    return max(1, min(jobs, n_files // MIN_FILES_PER_JOB))


_WORKER: dict = {}


def _init_worker(options: RunOptions, finder: ConfigFinder) -> None:
    import signal

    from tqcheck.translation.enginepool import EnginePool

    # The parent alone answers Ctrl-C (the terminal sends it to every process of the group); it
    # then stops the workers with SIGTERM, which unwinds a worker's work (an engine pipeline is
    # killed on the way) and ends it quietly with the conventional code.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _exit_on_signal)
    _WORKER.update(options=options, finder=finder, engines=EnginePool(options.engine or "auto", options.use_cache))


def _exit_on_signal(signum, frame):
    raise_from_signal(SystemExit(128 + signum))


def _work(item: Input):
    return _check_one(item, _WORKER["options"], _WORKER["finder"], _WORKER["engines"], None)


def _parallel(inputs, options: RunOptions, finder: ConfigFinder, jobs: int):
    """Check files in `jobs` processes; results come back in input order, so output is deterministic."""
    import multiprocessing

    context = multiprocessing.get_context("fork")
    pool = context.Pool(jobs, initializer=_init_worker, initargs=(options, finder))
    workers = multiprocessing.active_children()
    try:
        yield from pool.imap(_work, inputs, chunksize=max(1, len(inputs) // (jobs * 8)))
    except BaseException:
        _stop(pool, workers)  # interrupted or closed early
        raise
    # A run that ended lets its workers finish on the queue's sentinel. Pool.__exit__ would terminate
    # them instead, and a SIGTERM landing while a worker holds the task queue's lock left another
    # worker waiting on it for ever: the run hung after printing nothing.
    pool.close()
    pool.join()


STOP_GRACE = 5.0  # seconds a worker has to end on SIGTERM before it is killed outright


def _stop(pool, workers) -> None:
    """Stop the workers with SIGTERM (Pool.terminate), and kill any still running after STOP_GRACE.

    Pool.terminate joins every worker, and a worker that does not end on SIGTERM (one was seen
    waiting for ever on the task queue's lock, which terminate itself holds) would hold the run for ever.
    """
    import threading

    def kill_stragglers():
        for worker in workers:
            if worker.exitcode is None:
                worker.kill()

    timer = threading.Timer(STOP_GRACE, kill_stragglers)
    timer.daemon = True
    timer.start()
    try:
        pool.terminate()
    finally:
        timer.cancel()


def _config(item: Input, finder: ConfigFinder):
    return finder.for_path(item.path) if item.path else finder.for_path(Path.cwd())


def _time_limit(options: RunOptions, config) -> float | None:
    return options.timeout_per_file or config.get("timeout-per-file")


def _timed_out(item: Input, seconds: float) -> dict:
    return {"path": item.label, "reason": TIMEOUT, "error": True, "seconds": seconds}


def _unreadable(item: Input, reason: str, exc: Exception, options: RunOptions) -> dict:
    """A file of a folder that could not be read or decoded: an error of the run (exit 2) unless the
    user chose to skip such files; `detail` is the one-line message said on stderr."""
    return {"path": item.label, "reason": reason, "error": not options.skip_unreadable, "detail": str(exc)}


def _check_one(item: Input, options: RunOptions, finder: ConfigFinder, engines, data: bytes | None):
    """(FileReport, fail-on level) for a checked file, or ({"path", "reason"}, None) for a skipped one."""
    config = _config(item, finder)
    limit = _time_limit(options, config)
    try:
        with time_limit(limit):
            return _check_within_budget(item, options, config, engines, data)
    except FileTimeout:
        return _timed_out(item, limit), None


def _check_within_budget(item: Input, options: RunOptions, config, engines, data: bytes | None):
    settings = _settings(options, config, item)
    if data is None:
        try:
            data = _read_bytes(item)
        except InputError as exc:
            if item.explicit:
                raise
            return _unreadable(item, str(exc).removeprefix(f"{item.label}: "), exc, options), None
    fmt_name = format_for(item.label) or "text"
    if item.label.lower().endswith(".pot"):
        return {"path": item.label, "reason": "PO template: no translations to check", "error": False}, None
    try:
        doc = read_document(item.label, data, fmt_name, options.encoding, options.include_fuzzy, settings.target_lang)
        del data  # the decoded text is all that is needed now; a large file's bytes need not stay
    except BinaryFile:
        if item.explicit:
            raise
        return {"path": item.label, "reason": "binary file", "error": False}, None
    except MalformedFile:
        raise  # a CI gate must not pass a bilingual file it could not read, named or found in a folder
    except InputError as exc:
        if item.explicit:
            raise
        return _unreadable(item, UNDECODABLE, exc, options), None
    _check_suppression_codes(doc)
    if item.source is not None:
        settings.source_lang = settings.source_lang or item.source_lang
        source_doc = _read_source(replace(options, source_path=str(item.source)), settings)
    else:
        source_doc = _read_source(options, settings) if options.source_path else None
    file_report = check_document(doc, settings, engines, source_doc)
    if options.diff_ref and item.path is not None:
        _keep_changed_lines(file_report, item.path, options.diff_ref)
    _drop_hidden(file_report, options.min_severity or config.get("min-severity"), config.get("accept") or ())
    return file_report, options.fail_on or config.get("fail-on") or "error"


def _pair_by_name(inputs, options: RunOptions, finder: ConfigFinder):
    """Files found in folders pair with their originals by name (`source-pattern`, default `{stem}.{lang}{ext}`)."""
    walked = [item for item in inputs if item.root is not None]
    if not walked:
        return inputs
    from tqcheck.checking.pairing import DEFAULT_PATTERN, pair_by_name

    config = finder.for_path(walked[0].path)
    return pair_by_name(
        inputs,
        {item.label: item.root for item in walked},
        config.get("source-pattern") or DEFAULT_PATTERN,
        options.target_lang or _lang(config.get("target-lang")),
        options.source_lang or _lang(config.get("source-lang")),
    )


def _read_source(options: RunOptions, settings) -> "Document":
    """The original of a translation, read like any checked file; its language fills --source-lang if unset."""
    from tqcheck.text import language

    path = Path(options.source_path)
    if not path.is_file():
        raise InputError(f"--source {options.source_path}: no such file")
    data = _read_bytes(Input(options.source_path, path, True))
    source_doc = read_document(options.source_path, data, format_for(options.source_path) or "text", options.encoding)
    if not settings.source_lang:
        settings.source_lang = language.detect(source_doc.view[:DETECTION_SAMPLE])
        if not settings.source_lang:
            raise InputError(f"--source {options.source_path}: cannot tell its language; pass --source-lang")
    return source_doc


def check_flags(options: RunOptions) -> None:
    from tqcheck.checking.config import check_selector
    from tqcheck.text.language import valid_tag

    for flag, values in (("--select", options.select), ("--ignore", options.ignore)):
        for selector in values or []:
            check_selector(selector, f"{flag} {selector!r}")
    if options.diff_ref is not None and (options.diff_ref.startswith("-") or not options.diff_ref.strip()):
        # git would take it as an option: --diff=--output=FILE made `git diff` write (or overwrite) FILE
        raise ConfigError(f"--diff {options.diff_ref!r}: not a git revision (a revision cannot start with '-')")
    if (options.fix or options.diff_fix) and "-" in options.paths:
        raise ConfigError("--fix and --diff-fix rewrite files: name them instead of reading standard input")
    for flag, value in (("--target-lang", options.target_lang), ("--source-lang", options.source_lang)):
        if value and not valid_tag(value):
            raise ConfigError(f"{flag} {value!r} is not a language tag such as en, en-US, es")


def _settings(options: RunOptions, config, item: Input | None = None) -> Settings:
    from tqcheck.checking.config import per_file_ignores

    select = options.select or config.get("select")
    if select and config.get("extend-select"):
        select = [*select, *config.get("extend-select")]
    ignore = [*(options.ignore or []), *(config.get("ignore") or []), *(config.get("extend-ignore") or [])]
    if item is not None and item.path is not None:
        ignore += per_file_ignores(config, item.path)
    return Settings(
        select=select,
        ignore=ignore or None,
        severity={k.upper() if k[:1].isalpha() and not "-" in k else k: v for k, v in (config.get("severity") or {}).items()},
        target_lang=options.target_lang or _lang(config.get("target-lang")),
        source_lang=options.source_lang or _lang(config.get("source-lang")),
        engine=options.engine or config.get("engine") or "auto",
        glossary=glossary_paths(config),
    )


def _lang(value):
    return None if value in (None, "auto") else value


def _read_bytes(item: Input) -> bytes:
    if item.path is None:
        return sys.stdin.buffer.read()
    try:
        if item.explicit and stat.S_ISFIFO(item.path.stat().st_mode):
            return _read_fifo(item)
        return item.path.read_bytes()
    except IsADirectoryError:
        raise InputError(f"{item.label}: is a directory") from None
    except PermissionError:
        raise InputError(f"{item.label}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{item.label}: cannot read ({exc.strerror})") from None


FIFO_WAIT = 5.0  # seconds a named pipe given as a path may stay without a writer


def _read_fifo(item: Input) -> bytes:
    """A named pipe (mkfifo, or bash's <(...)) is read like a file, but one nobody opens for writing is an error
    after FIFO_WAIT seconds instead of a run that waits for ever."""
    import select

    fd = os.open(item.path, os.O_RDONLY | os.O_NONBLOCK)
    try:
        anonymous = os.path.basename(os.path.realpath(item.path)).startswith("pipe:")  # <(...): its writer exists
        poller = select.poll()
        poller.register(fd, select.POLLIN | select.POLLHUP)
        if not anonymous and not poller.poll(int(FIFO_WAIT * 1000)):
            raise InputError(f"{item.label}: a named pipe nobody wrote to in {FIFO_WAIT:g} s; not checked")
        os.set_blocking(fd, True)
        chunks = []
        while True:
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)
    finally:
        os.close(fd)


def _keep_changed_lines(file_report, path: Path, ref: str) -> None:
    from tqcheck.checking.gitdiff import changed_lines

    lines = changed_lines(path, ref)
    if lines is None:
        return
    file_report.findings = [
        f for f in file_report.findings if any(line in lines for line in range(f.line, f.end_line + 1))
    ]


UNDECODABLE = "cannot be decoded as UTF-8 (use --encoding)"


def _check_suppression_codes(doc) -> None:
    """A code in a `tqcheck:` comment must name a rule, as --select's must: a typo would silently suppress nothing."""
    from tqcheck.checking.config import check_selector

    for sup in doc.suppressions:
        for code in sup.codes:
            line, column = doc.lines.position(sup.start)
            check_selector(code, f"{doc.path}:{line}:{column}: tqcheck: {sup.kind} {code!r}")


def _drop_hidden(file_report, min_severity: str | None, accept) -> None:
    """Findings below `min-severity`, and those lying wholly on an accepted word or phrase, are not reported."""
    from tqcheck.checking.config import accepted_spans

    findings = file_report.findings
    if min_severity:
        floor = Severity.parse(min_severity)
        findings = [f for f in findings if f.severity >= floor]
    if accept and findings:
        spans = accepted_spans(file_report.text, accept)
        if spans:
            findings = [f for f in findings if not _inside(spans, f.start, f.end)]
    file_report.findings = findings


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    import bisect

    i = bisect.bisect_right(spans, (start, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= start and end <= spans[i][1]


def _exit_code(report: Report, fail_levels: list[str]) -> int:
    if any(report.skip_failed(s) for s in report.skipped):
        return EXIT_USAGE  # a file went unchecked: the run failed, whatever the others hold
    if not report.files:
        return EXIT_USAGE  # nothing was checked: a gate that passed nothing must not pass
    for file_report, level in zip(report.files, fail_levels):
        if level == "never":
            continue
        threshold = Severity.parse(level)
        if any(f.severity >= threshold for f in file_report.findings):
            return EXIT_FINDINGS
    return EXIT_CLEAN
