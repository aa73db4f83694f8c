"""Calques and source-language word order in English translated from Spanish, French or Portuguese."""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from tqcheck.text import language, tagging
from tqcheck.data import langdata
from tqcheck.speed import prefilter, warmstart
from tqcheck.speed.scanner import fold
from tqcheck.finding import Severity
from tqcheck.rules.base import Covered, Detector, anchor_hits, pattern_literals, segment_matches
from tqcheck.rules.false_friends import document_names

ROMANCE = ("es", "fr", "pt")
LANGUAGE_NAMES = {"es": "Spanish", "fr": "French", "pt": "Portuguese"}


@lru_cache(maxsize=None)
def english_words(name: str, key: str) -> frozenset[str]:
    """A word list from `tqcheck/data/en/<name>`."""
    return frozenset(langdata.load("en", name).get(key, ()))


@lru_cache(maxsize=None)
def alternation(name: str, key: str) -> str:
    """One regex alternation of a word list, longest words first so none is cut short."""
    words = sorted(english_words(name, key), key=lambda w: (-len(w), w))
    return "|".join(re.escape(w) for w in words)


def romance_sources(ctx, among: tuple[str, ...] = ROMANCE) -> tuple[str, ...]:
    """The source languages of `among` this file may come from, when the target is English."""
    if ctx.target_base != "en":
        return ()
    return tuple(lang for lang in ctx.source_langs if lang in among)


def assumed_source(ctx, langs: tuple[str, ...]) -> str | None:
    """The source language a finding states: the one the user gave, else the first candidate it fits."""
    return langs[0] if langs else None


def source_label(langs: tuple[str, ...]) -> str:
    return "/".join(LANGUAGE_NAMES[lang] for lang in langs) or "Romance"


@lru_cache(maxsize=None)
def _past_verb() -> re.Pattern:
    return warmstart.regex(r"^(?:[a-z]{2,}ed|%s)$" % alternation("verbs.toml", "irregular_past_words"))


def is_past(word: str) -> bool:
    """A lower-case past-tense form (a capitalised "United" is a name, not a verb)."""
    return bool(_past_verb().match(word))


@lru_cache(maxsize=None)
def _verb_time_object() -> re.Pattern:
    days = alternation("words.toml", "weekday_words")
    return warmstart.regex(
        r"\b(?:(?P<passive>(?:was|were|is|are|be|been|being)\s+)(?:[a-z]+ly\s+)?)?(?P<verb>[a-z]{3,})\s+"
        r"(?P<time>(?:this|last|on)\s+(?:%s))\s+(?P<object>the|an?|his|her|its|their)\b"
        r"(?!\s+(?:%s)\b)" % (days, alternation("words.toml", "time_noun_words"))
    )


def verb_time_object_spans(ctx) -> list[tuple[int, int, int, int]]:
    """(start, end, time_start, time_end) of each `verb + time adverbial + object`, shared by C101 and C102."""
    if "calques.verb_time_object" in ctx.cache:
        return ctx.cache["calques.verb_time_object"]
    reporting = english_words("verbs.toml", "reporting_words")
    spans = []
    for m in segment_matches(ctx, _verb_time_object()):
        verb = m.group("verb")
        if m.group("passive") or not is_past(verb):
            continue  # "was made on Saturday a few hours after…": a passive verb has no object
        # "said on Friday the plan…" drops "that" after a reporting verb, which is native
        if verb in reporting and not m.group("time").startswith("this"):
            continue
        spans.append((m.start("verb"), m.end(), m.start("time"), m.end("time")))
    ctx.cache["calques.verb_time_object"] = spans
    return spans


_OBJECT_STRETCH = warmstart.regex(r"[^,.;:!?()\n]{0,200}")
_OBJECT_WORD = warmstart.regex(r"[A-Za-z’'-]+|\d[\d,.]*")
# words that open a noun's modifier: a phrase or clause that makes an object long enough to move ("heavy")
_POSTMODIFIERS = frozenset(("of", "for", "with", "from", "that", "which", "who", "containing", "including"))
HEAVY_OBJECT_WORDS = 6


def _heavy_object(view: str, after_time: int) -> bool:
    """The object after `on Saturday` runs to 6 words or more before any punctuation and holds a modifier
    (`the bodies of three fishermen missing since…`): English moves such an object after the adverbial, so the
    order is native; `approved on Tuesday the new budget` keeps a short object away from its verb."""
    stretch = _OBJECT_STRETCH.match(view, after_time).group()
    words = [w.lower() for w in _OBJECT_WORD.findall(stretch)]
    return len(words) >= HEAVY_OBJECT_WORDS and any(w in _POSTMODIFIERS for w in words[2:])


class TimeBetweenVerbAndObject(Detector):
    """What it does:
    Flags a day of the week placed between a past-tense verb and its object
    (`defended this Friday the idea`, `approved on Tuesday the budget`). After `on Friday`
    an object of six words or more with a modifier (`found on Saturday the bodies of three
    fishermen missing since…`) is English's own shift of a long object, and is left alone.

    Why it matters:
    Spanish, French and Portuguese put the time adverbial right after the verb
    (`defendió este viernes la idea`); English keeps the verb next to its object, so the
    sentence reads as a word-for-word translation.

    Example:
    The two parties approved on Tuesday the new budget.

    Use instead:
    On Tuesday, the two parties approved the new budget.
    """

    code = "C101"
    name = "time-between-verb-and-object"
    severity = Severity.WARNING
    family = "calques"
    targets = ("en",)
    sources = ROMANCE

    def literals(self, ctx):
        return pattern_literals(_verb_time_object())

    def check(self, ctx):
        langs = romance_sources(ctx)
        if not langs:
            return
        for start, end, t_start, t_end in verb_time_object_spans(ctx):
            when = ctx.doc.view[t_start:t_end]
            if when.startswith("on") and _heavy_object(ctx.doc.view, t_end):
                continue  # "found on Saturday the bodies of three fishermen missing since…": English shifts a long object
            day = when.split()[-1]
            later = when if when.startswith(("on", "last")) else f"on {day}"
            yield self.finding(
                start,
                end,
                f"“{when}” sits between the verb and its object, in {source_label(langs)} order",
                suggestion=f"move it to the start or the end of the clause: “On {day}, …” or “… {later}”",
                source_lang=assumed_source(ctx, langs),
            )


@lru_cache(maxsize=None)
def _this_weekday() -> re.Pattern:
    return warmstart.regex(r"\bthis (%s)\b" % alternation("words.toml", "weekday_words"), re.I)


@lru_cache(maxsize=None)
def _dated_day() -> re.Pattern:
    """`this June 4`, `this 4 June`, `this Friday 26th` and the Portuguese day of the month in brackets,
    `today (8)`, `Tuesday (14th)`: the Romance news dateline with its date."""
    days = alternation("words.toml", "weekday_words")
    months = alternation("words.toml", "month_words")
    nth = r"\d{1,2}(?:st|nd|rd|th)?"
    return warmstart.regex(
        r"\bthis (?:(?:%(m)s) %(n)s\b|%(n)s (?:of )?(?:%(m)s)\b|(?:%(d)s),? (?:the )?%(n)s\b(?!,? (?:%(m)s|\d{4}|[ap]\.?m\b)|[:.,/-]\d))"
        r"|\b(?:%(d)s|today|yesterday|tomorrow|tonight)\s*\(%(n)s\)" % {"d": days, "m": months, "n": nth},
        re.I,
    )


def _dated_suggestion(found: str, determiner: bool = False) -> str:
    if "(" in found:  # "today (8)" → "today", or the weekday with the month's date: "on Tuesday, March 14"
        return f"“{found[:found.index('(')].strip()}”, with the full date if it matters"
    if determiner:  # "rejected this June 4 referendum" → "rejected the June 4 referendum"
        return f"“{'The' if found[:1].isupper() else 'the'}{found[len('this'):]}”"
    return f"“{_dateline_fix(found, False)}”"


def _dateline_fix(found: str, after_preposition: bool) -> str:
    """`this Friday` → `on Friday` (`This Friday` → `On Friday` where it opens a sentence); after a
    preposition (`during this Friday`) only `this` goes."""
    rest = found[len("this"):].lstrip()
    if after_preposition:
        return rest
    return ("On " if found[:1].isupper() else "on ") + rest


def _after_preposition(view: str, start: int) -> bool:
    words = _WORD.findall(view[max(0, start - 24):start])
    return bool(words) and words[-1].lower() in (english_words("words.toml", "opening_preposition_words") | {"of"})


_WORD = warmstart.regex(r"[A-Za-z’']+")
_DATE_AFTER = warmstart.regex(r"\s*\(\d{1,2}/\d{1,2}\)")
_POSSESSIVE_AFTER = warmstart.regex(r"[’']s\b")
_COMMA_AFTER = warmstart.regex(r"\s*,")
_VERB_AFTER = warmstart.regex(r"[ \t]+(?:also[ \t]+)?([a-z]+)\b")
_OPENING_QUOTE_BEFORE = warmstart.regex(r"[“\"«‘]\s*$")
_CLOSING_QUOTE = warmstart.regex(r"[”\"»]")
# What may follow a date that `on` can introduce: punctuation, the end, or a word that starts a new phrase.
_DATE_ENDS = warmstart.regex(
    r"[ \t]*+(?:[,.;:!?)]|$|(?:by|the|a|an|and|at|in|on|when|after|before|with|to|that|as|for|from|during)\b)", re.M)
# The same for a weekday, which may also take a part of the day; anything else (`said this Friday was
# his last day`: the weekday is a subject) gets no fix.
_WEEKDAY_ENDS = warmstart.regex(
    r"[ \t]*+(?:[,.;:!?)]|$|(?:by|the|a|an|and|at|in|on|when|after|before|with|to|that|as|for|from|during"
    r"|morning|afternoon|evening|night)\b)", re.M)


class ThisWeekday(Detector):
    """What it does:
    Flags `this Friday` (or any weekday) used for a day that has already passed: after a
    past-tense verb, or between a subject and its past-tense verb (`the minister this Monday
    announced…`), or opening a sentence told in the past (`This Friday, the company
    closed…`), or followed by a Portuguese-style date (`this Wednesday (1/12)`). Also flags,
    past or future, `this` before a date (`this June 4`, `this 4 June`, `this Friday 26th`)
    and the Portuguese day of the month in brackets (`said today (8)`, `next Tuesday (14)`), except in a text
    naming Sri Lanka, whose English news writes it so (`the magistrate today (20) ordered`).
    A weekday opening a quotation takes the quotation's own tense, not that of the writer's
    reporting verb after it (`“This Monday we have to finish,” said the minister` looks ahead), a
    participle after `be` is an infinitive that looks ahead (`must be unveiled this Monday`), so does a
    plan's participle before its `for` or `to` (`the strike planned for the port this Saturday`), and a
    weekday opening a sentence whose first finite verb is in the present starts a forecast or a
    schedule (`This Friday rain continues in the north, accompanied by wind`).

    Why it matters:
    Spanish `este viernes`, French `ce jeudi` and Portuguese `nesta quarta-feira` are the
    news dateline of those languages; English news says `on Friday`, and keeps
    `this Friday` for days still to come.

    Example:
    This Monday, the minister announced her resignation.

    Use instead:
    On Monday, the minister announced her resignation.
    """

    code = "C102"
    name = "this-weekday"
    severity = Severity.WARNING
    family = "calques"
    targets = ("en",)
    sources = ROMANCE

    LOOKBACK = 6  # words scanned back for the verb the weekday belongs to
    # `this Friday` → `on Friday`: safe where the finding is certain (see `_certain`), unsafe elsewhere
    fix_safety = "unsafe"

    def literals(self, ctx):
        return pattern_literals(_dated_day()) | pattern_literals(_verb_time_object())

    def check(self, ctx):
        langs = romance_sources(ctx)
        if not langs:
            return
        view = ctx.doc.view
        dated = []
        for m in segment_matches(ctx, _dated_day()):
            dated.append((m.start(), m.end()))
            found = m.group(0)
            if "(" in found and document_names(ctx, langdata.load("en", "words.toml").get("bracketed_day_document"), True):
                continue  # "the magistrate today (20) ordered" in a Colombo court report: Sri Lankan English
            after_preposition = _after_preposition(view, m.start())
            # `this June 4` → `on June 4`: offered with --unsafe-fixes; not for the bracketed day, nor where
            # `this` may be a determiner (`in this June 4 vote`, `rejected this June 4 vote`)
            certain = "(" not in found and not after_preposition and bool(_DATE_ENDS.match(view, m.end()))
            fix = {"fix": _dateline_fix(found, False), "fix_of": found} if certain else {}
            yield self.finding(
                m.start(),
                m.end(),
                f"“{found}” is the {source_label(langs)} news dateline: English news gives a date with “on”",
                suggestion=_dated_suggestion(found, determiner=not certain),
                source_lang=assumed_source(ctx, langs),
                **fix,
            )
        taken = Covered([(a, b) for _, _, a, b in verb_time_object_spans(ctx)] + dated)
        before_date = english_words("words.toml", "before_date_words")
        future = english_words("verbs.toml", "future_words")
        for seg in ctx.segments:
            words = starts = None  # the sentence's words, read once and only if a weekday is in it
            for m in _this_weekday().finditer(view, seg.start, seg.end):
                if m.start() in taken:
                    continue  # reported by C101
                if _POSSESSIVE_AFTER.match(view, m.end()):
                    continue  # "this Friday's match" looks ahead
                if words is None:
                    found = list(_WORD.finditer(view, seg.start, seg.end))
                    words, starts = [w.group() for w in found], [w.start() for w in found]
                before = words[:bisect.bisect_left(starts, m.start())]
                if before and before[-1].lower() in before_date:
                    continue
                sentence = words
                if self._looks_ahead(words, len(before), future):
                    continue
                if not self._past(before, sentence, view, m, seg.end):
                    continue
                after_preposition = _after_preposition(view, m.start())
                suggestion = _dateline_fix(m.group(0), after_preposition)
                fix = {} if after_preposition or not _WEEKDAY_ENDS.match(view, m.end()) else {
                    "fix": suggestion, "fix_of": m.group(0),
                    "fix_safety": "safe" if self._certain(before, starts, view, m) else "unsafe"}
                yield self.finding(
                    m.start(),
                    m.end(),
                    f"“{m.group(0)}” for a past day is the {source_label(langs)} news dateline",
                    suggestion=suggestion,
                    source_lang=assumed_source(ctx, langs),
                    **fix,
                )

    # Words after which a future verb belongs to another clause than the weekday's: a relative pronoun or a
    # coordinator (`…met the parties this Tuesday, who will have to share…`, `met this Monday and will meet…`).
    _OTHER_CLAUSE = frozenset(("who", "whom", "whose", "which", "where", "while", "and", "but", "although", "though"))

    @classmethod
    def _looks_ahead(cls, words, at, future) -> bool:
        """Whether the weekday's own clause looks ahead: a future word before it, or after it before a word that
        opens another clause (the weekday itself may be the subject of the future: `said this Friday will be`)."""
        is_future = lambda w: w.lower() in future or w.endswith(("’ll", "'ll"))
        if any(is_future(w) for w in words[:at]):
            return True
        for w in words[at + 2:]:
            if w.lower() in cls._OTHER_CLAUSE:
                return False
            if is_future(w):
                return True
        return False

    def _certain(self, before, starts, view, m) -> bool:
        """Where `this Friday` can only be the past dateline: opening a sentence told in the past with a
        comma after it (`This Monday, the minister announced…`), or right after a past reporting verb
        (`said this Friday`)."""
        if not before:
            return bool(_COMMA_AFTER.match(view, m.end()))
        prev, prev_start = before[-1], starts[len(before) - 1]
        adjacent = view[prev_start + len(prev):m.start()].isspace()
        return adjacent and prev.lower() in english_words("verbs.toml", "reporting_words") and is_past(prev.lower())

    def _past(self, before, sentence, view, m, end) -> bool:
        if _DATE_AFTER.match(view, m.end()):
            return True
        if not before:  # opens the sentence: the sentence must be told in the past
            told = sentence[2:]
            if _OPENING_QUOTE_BEFORE.search(view, max(0, m.start() - 3), m.start()):
                # “This Monday we have to…,” said the official: the quotation's own tense decides, not the
                # writer's reporting verb after it
                close = _CLOSING_QUOTE.search(view, m.end())
                told = _WORD.findall(view[m.end():close.start() if close else m.end() + 200])
            elif _present_first(view, m.end(), end):
                return False  # "This Friday instability continues…, accompanied by storms": a forecast
            return any(is_past(w) for w in told)
        if self._closes_past_opening(before, view, m):
            return True
        verb = _VERB_AFTER.match(view, m.end())
        if verb and is_past(verb.group(1)) and before[-1].lower() not in ("be", "been", "being"):
            # `the minister this Monday announced…`: between a subject and its past-tense verb
            return True
        for k in range(len(before) - 1, max(-1, len(before) - 1 - self.LOOKBACK), -1):
            word = before[k]
            if is_past(word):
                if word.lower() in english_words("words.toml", "ahead_words") and k + 1 < len(before) \
                        and before[k + 1].lower() in ("for", "to", "on"):
                    return False  # "the walkout planned for CrossCounty this Saturday", "scheduled to open": a plan
                # "must be revealed this Monday", "to be held this Friday": a participle after "be" is an
                # infinitive, which looks ahead
                return not (k > 0 and before[k - 1].lower() == "be")
            if word.endswith("s") or word.lower() in ("is", "are", "be"):
                return False  # a present-tense verb (or a plural noun): stop, stay quiet
        return False

    def _closes_past_opening(self, before, view, m) -> bool:
        """`During his visit this Thursday, the president announced…`: the weekday closes an
        opening prepositional phrase, and the main clause after the comma is told in the past."""
        if not _COMMA_AFTER.match(view, m.end()) or before[0].lower() not in english_words("words.toml", "opening_preposition_words"):
            return False
        if any(w.lower() in english_words("words.toml", "ahead_words") or is_past(w) for w in before):
            return False  # "Ahead of the vote this Friday, the party released…" looks forward
        after = _WORD.findall(view[m.end():m.end() + 120])[: self.LOOKBACK]
        return any(is_past(w) for w in after)


# Finite verbs of the present (and modals that look ahead) whose tags do not say so by themselves.
_PRESENT_AUXILIARIES = frozenset(("is", "are", "am", "has", "have", "will", "shall", "can", "may", "must"))


def _present_first(view: str, start: int, end: int) -> bool:
    """Whether the first finite verb after a sentence-opening weekday is in the present: the clause the weekday
    opens is then a forecast or a schedule (`This Friday instability continues in the north…`, `This Friday the rain
    is expected to ease`), whatever participle or past verb a later clause holds (`accompanied by storms`, `after
    storms flooded the town`). A verb right after `who`, `which` or `that` belongs to a relative clause inside the
    subject (`the company, which has 300 employees, closed…`) and is passed over."""
    tokens = tagging.tag(view, start, end)
    for k, token in enumerate(tokens):
        if not token.is_word:
            continue
        if is_past(token.low):
            return False
        if k and tokens[k - 1].tag == "W":
            continue
        if token.tag == "Z" or (token.tag in "AM" and token.low in _PRESENT_AUXILIARIES):
            return True
    return False


@lru_cache(maxsize=None)
def _postposed_adjective() -> re.Pattern:
    suffixes = alternation("words.toml", "adjective_suffixes")
    return warmstart.regex(
        r"\b(?P<det>the|an?|this|its|their|his|her)\s+(?P<noun>[a-z]{3,})\s+"
        r"(?P<open>[“\"‘«])\s?(?P<adj>[a-z]+(?:%s))\s?(?P<close>[”\"’»])"
        r"(?=\s*(?:of\b|[,.;:)]|$))" % suffixes,
        re.M,
    )


class PostposedAdjective(Detector):
    """What it does:
    Flags a quoted adjective placed after its noun (`the role “destabilizing” of`,
    `a moment “unprecedented”.`).

    Why it matters:
    Spanish, French and Portuguese put most adjectives after the noun; a translation
    that keeps the quotation marks often keeps that order too, which English never uses.

    Example:
    Critics condemned the policy “discriminatory” of the council.

    Use instead:
    Critics condemned the council’s “discriminatory” policy.
    """

    code = "C103"
    name = "postposed-adjective"
    severity = Severity.WARNING
    family = "calques"
    targets = ("en",)
    sources = ROMANCE

    def check(self, ctx):
        langs = romance_sources(ctx)
        if not langs:
            return
        view = ctx.doc.view
        complement_verbs = english_words("verbs.toml", "complement_verbs_words")
        skip = english_words("words.toml", "degree_words") | english_words("words.toml", "function_words")
        for seg in ctx.segments:
            for m in _postposed_adjective().finditer(view, seg.start, seg.end):
                noun = m.group("noun")
                if noun in skip or noun.endswith("ly"):
                    continue
                previous = _WORD.findall(view[max(seg.start, m.start() - 30):m.start()])
                if previous and previous[-1].lower() in complement_verbs:
                    continue  # "called the plan “reckless”" is an object complement
                yield self.finding(
                    m.start(),
                    m.end("close"),
                    f"the quoted adjective “{m.group('adj')}” follows its noun, in {source_label(langs)} order",
                    suggestion=f"{_article(m.group('det'), m.group('adj'))} {m.group('open')}{m.group('adj')}{m.group('close')} {noun}",
                    source_lang=assumed_source(ctx, langs),
                )


def _article(det: str, word: str) -> str:
    """`det`, with "a"/"an" made to agree with the word now after it ("an “unprecedented” moment")."""
    if det.lower() not in ("a", "an"):
        return det
    w = word.lower()
    vowel = w[:1] in "aeiou" and not w.startswith(("uni", "use", "usu", "eu", "one", "ubiq")) or w.startswith(
        ("hour", "honest", "honor", "honour", "heir"))
    article = "an" if vowel else "a"
    return article.capitalize() if det[:1].isupper() else article


class _PhraseTable:
    """The entries of one table (`phrases`, `capitals`) of the pairs' calques.toml, each with an
    anchor word: a sentence without the anchor is never handed to the entry's regex."""

    def __init__(self, table: str, pairs: tuple[str, ...]):
        # What the gate and the patterns need is one stored value; an entry's own fields (its message, its
        # examples: most of the table's 100–165 KB a pair) are read only when its pattern matches.
        key = f"{table}:{','.join(pairs)}"
        rows = warmstart.data(f"phrase-table:{key}", lambda: _table_rows(table, pairs))
        self.table = table
        self.rows = rows  # per entry: [its pattern, the pairs that list it, [its first pair, its index there], tags]
        # Entries share anchors; the one pass over the file finds each distinct anchor once for all of them.
        # The index by anchor is one stored value: built from the 700 entries' anchors, it cost 0.5 ms a run.
        # With it, what else each entry's match must hold: most sentences that hold an entry's anchor (`ing`,
        # `aim` in `claimed`) lack one of its other words, and testing for them costs a tenth of running its regex.
        self.by_anchor, self.unanchored, self.also = warmstart.data(f"anchor-index:{key}", lambda: _anchor_index(rows))
        self.literals = tuple(sorted(self.by_anchor))
        self._unanchored = frozenset(self.unanchored)

    @property
    def entries(self) -> list[tuple[tuple[str, int], list[str], str]]:
        """(where the entry is: its first pair and its index there, the pairs that list it, its pattern)."""
        return [(tuple(where), langs, pattern) for pattern, langs, where, _ in self.rows]

    def matches(self, text: str, start: int, end: int, held: frozenset[str] | None):
        """The entries' matches in text[start:end], a sentence that holds the literals `held` (from the
        one pass over the file, `rules.base.anchor_hits`): an entry whose anchor it lacks cannot match."""
        chosen = self._unanchored
        if held:
            by_anchor = self.by_anchor
            chosen = chosen.union(*(by_anchor[a] for a in held if a in by_anchor))
        low = None
        for i in sorted(chosen):
            also = self.also[i]
            if also:
                if low is None:
                    low = fold(text[start:end])
                if not prefilter.holds_all(low, also):
                    continue
            pattern, langs, (lang, index), tags = self.rows[i]
            for m in _compiled(pattern).finditer(text, start, end):
                if tags and not has_tags(m, tags):
                    continue  # the words the entry asks the lexicon about are not what it wants
                yield m, _entry(lang, self.table, index), tuple(langs)


def _anchor_index(rows: list[list]) -> tuple[dict[str, list[int]], list[int], list[tuple]]:
    """({anchor: the indexes of the entries it anchors}, the indexes of the entries without one, per entry the
    other literal sets its match must hold one of each) of a table's rows."""
    common = language.function_words().get("en", frozenset())
    by_anchor: dict[str, list[int]] = {}
    unanchored: list[int] = []
    also: list[tuple] = []
    for i, (pattern, *_) in enumerate(rows):
        requirements = prefilter.required_literal_sets(pattern, re.IGNORECASE, common)
        anchors = requirements[0] if requirements else None
        also.append(tuple(requirements[1:]) if requirements else ())
        if not anchors:
            unanchored.append(i)
        for anchor in anchors or ():
            by_anchor.setdefault(anchor, []).append(i)
    return by_anchor, unanchored, also


def _table_rows(table: str, pairs: tuple[str, ...]) -> list[list]:
    """[pattern, pairs listing it, [first pair, index there], tags] of each distinct pattern of the pairs' table."""
    rows: list[list] = []
    seen: dict[str, int] = {}
    for lang in pairs:
        for index, entry in enumerate(langdata.table(f"{lang}-en", "calques.toml", table)):
            pattern = entry["pattern"]
            if pattern in seen:
                rows[seen[pattern]][1].append(lang)
                continue
            seen[pattern] = len(rows)
            rows.append([pattern, [lang], [lang, index], entry.get("tags")])
    return rows


@lru_cache(maxsize=None)
def _entry(lang: str, table: str, index: int) -> dict:
    """The entry at `index` of the pair's table, each kept in the warm-start file on its own."""
    return warmstart.data(f"calque:{lang}:{table}:{index}",
                          lambda: langdata.table(f"{lang}-en", "calques.toml", table)[index])


@lru_cache(maxsize=None)
def _compiled(pattern: str) -> re.Pattern:
    """Compiled on first use: most entries never meet their anchor in a given file."""
    return warmstart.regex(pattern, re.I)


@lru_cache(maxsize=None)
def phrase_table(table: str, pairs: tuple[str, ...]) -> _PhraseTable:
    return _PhraseTable(table, pairs)


def table_literals(ctx, table: str) -> tuple[str, ...]:
    """The anchors of `table`'s entries for the file's source pairs: what the one pass over the file looks for."""
    pairs = romance_sources(ctx, tuple(langdata.sources_for("en")))
    return phrase_table(table, pairs).literals if pairs else ()


def phrase_matches(ctx, table: str) -> list[tuple[re.Match, dict, tuple[str, ...]]]:
    """(match, entry, languages) of every entry of `table` in the file, sentence by sentence: found once
    per file (C104 reports them; Y104 steps aside where they are), each entry run only on the sentences
    the one pass over the file found its anchor in."""
    key = "calques." + table
    found = ctx.cache.get(key)
    if found is not None:
        return found
    found = ctx.cache[key] = []
    pairs = romance_sources(ctx, tuple(langdata.sources_for("en")))
    if not pairs:
        return found
    view = ctx.doc.view
    chosen = phrase_table(table, pairs)
    hits = anchor_hits(ctx)
    for i, seg in enumerate(ctx.segments):
        held = hits.get(i)
        if held is None and not chosen.unanchored:
            continue
        found.extend(chosen.matches(view, seg.start, seg.end, held))
    return found


def has_tags(m: re.Match, wanted: dict[str, str]) -> bool:
    """Whether each named group of an entry's match is a word the English lexicon gives one of the wanted
    parts of speech (`tags = { noun = "NS" }`: `in said vehicle`, not `on said the guard`; tags as in
    tqcheck/text/tagging.py, and `@` for a noun that names a person, from WordNet's noun.person): one
    entry then covers every noun, participle or person, not a list of them."""
    for group, tags in wanted.items():
        if m.group(group) is None:
            continue  # the group is in a branch of the pattern that did not match
        word = m.group(group).lower().replace("’", "'")
        if "@" in tags and tagging.names_person(word):
            continue
        found = tagging.lookup(word) or tagging.guess(word)
        if not any(t in tags for t in found):
            return False
    return True


class _TableFindings:
    """Findings for the entries of one table of the source pairs' calques.toml (a mixin:
    not a Detector itself, so the registry does not list it)."""

    table: str = ""

    def literals(self, ctx):
        return table_literals(ctx, self.table)

    def check(self, ctx):
        pairs = romance_sources(ctx, tuple(langdata.sources_for("en")))
        for m, entry, langs in phrase_matches(ctx, self.table):
            if document_names(ctx, entry.get("not_in_document")):
                continue  # a variety of English the text shows uses the phrase natively
            lang = next((p for p in pairs if p in langs), langs[0])
            yield self.finding(
                m.start(),
                m.end(),
                self.message(m.group(0), entry, lang),
                suggestion=entry.get("use"),
                source_lang=lang,
                severity=Severity.parse(entry["severity"]) if "severity" in entry else None,
            )

    def message(self, found: str, entry: dict, lang: str) -> str:
        raise NotImplementedError


class CalquePhrase(_TableFindings, Detector):
    """What it does:
    Flags phrases copied word for word from Spanish, French or Portuguese
    (`on the occasion of the meeting`, `in this context of`, `projects of law`,
    `since several years`), from the language pairs' `calques.toml`.

    Why it matters:
    Each phrase is grammatical-looking English that no native writer would choose; it tells
    the reader the text is an unedited translation, and sometimes hides the meaning.

    Example:
    The senate debated two projects of law on pensions.

    Use instead:
    The senate debated two bills on pensions.
    """

    code = "C104"
    name = "calque-phrase"
    severity = Severity.WARNING
    family = "calques"
    targets = ("en",)
    sources = ROMANCE
    table = "phrases"

    def message(self, found, entry, lang):
        return f"“{found}” calques {LANGUAGE_NAMES.get(lang, lang)} “{entry['source']}”"


class CapitalisedCommonNoun(_TableFindings, Detector):
    """What it does:
    Flags common nouns that Spanish or Portuguese capitalise and English does not
    (`each State`, `every Municipality`).

    Why it matters:
    Spanish `cada Estado` capitalises the state as an institution; in English the capital
    letter after `each` or `every` is a trace of the source text.

    Example:
    The right of each State to choose its allies.

    Use instead:
    The right of each state to choose its allies.
    """

    code = "C106"
    name = "capitalised-common-noun"
    severity = Severity.WARNING
    family = "calques"
    targets = ("en",)
    sources = ROMANCE
    table = "capitals"

    def message(self, found, entry, lang):
        return f"“{found}” keeps the capital letter of {LANGUAGE_NAMES.get(lang, lang)} “{entry['source']}”"


@lru_cache(maxsize=None)
def _capital_metonym() -> re.Pattern:
    nouns = alternation("words.toml", "metonym_noun_words")
    capitals = alternation("words.toml", "capital_words")
    return warmstart.regex(r"\bthe (?P<noun>(?:[“\"]?[a-z]+ )?(?:%s)[”\"]?) of (?P<city>%s)\b(?![’'-])" % (nouns, capitals))


class CapitalPossessive(Detector):
    """What it does:
    Points at `the strategy of Moscow` and similar phrases where a capital city stands for
    its government and English would use the possessive.

    Why it matters:
    Spanish and French can only say `la estrategia de Moscú`; English news writes
    `Moscow’s strategy`. Natives use the `of` form now and then, so this is a hint.

    Example:
    Analysts doubt the real intentions of Beijing.

    Use instead:
    Analysts doubt Beijing’s real intentions.
    """

    code = "C105"
    name = "capital-possessive"
    severity = Severity.INFO
    family = "calques"
    targets = ("en",)
    sources = ROMANCE

    def literals(self, ctx):
        return pattern_literals(_capital_metonym())

    def check(self, ctx):
        langs = romance_sources(ctx)
        if not langs:
            return
        for m in segment_matches(ctx, _capital_metonym()):
            yield self.finding(
                m.start(),
                m.end(),
                f"“{m.group(0)}” reads as {source_label(langs)} “de”; English uses the possessive",
                suggestion=f"{m.group('city')}’s {m.group('noun')}",
                source_lang=assumed_source(ctx, langs),
            )


@lru_cache(maxsize=None)
def _stacked_apposition() -> re.Pattern:
    nations = alternation("words.toml", "nationality_words")
    heads = alternation("words.toml", "appositive_head_words")
    return warmstart.regex(r"\bthe (?:%s) (?:[a-z]+ ){0,2}(?:%s) [A-Z][\w’'&.-]*" % (nations, heads))


class StackedApposition(Detector):
    """What it does:
    Points at a stacked apposition before a name: determiner, nationality, one or two
    nouns, then the name (`the American computer giant YouTube`).

    Why it matters:
    It renders Spanish `el gigante informático estadounidense YouTube` word by word.
    English news does use the pattern (usually without `the`), so this is only a hint.

    Example:
    the Swedish furniture giant Ikea opened a store.

    Use instead:
    Ikea, the Swedish furniture retailer, opened a store.
    """

    code = "C107"
    name = "stacked-apposition"
    severity = Severity.INFO
    family = "calques"
    targets = ("en",)
    sources = ROMANCE

    def literals(self, ctx):
        return pattern_literals(_stacked_apposition())

    def check(self, ctx):
        langs = romance_sources(ctx)
        if not langs:
            return
        for m in segment_matches(ctx, _stacked_apposition()):
            yield self.finding(
                m.start(),
                m.end(),
                "a stacked apposition before a name, as a word-for-word translation would build it",
                suggestion="put the description after the name: “Name, the … company,”",
                source_lang=assumed_source(ctx, langs),
            )


@lru_cache(maxsize=None)
def _would_have() -> re.Pattern:
    return warmstart.regex(r"(?:,\s*|\b(?P<subject>[A-Za-z]+)\s+)(?P<would>would\s+have)\s+(?P<verb>[a-z]{3,})\b(?P<that>\s+that\b)?")


@lru_cache(maxsize=None)
def _hearsay_cue() -> re.Pattern:
    return warmstart.regex(r"\b(?:%s)\b" % alternation("verbs.toml", "hearsay_cue_words"), re.I)


@lru_cache(maxsize=None)
def _hearsay_source() -> re.Pattern:
    """`state media reported`, `sources said`: a source that reports the claim, anywhere in the sentence."""
    return warmstart.regex(r"\b(?:%s)\s+(?:reported|said|say|says|report|reports|claimed|claim|claims|revealed|alleged|indicated)\b"
                           % alternation("verbs.toml", "hearsay_source_words"), re.I)


@lru_cache(maxsize=None)
def _counterfactual() -> re.Pattern:
    return warmstart.regex(r"\b(?:%s)\b" % alternation("verbs.toml", "counterfactual_words"), re.I)


_NEXT_WORD = warmstart.regex(r"\s+(?:[a-z]+ly\s+)?([a-z]+)")

# "higher than the government would have hoped", "not as fast as she would have liked": a comparison
# with what someone wished or expected, English's own counterfactual: the subject of "would" (up to ten words,
# "than the government of President Ana Ruiz would have hoped") follows "than" with no clause joined in between
_COMPARED_WITH = warmstart.regex(r"\b(?:than|as\s+[a-z]+\s+as)\s+(?:(?!(?:and|but|or|while|that|who|which)\s)[A-Za-z'’.-]+\s+){0,10}$", re.I)


def _participle_after(view: str, pos: int, end: int) -> bool:
    """`would have been killed` (a passive, which hearsay reports) rather than `would have been safer`."""
    m = _NEXT_WORD.match(view, pos, end)
    return bool(m) and is_participle(m.group(1))


def is_participle(word: str) -> bool:
    return word.endswith("ed") or word in english_words("verbs.toml", "irregular_participle_words")


class HearsayConditional(Detector):
    """What it does:
    Flags `would have` + participle used to report an unconfirmed claim: after `allegedly`,
    `reportedly`, `according to`, `in the last hours` or a witness's account (`revealed that`,
    `told prosecutors`), in a sentence whose source reports it (`…, local media reported`),
    or as a reporting verb after a comma or a name (`Wang, who visited Paris, would have
    considered that…`). Sentences with `if`, `unless`, `otherwise` or `without` are
    counterfactuals, which is what English uses the form for, and stay quiet, and so do
    `would have been` + adjective (`it would have been safer to…`) and a comparison with a wish
    (`higher than the bank would have hoped`).

    Why it matters:
    Spanish `habría recibido`, French `aurait reçu` and Portuguese `teria recebido` are the
    press's conditional of hearsay. In English `would have received` means the opposite: it
    did not happen. The reader is told a claim is false when the source said it was unproven.

    Example:
    According to the prosecutor, the mayor would have received two million in bribes.

    Use instead:
    According to the prosecutor, the mayor received two million in bribes.
    (Or: The mayor allegedly received two million in bribes.)
    """

    code = "C108"
    name = "hearsay-conditional"
    severity = Severity.WARNING
    family = "calques"
    targets = ("en",)
    sources = ROMANCE

    def check(self, ctx):
        langs = romance_sources(ctx)
        if not langs:
            return
        view = ctx.doc.view
        reporting = english_words("verbs.toml", "reporting_past_words")
        speakers = english_words("words.toml", "speaker_pronoun_words")
        for seg in ctx.segments:
            sentence = view[seg.start:seg.end]
            if "would" not in sentence or _counterfactual().search(sentence):
                continue
            source = _hearsay_source().search(sentence)
            for m in _would_have().finditer(view, seg.start, seg.end):
                verb, subject = m.group("verb"), m.group("subject")
                if not is_participle(verb) or (subject and subject.lower() in speakers):
                    continue  # "I would have said that…" is a speaker's own counterfactual
                if verb == "been" and not _participle_after(view, m.end("verb"), seg.end):
                    continue  # "it would have been safer to…" judges what did not happen
                if _COMPARED_WITH.search(view, max(seg.start, m.start("would") - 120), m.start("would")):
                    continue  # "stronger than the government would have hoped" compares with a wish
                cue = _hearsay_cue().search(view, seg.start, m.start("would")) or source
                # a name (not the sentence's first word, "Economists would have said…") or a comma before "would"
                named = not subject or (subject[0].isupper() and view[seg.start:m.start()].strip() != "")
                reported = verb in reporting and m.group("that") and named
                if not (cue or reported):
                    continue
                yield self.finding(
                    m.start("would"),
                    m.end("verb"),
                    f"“would have {verb}” reports a claim in the {source_label(langs)} conditional of hearsay; "
                    "in English it says the thing did not happen",
                    suggestion=f"“{verb}”, “reportedly {verb}” or “is said to have {verb}”",
                    source_lang=assumed_source(ctx, langs),
                )
