"""A guard against catastrophic backtracking: what a pattern's parse tree allows, and strings built to hurt it.

Both halves read Python's own parse of a pattern (`re._parser`, Python 3.11), so groups, flags,
classes and repeats are taken as the regex engine takes them.

`problems(pattern, flags)` names every place where a backtracking matcher could try more than a
linear number of ways to split one text:

- "adjacent": an unbounded repeat (`*`, `+`, `{n,}`) that may be followed, through parts that can
  match nothing, by the start of another unbounded repeat, or by the next round of a loop it sits
  in, able to read what it gave back (`\\s*\\s*`, `\\w+\\d+`, `.*.*`, `(a+)+`, `(\\w+\\s?)*`),
  across groups and alternatives;
- "ambiguous": inside a loop (a repeat without bound, or of more than LOOP_ROUNDS rounds), a choice
  (between alternatives, or between one more round of an inner repeat and leaving it) whose two
  ways read the same text and meet again (`(?:a|a)*`, `(?:a?a)*`, `(?:x\\w*)*`): every round of
  the loop multiplies the ways.

A repeat that cannot be made to give back what it took is exempt: a possessive one (`*+`, `++`), or
one inside an atomic group (`(?>...)`) or a look-around that closes before the follower (Python never
backtracks into either).  Bounded repeats (`{0,3}`) are fine.

Each character the pattern reads is a position (Glushkov's construction), with the characters it
may be (Unicode classes and case folding included) and the positions that may read the next one.
"Can read the same text" is decided by walking two positions forward together while their
characters overlap, so `(?:\\s+[A-Z]\\w*)*\\s*[.,;]` passes (after the shared spaces one side needs a
capital, the other a mark) where a first-character test would reject it.  The walk over-approximates
what a pattern matches (look-arounds are ignored, a back-reference reads any run of its group's
characters), so the check may reject a safe pattern, never pass one of these shapes.

`attack_strings(pattern, flags, length)` builds strings from the same tree: long runs of what each
repeat reads, led by text that reaches it and ended by a character that fails what follows; the
characters of a repeat and of what follows it alternating; each literal with its last character
changed, repeated; a sample match with its last character changed, repeated.  `hang_check` runs
them under a bound measured against prose.
"""
from __future__ import annotations

import signal
import sys
import time
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from re import _constants as C, _parser

EMPTY: tuple = ()

# -- character sets: sorted, disjoint, inclusive (low, high) code-point spans ---------------------


def _spans(pairs) -> tuple:
    out: list[tuple[int, int]] = []
    for lo, hi in sorted(pairs):
        if out and lo <= out[-1][1] + 1:
            if hi > out[-1][1]:
                out[-1] = (out[-1][0], hi)
        else:
            out.append((lo, hi))
    return tuple(out)


def union(*sets: tuple) -> tuple:
    sets = [s for s in sets if s]
    if len(sets) <= 1:
        return sets[0] if sets else EMPTY
    return _spans(span for s in sets for span in s)


def intersection(a: tuple, b: tuple) -> tuple:
    out, i, j = [], 0, 0
    while i < len(a) and j < len(b):
        lo, hi = max(a[i][0], b[j][0]), min(a[i][1], b[j][1])
        if lo <= hi:
            out.append((lo, hi))
        if a[i][1] < b[j][1]:
            i += 1
        else:
            j += 1
    return tuple(out)


def complement(a: tuple, top: int) -> tuple:
    out, start = [], 0
    for lo, hi in a:
        if lo > start:
            out.append((start, lo - 1))
        start = hi + 1
    if start <= top:
        out.append((start, top))
    return tuple(out)


def contains(a: tuple, code: int) -> bool:
    i = bisect_right(a, (code, sys.maxunicode + 1)) - 1
    return i >= 0 and a[i][0] <= code <= a[i][1]


# Characters tried first when a string needs one from a set (or one outside it): readable ones, then
# the kinds of text tqcheck reads.
_PREFERRED = "a e t s n A B 0 1 \u00a0 . , ; : - ' \" ( ) / _ @ # é ñ ’ ” « » — \t \n x z Q Z 9 ! ? % $ & * + = < > [ ] { } | \\ ~ `"
PREFERRED = (ord(" "),) + tuple(ord(c) for c in _PREFERRED.split(" ") if c) + (0x4E00, 0x0416, 0xE000, 0)


@lru_cache(maxsize=None)
def pick(a: tuple, avoid: tuple = EMPTY) -> int | None:
    """A character of `a` outside `avoid`, readable when possible; None when there is none."""
    for code in PREFERRED:
        if contains(a, code) and not contains(avoid, code):
            return code
    for lo, hi in intersection(a, complement(avoid, max(sys.maxunicode, a[-1][1] if a else 0))):
        for code in range(lo, min(hi, lo + 64) + 1):
            if not 0xD800 <= code <= 0xDFFF:
                return code
    return None


@lru_cache(maxsize=None)
def _all_characters() -> str:
    return "".join(map(chr, range(sys.maxunicode + 1)))


@lru_cache(maxsize=None)
def _category(name: str, ascii_only: bool) -> tuple:
    """The code points of \\d, \\s or \\w, as `re` reads them under these flags."""
    import re

    letter = {"DIGIT": "d", "SPACE": "s", "WORD": "w"}[name]
    runs = re.finditer(("(?a)" if ascii_only else "") + "\\" + letter + "+", _all_characters())
    return tuple((m.start(), m.end() - 1) for m in runs)


@lru_cache(maxsize=None)
def _case_table():
    """(lower → every code point with that lower case, the code points that have case, `re`'s extra folds)."""
    import _sre
    from re import _casefix

    by_lower: dict[int, list[int]] = {}
    for code in range(sys.maxunicode + 1):
        lower = _sre.unicode_tolower(code)
        if lower != code:
            by_lower.setdefault(lower, [lower]).append(code)
    cased = {c for group in by_lower.values() for c in group} | set(_casefix._EXTRA_CASES)
    return by_lower, cased, _spans((c, c) for c in cased), _casefix._EXTRA_CASES


@lru_cache(maxsize=None)
def fold(a: tuple) -> tuple:
    """`a` with every character `re` matches against one of its members when IGNORECASE is on."""
    import _sre

    by_lower, cased, cased_spans, extra = _case_table()
    added = []
    for lo, hi in intersection(a, cased_spans):
        for code in range(lo, hi + 1):
            if code in cased:
                lower = _sre.unicode_tolower(code)
                for each in (lower, *extra.get(lower, ())):
                    added.extend((c, c) for c in by_lower.get(each, (each,)))
    return union(a, tuple(added)) if added else a


# -- the tree ----------------------------------------------------------------------------------------
#
# Every character the pattern reads is a *position* (Glushkov's construction): a node of kind "chars".
# For each node: can it match nothing, which positions can read its first and its last character,
# and which first positions belong to an unbounded repeat starting there.  `follow[p]` holds the
# positions that can read the character after position p.


@dataclass(eq=False, slots=True)
class Node:
    kind: str  # chars, empty, look, ref, seq, alt, repeat, atomic
    chars: tuple = EMPTY  # chars: what the one character may be
    items: list = field(default_factory=list)  # seq, alt
    body: "Node | None" = None  # repeat, atomic, look, ref (the group referred to)
    low: int = 1
    high: int = 1
    mode: str = ""  # repeat: greedy, lazy or possessive
    text: str = ""  # chars: the literal character, when it is one (for near-misses)
    sample: str | None = None  # a string the node reads, once worked out
    reads: tuple | None = None  # every character the node may read, once worked out
    position: int = -1  # chars, ref
    nullable: bool = True
    first: frozenset = frozenset()
    last: frozenset = frozenset()
    unbounded_first: frozenset = frozenset()  # first positions taken by an unbounded repeat starting here
    inside: range = range(0)  # the positions in the node (numbered in order, so a range)

    @property
    def unbounded(self) -> bool:
        return self.kind == "repeat" and self.high == C.MAXREPEAT

    @property
    def loops(self) -> bool:
        """Rounds enough to multiply the ways of an ambiguous body."""
        return self.kind == "repeat" and (self.unbounded or self.high > LOOP_ROUNDS)


LOOP_ROUNDS = 8  # a repeat of more rounds than this multiplies ambiguity as an unbounded one does


@dataclass
class Tree:
    root: Node
    chars: list  # position → its characters
    follow: list  # position → frozenset of positions
    top: int

    def first_chars(self, positions) -> tuple:
        return union(*(self.chars[p] for p in positions))


@lru_cache(maxsize=None)
def parse(pattern, flags: int = 0) -> Tree:
    """The tree of `pattern`, its positions and their follow sets (cached: treat it as read-only)."""
    parsed = _parser.parse(pattern, flags)
    top = 0xFF if isinstance(pattern, bytes) else sys.maxunicode
    groups: dict[int, Node] = {}
    root = _sequence(list(parsed), parsed.state.flags, top, groups)
    chars: list = []
    follow: list = []
    _positions(root, chars, follow)
    return Tree(root, chars, [frozenset(f) for f in follow], top)


def _sequence(items, flags, top, groups) -> Node:
    return Node("seq", items=[_item(op, av, flags, top, groups) for op, av in items])


def _item(op, av, flags, top, groups) -> Node:
    if op in (C.LITERAL, C.NOT_LITERAL, C.ANY, C.IN):
        key = tuple(av) if op is C.IN else av
        return Node("chars", chars=_charset(op, key, flags, top), text=chr(av) if op is C.LITERAL else "")
    if op is C.AT:
        return Node("empty")
    if op is C.BRANCH:
        return Node("alt", items=[_sequence(list(alt), flags, top, groups) for alt in av[1]])
    if op is C.SUBPATTERN:
        group, add, remove, body = av
        node = _sequence(list(body), (flags | add) & ~remove, top, groups)
        if group:
            groups[group] = node
        return node
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        low, high, body = av
        mode = _MODES[op]
        return Node("repeat", body=_sequence(list(body), flags, top, groups), low=low, high=high, mode=mode)
    if op is C.ATOMIC_GROUP:
        return Node("atomic", body=_sequence(list(av), flags, top, groups))
    if op in (C.ASSERT, C.ASSERT_NOT):
        return Node("look", body=_sequence(list(av[1]), flags, top, groups))
    if op is C.GROUPREF:
        return Node("ref", body=groups[av])
    if op is C.GROUPREF_EXISTS:
        _, yes, no = av
        options = [_sequence(list(yes), flags, top, groups), _sequence(list(no) if no else [], flags, top, groups)]
        return Node("alt", items=options)
    raise ValueError(f"the guard does not know the regex node {op}")


_MODES = {C.MAX_REPEAT: "greedy", C.MIN_REPEAT: "lazy", C.POSSESSIVE_REPEAT: "possessive"}


def _positions(node: Node, chars: list, follow: list) -> None:
    """Number the positions under `node` and fill in its properties and the follow sets (children first)."""
    kind = node.kind
    start = len(chars)
    if kind in ("chars", "ref"):
        node.position = len(chars)
        follow.append(set())
        one = frozenset([node.position])
        if kind == "chars":
            chars.append(node.chars)
            node.nullable = False
        else:  # a back-reference reads again what its group read: taken as any run of the group's characters
            chars.append(union(*(chars[p] for p in node.body.inside)))
            node.nullable = node.body.nullable
            follow[node.position].add(node.position)
        node.first = node.last = one
        node.inside = range(start, start + 1)
        return
    if kind in ("empty", "look"):
        if kind == "look":
            _positions(node.body, chars, follow)
        return
    for child in node.items:
        _positions(child, chars, follow)
    if node.body is not None:
        _positions(node.body, chars, follow)
    node.inside = range(start, len(chars))
    if kind == "atomic":
        body = node.body
        node.nullable, node.first, node.last = body.nullable, body.first, body.last
        node.unbounded_first = body.unbounded_first
    elif kind == "repeat":
        body = node.body
        if node.high == 0:
            return
        node.nullable = node.low == 0 or body.nullable
        node.first, node.last = body.first, body.last
        node.unbounded_first = body.first if node.unbounded else body.unbounded_first
        if node.high > 1:
            for p in body.last:
                follow[p].update(body.first)
    elif kind == "alt":
        node.nullable = any(o.nullable for o in node.items) if node.items else True
        node.first = frozenset().union(*(o.first for o in node.items))
        node.last = frozenset().union(*(o.last for o in node.items))
        node.unbounded_first = frozenset().union(*(o.unbounded_first for o in node.items))
    else:  # seq
        first, last, taken, nullable = set(), set(), set(), True
        for item in node.items:
            if nullable:
                first |= item.first
                taken |= item.unbounded_first
            nullable = nullable and item.nullable
        for item in reversed(node.items):
            last |= item.last
            if not item.nullable:
                break
        # each item's last positions are followed by the first positions of the items after it
        for i, item in enumerate(node.items):
            for later in node.items[i + 1:]:
                for p in item.last:
                    follow[p].update(later.first)
                if not later.nullable:
                    break
        node.nullable = nullable
        node.first, node.last, node.unbounded_first = frozenset(first), frozenset(last), frozenset(taken)


@lru_cache(maxsize=None)
def _charset(op, av, flags, top) -> tuple:
    ignore_case = flags & C.SRE_FLAG_IGNORECASE
    ascii_only = bool(flags & C.SRE_FLAG_ASCII) or top == 0xFF
    if op is C.ANY:
        return ((0, top),) if flags & C.SRE_FLAG_DOTALL else complement(((10, 10),), top)
    if op in (C.LITERAL, C.NOT_LITERAL):
        chars = ((av, av),)
        chars = fold(chars) if ignore_case else chars
        return chars if op is C.LITERAL else complement(chars, top)
    negate, parts = False, []
    for item, value in av:
        if item is C.NEGATE:
            negate = True
        elif item is C.LITERAL:
            parts.append(((value, value),))
        elif item is C.RANGE:
            parts.append((value,))
        elif item is C.CATEGORY:
            name = str(value).replace("CATEGORY_", "")
            positive = name.replace("NOT_", "")
            chars = _category(positive, ascii_only)
            parts.append(complement(chars, top) if name.startswith("NOT_") else chars)
        else:
            raise ValueError(f"the guard does not know the class item {item}")
    chars = intersection(union(*parts), ((0, top),))
    chars = fold(chars) if ignore_case else chars
    return complement(chars, top) if negate else chars


# -- the structural check -------------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    kind: str  # "adjacent": two unbounded repeats can share text; "ambiguous": a choice inside a loop
    what: str
    example: str  # text both sides can read

    def __str__(self):
        return f"{self.kind}: {self.what} (both can read {self.example!r})"


def problems(pattern, flags: int = 0) -> list[Problem]:
    """What in `pattern` lets a backtracking matcher try more than linearly many splits; [] when nothing."""
    tree = parse(pattern, flags)
    found: list[Problem] = []
    _Checker(tree, found).walk(tree.root, frozenset(), frozenset(), None)
    unique = []
    for problem in found:
        if problem not in unique:
            unique.append(problem)
    return unique


class _Checker:
    def __init__(self, tree: Tree, found: list):
        self.tree, self.found = tree, found
        self._shared: dict[tuple[int, int], tuple] = {}

    def shared(self, p: int, q: int) -> tuple:
        key = (p, q) if p <= q else (q, p)
        if key not in self._shared:
            self._shared[key] = intersection(self.tree.chars[p], self.tree.chars[q])
        return self._shared[key]

    def walk(self, node: Node, after: frozenset, taken: frozenset, loop: range | None) -> None:
        """Check `node`, given the positions that may read the character right after it (`after`), those
        of them that start an unbounded repeat or the next round of an enclosing loop (`taken`), and the
        positions of the outermost loop it sits in that can still backtrack into it (`loop`)."""
        kind = node.kind
        if kind == "seq":
            for item, item_after, item_taken in _followed(node, after, taken):
                self.walk(item, item_after, item_taken, loop)
        elif kind == "alt":
            if loop is not None:
                within = frozenset(p for p in after if p in loop)
                leads = [o.first | within if o.nullable else o.first for o in node.items]
                for i in range(len(leads)):
                    for j in range(i + 1, len(leads)):
                        text = self.converge(leads[i], leads[j], loop)
                        if text is not None:
                            self.found.append(Problem("ambiguous", "two alternatives inside a loop read the same text", text))
                            break
                    else:
                        continue
                    break
            for option in node.items:
                self.walk(option, after, taken, loop)
        elif kind == "repeat":
            body = node.body
            possessive = node.mode == "possessive"
            if node.unbounded and not possessive:
                text = self.gives_back(node, taken)
                if text is not None:
                    self.found.append(Problem("adjacent", "an unbounded repeat can give back text that a repeat after it takes", text))
            if loop is not None and not possessive and node.low < node.high:
                text = self.converge(body.first, frozenset(p for p in after if p in loop), loop)
                if text is not None:
                    self.found.append(Problem("ambiguous", "inside a loop, a repeat can go on or stop on the same text", text))
            if possessive:  # nothing after it makes it try again
                after, taken, loop = frozenset(), frozenset(), None
            elif node.loops and loop is None:
                loop = body.inside
            self.walk(body, *_next_round(node, after, taken), loop)
        elif kind in ("atomic", "look"):
            self.walk(node.body, frozenset(), frozenset(), None)

    def gives_back(self, repeat: Node, taken: frozenset) -> str | None:
        """Text one round of `repeat` can read that a repeat starting at `taken` can read too."""
        body = repeat.body
        inside = body.inside
        follow = self.tree.follow
        frontier = [(p, q, "") for p in body.first for q in taken if self.shared(p, q)]
        seen = {(p, q) for p, q, _ in frontier}
        while frontier:
            p, q, text = frontier.pop()
            text += _show(self.shared(p, q))
            if p in body.last:
                return text
            for p2 in follow[p]:
                if p2 not in inside:
                    continue
                for q2 in follow[q]:
                    if (p2, q2) not in seen and self.shared(p2, q2):
                        seen.add((p2, q2))
                        frontier.append((p2, q2, text))
        return None

    def converge(self, one: frozenset, other: frozenset, loop: range) -> str | None:
        """Text that two paths, one from `one` and one from `other`, can both read inside `loop` and
        end at the same position: two ways through one loop round."""
        follow = self.tree.follow
        frontier = [(p, q, "") for p in one for q in other if self.shared(p, q)]
        seen = {(p, q) for p, q, _ in frontier}
        while frontier:
            p, q, text = frontier.pop()
            text += _show(self.shared(p, q))
            if p == q:
                return text
            for p2 in follow[p]:
                for q2 in follow[q]:
                    if p2 in loop and q2 in loop and (p2, q2) not in seen and self.shared(p2, q2):
                        seen.add((p2, q2))
                        frontier.append((p2, q2, text))
        return None


def _followed(seq: Node, after: frozenset, taken: frozenset) -> list[tuple[Node, frozenset, frozenset]]:
    """Each item of a sequence with the positions that may come right after it, and those of them an
    unbounded repeat takes, given the same for the whole sequence."""
    follows = []
    for item in reversed(seq.items):
        follows.append((after, taken))
        if item.nullable:
            after, taken = item.first | after, item.unbounded_first | taken
        else:
            after, taken = item.first, item.unbounded_first
    return [(item, a, t) for item, (a, t) in zip(seq.items, reversed(follows))]


def _next_round(repeat: Node, after: frozenset, taken: frozenset) -> tuple[frozenset, frozenset]:
    """What may follow the end of a repeat's body: what follows the repeat, and its next round."""
    if repeat.high <= 1:
        return after, taken
    body = repeat.body
    return after | body.first, taken | (body.first if repeat.loops else body.unbounded_first)


def _show(chars: tuple) -> str:
    code = pick(chars)
    return "" if code is None else chr(code)


# -- adversarial strings ----------------------------------------------------------------------------


def attack_strings(pattern, flags: int = 0, length: int = 5000, most: int = 10) -> list:
    """At most `most` strings of about `length` characters built from `pattern`'s tree to make it
    backtrack: for each repeat, a long run of what it reads (led by text that reaches it, ended by a
    character that fails what follows), its characters alternating with those of what follows it;
    each literal with its last character changed, repeated; a sample match with its last character
    changed, repeated.  The kinds take turns, so a cut keeps some of each."""
    tree = parse(pattern, flags)
    bad = _bad_character(tree)
    led, alternating, bare = [], [], []
    for repeat, before, after, taken in _repeats(tree):
        reads = tree.first_chars(repeat.body.first)
        later, later_taken = tree.first_chars(after), tree.first_chars(taken)
        run_char = pick(intersection(reads, later_taken)) or pick(intersection(reads, later)) or pick(reads)
        if run_char is None:
            continue
        pump = _sample(repeat.body, prefer=run_char) or chr(run_char)
        count = max(1, length // len(pump))
        led.append(before + pump * count + bad)
        bare.append(pump * count + bad)
        avoid = ((run_char, run_char),)
        other = pick(later_taken, avoid=avoid) or pick(later, avoid=avoid)
        if other is not None:
            alternating.append(before + (chr(run_char) + chr(other)) * (length // 2) + bad)
    misses = []
    for literal in sorted(_literals(tree.root), key=lambda lit: (-len(lit), lit)):
        last = ord(literal[-1])
        miss = literal[:-1] + chr(pick(((0, tree.top),), avoid=((last, last),)))
        misses.append((miss + " ") * max(1, length // (len(miss) + 1)))
        misses.append(miss * max(1, length // len(miss)))
    whole = _sample(tree.root)
    changed = [(whole[:-1] + bad) * max(1, length // len(whole))] if whole else []
    made: list[str] = []
    for group in _take_turns(led, alternating, misses, changed, bare, [bad * length]):
        if group not in made:
            made.append(group)
    made = made[:most]
    if isinstance(pattern, bytes):
        return [text.encode("latin-1", "replace") for text in made]
    return made


def _take_turns(*kinds: list):
    """The first of each kind, then the second of each, and so on."""
    for i in range(max(map(len, kinds))):
        for kind in kinds:
            if i < len(kind):
                yield kind[i]


def _bad_character(tree: Tree) -> str:
    """A character few parts of the pattern read: where a match attempt fails."""
    code = pick(((0, tree.top),), avoid=union(*tree.chars))
    return chr(0 if code is None else code)


def _nodes(node: Node):
    yield node
    for child in node.items:
        yield from _nodes(child)
    if node.body is not None and node.kind != "ref":
        yield from _nodes(node.body)


def _repeats(tree: Tree):
    """(repeat, text that leads the pattern to it, the positions after it, those an unbounded repeat
    takes) for every repeat of more than one round."""
    out = []

    def walk(node, before, after, taken):
        kind = node.kind
        if kind == "seq":
            text = before
            for item, item_after, item_taken in _followed(node, after, taken):
                walk(item, text, item_after, item_taken)
                text += _sample(item)
        elif kind == "alt":
            for option in node.items:
                walk(option, before, after, taken)
        elif kind == "repeat":
            if node.high > 1:
                out.append((node, before, after, taken))
            walk(node.body, before, *_next_round(node, after, taken))
        elif kind == "atomic":
            walk(node.body, before, after, taken)
        elif kind == "look":
            walk(node.body, before, frozenset(), frozenset())

    walk(tree.root, "", frozenset(), frozenset())
    return out


def _sample(node: Node, prefer: int | None = None) -> str:
    """A short string `node` reads, using `prefer` where it can (a best effort: look-arounds and
    anchors are not honoured)."""
    if prefer is None and node.sample is not None:
        return node.sample
    kind = node.kind
    if kind == "chars":
        code = prefer if prefer is not None and contains(node.chars, prefer) else pick(node.chars)
        text = "" if code is None else chr(code)
    elif kind == "seq":
        text = "".join(_sample(item, prefer) for item in node.items)
    elif kind == "alt":
        chosen = next((o for o in node.items if prefer is not None and contains(_reads(o), prefer)), None)
        chosen = chosen or (node.items[0] if node.items else None)
        text = _sample(chosen, prefer) if chosen is not None else ""
    elif kind == "repeat":
        text = _sample(node.body, prefer) * max(node.low, 1 if node.high else 0)
    elif kind in ("atomic", "ref"):
        text = _sample(node.body, prefer)
    else:
        text = ""
    if prefer is None:
        node.sample = text
    return text


def _reads(node: Node) -> tuple:
    if node.reads is None:
        node.reads = union(*(n.chars for n in _nodes(node) if n.kind == "chars"))
    return node.reads


def _literals(root: Node) -> set[str]:
    """The runs of two or more literal characters in the pattern."""
    found: set[str] = set()
    for node in _nodes(root):
        if node.kind != "seq":
            continue
        run = ""
        for item in node.items + [Node("empty")]:
            if item.kind == "chars" and item.text:
                run += item.text
            else:
                if len(run) >= 2:
                    found.add(run)
                run = ""
    return found


# -- the hang bound -----------------------------------------------------------------------------------


class _Hang(Exception):
    pass


def timed(compiled, texts, limit: float) -> tuple[float | None, int]:
    """(seconds `search` and `finditer` take over `texts`, or None when they pass `limit`; the index of
    the text being matched when stopped).  A runaway match is stopped by SIGALRM: `_sre` checks for
    signals while it matches, so the handler's exception ends it (main thread only)."""
    def alarm(signum, frame):
        raise _Hang

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, limit)
    index = 0
    start = time.perf_counter()
    try:
        for index, text in enumerate(texts):
            compiled.search(text)
            for _ in compiled.finditer(text):
                pass
        return time.perf_counter() - start, index
    except _Hang:
        return None, index
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@dataclass(frozen=True)
class Verdict:
    seconds: float | None  # on the attack strings; None when stopped at the bound
    bound: float
    benign: float  # on prose of the same lengths
    stopped_on: str  # the start of the attack string that was running when stopped ("" when not)

    @property
    def hangs(self) -> bool:
        return self.seconds is None


def hang_check(pattern, flags: int, prose: str, length: int, most: int, floor: float, factor: float = 20) -> Verdict:
    """Run `pattern`'s attack strings under a bound of `factor` times what the same calls take on prose
    of the same lengths, and never less than `floor` seconds.  A pattern that needs more than
    `factor * floor` seconds on the prose itself hangs too."""
    import re

    compiled = re.compile(pattern, flags)
    attacks = attack_strings(pattern, flags, length, most)
    benign = [(prose * (len(a) // len(prose) + 1))[: len(a)] for a in attacks]
    if isinstance(pattern, bytes):
        benign = [text.encode("latin-1", "replace") for text in benign]
    benign_seconds, index = timed(compiled, benign, factor * floor)
    if benign_seconds is None:  # it hangs on prose already
        return Verdict(None, factor * floor, factor * floor, "prose " + repr(benign[index][:40]))
    bound = max(floor, factor * benign_seconds)
    seconds, index = timed(compiled, attacks, bound)
    stopped_on = "" if seconds is not None else repr(attacks[index][:40])
    return Verdict(seconds, bound, benign_seconds, stopped_on)
