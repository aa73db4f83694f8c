"""Dropped subjects: finite verbs left without a subject by translation from pro-drop Spanish or Portuguese."""
from __future__ import annotations

import re
from functools import lru_cache

from tqcheck.speed import warmstart
from tqcheck.finding import Severity
from tqcheck.rules.base import Detector, segment_matches
from tqcheck.rules.calques import alternation, assumed_source, english_words, romance_sources, source_label
from tqcheck.text import tagging

PRO_DROP = ("es", "pt")  # French always states its subject
_SINGULAR = "has|had|is|was|will|would|can|could|must|should|does|did"
_PLURAL = "have|are|were|do"
_THAT = warmstart.regex("that")  # what every match of _after_that holds (case-sensitive, as the pattern is)


@lru_cache(maxsize=None)
def _after_that() -> re.Pattern:
    # Only forms that cannot be nouns: "the reports that have…" and "a warning that was…" are relative clauses.
    forms = english_words("verbs.toml", "reporting_past_words") | {
        w for w in english_words("verbs.toml", "reporting_words") if w.endswith("ing")
    }
    forms = (forms | {"says"}) - {"reporting", "warning"}
    verbs = "|".join(sorted(forms, key=lambda w: (-len(w), w)))
    return warmstart.regex(
        r"\b(?P<verb>%s)(?:\s+out)?\s+that\s*(?P<quote>[“\"‘«]\s?)?(?P<aux>%s|%s)\b" % (verbs, _SINGULAR, _PLURAL)
    )


class SubjectlessClauseAfterThat(Detector):
    """What it does:
    Flags a reported clause with no subject: a reporting verb, `that`, then straight a
    finite verb (`stating that “has so far been unable`, `added that have no plans`).

    Why it matters:
    Spanish and Portuguese leave the subject implicit (`afirmó que “no ha podido`);
    English needs one, and without it the reader cannot tell who did what.

    Example:
    The coach admitted that “has made mistakes” this season.

    Use instead:
    The coach admitted that he “has made mistakes” this season.
    """

    code = "S101"
    name = "subjectless-clause-after-that"
    severity = Severity.WARNING
    family = "subjects"
    targets = ("en",)
    sources = PRO_DROP

    def check(self, ctx):
        langs = romance_sources(ctx, PRO_DROP)
        if not langs:
            return
        for m in segment_matches(ctx, _after_that(), gate=_THAT):
            quoted = m.group("quote") is not None
            plural = m.group("aux") in _PLURAL.split("|")
            # Unquoted "said that was…" may be the demonstrative "that" as subject; a plural verb cannot be.
            severity = Severity.WARNING if quoted or plural else Severity.INFO
            yield self.finding(
                m.start(),
                m.end(),
                f"“{m.group('aux')}” has no subject: {source_label(langs)} leaves it implicit, English cannot",
                # The pronoun agrees with the verb: "he/she has", "they have".
                suggestion=f"add the subject: “{m.group('verb')} that {'they' if plural else 'he/she'} {m.group('aux')} …”",
                source_lang=assumed_source(ctx, langs),
                severity=severity,
            )


@lru_cache(maxsize=None)
def _quote_said() -> re.Pattern:
    verbs = alternation("verbs.toml", "reporting_past_words")
    # “ closes a quotation too in text typed with the opening mark at both ends ("…together“, said.").
    return warmstart.regex(r"[”\"’»“]\s*,\s*(?P<verb>%s)(?:\s+out)?\s*[.;]" % verbs)


class QuotationWithoutSpeaker(Detector):
    """What it does:
    Flags a quotation closed by a reporting verb with no subject (`“…”, said.`).

    Why it matters:
    Spanish `“…”, dijo.` needs no subject; an English quotation must say who spoke.

    Example:
    “We will keep the border open”, added.

    Use instead:
    “We will keep the border open,” the minister added.
    """

    code = "S102"
    name = "quotation-without-speaker"
    severity = Severity.WARNING
    family = "subjects"
    targets = ("en",)
    sources = PRO_DROP

    def check(self, ctx):
        langs = romance_sources(ctx, PRO_DROP)
        if not langs:
            return
        for m in segment_matches(ctx, _quote_said()):
            yield self.finding(
                m.start(),
                m.end(),
                f"“{m.group('verb')}” has no subject: nobody is said to have spoken",
                suggestion=f"name the speaker: “…,” he {m.group('verb')}.",
                source_lang=assumed_source(ctx, langs),
            )


@lru_cache(maxsize=None)
def _verb_first() -> re.Pattern:
    verbs = alternation("verbs.toml", "reporting_past_words") + "|" + alternation("verbs.toml", "reporting_present_words")
    return warmstart.regex(r"[\"“‘«(]?\s*+(?P<verb>(?i:%s)|[A-Z][a-z]{2,}ed)(?:\s+out)?\s+that\b(?=\s+[\w“\"‘«])" % verbs)


# Participles English opens a sentence with before "that": "Provided that…", "Granted that…".
_CONJUNCTION_PARTICIPLES = frozenset(("provided", "granted", "supposed", "assumed"))


def _past_verb(word: str) -> bool:
    """A reporting verb of the lists (past, or a present that cannot be a plural noun), or any word the
    lexicon reads first as a past tense (`Denounced`, `Lamented`)."""
    low = word.lower()
    if low in english_words("verbs.toml", "reporting_past_words") or low in english_words("verbs.toml", "reporting_present_words"):
        return True
    known = tagging.lookup(low)
    # "Surprised that…", "Convinced that…" open with an adjective of feeling, which English allows
    return low not in _CONJUNCTION_PARTICIPLES and known[:1] == "D" and "J" not in known


class SentenceStartsWithVerb(Detector):
    """What it does:
    Flags a sentence that opens with a reporting verb and `that`, with no subject: a past
    (`Added that the talks would go on.`), a present that cannot be a plural noun
    (`Assures that the plan is ready.`; `Reports that…` may be one), or any word the English
    lexicon reads first as a past tense (`Denounced that the police…`).

    Why it matters:
    Spanish `Añadió que…` and `Asegura que…` have their subject in the verb ending;
    English needs `He added that…`, `She assures that…`.

    Example:
    Stressed that the company would appeal.

    Use instead:
    She stressed that the company would appeal.
    """

    code = "S103"
    name = "sentence-starts-with-verb"
    severity = Severity.WARNING
    family = "subjects"
    targets = ("en",)
    sources = PRO_DROP

    def check(self, ctx):
        langs = romance_sources(ctx, PRO_DROP)
        if not langs:
            return
        view = ctx.doc.view
        for seg in ctx.segments:
            m = _verb_first().match(view, seg.start, seg.end)
            if m and m.group("verb")[0].isupper() and _past_verb(m.group("verb")):
                yield self.finding(
                    m.start("verb"),
                    m.end(),
                    f"the sentence starts with “{m.group('verb')}” and has no subject",
                    suggestion=f"add the subject: “He {m.group('verb').lower()} that …”",
                    source_lang=assumed_source(ctx, langs),
                )


_AUXILIARY_FIRST = warmstart.regex(
    r"[\"“‘«(]?\s*+(?P<aux>Is|Are|Was|Were|(?:Has|Have|Had) been|Will be)\s+(?P<next>[a-z]+)\b"
)


class SentenceStartsWithAuxiliary(Detector):
    """What it does:
    Flags a statement (not a question) that opens with an auxiliary verb followed by a
    participle or adjective: `Was arrested on Monday.`, `Is important to act now.`

    Why it matters:
    Spanish `Fue detenido` and `Es importante` have no subject word; English needs
    `He was arrested`, `It is important`. Questions and inversions (`Were it not for`)
    start with the auxiliary too, but they have a subject after it.

    Example:
    Was released after two days in custody.

    Use instead:
    He was released after two days in custody.
    """

    code = "S104"
    name = "sentence-starts-with-auxiliary"
    severity = Severity.WARNING
    family = "subjects"
    targets = ("en",)
    sources = PRO_DROP

    def check(self, ctx):
        langs = romance_sources(ctx, PRO_DROP)
        if not langs:
            return
        subjects = english_words("words.toml", "subject_words")
        view = ctx.doc.view
        quoted = None
        for seg in ctx.segments:
            m = _AUXILIARY_FIRST.match(view, seg.start, seg.end)
            if not m or m.group("next") in subjects or "?" in view[seg.start:seg.end]:
                continue
            if quoted is None:
                from tqcheck.rules.untranslated import quoted_language_segments

                quoted = quoted_language_segments(ctx)
            if seg.index in quoted:
                continue  # an Irish sentence opening with its copula "Is", quoted on purpose
            yield self.finding(
                m.start("aux"),
                m.end(),
                f"the sentence starts with “{m.group('aux')}” and has no subject",
                suggestion=f"add the subject: “It {m.group('aux').lower()} …” or “He {m.group('aux').lower()} …”",
                source_lang=assumed_source(ctx, langs),
            )


@lru_cache(maxsize=None)
def _first_person_report() -> re.Pattern:
    verbs = alternation("verbs.toml", "first_person_report_words")
    return warmstart.regex(r"[”\"»“]\s*+,?\s*(?P<words>I\s+(?P<verb>%s))\s*[.;]" % verbs)


class FirstPersonAttribution(Detector):
    """What it does:
    Flags a quotation attributed to `I` with a present-tense reporting verb
    (`“…”, I consider.`, `“…,” I affirm.`) — in a news report, the reporter is not the speaker.

    Why it matters:
    A Spanish or Portuguese past with its accent lost reads as a first person:
    `consideró` (he considered) becomes `considero` (I consider), `afirmó` becomes
    `afirmo`. The translation then makes the reporter the speaker and drops who spoke.

    Example:
    “This is the key to playing a World Cup.” I consider.

    Use instead:
    “This is the key to playing a World Cup,” he said.
    """

    code = "S106"
    name = "first-person-attribution"
    severity = Severity.WARNING
    family = "subjects"
    targets = ("en",)
    sources = PRO_DROP

    def check(self, ctx):
        langs = romance_sources(ctx, PRO_DROP)
        if not langs:
            return
        # The quotation may end one sentence and "I consider." make the next: search across the boundary.
        for m in _first_person_report().finditer(ctx.doc.view):
            if ctx.segment_at(m.start("words")) is None:
                continue
            yield self.finding(
                m.start("words"),
                m.end(),
                f"“{m.group('words')}” after a quotation makes the writer its speaker: "
                f"{source_label(langs)} said who spoke in the verb ending, which was lost",
                suggestion=f"name the speaker: “…,” he/she {m.group('verb')}s. (or “…,” the coach said.)",
                source_lang=assumed_source(ctx, langs),
            )
