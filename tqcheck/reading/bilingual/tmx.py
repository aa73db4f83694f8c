"""TMX: each `tu`'s variant in the source language (`srclang`) and its variant in the target language read into parts."""
from __future__ import annotations

from tqcheck.reading.bilingual import inline, xmlscan

LANG = "xml:lang"


def read(builder, include_fuzzy: bool) -> None:
    text = builder.text
    root = xmlscan.parse(builder)
    if root.name != "tmx":
        raise builder.error(builder.line_of(root.start), f"the root element is <{root.name}>, not <tmx>")
    header = root.find("header")
    srclang = header.attrs.get("srclang") if header is not None else None
    builder.source_lang = None if srclang in (None, "", "*all*") else srclang
    for index, tu in enumerate(root.iter("tu"), 1):
        key = tu.attrs.get("tuid") or str(index)
        span = (tu.start, tu.end)
        variants = [(v.attrs.get(LANG) or v.attrs.get("lang") or "", v) for v in tu.find_all("tuv")]
        for note in tu.find_all("note"):
            builder.note(xmlscan.text_of(text, note), note.start, note.end, span)
        source = _variant(variants, builder.source_lang) or (variants[0][1] if variants else None)
        if builder.source_lang is None and variants:
            builder.source_lang = variants[0][0] or None
        others = [(lang, v) for lang, v in variants if v is not source]
        if builder.target_lang is None and others:
            wanted = _variant(others, builder.wanted_target) if builder.wanted_target else None
            builder.target_lang = next((lang for lang, v in others if v is wanted), others[0][0]) or None
        target = _variant(others, builder.target_lang)
        seg_s = source.find("seg") if source is not None else None
        seg_t = target.find("seg") if target is not None else None
        if seg_s is None or seg_t is None or not xmlscan.text_of(text, seg_t).strip():
            builder.skip("untranslated")
            continue
        inline.add_part(builder, key, span, seg_s, seg_t)


def _variant(variants, lang: str | None):
    if lang is None:
        return None
    want = lang.lower()
    for code, v in variants:
        if code.lower() == want:
            return v
    base = want.split("-")[0]
    for code, v in variants:
        if code.lower().split("-")[0] == base:
            return v
    return None
