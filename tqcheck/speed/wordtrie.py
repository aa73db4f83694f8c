"""A regular expression for a set of literal words, written as a trie so that `re` tries one branch per letter."""
from __future__ import annotations

import re


def trie_pattern(words) -> str:
    """An alternation matching exactly the strings of `words` (none empty), with common prefixes factored:
    `cel(?:ebrated|ebrates)` instead of one branch per word. Python's `re` tries every branch of a
    plain alternation at every position of the text; here a position whose letter opens no word is
    left at once. Between `\\b…\\b`, and when every word is made of word characters only, it finds
    what the plain alternation (longest first) finds, since only a whole word can end at a boundary.
    The pattern is kept in the warm-start file under its words: building it is 1.7 ms for C110's 458 verbs.
    """
    from tqcheck.speed import warmstart

    words = tuple(words)
    return warmstart.data("trie:" + "\n".join(words), lambda: _trie_pattern(words))


def _trie_pattern(words: tuple[str, ...]) -> str:
    trie: dict = {}
    for word in words:
        if not word:
            raise ValueError("an empty word would match everywhere")
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}  # the end of a word
    return _node(trie)


def _node(node: dict) -> str:
    ends = "" in node
    branches = [re.escape(ch) + _node(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:  # a word ends here and longer ones go on: the longer first, as a longest-first alternation would
        return body + "?" if len(branches) == 1 and len(body) == 1 else "(?:" + body + ")?"
    return body
