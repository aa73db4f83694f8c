"""Pronouns of the wrong gender: a dropped subject or a genderless possessive filled in as "he"/"his" for a woman (or the reverse)."""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from tqcheck.finding import Severity
from tqcheck.rules.base import Detector
from tqcheck.rules.calques import assumed_source, english_words, romance_sources, source_label
from tqcheck.rules.pronoun_chains import (AFTER_QUOTE, Unmentioned, identity, male_pronouns_in_stretches_about_a_woman,
                                          points_forward_to_other)
from tqcheck.rules.person_words import FEMALE
from tqcheck.rules.referents import Referents
from tqcheck.speed import warmstart
from tqcheck.text.tagging import lookup

SOURCES = ("es", "pt", "fr")  # "su"/"seu"/"son" do not say whose gender; Spanish and Portuguese also drop "él"/"ela"
_GENERIC = warmstart.regex(r"\s*(?:or|/)\s*(?:s?he|him|his|her|hers)\b", re.I)
_WORD_AFTER = warmstart.regex(r" (\w+)")
_GENERIC_BEFORE = warmstart.regex(r"\b(?:s?he|him|his|her|hers)\s*(?:or|/)\s*$", re.I)
# How many sentences back, within a paragraph, a pronoun's antecedent is looked for when those in between name no one.
MAX_SENTENCES_BACK = 3
_OTHER_PRONOUN = {FEMALE: warmstart.regex(r"\b(?:she|her|hers|herself)\b", re.I),
                  "m": warmstart.regex(r"\b(?:he|him|his|himself)\b", re.I)}


@lru_cache(maxsize=None)
def _reporting_after() -> re.Pattern:
    verbs = "|".join(sorted(english_words("verbs.toml", "reporting_words"), key=lambda w: (-len(w), w)))
    # Only ever matched right after a word: the lookbehind and the possessive run keep a search over spaces linear.
    return warmstart.regex(r"(?<!\s)\s++(?:(?:also|then|later)\s++)?(?:%s)\b" % verbs)


def _fallback_words(langs):
    from tqcheck.rules.untranslated import vocabulary

    return [v.words for v in (vocabulary(lang) for lang in langs) if v is not None]


class WrongGenderPronoun(Detector):
    """What it does:
    Flags `he`, `him` or `his` where the only person the sentence and the one before it
    speak of is a woman (named with a woman's first name or title), and `she` or `her`
    where the only one is a man in a text that names no woman (when the sentences before name
    no one, up to three back in the paragraph, to the last person named): `“…,” he added.` right after a quotation by a woman, or
    `Boluarte was not at home nor did he arrive later.` Nothing is flagged when anyone
    else, of either gender or of unknown gender, is named or described nearby, nor for a `he`
    whose sentence goes on to `her` or `she` (`He had followed her`).
    A surname the text never writes with a first name takes its gender from an apposition
    (`Boluarte, the first female president,`) or from the text's own pronouns (`Boluarte said
    she…` twice, more often than `he`), and so does a title no named person holds (`the minister
    said she…`, or once `The future president said that her…` with no other woman named just
    before); a first surname written alone is the woman named with two (`Sheinbaum` of `Claudia
    Sheinbaum Pardo`), a surname two people bear (`her father, Suso Díaz`) alone means either of them, and a name followed in
    its sentence by its own `her` is a woman's even with no title (`Cristina Fernández finished her
    speech`). Bodies and places (`the Foreign Ministry`, `Mexico City`, `the Commission on
    Human Rights`, `to Puno and Cusco`), adjectives (`criminal proceedings`), a title written
    before her name (`The president of Peru, Dina Boluarte,`) and capitalised words holding a
    word no name is made of (`Fuerza Popular`, `Citizen Revolution`, `Free Peru`: a party) are
    no one else, and another word for her office (`the ruler` after `President Marta Quispe`)
    is she, as is a title that goes on with what she said (`Quispe said… The president also assured
    that her government…`, `The ruler added…`) when no title of hers says otherwise and it meant no
    one else before. A title and what it is of (`the President of Brazil`, `Minister of Mines and
    Energy`) names no one but the title's holder, and a surname two people bear is the first one's
    until the second is named. A `his` or `he` in the phrase that opens a sentence may point forward to the man named right
    after its comma (`In his first speech as leader, John Smith said…`), and is his.
    Beyond those sentences, a chain: in a stretch of text that speaks of one woman only (no one
    else mentioned in it, nor in the two sentences before it), once her name, her title or the
    text's own `she`/`her` for her says she is a woman, every later `he`/`his` is flagged until
    someone else is named: `The president said her government… He added that his country…`.
    Someone named inside a quotation is not its speaker: `“Castillo left the courts in ruins,” he
    said` is still she, and so is the `He added` after it; after her own `she said`, a later `he`
    may be the man quoted, and the stretch ends.
    A `he` acting on her (`He followed her`), a quotation that speaks of someone, a pronoun for
    anyone (`anyone who… his`) or a capitalised word that may name someone the lists do not know
    (`She met Putin`), both of which keep the nearby rule quiet too, or a paragraph opening on
    `he` in an article that is about someone else end the stretch (a chain of `he` already found
    to mean her goes on into the next paragraph when she is the only person the text has named).

    Why it matters:
    Spanish and Portuguese drop the subject (`añadió`, `afirmou`) and their possessive
    `su`/`seu` does not say whose gender it is, so machine translation guesses, and it
    guesses `he`/`his`: it writes `she`/`her` only where the source showed her gender, so one
    `her` outweighs any number of `he`. Readers are told a woman is a man, or cannot tell who spoke.

    Example:
    White House spokeswoman Karine Jean-Pierre declined to give details. “The meeting will take place in May,” he added.

    Use instead:
    White House spokeswoman Karine Jean-Pierre declined to give details. “The meeting will take place in May,” she added.
    """

    code = "S105"
    name = "wrong-gender-pronoun"
    severity = Severity.WARNING
    family = "subjects"
    targets = ("en",)
    sources = SOURCES

    def check(self, ctx):
        langs = romance_sources(ctx, SOURCES)
        if not langs or not ctx.segments:
            return
        view = ctx.doc.view
        # First names the lists miss are read by their ending (-a a woman's, -o a man's) only when the text is
        # known to come from Spanish or Portuguese: in English news "Narendra" or "Nikita" is a man.
        fallback = _fallback_words([lang for lang in langs if lang in ("es", "pt")]) if ctx.source_known else None
        refs = Referents(ctx, fallback)
        flagged: set[int] = set()
        unmentioned = Unmentioned(refs)
        if refs.told_nouns or any(p.cue and p.gender for p in refs.people.values()):
            yield from self._near(ctx, refs, unmentioned, langs, flagged)
        for flip in male_pronouns_in_stretches_about_a_woman(ctx, refs, unmentioned, lambda m: _generic(view, m),
                                                             set(flagged)):
            if flip.pronoun.start not in flagged:
                flagged.add(flip.pronoun.start)
                yield self._flip(ctx, langs, flip)

    def _near(self, ctx, refs, unmentioned, langs, flagged: set[int]):
        """A pronoun whose only possible antecedent, in its sentence and those just before, is of the other gender."""
        view = ctx.doc.view
        mentions = refs.mentions
        starts = [c.start for c in mentions]
        segments = ctx.segments
        # Sentences holding someone other than a pronoun: the window reaches back over sentences that name no one.
        naming = {ctx.segment_at(c.start).index for c in mentions if c.kind != "pronoun"}
        # Translation writes "she"/"her" only where the source showed a woman: in a text that names a woman,
        # a "she" whose nearest named person is a man is that woman ("…to succeed President Macron. Although
        # she can appeal…"), so only "he"/"his" for a woman, or "she" in a text that names no woman, is flagged.
        woman_named = any(c.gender == FEMALE and c.known and c.kind != "pronoun" and not c.quoted for c in mentions)
        for index, m in enumerate(mentions):
            if m.kind != "pronoun" or m.quoted:
                continue
            if _generic(view, m):
                continue
            seg = ctx.segment_at(m.start).index  # a mention is a word of a sentence
            lo = max(seg - 1, 0)
            # The sentence before, and further back in the same paragraph over sentences that name no one
            # ("Mayor Claudia López toured the district. The rains were the worst in years. …, he said."):
            # the pronoun's nearest antecedent is still the last person named.
            while lo > 0 and seg - lo < MAX_SENTENCES_BACK and lo not in naming \
                    and segments[lo - 1].block == segments[seg].block:
                lo -= 1
            first = bisect.bisect_left(starts, segments[lo].start)
            near = [c for c in mentions[first:index] if c.start not in flagged]
            if m.gender == FEMALE and woman_named:
                continue
            other = FEMALE if m.gender != FEMALE else "m"
            support = [c for c in near if c.gender == other and c.known and not c.quoted]
            if not support:
                continue
            # Anyone else nearby may be meant: a person of this gender or of either. Capitalised words the name
            # lists do not know ("Shaquia Philpot") count when they stand between the woman (or man) and the pronoun.
            if any(c.gender == m.gender or c.gender is None and (
                    c.kind != "run" or c.start > support[-1].start and not c.quoted) for c in near):
                continue
            if unmentioned.anyone_between(support[-1].end, m.start):
                continue  # "She said anyone who votes must bring his card": a generic "his"
            if unmentioned.between(support[-1].end, m.start):
                continue  # "Mary Jones met Putin. She said… He said…": a man the name lists do not know
            if m.gender != FEMALE and points_forward_to_other(view, mentions, index, segments[seg].start,
                                                              segments[seg].end, identity(view, support[-1]), unmentioned):
                continue  # "In his first speech as leader, John Smith said…": the man named after the phrase
            if _acts_on_the_other(view, mentions, index, segments[seg].end):
                continue  # "He had followed her for two blocks, she said": a man who is not she
            end = _attribution_end(view, m)
            if end > m.end:
                quote = _quotation_before(refs.quoted, m.start)
                if quote and _OTHER_PRONOUN[other].search(view, *quote):
                    continue  # the speaker is talking about her: someone else speaks
            flagged.add(m.start)
            named = _named(view, support[-1])
            yield self._finding(ctx, langs, m, end, f"after {named}, a {'woman' if other == FEMALE else 'man'}")

    def _flip(self, ctx, langs, flip):
        view = ctx.doc.view
        evidence = view[flip.evidence.start:flip.evidence.end]
        told = f"whom the text calls “{evidence}”" if flip.evidence.kind == "pronoun" else "a woman"
        return self._finding(ctx, langs, flip.pronoun, _attribution_end(view, flip.pronoun),
                             f"where the text speaks of {_named(view, flip.woman)} only, {told}")

    def _finding(self, ctx, langs, m, end: int, why: str):
        view = ctx.doc.view
        return self.finding(
            m.start,
            end,
            f"“{view[m.start:m.end]}” {why}: "
            f"{source_label(langs)} leaves the subject or the possessor's gender unsaid, and the translation guessed",
            suggestion=f"write “{_swap(view[m.start:m.end])}”, or name whom it means",
            source_lang=assumed_source(ctx, langs),
        )


def _acts_on_the_other(view: str, mentions, index: int, sentence_end: int) -> bool:
    """Pronoun `index` ("he", "him", "she"; not a possessive) has a pronoun of the other gender after it in its
    sentence, outside quotations: two people, "He followed her", "She told him"."""
    m = mentions[index]
    if view[m.start:m.end].lower() in ("his", "her"):
        return False
    for c in mentions[index + 1:]:
        if c.start >= sentence_end:
            return False
        if c.kind == "pronoun" and c.gender is not None and c.gender != m.gender and not c.quoted \
                and not _possessive(view, c):
            return True
    return False


def _possessive(view: str, m) -> bool:
    """"her government", "his country": a possessive before its noun, which may be the translation's mixed
    pronouns for one person; "followed her for", "told her": an object, another person."""
    word = view[m.start:m.end].lower()
    if word in ("his", "hers"):
        return True
    if word != "her":
        return False
    after = _WORD_AFTER.match(view, m.end)
    return bool(after) and lookup(after.group(1).lower())[:1] in ("N", "S", "J")


def _named(view: str, m) -> str:
    """How a message names the person of mention `m`: "Dina Boluarte", "the minister, Gloria Paredes"."""
    named = m.who or view[m.start:m.end]
    if m.kind == "noun":
        return f"the {view[m.start:m.end]}, {named}" if m.who else f"the {named}"
    return named


def _attribution_end(view: str, m) -> int:
    """Where a pronoun's span ends: after the reporting verb when it follows a quotation ("…,” he added")."""
    if AFTER_QUOTE.search(view, max(0, m.start - 4), m.start):
        verb = _reporting_after().match(view, m.end)
        if verb:
            return verb.end()
    return m.end


def _generic(view: str, m) -> bool:
    """"his or her", "he/she": anyone."""
    return bool(_GENERIC.match(view, m.end) or _GENERIC_BEFORE.search(view, max(0, m.start - 12), m.start))


_SWAP = {"he": "she", "him": "her", "his": "her", "himself": "herself",
         "she": "he", "her": "his/him", "hers": "his", "herself": "himself"}


def _swap(word: str) -> str:
    swapped = _SWAP[word.lower()]
    return swapped.capitalize() if word[0].isupper() else swapped


def _quotation_before(spans: list[tuple[int, int]], pos: int) -> tuple[int, int] | None:
    best = None
    for a, b in spans:
        if b <= pos + 1 and (best is None or b > best[1]):
            best = (a, b)
    return best
