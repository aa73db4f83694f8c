"""Words split from the phrase they belong to, in Spanish, French or Portuguese order: a `kind` phrase moved
after the verb (`no contracts would be awarded of this type`), a verb's complement put before its object
(`kept unchanged its rate`), a superlative put after its noun (`the city the most visited`)."""
from __future__ import annotations

from tqcheck.finding import Severity
from tqcheck.rules.base import Detector, tagged
from tqcheck.rules.calques import assumed_source, english_words, romance_sources, source_label
from tqcheck.rules.inverted_subjects import object_participles
from tqcheck.rules.syntax import word_class
from tqcheck.rules.word_order import WordOrderRule, token_at
from tqcheck.text import tagging

CLAUSE_END = frozenset(".;:!?)”»\"—–")
# Demonstratives only: English itself moves "of any kind" to the end ("no decision was made of any kind").
KIND_DETERMINERS = frozenset(("this", "that", "these", "those", "such"))


def _closes_clause(token) -> bool:
    """The clause ends before `token`: a mark, the sentence's end, or a phrase of time or place that follows."""
    return token is None or token.text in CLAUSE_END or token.text == "," or (
        token.tag == "I" and token.low not in ("of", "that", "to", "than", "as")) or token.low in ("next", "last", "this")


def _noun_end(tokens, i) -> int | None:
    """The index after a run of at most three nouns and adjectives at `i` that ends on a noun: `interest rate`."""
    j = i
    while token_at(tokens, j) is not None and tokens[j].tag in "NSJX" and j < i + 3:
        j += 1
    return j if j > i and tokens[j - 1].tag in "NSX" else None


class KindPhraseAfterVerb(WordOrderRule, Detector):
    """What it does:
    Flags a phrase of kind (`of this type`, `of that nature`, `of such magnitude`) put after
    a passive verb, away from the noun it classifies: `no more contracts would be awarded of
    this type`, `no measure was taken of that nature`. The verb must be a participle after a
    form of `be`, the phrase must close the clause, and its determiner be a demonstrative
    (English itself moves `of any kind` to the end: `no decision was made of any kind`).
    Verbs that take `of` themselves (`accused of`, `made of`, `informed of`) stay quiet, and
    so does the phrase beside its noun (`no contracts of this type were awarded`). The kind
    nouns and the verbs are in `en/syntax.toml`.

    Why it matters:
    Spanish, French and Portuguese can leave the complement of a subject at the end of the
    clause (`no se adjudicarán más contratos de este tipo`, `aucune mesure n'a été prise de
    cette nature`); English keeps it with its noun, and at the end it reads as the verb's
    complement or as a fragment.

    Example:
    No more contracts would be awarded of this type.

    Use instead:
    No more contracts of this type would be awarded.
    """

    code = "W106"
    name = "kind-phrase-after-verb"

    def check(self, ctx):
        langs = romance_sources(ctx)
        if not langs:
            return
        kinds, of_verbs = word_class("kind_nouns"), word_class("of_participles")
        for _seg, tokens in tagged(ctx):
            for i, of in enumerate(tokens):
                if of.low != "of" or i < 2:
                    continue
                det, kind = token_at(tokens, i + 1), token_at(tokens, i + 2)
                if det is None or kind is None or det.low not in KIND_DETERMINERS or kind.low not in kinds:
                    continue
                if not _closes_clause(token_at(tokens, i + 3)):
                    continue  # "built of this type of steel"
                verb = tokens[i - 1]
                before = tokens[i - 2]
                if before.tag == "R" and i >= 3:
                    before = tokens[i - 3]  # "was then awarded of this type"
                if verb.tag not in "PD" or not verb.text.islower() or verb.low in of_verbs:
                    continue
                if before.low not in tagging.BE_HAVE - {"has", "have", "had", "having"} and before.low != "get":
                    continue
                yield self.finding(
                    of.start,
                    kind.end,
                    f"“{of.text} {det.text} {kind.text}” follows the verb, away from the noun it describes, in"
                    f" {source_label(langs)} order",
                    suggestion=f"put “{of.text} {det.text} {kind.text}” right after its noun",
                    source_lang=assumed_source(ctx, langs),
                )


class ComplementBeforeObject(WordOrderRule, Detector):
    """What it does:
    Flags a verb's complement put between the verb and a short object: `left unchanged its
    interest rate`, `kept stable the price of bread`, `keeps intact its lead`. The verb is one
    that takes an object and then a state (`leave`, `keep`, `hold`, `maintain`), the state one
    of those in `en/syntax.toml`, and the object a determiner and at most three words closing the
    clause. A long object stays quiet (`left intact the ruling that barred the sale`: English
    moves a heavy object to the end itself), and so do `leave open` and `keep quiet`, which
    English writes before an object. A hint (info), not a warning: financial wire copy writes
    `left unchanged its key rate` and scientific prose `keeping constant the temperature`.

    Why it matters:
    Spanish, French and Portuguese put the state first (`mantuvo sin cambios su tasa`,
    `a laissé inchangé son taux`, `manteve estável a taxa`); English puts the short object
    first: `left its rate unchanged`.

    Example:
    The central bank left unchanged its interest rate.

    Use instead:
    The central bank left its interest rate unchanged.
    """

    code = "W107"
    name = "complement-before-object"
    # A hint: wire copy writes "left unchanged its key rate" and science "keeping constant the temperature".
    severity = Severity.INFO

    DETERMINERS = frozenset(("its", "their", "his", "her", "our", "the", "this", "these"))

    def check(self, ctx):
        langs = romance_sources(ctx)
        if not langs:
            return
        verbs, states = word_class("state_verbs"), word_class("object_states")
        for _seg, tokens in tagged(ctx):
            for i, verb in enumerate(tokens[:-3]):
                if verb.low not in verbs or not verb.text.islower():
                    continue
                state, det = tokens[i + 1], tokens[i + 2]
                if state.low not in states or det.low not in self.DETERMINERS:
                    continue
                j = _noun_end(tokens, i + 3)
                if j is None:
                    continue
                if token_at(tokens, j) is not None and tokens[j].low == "of":
                    j = _noun_end(tokens, j + 2 if token_at(tokens, j + 1) is not None and tokens[j + 1].tag == "T" else j + 1)
                if j is None or j > i + 8 or not _closes_clause(token_at(tokens, j)):
                    continue  # a longer object: English moves a heavy one to the end itself
                obj = " ".join(t.text for t in tokens[i + 2:j])
                yield self.finding(
                    verb.start,
                    tokens[j - 1].end,
                    f"“{state.text}” comes before the object “{obj}”, in {source_label(langs)} order",
                    suggestion=f"“{verb.text} {obj} {state.text}”",
                    source_lang=assumed_source(ctx, langs),
                )


class SuperlativeAfterNoun(WordOrderRule, Detector):
    """What it does:
    Flags a superlative with its own `the` put after the noun it describes: `the city the
    most visited in the world`, `the player the most feared`, `younger women the most
    affected`. A determiner or an adjective must come before the noun, the superlative must
    be `the most`/`the least` and an adjective or a participle, and the phrase must close there
    (or a preposition or the main verb follow). An object's complement stays quiet (`made the game the most
    fun`, `found the city the most beautiful`), and so does a superlative that describes a noun
    of its own (`the year the most beautiful thing happened`).

    Why it matters:
    Spanish, French and Portuguese build the superlative after the noun with a second article
    (`la ciudad más visitada`, `la ville la plus visitée`, `a cidade mais visitada`); English
    puts it before the noun (`the most visited city`) or drops the second `the` (`the city
    most visited by tourists`).

    Example:
    Paris is the city the most visited in the world.

    Use instead:
    Paris is the most visited city in the world.
    """

    code = "W110"
    name = "superlative-after-noun"

    def check(self, ctx):
        langs = romance_sources(ctx)
        if not langs:
            return
        for _seg, tokens in tagged(ctx):
            for i in range(2, len(tokens) - 2):
                the, most, adjective = tokens[i], tokens[i + 1], tokens[i + 2]
                if the.low != "the" or most.low not in ("most", "least") or adjective.tag not in "JPD" \
                        or not adjective.text.islower():
                    continue
                noun, before = tokens[i - 1], tokens[i - 2]
                if noun.tag not in "NS" or not noun.text.islower() or not set("NS") & set(tagging.lookup(noun.low)):
                    continue
                if before.tag not in "TJU":
                    continue
                opener = token_at(tokens, i - 4 if before.tag == "J" else i - 3)
                if opener is not None and (opener.low in english_words("verbs.toml", "complement_verbs_words")
                                           or opener.low in object_participles()):
                    continue  # "made the game the most fun", "voted the player the most improved": object, complement
                after = token_at(tokens, i + 3)
                if after is not None and not (after.text in CLAUSE_END or after.text == "," or after.tag in "ZDAM"
                                              or after.tag == "I" and after.low not in ("to", "than", "as")):
                    continue  # the phrase closes, a preposition or the main verb follows
                yield self.finding(
                    noun.start,
                    adjective.end,
                    f"“{the.text} {most.text} {adjective.text}” follows its noun “{noun.text}”, in "
                    f"{source_label(langs)} order",
                    suggestion=f"“the {most.low} {adjective.low} {noun.text}”",
                    source_lang=assumed_source(ctx, langs),
                )
