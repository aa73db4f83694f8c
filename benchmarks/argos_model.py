"""An Argos package of realistic size with random weights, built at run time from numpy (no torch, no network).

The size is that of the index's small packages: a 6+6-layer Transformer of
width 512 (8 heads, feed-forward 2048), an 8,000-piece SentencePiece model
trained on the shared English and Spanish text, weights stored as int8 like
Argos's own packages (57 MB).  Every matrix a real package multiplies is there.

One value is set rather than drawn: the output bias of `</s>`.  A random
model has no sense of length: measured here, without a bias it runs some
sentences to the decoding limit (2 × the longest input + 10 pieces) and stops
others at once, and a 500-sentence round trip costs minutes; with the bias
every output ends after one piece.  The decoding work is then the least a
model can do (loading, tokenising, encoding every sentence, one step each),
so tqcheck's own work is the largest share it can be: the row's ratio is
measured in its least favourable case.

It reuses the tiny test builder's SentencePiece trainer and torch-free spec
import (`tests/argos_build.py`).
"""
from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from benchmarks import corpus

sys.path.insert(0, str(corpus.ROOT / "tests"))
import argos_build  # noqa: E402  (tests/ is not a package)

sys.path.pop(0)


@dataclass(frozen=True)
class ModelSize:
    layers: int = 6
    width: int = 512
    heads: int = 8
    ffn: int = 2048
    vocab: int = 8000
    quantization: str | None = "int8"
    eos_bias: float = 5.0  # see the module docstring: every output ends after one piece
    train_chars: int = 3_000_000  # text the SentencePiece model is trained on

    def describe(self) -> str:
        return (f"{self.layers}+{self.layers} layers, width {self.width}, {self.heads} heads, ffn {self.ffn}, "
                f"{self.vocab:,}-piece vocabulary, {self.quantization or 'float32'}")


REALISTIC = ModelSize()
TINY = ModelSize(layers=1, width=64, heads=4, ffn=128, vocab=500, quantization=None, train_chars=100_000)


def training_lines(limit_chars: int = 3_000_000) -> list[str]:
    """English and Spanish text for the SentencePiece model: native English news, the Spanish sources, the MT."""
    lines, size = [], 0
    for text in corpus.articles():
        lines += [line for line in text.splitlines() if line.strip()]
    for src, mt in corpus.all_pairs():
        lines += [src, mt]
    out = []
    for line in lines:
        out.append(line)
        size += len(line)
        if size >= limit_chars:
            break
    return out


def build_model(model_dir: Path, pieces: list[str], size: ModelSize, eos_id: int, seed: int = 20240611) -> None:
    """Save a CTranslate2 Transformer with random weights for `pieces` (shared source and target vocabulary)."""
    import numpy as np

    specs = argos_build._specs()
    transformer_spec = specs.transformer_spec
    rng = np.random.default_rng(seed)
    dim, vocab = size.width, len(pieces)

    def linear(rows: int, cols: int):
        return (rng.standard_normal((rows, cols), dtype=np.float32) / np.sqrt(cols)).astype(np.float32)

    encoder = transformer_spec.TransformerEncoderSpec(size.layers, size.heads)
    decoder = transformer_spec.TransformerDecoderSpec(size.layers, size.heads)
    spec = transformer_spec.TransformerSpec(encoder, decoder)
    argos_build._fill_layer_norms(spec, dim)
    for side in (encoder, decoder):
        for layer in side.layer:
            layer.self_attention.linear[0].weight = linear(3 * dim, dim)
            layer.self_attention.linear[1].weight = linear(dim, dim)
            layer.ffn.linear_0.weight = linear(size.ffn, dim)
            layer.ffn.linear_1.weight = linear(dim, size.ffn)
    for layer in decoder.layer:
        layer.attention.linear[0].weight = linear(dim, dim)
        layer.attention.linear[1].weight = linear(2 * dim, dim)
        layer.attention.linear[2].weight = linear(dim, dim)
    encoder.embeddings[0].weight = linear(vocab, dim)
    decoder.embeddings.weight = linear(vocab, dim)
    decoder.projection.weight = linear(vocab, dim)
    bias = np.zeros(vocab, np.float32)
    bias[eos_id] = size.eos_bias
    decoder.projection.bias = bias
    spec.config.add_source_eos = True
    spec.register_source_vocabulary(pieces)
    spec.register_target_vocabulary(pieces)
    spec.validate()
    if size.quantization:
        spec.optimize(quantization=size.quantization)
    model_dir.mkdir(parents=True, exist_ok=True)
    spec.save(str(model_dir))


def build_packages(packages_dir: Path, size: ModelSize = REALISTIC, pair: tuple[str, str] = ("en", "es")) -> list[Path]:
    """Install one model as the two packages `en→es` and `es→en` (hard links: the weights are stored once)."""
    import sentencepiece as spm

    packages_dir.mkdir(parents=True, exist_ok=True)
    work = packages_dir.parent / (packages_dir.name + "-build")
    work.mkdir(parents=True, exist_ok=True)
    sp_bytes = argos_build.train_sentencepiece(training_lines(size.train_chars), vocab_size=size.vocab)
    sp = spm.SentencePieceProcessor(model_proto=sp_bytes)
    pieces = [sp.id_to_piece(i) for i in range(sp.get_piece_size())]
    # CTranslate2 ends on `</s>` by name: SentencePiece's own id 2 is that piece.
    eos_id = pieces.index("</s>")
    build_model(work / "model", pieces, size, eos_id)
    folders = []
    for source, target in (pair, pair[::-1]):
        folder = packages_dir / f"bench-{source}-{target}"
        (folder / "model").mkdir(parents=True)
        for item in (work / "model").iterdir():
            os.link(item, folder / "model" / item.name)
        (folder / "sentencepiece.model").write_bytes(sp_bytes)
        metadata = {"package_version": "1.0", "argos_version": "1.11.0", "from_code": source, "to_code": target,
                    "from_name": source, "to_name": target, "type": "translate", "code": folder.name}
        (folder / "metadata.json").write_text(json.dumps(metadata, indent=2) + "\n", "utf-8")
        folders.append(folder)
    return folders


def model_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in (folder / "model").iterdir())
