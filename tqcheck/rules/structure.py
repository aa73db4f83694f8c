"""Structure: headings left in lower case, words doubled across a join, sentences cut off mid-way."""
from __future__ import annotations

import re
from functools import lru_cache

from tqcheck.speed import warmstart
from tqcheck.finding import Severity
from tqcheck.rules.base import Detector
from tqcheck.rules.calques import english_words

_WORDS = warmstart.regex(r"\S+")
_TERMINAL = warmstart.regex(r"[.!?…:;,\"”’»)\]]$")
_PLAIN_WORD = warmstart.regex(r"[a-z][a-z’'-]*$")
_SENTENCE_START = warmstart.regex(r"[\"“‘«(\[¿¡—–-]*\s?[A-Z0-9À-ÖØ-Þ]")


def _block_text(ctx, block) -> str:
    return ctx.doc.view[block.start:block.end]


def _is_prose(text: str, min_words: int = 8) -> bool:
    """A paragraph of running text: several words, opening as a sentence does (its end may be cut off)."""
    text = text.lstrip()
    return len(_WORDS.findall(text)) >= min_words and bool(_SENTENCE_START.match(text))


class LowercaseHeading(Detector):
    """What it does:
    Flags a heading or subheading that starts with a lower-case letter: a short line of
    its own (2 to 8 words, no final punctuation) followed by a paragraph of running text.

    Why it matters:
    Machine translation handles a subheading as the middle of a sentence and loses its
    capital letter; a published article never has one.

    Example:
    talks stall again

    The two sides left the table on Monday without a date for new talks.

    Use instead:
    Talks stall again

    The two sides left the table on Monday without a date for new talks.
    """

    code = "T101"
    name = "lowercase-heading"
    severity = Severity.WARNING
    family = "structure"
    targets = ("en",)

    fix_safety = "unsafe"  # the first letter capitalised; each finding on a marked heading says "safe"
    MIN_WORDS, MAX_WORDS = 2, 8

    def check(self, ctx):
        blocks = ctx.doc.blocks
        skip = english_words("words.toml", "heading_skip_words")
        for i, block in enumerate(blocks):
            if block.kind not in ("paragraph", "heading"):
                continue  # list items and table cells are often lower-case fragments
            text = _block_text(ctx, block).strip()
            words = _WORDS.findall(text)
            if not (self.MIN_WORDS <= len(words) <= self.MAX_WORDS) or "\n" in text:
                continue
            first = words[0]
            if not _PLAIN_WORD.match(first) or first in skip or _TERMINAL.search(text):
                continue
            if any(ch in text for ch in "@/#|=<>") or "www" in text:
                continue  # a handle, a link or a widget, not a heading
            is_heading = block.kind == "heading"
            followed_by_prose = i + 1 < len(blocks) and _is_prose(_block_text(ctx, blocks[i + 1]))
            if not (is_heading or followed_by_prose):
                continue
            raw = _block_text(ctx, block)
            start, end = block.start + len(raw) - len(raw.lstrip()), block.start + len(raw.rstrip())
            yield self.finding(
                start,
                end,
                "this heading starts with a lower-case letter",
                suggestion=text[0].upper() + text[1:],
                fix=text[0].upper() + text[1:],
                fix_of=ctx.doc.view[start:end],
                # A marked heading (`#`, `<h2>`) is one for certain; a short line before a paragraph may
                # be the broken-off end of a sentence, whose capital would be wrong.
                fix_safety="safe" if is_heading else "unsafe",
            )


@lru_cache(maxsize=None)
def _doubled() -> re.Pattern:
    return warmstart.regex(r"\b(?P<first>[A-Za-z]+)\s+(?P<second>(?P=first))\b", re.I)


class RepeatedWord(Detector):
    """What it does:
    Flags a word written twice in a row (`the the`, `President President`), as when two
    translated segments are joined and both keep the word.

    Why it matters:
    A doubled word is a visible slip that no editor lets through. Doubles that English
    allows (`had had`, `that that`) are never flagged.

    Example:
    The decision of the the court surprised no one.

    Use instead:
    The decision of the court surprised no one.
    """

    code = "T102"
    name = "repeated-word"
    severity = Severity.WARNING
    family = "structure"

    def check(self, ctx):
        if ctx.target_base != "en":
            return
        doubled = english_words("words.toml", "doubled_words")
        titles = english_words("words.toml", "title_words")
        view = ctx.doc.view
        for block in ctx.doc.blocks:
            for m in _doubled().finditer(view, block.start, block.end):
                first, second = m.group("first"), m.group("second")
                word = second
                if not (second.islower() and first.lower() in doubled or first == second and first in titles):
                    continue
                yield self.finding(
                    m.start(),
                    m.end(),
                    f"“{word}” is written twice",
                    suggestion=word,
                )


_LAST_WORDS = warmstart.regex(r"(?:[^\W\d_][\w’'-]*+\W++){0,2}[^\W\d_][\w’'-]*+\W*+$")


class CutOffSentence(Detector):
    """What it does:
    Flags a paragraph that stops in the middle of a sentence: no final punctuation, and a
    last word such as `the`, `of`, `and` or `when` that cannot end a sentence.

    Why it matters:
    A translation or a scraper that lost the end of a segment leaves a sentence that
    says nothing; the reader is left with half a claim.

    Example:
    The minister said the new rules would apply to

    Use instead:
    The minister said the new rules would apply to all schools.
    """

    code = "T103"
    name = "cut-off-sentence"
    severity = Severity.WARNING
    family = "structure"
    targets = ("en",)

    MIN_WORDS = 6

    def check(self, ctx):
        function_words = english_words("words.toml", "function_words")
        by_block: dict[int, object] = {}
        for seg in ctx.segments:
            by_block[seg.block] = seg  # the last sentence of each block
        view = ctx.doc.view
        for index, seg in by_block.items():
            if seg.block_kind == "heading":
                continue
            text = view[seg.start:seg.end].rstrip()
            words = _WORDS.findall(text)
            if len(words) < self.MIN_WORDS or _TERMINAL.search(text):
                continue
            last = words[-1]
            if last not in function_words:
                continue  # lower-case function words only: "Part of The" may be a title
            # Where it stops is what is at fault: the last few words, not the whole sentence.
            tail = _LAST_WORDS.search(view, max(seg.start, seg.end - 60), seg.end)
            yield self.finding(
                tail.start() if tail else seg.start,
                seg.end,
                f"the sentence stops at “{last}”, in the middle of a clause",
                suggestion="restore the end of the sentence, or remove it",
            )
