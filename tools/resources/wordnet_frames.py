"""What the build scripts read from WordNet 3.0's verb files (Debian `wordnet`, /usr/share/wordnet): each verb's frames."""
from __future__ import annotations

from collections import defaultdict
from pathlib import Path

WORDNET = Path("/usr/share/wordnet")


def verb_frames() -> dict[str, set[int]]:
    """Lemma → the numbers of the frames any of its senses has (WordNet's `data.verb`; 26 is "Somebody ----s that
    CLAUSE", 14 "Somebody ----s somebody something"): a frame marked for one word of a synset counts for it alone."""
    frames: dict[str, set[int]] = defaultdict(set)
    for line in (WORDNET / "data.verb").read_text(encoding="latin-1").splitlines():
        if line.startswith("  "):
            continue
        parts = line.split("|")[0].split()
        count = int(parts[3], 16)
        words = [parts[4 + 2 * i].lower() for i in range(count)]
        i = 4 + 2 * count
        i += 1 + 4 * int(parts[i])
        if i < len(parts) and parts[i].isdigit():
            for k in range(int(parts[i])):
                _plus, frame, word = parts[i + 1 + 3 * k: i + 4 + 3 * k]
                for j, w in enumerate(words):
                    if int(word, 16) in (0, j + 1):
                        frames[w].add(int(frame))
    return frames
