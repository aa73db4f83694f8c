"""Numbers of a sentence read with its language's separators and scale words, so that figures compare across languages."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from tqcheck.data import langdata
from tqcheck.speed import warmstart


@lru_cache(maxsize=None)
def number_words(lang: str) -> dict:
    """`lang`'s scale words and spelled-out numbers (data/lang/number_words.toml), {} when it has none."""
    return langdata.load("lang", "number_words.toml").get(lang, {})


# Separators when a language has no entry in data/lang/number_formats.toml.
DEFAULT_MARKS = {"thousands": ",", "decimal": "."}
_SPACES = " \u00a0\u202f\u2009"  # spaces group thousands in every convention

# A figure not glued to a lowercase letter before it ("mp3" is a name; "IC95" and "H1N1" keep their
# figures on both sides of a translation): digits with separators. A plain space groups thousands
# only after one to three digits and before exactly three ("20 000"). British medical writing puts
# the decimal point in the middle of the line ("87·0").
# The look-behinds come after the first digit, so the regex engine tests them only at digits:
# four times faster on a long text than at every position.
_NUMBER = warmstart.regex(
    r"\d(?<![^\W\d_A-Z]\d)(?<![\d.,·]\d)(?:\d{0,2}(?: \d{3})+(?![\d.,·]\d)|\d*(?:[.,·\u00a0\u202f\u2009]\d+)*)"
)
_MIDDLE_DOT = "·"


# Not frozen: a frozen dataclass sets each of its nine fields through object.__setattr__, which made
# building the figures of a 5,000-unit file cost three times as much (nothing hashes a Quantity or
# changes one once read; slots keep it as small).
@dataclass(slots=True)
class Quantity:
    """One figure read from a text: where it stands, as written, and its value under either convention."""

    start: int  # offsets into the text read, end exclusive (scale word included)
    end: int
    text: str  # the figure as written, without the scale word
    value: float  # read with the language's own separators, times the scale word
    foreign: float | None  # read with the other convention's separators, when that differs
    separated: bool  # written with a "." or ","
    figure: float = 0.0  # the value without the scale word
    decimals: int = 0  # digits after the decimal mark, as read
    readable: bool = True  # False when only the other convention can read it ("1.234.567" in English)

    @property
    def round_thousands(self) -> bool:
        """Grouped in thousands with a last group of zeros ("13.000"): nobody writes a decimal so."""
        return self.separated and self.text[-4:-3] in ".," and self.text.endswith("000")

    def written(self, thousands: str, decimal: str) -> str:
        """The figure (without its scale word) written with other separators."""
        text = f"{self.figure:,.{self.decimals}f}"
        return text.replace(",", "\0").replace(".", decimal).replace("\0", thousands)


@dataclass(frozen=True)
class Conventions:
    """How one target language writes numbers, and the words that make a number an amount."""

    lang: str
    thousands: str
    decimal: str
    count_words: frozenset[str]
    unit_words: frozenset[str]
    precise_unit_words: frozenset[str]
    reference_words: frozenset[str]
    point_decimal_regions: frozenset[str]
    month_names: tuple[str, ...]  # in calendar order
    month_words: frozenset[str]  # month names and their abbreviations, lowercase
    # Names whose presence in a text shows a variety of the language that groups thousands with a space
    # ("$5 000" in Southern Africa), or writes a clock time with "hrs" ("at 14:00hrs" in police and court news)
    space_grouping_document: str | None = None
    clock_hours_document: str | None = None


@lru_cache(maxsize=None)
def conventions(lang: str) -> Conventions | None:
    table = langdata.load("lang", "number_formats.toml").get(lang)
    if not table:
        return None
    months = [m.lower() for m in table.get("month_names", ())]
    return Conventions(
        lang=lang,
        thousands=table["thousands"],
        decimal=table["decimal"],
        count_words=frozenset(table.get("count_words", ())),
        unit_words=frozenset(table.get("unit_words", ())),
        precise_unit_words=frozenset(table.get("precise_unit_words", ())),
        reference_words=frozenset(table.get("reference_words", ())),
        point_decimal_regions=frozenset(table.get("point_decimal_regions", ())),
        month_names=tuple(table.get("month_names", ())),
        month_words=frozenset(months + [m[:3] for m in months] + [m[:4] for m in months]),
        space_grouping_document=table.get("space_grouping_document"),
        clock_hours_document=table.get("clock_hours_document"),
    )


@lru_cache(maxsize=None)
def marks(lang: str) -> tuple[str, str]:
    """(thousands, decimal) separators of a language."""
    conv = conventions(lang)
    if conv is None:
        return DEFAULT_MARKS["thousands"], DEFAULT_MARKS["decimal"]
    return conv.thousands, conv.decimal


def _read(text: str, thousands: str, decimal: str) -> tuple[float, int] | None:
    """(value, digits after the decimal mark), or None."""
    for space in _SPACES:
        text = text.replace(space, thousands)
    whole, sep, frac = text.partition(decimal)
    if sep and (not frac.isdigit()):
        return None
    groups = whole.split(thousands) if thousands else [whole]
    if not all(g.isdigit() for g in groups):
        return None
    if len(groups) > 1 and (len(groups[0]) > 3 or groups[0].startswith("0") or any(len(g) != 3 for g in groups[1:])):
        return None  # "0.001" is not grouped in thousands
    return float("".join(groups) + ("." + frac if sep else "")), len(frac)


@lru_cache(maxsize=None)
def _scale_words(lang: str) -> str | None:
    """`lang`'s scale words as a regex alternation, longest first, or None when it has none."""
    words = number_words(lang).get("scale")
    if not words:
        return None
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=lambda w: (-len(w), w)))


@lru_cache(maxsize=None)
def _scale_pattern(lang: str) -> re.Pattern | None:
    alternatives = _scale_words(lang)
    return None if alternatives is None else warmstart.regex(rf"[ \u00a0]++({alternatives})\b", re.IGNORECASE)


@lru_cache(maxsize=None)
def _figure_pattern(lang: str) -> re.Pattern:
    """_NUMBER, then the scale word _scale_pattern finds right after it (a second group, empty without one).

    The scale part is optional, so the figure is the match _NUMBER makes alone at the same place; a scale
    word holds no digit, so the next figure starts where _NUMBER's next match would. One C pass gives what
    quantities() finds, as text."""
    alternatives = _scale_words(lang)
    scale = rf"(?:[ \u00a0]++(?i:({alternatives}))\b)?" if alternatives else "()"
    return warmstart.regex(rf"({_NUMBER.pattern}){scale}")


# Figures only one convention can read: a decimal part of other than three digits, or several
# thousands groups ("0.95", "1.234.567" and "2,5" tell the conventions apart; "4,159" does not).
_POINT_DECIMAL = warmstart.regex(r"\d(?<![\d.,]\d)\d*\.(?:\d{1,2}|\d{4,})(?![\d.,]?\d)|\d{1,3}(?:,\d{3}){2,}(?![\d,])")
_COMMA_DECIMAL = warmstart.regex(r"\d(?<![\d.,]\d)\d*,(?:\d{1,2}|\d{4,})(?![\d.,]?\d)|\d{1,3}(?:\.\d{3}){2,}(?![\d.])")


_FIGURE_RUN = warmstart.regex(r"\d[\d.,]*+")


def _separated_figures(text: str):
    """Each run of digits, dots and commas that holds a separator, with the dot or comma before it.

    Every match of _POINT_DECIMAL and _COMMA_DECIMAL is such a run or part of one, and what they look
    around at is the run itself or the one character before it: the same matches as over the whole
    text, found by one fast pass instead of two slow ones over every character.
    """
    for m in _FIGURE_RUN.finditer(text):
        start, end = m.span()
        token = m.group()
        if "." not in token and "," not in token:
            continue
        if start and text[start - 1] in ".,":
            token = text[start - 1] + token
        yield token


def document_marks(text: str, lang: str) -> tuple[str, str, bool]:
    """(thousands, decimal, settled) a document actually uses: its language's, unless its
    unambiguous figures mostly follow the other convention (Mexican Spanish writes 0.95 and
    4,159). `settled` is False when no figure tells, and "4,159" may then be read either way."""
    thousands, decimal = marks(lang)
    point = comma = 0
    for token in _separated_figures(text):
        point += len(_POINT_DECIMAL.findall(token))
        comma += len(_COMMA_DECIMAL.findall(token))
    if decimal == "," and point > comma or decimal == "." and comma > point:
        return decimal, thousands, True
    return thousands, decimal, point + comma > 0


_SCALE_SPACES = frozenset(" \u00a0")  # what _scale_pattern's match begins with


def quantities(text: str, lang: str, separators: tuple[str, str] | None = None, offset: int = 0) -> list[Quantity]:
    """Every figure of `text`, read with `separators` (thousands, decimal), by default `lang`'s; its
    offsets `offset` past those in `text` (where `text` is a slice of a larger one)."""
    thousands, decimal = separators or marks(lang)
    scales = _scale_pattern(lang)
    out = []
    for m in _NUMBER.finditer(text):
        figure = m.group(0)
        if figure.isdigit():  # no mark to read either way (most figures): what _read gives, without its steps
            own_read = other_read = (float(figure), 0)
        else:
            own_read = _read(figure.replace(_MIDDLE_DOT, decimal), thousands, decimal)
            other_read = _read(figure.replace(_MIDDLE_DOT, thousands), decimal, thousands)
        if own_read is None and other_read is None:
            continue
        own = own_read[0] if own_read else None
        other = other_read[0] if other_read else None
        scale, end = 1.0, m.end()
        if scales is not None and text[end:end + 1] in _SCALE_SPACES:  # a scale word follows a space
            s = scales.match(text, end)
            if s:
                scale = number_words(lang)["scale"][" ".join(s.group(1).lower().split())]
                end = s.end()
        value, decimals = own_read or other_read
        foreign = other if own is not None and other is not None and other != own else None
        separated = "." in figure or "," in figure or _MIDDLE_DOT in figure
        out.append(Quantity(offset + m.start(), offset + end, figure, value * scale, None if foreign is None else foreign * scale,
                            separated, value, decimals, own is not None))
    return out


def figure_texts(text: str, lang: str) -> list[tuple[str, str]]:
    """(figure as written, the scale word after it or "") for each figure quantities() looks at in `text`."""
    return _figure_pattern(lang).findall(text)


# float() of 309 digits or more is inf, which same() does not find equal to itself; far shorter than that,
# a figure's value is finite.
_FINITE_CHARS = 300


def _value(figure: str, thousands: str, decimal: str) -> float | None:
    """The value quantities() gives a figure without a scale word: read with these marks, else with the
    other convention's, else None (a figure neither reads, which quantities() leaves out)."""
    if figure.isdigit():
        return float(figure)
    read = _read(figure.replace(_MIDDLE_DOT, decimal), thousands, decimal) or \
        _read(figure.replace(_MIDDLE_DOT, thousands), decimal, thousands)
    return None if read is None else read[0]


def read_alike(source: list[tuple[str, str]], target: list[tuple[str, str]], source_marks: tuple[str, str],
               target_marks: tuple[str, str]) -> bool:
    """Whether figure_texts() of the two sides of a pair read as the same finite values, one by one in the
    same order ("1.250,5" and "1,250.5", or "0.71" on both sides of a Spanish file that writes decimal
    points): compare_figures then pairs each with its counterpart and finds nothing to report.

    Why that holds: with no scale word, quantities() gives one Quantity per figure (none is left out: each
    reads), with equal values side by side, and each target figure readable in its own convention (so never
    a copied one). compare_figures takes, for the i-th target figure, the first source figure left whose
    value is the same(); by induction that is the i-th source figure (those before it are taken), so
    nothing is left over, missing or extra."""
    if len(source) != len(target):
        return False
    for (figure, scale), (other, other_scale) in zip(source, target):
        if scale or other_scale or len(figure) > _FINITE_CHARS:
            return False
        if figure == other and figure.isdigit():
            continue  # no mark to read: the same value in any convention
        thousands, decimal = target_marks
        if other.isdigit():
            theirs = float(other)
        else:
            read = _read(other.replace(_MIDDLE_DOT, decimal), thousands, decimal)
            if read is None:
                return False  # read only by the other convention: A104's case, or not at all
            theirs = read[0]
        if _value(figure, *source_marks) != theirs:
            return False
    return True


_WORDS = warmstart.regex(r"[^\W\d_]+")


def spelled_values(text: str, lang: str) -> list[float]:
    """Values of the numbers spelled out in `text` ("fifty-three" → 53, "treinta y dos" → 32)."""
    table = number_words(lang)
    if "units" not in table:
        return []
    words = [w.lower() for w in _WORDS.findall(text)]
    out = []
    i = 0
    while i < len(words):
        w = words[i]
        if w in table["tens"]:
            value = table["tens"][w]
            rest = words[i + 1:i + 3]
            if table["joiner"] and rest[:1] == [table["joiner"]] and rest[1:] and rest[1] in table["units"]:
                value, i = value + table["units"][rest[1]], i + 2
            elif not table["joiner"] and rest[:1] and rest[0] in table["units"]:
                value, i = value + table["units"][rest[0]], i + 1
            out.append(value)
        else:
            for kind in ("units", "teens", "others"):
                if w in table[kind]:
                    out.append(table[kind][w])
                    break
        i += 1
    return out


def same(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


@dataclass
class FigureComparison:
    """The figures of a sentence pair that do not correspond."""

    missing: list[Quantity] = field(default_factory=list)  # of the source, not in the target
    extra: list[Quantity] = field(default_factory=list)  # of the target, not in the source
    copied: list[tuple[Quantity, Quantity]] = field(default_factory=list)  # (target, source): source's separators


def _take(pool: list, matches) -> object | None:
    """Remove and return the first item of `pool` that `matches`, or None."""
    for i, item in enumerate(pool):
        if matches(item):
            return pool.pop(i)
    return None


def compare_figures(source: list[Quantity], target: list[Quantity], spelled_source: list[float],
                    spelled_target: list[float], settled: bool = True) -> FigureComparison:
    """Pair the figures of a source sentence with those of its translation.

    `settled` says whether the source document's own figures showed its convention; when they
    did not, "4,159" in Spanish may be Mexican for 4159 and is accepted either way."""
    result = FigureComparison()
    unmatched = list(source)
    leftovers = []
    for q in target:
        match = _take(unmatched, lambda s: same(s.value, q.value))
        if match is None:
            leftovers.append(q)
        elif not q.readable and q.separated:
            result.copied.append((q, match))  # "1.234.567" in English: right figure, wrong separators
    if not settled:
        leftovers = [q for q in leftovers if _take(
            unmatched, lambda s: s.foreign is not None and not s.round_thousands and same(s.foreign, q.value)) is None]
    for q in leftovers:
        # "13.000 people" for «13.000 personas»: English reads 13, the source's convention 13,000.
        match = _take(unmatched, lambda s: q.foreign is not None and q.separated and same(s.value, q.foreign))
        if match is not None:
            result.copied.append((q, match))
        else:
            result.extra.append(q)
    spelled_source, spelled_target = list(spelled_source), list(spelled_target)
    result.missing = [s for s in unmatched if _take(spelled_target, lambda v: same(v, s.value)) is None]
    result.extra = [q for q in result.extra if _take(spelled_source, lambda v: same(v, q.value)) is None]
    return result

