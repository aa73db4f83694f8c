"""Build tiny but real Argos Translate packages (copy, word swap, stanza-shaped) for tests.

No real model can be downloaded on a test machine, so the tests build their own:
a SentencePiece model trained on generated sentences, and a one-layer
CTranslate2 Transformer whose weights are set by hand so that it copies its
input through cross-attention.  Run as a script to write the packages to a
folder: `python tests/argos_build.py OUT_DIR`.

How the copy works (pre-norm Transformer, d_model = TOKEN_DIM + POSITION_DIM):
- every vector is a token part (dims [0, TOKEN_DIM)) plus a position part;
  token and position codes are fixed random unit vectors with zero mean, so
  every layer norm divides by the same constant and never mixes the parts;
- self-attention and feed-forward outputs are zero, so they add nothing;
- the encoder memory at position s is (code(x_s), code(s)), with the source
  closed by `</s>` (`add_source_eos`);
- the decoder's token embeddings are zero: at step t its state is code(t)
  alone; cross-attention queries and keys read only the position part, so
  step t attends to source position t, and the values carry code(x_t);
- the output projection is the token code table, so the argmax is x_t, and
  `</s>` is copied last, which ends decoding.
The swap variant exchanges two rows of the output projection.
"""
from __future__ import annotations

import io
import json
import sys
import tempfile
import zipfile
from pathlib import Path

TOKEN_DIM = 64
POSITION_DIM = 64
MAX_POSITIONS = 256  # ≥ the Argos engine's input cap (250 tokens) plus </s>
FFN_DIM = 4
SWAP = ("house", "river")  # the swap variant writes every "house" as "river" and back
# Scales chosen for a wide margin: with unit codes, cross-attention prefers the
# right position by ≥ 30 logits and the projection the right token by ≥ 15.
_QUERY_GAIN = 10.0
_VALUE_GAIN = 8.0
_LOGIT_GAIN = 5.0

VARIANTS = {
    # name: (from, to, swap, stanza folder)
    "copy-fr-en": ("fr", "en", False, False),
    "swap-en-es": ("en", "es", True, False),
    "stanza-es-en": ("es", "en", False, True),
}

_SUBJECTS = {
    "en": ["the house", "the river", "my friend", "the old man", "our teacher", "the small dog",
           "a young woman", "the city council", "this company", "the children"],
    "es": ["la casa", "el río", "mi amigo", "el señor mayor", "nuestra profesora", "el perro pequeño",
           "una mujer joven", "el ayuntamiento", "esta empresa", "los niños"],
    "fr": ["la maison", "la rivière", "mon ami", "le vieil homme", "notre professeure", "le petit chien",
           "une jeune femme", "le conseil municipal", "cette entreprise", "les enfants"],
}
_PREDICATES = {
    "en": ["is near the river", "looks at the house", "was built in 1998", "opens at nine o'clock",
           "has a red door", "stands next to the bridge", "needs a new roof", "sells bread and milk",
           "walks along the river every day", "is bigger than the house"],
    "es": ["está cerca del río", "mira la casa", "fue construida en 1998", "abre a las nueve",
           "tiene una puerta roja", "está junto al puente", "necesita un tejado nuevo",
           "vende pan y leche", "camina por el río cada día", "es más grande que la casa"],
    "fr": ["est près de la rivière", "regarde la maison", "a été construite en 1998",
           "ouvre à neuf heures", "a une porte rouge", "se trouve à côté du pont",
           "a besoin d'un nouveau toit", "vend du pain et du lait",
           "marche le long de la rivière chaque jour", "est plus grande que la maison"],
}
_ENDINGS = [".", "!", "?", ", I think.", "; really."]


def corpus() -> list[str]:
    """A few hundred deterministic sentences in English, Spanish and French."""
    lines = []
    for lang in ("en", "es", "fr"):
        for i, subject in enumerate(_SUBJECTS[lang]):
            for j, predicate in enumerate(_PREDICATES[lang]):
                ending = _ENDINGS[(i + j) % len(_ENDINGS)]
                sentence = f"{subject} {predicate}{ending}"
                lines.append(sentence[0].upper() + sentence[1:])
    # Words and characters a checker's texts contain, so few pieces are unknown.
    lines.append("House, river, houses and rivers: 0 1 2 3 4 5 6 7 8 9 % ( ) [ ] \" ' - / « » ¿ ¡ é è à ç ñ ü")
    lines += ["The house is near the river."] * 20  # makes "▁house" and "▁river" single pieces
    return lines


def train_sentencepiece(lines: list[str], vocab_size: int = 400) -> bytes:
    """Train a small unigram SentencePiece model; returns the model file's bytes."""
    import sentencepiece as spm

    model = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(lines),
        model_writer=model,
        vocab_size=vocab_size,
        hard_vocab_limit=False,
        character_coverage=1.0,
        num_threads=1,
        shuffle_input_sentence=False,
        minloglevel=2,
    )
    return model.getvalue()


def _unit_codes(rng, rows: int, dim: int):
    import numpy as np

    codes = rng.standard_normal((rows, dim))
    codes -= codes.mean(axis=1, keepdims=True)  # zero mean: layer norms subtract nothing
    codes /= np.linalg.norm(codes, axis=1, keepdims=True)  # equal norms: layer norms scale all alike
    return codes.astype(np.float32)


def _specs():
    """ctranslate2.specs without torch: it imports torch (2.5 s) only to read torch tensors; ours are numpy."""
    if "ctranslate2.specs" not in sys.modules and "torch" not in sys.modules:
        sys.modules["torch"] = None  # `import torch` raises ImportError while this is set
        try:
            import ctranslate2.specs  # noqa: F401
        finally:
            del sys.modules["torch"]  # anyone else may still import the real torch
    from ctranslate2 import specs

    return specs


def _fill_layer_norms(spec, dim: int) -> None:
    import numpy as np

    common_spec, model_spec = _specs().common_spec, _specs().model_spec

    def visit(node):
        for name, value in list(vars(node).items()):
            if isinstance(value, common_spec.LayerNormSpec):
                value.gamma = np.ones(dim, np.float32)
                value.beta = np.zeros(dim, np.float32)
            elif isinstance(value, model_spec.LayerSpec):
                visit(value)
            elif isinstance(value, list):
                for item in value:
                    if isinstance(item, model_spec.LayerSpec):
                        visit(item)

    visit(spec)


def build_model(model_dir: Path, pieces: list[str], swap: tuple[int, int] | None = None) -> None:
    """Save a CTranslate2 copy model for `pieces`; `swap` exchanges two output token ids."""
    import numpy as np

    transformer_spec = _specs().transformer_spec
    vocab, dim = len(pieces), TOKEN_DIM + POSITION_DIM
    rng = np.random.RandomState(20240611)  # the legacy generator's stream never changes
    tokens = _unit_codes(rng, vocab, TOKEN_DIM)
    positions = _unit_codes(rng, MAX_POSITIONS, POSITION_DIM)
    tok, pos = slice(0, TOKEN_DIM), slice(TOKEN_DIM, dim)

    def zeros(*shape):
        return np.zeros(shape, np.float32)

    def select(part, gain=1.0):  # a (dim x dim) matrix keeping one part of the vector
        matrix = zeros(dim, dim)
        matrix[part, part] = np.eye(part.stop - part.start, dtype=np.float32) * gain
        return matrix

    encoder = transformer_spec.TransformerEncoderSpec(1, 1)
    decoder = transformer_spec.TransformerDecoderSpec(1, 1)
    spec = transformer_spec.TransformerSpec(encoder, decoder)
    _fill_layer_norms(spec, dim)

    position_table = zeros(MAX_POSITIONS, dim)
    position_table[:, pos] = positions
    for side in (encoder, decoder):
        side.scale_embeddings = False
        side.position_encodings.encodings = position_table
        for layer in side.layer:
            layer.self_attention.linear[0].weight = zeros(3 * dim, dim)
            layer.self_attention.linear[1].weight = zeros(dim, dim)
            layer.ffn.linear_0.weight = zeros(FFN_DIM, dim)
            layer.ffn.linear_1.weight = zeros(dim, FFN_DIM)

    source_embeddings = zeros(vocab, dim)
    source_embeddings[:, tok] = tokens
    encoder.embeddings[0].weight = source_embeddings
    decoder.embeddings.weight = zeros(vocab, dim)  # the decoder state is its position alone

    cross = decoder.layer[0].attention
    cross.linear[0].weight = select(pos, _QUERY_GAIN)  # queries: position
    cross.linear[1].weight = np.concatenate([select(pos), select(tok, _VALUE_GAIN)])  # keys, values
    cross.linear[2].weight = select(tok)

    projection = zeros(vocab, dim)
    projection[:, tok] = tokens * _LOGIT_GAIN
    if swap:
        a, b = swap
        projection[[a, b]] = projection[[b, a]]
    decoder.projection.weight = projection

    spec.config.add_source_eos = True  # the copied `</s>` ends the output
    spec.register_source_vocabulary(pieces)
    spec.register_target_vocabulary(pieces)
    spec.validate()
    model_dir.mkdir(parents=True, exist_ok=True)
    spec.save(str(model_dir))


_STANZA_FILES = {
    # The layout of the index's packages (stanza 1.1 tokenizer data); contents are dummies.
    "resources.json": '{"default_processors": {"tokenize": "combined"}}\n',
    "{lang}/tokenize/combined.pt": "not a real stanza model\n",
    "{lang}/default.zip": "not a real archive\n",
}


def build_package_dir(root: Path, name: str, from_code: str, to_code: str, *, swap: bool = False,
                      stanza: bool = False, package_version: str = "1.0") -> Path:
    """Write one package folder `root/name` as argostranslate installs it."""
    import sentencepiece as spm

    folder = root / name
    folder.mkdir(parents=True)
    sp_bytes = train_sentencepiece(corpus())
    (folder / "sentencepiece.model").write_bytes(sp_bytes)
    sp = spm.SentencePieceProcessor(model_proto=sp_bytes)
    pieces = [sp.id_to_piece(i) for i in range(sp.get_piece_size())]
    swap_ids = None
    if swap:
        swap_ids = tuple(sp.piece_to_id("▁" + word) for word in SWAP)
        if sp.unk_id() in swap_ids:
            raise RuntimeError(f"{SWAP} are not single pieces of the SentencePiece model")
    build_model(folder / "model", pieces, swap_ids)
    metadata = {
        "package_version": package_version,
        "argos_version": "1.11.0",
        "from_code": from_code,
        "from_name": from_code,
        "to_code": to_code,
        "to_name": to_code,
        "type": "translate",
        "code": name,
    }
    (folder / "metadata.json").write_text(json.dumps(metadata, indent=2) + "\n", "utf-8")
    (folder / "README.md").write_text(f"Test package {name}: built by tests/argos_build.py.\n", "utf-8")
    if stanza:
        for relative, text in _STANZA_FILES.items():
            path = folder / "stanza" / relative.format(lang=from_code)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, "utf-8")
    return folder


def zip_folder(folder: Path, archive: Path) -> Path:
    """Zip `folder` as the single top-level folder of `archive`, byte-identically every time."""
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(folder.rglob("*")):
            relative = path.relative_to(folder.parent).as_posix()
            info = zipfile.ZipInfo(relative + ("/" if path.is_dir() else ""), date_time=(1980, 1, 1, 0, 0, 0))
            info.external_attr = (0o40755 << 16 | 0x10) if path.is_dir() else 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, b"" if path.is_dir() else path.read_bytes())
    return archive


def build_package(out_dir: Path, name: str, from_code: str, to_code: str, **options) -> Path:
    """Build `out_dir/name.argosmodel` and return its path."""
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        folder = build_package_dir(Path(tmp), name, from_code, to_code, **options)
        return zip_folder(folder, out_dir / f"{name}.argosmodel")


def build_all(out_dir: Path) -> dict[str, Path]:
    """Build every variant in VARIANTS; returns name → .argosmodel path."""
    return {
        name: build_package(out_dir, name, src, tgt, swap=swap, stanza=stanza)
        for name, (src, tgt, swap, stanza) in VARIANTS.items()
    }


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python tests/argos_build.py OUT_DIR")
    for path in build_all(Path(sys.argv[1])).values():
        print(path)
