"""Row 7's peer: CTranslate2 and SentencePiece called directly, there and back, with tqcheck's settings.

Run as its own process (`python benchmarks/ct2_peer.py SETTINGS.json`) so it is timed
like tqcheck: start-up, imports, loading both models, and the two translations.
It imports nothing from tqcheck; the benchmark reads the settings from
`tqcheck.translation.engines.argos` and passes them in, so both sides decode alike.
"""
from __future__ import annotations

import json
import sys


def translate(model_dir: str, sp_model: str, texts: list[str], s: dict) -> list[str]:
    import ctranslate2
    import sentencepiece

    translator = ctranslate2.Translator(model_dir, device="cpu", compute_type="default")
    processor = sentencepiece.SentencePieceProcessor(model_file=sp_model)
    # Each distinct text once, as tqcheck's cache layer sends them: the same work on both sides.
    unique = list(dict.fromkeys(t for t in texts if t))
    if not unique:
        return list(texts)
    tokens = [processor.encode(text, out_type=str) for text in unique]
    longest = max(min(len(t), s["max_input_tokens"]) for t in tokens)
    results = translator.translate_batch(
        tokens,
        beam_size=s["beam_size"],
        max_batch_size=s["max_batch_size"],
        max_input_length=s["max_input_tokens"],
        max_decoding_length=min(s["max_decoding_length"], 2 * longest + 10),
        replace_unknowns=True,
        length_penalty=s["length_penalty"],
    )
    done = {text: " ".join(processor.decode(r.hypotheses[0]).replace("▁", " ").split())
            for text, r in zip(unique, results)}
    return [done.get(t, t) for t in texts]


def main(settings_path: str) -> None:
    with open(settings_path, encoding="utf-8") as f:
        s = json.load(f)
    with open(s["input"], encoding="utf-8") as f:
        texts = json.load(f)
    there = translate(s["out_model"], s["out_sp"], texts, s)
    back = translate(s["back_model"], s["back_sp"], there, s)
    print(sum(len(t) for t in back))


if __name__ == "__main__":
    main(sys.argv[1])
