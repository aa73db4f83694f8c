"""Glossary files (CSV and TBX) read into term entries, each with its file and line; lxml only for TBX."""
from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

from tqcheck.errors import ConfigError

# Inside a CSV cell, several terms (allowed renderings, forbidden variants) are separated by `|` or `;`.
CELL_SEPARATORS = ("|", ";")
HEADER_WORDS = {"source", "source term", "source_term", "term"}
# TBX administrative statuses of a term that must not be used.
FORBIDDEN_STATUSES = ("deprecated", "superseded", "forbidden", "notrecommended", "rejected")
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@dataclass
class Entry:
    """One glossary entry: a source term (may be empty: a house-style entry) and its target terms.

    `targets` are the allowed renderings, the preferred first; `forbidden` the variants never to write."""

    source: str
    targets: tuple[str, ...]
    forbidden: tuple[str, ...] = ()
    note: str = ""
    where: str = ""  # "terms.csv:12", for messages


@dataclass
class Concept:
    """A TBX concept entry: its terms by language, each with whether it is forbidden."""

    terms: dict[str, list[tuple[str, bool]]]
    note: str
    where: str


@dataclass
class Glossary:
    """Every configured file's entries: CSV entries apply to any language pair, TBX concepts are read per pair."""

    entries: list[Entry] = field(default_factory=list)
    concepts: list[Concept] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # empty or conflicting entries, said once on stderr
    key: tuple = ()  # the files it was read from
    _by_pair: dict = field(default_factory=dict)
    _body: object = None  # the kept entries and concepts, unmarshalled on first use (see `load`)

    def for_pair(self, source_lang: str | None, target_lang: str) -> list[Entry]:
        """The entries that apply when translating `source_lang` (None: unknown) into `target_lang` (base tags)."""
        if self._body is not None:
            entries, concepts = self._body()
            self.entries, self.concepts, self._body = [Entry(*e) for e in entries], [Concept(*c) for c in concepts], None
        key = (source_lang, target_lang)
        if key not in self._by_pair:
            found = list(self.entries)
            for concept in self.concepts:
                target = concept.terms.get(target_lang, [])
                allowed = tuple(t for t, bad in target if not bad)
                if not allowed:
                    continue
                forbidden = tuple(t for t, bad in target if bad)
                sources = [t for t, bad in concept.terms.get(source_lang, []) if not bad] if source_lang else []
                for source in sources or [""]:
                    found.append(Entry(source, allowed, forbidden, concept.note, concept.where))
            self._by_pair[key] = found
        return self._by_pair[key]


_LOADED: dict[tuple[str, ...], Glossary] = {}


def load(paths) -> Glossary:
    """The glossary of these files, read once per process; a file that cannot be read is a ConfigError (exit 2)
    naming the file and line. Entries that are empty or contradict an earlier one are dropped and said once."""
    key = tuple(str(p) for p in paths)
    if key not in _LOADED:
        from tqcheck.speed.shelf import Part
        from tqcheck.speed.terms import stored

        def parts() -> dict:
            entries, concepts, problems = _plain(_parse(key))
            return {"problems": Part(problems), "body": Part((entries, concepts))}

        # A warm run reads the problems only: the entries are unmarshalled when some detector needs them
        # (the terminology detectors read their own index, kept beside, and touch an entry per match).
        kept = stored("glossary:" + cache_name(key), _stamp(key), parts)
        glossary = Glossary(problems=list(kept.part("problems")), key=key, _body=lambda: kept.part("body"))
        for problem in glossary.problems:
            print(f"tqcheck: warning: {problem}", file=sys.stderr)
        _LOADED[key] = glossary
    return _LOADED[key]


def _stamp(paths) -> tuple | None:
    """Each file's path, size and time: a parsed glossary kept in the cache folder is reused while they hold."""
    import os

    try:
        return tuple((os.path.realpath(p), st.st_size, st.st_mtime_ns) for p in paths for st in [os.stat(p)])
    except OSError:
        return None  # read it now, and say why it cannot be read


def cache_name(paths) -> str:
    """The files' real paths: one kept copy per glossary, whatever folder a run names it from."""
    import os

    return repr(tuple(os.path.realpath(p) for p in paths))


def _parse(paths) -> Glossary:
    glossary = Glossary()
    for path in paths:
        if path.lower().endswith((".tbx", ".xml")):
            _read_tbx(Path(path), glossary)
        else:
            _read_csv(Path(path), glossary)
    _check_conflicts(glossary)
    return glossary


def _plain(glossary: Glossary) -> tuple:
    """The glossary as tuples, lists and dicts only, for marshal."""
    return ([(e.source, e.targets, e.forbidden, e.note, e.where) for e in glossary.entries],
            [(c.terms, c.note, c.where) for c in glossary.concepts],
            glossary.problems)


def _text_of(path: Path) -> str:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ConfigError(f"{path}: glossary file not found") from None
    except IsADirectoryError:
        raise ConfigError(f"{path}: glossary is a directory, not a file") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read glossary ({exc.strerror})") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise ConfigError(f"{path}:{line}: glossary is not valid UTF-8 (byte {exc.start})") from None


def _split(cell: str) -> tuple[str, ...]:
    for sep in CELL_SEPARATORS[1:]:
        cell = cell.replace(sep, CELL_SEPARATORS[0])
    return tuple(t for t in (" ".join(part.split()) for part in cell.split(CELL_SEPARATORS[0])) if t)


def _read_csv(path: Path, glossary: Glossary) -> None:
    """`source term, required target term(s), forbidden target variants, note`; a header row and `#` lines are skipped."""
    import csv

    text = _text_of(path)
    if "\0" in text:
        raise ConfigError(f"{path}:{text[:text.index(chr(0))].count(chr(10)) + 1}: glossary is a binary file, not CSV")
    reader = csv.reader(text.splitlines(keepends=True), strict=True)
    try:
        for row in reader:
            line = reader.line_num
            if not row or not any(c.strip() for c in row) or row[0].lstrip().startswith("#"):
                continue
            if line == 1 and row[0].strip().lower() in HEADER_WORDS:
                continue
            if len(row) < 2 or len(row) > 4:
                raise ConfigError(f"{path}:{line}: glossary row has {len(row)} column{'s' if len(row) != 1 else ''}; "
                                  "expected 2 to 4: source term, required target term, forbidden variants, note")
            source = " ".join(row[0].split())
            targets = _split(row[1])
            forbidden = _split(row[2]) if len(row) > 2 else ()
            note = row[3].strip() if len(row) > 3 else ""
            where = f"{path}:{line}"
            if not targets:
                glossary.problems.append(f"{where}: glossary entry {source or '(empty)'!r} has no required target term; ignored")
                continue
            glossary.entries.append(Entry(source, targets, forbidden, note, where))
    except csv.Error as exc:
        raise ConfigError(f"{path}:{reader.line_num}: not valid CSV ({exc})") from None


def _read_tbx(path: Path, glossary: Glossary) -> None:
    """TBX (ISO 30042, TBX-Basic or TBX v3): concept entries, language sections, terms and their status."""
    from lxml import etree

    text = _text_of(path)
    parser = etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True, dtd_validation=False,
                             huge_tree=False, recover=False)
    try:
        body = text
        end = body.find("?>") if body.startswith("<?xml") else -1
        if end > 0:  # the text is decoded already: its encoding declaration no longer applies
            body = "".join(c if c in "\r\n" else " " for c in body[:end + 2]) + body[end + 2:]
        root = etree.fromstring(body.encode("utf-8"), parser)
    except etree.XMLSyntaxError as exc:
        first = next(iter(exc.error_log), None)
        line = (first.line if first is not None else 0) or exc.lineno or 1
        message = first.message if first is not None else str(exc)
        raise ConfigError(f"{path}:{line}: not well-formed TBX ({message.strip()})") from None
    default_lang = (root.get(XML_LANG) or "").split("-")[0].lower()
    found = 0
    for entry in root.iter():
        if not isinstance(entry.tag, str) or _local(entry.tag) not in ("termEntry", "conceptEntry"):
            continue
        found += 1
        where = f"{path}:{entry.sourceline}"
        terms: dict[str, list[tuple[str, bool]]] = {}
        notes = []
        for section in entry:
            if not isinstance(section.tag, str):
                continue
            if _local(section.tag) in ("note", "descrip", "definition"):
                notes.append(" ".join("".join(section.itertext()).split()))
            if _local(section.tag) not in ("langSet", "langSec"):
                continue
            lang = (section.get(XML_LANG) or default_lang).split("-")[0].lower()
            if not lang:
                raise ConfigError(f"{path}:{section.sourceline}: TBX language section without xml:lang")
            for term in section.iter():
                if not isinstance(term.tag, str) or _local(term.tag) != "term":
                    continue
                value = " ".join("".join(term.itertext()).split())
                if not value:
                    glossary.problems.append(f"{path}:{term.sourceline}: TBX term is empty; ignored")
                    continue
                terms.setdefault(lang, []).append((value, _forbidden(term)))
        if not terms:
            glossary.problems.append(f"{where}: TBX entry has no terms; ignored")
            continue
        glossary.concepts.append(Concept(terms, "; ".join(n for n in notes if n), where))
    if not found:
        raise ConfigError(f"{path}:{root.sourceline}: no termEntry or conceptEntry: not a TBX glossary")


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def _forbidden(term) -> bool:
    """Whether a term's group (its tig, ntig or termSec) gives it a deprecated or superseded status."""
    group = term.getparent()
    if group is not None and _local(group.tag) == "termGrp":
        group = group.getparent()
    if group is None:
        return False
    for note in group.iter():
        if not isinstance(note.tag, str) or _local(note.tag) not in ("termNote", "admin", "descrip"):
            continue
        kind = (note.get("type") or "").lower()
        if kind in ("administrativestatus", "normativeauthorization", "usagestatus"):
            value = (note.text or "").strip().lower().replace("-", "").replace(" ", "")
            if any(value.startswith(s) for s in FORBIDDEN_STATUSES):
                return True
    return False


def _check_conflicts(glossary: Glossary) -> None:
    """A source term given two different required targets: the first wins, the later one is said once and dropped."""
    first: dict[str, Entry] = {}
    kept = []
    for entry in glossary.entries:
        if entry.source:
            earlier = first.get(entry.source)
            if earlier is not None and earlier.targets[0] != entry.targets[0]:
                glossary.problems.append(
                    f"{entry.where}: glossary entry {entry.source!r} -> {entry.targets[0]!r} conflicts with "
                    f"{earlier.where} ({earlier.targets[0]!r}); the first is used")
                continue
            first.setdefault(entry.source, entry)
        kept.append(entry)
    glossary.entries = kept
