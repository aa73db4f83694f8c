"""Segments, blocks and alignment links are never changed once built.

They are slotted dataclasses rather than frozen ones, as a frozen one is three times as slow to build; so the
promise that nothing assigns to one is checked here: real checks run with the three classes made strict again
(built through `object.__setattr__`, as a frozen dataclass is, and refusing any assignment after), and must give
the same findings as the ordinary run."""
from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from tqcheck.checking import parts
from tqcheck.checking.check import Settings, check_document
from tqcheck.reading import parse_text
from tqcheck.text.document import Block
from tqcheck.text.segment import Segment, segment
from tqcheck.translation.align import Link

ROOT = Path(__file__).resolve().parent.parent
PARTS = (Segment, Block, Link)

SOURCES = [
    "El hospital atendió a 1.250 pacientes en 2023. La mitad tenía más de 65 años.",
    "Se administraron 0,5 mg de la dosis cada 8 horas durante el ensayo (IC95 0,2-0,8).",
    "La ministra María López dijo que \"la situación es grave\" en Lima.",
    "Los resultados se publicaron en la revista.",
    "No hubo efectos adversos graves.",
]
TARGETS = [
    "The hospital treated 1.250 patients in 2023. Half were over 65 years old.",
    "0.5 mg of the dose was given every 8 hours during the trial (95% CI 0.2-0.8).",
    "Minister María López said that \"the situation is serious\" in Lima.",
    "The results were published in the journal",
    "No hubo efectos adversos graves.",
]


def _po() -> str:
    def quoted(text: str) -> str:
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'

    head = 'msgid ""\nmsgstr ""\n"Language: en\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    return head + "\n".join(f"msgctxt \"u{i}\"\nmsgid {quoted(s)}\nmsgstr {quoted(t)}\n"
                            for i, (s, t) in enumerate(zip(SOURCES, TARGETS)))


def _xliff() -> str:
    from html import escape

    units = "".join(f'<trans-unit id="u{i}"><source>{escape(s, quote=False)}</source>'
                    f'<target state="translated">{escape(t, quote=False)}</target></trans-unit>\n'
                    for i, (s, t) in enumerate(zip(SOURCES, TARGETS)))
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
            f'<file source-language="es" target-language="en" datatype="plaintext" original="t"><body>\n{units}'
            "</body></file></xliff>\n")


def _strict(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each class built and guarded as `@dataclass(frozen=True)` builds and guards one."""
    for cls in PARTS:
        names = [f.name for f in dataclasses.fields(cls)]
        defaults = {f.name: f.default for f in dataclasses.fields(cls) if f.default is not dataclasses.MISSING}

        def init(self, *args, _names=names, _defaults=defaults, **kwargs):
            values = {**_defaults, **dict(zip(_names, args)), **kwargs}
            for name in _names:
                object.__setattr__(self, name, values[name])

        def refuse(self, name, *value):
            raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r} of {type(self).__name__}")

        monkeypatch.setattr(cls, "__init__", init)
        monkeypatch.setattr(cls, "__setattr__", refuse)
        monkeypatch.setattr(cls, "__delattr__", refuse)


def _findings(label: str, text: str, fmt: str, source: tuple[str, str] | None = None, select=None) -> list:
    doc = parse_text(label, text, fmt)
    source_doc = parse_text(source[0], source[1], "text") if source else None
    settings = Settings(select=select, engine="none", target_lang="en", source_lang="es" if source else None)
    report = check_document(doc, settings, source_doc=source_doc)
    return [(f.code, f.start, f.end, f.message) for f in report.findings]


CASES = [
    ("units.po", _po, "po", None),
    ("units.xlf", _xliff, "xliff", None),
    ("article.txt", lambda: "\n\n".join(TARGETS), "text", ("article.es.txt", "\n\n".join(SOURCES))),
    ("seed.md", lambda: (ROOT / "fixtures" / "seed_article.md").read_text(encoding="utf-8"), "markdown", None),
]


@pytest.mark.parametrize("select", [["A", "N", "Q"], None])
@pytest.mark.parametrize("label, make, fmt, source", CASES)
def test_checks_never_assign_to_segments_blocks_or_links(monkeypatch, label, make, fmt, source, select):
    text = make()
    ordinary = _findings(label, text, fmt, source, select)
    _strict(monkeypatch)
    assert _findings(label, text, fmt, source, select) == ordinary
    assert ordinary  # each text has findings of either selection, so the comparison compares something


def test_parts_of_a_long_document_never_assign_to_them(monkeypatch):
    text = (ROOT / "fixtures" / "seed_article.md").read_text(encoding="utf-8")
    doc = parse_text("seed.md", text, "markdown")
    ordinary = [(p.start, p.doc.blocks, p.segments) for p in parts.parts(doc, segment(doc), size=2000)]
    _strict(monkeypatch)
    doc = parse_text("seed.md", text, "markdown")
    strict = [(p.start, p.doc.blocks, p.segments) for p in parts.parts(doc, segment(doc), size=2000)]
    assert len(strict) > 2 and strict == ordinary


def test_the_strict_classes_refuse_an_assignment(monkeypatch):
    """The guard above could fail: under it, an assignment to any of the three is refused."""
    _strict(monkeypatch)
    built = [Segment(0, 0, 5, 0, "paragraph"), Block(0, 5), Link((0,), (0,), 1.0)]
    assert built[1].kind == "paragraph" and built[2].kind == "1-1" and built[0].end == 5
    for obj in built:
        with pytest.raises(dataclasses.FrozenInstanceError):
            obj.start = 3
