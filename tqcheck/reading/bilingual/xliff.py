"""XLIFF 1.2 (`trans-unit`: source, target, note) and 2.0 (`unit` of `segment`s, `notes`) read into parts."""
from __future__ import annotations

from tqcheck.reading.bilingual import inline, xmlscan

# Target states that mean "not translated yet" (1.2 `state`, 2.0 `state`): skipped unless --include-fuzzy.
NEW_STATES = frozenset({"new", "needs-translation", "initial"})


def read(builder, include_fuzzy: bool) -> None:
    text = builder.text
    root = xmlscan.parse(builder)
    if root.name != "xliff":
        raise builder.error(builder.line_of(root.start), f"the root element is <{root.name}>, not <xliff>")
    if root.attrs.get("version", "").startswith("2"):
        builder.source_lang = root.attrs.get("srcLang") or None
        builder.target_lang = root.attrs.get("trgLang") or None
        _read_2(builder, root, include_fuzzy)
    else:
        first = next(root.iter("file"), None)
        if first is not None:
            builder.source_lang = first.attrs.get("source-language") or None
            builder.target_lang = first.attrs.get("target-language") or None
        _read_1(builder, root, include_fuzzy)


def _read_1(builder, root, include_fuzzy: bool) -> None:
    text = builder.text
    for index, unit in enumerate(root.iter("trans-unit"), 1):
        key = unit.attrs.get("id") or str(index)
        span = (unit.start, unit.end)
        if unit.attrs.get("translate") == "no":
            builder.skip("not to translate")
            continue
        source, target = unit.find("source"), unit.find("target")
        if source is None:
            raise builder.error(builder.line_of(unit.start), f"trans-unit {key!r} has no <source>")
        for note in unit.find_all("note"):
            builder.note(xmlscan.text_of(text, note), note.start, note.end, span)
        if not _translated(builder, target, target.attrs.get("state") if target is not None else None, include_fuzzy):
            continue
        inline.add_part(builder, key, span, source, target)


def _read_2(builder, root, include_fuzzy: bool) -> None:
    text = builder.text
    for index, unit in enumerate(root.iter("unit"), 1):
        key = unit.attrs.get("id") or str(index)
        span = (unit.start, unit.end)
        if unit.attrs.get("translate") == "no":
            builder.skip("not to translate")
            continue
        notes = unit.find("notes")
        for note in notes.find_all("note") if notes is not None else ():
            builder.note(xmlscan.text_of(text, note), note.start, note.end, span)
        segments = unit.find_all("segment")
        checked_any = False
        for segment in segments:
            source, target = segment.find("source"), segment.find("target")
            if source is None:
                raise builder.error(builder.line_of(segment.start), f"segment in unit {key!r} has no <source>")
            if not _translated(builder, target, segment.attrs.get("state"), include_fuzzy, count=False):
                continue
            inline.add_part(builder, key, span, source, target)
            checked_any = True
        if not checked_any:
            builder.skip(_reason(unit_state(segments), bool(segments)))


def unit_state(segments) -> str | None:
    states = {s.attrs.get("state") for s in segments}
    return "initial" if "initial" in states else None


def _reason(state: str | None, has_segments: bool) -> str:
    return "new" if state in NEW_STATES else "untranslated"


def _translated(builder, target, state: str | None, include_fuzzy: bool, count: bool = True) -> bool:
    """Whether a target is there to check; counts why not."""
    if target is None or not xmlscan.text_of(builder.text, target).strip() and not target.children:
        if count:
            builder.skip("untranslated")
        return False
    if state in NEW_STATES and not include_fuzzy:
        if count:
            builder.skip("new")
        return False
    return True
