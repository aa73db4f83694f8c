"""Structure: headings left in lower case, words doubled across a join or echoed within a clause, sentences cut off mid-way."""
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


_WORD_BEFORE = warmstart.regex(r"\b([A-Za-z]+)\s+$")
_SAME_WORD_AFTER = warmstart.regex(r"\s+([A-Za-z]+)\b")


class RepeatedWord(Detector):
    """What it does:
    Flags a word written twice in a row (`the the`, `President President`), as when two
    translated segments are joined and both keep the word.

    Why it matters:
    A doubled word is a visible slip that no editor lets through. Doubles that English
    allows (`had had`, `that that`) are never flagged, nor a word that ends a hyphenated
    compound before the same word (`since she was sworn-in in December`, `a drive-in in Ohio`),
    nor a phrasal verb's particle before the preposition of the same form (`she was sworn in in
    December`, `the tax kicks in in January`).

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
        particles = english_words("words.toml", "particle_verb_phrases")
        view = ctx.doc.view
        for block in ctx.doc.blocks:
            for m in _doubled().finditer(view, block.start, block.end):
                first, second = m.group("first"), m.group("second")
                word = second
                if not (second.islower() and first.lower() in doubled or first == second and first in titles):
                    continue
                if m.start() > 0 and view[m.start() - 1] in "-‐":
                    continue  # "sworn-in in December", "a drive-in in Ohio": the first word ends a hyphenated compound
                start, end = m.start(), m.end()
                before = _WORD_BEFORE.search(view, max(block.start, start - 20), start)
                if before and f"{before.group(1).lower()} {first}" in particles:
                    # "sworn in in December", "the tax kicks in in January": a verb's particle, then the preposition;
                    # only a third one is doubled ("sworn in in in the capital")
                    third = _SAME_WORD_AFTER.match(view, end)
                    if not third or third.group(1) != second:
                        continue
                    start, end = m.start("second"), third.end()
                yield self.finding(
                    start,
                    end,
                    f"“{word}” is written twice",
                    suggestion=word,
                )


_WORD_OR_MARK = warmstart.regex(r"[^\W\d_]+(?:['’][^\W\d_]+)?|[^\w\s]")
# Words that start a new clause, where an adverb may be said again ("again and again").
_CLAUSE_JOINERS = frozenset(("and", "but", "or", "nor", "that", "which", "who", "whom", "whose", "so"))
# A subject pronoun opens a clause of its own, even with no comma or "that" before it: "Even though you
# are still young you are still beating us", "He still says he still wants it".
_SUBJECT_PRONOUNS = frozenset(("i", "you", "he", "she", "we", "they"))
ECHO_WINDOW = 10  # words after an adverb within which the same adverb repeats it
NAME_ECHO_WINDOW = 2  # words of a capitalised name within which a word's other form echoes it


def _name_echo(first: str, second: str) -> bool:
    """`Humans` after `Human`: the same capitalised word in its singular and plural, inside one name."""
    a, b = first.lower(), second.lower()
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return (len(short) >= 4 and first[0].isupper() and second[0].isupper() and not first.isupper()
            and not second.isupper() and long_ in (short + "s", short + "es"))


class EchoedWord(Detector):
    """What it does:
    Flags a word a sentence says twice where once is meant, with other words between: a clause adverb
    (`again`, `already`, `also`, `before`, `ever`, `still`, `yet`) repeated in the same clause (`had never
    before held office before`), and a word of a capitalised name repeated in its other number (`the
    High Commissioner for Human Rights Humans`). A comma, a full stop or a word that opens a new clause
    (`and`, `but`, `that`, `which`) or a subject pronoun (`he`, `they`, `you`) between the two ends the
    clause: `again and again` and `even though you are still young you are still winning` stay quiet.

    Why it matters:
    A translation that rewords a sentence keeps the adverb of the source where it stood and adds the one
    English puts elsewhere; one that renders a name twice (`Derechos Humanos`: `Human Rights`, then
    `Humans`) leaves a piece of the second rendering behind. Either way the reader meets the same word
    twice and stops.

    Example:
    She had never before held office before the election.

    Use instead:
    She had never held office before the election.
    """

    code = "T104"
    name = "echoed-word"
    severity = Severity.WARNING
    family = "structure"
    targets = ("en",)

    def check(self, ctx):
        adverbs = english_words("words.toml", "clause_adverb_words")
        phrases = english_words("words.toml", "clause_adverb_phrases")
        view = ctx.doc.view
        for seg in ctx.segments:
            tokens = [(m.group(), m.start(), m.end()) for m in _WORD_OR_MARK.finditer(view, seg.start, seg.end)]
            yield from self._echoes(tokens, adverbs, phrases)

    def _echoes(self, tokens, adverbs, phrases=frozenset()):
        for i, (word, start, _) in enumerate(tokens):
            if word.islower() and word in adverbs:  # a lower-case word is its own lower case: no copy of every token
                for k, (later, _, end) in enumerate(tokens[i + 1:i + 1 + ECHO_WINDOW], i + 1):
                    if not later[0].isalpha() or later.lower() in _CLAUSE_JOINERS or later.lower() in _SUBJECT_PRONOUNS:
                        break
                    if later == word and k + 1 < len(tokens) and f"{later} {tokens[k + 1][0].lower()}" in phrases:
                        break  # "ever again": a set phrase, which repeats nothing
                    if later == word:
                        yield self.finding(start, end, f"“{word}” is said twice in one clause",
                                           suggestion="keep one of them")
                        break
            elif word[0].isupper():
                for later, _, end in tokens[i + 1:i + 1 + NAME_ECHO_WINDOW]:
                    if not later[0].isupper():
                        break
                    if _name_echo(word, later):
                        yield self.finding(start, end, f"“{later}” repeats “{word}” inside a name",
                                           suggestion="remove the repeated word")
                        break


# Particles that close a phrasal verb ("crash out", "give up", "sell off"); not "on", "in" or "over",
# which a cut sentence leaves after a noun ("an attack on", "the dispute over").
_CLOSING_PARTICLES = frozenset({"out", "up", "off", "down", "away", "back"})
_LAST_WORDS = warmstart.regex(r"(?:[^\W\d_][\w’'-]*+\W++){0,2}[^\W\d_][\w’'-]*+\W*+$")


# "; and", "; or" ending an item of a numbered list (minutes, resolutions, legislation): the list goes on.
_LIST_JOINERS = frozenset(("and", "or"))
# Words that open a clause whose object is fronted, leaving its preposition at the end: "as we are all familiar
# with", "what they asked for", "which she spoke about".
_FRONTING_OPENERS = frozenset(("as", "what", "which", "who", "whom", "that", "where"))
_DETERMINERS = frozenset(("a", "an", "the", "this", "these", "those", "his", "her", "its", "their", "our", "my",
                          "your", "some", "any", "every", "each"))
STRANDED_WINDOW = 6  # the opener and its pronoun stand at most this many words before the preposition


# "what the key feel is like", "what it was like": `like` after a verb of being or seeming, with `what` before its
# subject, ends the clause whatever the subject is (a noun phrase as often as a pronoun).
_LIKE_VERBS = frozenset(("is", "are", "was", "were", "be", "been", "being", "look", "looks", "looked", "feel",
                         "feels", "felt", "sound", "sounds", "sounded", "seem", "seems", "seemed", "taste", "tastes"))


def _bare_tail(words: list[str]) -> list[str]:
    """The last STRANDED_WINDOW + 1 words, lower case, without the quotation marks and brackets around them."""
    return [w.lower().strip("“”\"‘’'()") for w in words[-STRANDED_WINDOW - 1:]]


def _what_like(words: list[str]) -> bool:
    tail = _bare_tail(words)
    return len(tail) > 2 and tail[-1] == "like" and tail[-2] in _LIKE_VERBS and "what" in tail[:-2]


def _stranded(words: list[str]) -> bool:
    """The last word is the preposition of a clause opened a few words before by `as`/`what`/`which`… and a
    subject pronoun (`as we are all familiar with`): English leaves it there, so the sentence is whole. A cut
    sentence stops after a noun or a verb of its main clause (`the rules would apply to`), or after a noun
    phrase of the clause (`what she called an attack on`)."""
    tail = _bare_tail(words)[:-1]
    for i in range(len(tail) - 1):
        if tail[i] in _FRONTING_OPENERS and tail[i + 1] in _SUBJECT_PRONOUNS:
            # no noun phrase of its own between the pronoun and the preposition: in "what she called an
            # attack on" the preposition belongs to "an attack", and the sentence was cut
            return not any(w in _DETERMINERS for w in tail[i + 2:])
    return False


def _goes_on(view: str, block) -> bool:
    """The next block opens in lower case with a word of prose: the sentence goes on there, past a hard line break."""
    head = view[block.start:block.start + 40].lstrip()
    return bool(head) and head[0].islower() and head[0].isalpha()


class CutOffSentence(Detector):
    """What it does:
    Flags a paragraph that stops in the middle of a sentence: no final punctuation, and a
    last word such as `the`, `of`, `and` or `when` that cannot end a sentence. A particle that
    closes a phrasal verb after a word of content (`but Mumbai crash out`, `investors sold off`)
    ends a clause in English and stays quiet, and so does the preposition a relative clause leaves
    at its end (`as we are all familiar with`, `what they asked for`, `see what the key feel is
    like`), and a list item that ends with `; and` or `; or` (`(1) the report be noted; and`), which
    the next item continues, and so does a sentence the next paragraph goes on in lower case (`by
    calling 105 and` / `quoting…`): a line break inside it, nothing lost.

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
            if last in _CLOSING_PARTICLES and words[-2] not in function_words:
                continue  # a phrasal verb's particle ends a clause: "but Mumbai crash out", "prices picked up"
            if _stranded(words) or _what_like(words):
                continue  # "as we are all familiar with": the preposition of a relative clause, left at its end
            if last in _LIST_JOINERS and len(words) > 1 and words[-2].endswith(";"):
                continue  # "(1) the content of the report be noted; and": an item of a list that goes on below
            if index + 1 < len(ctx.doc.blocks) and _goes_on(view, ctx.doc.blocks[index + 1]):
                continue  # "calling 105 and\n\nquoting event number…": a line break inside the sentence, nothing lost
            # Where it stops is what is at fault: the last few words, not the whole sentence.
            tail = _LAST_WORDS.search(view, max(seg.start, seg.end - 60), seg.end)
            yield self.finding(
                tail.start() if tail else seg.start,
                seg.end,
                f"the sentence stops at “{last}”, in the middle of a clause",
                suggestion="restore the end of the sentence, or remove it",
            )
