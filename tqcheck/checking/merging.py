"""Counted findings thinned to one per span, and a recurring term reported at its first occurrences only.

Both steps demote to `info` rather than drop, so nothing is hidden from a reader who asks for everything;
they only decide what counts (warning, error) and so what an editor is asked to fix.

- One finding per span: when a counted finding lies inside another counted finding's words (a calque
  and a false friend on "the Public Ministry", a misplaced quote and a quote-style finding on the same
  mark), the words at fault are reported once. The containing finding is kept, so every word either
  finding pointed at is still pointed at, at the more serious of the two severities.
- A recurring term: a calque or false friend that a document repeats is one fix (an editor replaces it
  throughout). Its first REPEATS_REPORTED occurrences count; later ones with the same code on the same
  words become info. Families whose every occurrence is its own fault (quotes, boilerplate lines,
  pronouns, untranslated words) are not touched.

Source-aware findings (detectors that need a source or an engine) speak of whole segments and are left
as they are.
"""
from __future__ import annotations

from tqcheck.finding import Finding, Severity

# Families whose findings name a term of the language pair: the same words, the same fix.
TERM_FAMILIES = frozenset({"calques", "false-friends"})
# Annotators of the studied articles mark a repeated mistranslation at its first one or two
# occurrences, rarely later ones; two keeps every marked occurrence there while a term repeated
# through a whole article no longer floods the report.
REPEATS_REPORTED = 2


def thin(findings: list[Finding], detectors) -> list[Finding]:
    """The findings, with nested counted duplicates and late repeats of a term demoted to info."""
    # Source-aware and round-trip findings judge a whole segment against its source, each for its own
    # reason (a number lost, a clause omitted): they are not words at fault to be merged.
    whole_segment = {d.code for d in detectors if d.needs}
    _one_per_span([f for f in findings if f.code not in whole_segment])
    families = {d.code: d.family for d in detectors}
    _cap_repeats(findings, families)
    return findings


def _counted(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity >= Severity.WARNING]


def _one_per_span(findings: list[Finding]) -> None:
    # A container sorts before what it contains: earlier start first, then the longer span, then the
    # more serious finding when two share their words exactly.
    order = sorted(_counted(findings), key=lambda f: (f.start, -f.end, -f.severity, f.code))
    reach: Finding | None = None  # of the findings kept so far (all starting earlier), the one ending last
    for f in order:
        if reach is None or reach.end < f.end:
            reach = f
            continue
        reach.severity = max(reach.severity, f.severity)
        f.severity = Severity.INFO
        f.message += f" (the same words are reported as {reach.code})"


def _term(f: Finding) -> str:
    """The finding's words, case and a plural -s aside: `Vacancy Motions` is the term `vacancy motion`."""
    return " ".join(word.removesuffix("s") for word in f.excerpt.casefold().split())


def _cap_repeats(findings: list[Finding], families: dict[str, str]) -> None:
    seen: dict[tuple[str, str], int] = {}
    for f in sorted(_counted(findings), key=lambda f: f.start):
        if families.get(f.code) not in TERM_FAMILIES:
            continue
        key = (f.code, _term(f))
        seen[key] = seen.get(key, 0) + 1
        if seen[key] > REPEATS_REPORTED:
            f.severity = Severity.INFO
            f.message += f" (repeated: the first {REPEATS_REPORTED} occurrences of these words are reported above)"
