"""Subjects put after their verb where Spanish, French and Portuguese put them and English does not: in a
relative clause (`the team that leads Lionel Scaloni`), in a participle clause (`Once approved the reform,`)."""
from __future__ import annotations

from functools import lru_cache

from tqcheck.data import langdata
from tqcheck.rules.base import Detector, tagged
from tqcheck.rules.calques import assumed_source, english_words, romance_sources, source_label
from tqcheck.rules.syntax import _name_end, _name_like, word_class
from tqcheck.rules.word_order import VerbBeforeSubject, WordOrderRule, time_phrase_end, token_at
from tqcheck.text import tagging

# What may follow the subject of the inverted clause: the clause's end (or the main clause's verb: `the team
# that leads Scaloni won`), or a phrase of time or place.
# Not `of`, `to`, `as`, `by`, `with`, `into`: after them the name is an object with its complement
# (`the path that led John to the river`, `the vote that named Smith as chair`).
CLAUSE_END = frozenset(".,;:!?)”»\"—–")
AFTER_SUBJECT = frozenset(("in", "on", "at", "during", "after", "before", "since", "for", "last", "this", "and", "but",
                           "yesterday", "today", "earlier", "when", "while", "until", "because"))


@lru_cache(maxsize=None)
def time_names() -> frozenset[str]:
    """Days and months, lower case: a capitalised word that is no subject (`the law that approved Monday`)."""
    return frozenset(w.lower() for key in ("weekday_words", "month_words") for w in english_words("words.toml", key))


def _agent_noun(word: str) -> bool:
    """A noun that names who acts: a person (WordNet's noun.person), an institution or a body of people."""
    return (tagging.names_person(word) or word in english_words("words.toml", "agent_noun_words")
            or word in word_class("institutions") or word in word_class("people"))


def _person_name_end(tokens, i, bare: bool = True, surname: bool = True) -> int | None:
    """The last token of a person's name at `i`: a title and a name (`President Lula`, `Minister Carla
    Peñaloza`), or (`bare`) a known first name and a capitalised word (`Lionel Scaloni`) or (`surname`)
    a name English words cannot be (`Scaloni`)."""
    from tqcheck.rules.referents import first_names, fold

    t = token_at(tokens, i)
    if t is None or t.tag != "X" or t.low in time_names():
        return None
    nxt = token_at(tokens, i + 1)
    titled = t.low in word_class("titles")
    if not (titled or bare) or nxt is not None and nxt.tag != "X" and titled:
        return None
    if (titled or first_names().get(fold(t.text)) is not None) and nxt is not None and nxt.tag == "X":
        j = i + 1
        while token_at(tokens, j + 1) is not None and tokens[j + 1].tag == "X" and j < i + 4:
            j += 1
        return j
    end = _name_end(tokens, i) if surname else None
    return end if end is not None and _name_like(tokens[end]) else None


def _subject_end(tokens, i, names: bool, offices: bool, surname: bool = True) -> int | None:
    """The last token of a subject at `i` that names who acts: a titled name (`President Lula`); with `names`
    a person's name (`Lionel Scaloni`); with `offices` a body or an office: `Congress`, `the Senate`,
    `the minister`, `the Ministry of Health`, `the president of Brazil`."""
    end = _person_name_end(tokens, i, bare=names, surname=surname)
    if end is not None or not offices:
        return end
    t = token_at(tokens, i)
    if t is None:
        return None
    j = i + 1 if t.low == "the" else i
    while token_at(tokens, j + 1) is not None and tokens[j].tag == "J" and tokens[j].text.islower():
        j += 1  # "the Spanish government"
    head = token_at(tokens, j)
    if head is None or head.tag not in "NSX" or head.low in time_names():
        return None
    if j > i and head.tag == "X" and token_at(tokens, j + 1) is not None and tokens[j + 1].tag == "X":
        return _person_name_end(tokens, j, bare=False)  # "the President Lula"
    if not _agent_noun(head.low) or (head.tag != "X" and j == i):
        return None  # a lower-case noun needs its article: "the minister", not "minister"
    if token_at(tokens, j + 1) is not None and tokens[j + 1].low == "of":
        k = j + 2  # "the Ministry of Health", "the president of Brazil"
        while token_at(tokens, k) is not None and (tokens[k].tag == "X" or tokens[k].low == "the" and k == j + 2):
            k += 1
        if k > j + 2 and tokens[k - 1].tag == "X":
            return k - 1
    return j


class RelativeSubjectAfterVerb(WordOrderRule, Detector):
    """What it does:
    Flags a relative clause that puts its subject after its verb: `the team that leads Lionel
    Scaloni` (the team Scaloni leads), `the law that approved Congress` (the law Congress
    approved), `the goal that scored Messi`. The verb must be one whose subject is the person
    or body acting and whose object is never that person: verbs of being in charge (`lead`,
    `head`, `coach`, `chair`, `direct`), which must be followed by a person's name (after
    `lead` and `head`, which also rank one team above another, a first name and a surname or
    a title and a name), and acts of office or authorship (`approve`, `enact`, `propose`,
    `write`, `score`), followed by a person's name, a title or an institution (`Congress`,
    `the minister`). The noun the
    clause describes must not itself name a person or an institution (`the club that signed
    Lionel Messi`, `the committee that approved the minister` are English), `who` is never
    read, and the subject must close the clause (`the path that led John to the river` is
    English). A pronoun the translation put before the verb (`the team that he leads Lionel
    Scaloni`) is read too, when the name ends the clause. The verb classes are in
    `en/syntax.toml`.

    Why it matters:
    Spanish, French and Portuguese put the subject of a relative clause after its verb
    (`el equipo que dirige Lionel Scaloni`, `la loi qu'a votée le Parlement`, `a lei que
    aprovou o Congresso`). English reads the same order as subject–verb–object: the team
    leads Scaloni, the law approved Congress, the opposite of what the source says.

    Example:
    The team that leads Lionel Scaloni won the cup.

    Use instead:
    The team led by Lionel Scaloni won the cup.
    """

    code = "W105"
    name = "relative-subject-after-verb"

    def check(self, ctx):
        langs = romance_sources(ctx)
        if not langs:
            return
        ranking, acts, official = (word_class(t) for t in
                                   ("relative_ranking_verbs", "relative_act_verbs", "relative_official_verbs"))
        charge = word_class("relative_charge_verbs") | ranking
        for _seg, tokens in tagged(ctx):
            for i, relative in enumerate(tokens[:-2]):
                if relative.low not in ("that", "which") or not relative.text.islower():
                    continue
                # "the team that he leads Lionel Scaloni": a pronoun the translation added before the verb
                pronoun = tokens[i + 1].low in ("he", "she", "they") and tokens[i + 1].text.islower()
                v = i + 2 if pronoun else i + 1
                verb = token_at(tokens, v)
                if verb is None or not verb.text.islower() or verb.low not in charge | acts | official:
                    continue
                noun = self._antecedent(tokens, i)
                if noun is None or tagging.names_person(noun.low) or noun.low in word_class("people"):
                    continue
                if verb.low not in charge and _agent_noun(noun.low):
                    continue  # "the club that signed Lionel Messi", "the committee that approved the minister"
                end = _subject_end(tokens, v + 1, names=verb.low not in official, offices=verb.low not in charge,
                                   surname=verb.low not in ranking)
                if end is None:
                    continue
                after = token_at(tokens, end + 1)
                if after is not None and after.text not in CLAUSE_END and not (after.tag in "ZDAM" and after.text.islower()) \
                        and (pronoun or after.low not in AFTER_SUBJECT):
                    continue  # the clause must end with its subject, or the main clause's verb follow
                subject = " ".join(t.text for t in tokens[v + 1:end + 1])
                yield self.finding(
                    tokens[i + 1].start,
                    tokens[end].end,
                    f"“{subject}” follows the verb “{verb.text}” of a relative clause, in {source_label(langs)} order:"
                    f" in English it reads as the object",
                    suggestion=f"put the subject first: “{noun.text} {relative.text} {subject} {verb.text}”, or the passive",
                    source_lang=assumed_source(ctx, langs),
                )

    @staticmethod
    def _antecedent(tokens, i):
        """The common noun a relative at `i` describes: right before `that`, or before `, which`."""
        j = i - 1
        if tokens[i].low == "which" and token_at(tokens, j) is not None and tokens[j].text == ",":
            j -= 1
        noun = token_at(tokens, j)
        if noun is None or noun.tag not in "NS" or not noun.text.islower():
            return None
        return noun


OBJECT_PARTICIPLES_FILE = "object_participles.txt"
# Nouns of manner and time that make the phrase an adverbial, not the participle's noun: "Used this way,".
MANNER_NOUNS = frozenset(("way", "ways", "manner", "time", "times", "day", "week", "month", "year", "morning",
                          "evening", "night", "afternoon"))
# Determiners that open the noun phrase of a participle clause: "Once approved the reform,".
PHRASE_DETERMINERS = frozenset(("the", "its", "their", "his", "her", "this", "these", "those", "both", "all"))


@lru_cache(maxsize=None)
def object_participles() -> frozenset[str]:
    """`en/object_participles.txt`: participles whose passive keeps a noun phrase (`Given the risks,`)."""
    return frozenset(form for form, _lemma, _why in langdata.tab_rows("en", OBJECT_PARTICIPLES_FILE))


def bare_participle(word: str) -> bool:
    """A past participle (in -ed, or one the lexicon reads first as one) whose passive takes no noun phrase
    after it: `approved`, `signed`, `held`; not `given`, `named`, `considered` (en/object_participles.txt)."""
    if word in object_participles():
        return False
    known = tagging.lookup(word)
    return "P" in known and (word.endswith("ed") or known[:1] == "P")


class ParticipleBeforeItsNoun(WordOrderRule, Detector):
    """What it does:
    Flags a participle clause that opens a sentence with the participle before its noun:
    `Once approved the reform, the ministry will publish the rules`, `Concluded the
    meeting, the ministers left`. The participle must be followed by a determiner, a noun
    phrase, a comma and the main clause's subject and verb (a release note's `Added the label
    command, which…` has no subject of its own and stays quiet, as does `Used this way, …`).
    Participles whose passive keeps a noun phrase in English stay quiet
    (`Given the risks,`, `Named the best player of the year, she…`, `Asked the question, he
    smiled`, `Once considered the favourite,`): they are listed, from WordNet's verb frames,
    in `en/object_participles.txt`.

    Why it matters:
    Spanish, French and Portuguese open a sentence with an absolute participle clause whose
    noun follows the participle (`una vez aprobada la reforma`, `une fois conclue la réunion`,
    `uma vez aprovada a reforma`); English puts the noun first or uses a clause: `once the
    reform is approved`, `with the meeting over`.

    Example:
    Once approved the reform, the ministry will publish the rules.

    Use instead:
    Once the reform is approved, the ministry will publish the rules.
    """

    code = "W108"
    name = "participle-before-its-noun"

    def check(self, ctx):
        langs = romance_sources(ctx)
        if not langs:
            return
        for _seg, tokens in tagged(ctx):
            words = [i for i, t in enumerate(tokens[:12]) if t.is_word]
            if len(words) < 3:
                continue
            at = words[1] if tokens[words[0]].low == "once" else words[0]
            participle = tokens[at]
            if not self._participle(participle, first=at == words[0]):
                continue
            det = token_at(tokens, at + 1)
            if det is None or det.low not in PHRASE_DETERMINERS:
                continue
            j = at + 2  # the noun phrase, to a comma: "the new rules of the tax reform,"
            while token_at(tokens, j) is not None and j < at + 9 and (
                    tokens[j].tag in "NSJXU" or tokens[j].low in ("of", "the", "and") or tokens[j].tag == "$"):
                j += 1
            comma = token_at(tokens, j)
            if comma is None or comma.text != "," or tokens[j - 1].tag not in "NSXU":
                continue
            if tokens[j - 1].low in MANNER_NOUNS or not self._main_clause(tokens, j + 1):
                continue  # "Used this way, …"; "Added the label command, which …" (a note without a subject)
            yield self.finding(
                participle.start,
                tokens[j - 1].end,
                f"the participle “{participle.text}” comes before its noun, in {source_label(langs)} order",
                suggestion=f"put the noun first: “once {' '.join(t.text for t in tokens[at + 1:j])} "
                           f"{'is' if tokens[j - 1].tag != 'S' else 'are'} {participle.low}”",
                source_lang=assumed_source(ctx, langs),
            )

    @staticmethod
    def _main_clause(tokens, i) -> bool:
        """A subject and its finite verb at `i`, after the comma: `the ministry will publish`, `Messi thanked`,
        `he left`."""
        t = token_at(tokens, i)
        if t is None:
            return False
        end = i if t.low in tagging.SUBJECT_PRONOUNS - {"who"} else VerbBeforeSubject._subject_end(tokens, i)
        verb = token_at(tokens, end + 1) if end is not None else None
        return verb is not None and verb.tag in "ZDAM" and verb.text.islower()

    @staticmethod
    def _participle(token, first: bool) -> bool:
        """A bare participle, lower case after `Once`, capitalised first."""
        if first != token.text[:1].isupper() or (not first and not token.text.islower()):
            return False
        return bare_participle(token.low)


PASSIVE_AUXILIARIES = frozenset(("was", "were", "is", "are"))
SUBJECT_DETERMINERS = frozenset(("the", "a", "an", "its", "their", "his", "her", "our", "two", "three", "four", "five",
                                 "six", "seven", "eight", "nine", "ten", "several", "more", "some", "dozens", "hundreds"))


class PassiveBeforeSubject(WordOrderRule, Detector):
    """What it does:
    Flags a passive verb put before its subject after a phrase of time that opens the sentence:
    `This Monday was approved the reform of the pension system`, `Yesterday were arrested
    three men`, `On Tuesday was inaugurated the new bridge`. The verb must be a form of `be`
    and a participle, and a determiner, a number or a name must follow it. When the time
    phrase is the subject (`This Monday was declared a holiday`, `Last week was marked by
    protests`) the participle keeps a noun phrase or takes `by`, and it stays quiet; so do
    the participles of `en/object_participles.txt`.

    Why it matters:
    Spanish, French and Portuguese put the subject of a passive after the verb (`este lunes
    fue aprobada la reforma`, `hier ont été arrêtés trois hommes`, `ontem foram presos três
    homens`); English needs it first, or `there` before an indefinite one.

    Example:
    This Monday was approved the reform of the pension system.

    Use instead:
    The reform of the pension system was approved on Monday.
    """

    code = "W109"
    name = "passive-before-subject"

    def check(self, ctx):
        langs = romance_sources(ctx)
        if not langs:
            return
        for _seg, tokens in tagged(ctx):
            first = next((i for i, t in enumerate(tokens[:3]) if t.is_word), None)
            when = time_phrase_end(tokens, first) if first is not None else None
            if when is None or not tokens[first].text[:1].isupper():
                continue
            k = when + 1 + (token_at(tokens, when + 1) is not None and tokens[when + 1].text == ",")
            aux, second = token_at(tokens, k), token_at(tokens, k + 1)
            if aux is None or second is None:
                continue
            if aux.low in ("has", "have", "had", "will") and second.low in ("been", "be"):
                k += 1  # "has been approved", "will be opened"
            elif aux.low not in PASSIVE_AUXILIARIES:
                continue
            participle = token_at(tokens, k + 1)
            if participle is None or not participle.text.islower() or not bare_participle(participle.low):
                continue
            subject = token_at(tokens, k + 2)
            if subject is None or not (subject.low in SUBJECT_DETERMINERS or subject.tag in "UX"):
                continue
            end = k + 2
            while token_at(tokens, end + 1) is not None and tokens[end + 1].tag in "NSJXU" and end < k + 6:
                end += 1
            if tokens[end].tag not in "NSXU":
                continue
            verb = " ".join(t.text for t in tokens[tokens.index(aux):k + 2])
            yield self.finding(
                aux.start,
                tokens[end].end,
                f"the passive “{verb}” comes before its subject, in {source_label(langs)} order",
                suggestion=f"put the subject first: “{' '.join(t.text for t in tokens[k + 2:end + 1])} {verb}”",
                source_lang=assumed_source(ctx, langs),
            )
