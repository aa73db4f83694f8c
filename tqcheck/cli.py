"""The command line: `tqcheck check`, `rules`, `explain`, and the error and exit-code policy.

click declares the commands (their parsing, help and errors), but a plain `tqcheck check` — the
pre-commit hook's command — is run without importing click (12–15 ms of a 0.1 s run): its options
are one table, `CHECK_OPTIONS`, which both click's declaration and `plain_check_args` read, and any
argument list that is not plainly valid (help, an error, `--`, a short-option cluster, a value that
begins with `-`, a repeated option) goes to click, which answers as it always did.
"""
from __future__ import annotations

import os
import sys

from tqcheck.speed import dataclass_code

dataclass_code.install()  # before the modules with dataclasses are imported: their methods come compiled

from tqcheck.errors import (  # noqa: E402
    EXIT_CLEAN, EXIT_FINDINGS, EXIT_SIGINT, EXIT_SIGPIPE, EXIT_USAGE, Interrupted, TqcheckError, raise_from_signal,
)

FORMAT_CHOICES = ("text", "json", "sarif", "github", "html")


def _split(values) -> list[str] | None:
    items = [v.strip() for value in values or () for v in value.split(",") if v.strip()]
    return items or None


class CheckOption:
    """One option of `tqcheck check`: click's declaration of it, and what a plain argument list may give it.

    `kind` says both: text, multiple (text, repeatable), choice, flag, switch (--x/--no-x), jobs (an integer
    of at least 1), seconds (a number above 0), file (a path that is not a folder).
    """

    __slots__ = ("decls", "kind", "choices", "default", "help", "metavar", "show_default", "dest")

    def __init__(self, decls: tuple[str, ...], kind: str = "text", *, choices: tuple[str, ...] = (),
                 default=None, help: str | None = None, metavar: str | None = None, show_default: bool = False):
        self.decls, self.kind, self.choices, self.default = decls, kind, choices, default
        self.help, self.metavar, self.show_default = help, metavar, show_default
        named = [d for d in decls if d.isidentifier()]  # click's rule: a bare name, else the first long option
        self.dest = named[0] if named else next(d for d in decls if d.startswith("--")).split("/")[0][2:].replace("-", "_")


CHECK_OPTIONS = (
    CheckOption(("--format", "fmt"), "choice", choices=FORMAT_CHOICES, default="text", show_default=True),
    CheckOption(("--fail-on",), "choice", choices=("error", "warning", "info", "never"),
                help="Lowest severity that makes the exit code 1 [default: error]."),
    CheckOption(("--select",), "multiple", help="Codes, code prefixes or names to run (comma-separated)."),
    CheckOption(("--ignore",), "multiple", help="Codes, code prefixes or names to skip (comma-separated)."),
    CheckOption(("--target-lang",), help="Language of the checked text (BCP 47: en, en-US, es); detected if unset."),
    CheckOption(("--source-lang",), help="Language it was translated from; every registered one if unset."),
    CheckOption(("--engine",), "choice", choices=("auto", "argos", "apertium", "none"),
                help="Back-translation engine [default: auto]."),
    CheckOption(("--source", "source_path"), "file", help="The original the translation came from."),
    CheckOption(("--config", "config_path"), "file", help="Use this configuration file only."),
    CheckOption(("--stdin-filename",), help="Path to report, and whose suffix sets the format, when reading `-`."),
    CheckOption(("--encoding",), help="Decode files with this encoding instead of UTF-8/UTF-16 detection."),
    CheckOption(("--diff", "diff_ref"), metavar="REF", help="Report only lines changed since this git revision."),
    CheckOption(("--no-cache",), "flag", help="Do not read or write the translation cache."),
    CheckOption(("--color/--no-color",), "switch", help="Colour the text report [default: on a terminal]."),
    CheckOption(("--jobs", "-j"), "jobs",
                help="Processes for checking many files [default: the number of cores, at most 8]."),
    CheckOption(("--timeout-per-file",), "seconds", metavar="SECONDS",
                help="Stop work on a file after SECONDS, list it as skipped (timeout) and go on; the exit code is 2."),
    CheckOption(("--output", "-o"), metavar="FILE",
                help="Write the report to FILE (whole, or not at all) instead of standard output."),
    CheckOption(("--min-severity",), "choice", choices=("error", "warning", "info"),
                help="Do not report findings below this severity [default: info, all of them]."),
    CheckOption(("--skip-unreadable",), "flag",
                help="Skip files of a folder that cannot be read or decoded instead of failing the run (exit 2)."),
    CheckOption(("--quiet", "-q"), "flag", help="Print the findings only: no summary, notes or segments."),
    CheckOption(("--statistics",), "flag", help="Also print how many findings each code has."),
    CheckOption(("--fix",), "flag", help="Apply the safe fixes to the files (atomically, bytes outside them kept)."),
    CheckOption(("--diff-fix",), "flag", help="Print the fixes as a unified diff; change nothing."),
    CheckOption(("--unsafe-fixes",), "flag", help="With --fix or --diff-fix, also apply fixes that are not certain."),
    CheckOption(("--debug",), "flag", help="Show tracebacks for errors."),
    CheckOption(("--include-fuzzy",), "flag", help="In XLIFF, TMX and PO files, also check units marked fuzzy or new."),
)
CHECK_HELP = "Check PATHS (files, directories, or - for stdin) and report what looks machine-translated."

_REFUSED = object()


def plain_check_args(args: list[str]) -> dict | None:
    """The parameters click would give `check` for ARGS (`check` and what follows it) when they are plainly
    valid; None when click must read them (anything else, so that its help and messages stay its own)."""
    if not args or args[0] != "check" or os.name == "nt" or "_TQCHECK_COMPLETE" in os.environ:
        return None  # click expands globs on Windows and answers shell completion itself
    names: dict[str, tuple[CheckOption, bool]] = {}
    for option in CHECK_OPTIONS:
        for decl in option.decls:
            if decl.startswith("-"):
                on, _, off = decl.partition("/")
                names[on] = (option, True)
                if off:
                    names[off] = (option, False)
    params = {option.dest: () if option.kind == "multiple" else (False if option.kind == "flag" else option.default)
              for option in CHECK_OPTIONS}
    given: set[str] = set()
    paths: list[str] = []
    position = 1
    while position < len(args):
        arg = args[position]
        position += 1
        if arg == "-" or not arg.startswith("-"):
            paths.append(arg)
            continue
        name, equals, inline = arg.partition("=") if arg.startswith("--") else (arg, "", "")
        found = names.get(name)
        if found is None:
            return None
        option, switch = found
        if option.kind in ("flag", "switch"):
            if equals:
                return None
            value = switch
        else:
            if equals:
                raw = inline
            elif position < len(args) and not args[position].startswith("-"):
                raw = args[position]
                position += 1
            else:
                return None
            value = _plain_value(option, raw)
            if value is _REFUSED:
                return None
        if option.kind == "multiple":
            params[option.dest] += (value,)
            continue
        if option.dest in given:  # click keeps the last; rare enough to leave to it
            return None
        given.add(option.dest)
        params[option.dest] = value
    if not paths:
        return None
    params["paths"] = tuple(paths)
    return params


def _plain_value(option: CheckOption, raw: str):
    """RAW converted as click converts it for OPTION, or _REFUSED where click would refuse it (or might)."""
    kind = option.kind
    if kind == "choice":
        return raw if raw in option.choices else _REFUSED
    if kind == "jobs":
        return int(raw) if raw.isascii() and raw.isdigit() and int(raw) >= 1 else _REFUSED
    if kind == "seconds":
        from tqcheck.checking.config import valid_seconds

        try:
            seconds = float(raw)
        except ValueError:
            return _REFUSED
        return seconds if valid_seconds(seconds) else _REFUSED
    if kind == "file":
        import stat

        try:
            mode = os.stat(raw).st_mode
        except OSError:
            return raw
        return raw if not stat.S_ISDIR(mode) and os.access(raw, os.R_OK) else _REFUSED
    return raw


def check_files(paths, fmt, fail_on, select, ignore, target_lang, source_lang, engine, source_path, config_path,
                stdin_filename, encoding, diff_ref, no_cache, color, jobs, timeout_per_file, output, min_severity,
                skip_unreadable, quiet, statistics, fix, diff_fix, unsafe_fixes, debug, include_fuzzy):
    """`tqcheck check`, its arguments read (by click or by plain_check_args); exits with the run's code."""
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
        include_fuzzy=include_fuzzy,
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


def _click_group():
    """The `tqcheck` group as click declares it (built on first use: importing click is most of its cost)."""
    global _CLI
    if _CLI is not None:
        return _CLI
    import click

    from tqcheck import __version__

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

    def check(**params):
        check_files(**params)

    check.__doc__ = CHECK_HELP
    for option in reversed(CHECK_OPTIONS):  # as decorators written top to bottom would apply them
        check = click.option(*option.decls, **_click_settings(click, option))(check)
    check = click.argument("paths", nargs=-1, required=True)(check)
    cli.command(name="check")(check)

    @cli.command()
    @click.option("--format", "fmt", type=click.Choice(("text", "json")), default="text", show_default=True)
    def rules(fmt):
        """List the detectors: code, name, default severity, languages."""
        sys.exit(_guard(False, _rules_json if fmt == "json" else _list_rules))

    @cli.command()
    @click.argument("code")
    def explain(code):
        """Print the documentation of a detector, by code or name."""
        sys.exit(_guard(False, lambda: _explain(code)))

    _CLI = cli
    return cli


_CLI = None


def _click_settings(click, option: CheckOption) -> dict:
    """click.option's keywords for one row of CHECK_OPTIONS."""
    settings: dict = {"help": option.help}
    if option.metavar:
        settings["metavar"] = option.metavar
    if option.kind == "choice":
        settings.update(type=click.Choice(option.choices), default=option.default, show_default=option.show_default)
    elif option.kind == "multiple":
        settings["multiple"] = True
    elif option.kind == "flag":
        settings["is_flag"] = True
    elif option.kind == "switch":
        settings["default"] = None
    elif option.kind == "jobs":
        settings.update(type=click.IntRange(min=1), default=None)
    elif option.kind == "seconds":
        settings.update(type=float, callback=lambda ctx, param, value: _seconds(click, value))
    elif option.kind == "file":
        settings["type"] = click.Path(dir_okay=False)
    return settings


def _seconds(click, value: float | None) -> float | None:
    from tqcheck.checking.config import valid_seconds

    if value is not None and not valid_seconds(value):
        raise click.BadParameter(f"{value!r} is not a number of seconds above 0", param_hint="--timeout-per-file")
    return value


def __getattr__(name: str):
    if name == "cli":  # `from tqcheck.cli import cli`: the click group, for click's test runner and tools
        return _click_group()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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
    # The handlers are set through `_signal`, the built-in module `signal` wraps: importing `signal` builds
    # its enums of signals and handlers (0.5 ms of a hook run), which only a signal that arrives needs.
    import _signal

    def stop(signum, frame):
        import signal

        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        raise_from_signal(Interrupted(signum, signal.Signals(signum).name))

    _signal.signal(_signal.SIGINT, stop)
    _signal.signal(_signal.SIGTERM, stop)


def _error(message: str) -> None:
    """One line on stderr; a closed or full stderr is no reason for a traceback."""
    import click  # its echo drops terminal escapes when stderr is not a terminal, as every message always did

    try:
        click.echo(f"tqcheck: error: {message}", err=True)
    except OSError:
        pass


def main():
    from tqcheck.speed import quick_exit

    last_act = quick_exit.is_last_act(sys._getframe(1))  # the program is this command: a console script, -m
    if last_act:
        from tqcheck.speed import module_code

        module_code.install()  # tqcheck's modules from the code kept in the warm-start file (≈ 4 ms of a hook run)
    try:
        _main()
    except SystemExit as done:
        if last_act:  # nothing can follow: skip freeing every object (≈ 6 ms of a hook run)
            quick_exit.leave(done.code)
        raise
    finally:
        # The interpreter's exit runs one last full garbage collection over every object still alive:
        # parsed data, patterns, modules, a sixth of a one-file run's time. Nothing is left to
        # collect that matters once the command is done, so move them out of its way.
        import gc

        gc.freeze()


def _main():
    plain = plain_check_args(sys.argv[1:])
    if plain is None:
        _click_main()
        return
    try:
        check_files(**plain)
    except (EOFError, KeyboardInterrupt):  # before the command took over its signals: as click's main reports it
        import click

        click.echo(file=sys.stderr)
        _stopped("SIGINT", EXIT_SIGINT)
    except Interrupted as exc:  # a signal after the command's own handling ended
        _stopped(exc.name, exc.exit_code)


def _click_main():
    import click

    try:
        _click_group().main(prog_name="tqcheck", standalone_mode=False)
    except click.exceptions.UsageError as exc:
        _error(exc.format_message())
        sys.exit(EXIT_USAGE)
    except click.exceptions.Abort:  # Ctrl-C before a command took over its signals
        _stopped("SIGINT", EXIT_SIGINT)
    except Interrupted as exc:  # a signal after the command's own handling ended
        _stopped(exc.name, exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        _error(exc.format_message())
        sys.exit(EXIT_USAGE)


def _stopped(name: str, exit_code: int):
    _error(f"stopped by {name}")
    sys.exit(exit_code)


__all__ = ["main", "cli", "EXIT_CLEAN", "EXIT_FINDINGS", "EXIT_USAGE"]
