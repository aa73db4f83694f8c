"""Speech tags as a translation leaves them: quotations whose marks were dropped (`We…, said the minister.`) and tags punctuated as the source does (`?”, asked`)."""
from __future__ import annotations

import bisect
import itertools
import re
from functools import lru_cache

from tqcheck.finding import Severity
from tqcheck.rules.base import Detector, segment_matches
from tqcheck.rules.calques import english_words
from tqcheck.rules.quotescan import ALL_MARKS, conventions, scan
from tqcheck.speed import warmstart
from tqcheck.text.segment import is_abbreviation_word
from tqcheck.text.tagging import lookup, names_person

# A name as a speech tag writes it: `Petro`, `Gustavo Petro`, `Mr. Legault`, `Arévalo de León`.
_NAME = (r"(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?[A-Z][\w’'-]*+"
         r"(?:\s+(?:[A-Z][\w’'-]*+|(?:de|da|do|dos|del|la|van|von)(?![\w’'-]))){0,4}+")
# A lower-case title before a name: `coach Ana Ruiz`, `minister Legault`.
_TITLED_NAME = r"[a-z][\w’'-]*\s+" + _NAME
# `the` and up to six more words (`the minister of Health`), checked word by word in `_names_speaker`.
_THE_WORDS = r"[Tt]he\s+(?:[\w’'-]+\s+){0,6}?[\w’'-]+"
_WORD = warmstart.regex(r"[^\W\d_][\w’'-]*")
_MARKS = re.escape("".join(sorted(ALL_MARKS - {"’"})))  # ’ is nearly always an apostrophe
# two straight apostrophes stand for a double quotation mark in plain-text wire copy: ''We will win,'' he said.
_ANY_MARK = warmstart.regex(f"[{_MARKS}]|''")
_WORD_BEFORE = warmstart.regex(r"[\w.’'-]*$")


@lru_cache(maxsize=None)
def tag_verbs() -> tuple[str, ...]:
    """Verb forms that close a quotation: the past and third-person forms of the reporting verbs
    (`said`, `declared`, `says`), and the verbs that report the words themselves (`exclaimed`, `replied`)."""
    from tqcheck.rules.person_words import reporting_verbs

    reporting = {w for w in reporting_verbs() if " " not in w and ("D" in lookup(w) or "Z" in lookup(w))}
    return tuple(sorted(reporting | set(conventions("en")["speech_tag_words"]), key=lambda w: (-len(w), w)))


# A subject pronoun of a speech tag.
_PRONOUN = r"[Hh]e|[Ss]he|[Tt]hey"


@lru_cache(maxsize=None)
def _tag_parts() -> dict[str, str]:
    """The pieces every speech-tag pattern is made of, as regex alternations: the verbs; `<verb> <speaker>`
    (`declared the minister`); `<speaker> <verb>` (`he said`, `Petro also said`, `he told reporters`);
    an adverbial after it (`on Tuesday`, `in a statement`, `to the press`)."""
    verbs = "|".join(tag_verbs())
    audience = "|".join(sorted(english_words("words.toml", "audience_words")))
    openers = "|".join(sorted(english_words("words.toml", "attribution_adverbial_words") | {"to"}))
    return {
        "inverted": r"(?P<verb_first>%s)\s+(?P<after>%s|%s|%s)" % (verbs, _NAME, _TITLED_NAME, _THE_WORDS),
        "direct": r"(?P<before>%s|%s|%s|%s)\s+(?:(?:has|had|also|then|later)\s+)?(?P<verb_last>%s)(?:\s+(?P<audience>%s))?"
                  % (_PRONOUN, _NAME, _TITLED_NAME, _THE_WORDS, verbs, audience),
        "adverbial": r"\s+(?:%s)\b[^.,;:!?%s\n]{0,60}?" % (openers, _MARKS),
    }


@lru_cache(maxsize=None)
def _closing_tag() -> re.Pattern:
    """`, <verb> <speaker>` or `, <speaker> <verb>`, or after a question or an exclamation a tag in lower
    case (`? asked the mayor`), then the end of the clause (an adverbial may come first: `, he said on Tuesday.`)."""
    parts = _tag_parts()
    return warmstart.regex(r"(?:,\s+|[?!]\s+(?=[a-z]))(?:%(inverted)s|%(direct)s)(?=(?:%(adverbial)s)?\s*[.,;!?…])" % parts)


@lru_cache(maxsize=None)
def _colon_tag() -> re.Pattern:
    """`<speaker> <verb>:` and a capital: the speaker's words follow (`The minister declared: We will…`)."""
    return warmstart.regex(r"\b%(direct)s(?:%(adverbial)s)?\s*:\s+(?=[A-Z])" % _tag_parts())


@lru_cache(maxsize=None)
def _first_second_person() -> frozenset[str]:
    return frozenset(conventions("en")["first_second_person_words"])


class UnquotedSpeech(Detector):
    """What it does:
    Flags a sentence in the first or second person (`I`, `we`, `our`, `you`) closed by a speech
    tag (`, declared the minister.`, `, he said.`, `? asked the mayor.`) or opened by one
    (`The minister declared: We…`), with no quotation mark anywhere in it: a quotation whose
    marks were dropped. Only the words at the join are marked: the last word of the quotation
    and the tag, or the tag and the first word.

    Why it matters:
    Spanish, French and Portuguese put the speech tag after the quotation, often inverted
    (`declaró el ministro`), and machine translation or a careless paste loses the marks while
    keeping the order. English news never reports first-person words without quotation marks:
    without them the reader takes the minister's words for the reporter's.

    Example:
    I am not discouraged at all, declared the minister.

    Use instead:
    “I am not discouraged at all,” the minister declared.
    """

    code = "Q106"
    name = "unquoted-speech"
    severity = Severity.WARNING
    family = "quotes"
    targets = ("en",)

    def check(self, ctx):
        view = ctx.doc.view
        quoted = None
        for m in segment_matches(ctx, _closing_tag()):
            seg = ctx.segment_at(m.start())
            stretch = view[seg.start:m.start()]
            if _ANY_MARK.search(view, seg.start, m.end()) or not self._first_or_second_person(stretch):
                continue
            speaker = m.group("after") or m.group("before")
            if not _names_speaker(speaker):
                continue
            if quoted is None:
                quoted = _Quoted(ctx)
            if m.start() in quoted:
                continue  # within a quotation whose marks are there (or one Q101 reports)
            last_word = list(_WORD.finditer(view, seg.start, m.start()))
            if len(last_word) < 3:
                continue  # `Me, he said.`: too little to be a quotation
            tag_end = m.end("after") if m.group("verb_first") else max(m.end("verb_last"), m.end("audience"))
            if _REPORTED_AFTER.match(view, tag_end, seg.end):
                continue  # `…, Misha said to me that she…`: the tag opens reported speech, it closes no quotation
            tag = view[m.start()] + " " + " ".join(view[m.start() + 1:tag_end].split())  # `, said Petro`, `? asked Petro`
            yield self.finding(
                last_word[-1].start(),
                tag_end,
                f"words in the first or second person closed by “{tag}” are a quotation without its quotation marks",
                suggestion=f"put the quoted words between “…” before “{tag}”",
            )
        for m in segment_matches(ctx, _colon_tag(), holding=":"):
            seg = ctx.segment_at(m.start())
            if _ANY_MARK.search(view, m.start(), seg.end) or not self._first_or_second_person(view[m.end():seg.end]):
                continue
            if not _names_speaker(m.group("before")):
                continue
            if quoted is None:
                quoted = _Quoted(ctx)
            if m.start() in quoted:
                continue
            first = _WORD.match(view, m.end())
            tag = " ".join(view[m.start("verb_last"):m.end()].split())
            yield self.finding(
                m.start("verb_last"),
                first.end() if first else m.end(),
                f"words in the first or second person after “{tag}” are a quotation without its quotation marks",
                suggestion=f"put the quoted words between “…” after “{tag}”",
            )

    @staticmethod
    def _first_or_second_person(stretch: str) -> bool:
        """Whether the words speak in the first or second person: `I` or `we` as a subject anywhere, any
        other form (`our`, `me`, `you`) among the first words, where it makes the sentence's subject or
        its opening; deep in a long sentence, `our southern neighbour` is an outlet's national voice.
        `I` only as the pronoun, before a verb, an auxiliary or an adverb (`I am`, `I’ve`, `I never`), never
        a numeral after a name (`King Charles I signed`, `Phase I trials`); `US` in capitals is the country;
        `if you` speaks to the reader."""
        words = _first_second_person()
        found = list(_WORD.finditer(stretch))
        for i, w in enumerate(found):
            word = w.group()
            if word == "I":
                if i > 1 and found[i - 1].group()[:1].isupper():
                    continue  # a name's numeral inside the sentence
                after = stretch[w.end():w.end() + 1]
                nxt = found[i + 1].group().lower() if i + 1 < len(found) else ""
                if (after and after in "’'") or (nxt and set(lookup(nxt)) & _AFTER_I):
                    return True
                continue
            low = word.lower()
            if low not in words or (word.isupper() and len(word) > 1):
                continue
            if low == "we" or (i < _OPENING_WORDS and not (i and found[i - 1].group().lower() in _READER_CONDITIONS)):
                return True
        return False


# After a tag, `that` before the clause ends (`, Misha said to me that if we…`, `, he told us that…`): the verb
# reports what follows, so the first-person words before it are the writer's own, not a quotation.
_REPORTED_AFTER = warmstart.regex(r"[^.,;:!?\n]{0,40}?\bthat\b")
# First- or second-person forms other than a subject `I` or `we` count among this many first words.
_OPENING_WORDS = 8
# `If you travel…, the ministry said` addresses the reader, as native service news does.
_READER_CONDITIONS = frozenset({"if", "unless", "when", "whether"})
# What follows the pronoun `I`: a verb, a modal, be/have/do, an adverb.
_AFTER_I = frozenset("VDMAR")


def _names_speaker(speaker: str) -> bool:
    """Whether the words of a tag name someone who speaks: a pronoun, a name, a title and a name (`coach Ana
    Ruiz`), or `the` and a person or an institution (`the minister`, `the union leader`, `the head of the
    mission`, `the Ministry of Health`, `the minister Ana Ruiz`), not a thing (`the best in our league`)."""
    words = speaker.split()
    if words[0].lower() in ("he", "she", "they"):
        return True
    if words[0][:1].islower() and words[0] != "the":
        return names_person(words[0]) and len(words) > 1 and all(w[:1].isupper() for w in words[1:])
    if words[0].lower() != "the":
        # a name, not a pronoun (`, I said`, `, it said`), an adverb or a day (`, Monday said`)
        first = words[0]
        return not (first.lower() in english_words("words.toml", "function_words") or lookup(first.lower())[:1] in ("O", "R", "M")
                    or first in english_words("words.toml", "weekday_words") or first in english_words("words.toml", "month_words"))
    rest = words[1:]
    cut = next((i for i, w in enumerate(rest) if w in ("of", "for")), len(rest))
    core = rest[:cut]  # what stands before `of the mission`: adjectives and nouns, the head last
    named = next((i for i, w in enumerate(core) if i and w[:1].isupper() and not core[i - 1][:1].isupper()), None)
    if named is not None and all(w[:1].isupper() for w in core[named:]):
        core = core[:named]  # the name after the title
    if not core or len(core) > 4:
        return False
    function_words = english_words("words.toml", "function_words")
    non_agents = english_words("words.toml", "non_agent_words")
    if any(w.lower() in function_words or w.lower() in non_agents for w in core):
        return False
    head = core[-1]
    return head[:1].isupper() or head.lower() in english_words("words.toml", "agent_noun_words") or names_person(head.lower())


class _Quoted:
    """The stretches that a quotation covers: a paired quotation, an opening mark to its paragraph's end, a
    paragraph's start to a closing mark with no opening; asked whether a position lies in one."""

    def __init__(self, ctx):
        quotes = scan(ctx)
        spans, unmatched_close = [], set(quotes.unmatched_close)
        for index, mark in enumerate(quotes.marks):
            block = ctx.doc.blocks[mark.block]
            if mark.role == "open":
                spans.append((mark.pos, quotes.marks[mark.partner].pos if mark.partner is not None else block.end))
            elif index in unmatched_close:
                spans.append((block.start, mark.pos))
        spans.sort()
        self.starts = [start for start, _ in spans]
        # the furthest end among the stretches starting at or before each one: one bisection answers
        self.reach = list(itertools.accumulate((end for _, end in spans), max))

    def __contains__(self, pos: int) -> bool:
        i = bisect.bisect_right(self.starts, pos) - 1
        return i >= 0 and pos < self.reach[i]


@lru_cache(maxsize=None)
def _stop_then_comma() -> re.Pattern:
    """A quotation ended by `?`, `!` or `.` inside its mark and a comma after it, then a speech tag."""
    return warmstart.regex(r"(?<![A-Z.])[.?!]+(?P<mark>[”\"»])\s*,\s+(?:%(inverted)s|%(direct)s)" % _tag_parts())


@lru_cache(maxsize=None)
def _capital_tag() -> re.Pattern:
    """A tag after `…,”` (or `…”,`) whose pronoun keeps a capital: `”, He said`."""
    return warmstart.regex(r"(?P<mark>[”\"»])\s*,\s+(?P<pronoun>He|She|They)\s+(?:(?:has|had|also|then)\s+)?(?P<verb>%s)\b"
                           % "|".join(tag_verbs()))


@lru_cache(maxsize=None)
def _spaced_mark_tag() -> re.Pattern:
    """A closing mark set off from its quotation by a space and glued to the speech tag after it
    (`at all, ”Marchand said`, `nowhere, ”commented the minister`): French spacing inside « », kept when
    the marks were turned into English ones. Only the curly closing mark: a straight one after a comma may
    open the next quotation (`signs saying, "Justice denied"`)."""
    return warmstart.regex(r"(?P<stop>[,.!?…])[ \u00a0\u202f]+(?P<mark>”)(?=(?:%(inverted)s|%(direct)s)\b)" % _tag_parts())


class SourcePunctuatedTag(Detector):
    """What it does:
    Flags a speech tag punctuated as Spanish, French or Portuguese punctuate it: a comma after
    a quotation that already ends with a question mark, an exclamation mark or a full stop
    (`“Who will pay?”, asked the mayor`), a tag pronoun that keeps the capital of a new
    sentence after the quotation's comma (`“We are ready”, He said`), and a closing mark set
    off from its quotation by a space and glued to the tag (`“…at all, ”Marchand said`), as
    French spaces its « ».

    Why it matters:
    Spanish and French close the quotation, then write the comma that leads to the tag
    (`«¿Quién pagará?», preguntó`); English ends a quoted question with its own mark and goes
    straight on (`“Who will pay?” the mayor asked`), and a tag after a comma continues the
    sentence in lower case. Machine translation copies the source's marks.

    Example:
    “Who will pay for the bridge?”, asked the mayor.

    Use instead:
    “Who will pay for the bridge?” asked the mayor.
    """

    code = "Q107"
    name = "source-punctuated-tag"
    severity = Severity.WARNING
    family = "quotes"
    targets = ("en",)

    def check(self, ctx):
        view = ctx.doc.view
        closing = None
        for m in segment_matches(ctx, _stop_then_comma(), holding="”\"»"):
            speaker = m.group("after") or m.group("before")
            if not _names_speaker(speaker):
                continue
            closing = closing if closing is not None else _closing_marks(ctx)
            if m.start("mark") not in closing:
                continue
            end = m.end("after") if m.group("verb_first") else m.end("verb_last")
            stop = view[m.start():m.start("mark")]
            if stop == "." and is_abbreviation_word(_WORD_BEFORE.search(view, max(0, m.start() - 20), m.start()).group()):
                continue  # `“Northside Rowers Ltd.”, the company said`: the stop is the abbreviation's
            tag = " ".join(view[m.end("mark"):end].lstrip(" ,").split())
            if m.group("before") in ("He", "She", "They"):
                tag = tag[0].lower() + tag[1:]
            # A full stop gives way to the comma (`final,” said Petro`); a question or exclamation mark stays.
            lead = "," if stop == "." else stop
            yield self.finding(
                m.start(), end,
                f"a comma after a quotation that ends with “{stop}”, as Spanish and French punctuate it",
                suggestion=f"{lead}{m.group('mark')} {tag}",
            )
        for m in segment_matches(ctx, _capital_tag(), holding="”\"»"):
            closing = closing if closing is not None else _closing_marks(ctx)
            if m.start("mark") not in closing:
                continue
            pronoun = m.group("pronoun")
            yield self.finding(
                m.start("pronoun"), m.end("verb"),
                f"the speech tag continues the sentence after the quotation's comma: “{pronoun.lower()}”, not “{pronoun}”",
                suggestion=pronoun.lower() + view[m.end("pronoun"):m.end("verb")],
            )
        for m in segment_matches(ctx, _spaced_mark_tag(), holding="”"):
            speaker = m.group("after") or m.group("before")
            if not _names_speaker(speaker):
                continue
            end = m.end("after") if m.group("verb_first") else m.end("verb_last")
            tag = " ".join(view[m.end("mark"):end].split())
            yield self.finding(
                m.start(), end,
                "the closing quotation mark is set off from the quotation and glued to the speech tag, as French spaces « »",
                suggestion=f"{m.group('stop')}{m.group('mark')} {tag}",
            )


def _closing_marks(ctx) -> frozenset[int]:
    """View offsets of the quotation marks the scan reads as closing a quotation."""
    return frozenset(mark.pos for mark in scan(ctx).marks if mark.role == "close")
