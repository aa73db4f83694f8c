"""One partition checked on a worker: its documents through `check`'s own pipeline, as rows of the results."""
from __future__ import annotations

import json
import os
import time

from tqcheck.commands.auditing.sources import Partition, records

# Built once per worker process and kept between partitions: the settings' run options, the
# configuration finder and the engine pool (an engine started once serves every partition).
_STATE: dict = {}

TOP_SEGMENTS = 3


def _state(settings: dict):
    key = json.dumps(settings, sort_keys=True)
    if _STATE.get("key") != key:
        from tqcheck.checking.config import ConfigFinder
        from tqcheck.checking.run import RunOptions
        from tqcheck.translation.enginepool import EnginePool
        from pathlib import Path

        if _STATE.get("engines") is not None:
            _STATE["engines"].close()
        options = RunOptions(paths=[], select=settings["select"], ignore=settings["ignore"],
                             target_lang=settings["target_lang"], source_lang=settings["source_lang"],
                             engine=settings["engine"], config_path=settings["config"], encoding=settings["encoding"],
                             use_cache=settings["cache"], min_severity=settings["min_severity"],
                             include_fuzzy=settings.get("include_fuzzy", False))
        finder = ConfigFinder(Path(settings["config"]) if settings["config"] else None)
        _STATE.update(key=key, options=options, finder=finder, engines=EnginePool(options.engine or "auto", options.use_cache))
    return _STATE["options"], _STATE["finder"], _STATE["engines"]


def check_partition(part: Partition, settings: dict) -> dict:
    """{"number", "documents": [row], "findings": [row], "worker", "cpu", "wall", "peak_mb", "segments", "cached"}
    for the partition; a document that fails is an error row. `cpu` (this process's user+system seconds) and
    `wall` are the partition's own, detector set-up included, so the driver can tell work from waiting for a core."""
    cpu, wall = time.process_time(), time.perf_counter()
    options, finder, engines = _state(settings)
    documents: list[dict] = []
    findings: list[dict] = []
    translated = [0, 0]  # distinct segments sent through the round trip, of which the cache already held
    if part.kind == "folder":
        from pathlib import Path

        from tqcheck.checking.inputs import Input

        if (options.engine or "auto") != "none":
            translated = _prefetch(_file_documents(part, options, finder), options, engines)
        for label, path in part.files:
            try:
                # Found in a folder: an unreadable file is a result, not the end of the run.
                outcome = _check_file(Input(label, Path(path), False), options, finder, engines)
            except Exception as exc:  # noqa: BLE001 - one document's failure is its row, the run goes on
                outcome = _failure(exc)
            _add(documents, findings, label, part.source, outcome, settings)
    else:
        try:
            if (options.engine or "auto") != "none":
                translated = _prefetch(_record_documents(part, options, finder, settings), options, engines)
            for record in records(part, settings["text_key"], settings["id_key"]):
                if record.error is not None:
                    outcome = record.error
                else:
                    try:
                        outcome = _check_text(record, options, finder, engines, settings)
                    except Exception as exc:  # noqa: BLE001
                        outcome = _failure(exc)
                _add(documents, findings, record.id, part.source, outcome, settings)
        except Exception as exc:  # noqa: BLE001 - the input itself went away or broke: one row says so
            _add(documents, findings, f"{part.source}:{part.first_line}", part.source, _failure(exc), settings)
    return {"number": part.number, "documents": documents, "findings": findings, "worker": os.getpid(),
            "cpu": time.process_time() - cpu, "wall": time.perf_counter() - wall, "peak_mb": _peak_mb(),
            "segments": translated[0], "cached": translated[1]}


def _peak_mb() -> float:
    """This worker process's peak resident memory so far, in MB (Linux: ru_maxrss is in KB)."""
    import resource
    import sys

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024 if sys.platform == "darwin" else 1024)


def _file_documents(part: Partition, options, finder):
    """(document, settings) of the partition's files that read; the others are left for their own check to report."""
    from pathlib import Path

    from tqcheck.checking.inputs import Input
    from tqcheck.checking.run import _config, _read_bytes, _settings
    from tqcheck.reading import format_for, read_document

    for label, path in part.files:
        item = Input(label, Path(path), False)
        try:
            settings = _settings(options, _config(item, finder), item)
            doc = read_document(label, _read_bytes(item), format_for(label) or "text", options.encoding,
                                options.include_fuzzy, settings.target_lang)
        except Exception:  # noqa: BLE001 - unreadable here is an error row when it is checked
            continue
        yield doc, settings


def _record_documents(part: Partition, options, finder, audit: dict):
    from pathlib import Path

    from tqcheck.checking.run import _settings
    from tqcheck.reading import parse_text

    settings = _settings(options, finder.for_path(Path(audit["cwd"])))
    for record in records(part, audit["text_key"], audit["id_key"]):
        if record.error is None:
            try:
                yield parse_text(record.id, record.text, audit["input_format"], options.include_fuzzy), settings
            except Exception:  # noqa: BLE001
                continue


def _prefetch(documents, options, engines) -> list[int]:
    """The round trips of the partition's segments, one batch per language pair, before its documents are checked.

    The same decisions as `check`'s batch over many files (checking.run._prefetch_translations), without its
    per-file budgets (no SIGALRM outside a worker's main thread). Starting an engine costs more than a short
    article's sentences, so one batch per partition instead of two engine calls per document. Returns
    [distinct segments, of which the translation cache already had the round trip]. Whatever fails here is
    left to the document's own check, which reports it as its error row."""
    from tqcheck.checking.run import round_trip_batch
    from tqcheck.translation.cache import distinct_texts
    from tqcheck.translation.roundtrip import round_trip_version, translate_round_trip

    engines.cache.forget()  # bounded memory: the previous partitions' round trips are on disk, not held here
    batches: dict[tuple[str, str, str], list[str]] = {}
    for doc, settings in documents:
        if settings.engine == "none":  # a configuration file's `engine = "none"`: nothing to translate
            continue
        try:
            batch = round_trip_batch(doc, settings, engines)
        except Exception:  # noqa: BLE001
            continue
        if batch is not None:
            key, texts = batch
            batches.setdefault(key, []).extend(texts)
    counts = [0, 0]
    for (choice, pivot, target), texts in batches.items():
        try:
            engine, _ = engines.get(choice, pivot, target)
            wanted = distinct_texts(texts)
            held = engines.cache.get_round_trips(engine.name, round_trip_version(engine, target, pivot),
                                                 target, pivot, wanted)
            translate_round_trip(engine, texts, target, pivot, engines.cache)
        except Exception:  # noqa: BLE001 - an engine that fails here fails again, per document, as its row
            continue
        counts[0] += len(wanted)
        counts[1] += len(held)
    return counts


def _failure(exc: Exception) -> str:
    from tqcheck.errors import TqcheckError

    return str(exc) if isinstance(exc, TqcheckError) else f"{type(exc).__name__}: {exc}"


def _check_file(item, options, finder, engines):
    # `check`'s per-file step without its time budget: a budget is a SIGALRM, and a Dask worker
    # runs tasks outside the main thread, where no signal can be set.
    from tqcheck.checking.run import _check_within_budget, _config

    outcome, _ = _check_within_budget(item, options, _config(item, finder), engines, None)
    if isinstance(outcome, dict):  # skipped: binary, undecodable, unreadable, a PO template
        return outcome.get("detail") or f"{outcome['path']}: {outcome['reason']}"
    return outcome


def _check_text(record, options, finder, engines, audit: dict):
    """A record's text checked as `check` checks a file of that format read from standard input."""
    from pathlib import Path

    from tqcheck.checking.check import check_document
    from tqcheck.checking.run import _check_suppression_codes, _drop_hidden, _settings
    from tqcheck.reading import parse_text

    config = finder.for_path(Path(audit["cwd"]))  # the configuration `check -` would use where audit was started
    settings = _settings(options, config)
    doc = parse_text(record.id, record.text, audit["input_format"], options.include_fuzzy)
    _check_suppression_codes(doc)
    report = check_document(doc, settings, engines)
    _drop_hidden(report, options.min_severity or config.get("min-severity"), config.get("accept") or ())
    return report


def _add(documents: list, findings: list, ident: str, source: str, outcome, settings: dict) -> None:
    if isinstance(outcome, str):
        documents.append({"id": ident, "input": source, "format": None, "target_lang": None, "source_lang": None,
                          "engine": None, "score": None, "findings": 0, "errors": 0, "warnings": 0, "infos": 0,
                          "by_code": {}, "words": None, "top_segments": [], "error": outcome})
        return
    from tqcheck.checking.check import count_words
    from tqcheck.output.json_format import _file

    data = _file(outcome)  # exactly the JSON contract's values, score rounded as `check --format json` gives it
    by_severity = {"error": 0, "warning": 0, "info": 0}
    by_code: dict[str, int] = {}
    for f in data["findings"]:
        by_severity[f["severity"]] += 1
        by_code[f["code"]] = by_code.get(f["code"], 0) + 1
        findings.append({"id": ident, **{k: f.get(k) for k in FINDING_FIELDS}})
    top = sorted(data["segments"], key=lambda s: (-s["score"], s["index"]))[:settings.get("top", TOP_SEGMENTS)]
    documents.append({
        "id": ident, "input": source, "format": data["format"], "target_lang": data["target_lang"],
        "source_lang": data["source_lang"], "engine": (data["engine"] or {}).get("name"), "score": data["score"],
        "findings": len(data["findings"]), "errors": by_severity["error"], "warnings": by_severity["warning"],
        "infos": by_severity["info"], "by_code": by_code, "words": count_words(outcome.text),
        "top_segments": [{"index": s["index"], "text": s["text"], "score": s["score"],
                          "backtranslation": s["backtranslation"]} for s in top],
        "error": None,
    })


FINDING_FIELDS = ("code", "name", "severity", "message", "source_lang", "start", "end", "line", "column", "end_line",
                  "end_column", "excerpt", "suggestion", "segment")
