"""The words a regular expression cannot match without: a cheap test before running it.

`required_literals(r"\\b(?:take|took|taken) in account\\b")` → ("account",): every match
holds "account", so a sentence without it is never handed to the pattern.  For
`r"\\b(?:rais|elevat)(?:e|ed) to\\b"` it is ("elevat", "rais"): every match holds one of them.
The answer comes from Python's own parse of the pattern, so groups, alternatives, optional
and repeated parts are read as the regex engine reads them.  Literals are lower-case letters
only: a letter-only literal lies inside one run of letters of the text, which is what lets a
caller test runs of letters instead of the whole text.
"""
from __future__ import annotations

from typing import Iterable

_SUBPATTERN_BODY = -1  # SUBPATTERN's argument is (group, add_flags, del_flags, body)


def required_literals(pattern: str, flags: int = 0, common: Iterable[str] = ()) -> tuple[str, ...] | None:
    """Lower-case letter strings one of which every match of `pattern` contains, or None if none is certain.

    Among the choices a pattern offers, the one whose weakest literal is longest wins;
    words in `common` (e.g. English function words) count as short, since nearly every
    sentence holds them.
    """
    every = required_literal_sets(pattern, flags, common)
    return every[0] if every else None


def required_literal_sets(pattern: str, flags: int = 0,
                          common: Iterable[str] = ()) -> tuple[tuple[str, ...], ...] | None:
    """Every requirement of `pattern`'s mandatory parts, each as `required_literals` gives one (lower-case
    letter strings one of which every match contains), the strongest first; a match holds one literal of
    each. None if none is certain. (`\\bin the (?:aim|goal) of \\w+ing\\b` → ("ing",), ("aim", "goal"), ("the",), …)"""
    from re import _parser

    try:
        parsed = _parser.parse(pattern, flags)
    except Exception:  # not a pattern `re` accepts: no promise
        return None
    common = frozenset(common)
    choices = _choices(list(parsed), common)
    if not choices:
        return None
    choices.sort(key=lambda literals: _strength(literals, common), reverse=True)  # stable: max() takes the first
    return tuple(tuple(sorted(literals)) for literals in choices)


def _sequence(items: list, common: frozenset[str]) -> frozenset[str] | None:
    """The best requirement of a sequence: its literal runs, and what each mandatory part requires."""
    choices = _choices(items, common)
    if not choices:
        return None
    return max(choices, key=lambda literals: _strength(literals, common))


def _choices(items: list, common: frozenset[str]) -> list[frozenset[str]]:
    """Every requirement of a sequence, in order: its literal runs, and what each mandatory part requires."""
    from re import _constants as c

    choices: list[frozenset[str]] = []
    run: list[str] = []

    def flush():
        if run:
            choices.append(frozenset(["".join(run)]))
            run.clear()

    for op, arg in items:
        if op is c.LITERAL and "a" <= chr(arg).lower() <= "z":
            run.append(chr(arg).lower())
            continue
        flush()
        if op is c.SUBPATTERN:
            need = _sequence(list(arg[_SUBPATTERN_BODY]), common)
        elif op is c.BRANCH:
            alternatives = [_sequence(list(alt), common) for alt in arg[1]]
            need = frozenset().union(*alternatives) if all(alternatives) else None
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and arg[0] >= 1:
            need = _sequence(list(arg[2]), common)
        elif op is c.ATOMIC_GROUP:
            need = _sequence(list(arg), common)
        else:  # classes, any-character, anchors, look-arounds, back-references: no literal promised
            need = None
        if need:
            choices.append(need)
    flush()
    return choices


def _strength(literals: frozenset[str], common: frozenset[str]) -> tuple[float, int]:
    weakest = min(len(word) / 3 if word in common else len(word) for word in literals)
    return weakest, -len(literals)


def holds_all(low: str, requirements) -> bool:
    """Whether `low` (a sentence folded as `speed.scanner.fold` folds it) holds one literal of each of
    `requirements` (as `required_literal_sets` gives them): when it does not, no match can be in it."""
    for literals in requirements:
        for literal in literals:
            if literal in low:
                break
        else:
            return False
    return True
