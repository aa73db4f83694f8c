"""The command line: `tqcheck check`, `rules`, `explain`, and the error and exit-code policy."""
from __future__ import annotations

import os
import sys

import click

from tqcheck import __version__
from tqcheck.speed import dataclass_code

dataclass_code.install()  # before the modules with dataclasses are imported: their methods come compiled

from tqcheck.errors import (  # noqa: E402
    EXIT_CLEAN, EXIT_FINDINGS, EXIT_SIGINT, EXIT_SIGPIPE, EXIT_USAGE, Interrupted, TqcheckError, raise_from_signal,
)

FORMAT_CHOICES = ("text", "json", "sarif", "github", "html")


def _split(values) -> list[str] | None:
    items = [v.strip() for value in values or () for v in value.split(",") if v.strip()]
    return items or None


class _LazyGroup(click.Group):
    """Subcommands in other modules are imported only when invoked or listed, to keep start-up fast."""

    lazy = {"models": ("tqcheck.commands.models", "models"), "cache": ("tqcheck.commands.cache", "cache"),
            "config": ("tqcheck.commands.config", "config"), "audit": ("tqcheck.commands.audit", "audit")}

    def list_commands(self, ctx):
        return sorted([*super().list_commands(ctx), *self.lazy])

    def get_command(self, ctx, name):
        if name in self.lazy:
            import importlib

            module, attr = self.lazy[name]
            return getattr(importlib.import_module(module), attr)
        return super().get_command(ctx, name)


@click.group(cls=_LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="tqcheck")
def cli():
    """Find the traces machine translation leaves in published text."""


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(FORMAT_CHOICES), default="text", show_default=True)
@click.option("--fail-on", type=click.Choice(("error", "warning", "info", "never")), default=None,
              help="Lowest severity that makes the exit code 1 [default: error].")
@click.option("--select", multiple=True, help="Codes, code prefixes or names to run (comma-separated).")
@click.option("--ignore", multiple=True, help="Codes, code prefixes or names to skip (comma-separated).")
@click.option("--target-lang", help="Language of the checked text (BCP 47: en, en-US, es); detected if unset.")
@click.option("--source-lang", help="Language it was translated from; every registered one if unset.")
@click.option("--engine", type=click.Choice(("auto", "argos", "apertium", "none")), default=None,
              help="Back-translation engine [default: auto].")
@click.option("--source", "source_path", type=click.Path(dir_okay=False), help="The original the translation came from.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Use this configuration file only.")
@click.option("--stdin-filename", help="Path to report, and whose suffix sets the format, when reading `-`.")
@click.option("--encoding", help="Decode files with this encoding instead of UTF-8/UTF-16 detection.")
@click.option("--diff", "diff_ref", metavar="REF", help="Report only lines changed since this git revision.")
@click.option("--no-cache", is_flag=True, help="Do not read or write the translation cache.")
@click.option("--color/--no-color", default=None, help="Colour the text report [default: on a terminal].")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Processes for checking many files [default: the number of cores, at most 8].")
@click.option("--timeout-per-file", type=float, metavar="SECONDS", callback=lambda ctx, param, value: _seconds(value),
              help="Stop work on a file after SECONDS, list it as skipped (timeout) and go on; the exit code is 2.")
@click.option("--output", "-o", metavar="FILE",
              help="Write the report to FILE (whole, or not at all) instead of standard output.")
@click.option("--min-severity", type=click.Choice(("error", "warning", "info")), default=None,
              help="Do not report findings below this severity [default: info, all of them].")
@click.option("--skip-unreadable", is_flag=True,
              help="Skip files of a folder that cannot be read or decoded instead of failing the run (exit 2).")
@click.option("--quiet", "-q", is_flag=True, help="Print the findings only: no summary, notes or segments.")
@click.option("--statistics", is_flag=True, help="Also print how many findings each code has.")
@click.option("--fix", is_flag=True, help="Apply the safe fixes to the files (atomically, bytes outside them kept).")
@click.option("--diff-fix", is_flag=True, help="Print the fixes as a unified diff; change nothing.")
@click.option("--unsafe-fixes", is_flag=True, help="With --fix or --diff-fix, also apply fixes that are not certain.")
@click.option("--debug", is_flag=True, help="Show tracebacks for errors.")
@click.option("--include-fuzzy", is_flag=True, expose_value=False, callback=lambda ctx, param, value: ctx.meta.update(include_fuzzy=value),
              help="In XLIFF, TMX and PO files, also check units marked fuzzy or new.")
def check(paths, fmt, fail_on, select, ignore, target_lang, source_lang, engine, source_path, config_path,
          stdin_filename, encoding, diff_ref, no_cache, color, jobs, timeout_per_file, output, min_severity,
          skip_unreadable, quiet, statistics, fix, diff_fix, unsafe_fixes, debug):
    """Check PATHS (files, directories, or - for stdin) and report what looks machine-translated."""
    from tqcheck.checking.run import RunOptions, run

    options = RunOptions(
        paths=list(paths),
        select=_split(select),
        ignore=_split(ignore),
        fail_on=fail_on,
        target_lang=target_lang,
        source_lang=source_lang,
        engine=engine,
        source_path=source_path,
        config_path=config_path,
        stdin_filename=stdin_filename,
        encoding=encoding,
        diff_ref=diff_ref,
        use_cache=not no_cache,
        jobs=jobs,
        timeout_per_file=timeout_per_file,
        output=output,
        include_fuzzy=click.get_current_context().meta.get("include_fuzzy", False),
        skip_unreadable=skip_unreadable,
        min_severity=min_severity,
        quiet=quiet,
        statistics=statistics,
        fix=fix,
        diff_fix=diff_fix,
        unsafe_fixes=unsafe_fixes,
    )
    if color is None:
        color = output in (None, "-") and sys.stdout.isatty() and "NO_COLOR" not in os.environ and fmt == "text"
    exit_code = _guard(debug, lambda: run(options, fmt, color), stop_on_signals=True)
    sys.exit(exit_code)


def _seconds(value: float | None) -> float | None:
    from tqcheck.checking.config import valid_seconds

    if value is not None and not valid_seconds(value):
        raise click.BadParameter(f"{value!r} is not a number of seconds above 0", param_hint="--timeout-per-file")
    return value


@cli.command()
@click.option("--format", "fmt", type=click.Choice(("text", "json")), default="text", show_default=True)
def rules(fmt):
    """List the detectors: code, name, default severity, languages."""
    sys.exit(_guard(False, _rules_json if fmt == "json" else _list_rules))


def _rules_json() -> int:
    """Every detector as data: what `tqcheck rules` and `tqcheck explain` say, for scripts and editors."""
    import json

    from tqcheck.output.sarif import help_uri
    from tqcheck.rules import all_detectors

    rules = [{
        "code": d.code, "name": d.name, "severity": d.severity.label, "family": d.family or None,
        "targets": list(d.targets), "sources": list(d.sources), "needs": sorted(d.needs),
        "summary": d.summary(), "docs": d.docs(), "supersedes": list(d.supersedes), "help_uri": help_uri(d),
        "fix": d.fix_safety,  # "safe", "unsafe" (with --unsafe-fixes; some findings may say they are safe), None
    } for d in all_detectors()]
    _print([json.dumps(rules, ensure_ascii=False, indent=2)])
    return EXIT_CLEAN


def _list_rules() -> int:
    from tqcheck.rules import all_detectors

    lines = []
    for d in all_detectors():
        langs = ",".join(d.targets)
        sources = ",".join(d.sources)
        needs = f" needs {','.join(sorted(d.needs))}" if d.needs else ""
        lines.append(f"{d.code:6s} {d.name:32s} {d.severity.label:8s} target {langs:6s} source {sources}{needs}")
    _print(lines)
    return EXIT_CLEAN


@cli.command()
@click.argument("code")
def explain(code):
    """Print the documentation of a detector, by code or name."""
    sys.exit(_guard(False, lambda: _explain(code)))


def _explain(code: str) -> int:
    from tqcheck.rules import all_detectors

    for d in all_detectors():
        if code.upper() == d.code or code.lower() == d.name:
            lines = [f"{d.code} {d.name} ({d.severity.label})\n"]
            lines += [f"{section}:\n{_indent(text)}\n" for section, text in d.docs().items()]
            if d.supersedes:
                lines.append(f"Replaces {', '.join(d.supersedes)} on the same characters when both run.")
            _print(lines)
            return EXIT_CLEAN
    _error(f"unknown rule {code!r} (see `tqcheck rules`)")
    return EXIT_USAGE


def _print(lines: list[str]) -> None:
    """Lines to standard output, with the report's handling of a full or closed one."""
    from tqcheck.output.destination import open_destination

    with open_destination(None) as out:
        out.write("".join(line + "\n" for line in lines))
        out.commit()


def _indent(text: str) -> str:
    return "\n".join("    " + line if line else "" for line in text.splitlines())


def _guard(debug: bool, action, stop_on_signals: bool = False) -> int:
    """Run `action`; turn any error into one line on stderr and its exit code (2) unless --debug.

    A run stopped by SIGINT or SIGTERM unwinds (engine pipelines killed, worker processes
    stopped, no --output file written) and exits 130 or 143; a reader that closed the pipe
    ends it quietly with 141, as a command killed by SIGPIPE would.
    """
    try:
        if stop_on_signals:
            _stop_on_signals()
        return action()
    except TqcheckError as exc:
        if debug:
            raise
        _error(str(exc))
        return exc.exit_code
    except (Interrupted, KeyboardInterrupt) as exc:
        name = exc.name if isinstance(exc, Interrupted) else "SIGINT"
        _error(f"stopped by {name}")
        return exc.exit_code if isinstance(exc, Interrupted) else EXIT_SIGINT
    except BrokenPipeError:
        from tqcheck.output.destination import abandon_stdout

        abandon_stdout()
        return EXIT_SIGPIPE
    except Exception as exc:  # noqa: BLE001 - the promise is one line, never a traceback
        if debug:
            raise
        _error(f"internal error: {type(exc).__name__}: {exc} (rerun with --debug)")
        return EXIT_USAGE


def _stop_on_signals() -> None:
    """SIGINT and SIGTERM raise Interrupted where the run is, so that it unwinds through its clean-up;
    a second one while it does is ignored (the clean-up is short: a kill, a wait, an unlink)."""
    import signal

    def stop(signum, frame):
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        raise_from_signal(Interrupted(signum, signal.Signals(signum).name))

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)


def _error(message: str) -> None:
    """One line on stderr; a closed or full stderr is no reason for a traceback."""
    try:
        click.echo(f"tqcheck: error: {message}", err=True)
    except OSError:
        pass


def main():
    try:
        _main()
    finally:
        # The interpreter's exit runs one last full garbage collection over every object still alive:
        # parsed data, patterns, modules, a sixth of a one-file run's time. Nothing is left to
        # collect that matters once the command is done, so move them out of its way.
        import gc

        gc.freeze()


def _main():
    try:
        cli.main(prog_name="tqcheck", standalone_mode=False)
    except click.exceptions.UsageError as exc:
        _error(exc.format_message())
        sys.exit(EXIT_USAGE)
    except click.exceptions.Abort:  # Ctrl-C before a command took over its signals
        _error("stopped by SIGINT")
        sys.exit(EXIT_SIGINT)
    except Interrupted as exc:  # a signal after the command's own handling ended
        _error(f"stopped by {exc.name}")
        sys.exit(exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        _error(exc.format_message())
        sys.exit(EXIT_USAGE)


__all__ = ["main", "cli", "EXIT_CLEAN", "EXIT_FINDINGS", "EXIT_USAGE"]
