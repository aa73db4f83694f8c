"""The one record of a problem found in a file, shared by every detector and formatter."""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum


class Severity(IntEnum):
    """Ordered so that `>=` compares how serious a finding is."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, value: str) -> "Severity":
        return cls[value.strip().upper()]


SEVERITY_CHOICES = ("error", "warning", "info")


@dataclass
class Finding:
    """A problem at exact character offsets of a file's decoded text.

    Detectors create findings with offsets into the document's *view*
    (the text detectors read); the runner maps them to raw offsets and
    fills the position fields before any formatter sees them.
    """

    code: str
    name: str
    severity: Severity
    message: str
    start: int
    end: int
    suggestion: str | None = None
    source_lang: str | None = None
    # Filled by the runner from the raw text.
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0
    excerpt: str = ""
    segment: int | None = None
    unit: str | None = None  # in a bilingual file: the unit's id (PO: msgctxt \x04 msgid), for a CAT tool to find
    extra: dict = field(default_factory=dict)

    def sort_key(self):
        return (self.start, self.end, self.code)
