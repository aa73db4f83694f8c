"""`tqcheck audit`: check an archive (folders, JSON Lines, Parquet) on Dask and store one row per document."""
from __future__ import annotations

import os
import sys

import click

from tqcheck.cli import _guard, _split
from tqcheck.errors import EXIT_CLEAN, InputError

DEFAULT_PARTITION = 200  # documents per partition: big enough that Dask's per-task cost is small beside it
INDEX_TOP = 100  # documents the HTML index lists, most suspicious first
MIN_PARTITIONS = 32  # a smaller archive gets smaller partitions, so that no worker is left with the tail alone


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--out", required=True, metavar="RESULTS",
              help="A folder for the Parquet dataset (documents/, findings/), or a .sqlite file.")
@click.option("--text-key", default="text", show_default=True, help="JSON Lines key / Parquet column of the text.")
@click.option("--id-key", default="id", show_default=True, help="JSON Lines key / Parquet column of the id.")
@click.option("--input-format", type=click.Choice(("text", "markdown", "html")), default="text", show_default=True,
              help="How the texts of JSON Lines and Parquet records are read.")
@click.option("--select", multiple=True, help="Codes, code prefixes or names to run (comma-separated).")
@click.option("--ignore", multiple=True, help="Codes, code prefixes or names to skip (comma-separated).")
@click.option("--target-lang", help="Language of the checked text (BCP 47); detected per document if unset.")
@click.option("--source-lang", help="Language it was translated from; every registered one if unset.")
@click.option("--engine", type=click.Choice(("auto", "argos", "apertium", "none")), default=None,
              help="Back-translation engine [default: auto].")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Use this configuration file only.")
@click.option("--encoding", help="Decode the files of folders with this encoding instead of UTF-8/UTF-16 detection.")
@click.option("--min-severity", type=click.Choice(("error", "warning", "info")), default=None,
              help="Do not record findings below this severity [default: info, all of them].")
@click.option("--no-cache", is_flag=True, help="Do not read or write the translation cache.")
@click.option("--include-fuzzy", is_flag=True, help="Bilingual files: check units marked fuzzy or new too.")
@click.option("--threshold", type=click.FloatRange(0, 1), default=0.5, show_default=True,
              help="Score at or above which the summary counts a document as likely machine-translated.")
@click.option("--scheduler", metavar="ADDRESS", help="A running distributed scheduler (tcp://host:8786).")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Worker processes of the local cluster [default: one per core].")
@click.option("--partition-size", type=click.IntRange(min=1), default=None,
              help=f"Documents per partition (a folder's files, JSON Lines lines, Parquet rows) [default: "
                   f"{DEFAULT_PARTITION}, fewer when that makes under {MIN_PARTITIONS} partitions].")
@click.option("--index", "index_path", metavar="FILE",
              help="Write the HTML index of the most suspicious documents here [default: RESULTS/index.html; "
                   "none for a .sqlite RESULTS]; 'none' for no index.")
@click.option("--index-top", type=click.IntRange(min=1), default=INDEX_TOP, show_default=True,
              help="Documents listed in the HTML index.")
@click.option("--restart", is_flag=True, help="Replace results made from other inputs or settings instead of exit 2.")
@click.option("--debug", is_flag=True, help="Show tracebacks for errors.")
def audit(inputs, out, text_key, id_key, input_format, select, ignore, target_lang, source_lang, engine, config_path,
          encoding, min_severity, no_cache, include_fuzzy, threshold, scheduler, workers, partition_size, index_path, index_top, restart,
          debug):
    """Check INPUTS (folders, .jsonl, .parquet) on Dask; one row per document in RESULTS, resumable."""
    settings = {
        "select": _split(select), "ignore": _split(ignore), "target_lang": target_lang, "source_lang": source_lang,
        "engine": engine, "config": os.path.abspath(config_path) if config_path else None, "encoding": encoding,
        "min_severity": min_severity, "cache": not no_cache, "text_key": text_key, "id_key": id_key,
        "input_format": input_format, "cwd": os.getcwd(), "top": 3, "include_fuzzy": include_fuzzy,
    }
    index = (index_path, index_top)
    sys.exit(_guard(debug, lambda: _audit(list(inputs), out, settings, threshold, scheduler, workers, partition_size,
                                          restart, index), stop_on_signals=True))


def _audit(inputs, out, settings, threshold, scheduler, workers, partition_size, restart, index) -> int:
    from pathlib import Path

    from tqcheck import __version__
    from tqcheck.checking.config import ConfigFinder
    from tqcheck.checking.run import RunOptions, check_flags

    check_flags(RunOptions(paths=inputs, select=settings["select"], ignore=settings["ignore"],
                            target_lang=settings["target_lang"], source_lang=settings["source_lang"]))
    try:
        import pyarrow  # noqa: F401 - needed by the Parquet store and inputs; said before any work
    except ImportError:
        raise InputError("tqcheck audit needs pyarrow, dask and distributed: pip install 'tqcheck[scale]'") from None
    from tqcheck.commands.auditing import cluster, sources, store as stores

    finder = ConfigFinder(Path(settings["config"]) if settings["config"] else None)
    if settings["config"]:
        finder.for_path(Path.cwd())  # a broken --config fails here, once, not on every worker
    parts = sources.partitions(inputs, partition_size or DEFAULT_PARTITION, finder)
    if partition_size is None:
        partition_size = DEFAULT_PARTITION
        documents = sum(p.documents for p in parts)
        if len(parts) < MIN_PARTITIONS and documents > len(parts):
            # 10 partitions of 200 on 2 workers: one that runs slower (a busy core) is left with the
            # last one alone while the other waits; 32 smaller ones keep both busy to the end.
            partition_size = max(1, -(-documents // MIN_PARTITIONS))
            parts = sources.partitions(inputs, partition_size, finder)
    manifest = {"format": stores.FORMAT_VERSION, "tqcheck": __version__, "inputs": sources.fingerprint(inputs),
                "settings": {**settings, "partition_size": partition_size}, "partitions": len(parts)}
    store = stores.open_store(out)
    index_file = _index_file(index[0], store)
    done = store.begin(manifest, restart)
    try:
        todo = [p for p in parts if p.number not in done]
        progress = cluster.Progress(len(todo), len(done), threshold)
        if todo:
            import time

            started = time.monotonic()
            client = cluster.connect(scheduler, workers)
            progress.startup = time.monotonic() - started
            try:
                cluster.run(client, todo, settings, store, progress)
            finally:
                cluster.close(client)
        if index_file is not None:
            _write_index(index_file, store, progress, out, settings, index[1])
    finally:
        store.close()
    print("\n".join(progress.summary(out, str(index_file) if index_file else None)), flush=True)
    return EXIT_CLEAN


def _index_file(given: str | None, store):
    """Where the HTML index goes, checked before any work: a folder or a missing parent is exit 2 now, not after hours."""
    from pathlib import Path

    if given is None:
        return store.index_path()
    if given.lower() == "none":
        return None
    path = Path(given)
    if path.is_dir():
        raise InputError(f"--index {given}: is a folder; give a file name")
    if not path.absolute().parent.is_dir():
        raise InputError(f"--index {given}: no such folder {str(path.absolute().parent)!r}")
    return path


def _write_index(path, store, progress, out: str, settings: dict, top: int) -> None:
    """The index of the whole results (earlier runs' partitions too), written to a temporary and renamed."""
    from tqcheck.output.html.audit_index import render

    documents, total = store.most_suspicious(top)
    page = render(progress.summary_rows(out), documents, total, progress.threshold)
    temp = path.with_name(f".{path.name}.tmp{os.getpid()}")
    try:
        temp.write_text(page, encoding="utf-8")
        os.replace(temp, path)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise InputError(f"--index {path}: cannot write ({exc.strerror})") from None
