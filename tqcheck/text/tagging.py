"""Parts of speech for English words: a lexicon lookup and a few rules of context, no model and no process.

The lexicon (`tqcheck/data/en/lexicon.txt`, built by `tools/build_en_lexicon.py` from WordNet and
wordfreq) gives each word form its possible tags, most likely first. A token takes its first tag,
then a few rules of context choose another where English grammar says so: after a determiner a
noun or an adjective (`the meeting`, `the elected`), after a modal or `to` the base verb, after a
subject pronoun a verb, after be/have a participle, and `that` after a verb is a conjunction. A
capitalised word inside a sentence is a name (tag `X`); a word the lexicon lacks is guessed from
its ending. A sentence of 40 words costs about a hundred microseconds.

Tags: N noun, S plural noun, V verb (base or present), Z verb in -s, D past tense, P past participle,
G -ing form, J adjective, R adverb, T determiner or possessive, O pronoun, I preposition, C and/or/but,
K subordinating conjunction, W wh-word or relative, M modal, A be/have/do, U number, H particle,
X name, $ possessive 's, and for punctuation the mark itself.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

from tqcheck.speed import warmstart
from tqcheck.speed.wordlist import WordList

NOMINAL = frozenset("NSJXU")
VERBS = frozenset("VZDPG")
OPENERS = frozenset("“‘\"«([—–:-")  # after one of these, a capital starts a sentence, not a name
SUBJECT_PRONOUNS = frozenset(("i", "you", "he", "she", "it", "we", "they", "who"))
BE_HAVE = frozenset(("be", "is", "am", "are", "was", "were", "been", "being", "has", "have", "had", "having"))

_TOKEN = warmstart.regex(
    r"[A-Za-zÀ-ÖØ-öø-ÿ]+(?:[-'’][A-Za-zÀ-ÖØ-öø-ÿ]+)*|\d+(?:[.,:]\d+)*|[^\sA-Za-zÀ-ÖØ-öø-ÿ\d]"
)


class Token:
    """One word, number or mark of a sentence: its text, view offsets, possible tags and the chosen one."""

    # is_word is kept, not worked out when asked: the detectors ask it of every token, some several times.
    __slots__ = ("text", "start", "end", "tags", "tag", "low", "is_word")

    def __init__(self, text: str, start: int, end: int, tags: str, low: str | None = None):
        self.text = text
        self.start = start
        self.end = end
        self.tags = tags
        self.tag = tags[0]
        self.is_word = word = text[0].isalpha()
        if low is None:
            low = text.lower().replace("’", "'") if word else text
        self.low = low

    def __repr__(self) -> str:
        return f"{self.text}/{self.tag}"


def _read_lexicon() -> dict[str, str]:
    """The buckets of a WordList form → tags, from the grouped lines `tags<TAB>form form …`."""
    text = resources.files("tqcheck.data").joinpath("en", "lexicon.txt").read_text(encoding="utf-8")
    words, values = [], []
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        tags, _, forms = line.partition("\t")
        for form in forms.split(" "):
            words.append(form)
            values.append(tags)
    return WordList.build(words, values).buckets


@lru_cache(maxsize=None)
def _lexicon() -> WordList:
    return WordList(warmstart.data("lexicon:en", _read_lexicon))


@lru_cache(maxsize=50_000)
def lookup(word: str) -> str:
    """The tags the lexicon gives a lower-case form (apostrophe written '), most likely first; "" when unknown."""
    return _lexicon().get(word) or ""


def _person_noun_buckets() -> dict[str, str]:
    text = resources.files("tqcheck.data").joinpath("en", "person_nouns.txt").read_text(encoding="utf-8")
    lines = [line for line in text.split("\n") if not line.startswith("#")]
    blank = lines.index("")
    nouns, after_determiner = [w for w in lines[:blank] if w], [w for w in lines[blank + 1:] if w]
    return WordList.build(nouns + after_determiner, ["n"] * len(nouns) + ["d"] * len(after_determiner)).buckets


@lru_cache(maxsize=None)
def person_nouns() -> WordList:
    """Person noun (`tqcheck/data/en/person_nouns.txt`, WordNet's noun.person) → "n", or "d" when it is more
    often a verb or adjective and names a person only after a determiner."""
    return WordList(warmstart.data("person_nouns", _person_noun_buckets))


_IRREGULAR_PLURALS = {"men": "man", "women": "woman", "children": "child", "people": "person"}


def names_person(word: str) -> bool:
    """A lower-case noun that can name a person (WordNet's noun.person), singular or plural: `minister`,
    `firefighters`, `policemen`. Read where a determiner stands before it, so `judge` counts."""
    people = person_nouns()
    candidates = [word, _IRREGULAR_PLURALS.get(word, "")]
    if word.endswith("s"):
        candidates += [word[:-1], word[:-2] if word.endswith("es") else "", word[:-3] + "y" if word.endswith("ies") else ""]
    if word.endswith("men"):
        candidates.append(word[:-3] + "man")  # policemen, chairwomen
    return any(c and people.get(c) for c in candidates)


def noun_with_adjective(noun: str, adjective: str) -> bool:
    """`attorney general`, `heir apparent`: a two-word English noun whose adjective comes second."""
    return bool(lookup(f"{noun}_{adjective}"))


_SUFFIX_GUESSES = (
    ("ly", "RJ"), ("ing", "GN"), ("ed", "DPJ"), ("ness", "N"), ("ment", "N"), ("tion", "N"), ("sion", "N"),
    ("ity", "N"), ("ism", "N"), ("ist", "N"), ("ous", "J"), ("ive", "JN"), ("ical", "J"), ("ic", "JN"),
    ("able", "J"), ("ible", "J"), ("ful", "J"), ("less", "J"), ("al", "JN"), ("ary", "JN"), ("ss", "N"),
    ("us", "N"), ("is", "N"), ("s", "SZ"),
)


def guess(word: str) -> str:
    """Tags for a lower-case word the lexicon lacks, from its ending; a noun when nothing tells."""
    if "-" in word:
        last = lookup(word.rsplit("-", 1)[1])
        return "J" + last.replace("J", "") if last else "JN"
    for suffix, tags in _SUFFIX_GUESSES:
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            return tags
    return "N"


def _word_tags(text: str, low: str, initial: bool) -> str:
    known = lookup(low)
    if text[0].isupper():
        if low == "i":
            return "O"
        if initial and not (text.isupper() and len(text) > 1):
            return known + "X" if known else "X"  # "Thus", "The": the word; "Chile": a name
        return "X" + known  # a capital inside a sentence (or an acronym) makes a name
    return known or guess(low)


class WordMemo:
    """What a document's word forms tag as, worked out once per form and position: a file repeats its
    words, and the tokens of every occurrence share the first one's strings (one copy of `the`)."""

    __slots__ = ("inner", "initial", "strings")

    def __init__(self):
        self.strings: dict[str, str] = {}  # one object per string: `The` and `THE` share the lower case `the`
        self.inner: dict[str, tuple] = {}  # form → (text, low, tags), or (stem, its tags, "'s", "possessive"), inside a sentence
        self.initial: dict[str, tuple] = {}  # the same for a form opening a sentence


MEMO_FORMS = 20_000  # word forms the process's memo holds before it starts afresh: a few MB at most
_MEMO: list[WordMemo] = []


def _shared_memo() -> WordMemo:
    """The process's WordMemo, shared by its documents (each repeats the language's common words: a folder's
    files are tagged with the forms the first ones worked out), started afresh past MEMO_FORMS forms so that
    a long run's memory stays bounded. Its entries are strings and tuples, never changed."""
    if not _MEMO or len(_MEMO[0].inner) + len(_MEMO[0].initial) > MEMO_FORMS:
        _MEMO[:] = [WordMemo()]
    return _MEMO[0]


def _word_entry(text: str, initial: bool, strings: dict[str, str] | None = None) -> tuple:
    low = text.lower().replace("’", "'")
    if strings is not None:
        low = strings.setdefault(low, low)
    if low.endswith("'s") and len(low) > 2 and not lookup(low):
        stem = text[:-2]
        return stem, _word_tags(stem, low[:-2], initial), text[-2:], "possessive"
    return text, low, _word_tags(text, low, initial)


def tag(view: str, start: int, end: int, memo: WordMemo | None = None) -> list[Token]:
    """The tokens of view[start:end] (one sentence), each with its tags and the one context chooses.

    `memo` (one WordMemo kept for a whole document) tags each word form once: the tokens of a
    large file then hold one copy of `the` and its lower case, not one per occurrence.
    """
    tokens: list[Token] = []
    append = tokens.append
    initial = True
    for m in _TOKEN.finditer(view, start, end):
        text = m.group()
        first = text[0]
        if first.isalpha():
            if memo is None:
                entry = _word_entry(text, initial)
            else:
                table = memo.initial if initial else memo.inner
                entry = table.get(text)
                if entry is None:
                    entry = table[text] = _word_entry(text, initial, memo.strings)
            if len(entry) == 4:  # a possessive the lexicon lacks: the word and its 's
                stem, stem_tags, suffix, _ = entry
                s, e = m.span()
                append(Token(stem, s, e - 2, stem_tags))
                append(Token(suffix, e - 2, e, "$"))
            else:
                s, e = m.span()
                append(Token(entry[0], s, e, entry[2], entry[1]))
            initial = False
        elif first.isdigit():
            s, e = m.span()
            append(Token(text, s, e, "U"))
            initial = False
        else:
            s, e = m.span()
            append(Token(text, s, e, text))
            initial = initial or text in OPENERS
    _choose(tokens)
    return tokens


DOCUMENT_TOKENS = "tagging.sentences"  # the key of a document's tagged sentences in its detectors' shared cache


def document_tokens(cache: dict, view: str, segments) -> list[list[Token]]:
    """The tagged tokens of every segment of a document, tagged once and shared by all its detectors.

    `cache` is the document's scratch space shared between detectors (rules.base.Context.cache).
    Tokens are never changed once tagged, so one list serves every reader; before it was shared,
    two families each kept their own, and a 20 MB file held two copies of some four million tokens.
    """
    found = cache.get(DOCUMENT_TOKENS)
    if found is None:
        memo = _shared_memo()
        found = cache[DOCUMENT_TOKENS] = [tag(view, seg.start, seg.end, memo) for seg in segments]
    return found


def _first_of(tags: str, wanted) -> str | None:
    return next((t for t in tags if t in wanted), None)


def _choose(tokens: list[Token]) -> None:
    """Context rules over the first tags, left to right."""
    previous: Token | None = None
    for token in tokens:
        tags = token.tags
        if previous is not None and len(tags) > 1:
            before = previous.tag
            if before in "T$U":
                # after a determiner, a possessive or a number: a noun or an adjective (`the meeting`, `the elected`)
                choice = _first_of(tags, NOMINAL)
                if choice:
                    token.tag = choice
                elif token.tag == "D" and "P" in tags:
                    token.tag = "P"
            elif before == "J" and token.tag in "VZ" and _first_of(tags, "NS"):
                token.tag = _first_of(tags, "NS")  # `new plans`, `public works`
            elif before == "M" or (previous.low == "to" and token.tag not in "TOX"):
                choice = _first_of(tags, "VA")
                if choice:
                    token.tag = choice
            elif previous.low in BE_HAVE and token.tag == "D" and "P" in tags:
                token.tag = "P"
            elif previous.low in SUBJECT_PRONOUNS and before == "O":
                choice = _first_of(tags, "ZDVAM")
                if choice:
                    token.tag = choice
            elif token.low == "that" and before in VERBS:
                token.tag = "K"
        if token.is_word or token.tag == "U":
            previous = token
        elif token.text not in "“”\"‘’'«»":
            previous = None if token.text in ".;:!?" else token
