"""Dropped subjects: finite verbs left without a subject by translation from pro-drop Spanish or Portuguese."""
from __future__ import annotations

import re
from functools import lru_cache

from tqcheck.speed import warmstart
from tqcheck.finding import Severity
from tqcheck.rules.base import Detector, segment_matches
from tqcheck.rules.calques import alternation, assumed_source, english_words, romance_sources, source_label

PRO_DROP = ("es", "pt")  # French always states its subject
_SINGULAR = "has|had|is|was|will|would|can|could|must|should|does|did"
_PLURAL = "have|are|were|do"


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
        for m in segment_matches(ctx, _after_that()):
            quoted = m.group("quote") is not None
            plural = m.group("aux") in _PLURAL.split("|")
            # Unquoted "said that was…" may be the demonstrative "that" as subject; a plural verb cannot be.
            severity = Severity.WARNING if quoted or plural else Severity.INFO
            yield self.finding(
                m.start(),
                m.end(),
                f"“{m.group('aux')}” has no subject: {source_label(langs)} leaves it implicit, English cannot",
                suggestion=f"add the subject: “{m.group('verb')} that he/she/they {m.group('aux')} …”",
                source_lang=assumed_source(ctx, langs),
                severity=severity,
            )


@lru_cache(maxsize=None)
def _quote_said() -> re.Pattern:
    verbs = alternation("verbs.toml", "reporting_past_words")
    return warmstart.regex(r"[”\"’»]\s*,\s*(?P<verb>%s)(?:\s+out)?\s*[.;]" % verbs)


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
    verbs = alternation("verbs.toml", "reporting_past_words")
    return warmstart.regex(r"[\"“‘«(]?\s*+(?P<verb>(?i:%s))(?:\s+out)?\s+that\b" % verbs)


class SentenceStartsWithVerb(Detector):
    """What it does:
    Flags a sentence that opens with a past-tense reporting verb and `that`, with no
    subject (`Added that the talks would go on.`).

    Why it matters:
    Spanish `Añadió que…` has its subject in the verb ending; English needs `He added that…`.

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
            if m and m.group("verb")[0].isupper():
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
        for seg in ctx.segments:
            m = _AUXILIARY_FIRST.match(view, seg.start, seg.end)
            if not m or m.group("next") in subjects or "?" in view[seg.start:seg.end]:
                continue
            yield self.finding(
                m.start("aux"),
                m.end(),
                f"the sentence starts with “{m.group('aux')}” and has no subject",
                suggestion=f"add the subject: “It {m.group('aux').lower()} …” or “He {m.group('aux').lower()} …”",
                source_lang=assumed_source(ctx, langs),
            )
