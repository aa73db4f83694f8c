"""Where a rendered report goes: standard output, or a file (--output) that appears whole or not at all."""
from __future__ import annotations

import os
import sys

from tqcheck.errors import OutputError, held


def open_destination(path: str | None):
    """A context manager with `write(part)` and `commit()`; leaving it without `commit()` (an error,
    an interrupt) leaves the --output path as it was. None or "-": standard output."""
    return _Stdout() if path in (None, "-") else _File(path)


CHUNK = 1 << 16  # characters written to standard output at a time


def abandon_stdout() -> None:
    """Point standard output at /dev/null once writing to it has failed (a closed pipe, a full disk),
    so that the interpreter's own flush at exit neither fails again nor prints "Exception ignored"."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # no real standard output to redirect
        pass


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


class _Stdout:
    def __enter__(self):
        return self

    def __exit__(self, *exc_info) -> None:
        pass

    def write(self, part: str) -> None:
        # In pieces: one write of a whole SARIF or HTML report (megabytes) to a pipe its reader closed came
        # back as a short write that Python's buffered writer took for success, so `| head -1` got exit 1
        # (the findings' code) instead of 141, the report silently cut.
        for start in range(0, len(part), CHUNK):
            self._guard(sys.stdout.write, part[start:start + CHUNK])

    def commit(self) -> None:
        self._guard(sys.stdout.flush)

    @staticmethod
    def _guard(action, *args) -> None:
        try:
            action(*args)
        except BrokenPipeError:
            raise  # the reader went away: the command line ends quietly
        except OSError as exc:
            abandon_stdout()
            raise OutputError(f"cannot write to standard output ({_reason(exc)})") from None


class _File:
    """A regular file (or a new one) is written beside itself under a temporary name and moved over
    the path with os.replace; a device or a pipe (/dev/stdout, /dev/full) is written in place,
    since replacing it would put a regular file where the device was."""

    def __init__(self, path: str):
        self.path = path
        self._temporary: str | None = None
        self._file = None
        try:
            kind = _kind(path)
            if kind == "folder":
                raise OutputError(f"--output {path}: is a directory")
            if kind == "special":
                self._file = open(path, "w", encoding="utf-8")
                return
            # A symbolic link is written through, and stays a link.
            self._target = target = os.path.realpath(path)
            self._mode = _mode_for(target)
            import tempfile

            folder, name = os.path.split(target)
            if not os.path.isdir(folder):
                raise OutputError(f"--output {path}: cannot write (no such folder: {os.path.dirname(path)})")
            with held() as hold:  # a signal now waits until the temporary file has a name to remove
                fd, self._temporary = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
                try:
                    self._file = os.fdopen(fd, "w", encoding="utf-8")
                    hold.release()
                except BaseException:
                    if self._file is None:
                        os.close(fd)
                    self._discard()
                    raise
        except OSError as exc:
            raise OutputError(f"--output {path}: cannot write ({_reason(exc)})") from None

    def __enter__(self):
        return self

    def __exit__(self, *exc_info) -> None:
        self._discard()

    def write(self, part: str) -> None:
        try:
            self._file.write(part)
        except OSError as exc:
            self._fail(exc)

    def commit(self) -> None:
        try:
            self._file.flush()
            if self._temporary is not None:
                os.fsync(self._file.fileno())  # on disk before it takes the name: never a half report
            self._file.close()
            if self._temporary is not None:
                os.chmod(self._temporary, self._mode)
                os.replace(self._temporary, self._target)
                self._temporary = None
        except OSError as exc:
            self._fail(exc)

    def _fail(self, exc: OSError):
        self._discard()
        raise OutputError(f"--output {self.path}: cannot write ({_reason(exc)})") from None

    def _discard(self) -> None:
        if self._file is not None:
            try:
                self._file.close()
            except OSError:  # the data that could not be flushed is being thrown away
                pass
        if self._temporary is not None:
            try:
                os.unlink(self._temporary)
            except OSError:
                pass
            self._temporary = None


def _kind(path: str) -> str:
    """"missing", "file", "folder" or "special" (a device, a pipe, a socket), links followed."""
    import stat

    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return "missing"
    return "file" if stat.S_ISREG(mode) else "folder" if stat.S_ISDIR(mode) else "special"


def _mode_for(target: str) -> int:
    """The permissions the report keeps: an existing file's own, else what open() would give a new one."""
    try:
        return os.stat(target).st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
