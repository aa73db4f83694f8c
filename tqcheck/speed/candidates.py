"""Regex searches that try a pattern only where a cheap one finds its first characters."""
from __future__ import annotations

import re
from typing import Iterator


def finditer_at(pattern: re.Pattern, starts: re.Pattern, text: str, pos: int = 0,
                endpos: int | None = None) -> Iterator[re.Match]:
    """`pattern.finditer(text, pos, endpos)`, trying `pattern` only where `starts` matches.

    The same matches, in the same order, when `pattern` never matches empty and every match of it begins
    where `starts` matches (its first characters written as a pattern `re` looks for in C: a class, then
    what follows). A pattern that opens with a look-behind makes `re` run its whole matcher at every
    position of the text; `starts` finds the few places worth it. Look-behinds and `$` read the text as
    finditer would: the same string and the same end."""
    if endpos is None:
        endpos = len(text)
    search, match = starts.search, pattern.match
    at = pos
    while True:
        found = search(text, at, endpos)
        if found is None:
            return
        p = found.start()
        m = match(text, p, endpos)
        if m is not None:
            yield m
            at = m.end()  # never empty: see above
        else:
            at = p + 1


class AfterLookBehind:
    """A pattern that opens with a look-behind, searched where the rest of it matches: every match of the
    whole begins where its rest matches, and the rest, free of the look-behind, is a pattern `re` can
    look for quickly (a literal or a class first). `finditer` gives the whole pattern's matches."""

    __slots__ = ("pattern", "starts")

    def __init__(self, look_behind: str, rest: str, flags: int = 0):
        from tqcheck.speed import warmstart

        self.pattern = warmstart.regex(look_behind + rest, flags)
        self.starts = warmstart.regex(rest, flags)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match]:
        return finditer_at(self.pattern, self.starts, text, pos, endpos)
