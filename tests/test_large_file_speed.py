"""What keeps a large file's run lean (benchmark row 9): one shared copy of the tagged sentences,
repeated word forms held once, the cycle collector paused while a document's detectors run, the
word trie behind C110 and the single walk F103/F104 share — each on real sentences, each giving
the findings the plain way gave."""
from __future__ import annotations

import gc
import random
import re
import subprocess
import sys
from pathlib import Path

from tqcheck.api import check_text
from tqcheck.reading import read_document
from tqcheck.rules.base import Context
from tqcheck.rules import grammar, word_order
from tqcheck.rules.person_words import fold
from tqcheck.speed.wordtrie import trie_pattern
from tqcheck.text import tagging
from tqcheck.text.segment import segment

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_24777a2ba7ef8ce0.txt"

ARTICLE = (
    "The minister said that the reform would pass. The minister's aides celebrated that the vote was won.\n\n"
    "Ana Ruiz, the spokeswoman, said he had not decided. The crisis political deepened on Monday, "
    "and the opposition said the reform economic was a mistake.\n\n"
    "The effectivity of the measures was questioned by the alimentation committee.\n"
)


def _context(text: str) -> Context:
    doc = read_document("<test>", text.encode("utf-8"), "text", target_lang="en")
    return Context(doc, segment(doc, "en"), "en", ("es", "fr", "pt"))


def test_grammar_and_word_order_read_one_shared_copy_of_the_tagged_sentences():
    ctx = _context(SEED.read_text("utf-8") + "\n" + ARTICLE)
    by_grammar = list(grammar._sentence_tokens(ctx))
    by_word_order = word_order.tagged(ctx)
    assert len(by_grammar) == len(ctx.segments) > 10
    # the very same token lists, not a second tagging of the file
    assert all(a is b for a, (_, b) in zip(by_grammar, by_word_order))
    assert [seg for seg, _ in by_word_order] == ctx.segments
    # and what each sentence holds is what tagging it alone gives
    view = ctx.doc.view
    for seg, tokens in zip(ctx.segments, by_grammar):
        alone = tagging.tag(view, seg.start, seg.end)
        assert [(t.text, t.start, t.end, t.tags, t.tag, t.low) for t in tokens] == \
               [(t.text, t.start, t.end, t.tags, t.tag, t.low) for t in alone]


def test_a_document_holds_each_repeated_word_form_once():
    text = "The reform passed. The reform failed. THE REFORM returned to the chamber."
    tokens = [t for sentence in tagging.document_tokens({}, text, _context(text).segments) for t in sentence]
    reforms = [t for t in tokens if t.text == "reform"]
    assert len(reforms) == 2 and reforms[0].text is reforms[1].text
    lows = [t.low for t in tokens if t.low == "the"]
    assert len(lows) == 4 and all(low is lows[0] for low in lows)  # The, The, THE, the: one lower-case string
    assert [t.text for t in tokens if t.low == "reform"] == ["reform", "reform", "REFORM"]


def test_the_cycle_collector_is_paused_during_a_document_and_back_after_it(tmp_path):
    # In a child process, so that the state asserted is the command's own: the collector is
    # enabled when the command starts, disabled while the detectors run, enabled once done.
    probe = tmp_path / "probe.py"
    probe.write_text(
        "import gc, sys\n"
        "from tqcheck.rules import grammar\n"
        "seen = []\n"
        "original = grammar._sentence_tokens\n"
        "def spy(ctx):\n"
        "    seen.append(gc.isenabled())\n"
        "    return original(ctx)\n"
        "grammar._sentence_tokens = spy\n"
        "from tqcheck.checking import run\n"
        "from tqcheck.cli import main\n"
        "sys.argv = ['tqcheck', 'check', '--engine', 'none', '--select', 'G102', sys.argv[1]]\n"
        "try:\n"
        "    main()\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(seen[:1], gc.isenabled())\n", "utf-8")
    article = tmp_path / "article.txt"
    article.write_text("The minister will remains in office. The talks will resume on Monday.\n", "utf-8")
    done = subprocess.run([sys.executable, str(probe), str(article)], capture_output=True, text=True,
                          env={**__import__("os").environ, "TQCHECK_CACHE_DIR": str(tmp_path / "cache")})
    assert done.stdout.strip().splitlines()[-1] == "[False] True", done.stderr[-500:]


def test_the_collector_comes_back_when_a_document_fails():
    from tqcheck.speed.collector import gc_paused

    assert gc.isenabled()
    try:
        with gc_paused():
            assert not gc.isenabled()
            raise ValueError("a detector failed")
    except ValueError:
        pass
    assert gc.isenabled()


def _plain(words) -> re.Pattern:
    return re.compile(r"\b(?:%s)\b" % "|".join(sorted(words, key=lambda w: (-len(w), w))))


def test_a_word_trie_finds_what_the_plain_alternation_finds():
    words = ["celebrated", "celebrates", "celebrate", "cel", "referred", "refers", "valued", "valorised", "a", "ab"]
    trie = re.compile(r"\b%s\b" % trie_pattern(words))
    assert trie.pattern.startswith(r"\b(?:a")
    text = SEED.read_text("utf-8") + " celebrated celebrates celebrate cel celebr celebrated's " \
        "uncelebrated celebratedly referred-to refers_ valued1 valorised, a ab abc é-a"
    plain = _plain(words)
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)]
    # and on a haystack of the words, their prefixes, extensions and neighbours, with and without boundaries
    rng = random.Random(7)
    pieces = words + [w[:k] for w in words for k in range(1, len(w))] + [w + "s" for w in words] + ["x" + w for w in words]
    haystack = "".join(rng.choice(pieces) + rng.choice([" ", ", ", "-", "_", "'", "é", "1", ""]) for _ in range(20_000))
    assert [m.span() for m in trie.finditer(haystack)] == [m.span() for m in plain.finditer(haystack)]
    for start in range(0, 200, 7):  # a window, as the detectors search one sentence of the view
        assert [m.span() for m in trie.finditer(haystack, start, start + 300)] == \
               [m.span() for m in plain.finditer(haystack, start, start + 300)]


def test_c110_verbs_are_single_words_so_the_trie_is_exact():
    from tqcheck.rules.attribution import _clauseless_verbs

    forms = list(_clauseless_verbs())
    assert len(forms) > 300 and all(re.fullmatch(r"\w+", f) for f in forms)


def test_c110_still_finds_a_clauseless_verb():
    text = "The senator justified that the reform was urgent. Congress approved that the tax will fall in 2025."
    report = check_text(text, target_lang="en", select=["C110"])
    assert [(f.code, text[f.start:f.end]) for f in report.findings] == [("C110", "justified"), ("C110", "approved")]


def test_f103_and_f104_report_from_one_walk_what_each_found_alone():
    text = ARTICLE + "Critics doubted the effectivity of the plan and its alimentation policy.\n"
    both = check_text(text, target_lang="en", select=["F103", "F104"]).findings
    alone = check_text(text, target_lang="en", select=["F103"]).findings + \
        check_text(text, target_lang="en", select=["F104"]).findings
    assert both, "the article holds rare cognates"
    key = lambda f: (f.start, f.code, f.message)  # noqa: E731
    assert sorted(map(key, both)) == sorted(map(key, alone))


def test_folding_an_ascii_word_is_its_lower_case_and_other_words_lose_their_accents():
    import unicodedata

    def slow(word):
        return "".join(ch for ch in unicodedata.normalize("NFD", word.lower()) if not unicodedata.combining(ch))

    for word in ("Boluarte", "McDONALD", "O'Neill", "Tohá", "Gonçalves", "Ñuñoa", "Zoë", "İstanbul", "Łódź", "x"):
        assert fold(word) == slow(word)


def test_sentence_counts_read_the_words_each_sentence_held_before():
    from tqcheck.checking import features

    def per_word(text):  # how the counts read a sentence's words before the ASCII shortcut
        return [w.lower().replace("’", "'") for w in features._word_pattern().findall(text)]

    sentences = [line for line in SEED.read_text("utf-8").splitlines() if line.strip()] + [
        "The Minister's aides DIDN'T say that the reform of the law of the land was also its end.",
        "İstanbul’s mayor, Ana Tohá, said «non» and “that’s all” on this Monday.",
    ]
    assert any(s.isascii() for s in sentences) and any(not s.isascii() for s in sentences)
    for sentence in sentences:
        if sentence.isascii():
            assert features._word_pattern().findall(sentence.lower()) == per_word(sentence)
    counts = features.sentence_counts(sentences[-2])
    assert counts[0] == 18 and counts[1] == 4 and counts[2] == 2 and counts[8] == 1  # words, the, of the, didn't


def test_sentence_ends_are_those_the_look_behind_first_pattern_found():
    """The sentence-end pattern tries itself only at stops: the same ends as with its look-behind first,
    on a seed article and on runs of stops, ellipses, closing quotes and brackets."""
    from tqcheck.text import segment as segmenting

    before = re.compile(r"(?<![.!?…])[.!?…]++[\"'”’»)\]]*+(?=\s+[\"'“‘«(\[¿¡]*[A-ZÀ-ÖØ-Þ0-9])")
    texts = [SEED.read_text("utf-8"), ARTICLE,
             "Wait... What? No!! «Yes.» He left…  (Then) [so]. ¿Qué? 3 more.... A end?! «B» .C. D",
             "....... A", ". A", "x.» «Y", "a?) (B. c!] [D. e.\u201d \u201cF"]
    for text in texts:
        assert [m.span() for m in segmenting._END.finditer(text)] == [m.span() for m in before.finditer(text)]
    assert len(segment(read_document("a.txt", b"He left... Then he came back. And?! Yes.", "text"))) == 4


def test_collapsed_text_is_the_words_joined_by_single_spaces():
    """segment.collapsed gives a text back as it is only where " ".join(text.split()) would give it."""
    import sys as _sys

    from tqcheck.text.segment import collapsed

    spaces = [chr(c) for c in range(_sys.maxunicode + 1) if chr(c).isspace()]
    rng = random.Random(11)
    texts = ["", " ", "a", "a b", "a  b", " a", "a ", "The mayor said so.", "Tab\there", "line\nbreak",
             "nbsp\u00a0here", "ideographic\u3000space", "sep\u2028line", "x\x1cy", "İstanbul’s «mayor»"]
    texts += ["".join(rng.choice(["a", "b", " ", *spaces]) for _ in range(rng.randint(0, 12))) for _ in range(20000)]
    for text in texts:
        assert collapsed(text) == " ".join(text.split()), repr(text)
