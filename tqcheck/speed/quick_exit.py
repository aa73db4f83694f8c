"""Ending the process of a finished command without the interpreter's teardown, when nothing can follow it.

When a program ends, Python frees every object still alive one by one — every module, parsed word
list and compiled pattern — before the process exits and the system takes the memory back anyway:
≈ 6 ms of a one-file pre-commit run's ≈ 95 ms of CPU. When the command was the program's last act
(its entry point called from the top-level code of `__main__`, outside any `try` or `with`, so nothing
can catch its exit), `leave` does what Python's own exit does that anyone could notice — waits for
no thread (it steps aside if one is running), runs the `atexit` functions, flushes standard output
and error — and then ends the process with the same exit code, skipping the freeing.
Anything unusual (a code that is not a number, a thread still running, a flush that fails, an
interactive or development-mode interpreter) and it returns, leaving the exit to Python as before.
"""
from __future__ import annotations

import os
import sys


def is_last_act(caller) -> bool:
    """True when frame `caller` is the top-level code of the program's `__main__` (a console script,
    `python -m tqcheck`) with no `try` or `with` block in it, and only `runpy` called it."""
    if sys.flags.inspect or sys.flags.dev_mode:  # `python -i` goes on after; dev mode wants the teardown's warnings
        return False
    main = sys.modules.get("__main__")
    code = caller.f_code
    if main is None or caller.f_globals is not getattr(main, "__dict__", None) or code.co_name != "<module>":
        return False
    # An empty exception table: no handler in that code could catch the exit (Python 3.11's table; a Python
    # without one gives None here and keeps its teardown).
    if getattr(code, "co_exceptiontable", None) != b"":
        return False
    frame = caller.f_back
    while frame is not None:  # `python -m` runs __main__.py through runpy, which catches nothing around it
        if frame.f_globals.get("__name__") != "runpy":
            return False
        frame = frame.f_back
    return True


def leave(code) -> None:
    """End the process with `code` as `sys.exit(code)` would, minus freeing every object; returns when it cannot."""
    if code is None:
        code = 0
    if not isinstance(code, int):  # a message: Python prints it and exits 1
        return
    threading = sys.modules.get("threading")
    if threading is not None:
        main_thread = threading.main_thread()
        if any(t is not main_thread and t.is_alive() and not t.daemon for t in threading.enumerate()):
            return  # Python's exit waits for it
    import atexit

    run_exit_functions = getattr(atexit, "_run_exitfuncs", None)
    if run_exit_functions is None:
        return
    run_exit_functions()  # as Python's exit does, in the same order; they are not run again
    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()
    except BaseException:  # a closed pipe, a full disk: Python's own exit reports it as it always did
        return
    os._exit(code % 256)  # what the system keeps of sys.exit's code, negative ones included
