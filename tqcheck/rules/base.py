"""The detector contract: a small class that declares itself and yields findings."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, ClassVar, Iterable, Iterator

from tqcheck.finding import Finding, Severity
from tqcheck.speed import warmstart
from tqcheck.speed.candidates import finditer_at

if TYPE_CHECKING:
    from tqcheck.text.document import Document
    from tqcheck.text.segment import Segment

DOC_SECTIONS = ("What it does", "Why it matters", "Example", "Use instead")


@dataclass
class Context:
    """Everything a detector may read about one file."""

    doc: "Document"
    segments: list["Segment"]
    target_lang: str  # BCP 47, e.g. "en" or "en-US"
    source_langs: tuple[str, ...]  # source languages to assume: the known one, or every registered one
    source_known: bool = False
    engine: object | None = None
    source_doc: "Document | None" = None
    source_segments: list["Segment"] = field(default_factory=list)
    alignment: object | None = None
    cache: dict = field(default_factory=dict)  # shared scratch space between detectors of one file
    glossary: object | None = None  # the configured glossary (reading.glossary.Glossary), or None

    @property
    def target_base(self) -> str:
        return self.target_lang.split("-")[0].lower()

    @property
    def text(self) -> str:
        return self.doc.view

    def segment_starts(self) -> list[int]:
        """Each segment's view start, in order: built once per file, for bisection."""
        starts = self.cache.get("segment_starts")
        if starts is None:
            starts = self.cache["segment_starts"] = [seg.start for seg in self.segments]
        return starts

    def segment_at(self, pos: int) -> "Segment | None":
        """The segment holding view offset `pos`, or None when `pos` falls between segments."""
        starts = self.segment_starts()
        i = bisect.bisect_right(starts, pos) - 1
        if i >= 0 and pos < self.segments[i].end:
            return self.segments[i]
        return None


def segment_matches(ctx: Context, pattern: re.Pattern, holding: str = "", starts: re.Pattern | None = None,
                    gate: re.Pattern | None = None):
    """Every match of `pattern` inside one sentence: none runs across a sentence boundary.

    When every match holds one of some literals (`pattern_literals`) and the one pass over the file
    looked for them (the detector declared them), only the sentences holding one are searched; when
    the caller knows every match holds one of the characters `holding`, only the sentences with one;
    when it knows every match holds a match of `gate` (plain text and classes: no anchor or look-around),
    only the sentences where `gate` finds one. With `starts`, a pattern every match begins where it
    matches (`speed.candidates.finditer_at`), `pattern` is tried only there."""
    view = ctx.doc.view
    if starts is None:
        finditer = pattern.finditer
    else:
        def finditer(text, pos, endpos):
            return finditer_at(pattern, starts, text, pos, endpos)
    if holding or gate is not None:
        for seg in segments_holding(ctx, holding) if holding else segments_with(ctx, gate):
            yield from finditer(view, seg.start, seg.end)
        return
    literals = pattern_literals(pattern)
    if literals:
        hits = anchor_hits(ctx)
        if ctx.cache["anchor_literals"].issuperset(literals):
            for i, seg in enumerate(ctx.segments):
                held = hits.get(i)
                if held is not None and not held.isdisjoint(literals):
                    yield from finditer(view, seg.start, seg.end)
            return
    for seg in ctx.segments:
        yield from finditer(view, seg.start, seg.end)


def segments_holding(ctx: Context, chars: str, source: bool = False) -> list["Segment"]:
    """The sentences that hold one of the characters `chars` (with `source`, the source's sentences); most
    sentences hold no quotation mark."""
    return segments_with(ctx, warmstart.regex(f"[{re.escape(chars)}]"), source)


def segments_with(ctx: Context, gate: re.Pattern, source: bool = False) -> list["Segment"]:
    """The sentences in which `gate` finds a match starting (with `source`, the source's sentences), found by
    one search of the view that jumps from each sentence found to the end of it, once per file."""
    key = ("gate", source, gate.pattern, gate.flags)
    found = ctx.cache.get(key)
    if found is None:
        if source:
            view, segments = ctx.source_doc.view, ctx.source_segments
            starts = [seg.start for seg in segments]
        else:
            view, segments, starts = ctx.doc.view, ctx.segments, ctx.segment_starts()
        found = ctx.cache[key] = [segments[i] for i in segment_indices_found(view, segments, starts, gate.search)]
    return found


def segment_indices_found(view: str, segments, starts: list[int], search) -> Iterator[int]:
    """The index of each segment in which `search` (a compiled pattern's) finds a match starting, in order and
    each once: one search of the view that jumps from each segment found to its end."""
    m = search(view)
    while m is not None:
        at = m.start()
        i = bisect.bisect_right(starts, at) - 1
        if i >= 0 and at < segments[i].end:
            yield i
            m = search(view, segments[i].end)
        else:  # between segments
            m = search(view, at + 1)


@lru_cache(maxsize=None)
def pattern_literals(pattern: re.Pattern) -> frozenset[str]:
    """Lower-case literals one of which every match of `pattern` holds (`speed.prefilter`), or none when
    it promises none or one of them is an English function word (nearly every sentence holds one)."""
    from tqcheck.speed import prefilter
    from tqcheck.text import language

    common = language.function_words().get("en", frozenset())
    found = warmstart.data(f"literals:{pattern.flags}:{pattern.pattern}",
                           lambda: prefilter.required_literals(pattern.pattern, pattern.flags, common))
    if not found or not common.isdisjoint(found):
        return frozenset()
    return frozenset(found)


def tagged(ctx: Context):
    """(segment, tagged tokens) for every sentence of the file: tagged once per file and shared by every
    detector that reads parts of speech (word order, syntax, grammar), which tagged each sentence twice."""
    found = ctx.cache.get("tagged")
    if found is None:
        from tqcheck.text import tagging

        tokens = tagging.document_tokens(ctx.cache, ctx.doc.view, ctx.segments)
        found = ctx.cache["tagged"] = list(zip(ctx.segments, tokens))
    return found


_ANCHORED: list[type["Detector"]] = []  # the detectors that declare literals, as their modules define them


def anchor_hits(ctx: Context) -> dict[int, frozenset[str]]:
    """Segment index → the literals of the file's data-driven detectors that sentence holds, from one
    pass over the file for all of them (`tqcheck.speed.scanner`); a detector intersects it with its own.

    The detectors are the run's (`ctx.cache["detectors"]`, set by the pipeline), else every one that
    declares literals and applies to the file's language."""
    hits = ctx.cache.get("anchor_hits")
    if hits is None:
        from tqcheck.speed import scanner

        chosen = ctx.cache.get("detectors")
        if chosen is None:
            chosen = [d for d in (cls() for cls in _ANCHORED) if d.applies_to(ctx.target_base)]
        sets = tuple(literals for d in chosen if (literals := d.literals(ctx)))
        scan = scanner.for_sets(sets)
        ctx.cache["anchor_literals"] = scan.literal_set
        hits = ctx.cache["anchor_hits"] = scan.scan(ctx.doc.view, ((seg.start, seg.end) for seg in ctx.segments))
    return hits


class Covered:
    """The offsets a list of (start, end) spans covers, merged once so that asking costs a bisection, not a
    scan of every span: a detector that asks for each word or match of a file would be quadratic."""

    def __init__(self, spans):
        self.starts: list[int] = []
        self.ends: list[int] = []
        for a, b in sorted(spans):
            if a >= b:
                continue  # an empty span covers nothing
            if self.ends and a <= self.ends[-1]:
                self.ends[-1] = max(self.ends[-1], b)
            else:
                self.starts.append(a)
                self.ends.append(b)

    def __contains__(self, pos: int) -> bool:
        i = bisect.bisect_right(self.starts, pos) - 1
        return i >= 0 and pos < self.ends[i]


class Detector:
    """Base class. Subclasses set the class attributes and implement `check`.

    The subclass docstring holds four sections, each introduced by a line
    `What it does:`, `Why it matters:`, `Example:`, `Use instead:`; they are
    what `tqcheck explain` prints and what SARIF reports carry.
    """

    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity] = Severity.WARNING
    family: ClassVar[str] = ""
    targets: ClassVar[tuple[str, ...]] = ("*",)  # target languages (base tags), "*" for all
    sources: ClassVar[tuple[str, ...]] = ("*",)  # source languages it knows, "*" when it needs none
    needs: ClassVar[frozenset[str]] = frozenset()  # subset of {"engine", "source"}
    # Findings that carry extra["fix"] (the text for their span) and extra["fix_of"] (the view text it
    # replaces) can be applied by `--fix`: "safe" when the fix is certain, "unsafe" (only with --unsafe-fixes).
    fix_safety: ClassVar[str | None] = None
    # Codes whose findings this detector's findings replace on the same characters: it says the
    # same thing with more knowledge (a source-aware detector over its target-only guess).
    supersedes: ClassVar[tuple[str, ...]] = ()

    def check(self, ctx: Context) -> Iterable[Finding]:
        raise NotImplementedError

    def literals(self, ctx: Context) -> tuple[str, ...]:
        """Lower-case literals one of which every finding's sentence holds, for the one pass over the file
        (`anchor_hits`); () for a detector that reads every sentence."""
        return ()

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if "code" in vars(cls) and cls.literals is not Detector.literals:
            _ANCHORED.append(cls)

    def applies_to(self, target_base: str) -> bool:
        return "*" in self.targets or target_base in self.targets

    def finding(
        self,
        start: int,
        end: int,
        message: str,
        suggestion: str | None = None,
        source_lang: str | None = None,
        severity: Severity | None = None,
        **extra,
    ) -> Finding:
        return Finding(
            code=self.code,
            name=self.name,
            severity=severity or self.severity,
            message=message,
            start=start,
            end=end,
            suggestion=suggestion,
            source_lang=source_lang,
            extra=extra,
        )

    @classmethod
    def docs(cls) -> dict[str, str]:
        import inspect  # only `rules`, `explain` and the docs read docstrings: not a check's start

        return parse_docs(inspect.getdoc(cls) or "")

    @classmethod
    def summary(cls) -> str:
        """The first sentence of "What it does", on one line."""
        paragraph = " ".join(cls.docs().get("What it does", "").split("\n\n")[0].split())
        m = _FIRST_SENTENCE.match(paragraph)
        return m.group(1) if m else paragraph


_FIRST_SENTENCE = warmstart.regex(r"(.+?[.])(\s|$)")
_SECTION = warmstart.regex(r"^(%s):\s*$" % "|".join(re.escape(s) for s in DOC_SECTIONS), re.M)


def parse_docs(doc: str) -> dict[str, str]:
    """Split a detector docstring into its four sections (missing ones are absent)."""
    import inspect

    parts = _SECTION.split(doc)
    sections = {}
    for i in range(1, len(parts) - 1, 2):
        sections[parts[i]] = inspect.cleandoc(parts[i + 1]).strip()
    return sections


def median_of(values):
    """The median of `values`, as statistics.median computes it (its module and the ones it imports
    cost a run more than the sort does)."""
    data = sorted(values)
    n = len(data)
    if n == 0:
        raise ValueError("no median of no values")
    if n % 2 == 1:
        return data[n // 2]
    return (data[n // 2 - 1] + data[n // 2]) / 2
