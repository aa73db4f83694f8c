"""Boilerplate and scraper junk left in an article: credit lines, widgets, timestamps, ad code."""
from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from functools import lru_cache

from tqcheck.data import langdata
from tqcheck.speed import warmstart
from tqcheck.speed.first_chars import first_characters
from tqcheck.finding import Severity
from tqcheck.rules.base import Detector

# Decoration a CMS or a Markdown conversion puts around a widget label: bullets, bold, arrows.
_DECORATION = " \t*_#>•·|▶►»«→-–—"
_LINE = warmstart.regex(r"[^\n\r]+")


def _icon(char: str) -> bool:
    """A pictograph a theme puts before a widget's label ("📡 Similar coverage", "🔗 Read more"), with the
    variation selector and joiner that dress it; flags (regional indicators) are not icons but words."""
    return "\U0001F300" <= char <= "\U0001FAFF" or "\u2600" <= char <= "\u27BF" or char in "\uFE0F\u200D"


# A list item: a bullet or a dash, then a space, at the start of a line.
_BULLET = warmstart.regex(r"[ \t]*(?:[•·▪◦‣►▶*]|[-–—](?=\s))")
# A list item under a bare related-links label is a headline; a longer line is prose.
LIST_ITEM_MAX_WORDS = 30
_WORD = warmstart.regex(r"\S+")
# After an end-of-article marker, a line longer than this is prose again, not a link title.
JUNK_MAX_WORDS = 14
# A block this long after the marker means the article goes on: the marker was mid-article.
ARTICLE_BLOCK_WORDS = 40
# So does a whole sentence this long (a text cut near 2,000 characters may hold no 40-word paragraph): link
# titles and widget labels do not end in a full stop at such a length.
ARTICLE_SENTENCE_WORDS = 20
# A line ended as a sentence (its mark, then any closing quotation mark or bracket): long, the article's own text;
# short, no caption past a few words, no masthead, no section label. One pattern serves all of them.
_SENTENCE_END = warmstart.regex(r"[.!?…:;][”\"’)\]]*$")
# No whole-line widget is longer than this; longer lines are prose and are not matched.
MAX_LINE_CHARS = 300
# Lines a first character opens in a file before they are tried against the rules that can start with it
# alone (_line_regex_for): loading that narrower alternation costs half a millisecond, some hundred lines'
# worth of trying every rule, so an article's few lines keep the one alternation of all the rules.
LINES_BEFORE_NARROWING = 100
# A credit or a tweet's link run into a paragraph sits in a line no longer than this; a longer
# line is not a page's layout, and is not searched.
MAX_INLINE_LINE_CHARS = 4000


@dataclass(frozen=True)
class Rule:
    """One boilerplate rule of the target language's table, its macros expanded."""

    code: str
    pattern_source: str  # macros expanded; compiled on first use (a file's scan runs the three joined patterns)
    anywhere: bool  # search inside the line (code) rather than match a whole line; the line is flagged
    inline: bool  # search inside the line; only the words matched are flagged
    keywords: tuple[str, ...]  # for `anywhere` and `inline` rules: a line holding none of these is not searched
    ends_article: bool
    opens_list: bool  # a bare label: the bulleted lines right after it are its links (B102)
    info: bool  # reported at info: boilerplate, but also a house style of native articles (a caption's credit)
    headings: bool  # also a Markdown heading: false for words an author heads a section with ("Contact")
    what: str
    byline_at_head: bool = False  # above the article's first prose line it is a byline: info, as `By AFP` is
    picture_credit: bool = False  # a whole line crediting a picture: the short lines above it are its caption (B105)
    entry_time: bool = False  # a time alone: when two or more such lines each head a paragraph, a live blog's entries
    head_only: bool = False  # page furniture only above the article's first prose line; below, the article's own line
    entry_date: bool = False  # a date alone: under a numbered entry's heading ("25. TUNNEY PTS 10 DEMPSEY"), that entry's date

    @property
    def pattern(self) -> re.Pattern:
        return warmstart.regex(self.pattern_source, re.IGNORECASE)


@dataclass(frozen=True)
class Hit:
    """A boilerplate line (or words of a line) found, with the rule's code."""

    code: str
    start: int
    end: int
    what: str
    info: bool = False


_MACRO = warmstart.regex(r"%([A-Z_]+)%")


def expand(pattern: str, macros: dict[str, str]) -> str:
    """Replace `%NAME%` by the macro's regex (macros may use other macros)."""
    for _ in range(5):
        expanded = _MACRO.sub(lambda m: macros[m.group(1)], pattern)
        if expanded == pattern:
            break
        pattern = expanded
    return pattern


@lru_cache(maxsize=None)
def rules(target: str) -> tuple[Rule, ...]:
    table = langdata.load("boilerplate", f"{target}.toml")
    macros = table.get("macros", {})
    return tuple(
        Rule(
            code=raw.get("code") or table["code"],
            pattern_source=expand(raw["pattern"], macros),
            anywhere=raw.get("anywhere", False),
            inline=raw.get("inline", False),
            keywords=tuple(k.lower() if raw.get("inline") else k for k in raw.get("keywords", ())),
            ends_article=raw.get("ends_article", False),
            opens_list=raw.get("opens_list", False),
            info=raw.get("info", False),
            headings=raw.get("headings", True),
            what=raw["what"],
            byline_at_head=raw.get("byline_at_head", False),
            picture_credit=raw.get("picture_credit", False),
            entry_time=raw.get("entry_time", False),
            entry_date=raw.get("entry_date", False),
            head_only=raw.get("head_only", False),
        )
        for raw in table.get("line", [])
    )


def _lines(view: str, start: int, end: int):
    """(start, end) of each line of a block, trimmed of white space and widget decoration."""
    for m in _LINE.finditer(view, start, end):
        a, b = m.start(), m.end()
        while a < b and (view[a] in _DECORATION or _icon(view[a])):
            a += 1
        while b > a and view[b - 1] in _DECORATION:
            b -= 1
        if b > a:
            yield a, b


def _words(view: str, start: int, end: int) -> int:
    return sum(1 for _ in _WORD.finditer(view, start, end))


def _kind(rule: Rule) -> str:
    return "inline" if rule.inline else "code" if rule.anywhere else "line"


@lru_cache(maxsize=None)
def _combined(target: str, kind: str) -> re.Pattern | None:
    """Whole-line rules in one alternation, code rules in another, inline rules in a third: one regex call each.
    Each is compiled when a line first needs it: most articles hold no line with a code rule's keyword."""
    return _alternation(target, tuple(i for i, r in enumerate(rules(target)) if _kind(r) == kind))


@lru_cache(maxsize=None)
def _alternation(target: str, indexes: tuple[int, ...]) -> re.Pattern | None:
    """The rules `indexes` in one alternation, in their order, each a group named after its index."""
    chosen = rules(target)
    parts = [f"(?P<r{i}>{chosen[i].pattern_source})" for i in indexes]
    return warmstart.regex("|".join(parts), re.IGNORECASE | re.MULTILINE) if parts else None


def _line_rules_by_first_character(target: str) -> dict[str, tuple[int, ...]]:
    """ASCII character → the whole-line rules whose match can start with it (`speed.first_chars`), in order."""
    chosen = [(i, r) for i, r in enumerate(rules(target)) if _kind(r) == "line"]
    starts = [first_characters(r.pattern_source, re.IGNORECASE | re.MULTILINE) for _, r in chosen]
    return {chr(c): tuple(i for (i, _), first in zip(chosen, starts) if first is None or chr(c) in first)
            for c in range(128)}


@lru_cache(maxsize=None)
def _line_regex_for(target: str, first: str) -> re.Pattern | None:
    """The whole-line alternation for a line starting with `first`: only the rules that can start with it.
    Widget labels start with few letters (`Share`, `Related`, `Photo`), and a prose line that starts with
    another was tried against all 81 rules in turn: 49 are left for a line opening `The`, 21 for `He`,
    and a line no rule can start like is not searched at all. The first rule to match is the one
    the whole alternation finds, since the rules left out cannot match the line."""
    return _alternation(target, _line_starts(target)[first])


@lru_cache(maxsize=None)
def _line_starts(target: str) -> dict[str, tuple[int, ...]]:
    # Kept in the warm-start file (asking the engine about each rule's first parts costs some 60 ms), under
    # the rules' patterns: an edited table is read afresh.
    sources = "\n".join(r.pattern_source for r in rules(target))
    key = f"boilerplate-starts:{target}:{zlib.crc32(sources.encode())}"
    return warmstart.data(key, lambda: _line_rules_by_first_character(target))


def _keywords(chosen, kind: str) -> tuple[str, ...]:
    """The substrings one of which a line must hold to be searched, or () when every line is searched."""
    picked = [r for r in chosen if _kind(r) == kind]
    return tuple(sorted({k for r in picked for k in r.keywords})) if all(r.keywords for r in picked) else ()


def scan(ctx) -> list[Hit]:
    """Every boilerplate line of the file, computed once and shared by the B1xx detectors."""
    if "boilerplate" in ctx.cache:
        return ctx.cache["boilerplate"]
    hits: list[Hit] = []
    chosen = rules(ctx.target_base)
    if chosen:
        view = ctx.doc.view
        line_re = _combined(ctx.target_base, "line")
        lines = []
        headings = set()  # lines of Markdown headings: the author's structure (in HTML a widget's label is often one)
        markdown = ctx.doc.format == "markdown"
        for block in ctx.doc.blocks:
            for span in _lines(view, block.start, block.end):
                if markdown and block.kind == "heading":
                    headings.add(len(lines))
                lines.append(span)
        credits = []  # indexes of whole-line picture credits (B105)
        markers = []  # indexes of lines that end an article
        labels = []  # indexes of bare labels whose bulleted lines follow
        times = []  # (line, hit) of lines that are a time alone
        dates = []  # (line, hit) of lines that are a date alone
        flagged = set()
        # A section word alone on a line between paragraphs ("Analysis") is a site's label, unless the article
        # heads its own sections with such lines: then, like a Markdown heading, it is one of the author's.
        subheads: set[int] | None = None  # computed on the first such match
        held: list[tuple[int, Hit]] = []  # matches of `headings = false` rules on subhead-shaped lines
        opened: dict[str, int] = {}  # ASCII first character → lines it opened so far
        prose_seen = False  # a line of the article's prose came before: the head (title, byline) is over
        for i, (a, b) in enumerate(lines):
            if line_re is None or b - a > MAX_LINE_CHARS:
                prose_seen = True
                continue
            regex = line_re
            first = view[a]
            if first < "\x80":
                opened[first] = n = opened.get(first, 0) + 1
                if n > LINES_BEFORE_NARROWING:
                    regex = _line_regex_for(ctx.target_base, first)
                    if regex is None:
                        continue
            m = regex.fullmatch(view, a, b)
            if m:
                rule = chosen[int(m.lastgroup[1:])]
                if i in headings and not rule.headings or rule.head_only and prose_seen:
                    continue
                hit = Hit(rule.code, a, b, rule.what, rule.info or rule.byline_at_head and not prose_seen)
                if not rule.headings and not (rule.ends_article or rule.opens_list or rule.picture_credit):
                    if subheads is None:
                        subheads = _subhead_lines(view, lines)
                    if i in subheads:
                        held.append((i, hit))
                        continue
                hits.append(hit)
                flagged.add(i)
                if rule.picture_credit:
                    credits.append(i)
                if rule.ends_article:
                    markers.append(i)
                if rule.opens_list:
                    labels.append(i)
                if rule.entry_time:
                    times.append((i, hit))
                if rule.entry_date:
                    dates.append((i, hit))
            elif not prose_seen and _prose(view, a, b):
                prose_seen = True
        if held:
            held_lines = {i for i, _ in held}
            own = sum(1 for i in subheads if i not in flagged and i not in held_lines)
            if own < MIN_OWN_SUBHEADS:
                for i, hit in held:
                    hits.append(hit)
                    flagged.add(i)
        if any(_kind(r) == "code" for r in chosen):
            # Substring tests are cheap; the regex runs only on lines that may hold code.
            keywords = _keywords(chosen, "code")
            in_script: set[int] = set()  # lines taken into a script found above them
            for i, (a, b) in enumerate(lines):
                line = view[a:b]
                if keywords and not any(k in line for k in keywords):
                    continue
                if i in in_script:
                    continue
                m = _combined(ctx.target_base, "code").search(line)
                if m:
                    rule = chosen[int(m.lastgroup[1:])]
                    # The script goes on below its telltale line: the finding (and its fix) takes it whole.
                    end, j = b, i + 1
                    while j < len(lines) and _script_line(view, *lines[j]):
                        end = lines[j][1]
                        in_script.add(j)
                        j += 1
                    hits.append(Hit(rule.code, a, end, rule.what))
                    flagged.add(i)
                    flagged.update(range(i + 1, j))
        if any(_kind(r) == "inline" for r in chosen):
            keywords = _keywords(chosen, "inline")
            for i, (a, b) in enumerate(lines):
                if i in flagged or b - a > MAX_INLINE_LINE_CHARS:
                    continue
                line = view[a:b]
                lowered = line.lower()
                if keywords and not any(k in lowered for k in keywords):
                    continue
                if _PLACE_FACT.match(line):
                    continue  # "Location: Dodger Stadium | Los Angeles": the place and its city, no site label
                for m in _combined(ctx.target_base, "inline").finditer(line):
                    if m.end() > m.start():
                        rule = chosen[int(m.lastgroup[1:])]
                        hits.append(Hit(rule.code, a + m.start(), a + m.end(), rule.what, rule.info))
        if len(times) >= LIVE_ENTRIES_MIN and all(i + 1 < len(lines) and _prose(view, *lines[i + 1]) for i, _ in times):
            # "10:35 a.m." over each update of a live blog: the article's own structure, not a scraped timestamp
            entry_hits = {id(hit) for _, hit in times}
            hits = [hit for hit in hits if id(hit) not in entry_hits]
            flagged.difference_update(i for i, _ in times)
        if dates:
            in_event_box = _event_boxes(view, lines)
            entry_dates = {id(hit) for i, hit in dates if _entry_date(view, lines, i) or in_event_box(i)}
            if entry_dates:
                hits = [hit for hit in hits if id(hit) not in entry_dates]
                flagged.difference_update(i for i, hit in dates if id(hit) in entry_dates)
        if labels:
            hits.extend(_listed_links(view, lines, labels, flagged))
        if markers:
            hits.extend(_trailing_junk(view, lines, markers, flagged))
        if credits:
            hits.extend(_captions(view, lines, credits, flagged, headings))
        hits.extend(_teasers(view, lines, flagged))
        hits.extend(_pull_quotes(view, lines, flagged))
        hits.extend(_masthead(view, lines, flagged))
        hits.sort(key=lambda h: (h.start, h.code))
    ctx.cache["boilerplate"] = hits
    return hits


# A line of a script's body, below a line the code rules recognised: a key and its value (`siteId: '3143',`),
# or a line a bracket closes or one that opens a bracket or ends a statement; never a run of five words of prose.
_SCRIPT_LINE = warmstart.regex(r"[\w$.\x27\"‘’]++\s*+:\s*+\S.*|[}\])].*|.*[{\[(,;]")
_PROSE_RUN = warmstart.regex(r"(?:[A-Za-z]++\s++){4}[A-Za-z]")
MAX_SCRIPT_LINE_CHARS = 300


def _script_line(view: str, a: int, b: int) -> bool:
    return (b - a <= MAX_SCRIPT_LINE_CHARS and _SCRIPT_LINE.fullmatch(view, a, b) is not None
            and _PROSE_RUN.search(view, a, b) is None)


# An author's subhead in a text without markup: a short line, capitalised, not ended as a sentence (a question
# may head a section), between two lines of prose. Two of them that are no widget's label make the article's
# own structure, and a section word shaped the same way ("Analysis", "Health") is one more of its headings.
SUBHEAD_MAX_WORDS = 8
MIN_OWN_SUBHEADS = 2
_SUBHEAD_END = warmstart.regex(r"[.!…:;,][”\"’)\]]*$")


def _subhead_lines(view: str, lines) -> set[int]:
    found = set()
    for i in range(1, len(lines) - 1):
        a, b = lines[i]
        if (view[a].isupper() and _words(view, a, b) <= SUBHEAD_MAX_WORDS and not _SUBHEAD_END.search(view, a, b)
                and _prose(view, *lines[i - 1]) and _prose(view, *lines[i + 1])):
            found.add(i)
    return found


# A live blog heads each update with its time; two such entries make the times the article's structure.
LIVE_ENTRIES_MIN = 2

# A numbered entry's heading ("25. GENE TUNNEY PTS 10 JACK DEMPSEY", "30. The Fight: Fury - Wilder III") and a
# fact line of the entry ("Location: T-Mobile Arena", "The fighters: Tyson Fury and Deontay Wilder").
_NUMBERED_ENTRY = warmstart.regex(r"\d{1,3}[.)]\s+\S")
_FACT_LINE = warmstart.regex(r"[^:\n]{1,30}:\s+\S")
ENTRY_HEAD_LINES = 2  # the date stands right under the entry's heading, or under one fact line of it
ENTRY_FACT_LINES = 8  # fact lines between the date and the entry's prose


# The fact line of an event's box that says where it takes place: "Location: Dodger Stadium", "Venue: Wembley".
_PLACE_FACT = warmstart.regex(r"(?:location|venue|where|stadium|arena|address)\s*:\s+\S", re.IGNORECASE)


def _event_boxes(view: str, lines):
    """Whether line i, a date or time, stands among fact lines one of which says where ("Time: 8:08 p.m. ET /
    Location: Dodger Stadium | Los Angeles / TV Channel: Fox"): the event's own time in the article's box, not
    the page's timestamp; a CMS's fact lines (author, category, tags) name no place. Each run of fact lines is
    read once for the whole page, so a page of many such lines costs a pass, not a walk of the run per date."""
    fact = [_FACT_LINE.match(view, a, b) is not None for a, b in lines]
    place = [f and _PLACE_FACT.match(view, a, b) is not None for f, (a, b) in zip(fact, lines)]
    n = len(lines)
    above = [False] * n  # the run of fact lines ending at k names a place
    below = [False] * n  # the run of fact lines starting at k names a place
    for k in range(n):
        above[k] = fact[k] and (place[k] or (k > 0 and above[k - 1]))
    for k in range(n - 1, -1, -1):
        below[k] = fact[k] and (place[k] or (k + 1 < n and below[k + 1]))
    return lambda i: (i > 0 and above[i - 1]) or (i + 1 < n and below[i + 1])


def _entry_date(view: str, lines, i: int) -> bool:
    """A date alone right under a numbered entry's heading (or one fact line below it), with the entry's prose
    after it, is that entry's date in a ranked list ("25. TUNNEY PTS 10 DEMPSEY / September 22, 1927 / TUNNEY
    outboxed Dempsey…"): the article's own content, not the page's timestamp. A site's numbered list of links
    with their dates has no prose under each entry."""
    for j in range(i - 1, max(i - 1 - ENTRY_HEAD_LINES, -1), -1):
        a, b = lines[j]
        if _NUMBERED_ENTRY.match(view, a, b):
            break
        if not _FACT_LINE.match(view, a, b):
            return False
    else:
        return False
    for k in range(i + 1, min(i + 2 + ENTRY_FACT_LINES, len(lines))):
        a, b = lines[k]
        if _NUMBERED_ENTRY.match(view, a, b):
            return False
        if _prose(view, a, b):
            return True
        if not _FACT_LINE.match(view, a, b):
            return False
    return False


def _listed_links(view: str, lines, labels: list[int], flagged: set[int]):
    """The bulleted lines right under a bare related-links label ("Also read", "Related") are its links."""
    for label in labels:
        for i in range(label + 1, len(lines)):
            a, b = lines[i]
            start = view.rfind("\n", 0, a) + 1
            if i in flagged or not _BULLET.match(view, start, a) or _words(view, a, b) > LIST_ITEM_MAX_WORDS:
                break
            flagged.add(i)
            yield Hit("B102", a, b, "link listed under a related-articles label")


def _article_text(view: str, a: int, b: int) -> bool:
    """A line that can only be the article's own text: a long paragraph, or a long sentence."""
    words = _words(view, a, b)
    return words > ARTICLE_BLOCK_WORDS or words >= ARTICLE_SENTENCE_WORDS and bool(_SENTENCE_END.search(view, a, b))


def _prose(view: str, a: int, b: int) -> bool:
    """A line of the article's prose, as B107 tells it from a link title: longer than one, or a sentence."""
    words = _words(view, a, b)
    return words > JUNK_MAX_WORDS or view[b - 1] in ".!?" and words >= 8


def _trailing_junk(view: str, lines, markers: list[int], flagged: set[int]):
    """Short lines after the marker that ends the article are link titles and widgets.

    The marker that counts is the first one after the article's last paragraph (or long
    sentence): a marker followed by real paragraphs was in mid-article, and the lines after
    it are the article; one above every line of prose heads the page.
    """
    last_paragraph = next((i for i in range(len(lines) - 1, -1, -1) if _article_text(view, *lines[i])), -1)
    # A marker above every line of prose (a copyright line atop the page) is the page's header, not the article's end.
    first_prose = next((i for i, (a, b) in enumerate(lines) if _prose(view, a, b)), len(lines))
    marker = next((i for i in markers if i > last_paragraph and i > first_prose), None)
    if marker is None:
        return
    for i in range(marker + 1, len(lines)):
        if i in flagged:
            continue
        a, b = lines[i]
        if _prose(view, a, b):
            return  # prose again: the junk run is over
        yield Hit("B107", a, b, "short line after the end of the article")


# A picture's caption is a short line: longer, or ended as a sentence past a few words, it is prose.
CAPTION_MAX_WORDS = 20
CAPTION_SHORT_WORDS = 4


def _captions(view: str, lines, credits: list[int], flagged: set[int], headings: set[int]):
    """The short lines right above a picture's credit line are its caption (and its alt text): at most two,
    never a heading, never a sentence of prose, and only once the article's prose has begun: above it, the
    short lines over a lead picture's credit are the page's title and kicker."""
    first_prose = next((i for i, (a, b) in enumerate(lines) if _words(view, a, b) > CAPTION_MAX_WORDS), len(lines))
    for credit in credits:
        for i in (credit - 1, credit - 2):
            if i <= first_prose or i in flagged or i in headings:
                break
            a, b = lines[i]
            words = _words(view, a, b)
            if words > CAPTION_MAX_WORDS or (words > CAPTION_SHORT_WORDS and _SENTENCE_END.search(view, a, b)):
                break
            flagged.add(i)
            yield Hit("B105", a, b, "caption of a credited picture")


# A teaser is an excerpt the page cut off with an ellipsis; two in a row are a list of other stories.
_TEASER_END = warmstart.regex(r"(?<![.!?…])(?:\.\.\.|…)$")
TEASER_MIN_WORDS = 8
_QUOTE_OPEN = "“\"«‘"


def _teasers(view: str, lines, flagged: set[int]):
    """Runs of two or more lines each cut off by an ellipsis (`…established in 194...`): a widget's excerpts
    of other stories. One such line may be the article's own excerpt or a quotation trailing off."""
    def teaser(i):
        a, b = lines[i]
        return (i not in flagged and view[a] not in _QUOTE_OPEN and _TEASER_END.search(view, a, b)
                and _words(view, a, b) >= TEASER_MIN_WORDS)
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and teaser(j):
            j += 1
        if j - i >= 2:
            for k in range(i, j):
                flagged.add(k)
                yield Hit("B102", *lines[k], "excerpt of another story")
        i = max(j, i + 1)


# A pull quote: a line that is a quotation and nothing else, then the speaker's name and role on its own line.
_WHOLE_QUOTE = warmstart.regex(r"[“\"«][^\n“”\"«»]{10,400}[”\"»]")
_PULL_QUOTE_SPEAKER = warmstart.regex(
    r"(?:[—–-]\s*)?(?-i:[A-ZÀ-Þ])[\w’'.-]*(?:\s+(?-i:[A-ZÀ-Þ])[\w’'.-]*){0,3},\s+[^\n.!?,]{2,60}")
PULL_QUOTE_SPEAKER_MAX_WORDS = 10


def _pull_quotes(view: str, lines, flagged: set[int]):
    """A quotation alone on its line (no speech tag) and, right below, `Name, role` without a full stop:
    the page repeats a quotation of the article in large type. Prose quotes its speaker in the sentence."""
    for i in range(len(lines) - 1):
        (a, b), (c, d) = lines[i], lines[i + 1]
        if (i in flagged or i + 1 in flagged or not _WHOLE_QUOTE.fullmatch(view, a, b)
                or not _PULL_QUOTE_SPEAKER.fullmatch(view, c, d) or _words(view, c, d) > PULL_QUOTE_SPEAKER_MAX_WORDS):
            continue
        flagged.update((i, i + 1))
        yield Hit("B103", a, b, "pull quote")
        yield Hit("B103", c, d, "speaker of a pull quote")


# A byline line as the boilerplate rules flag it: "By FPJ News Service", "by admin".
_BYLINE_OPENING = warmstart.regex(r"(?i:by)\s")
# The masthead (site name, motto, section) is the short lines above a title that the page then repeats.
MASTHEAD_MAX_WORDS = 6
# A repeated line longer than a title is a caption given twice (as caption and as alt text), not the title.
TITLE_MAX_WORDS = 16


def _masthead(view: str, lines, flagged: set[int]):
    """When a page gives its title twice near the top (B108), the short unpunctuated lines above the first copy
    are its masthead: the site's name and motto, a section, a date. Without a repeated title nothing says where
    the article starts, and the same short lines may be its title and kicker. A line repeated that is longer
    than a title is a caption given twice: the short line above it is the title. So is the line right above a
    byline that stands above the repeated line, which is then a standfirst or caption given twice."""
    words = [tuple(w.lower() for w in _TITLE_WORD.findall(view, a, b)) for a, b in lines[:MAX_TITLE_BLOCKS]]
    title, copy = next(((i, j) for j in range(len(words)) for i in range(j)
                        if MIN_TITLE_WORDS <= len(words[j]) and j not in flagged
                        and (len(words[j]) <= TITLE_MAX_WORDS and not _SENTENCE_END.search(view, *lines[j])
                             or _headline_again(view, lines, words, i, j))
                        and _repeats(words[j], words[i])), (0, 0))
    # A byline above the repeated line says the article began before it: the line right above the byline is the
    # title, and the repeated line a standfirst or caption the page gives twice.
    headline = next((k - 1 for k in range(1, title) if k in flagged and _BYLINE_OPENING.match(view, *lines[k])), None)
    for k in range(title):
        a, b = lines[k]
        if (k not in flagged and k != headline and len(words[k]) <= MASTHEAD_MAX_WORDS
                and not _SENTENCE_END.search(view, a, b)):
            flagged.add(k)
            yield Hit("B103", a, b, "masthead line above the page's title")
    # Between the title and its copy a page prints its section or category ("World", "News"): a short
    # unpunctuated line there is no sentence of the article, which starts after the copy.
    for k in range(title + 1, copy):
        a, b = lines[k]
        if k not in flagged and len(words[k]) <= SECTION_MAX_WORDS and not _SENTENCE_END.search(view, a, b):
            flagged.add(k)
            yield Hit("B103", a, b, "section label between the page's title and its copy")


# A section or category label: a word or two, as a menu names it.
SECTION_MAX_WORDS = 3


def _headline_again(view: str, lines, words, i: int, j: int) -> bool:
    """A headline that asks or exclaims ends in its mark; its copy is the same line, word for word and mark
    (a caption given twice ends in a full stop, and a question as long as two headlines is a sentence). Only
    the page's first line is its headline: a question asked twice further down is the article's own."""
    a, b = lines[j]
    c, d = lines[i]
    return (i == 0 and words[j] == words[i] and len(words[j]) <= 2 * TITLE_MAX_WORDS
            and view[b - 1] in "?!" and view[d - 1] == view[b - 1])


class _BoilerplateCheck:
    """The shared check; a mixin, so the registry does not take it for a detector."""

    family = "boilerplate"
    fix_safety = "unsafe"  # removing the line: right for a scraper's leftovers, wrong for a real credit line

    def check(self, ctx):
        for hit in scan(ctx):
            if hit.code == self.code:
                yield self.finding(
                    hit.start,
                    hit.end,
                    f"{hit.what}: site or scraper boilerplate, not part of the article",
                    suggestion="remove this line",
                    severity=Severity.INFO if hit.info else None,
                    fix="",
                    fix_of=ctx.doc.view[hit.start:hit.end],
                )


class SourceLine(_BoilerplateCheck, Detector):
    """What it does:
    Flags a republisher's credit line standing alone: `Source: <outlet>`, `Source link`,
    `Originally published in …`, `With information from <agency>`.

    Why it matters:
    Aggregators that republish machine translations append these lines; they are not
    part of the article and often mark where scraped junk begins.

    Example:
    Source: Daily Courier

    Use instead:
    Remove the line, or credit the outlet in the article's own byline.
    """

    code = "B101"
    name = "source-credit-line"
    severity = Severity.WARNING


class RelatedLink(_BoilerplateCheck, Detector):
    """What it does:
    Flags related-article prompts left in the body: `You may also like`, `Read more: …`,
    `READ ALSO: …`, `LOOK: …`, `WATCH: …`, and the same labels carried over from Spanish,
    French or Portuguese (`MIRA: …`, `LIRE AUSSI : …`, `LEIA TAMBÉM: …`).

    Why it matters:
    These are links of the original site's layout; copied as text they interrupt the
    article with another story's headline.

    Example:
    READ MORE: Farmers block roads in protest over fuel prices

    Use instead:
    Remove the line.
    """

    code = "B102"
    name = "related-article-link"
    severity = Severity.WARNING


class SiteWidget(_BoilerplateCheck, Detector):
    """What it does:
    Flags share, newsletter, comment and navigation widgets scraped as text: `Share this
    article`, `Subscribe to our newsletter`, `Follow us on …`, `Leave a comment`,
    `Comments 0`, `Skip to content`, `Advertisement`, breadcrumbs such as `Home » Politics`.

    Why it matters:
    A reader sees interface labels in the middle of the text; a publisher sees that the
    article was scraped and not edited.

    Example:
    Share this article

    Use instead:
    Remove the line.
    """

    code = "B103"
    name = "site-widget"
    severity = Severity.WARNING


class ScrapedTimestamp(_BoilerplateCheck, Detector):
    """What it does:
    Flags publication metadata scraped as a line of its own: `Posted on 01/12/2022 12:44`,
    `Published: …`, `Updated: …`, a date or a reading time standing alone, a weather widget,
    a byline or author box. A byline that names an organisation, a wire service or a desk's
    formula (`By Human Rights Watch`, `By The Associated Press`, `By Staff Reporter`) is only
    a hint (info): native outlets print these over their own articles.

    Why it matters:
    The page's metadata is not part of the article; left in the body it reads as noise
    and can contradict the dates the article gives.

    Example:
    Posted on 14/03/2023 09:12

    Use instead:
    Remove the line, or keep the date in the article's metadata.
    """

    code = "B104"
    name = "scraped-timestamp"
    severity = Severity.WARNING


class MediaToken(_BoilerplateCheck, Detector):
    """What it does:
    Flags image and gallery remnants standing alone: size tokens (`W460`, `1200x800`),
    image file names, `Image 3 of 12`, `Click to enlarge`.

    Why it matters:
    They are what is left of a picture when a scraper keeps only the text.

    Example:
    1024x683

    Use instead:
    Remove the line.
    """

    code = "B105"
    name = "media-token"
    severity = Severity.WARNING


class CodeInBody(_BoilerplateCheck, Detector):
    """What it does:
    Flags JavaScript, ad or tracking code left in the text: `googletag`, `adUnits.push(`,
    `window.dataLayer`, `document.write(`, `(adsbygoogle = window.adsbygoogle || []).push({});`.

    Why it matters:
    Code in an article is unmistakable scraper damage, and it is the first thing a reader
    notices.

    Example:
    (adsbygoogle = window.adsbygoogle || []).push({});

    Use instead:
    Remove the line.
    """

    code = "B106"
    name = "code-in-body"
    severity = Severity.ERROR


class TrailingJunk(_BoilerplateCheck, Detector):
    """What it does:
    After a line that ends the article (`You may also like`, `Related`, `Source: …`, `Tags:`),
    flags the short lines that follow it (link titles, spam) until prose starts again.

    Why it matters:
    Scrapers keep the list of links under an article; the titles, often spam, are then
    published as if they were part of it. No word list can name them, but their place can.

    Example:
    You may also like
    Quick Profit Formula Pro

    Use instead:
    Remove everything after the end of the article.
    """

    code = "B107"
    name = "trailing-junk"
    severity = Severity.WARNING


_TITLE_WORD = warmstart.regex(r"[^\W_]+")
MIN_TITLE_WORDS = 4


class DuplicatedTitle(Detector):
    """What it does:
    Flags a short line without final punctuation that repeats an earlier line's words, or the
    start of them, without its punctuation: the URL slug or a second copy of the title that
    a scraper left in the body.

    Why it matters:
    Republished articles often carry the headline twice, once as written and once flattened
    from the page address; a reader sees a garbled second headline.

    Example:
    City council approves the new budget – Local News
    City council approves the new budget Local

    Use instead:
    Keep the headline once.
    """

    code = "B108"
    name = "duplicated-title"
    severity = Severity.WARNING
    family = "boilerplate"

    def check(self, ctx):
        view = ctx.doc.view
        earlier: list[tuple[str, ...]] = []
        for block in ctx.doc.blocks[:MAX_TITLE_BLOCKS]:
            before = list(earlier)
            if self._repeated(view, block.start, block.end, earlier):
                yield self.finding(block.start, block.end, "this line repeats an earlier title",
                                   suggestion="remove this line")
                continue
            # A title given twice on two lines the reader joined into one block (an unpunctuated title reads
            # as a sentence wrapped onto the next line): each line is compared on its own, with the earlier
            # blocks and this block's earlier lines, never with this block as a whole (its start).
            lines = view[block.start:block.end].split("\n")
            start, known = block.start, len(before)
            for line in lines if len(lines) > 1 else ():
                end = start + len(line.rstrip())
                if self._repeated(view, start, end, before):
                    yield self.finding(start, end, "this line repeats an earlier title", suggestion="remove this line")
                start += len(line) + 1
            earlier.extend(before[known:])  # the lines, for the blocks after

    @staticmethod
    def _repeated(view: str, start: int, end: int, earlier: list[tuple[str, ...]]) -> bool:
        """Whether view[start:end], a block or one of its lines, repeats an earlier one; it joins `earlier`."""
        text = view[start:end]
        words = tuple(w.lower() for w in _TITLE_WORD.findall(text))
        ending = text.rstrip()
        repeated = (
            len(words) >= MIN_TITLE_WORDS
            and (not ending.endswith((".", "!", "?", "…", "”", '"')) or _question_title_again(ending, words, earlier))
            and any(_repeats(words, before) for before in earlier)
        )
        earlier.append(words)
        return repeated


def _question_title_again(ending: str, words: tuple[str, ...], earlier: list[tuple[str, ...]]) -> bool:
    """A headline that asks or exclaims, given again word for word: a sentence of the article ends so too,
    but repeats the page's first line (its title) only when a scraper kept the title twice."""
    return ending.endswith(("?", "!")) and bool(earlier) and words == earlier[0]


# Scrapers repeat the title near the top; looking further would compare every pair of paragraphs.
MAX_TITLE_BLOCKS = 6


def _repeats(words: tuple[str, ...], before: tuple[str, ...]) -> bool:
    """The same words, or a prefix holding at least 80 % of them (a truncated slug)."""
    if words == before:
        return True
    return len(words) >= 0.8 * len(before) and before[:len(words)] == words
