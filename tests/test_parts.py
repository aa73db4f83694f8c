"""A very large document is checked in parts of whole paragraphs (checking.parts): each part exactly as
if it were a file of its own, the findings at the whole file's offsets, and the detectors' scratch
bounded by the part size instead of growing with the file.

The part size is a module constant; the tests lower it (pytest's monkeypatch, a setting, not a test
double) so that documents of a few hundred kilobytes of real prose are cut into several parts."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tqcheck.checking import parts
from tqcheck.checking.check import Settings, check_document
from tqcheck.reading import read_document
from tqcheck.text.segment import segment

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_24777a2ba7ef8ce0.txt"
ARTICLE = SEED.read_text("utf-8").strip("\n") + "\n\n"

# Knowledge these take from the whole file stops at a part's edge (the README, "Rows 5 and 9"):
# a name's spelling seen in another part (K104), a glued word's halves seen apart elsewhere (L105),
# short lines after the article's end (B107: a part's end reads as the file's end), capitalised forms
# (L110), a pronoun's referent named in another part (S105).
DOCUMENT_LEVEL = {"B107", "K104", "L105", "L110", "S105"}

EXTRA = (
    "The minister said that the reform would pass. The minister's aides celebrated that the vote was won.\n\n"
    "Ana Ruiz, the spokeswoman, said he had not decided. The crisis political deepened on Monday, "
    "and the opposition said the reform economic was a mistake.\n\n"
    "La ministra dijo que la reforma sería aprobada el próximo martes por el Congreso.\n\n"
    "The effectivity of the measures was questioned by the alimentation committee.\n\n"
)


def _findings(text: str) -> list[tuple]:
    doc = read_document("<test>", text.encode("utf-8"), "text", target_lang="en")
    report = check_document(doc, Settings(target_lang="en", engine="none"))
    return [(f.code, f.start, f.end, f.line, f.column, f.severity, f.message, f.excerpt) for f in report.findings]


def test_a_small_document_is_one_part():
    doc = read_document("<test>", ARTICLE.encode("utf-8"), "text", target_lang="en")
    segments = segment(doc, "en")
    assert parts.cut(doc, segments) == [(0, 0, len(segments))]


def test_parts_are_whole_paragraphs_and_cover_the_file(monkeypatch):
    text = ARTICLE * 12 + EXTRA * 3
    doc = read_document("<test>", text.encode("utf-8"), "text", target_lang="en")
    segments = segment(doc, "en")
    cuts = list(parts.parts(doc, segments, size=len(ARTICLE) * 3))
    assert len(cuts) >= 4
    assert cuts[0].start == 0 and cuts[-1].end == len(doc.view)
    assert all(a.end == b.start for a, b in zip(cuts, cuts[1:]))
    assert sum(len(p.segments) for p in cuts) == len(segments)
    block_starts = {b.start for b in doc.blocks}
    for p in cuts:
        assert p.start in block_starts or p.start == 0  # no paragraph is cut in two
        assert p.doc.view == doc.view[p.start:p.end]
        for local, whole in zip(p.segments, segments[sum(len(q.segments) for q in cuts[:cuts.index(p)]):]):
            assert p.doc.view[local.start:local.end] == doc.view[whole.start:whole.end]
            assert p.doc.blocks[local.block].kind == doc.blocks[whole.block].kind


def test_a_paragraph_longer_than_twice_the_part_is_cut_between_sentences():
    one_block = " ".join(line for line in ARTICLE.split("\n") if line) * 6  # no blank line: one block
    doc = read_document("<test>", one_block.encode("utf-8"), "text", target_lang="en")
    segments = segment(doc, "en")
    assert len(doc.blocks) == 1
    cuts = list(parts.parts(doc, segments, size=2000))
    assert len(cuts) > 3
    sentence_starts = {s.start for s in segments}
    assert all(p.start in sentence_starts for p in cuts[1:])
    assert all(len(p.doc.blocks) == 1 and p.doc.blocks[0].end == len(p.doc.view) for p in cuts)


def test_each_part_is_checked_exactly_as_a_file_of_its_own(monkeypatch):
    # Parts of exactly one article each: every finding of the long file, of every detector, is the
    # article's own finding moved to that copy's offsets and lines.
    copies = 8
    alone = _findings(ARTICLE)
    assert len(alone) >= 5
    lines = ARTICLE.count("\n")
    monkeypatch.setattr(parts, "PART_CHARS", len(ARTICLE))
    in_parts = _findings(ARTICLE * copies)
    expected = sorted(
        (code, start + k * len(ARTICLE), end + k * len(ARTICLE), line + k * lines, column, msg, excerpt)
        for k in range(copies) for code, start, end, line, column, _, msg, excerpt in alone)
    # Severity aside: a term the whole file repeats is demoted to info after its first occurrences
    # (checking.merging, run over the merged findings of all parts, as over a whole file's), and says so.
    assert sorted((code, start, end, line, column, msg.split(" (repeated: ")[0], excerpt)
                  for code, start, end, line, column, _, msg, excerpt in in_parts) == expected
    assert sum(" (repeated: " in f[6] for f in in_parts) > 0


def test_local_detectors_find_the_same_in_parts_as_whole(monkeypatch):
    text = (ARTICLE + EXTRA) * 10
    whole = _findings(text)
    monkeypatch.setattr(parts, "PART_CHARS", 3 * len(ARTICLE + EXTRA) // 2)  # parts that split the mix unevenly
    in_parts = _findings(text)
    local = lambda found: sorted(f for f in found if f[0] not in DOCUMENT_LEVEL)
    assert len(local(whole)) > 50
    assert local(in_parts) == local(whole)
    assert {f[0] for f in in_parts} - DOCUMENT_LEVEL == {f[0] for f in whole} - DOCUMENT_LEVEL


_PROBE = r"""
import gc, json, sys, tracemalloc
from tqcheck.checking import parts
from tqcheck.checking.check import Settings, check_document
from tqcheck.reading import read_document

article = open(sys.argv[1], encoding="utf-8").read()
settings = Settings(target_lang="en", engine="none")
check_document(read_document("<warm-up>", article.encode("utf-8"), "text", target_lang="en"), settings)
out = []
for part, copies in json.loads(sys.argv[2]):
    parts.PART_CHARS = part
    doc = read_document("<probe>", (article * copies).encode("utf-8"), "text", target_lang="en")
    gc.collect()
    tracemalloc.start()
    report = check_document(doc, settings)
    out.append({"peak": tracemalloc.get_traced_memory()[1], "chars": len(doc.view)})
    tracemalloc.stop()
    del report, doc
print(json.dumps(out))
"""


def _peaks(tmp_path: Path, runs: list[tuple[int, int]]) -> list[dict]:
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE + EXTRA, "utf-8")
    out = subprocess.run([sys.executable, "-c", _PROBE, str(article), json.dumps(runs)],
                         capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(out.stdout)


def test_the_detectors_scratch_does_not_grow_with_the_file_beyond_the_part_size(tmp_path):
    # Memory measured in a child process (tracemalloc: what Python allocated while checking, the
    # detectors' data already loaded), for a file of about 95,000 characters and one twice that.
    # Checked whole, the second costs some 65 bytes more per added character (every sentence's tagged
    # and referent tokens kept at once); in parts of 30,000 characters, only what the file's report
    # holds (its segments and findings) grows, about 6 bytes per character.
    # The first run fills what the detectors load or memoise once per process; it is not counted.
    _, whole_small, whole_large, parts_small, parts_large = _peaks(
        tmp_path, [(10**9, 20), (10**9, 20), (10**9, 40), (30_000, 20), (30_000, 40)])
    added = whole_large["chars"] - whole_small["chars"]
    assert added > 90_000
    whole_per_char = (whole_large["peak"] - whole_small["peak"]) / added
    parts_per_char = (parts_large["peak"] - parts_small["peak"]) / added
    assert whole_per_char > 30  # the measure sees the scratch when it is there
    assert parts_per_char < whole_per_char / 3, (parts_per_char, whole_per_char)
    assert parts_large["peak"] < whole_large["peak"]


def test_lines_of_a_file_over_a_megabyte_are_indexed_a_stretch_at_a_time():
    # LineIndex splits 1 MB at a time (a 20 MB file's whole split was the run's highest peak): lines
    # that straddle a stretch's edge, and a newline right on it, are where they are.
    from tqcheck.text.document import LineIndex

    text = ARTICLE * 300  # about 1.3 MB
    edge = (1 << 20)
    text = text[:edge - 1] + "\n" + text[edge:] + "a last line without its newline"
    index = LineIndex(text)
    expected = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    assert list(index.starts) == expected
    assert index.position(edge) == (text.count("\n", 0, edge) + 1, 1)


def test_a_file_in_parts_reports_every_segment_as_a_whole_check_does(monkeypatch):
    text = (ARTICLE + EXTRA) * 4
    doc = read_document("<test>", text.encode("utf-8"), "text", target_lang="en")
    whole = check_document(doc, Settings(target_lang="en", engine="none"))
    monkeypatch.setattr(parts, "PART_CHARS", len(ARTICLE))
    doc = read_document("<test>", text.encode("utf-8"), "text", target_lang="en")
    in_parts = check_document(doc, Settings(target_lang="en", engine="none"))
    spans = lambda report: [(s.index, s.start, s.end) for s in report.segments]
    assert len(whole.segments) > 100 and spans(in_parts) == spans(whole)
    assert 0 < in_parts.score < 1
