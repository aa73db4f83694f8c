"""The shelf: a cache file whose parts load one bucket at a time; a big glossary's warm run reads only what its text asks."""
from __future__ import annotations

from conftest import run_json
from tqcheck.speed import shelf
from tqcheck.speed.terms import build

# Real es->en institution names, and generated regional offices to make a glossary of many buckets.
REAL = [("Congreso de la República", "Congress of the Republic", "Congress of Republic"),
        ("Tribunal Constitucional", "Constitutional Court", "Constitutional Tribunal"),
        ("Defensoría del Pueblo", "Ombudsman's Office", "Defender of the People")]
PLACES = ["Arequipa", "Cusco", "Piura", "Loreto", "Puno", "Tacna", "Lambayeque", "Ayacucho", "Huánuco", "Tumbes"]


def _rows(n: int) -> list[tuple[str, str, str]]:
    rows = list(REAL)
    for i in range(n):
        place = f"{PLACES[i % len(PLACES)]} {i // len(PLACES) + 1}"
        rows.append((f"Gobierno Regional de {place}", f"{place} Regional Government", f"Regional Governance of {place}"))
    return rows


def test_tables_rows_and_parts_read_back_as_the_values_they_were_built_from(tmp_path):
    terms = [t for _, good, bad in _rows(600) for t in (good, bad)]
    index, longest = build(terms)
    names = {w: None for t in terms for w in t.split() if w[:1].isupper()}
    rows = [(es, (en,), (bad,), "", f"terms.csv:{i + 2}") for i, (es, en, bad) in enumerate(_rows(600))]
    parts = {"index": shelf.Table(index, "first-word"), "longest": shelf.Table(longest),
             "names": shelf.Table(names, "first-letter"), "entries": shelf.Rows(rows), "count": shelf.Part(len(rows))}
    made = []
    path = tmp_path / "terms.shelf"

    def make():
        made.append(1)
        return parts

    for _ in range(2):  # built and written, then read from the file
        kept = shelf.stored(path, ("stamp", 1), make)
        table, long_table, name_table, entries = (kept.table("index"), kept.table("longest"), kept.table("names"),
                                                  kept.rows("entries"))
        assert len(table) == len(index) > shelf.BUCKET_SIZE * 10
        assert all(table.get(key) == value for key, value in index.items())
        assert all(long_table.get(key) == value for key, value in longest.items())
        assert table.get("congress of the republics") is None and long_table.get("senate", 0) == 0
        assert "Arequipa" in name_table and "Areqipa" not in name_table and 3 not in name_table
        assert [entries[i] for i in range(len(rows))] == rows and entries[-1] == rows[-1]
        assert kept.part("count") == len(rows)
    assert made == [1], "the second call should have read the file, not built again"


def test_a_shelf_with_another_stamp_or_cut_short_is_built_again(tmp_path):
    path = tmp_path / "terms.shelf"
    parts = {"entries": shelf.Rows([("Tribunal Constitucional", "Constitutional Court")] * 200)}
    made = []

    def make():
        made.append(1)
        return parts

    shelf.stored(path, ("glossary", 10), make)
    assert shelf.stored(path, ("glossary", 11), make).rows("entries")[199] == ("Tribunal Constitucional", "Constitutional Court")
    data = path.read_bytes()
    path.write_bytes(data[:len(data) // 2])  # a disk that filled up mid-write, say
    assert shelf.stored(path, ("glossary", 11), make).rows("entries")[0] == ("Tribunal Constitucional", "Constitutional Court")
    path.write_bytes(b"")
    shelf.stored(path, ("glossary", 11), make)
    assert made == [1, 1, 1, 1]


def test_a_big_glossary_gives_the_same_findings_cold_and_warm_and_the_warm_run_leaves_the_entries_unread(tmp_path, private_cache):
    lines = ["source term,required target term,forbidden target variants,note"]
    lines += [",".join((es, en, bad, "")) for es, en, bad in _rows(3000)]
    (tmp_path / "terms.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / ".tqcheck.toml").write_text('glossary = "terms.csv"\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text(
        "The Congress of Republic met on Monday. The Regional Governance of Tacna 12 appealed to the "
        "Constitutional Tribunal, and the Cusco 300 Regional Government said it would wait.\n", encoding="utf-8")
    cold = run_json("--engine", "none", "--select", "K101", "a.txt", cwd=tmp_path)[1]
    assert len(list(private_cache.glob("terms-*.shelf"))) == 2, "the glossary and its index were not kept"
    warm = run_json("--engine", "none", "--select", "K101", "a.txt", cwd=tmp_path)[1]
    found = [(f["excerpt"], f["suggestion"]) for f in cold["files"][0]["findings"]]
    assert found == [("Congress of Republic", "Congress of the Republic"),
                     ("Regional Governance of Tacna 12", "Tacna 12 Regional Government"),
                     ("Constitutional Tribunal", "Constitutional Court")]
    assert warm["files"][0]["findings"] == cold["files"][0]["findings"]

    # In this process, from the kept files: the entries are unmarshalled by run of 64, only where a term matched.
    from tqcheck.api import check_text

    report = check_text((tmp_path / "a.txt").read_text(encoding="utf-8"), "text", glossary=[str(tmp_path / "terms.csv")],
                        select=["K101"])
    assert [(f.excerpt, f.suggestion) for f in report.findings] == found
    from tqcheck.reading import glossary
    from tqcheck.rules import terms

    key = (str(tmp_path / "terms.csv"),)
    assert glossary._LOADED[key]._body is not None, "the parsed glossary's entries were unmarshalled"
    entries = next(value[0] for k, value in terms._INDEXES.items() if k[0] == key)
    assert len(entries) == 3003 and 0 < len(entries._runs) <= 3
