"""Apertium (rule-based, offline) through the `apertium` command, one process per batch."""
from __future__ import annotations

import hashlib
import os
import re
import shutil
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from tqcheck.translation.engines.base import Engine, base_language, split_language_tag
from tqcheck.errors import EngineError, held
from tqcheck.speed import warmstart

INSTALL_HINT = "apt-get install apertium apertium-eng-spa"
_DEFAULT_DATADIRS = ("/usr/share/apertium", "/usr/local/share/apertium")
# Mode names: `eng-spa`, `spa-eng_US`, `oci_aran-spa`, older two-letter `es-pt`.
_MODE_NAME_RE = warmstart.regex(
    r"^([a-z]{2,3})(?:_([A-Za-z0-9]+))?-([a-z]{2,3})(?:_([A-Za-z0-9_]+))?$"
)
# Sentences travel as paragraphs: `apertium-destxt` turns a blank line into a
# sentence end that transfer rules do not reorder words across, whereas with
# one sentence per line words move between lines when a line has no final
# punctuation (a heading) — see `_translate_aligned`.
_SEPARATOR = "\n\n"
# Apertium prefixes unknown words with `*`, bilingual-dictionary misses with
# `@` and generation errors with `#`.  Literal `*`, `#` and a free-standing
# `@` are swapped for private-use characters before translation (the analyser
# treats both as blanks), so every mark left in the output is Apertium's.
# An `@` between word characters stays: it is part of an e-mail address.
_LITERAL_RE = warmstart.regex(r"[*#]|(?<!\w)@|@(?!\w)")
_MARK_RE = warmstart.regex(r"(?:[*#]|(?<!\w)@)+(\w+(?:['’]\w+)*)?")
_BASE_TIMEOUT = 30.0  # seconds, covers start-up on a loaded machine
_CHARS_PER_SECOND_FLOOR = 200  # ~100x slower than measured, before we call it a hang


@dataclass(frozen=True)
class Mode:
    """One installed translation direction."""

    name: str
    path: Path
    source: str
    target: str
    source_variant: str | None
    target_variant: str | None

    @property
    def plain(self) -> bool:
        return self.source_variant is None and self.target_variant is None


def _modes_dir() -> Path:
    override = os.environ.get("APERTIUM_MODES_DIR")
    if override:
        return Path(override)
    datadir = os.environ.get("APERTIUM_DATADIR")
    if datadir:
        return Path(datadir) / "modes"
    for candidate in _DEFAULT_DATADIRS:
        if (Path(candidate) / "modes").is_dir():
            return Path(candidate) / "modes"
    return Path(_DEFAULT_DATADIRS[0]) / "modes"


def _scan_modes(modes_dir: Path) -> list[Mode]:
    try:
        paths = sorted(modes_dir.glob("*.mode"))
    except OSError:
        return []
    modes = []
    for path in paths:
        match = _MODE_NAME_RE.match(path.stem)
        if not match:
            continue  # debugging modes such as `eng-spa-tagger`
        src, src_var, tgt, tgt_var = match.groups()
        try:
            source, target = base_language(src), base_language(tgt)
        except ValueError:
            continue
        modes.append(Mode(path.stem, path, source, target, src_var, tgt_var))
    return modes


def _one_line(text: str) -> str:
    # A newline inside a sentence would become a paragraph break or let words
    # cross into the next sentence; NUL is not valid in Apertium's stream.
    return " ".join(text.replace("\x00", "").splitlines()).strip()


def _dpkg_version(package: str) -> str | None:
    """The version of an installed Debian package, or None when dpkg has no such package installed."""
    versions = _status_versions(package)
    if versions is not None and len(set(versions)) <= 1:
        return versions[0] if versions else None
    return _dpkg_query_version(package)


# dpkg's database; `dpkg-query -W` reads this file (and the journal in updates/, when not yet folded in).
_DPKG_ADMINDIR = Path("/var/lib/dpkg")
# A value runs to the end of its line; its trailing spaces are stripped where it is read
# (a lazy `(.*?) *$` would try every split of a run of spaces).
_STATUS_FIELD_RE = warmstart.regex(rb"^(Status|Version): *+(.*)$", re.M)
_PATH_RE = warmstart.regex(r"(/[^\s'\"|;&<>]+)")  # a file a mode's script runs


def _status_versions(package: str) -> list[str] | None:
    """Versions of `package` installed according to dpkg's status file, without starting dpkg-query.

    None when the file alone cannot tell: missing, a journal pending, or a stanza in a state
    other than installed; dpkg-query then decides as before.
    """
    try:
        if any(True for _ in os.scandir(_DPKG_ADMINDIR / "updates")):
            return None
        path = _DPKG_ADMINDIR / "status"
        status = _status_file(str(path), path.stat().st_mtime_ns)
    except OSError:
        return None
    needle = b"\nPackage: " + package.encode("utf-8") + b"\n"
    versions = []
    at = status.find(needle)
    while at >= 0:
        end = status.find(b"\n\n", at + 1)
        fields = {name: value.rstrip(b" ") for name, value in _STATUS_FIELD_RE.findall(status[at:end if end >= 0 else len(status)])}
        if fields.get(b"Status", b"").split()[-1:] != [b"installed"] or not fields.get(b"Version"):
            return None
        versions.append(fields[b"Version"].decode("utf-8", errors="replace"))
        at = status.find(needle, at + 1)
    return versions


@lru_cache(maxsize=1)
def _status_file(path: str, mtime_ns: int) -> bytes:
    """dpkg's status file (some 650 kB), read once while it stays unchanged: a round trip asks
    for the core's version and each direction's data package's."""
    with open(path, "rb") as f:
        return b"\n" + f.read()


def _dpkg_query_version(package: str) -> str | None:
    import subprocess

    try:
        done = subprocess.run(
            ["dpkg-query", "-W", "-f", "${Version}", package],
            capture_output=True, text=True, timeout=10,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    version = done.stdout.strip()
    return version if done.returncode == 0 and version else None


def _kill_group(pid: int) -> None:
    # The `apertium` script runs a pipeline of a dozen processes; killing the
    # script alone would orphan them, so each run gets its own process group.
    import signal

    try:
        os.killpg(pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


class _Placeholders:
    """Protect literal mark characters in a batch and strip Apertium's marks."""

    def __init__(self, texts: list[str]):
        used = set("".join(texts))
        free = (chr(c) for c in range(0xE000, 0xF900) if chr(c) not in used)
        self._to_placeholder = {ch: next(free) for ch in "*#@"}
        self._to_literal = {v: k for k, v in self._to_placeholder.items()}
        self._restore = str.maketrans(self._to_literal)

    def protect(self, text: str) -> str:
        return _LITERAL_RE.sub(lambda m: self._to_placeholder[m.group()], text)

    def unmark(self, text: str) -> tuple[str, list[str]]:
        unknown: list[str] = []

        def drop(match: re.Match) -> str:
            if match.group(1) and match.group(1) not in unknown:
                unknown.append(match.group(1))
            return match.group(1) or ""

        text = _MARK_RE.sub(drop, text)
        text = text.translate(self._restore)
        # Dropped pronouns leave double spaces; whitespace carries no meaning here.
        return " ".join(text.split()), unknown


class ApertiumEngine(Engine):
    """Translate with the installed Apertium modes (`eng-spa`, `spa-eng`, …)."""

    name = "apertium"

    def __init__(self, modes_dir: str | os.PathLike | None = None, timeout: float | None = None):
        self._binary = shutil.which("apertium")
        if not self._binary:
            raise EngineError(f"apertium is not installed ({INSTALL_HINT})")
        self._modes_dir = Path(modes_dir) if modes_dir is not None else _modes_dir()
        if self._modes_dir.name != "modes":
            # `apertium -d DIR` reads DIR/modes/NAME.mode and nothing else.
            raise EngineError(
                f"Apertium modes folder must be named 'modes': {self._modes_dir}"
            )
        self._modes = _scan_modes(self._modes_dir)
        if not self._modes:
            raise EngineError(
                f"apertium has no translation modes in {self._modes_dir} ({INSTALL_HINT})"
            )
        self._base_timeout = _BASE_TIMEOUT if timeout is None else float(timeout)
        self._versions: dict[str, str] = {}

    @classmethod
    def available(cls, modes_dir: str | os.PathLike | None = None) -> bool:
        """True when the `apertium` command and at least one mode are installed."""
        if not shutil.which("apertium"):
            return False
        return bool(_scan_modes(Path(modes_dir) if modes_dir is not None else _modes_dir()))

    # -- versions -------------------------------------------------------------

    def _core_version(self) -> str:
        if "" not in self._versions:
            version = _dpkg_version("apertium")
            if version is None:
                import subprocess

                try:
                    done = subprocess.run(
                        [self._binary, "-V"], capture_output=True, text=True, timeout=10
                    )
                    version = done.stdout.strip().removeprefix("Apertium ") or "unknown"
                except (OSError, subprocess.SubprocessError):
                    version = "unknown"
            self._versions[""] = f"apertium {version}"
        return self._versions[""]

    def _mode_version(self, mode: Mode) -> str:
        """The version of the language data a mode runs, e.g. `apertium-eng-spa 0.8.1-2`."""
        if mode.name not in self._versions:
            try:
                text = mode.path.read_text(encoding="utf-8", errors="replace")
            except OSError:
                text = ""
            files = [Path(p) for p in _PATH_RE.findall(text)]
            packages = sorted({f.parent.name for f in files if f.parent.name.startswith("apertium-")})
            parts = []
            for package in packages:
                version = _dpkg_version(package)
                if version is None:  # not from a Debian package: the files' age is the version
                    mtimes = [f.stat().st_mtime for f in files if f.parent.name == package and f.exists()]
                    version = f"mtime {int(max(mtimes, default=0))}"
                parts.append(f"{package} {version}")
            if not parts:
                parts.append(f"{mode.name}.mode sha256:{hashlib.sha256(text.encode()).hexdigest()[:12]}")
            self._versions[mode.name] = ", ".join(parts)
        return self._versions[mode.name]

    @property
    def version(self) -> str:
        data = sorted({self._mode_version(m) for m in self._modes})
        return " / ".join([self._core_version(), *data])

    def version_for(self, source: str, target: str) -> str:
        mode = self.mode_for(source, target)
        return f"{self._core_version()} / {self._mode_version(mode)} (mode {mode.name})"

    # -- modes ----------------------------------------------------------------

    def pairs(self) -> set[tuple[str, str]]:
        return {(m.source, m.target) for m in self._modes}

    def mode_for(self, source: str, target: str) -> Mode:
        """The mode for a direction: a variant (`spa-eng_US`) only when the tag asks for it."""
        try:
            (src, src_sub), (tgt, tgt_sub) = split_language_tag(source), split_language_tag(target)
        except ValueError as exc:
            raise EngineError(str(exc)) from None
        candidates = [m for m in self._modes if (m.source, m.target) == (src, tgt)]
        if not candidates:
            offered = ", ".join(sorted(f"{s}→{t}" for s, t in self.pairs()))
            raise EngineError(f"apertium has no {src}→{tgt} mode (installed: {offered})")
        wanted_src = {s.lower() for s in src_sub}
        wanted_tgt = {s.lower() for s in tgt_sub}

        def rank(mode: Mode) -> tuple:
            src_ok = mode.source_variant is None or mode.source_variant.lower() in wanted_src
            tgt_ok = mode.target_variant is None or mode.target_variant.lower() in wanted_tgt
            asked = (mode.source_variant is not None) + (mode.target_variant is not None)
            # Variants that match the tag first, then plain modes, then any variant.
            return (not (src_ok and tgt_ok), -asked if src_ok and tgt_ok else asked, mode.name)

        return min(candidates, key=rank)

    # -- translation ----------------------------------------------------------

    def translate_batch(self, texts: list[str], source: str, target: str) -> list[str]:
        return [text for text, _ in self.translate_batch_detailed(texts, source, target)]

    def translate_batch_detailed(
        self, texts: list[str], source: str, target: str
    ) -> list[tuple[str, list[str]]]:
        mode = self.mode_for(source, target)
        lines = [_one_line(t) for t in texts]
        results: list[tuple[str, list[str]]] = [("", []) for _ in lines]
        todo = [i for i, line in enumerate(lines) if line]
        if not todo:
            return results
        marks = _Placeholders([lines[i] for i in todo])
        outputs = self._translate_aligned(mode, [marks.protect(lines[i]) for i in todo])
        for i, output in zip(todo, outputs):
            results[i] = marks.unmark(output)
        return results

    def _translate_aligned(self, mode: Mode, lines: list[str]) -> list[str]:
        """One process for all lines; halve the batch if paragraphs ever fail to line up."""
        output = self._run(mode, _SEPARATOR.join(lines) + "\n")
        pieces = output.strip("\n").split(_SEPARATOR)
        if len(pieces) == len(lines):
            return pieces
        if len(lines) == 1:
            return [" ".join(output.split())]
        if not output.strip():
            raise EngineError(f"apertium {mode.name} returned no output for {len(lines)} sentences")
        half = len(lines) // 2
        return self._translate_aligned(mode, lines[:half]) + self._translate_aligned(mode, lines[half:])

    def _run(self, mode: Mode, text: str) -> str:
        import subprocess  # only when translating: a warm cache never gets here

        data = text.encode("utf-8", errors="replace")
        timeout = self._base_timeout + len(data) / _CHARS_PER_SECOND_FLOOR
        # `-f txt` (apertium-destxt) escapes `[`, `]`, `^`, `$`, `\`; `-f none`
        # passes them raw and truncates the output; `-f line` drops final periods.
        command = [self._binary, "-d", str(self._modes_dir.parent), "-f", "txt", mode.name]
        # A signal (Ctrl-C, SIGTERM, a file's time budget) while the pipeline starts is held back
        # until `proc` holds it, then raised inside the `try` whose `finally` kills it.
        with held() as hold:
            try:
                proc = subprocess.Popen(
                    command,
                    stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.PIPE,
                    start_new_session=True,  # own process group, and Ctrl-C reaches only us
                )
            except OSError as exc:
                raise EngineError(f"cannot run apertium: {exc.strerror or exc}") from None
            finished = False
            with proc:  # closes the pipes and reaps the script on every path
                try:
                    hold.release()
                    out, err = proc.communicate(data, timeout=timeout)
                    finished = proc.returncode == 0
                except subprocess.TimeoutExpired:
                    raise EngineError(
                        f"apertium {mode.name} did not answer within {timeout:.0f} s and was stopped"
                    ) from None
                finally:
                    if not finished:
                        _kill_group(proc.pid)
                        try:
                            proc.wait(timeout=5)  # reap it even when Ctrl-C skips Popen's own wait
                        except subprocess.TimeoutExpired:
                            pass
        if proc.returncode != 0:
            lines = err.decode("utf-8", errors="replace").strip().splitlines()
            detail = " ".join(lines[-1].split())[:200] if lines else "no error message"
            status = (
                f"killed by signal {-proc.returncode}"
                if proc.returncode < 0
                else f"exit status {proc.returncode}"
            )
            raise EngineError(f"apertium {mode.name} failed ({status}): {detail}")
        return out.decode("utf-8", errors="replace")
