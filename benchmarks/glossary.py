"""A 50,000-entry glossary against none: `python -m benchmarks.glossary [--entries N] [--rounds R]`.

Writes a CSV glossary of N es→en entries (the real institution names of the tests' glossary, then
generated offices of real Peruvian regions and provinces, with a forbidden variant each), times in
this process its load and the automaton's build, then times whole `tqcheck check --engine none`
runs on the seed article, with and without the glossary, interleaved (A B A B …) after one warm-up
each, and prints one Markdown row: medians [min–max] and the median paired ratio.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_24777a2ba7ef8ce0.txt"
REAL = [
    ("Congreso de la República", "Congress of the Republic", "Congress of Republic"),
    ("Ministerio de Economía y Finanzas", "Ministry of Economy and Finance", "Ministry of Economics and Finances"),
    ("Defensoría del Pueblo", "Ombudsman's Office", "Defender of the People"),
    ("Tribunal Constitucional", "Constitutional Court", "Constitutional Tribunal"),
    ("Banco Central de Reserva del Perú", "Central Reserve Bank of Peru", "Central Bank of Reserve of Peru"),
]
OFFICES = [
    ("Dirección Regional de Salud", "Regional Health Directorate", "Regional Direction of Health"),
    ("Gobierno Regional", "Regional Government", "Regional Governance"),
    ("Corte Superior de Justicia", "Superior Court of Justice", "High Court of Justice"),
    ("Fiscalía Provincial", "Provincial Prosecutor's Office", "Provincial Fiscal"),
    ("Municipalidad Provincial", "Provincial Municipality", "Provincial Town Hall"),
]
PLACES = ["Arequipa", "Cusco", "Piura", "Loreto", "Junín", "Puno", "Áncash", "Cajamarca", "Ica", "Tacna",
          "Lambayeque", "La Libertad", "Ayacucho", "Huánuco", "San Martín", "Ucayali", "Madre de Dios", "Moquegua",
          "Pasco", "Tumbes", "Amazonas", "Apurímac", "Huancavelica", "Lima", "Callao"]


def write_glossary(path: Path, entries: int) -> None:
    import csv

    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["source term", "required target term", "forbidden target variants", "note"])
        rows = list(REAL)
        n = 0
        while len(rows) < entries:
            es, en, bad = OFFICES[n % len(OFFICES)]
            place = f"{PLACES[(n // len(OFFICES)) % len(PLACES)]} {n // (len(OFFICES) * len(PLACES)) + 1}"
            rows.append((f"{es} de {place}", f"{place} {en}", f"{bad} of {place}"))
            n += 1
        for row in rows[:entries]:
            writer.writerow([*row, ""])


def run(args, cwd, env) -> float:
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "tqcheck", "check", *args], cwd=cwd, env=env, capture_output=True)
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise SystemExit(proc.stderr.decode())
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=50_000)
    parser.add_argument("--rounds", type=int, default=7)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        glossary = folder / "terms.csv"
        write_glossary(glossary, options.entries)
        article = folder / "article.txt"
        article.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
        (folder / "with.toml").write_text('glossary = "terms.csv"\n', encoding="utf-8")
        (folder / "without.toml").write_text('engine = "none"\n', encoding="utf-8")

        os.environ["TQCHECK_CACHE_DIR"] = str(folder / "cold")
        from tqcheck.reading import glossary as reading
        from tqcheck.speed.terms import TermIndex, build

        t0 = time.perf_counter()
        loaded = reading.load([str(glossary)])
        t1 = time.perf_counter()
        entries = loaded.for_pair(None, "en")
        terms = [t for e in entries for t in (*e.targets, *e.forbidden)]
        index = TermIndex(build(terms), terms.__getitem__)
        t2 = time.perf_counter()
        text = article.read_text(encoding="utf-8")
        index.find(text)
        t3 = time.perf_counter()
        print(f"glossary of {len(entries):,} entries, in this process with the cache folder empty: read {t1 - t0:.3f} s, index built {t2 - t1:.3f} s, "
              f"one pass over the article ({len(text):,} characters) {1000 * (t3 - t2):.1f} ms")

        env = dict(os.environ, TQCHECK_CACHE_DIR=str(folder / "cache"))
        env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
        base = ["--engine", "none", "--format", "json", "article.txt"]
        with_g, without = [], []
        run(["--config", "with.toml", *base], folder, env)
        run(["--config", "without.toml", *base], folder, env)
        ratios = []
        for _ in range(options.rounds):
            a = run(["--config", "with.toml", *base], folder, env)
            b = run(["--config", "without.toml", *base], folder, env)
            with_g.append(a)
            without.append(b)
            ratios.append(a / b)

        def fmt(values):
            return f"{statistics.median(values):.2f} s [{min(values):.2f}–{max(values):.2f}]"

        print("| row | what | with glossary | without | ratio (with / without) |")
        print("|---|---|---|---|---|")
        print(f"| glossary | one article (seed, `--engine none`), {options.entries:,}-entry CSV glossary vs none "
              f"| {fmt(with_g)} | {fmt(without)} | {statistics.median(ratios):.2f} [{min(ratios):.2f}–{max(ratios):.2f}] |")


if __name__ == "__main__":
    main()
