"""Where tqcheck keeps what it can rebuild: the user cache folder (TQCHECK_CACHE_DIR overrides)."""
from __future__ import annotations

import os
import sys
from pathlib import Path


def cache_dir() -> Path:
    """TQCHECK_CACHE_DIR, else $XDG_CACHE_HOME/tqcheck, else the platform's user cache."""
    override = os.environ.get("TQCHECK_CACHE_DIR")
    if override:
        return Path(override).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg and os.path.isabs(xdg):
        return Path(xdg) / "tqcheck"
    home = os.environ.get("HOME")
    if sys.platform == "linux" and not xdg and home and os.path.isabs(home) and "ANDROID_DATA" not in os.environ:
        # What platformdirs answers on Linux (~/.cache), without its import (2–4 ms of a one-file run).
        return Path(home) / ".cache" / "tqcheck"
    try:
        import platformdirs
    except ImportError:
        return Path.home() / ".cache" / "tqcheck"
    return Path(platformdirs.user_cache_dir("tqcheck", appauthor=False))
