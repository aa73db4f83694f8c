"""Numbers, dates and times written in the source language's conventions inside a target-language text."""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from tqcheck.text import language
from tqcheck.data import langdata
from tqcheck.speed import warmstart
from tqcheck.finding import Severity
from tqcheck.rules.base import Detector, segment_indices_found
from tqcheck.rules.false_friends import document_names
from tqcheck.text.numbers import Conventions, conventions

_CURRENCY = warmstart.regex(r"(?:US\$|R\$|S/\.?|[$€£¥₹])\s?$")
_WORD_AFTER = warmstart.regex(r"[ \u00a0\u202f]?(%|[^\W\d_]+(?:[ \u00a0][^\W\d_]+)?)")
_WORD_BEFORE = warmstart.regex(r"([^\W\d_]++)\.?\s*(?:[#:]\s*)?$")
LANG_NAMES = {"en": "English", "es": "Spanish", "fr": "French", "pt": "Portuguese"}


def _pairs(ctx):
    """(source language, that pair's numbers.toml) for every source language assumed."""
    for src in ctx.source_langs:
        table = langdata.load(f"{src}-{ctx.target_base}", "numbers.toml")
        if table:
            yield src, table


_THREE_DIGITS = warmstart.regex(r"\d{3}")


def _in_segments(ctx, pattern: re.Pattern, anchor: str | None = None, needs: str | None = None):
    """(segment, match) for every match of `pattern` that lies within one segment.

    A pattern only runs where it can match: over the stretches of segments that hold a digit
    (found in one pass), or, when it names an `anchor` word it cannot match without, over the
    whole text if that word occurs in it. Python's regex engine is slow to scan a long text.
    `needs` is a regex every match holds a match of: a stretch without one is not searched (the
    stretches are searched apart, so skipping one changes nothing found in the others)."""
    starts = ctx.segment_starts()
    view = ctx.doc.view
    if anchor is None:
        spans = ctx.cache.get("numbers.spans")
        if spans is None:
            spans = ctx.cache["numbers.spans"] = _digit_spans(ctx, starts)
    else:
        key = f"numbers.holds.{anchor}"
        if key not in ctx.cache:
            ctx.cache[key] = _may_hold(view, anchor)
        spans = [(0, len(view))] if ctx.cache[key] else []
    if needs is not None:
        search = _compiled(needs).search
        spans = [(a, b) for a, b in spans if search(view, a, b)]
    for a, b in spans:
        for m in pattern.finditer(view, a, b):
            i = bisect.bisect_right(starts, m.start()) - 1
            if i >= 0 and m.end() <= ctx.segments[i].end:
                yield ctx.segments[i], m


_HOLD_CHUNK = 1 << 16
# The letters beyond ASCII that a case-insensitive pattern takes for ASCII ones (the re module's
# documentation), as the ASCII letter each stands for; str.lower() reads no other as an ASCII letter.
_ASCII_LOOKALIKES = {"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"}
_LOOKALIKE = warmstart.regex("[\u0130\u0131\u017f\u212a]")


def _may_hold(view: str, word: str) -> bool:
    """Whether `view` may hold `word` as a case-insensitive search finds it: for an ASCII word, in the view
    lower-cased a piece at a time (a search in C, with no lower-cased copy of a large text), each piece
    overlapping the one before by the word's length less one so that a word across two is found. Any
    other word may be anywhere (its pattern reads the whole text)."""
    if not word.isascii():
        return True
    word = word.lower()
    lookalikes = _LOOKALIKE.search(view) is not None
    for base in range(0, len(view), _HOLD_CHUNK):
        piece = view[max(0, base - len(word) + 1):base + _HOLD_CHUNK]
        if lookalikes:
            for char, letter in _ASCII_LOOKALIKES.items():
                piece = piece.replace(char, letter)
        if word in piece.lower():
            return True
    return False


# Where a run of digits begins: the engine tries the look-behind only at digits.
_DIGIT_RUN = warmstart.regex(r"\d(?<!\d\d)")


def _digit_spans(ctx, starts: list[int]) -> list[tuple[int, int]]:
    """View stretches covering the runs of consecutive segments where a run of digits begins (the
    segments a \\d+ pass over the view would meet)."""
    spans: list[tuple[int, int]] = []
    last = -1
    segments = ctx.segments
    for i in segment_indices_found(ctx.doc.view, segments, starts, _DIGIT_RUN.search):
        seg = segments[i]
        if spans and i == last + 1:
            spans[-1] = (spans[-1][0], seg.end)
        else:
            spans.append((seg.start, seg.end))
        last = i
    return spans


def _region_severity(ctx, conv: Conventions) -> Severity | None:
    """Spanish-speaking regions differ: Mexico writes 7.5 and 13,000 as English does."""
    if not conv.point_decimal_regions:
        return Severity.WARNING
    region = ctx.target_lang.split("-")[1].upper() if "-" in ctx.target_lang else None
    if region is None:
        return Severity.INFO
    return None if region in conv.point_decimal_regions else Severity.WARNING


# Placed after a number's first digit rather than before it, this look-behind lets the regex engine
# jump from digit to digit instead of testing every position: three times faster on long texts.
_NOT_AFTER_NUMBER_CHAR = r"(?<![\w.,'’/:-]\d)"


@lru_cache(maxsize=None)
def _grouped_number(m: str, d: str) -> re.Pattern:
    """A number grouped in thousands with the mark `m` (a regex), with an optional decimal part after `d`."""
    return warmstart.regex(
        rf"(?P<int>[1-9]{_NOT_AFTER_NUMBER_CHAR}\d{{0,2}})(?P<groups>(?:(?:{m})\d{{3}})+)(?P<frac>(?:{d})\d+)?(?![\w%]|[.,:/-]\d)"
    )


@lru_cache(maxsize=None)
def _decimal_number(m: str) -> re.Pattern:
    """A number with a decimal part after the mark `m` (a regex) that cannot be a thousands group."""
    return warmstart.regex(rf"(?P<int>\d{_NOT_AFTER_NUMBER_CHAR}\d{{0,2}})(?:{m})(?P<frac>\d{{1,2}}|\d{{4,}})(?![\w]|[.,:/-]\d)")


def _next_word(view: str, pos: int, end: int) -> str:
    m = _WORD_AFTER.match(view, pos, end)
    return m.group(1).lower() if m else ""


def _unit_after(view: str, pos: int, end: int, words: frozenset[str]) -> str | None:
    """The unit word from `words` right after `pos` (one or two words, or %), else None."""
    m = _WORD_AFTER.match(view, pos, end)
    if not m:
        return None
    phrase = m.group(1).lower().replace("\u00a0", " ")
    if phrase in words:
        return phrase
    first = phrase.split(" ")[0]
    return first if first in words else None


def _word_before(view: str, start: int, floor: int) -> str:
    m = _WORD_BEFORE.search(view, max(floor, start - 30), start)
    return m.group(1).lower() if m else ""


def _convert(m: re.Match, target: Conventions) -> str:
    """Rewrite a grouped number into the target's marks: "1.234,5" → "1,234.5"."""
    groups = _THREE_DIGITS.findall(m.group("groups"))
    frac = m.group("frac")
    return target.thousands.join([m.group("int"), *groups]) + (target.decimal + frac[1:] if frac else "")


class _SeparatorLoop:
    """Shared loop of N101 and N102 (a mixin, so the registry does not take it for a detector):
    every separator entry of the assumed pairs with the detector's role."""

    role = ""
    family = "numbers"
    fix_safety = "safe"  # the number rewritten in the target's marks, as the detector read it
    targets = ("en", "es")
    sources = ("es", "fr", "pt", "en")

    def check(self, ctx):
        target = conventions(ctx.target_base)
        if target is None:
            return
        severity = _region_severity(ctx, target)
        if severity is None:
            return
        seen: set[tuple[int, int]] = set()
        view = ctx.doc.view
        for src, table in _pairs(ctx):
            separators = table.get("separator", ())
            decimals = [e["pattern"] for e in separators if e.get("role") == "decimal"]
            source_decimal = decimals[0] if decimals else re.escape("," if target.decimal == "." else ".")
            for entry in separators:
                if entry.get("role") != self.role or _compiled(entry["pattern"]).fullmatch(getattr(target, self.role)):
                    continue  # the target writes that mark in that role too
                found = self.scan(ctx, view, entry["pattern"], source_decimal, target, LANG_NAMES.get(src, src))
                for start, end, message, fix in found:
                    if (start, end) not in seen:
                        seen.add((start, end))
                        yield self.finding(start, end, message, suggestion=fix, source_lang=src, severity=severity,
                                           fix=fix, fix_of=view[start:end])

    def scan(self, ctx, view, mark, source_decimal, target, source_name):
        """(start, end, message, suggestion) of each number written with the mark (a regex) in the role."""
        raise NotImplementedError


class SourceThousandsSeparator(_SeparatorLoop, Detector):
    """What it does:
    Flags a number grouped in thousands the source language's way: `13.000 people` with a dot
    (Spanish, Portuguese), `40 000` with a space (French) in English, and `13,000 personas` with
    an English comma in Spanish. It speaks only when the number is an amount: several groups,
    a round figure before a noun, or any figure before a word that counts people or things. A space in a text
    naming Southern African countries, towns or currencies is left alone (their English writes `$5 000`).
    Years, versions, addresses, phone numbers and precise decimals (`34.538 kilometers`) are left alone.

    Why it matters:
    In English `13.000` reads as thirteen with three decimals: a translation that kept the
    source separators changes the figure by a factor of a thousand.

    Example:
    An estimated 13.000 people have fled the region.

    Use instead:
    An estimated 13,000 people have fled the region.
    """

    code = "N101"
    name = "source-thousands-separator"
    severity = Severity.WARNING
    role = "thousands"

    def scan(self, ctx, view, mark, source_decimal, target, source_name):
        for seg, m in _in_segments(ctx, _grouped_number(mark, source_decimal)):
            if m.group("groups")[0].isspace() and document_names(ctx, target.space_grouping_document, True):
                continue  # "freed on $5 000 bail" in a Zimbabwean paper: Southern African English groups so
            groups = _THREE_DIGITS.findall(m.group("groups"))
            if not self._is_amount(view, seg, m, groups, m.group("groups")[0], target):
                continue
            fix = _convert(m, target)
            shown = m.group(0).replace("\u00a0", " ").replace("\u202f", " ")
            yield (
                m.start(),
                m.end(),
                f"“{shown}” groups thousands the {source_name} way; {LANG_NAMES[target.lang]} writes {fix}",
                fix,
            )

    @staticmethod
    def _is_amount(view, seg, m, groups, mark, target) -> bool:
        before = _word_before(view, m.start(), seg.start)
        if before in target.reference_words or before in target.month_words:
            return False
        parts = [m.group("int"), *groups]
        if len(parts) == 4 and all(int(p) <= 255 for p in parts) and any(g != "000" for g in groups):
            return False  # an IPv4 address
        first = _next_word(view, m.end(), seg.end).split(" ")[0]
        if first in target.count_words:
            return True  # people and things are not counted in fractions
        unit = _unit_after(view, m.end(), seg.end, target.unit_words)
        currency = bool(_CURRENCY.search(view, max(seg.start, m.start() - 4), m.start()))
        noun = bool(first) and first != "%" and first not in language.function_words().get(target.lang, ())
        amount = noun or currency or unit is not None
        if mark.isspace():
            # A plain space also separates two numbers ("on May 5 300 delegates"): round thousands only.
            return amount and (mark != " " or groups[-1] == "000")
        if m.group("frac"):
            return True  # both marks of the source language: "1.234,5"
        if len(groups) >= 2:
            return amount or groups[-1] == "000"  # phone numbers and codes are followed by neither
        if unit in target.precise_unit_words:
            return False  # "a rate of 2.500 %" may be a precise decimal
        return groups[-1].endswith("00") and amount


class SourceDecimalSeparator(_SeparatorLoop, Detector):
    """What it does:
    Flags a decimal written the source language's way before a unit or amount: `7,7 percent`
    or `3,5 million` with a decimal comma in English, `7.5 por ciento` with a decimal point in
    Spanish. Lists (`items 1,2 and 3`) and Indian grouping (`2,06,737`) are left alone.

    Why it matters:
    An English reader takes `7,7` for a list or a typo, and a Spanish reader in Spain takes
    `7.5` for seventy-five thousand; the figure is misread.

    Example:
    Inflation reached 7,7 percent in May.

    Use instead:
    Inflation reached 7.7 percent in May.
    """

    code = "N102"
    name = "source-decimal-separator"
    severity = Severity.WARNING
    role = "decimal"

    def scan(self, ctx, view, mark, source_decimal, target, source_name):
        for seg, m in _in_segments(ctx, _decimal_number(mark)):
            unit = _unit_after(view, m.end(), seg.end, target.unit_words)
            currency = bool(_CURRENCY.search(view, max(seg.start, m.start() - 4), m.start()))
            if not (unit or currency) or _word_before(view, m.start(), seg.start) in target.reference_words:
                continue
            fix = f"{m.group('int')}{target.decimal}{m.group('frac')}"
            yield (
                m.start(),
                m.end(),
                f"“{m.group(0)}” has the {source_name} decimal mark; {LANG_NAMES[target.lang]} writes {fix}",
                fix,
            )


def _clock(hour: str, minute: str | None) -> str:
    """15, 30 → "3:30 p.m." (the English news style), with the 24-hour form beside it."""
    h, mnt = int(hour), int(minute or 0)
    if (h, mnt) == (12, 0):
        spoken = "noon"
    elif (h, mnt) == (0, 0):
        spoken = "midnight"
    else:
        spoken = f"{h % 12 or 12}{f':{mnt:02d}' if mnt else ''} {'a.m.' if h < 12 else 'p.m.'}"
    return f"{spoken} (or {h:02d}:{mnt:02d})"


@lru_cache(maxsize=None)
def _compiled(pattern: str) -> re.Pattern:
    return warmstart.regex(pattern)  # case matters: "08H00" is not the French "08h00"


class _PatternLoop:
    """Shared loop of N103 and N105 (a mixin, so the registry does not take it for a detector):
    the `[[pattern]]` entries of the assumed pairs that carry the detector's code."""

    family = "numbers"

    def check(self, ctx):
        seen: set[tuple[int, int]] = set()
        for src, table in _pairs(ctx):
            for entry in table.get("pattern", ()):
                if (entry.get("code") or table.get("code")) != self.code:
                    continue
                pattern = _compiled(entry["pattern"])
                severity = Severity.parse(entry["severity"]) if "severity" in entry else None
                for _, m in _in_segments(ctx, pattern, anchor=entry.get("anchor"), needs=entry.get("needs")):
                    start = m.start("hour") if "hour" in pattern.groupindex else m.start()
                    if (start, m.end()) in seen:
                        continue
                    seen.add((start, m.end()))
                    yield self.finding(
                        start,
                        m.end(),
                        entry["message"],
                        suggestion=self._suggestion(entry, m),
                        source_lang=src,
                        severity=severity,
                    )

    @staticmethod
    def _suggestion(entry: dict, m: re.Match) -> str | None:
        if entry.get("kind") == "time":
            return _clock(m.group("hour"), m.groupdict().get("minute"))
        template = entry.get("suggestion")
        return template.format(**m.groupdict()) if template else None


class LargeNumberCalque(_PatternLoop, Detector):
    """What it does:
    Flags large amounts said the source language's way: `5 thousand million` (Spanish and
    Portuguese `mil millones`), `thousands of millions` (`miles de millones`), `3 millions people`
    and `2 milliards` (French); in Spanish, `billones` where English meant `billion`.

    Why it matters:
    English counts in billions; a literal rendering is at best dated British usage and at worst
    a figure a thousand times off.

    Example:
    The plan will cost 5 thousand million dollars.

    Use instead:
    The plan will cost 5 billion dollars.
    """

    code = "N103"
    name = "large-number-calque"
    severity = Severity.WARNING
    targets = ("en", "es")
    sources = ("es", "fr", "pt", "en")


class SourceTimeFormat(_PatternLoop, Detector):
    """What it does:
    Flags times of day written the source language's way: `at 15 hrs`, `10:00 hrs.`,
    `18.30 hours` (Spanish `a las 18.30 horas`), `20h30` (French and Portuguese). Durations
    (`lasts 15 hrs`, `at 12 hrs after dosing`) are left alone, and so are `hrs` and `hours` in a text naming a
    country of Commonwealth Africa or South Asia, whose police and court news write `at 23:00hrs`.

    Why it matters:
    English news writes clock times as `3 p.m.` or `15:00`; the source format shows the time
    was carried over from the original unedited.

    Example:
    The minister will speak at 15 hrs in the chamber.

    Use instead:
    The minister will speak at 3 p.m. in the chamber.
    """

    code = "N105"
    name = "source-time-format"
    severity = Severity.WARNING
    targets = ("en",)
    sources = ("es", "fr", "pt")

    def check(self, ctx):
        variety = None
        for finding in super().check(ctx):
            if _HOURS_AFTER.search(ctx.doc.view, finding.start, finding.end):
                if variety is None:
                    target = conventions(ctx.target_base)
                    variety = bool(target) and document_names(ctx, target.clock_hours_document, True)
                if variety:
                    continue  # "at about 23:00hrs" in a Kenyan or Indian police report: the writer's English
            yield finding


_HOURS_AFTER = warmstart.regex(r"\d\s*(?:hrs?|hours)\.?$")


class SourceCurrencyFormat(_PatternLoop, Detector):
    """What it does:
    Flags a currency sign set apart from its figure, as Spanish, Portuguese and French write
    amounts (`$ 46`, `US$ 5 million`), and the Brazilian real's sign split in two (`R $ 88.2
    billion`); likewise the other signs of the source's typography of numbers: a percent sign
    set apart (`fell 0.4 %,`), an ordinal indicator (`the 1º round`, `Friday 1er October`)
    and the abbreviation of "number" (`decree nº 45`).

    Why it matters:
    English sets the sign against the figure (`$46`, `R$88.2 billion`, `0.4%`) and writes `1st`
    and `No. 45`; the gap or the foreign sign shows an amount carried over from the original
    unedited, and a split `R $` no longer reads as one currency. A line of figures alone
    (a weather widget's `68 %`) and a wine's `1er Cru` are left alone.

    Example:
    The barrel of fuel oil costs $ 46, after floating around $ 50.

    Use instead:
    The barrel of fuel oil costs $46, after floating around $50.
    """

    code = "N106"
    name = "source-currency-format"
    severity = Severity.WARNING
    targets = ("en",)
    sources = ("es", "fr", "pt")


_DATE = warmstart.regex(
    r"(?P<day>\d(?<![\w/.-]\d)\d?)(?P<sep>[/.-])(?P<month>\d{1,2})(?P=sep)(?P<year>\d{4}|\d{2})(?![\w/-]|\.\d)"
)
# English regions that write the month first; elsewhere (en-GB, en-IN, en-AU...) day first is right.
_MONTH_FIRST_REGIONS = frozenset({"US", "PH"})


class DayFirstDate(Detector):
    """What it does:
    Flags a numeric date that can only be read day first (`25/12/2023`, `31.01.2024`) in text for
    US English, where dates are written month first. With plain `en` it only informs (day first is
    right in British English); with other regions it is silent. Ambiguous dates (`05/06/2023`) are left alone.

    Why it matters:
    A US reader cannot read `25/12/2023`, and misreads `05/06/2023` as May 6; European source dates
    carried over unchanged are a common trace of an unedited translation.

    Example:
    The law takes effect on 25/12/2023.

    Use instead:
    The law takes effect on December 25, 2023.
    """

    code = "N104"
    name = "day-first-date"
    severity = Severity.WARNING
    family = "numbers"
    targets = ("en",)

    def check(self, ctx):
        region = ctx.target_lang.split("-")[1].upper() if "-" in ctx.target_lang else None
        if region is None:
            severity = Severity.INFO
        elif region in _MONTH_FIRST_REGIONS:
            severity = Severity.WARNING
        else:
            return
        for _, m in _in_segments(ctx, _DATE):
            day, month = int(m.group("day")), int(m.group("month"))
            if not (12 < day <= 31 and 1 <= month <= 12):
                continue
            year = m.group("year")
            months = conventions("en").month_names
            fix = f"{months[month - 1]} {day}, {year}" if len(year) == 4 else f"{month}/{day}/{year}"
            yield self.finding(
                m.start(),
                m.end(),
                f"“{m.group(0)}” is written day first; US English writes the month first",
                suggestion=fix,
                severity=severity,
            )
