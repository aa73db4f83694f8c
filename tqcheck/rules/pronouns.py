"""Pronouns of the wrong gender: a dropped subject or a genderless possessive filled in as "he"/"his" for a woman (or the reverse)."""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from tqcheck.finding import Severity
from tqcheck.rules.base import Detector
from tqcheck.rules.calques import assumed_source, english_words, romance_sources, source_label
from tqcheck.rules.referents import FEMALE, Referents
from tqcheck.speed import warmstart

SOURCES = ("es", "pt", "fr")  # "su"/"seu"/"son" do not say whose gender; Spanish and Portuguese also drop "él"/"ela"
_GENERIC = warmstart.regex(r"\s*(?:or|/)\s*(?:s?he|him|his|her|hers)\b", re.I)
_GENERIC_BEFORE = warmstart.regex(r"\b(?:s?he|him|his|her|hers)\s*(?:or|/)\s*$", re.I)
# How many sentences back, within a paragraph, a pronoun's antecedent is looked for when those in between name no one.
MAX_SENTENCES_BACK = 3
_AFTER_QUOTE = warmstart.regex(r"[”\"»“]\s*+,?\s*$")
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
    where the only one is a man (when the sentences before name no one, up to three back in
    the paragraph, to the last person named): `“…,” he added.` right after a quotation by a woman, or
    `Boluarte was not at home nor did he arrive later.` Nothing is flagged when anyone
    else, of either gender or of unknown gender, is named or described nearby.
    A surname the text never writes with a first name takes its gender from an apposition
    (`Boluarte, the first female president,`) or from the text's own pronouns (`Boluarte said
    she…` twice, more often than `he`), and so does a title no named person holds (`the minister
    said she…`); bodies and places (`the Foreign Ministry`, `Mexico City`), adjectives (`criminal
    proceedings`) and a title written before her name (`The president of Peru, Dina Boluarte,`)
    are no one else.

    Why it matters:
    Spanish and Portuguese drop the subject (`añadió`, `afirmou`) and their possessive
    `su`/`seu` does not say whose gender it is, so machine translation guesses, and it
    guesses `he`/`his`. Readers are told a woman is a man, or cannot tell who spoke.

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
        if not refs.told_nouns and not any(p.cue and p.gender for p in refs.people.values()):
            return
        flagged: set[int] = set()
        mentions = refs.mentions
        starts = [c.start for c in mentions]
        segments = ctx.segments
        # Sentences holding someone other than a pronoun: the window reaches back over sentences that name no one.
        naming = {ctx.segment_at(c.start).index for c in mentions if c.kind != "pronoun"}
        for index, m in enumerate(mentions):
            if m.kind != "pronoun" or m.quoted:
                continue
            if _GENERIC.match(view, m.end) or _GENERIC_BEFORE.search(view, max(0, m.start - 12), m.start):
                continue  # "his or her", "he/she": anyone
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
            other = FEMALE if m.gender != FEMALE else "m"
            support = [c for c in near if c.gender == other and c.known and not c.quoted]
            if not support:
                continue
            # Anyone else nearby may be meant: a person of this gender or of either. Capitalised words the name
            # lists do not know ("Shaquia Philpot") count when they stand between the woman (or man) and the pronoun.
            if any(c.gender == m.gender or c.gender is None and (
                    c.kind != "run" or c.start > support[-1].start and not c.quoted) for c in near):
                continue
            end = m.end
            attribution = _AFTER_QUOTE.search(view, max(0, m.start - 4), m.start)
            verb = _reporting_after().match(view, m.end) if attribution else None
            if verb:
                quote = _quotation_before(refs.quoted, m.start)
                if quote and _OTHER_PRONOUN[other].search(view, *quote):
                    continue  # the speaker is talking about her: someone else speaks
                end = verb.end()
            flagged.add(m.start)
            named = support[-1].who or view[support[-1].start:support[-1].end]
            if support[-1].kind == "noun":
                named = f"the {view[support[-1].start:support[-1].end]}, {named}" if support[-1].who else f"the {named}"
            woman = other == FEMALE
            yield self.finding(
                m.start,
                end,
                f"“{view[m.start:m.end]}” after {named}, a {'woman' if woman else 'man'}: "
                f"{source_label(langs)} leaves the subject or the possessor's gender unsaid, and the translation guessed",
                suggestion=f"write “{_swap(view[m.start:m.end])}”, or name whom it means",
                source_lang=assumed_source(ctx, langs),
            )


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
