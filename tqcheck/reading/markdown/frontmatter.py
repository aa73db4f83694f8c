"""Front matter: the YAML (`---`) or TOML (`+++`) header at the top of a Markdown file, blanked whole."""
from __future__ import annotations


def front_matter_end(text: str, lines: list[tuple[int, int]]) -> tuple[int, int]:
    """(index of the first line after the front matter, raw offset where it ends); (0, 0) when there is none."""
    if not lines:
        return 0, 0
    a, b = lines[0]
    opener = text[a:b].rstrip()
    if opener not in ("---", "+++"):
        return 0, 0
    closers = ("---", "...") if opener == "---" else ("+++",)
    for li in range(1, len(lines)):
        c, d = lines[li]
        if text[c:d].rstrip() in closers:
            return li + 1, d
    return 0, 0
