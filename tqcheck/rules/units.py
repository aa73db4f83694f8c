"""A bilingual unit's shape against its own source: acronyms and codes counted, a translation cut short."""
from __future__ import annotations

from tqcheck.finding import Severity
from tqcheck.rules.base import Detector
from tqcheck.rules.source import KEPT_PATTERNS, kept_tokens
from tqcheck.speed import warmstart

# Read only in a bilingual file: there the file says which source a target translates, so a difference
# is the unit's own. In an article the aligner's pairing may be wrong, and a dropped acronym stays A106's
# information.

# Two capitals in one token (nothing but small letters, digits and hyphens between them): what an acronym
# (two in a row) and a code (two in its token) both hold; a sentence's capitals far apart hold neither.
_CAPITAL_PAIR = warmstart.regex(r"[A-Z][a-z0-9-]*+[A-Z]")
_CAPITALS = warmstart.regex(r"[A-Z]{2}")
# A capital and a digit with nothing but small letters and hyphens between them: a code holds one (of its
# capitals and digits, a nearest pair of the two kinds has only those between them, in its run of ASCII
# letters, digits and hyphens). One character class first, so that the engine tries only capitals and digits.
_CAPITAL_BY_DIGIT = warmstart.regex(r"[A-Z0-9](?:(?<=[A-Z])[a-z-]*+\d|(?<=\d)[a-z-]*+[A-Z])")


def _acronyms(text: str) -> list[str]:
    """The acronyms and codes of a text (A106's patterns: `OMS`, `VIH`, `COVID-19`, `DSM-5`)."""
    if _CAPITAL_PAIR.search(text) is None:
        return []  # most texts: no two capitals in a token, no acronym or code
    if "http" in text or "www." in text or "@" in text or "#" in text:
        found = kept_tokens(text)  # a URL, address, handle or hashtag takes the codes inside it
        return found.get("code", []) + found.get("acronym", [])
    # Otherwise kept_tokens' codes and acronyms are these: each is a whole token, a code has a digit
    # and an acronym none, so neither overlaps the other (tests/test_bilingual_units.py compares).
    # Each pattern only where it can match: a code has a capital by a digit, an acronym two capitals in a row.
    codes = KEPT_PATTERNS["code"].findall(text) if _CAPITAL_BY_DIGIT.search(text) else []
    return codes + KEPT_PATTERNS["acronym"].findall(text) if _CAPITALS.search(text) else codes


class AcronymCount(Detector):
    """What it does:
    In an XLIFF, TMX or PO file, counts the acronyms and codes (`OMS`, `VIH`, `COVID-19`, `DSM-5`) of each
    unit's source and of its translation, and reports a translation that has fewer or more of them. An
    acronym may be translated (OMS → WHO) but stays one acronym.

    Why it matters:
    Machine translation spells an acronym out wrongly, drops it from a list, or puts in one the
    source does not have; in a technical or medical text the reader can no longer tell which test,
    scale or organisation is meant.

    Example:
    Source: «La prevalencia de VIH y VHC fue baja.» Translation: The prevalence of HIV and hepatitis was low.

    Use instead:
    The prevalence of HIV and HCV was low.
    """

    code = "A111"
    name = "acronym-count"
    severity = Severity.WARNING
    family = "source"
    needs = frozenset({"source"})

    def check(self, ctx):
        for source_text, ts, target_text in _units(ctx):
            if not target_text:
                continue
            source = _acronyms(source_text)
            target = _acronyms(target_text)
            if len(source) == len(target):
                continue
            yield self.finding(
                ts, ts + len(target_text),
                f"the source has {_counted(source)} where the translation has {_counted(target)}",
                suggestion="keep each acronym of the source, translated where the target language has its own",
            )


def _unit_spans(ctx):
    """(source view, source span, target view, target span) of each aligned unit of a bilingual file; none for
    an article."""
    info = getattr(ctx.doc, "bilingual", None)
    if info is None:
        return
    source_view, target_view = info.source_doc.view, ctx.doc.view
    for part in info.parts:
        yield source_view, part.source, target_view, part.target


def _units(ctx):
    """(source text, target start, target text) of each aligned unit of a bilingual file; none for an article."""
    for source_view, (ss, se), target_view, (ts, te) in _unit_spans(ctx):
        yield source_view[ss:se], ts, target_view[ts:te]


def _counted(tokens: list[str]) -> str:
    if not tokens:
        return "no acronym or code"
    shown = ", ".join(tokens[:6]) + (", …" if len(tokens) > 6 else "")
    return f"{len(tokens)} acronym{'s' if len(tokens) > 1 else ''} or code{'s' if len(tokens) > 1 else ''} ({shown})"


_SENTENCE_END = warmstart.regex(r"[.?!…][\"'”’»)\]]*\s*$")
_CLOSED = warmstart.regex(r"[.?!…:;)\]\"'”’»]\s*$")
MIN_CUT_CHARS = 20  # a shorter translation is a label or a heading, whose punctuation may differ


class CutShort(Detector):
    """What it does:
    In an XLIFF, TMX or PO file, reports a translation that ends without closing punctuation where its
    source ends a sentence (`.`, `?`, `!`): the translation stopped before its source did.

    Why it matters:
    A machine translation cut off by a length limit, or a segment split wrongly, ends in mid-phrase; the
    end of the source (often a figure, a condition, a conclusion) is lost without a trace in the target.

    Example:
    Source: «El paciente presentó fiebre, malestar general y pérdida de peso.»
    Translation: The patient had fever, malaise

    Use instead:
    The patient had fever, malaise and weight loss.
    """

    code = "A112"
    name = "cut-short"
    severity = Severity.WARNING
    family = "source"
    needs = frozenset({"source"})

    def check(self, ctx):
        # each unit read at its ends only (neither pattern looks before where it is asked to begin)
        for source_view, (ss, se), view, (ts, end) in _unit_spans(ctx):
            while end > ts and view[end - 1].isspace():  # the target rstripped
                end -= 1
            if end - ts < MIN_CUT_CHARS or _CLOSED.search(view, end - 4, end):
                continue
            if not _SENTENCE_END.search(source_view, max(ss, se - 8), se):
                continue
            source_text, target = source_view[ss:se], view[ts:end]
            yield self.finding(
                end - min(len(target.split()[-1]), end - ts), end,
                "the translation stops without the closing punctuation its source ends with: it may be cut short",
                suggestion=f"compare the end with the source's: “…{' '.join(source_text.split()[-6:])}”",
            )
