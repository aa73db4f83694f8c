"""A small process that starts the timed commands, so each one's peak memory is its own.

Linux carries a process's memory high-water mark across `exec`: a command
forked from the benchmark (which holds numpy, tqcheck, …) would report at least
the benchmark's own size as its peak.  Forked from this launcher, which imports
only `os`, `sys`, `json` and `time` (about 8 MB), it reports its own.

Protocol: one JSON object a line on stdin
`{"argv", "env", "cwd", "stdin", "stderr"}`, one line back
`{"wall", "maxrss_kb", "status"}`, where `status` is the exit code (negative: killed by that signal).
"""
import json
import os
import sys
import time


def run(request: dict) -> dict:
    stdin = os.open(request.get("stdin") or os.devnull, os.O_RDONLY)
    stdout = os.open(os.devnull, os.O_WRONLY)
    stderr = os.open(request["stderr"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:  # the child: become the command
        try:
            os.dup2(stdin, 0)
            os.dup2(stdout, 1)
            os.dup2(stderr, 2)
            if request.get("cwd"):
                os.chdir(request["cwd"])
            os.execvpe(request["argv"][0], request["argv"], request["env"])
        except BaseException as exc:  # noqa: BLE001 - report and leave without running the launcher's code
            os.write(2, f"launcher: cannot run {request['argv'][0]}: {exc}\n".encode())
        finally:
            os._exit(127)
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - start
    for fd in (stdin, stdout, stderr):
        os.close(fd)
    return {"wall": wall, "maxrss_kb": usage.ru_maxrss, "status": os.waitstatus_to_exitcode(status)}


def main() -> None:
    for line in sys.stdin:
        if line.strip():
            sys.stdout.write(json.dumps(run(json.loads(line))) + "\n")
            sys.stdout.flush()


if __name__ == "__main__":
    main()
