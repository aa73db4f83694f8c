"""Source-aware detectors: each translated sentence compared with the source sentences it is aligned to."""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from tqcheck.translation.align import LENGTH_VARIANCE, Link, aligned_texts, alignment_for, back_translations, source_translations
from tqcheck.finding import Severity
from tqcheck.text.numbers import (FigureComparison, compare_figures, document_marks, figure_texts, marks, quantities,
                                  read_alike, spelled_values)
from tqcheck.rules.base import Detector, median_of, segments_holding
from tqcheck.rules.numbers import LANG_NAMES
from tqcheck.speed import warmstart
from tqcheck.speed.lazy import cached_property

SHOWN_CHARS = 160  # source text quoted in a message is cut to this length


def _shorten(text: str, limit: int = SHOWN_CHARS) -> str:
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


@dataclass
class Pair:
    """One link of the alignment with its texts and machine translations."""

    link: Link
    source_text: str  # the source sentences, white space collapsed
    target_text: str
    source_mt: str | None = None  # the source machine-translated into the target language
    target_bt: str | None = None  # the target back-translated into the source language
    target_spans: list[tuple[int, int]] = field(default_factory=list)  # view spans of the target sentences
    source_spans: list[tuple[int, int]] = field(default_factory=list)
    numbers: FigureComparison | None = field(default=None, repr=False, compare=False)  # compare_numbers' answer

    @property
    def span(self) -> tuple[int, int]:
        return self.target_spans[0][0], self.target_spans[-1][1]

    @cached_property
    def back_chrf(self) -> float | None:
        """chrF of the target's back-translation against the real source, or None without one."""
        return _chrf(self.target_bt, self.source_text) if self.link.source else None

    @cached_property
    def forward_chrf(self) -> float | None:
        """chrF of the target against the source's machine translation, or None without one."""
        return _chrf(self.target_text, self.source_mt) if self.link.target else None

    @cached_property
    def copied(self) -> tuple[float, int]:
        """copied_share of the pair (tools/measure_bio.py's signal)."""
        return copied_share(self.source_text, self.target_text)

    @cached_property
    def looks_copied(self) -> bool:
        """is_copy's answer (A103, A106 and A107 all ask)."""
        return looks_copied(self.source_text, self.target_text)


def _chrf(hypothesis: str | None, reference: str) -> float | None:
    if not hypothesis or not reference:
        return None
    from tqcheck.translation.roundtrip import sentence_chrf

    return sentence_chrf(hypothesis, reference)


def pairs(ctx) -> list[Pair]:
    """Every link of the file's alignment with its texts, computed once per file."""
    cached = ctx.cache.get("source.pairs")
    if cached is not None:
        return cached
    alignment = alignment_for(ctx)
    source_texts, target_texts = aligned_texts(ctx)
    mt = source_translations(ctx)
    bt = back_translations(ctx)
    out = []
    source_segments, segments = ctx.source_segments, ctx.segments
    for link in alignment.links:
        src, tgt = link.source, link.target
        pair = Pair(
            link,
            # one sentence a side (nearly every link): its text, which a join would copy
            source_texts[src[0]] if len(src) == 1 else " ".join([source_texts[i] for i in src]),
            target_texts[tgt[0]] if len(tgt) == 1 else " ".join([target_texts[j] for j in tgt]),
            target_spans=[(segments[j].start, segments[j].end) for j in tgt],
            source_spans=[(source_segments[i].start, source_segments[i].end) for i in src],
        )
        if mt is not None and link.source:
            pair.source_mt = " ".join(mt[i] for i in link.source)
        if bt is not None and link.target and all(bt[j] for j in link.target):
            pair.target_bt = " ".join(bt[j] for j in link.target)
        out.append(pair)
    ctx.cache["source.pairs"] = out
    ctx.cache["segment_suspicion"] = segment_suspicion(ctx, out)
    return out


def linked_pairs(ctx) -> list[Pair]:
    """The pairs with sentences on both sides (not omissions or additions)."""
    return [p for p in pairs(ctx) if p.link.source and p.link.target]


def _source_name(ctx) -> str:
    return LANG_NAMES.get(ctx.source_langs[0], ctx.source_langs[0])


class _PairRule:
    """What every source-aware detector shares (a mixin, so the registry does not take it for a detector)."""

    family = "source"
    needs = frozenset({"source"})


# -- omissions and additions ----------------------------------------------------------------------

MIN_OMISSION_WORDS = 3  # a shorter lost sentence (a heading such as "Conclusiones.") is reported at info


class SourceOmission(_PairRule, Detector):
    """What it does:
    Aligns the translation with its source sentence by sentence and reports a source sentence
    that has no counterpart in the translation, at the sentence after which it is missing.

    Why it matters:
    A sentence lost in translation (a dropped line of a table, a skipped paragraph, a
    translation tool that stopped early) is invisible in the translation alone.

    Example:
    Source: «El hospital abrió en 1990. Tiene 300 camas y doce quirófanos. Atiende a toda la comarca.»
    Translation: The hospital opened in 1990. It serves the whole district.

    Use instead:
    The hospital opened in 1990. It has 300 beds and twelve operating theatres. It serves the whole district.
    """

    code = "A101"
    name = "source-omission"
    severity = Severity.WARNING

    def check(self, ctx):
        found = pairs(ctx)
        for k, pair in enumerate(found):
            if pair.link.target:
                continue
            before = next((p for p in reversed(found[:k]) if p.link.target), None)
            after = next((p for p in found[k + 1:] if p.link.target), None)
            anchor, where = (before, "after") if before else (after, "before")
            if anchor is None:
                return  # an empty translation: nothing to point at
            start, end = anchor.target_spans[-1] if where == "after" else anchor.target_spans[0]
            short = len(_WORD.findall(pair.source_text)) < MIN_OMISSION_WORDS
            yield self.finding(
                start,
                end,
                f"a {_source_name(ctx)} sentence has no counterpart {where} this sentence: "
                f"“{_shorten(pair.source_text)}”",
                suggestion=f"translate it, e.g. “{_shorten(pair.source_mt)}”" if pair.source_mt else
                "translate the missing sentence",
                severity=Severity.INFO if short else None,
            )


MIN_ADDITION_WORDS = 4  # a shorter unaligned line (a heading, a credit) is reported at info


class TargetAddition(_PairRule, Detector):
    """What it does:
    Reports a translated sentence that corresponds to nothing in the source, and says so when it
    looks like boilerplate (a credit line, a share widget, a "read more" link).

    Why it matters:
    Text added in translation is either scraper junk pasted with the article or a machine
    translation's invention; neither belongs in the published translation.

    Example:
    Source: «El puente se cerró el lunes por obras.»
    Translation: The bridge was closed on Monday for works. Share this article on Facebook.

    Use instead:
    The bridge was closed on Monday for works.
    """

    code = "A102"
    name = "target-addition"
    severity = Severity.WARNING

    def check(self, ctx):
        for pair in pairs(ctx):
            if pair.link.source:
                continue
            start, end = pair.span
            what = _boilerplate(ctx, start, end, pair.target_text)
            words = len(pair.target_text.split())
            message = f"this sentence has no counterpart in the {_source_name(ctx)} source"
            if what:
                message += f"; it looks like boilerplate ({what})"
            yield self.finding(
                start,
                end,
                message,
                suggestion="remove it" if what else "remove it, or check the source for a missing passage",
                severity=None if what or words >= MIN_ADDITION_WORDS else Severity.INFO,
            )


def _boilerplate(ctx, start: int, end: int, sentence: str) -> str | None:
    """What kind of boilerplate the sentence is (B1xx's knowledge: its line or the sentence alone), or None."""
    from tqcheck.rules.boilerplate import rules, scan

    hit = next((h for h in scan(ctx) if h.start < end and start < h.end), None)
    if hit is not None:
        return hit.what
    rule = next((r for r in rules(ctx.target_base) if r.pattern.fullmatch(sentence)
                 or r.anywhere and r.pattern.search(sentence)), None)
    return rule.what if rule else None


# -- numbers ------------------------------------------------------------------------------------

_DIGIT = warmstart.regex(r"\d")


def _figures(text: str, lang: str, separators: tuple[str, str] | None = None, offset: int = 0):
    """quantities(), not called for the many sentences without a digit (every figure has one)."""
    return quantities(text, lang, separators, offset) if _DIGIT.search(text) else []


def compare_numbers(ctx, pair: Pair) -> FigureComparison:
    """The pair's figures that do not correspond; target figures in view offsets (kept on the pair: A103,
    A104 and the segment suspicion all ask)."""
    found = pair.numbers
    if found is None:
        pair.numbers = found = _compare_numbers(ctx, pair)
    return found


def _compare_numbers(ctx, pair: Pair) -> FigureComparison:
    view = ctx.doc.view
    digits = [(a, b) for a, b in pair.target_spans if _DIGIT.search(view, a, b)]
    if not digits and not _DIGIT.search(pair.source_text):
        return FigureComparison()  # no figure on either side (most pairs): nothing to pair, nothing spelled to read
    src_lang, tgt_lang = ctx.source_langs[0], ctx.target_base
    if _written_alike(ctx, pair, digits, src_lang, tgt_lang):
        return FigureComparison()
    thousands, decimal, settled = _source_marks(ctx, src_lang)
    source = _figures(pair.source_text, src_lang, (thousands, decimal))
    target = [q for a, b in digits for q in quantities(view[a:b], tgt_lang, offset=a)]
    found = compare_figures(source, target, [], [], settled)
    if found.missing or found.extra:
        # Numbers spelled out can only excuse figures of the other side that are missing or
        # extra, so most pairs never need them read.
        found = compare_figures(source, target,
                                spelled_values(pair.source_text, src_lang) if found.extra else [],
                                spelled_values(pair.target_text, tgt_lang) if found.missing else [], settled)
    return found


def _source_marks(ctx, src_lang: str) -> tuple[str, str, bool]:
    """The source document's separators (document_marks), read once per file."""
    if "source.marks" not in ctx.cache:
        ctx.cache["source.marks"] = document_marks(ctx.source_doc.view, src_lang)
    return ctx.cache["source.marks"]


def _written_alike(ctx, pair: Pair, digits: list[tuple[int, int]], src_lang: str, tgt_lang: str) -> bool:
    """Whether both sides hold figures of the same values in the same order, with no scale word (most pairs
    with a figure): then compare_figures would find nothing (numbers.read_alike says why), and no figure need
    be read into a Quantity. The target is read span by span, as slices, like _compare_numbers reads it."""
    source = figure_texts(pair.source_text, src_lang)
    view, target = ctx.doc.view, []
    for a, b in digits:
        target += figure_texts(view[a:b], tgt_lang)
    return read_alike(source, target, _source_marks(ctx, src_lang)[:2], marks(tgt_lang))


def _figure(value: float) -> str:
    return f"{value:,.10g}" if abs(value) >= 1000 else f"{value:.10g}"


class NumberMismatch(_PairRule, Detector):
    """What it does:
    Compares the figures of each translated sentence with those of its source sentence, read
    with each language's separators and scale words (`13.000` in Spanish is `13,000` in English,
    `1.500 millones` is `1.5 billion` or `1,500 million`, `tres` is `three`), and reports a
    figure of the source that the translation lost or changed.

    Why it matters:
    A wrong number is among the most harmful translation errors and the least visible: the
    sentence still reads well.

    Example:
    Source: «Se vacunaron 1.250 personas en 2021.»
    Translation: 1,520 people were vaccinated in 2021.

    Use instead:
    1,250 people were vaccinated in 2021.
    """

    code = "A103"
    name = "number-mismatch"
    severity = Severity.ERROR  # 91 % of these overlapped an expert's error span on Bio-MQM

    def check(self, ctx):
        for pair in linked_pairs(ctx):
            if is_copy(pair):
                continue  # a sentence left in the source language is A107's; its figures are the source's own
            numbers = compare_numbers(ctx, pair)
            if not numbers.missing:
                continue
            if len(numbers.missing) == 1 and len(numbers.extra) == 1:
                q, s = numbers.extra[0], numbers.missing[0]
                yield self.finding(
                    q.start,
                    q.end,
                    f"the source has {pair.source_text[s.start:s.end]} where the translation has "
                    f"{ctx.doc.view[q.start:q.end]}",
                    suggestion=f"check the figure against the source: “{_shorten(pair.source_text)}”",
                )
                continue
            start, end = pair.span
            shown = ", ".join(pair.source_text[s.start:s.end] for s in numbers.missing)
            yield self.finding(
                start,
                end,
                f"figures of the source missing from this sentence: {shown}",
                suggestion=f"source: “{_shorten(pair.source_text)}”",
            )


class NumberSourceFormat(_PairRule, Detector):
    """What it does:
    Reports a figure of the translation that equals the source's figure only when read with the
    source language's separators: `13.000 people` for «13.000 personas» (English reads thirteen).

    Why it matters:
    Spanish groups thousands with a dot and writes decimals with a comma, English the reverse; a
    figure copied unchanged is read a thousand times too small, or as a different decimal.

    Example:
    Source: «Unas 13.000 personas se manifestaron.»
    Translation: Some 13.000 people demonstrated.

    Use instead:
    Some 13,000 people demonstrated.
    """

    code = "A104"
    name = "number-source-format"
    severity = Severity.WARNING
    supersedes = ("N101",)  # the same copied `13.000`, now known to be the source's figure

    def check(self, ctx):
        severity = _format_severity(ctx)
        if severity is None:
            return
        thousands, decimal = marks(ctx.target_base)
        for pair in linked_pairs(ctx):
            for q, s in compare_numbers(ctx, pair).copied:
                fix = s.written(thousands, decimal)
                misread = f" (as written it reads {_figure(q.value)})" if q.readable else ""
                yield self.finding(
                    q.start,
                    q.start + len(q.text),
                    f"“{q.text}” has {_source_name(ctx)} separators for the source's “{s.text}”{misread}; "
                    f"{LANG_NAMES.get(ctx.target_base, ctx.target_base)} writes {fix}",
                    suggestion=fix,
                    severity=severity,
                )


def _format_severity(ctx) -> Severity | None:
    """Regions differ: Mexican Spanish writes 13,000 as English does, so a plain "es" target is only
    told (info), and a target region that writes numbers that way is not told at all."""
    from tqcheck.text.numbers import conventions

    conv = conventions(ctx.target_base)
    if conv is None or not conv.point_decimal_regions:
        return Severity.WARNING
    region = ctx.target_lang.split("-")[1].upper() if "-" in ctx.target_lang else None
    if region is None:
        return Severity.INFO
    return None if region in conv.point_decimal_regions else Severity.WARNING


# -- quotations -----------------------------------------------------------------------------------

# An opening double quotation mark: a typographic opener, or a straight mark before a word.
_OPENING = warmstart.regex(r"[“«„]|(?:(?<=^)|(?<=[\s(\[]))\"(?=\w)")
_QUOTED = warmstart.regex(r"[“«„\"]([^“”«»„\"]{1,300})[”»“\"]")
_QUOTE_MARKS = "“«„\""  # one of which every _OPENING match holds
_QUOTE_MARK = warmstart.regex(f"[{_QUOTE_MARKS}]")


def _opened(text: str, start: int, end: int) -> int:
    """How many quotations text[start:end] opens; most sentences have no quotation mark at all."""
    if _QUOTE_MARK.search(text, start, end) is None:
        return 0
    return len(_OPENING.findall(text, start, end))


MIN_QUOTE_CHRF = 20.0  # below this, the quoted words of the translation do not render the source's
MIN_QUOTE_WORDS = 3


class QuotationMismatch(_PairRule, Detector):
    """What it does:
    Counts the quotations opened in each source sentence and in its translation and reports a
    translation that lost or gained one. With an engine it also compares the quoted words with
    a machine translation of the source's quotation and reports (at info) those far apart.

    Why it matters:
    A quotation that loses its marks becomes the writer's claim instead of the speaker's; marks
    added where the source had none attribute words to someone who did not say them.

    Example:
    Source: «El ministro habló de «un paso histórico» para el país.»
    Translation: The minister spoke of a historic step for the country.

    Use instead:
    The minister spoke of “a historic step” for the country.
    """

    code = "A105"
    name = "quotation-mismatch"
    severity = Severity.WARNING

    def check(self, ctx):
        # The sentences with a quotation mark on either side, each found by one search: a pair with none
        # opens no quotation on either side (most pairs), and without an engine has nothing more to compare.
        quoted_target = {seg.index for seg in segments_holding(ctx, _QUOTE_MARKS)}
        quoted_source = {seg.index for seg in segments_holding(ctx, _QUOTE_MARKS, source=True)}
        for pair in linked_pairs(ctx):
            link = pair.link
            if not pair.source_mt and quoted_source.isdisjoint(link.source) and quoted_target.isdisjoint(link.target):
                continue
            opened_source = _opened(pair.source_text, 0, len(pair.source_text))
            opened_target = sum(_opened(ctx.doc.view, a, b) for a, b in pair.target_spans)
            start, end = pair.span
            if opened_source != opened_target:
                lost = opened_source > opened_target
                yield self.finding(
                    start,
                    end,
                    f"the source opens {opened_source} quotation{'s' if opened_source != 1 else ''} here, "
                    f"the translation {opened_target}",
                    suggestion=(f"mark the quoted words as the source does: “{_shorten(pair.source_text)}”" if lost
                                else "remove the quotation marks the source does not have"),
                )
                continue
            if pair.source_mt:
                yield from self._quoted_words(ctx, pair)

    def _quoted_words(self, ctx, pair: Pair):
        from tqcheck.translation.roundtrip import sentence_chrf

        expected = _QUOTED.findall(pair.source_mt)
        actual = [(m.group(1), m.start(1), m.end(1)) for a, b in pair.target_spans for m in _QUOTED.finditer(ctx.doc.view, a, b)]
        if len(expected) != len(actual):
            return
        for want, (got, start, end) in zip(expected, actual):
            if len(got.split()) < MIN_QUOTE_WORDS:
                continue
            score = sentence_chrf(got, want)
            if score < MIN_QUOTE_CHRF:
                yield self.finding(
                    start,
                    end,
                    f"the quoted words may not render the source's quotation (chrF {score:.0f} against a "
                    f"machine translation of it: “{_shorten(want, 100)}”)",
                    severity=Severity.INFO,
                )


# -- names, acronyms, addresses -------------------------------------------------------------------

# Tokens a translation keeps. `verbatim`: missing as written means lost. The others are often
# translated (OMS → WHO, IC95 → CI95, #QuédateEnCasa → #StayHome), so only a drop in their number
# counts, and only as information: on medical abstracts half of those drops were translations.
KEPT_TOKENS = (
    ("URL", True, Severity.WARNING, warmstart.regex(r"\b(?:https?://|www\.)[^\s<>()\"“”«»]+[^\s<>()\"“”«».,;:!?]")),
    ("e-mail address", True, Severity.WARNING, warmstart.regex(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")),
    ("handle", True, Severity.WARNING, warmstart.regex(r"(?<![\w@.])@\w{2,}")),
    ("code", False, Severity.INFO, warmstart.regex(r"(?<![\w-])(?=[\w-]*\d)(?=[\w-]*[A-Z][\w-]*[A-Z])[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*(?![\w-])")),
    ("hashtag", False, Severity.INFO, warmstart.regex(r"(?<![\w#])#[^\W\d_]\w*")),
    # (?<![\w-])(?![IVXLCDM]+\b)[A-Z]{2,6}s?(?![\w-]), its look-arounds moved after the first capital so
    # that the regex engine tries them only at capitals (three times faster; the same matches).
    ("acronym", False, Severity.INFO, warmstart.regex(
        r"[A-Z](?<![\w-][A-Z])(?:(?<![IVXLCDM])|(?![IVXLCDM]*\b))[A-Z]{1,5}s?(?![\w-])")),
)


# What a text must hold for each kind of KEPT_TOKENS to be in it (a URL `http`/`www.`, an address or a
# handle `@`, a hashtag `#`, a code or an acronym two capitals): most sentences hold none of these, and
# a pattern that cannot match is not run (the same tokens are found, A106 costs a fraction).
_TWO_CAPITALS = warmstart.regex(r"[A-Z][^A-Z]*+[A-Z]")
_CAPITAL_PAIR = warmstart.regex(r"[A-Z]{2}")
_MAY_HOLD = {
    "URL": lambda t: "http" in t or "www." in t,
    "e-mail address": lambda t: "@" in t,
    "handle": lambda t: "@" in t,
    "code": lambda t: _DIGIT.search(t) is not None and _TWO_CAPITALS.search(t) is not None,
    "hashtag": lambda t: "#" in t,
    "acronym": lambda t: _CAPITAL_PAIR.search(t) is not None,
}


KEPT_PATTERNS = {kind: pattern for kind, _, _, pattern in KEPT_TOKENS}
A111_KINDS = frozenset({"code", "acronym"})  # what A111 counts in a bilingual unit


def kept_tokens(text: str, skip: frozenset[str] = frozenset()) -> dict[str, list[str]]:
    """The kept tokens of a text by kind; those of a kind in `skip` are not looked for (only "acronym",
    the last kind, may be skipped without changing what the others find)."""
    found: dict[str, list[str]] = {}
    taken: list[tuple[int, int]] = []
    for kind, _, _, pattern in KEPT_TOKENS:
        if kind in skip or not _MAY_HOLD[kind](text):
            continue
        for m in pattern.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue  # a code inside a URL, an acronym inside a code
            taken.append((m.start(), m.end()))
            found.setdefault(kind, []).append(m.group(0))
    return found


class KeptTokenMissing(_PairRule, Detector):
    """What it does:
    Reports URLs, e-mail addresses and @handles of a source sentence that its translation does not
    contain verbatim, and (as information) codes such as `COVID-19`, acronyms and hashtags whose
    number dropped: they may be translated (OMS → WHO), but not lost.

    Why it matters:
    Machine translation mangles addresses and codes ("www. example. com"), and drops acronyms in
    lists; a reader can no longer follow the link or identify the organisation.

    Example:
    Source: «Más información en www.sanidad.gob.es o en el 900 100 200.»
    Translation: More information at www. health. gob. es or on 900 100 200.

    Use instead:
    More information at www.sanidad.gob.es or on 900 100 200.
    """

    code = "A106"
    name = "kept-token-missing"
    severity = Severity.WARNING

    def check(self, ctx):
        bilingual = getattr(ctx.doc, "bilingual", None) is not None
        skip = frozenset({"acronym"}) if bilingual else frozenset()  # A111's there
        found = linked_pairs(ctx)
        may_name = _first_name_search(found)
        for pair in found:
            # One finding per severity: two of one code on one span would be one (the runner dedupes).
            lost_by_severity: dict[Severity, list[tuple[str, list[str]]]] = {}
            names = [] if is_copy(pair) or may_name is None or may_name(pair.source_text) is None else \
                missing_names(pair.source_text, pair.target_text)
            if names:
                lost_by_severity.setdefault(Severity.WARNING, []).append(("name", names))
            # The raw text: a Markdown or HTML reader blanks URLs out of the prose the other checks read.
            if bilingual and not _may_hold_kept(ctx.source_doc, pair.source_spans):
                source = {}
            else:
                source = kept_tokens(_raw_text(ctx.source_doc, pair.source_spans), skip)
            if not source and not lost_by_severity:
                continue  # nothing of the source's to look for (most pairs)
            target_raw = _raw_text(ctx.doc, pair.target_spans) if source else ""  # read only when compared
            target = kept_tokens(target_raw, skip) if source else {}
            for kind, verbatim, severity, _ in KEPT_TOKENS:
                wanted = source.get(kind, [])
                if not wanted or bilingual and kind in A111_KINDS:
                    continue  # in a bilingual file A111 counts acronyms and codes, as a warning
                have = target.get(kind, [])
                if verbatim:
                    lost = [t for t in dict.fromkeys(wanted) if t not in target_raw]
                elif len(have) < len(wanted):
                    lost = [t for t in dict.fromkeys(wanted) if t not in have]
                else:
                    lost = []
                if lost:
                    lost_by_severity.setdefault(severity, []).append((kind, lost))
            start, end = pair.span
            for severity, groups in sorted(lost_by_severity.items(), reverse=True):
                everything = [t for _, lost in groups for t in lost]
                yield self.finding(
                    start,
                    end,
                    "; ".join(f"{kind}{'s' if len(lost) > 1 else ''} of the source missing here: {', '.join(lost)}"
                              for kind, lost in groups),
                    suggestion="keep " + ", ".join(everything),
                    severity=severity,
                )


def _may_hold_kept(doc, spans: list[tuple[int, int]]) -> bool:
    """Whether a bilingual unit's raw source may hold a token A106 compares there (a URL, an address, a
    handle, a hashtag; acronyms and codes are A111's), searched in place: most units hold none and need
    no more reading. None of these marks spans white space, which _raw_text collapses."""
    find = doc.text.find
    for span in spans:
        a, b = doc.raw_span(*span)
        # what a URL, an address, a handle or a hashtag holds, each searched in turn (no generator: every unit)
        if find("@", a, b) >= 0 or find("#", a, b) >= 0 or find("http", a, b) >= 0 or find("www.", a, b) >= 0:
            return True
    return False


def _raw_text(doc, spans: list[tuple[int, int]]) -> str:
    """The raw characters under view spans, white space collapsed (URLs, tags and entities kept)."""
    return " ".join(" ".join(doc.text[a:b].split()) for a, b in (doc.raw_span(*span) for span in spans))


_NAME_WORD = warmstart.regex(r"[^\W\d_][\w’'-]*")
# Every capitalised _NAME_WORD is one of these matches, whole: each starts at a letter that is no small
# ASCII or Latin-1 letter (a superset of the capitals, searched by the engine's fast first-character
# skip), and runs on as a _NAME_WORD does. A match that is none (`Ana` in `a1Ana`) only costs the walk.
_MAY_BE_CAPITALISED = warmstart.regex(r"[^\W\d_a-z\u00df-\u00ff][\w’'-]*+")
_NAME_PARTICLES = frozenset({"de", "del", "la", "da", "do", "dos", "das", "van", "von", "y", "i"})
# An article before a "first name" makes it a noun in a title ("la Vida Diaria", "la Rosa de los Vientos"):
# the press does not put one before a person's name.
_ARTICLES = frozenset({"el", "la", "los", "las", "un", "una", "le", "les", "o", "a", "os", "as", "the"})
MAX_NAME_WORDS = 4


def _first_name_search(found: list[Pair]):
    """A search that finds in a pair's source each capitalised word of the pairs' sources that is a known
    first name, or None when they hold none: a source it finds nothing in holds no such word, so
    missing_names() would stop at its first test. One pass over the sources joined (a space between two:
    no capitalised word spans it, so the words are those of each) instead of one per pair."""
    from tqcheck.rules.person_words import first_names

    capitalised = set(_MAY_BE_CAPITALISED.findall(" ".join([p.source_text for p in found])))
    folded = {w: w.lower() if w.isascii() else _fold(w) for w in capitalised}  # as missing_names folds them
    known = first_names().among(set(folded.values()))
    present = sorted((w for w, f in folded.items() if f in known), key=len, reverse=True)
    if not present:
        return None
    # each as a whole capitalised word runs on (its end), wherever it begins
    return warmstart.regex(f"(?:{'|'.join(map(re.escape, present))})(?![\\w’'-])", store=False).search


def missing_names(source_text: str, target_text: str) -> list[str]:
    """Personal names of the source (a known first name, then capitalised surnames) whose surname the
    target does not contain: names are kept in translation, so a lost surname is a lost person."""
    from tqcheck.rules.person_words import first_names

    names = first_names()
    capitalised = set(_MAY_BE_CAPITALISED.findall(source_text))
    # Every value is "f" or "m": a word that may be capitalised is a known first name when the list holds it,
    # and one set intersection asks for all of them (the list's own set, built once it is asked often). _fold
    # inlined for the ASCII words: this runs on every pair.
    if not capitalised or not names.among({w.lower() if w.isascii() else _fold(w) for w in capitalised}):
        return []  # no known first name, capitalised: most sentences, read without the walk below
    words = [(m.start(), m.end(), m.group(0)) for m in _NAME_WORD.finditer(source_text)]
    target_words = None  # folded lazily: most sentences name no one, and folding every word costs most of A106
    lost, i = [], 0
    while i < len(words):
        start, end, word = words[i]
        if not (word[0].isupper() and names.get(_fold(word))) or (i and words[i - 1][2].lower() in _ARTICLES):
            i += 1
            continue
        j, last = i + 1, None
        while j < len(words) and j - i < MAX_NAME_WORDS and source_text[words[j - 1][1]:words[j][0]].isspace():
            w = words[j][2]
            if w[0].isupper():
                last = j
            elif w.lower() not in _NAME_PARTICLES:
                break
            j += 1
        if last is None:
            i += 1
            continue
        surname = words[last][2]
        if target_words is None:
            target_words = {_fold(w) for w in _NAME_WORD.findall(target_text)}
        if _fold(surname) not in target_words and not names.get(_fold(surname)):
            lost.append(source_text[start:words[last][1]])
        i = last + 1
    return list(dict.fromkeys(lost))


def _fold(word: str) -> str:
    """person_words.fold, without its Unicode decomposition for the ASCII words that have nothing to fold."""
    if word.isascii():
        return word.lower()
    from tqcheck.rules.person_words import fold

    return fold(word)


# -- copies, lengths, meaning -------------------------------------------------------------------

_WORD = warmstart.regex(r"[^\W\d_]+")
_NON_ASCII_LETTER = warmstart.regex(r"[^\W\d_A-Za-z]")
_ASCII_LOWER_WORD = warmstart.regex(r"(?<![A-Za-z])[a-z]{2,}+(?![A-Za-z])")
MIN_COPY_WORDS = 3  # lowercase words a sentence needs before it can be called a copy
COPY_SHARE = 0.8  # share of its lowercase words found in the source sentence


def is_copy(pair: Pair) -> bool:
    """Whether the translated sentence is (nearly) its source, untranslated (A107)."""
    return pair.looks_copied


def looks_copied(source_text: str, target_text: str) -> bool:
    """is_copy's answer from the texts, most pairs decided without reading the source's words.

    A word of the source's is a stretch of its lower-cased text, so the target's words found anywhere in
    that text (a substring search in C) are at least those among the source's words: when fewer than
    COPY_SHARE of them are, the pair is no copy (a translation, nearly always). Else copied_share decides.
    """
    words = _target_words(target_text)
    n = len(words)
    if n < MIN_COPY_WORDS:
        return False
    found = source_text.lower().__contains__
    # The first half's words found, with every word of the second half counted as found, is a bound
    # above the share: below COPY_SHARE it settles a translation (most) at half the searches.
    half = n // 2
    if (sum(map(found, words[:half])) + n - half) / n < COPY_SHARE:
        return False
    if sum(map(found, words)) / n < COPY_SHARE:
        return False
    share, count = copied_share(source_text, target_text)
    return count >= MIN_COPY_WORDS and share >= COPY_SHARE


def copied_share(source_text: str, target_text: str) -> tuple[float, int]:
    """(share of the target's lowercase words also in the source, how many there are)."""
    # The same words as {w.lower() for w in words}, found without a Python step per word where that is
    # exact: lower() keeps every character a letter or not, one for one, except U+0130 (İ → i + a
    # combining dot).
    if "\u0130" not in source_text:
        source_words = set(_WORD.findall(source_text.lower()))
    else:
        source_words = {w.lower() for w in _WORD.findall(source_text)}
    words = _target_words(target_text)
    if not words:
        return 0.0, 0
    return sum(map(source_words.__contains__, words)) / len(words), len(words)


def _target_words(target_text: str) -> list[str]:
    """The target's lowercase words of two letters or more, as [w for w in words if w.islower() and
    len(w) > 1]: a target without letters beyond ASCII has only [A-Za-z] ones (most texts; the others
    take the general way)."""
    if target_text.isascii() or _NON_ASCII_LETTER.search(target_text) is None:
        return _ASCII_LOWER_WORD.findall(target_text)
    return [w for w in _WORD.findall(target_text) if w.islower() and len(w) > 1]


class UntranslatedSentence(_PairRule, Detector):
    """What it does:
    Reports a translated sentence that is (nearly) identical to its source sentence: most of its
    ordinary words are the source's own words.

    Why it matters:
    A sentence left in the source language is a gap in the translation; engines skip sentences
    they cannot parse, and editors paste the original by mistake.

    Example:
    Source: «Los resultados se publicarán en marzo.»
    Translation: Los resultados se publicarán en marzo.

    Use instead:
    The results will be published in March.
    """

    code = "A107"
    name = "untranslated-sentence"
    severity = Severity.ERROR

    def check(self, ctx):
        for pair in linked_pairs(ctx):
            if is_copy(pair):
                start, end = pair.span
                yield self.finding(
                    start,
                    end,
                    f"this sentence is the {_source_name(ctx)} source, untranslated",
                    suggestion=f"translate it, e.g. “{_shorten(pair.source_mt)}”" if pair.source_mt else "translate it",
                )


LENGTH_Z = 3.5  # |z| beyond which lengths are implausible (precision 16/18 on Bio-MQM es→en)
MIN_LENGTH_GAP = 40  # characters: below this difference, never report


def length_z(pair: Pair, ratio: float) -> float:
    """How many standard deviations the target length is from the expected one (Gale & Church)."""
    ls, lt = len(pair.source_text), len(pair.target_text)
    return (lt - ratio * ls) / math.sqrt(max(ls, 1) * LENGTH_VARIANCE)


def document_length_ratio(ctx, found: list[Pair]) -> float:
    """The median characters-per-character of the document's 1-1 pairs, else the aligner's ratio (kept for
    the pairs last asked about: the suspicion and A108 ask about the file's pairs)."""
    kept = ctx.cache.get("source.length_ratio")
    if kept is not None and kept[0] is found:
        return kept[1]
    ratio = _length_ratio(ctx, found)
    ctx.cache["source.length_ratio"] = (found, ratio)
    return ratio


def _length_ratio(ctx, found: list[Pair]) -> float:
    ratios = [len(p.target_text) / len(p.source_text) for p in found
              if len(p.link.source) == 1 and len(p.link.target) == 1 and len(p.source_text) >= 20]  # kind "1-1"
    if len(ratios) >= 5:
        return median_of(ratios)
    return alignment_for(ctx).ratio


class LengthRatio(_PairRule, Detector):
    """What it does:
    Reports a translated sentence far shorter or longer than its source sentence, measured against
    the length ratio of the language pair and of the rest of the document.

    Why it matters:
    A translation much shorter than its source has usually lost a clause; one much longer has
    gained words the source does not have, or repeats itself.

    Example:
    Source: «El estudio, que incluyó a 300 pacientes de cinco hospitales de Andalucía y Extremadura durante los
    dos últimos años, no halló diferencias significativas entre los dos tratamientos.»
    Translation: The study found no differences.

    Use instead:
    The study, which included 300 patients from five hospitals in Andalusia and Extremadura over the last two
    years, found no significant differences between the two treatments.
    """

    code = "A108"
    name = "length-ratio"
    severity = Severity.WARNING

    def check(self, ctx):
        ratio = document_length_ratio(ctx, pairs(ctx))
        for pair in linked_pairs(ctx):
            gap = len(pair.target_text) - ratio * len(pair.source_text)  # length_z's numerator
            if abs(gap) < MIN_LENGTH_GAP or abs(length_z(pair, ratio)) < LENGTH_Z:  # most pairs: the gap alone
                continue
            z = length_z(pair, ratio)
            start, end = pair.span
            shorter = z < 0
            yield self.finding(
                start,
                end,
                f"this translation is {len(pair.target_text)} characters for a source of {len(pair.source_text)} "
                f"(about {ratio * len(pair.source_text):.0f} expected): it may {'omit' if shorter else 'add'} something",
                suggestion=f"compare with the source: “{_shorten(pair.source_text)}”",
            )


MEANING_MARGIN = 25.0  # chrF points below the document's median
MEANING_FLOOR = 35.0  # and below this
MIN_MEANING_WORDS = 6


class MeaningDrift(_PairRule, Detector):
    """What it does:
    Back-translates each translated sentence into the source language with an offline engine and
    compares it with the real source sentence (chrF); reports a sentence far below the rest of the
    document, with the source and the back-translation side by side.

    Why it matters:
    A sentence whose back-translation has little in common with its source often mistranslates it:
    a wrong sense of a word, a lost negation, a clause attached to the wrong noun.

    Example:
    Source: «No se descarta que el virus circule desde enero.»
    Translation: The virus is ruled out to have circulated since January.

    Use instead:
    It is not ruled out that the virus has been circulating since January.
    """

    code = "A109"
    name = "meaning-drift"
    severity = Severity.INFO
    needs = frozenset({"source", "engine"})

    def check(self, ctx):
        scored = [(p, p.back_chrf) for p in pairs(ctx) if p.back_chrf is not None
                  and len(p.target_text.split()) >= MIN_MEANING_WORDS]
        if len(scored) < 3:
            return
        median = median_of(c for _, c in scored)
        for pair, chrf in scored:
            if chrf < MEANING_FLOOR and chrf < median - MEANING_MARGIN:
                start, end = pair.span
                yield self.finding(
                    start,
                    end,
                    f"the back-translation differs from the source (chrF {chrf:.0f}, document median {median:.0f}): "
                    f"source “{_shorten(pair.source_text)}”; back-translation “{_shorten(pair.target_bt)}”",
                    suggestion=f"machine translation of the source: “{_shorten(pair.source_mt)}”" if pair.source_mt
                    else f"source: “{_shorten(pair.source_text)}”",
                )


# -- segment suspicion ---------------------------------------------------------------------------

def segment_signals(ctx, found: list[Pair], research: bool = False) -> dict[int, dict[str, float]]:
    """Per target sentence, the raw signals the suspicion is made of; with `research`, also the figures and
    the copied share, which suspicion() does not weigh but tools/measure_bio.py measures (a run computes
    them only where A103, A104 or A107 ask)."""
    ratio = document_length_ratio(ctx, found)
    roundtrips = ctx.cache.get("roundtrip") or {}
    out: dict[int, dict[str, float]] = {}
    for pair in found:
        if not pair.link.target:
            continue
        # len(target_text.split()): the text is collapsed (single spaces, none at either end), so its spaces count
        # its words, without a list of them
        target_text = pair.target_text
        signals: dict[str, float] = {"words": float(target_text.count(" ") + 1 if target_text else 0)}
        if not pair.link.source:
            signals["addition"] = 1.0
        else:
            if research:
                numbers = compare_numbers(ctx, pair)
                signals["numbers"] = float(len(numbers.missing) + len(numbers.extra) + len(numbers.copied))
            signals["length_z"] = abs(length_z(pair, ratio))
            if research:
                signals["copied"] = pair.copied[0]
            # each chrF is None without the machine translation it reads (every pair of an engine-less run)
            if pair.source_mt and pair.forward_chrf is not None:
                signals["forward_chrf"] = pair.forward_chrf
            if pair.target_bt and pair.back_chrf is not None:
                signals["back_chrf"] = pair.back_chrf
        unknown = sum(len(roundtrips[j].unknown) for j in pair.link.target if j in roundtrips)
        if roundtrips:
            signals["unknown"] = float(unknown)
        for j in pair.link.target:
            out[j] = signals
    return out


def segment_suspicion(ctx, found: list[Pair]) -> dict[int, float]:
    return {j: suspicion(s) for j, s in segment_signals(ctx, found).items()}


# Suspicion is an expected amount of error: MQM scores add up errors, so longer sentences carry
# more, and each signal raises the rate per word or adds errors of its own. Weights were chosen on
# Bio-MQM es→en with tools/measure_bio.py (τ_b per signal there). chrF against the source's own
# machine translation added nothing beyond the back-translation's, nor did the figures (their
# findings already count), so neither weighs here.
BASE_RATE = 0.1  # errors per word in a sentence with no other sign of trouble
BACK_WEIGHT = 1.0  # per unit of (1 − chrF/100) of the back-translation against the source
TYPICAL_BACK_CHRF = 55.0  # stands in for it without an engine (the median on Bio-MQM)
UNKNOWN_WEIGHT = 0.5  # per word the engine did not know
LENGTH_WEIGHT = 1.0  # per standard deviation of length beyond LENGTH_FREE
LENGTH_FREE = 2.0
ADDITION_MASS = 10.0  # a sentence with no counterpart in the source
MASS_SCALE = 40.0  # mass at which suspicion reaches 1 − 1/e


def suspicion(signals: dict[str, float]) -> float:
    """0..1 from one sentence's signals (see segment_signals)."""
    if signals.get("addition"):
        mass = ADDITION_MASS
    else:
        back = signals.get("back_chrf", TYPICAL_BACK_CHRF)
        rate = BASE_RATE + BACK_WEIGHT * (1 - back / 100)
        mass = (signals.get("words", 0.0) * rate
                + UNKNOWN_WEIGHT * signals.get("unknown", 0.0)
                + LENGTH_WEIGHT * max(0.0, signals.get("length_z", 0.0) - LENGTH_FREE))
    return 1.0 - math.exp(-mass / MASS_SCALE)
