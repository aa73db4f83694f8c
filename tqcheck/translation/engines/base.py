"""The interface every translation engine offers, and language-code helpers."""
from __future__ import annotations

import abc

from tqcheck.speed import warmstart

# ISO 639-1 ↔ the ISO 639-3 codes Apertium names its modes with.  Languages
# without a two-letter code (ast, hbs…) keep their three-letter code.
_ISO1_TO_ISO3 = {
    "af": "afr", "an": "arg", "ar": "ara", "az": "aze", "ba": "bak", "be": "bel",
    "bg": "bul", "br": "bre", "bs": "bos", "ca": "cat", "cs": "ces", "cv": "chv",
    "cy": "cym", "co": "cos", "da": "dan", "de": "deu", "el": "ell", "en": "eng",
    "eo": "epo", "es": "spa", "et": "est", "eu": "eus", "fa": "fas", "fi": "fin",
    "fo": "fao", "fr": "fra", "ga": "gle", "gd": "gla", "gl": "glg", "gn": "grn",
    "he": "heb", "hi": "hin", "hr": "hrv", "hu": "hun", "hy": "hye", "ia": "ina",
    "id": "ind", "is": "isl", "it": "ita", "ja": "jpn", "ka": "kat", "kk": "kaz",
    "ko": "kor", "ku": "kur", "ky": "kir", "la": "lat", "lb": "ltz", "lt": "lit",
    "lv": "lav", "mk": "mkd", "ml": "mal", "ms": "msa", "mt": "mlt", "nb": "nob",
    "nl": "nld", "nn": "nno", "no": "nor", "oc": "oci", "pl": "pol", "pt": "por",
    "qu": "que", "ro": "ron", "ru": "rus", "sc": "srd", "se": "sme", "sk": "slk",
    "sl": "slv", "sq": "sqi", "sr": "srp", "sv": "swe", "sw": "swa", "tg": "tgk",
    "tk": "tuk", "tl": "tgl", "tr": "tur", "tt": "tat", "uk": "ukr", "ur": "urd",
    "uz": "uzb", "vi": "vie", "zh": "zho",
}
_ISO3_TO_ISO1 = {v: k for k, v in _ISO1_TO_ISO3.items()}
# Bibliographic (ISO 639-2/B) spellings people still type.
_ISO3_TO_ISO1.update({
    "fre": "fr", "ger": "de", "rum": "ro", "baq": "eu", "dut": "nl", "cze": "cs",
    "slo": "sk", "alb": "sq", "wel": "cy", "ice": "is", "gre": "el", "per": "fa",
    "mac": "mk", "chi": "zh", "may": "ms", "arm": "hy", "geo": "ka",
    "zlm": "ms",  # Apertium's Malay
})

_TAG_RE = warmstart.regex(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*$")
_SUBTAG_SEPARATOR = warmstart.regex(r"[-_]")


def split_language_tag(tag: str) -> tuple[str, list[str]]:
    """Split a BCP 47 tag (`en-US`, `ca_valencia`) into its canonical base and subtags.

    The base is ISO 639-1 when one exists (`spa` → `es`), else the 3-letter code.
    """
    tag = (tag or "").strip()
    if not _TAG_RE.match(tag):
        raise ValueError(f"not a language code: {tag!r}")
    base, *subtags = _SUBTAG_SEPARATOR.split(tag)
    base = base.lower()
    return _ISO3_TO_ISO1.get(base, base), subtags


def base_language(tag: str) -> str:
    """`en-US` → `en`, `spa` → `es`, `ast` → `ast`."""
    return split_language_tag(tag)[0]


def iso3(code: str) -> str:
    """The three-letter code Apertium would use for a language (`en` → `eng`)."""
    base = base_language(code)
    return _ISO1_TO_ISO3.get(base, base)


class Engine(abc.ABC):
    """A machine-translation engine that translates batches of single sentences."""

    name: str = "engine"
    # Engine and model versions, e.g. "apertium 3.8.3 / apertium-eng-spa 0.8.1";
    # a plain attribute or a (lazy) property in subclasses.
    version: str = ""

    def version_for(self, source: str, target: str) -> str:
        """The version that decides one direction's output (a cache key part).

        Engines whose models are installed per pair override this so that
        installing another pair does not invalidate cached translations.
        """
        return self.version

    @abc.abstractmethod
    def pairs(self) -> set[tuple[str, str]]:
        """Directions offered, as canonical codes like ("en", "es")."""

    def offers(self, source: str, target: str) -> bool:
        return (base_language(source), base_language(target)) in self.pairs()

    @abc.abstractmethod
    def translate_batch(self, texts: list[str], source: str, target: str) -> list[str]:
        """Translate each text (one sentence each); same length and order as `texts`."""

    def translate_batch_detailed(
        self, texts: list[str], source: str, target: str
    ) -> list[tuple[str, list[str]]]:
        """Like translate_batch, with the words the engine did not know per text."""
        raise NotImplementedError(f"{self.name} cannot report unknown words")

    def close(self) -> None:
        """Release processes or models; the default engine holds none."""

    def __enter__(self):
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()
