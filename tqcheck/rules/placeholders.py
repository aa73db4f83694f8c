"""Placeholders and inline tags of a bilingual unit (XLIFF/TMX codes, PO format strings) compared with its source."""
from __future__ import annotations

from collections import Counter

from tqcheck.finding import Severity
from tqcheck.rules.base import Detector


class PlaceholderMismatch(Detector):
    """What it does:
    In an XLIFF, TMX or PO file, compares each unit's inline codes (`<x/>`, `<ph>`, `<g>`, `<bpt>`/`<ept>`,
    `<pc>`, `<sc/>`/`<ec/>` …, matched by their id, or by their content when they have none) and format
    strings (`%s`, `%1$d`, `%(name)s`, `{0}`, `{name}`) with its source's. It reports a placeholder the
    translation lost (on the unit's text), one it added (where it stands), and unnumbered printf
    conversions (`%s`, `%d`) whose order changed.

    Why it matters:
    Placeholders are filled by the software at run time: a lost `%s` drops a value from the message, an
    added or reordered one crashes the program or puts a number where a name belongs, and a lost `<g>`
    drops the bold or the link it carried. None of it shows in the translated prose.

    Example:
    Source: «Se han borrado %d archivos de %s.» Translation: Deleted %s files from %d.

    Use instead:
    Deleted %d files from %s. (or, where the language needs another order, numbered conversions: %2$s, %1$d)
    """

    code = "A110"
    name = "placeholder-mismatch"
    severity = Severity.ERROR
    family = "source"
    needs = frozenset({"source"})

    def check(self, ctx):
        info = getattr(ctx.doc, "bilingual", None)
        if info is None:
            return
        for part in info.parts:
            if not part.source_placeholders and not part.target_placeholders:
                continue  # plain prose on both sides (most units): nothing to compare, no counters to build
            src = Counter(p.key for p in part.source_placeholders)
            tgt = Counter(p.key for p in part.target_placeholders)
            lost = src - tgt
            for key, count in lost.items():
                shown = _shown(info, part.source_placeholders, key)
                yield self.finding(
                    *part.target if part.target[1] > part.target[0] else (part.target[0], part.target[0]),
                    f"the source's placeholder {shown} is missing from the translation"
                    + (f" ({count} times)" if count > 1 else ""),
                    suggestion=f"put {shown} back where the source has it",
                )
            extra = tgt - src
            for p in part.target_placeholders:
                if extra.get(p.key, 0) > 0:
                    extra[p.key] -= 1
                    yield self.finding(p.start, p.end, "a placeholder the source does not have",
                                       suggestion="remove it, or check that the source is the right one")
            if lost or (tgt - src):
                continue
            src_order = [p.key for p in part.source_placeholders if p.ordered]
            tgt_ordered = [p for p in part.target_placeholders if p.ordered]
            for want, p in zip(src_order, tgt_ordered):
                if want != p.key:
                    yield self.finding(p.start, p.end,
                                       f"the printf conversions are in another order than the source's ({' '.join(src_order)})",
                                       suggestion="keep the source's order, or number them (%1$s, %2$d)")
                    break


def _shown(info, placeholders, key: str) -> str:
    """The source's own text of a placeholder, e.g. `<x id="1"/>` or `%s`."""
    for p in placeholders:
        if p.key == key:
            start, end = info.source_doc.raw_span(p.start, p.end)
            text = " ".join(info.source_doc.text[start:end].split())
            return text if len(text) <= 60 else text[:59] + "…"
    return key
