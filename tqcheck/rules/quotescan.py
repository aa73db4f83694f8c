"""Finds the quotation marks of a document and decides which open and which close.

Shared by the quote detectors so that every one of them reads the marks the same way.
"""
from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass, field

from tqcheck.data import langdata
from tqcheck.speed import warmstart

DOUBLE_OPEN = "“«„"
DOUBLE_CLOSE = "”»"
STRAIGHT = '"'
SINGLE_OPEN = "‘‚"
SINGLE_CLOSE = "’"
ALL_MARKS = set(DOUBLE_OPEN + DOUBLE_CLOSE + STRAIGHT + SINGLE_OPEN + SINGLE_CLOSE)
_MARK_RE = warmstart.regex("[" + re.escape("".join(sorted(ALL_MARKS))) + "]")


@dataclass(slots=True)
class Mark:
    """One quotation mark of the text and the role the scan gives it."""

    pos: int  # view offset
    char: str
    role: str  # "open" | "close"
    block: int
    problem: str | None = None  # "glued" | "reversed-close" | "reversed-open" | "spaced" | "space-swapped" | "spaced-open"
    partner: int | None = None  # index of the matching mark


@dataclass
class QuoteScan:
    """Every quotation mark of a document, paired, and those left without a partner."""

    marks: list[Mark] = field(default_factory=list)
    unmatched_close: list[int] = field(default_factory=list)  # mark indexes
    unmatched_open: list[int] = field(default_factory=list)


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def _is_space(ch: str) -> bool:
    return ch == "" or ch.isspace()


def conventions(target_base: str) -> dict:
    table = langdata.load("quotes.toml")
    return table.get(target_base) or table["en"]


def scan(ctx) -> QuoteScan:
    cached = ctx.cache.get("quotes")
    if cached is None:
        cached = ctx.cache["quotes"] = _scan(ctx.doc.view, ctx.doc.blocks, ctx.target_base)
    return cached


# A size in inches with its mark curled by an editor: a plain figure after an article, a possessive or a
# measure, an adjective between them or not ("a 4”", "the thinnest 5”", "its 6.3”") and a word of the thing measured after it ("screen", "FHD",
# "1080p"), never a quotation's last figure before its speaker ("won 3-0” he said").
_CURLY_INCH = warmstart.regex(r"(?:^|[\s(])(?:a|an|the|its|their|his|her|our|this|that|same|and|or|to|\d+(?:\.\d+)?\s*x)\s+(?:[a-z]+\s+)?\d{1,3}(?:\.\d{1,2})?$",
                              re.IGNORECASE)
_INCH_NOUN_AFTER = warmstart.regex(r"\s+(?!(?:he|she|they|we|i|it|you|said|says|added|asked|told)\b)[A-Za-z0-9]",
                                   re.IGNORECASE)


def _scan(view: str, blocks, target_base: str) -> QuoteScan:
    result = QuoteScan()
    german = target_base == "de"
    for bi, block in enumerate(blocks):
        stack: list[int] = []
        single_stack: list[int] = []
        for m in _MARK_RE.finditer(view, block.start, block.end):
            pos = m.start()
            ch = view[pos]
            before = view[pos - 1] if pos > block.start else ""
            after = view[pos + 1] if pos + 1 < block.end else ""
            if ch in SINGLE_OPEN or ch == SINGLE_CLOSE:
                _single(result, single_stack, pos, ch, before, after, bi)
                continue
            if ch == STRAIGHT and not stack and _apostrophe_like(view, pos, block.end):
                continue  # `the workers" mood`: an apostrophe mangled into a quote, not a quotation
            if ch == STRAIGHT and not stack and before.isdigit() and not after.isalpha():
                continue  # `1"-2" of rain`, `a 12" pipe`: an inch mark after a figure, with no quotation open
            if ch == "”" and not stack and before.isdigit() and _CURLY_INCH.search(view, block.start, pos) \
                    and _INCH_NOUN_AFTER.match(view, pos + 1, block.end):
                continue  # `a 4” screen`, `its 5” FHD display`: an editor's smart quotes made the inch mark curly
            role, problem = _double_role(ch, before, after, bool(stack), german)
            if problem is None and ch == "”" and stack and before == " " and pos - 2 >= block.start:
                problem = _french_spacing(view[pos - 2], after)
            elif problem is None and role == "open" and stack and before == " " and pos - 2 >= block.start \
                    and view[pos - 2] in ".,!?" and _speech_verb_after(view, pos + 1, block.end):
                # `producers, “said the official`, `Biya, "said the minister`: the mark that closes the open
                # quotation set after the space, glued to the reporting verb; no quotation opens on `said`.
                role, problem = "close", ("space-swapped" if ch == STRAIGHT else "reversed-open")
            if problem is None and role == "open" and after == " " and (ch == "“" or (ch == STRAIGHT and before == "")) \
                    and _TWO_WORDS.match(view, pos + 2, block.end):
                problem = "spaced-open"  # `a “ negation of`, `“ We are`: the French `« mot`, spaced inside
            mark = Mark(pos, ch, role, bi, problem)
            index = len(result.marks)
            result.marks.append(mark)
            if role == "open":
                stack.append(index)
            elif stack:
                opener = stack.pop()
                result.marks[opener].partner = index
                mark.partner = opener
            else:
                result.unmatched_close.append(index)
        for index in stack:
            result.unmatched_open.append(index)
    _join_across_line_breaks(result, view, blocks)
    _forgive_continued_paragraphs(result, view, blocks)
    return result


def _join_across_line_breaks(result: QuoteScan, view: str, blocks) -> None:
    """A quotation left open at the end of a block and closed by the first mark of the next one, the two
    blocks parted by a single line break (no blank line): one quotation that a hard line break (a `<br>`, a
    scraper's newline) cut in two, as native pages print a speaker's two sentences. Paired, neither mark is
    unbalanced; a blank line between the blocks is a paragraph break, where English opens the quotation again,
    unless it falls inside a sentence (a word, no stop, then a lower-case word): a wrapped line, not a paragraph."""
    if not result.unmatched_open or not result.unmatched_close:
        return
    first_double = {}  # block -> index of its first double mark
    for index, mark in enumerate(result.marks):
        if mark.char not in SINGLE_OPEN and mark.char != SINGLE_CLOSE and mark.block not in first_double:
            first_double[mark.block] = index
    closes = set(result.unmatched_close)
    last_open = {}  # block -> its last unclosed opening mark: only that one can run on into the next block
    for index in result.unmatched_open:
        last_open[result.marks[index].block] = index
    joined_open, joined_close = set(), set()
    for index in last_open.values():
        mark = result.marks[index]
        nxt = mark.block + 1
        if mark.char in SINGLE_OPEN or mark.problem not in (None, "spaced-open") or nxt >= len(blocks):
            continue
        close = first_double.get(nxt)
        if close is None or close not in closes or result.marks[close].problem:
            continue
        if view.count("\n", blocks[mark.block].end, blocks[nxt].start) != 1 \
                and not _broken_sentence(view, blocks[mark.block], blocks[nxt]):
            continue
        mark.partner, result.marks[close].partner = close, index
        joined_open.add(index)
        joined_close.add(close)
    if joined_open:
        result.unmatched_open = [i for i in result.unmatched_open if i not in joined_open]
        result.unmatched_close = [i for i in result.unmatched_close if i not in joined_close]


# Two words after a mark and its space, on the same line: quoted words, not a mark left alone at a line's end.
_TWO_WORDS = warmstart.regex(r"[A-Za-z’']+ [A-Za-z]")
_SPEECH_AFTER = warmstart.regex(r"(?:(?:he|she|they) )?([a-z]+)\b")


@lru_cache(maxsize=None)
def _speech_verbs() -> frozenset[str]:
    verbs = langdata.load("en", "verbs.toml")
    return frozenset(verbs.get("reporting_past_words", ())) | frozenset(verbs.get("reporting_present_words", ())) | {"told"}


def _speech_verb_after(view: str, pos: int, end: int) -> bool:
    """A reporting verb (`said`, `he added`) in lower case right after `pos`: the words of a speech tag."""
    m = _SPEECH_AFTER.match(view, pos, end)
    return bool(m) and m.group(1) in _speech_verbs()


def _double_role(ch: str, before: str, after: str, inside: bool, german: bool) -> tuple[str, str | None]:
    """Role of a double mark from the characters on each side, and what is wrong with its placement."""
    if german and ch == "“":
        return "close", None
    # Each side read once: this runs for every mark of a document.
    space_before, space_after = _is_space(before), _is_space(after)
    word_before, word_after = before.isalnum(), after.isalnum()
    if ch == STRAIGHT:
        if inside and space_before and before != "" and (space_after or after in ".,;:!?"):
            return "close", "spaced"  # `the " Times " and`, `the " post-90s "?`: nothing follows for it to open
        if space_before or before in "([{—–-/":
            return "open", None
        if space_after or not word_after:
            return "close", None
        return ("close" if inside else "open"), "glued"
    if ch in DOUBLE_OPEN:
        if ch == "“" and inside and space_before and space_after:
            return "close", "reversed-open"  # `” word “`: French spacing with the marks swapped
        if word_before and (space_after or after in ".,;:!?"):
            return "close", "reversed-open"
        if space_before and before != "" and after in ",.;:!?":
            return "close", "reversed-open"  # `happens “, he said`: a mark before a stop opens nothing
        if word_before and word_after:
            return "open", "glued"
        return "open", None
    # a closing mark: ” or »
    if ch == "”" and not inside and space_before and space_after and before != "":
        return "open", "reversed-close"  # `referring to ” production`: opens what a later ” closes
    if space_before and word_after:
        return ("close" if inside else "open"), (None if inside else "reversed-close")
    if (word_before or before in ".,;:!?") and word_after:
        return ("close" if inside else "open"), "glued"
    return "close", None


def _french_spacing(two_before: str, after: str) -> str | None:
    """What is wrong with a closing ” that has a space before it inside an open quotation, as French sets
    `décisions ! »`: set apart from the quoted words (`the maximum ”.`, `decisions! ” he added`), or, with
    the space on the wrong side, glued to the next word (`families, ”the document says`). After a single
    closing mark the space is English typography for nested quotations (`in Montreal.’ ”`)."""
    if not (two_before.isalnum() or two_before in ".,!?;:"):
        return None
    if after.isalnum():
        return "space-swapped" if two_before in ".,!?" else None
    return "spaced" if _is_space(after) or after in ",.;:!?" else None


def _single(result: QuoteScan, stack: list[int], pos: int, ch: str, before: str, after: str, bi: int) -> None:
    """Single marks: ’ is usually an apostrophe (Moscow’s, ’90s, rock ’n’ roll); only pair it with an open ‘."""
    if ch in SINGLE_OPEN:
        if _is_space(before) or before in "“\"«([—":
            index = len(result.marks)
            result.marks.append(Mark(pos, ch, "open", bi))
            stack.append(index)
        return
    if stack and not _is_word(after):
        opener = stack.pop()
        index = len(result.marks)
        result.marks.append(Mark(pos, ch, "close", bi, partner=opener))
        result.marks[opener].partner = index


def _apostrophe_like(view: str, pos: int, end: int) -> bool:
    """A straight mark after a plural -s and before a lower-case word reads as a possessive apostrophe."""
    return view[pos - 1:pos] == "s" and view[pos + 1:pos + 2] == " " and view[pos + 2:pos + 3].islower()


_SENTENCE_OPENING = warmstart.regex(r"[.!?…][\"”’]?\s+$")


def _forgive_continued_paragraphs(result: QuoteScan, view: str, blocks) -> None:
    """A quotation running on into the next paragraph leaves its opening unclosed by convention,
    and the next paragraph opens again; that is not an unbalanced mark. Text whose paragraph
    breaks were lost shows the same thing inside one block: a later sentence opens again."""
    first_open_by_block = {}
    marked = set()  # the blocks that hold a quotation mark
    for index, mark in enumerate(result.marks):
        marked.add(mark.block)
        if mark.role == "open" and mark.block not in first_open_by_block:
            first_open_by_block[mark.block] = index
    last_reopening = _last_sentence_reopenings(result, view)
    cut_off_block = len(blocks) - 1 if blocks and _stops_mid_sentence(view, blocks[-1]) else None
    open_blocks = {result.marks[index].block for index in result.unmatched_open}
    kept = []
    for index in result.unmatched_open:
        mark = result.marks[index]
        if mark.char in SINGLE_OPEN:
            continue
        if mark.block == cut_off_block:
            continue  # the text was cut off mid-sentence: the closing mark is in the part that is missing
        if mark.block == len(blocks) - 1 and mark.block - 1 in open_blocks \
                and mark.pos == blocks[mark.block].start and first_open_by_block.get(mark.block) == index:
            continue  # the text stops inside a quotation run over paragraphs (each opens again, none closes):
            # the last paragraph it holds opens like the others, and the closing mark is past the text's end
        if last_reopening.get((mark.block, mark.char), -1) > index:
            continue  # a later sentence of the same block opens again with the same mark
        nxt = _next_paragraph(view, blocks, mark.block, marked)
        while nxt + 1 < len(blocks) and _caption_between(view, blocks[nxt], nxt, marked):
            nxt += 1  # a photo's caption the page sets between two paragraphs of the quotation
        if nxt < len(blocks):
            text = view[blocks[nxt].start:blocks[nxt].end]
            if text[:1] in DOUBLE_OPEN + STRAIGHT and first_open_by_block.get(nxt) is not None:
                continue
        kept.append(index)
    result.unmatched_open = kept


_CAPTION_MAX_WORDS = 15


def _caption_between(view: str, block, index: int, marked: set[int]) -> bool:
    """A short line with no quotation mark and no sentence stop (`Smithy Lane, which runs from Staining to
    Poulton`): a photo's caption a page sets between paragraphs, not a paragraph of the text."""
    if index in marked or not _stops_mid_sentence(view, block):
        return False
    return len(view[block.start:block.end].split()) <= _CAPTION_MAX_WORDS


def _next_paragraph(view: str, blocks, block: int, marked: set[int]) -> int:
    """The block where the paragraph after `block` begins. In print text wrapped line by line (the block holds a
    line break of its own) a line that happens to end a sentence is not a paragraph's end: the quotation's
    paragraph may go on over the next lines, up to the first line with a quotation mark, parted by one line break."""
    if "\n" not in view[blocks[block].start:blocks[block].end]:
        return block + 1
    nxt = block + 1
    while nxt < len(blocks) and nxt not in marked and view.count("\n", blocks[nxt - 1].end, blocks[nxt].start) == 1:
        nxt += 1
    if nxt < len(blocks) and nxt in marked and view.count("\n", blocks[nxt - 1].end, blocks[nxt].start) == 1:
        return nxt
    return block + 1


_FINAL_STOP = warmstart.regex(r"[.!?…:;][\"'”’»)\]]*\s*$")


def _broken_sentence(view: str, block, nxt) -> bool:
    """A blank line inside a sentence: the block stops on a word, with no stop, and the next one goes on in
    lower case (`“Organized crime` / `has gone too far.”`), as pages print text wrapped by a `<p>` a line."""
    head = view[nxt.start:nxt.start + 1]
    return _stops_mid_sentence(view, block) and view[block.end - 1:block.end].isalpha() \
        and head.isalpha() and head.islower()


def _stops_mid_sentence(view: str, block) -> bool:
    """The block ends without a sentence stop: for the document's last block, a scraper or a size limit cut it;
    for a block inside, a caption or a sentence a blank line broke."""
    return _FINAL_STOP.search(view, max(block.start, block.end - 8), block.end) is None


def _last_sentence_reopenings(result: QuoteScan, view: str) -> dict[tuple[int, str], int]:
    """(block, mark) -> index of the last opening mark of that kind that starts a sentence in the block.

    One pass over the marks, so that asking "does a later sentence reopen?" of every unclosed
    mark costs a lookup instead of a scan of the rest of the block (quadratic on a paragraph of marks)."""
    last = {}
    for index, mark in enumerate(result.marks):
        if mark.role == "open" and _SENTENCE_OPENING.search(view, max(0, mark.pos - 4), mark.pos):
            last[(mark.block, mark.char)] = index
    return last
