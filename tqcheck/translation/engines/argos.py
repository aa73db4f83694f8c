"""Argos Translate packages, run offline through CTranslate2 and SentencePiece directly."""
from __future__ import annotations

import importlib.util
import json
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from tqcheck.translation.engines.base import Engine, base_language
from tqcheck.errors import EngineError

# Why not `argostranslate.translate`: importing it costs seconds (spacy, stanza,
# torch, onnxruntime) and its first translation fetches a sentence splitter from
# the network.  tqcheck hands the engine single sentences, so the package's
# CTranslate2 model and tokenizer are all it needs.  Packages stay in
# argostranslate's own format and folder, so index packages work unchanged.
PIVOT = "en"  # Argos packages mostly translate to or from English, as Argos itself pivots
INSTALL_HINT = "pip install 'tqcheck[argos]'"
_BEAM_SIZE = 2  # a round trip needs a fair translation, not Argos's beam-4 best; cost grows with the beam
_MAX_BATCH_SIZE = 32  # sentences per CTranslate2 batch: bounds memory on long documents
_MAX_INPUT_TOKENS = 250  # longer "sentences" are tables or run-ons; their tail is not worth a model
_MAX_DECODING_LENGTH = 512  # a hard stop for models that fail to emit </s>


@dataclass(frozen=True)
class InstalledPackage:
    """One installed Argos translation package, read from its metadata.json."""

    path: Path
    source: str  # canonical language codes, e.g. "es"
    target: str
    from_code: str  # the codes as the package spells them
    to_code: str
    version: str
    target_prefix: str = ""

    @property
    def label(self) -> str:
        """`es-en 1.0`: the part of the engine version this package decides."""
        return f"{self.from_code}-{self.to_code} {self.version or '?'}"


def _argos_setting(name: str) -> str | None:
    """An Argos setting from the environment, else from its settings.json, as argostranslate reads it."""
    value = os.environ.get(name)
    if value is not None:
        return value
    config_home = os.environ.get("XDG_CONFIG_HOME", str(Path.home() / ".config"))
    try:
        with open(Path(config_home) / "argos-translate" / "settings.json", encoding="utf-8") as f:
            value = json.load(f).get(name)
    except (OSError, ValueError, AttributeError):
        return None
    return str(value) if value is not None else None


def packages_dir() -> Path:
    """Where argostranslate installs packages: ARGOS_PACKAGES_DIR, else its data folder."""
    configured = _argos_setting("ARGOS_PACKAGES_DIR")
    if configured is not None:
        return Path(configured)
    # `os.environ.get` with a default, not `or`: argostranslate's own rule, so
    # both agree even when XDG_DATA_HOME is set but empty.
    data_home = os.environ.get("XDG_DATA_HOME", str(Path.home() / ".local" / "share"))
    return Path(data_home) / "argos-translate" / "packages"


def read_package(folder: Path) -> InstalledPackage | None:
    """The package in `folder`, or None when it is not a translation package."""
    try:
        metadata = json.loads((folder / "metadata.json").read_text(encoding="utf-8"))
        if metadata.get("type", "translate") != "translate":
            return None  # e.g. the old sentence-boundary packages
        from_code, to_code = str(metadata["from_code"]), str(metadata["to_code"])
        return InstalledPackage(
            path=folder,
            source=base_language(from_code),
            target=base_language(to_code),
            from_code=from_code,
            to_code=to_code,
            version=str(metadata.get("package_version", "")),
            target_prefix=str(metadata.get("target_prefix") or ""),
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None  # a half-installed or foreign folder must not break the others


def installed_packages(directory: Path | None = None) -> list[InstalledPackage]:
    """Every translation package installed, sorted by folder name."""
    directory = packages_dir() if directory is None else directory
    try:
        folders = sorted(p for p in directory.iterdir() if p.is_dir())
    except OSError:
        return []
    return [pkg for pkg in map(read_package, folders) if pkg is not None]


def version_key(version: str) -> tuple:
    """Order package versions: "1.10" after "1.9", numbers after words."""
    parts = []
    for part in version.replace("-", ".").split("."):
        parts.append((0, int(part), "") if part.isdigit() else (-1, 0, part))
    return tuple(parts)


def best_packages(packages: list[InstalledPackage]) -> dict[tuple[str, str], InstalledPackage]:
    """One package per direction: the highest package_version wins."""
    best: dict[tuple[str, str], InstalledPackage] = {}
    for pkg in packages:
        key = (pkg.source, pkg.target)
        if key not in best or version_key(pkg.version) > version_key(best[key].version):
            best[key] = pkg
    return best


def find_route(
    source: str, target: str, best: dict[tuple[str, str], InstalledPackage], pivot: bool = True
) -> list[InstalledPackage] | None:
    """The packages to chain for source→target: one direct, or two through English."""
    if (source, target) in best:
        return [best[(source, target)]]
    if pivot and PIVOT not in (source, target) and (source, PIVOT) in best and (PIVOT, target) in best:
        return [best[(source, PIVOT)], best[(PIVOT, target)]]
    return None


def runtime_available() -> bool:
    """True when CTranslate2 and SentencePiece can be imported (found, not imported)."""
    return all(importlib.util.find_spec(m) is not None for m in ("ctranslate2", "sentencepiece"))


def has_pair(source: str, target: str, pivot: bool = True) -> bool:
    """Cheap: can installed packages translate source→target (directly or through English)?

    Reads the packages' metadata.json files only; imports no model library.
    """
    try:
        src, tgt = base_language(source), base_language(target)
    except ValueError:
        return False
    if src == tgt or not runtime_available():
        return False
    return find_route(src, tgt, best_packages(installed_packages()), pivot) is not None


@lru_cache(maxsize=1)
def argos_version() -> str:
    """`argostranslate 1.11.0`, the release whose package format we read."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"argostranslate {version('argostranslate')}"
    except PackageNotFoundError:
        return "argostranslate (not installed)"


def _one_line(text: str, limit: int = 300) -> str:
    line = " ".join(str(text).split()) or "no message"
    return line if len(line) <= limit else line[: limit - 1] + "…"


class _Model:
    """One package loaded: its CTranslate2 translator and tokenizer."""

    def __init__(self, pkg: InstalledPackage):
        import ctranslate2

        self.pkg = pkg
        try:
            self.translator = ctranslate2.Translator(
                str(pkg.path / "model"), device="cpu", compute_type="default"
            )
            self._load_tokenizer()
        except Exception as exc:  # noqa: BLE001 - ctranslate2 raises RuntimeError, ValueError, OSError
            raise EngineError(
                f"argos package {pkg.label} in {pkg.path} cannot be loaded: {_one_line(exc)}"
            ) from None

    def _load_tokenizer(self) -> None:
        sp_model, bpe_model = self.pkg.path / "sentencepiece.model", self.pkg.path / "bpe.model"
        if sp_model.is_file():
            import sentencepiece

            processor = sentencepiece.SentencePieceProcessor(model_file=str(sp_model))
            self.encode = lambda text: processor.encode(text, out_type=str)
            # Argos also turns "_" into spaces after decoding; we keep underscores,
            # which identifiers and file names in checked text need.
            self.decode = lambda pieces: processor.decode(pieces).replace("▁", " ")
        elif bpe_model.is_file():  # older index packages: Moses tokens + BPE
            from argostranslate.tokenizer import BPETokenizer

            bpe = BPETokenizer(bpe_model, self.pkg.from_code, self.pkg.to_code)
            self.encode, self.decode = bpe.encode, bpe.decode
        else:
            raise OSError("neither sentencepiece.model nor bpe.model is present")

    def translate(self, texts: list[str]) -> list[str]:
        prefix = self.pkg.target_prefix
        try:
            tokens = [self.encode(text) for text in texts]
            longest = max(min(len(t), _MAX_INPUT_TOKENS) for t in tokens)
            results = self.translator.translate_batch(
                tokens,
                target_prefix=[[prefix] for _ in tokens] if prefix else None,
                beam_size=_BEAM_SIZE,
                max_batch_size=_MAX_BATCH_SIZE,
                max_input_length=_MAX_INPUT_TOKENS,
                max_decoding_length=min(_MAX_DECODING_LENGTH, 2 * longest + 10),
                replace_unknowns=True,  # copies names and symbols the vocabulary lacks
                length_penalty=0.2,  # as Argos does, so outputs match its own
            )
            outputs = [self.decode(r.hypotheses[0]) for r in results]
        except Exception as exc:  # noqa: BLE001 - a model or tokenizer failure, reported in one line
            raise EngineError(
                f"argos package {self.pkg.label} failed to translate: {_one_line(exc)}"
            ) from None
        if prefix:
            outputs = [o[len(prefix):] if o.startswith(prefix) else o for o in outputs]
        return [" ".join(o.split()) for o in outputs]

    def close(self) -> None:
        translator, self.translator = self.translator, None
        if translator is not None:
            try:
                translator.unload_model()
            except Exception:  # noqa: BLE001 - releasing memory must not fail a run
                pass


class ArgosEngine(Engine):
    """Translate with installed Argos Translate packages, pivoting through English if needed."""

    name = "argos"

    def __init__(self, directory: str | os.PathLike | None = None):
        if not runtime_available():
            raise EngineError(f"the Argos engine needs ctranslate2 and sentencepiece ({INSTALL_HINT})")
        self.directory = Path(directory) if directory is not None else packages_dir()
        self._best = best_packages(installed_packages(self.directory))
        if not self._best:
            raise EngineError(
                f"no Argos packages are installed in {self.directory} "
                "(tqcheck models install FILE.argosmodel)"
            )
        self._models: dict[Path, _Model] = {}

    @property
    def packages(self) -> list[InstalledPackage]:
        return sorted(self._best.values(), key=lambda p: (p.source, p.target))

    @property
    def version(self) -> str:
        return f"{argos_version()} / " + ", ".join(p.label for p in self.packages)

    def version_for(self, source: str, target: str) -> str:
        return f"{argos_version()} / " + " + ".join(p.label for p in self._route(source, target))

    def pairs(self) -> set[tuple[str, str]]:
        languages = {lang for pair in self._best for lang in pair}
        return {
            (a, b) for a in languages for b in languages
            if a != b and find_route(a, b, self._best) is not None
        }

    def route(self, source: str, target: str) -> list[tuple[str, str]]:
        """The directions translated in turn, e.g. [("fr", "en"), ("en", "es")] when pivoting."""
        return [(p.source, p.target) for p in self._route(source, target)]

    def _route(self, source: str, target: str) -> list[InstalledPackage]:
        try:
            src, tgt = base_language(source), base_language(target)
        except ValueError as exc:
            raise EngineError(str(exc)) from None
        legs = find_route(src, tgt, self._best)
        if legs is None:
            offered = ", ".join(f"{p.source}→{p.target}" for p in self.packages)
            raise EngineError(f"no Argos package translates {src}→{tgt} (installed: {offered})")
        return legs

    def _model(self, pkg: InstalledPackage) -> _Model:
        if pkg.path not in self._models:
            self._models[pkg.path] = _Model(pkg)
        return self._models[pkg.path]

    def translate_batch(self, texts: list[str], source: str, target: str) -> list[str]:
        legs = self._route(source, target)
        current = [" ".join(t.split()) for t in texts]  # one sentence each: newlines carry nothing
        todo = [i for i, text in enumerate(current) if text]
        for pkg in legs:
            if not todo:
                break
            outputs = self._model(pkg).translate([current[i] for i in todo])
            for i, output in zip(todo, outputs):
                current[i] = output
        return current

    def close(self) -> None:
        for model in self._models.values():
            model.close()
        self._models.clear()
