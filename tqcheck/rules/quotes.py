"""Quotation-mark detectors: unbalanced, misplaced, mixed styles, split phrases, capitalised fragments."""
from __future__ import annotations

from tqcheck.speed import warmstart
from tqcheck.finding import Severity
from tqcheck.rules.base import Detector, segment_matches
from tqcheck.rules.quotescan import DOUBLE_CLOSE, SINGLE_OPEN, STRAIGHT, conventions, scan

_WORD_BEFORE = warmstart.regex(r"(\S+\s+)?\S*$")
# A quote finding covers the mark and the words of its sentence it is about, never more than
# this: a report's size must stay proportional to the text, whatever the text.
MAX_SPAN = 300


def _lead_in(view: str, pos: int, floor: int) -> int:
    """Start of the word (and the one before it) leading up to a mark, for a readable span."""
    m = _WORD_BEFORE.search(view, max(floor, pos - 60), pos)
    return m.start() if m else pos


class UnbalancedQuote(Detector):
    """What it does:
    Flags a closing quotation mark with no opening mark in its paragraph, and an opening
    mark that is never closed (unless the quotation runs on into a paragraph that opens
    again, as English convention allows, or the paragraph is cut short by an ellipsis, as a
    teaser under a headline is). A straight mark after a figure with no quotation open is an
    inch mark (`1"-2" of rain`), not a quotation mark.

    Why it matters:
    Machine translation and scrapers drop or move quotation marks; the reader can no
    longer tell who said what.

    Example:
    The minister promised talks on border guarantees” requested by the unions.

    Use instead:
    The minister promised “talks on border guarantees” requested by the unions.
    """

    code = "Q101"
    name = "unbalanced-quote"
    severity = Severity.ERROR
    family = "quotes"

    def check(self, ctx):
        quotes = scan(ctx)
        view = ctx.doc.view
        for index in quotes.unmatched_close:
            mark = quotes.marks[index]
            if mark.problem:
                continue  # reported as misplaced
            # The quoted words most likely began at the start of the mark's sentence, never before it.
            sentence = ctx.segment_at(mark.pos)
            floor = sentence.start if sentence else ctx.doc.blocks[mark.block].start
            if mark.pos - floor > MAX_SPAN:  # a very long sentence: start at a word, at most MAX_SPAN back
                floor = view.find(" ", mark.pos - MAX_SPAN, mark.pos) + 1 or mark.pos
            yield self.finding(
                _quotation_start(view, mark.pos, floor),
                mark.pos + 1,
                f"closing quotation mark {mark.char} has no opening mark in this paragraph",
                suggestion="add the opening mark where the quotation begins, or remove this one",
            )
        for index in quotes.unmatched_open:
            mark = quotes.marks[index]
            if mark.problem:
                continue
            block = ctx.doc.blocks[mark.block]
            if _cut_short(view, block.start, block.end):
                continue  # "…the question no one wants to answer is, “How will we (meaning those of us...": a teaser
            sentence = ctx.segment_at(mark.pos)
            last = ctx.segment_at(block.end - 1)
            if sentence is None or last is None or last.index == sentence.index:
                # The quotation opens in the paragraph's last sentence: the mark and the rest of it.
                end = sentence.end if sentence else mark.pos + 1
                yield self.finding(
                    mark.pos,
                    min(end, mark.pos + MAX_SPAN),
                    f"opening quotation mark {mark.char} is never closed in this paragraph",
                    suggestion="close the quotation where it ends",
                )
                continue
            # The closing mark is missing where the quotation ends, most likely with the paragraph:
            # point there, at its last sentence, and name the quotation it would close.
            opening = " ".join(view[mark.pos:mark.pos + 40].split()[:4])
            yield self.finding(
                max(last.start, last.end - MAX_SPAN),
                last.end,
                f"the quotation opened by {opening}… is never closed in this paragraph",
                suggestion="close the quotation where it ends, most likely here",
            )


def _cut_short(view: str, start: int, end: int) -> bool:
    """The paragraph ends in an ellipsis with no closing mark after it: the text was cut there (a teaser or an
    excerpt under a headline), so a quotation open in it goes on in the part left out."""
    tail = view[start:end].rstrip()
    return tail.endswith(("...", "…"))


def _quotation_start(view: str, pos: int, floor: int) -> int:
    """Where a quotation that ends at `pos` without an opening mark most likely began: the start of
    its sentence, so the span covers the quoted words."""
    last_stop = max(view.rfind(". ", floor, pos), view.rfind("? ", floor, pos), view.rfind("! ", floor, pos))
    return last_stop + 2 if last_stop >= floor else floor


def _next_words(view: str, start: int, end: int) -> int:
    """Length of the run of non-space after `start` and the run after it (the words after a mark), within
    80 characters and before `end`: `No. We` after `«`."""
    limit = min(end, start + 80)
    i = start
    while i < limit and not view[i].isspace():
        i += 1
    if i == start:
        return 0
    k = i
    while k < limit and view[k].isspace():
        k += 1
    m = k
    while m < limit and not view[m].isspace():
        m += 1
    return (m if m > k else i) - start


def _word_edge(view: str, pos: int, limit: int, step: int) -> int:
    """From `pos`, the far edge of the word touching it in direction `step` (-1 back, 1 on), at most 40
    characters and never past `limit`; `pos` itself when no letter or digit touches it."""
    i, n = pos, 0
    if step < 0:
        while i > limit and n < 40 and (view[i - 1].isalnum() or view[i - 1] in "’'-"):
            i, n = i - 1, n + 1
    else:
        while i < limit and n < 40 and (view[i].isalnum() or view[i] in "’'-"):
            i, n = i + 1, n + 1
    return i


class MisplacedQuote(Detector):
    """What it does:
    Flags a quotation mark on the wrong side of its words: a closing mark glued to the
    next word (`rejected”any`), a closing mark used to open a quotation (` ”word`), an
    opening mark used to close one (`word“ `, `happens “,`); a curly closing mark set apart
    from the quoted words by a space, as French sets its marks (`the maximum ”.`,
    `families, ”the document says`); a curly opening mark set apart from its words the same
    way (`a “ negation of the vote`), or a straight one at the start of a paragraph; a
    closing mark set after its space and glued to the speech verb (`producers, “said the
    official`, `Biya, "said the minister`); and, as a hint (info), a straight closing mark
    set apart the same way (`the " greenhouse effect " is`), which native typists leave too.

    Why it matters:
    These are typical traces of a machine translation that moved a quotation mark when
    it reordered the sentence; they change what the quotation covers.

    Example:
    The unions rejected”any new delay” in the talks.

    Use instead:
    The unions rejected “any new delay” in the talks.
    """

    code = "Q102"
    name = "misplaced-quote"
    severity = Severity.ERROR
    family = "quotes"
    fix_safety = "safe"  # only a glued closing mark gets a fix: a space after it

    MESSAGES = {
        "glued": "quotation mark {char} is glued to the word after it",
        "reversed-close": "closing quotation mark {char} is used to open a quotation",
        "reversed-open": "opening quotation mark {char} is used to close a quotation",
        "spaced": "closing quotation mark {char} stands apart from the quoted words, a space inside it",
        "space-swapped": "closing quotation mark {char} stands apart from the quoted words and is glued to the next",
        "spaced-open": "opening quotation mark {char} stands apart from the quoted words, a space inside it",
    }

    def check(self, ctx):
        quotes = scan(ctx)
        view = ctx.doc.view
        for mark in quotes.marks:
            if not mark.problem:
                continue
            if mark.char == STRAIGHT and mark.problem == "glued":
                continue  # inches, feet, and code-like text glue straight marks legitimately
            block = ctx.doc.blocks[mark.block]
            # The mark and the word it is glued to, on either side: `rejected”any`, `”deeply`, `flawed“`;
            # a spaced mark and the last quoted word before it: `Times "`.
            touching = mark.pos
            if mark.problem in ("spaced", "reversed-open", "space-swapped"):
                while touching > block.start and view[touching - 1].isspace():
                    touching -= 1
            start = touching
            if mark.problem != "glued" and start > block.start and view[start - 1] in ".,!?;:":
                start -= 1  # `decisions! ”`: the stop the quotation ends with, and the word before it
            start = _word_edge(view, start, block.start, -1)
            after = mark.pos + 1
            if mark.problem == "spaced-open":  # `“ We`: the mark and the first quoted word
                while after < block.end and view[after] == " ":
                    after += 1
            end = _word_edge(view, after, block.end, 1)
            opening, closing = conventions(ctx.target_base)["pairs"][0]
            fix = f"{opening}…{closing} around the quoted words, with a space outside each mark"
            extra = {}
            if mark.problem == "glued" and end > mark.pos + 1:
                extra = {"fix": view[start:mark.pos + 1] + " " + view[mark.pos + 1:end], "fix_of": view[start:end]}
            if mark.problem == "space-swapped":  # `families, ”the` → `families,” the`
                extra = {"fix": view[start:touching] + mark.char + " " + view[mark.pos + 1:end], "fix_of": view[start:end]}
            if mark.problem == "spaced-open":
                extra["severity"] = Severity.WARNING
            if mark.problem == "spaced":
                # A straight mark spaced inside is a hint, not counted: typists of native text leave that space
                # now and then, and the quotation itself is whole. A curly one was set by software that spaces
                # marks the French way (`décisions ! »`), which English never does.
                extra["severity"] = Severity.INFO if mark.char == STRAIGHT else Severity.WARNING
            yield self.finding(start, end, self.MESSAGES[mark.problem].format(char=mark.char), suggestion=fix, **extra)


class QuoteStyle(Detector):
    """What it does:
    Flags each quotation written with marks that do not belong to the target language's
    conventions (`«…»` or `„…“` in English), and curly and straight double quotes mixed in one document,
    including a quotation opened with one style and closed with the other (only a hint when a straight mark
    opening a paragraph is closed by `”`: an editor's smart quotes that skipped the paragraph's first character,
    and when every quotation of the page opens straight and closes with `”`: a CMS that curls closing marks only).

    Why it matters:
    Marks of the source language's convention, or a mixture of styles, show that text was
    pasted from a translation without editing.

    Example:
    The mayor called the plan «a historic step» for the city.

    Use instead:
    The mayor called the plan “a historic step” for the city.
    """

    code = "Q103"
    name = "quote-style"
    severity = Severity.WARNING
    family = "quotes"

    def check(self, ctx):
        quotes = scan(ctx)
        conv = conventions(ctx.target_base)
        foreign = set(conv["foreign"])
        primary_open, primary_close = conv["pairs"][0]
        view = ctx.doc.view
        for mark in quotes.marks:
            if mark.char in foreign and mark.role == "open":
                if mark.partner is not None and mark.char + quotes.marks[mark.partner].char not in _MATCHING_PAIRS:
                    continue  # reported below as a mismatched pair
                end = quotes.marks[mark.partner].pos + 1 if mark.partner is not None else mark.pos + 1
                if end - mark.pos > MAX_SPAN:
                    # a quotation that runs on for sentences: its opening mark and the words after it
                    end = mark.pos + 1 + _next_words(view, mark.pos + 1, end)
                yield self.finding(
                    mark.pos,
                    end,
                    f"quotation mark {mark.char} is not used in {ctx.target_base} text",
                    suggestion=f"use {primary_open}…{primary_close}",
                )
        yield from self._mismatched_pairs(ctx, quotes)
        yield from self._mixed(ctx, quotes)

    def _mismatched_pairs(self, ctx, quotes):
        view = ctx.doc.view
        primary_open = conventions(ctx.target_base)["pairs"][0][0]
        house = _smart_closes_only(quotes)
        for mark in quotes.marks:
            if mark.role != "open" or mark.partner is None or mark.char in SINGLE_OPEN:
                continue
            close = quotes.marks[mark.partner]
            if mark.char + close.char in _MATCHING_PAIRS:
                continue
            severity = None
            if mark.char == STRAIGHT and close.char == "”" and _opens_paragraph(ctx, mark):
                # `"I'm satisfied with that,” said…` at a paragraph's start: the editor's smart quotes turned the
                # closing mark and left the first character of the paragraph alone, as native pages show; a hint
                severity = Severity.INFO
            if house and mark.char == STRAIGHT and close.char == "”":
                # every quotation of the page opens straight and closes curly, and none opens with “: a CMS
                # whose smart quotes turn only closing marks (`He said it was "part and parcel” of…`), as
                # native regional pages show throughout; a translation that changed one mark of two does it
                # here and there, next to pairs of its own style; a hint
                severity = Severity.INFO
            if (mark.char == STRAIGHT) != (close.char == STRAIGHT) and close.pos - mark.pos < MAX_SPAN:
                start, end = mark.pos, close.pos + 1  # a short quotation: the whole of it
            elif mark.char == primary_open:
                start, end = _lead_in(view, close.pos, mark.pos + 1), close.pos + 1  # the odd closing mark
            else:
                start = mark.pos  # the odd opening mark and the word after it
                end = min(close.pos + 1, mark.pos + 1 + _next_words(view, mark.pos + 1, close.pos))
            yield self.finding(
                start,
                end,
                f"quotation opened with {mark.char} and closed with {close.char}",
                suggestion="use the same style for both marks",
                severity=severity,
            )

    def _mixed(self, ctx, quotes):
        doubles = [m for m in quotes.marks if m.char == STRAIGHT or m.char in "“”"]
        straight = [m for m in doubles if m.char == STRAIGHT]
        curly = [m for m in doubles if m.char != STRAIGHT]
        if not straight or not curly:
            return
        minority = straight if len(straight) < len(curly) else curly
        for mark in minority:
            if mark.role != "open" or mark.partner is None:
                continue
            close = quotes.marks[mark.partner]
            if (mark.char == STRAIGHT) != (close.char == STRAIGHT):
                continue  # already reported as a mismatched pair
            yield self.finding(
                mark.pos,
                close.pos + 1,
                "straight and curly quotation marks are mixed in this document",
                suggestion="use one style throughout",
                severity=Severity.INFO,
            )


def _smart_closes_only(quotes) -> bool:
    """The document's double quotations all open with a straight mark and close with ”, two of them at least,
    and no mark opens with “: a house system (smart quotes applied to closing marks only), not a mark changed."""
    pairs = 0
    for mark in quotes.marks:
        if mark.char == "“":
            return False
        if mark.role != "open" or mark.partner is None or mark.char != STRAIGHT:
            continue
        if quotes.marks[mark.partner].char != "”":
            return False
        pairs += 1
    return pairs >= 2


def _opens_paragraph(ctx, mark) -> bool:
    """The mark is the first character of its paragraph."""
    return ctx.doc.blocks[mark.block].start == mark.pos


# Opening and closing marks that belong together in some language's convention; any other pair
# was opened in one style and closed in another (a translation that changed one mark of two).
_MATCHING_PAIRS = frozenset({"“”", "«»", "»«", "„“", "„”", "””", '""'})

_SPEECH_VERBS = (
    "said|says|added|adds|stated|explained|declared|told|noted|insisted|warned|argued|"
    "affirmed|assured|indicated|stressed|claimed|remarked|commented|replied|asserted"
)
_SPLIT_TAIL = warmstart.regex(r"\s+([A-Z][\w-]+(?:\s+[A-Z][\w-]+)?),\s+(?:%s)\b" % _SPEECH_VERBS)


class QuoteSplitsPhrase(Detector):
    """What it does:
    Flags a quotation whose closing mark, placed after a full stop, cuts a phrase in two:
    the words after the mark are a lone modifier followed by `, said …`.

    Why it matters:
    When a translation reorders a noun phrase (Spanish puts the adjective after the noun),
    the closing mark can land inside it and the sentence falls apart.

    Example:
    “Nobody should trust these reports, least of all the Foreign Office.” British, said the envoy.

    Use instead:
    “Nobody should trust these reports, least of all the British Foreign Office,” said the envoy.
    """

    code = "Q104"
    name = "quote-splits-phrase"
    severity = Severity.ERROR
    family = "quotes"

    def check(self, ctx):
        view = ctx.doc.view
        for mark in scan(ctx).marks:
            if mark.role != "close" or mark.char not in DOUBLE_CLOSE + STRAIGHT:
                continue
            if view[mark.pos - 1:mark.pos] not in (".", "!", "?"):
                continue
            block = ctx.doc.blocks[mark.block]
            m = _SPLIT_TAIL.match(view, mark.pos + 1, block.end)
            if m:
                yield self.finding(
                    _lead_in(view, mark.pos, block.start),
                    m.end(),
                    f"the closing quotation mark splits the phrase: “{m.group(1)}” belongs inside the quotation",
                    suggestion=f"move “{m.group(1)}” before the closing mark and end the quotation with a comma",
                )


_FRAGMENT = warmstart.regex(r"\b([a-z]+)\s+[“\"]([A-Z][a-z]+(?:\s+[a-z][a-z’']*){1,6})[”\"]")
_FRAGMENT_MARKS = "“\""  # one of which every _FRAGMENT match holds: only the sentences with one are searched
# Words after which a quotation is a complete utterance, so its capital is correct.
_UTTERANCE_LEADS = {
    "said", "says", "say", "saying", "told", "asked", "wrote", "writes", "added", "tweeted", "read",
    "reads", "reading", "saying", "chanting", "chanted", "shouted", "called", "titled", "entitled", "named", "dubbed", "slogan", "headline",
    "film", "song", "book", "album", "show", "series", "campaign", "hashtag", "motto", "word", "words",
}


_COORDINATORS = {"and", "or", "nor"}


_TOKEN = warmstart.regex(r"\w+")
_AFTER_LOWER = warmstart.regex(r"(?<=[a-z,;])\s+(\w+)")


def _document_words(ctx) -> tuple[frozenset[str], frozenset[str]]:
    """(every word of the document, the words it writes after a lower-case letter, a comma or a semicolon), read
    once per document: asked for each quoted fragment, a search of the whole text each time would be quadratic."""
    found = ctx.cache.get("quotes:document_words")
    if found is None:
        view = ctx.doc.view
        found = ctx.cache["quotes:document_words"] = (frozenset(_TOKEN.findall(view)), frozenset(_AFTER_LOWER.findall(view)))
    return found


def _proper_noun_here(ctx, word: str) -> bool:
    """Whether the document writes `word` as a proper noun: capitalised after a lower-case word or a comma
    somewhere (`the four years under President Bolsonaro saw Brazil abandon…`) and never in lower case."""
    words, after_lower = _document_words(ctx)
    return word.lower() not in words and word in after_lower


def _after_quote(view: str, pos: int) -> bool:
    """Whether the text just before `pos` (spaces aside) is a closing quotation mark."""
    before = view[max(0, pos - 4):pos].rstrip()
    return before.endswith(("”", '"'))


class CapitalisedQuoteFragment(Detector):
    """What it does:
    Flags a short quoted fragment in mid-sentence that starts with a capital letter although
    it continues the sentence (`accused them of “Hide the costs”`). A fragment that starts with a
    name (a word the text writes capitalised in mid-sentence elsewhere and never in lower case:
    `his narrative of “Brazil around the world”`) keeps its capital and stays quiet.

    Why it matters:
    Spanish and French quote infinitives that English turns into gerunds or clauses; a
    translation that keeps the capital and the verb form leaves a broken quotation.

    Example:
    The opposition accused the mayor of “Hide the real costs” of the project.

    Use instead:
    The opposition accused the mayor of “hiding the real costs” of the project.
    """

    code = "Q105"
    name = "capitalised-quote-fragment"
    severity = Severity.WARNING
    family = "quotes"
    targets = ("en",)

    def check(self, ctx):
        for m in segment_matches(ctx, _FRAGMENT, holding=_FRAGMENT_MARKS):
            first = m.group(2).split()[0]
            if m.group(1) in _UTTERANCE_LEADS or first == "I":
                continue
            # A gerund is already the English form (`accused them of “Ripping up the rules”`: a
            # capitalised slogan, not the quoted Romance infinitive); a quotation joined to the one
            # before it (`“Justice denied” and “Justice for all”`) is the same kind of utterance.
            if first.endswith("ing") or (m.group(1) in _COORDINATORS and _after_quote(ctx.doc.view, m.start(1))):
                continue
            if _proper_noun_here(ctx, first):
                continue  # a name keeps its capital: his narrative of “Brazil around the world”
            fragment = m.group(2)
            yield self.finding(
                m.start(1),
                m.end(),
                "quoted fragment in mid-sentence starts with a capital letter",
                suggestion=f"{m.group(1)} “{fragment[0].lower()}{fragment[1:]}”",
            )
