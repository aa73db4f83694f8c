"""Loading the language knowledge shipped under `tqcheck/data/`: TOML tables, word lists and generated tab-separated tables."""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

from tqcheck.speed import warmstart
from tqcheck.speed.wordlist import WordList


@lru_cache(maxsize=None)
def load(*parts: str) -> dict:
    """`load("es-en", "calques.toml")` → the parsed table, or {} when the file does not exist."""
    def parse() -> dict:
        import tomllib

        node = resources.files("tqcheck.data")
        for part in parts:
            node = node.joinpath(part)
        if not node.is_file():
            return {}
        return tomllib.loads(node.read_text(encoding="utf-8"))

    return warmstart.data("toml:" + "/".join(parts), parse)


def table(folder: str, file: str, name: str):
    """The top-level table `name` of `load(folder, file)`, or () when it has none: kept in the warm-start file on
    its own, so a run that needs one table of a large file does not read the others (calques.toml: 110–165 KB)."""
    return warmstart.data(f"toml:{folder}/{file}#{name}", lambda: load(folder, file).get(name, ()))


@lru_cache(maxsize=None)
def pair_dirs() -> tuple[str, ...]:
    """The language-pair folders shipped, e.g. ("en-es", "es-en", "fr-en", "pt-en")."""
    root = resources.files("tqcheck.data")
    return tuple(sorted(p.name for p in root.iterdir() if p.is_dir() and "-" in p.name))


def sources_for(target: str) -> list[str]:
    """Source languages with knowledge registered for `target` (a base tag)."""
    return [d.split("-")[0] for d in pair_dirs() if d.split("-")[1] == target]


@lru_cache(maxsize=None)
def common_words(lang: str = "en", name: str = "common_words") -> WordList:
    """`<lang>/<name>.txt`: a generated list of the language's words, one a line, as a fast word list; by default
    its common words (from wordfreq), or `english_only_words`, the common English words the source languages lack."""
    def build() -> dict:
        node = resources.files("tqcheck.data").joinpath(lang, f"{name}.txt")
        if not node.is_file():
            return {}
        words = [line for line in node.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
        return WordList.build(words).buckets

    return WordList(warmstart.data(f"{name}:{lang}", build))


def tab_rows(*parts: str) -> list[list[str]] | None:
    """`tab_rows("en", "clauseless_verbs.txt")` → the columns of each line of a generated tab-separated table,
    comment lines (`#`) and blank lines left out; None when the file is not shipped. Callers cache what they build."""
    node = resources.files("tqcheck.data")
    for part in parts:
        node = node.joinpath(part)
    if not node.is_file():
        return None
    return [line.split("\t") for line in node.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]
