"""The ASCII characters a regular expression's match can start with: a cheap test before running it.

`first_characters(r"(?:you|we) may also like")` → {"Y", "W", "y", "w"} under re.IGNORECASE: a
text starting with `T` is never handed to the pattern. The answer comes from Python's own parse
of the pattern, and each single-character part is asked of the regex engine itself (its case
folding, its classes), so it is never narrower than what the pattern can start with. None when
the pattern may start with any character or match the empty string, or when a part is not read.
Only ASCII is answered: a text starting with another character is handed to every pattern.
"""
from __future__ import annotations

_ASCII = tuple(chr(i) for i in range(128))


def first_characters(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """The ASCII characters any match of `pattern` starts with, or None when no promise can be made."""
    from re import _parser

    try:
        parsed = _parser.parse(pattern, flags)
    except Exception:  # not a pattern `re` accepts: no promise
        return None
    chars, nullable = _first(list(parsed), parsed.state.flags)
    return None if chars is None or nullable else frozenset(chars)


def _first(items: list, flags: int) -> tuple[set[str] | None, bool]:
    """(the ASCII characters a match of the sequence starts with, whether it can match the empty string)."""
    found: set[str] = set()
    for item in items:
        chars, nullable = _item(item, flags)
        if chars is None:
            return None, False
        found |= chars
        if not nullable:
            return found, False
    return found, True


def _item(item, flags: int) -> tuple[set[str] | None, bool]:
    from re import _constants as c

    op, arg = item
    if op in (c.LITERAL, c.NOT_LITERAL, c.IN, c.ANY):
        return _one_character(item, flags), False
    if op is c.SUBPATTERN:
        _, add, remove, body = arg
        return _first(list(body), (flags | add) & ~remove)
    if op is c.BRANCH:
        found: set[str] = set()
        nullable = False
        for alternative in arg[1]:
            chars, empty = _first(list(alternative), flags)
            if chars is None:
                return None, False
            found |= chars
            nullable = nullable or empty
        return found, nullable
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        chars, empty = _first(list(arg[2]), flags)
        return chars, empty or arg[0] == 0
    if op is c.ATOMIC_GROUP:
        return _first(list(arg), flags)
    if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
        return set(), True  # takes no character: it only narrows where a match is, and is not read
    return None, False  # back-references, conditionals: no promise


def _one_character(item, flags: int) -> set[str]:
    """The ASCII characters one single-character part matches, asked of the engine with the flags in force."""
    from re import _compiler, _parser

    state = _parser.State()
    state.flags = flags
    part = _compiler.compile(_parser.SubPattern(state, [item]), 0)
    return {ch for ch in _ASCII if part.match(ch)}
