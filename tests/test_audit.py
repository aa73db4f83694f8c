"""`tqcheck audit` on a real Dask cluster: the same scores and findings as `check`, resumable, bad records as rows."""
from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT, run_tqcheck

DATA = ROOT.parent / "shared" / "data"
N_DOCS = 240


def _documents() -> list[tuple[str, str]]:
    """(id, text) of a few hundred articles rebuilt at test time from ../shared/data (never copied here):
    Spanish→English machine translations and native English news, a few sentences each."""
    groups: dict[str, list[str]] = {}
    for name, key in (("es_en.jsonl", "mt_en"), ("native_en.jsonl", "text")):
        with open(DATA / name, encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                if record.get(key):
                    groups.setdefault(record["doc_id"], []).append(record[key])
    docs = []
    for doc_id, sentences in groups.items():
        for start in range(0, len(sentences), 6):  # long documents give several
            docs.append((f"{doc_id}#{start}", "\n\n".join(sentences[start:start + 6]) + "\n"))
    assert len(docs) >= N_DOCS
    return docs[:N_DOCS]


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    """The same documents as a folder of .txt files and as JSON Lines, and `check --format json` on the folder."""
    root = tmp_path_factory.mktemp("archive")
    folder = root / "articles"
    folder.mkdir()
    docs = _documents()
    with open(root / "articles.jsonl", "w", encoding="utf-8") as out:
        for i, (ident, text) in enumerate(docs):
            (folder / f"a{i:03d}.txt").write_text(text, encoding="utf-8")
            out.write(json.dumps({"id": ident, "text": text}, ensure_ascii=False) + "\n")
    proc = run_tqcheck("check", "--engine", "none", "--format", "json", "--fail-on", "never", "--jobs", "2",
                       "articles", cwd=root)
    assert proc.returncode == 0, proc.stderr
    return root, docs, {f["path"]: f for f in json.loads(proc.stdout)["files"]}


@pytest.fixture(scope="module")
def scheduler():
    """A real distributed cluster on 127.0.0.1: a scheduler and two single-threaded worker processes."""
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None) as cluster:
        yield cluster.scheduler_address


def _read(results: Path):
    import pyarrow.parquet as pq

    return pq.read_table(results / "documents").to_pylist(), pq.read_table(results / "findings").to_pylist()


def _findings_of(findings: list[dict], ident: str) -> list[dict]:
    return [{k: v for k, v in f.items() if k != "id"} for f in findings if f["id"] == ident]


def test_audit_on_a_cluster_gives_what_check_gives_for_folders_and_json_lines(archive, scheduler):
    root, docs, checked = archive
    proc = run_tqcheck("audit", "articles", "articles.jsonl", "--out", "results", "--engine", "none",
                       "--scheduler", scheduler, "--partition-size", "25", cwd=root)
    assert proc.returncode == 0, proc.stderr
    assert "documents                 480" in proc.stdout and "error rows                0" in proc.stdout
    rows, findings = _read(root / "results")
    assert len(rows) == 2 * N_DOCS
    by_id = {r["id"]: r for r in rows}
    assert len(by_id) == 2 * N_DOCS
    n_findings = 0
    for i, (ident, _) in enumerate(docs):
        path = f"articles/a{i:03d}.txt"  # the path `check` prints
        expected = checked[path]
        for row_id in (path, ident):
            row = by_id[row_id]
            assert row["score"] == expected["score"]
            assert (row["format"], row["target_lang"], row["engine"]) == ("text", expected["target_lang"], None)
            assert _findings_of(findings, row_id) == expected["findings"]
            assert row["findings"] == len(expected["findings"])
            assert row["errors"] == sum(f["severity"] == "error" for f in expected["findings"])
            assert dict(row["by_code"]) == {c: sum(f["code"] == c for f in expected["findings"])
                                            for c in {f["code"] for f in expected["findings"]}}
            best = max(expected["segments"], key=lambda s: s["score"])
            assert row["top_segments"][0]["score"] == best["score"]
        n_findings += len(expected["findings"])
    assert n_findings >= 20  # the archive is not trivially clean: the comparison compared something
    assert any(by_id[f"articles/a{i:03d}.txt"]["score"] >= 0.5 for i in range(N_DOCS))


def test_bad_records_are_error_rows_and_parquet_input_reads_like_json_lines(archive, scheduler, tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq
    import sqlite3

    root, docs, checked = archive
    table = pa.table({"id": [d[0] for d in docs[:30]] + ["no-text"], "text": [d[1] for d in docs[:30]] + [None]})
    pq.write_table(table, tmp_path / "docs.parquet", row_group_size=12)
    bad = tmp_path / "bad.jsonl"
    bad.write_bytes(
        json.dumps({"id": "fine", "text": "The council approved the budget on Monday."}).encode() + b"\n"
        + b"{not json\n"
        + json.dumps({"id": "untitled", "body": "La pregunta es qui\u00e9n pagar\u00e1."}).encode() + b"\n"
        + b'{"id": "latin1", "text": "caf\xe9"}\n'
        + json.dumps({"text": "A record without an id is named by its line."}).encode() + b"\n")
    folder = tmp_path / "site"
    folder.mkdir()
    (folder / "good.md").write_text("The minister said that the talks would go on.\n", encoding="utf-8")
    (folder / "broken.txt").write_bytes(b"Caf\xe9 con leche, said the sign.\n")
    # A per-file budget is a SIGALRM, which a Dask worker's task thread cannot set: audit leaves it out.
    (folder / ".tqcheck.toml").write_text("timeout-per-file = 60\n", encoding="utf-8")
    before = {p: p.read_bytes() for p in (bad, tmp_path / "docs.parquet", folder / "broken.txt")}
    proc = run_tqcheck("audit", "docs.parquet", "bad.jsonl", "site", "--out", "results.sqlite", "--engine", "none",
                       "--scheduler", scheduler, "--partition-size", "10", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "error rows                5" in proc.stdout
    db = sqlite3.connect(tmp_path / "results.sqlite")
    rows = {r[0]: r[1:] for r in db.execute("SELECT id, score, error, by_code FROM documents")}
    assert len(rows) == 38
    assert rows["site/good.md"][0] is not None and rows["site/good.md"][1] is None
    assert rows["site/broken.txt"][0] is None and "not valid UTF-8" in rows["site/broken.txt"][1]
    for ident, text in docs[:30]:
        expected = checked[f"articles/a{docs.index((ident, text)):03d}.txt"]
        assert rows[ident][0] == expected["score"] and rows[ident][1] is None
        found = [dict(zip([c[0] for c in cur.description], r)) for cur in [db.execute(
            "SELECT * FROM findings WHERE id = ?", (ident,))] for r in cur.fetchall()]
        assert [{k: v for k, v in f.items() if k != "id"} for f in found] == expected["findings"]
    assert rows["no-text"][0] is None and "no 'text' key" in rows["no-text"][1]
    assert rows["fine"][1] is None and rows["fine"][0] is not None
    assert "not JSON" in rows["bad.jsonl:2"][1]
    assert "no 'text' key" in rows["untitled"][1]
    assert "not valid UTF-8" in rows["bad.jsonl:4"][1]
    assert rows["bad.jsonl:5"][1] is None
    assert before == {p: p.read_bytes() for p in before}  # the inputs are never modified


def test_a_killed_run_resumes_without_losing_or_repeating_a_document(archive):
    """The default local cluster, killed outright (SIGKILL to the whole process group) mid-way, then run again."""
    root, docs, _ = archive
    out = root / "resumed"
    args = [sys.executable, "-m", "tqcheck", "audit", "articles.jsonl", "--out", str(out), "--engine", "none",
            "--workers", "2", "--partition-size", "8"]
    proc = subprocess.Popen(args, cwd=root, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    try:
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:
            manifest = out / "manifest.json"
            if manifest.is_file() and len(json.loads(manifest.read_text())["done"]) >= 3:
                break
            assert proc.poll() is None, proc.communicate()
            time.sleep(0.05)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)  # the run and the workers it started, as a crash would end them
        proc.communicate()
    done_before = len(json.loads((out / "manifest.json").read_text())["done"])
    assert done_before < N_DOCS // 8, "the run finished before it could be killed"
    # The kill may or may not land inside a write; plant the half-written part it can leave so the sweep is always tested.
    (out / "findings" / ".part-000099.parquet.tmp4242").write_bytes(b"PAR1 half")
    again = run_tqcheck(*args[3:], cwd=root)
    assert again.returncode == 0, again.stderr
    assert f"{done_before} already done" in again.stdout
    rows, _ = _read(out)
    ids = [r["id"] for r in rows]
    assert sorted(ids) == sorted(ident for ident, _ in docs)  # none missing, none twice
    assert not list(out.rglob(".*tmp*"))
    # The index covers the whole results, the killed run's partitions too, not only what the second run checked.
    assert f"the 100 most suspicious of {N_DOCS} documents" in (out / "index.html").read_text(encoding="utf-8")


def test_other_settings_exit_2_unless_restart(archive, scheduler, tmp_path):
    root, docs, _ = archive
    source = tmp_path / "few.jsonl"
    source.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in docs[:5]), encoding="utf-8")
    base = ["audit", str(source), "--out", str(tmp_path / "out"), "--engine", "none", "--scheduler", scheduler]
    assert run_tqcheck(*base).returncode == 0
    other = run_tqcheck(*base, "--select", "Q")
    assert other.returncode == 2
    assert other.stderr.strip().count("\n") == 0 and "other settings (--restart" in other.stderr
    restarted = run_tqcheck(*base, "--select", "Q", "--restart")
    assert restarted.returncode == 0, restarted.stderr
    rows, findings = _read(tmp_path / "out")
    assert len(rows) == 5 and all(f["code"].startswith("Q") for f in findings)


def test_an_unreachable_scheduler_is_one_line_and_exit_2(tmp_path):
    with socket.socket() as s:  # a port on this machine that nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    source = tmp_path / "one.jsonl"
    source.write_text(json.dumps({"id": "a", "text": "The mayor spoke on Monday."}) + "\n", encoding="utf-8")
    proc = run_tqcheck("audit", str(source), "--out", str(tmp_path / "out"), "--scheduler", f"tcp://127.0.0.1:{port}")
    assert proc.returncode == 2
    assert proc.stderr.startswith(f"tqcheck: error: --scheduler tcp://127.0.0.1:{port}: cannot reach it")
    assert proc.stderr.count("\n") == 1


def test_a_folder_that_is_not_an_audit_is_left_alone(tmp_path):
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("my notes\n", encoding="utf-8")
    source = tmp_path / "one.jsonl"
    source.write_text(json.dumps({"id": "a", "text": "The mayor spoke on Monday."}) + "\n", encoding="utf-8")
    proc = run_tqcheck("audit", str(source), "--out", str(tmp_path / "mine"))
    assert proc.returncode == 2 and "holds no audit" in proc.stderr
    assert [p.name for p in (tmp_path / "mine").iterdir()] == ["notes.txt"]


def test_check_does_not_import_dask_or_pyarrow(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("The mayor spoke on Monday.\n", encoding="utf-8")
    code = ("import sys, runpy\nsys.argv = ['tqcheck', 'check', '--engine', 'none', sys.argv[1]]\n"
            "try:\n    runpy.run_module('tqcheck', run_name='__main__')\nexcept SystemExit:\n    pass\n"
            "print(' '.join(sorted(m.split('.')[0] for m in sys.modules)), file=sys.stderr)\n")
    proc = subprocess.run([sys.executable, "-c", code, str(article)], capture_output=True, text=True)
    loaded = set(proc.stderr.split())
    assert "tqcheck" in loaded and not loaded & {"dask", "distributed", "pyarrow"}


def test_a_worker_lost_mid_run_is_replaced_and_the_run_completes(archive, scheduler, tmp_path):
    """One of the cluster's two worker processes is killed (SIGKILL) while the audit runs: Dask runs its
    partitions again, and every document is in the results once."""
    from distributed import Client

    root, docs, checked = archive
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-m", "tqcheck", "audit", "articles.jsonl", "--out", str(out),
                             "--engine", "none", "--scheduler", scheduler, "--partition-size", "8"],
                            cwd=root, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    with Client(scheduler, set_as_default=False) as client:
        pids = client.run(os.getpid)
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:
            manifest = out / "manifest.json"
            if manifest.is_file() and json.loads(manifest.read_text())["done"]:
                break
            assert proc.poll() is None, proc.communicate()
            time.sleep(0.05)
        os.kill(sorted(pids.values())[0], signal.SIGKILL)
        stdout, stderr = proc.communicate(timeout=600)
        client.wait_for_workers(2, timeout=120)  # the nanny restarts it, for the tests after this one
    assert proc.returncode == 0, stderr
    assert "0 already done" in stdout.decode() and "error rows                0" in stdout.decode()
    rows, _ = _read(out)
    assert sorted(r["id"] for r in rows) == sorted(ident for ident, _ in docs)
    by_id = {r["id"]: r for r in rows}
    for i, (ident, _) in enumerate(docs):
        assert by_id[ident]["score"] == checked[f"articles/a{i:03d}.txt"]["score"]


def _index_rows(page: str) -> list[tuple[str, float]]:
    """(id, score) of each document row of the HTML index, in the page's order."""
    import re
    from html import unescape

    return [(unescape(m.group(1)), float(m.group(2))) for m in re.finditer(
        r'<tr id="d\d+"><td class="num">\d+</td><td><code>([^<]*)</code>.*?<meter [^>]*></meter> ([0-9.]+)', page)]


def test_the_html_index_lists_the_most_suspicious_documents_and_the_summary_says_what_workers_did(
        archive, scheduler, tmp_path):
    """No --partition-size: 240 documents are cut into 30 partitions of 8 (at least 32 would be of under 8), so both
    workers get work; the index lists the highest scores of the results in order, with the summary table."""
    from html import unescape

    root, docs, checked = archive
    out = tmp_path / "results"
    proc = run_tqcheck("audit", "articles.jsonl", "--out", str(out), "--engine", "none", "--scheduler", scheduler,
                       "--index-top", "25", "--threshold", "0.3", cwd=root)
    assert proc.returncode == 0, proc.stderr
    manifest = json.loads((out / "manifest.json").read_text())
    assert (manifest["partitions"], manifest["settings"]["partition_size"]) == (30, 8)
    workers = next(line for line in proc.stdout.splitlines() if line.startswith("workers"))
    counts = [int(n) for n in workers.split("(")[1].split(" documents")[0].split(", ")]
    assert sum(counts) == N_DOCS and len(counts) <= 2
    assert float(workers.split(" ms CPU a document")[0].rsplit(None, 1)[1]) > 0
    assert f"index                     {out / 'index.html'}" in proc.stdout
    rows, _ = _read(out)
    expected = sorted(rows, key=lambda r: (-r["score"], r["id"]))[:25]
    page = (out / "index.html").read_text(encoding="utf-8")
    listed = _index_rows(page)
    assert [i for i, _ in listed] == [r["id"] for r in expected]
    assert [s for _, s in listed] == [float(f"{r['score']:.2f}") for r in expected]
    flagged = sum(r["score"] >= 0.3 for r in rows)
    assert 0 < flagged < N_DOCS  # the threshold splits the archive: the count below is not trivially right
    assert f"likely MT (score &gt;= 0.3)</th><td>{flagged}</td>" in page
    assert f"likely MT (score >= 0.3)  {flagged}" in proc.stdout
    top = expected[0]
    assert unescape(top["top_segments"][0]["text"]).split("\n")[0][:40] in unescape(page)
    assert "the 25 most suspicious of 240 documents" in page
    assert "script" not in page and "http" not in page.split("</head>")[1]  # self-contained, nothing fetched


def test_an_sqlite_audit_writes_its_index_only_where_asked_and_a_bad_index_path_is_exit_2(archive, scheduler, tmp_path):
    root, docs, _ = archive
    source = tmp_path / "few.jsonl"
    source.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in docs[:12]), encoding="utf-8")
    base = ["audit", str(source), "--engine", "none", "--scheduler", scheduler]
    plain = run_tqcheck(*base, "--out", str(tmp_path / "plain.sqlite"))
    assert plain.returncode == 0, plain.stderr
    assert "index " not in plain.stdout and sorted(p.name for p in tmp_path.iterdir()) == ["few.jsonl", "plain.sqlite"]
    asked = run_tqcheck(*base, "--out", str(tmp_path / "r.sqlite"), "--index", str(tmp_path / "worst.html"))
    assert asked.returncode == 0, asked.stderr
    import sqlite3

    db = sqlite3.connect(tmp_path / "r.sqlite")
    expected = [r[0] for r in db.execute("SELECT id FROM documents ORDER BY score DESC, id LIMIT 12")]
    assert [i for i, _ in _index_rows((tmp_path / "worst.html").read_text(encoding="utf-8"))] == expected
    folder = run_tqcheck(*base, "--out", str(tmp_path / "x.sqlite"), "--index", str(tmp_path))
    assert folder.returncode == 2 and folder.stderr.count("\n") == 1 and "is a folder" in folder.stderr
    assert not (tmp_path / "x.sqlite").exists()  # refused before any work


def test_with_an_engine_each_partition_translates_in_one_batch_through_the_shared_cache(archive, tmp_path):
    """`--engine apertium` on the default local cluster (two worker processes, one machine, one SQLite cache):
    the same scores and back-translations as `check`; a second audit of the same texts finds every round trip
    in the cache the first one filled, and the summary says how many it found."""
    root, docs, _ = archive
    few = docs[:6]
    folder = tmp_path / "texts"
    folder.mkdir()
    with open(tmp_path / "few.jsonl", "w", encoding="utf-8") as out:
        for i, (ident, text) in enumerate(few):
            out.write(json.dumps({"id": ident, "text": text}) + "\n")
            (folder / f"t{i}.txt").write_text(text, encoding="utf-8")
    checked = run_tqcheck("check", "--engine", "apertium", "--target-lang", "en", "--format", "json",
                          "--fail-on", "never", "--no-cache", "texts", cwd=tmp_path)
    assert checked.returncode == 0, checked.stderr
    expected = {f["path"]: f for f in json.loads(checked.stdout)["files"]}
    base = ["audit", "few.jsonl", "--engine", "apertium", "--target-lang", "en", "--workers", "2",
            "--partition-size", "2"]
    first = run_tqcheck(*base, "--out", "first", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    line = next(x for x in first.stdout.splitlines() if x.startswith("translation cache"))
    found, total = (int(n) for n in line.split()[2:5:2])
    assert total >= len(few) and found < total  # a cold cache: most round trips were made by this run
    again = run_tqcheck(*base, "--out", "again", cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    assert f"translation cache         {total} of {total} segments' round trips already there (100 %)" in again.stdout
    rows, _ = _read(tmp_path / "again")
    by_id = {r["id"]: r for r in rows}
    for i, (ident, _) in enumerate(few):
        want = expected[f"texts/t{i}.txt"]
        assert by_id[ident]["engine"] == "apertium" and by_id[ident]["score"] == want["score"]
        best = max(want["segments"], key=lambda s: (s["score"], -s["index"]))
        top = by_id[ident]["top_segments"][0]
        assert (top["score"], top["backtranslation"]) == (best["score"], best["backtranslation"])
        assert top["backtranslation"]  # a real round trip, not an empty one


def _profile_samples(dask_worker) -> int:
    """Stack samples Dask's statistical profiler holds on this worker (its history and the current cycle)."""
    return len(dask_worker.profile_history) + dask_worker.profile_recent["count"]


def test_the_local_cluster_keeps_no_profile_so_a_workers_memory_does_not_grow_with_the_archive(archive, tmp_path):
    """The default local cluster's workers run without Dask's statistical profiler, which keeps an hour of stack
    samples: measured, a worker grew from 98 MB to 178 MB over 10,000 documents with it and stayed flat without.
    Checked on the cluster `audit` itself starts, after real partitions ran on it."""
    from tqcheck.checking.config import ConfigFinder
    from tqcheck.commands.auditing import cluster, sources

    root, docs, checked = archive
    settings = {"select": [], "ignore": [], "target_lang": None, "source_lang": None, "engine": "none",
                "config": None, "encoding": None, "min_severity": None, "cache": True, "text_key": "text",
                "id_key": "id", "input_format": "text", "cwd": str(root), "top": 3}
    parts = sources.partitions([str(root / "articles.jsonl")], 40, ConfigFinder(None))

    class Rows:
        def __init__(self):
            self.rows = []

        def write(self, result):
            self.rows += result["documents"]

    store = Rows()
    client = cluster.connect(None, 2)
    try:
        cluster.run(client, parts, settings, store, cluster.Progress(len(parts), 0, 0.5, stream=open(os.devnull, "w")))
        time.sleep(1.5)  # more than a profiler cycle (1 s): samples taken during the run would be in its history
        samples = client.run(_profile_samples)
    finally:
        cluster.close(client)
    assert len(samples) == 2 and set(samples.values()) == {0}
    assert sorted(r["id"] for r in store.rows) == sorted(ident for ident, _ in docs)  # the partitions did run
    assert {r["id"]: r["score"] for r in store.rows}[docs[0][0]] == checked["articles/a000.txt"]["score"]


FUZZY_PO = '''msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Language: en\\n"

#, fuzzy
msgid "El hospital tiene 300 camas."
msgstr "The hospital has 3000 beds."

msgid "El hospital abrió en 1990."
msgstr "The hospital opened in 1990."
'''


def test_include_fuzzy_reaches_the_bilingual_files_of_an_audited_folder(scheduler, tmp_path):
    """As with `check`, a PO entry marked fuzzy is skipped unless --include-fuzzy asks for it."""
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "hospital.po").write_text(FUZZY_PO, encoding="utf-8")
    codes = {}
    for name, extra in (("plain", ()), ("fuzzy", ("--include-fuzzy",))):
        proc = run_tqcheck("audit", "site", "--out", name, "--engine", "none", "--scheduler", scheduler,
                           "--index", "none", *extra, cwd=tmp_path)
        assert proc.returncode == 0, proc.stderr
        _, findings = _read(tmp_path / name)
        codes[name] = {(f["code"], f["excerpt"]) for f in findings}
        check = run_tqcheck("check", "--engine", "none", "--format", "json", "--fail-on", "never", *extra,
                            "site/hospital.po", cwd=tmp_path)
        assert codes[name] == {(f["code"], f["excerpt"]) for f in json.loads(check.stdout)["files"][0]["findings"]}
    assert ("A103", "3000") in codes["fuzzy"] and ("A103", "3000") not in codes["plain"]
