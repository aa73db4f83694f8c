"""Deterministic language identification: function words first, langdetect only when unsure."""
from __future__ import annotations

from collections import Counter
from functools import lru_cache

from tqcheck.data import langdata
from tqcheck.speed import warmstart

SUPPORTED = ("en", "es", "fr", "pt", "de", "it")
_WORD = warmstart.regex(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
# The winner must hold this share of the function-word hits, and there must be enough of them,
# for the cheap decision to stand; otherwise langdetect decides.
CLEAR_SHARE = 0.6
MIN_HITS = 8


@lru_cache(maxsize=None)
def function_words() -> dict[str, frozenset[str]]:
    table = langdata.load("lang", "function_words.toml")
    return {lang: frozenset(words) for lang, words in table.items()}


def words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def function_word_votes(tokens: list[str]) -> Counter:
    votes: Counter = Counter()
    for lang, vocab in function_words().items():
        votes[lang] = sum(1 for t in tokens if t in vocab)
    return votes


def detect(text: str, candidates: tuple[str, ...] = SUPPORTED) -> str | None:
    """The language of `text` among `candidates`, or None when there is too little text."""
    tokens = words(text)
    if not tokens:
        return None
    votes = function_word_votes(tokens)
    ranked = [(votes[lang], lang) for lang in candidates]
    ranked.sort(reverse=True)
    total = sum(v for v, _ in ranked)
    if ranked and ranked[0][0] >= MIN_HITS and ranked[0][0] >= CLEAR_SHARE * total:
        return ranked[0][1]
    return detect_with_profiles(text, candidates)


@lru_cache(maxsize=None)
def own_function_words() -> dict[str, frozenset[str]]:
    """Each language's function words that no other language's list holds (`los`, `the`, `des`)."""
    table = function_words()
    return {lang: vocab - frozenset().union(*(v for other, v in table.items() if other != lang))
            for lang, vocab in table.items()}


OWN_SHARE = 0.8  # of the hits on words only one language has


def detect_many(text: str, candidates: tuple[str, ...] = SUPPORTED) -> str | None:
    """The language of a large text (all the sources of a bilingual file): its own function words decide
    when one language holds OWN_SHARE of their hits; otherwise detect() does.

    Related languages share their commonest words (`de`, `la`, `que`), so over many sentences the shared
    votes rarely make the clear share detect() asks and langdetect would read the whole sample."""
    tokens = words(text)
    own = own_function_words()
    votes = sorted(((sum(1 for t in tokens if t in own[lang]), lang) for lang in candidates if lang in own),
                   reverse=True)
    total = sum(v for v, _ in votes)
    if votes and votes[0][0] >= MIN_HITS and votes[0][0] >= OWN_SHARE * total:
        return votes[0][1]
    return detect(text, candidates)


def detect_with_profiles(text: str, candidates: tuple[str, ...] = SUPPORTED) -> str | None:
    """langdetect over only the candidate profiles, seeded so that the answer is stable."""
    if len(words(text)) < 3:
        return None
    from langdetect.lang_detect_exception import LangDetectException

    detector = _factory(tuple(sorted(candidates))).create()
    detector.append(text)
    try:
        return detector.detect()
    except LangDetectException:
        return None


@lru_cache(maxsize=4)
def _factory(langs: tuple[str, ...]):
    import json
    import os

    import langdetect
    from langdetect.detector_factory import DetectorFactory
    from langdetect.utils.lang_profile import LangProfile

    folder = os.path.join(os.path.dirname(langdetect.__file__), "profiles")
    factory = DetectorFactory()
    factory.seed = 0
    for index, lang in enumerate(langs):
        with open(os.path.join(folder, lang), encoding="utf-8") as fh:
            factory.add_profile(LangProfile(**json.load(fh)), index, len(langs))
    return factory


def base(tag: str | None) -> str | None:
    """`en-US` → `en`."""
    return tag.split("-")[0].lower() if tag else None


_TAG = warmstart.regex(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")


def valid_tag(tag: str) -> bool:
    return bool(_TAG.match(tag))
