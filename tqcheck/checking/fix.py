"""`--fix` and `--diff-fix`: apply the findings' certain fixes to the files, atomically, bytes outside them kept."""
from __future__ import annotations

import codecs
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from tqcheck.errors import InputError, OutputError, held

_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


@dataclass
class Edit:
    start: int  # raw offsets into the file's decoded text, end exclusive
    end: int
    replacement: str
    finding: object


def fixable(findings, rules: dict, unsafe: bool, text: str) -> list[Edit]:
    """The edits of the findings whose detector declares a fix (safe ones, and unsafe ones when asked),
    whose span still holds the text the fix was made for, and that overlap no edit taken before them.
    A finding may say how sure its own fix is (extra["fix_safety"]): a detector that declares its fixes
    unsafe marks the cases it is certain of safe (a Markdown heading, not a short line that may be one)."""
    edits: list[Edit] = []
    for f in sorted(findings, key=lambda f: (f.start, f.end)):
        if "fix" not in f.extra:
            continue
        declared = getattr(rules.get(f.code), "fix_safety", None)
        safety = f.extra.get("fix_safety", declared) if declared else None
        if safety != "safe" and not (unsafe and safety == "unsafe"):
            continue
        if text[f.start:f.end] != f.extra.get("fix_of"):
            continue  # an HTML entity or a mapped span: the fix was made for other characters
        start, end = f.start, f.end
        if f.extra["fix"] == "":
            start, end = _whole_line(text, start, end)
        if edits and start < edits[-1].end:
            continue
        edits.append(Edit(start, end, f.extra["fix"], f))
    return edits


# Characters a bilingual file writes escaped inside a target: a fix that brings one in is not made.
_ESCAPED = {"po": '"\\\n\r\t', "xliff": "<>&", "tmx": "<>&"}


def confine(file_report, edits: list[Edit]) -> list[Edit]:
    """In a bilingual file (PO, XLIFF, TMX), the edits that change a target text and nothing else: inside
    one target, bringing in no character the format escapes, leaving the target non-empty (an emptied
    msgstr reads as untranslated). The rest stay reported, with a note. The file rewritten with them must
    read back with the same units and the same sources, or it is not fixed at all (one-line error)."""
    fmt = file_report.format
    if fmt not in _ESCAPED or not edits:
        return edits
    from tqcheck.reading import parse_text

    label, text = file_report.path, file_report.text
    old = parse_text(label, text, fmt, True, file_report.target_lang)
    targets = sorted(old.view_to_raw.span(*part.target) for part in old.bilingual.parts)
    kept = [e for e in edits if e.replacement and not any(c in _ESCAPED[fmt] for c in e.replacement)
            and any(a <= e.start and e.end <= b for a, b in targets)]
    if len(kept) < len(edits):
        left = len(edits) - len(kept)
        file_report.notes.append(f"{left} fix{'es' if left != 1 else ''} not applied: in a bilingual file a fix "
                                 "may only change a target text, without escapes and without emptying it")
    if not kept:
        return kept
    try:
        new = parse_text(label, apply(text, kept), fmt, True, file_report.target_lang)
    except InputError:
        new = None
    if (new is None or new.bilingual.source_doc.view != old.bilingual.source_doc.view
            or [p.unit for p in new.bilingual.parts] != [p.unit for p in old.bilingual.parts]):
        raise InputError(f"{label}: the fixes would change more than its target texts; not fixed")
    return kept


def _whole_line(text: str, start: int, end: int) -> tuple[int, int]:
    """A removal that empties its line takes the line and its line ending with it."""
    line_start = max(text.rfind("\n", 0, start), text.rfind("\r", 0, start)) + 1
    line_end = end
    while line_end < len(text) and text[line_end] in " \t":
        line_end += 1
    if text[line_start:start].strip() or (line_end < len(text) and text[line_end] not in "\r\n"):
        return start, end
    if text.startswith("\r\n", line_end):
        return line_start, line_end + 2
    return line_start, line_end + (1 if line_end < len(text) else 0)


def apply(text: str, edits: list[Edit]) -> str:
    parts, at = [], 0
    for e in edits:
        parts += [text[at:e.start], e.replacement]
        at = e.end
    parts.append(text[at:])
    return "".join(parts)


def encode_like(original: bytes, old_text: str, new_text: str, encoding: str | None, label: str) -> bytes:
    """`new_text` in the bytes form `original` had: its BOM, its encoding; refused when re-encoding
    `old_text` would not give back `original` exactly (so nothing outside the fixes can change)."""
    bom, enc = b"", encoding or "utf-8"
    for mark, name in _BOMS:
        if original.startswith(mark):
            bom, enc = mark, name
            break
    try:
        if bom + old_text.encode(enc) != original:
            raise InputError(f"{label}: cannot be rewritten byte for byte in {enc}; not fixed")
        return bom + new_text.encode(enc)
    except (UnicodeError, LookupError):
        raise InputError(f"{label}: cannot be rewritten in {enc}; not fixed") from None


def write_atomically(path: Path, data: bytes) -> None:
    """Write beside the file under a temporary name, keep its mode, then rename it over the file:
    the file is the old one or the new one, never half of each, even if the run is stopped.
    A symbolic link is written through and stays a link (renaming over it put a copy in its place and left
    the real file unfixed); a file nobody may write (chmod a-w) is the user's "do not change" and is refused,
    as a plain write would be for anyone but root."""
    target = Path(os.path.realpath(path))
    folder = target.parent
    try:
        mode = target.stat().st_mode & 0o7777
        if not mode & 0o222:
            raise OutputError(f"{path}: read-only (no write permission); not fixed")
        with held() as hold:
            fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tqcheck-fix", dir=folder)
            try:
                hold.release()
                with os.fdopen(fd, "wb") as fh:
                    fh.write(data)
                    fh.flush()
                    os.fsync(fh.fileno())
                os.chmod(tmp, mode)
                os.replace(tmp, target)
            except BaseException:
                try:
                    os.unlink(tmp)
                except OSError:
                    pass
                raise
    except OSError as exc:
        raise OutputError(f"{path}: cannot rewrite ({exc.strerror or exc})") from None


def unified_diff(label: str, old: str, new: str) -> str:
    import difflib

    lines = difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True),
                                 fromfile=f"a/{label.lstrip('/')}", tofile=f"b/{label.lstrip('/')}")
    return "".join(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n" for line in lines)
