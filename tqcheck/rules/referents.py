"""Who a text speaks of: the people it names (with the gender their first name or title gives), person nouns and pronouns, in order."""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import lru_cache

from tqcheck.rules.base import Covered
from tqcheck.data.langdata import common_words
from tqcheck.rules.calques import english_words
from tqcheck.rules.person_words import (DETERMINERS, FEMALE, MALE, PARTICLES, PRONOUNS, SUFFIXES, first_names, fold,
                                        function_words, gender_adjective, is_person_noun, is_title_noun, not_names,
                                        noun_gender, person_noun_kind, reporting_verbs, role_words, same_office,
                                        title_gender)
from tqcheck.rules.quotescan import scan
from tqcheck.speed import warmstart
from tqcheck.text.tagging import BE_HAVE, VERBS, lookup

# A capitalised run right after these names a place, not a person ("the fire in Las Tablas", "at Harvard").
LOCATIVES = frozenset({"in", "at", "near", "across", "throughout", "inside", "outside"})
# Spanish and Portuguese plural or neuter articles open place and group names, never a person's: "Los Pinos", "Lo Moscoso".
PLACE_ARTICLES = frozenset({"los", "las", "lo"})
ARTICLES = frozenset({"the", "a", "an"})
FORMER = frozenset({"former", "ex", "late", "outgoing"})
# Pronouns of no third person singular: "“…,” I said" and "We said" name no one, nor does "nobody's".
OTHER_PRONOUNS = frozenset({"i", "we", "you", "they", "it", "one", "someone", "everyone", "nobody", "who"})
_WORD = warmstart.regex(r"[^\W\d_](?:[\w’'.-]*[^\W_])?")
_POSSESSIVE = warmstart.regex(r"[’']s?$")
# How many words after a name its own pronoun is looked for: "Cristina Fernández finished her speech".
_CUE_REACH = 12
# Words that continue the name of a body or a thing after its capitalised words: "Bank of Spain", "Inter-American
# Commission on Human Rights", "Ministry for Women" (after a title they join a person's: "Minister for Women Ana Ruiz").
_NAME_JOINS = frozenset({"of", "on", "for"})
# Endings of abstract nouns, which name no one: "Citizen Revolution", "National Action", "Renewal Movement".
_ABSTRACT_ENDINGS = ("tion", "sion", "ment", "ity", "ism", "ance", "ence", "ship", "hood", "dom")
_APPOSITION_AFTER = warmstart.regex(r",\s+(?:the|a|an|who|\d)")


@dataclass
class Person:
    """A person the text names, and what it says of their gender."""

    surname: str  # folded
    first: str  # folded first name, or "" when only a title introduced the person
    genders: set[str] = field(default_factory=set)  # every gender the names and titles suggest
    titles: set[str] = field(default_factory=set)  # person nouns written beside the name: "minister"
    cue: bool = False  # something says this is a person (a title, a reporting verb, the surname used alone)
    display: str = ""  # the full name as the text first writes it: "Dina Boluarte"

    @property
    def gender(self) -> str | None:
        return next(iter(self.genders)) if len(self.genders) == 1 else None


@dataclass
class Mention:
    """A stretch of text that refers to a person: a name, a noun or a pronoun."""

    start: int
    end: int
    gender: str | None  # None: a person of either gender
    kind: str  # "name" | "noun" | "pronoun" | "run" (capitalised words that may be a name the lists do not know)
    known: bool = False  # a named person (or a noun standing for one) whose gender the text establishes
    quoted: bool = False
    who: str = ""  # the full name of the person meant, when the text names them: "Dina Boluarte" for "Boluarte"


@dataclass(slots=True)
class Token:
    """A word of the text, by its offsets."""

    start: int
    end: int
    text: str
    capital: bool = False  # the word starts with a capital: asked of each token several times, computed once


def _tokens(view: str, segments) -> list[Token]:
    """The words of the segments, in order; each word's string is held once, however often it recurs (a plain
    loop: a file's hundreds of thousands of tokens made by a method call each cost a fifth more)."""
    tokens: list[Token] = []
    add = tokens.append
    strings: dict[str, str] = {}
    held = strings.setdefault
    for seg in segments:
        for m in _WORD.finditer(view, seg.start, seg.end):
            text = m.group()
            text = held(text, text)
            add(Token(m.start(), m.end(), text, text[0].isupper()))
    return tokens


def _token_start(token: Token) -> int:
    return token.start


def quoted_spans(ctx) -> list[tuple[int, int]]:
    """(start, end) of every double-quoted stretch whose marks pair up."""
    spans = []
    marks = scan(ctx).marks
    for mark in marks:
        if mark.role == "open" and mark.partner is not None:
            spans.append((mark.pos, marks[mark.partner].pos + 1))
    return spans


def _runs(tokens: list[Token], capitals: list[int], view: str) -> list[tuple[int, int]]:
    """Index ranges [i, j) of capitalised words written one after another (particles allowed inside, and "of
    the" after a title: "Minister of the Interior Ana Ruiz"); a possessive ends a run ("the Party's Ana Ruiz")."""
    runs, j = [], 0
    for i in capitals:  # a run opens on a capitalised word
        if i < j:
            continue  # inside the last run
        titled = is_title_noun(tokens[i].text.lower())
        j = i + 1
        while j < len(tokens) and not _POSSESSIVE.search(tokens[j - 1].text):
            gap = view[tokens[j - 1].end:tokens[j].start]
            if gap != " " and not (gap == ". " and title_gender(tokens[j - 1].text)):
                break
            if tokens[j].capital:
                j += 1
                continue
            joined = j
            while joined < len(tokens) and joined - j < 2 and (
                    tokens[joined].text in PARTICLES or titled and tokens[joined].text in ("of", "for", "the")) \
                    and view[tokens[joined].end:tokens[joined].end + 1] == " ":
                joined += 1
            if joined == j or joined >= len(tokens) or not tokens[joined].capital:
                break
            j = joined + 1
        runs.append((i, j))
    return runs


@lru_cache(maxsize=None)
def _non_person_heads() -> frozenset[str]:
    """Last words of a place's or a body's name: "City", "Party" (a set built once, not once per run)."""
    return english_words("persons.toml", "non_person_heads")


def _bare(word: str) -> str:
    return _POSSESSIVE.sub("", word)


def _inert(word: str) -> bool:
    """A word written without a capital that can make no mention: no pronoun, no person noun, no role word
    (most words of a text: "the", "said", "country")."""
    lower = word.lower()
    if lower in PRONOUNS:
        return False
    bare = _bare(lower) if "'" in lower or "’" in lower else lower
    return not person_noun_kind(bare) and bare not in role_words()


class Referents:
    """The people of one document and every mention of a person, in text order."""

    def __init__(self, ctx, fallback_words=None):
        self.view = ctx.doc.view
        self.quoted = quoted_spans(ctx)
        self.tokens = _tokens(self.view, ctx.segments)
        self.capitals = [k for k, t in enumerate(self.tokens) if t.capital]  # indices of the capitalised words
        self.fallback_words = fallback_words  # source-language words: "Casa", "Asamblea" are no first names
        self.people: dict[str, Person] = {}
        # Surnames written inside a longer name, by which the text may name the person alone: "Sheinbaum" of "Claudia
        # Sheinbaum Pardo", "López" of "Andrés Manuel López Obrador" (Spanish and Portuguese give two surnames and
        # use the first)
        self.aliases: dict[str, Person] = {}
        self.shared_surnames: set[str] = set()  # surnames two people named in full bear: alone, either of them
        # where the second bearer of a shared surname is first named: before it, the surname alone is the first one's
        self.shared_from: dict[str, int] = {}
        self.name_spans: list[tuple[int, int, str]] = []  # (start, end, surname) of each full name
        self.unknown_runs: list[tuple[int, int]] = []  # capitalised runs that may name someone the lists do not know
        self.title_positions: set[int] = set()  # person nouns written against a name: part of its mention
        self.things: list[tuple[int, int]] = []  # capitalised runs that name a body or a thing: "the Foreign Ministry"
        self.keys: dict[str, str] = {}  # capitalised words, folded and bare: "Boluarte’s" → "boluarte", once per form
        self._find_people()
        self._pronoun_cues()
        self.told_nouns: dict[str, str] = {}  # titles whose holder's gender the text's pronouns tell: "the minister said she"
        self._told_gender()
        self.mentions = self._mentions()

    # People: a first name (or a gendered title) followed by a capitalised surname.
    def _first_gender(self, word: str) -> str | None:
        key = fold(word.split("-")[0])
        gender = first_names().get(key)
        if gender is None and self.fallback_words is not None and len(key) >= 4 and key.isalpha() \
                and not is_person_noun(key) and not any(key in words for words in self.fallback_words):
            # Spanish and Portuguese first names in -a are women's, in -o men's.
            return FEMALE if key.endswith("a") else MALE if key.endswith("o") else None
        return gender

    def _find_people(self) -> None:
        tokens, view = self.tokens, self.view
        function = function_words()
        # A name takes two words at least, and trimming a run only shortens it: a single capitalised word (most
        # runs: a sentence's first word) names no one here, and is looked at no further.
        runs = [(i, j) for i, j in _runs(tokens, self.capitals, view) if j - i >= 2]
        # Names with a first name or a gendered title first, so that "Later Berria said" finds Ana Berria
        # wherever she was introduced.
        named = [self._named(*r) for r in runs]
        runs = [r for r, first in zip(runs, named) if first] + [r for r, first in zip(runs, named) if not first]
        non_person_heads = _non_person_heads()
        for i, j in runs:
            # English writes no article before a person's name: "the Foreign Ministry", "The Organization of
            # American States" name a body or a thing ("the minister Ana Ruiz" has its article before the title).
            # So does a name continued after "of", "on" or "for": "the Organization of American States", "Bank of
            # Spain", "Commission on Human Rights".
            article = i > 0 and tokens[i - 1].text.lower() in ARTICLES or tokens[i].text.lower() in ARTICLES \
                or i > 1 and tokens[i - 1].text in _NAME_JOINS and tokens[i - 2].capital \
                and not self.opens_sentence(i - 2) and not is_title_noun(tokens[i - 2].text.lower())
            # And a name whose last word says it is a place or a body: "Mexico City", "Workers' Party".
            article = article or fold(_bare(tokens[j - 1].text)) in non_person_heads
            first_word = i
            while i < j and tokens[i].text.lower() in function:  # "The", "In", "But" opening a sentence
                i += 1
            while j - 1 > i and fold(tokens[j - 1].text.rstrip(".")) in SUFFIXES:
                j -= 1
            if j - i < 2:
                continue
            if j < len(tokens) and not tokens[j].capital and view[tokens[j - 1].end:tokens[j].start] == " " \
                    and is_title_noun(tokens[j].text.lower()) and not self._verb_after_subject(j):
                continue  # "a White House official": the capitalised words say whose official, they name no one
            # Titles: the run's words up to its last person noun or title ("Richmond County Coroner", "Mrs."),
            # and a person noun written just before it ("spokeswoman Ana Ruiz").
            head = i
            for k in range(i, j - 1):
                if is_title_noun(tokens[k].text.lower()) or title_gender(tokens[k].text):
                    head = k + 1
            titles = list(range(i, head))
            if i > 0 and view[tokens[i - 1].end:tokens[i].start] == " " and not tokens[i - 1].capital \
                    and is_title_noun(tokens[i - 1].text.lower()):
                titles.append(i - 1)
            if titles:  # after titles, the name is the first first name ("Minister of the Interior Ana Ruiz")
                start = next((k for k in range(head, j - 1) if self._first_gender(tokens[k].text)), None)
            else:  # else it opens the run: "Angeles" in "Los Angeles Chargers" is no woman
                start = i if self._first_gender(tokens[i].text) else None
            gendered = [title_gender(tokens[k].text) for k in titles if title_gender(tokens[k].text)]
            if start is None and titles and tokens[head].text in _NAME_JOINS:
                # "the President of Brazil", "Minister of Mines and Energy": a title and what it is of, no name; the
                # title is a person noun of its own ("the president", whoever holds it)
                self.things.append((tokens[head].start, tokens[j - 1].end))
                continue
            if article and not titles and not is_person_noun(tokens[j - 1].text.lower()):  # "the Prime Minister" is someone
                if j < len(tokens) and tokens[j].text in reporting_verbs():
                    # "The Fire Department said he was rescued": a body that speaks may speak of anyone.
                    self.unknown_runs.append((tokens[first_word].start, tokens[j - 1].end))
                else:
                    self.things.append((tokens[first_word].start, tokens[j - 1].end))
                continue
            surname = fold(_bare(tokens[j - 1].text))
            # "Arévalo de León" after "Bernardo Arévalo": a surname the text gave a first name, then its particle
            # and second surname, is the same person, not someone unknown.
            lead = fold(_bare(tokens[i].text))
            if start is None and not titles and tokens[i + 1].text in PARTICLES and self.people.get(lead) \
                    and self.people[lead].first:
                surname = lead
            elif start is None and not gendered:
                other = self.people.get(surname)
                if not titles and j - i >= 2 and other is not None and other.first and tokens[j - 2].capital \
                        and fold(_bare(tokens[j - 2].text)) not in {fold(w) for w in other.display.split()} \
                        and not self.opens_sentence(i):
                    # "her father, Suso Díaz," after "Yolanda Díaz": a first name the lists do not know, someone else
                    self._share(surname, tokens[i].start)
                    surname = fold(_bare(tokens[j - 2].text)) + " " + surname
                if not titles and self._place(i):
                    self.things.append((tokens[i].start, tokens[j - 1].end))  # "in Las Tablas", "Lo Moscoso"
                    continue
                if self._body(j - 1 if titles else i, j, titled=bool(titles)):
                    # "Fuerza Popular", "Citizen Revolution" (after a person noun): a party or a movement, no one
                    if j < len(tokens) and tokens[j].text in reporting_verbs():
                        self.unknown_runs.append((tokens[i].start, tokens[j - 1].end))  # a body that speaks
                    else:
                        self.things.append((tokens[i].start, tokens[j - 1].end))
                    continue
                self.unknown_runs.append((tokens[head].start, tokens[j - 1].end))
                if not titles and not self._cued(i, j):
                    continue
            other = self.people.get(surname)
            if start is not None and other is not None and other.first \
                    and other.first != fold(tokens[start].text.split("-")[0]):
                # "Cristina Kirchner" and "Néstor Kirchner": two people of one surname, which alone names neither
                self._share(surname, tokens[i].start)
                surname = fold(tokens[start].text.split("-")[0]) + " " + surname
            known = surname in self.people
            person = self.people.setdefault(surname, Person(surname, ""))
            if start is None and not gendered and not known:  # a name the lists do not know: either gender
                person.genders.update((FEMALE, MALE))
            person.genders.update(gendered)
            if start is not None:
                person.genders.add(self._first_gender(tokens[start].text))
                person.first = person.first or fold(tokens[start].text.split("-")[0])
            # "former President Pedro Castillo" is not who "the president" means later.
            former = any(tokens[k].text.lower() in FORMER for k in range(max(i - 1, 0), head))
            for k in titles:
                word = tokens[k].text.lower()
                self.title_positions.add(tokens[k].start)
                if is_person_noun(word, "the"):
                    if not former:
                        person.titles.add(word)
                    if noun_gender(word):
                        person.genders.add(noun_gender(word))
            person.cue = person.cue or bool(titles) or self._cued(i, j)
            self._apposition(j, person)
            if not titles and (start is not None or gendered):
                self._title_before(start if start is not None else head, person)
            self.name_spans.append((tokens[start if start is not None else head].start, tokens[j - 1].end, surname))
            if not person.display:  # "Dina Boluarte", or "Boluarte" after a title only ("President Boluarte")
                person.display = view[tokens[start if start is not None else head].start:tokens[j - 1].end]
            if start is not None:
                for k in range(start + 1, j - 1):
                    word = fold(_bare(tokens[k].text))
                    if tokens[k].capital and word not in PARTICLES and not self._first_gender(tokens[k].text):
                        self.aliases.setdefault(word, person)
        # "Later Berria said": a run ending in a known surname is that person, with a capitalised word before.
        self.unknown_runs = [(a, b) for a, b in self.unknown_runs
                             if not self.named(last := fold(_bare(view[a:b].split()[-1]))) or last in self.shared_surnames]
        # A surname used alone elsewhere says its bearer is a person, not a place or a firm.
        full = Covered((s, e) for s, e, _ in self.name_spans)
        things = Covered(self.things)
        for k in self.capitals:
            t = tokens[k]
            if t.start in full:
                continue
            key = self.key(t.text)
            person = self.named(key)
            if person is None and self._apposition(k + 1) and t.start not in things and self._lone_name(k):
                # "Boluarte, the first woman to hold the office,": a surname the text never writes with a
                # first name, whose gender the apposition says.
                person = self.people[key] = Person(key, "", display=t.text)
            if person:
                person.cue = True
                self._apposition(k + 1, person)

    def _share(self, surname: str, start: int) -> None:
        """A second person bearing `surname` is named at `start`: from there on the surname alone means either."""
        self.shared_surnames.add(surname)
        self.shared_from[surname] = min(self.shared_from.get(surname, start), start)

    def _pronoun_cues(self) -> None:
        """A full name whose first name says a gender, followed in its sentence by a pronoun of that gender with no
        one else between, is a person: "Cristina Fernández de Kirchner finished her speech" (a place or a firm
        named after someone takes no "her")."""
        tokens = self.tokens
        for start, end, key in self.name_spans:
            person = self.people[key]
            if person.cue or not person.first or person.gender is None:
                continue
            k = bisect.bisect_left(tokens, start, key=_token_start)  # the few names asked, not a map of all tokens
            while k < len(tokens) and tokens[k].start < end:
                k += 1
            last = min(len(tokens), k + _CUE_REACH)
            while k < last and not self.opens_sentence(k) and not tokens[k].capital \
                    and not is_person_noun(tokens[k].text.lower(), tokens[k - 1].text.lower()):
                said = PRONOUNS.get(tokens[k].text.lower())
                if said is not None:
                    person.cue = said == person.gender
                    break
                k += 1

    def _told_gender(self) -> None:
        """A surname the text gives no first name or gendered title, or a title no named person holds, whose
        gender the text's own pronouns tell: "Boluarte said she…" (or "the minister said that she…", "the
        minister added that her country…") twice or more, and "…said that he…" less often, make Boluarte (the
        minister) a woman. For a title one "she" or "her" is enough when no other woman is named in its sentence
        or the one before (the translation writes "she" only where its source showed her gender, and no one else
        is there for the "her" to be)."""
        tokens, view = self.tokens, self.view
        votes: dict[str, list[str]] = {}
        alone: set[str] = set()  # titles told a woman by a pronoun no other woman nearby may take
        verbs = reporting_verbs()
        for k in [k - 1 for k in range(1, len(tokens) - 1) if tokens[k].text in verbs]:  # the words before "said"
            t = tokens[k]
            if view[t.end:tokens[k + 1].start] != " ":
                continue
            if t.capital:
                key = fold(_bare(t.text))
            elif is_title_noun(t.text) and not noun_gender(t.text) and self._definite(k):
                key = "the " + t.text
            else:
                continue
            n = k + 2
            if tokens[n].text == "that" and n + 1 < len(tokens):
                n += 1
            if view[tokens[n - 1].end:tokens[n].start] != " ":
                continue
            if tokens[n].text in ("he", "she") or tokens[n].text in ("his", "her") and n + 1 < len(tokens) \
                    and lookup(tokens[n + 1].text.lower())[:1] in ("N", "S", "J"):  # "added that her country"
                said = PRONOUNS[tokens[n].text]
                votes.setdefault(key, []).append(said)
                if said == FEMALE and key.startswith("the ") and not self._woman_named_before(k):
                    alone.add(key)
        for key, said in votes.items():
            women, men = said.count(FEMALE), said.count(MALE)
            if key in alone and not men:
                self.told_nouns[key[4:]] = FEMALE
                continue
            if max(women, men) < 2 or women == men:
                continue
            if key.startswith("the "):
                self.told_nouns[key[4:]] = FEMALE if women > men else MALE
                continue
            person = self.named(key)
            if person is None:
                k = next(k for k, t in enumerate(tokens) if t.capital and fold(_bare(t.text)) == key)
                if not self._lone_name(k):
                    continue
                person = self.people[key] = Person(key, "", display=tokens[k].text, cue=True)
            if person.gender is None and not person.first:
                person.genders = {FEMALE if women > men else MALE}

    def _definite(self, k: int) -> bool:
        """Token k follows "the", or "the" and one adjective: "the president", "The future president"."""
        tokens = self.tokens
        if k and tokens[k - 1].text.lower() == "the":
            return True
        return k > 1 and tokens[k - 2].text.lower() == "the" and not tokens[k - 1].capital \
            and "J" in lookup(tokens[k - 1].text.lower()) and tokens[k - 1].text.lower() not in FORMER

    def _woman_named_before(self, k: int) -> bool:
        """A woman is named by her full name in token k's sentence or the one before."""
        tokens, sentences = self.tokens, 0
        first = k
        while first > 0 and sentences < 2:
            if self.opens_sentence(first):
                sentences += 1
                if sentences == 2:
                    break
            first -= 1
        lo, hi = tokens[first].start, tokens[k].start
        return any(lo <= start < hi and self.people[key].gender == FEMALE for start, _, key in self.name_spans)

    def key(self, word: str) -> str:
        """`word` folded, without its possessive: how the text's people are looked up."""
        key = self.keys.get(word)
        if key is None:
            key = self.keys[word] = fold(_bare(word))
        return key

    def named(self, surname: str) -> Person | None:
        """The person the text names by `surname` (folded): the last word of a name, or a surname inside one."""
        return self.people.get(surname) or self.aliases.get(surname)

    def opens_sentence(self, k: int) -> bool:
        """Token k opens a sentence, a line or a quotation, where any word takes a capital."""
        return k == 0 or any(mark in self.view[self.tokens[k - 1].end:self.tokens[k].start] for mark in ".!?:\n“\"")

    def _lone_name(self, k: int) -> bool:
        """Token k, capitalised, can be a surname written alone: no common English word, no function word,
        no acronym, not written after an article or against another capitalised word."""
        tokens = self.tokens
        t = tokens[k]
        if t.text.isupper() or _POSSESSIVE.search(t.text) or fold(t.text) in function_words():
            return False
        if k > 0 and (tokens[k - 1].text.lower() in ARTICLES or tokens[k - 1].capital
                      and self.view[tokens[k - 1].end:t.start] == " "):
            return False
        return fold(t.text) not in common_words("en") and not is_person_noun(fold(t.text))

    def _title_before(self, i: int, person: Person) -> None:
        """"The president of Peru, Dina Boluarte,": a person noun whose phrase ends in a comma just before the
        name opening at token i is that person's title, not someone else."""
        tokens, view = self.tokens, self.view
        if i == 0 or not view[tokens[i - 1].end:tokens[i].start].startswith(","):
            return
        head = None  # the phrase's first person noun: "The mother of the victim, Rosa Díaz," is the mother
        for k in range(i - 1, max(i - 9, -1), -1):  # "The Minister of the Interior of Chile, Carolina Tohá,"
            word = tokens[k].text.lower()
            if is_title_noun(word):
                head = k
            # "the wife of President Pedro Castillo, Lilia Paredes": the title is his, not hers.
            elif not (tokens[k].capital or word in ("of", "the", "for")) or self._first_gender(tokens[k].text):
                break
        if head is not None:
            word = tokens[head].text.lower()
            if not (head and tokens[head - 1].text.lower() in FORMER):
                person.titles.add(word)
            self.title_positions.add(tokens[head].start)
            person.cue = True

    def _apposition(self, j: int, person: Person | None = None) -> str | None:
        """", the mayor," after a name ending at token j: the mayor is this person (recorded in `person`), not
        someone else, and ", the first woman…" or ", the first female mayor," says the person's gender, returned."""
        tokens, view = self.tokens, self.view
        if j >= len(tokens) or not view[tokens[j - 1].end:tokens[j].start].startswith(","):
            return None
        if tokens[j].text.lower() not in DETERMINERS and not is_title_noun(tokens[j].text.lower()):
            return None  # ", met the prime minister": a verb, and the minister is someone else
        for k in range(j, min(j + 4, len(tokens))):
            word = tokens[k].text.lower()
            if is_title_noun(word):
                if k + 1 < len(tokens) and view[tokens[k].end:tokens[k + 1].start] == " " \
                        and (lookup(tokens[k + 1].text.lower())[:1] in ("D", "Z", "M")
                             or tokens[k + 1].text in reporting_verbs()):
                    # "Regarding Pedro Sánchez, the regional president stressed that she…": the subject of a new
                    # clause, someone else
                    return None
                gender = noun_gender(word) or gender_adjective(tokens[k - 1].text.lower())
                if person is not None:
                    person.cue = True  # ", the mayor,", ", Minister of Mines,": a person's apposition
                    self.title_positions.add(tokens[k].start)
                    if not {t.text.lower() for t in tokens[j:k]} & FORMER:  # ", the former mayor," is not "the mayor"
                        person.titles.add(word)
                    if gender:
                        person.genders.add(gender)
                return gender
        return None

    def _body(self, i: int, j: int, titled: bool = False) -> bool:
        """Words [i, j) of a run that holds no known first name hold a word no name is made of: an abstract noun by
        its ending ("Citizen Revolution", "National Action"), and, unless a title opens the run ("Senator Bright",
        "Secretary of State Xu Wen" are someone), a country, a people or a body ("Free Peru", "Workers' Party") or
        an English adjective of six letters or more that is no verb ("Fuerza Popular"): a party or a movement."""
        for t in self.tokens[i:j]:
            word = fold(_bare(t.text))
            if first_names().get(word):  # "Lawrence", "Sterling", "Jordan": names too
                continue
            if not titled and word in not_names():
                return True
            if word not in common_words("en"):
                continue
            if word.endswith(_ABSTRACT_ENDINGS) and len(word) >= 6:
                return True
            tags = lookup(word)
            if not titled and len(word) >= 6 and "J" in tags and not set(tags) & VERBS:
                return True
        return False

    def _place(self, i: int) -> bool:
        """The run opening at token i names a place: it follows "in"/"at" or opens with "Los"/"Las"/"Lo"."""
        tokens = self.tokens
        if tokens[i].text.lower() in PLACE_ARTICLES:
            return True
        return i > 0 and tokens[i - 1].text.lower() in LOCATIVES and self.view[tokens[i - 1].end:tokens[i].start] == " "

    def _named(self, i: int, j: int) -> bool:
        """Run [i, j) holds a first name or a gendered title before its last word."""
        return any(self._first_gender(t.text) or title_gender(t.text) for t in self.tokens[i:j - 1])

    def _cued(self, i: int, j: int) -> bool:
        """The words around run [i, j) say it names a person: a reporting verb, a possessive or an apposition."""
        tokens, view = self.tokens, self.view
        before = tokens[i - 1].text if i > 0 else ""
        after = tokens[j].text.lower() if j < len(tokens) else ""
        return (after in reporting_verbs() or before.lower() in reporting_verbs() or bool(_POSSESSIVE.search(before))
                or bool(_APPOSITION_AFTER.match(view, tokens[j - 1].end, tokens[j - 1].end + 12)))

    def _mentions(self) -> list[Mention]:
        tokens, view = self.tokens, self.view
        mentions: list[Mention] = []
        covered = sorted(self.name_spans)
        firsts = {}
        for person in self.people.values():
            if person.cue and person.first:
                firsts.setdefault(person.first, []).append(person)
        titles = {}
        for person in self.people.values():
            if person.cue:
                for title in person.titles:
                    titles.setdefault(title, []).append(person)
        spans_by_start = {s: (e, key) for s, e, key in covered}
        runs_by_start = dict(self.unknown_runs)
        things = dict(self.things)
        in_quotes = Covered(self.quoted)  # asked only of the tokens that make a mention
        named: set[int] = set()  # the people named so far: "the president" means one named before it, not after
        inert: dict[str, bool] = {}  # lower-case forms that make no mention, asked once per form of the text
        special = spans_by_start.keys() | things.keys() | runs_by_start.keys()  # where a name, thing or run opens
        # The words that may make or open a mention: capitalised, opening a name, thing or run, or a lower-case word
        # that can be a pronoun or name a person (a comprehension over a file's words; most are "the", "said").
        asked = [i for i, t in enumerate(tokens) if t.capital or t.start in special
                 or not (inert[t.text] if t.text in inert else inert.setdefault(t.text, _inert(t.text)))]
        past = -1  # where the last name, thing or run ended: its own words make no other mention
        for i in asked:
            t = tokens[i]
            if t.start < past:
                continue
            if t.start in special:
                if t.start in spans_by_start:
                    end, key = spans_by_start[t.start]
                    person = self.people[key]
                    named.add(id(person))
                    if person.cue:
                        mentions.append(Mention(t.start, end, person.gender, "name", person.gender is not None, t.start in in_quotes,
                                                person.display))
                    else:
                        mentions.append(Mention(t.start, end, None, "name", False, t.start in in_quotes))
                elif t.start in things:  # "the Foreign Ministry said": no one
                    end = things[t.start]
                else:  # a run: "Shaquia Philpot", maybe someone, of either gender
                    end = runs_by_start[t.start]
                    mentions.append(Mention(t.start, end, None, "run", False, t.start in in_quotes))
                past = end
                continue
            if t.capital:
                key = self.key(t.text)
            lower = t.text.lower()
            if lower in PRONOUNS:
                mentions.append(Mention(t.start, t.end, PRONOUNS[lower], "pronoun", False, t.start in in_quotes))
            elif t.capital and key in self.shared_surnames and t.start >= self.shared_from[key]:
                # "Kirchner" after "Cristina Kirchner" and "Néstor Kirchner": one of them, of either gender
                mentions.append(Mention(t.start, t.end, None, "name", False, t.start in in_quotes))
            elif t.capital and (person := self.named(key)) is not None and person.cue:
                named.add(id(person))
                mentions.append(Mention(t.start, t.end, person.gender, "name", person.gender is not None, t.start in in_quotes,
                                        person.display))
            elif t.capital and fold(t.text) in firsts and len(firsts[fold(t.text)]) == 1:
                person = firsts[fold(t.text)][0]
                named.add(id(person))
                mentions.append(Mention(t.start, t.end, person.gender, "name", person.gender is not None, t.start in in_quotes,
                                        person.display))
            elif t.capital and i + 1 < len(tokens) and tokens[i + 1].text in reporting_verbs() \
                    and view[t.end:tokens[i + 1].start] == " " and lower not in DETERMINERS and lower not in OTHER_PRONOUNS \
                    and not (t.text.isupper() and len(t.text) > 1):  # "the OAS said": an acronym names a body
                # "Lula said": someone the name lists do not know.
                mentions.append(Mention(t.start, t.end, None, "name", False, t.start in in_quotes))
            elif (person_noun_kind(lower := _bare(lower) if "'" in lower or "’" in lower else lower)
                  and is_person_noun(lower, self._determiner(i)) or lower in role_words() and self._role(i)) \
                    and lower not in OTHER_PRONOUNS and t.start not in self.title_positions and not self._title_of_surname(i, firsts) and not self._modifier_or_verb(i):
                before = self._determiner(i)  # "the president", "the Honduran president"
                holders = [p for p in titles.get(lower, ()) if id(p) in named]
                if not holders:  # "the ruler" after "President Dina Boluarte": the one holder of that office
                    holders = [p for p in {id(p): p for word in same_office(lower) for p in titles.get(word, ())
                                           if id(p) in named}.values()]
                if before == "the" and len(holders) == 1:  # the one person named with this title, of known gender or not
                    gender = holders[0].gender
                    mentions.append(Mention(t.start, t.end, gender, "noun", gender is not None, t.start in in_quotes,
                                            holders[0].display))
                elif (not holders or before != "the") and lower in self.told_nouns and self._definite(i):
                    # "the minister said she…", "The future president said that her…" (not the one named president)
                    mentions.append(Mention(t.start, t.end, self.told_nouns[lower], "noun", True, t.start in in_quotes))
                else:
                    mentions.append(Mention(t.start, t.end, noun_gender(lower), "noun", False, t.start in in_quotes))
        return mentions

    def _determiner(self, i: int) -> str:
        """The word before token i, or the one before a capitalised modifier: "the Fed chair", "the Senate leader"."""
        tokens = self.tokens
        if i > 1 and tokens[i - 1].capital and not tokens[i].capital and tokens[i - 2].text.lower() in DETERMINERS:
            return tokens[i - 2].text.lower()
        return tokens[i - 1].text.lower() if i else ""

    def _role(self, i: int) -> bool:
        """Token i names a person the noun lists miss: "the CEO", "the Fed chair"."""
        lower = self.tokens[i].text.lower()
        if lower in english_words("persons.toml", "person_acronyms"):
            return True
        return lower in english_words("persons.toml", "persons_after_determiner") and self._determiner(i) in DETERMINERS

    def _verb_after_subject(self, i: int) -> bool:
        """Token i, which can be a past tense, is one right after a name or a pronoun: "Ayuso accused", "she accused"."""
        tokens = self.tokens
        return i > 0 and not tokens[i].capital and "D" in lookup(tokens[i].text.lower()) \
            and (tokens[i - 1].capital or tokens[i - 1].text.lower() in PRONOUNS) \
            and self.view[tokens[i - 1].end:tokens[i].start] == " "

    def _modifier_or_verb(self, i: int) -> bool:
        """Token i, a person noun that can be an adjective or a verb, is one here: before a noun that cannot be a
        verb ("criminal proceedings", "great strength", "official statement"), after be ("are desperate"), "prior
        to", or a past tense after its subject ("Ayuso accused")."""
        tokens = self.tokens
        t = tokens[i]
        tags = lookup(t.text.lower())
        if t.capital:
            return False
        if self._verb_after_subject(i):
            return True
        if "J" not in tags:
            return False
        if i > 0 and tokens[i - 1].text.lower() in BE_HAVE and not self.view[tokens[i - 1].end:t.start].strip(" “\"‘"):
            return True
        if i + 1 >= len(tokens) or self.view[t.end:tokens[i + 1].start] != " " or tokens[i + 1].capital:
            return False
        after = tokens[i + 1].text.lower()
        if after == "to":
            return tags[0] == "J"
        following = lookup(after)
        return bool(following) and following[0] in "NS" and not set(following) & VERBS

    def _title_of_surname(self, i: int, firsts: dict) -> bool:
        """"President Ruiz", "the legislator Patricia": a person noun written against a known surname (or the
        first name of one person the text names) is part of that mention."""
        tokens = self.tokens
        if i + 1 >= len(tokens) or not tokens[i + 1].capital or self.view[tokens[i].end:tokens[i + 1].start] != " ":
            return False
        word = fold(_bare(tokens[i + 1].text))
        person = self.named(word)
        if person and person.cue:
            return tokens[i].capital
        return len(firsts.get(word, ())) == 1
