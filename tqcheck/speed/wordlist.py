"""Large word lists that load in a blink: words bucketed by their first letters in newline-joined strings.

A frozenset of 17,000 words costs a fresh process 3 ms to build or unmarshal (every string
allocated and hashed); a few hundred bucket strings cost 0.3 ms, and a lookup is a short
substring search inside one bucket.  A run over many files probes far more often, so after
SET_AFTER probes the list builds its set once and answers from it.
"""
from __future__ import annotations

PREFIX_LENGTH = 3
SET_AFTER = 2_000  # probes: about what building the set once costs in bucket searches


class WordList:
    """Membership in a fixed word list, or (with `values`) a lookup table word → value."""

    def __init__(self, buckets: dict[str, str]):
        self.buckets = buckets  # first letters → "\nword\n…" or "\nword\tvalue\n…"
        self._probes = 0
        self._set: frozenset[str] | None = None
        self._end: str | None = None  # what ends a word in a bucket: a tab in a table, a newline in a plain list

    @classmethod
    def build(cls, words, values=None) -> "WordList":
        """From words (and, for a table, their values, in the same order)."""
        rows: dict[str, list[str]] = {}
        pairs = zip(words, values) if values is not None else ((w, None) for w in words)
        for word, value in sorted(pairs):
            rows.setdefault(word[:PREFIX_LENGTH], []).append(word if value is None else f"{word}\t{value}")
        return cls({prefix: "\n" + "\n".join(lines) + "\n" for prefix, lines in rows.items()})

    def __contains__(self, word: str) -> bool:
        bucket = self.buckets.get(word[:PREFIX_LENGTH])
        return bucket is not None and (f"\n{word}\n" in bucket or f"\n{word}\t" in bucket)

    def get(self, word: str, default: str | None = None) -> str | None:
        """The value stored with `word` (a table built with values)."""
        bucket = self.buckets.get(word[:PREFIX_LENGTH])
        if bucket is None:
            return default
        at = bucket.find(f"\n{word}\t")
        if at < 0:
            return default
        start = at + len(word) + 2
        return bucket[start:bucket.index("\n", start)]

    def among(self, words: set[str]) -> set[str]:
        """The members of `words`."""
        if self._set is None:
            self._probes += len(words)
            if self._probes < SET_AFTER:
                # `__contains__` inlined, with one search instead of two: `build` gives every line a value or
                # none does, so a word ends in a tab in a table and in a newline in a plain list, and one
                # bucket tells which this is. A sentence's words are probed in three languages' lists:
                # 3,700 probes for one article.
                if self._end is None:
                    self._end = "\t" if "\t" in next(iter(self.buckets.values()), "") else "\n"
                get, end = self.buckets.get, self._end
                return {w for w in words if (bucket := get(w[:PREFIX_LENGTH])) is not None and f"\n{w}{end}" in bucket}
            self._set = frozenset(line.partition("\t")[0] for bucket in self.buckets.values()
                                  for line in bucket.split("\n") if line)
        return words & self._set
