"""Spanish, French and Portuguese syntax carried into English, found on parts of speech and a few classes of
words: articles English does not use or needs, relatives and connectives calqued word for word, a
person's possessive written as `the … of Name`."""
from __future__ import annotations

import bisect
import itertools
import re
from functools import lru_cache

from tqcheck.data import langdata
from tqcheck.finding import Severity
from tqcheck.rules.base import Detector, pattern_literals, segment_matches
from tqcheck.rules.calques import (ROMANCE, assumed_source, english_words, phrase_matches, romance_sources, source_label,
                                   table_literals)
from tqcheck.rules.word_order import CLOSING, tagged, token_at
from tqcheck.speed import warmstart
from tqcheck.text import tagging

_LEADING_DIGITS = warmstart.regex(r"\d+")
_DIGIT = warmstart.regex(r"\d")

SYNTAX_FILE = "syntax.toml"
QUANTIFIERS = frozenset(("more", "much", "all", "some", "any", "many", "most", "none", "one", "lots", "plenty", "few",
                         "less", "both", "each", "either", "neither", "two", "three", "several"))


class _Syntax:
    """What the Y1xx detectors share (a mixin, not a Detector, so the registry does not list it): English
    targets, Romance sources, warnings unless a detector says otherwise."""

    severity = Severity.WARNING
    family = "syntax"
    targets = ("en",)
    sources = ROMANCE


@lru_cache(maxsize=None)
def word_class(table: str) -> frozenset[str]:
    """Every word of the `[[table]]` entries of `en/syntax.toml`."""
    return frozenset(w for entry in langdata.load("en", SYNTAX_FILE).get(table, ()) for w in entry["words"])


@lru_cache(maxsize=None)
def class_severity(table: str) -> dict[str, Severity]:
    """Each word of the `[[table]]` entries with its entry's severity (a warning unless stated)."""
    return {w: Severity.parse(entry.get("severity", "warning"))
            for entry in langdata.load("en", SYNTAX_FILE).get(table, ()) for w in entry["words"]}


@lru_cache(maxsize=None)
def _phrase_class(table: str) -> dict[str, tuple[str, ...]]:
    """The words of a class by their first word: `prime minister` is found from `prime`."""
    found: dict[str, list[str]] = {}
    for word in word_class(table):
        found.setdefault(word.split()[0], []).append(word)
    return {k: tuple(sorted(v, key=lambda w: -len(w.split()))) for k, v in found.items()}


def _match_phrase(tokens, i, table: str) -> int | None:
    """The index of the last token of a class phrase starting at token `i`, or None."""
    for phrase in _phrase_class(table).get(tokens[i].low, ()):
        words = phrase.split()
        if all(token_at(tokens, i + k) is not None and tokens[i + k].low == w for k, w in enumerate(words)):
            return i + len(words) - 1
    return None


def _name_like(token) -> bool:
    """A capitalised word that reads as a person's name: unknown to the English lexicon, or written with
    letters English words do not use (`Peñaloza`, `Órdenes`)."""
    if token.tag != "X" or not token.text[:1].isupper() or token.text.isupper():
        return False
    return not tagging.lookup(token.low) or not token.text.isascii()


def _capitalised(token) -> bool:
    """A capitalised word the lexicon does not tag otherwise: the start of a name."""
    return token is not None and token.tag == "X" and token.text[:1].isupper()


def _name_end(tokens, i) -> int | None:
    """The last token of a person's name starting at `i` (up to four capitalised words, `de`/`da` between),
    when at least one of them reads as a name; None otherwise."""
    j, last, named = i, None, False
    followers = word_class("title_followers")
    while j < len(tokens) and j < i + 6:
        t = tokens[j]
        if t.tag == "X" and t.text[:1].isupper():
            if t.low in followers and j == i or t.low in _phrase_class("titles"):
                return None  # "the Secretary General", "the government of Belarusian President Lukashenko"
            named = named or _name_like(t)
            last = j
        elif not (last is not None and t.low in ("de", "da", "do", "del", "dos", "la")):
            break
        j += 1
    return last if named else None


# ---------------------------------------------------------------------------------------------------------
# Articles

@lru_cache(maxsize=None)
def _article_number() -> re.Pattern:
    percent = r"\d+(?:[.,]\d+)?\s?(?:%|percent\b|per\s+cent\b)"
    return warmstart.regex(
        # "the 80% of", "a 5% more", "rose a 3% in March", "fell a 3%."
        r"\b(?P<art>(?-i:[Tt]he|[Aa]n?))\s+(?P<num>%s)(?=\s*(?:of|more|less|fewer|than)\b|\s*[.,;:)]|\s*$"
        r"|(?P<tail>\s+(?:in|compared|over|since|during|against|year-on-year|annually)\b))"
        # "in the 2024,", "since the 2019."
        r"|\b(?:in|of|since|during|until|for|from|to|by|after|before)\s+(?P<yart>the)\s+(?P<year>(?:19|20)\d\d)"
        r"(?=\s*[.;:)]|\s*,(?!\s*(?:\d|and\b|or\b))|\s*$)"
        # "The 2023 was a hard year."
        r"|(?P<sart>\b(?-i:The))\s+(?P<syear>(?:19|20)\d\d)(?=\s+(?:was|is|will|has|had|brought|left|ended)\b)"
        % percent
    )


_WORD_BEFORE = warmstart.regex(r"([A-Za-z]+)\s+(?:it\s+|in\s+)?$")


def _effort_before(view: str, at: int) -> bool:
    """A verb of effort ("give", "have", "put") right before the article, or before "it"/"in" and the article."""
    m = _WORD_BEFORE.search(view, max(0, at - 30), at)
    return bool(m) and m.group(1).lower() in english_words("words.toml", "effort_verb_words")


_RELATIVE_AHEAD = warmstart.regex(r"\s+of\s+(?:[\w’'-]+\s+){1,4}?(?:who|that|which|whose)\b", re.I)


class ArticleBeforeNumber(_Syntax, Detector):
    """What it does:
    Flags an article that Spanish, French and Portuguese put before a percentage or a year and
    English does not: `the 80% of the population`, `prices rose a 5%`, `rose a 5% in March`,
    `a 3% more`, `in the 2024,`, `The 2023 was a hard year`. A percentage that modifies a noun (`a 5% rise`, `the
    50 per cent guarantee`), `the 1%` and `the 99%` (the richest and the rest), and a share
    restricted by a relative clause (`the 10% of voters who…`) are English and stay quiet, and
    so are a year that modifies a noun (`in the 2024 election`) and the hyperbole of effort, a share
    over the whole after `give`, `have` or `put in` (`we always have a 130 percent`).

    Why it matters:
    Spanish `el 80 % de la población`, `subió un 5 %`, `en el 2024`, French `le 80 % des`,
    Portuguese `os 80% da população`, `em 2024` keep an article English drops: the phrase
    reads as a word-for-word translation.

    Example:
    The 80% of the population voted, and prices rose a 5% in the 2024.

    Use instead:
    80% of the population voted, and prices rose 5% in 2024.
    """

    code = "Y101"
    name = "article-before-number"

    def check(self, ctx):
        langs = romance_sources(ctx)
        if not langs:
            return
        view = ctx.doc.view
        for m in segment_matches(ctx, _article_number(), gate=_DIGIT):  # each branch reads a figure
            if m.group("art"):
                number = m.group("num")
                digits = _LEADING_DIGITS.match(number).group()
                if m.group("art").lower() == "the" and (digits in ("1", "99") or m.group("tail")
                                                        or _RELATIVE_AHEAD.match(view, m.end())):
                    continue  # "the 1%", "the 10% of voters who…", "the 12% in March" (a figure named before)
                if int(digits) > 100 and _effort_before(view, m.start("art")):
                    continue  # "give it a 110 percent": English's hyperbole of effort, no share of anything
                start, end, what = m.start("art"), m.end("num"), f"a percentage ({number})"
            elif m.group("yart"):
                start, end, what = m.start("yart"), m.end("year"), f"a year ({m.group('year')})"
            else:
                start, end, what = m.start("sart"), m.end("syear"), f"a year ({m.group('syear')})"
            article = view[start:end].split()[0]
            yield self.finding(
                start,
                end,
                f"“{article}” before {what} is {source_label(langs)} syntax; English uses no article here",
                suggestion=f"drop “{article}”: “{view[start:end].split(None, 1)[1]}”" if article.lower() != "a"
                else f"“by {view[start:end].split(None, 1)[1]}” or just the figure",
                source_lang=assumed_source(ctx, langs),
            )


class ArticleBeforeTitle(_Syntax, Detector):
    """What it does:
    Flags `the` before a capitalised title and the name it goes with: `the President Gustavo
    Petro`, `the Minister Carla Peñaloza`, `the Judge Baltasar Garzón`; with a lower-case title
    (`the minister Carla Peñaloza`), an apposition English writers use now and then, it is
    only a hint. The title is one of the political, judicial and diplomatic titles of
    `en/syntax.toml`, and the name must read as a person's (a capitalised word the English
    lexicon does not know), so `the Premier League` and `the Secretary General` stay quiet,
    and so does an apposition with commas (`the president, Gustavo Petro,`).

    Why it matters:
    Spanish `el presidente Petro`, French `le président Macron` and Portuguese `o presidente
    Lula` need the article; English uses the title as part of the name (`President Petro`)
    or sets the name off with commas.

    Example:
    The President Gustavo Petro signed the decree.

    Use instead:
    President Gustavo Petro signed the decree.
    """

    code = "Y102"
    name = "article-before-title"

    def check(self, ctx):
        langs = romance_sources(ctx)
        if not langs:
            return
        for _seg, tokens in tagged(ctx):
            for i, token in enumerate(tokens[:-2]):
                if token.low != "the":
                    continue
                title_end = _match_phrase(tokens, i + 1, "titles")
                if title_end is None:
                    continue
                name_end = _name_end(tokens, title_end + 1)
                if name_end is None:
                    continue
                after = token_at(tokens, name_end + 1)
                if after is not None and after.tag in "NS" and after.text.islower():
                    continue  # "the President Trump administration" names a period, not the person
                title = " ".join(t.text for t in tokens[i + 1:title_end + 1])
                # "the President Petro" cannot be English; "the prosecutor Germán Juárez" is an apposition
                # English writers use now and then, so a lower-case title is only a hint
                capital = tokens[i + 1].text[:1].isupper()
                yield self.finding(
                    token.start,
                    tokens[title_end].end,
                    f"“{token.text} {title}” before a name is {source_label(langs)} syntax; English drops the article",
                    suggestion=f"“{title[0].upper() + title[1:]} {tokens[title_end + 1].text}…”, or commas: “the {title.lower()}, …,”",
                    source_lang=assumed_source(ctx, langs),
                    severity=None if capital else Severity.INFO,
                )


COPULAS = frozenset(("is", "was", "be", "been", "became", "becomes", "become", "becoming"))
WORK_AS = frozenset(("work", "works", "worked", "working", "serve", "serves", "served", "serving"))


class BareRoleNoun(_Syntax, Detector):
    """What it does:
    Flags a profession with no article after `be`, `become` or `work as`: `her brother is
    lawyer`, `he became teacher`, `she worked as nurse`. The noun is one of the professions of
    `en/syntax.toml` (many people share them: a unique post such as `president of` or `head
    of` takes no article in English either and is not listed); an adjective may stand before
    it (`is criminal lawyer`), and it must end its phrase.

    Why it matters:
    Spanish `es abogado`, French `il est avocat`, Portuguese `é advogada` state a profession
    without an article; English needs `a`. Without it the sentence reads as a translation.

    Example:
    Her brother is lawyer and lives in Lima.

    Use instead:
    Her brother is a lawyer and lives in Lima.
    """

    code = "Y103"
    name = "bare-role-noun"

    def check(self, ctx):
        langs = romance_sources(ctx)
        if not langs:
            return
        roles = word_class("roles")
        for _seg, tokens in tagged(ctx):
            for i, verb in enumerate(tokens[:-1]):
                after_as = verb.low in WORK_AS and tokens[i + 1].low == "as"
                if verb.low not in COPULAS and not after_as:
                    continue
                j = i + 2 if after_as else i + 1
                if token_at(tokens, j) is not None and "J" in tokens[j].tags and tokens[j].text.islower() \
                        and token_at(tokens, j + 1) is not None and tokens[j + 1].low in roles:
                    j += 1  # "is criminal lawyer"
                noun = token_at(tokens, j)
                if noun is None or noun.low not in roles or not noun.text.islower():
                    continue
                after = token_at(tokens, j + 1)
                if after is not None and not (after.text in CLOSING or after.tag in "ICKW"):
                    continue  # "is student housing", "was driver error": the noun modifies another
                if after is not None and after.low == "of" and [t.low for t in tokens[j + 2:j + 4]] == ["the", "year"]:
                    continue  # "she was teacher of the year": the name of an award
                yield self.finding(
                    verb.start,
                    noun.end,
                    f"“{noun.text}” has no article: {source_label(langs)} states a profession without one, English says “a {noun.text}”",
                    suggestion=f"“{verb.text}{' as' if after_as else ''} a{'n' if tokens[i + 2 if after_as else i + 1].low[0] in 'aeiou' else ''} "
                    f"{' '.join(t.text for t in tokens[(i + 2 if after_as else i + 1):j + 1])}”",
                    source_lang=assumed_source(ctx, langs),
                )


# ---------------------------------------------------------------------------------------------------------
# "The same" as a pronoun

@lru_cache(maxsize=None)
def _same_pronoun() -> re.Pattern:
    return warmstart.regex(
        r"(?:\b(?P<before>[a-z]+)\s+)?\b(?P<prep>of|in|to|by|from|within|on|for|through|into|during|against|under)"
        r"\s+(?P<same>the\s+same)(?=\s*[.,;:)!?]|\s*$)",
        re.I,
    )


class _Overlaps:
    """Whether a span overlaps one of a file's spans, by one bisection rather than a scan of them all (a
    scan for each match was quadratic on a file of calques)."""

    def __init__(self, spans):
        ordered = sorted(spans)
        self.starts = [a for a, _ in ordered]
        self.reach = list(itertools.accumulate((b for _, b in ordered), max))  # the furthest end so far

    def overlap(self, start: int, end: int) -> bool:
        """`any(a < end and start < b for a, b in spans)`: of the spans starting before `end`, one ends after `start`."""
        k = bisect.bisect_left(self.starts, end)
        return k > 0 and self.reach[k - 1] > start


class SameAsPronoun(_Syntax, Detector):
    """What it does:
    Flags `the same` standing for a noun already named, after a preposition and closing the
    phrase: `the members of the same`, `a copy was kept in the same.`, `the budget and the
    vote on the same`. `More of the same`, `much of the same` and `the same` after a verb
    (`they did the same`, `I feel the same`) are English and stay quiet.

    Why it matters:
    Spanish `el mismo`/`la misma`, Portuguese `o mesmo` and French `le même` refer back to a
    noun; English uses a pronoun (`it`, `them`, `its`, `their`). `The same` alone reads as a
    word-for-word translation and can leave the reader looking for what it refers to.

    Example:
    The report was sent to the ministry for the review of the same.

    Use instead:
    The report was sent to the ministry for review.
    """

    code = "Y104"
    name = "same-as-pronoun"

    def literals(self, ctx):
        # its own pattern's, and the calque phrases' it steps aside for
        return pattern_literals(_same_pronoun()).union(table_literals(ctx, "phrases"))

    def check(self, ctx):
        langs = romance_sources(ctx)
        if not langs:
            return
        view = ctx.doc.view
        calqued = None
        for m in segment_matches(ctx, _same_pronoun()):
            if calqued is None:  # C104 knows `the use of the same` and its kin: one finding is enough
                calqued = _Overlaps((c.start(), c.end()) for c, _e, _l in phrase_matches(ctx, "phrases"))
            if calqued.overlap(m.start(), m.end()):
                continue
            if (m.group("before") or "").lower() in QUANTIFIERS:
                continue  # "more of the same", "some of the same": English's own idiom
            yield self.finding(
                m.start("prep"),
                m.end(),
                f"“{view[m.start('prep'):m.end()]}” uses “the same” as a pronoun, as {source_label(langs)} “el mismo/le même” does",
                suggestion="a pronoun (“it”, “them”, “its”, “their”) or the noun again",
                source_lang=assumed_source(ctx, langs),
            )


# ---------------------------------------------------------------------------------------------------------
# Relatives and connectives

@lru_cache(maxsize=None)
def _relative_phrases() -> list[tuple[re.Pattern, dict]]:
    return [(warmstart.regex(e["pattern"], re.I), e) for e in langdata.load("en", SYNTAX_FILE).get("relative_phrases", ())]


class RelativeCalque(_Syntax, Detector):
    """What it does:
    Flags relatives and connectives built as Spanish, French and Portuguese build them:
    `which` for people with no comma before it (`the people which live there`), `, what` opening
    a clause about what came before (`…, what caused outrage`), `the which` (`in the which`),
    `, reason for which` and `, already that`. The nouns for people and the phrases are in
    `en/syntax.toml`. A `which` after a comma may refer to the whole clause (`they fired ten
    workers, which angered the union`) and stays quiet, and so does a question (`…, what
    happened?`).

    Why it matters:
    Spanish `que`, `lo que`, `el cual`, `razón por la cual`, `ya que`, French `ce qui`,
    `lequel`, `raison pour laquelle` and Portuguese `o que`, `o qual`, `já que` each have an
    English form (`who`, `which`, `which is why`, `since`); word for word they give English
    that reads as broken.

    Example:
    The bill passed, what caused outrage among the people which live in the valley.

    Use instead:
    The bill passed, which caused outrage among the people who live in the valley.
    """

    code = "Y105"
    name = "relative-calque"

    def check(self, ctx):
        langs = romance_sources(ctx)
        if not langs:
            return
        view = ctx.doc.view
        for seg in ctx.segments:
            for pattern, entry in _relative_phrases():
                for m in pattern.finditer(view, seg.start, seg.end):
                    found = m.group(0).strip(" ,;(—–")
                    start = m.start() + m.group(0).index(found)
                    yield self.finding(
                        start,
                        start + len(found),
                        f"“{found}” calques “{entry['source']}”",
                        suggestion=entry["use"],
                        source_lang=assumed_source(ctx, langs),
                    )
        people = word_class("people")
        for seg, tokens in tagged(ctx):
            question = view[seg.start:seg.end].rstrip().rstrip("”\"’»)").endswith("?")
            for i, token in enumerate(tokens[:-1]):
                if token.low == "which" and i > 0 and tokens[i - 1].low in people and tokens[i - 1].text[1:].islower():
                    after = tokens[i + 1]
                    before = token_at(tokens, i - 2)
                    if after.tag not in "VZDM" and after.low not in ("have", "has", "had", "are", "were"):
                        continue
                    if before is not None and (before.low in ("of", "among", "between") or before.tag == "U"):
                        continue  # "a group of women which" may mean the group
                    yield self.finding(
                        tokens[i - 1].start,
                        token.end,
                        f"“which” for people (“{tokens[i - 1].text}”) follows {source_label(langs)} “que”; English uses “who”",
                        suggestion=f"“{tokens[i - 1].text} who”",
                        source_lang=assumed_source(ctx, langs),
                    )
                elif token.low == "what" and token.text == "what" and i > 0 and tokens[i - 1].text == "," and not question:
                    if self._what_clause(tokens, i):
                        yield self.finding(
                            tokens[i - 1].start,
                            token.end,
                            f"“, what” opening a clause about what came before follows {source_label(langs)} “lo que/ce qui/o que”",
                            suggestion="“, which”",
                            source_lang=assumed_source(ctx, langs),
                        )

    @staticmethod
    def _what_clause(tokens, i) -> bool:
        """`…, what caused outrage`: `what` followed by a finite verb (or has/had and a participle) and an
        object or complement, the words before the comma a finished clause (not `Tell me, what…`)."""
        before = token_at(tokens, i - 2)
        if before is None or not before.is_word or before.tag in "VAMO" or before.low in ("say", "know", "is", "see"):
            return False
        if any(t.low in ("what", "how", "where", "why", "whether") for t in tokens[:i]):
            return False  # "what he did, what twists his career took": a series of questions
        verb = token_at(tokens, i + 1)
        if verb is None or not verb.text.islower():
            return False
        k = i + 1
        if verb.low in ("has", "had", "would", "will", "could", "might"):
            k += 1
            nxt = token_at(tokens, k)
            if nxt is None or nxt.tag not in "PDV":
                return False
        elif verb.tag not in "ZD" or verb.low in ("is", "was", "does", "did"):
            return False
        # `what matters is…`: a free relative that is the subject of the next verb
        for t in tokens[k + 1:k + 5]:
            if t.low in ("is", "was", "are", "were"):
                return False
            if t.text in CLOSING:
                break
        return True


# ---------------------------------------------------------------------------------------------------------
# "who" for an institution

class WhoForInstitution(_Syntax, Detector):
    """What it does:
    Flags `who` referring to an institution whose verb is singular: `the Central Bank, who
    estimates`, `the IMF, who expects`. The institution is a noun or an acronym of
    `en/syntax.toml`, right before the comma and not the complement of a person (`the head of
    the IMF, who…` stays quiet); British English's `the club, who are…`, with a plural verb,
    stays quiet too.

    Why it matters:
    Spanish `el Banco Central, que estima`, French `le FMI, qui prévoit` and Portuguese `o FMI,
    que estima` use one relative for people and things; English uses `which` for an
    institution taken as a single body, and `who` there reads as a translation.

    Example:
    The Central Bank, who estimates that prices will fall, kept its rate.

    Use instead:
    The Central Bank, which estimates that prices will fall, kept its rate.
    """

    code = "Y106"
    name = "who-for-institution"

    def check(self, ctx):
        langs = romance_sources(ctx)
        if not langs:
            return
        institutions = word_class("institutions")
        people = word_class("people") | word_class("roles") | {"head", "chief", "director", "president", "spokesman",
                                                                "spokeswoman", "spokesperson", "chairman", "governor"}
        for _seg, tokens in tagged(ctx):
            for i in range(2, len(tokens) - 1):
                if tokens[i].low != "who" or tokens[i - 1].text != ",":
                    continue
                verb = tokens[i + 1]
                if not (verb.tag == "Z" and verb.text.islower()):
                    continue
                head = self._head(tokens, i - 2, institutions, people)
                if head is None:
                    continue
                yield self.finding(
                    tokens[head].start,
                    tokens[i].end,
                    f"“who” for an institution (“{tokens[head].text}”) follows {source_label(langs)} “que/qui”; English uses “which”",
                    suggestion=f"“…, which {verb.text}”",
                    source_lang=assumed_source(ctx, langs),
                )

    @staticmethod
    def _head(tokens, j, institutions, people) -> int | None:
        """The institution word a noun phrase ending at token `j` is headed by: `the Central Bank`, `the
        IMF`, `the Ministry of Health` (the word before `of`). None when a person heads it."""
        last = tokens[j]
        if last.text.isupper() and len(last.text) >= 2:
            if last.low not in institutions:
                return None
            k = j
        elif last.low in institutions:
            k = j
        else:
            # `the Ministry of Health`: back to `of`, the head is the word before it
            k = j
            while k > 0 and tokens[k].tag in "XNJ" and j - k < 4:
                k -= 1
            if tokens[k].low != "of" or k < 1 or tokens[k - 1].low not in institutions:
                return None
            k -= 1
        # the phrase must not be the complement of a person: "the head of the IMF, who…"
        m = k - 1
        while m >= 0 and (tokens[m].tag in "JX" or tokens[m].low in ("the", "its", "their")):
            m -= 1
        if m >= 1 and tokens[m].low in ("of", "at", "for", "from") and tokens[m - 1].low in people:
            return None
        return k


# ---------------------------------------------------------------------------------------------------------
# The possessive of a person written with "of"

class NounOfName(_Syntax, Detector):
    """What it does:
    Flags `the team of Lionel Scaloni`, `the cabinet of Gustavo Petro`, `the mandates of
    Mariano Rajoy`: a noun English puts after a person's possessive, then `of` and a name. The
    nouns are in `en/syntax.toml`; the name must read as a person's (a capitalised word the
    English lexicon does not know, no title among its words), so `the government of Mexico`
    and `the government of Belarusian President Lukashenko` stay quiet, and so does a pair of
    owners (`the party of Jordan Bardella and Marine Le Pen`: English puts no `’s` on two names
    joined by `and`). For nouns native news
    also writes with `of` (`the wife of Pedro Castillo`, `the words of…`, `the government of
    Nicolás Maduro`, `the supporters of…`) it is only a hint.

    Why it matters:
    Spanish `el equipo de Scaloni`, French `le gouvernement de Borne`, Portuguese `a equipe de
    Tite` have no other way to say it; English news writes `Scaloni's team`, `the Petro
    government`.

    Example:
    The team of Lionel Scaloni trained in Doha.

    Use instead:
    Lionel Scaloni's team trained in Doha.
    """

    code = "Y107"
    name = "noun-of-name"

    def check(self, ctx):
        langs = romance_sources(ctx)
        if not langs:
            return
        possessed = class_severity("possessed")
        for _seg, tokens in tagged(ctx):
            for i in range(1, len(tokens) - 2):
                noun = tokens[i]
                if noun.low not in possessed or tokens[i + 1].low != "of" or not noun.text[1:].islower():
                    continue
                det = tokens[i - 1]
                if det.low != "the":
                    continue
                name_end = _name_end(tokens, i + 2)
                if name_end is None:
                    continue
                after = token_at(tokens, name_end + 1)
                if after is not None and (after.tag == "$" or after.low == "of"):
                    continue
                if after is not None and after.low == "and" and _capitalised(token_at(tokens, name_end + 2)):
                    continue  # two owners: "the party of Jordan Bardella and Marine Le Pen" is how English says it
                name = " ".join(t.text for t in tokens[i + 2:name_end + 1])
                yield self.finding(
                    det.start,
                    tokens[name_end].end,
                    f"“the {noun.text} of {name}” follows {source_label(langs)} “de”; English uses the possessive",
                    suggestion=f"“{name}’s {noun.text.lower()}”",
                    source_lang=assumed_source(ctx, langs),
                    severity=possessed[noun.low],
                )


# ---------------------------------------------------------------------------------------------------------
# "al + infinitivo"

VERB_ONLY = frozenset("V")


def _noun_after(token) -> bool:
    """A lower-case word the lexicon reads first as a noun: the word before it modifies it."""
    return token.is_word and token.text.islower() and tagging.lookup(token.low)[:1] == "N"


class ArticleBeforeVerb(_Syntax, Detector):
    """What it does:
    Flags `the` between a preposition and the base form of a verb: `to the arrive`, `upon the
    know`. The word after `the` must be one the English lexicon knows only as a verb (`the
    arrival`, `the leave`, and any form in -ing, `at the polling station`, are nouns and stay
    quiet), and not stand before a noun it modifies (`go to the download page`).

    Why it matters:
    Spanish `al llegar` (`a` + `el` + infinitive, "on arriving") and Portuguese `ao chegar`
    join a preposition and an article to a verb; word for word they give English that is not
    grammatical.

    Example:
    To the arrive at the palace, the minister spoke to the press.

    Use instead:
    On arriving at the palace, the minister spoke to the press.
    """

    code = "Y108"
    name = "article-before-verb"
    sources = ("es", "pt")

    def check(self, ctx):
        langs = romance_sources(ctx, ("es", "pt"))
        if not langs:
            return
        for _seg, tokens in tagged(ctx):
            for i in range(len(tokens) - 2):
                prep, det, verb = tokens[i], tokens[i + 1], tokens[i + 2]
                if prep.low not in ("to", "at", "upon", "on") or det.low != "the" or not verb.text.islower():
                    continue
                known = tagging.lookup(verb.low)
                if not known or not set(known) <= VERB_ONLY:
                    continue
                if i + 3 < len(tokens) and _noun_after(tokens[i + 3]):
                    continue  # "get to the download page": the word names the page's kind, a noun before a noun
                yield self.finding(
                    prep.start,
                    verb.end,
                    f"“{prep.text} the {verb.text}” calques {source_label(langs)} “al/ao” + infinitive",
                    suggestion=f"“on {verb.low if verb.low.endswith('ing') else verb.low + 'ing'}…” or “when … {verb.low}”",
                    source_lang=assumed_source(ctx, langs),
                )
