"""Sentences whose clauses do not fit together in English: a comma between a subject and its verb."""
from __future__ import annotations

from tqcheck.finding import Severity
from tqcheck.rules.base import Covered, Detector, tagged
from tqcheck.rules.referents import quoted_spans
from tqcheck.text import tagging

NAME_RUN = 4  # at most this many capitalised words before the comma: a name or a title and a name


def _prose_sentences(ctx):
    """The tagged tokens of each segment outside quotations: the document's own tagging (`rules.base.tagged`),
    which the part-of-speech detectors share; the trailing white space a sentence's text ends with holds
    no token, so they are the tokens of its text without it."""
    view, quoted = ctx.doc.view, None
    for seg, tokens in tagged(ctx):
        text = view[seg.start:seg.end].rstrip()
        if not text or seg.block_kind in ("heading", "cell"):
            continue
        if quoted is None:
            quoted = Covered(quoted_spans(ctx))
        if seg.start in quoted or seg.start + len(text) - 1 in quoted:
            continue
        yield tokens


# Forms of the auxiliaries and the copula: after an aside's closing comma, the subject's own verb begins.
_AUXILIARIES = frozenset({"was", "were", "is", "are", "has", "have", "had", "will", "would", "can", "could", "may",
                          "might", "must", "should", "shall", "did", "does"})


def _aside_closed_before_auxiliary(tokens) -> bool:
    """The first comma after the participle is followed by an auxiliary or the copula: the participle opened an
    aside, however long, and the subject's verb comes after it."""
    for k, token in enumerate(tokens[:-1]):
        if token.text == ",":
            return tokens[k + 1].low in _AUXILIARIES
    return False


class CommaBeforeVerb(Detector):
    """What it does:
    Flags a sentence that opens with a name and puts a comma between it and its verb (`Gustavo Petro,
    responded on Monday…`, `President Ana Ruiz, announces…`). A comma that opens an aside closed by a
    second comma (`Lula, accompanied by his ministers, arrived…`, however long the agent after `by`, or however
    long the aside when an auxiliary follows its comma: `Gomba, arrested on Tuesday on …, was denied bail`), a
    number (`Smith, 45, said`) and a
    word that is no name before the comma (`However, said…` never reaches it) stay quiet.

    Why it matters:
    English never separates a subject from its verb with a single comma; the comma is where a translation
    dropped an apposition (`Petro, the president, responded`) or copied a source text's loose punctuation.

    Example:
    Gustavo Petro, responded to the accusations on Monday.

    Use instead:
    Gustavo Petro responded to the accusations on Monday.
    """

    code = "L111"
    name = "comma-before-verb"
    severity = Severity.WARNING
    family = "fluency"
    targets = ("en",)

    APPOSITION_WINDOW = 8  # a comma this many tokens after the verb closes an aside the verb opened

    def check(self, ctx):
        for tokens in _prose_sentences(ctx):
            run = 0
            while run < len(tokens) and tokens[run].is_word and tokens[run].text[0].isupper():
                run += 1
            if not 0 < run <= NAME_RUN or run + 1 >= len(tokens) or tokens[run].text != ",":
                continue
            readings = tagging.lookup(tokens[0].low)
            if readings and (run == 1 or readings[0] not in "NX"):
                continue  # "However,", "Today,": a word of the language, not a name, opens the sentence
            verb = tokens[run + 1]
            if not verb.is_word or not verb.text.islower() or tagging.lookup(verb.low)[:1] not in ("D", "Z"):
                continue
            window = self.APPOSITION_WINDOW
            if run + 2 < len(tokens) and tokens[run + 2].low == "by":
                window = len(tokens)  # a participle and its agent: the aside runs as long as the agent's name
            after = tokens[run + 2:run + 2 + window]
            if any(t.text == "," for t in after):
                continue  # "Lula, accompanied by his ministers, arrived": an aside, closed by its comma
            if _aside_closed_before_auxiliary(tokens[run + 2:]):
                continue  # "Gomba, arrested on Tuesday on allegations of …, was denied bail": a long aside, closed so
            name = tokens[run - 1]
            yield self.finding(
                name.start,
                verb.end,
                f"a comma between the subject “{name.text}” and its verb “{verb.text}”",
                suggestion=f"{name.text} {verb.text}",
            )
