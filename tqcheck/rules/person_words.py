"""What single words tell of a person: first names and their gender, person nouns and titles, gendered words, the
other names of an office, capitalised words that name no one, and the verbs of speech."""
from __future__ import annotations

import unicodedata
from functools import lru_cache
from importlib import resources

from tqcheck.rules.calques import english_words
from tqcheck.speed import warmstart
from tqcheck.speed.wordlist import WordList
from tqcheck.text.tagging import person_nouns

FEMALE, MALE = "f", "m"
PRONOUNS = {
    "he": MALE, "him": MALE, "his": MALE, "himself": MALE,
    "she": FEMALE, "her": FEMALE, "hers": FEMALE, "herself": FEMALE,
}
# Particles inside a name: "Arévalo de León", "Luiz Inácio Lula da Silva".
PARTICLES = frozenset({"de", "del", "da", "das", "do", "dos", "la", "le", "van", "von", "di"})
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "his", "her", "their", "its", "our", "my", "your",
                         "every", "each", "another", "any", "no"})


def fold(word: str) -> str:
    if word.isascii():  # nothing to decompose or drop: most words of an English text, at a tenth of the cost
        return word.lower()
    return "".join(ch for ch in unicodedata.normalize("NFD", word.lower()) if not unicodedata.combining(ch))


def _read_lines(*parts: str) -> list[str]:
    node = resources.files("tqcheck.data")
    for part in parts:
        node = node.joinpath(part)
    return [line for line in node.read_text(encoding="utf-8").split("\n") if not line.startswith("#")]


def _first_name_buckets() -> dict[str, str]:
    lines = _read_lines("lang", "first_names.txt")
    blank = lines.index("")
    female, male = [w for w in lines[:blank] if w], [w for w in lines[blank + 1:] if w]
    return WordList.build(female + male, [FEMALE] * len(female) + [MALE] * len(male)).buckets


@lru_cache(maxsize=None)
def first_names() -> WordList:
    """First name (folded: lower case, no accents) → "f" or "m"."""
    return WordList(warmstart.data("first_names", _first_name_buckets))


@lru_cache(maxsize=None)
def _gender_lists() -> tuple[frozenset, ...]:
    return tuple(english_words("persons.toml", key) for key in (
        "female_words", "male_words", "female_titles", "male_titles", "female_adjectives", "male_adjectives"))


@lru_cache(maxsize=65_536)
def noun_gender(word: str) -> str | None:
    """The gender a person noun says (`spokeswoman` f, `king` m), or None (`minister`)."""
    female, male, *_ = _gender_lists()
    if word in female or (word.endswith("woman") and len(word) > 5):
        return FEMALE
    if word in male or (word.endswith("man") and len(word) >= 7 and not word.endswith("woman")):
        return MALE
    return None


def gender_adjective(word: str) -> str | None:
    """The gender an adjective before a person noun says: "the first female president"."""
    _, _, _, _, female, male, *_ = _gender_lists()
    return FEMALE if word in female else MALE if word in male else None


def is_person_noun(word: str, before: str = "the") -> bool:
    """`word` names a person (`before`: the word in front of it, which a word like "judge" needs to be a determiner)."""
    kind = person_noun_kind(word)
    if kind == "d":
        # "that" before a word that is more often a verb is a relative pronoun: "acts of violence that have occurred"
        return before in DETERMINERS and before != "that" or before.endswith(("'s", "’s"))
    return kind


@lru_cache(maxsize=65_536)
def person_noun_kind(word: str) -> str | bool:
    """"d" for a word that names a person only after a determiner, else whether it names one: asked of
    nearly every word of a file, and a file repeats its words."""
    kind = person_nouns().get(word)
    if kind == "d":
        return kind
    return kind is not None or noun_gender(word) is not None or _title_compound(word)


def _title_compound(word: str) -> bool:
    """A hyphenated compound with a part that is a person noun: "president-elect", "ex-minister", "co-founder"."""
    return "-" in word and any(person_nouns().get(part) == "n" for part in word.split("-"))


@lru_cache(maxsize=65_536)
def is_title_noun(word: str) -> bool:
    """A noun that, written against a name, says what the person is ("minister", "spokeswoman", and the
    compounds "president-elect", "ex-minister", "co-founder"). Asked of every capitalised word that opens a run of
    them, and a file repeats its words."""
    return person_nouns().get(word) == "n" or noun_gender(word) is not None or _title_compound(word)


def title_gender(word: str) -> str | None:
    _, _, female, male, *_ = _gender_lists()
    word = word.rstrip(".")
    return FEMALE if word in female else MALE if word in male else None


@lru_cache(maxsize=None)
def role_words() -> frozenset[str]:
    return english_words("persons.toml", "person_acronyms") | english_words("persons.toml", "persons_after_determiner")


@lru_cache(maxsize=None)
def _offices() -> dict[str, frozenset[str]]:
    from tqcheck.data import langdata

    return {word: frozenset(group["words"]) - {word}
            for group in langdata.load("en", "persons.toml").get("same_office", ()) for word in group["words"]}


def same_office(noun: str) -> frozenset[str]:
    """The other nouns for the holder of the office `noun` names ("ruler" for "president")."""
    return _offices().get(noun, frozenset())


@lru_cache(maxsize=None)
def not_names() -> frozenset[str]:
    """Capitalised words that name no person: weekdays, months, nationalities, countries, capitals and bodies
    ("Congress", "Parliament", "Government")."""
    words = [w for key in ("weekday_words", "month_words", "nationality_words", "capital_words")
             for w in english_words("words.toml", key)]
    return frozenset(fold(w) for w in [*words, *english_words("proper_words.toml", "proper_lowercase_words"),
                                       *english_words("persons.toml", "non_person_heads")])


@lru_cache(maxsize=None)
def reporting_verbs() -> frozenset[str]:
    """The verbs that report speech (`said`, `added`): a capitalised word before one is someone who spoke."""
    return english_words("verbs.toml", "reporting_words")


@lru_cache(maxsize=None)
def function_words() -> frozenset[str]:
    return english_words("words.toml", "function_words") | DETERMINERS | frozenset(PRONOUNS) | frozenset(
        {"and", "but", "so", "yet", "while", "when", "where", "who", "what", "after", "as", "if", "then", "however"})
