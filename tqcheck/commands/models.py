"""`tqcheck models`: list, install and remove the translation models round-trip checks use."""
from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path, PurePosixPath

import click

from tqcheck.translation.engines.argos import INSTALL_HINT
from tqcheck.errors import EngineError, InputError

_NET_TIMEOUT = 15  # seconds per connection attempt or read: fail fast on an offline machine


def _argostranslate():
    """argostranslate's `package` and `settings` modules (0.2 s), imported only to change packages."""
    try:
        from argostranslate import package, settings
    except ImportError:
        raise EngineError(f"installing Argos packages needs argostranslate ({INSTALL_HINT})") from None
    return package, settings


def _guarded(action) -> None:
    """Run `action` under the CLI's error policy: one `tqcheck: error:` line, exit code 2."""
    from tqcheck.cli import _guard  # lazy: tqcheck.cli imports this module

    debug = click.get_current_context().meta.get("tqcheck.debug", False)
    sys.exit(_guard(debug, lambda: action() or 0))


@click.group()
@click.option("--debug", is_flag=True, help="Show tracebacks for errors.")
@click.pass_context
def models(ctx, debug):
    """List, install and remove translation models (Argos packages, Apertium modes)."""
    ctx.meta["tqcheck.debug"] = debug  # meta is shared with the subcommands' contexts


# -- list ---------------------------------------------------------------------


@models.command("list")
def list_models():
    """Installed models, one a line: engine, direction, version, location."""
    _guarded(_list)


def _list() -> None:
    from tqcheck.translation.engines import argos

    rows = []
    packages = argos.installed_packages()
    best = argos.best_packages(packages)
    for pkg in sorted(packages, key=lambda p: (p.source, p.target, p.path)):
        rows.append(("argos", f"{pkg.source} → {pkg.target}", pkg.version or "?", str(pkg.path)))
    languages = sorted({lang for pair in best for lang in pair})
    for a in languages:
        for b in languages:
            legs = argos.find_route(a, b, best) if a != b else None
            if legs and len(legs) > 1:
                rows.append(("argos", f"{a} → {b}", "pivot", " → ".join([a, *(p.target for p in legs)])))
    rows += _apertium_rows()
    if not rows:
        click.echo(
            "tqcheck: no translation models installed (tqcheck models install FILE.argosmodel, "
            "or apt-get install apertium apertium-eng-spa)",
            err=True,
        )
    widths = [max((len(r[i]) for r in rows), default=0) for i in range(3)]
    for row in rows:
        click.echo("  ".join(cell.ljust(w) for cell, w in zip(row[:3], widths)) + "  " + row[3])


def _apertium_rows() -> list[tuple[str, str, str, str]]:
    from tqcheck.translation.engines.apertium import ApertiumEngine

    if not ApertiumEngine.available():
        return []
    engine = ApertiumEngine()
    try:
        return [
            ("apertium", f"{a} → {b}", engine.version_for(a, b), str(engine.mode_for(a, b).path))
            for a, b in sorted(engine.pairs())
        ]
    finally:
        engine.close()


# -- install ------------------------------------------------------------------


@models.command()
@click.argument("paths", nargs=-1, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--from", "from_code", metavar="LANG", help="Download from the Argos index: source language.")
@click.option("--to", "to_code", metavar="LANG", help="Download from the Argos index: target language.")
def install(paths, from_code, to_code):
    """Install Argos packages from .argosmodel files, or (online) --from LANG --to LANG."""
    if paths and (from_code or to_code):
        raise click.UsageError("give .argosmodel files or --from/--to, not both")
    if not paths and not (from_code and to_code):
        raise click.UsageError("give .argosmodel files, or both --from and --to")
    if paths:
        _guarded(lambda: _install_files(paths))
    else:
        _guarded(lambda: _install_from_index(from_code, to_code))


def inspect_archive(path: Path) -> tuple[str, dict]:
    """Check an .argosmodel before argostranslate unpacks it; returns its folder and metadata.

    argostranslate extracts any zip into the shared packages folder, and a zip
    without exactly one top-level folder breaks every later package lookup.
    """
    import zipfile

    if not path.is_file():
        raise InputError(f"no such file: {path}")
    try:
        with zipfile.ZipFile(path) as zf:
            names = zf.namelist()
            tops = {PurePosixPath(n).parts[0] for n in names if PurePosixPath(n).parts}
            top = tops.pop() if len(tops) == 1 else None
            unsafe = [n for n in names if n.startswith("/") or ".." in PurePosixPath(n).parts]
            if top is None or unsafe or not all(n.startswith(f"{top}/") for n in names):
                raise EngineError(f"not an Argos package: {path} must hold exactly one top-level folder")
            try:
                metadata = json.loads(zf.read(f"{top}/metadata.json").decode("utf-8"))
            except KeyError:
                raise EngineError(f"not an Argos package: {path} has no {top}/metadata.json") from None
            bad = zf.testzip()  # reads every member: a truncated download fails here, not later
            if bad is not None:
                raise EngineError(f"corrupt Argos package: {path} ({bad} fails its checksum)")
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError) as exc:
        raise EngineError(f"not an Argos package (not a readable zip archive): {path}: {exc}") from None
    except (UnicodeDecodeError, ValueError):
        raise EngineError(f"not an Argos package: {path} has an unreadable metadata.json") from None
    if not isinstance(metadata, dict) or not metadata.get("from_code") or not metadata.get("to_code"):
        raise EngineError(f"not an Argos package: {path}'s metadata.json lacks from_code/to_code")
    missing = [] if f"{top}/model/model.bin" in names else ["model/model.bin"]
    if not any(f"{top}/{t}" in names for t in ("sentencepiece.model", "bpe.model")):
        missing.append("sentencepiece.model")
    if missing and metadata.get("type", "translate") == "translate":
        raise EngineError(f"not an Argos package: {path} lacks {', '.join(missing)}")
    return top, metadata


def _install_files(paths) -> None:
    for path in paths:
        _install_file(path)


def _install_file(path: Path) -> None:
    from tqcheck.translation.engines import argos
    from tqcheck.translation.engines.base import base_language

    top, metadata = inspect_archive(path)
    package, settings = _argostranslate()

    target_dir = argos.packages_dir()
    if Path(settings.package_data_dir).resolve() != target_dir.resolve():
        raise EngineError(
            f"argostranslate installs into {settings.package_data_dir}, tqcheck reads {target_dir}"
        )
    try:
        new_pair = (base_language(str(metadata["from_code"])), base_language(str(metadata["to_code"])))
    except ValueError as exc:
        raise EngineError(f"not an Argos package: {path}: {exc}") from None
    replaced = []
    for old in argos.installed_packages(target_dir):
        if old.path.name == top or (old.source, old.target) == new_pair:
            # One package per direction, as argospm's update does: a reinstall must
            # not leave stale files, and two packages would make the choice arbitrary.
            package.uninstall(package.Package(old.path))
            replaced.append(old.label)
    try:
        package.install_from_path(path)
    except Exception as exc:  # noqa: BLE001 - argostranslate raises bare Exception
        shutil.rmtree(target_dir / top, ignore_errors=True)
        raise EngineError(f"cannot install {path}: {' '.join(str(exc).split())}") from None
    installed = argos.read_package(target_dir / top)  # the engine's own reader: both agree
    if installed is None:
        shutil.rmtree(target_dir / top, ignore_errors=True)
        raise EngineError(f"not an Argos package: {path} (unreadable metadata.json)")
    note = f" (replaced {', '.join(replaced)})" if replaced else ""
    click.echo(f"installed argos {installed.source} → {installed.target} {installed.version} in {installed.path}{note}")


def _fetch(url: str):
    import urllib.request  # lazy: 60 ms, and only `install --from` goes online

    request = urllib.request.Request(url, headers={"User-Agent": "tqcheck"})
    return urllib.request.urlopen(request, timeout=_NET_TIMEOUT)


def _net_reason(exc: Exception) -> str:
    reason = getattr(exc, "reason", None) or exc
    return " ".join(str(reason).split()) or type(exc).__name__


def _install_from_index(from_code: str, to_code: str) -> None:
    from tqcheck.translation.engines.base import base_language

    try:
        src, tgt = base_language(from_code), base_language(to_code)
    except ValueError as exc:
        raise InputError(str(exc)) from None
    _, settings = _argostranslate()
    url = settings.remote_package_index
    offline = "; on an offline machine, copy a .argosmodel file here and run `tqcheck models install FILE`"
    try:
        with _fetch(url) as response:
            index = json.loads(response.read().decode("utf-8"))
    except OSError as exc:  # URLError and timeouts are OSErrors
        raise EngineError(f"cannot reach the Argos package index {url}: {_net_reason(exc)}{offline}") from None
    except ValueError:
        raise EngineError(f"the Argos package index {url} is not valid JSON") from None
    candidates = [
        entry for entry in index if isinstance(entry, dict)
        and entry.get("type", "translate") == "translate"
        and _same_language(entry.get("from_code"), src) and _same_language(entry.get("to_code"), tgt)
    ]
    if not candidates:
        raise EngineError(f"the Argos index has no {src}→{tgt} package (try pivoting: {src}→en and en→{tgt})")
    from tqcheck.translation.engines.argos import version_key

    entry = max(candidates, key=lambda e: version_key(str(e.get("package_version", ""))))
    import tempfile

    errors = []
    with tempfile.TemporaryDirectory(prefix="tqcheck-argos-") as tmp:
        archive = Path(tmp) / f"translate-{src}_{tgt}.argosmodel"
        for link in entry.get("links") or []:
            try:
                with _fetch(link) as response, open(archive, "wb") as out:
                    shutil.copyfileobj(response, out)
                break
            except (OSError, ValueError) as exc:  # ValueError: a link that is not a URL
                errors.append(f"{link}: {_net_reason(exc)}")
        else:
            raise EngineError(f"cannot download the {src}→{tgt} package: {'; '.join(errors) or 'no links'}{offline}")
        _install_file(archive)


def _same_language(code, wanted: str) -> bool:
    from tqcheck.translation.engines.base import base_language

    try:
        return base_language(str(code)) == wanted
    except ValueError:
        return False


# -- remove -------------------------------------------------------------------


@models.command()
@click.argument("languages", nargs=-1, metavar="[FROM TO]")
@click.option("--from", "from_code", metavar="LANG", help="Source language of the package to remove.")
@click.option("--to", "to_code", metavar="LANG", help="Target language of the package to remove.")
def remove(languages, from_code, to_code):
    """Remove the Argos packages translating FROM → TO."""
    if languages and (from_code or to_code):
        raise click.UsageError("give FROM TO or --from/--to, not both")
    if languages:
        if len(languages) != 2:
            raise click.UsageError("give two languages: FROM TO")
        from_code, to_code = languages
    if not (from_code and to_code):
        raise click.UsageError("give FROM TO, or --from and --to")
    _guarded(lambda: _remove(from_code, to_code))


def _remove(from_code: str, to_code: str) -> None:
    from tqcheck.translation.engines import argos
    from tqcheck.translation.engines.base import base_language

    try:
        pair = (base_language(from_code), base_language(to_code))
    except ValueError as exc:
        raise InputError(str(exc)) from None
    doomed = [p for p in argos.installed_packages() if (p.source, p.target) == pair]
    if not doomed:
        raise EngineError(f"no Argos package for {pair[0]}→{pair[1]} is installed in {argos.packages_dir()}")
    package, _ = _argostranslate()
    for pkg in doomed:
        package.uninstall(package.Package(pkg.path))
        click.echo(f"removed argos {pkg.source} → {pkg.target} {pkg.version} from {pkg.path}")
