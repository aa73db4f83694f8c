"""Many terms found in one pass over a text (an index of their words, kept in the cache folder), plural and possessive allowed."""
from __future__ import annotations

from tqcheck.speed import warmstart

# A word of a term, or one mark of punctuation; white space between them does not matter.
_TOKEN = warmstart.regex(r"\w+|[^\w\s]")
# After a term's last word, these endings still count as the term ("Congresses", "sites");
# the possessive needs nothing: "'s" is tokens of its own.
ENDINGS = ("es", "s")
MAX_WORDS = 16  # a longer "term" is a sentence, not a term: it is not looked for
APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'"})


def fold(token: str) -> str:
    return token.lower().translate(APOSTROPHES)


def case_sensitive(term: str) -> bool:
    """A term written with a capital (a name, an institution, an acronym) must appear with those capitals;
    a term all in lower case matches in any case ("Web site" at the start of a sentence is "web site")."""
    return any(c.isupper() for c in term)


def build(terms) -> tuple[dict, dict]:
    """The index of `terms`: each term's words, folded and joined by one space, to its number (the first of
    identical ones wins), and per first word the most words a term starting with it has. Plain data, for marshal."""
    index: dict = {}
    longest: dict = {}
    for i, term in enumerate(terms):
        words = [m.group() for m in _TOKEN.finditer(term)]
        if 0 < len(words) <= MAX_WORDS:
            folded = [fold(w) for w in words]
            index.setdefault(" ".join(folded), i)
            longest[folded[0]] = max(longest.get(folded[0], 0), len(words))
    return index, longest


class TermIndex:
    """Finds every term of a built index in a text in one pass; each match is (term number, start, end).

    At a word that starts some term, the text's next n words are looked up for each n up to the longest
    such term (longest first): a few dictionary lookups a word, whatever the size of the glossary."""

    def __init__(self, built: tuple[dict, dict], term_of):
        self.index, self.longest = built
        self.term_of = term_of  # term number -> the term as the glossary writes it

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, int]]:
        """Whole-word matches, leftmost and then longest first, none overlapping another."""
        if not self.index:
            return []
        tokens = [(fold(m.group()), m.start(), m.end()) for m in _TOKEN.finditer(text, start, len(text) if end is None else end)]
        found = []
        i = 0
        while i < len(tokens):
            best = None
            for n in range(min(self.longest.get(tokens[i][0], 0), len(tokens) - i), 0, -1):
                last = tokens[i + n - 1][0]
                head = " ".join(t[0] for t in tokens[i:i + n - 1])
                for cut in (0, *(len(e) for e in ENDINGS if last.endswith(e) and len(last) > len(e))):
                    key = (head + " " if head else "") + (last[:-cut] if cut else last)
                    term = self.index.get(key)
                    if term is not None and self._cased(text, tokens, i, i + n - 1, term, cut):
                        best = (term, i + n - 1, tokens[i + n - 1][2] - cut)
                        break
                if best is not None:
                    break
            if best is None:
                i += 1
                continue
            found.append((best[0], tokens[i][1], best[2]))
            i = best[1] + 1
        return found

    def _cased(self, text: str, tokens, i: int, j: int, term: int, cut: int) -> bool:
        written = self.term_of(term)
        if not case_sensitive(written):
            return True
        want = " ".join(m.group().translate(APOSTROPHES) for m in _TOKEN.finditer(written))
        words = [text[s:e] for _, s, e in tokens[i:j + 1]]
        if cut:
            words[-1] = words[-1][:-cut]
        return " ".join(w.translate(APOSTROPHES) for w in words) == want


def stored(name: str, stamp, make):
    """The `shelf.Shelf` of `make()`'s parts, kept in the cache folder under `name` and reused while `stamp`
    (with tqcheck's own fingerprint) is unchanged: a big glossary is parsed and built once, then a warm run
    reads only the buckets its text asks for. An unusable cache folder only means building every time;
    `stamp=None` (the files could not be looked at) builds without keeping."""
    import hashlib

    from tqcheck.speed import shelf
    from tqcheck.speed.cachedir import cache_dir

    try:
        path = cache_dir() / f"terms-{hashlib.sha1(name.encode('utf-8', 'surrogatepass')).hexdigest()[:16]}.shelf"
    except (OSError, RuntimeError, KeyError):
        path = None
    return shelf.stored(path, None if stamp is None else (warmstart.fingerprint(), stamp), make)


def clear() -> int:
    """Remove the glossaries kept in the cache folder; returns how many bytes were freed."""
    from tqcheck.speed.cachedir import cache_dir

    freed = 0
    try:
        folder = cache_dir()
        for candidate in folder.glob("terms-*"):
            freed += candidate.stat().st_size
            candidate.unlink()
    except (OSError, RuntimeError, KeyError):
        pass
    return freed
