"""The benchmark's rows: what each runs against its peer, and how its figures and target are computed.

Rows that share an input share one interleaved schedule, so a command both
rows need runs once per round (e.g. rows 2–4 all use `tqcheck --jobs 1` on the
corpus; rows 5–7 all use `tqcheck --engine none` on the 500-sentence file).
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks import corpus
from benchmarks.timing import BenchmarkError, Command, Series, Stat, interleave, mkdtemp, paired

ALL_ROWS = (1, 2, 3, 4, 5, 6, 7, 8, 9, 10)
BIN = Path(sys.executable).parent  # console scripts of this Python, not a version manager's shims


@dataclass
class Config:
    quick: bool = False
    runs: int = 5  # counted runs per command, after the warm-up
    warmups: int = 1
    corpus_articles: int = 1000
    corpus_bytes: int = 4_000_000
    warm_articles: int = 100  # the corpus rows warm up on this many articles, not the whole corpus
    sentences: int = 500
    pairs: int = 1000
    big_bytes: int = 20_000_000
    big_runs: int = 3  # row 9 has no peer and costs half a minute a run
    big_warmups: int = 0  # earlier rows have warmed imports and bytecode; the file was just written
    prose_bytes: int = 1_000_000  # row 10's file: the detectors' MB/s, and the single regex pass's
    model: str = "realistic"

    @classmethod
    def quick_config(cls) -> "Config":
        return cls(quick=True, runs=2, warmups=1, corpus_articles=4, corpus_bytes=0, warm_articles=2,
                   sentences=8, pairs=20, big_bytes=100_000, big_runs=2, big_warmups=0, model="tiny",
                   prose_bytes=50_000)


@dataclass
class Measure:
    """One side of a row: a median with its range, in a unit, and how to print it."""

    stat: Stat
    unit: str
    digits: int = 2
    extra: str = ""  # e.g. the peak memory beside a time

    def text(self) -> str:
        fmt = f"{{:,.{self.digits}f}}"
        core = f"{fmt.format(self.stat.median)} {self.unit} [{fmt.format(self.stat.low)}–{fmt.format(self.stat.high)}]"
        return f"{core}{self.extra}"

    def to_json(self) -> dict:
        return {"unit": self.unit, **self.stat.to_json()}


@dataclass
class Row:
    number: int
    what: str
    target: str
    tqcheck: Measure | None = None
    peer: Measure | None = None
    peer_name: str = "—"
    ratio: Stat | None = None
    ratio_label: str = ""
    met: bool | None = None
    notes: list[str] = field(default_factory=list)
    extra: dict = field(default_factory=dict)  # further figures (peaks, rates) for the JSON
    series: dict[str, Series] = field(default_factory=dict)
    unavailable: str | None = None  # why the row has no figures
    # "missing": a tool or library is not installed; "not-yet": tqcheck lacks the feature;
    # "failed": tqcheck or the peer failed on this input.
    unavailable_kind: str | None = None

    def skip(self, kind: str, message: str) -> "Row":
        self.unavailable_kind, self.unavailable = kind, message
        return self

    def to_json(self) -> dict:
        return {
            "row": self.number, "what": self.what, "target": self.target, "peer": self.peer_name,
            "tqcheck": self.tqcheck.to_json() if self.tqcheck else None,
            "peer_figures": self.peer.to_json() if self.peer else None,
            "ratio": ({"label": self.ratio_label, **self.ratio.to_json(3)} if self.ratio else None),
            "met": self.met, "unavailable": self.unavailable,
            "unavailable_kind": self.unavailable_kind, "notes": self.notes, "extra": self.extra,
            "runs": {name: s.to_json() for name, s in self.series.items()},
        }


def tqcheck_argv(*args: str) -> list[str]:
    script = BIN / "tqcheck"
    base = [str(script)] if script.exists() else [sys.executable, "-m", "tqcheck"]
    return base + ["check", *args]


def tool(name: str) -> str | None:
    """A peer's command: beside this Python first (no shim in between), else on PATH."""
    script = BIN / name
    if script.exists():
        return str(script)
    return shutil.which(name)


def probe(argv: list[str], env: dict[str, str]) -> str | None:
    """Run a command once, untimed: None when it works (exit 0 or 1), else its last line of error."""
    done = subprocess.run(argv, capture_output=True, text=True, env={**os.environ, **env})
    if done.returncode in (0, 1):
        return None
    lines = done.stderr.strip().splitlines()
    return lines[-1][:200] if lines else f"exit status {done.returncode}"


def tqcheck_has_option(option: str) -> bool:
    done = subprocess.run(tqcheck_argv("--help"), capture_output=True, text=True)
    return option in done.stdout


class Workspace:
    """Inputs built once per benchmark run in a temporary folder; each is made when a row first needs it."""

    def __init__(self, root: Path, config: Config, log=print):
        self.root = root
        self.config = config
        self.log = log
        self._made: dict[str, object] = {}
        # Every run gets a home of its own: nothing reads or writes the user's caches or Argos folders.
        self.home = root / "home"
        for sub in ("", ".cache", ".config", ".local/share"):
            (self.home / sub).mkdir(parents=True, exist_ok=True)
        self.env = {
            "HOME": str(self.home),
            "XDG_CACHE_HOME": str(self.home / ".cache"),
            "XDG_CONFIG_HOME": str(self.home / ".config"),
            "XDG_DATA_HOME": str(self.home / ".local/share"),
            "TQCHECK_CACHE_DIR": str(root / "cache-shared"),
            "ARGOS_PACKAGES_DIR": str(root / "no-argos-packages"),
            "NO_COLOR": "1",
        }

    def once(self, key: str, make):
        if key not in self._made:
            self._made[key] = make()
        return self._made[key]

    def fresh_cache(self) -> dict[str, str]:
        """`prepare` hook of a cold run: an empty translation cache folder.

        The warm-start file (parsed data and compiled patterns, rebuilt by any run) is copied
        in from the shared folder: "cold" is about translations, and the engine-less run these
        rows subtract starts warm."""
        folder = mkdtemp(self.root, "cache-cold-")
        for stored in (self.root / "cache-shared").glob("warmstart-*"):
            shutil.copy2(stored, folder / stored.name)
        return {"TQCHECK_CACHE_DIR": str(folder)}

    def seed_warmstart(self, engine_args: tuple[str, ...], segments: list[str]) -> None:
        """Run tqcheck once with an engine on two segments, in the shared cache folder, so that the
        warm-start file `fresh_cache` copies holds what an engine run keeps there too (sacrebleu's
        chrF signature, asked once per installed scorer). Without it every cold run imported
        sacrebleu (≈ 0.1 s) to ask again: a cost a user pays once, not once per new text."""
        tiny = corpus.write_sentences(self.root / "warmstart-seed.txt", segments[:2])
        failure = probe(tqcheck_argv(*engine_args, str(tiny)), self.env)
        if failure:
            self.log(f"  warm-start seed run failed: {failure}")

    # -- inputs ---------------------------------------------------------------

    def corpus(self, scale: int = 1) -> corpus.Corpus:
        c = self.config
        return self.once(f"corpus{scale}", lambda: corpus.build_corpus(
            self.root / f"corpus-x{scale}", scale * c.corpus_articles, scale * c.corpus_bytes))

    def warm_corpus(self) -> corpus.Corpus:
        return self.once("warm", lambda: corpus.build_corpus(self.root / "corpus-warm", self.config.warm_articles, 0))

    def sentence_file(self) -> tuple[Path, list[str]]:
        """The N-sentence file of rows 5–7 and the segments tqcheck reads in it (what its engine is sent)."""
        def make():
            path = corpus.write_sentences(self.root / "sentences.txt", corpus.sentences(self.config.sentences))
            done = subprocess.run(tqcheck_argv("--format", "json", "--engine", "none", "--source-lang", "es",
                                               "--fail-on", "never", str(path)),
                                  capture_output=True, text=True, env={**os.environ, **self.env})
            if done.returncode != 0:
                raise BenchmarkError(f"tqcheck on {path.name}: {done.stderr.strip()[-300:]}")
            segments = [s["text"] for s in json.loads(done.stdout)["files"][0]["segments"]]
            return path, segments
        return self.once("sentences", make)

    def big_file(self) -> tuple[Path, int]:
        return self.once("big", lambda: corpus.write_big_file(self.root / "big.txt", self.config.big_bytes))

    def pairs(self) -> tuple[Path, Path, Path]:
        return self.once("pairs", lambda: corpus.write_pairs(self.root / "pairs", corpus.aligned_pairs(self.config.pairs)))

    def argos_packages(self) -> tuple[Path, list[Path], str]:
        def make():
            from benchmarks import argos_model

            size = argos_model.REALISTIC if self.config.model == "realistic" else argos_model.TINY
            folder = self.root / "argos-packages"
            packages = argos_model.build_packages(folder, size)
            return folder, packages, size.describe()
        return self.once("argos", make)


def _seconds(series: Series, digits: int = 2, peak: bool = False) -> Measure:
    stat = Stat.of(series.walls)
    extra = f", peak {Stat.of(series.peaks_mb).median:.0f} MB" if peak else ""
    return Measure(stat, "s", digits, extra)


def _compare_times(row: Row, series: dict[str, Series], mine: str, theirs: str, ratio, label: str, met,
                   peak: bool = False) -> None:
    """A row that compares two timed commands: medians, ranges, and `ratio` over the rounds' pairs."""
    a, b = series[mine], series[theirs]
    row.series = {mine: a, theirs: b}
    row.tqcheck = _seconds(a, peak=peak)
    row.peer = _seconds(b, peak=peak)
    row.ratio = paired(a.walls, b.walls, ratio)
    row.ratio_label = label
    row.met = met(row.ratio.median)


# -- row 1 ----------------------------------------------------------------------

def rows_seed(ws: Workspace, selected: set[int]) -> list[Row]:
    row = Row(1, "pre-commit hook command (`--engine none`, language auto) on the seed article: wall, peak memory",
              "wall ≤ 0.8× proselint (issue 15); peak ≤ 120 MB", peer_name="proselint check")
    seed = corpus.SEED.relative_to(corpus.ROOT)
    commands = [Command("tqcheck", tqcheck_argv("--engine", "none", str(seed)), ws.env, corpus.ROOT)]
    proselint = tool("proselint")
    if proselint:
        commands.append(Command("proselint", [proselint, "check", str(seed)], ws.env, corpus.ROOT))
    series = interleave(commands, ws.config.runs, ws.config.warmups)
    row.series = series
    tq = series["tqcheck"]
    row.tqcheck = _seconds(tq, peak=True)
    peak = Stat.of(tq.peaks_mb)
    row.extra["tqcheck_peak_mb"] = peak.to_json(1)
    if proselint:
        p = series["proselint"]
        row.peer = _seconds(p, peak=True)
        row.extra["peer_peak_mb"] = Stat.of(p.peaks_mb).to_json(1)
        row.ratio = paired(tq.walls, p.walls, lambda a, b: a / b)
        row.ratio_label = "wall tqcheck / proselint"
        row.met = row.ratio.median <= 0.8 and peak.median <= 120
    else:
        row.notes.append("proselint is not installed: pip install proselint")
        row.met = None
    return [row]


# -- rows 2, 3, 4 -----------------------------------------------------------------

def rows_corpus(ws: Workspace, selected: set[int]) -> list[Row]:
    c1 = ws.corpus(1)
    jobs = tqcheck_has_option("--jobs")
    one = ["--jobs", "1"] if jobs else []
    env = ws.env
    commands: dict[str, Command] = {
        "tqcheck": Command("tqcheck", tqcheck_argv("--engine", "none", *one, str(c1.folder)), env),
    }
    warm = ws.warm_corpus()
    warmups: dict[str, Command] = {
        "tqcheck": Command("tqcheck", tqcheck_argv("--engine", "none", *one, str(warm.folder)), env)}
    proselint = tool("proselint")
    if 2 in selected and proselint:
        commands["proselint"] = Command("proselint", [proselint, "check", str(c1.folder)], env)
        warmups["proselint"] = Command("proselint", [proselint, "check", str(warm.folder)], env)
    if 3 in selected:
        c2 = ws.corpus(2)
        commands["tqcheck-x2"] = Command("tqcheck-x2", tqcheck_argv("--engine", "none", *one, str(c2.folder)), env)
    if 4 in selected and jobs:
        commands["tqcheck-jobs2"] = Command("tqcheck-jobs2", tqcheck_argv("--engine", "none", "--jobs", "2",
                                                                          str(c1.folder)), env)
        warmups["tqcheck-jobs2"] = Command("tqcheck-jobs2", tqcheck_argv("--engine", "none", "--jobs", "2",
                                                                         str(warm.folder)), env)
    ws.log(f"  corpus: {c1.describe()}" + (f"; ×2: {ws.corpus(2).describe()}" if 3 in selected else ""))
    series = interleave(list(commands.values()), ws.config.runs, ws.config.warmups, list(warmups.values()))
    tq = series["tqcheck"]
    rows = []
    if 2 in selected:
        row = Row(2, f"detectors only (`--engine none`{', `--jobs 1`' if jobs else ''}) over a corpus of "
                     f"{c1.articles:,} articles ({c1.bytes / 1e6:.1f} MB, {c1.words:,} words): words/s",
                  "≥ 5× proselint's words/s", peer_name="proselint check (same folder)")
        row.tqcheck = Measure(Stat.of([c1.words / w for w in tq.walls]), "words/s", 0)
        row.extra["tqcheck_articles_per_s"] = Stat.of([c1.articles / w for w in tq.walls]).to_json(1)
        row.extra["tqcheck_peak_mb"] = Stat.of(tq.peaks_mb).to_json(1)
        row.extra["corpus"] = {"articles": c1.articles, "bytes": c1.bytes, "words": c1.words}
        row.series = {"tqcheck": tq}
        if "proselint" in series:
            p = series["proselint"]
            row.series["proselint"] = p
            row.peer = Measure(Stat.of([c1.words / w for w in p.walls]), "words/s", 0)
            row.extra["peer_articles_per_s"] = Stat.of([c1.articles / w for w in p.walls]).to_json(1)
            row.ratio = paired(tq.walls, p.walls, lambda a, b: b / a)
            row.ratio_label = "words/s tqcheck / proselint"
            row.met = row.ratio.median >= 5
        else:
            row.notes.append("proselint is not installed: pip install proselint")
        row.notes.append(f"articles/s: tqcheck {row.extra['tqcheck_articles_per_s']['median']:.0f}"
                         + (f", proselint {row.extra['peer_articles_per_s']['median']:.0f}" if row.peer else ""))
        rows.append(row)
    if 3 in selected:
        c2 = ws.corpus(2)
        row = Row(3, f"the corpus of row 2 at twice the size ({c2.articles:,} articles, {c2.bytes / 1e6:.1f} MB): time",
                  "time grows ≤ 2.1×", peer_name="itself on the row-2 corpus")
        _compare_times(row, series, "tqcheck-x2", "tqcheck", lambda a, b: a / b, "time ×2 corpus / ×1 corpus",
                       lambda r: r <= 2.1)
        rows.append(row)
    if 4 in selected:
        row = Row(4, "`--jobs 2` against `--jobs 1` on the corpus of row 2: time", "≥ 1.7× faster",
                  peer_name="itself with --jobs 1")
        if not jobs:
            row.skip("not-yet", "not available yet: tqcheck check has no --jobs option")
        else:
            _compare_times(row, series, "tqcheck-jobs2", "tqcheck", lambda a, b: b / a,
                           "speed-up: jobs 1 time / jobs 2 time", lambda r: r >= 1.7, peak=True)
        rows.append(row)
    return rows


# -- rows 5, 6, 7 -------------------------------------------------------------------

def _apertium_ready() -> str | None:
    if not shutil.which("apertium"):
        return "apertium is not installed (apt-get install apertium apertium-eng-spa)"
    modes = [Path(d) / "modes" / f"{m}.mode" for d in ("/usr/share/apertium", "/usr/local/share/apertium")
             for m in ("eng-spa", "spa-eng")]
    if sum(m.exists() for m in modes) < 2:
        return "apertium-eng-spa is not installed"
    return None


def _argos_ready() -> str | None:
    import importlib.util

    missing = [m for m in ("ctranslate2", "sentencepiece", "numpy") if importlib.util.find_spec(m) is None]
    return f"{', '.join(missing)} not installed (pip install 'tqcheck[argos]')" if missing else None


def _argos_settings() -> dict:
    from tqcheck.translation.engines import argos

    return {"beam_size": argos._BEAM_SIZE, "max_batch_size": argos._MAX_BATCH_SIZE,
            "max_input_tokens": argos._MAX_INPUT_TOKENS, "max_decoding_length": argos._MAX_DECODING_LENGTH,
            "length_penalty": 0.2}


def _engine_share(row: Row, series: dict[str, Series], engine_run: str, raw_run: str, limit: float) -> None:
    """The engine's share of a tqcheck run (that run minus the `--engine none` run of the same round)
    against the raw engine's own processes."""
    cold, none, raw = series[engine_run], series["tqcheck-none"], series[raw_run]
    share = [a - b for a, b in zip(cold.walls, none.walls)]
    row.series = {engine_run: cold, "tqcheck-none": none, raw_run: raw}
    row.tqcheck = Measure(Stat.of(share), "s")
    row.peer = _seconds(raw)
    row.ratio = paired(share, raw.walls, lambda a, b: a / b)
    row.ratio_label = f"({engine_run} − tqcheck-none) / {raw_run}"
    row.met = row.ratio.median <= limit
    row.extra[f"{engine_run}_s"] = Stat.of(cold.walls).to_json()
    row.extra["tqcheck-none_s"] = Stat.of(none.walls).to_json()
    row.extra[f"{engine_run}_peak_mb"] = Stat.of(cold.peaks_mb).to_json(1)
    row.extra[f"{raw_run}_peak_mb"] = Stat.of(raw.peaks_mb).to_json(1)


def rows_engines(ws: Workspace, selected: set[int]) -> list[Row]:
    path, segments = ws.sentence_file()
    sentences = f"{ws.config.sentences} sentences ({len(segments)} segments as tqcheck splits them)"
    env = ws.env
    lang = ("--source-lang", "es", "--target-lang", "en")
    commands = [Command("tqcheck-none", tqcheck_argv("--engine", "none", *lang, str(path)), env)]
    apertium_missing = _apertium_ready() if selected & {5, 6} else None
    if selected & {5, 6} and not apertium_missing:
        raw_in = ws.root / "apertium-in.txt"
        raw_in.write_text("\n\n".join(segments) + "\n", "utf-8")
        mid, out = ws.root / "apertium-mid.txt", ws.root / "apertium-out.txt"
        script = (f"apertium -f txt eng-spa < '{raw_in}' > '{mid}' && "
                  f"apertium -f txt spa-eng < '{mid}' > '{out}'")
        if 5 in selected:
            ws.seed_warmstart(("--engine", "apertium", *lang), segments)
            commands.append(Command("tqcheck-apertium-cold", tqcheck_argv("--engine", "apertium", *lang, str(path)),
                                    env, prepare=ws.fresh_cache))
            commands.append(Command("apertium-raw", ["sh", "-c", script], env, ok_codes=(0,)))
        if 6 in selected:
            warm_env = {**env, "TQCHECK_CACHE_DIR": str(ws.root / "cache-warm")}
            commands.append(Command("tqcheck-apertium-warm", tqcheck_argv("--engine", "apertium", *lang, str(path)),
                                    warm_env))  # the warm-up round fills this cache
    argos_missing = ("missing", _argos_ready()) if 7 in selected and _argos_ready() else None
    model = ""
    if 7 in selected and not argos_missing:
        packages_dir, packages, model = ws.argos_packages()
        argos_env = {**env, "ARGOS_PACKAGES_DIR": str(packages_dir)}
        tiny = corpus.write_sentences(ws.root / "argos-probe.txt", segments[:2])
        failure = probe(tqcheck_argv("--engine", "argos", *lang, str(tiny)), {**argos_env, **ws.fresh_cache()})
        if failure:
            argos_missing = ("failed", f"tqcheck --engine argos fails: {failure}")
    if 7 in selected and not argos_missing:
        commands.append(Command("tqcheck-argos-cold", tqcheck_argv("--engine", "argos", *lang, str(path)),
                                argos_env, prepare=ws.fresh_cache))
        texts = ws.root / "argos-in.json"
        texts.write_text(json.dumps(segments, ensure_ascii=False), "utf-8")
        settings = {**_argos_settings(), "input": str(texts),
                    "out_model": str(packages[0] / "model"), "out_sp": str(packages[0] / "sentencepiece.model"),
                    "back_model": str(packages[1] / "model"), "back_sp": str(packages[1] / "sentencepiece.model")}
        settings_path = ws.root / "ct2-peer.json"
        settings_path.write_text(json.dumps(settings), "utf-8")
        commands.append(Command("ct2-raw", [sys.executable, str(Path(__file__).with_name("ct2_peer.py")),
                                            str(settings_path)], argos_env, ok_codes=(0,)))
    series = interleave(commands, ws.config.runs, ws.config.warmups)
    none = series["tqcheck-none"]
    rows = []
    if 5 in selected:
        row = Row(5, f"one file of {sentences}, `--engine apertium`, cold cache, minus the same with "
                     "`--engine none` (the back-translation's share): time",
                  "≤ 1.15× the raw engine", peer_name="apertium eng-spa then spa-eng, one process each")
        if apertium_missing:
            row.skip("missing", apertium_missing)
        else:
            _engine_share(row, series, "tqcheck-apertium-cold", "apertium-raw", 1.15)
        rows.append(row)
    if 6 in selected:
        row = Row(6, "the run of row 5 again, warm cache: time", "≤ 1.2× the engine-less run",
                  peer_name="the same file with --engine none")
        if apertium_missing:
            row.skip("missing", apertium_missing)
        else:
            _compare_times(row, series, "tqcheck-apertium-warm", "tqcheck-none", lambda a, b: a / b,
                           "warm apertium run / none run", lambda r: r <= 1.2)
        rows.append(row)
    if 7 in selected:
        row = Row(7, f"back-translation of {sentences} through tqcheck (`--engine argos`, cold cache, minus the "
                     f"`--engine none` run), Argos package built at run time: {model or 'not built'}: time",
                  "≤ 1.15×", peer_name="ctranslate2 + sentencepiece called directly, there and back")
        if argos_missing:
            row.skip(argos_missing[0], argos_missing[1])
        else:
            _engine_share(row, series, "tqcheck-argos-cold", "ct2-raw", 1.15)
            row.extra["model"] = model
            row.notes.append("random weights: the </s> bias ends every output after one piece, so the decoding "
                             "work is the least a model does and tqcheck's own share the largest; the peer, like "
                             "tqcheck's cache layer, translates each distinct sentence once")
        rows.append(row)
    return rows


# -- row 8 ------------------------------------------------------------------------

SOURCE_CHECKS = "A103,A104,A105,A107"  # number mismatch and format, quotation mismatch, untranslated sentence
POFILTER_TESTS = ("numbers", "doublequoting", "singlequoting", "unchanged", "untranslated")


def rows_pairs(ws: Workspace, selected: set[int]) -> list[Row]:
    n = ws.config.pairs
    row = Row(8, f"source-aware checks without an engine on {n:,} aligned es→en pairs "
                 f"(`--select {SOURCE_CHECKS}`: numbers, quotes, untranslated): pairs/s",
              "≥ 1× pofilter's pairs/s",
              peer_name=f"pofilter -t {' -t '.join(POFILTER_TESTS)} on the same pairs as one PO file")
    source, target, po = ws.pairs()
    argv = tqcheck_argv("--engine", "none", "--source", str(source), "--source-lang", "es", "--target-lang", "en",
                        "--select", SOURCE_CHECKS, str(target))
    failure = probe(argv, ws.env)
    if failure:
        if "no such option" in failure.lower():
            return [row.skip("not-yet", f"not available yet: {failure}")]
        return [row.skip("failed", f"tqcheck with --source fails: {failure}")]
    commands = [Command("tqcheck", argv, ws.env)]
    pofilter = tool("pofilter")
    if pofilter:
        argv_p = [pofilter, "--progress=none", *[f"--test={t}" for t in POFILTER_TESTS], str(po),
                  str(ws.root / "pofilter-out.po")]
        commands.append(Command("pofilter", argv_p, ws.env, ok_codes=(0,)))
    series = interleave(commands, ws.config.runs, ws.config.warmups)
    tq = series["tqcheck"]
    row.series = series
    row.tqcheck = Measure(Stat.of([n / w for w in tq.walls]), "pairs/s", 0, f", peak {Stat.of(tq.peaks_mb).median:.0f} MB")
    if pofilter:
        p = series["pofilter"]
        row.peer = Measure(Stat.of([n / w for w in p.walls]), "pairs/s", 0, f", peak {Stat.of(p.peaks_mb).median:.0f} MB")
        row.ratio = paired(tq.walls, p.walls, lambda a, b: b / a)
        row.ratio_label = "pairs/s tqcheck / pofilter"
        row.met = row.ratio.median >= 1
    else:
        row.notes.append("pofilter is not installed: pip install translate-toolkit")
    row.extra["tqcheck_s"] = Stat.of(tq.walls).to_json()
    return [row]


# -- row 9 ------------------------------------------------------------------------

def rows_big(ws: Workspace, selected: set[int]) -> list[Row]:
    path, size = ws.big_file()
    mb = size / 1e6
    row = Row(9, f"one {mb:.1f} MB plain-text file (`--engine none`, default format): time and peak memory",
              "peak ≤ 10× the file size; report the time", peer_name="—")
    series = interleave([Command("tqcheck", tqcheck_argv("--engine", "none", str(path)), ws.env)],
                        ws.config.big_runs, ws.config.big_warmups)
    tq = series["tqcheck"]
    row.series = series
    row.tqcheck = _seconds(tq, peak=True)
    peaks = Stat.of([p * 1024 * 1024 / size for p in tq.peaks_mb])
    row.ratio = peaks
    row.ratio_label = "peak memory / file size"
    row.met = peaks.median <= 10
    row.extra["file_bytes"] = size
    row.extra["tqcheck_peak_mb"] = Stat.of(tq.peaks_mb).to_json(1)
    row.notes.append(f"{ws.config.big_runs} counted runs, {ws.config.big_warmups} warm-up: no peer, no pair to hold")
    return [row]


# -- row 10 -----------------------------------------------------------------------

def rows_throughput(ws: Workspace, selected: set[int]) -> list[Row]:
    path, size = ws.once("prose", lambda: corpus.write_big_file(ws.root / "prose.txt", ws.config.prose_bytes))
    mb = size / 1e6
    row = Row(10, f"the detectors' own throughput on one {mb:.1f} MB prose file (every target-only detector, "
                  "English of unknown source, the file read and segmented beforehand): MB/s",
              "report the ratio", peer_name="one `re.finditer` of an alternation of all the detectors' literals "
                                            "(case-insensitive) over the same text")
    done = subprocess.run([sys.executable, str(Path(__file__).with_name("detector_pass.py")), str(path),
                           str(ws.config.runs), str(ws.config.warmups)],
                          capture_output=True, text=True, env={**os.environ, **ws.env,
                                                               "PYTHONPATH": str(Path(__file__).resolve().parent.parent)})
    if done.returncode != 0:
        raise BenchmarkError(f"detector_pass.py: {done.stderr.strip()[-300:]}")
    result = json.loads(done.stdout)
    rounds = result["rounds"]
    detectors = [r["detectors_s"] for r in rounds]
    floor = [r["floor_s"] for r in rounds]
    row.tqcheck = Measure(Stat.of([mb / s for s in detectors]), "MB/s", 3)
    row.peer = Measure(Stat.of([mb / s for s in floor]), "MB/s", 3)
    row.ratio = paired(detectors, floor, lambda a, b: a / b)
    row.ratio_label = "detectors' time / the single regex pass's time"
    row.met = None  # the issue asks for the figure, not a bound
    scanner_rate = Stat.of([mb / r["scanner_s"] for r in rounds])
    row.extra.update({k: result[k] for k in ("bytes", "segments", "detectors", "literals", "findings", "floor_matches")})
    row.extra["rounds"] = rounds
    row.extra["scanner_mb_s"] = scanner_rate.to_json(3)
    row.notes.append(f"{result['detectors']} detectors, {result['literals']:,} literals, {result['segments']:,} "
                     f"sentences; tqcheck's own one pass over them (an Aho-Corasick automaton, sentence by sentence): "
                     f"{scanner_rate.median:,.2f} MB/s [{scanner_rate.low:,.2f}–{scanner_rate.high:,.2f}]; "
                     f"{ws.config.runs} rounds in one process, detectors then the regex pass then the automaton")
    return [row]


GROUPS = (
    ({1}, rows_seed),
    ({2, 3, 4}, rows_corpus),
    ({5, 6, 7}, rows_engines),
    ({8}, rows_pairs),
    ({9}, rows_big),
    ({10}, rows_throughput),
)
