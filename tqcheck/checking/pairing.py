"""Pairing translations with their originals by file name, e.g. `article.en.md` with `article.es.md`."""
from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from tqcheck.checking.inputs import Input
from tqcheck.speed import warmstart

DEFAULT_PATTERN = "{stem}.{lang}{ext}"
_LANG = r"[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})?"
_PLACEHOLDER = warmstart.regex(r"(\{stem\}|\{lang\}|\{ext\})")


def pattern_regex(pattern: str) -> re.Pattern:
    """`{stem}.{lang}{ext}` → a regex over a file's path relative to the folder being walked."""
    parts = _PLACEHOLDER.split(pattern)
    out = []
    for part in parts:
        if part == "{stem}":
            out.append(r"(?P<stem>.+?)")
        elif part == "{lang}":
            out.append(rf"(?P<lang>{_LANG})")
        elif part == "{ext}":
            out.append(r"(?P<ext>\.[A-Za-z0-9]+)")
        else:
            out.append(re.escape(part))
    return warmstart.regex("^" + "".join(out) + "$", store=False)  # from the configuration


def pair_by_name(inputs: list[Input], roots: dict[str, Path], pattern: str, target: str | None,
                 source: str | None) -> list[Input]:
    """Give each translation found with a partner in another language that partner as its source.

    The file in the target language is checked; its partner is only read. Which language is the
    target comes from `target` (flag or config), else from `source` (the other one), else no
    pairing happens and both files are checked on their own.
    """
    if not target and not source:
        return inputs
    regex = pattern_regex(pattern)
    groups: dict[tuple, dict[str, Input]] = {}
    keys: dict[int, tuple] = {}
    for item in inputs:
        root = roots.get(item.label)
        if item.path is None or root is None:
            continue
        m = regex.match(item.path.relative_to(root).as_posix())
        if not m:
            continue
        key = (str(root), m.group("stem"), m.groupdict().get("ext"))
        lang = m.group("lang").split("-")[0].split("_")[0].lower()
        groups.setdefault(key, {})[lang] = item
        keys[id(item)] = key
    out = []
    for item in inputs:
        key = keys.get(id(item))
        langs = groups.get(key, {}) if key else {}
        if len(langs) < 2:
            out.append(item)
            continue
        mine = next(lang for lang, it in langs.items() if it is item)
        tgt = target.split("-")[0].lower() if target else None
        src = source.split("-")[0].lower() if source else None
        if tgt is None:
            others = [lang for lang in langs if lang != src]
            tgt = others[0] if len(others) == 1 else None
        if tgt is None or tgt not in langs:
            out.append(item)
            continue
        if mine != tgt:
            continue  # a partner: read as the source of the file in the target language
        partner_lang = src if src in langs and src != tgt else next(lang for lang in sorted(langs) if lang != tgt)
        partner = langs[partner_lang]
        out.append(replace(item, source=partner.path, source_lang=partner_lang))
    return out
