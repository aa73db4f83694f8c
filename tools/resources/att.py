"""Expand a compiled lttoolbox transducer (.bin, via `lt-print`) into its (input, output) string pairs.

Shared by the build_*.py scripts in this folder. `lt-expand` only reads .dix XML sources, which
Debian does not ship, and `lt-paradigm` cannot enumerate a bilingual transducer with a bare `*`
lemma, so this walks the printed ATT listing itself. Every section of the file (main dictionary,
then regular-expression sections such as numbers) is walked from its state 0, except smaller
sections with a cycle: those are regular expressions (URLs, roman numerals), not lexicon, and
unbounded. In the main (largest) section a path that would revisit a state is cut and no path
through a digit is followed (its number entries loop over digits).
"""
from __future__ import annotations

import subprocess
import sys
from collections import defaultdict
from collections.abc import Iterator

EPS = "\u03b5"


def _sections(path: str) -> Iterator[tuple[dict[int, list[tuple[int, str, str]]], set[int]]]:
    text = subprocess.run(["lt-print", path], check=True, capture_output=True, text=True).stdout
    arcs: dict[int, list[tuple[int, str, str]]] = defaultdict(list)
    finals: set[int] = set()
    for line in text.split("\n"):
        if line == "--":
            yield arcs, finals
            arcs, finals = defaultdict(list), set()
            continue
        if not line:
            continue
        parts = line.split("\t")
        if len(parts) <= 3:  # "state<TAB>weight": a final state
            finals.add(int(parts[0]))
            continue
        src, dst, isym, osym = int(parts[0]), int(parts[1]), parts[2], parts[3]
        arcs[src].append((dst, "" if isym == EPS else isym, "" if osym == EPS else osym))
    if arcs or finals:
        yield arcs, finals


def _has_cycle(arcs: dict[int, list[tuple[int, str, str]]]) -> bool:
    colour: dict[int, int] = {}  # 1 = on the DFS stack, 2 = done
    for root in list(arcs):
        if root in colour:
            continue
        stack = [(root, iter(arcs.get(root, ())))]
        colour[root] = 1
        while stack:
            state, it = stack[-1]
            for dst, _a, _b in it:
                c = colour.get(dst)
                if c == 1:
                    return True
                if c is None:
                    colour[dst] = 1
                    stack.append((dst, iter(arcs.get(dst, ()))))
                    break
            else:
                colour[state] = 2
                stack.pop()
    return False


def expand(path: str) -> Iterator[tuple[int, str, str]]:
    """Yield (section number, input side, output side) for every accepted path of the transducer."""
    sys.setrecursionlimit(100_000)
    sections = list(_sections(path))
    main = max(range(len(sections)), key=lambda k: sum(map(len, sections[k][0].values())))
    for n, (arcs, finals) in enumerate(sections):
        if n != main and _has_cycle(arcs):
            continue  # a regular-expression section (URLs, roman numerals): not lexicon, and unbounded
        # iterative DFS with an on-path set, so cycles are cut rather than followed forever
        on_path = {0}
        path_states = [0]
        ins, outs = [""], [""]
        idx = [0]
        if 0 in finals:
            yield n, "", ""
        while path_states:
            s = path_states[-1]
            i = idx[-1]
            out_arcs = arcs.get(s, ())
            if i >= len(out_arcs):
                path_states.pop()
                idx.pop()
                ins.pop()
                outs.pop()
                on_path.discard(s)
                continue
            idx[-1] = i + 1
            dst, a, b = out_arcs[i]
            if dst in on_path or a.isdigit() or b.isdigit():
                continue  # cycles and number regexes (paths through digits) are not lexicon
            new_in, new_out = ins[-1] + a, outs[-1] + b
            if dst in finals:
                yield n, new_in, new_out
            path_states.append(dst)
            idx.append(0)
            ins.append(new_in)
            outs.append(new_out)
            on_path.add(dst)


if __name__ == "__main__":
    for sec, a, b in expand(sys.argv[1]):
        print(f"{sec}\t{a}\t{b}")
