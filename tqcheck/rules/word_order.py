"""Source-language word order in English, found on parts of speech: adjectives after their noun, adverbs
inside a noun phrase, a verb before its subject, a time phrase between a verb and its object."""
from __future__ import annotations

from tqcheck.data import langdata
from tqcheck.finding import Severity
from tqcheck.rules.attribution import verb_table
from tqcheck.rules.base import Detector, tagged
from tqcheck.rules.calques import ROMANCE, assumed_source, english_words, romance_sources, source_label
from tqcheck.text import tagging

DETERMINERS = frozenset(("the", "a", "an", "this", "these", "those", "its", "their", "his", "her", "our", "my", "your",
                         "every", "each", "another"))
QUANTIFIERS = frozenset(("many", "several", "some", "few", "both", "most", "other", "these", "those"))
CLOSING = frozenset(".,;:!?)”’\"»—–")
CLOSING_QUOTES = frozenset("”\"»’")
VERBAL = frozenset("VZDPGA")


def token_at(tokens, i):
    """The token at index `i` of a sentence, or None past either end."""
    return tokens[i] if 0 <= i < len(tokens) else None


def time_phrase_end(tokens, i) -> int | None:
    """The last token of a phrase of time at `i` that dates an event: `yesterday`, `today`, `this Monday`,
    `last week`, `this morning`, `on Tuesday`; None when no such phrase starts there."""
    t = token_at(tokens, i)
    if t is None:
        return None
    if t.low in ("yesterday", "today", "tonight", "tomorrow"):
        return i
    nxt = token_at(tokens, i + 1)
    if nxt is None:
        return None
    days = english_words("words.toml", "weekday_words")
    if t.low in ("this", "last") and (nxt.text in days or nxt.low in ("week", "weekend", "morning", "afternoon",
                                                                         "evening", "night", "month", "year")):
        return i + 1
    if t.low == "on" and nxt.text in days:
        return i + 1
    return None


def _ends_phrase(token) -> bool:
    """What may follow a noun phrase's last word: the sentence's end, a mark, a conjunction, a finite verb."""
    return token is None or token.text in CLOSING or token.tag in "CWKZDAM"


DEMONYM_ENDINGS = ("an", "ean", "ian", "ine", "ese", "ish", "ch", "i")
# Nouns that name a word or a language: "the word Spanish", "the term American" mention the adjective.
WORDS_FOR_WORDS = frozenset(("word", "words", "term", "terms", "name", "label", "adjective", "noun", "phrase",
                             "title", "expression", "language", "category", "spelling", "tag"))


def _demonym(token) -> bool:
    """An adjective of nationality, capitalised as English writes it: `Peruvian`, `Argentine`, `Japanese`,
    `Spanish`, `Iraqi` (the lexicon reads it as an adjective, and it has a demonym's ending)."""
    text = token.text
    return (token.tag == "X" and text[:1].isupper() and text[1:].islower() and len(text) > 3
            and "J" in tagging.lookup(token.low) and token.low.endswith(DEMONYM_ENDINGS))


def _comparative(word: str) -> bool:
    for suffix, add in (("est", ""), ("er", ""), ("iest", "y"), ("ier", "y"), ("est", "e"), ("er", "e")):
        if word.endswith(suffix) and "J" in tagging.lookup(word[: -len(suffix)] + add):
            return True
    return False


class WordOrderRule:
    """What the W1xx detectors share (a mixin, not a Detector, so the registry does not list it): English
    targets, Romance sources, warnings unless a detector says otherwise."""

    severity = Severity.WARNING
    family = "word_order"
    targets = ("en",)
    sources = ROMANCE


class AdjectiveAfterNoun(WordOrderRule, Detector):
    """What it does:
    Flags an adjective placed after its noun, as Spanish, French and Portuguese place it:
    `a crisis political`, `the inmates deceased were`, `a Chile socially fragmented`, and an
    adjective of nationality after a common noun (`the president Peruvian`). The
    words are read by their part of speech (an English lexicon built from WordNet): a
    determiner, a noun, then a word that can only be an adjective (or, after adverbs in -ly,
    a participle), closing the phrase. English's own postposed adjectives stay quiet: those
    in -able/-ible (`the seats available`), two-word nouns (`attorney general`, `heir
    apparent`, `a body corporate`), `the people responsible`, `the president elect`, `ten years old`, a degree
    (`a bit shaky`, `a tad nervous`), an adjective
    with a complement (`a country rich in oil`), an object's complement (`found the room
    empty`, `with the door open`) and adjectives joined before their noun (`a worsening
    political and economic situation`).

    Why it matters:
    Romance adjectives follow the noun (`una crisis política`, `un Chili socialement
    fragmenté`); English puts them first. Kept in source order they read as an unedited
    translation, and sometimes as another meaning.

    Example:
    A crisis political shook the capital after the vote.

    Use instead:
    A political crisis shook the capital after the vote.
    """

    code = "W101"
    name = "adjective-after-noun"

    def check(self, ctx):
        langs = romance_sources(ctx)
        if not langs:
            return
        for _seg, tokens in tagged(ctx):
            for i, token in enumerate(tokens):
                demonym = _demonym(token)
                if not demonym and (token.tag not in "JPD" or not token.text.islower()):
                    continue
                j = i - 1  # back over a chain of -ly adverbs: "socially, culturally and territorially"
                while j > 0 and ((tokens[j].tag == "R" and tokens[j].low.endswith("ly"))
                                 or (tokens[j].text == "," or tokens[j].low == "and") and tokens[j + 1].tag == "R"):
                    j -= 1
                adverbs = j < i - 1
                noun, det = token_at(tokens, j), token_at(tokens, j - 1)
                if noun is None or det is None or not (det.low in DETERMINERS or det.tag == "U" and noun.tag == "S"
                                                        or det.low in QUANTIFIERS and noun.tag == "S"):
                    continue
                if adverbs and (tokens[i - 1].tag != "R" or tokens[j + 1].tag != "R"):
                    continue
                if not self._noun(noun, adverbs) or not self._adjective(token, noun, adverbs):
                    continue
                if det.low == "a" and noun.low in english_words("words.toml", "degree_words"):
                    continue  # "started off a bit shaky": a degree of the adjective, no noun
                if adverbs and det.low not in ("a", "an"):
                    continue  # "a Chile socially fragmented"; "the US suddenly stopped" is a subject and its verb
                if not _ends_phrase(token_at(tokens, i + 1)) or self._complement(token_at(tokens, j - 2)):
                    continue
                if self._coordinated_before_noun(tokens, i):
                    continue  # "a worsening political and economic situation": the adjectives precede their noun
                yield self.finding(
                    noun.start,
                    token.end,
                    f"“{token.text}” follows its noun “{noun.text}”, in {source_label(langs)} order",
                    suggestion=f"put the adjective first: “{det.text} {token.text} {noun.text}”" if not adverbs
                    else f"put the description before “{noun.text}”",
                    source_lang=assumed_source(ctx, langs),
                )

    @staticmethod
    def _noun(noun, adverbs: bool) -> bool:
        if noun.tag == "X":
            return adverbs and noun.text[:1].isupper() and noun.text[1:].islower()  # "a Chile socially fragmented"
        if adverbs:
            return False  # "a country deeply divided": English lets a modified adjective follow a common noun
        known = tagging.lookup(noun.low)
        return noun.tag in "NS" and known[:1] in ("N", "S") and noun.text.islower()

    @staticmethod
    def _adjective(token, noun, adverbs: bool) -> bool:
        word = token.low
        known = tagging.lookup(word)
        if not known:
            return False
        if _demonym(token):  # "the president Peruvian", "the team Argentine"; not "the word Spanish"
            return not adverbs and noun.low not in WORDS_FOR_WORDS
        if word in english_words("words.toml", "postposed_adjective_words") or word.endswith(("able", "ible")):
            return False
        if tagging.noun_with_adjective(noun.low, word) \
                or f"{noun.low} {word}" in english_words("words.toml", "postposed_noun_phrases"):
            return False  # "attorney general", "a body corporate": a two-word noun
        if adverbs:  # after "a", a name and adverbs in -ly: "a Chile socially fragmented"
            return known[0] in "JDP"
        if known[0] != "J":
            return False
        if any(t in known for t in "VZGR") or any(t in known[:2] for t in "DP"):
            return False  # "the door open", "the town nearby", "the people injured" are English
        if "N" in known and (noun.tag != "S" or word.endswith("s")):
            return False  # "a government official" is a compound; after a plural ("the inmates deceased") it is not
        if "S" in known:
            return False
        return not _comparative(word)

    @staticmethod
    def _coordinated_before_noun(tokens, i) -> bool:
        """`political and economic situation`, `social, political crisis`: the adjective at `i` opens a
        run of adjectives joined by `and`, `or` or commas that a lower-case noun closes, so it stands
        before its noun, and the word before it (`a worsening`, `the ruling`) modifies that noun too."""
        k = i + 1
        joined = False
        while token_at(tokens, k) is not None and (tokens[k].low in ("and", "or") or tokens[k].text == ","):
            k += 1
            if token_at(tokens, k) is None or tokens[k].tag != "J":
                return False
            k += 1
            joined = True
        noun = token_at(tokens, k)
        return joined and noun is not None and noun.tag in "NS" and noun.text.islower()

    @staticmethod
    def _complement(before) -> bool:
        """`found the room empty`, `with the door open`: the adjective completes a verb or `with`."""
        if before is None:
            return False
        return (before.tag in VERBAL or before.low in english_words("verbs.toml", "complement_verbs_words")
                or before.low in english_words("words.toml", "complement_opening_words"))


class AdverbInsideNounPhrase(WordOrderRule, Detector):
    """What it does:
    Flags an adverb between a determiner and its noun: `the also minister`, `the now
    president`, `his still wife`. The adverb must be one English never uses as an adjective
    (`the then president`, `the above example`, `the away team` are English and stay quiet),
    and a noun must follow it straight away. An approximator before a quantity
    (`its almost tens of thousands of residents`, `their nearly hundreds of shops`) is English.

    Why it matters:
    Spanish `el también ministro`, `el hoy presidente`, French `l'actuel aussi ministre`
    slot the adverb inside the noun phrase; English moves it out (`the minister, who is also…`)
    or swaps it for an adjective (`the current president`).

    Example:
    The also minister of Health defended the plan.

    Use instead:
    The minister, who also holds the Health portfolio, defended the plan.
    """

    code = "W102"
    name = "adverb-inside-noun-phrase"

    def check(self, ctx):
        langs = romance_sources(ctx)
        if not langs:
            return
        for _seg, tokens in tagged(ctx):
            for i in range(1, len(tokens) - 1):
                det, adverb, noun = tokens[i - 1], tokens[i], tokens[i + 1]
                known = tagging.lookup(adverb.low)
                if det.low not in DETERMINERS or not adverb.text.islower():
                    continue
                if not known or known[0] != "R" or any(t in known for t in "JVZDPG"):
                    continue
                if noun.tag not in "NSX" or any(t in noun.tags for t in "JDPG"):
                    continue
                if noun.tag != "X" and tagging.lookup(noun.low)[:1] not in ("N", "S"):
                    continue  # a word the lexicon does not know may be an adjective: "an utterly insouciant"
                if (adverb.low in english_words("words.toml", "approximator_words")
                        and noun.low in english_words("words.toml", "quantity_words")):
                    continue  # "its almost tens of thousands of residents": an approximate quantity is English
                if adverb.low in english_words("words.toml", "hedge_only_words"):
                    continue  # "a roughly business as usual course": a hedge on a modifier, never a Romance order
                if det.low == "this" and "Z" in tagging.lookup(noun.low) and noun.low.endswith("s"):
                    continue  # "this" cannot open a plural: "This mechanically conditions the plan" is subject and verb
                after = token_at(tokens, i + 2)
                if noun.tag in "NS" and after is not None and after.tag in "NS":
                    continue  # "the now defunct" and the like end on a noun compound the lexicon misreads
                beyond = token_at(tokens, i + 3)
                if noun.tag == "N" and after is not None and after.tag == "J" and beyond is not None and beyond.tag in "NS":
                    continue  # "his supposedly rock hard promise": a noun that intensifies an adjective ("ice cold")
                yield self.finding(
                    det.start,
                    noun.end,
                    f"the adverb “{adverb.text}” sits inside the noun phrase, in {source_label(langs)} order",
                    suggestion=f"move “{adverb.text}” out of the phrase: “{det.text} {noun.text}, who/which … {adverb.text} …”",
                    source_lang=assumed_source(ctx, langs),
                )


class VerbBeforeSubject(WordOrderRule, Detector):
    """What it does:
    Flags a verb put before its subject where English keeps the subject first: after an
    adverb that opens the sentence (`Thus begins the video`, `Subsequently declared the
    minister that…`), after a closing quotation with a verb English does not invert
    (`“…,” assured the minister.`), and after an opening phrase and a comma (`In a statement,
    denounced the union that…`). English inverts after a quotation, or after reported words and a
    comma (`…, reports the BBC.`), only with `said`, `added`, `asked`, `wrote`, `reports` and a few
    more, and after an adverb only with verbs of place and motion (`Here comes the bus`, `Then came
    the storm`) and, in a narrative, verbs of beginning and ending (`Thus began a decade of war`,
    `Thus begins a new era`); those stay quiet. An object pronoun or a phrase of time between the
    verb and its subject after a quotation (`“…?” asked him, for example, the leader`, `“…,” said
    on Monday the minister`) is never English order, whatever the verb.

    Why it matters:
    Spanish, French and Portuguese put the verb first freely (`así comienza el video`,
    `“…”, aseguró el ministro`, `en un comunicado, denunció el sindicato que…`); English
    reads the same order as a question, poetry, or a sentence that lost its subject.

    Example:
    Thus begins the video that the party published on Sunday.

    Use instead:
    The video that the party published on Sunday begins like this.
    """

    code = "W103"
    name = "verb-before-subject"

    def check(self, ctx):
        langs = romance_sources(ctx)
        if not langs:
            return
        calqued = self._calqued_verbs(ctx)
        for _seg, tokens in tagged(ctx):
            for verb_at, where in self._verb_positions(tokens):
                verb = tokens[verb_at]
                if verb.tag not in "ZD" or not verb.text.islower() or (verb.low in calqued and where == "quote"):
                    continue  # after a quotation C109 reports a calqued verb of saying; elsewhere it does not
                start = self._after_insertions(tokens, verb_at + 1, where) if where in ("quote", "clause") else verb_at + 1
                if where in ("quote", "clause") and start == verb_at + 1 \
                        and verb.low in english_words("verbs.toml", "quote_inversion_words"):
                    continue  # "…,” said the coach." and, after reported words without quotes, "…, reports the BBC."
                if where in ("adverb", "quote", "clause") and verb.low in english_words("verbs.toml", "locative_inversion_words"):
                    continue
                end = self._subject_end(tokens, start)
                if end is None:
                    continue
                if where == "adverb" and verb.low in english_words("verbs.toml", "narrative_inversion_words") \
                        and (verb.tag == "D" or tokens[verb_at + 1].low in ("a", "an")):
                    continue  # "Thus began a decade of war", "Thus begins a new era": English's own narrative order
                after = token_at(tokens, end + 1)
                if where == "comma" and (after is None or after.low != "that"):
                    continue
                if where == "clause" and not (verb.low in english_words("verbs.toml", "reporting_words")
                                              and self._speaker_closes(tokens, start, end)):
                    continue  # "The firm, founded in 1990, acquired the bank." is English
                if not (_ends_phrase(after) or after.tag == "I"):
                    continue
                subject = " ".join(t.text for t in tokens[start:end + 1])
                yield self.finding(
                    verb.start,
                    tokens[end].end,
                    f"the verb “{verb.text}” comes before its subject “{subject}”, in {source_label(langs)} order",
                    suggestion=f"put the subject first: “{subject} {verb.text}”",
                    source_lang=assumed_source(ctx, langs),
                )

    @staticmethod
    def _calqued_verbs(ctx) -> frozenset[str]:
        """Verbs C109 already reports as calqued attribution after a quotation: one finding is enough."""
        return frozenset(verb_table(romance_sources(ctx, tuple(langdata.sources_for("en")))).by_form)

    @staticmethod
    def _verb_positions(tokens):
        """(index of a verb, why it may come before its subject): after a connective adverb opening the
        sentence, after a closing quotation (an adverb may come between), after an opening phrase and a
        comma, and after a comma that a person or a title closes (`…, announced the mediator.`)."""
        words = [i for i, t in enumerate(tokens) if t.is_word]
        if len(words) < 3:
            return
        first = words[0]
        opener = tokens[first]
        if opener.text[:1].isupper() and opener.low in english_words("words.toml", "inversion_adverb_words"):
            yield words[1], "adverb"
        if opener.tag in "IR" and opener.text[:1].isupper():
            comma = next((i for i in words[:12] if i > first and tokens[i - 1].text == ","), None)
            if comma is not None and not any(tokens[k].tag in "ZDAM" for k in words if k < comma - 1):
                yield comma, "comma"
        for i in words[1:]:
            before = tokens[i - 1].text
            if before == ",":
                if i >= 2 and tokens[i - 2].text in CLOSING_QUOTES - {"’"}:
                    yield from VerbBeforeSubject._after_quote(tokens, i)
                else:
                    yield i, "clause"
            elif before in CLOSING_QUOTES - {"’"} and i >= 2 and tokens[i - 2].text in ",!?":
                yield from VerbBeforeSubject._after_quote(tokens, i)

    @staticmethod
    def _after_quote(tokens, i):
        """`”, assured the minister` or, with an adverb between, `,” thus begins the video`."""
        if tokens[i].tag == "R" and tokens[i].text.islower() and i + 1 < len(tokens):
            yield i + 1, "quote"
        else:
            yield i, "quote"

    @staticmethod
    def _after_insertions(tokens, i, where: str) -> int:
        """Where the subject starts after a verb that follows a quotation (or, `where` "clause", a comma), past
        what English never puts between an inverted verb and its subject: an object pronoun (`asked him the
        leader`), a phrase of time (`said on Monday the minister`), then an aside between commas (`asked him,
        for example, the leader`). After a comma only the phrase of time: `…, reported this Monday the mayor`."""
        start = i
        if where == "clause":
            timed = time_phrase_end(tokens, start)
            return start if timed is None else timed + 1
        if token_at(tokens, start) is not None and tokens[start].low in ("him", "them", "me", "us"):
            start += 1  # not "her": "asked her mother" is the verb and its subject
        timed = time_phrase_end(tokens, start)
        if timed is not None:
            start = timed + 1
        if start > i and token_at(tokens, start) is not None and tokens[start].text == ",":
            close = next((k for k in range(start + 1, min(start + 6, len(tokens))) if tokens[k].text == ","), None)
            if close is not None:
                start = close + 1
        return start

    @staticmethod
    def _speaker_closes(tokens, start, end) -> bool:
        """`…, announced the mediator.`, `…, said the Ombudsman of the people.`: `the`, a person, title or
        institution, maybe `of` and a name, then the sentence ends."""
        if tokens[start].low != "the":
            return False
        head = tokens[end]
        if not (head.tag == "X" or head.low in english_words("words.toml", "agent_noun_words")):
            return False
        i = end + 1
        if token_at(tokens, i) is not None and tokens[i].low == "of":
            i += 1
            while token_at(tokens, i) is not None and (tokens[i].tag in "XNSJ" or tokens[i].low in ("the", "of")):
                i += 1
        after = token_at(tokens, i)
        return after is None or after.text in ".!?;(" or after.text in CLOSING_QUOTES

    @staticmethod
    def _subject_end(tokens, i) -> int | None:
        """The last token of a subject starting at `i`: a determiner and its noun (adjectives between), or a name."""
        t = token_at(tokens, i)
        if t is None:
            return None
        if t.tag == "X":
            while token_at(tokens, i + 1) is not None and tokens[i + 1].tag == "X":
                i += 1
            return i
        if t.low not in DETERMINERS:
            return None
        i += 1
        while token_at(tokens, i) is not None and tokens[i].tag == "J" and token_at(tokens, i + 1) is not None \
                and tokens[i + 1].tag in "NSJX":
            i += 1
        t = token_at(tokens, i)
        if t is None or t.tag not in "NSX":
            return None
        while token_at(tokens, i + 1) is not None and tokens[i + 1].tag == t.tag == "X":
            i += 1
        while t.tag == "N" and token_at(tokens, i + 1) is not None and tokens[i + 1].tag in "NS" \
                and tokens[i + 1].text.islower():
            i += 1  # a compound: "the interim leader", "the union delegates"
        return i


class TimeBetweenVerbAndObject(WordOrderRule, Detector):
    """What it does:
    Flags a time phrase placed between a verb and its object: `approved yesterday the
    budget`, `signed this week a decree`, `presented last year a plan`. The verb must be a
    finite verb and the object a determiner and a noun that no verb follows (`said yesterday
    the plan would…` is English: `that` is left out). Weekdays after a verb are C101's. Also
    flags a time phrase between a preposition and its object (`against this Tuesday Saudi
    Arabia`).

    Why it matters:
    Spanish, French and Portuguese put the time right after the verb (`aprobó ayer el
    presupuesto`, `a signé cette semaine un décret`); English keeps the verb next to its
    object and puts the time at the start or the end of the clause.

    Example:
    The senate approved yesterday the new budget.

    Use instead:
    The senate approved the new budget yesterday.
    """

    code = "W104"
    name = "time-phrase-before-object"

    TIME_ALONE = frozenset(("yesterday", "today", "tonight"))
    TIME_AFTER = frozenset(("this", "last"))
    # Prepositions that take an object and no time: "against this Tuesday Saudi Arabia" splits them.
    OBJECT_PREPOSITIONS = frozenset(("against", "with", "without", "about", "among", "between", "despite", "toward",
                                     "towards", "versus"))

    def check(self, ctx):
        langs = romance_sources(ctx)
        if not langs:
            return
        reporting = english_words("verbs.toml", "reporting_words")
        time_nouns = english_words("words.toml", "time_noun_words") - {"few", "following", "next", "same", "time"}
        weekdays = {w.lower() for w in english_words("words.toml", "weekday_words")}
        for _seg, tokens in tagged(ctx):
            yield from self._after_preposition(ctx, langs, tokens, weekdays | time_nouns)
            for i, verb in enumerate(tokens[:-3]):
                if verb.tag not in "ZD" or not verb.text.islower() or verb.low in reporting:
                    continue
                previous = token_at(tokens, i - 1)
                if previous is not None and previous.low in tagging.BE_HAVE:
                    continue
                when = tokens[i + 1]
                if when.low in self.TIME_ALONE:
                    end = i + 1
                elif when.low in self.TIME_AFTER and tokens[i + 2].low in time_nouns:
                    end = i + 2
                else:
                    continue
                det = token_at(tokens, end + 1)
                if det is None or not (det.low in DETERMINERS - {"this", "these", "those"} or det.tag == "U"):
                    continue
                head = end + 2
                while token_at(tokens, head) is not None and tokens[head].tag == "J":
                    head += 1
                noun = token_at(tokens, head)
                if noun is None or noun.tag not in "NSX":
                    continue
                while token_at(tokens, head + 1) is not None and tokens[head + 1].tag in "NSX":
                    head += 1  # "the next aid package"
                noun = tokens[head]
                nxt = token_at(tokens, head + 1)
                if nxt is not None and nxt.tag in "VZDAM":
                    continue  # "announced yesterday the company would…": a clause, not an object
                phrase = " ".join(t.text for t in tokens[i + 1:end + 1])
                yield self.finding(
                    verb.start,
                    noun.end,
                    f"“{phrase}” sits between the verb and its object, in {source_label(langs)} order",
                    suggestion=f"move “{phrase}” to the end or the start of the clause",
                    source_lang=assumed_source(ctx, langs),
                )

    def _after_preposition(self, ctx, langs, tokens, times):
        """`against this Tuesday Saudi Arabia`: a time phrase between a preposition and its object."""
        for i in range(len(tokens) - 3):
            prep, when, noun, obj = tokens[i:i + 4]
            if prep.low not in self.OBJECT_PREPOSITIONS or when.low not in ("this", "last", "next") or noun.low not in times:
                continue
            if not (obj.tag == "X" or obj.low in DETERMINERS):
                continue
            last = tokens[i + 4] if obj.tag != "X" and i + 4 < len(tokens) and tokens[i + 4].tag in "NSJX" else obj
            yield self.finding(
                prep.start,
                last.end,
                f"“{when.text} {noun.text}” sits between “{prep.text}” and its object, in {source_label(langs)} order",
                suggestion=f"“{prep.text} … {when.text} {noun.text}”: the time after the object",
                source_lang=assumed_source(ctx, langs),
            )
