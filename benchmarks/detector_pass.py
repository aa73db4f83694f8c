"""The detectors' own throughput on one large prose file against a single regex pass over it (row 10).

`python benchmarks/detector_pass.py FILE ROUNDS WARMUPS` prints JSON: the file's size, and for each
round the seconds of the detectors (every target-only detector of an English file whose source is
unknown, as a default `--engine none` run has them, over the file already read and segmented) and
the seconds of the floor, one `re.finditer` of an alternation of every literal the detectors' one
pass looks for, case-insensitive, over the same text; and, for reference, of that one pass itself
(`tqcheck.speed.scanner`, an Aho-Corasick automaton over the same literals, sentence by sentence).
They run in turn in one process, so each round's figures see the same load; reading, segmenting,
scoring and output are outside the timers.
"""
from __future__ import annotations

import json
import re
import sys
import time
from pathlib import Path


def main(argv: list[str]) -> int:
    path, rounds, warmups = Path(argv[0]), int(argv[1]), int(argv[2])
    from tqcheck.checking import check
    from tqcheck.data import langdata
    from tqcheck.reading import parse_text
    from tqcheck.rules import select
    from tqcheck.rules.base import Context
    from tqcheck.text.segment import segment

    text = path.read_text(encoding="utf-8")
    doc = parse_text(str(path), text, "text")
    segments = segment(doc, "en")
    settings = check.Settings(target_lang="en", engine="none")
    sources = tuple(langdata.sources_for("en"))
    detectors = [d() for d in select(None, None)]
    detectors = [d for d in detectors if d.applies_to("en") and not d.needs]

    def detectors_pass() -> tuple[float, int, frozenset[str]]:
        ctx = Context(doc, segments, "en", sources, source_known=False)
        ctx.cache["detectors"] = detectors
        start = time.perf_counter()
        found = check._run(ctx, detectors, settings)
        return time.perf_counter() - start, len(found), ctx.cache.get("anchor_literals", frozenset())

    _, findings, literals = detectors_pass()
    # Longest first, so that the alternation reports the longest literal at a place, as the automaton can.
    floor = re.compile("|".join(re.escape(lit) for lit in sorted(literals, key=lambda s: (-len(s), s))), re.I)

    def floor_pass() -> tuple[float, int]:
        start = time.perf_counter()
        count = sum(1 for _ in floor.finditer(text))
        return time.perf_counter() - start, count

    from tqcheck.speed import scanner

    automaton = scanner.Scanner(tuple(sorted(literals)))
    spans = [(seg.start, seg.end) for seg in segments]

    def automaton_pass() -> float:
        start = time.perf_counter()
        automaton.scan(doc.view, spans)
        return time.perf_counter() - start

    samples = []
    for i in range(warmups + rounds):
        detected, _, _ = detectors_pass()
        scanned, hits = floor_pass()
        automaton_s = automaton_pass()
        if i >= warmups:
            samples.append({"detectors_s": detected, "floor_s": scanned, "scanner_s": automaton_s})
    print(json.dumps({"bytes": len(text.encode("utf-8")), "chars": len(text), "segments": len(segments),
                      "detectors": len(detectors), "literals": len(literals), "findings": findings,
                      "floor_matches": hits, "rounds": samples}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
