"""The report of a run: per-file findings, segments and scores, as every formatter receives it."""
from __future__ import annotations

from dataclasses import dataclass, field

from tqcheck.finding import Finding, Severity
from tqcheck.text.document import LineIndex
from tqcheck.text.segment import prose


@dataclass(slots=True)
class SegmentReport:
    """A sentence of the checked file with its suspicion and, when an engine ran, its round trip."""

    index: int
    start: int  # raw offsets, end exclusive
    end: int
    # The prose view the detectors read (entities decoded, non-prose blanked), shared by every
    # segment of the file, and this segment's stretch of it: `text` is made when it is read,
    # so a large file does not hold a second copy of its prose.
    view: str = field(repr=False)
    view_start: int
    view_end: int
    score: float = 0.0
    backtranslation: str | None = None
    round_trip: str | None = None
    chrf: float | None = None
    source: dict | None = None  # {"start", "end", "text"} of the aligned source sentence
    drift: tuple[str, ...] | list[str] = ()  # words of the segment lost in the round trip

    @property
    def text(self) -> str:
        """The segment as the detectors' segment gives it (tqcheck.text.segment.prose)."""
        return prose(self.view, self.view_start, self.view_end)

    @classmethod
    def of_text(cls, index: int, start: int, end: int, text: str, **fields) -> "SegmentReport":
        return cls(index, start, end, text, 0, len(text), **fields)


@dataclass
class FileReport:
    """One file's findings and what the formatters need to show them."""

    path: str  # as given on the command line
    format: str  # markdown | html | text
    text: str  # decoded text, for formatters that show source lines
    target_lang: str | None
    source_lang: str | None
    engine: dict | None = None  # {"name", "version"}
    score: float = 0.0
    findings: list[Finding] = field(default_factory=list)
    segments: list[SegmentReport] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # one-line remarks, e.g. why round-trip checks were skipped
    # The line index the check built over `text` to place the findings, for formatters that show source lines
    # (None when nothing was placed): a 5,000-unit file's index is 5 ms to build again.
    lines: LineIndex | None = field(default=None, repr=False, compare=False)

    def line_index(self) -> LineIndex:
        """The line index of `text`: the check's, else built once here."""
        if self.lines is None:
            self.lines = LineIndex(self.text)
        return self.lines


# Reasons for skipping a file that mean the run failed (exit code 2), rather than that the file
# was not one to check (a binary file, a folder with nothing to read).
FAILED_SKIPS = frozenset({"timeout"})


@dataclass
class Report:
    """Everything a run reports: each file's findings, the files skipped, the signatures."""

    version: str
    files: list[FileReport] = field(default_factory=list)
    skipped: list[dict] = field(default_factory=list)  # {"path", "reason"}
    signatures: dict = field(default_factory=lambda: {"chrf": None})
    rules: dict = field(default_factory=dict)  # code -> detector class, for formatters that describe rules
    quiet: bool = False  # --quiet: formats for people print the findings only
    statistics: bool = False  # --statistics: the text format adds the counts by code
    fixed: int = 0  # --fix: findings fixed in the files (and so no longer in the report)

    @staticmethod
    def skip_failed(skipped: dict) -> bool:
        """Whether this skipped entry is a failure of the run (a file over its time budget, or one that could
        not be read or decoded, unless the user chose to skip those)."""
        return skipped.get("error", skipped["reason"] in FAILED_SKIPS)

    def all_findings(self):
        for f in self.files:
            yield from f.findings

    def failed(self) -> list[dict]:
        """The skipped entries that fail the run."""
        return [s for s in self.skipped if self.skip_failed(s)]

    def by_code(self) -> dict[str, int]:
        """How many findings each code has, most first (ties by code)."""
        counts: dict[str, int] = {}
        for finding in self.all_findings():
            counts[finding.code] = counts.get(finding.code, 0) + 1
        return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))

    def by_severity(self) -> dict[str, int]:
        counts = {s.label: 0 for s in sorted(Severity, reverse=True)}
        for finding in self.all_findings():
            counts[finding.severity.label] += 1
        return counts


def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n} {word if n == 1 else (plural or word + 's')}"


def summary_line(report: Report) -> str:
    """The one-sentence count every format that has a summary ends with."""
    counts = report.by_severity()
    total = sum(counts.values())
    files = _plural(len(report.files), "file")
    if total:
        line = (
            f"Found {_plural(total, 'problem')} ({_plural(counts['error'], 'error')}, "
            f"{_plural(counts['warning'], 'warning')}, {counts['info']} info) in {files}"
        )
    else:
        line = f"No problems found in {files}"
    if report.skipped:
        line += f"; skipped {_plural(len(report.skipped), 'file')}"
        failed = len(report.failed())
        if failed:
            line += f", {failed} of them an error"
    line += "."
    if report.fixed:
        line += f" Fixed {_plural(report.fixed, 'problem')}."
    return line
