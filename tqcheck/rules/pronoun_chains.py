"""Stretches of text that speak of one woman only, and the "he"/"his" in them that machine translation guessed."""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import lru_cache

from tqcheck.rules.base import Covered
from tqcheck.rules.calques import english_words
from tqcheck.rules.person_words import FEMALE, MALE, fold, is_title_noun, not_names, reporting_verbs, same_office
from tqcheck.rules.referents import ARTICLES, LOCATIVES, Mention, _bare
from tqcheck.speed import warmstart
from tqcheck.text.tagging import lookup

_DEFINITE_BEFORE = warmstart.regex(r"\b[Tt]he\s+(?:[A-Z][\w-]*\s+)?$")
# A noun after "is a", "was an", "became the": what someone is, not someone else ("Honduras is a reliable partner").
_PREDICATE_BEFORE = warmstart.regex(
    r"\b(?:is|was|are|were|be|been|being|became|becomes|remains|remained)\s+(?:an?|the)\s+(?:[\w-]+\s+){0,2}$")
_SPEAKS_AFTER = warmstart.regex(r" (\w+)")  # the word after a name: "said" in "The Foreign Ministry said"
_POSSESSIVE_BEFORE = warmstart.regex(r"\b(?:his|her|its|their|our)\s+$")
# A definite noun that is the subject of its sentence: "The ruler added…", "The Peruvian president also said…" (the
# sentence opens on it), or named by the verb that attributes a quotation: "…,” added the minister.
_SUBJECT_OPENING = warmstart.regex(r"[\s\"“‘]*The\s+(?:[\w-]+\s+){0,2}")
_SUBJECT_AFTER_VERB = warmstart.regex(r"\b(\w+)\s+the\s+(?:[\w-]+\s+){0,2}$")
_VERB_AFTER_SUBJECT = warmstart.regex(r"\s+(also\s+)?(\w+)")
_WORDS = warmstart.regex(r"[a-z]+")
# A pronoun right after a closing quotation mark (and comma) on its line attributes the quotation: "“…,” he added".
AFTER_QUOTE = warmstart.regex(r"[”\"»“][ \t]*+,?[ \t]*$")

# Sentences before a stretch's first mention that must mention no one else: "John Smith resigned. The shares fell.
# Mary Jones will replace him." — "him" is John, named two sentences before.
QUIET_SENTENCES_BEFORE = 2
# How far a pronoun may follow the last word that meant her (her name, "she", or a "he" already found to mean her),
# within a paragraph: a new paragraph that opens on "He" may turn to the article's main subject.
MAX_SENTENCES_AFTER = 3


@dataclass
class Flip:
    """A male pronoun in a stretch about one woman only."""

    pronoun: Mention
    woman: Mention  # her last mention by name or noun before the pronoun
    evidence: Mention  # what says she is a woman: her name or title, or the text's own "she"/"her" for her


@dataclass
class _Stretch:
    """Mentions, in order, that all speak of one person: who, whether anyone else was spoken of just before it
    opened, and what says she is a woman."""

    who: str
    last: Mention  # her latest mention by name or noun
    clear: bool  # no one else named in the sentences before, no pronoun there that could be someone else
    evidence: Mention | None = None
    latest: int = 0  # index of the last mention that meant her
    # someone else named inside a quotation since her last mention: its speaker is still she ("“Castillo left the
    # country in ruins,” he said" is the translation's "he" for her), but a later "he" may be the man quoted
    quoted_other: bool = False


# A pronoun in the phrase that opens a sentence, before its first comma, may point forward to the subject named
# right after that comma: "In his first speech as leader, John Smith said…", "After he was sworn in, Smith…".
# The subject is looked for among the mentions starting at most this many characters after the comma
# (", the new Labour leader John Smith").
FORWARD_REACH = 40
_QUOTE_MARKS = "\"“”«»"


def _phrase_end(view: str, m: Mention, sentence_start: int, sentence_end: int) -> int:
    """The comma that closes the sentence's opening phrase holding mention `m`, or -1: no comma, colon or quotation
    mark before it in the sentence."""
    comma = view.find(",", m.end, sentence_end)
    if comma < 0 or any(c in view[sentence_start:comma] for c in ",;:" + _QUOTE_MARKS):
        return -1
    return comma


def named_after(view: str, mentions: list[Mention], index: int, sentence_start: int, sentence_end: int
                ) -> list[Mention]:
    """The people named as the subject right after the opening phrase that holds pronoun `index`, when the pronoun
    stands in a sentence's opening phrase (no comma or quotation mark before it): whom it may point forward to.
    Empty when it does not."""
    comma = _phrase_end(view, mentions[index], sentence_start, sentence_end)
    if comma < 0:
        return []
    found = []
    for c in mentions[index + 1:]:
        if c.start >= min(sentence_end, comma + FORWARD_REACH):
            break
        if c.start < comma:
            continue  # "as party leader", "with Ana Ruiz": the phrase's own words, not its subject
        if c.kind == "pronoun" or c.quoted:
            break
        found.append(c)
    return found


def points_forward_to_other(view: str, mentions: list[Mention], index: int, sentence_start: int, sentence_end: int,
                            woman: str | None, unmentioned: "Unmentioned") -> bool:
    """Male pronoun `index` opens its sentence and points forward to a man named as the subject after the phrase:
    a man by his name's gender, a name of unknown gender that is not the woman `woman` (whom a pronoun of hers
    there would mean: "In his speech, President Dina Boluarte said" is still a wrong "his"), or a capitalised word
    that may name someone the lists do not know ("In his first speech as leader, Smith said")."""
    m = mentions[index]
    after = named_after(view, mentions, index, sentence_start, sentence_end)
    if any(c.gender is not None and c.gender != m.gender for c in after):
        return False
    if not after:
        comma = _phrase_end(view, m, sentence_start, sentence_end)
        if comma >= 0:
            reach = min(sentence_end, comma + FORWARD_REACH)
            nearest = next((c.start for c in mentions[index + 1:] if c.start > comma), sentence_end)
            return unmentioned.between(comma, min(reach, nearest))
    for c in after:
        if c.gender == m.gender and c.known:
            return True
        if c.gender is None and c.kind in ("name", "run") and not _no_one(view, c):
            who = identity(view, c)
            if who is not None and (woman is None or not _same(who, woman)):
                return True
    return False


def identity(view: str, m: Mention) -> str | None:
    """Whom a name or noun mention means, so that two mentions of one person compare equal; None when a noun
    introduces someone new ("a spokesman")."""
    if m.who:
        return m.who
    text = view[m.start:m.end]
    if m.kind == "noun":
        # "the president", "the Honduran president": one person, whom each such mention means again
        return "the " + text.lower() if _DEFINITE_BEFORE.search(view, max(0, m.start - 40), m.start) else None
    return text.split("’")[0].split("'")[0]


def male_pronouns_in_stretches_about_a_woman(ctx, refs, unmentioned: "Unmentioned", generic,
                                             seeds: set[int]) -> list[Flip]:
    """Every "he"/"him"/"his" that can only mean a woman the text has told is a woman.

    Machine translation from a language that drops subjects (Spanish, Portuguese) or whose possessive does not
    say the possessor's gender writes "she"/"her" only where its source showed her gender, and "he"/"his"
    otherwise. So once a stretch of text that names no one but her has called her "she" (or named her as a
    woman), a later "he" in that stretch is a guess that went wrong, and so is each "he" after it until someone
    else is named. `generic(m)` says a pronoun is one of "his or her", "he/she": anyone; `seeds` are the starts
    of male pronouns already found to mean the woman just named, from which the chain goes on.
    """
    return _Chains(ctx, refs, unmentioned, generic, seeds).flips


class _Chains:
    """One walk over a text's mentions, keeping the stretch that speaks of one person only."""

    def __init__(self, ctx, refs, unmentioned: "Unmentioned", generic, seeds: set[int]):
        self.ctx, self.view, self.mentions, self.unmentioned = ctx, ctx.doc.view, refs.mentions, unmentioned
        self.sentence = [ctx.segment_at(m.start).index for m in self.mentions]
        self.main = _main_person(self.view, self.mentions)
        self._alone: tuple[str | None, int] | None = None  # computed when first asked
        self.flips: list[Flip] = []
        self.stretch: _Stretch | None = None
        self.people = {p.display: p for p in refs.people.values() if p.display}
        self.titles_of: dict[str, str] = {}  # "the ruler" → "Dina Boluarte": a word the text used for her
        self.others: set[str] = set()  # definite nouns that meant someone else: "the president" she criticised
        for index, m in enumerate(self.mentions):
            if self.stretch is not None and unmentioned.between(self.mentions[index - 1].end, m.start):
                self.stretch = None  # "She met Putin. He said…", "anyone who… his": someone the mentions miss
            elif self.stretch is not None and unmentioned.quoted_between(self.mentions[index - 1].end, m.start):
                self.stretch.quoted_other = True  # "“We will not let Castillo return,” he said"
            if m.kind == "pronoun":
                if self.stretch is not None and not generic(m):
                    self._pronoun(index, m, m.start in seeds)
            else:
                self._named(index, m)

    def _pronoun(self, index: int, m: Mention, seed: bool) -> None:
        stretch = self.stretch
        if m.quoted:
            # a quotation speaking of someone: its speaker is someone else, or its "he" is the one meant next
            self.stretch = None
            return
        segment = self.ctx.segments[self.sentence[index]]
        if m.gender == MALE and points_forward_to_other(self.view, self.mentions, index, segment.start, segment.end,
                                                        stretch.who, self.unmentioned):
            self.stretch = None  # "In his first speech as leader, John Smith said…": the man named next
            return
        if stretch.quoted_other and m.gender == MALE:
            if not AFTER_QUOTE.search(self.view, max(0, m.start - 4), m.start):
                self.stretch = None  # "“Castillo lied,” she said. He was arrested…": the man quoted may be meant
                return
            stretch.quoted_other = False  # the quotation's speaker: she, whom the next "he added" means again
        if m.gender == FEMALE:
            stretch.evidence = stretch.evidence or m
            stretch.latest = index
        elif seed and stretch.last.gender == FEMALE and stretch.last.known:
            # the "he" just after her name that S105 found by itself: the chain starts there
            stretch.clear, stretch.evidence, stretch.latest = True, stretch.evidence or stretch.last, index
        elif stretch.evidence is None:
            pass  # "he" before anything says she is a woman: the default guess, or someone else
        elif not self._close(stretch, index) or self.view[m.start:m.end].lower() != "his" and self._her_after(index):
            # a "he" far from her, or opening a paragraph about another, or acting on her ("He followed her", "he
            # told her"): that man is someone else, spoken of now ("his" before "she" is more often her own)
            self.stretch = None
        elif stretch.clear:
            stretch.latest = index
            self.flips.append(Flip(m, stretch.last, stretch.evidence))

    def _her_after(self, index: int) -> bool:
        """The sentence of mention `index` says "she" or "her" after it."""
        mentions, sentence = self.mentions, self.sentence
        for k in range(index + 1, len(mentions)):
            if sentence[k] != sentence[index]:
                return False
            if mentions[k].kind == "pronoun" and mentions[k].gender == FEMALE and not mentions[k].quoted:
                return True
        return False

    def _named(self, index: int, m: Mention) -> None:
        if m.kind == "noun" and _PREDICATE_BEFORE.search(self.view, max(0, m.start - 60), m.start):
            return
        if _no_one(self.view, m):
            return
        stretch, who = self.stretch, identity(self.view, m)
        if stretch is not None and who is not None and _same(who, stretch.who) and not m.quoted:
            stretch.last, stretch.latest = m, index
            if m.gender == FEMALE and m.known:
                stretch.evidence = stretch.evidence or m
            elif m.gender == MALE:  # her name says otherwise: the stretch is not about a woman
                stretch.clear = False
        elif stretch is not None and who is not None and self._her_title(index, m, who, stretch):
            # "Boluarte said… The ruler added that her country…": another word for the one person spoken of
            self.titles_of[who] = stretch.who
            stretch.latest = index
            if m.gender == FEMALE and m.known:
                stretch.evidence = stretch.evidence or m
        elif m.quoted and stretch is not None and (who is None or self._quoted_other(m)):
            # someone spoken of inside a quotation, or a person word that names no one ("subordinate and criminal
            # actions"): the quotation's speaker is still she, but a later "he" may be the one spoken of
            stretch.quoted_other = True
        else:
            if who is not None and who.startswith("the "):
                self.others.add(who)
            self.stretch = None if who is None or m.quoted else self._open(index, who)

    def _her_title(self, index: int, m: Mention, who: str, stretch: _Stretch) -> bool:
        """Definite noun `m` ("the ruler", "the president") is another word for the named person the stretch speaks
        of: a title noun no one named holds, the subject of a verb by which she goes on with what she said ("The
        ruler added…", "The president also assured…", "…,” added the minister), close after her, that no title of
        hers contradicts ("the president" is not Senator Mary Jones) and that meant no one else before; or a word
        the text already used for her."""
        if m.kind != "noun" or m.who or m.quoted or m.gender == MALE or not who.startswith("the ") \
                or stretch.who.startswith("the ") or stretch.last.gender == MALE:
            return False
        if who in self.titles_of:
            return _same(self.titles_of[who], stretch.who)
        word = self.view[m.start:m.end].lower()
        if who in self.others or not is_title_noun(word) or not self._just_after(stretch, index):
            return False
        person = self.people.get(stretch.who)
        if person is not None and (person.gender == MALE or person.titles and word not in person.titles
                                   and not same_office(word) & person.titles):
            return False
        # the subject of a verb by which the speaker goes on: "The ruler added that…", "The president also assured…",
        # "…,” added the minister
        if not self._spoke(stretch.latest):
            return False  # "Marta Quispe won the vote. The president added…": she said nothing for him to go on with
        segment = self.ctx.segments[self.sentence[index]]
        before = self.view[segment.start:m.start]
        if _SUBJECT_OPENING.fullmatch(before):
            verb = _VERB_AFTER_SUBJECT.match(self.view, m.end)
            return bool(verb) and (verb.group(2) in _continuing() or bool(verb.group(1))
                                   and verb.group(2) in reporting_verbs())
        verb = _SUBJECT_AFTER_VERB.search(before)
        return bool(verb) and verb.group(1) in _continuing()

    def _quoted_other(self, m: Mention) -> bool:
        """Quoted mention `m` names someone other than the woman of the stretch: a name, or a title written against
        one ("the former president Castillo"), never a noun that may be her title ("“The president will not resign,”
        he said": its speaker is someone else)."""
        if m.kind != "noun":
            return True
        after = self.view[m.end:m.end + 2]
        return len(after) == 2 and after[0] == " " and after[1].isupper()

    def _open(self, index: int, who: str) -> _Stretch:
        """A stretch opening at mention `index`: clear when the sentences before it mention no one, by name, noun
        or pronoun (whoever a pronoun there meant may be meant again)."""
        mentions, sentence = self.mentions, self.sentence
        m = mentions[index]
        evidence = m if m.gender == FEMALE and m.known else None
        before = index
        # "In her speech, Castro asked…": a "her" earlier in her own sentence is likely hers, so it does not stand
        # for someone else; but it is no evidence ("India despite her efforts, Modi said": a country's "her").
        while before and sentence[before - 1] == sentence[index] and mentions[before - 1].kind == "pronoun" \
                and mentions[before - 1].gender == FEMALE and not mentions[before - 1].quoted:
            before -= 1
        # A person word inside a quotation that names no one ("the legitimate citizen demands") is nobody who could be
        # meant; and when she is named as a woman, neither is another woman named or called "she" before (whose
        # "she" would otherwise tell nothing of someone of unknown gender).
        while before and sentence[index] - sentence[before - 1] <= QUIET_SENTENCES_BEFORE \
                and self._no_man(mentions[before - 1], evidence is not None):
            before -= 1
        clear = m.gender != MALE and (before == 0 or sentence[index] - sentence[before - 1] > QUIET_SENTENCES_BEFORE)
        return _Stretch(who, m, clear, evidence, latest=index)

    def _spoke(self, j: int) -> bool:
        """The sentence of mention j reports speech: a quotation mark or a reporting verb."""
        segment = self.ctx.segments[self.sentence[j]]
        text = self.view[segment.start:segment.end]
        return any(q in text for q in _QUOTE_MARKS) or any(w in reporting_verbs() for w in _WORDS.findall(text))

    def _just_after(self, stretch: _Stretch, j: int) -> bool:
        """Mention j stands in the sentence of the stretch's last word for her or in one of the two after it, in
        her paragraph or the next."""
        segments, a, b = self.ctx.segments, self.sentence[stretch.latest], self.sentence[j]
        return b - a <= 2 and segments[b].block - segments[a].block <= 1

    def _no_man(self, m: Mention, woman: bool) -> bool:
        """Mention `m`, before a stretch about a woman (`woman`) or someone else opens, cannot be a man a later "he"
        means: a person word inside a quotation that names no one, or, before a woman, another woman (by her name,
        title or pronoun)."""
        if woman and m.gender == FEMALE and (m.known or m.kind == "pronoun"):
            return True
        return m.quoted and m.kind == "noun" and identity(self.view, m) is None

    def _close(self, stretch: _Stretch, j: int) -> bool:
        """Mention j follows the stretch's last word for her closely enough to mean her: at most MAX_SENTENCES_AFTER
        sentences on, and in the same paragraph, unless it attributes a quotation that opens the next one or the
        woman is the one the text is about (a paragraph opening on "He" means the text's main person)."""
        segments, a, b = self.ctx.segments, self.sentence[stretch.latest], self.sentence[j]
        if b - a > MAX_SENTENCES_AFTER:
            return False
        if segments[a].block == segments[b].block or self.main is not None and _same(stretch.who, self.main):
            return True
        latest = self.mentions[stretch.latest]
        if latest.kind == "pronoun" and latest.gender == MALE and self._no_one_else_before(stretch.who, j):
            # "…,” he said.\n\nHe added…": a chain of "he" already found to mean her goes on into the next paragraph
            # when she is the only person the text has named (after her name or her "she" alone, a paragraph's
            # "he" may be someone new)
            return True
        return segments[b].block == segments[a].block + 1 and bool(AFTER_QUOTE.search(
            self.view, max(0, self.mentions[j].start - 4), self.mentions[j].start))


    def _no_one_else_before(self, who: str, j: int) -> bool:
        """Every name or noun before mention j, outside quotations, means the person `who`."""
        if self._alone is None:
            self._alone = _one_person_until(self.view, self.mentions)
        first, until = self._alone
        return j <= until and (first is None or _same(who, first))


def _one_person_until(view: str, mentions: list[Mention]) -> tuple[str | None, int]:
    """Whom the text's first name or noun (outside quotations) means, and the index of the first mention that
    means someone else: up to there, the text has named one person only."""
    first = None
    for k, m in enumerate(mentions):
        if m.kind == "pronoun" or m.quoted or _no_one(view, m):
            continue
        who = identity(view, m)
        if first is None and who is not None:
            first = who
        elif who is None or not _same(who, first):
            return first, k
    return first, len(mentions)


def _no_one(view: str, m: Mention) -> bool:
    """A mention that names no person: capitalised words holding an acronym, a country or a body ("TV Peru",
    "CNN Chile"), or a capitalised person noun after a possessive, which translation writes for an institution
    ("his Executive", "her Government")."""
    if m.kind in ("run", "name") and not m.who:
        speaks = _SPEAKS_AFTER.match(view, m.end)
        if speaks and speaks.group(1) in reporting_verbs():
            return False  # "The Foreign Ministry said his visit…": a body that speaks may speak of anyone
        words = view[m.start:m.end].split()
        return any(len(w) > 1 and w.isupper() or fold(w) in not_names() for w in words)
    if m.kind == "noun" and view[m.start].isupper():
        return bool(_POSSESSIVE_BEFORE.search(view, max(0, m.start - 8), m.start))
    return False


def _same(a: str, b: str) -> bool:
    """Two ways of naming one person: equal, or the shorter is the end of the longer ("Rodríguez" of "Delcy
    Rodríguez", whose first name the lists do not know)."""
    if a == b:
        return True
    short, long = sorted((a.split(), b.split()), key=len)
    return not a.startswith("the ") and not b.startswith("the ") and long[-len(short):] == short


def _main_person(view: str, mentions: list[Mention]) -> str | None:
    """The person a text is about: the first it names, when it names them again (news opens on its subject)."""
    named = [who for m in mentions if m.kind != "pronoun" and not m.quoted and (who := identity(view, m))]
    return named[0] if named and sum(_same(named[0], who) for who in named) > 1 else None


class Unmentioned:
    """Words that may stand for someone the mentions miss: a pronoun for anyone ("anyone who… his"), and a
    capitalised word that may name someone the name lists do not know ("She met Putin"): not opening a sentence,
    not an acronym, no weekday, month, nationality, country, capital or body, not after an article or a word of
    place ("in Lima", "traveled to Cusco", "the Spanish government"), not joined by "and" to a place or a body
    ("to Puno and Cusco", "the Ministry of Mines and Energy") and no adjective ("Supreme")."""

    def __init__(self, refs):
        self.refs = refs
        self.starts = [t.start for t in refs.tokens]
        self.mentioned = Covered((c.start, c.end) for c in refs.mentions)
        self.things = Covered(refs.things)
        # Tokens that may stand for someone (capitalised, or a pronoun for anyone), each with whether it is quoted:
        # a few of a text's words, asked of again for every pair of mentions
        in_quotes = Covered(refs.quoted)
        anyone = {form for w in (*_anyone(), "one") for form in (w, w.capitalize(), w.upper())}
        candidates = {k: t.start in in_quotes for k, t in enumerate(refs.tokens) if t.capital or t.text in anyone}
        # their indices outside and inside quotations, in order: a stretch between two mentions is searched by
        # bisection among these, not word by word
        self.outside = [k for k, quoted in candidates.items() if not quoted]
        self.inside = [k for k, quoted in candidates.items() if quoted]
        # Last words of names whose first name the lists do not know ("Teboho Joala"): written alone later, such a
        # word is that person even where a place could stand ("the murders of Joala and his bodyguard").
        view = refs.view
        self.unknown_surnames = {fold(_bare(view[a:b].split()[-1])) for a, b in refs.unknown_runs}

    def anyone_between(self, start: int, end: int) -> bool:
        """A pronoun for anyone stands between: "anyone who wants to vote must bring his card"."""
        tokens = self.refs.tokens
        return any(_anyone_at(tokens, k) for k in self._indices(start, end))

    def between(self, start: int, end: int) -> bool:
        """Someone the mentions miss stands between, outside quotations."""
        return any(self._someone(k) for k in self._among(self.outside, start, end))

    def quoted_between(self, start: int, end: int) -> bool:
        """Someone the mentions miss is spoken of inside a quotation between: "“We will not let Castillo return”"."""
        return any(self._someone(k) for k in self._among(self.inside, start, end))

    def _among(self, indices: list[int], start: int, end: int) -> list[int]:
        """The token indices of `indices` (in order) whose tokens start between `start` and `end`."""
        span = self._indices(start, end)
        return indices[bisect.bisect_left(indices, span.start):bisect.bisect_left(indices, span.stop)]

    def _someone(self, k: int) -> bool:
        """Token k may stand for someone the mentions miss."""
        tokens, refs = self.refs.tokens, self.refs
        t = tokens[k]
        if _anyone_at(tokens, k):
            return True
        if not t.capital or t.text.isupper() or t.start in self.mentioned or t.start in self.things \
                or refs.opens_sentence(k):
            return False
        word = fold(t.text)
        before = tokens[k - 1].text.lower()
        if fold(_bare(t.text)) in self.unknown_surnames and not tokens[k - 1].capital:
            return True
        return not (word in not_names() or word.endswith("s") and word[:-1] in not_names() or "J" in lookup(word)
                    or is_title_noun(word) or before in _BEFORE_PLACES or tokens[k - 1].capital
                    or self._place_after(k - 1)
                    or before in ("and", "or") and k > 1 and tokens[k - 2].capital
                    and (self._place_after(k - 3) or tokens[k - 2].start in self.things))

    def _place_after(self, k: int) -> bool:
        """Token k says a place follows it: "in", "at" ("in Puno and Cusco"), or "to" after a verb of going."""
        tokens = self.refs.tokens
        if k < 0:
            return False
        word = tokens[k].text.lower()
        return word in LOCATIVES or word == "to" and k > 0 and tokens[k - 1].text.lower() in _motion()

    def _indices(self, start: int, end: int) -> range:
        return range(bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end))


def _anyone_at(tokens, k: int) -> bool:
    lower = tokens[k].text.lower()
    return lower in _anyone() or lower == "one" and k > 0 and tokens[k - 1].text.lower() == "no"


_BEFORE_PLACES = LOCATIVES | ARTICLES | {"of", "from", "on"}


@lru_cache(maxsize=None)
def _continuing() -> frozenset[str]:
    return english_words("verbs.toml", "continuing_speech_words")


@lru_cache(maxsize=None)
def _anyone() -> frozenset[str]:
    return english_words("words.toml", "indefinite_person_words")


@lru_cache(maxsize=None)
def _motion() -> frozenset[str]:
    return english_words("words.toml", "motion_words")
