"""Text decoded with the wrong character set: UTF-8 read as Windows-1252 (`â€™`, `Ã©`) or as GBK (`鈥`)."""
from __future__ import annotations

import re

from tqcheck.finding import Severity
from tqcheck.rules.base import Detector, segment_matches
from tqcheck.speed import warmstart

# The five bytes Windows-1252 leaves undefined: they come through as the C1 control characters of the same number.
_UNDEFINED_IN_CP1252 = "\x81\x8d\x8f\x90\x9d"
# What Windows-1252 shows for a UTF-8 continuation byte (0x80–0xBF).
_CONTINUATION = bytes(range(0x80, 0xC0)).decode("cp1252", errors="ignore") + _UNDEFINED_IN_CP1252
_CLASS = "[" + re.escape(_CONTINUATION) + "]"
# The sequences mis-decoding leaves, and nothing else: a two-byte letter or sign of Latin-1 (`Ã©` for `é`,
# `Â°` for `°`), `Å` before Œ, Š and their like, and three-byte punctuation (`â€™`, `â€œ`, `â€”`, `â‚¬`) whose
# last byte may be lost (`â€` for a `”` whose byte 0x9D Windows-1252 lacks). Other accented capitals before a
# closing mark (`“OLÉ”`, which is valid UTF-8 when read back) are how words are written, not mis-decoding.
_RUN = warmstart.regex(
    rf"(?:[ÂÃÅ]{_CLASS}|â€{_CLASS}?|â‚{_CLASS})+"
    # GBK turns the lead bytes 0xE2 0x80 of `’`, `“`, `”`, `—`, `…` into `鈥`, and their last byte, paired with
    # the byte after it, into one more character (`鈥淭` for `“T`)
    r"|鈥[^\s\x00-\x7f]?"
)
_GATE = "ÂÃÅâ鈥"  # a sentence without one of these holds no mis-decoded sequence


def _repaired(run: str) -> tuple[str | None, str]:
    """The text `run` was before mis-decoding, or None when its bytes are cut; and the set it was read as."""
    if run.startswith("鈥"):
        try:
            return run.encode("gb18030").decode("utf-8"), "GBK"
        except (UnicodeEncodeError, UnicodeDecodeError):
            return None, "GBK"
    try:
        raw = b"".join(ch.encode("latin-1") if ch in _UNDEFINED_IN_CP1252 else ch.encode("cp1252") for ch in run)
        return raw.decode("utf-8"), "Windows-1252"
    except (UnicodeEncodeError, UnicodeDecodeError):
        return None, "Windows-1252"


class MisDecodedText(Detector):
    """What it does:
    Flags characters that UTF-8 text turns into when a program reads it as another character set:
    `â€™` or `â€œ` for a curly apostrophe or quotation mark, `Ã©` for `é`, `Â°` for `°`
    (read as Windows-1252), `鈥` for a quotation mark or a dash (read as GBK), and suggests the
    character that was meant.

    Why it matters:
    A page copied from a feed or a scraper often arrives this way; the reader meets strings of
    symbols in the middle of words, and every quotation and accented name of the article is broken.
    It is the text's encoding that is at fault, not its words: the stray letters are neither a
    foreign word nor two words run together.

    Example:
    The president said it was â€œa great dayâ€ for the country.

    Use instead:
    The president said it was “a great day” for the country.
    """

    code = "L112"
    name = "mis-decoded-text"
    severity = Severity.WARNING
    family = "fluency"
    # The same characters otherwise read as a French word (`dayâ`) or as two words glued (`reuniÃ³n`).
    supersedes = ("U102", "L105")
    fix_safety = "safe"  # the bytes read back as UTF-8 are the characters written; a cut sequence has no fix

    def check(self, ctx):
        for m in segment_matches(ctx, _RUN, holding=_GATE):
            run = m.group()
            meant, charset = _repaired(run)
            what = f"“{meant}”" if meant else "a punctuation mark"
            yield self.finding(
                m.start(),
                m.end(),
                f"“{run}” is {what} mis-decoded: UTF-8 text read as {charset}",
                suggestion=meant or "retype the mark (a quotation mark, an apostrophe or a dash)",
                **({"fix": meant, "fix_of": run} if meant else {}),
            )
