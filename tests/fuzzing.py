"""Generated inputs that target the readers' edges, and the invariants every input must keep.

Shared by the property tests (tests/test_fuzz.py, a few hundred examples) and the long run
(tools/fuzz.py, thousands). A check returns a list of problems, each a short sentence, so the
tests can assert it is empty and the long run can count and save what breaks.
"""
from __future__ import annotations

import codecs
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parent.parent
SEED_FILES = (
    (ROOT / "seeds" / "000_24777a2ba7ef8ce0.txt", "text"),
    (ROOT / "fixtures" / "seed_article.md", "markdown"),
    (ROOT / "fixtures" / "seed_article.html", "html"),
)
SARIF_SCHEMA = ROOT / "tests" / "schemas" / "sarif-schema-2.1.0.json"
FORMATS = ("text", "markdown", "html")
OUTPUT_FORMATS = ("text", "json", "sarif", "github")
# (source, target) language pairs a document is checked as; None: detected / every registered source.
# Also pairs with no language data (de, fr as a target), regional and upper-case tags.
LANGUAGE_PAIRS = ((None, "en"), ("es", "en"), ("fr", "en"), ("pt", "en"), ("en", "es"), (None, "es"), (None, None),
                  ("de", "en"), ("es", "en-GB"), (None, "fr"), ("EN", "ES"), ("fr", "es"))

# --- the pieces documents are made of ------------------------------------------------

MARKDOWN = (
    "```", "```python\n", "~~~", "\n```\n", "    ", "\t", "[a](", "](", "[", "]", "(", ")", "[link](http://x.y/a_b)",
    "![alt “text”](img.png)", "**", "*", "_", "__", "`", "``", "<!--", "-->", "<b>", "</b>", "<br/>", "\\",
    "| a | b |\n|---|---|\n| “c | d” |\n", "|", "---\n", "+++\n", "---\ntitle: “x\n---\n", "# ", "## ", "> ", "- ",
    "* ", "1. ", "<https://example.org/x>", "https://example.org/a?q=”x”", "[^1]", "[^1]: note\n", "===\n",
    "<!-- tqcheck: disable Q101 -->", "<!-- tqcheck: enable -->", "<!-- tqcheck: ignore-next-line -->",
    "<!-- tqcheck: disable -->", "tqcheck: ignore-next-line\n", "# tqcheck: disable Q\n",
    "[ref]: http://x.y \"title\"\n", "[ref]", "\\|", "``` ` ```", "<div>\n", "</div>\n", "    - ", "\n    code\n",
    "***\n", "___\n", "- [ ] ", "<details>", "{#id}", "$$", "<kbd>", "\n---\n", "\n+++\n", "---", "+++",
)
HTML = (
    "<p>", "</p>", "<div class=\"x\">", "</div>", "<script>", "</script>", "<style>", "</style>", "<pre>", "</pre>",
    "<code>", "</code>", "<img alt=\"", "\" title=\"", "\">", "<a href='", "'>", "</a>", "&nbsp;", "&#8220;",
    "&#x201d;", "&quot;", "&lt;", "&amp;", "&amp", "&", "&#", "&#x;", "&#99999999;", "&#0;", "&#xD800;",
    "&unknown;", "&ldquo", "&rdquo;", "&notin;", "&not", "<![CDATA[", "]]>", "<!DOCTYPE html>", "<", ">", "</",
    "<br>", "<h1>", "</h1>", "<li>", "<ul>", "<td>", "<tr>", "<table>", "<blockquote>", "<title>", "<textarea>",
    "<plaintext>", "<svg>", "<math>", "<?xml ?>", "<!-- tqcheck: disable -->", "<b", "<p/", "</p ",
    "&#10;", "&#13;", "&#x85;", "&#128;", "&#xFFFF;", "&#x1F600;", "&fjlig;", "&NotEqualTilde;", "&amp;quot;",
    "<p title=\"“a\">", "<img alt='x&quot;y'>", "<!-->", "<!--->", "<script src=x>", "</script ", "<SCRIPT>",
)
QUOTES = ("“", "”", "«", "»", "„", "‘", "’", '"', "'", "‹", "›", "« ", " »", "「", "」", "‚", "`", "´")
LINE_ENDS = ("\n", "\r\n", "\r", "\n\n", "\r\n\r\n", "\r\r", "\n\r")
CONTROLS = (
    "\x00", "\x01", "\x08", "\x0b", "\x0c", "\x1b", "\x7f", "\x85", "\u2028", "\u2029", "\ufeff", "\u200b",
    "\u200d", "\u00a0", "\u202f", "\u2009", "\t", "\u00ad", "\ufffd", "\U0001f600",
)
COMBINING = ("\u0301", "\u0308", "e\u0301", "n\u0303", "\u20dd", "\u0327", "a\u0300\u0301", "\u0345")
WORDS = (
    "The", "the", "minister", "said", "that", "was", "will", "be", "Mr.", "Dr.", "U.S.", "e.g.", "etc.", "St.",
    "J.", "this Friday", "actually", "eventually", "assist", "sensible", "library", "in effect", "Monday",
    "According to", "it is", "Is", "Has", "el", "la", "de", "que", "los", "y", "en", "por", "para", "una",
    "es", "le", "les", "des", "et", "est", "não", "uma", "com", "português", "año", "niño", "garçon", "Ukraine",
    "NATO", "Putin", "Moscow", "Source:", "Read more", "You may also like", "Photo:", "EFE", "(AFP)",
    "12:30 h", "14h30", "03/02/2022", "2022-02-03", "million", "millones", "mil", "billion", "%", "€", "$",
    "word word", "the the", "A", "I", "¿", "¡", "?", "!", "…", "...", ".", ",", ";", ":", "-", " - ", "—", "–",
)
SYNTAX = MARKDOWN + HTML

# Digits with . and , as separators: 13.000, 13,000, 1.234,5, 0,5 and the like.
numbers = st.tuples(
    st.integers(0, 999), st.lists(st.integers(0, 999), max_size=3), st.sampled_from(".,"),
    st.sampled_from(("", ".5", ",5", ".25", ",75", ".")), st.sampled_from(("", "", "%", " %", " €", "h", " km")),
).map(lambda t: str(t[0]) + "".join(f"{t[2]}{group:03d}" for group in t[1]) + t[3] + t[4])


def _atoms(syntax=SYNTAX):
    return st.one_of(
        st.sampled_from(WORDS).map(lambda w: w + " "),
        st.sampled_from(WORDS),
        st.sampled_from(syntax),
        st.sampled_from(QUOTES),
        st.sampled_from(LINE_ENDS),
        st.sampled_from(CONTROLS),
        st.sampled_from(COMBINING),
        numbers,
        st.just(" "),
        # Random unicode without surrogates (a str cannot be written to a file with one).
        st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=8),
    )


def _joined(parts: st.SearchStrategy, max_chars: int) -> st.SearchStrategy:
    """Runs of `parts` joined, in runs of runs: Hypothesis keeps one flat list short."""
    run = st.lists(parts, max_size=max(4, max_chars // 60)).map("".join)
    return st.lists(run, max_size=max(2, max_chars // 200)).map(lambda runs: "".join(runs)[:max_chars])


def composed(max_chars: int, syntax=SYNTAX):
    """A document put together from syntax, quotes, words, numbers, line ends and odd characters."""
    return _joined(_atoms(syntax), max_chars)


@lru_cache(maxsize=None)
def seed_texts() -> tuple[str, ...]:
    return tuple(path.read_text("utf-8") for path, _ in SEED_FILES)


@st.composite
def mutated(draw, max_chars: int):
    """A stretch of a real article (the seed or a fixture) with slices inserted, deleted, duplicated,
    swapped, and syntax injected."""
    text = draw(st.sampled_from(seed_texts()))
    if len(text) > max_chars or draw(st.booleans()):
        start = draw(st.integers(0, len(text) - 1))
        text = text[start:start + draw(st.integers(1, max_chars))]
    for _ in range(draw(st.integers(0, 6))):
        n = len(text)
        i = draw(st.integers(0, n))
        j = draw(st.integers(i, min(n, i + 200)))
        op = draw(st.sampled_from(("insert", "delete", "duplicate", "swap", "inject", "replace")))
        if op == "insert":
            text = text[:i] + draw(composed(40)) + text[i:]
        elif op == "delete":
            text = text[:i] + text[j:]
        elif op == "duplicate":
            text = text[:j] + text[i:j] + text[j:]
        elif op == "swap":
            k = draw(st.integers(j, n))
            m = draw(st.integers(k, min(n, k + 200)))
            text = text[:i] + text[k:m] + text[j:k] + text[i:j] + text[m:]
        elif op == "inject":
            text = text[:i] + draw(st.sampled_from(SYNTAX + QUOTES + LINE_ENDS + CONTROLS)) + text[i:]
        else:
            text = text[:i] + draw(st.sampled_from(QUOTES + LINE_ENDS + COMBINING)) + text[j:]
    return text[:max_chars]


NUMBER_WORDS = ("13.000", "13,000", "1.234,5", "1,234.5", "0,5", "2.5", "1.000.000", "3,14", "12.30", "45 %", "7")
_CLOSERS = (".", ".", "?", "!", "…", ":", "", ".”", "”.")


@st.composite
def sentence(draw, syntax=SYNTAX):
    """Something like a sentence: a capitalised start, words, maybe a quotation, an end mark."""
    vocabulary = WORDS + WORDS + NUMBER_WORDS + QUOTES + syntax
    # One draw of bytes picks every word: a draw a word would make prose the slowest thing to generate.
    words = [vocabulary[b % len(vocabulary)] for b in draw(st.binary(min_size=1, max_size=15))]
    if draw(st.booleans()):
        i = draw(st.integers(0, len(words)))
        j = draw(st.integers(i, len(words)))
        opening, closing = draw(st.sampled_from((("“", "”"), ("«", "»"), ("„", "“"), ('"', '"'), ("‘", "’"))))
        words = words[:i] + [opening + " ".join(words[i:j]) + closing] + words[j:]
    text = " ".join(words)
    return text[:1].upper() + text[1:] + draw(st.sampled_from(_CLOSERS))


def prose(max_chars: int, syntax=SYNTAX):
    """Paragraphs of sentence-like text, with syntax inside and between them."""
    separators = st.sampled_from((" ", " ", "  ") + LINE_ENDS + syntax)
    return _joined(st.tuples(sentence(syntax), separators).map("".join), max_chars)


def documents(max_chars: int = 2000):
    """Any text a reader may be given: composed from pieces, sentence-like prose, or a mutated real article."""
    return st.one_of(composed(max_chars), prose(max_chars), mutated(max_chars))


@dataclass(frozen=True)
class Case:
    """One document and how it is checked."""

    text: str
    fmt: str
    source_lang: str | None
    target_lang: str | None

    def describe(self) -> dict:
        return {"text": self.text, "fmt": self.fmt, "source_lang": self.source_lang, "target_lang": self.target_lang}


def cases(max_chars: int = 2000):
    """A document, the format it is read as and the languages it is checked with."""
    return st.tuples(documents(max_chars), st.sampled_from(FORMATS), st.sampled_from(LANGUAGE_PAIRS)).map(
        lambda t: Case(t[0], t[1], *t[2])
    )


ENCODINGS = ("utf-8", "utf-8-sig", "utf-16-le", "utf-16-be", "utf-16", "latin-1", "cp1252")
BOMS = (b"", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE)
# What --encoding may be given: nothing (BOM or UTF-8), real encodings, codecs that fail in odd ways
# (punycode, idna), decode to lone surrogates (utf-7, unicode_escape), are not text codecs, or do not exist.
ODD_ENCODINGS = (None, None, "utf-8", "utf-16", "latin-1", "cp1252", "utf-7", "unicode_escape", "punycode", "idna",
                 "hex", "no-such-codec")
# The BOMs tqcheck reads, by the encoding they announce; "" is UTF-8 without one.
BOM_ENCODINGS = ("", "utf-8", "utf-16-le", "utf-16-be")
_BOM_OF = {"": b"", "utf-8": codecs.BOM_UTF8, "utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}


def encode_with_bom(text: str, bom: str) -> bytes:
    return _BOM_OF[bom] + text.encode(bom or "utf-8")


def expected_decoding(text: str, bom: str) -> str | None:
    """What decoding `encode_with_bom(text, bom)` must give: the text without the BOM, or None where the
    bytes are refused as binary (no BOM, and a NUL byte in the first 8 KiB, as git decides)."""
    if bom:
        return text
    if text.startswith("\ufeff"):
        return text[1:]  # a leading U+FEFF in UTF-8 is the BOM
    return None if b"\x00" in encode_with_bom(text, bom)[:8192] else text


# Bytes at the edges of decoders: BOMs mid-stream, NUL, bytes no UTF-8 starts with, cut sequences,
# escapes and UTF-7 runs that decode to half a surrogate pair, punycode and IDNA prefixes.
BYTE_PIECES = (
    codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, b"\x00", b"\xff", b"\xc3", b"\xe2\x80", b"\xed\xa0\x80",
    b"\\ud800", b"\\udc00", b"\\x", b"\\N{", b"\\u00e9", b"+2AA-", b"+AGEAYgBj-", b"+", b"-", b"xn--", b"xn--a-",
    b".", b"\r\n", b"\r", b"\n", b" ", b"?", b"The minister said", b"\xe2\x80\x9d", b"\x93", b"\x94",
)


@st.composite
def raw_bytes(draw, max_chars: int = 2000):
    """Bytes a file may hold: text encoded one way or another, pieces at decoders' edges, or arbitrary
    bytes; with or without a BOM, cut anywhere."""
    kind = draw(st.sampled_from(("binary", "text", "pieces")))
    if kind == "binary":
        data = draw(st.binary(max_size=max_chars))
    elif kind == "text":
        text = draw(documents(max_chars))
        data = text.encode(draw(st.sampled_from(ENCODINGS)), errors="replace")
    else:
        data = b"".join(draw(st.lists(st.sampled_from(BYTE_PIECES), max_size=max(4, max_chars // 20))))
    data = draw(st.sampled_from(BOMS)) + data
    if data and draw(st.booleans()):
        data = data[: draw(st.integers(0, len(data)))]
    return data


# --- invariants ------------------------------------------------------------------------


def line_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of `offset`, computed afresh: `\\r\\n`, a lone `\\r` and `\\n` end a line
    (tqcheck.text.document.LineIndex), and the column counts code points from the line's start."""
    line, line_start, i = 1, 0, 0
    while i < offset:
        ch = text[i]
        if ch == "\r" and i + 1 < len(text) and text[i + 1] == "\n":
            i += 1  # the pair ends one line
        if ch in "\r\n":
            if i + 1 > offset:
                break
            line, line_start = line + 1, i + 1
        i += 1
    return line, offset - line_start + 1


def document_problems(doc) -> list[str]:
    """What a reader must give: a view of the prose, blocks inside it, suppressions inside the text."""
    problems = []
    text, view = doc.text, doc.view
    if doc.view_to_raw is None:
        if len(view) != len(text):
            problems.append(f"view length {len(view)} != text length {len(text)}")
        else:
            changed = [i for i, (a, b) in enumerate(zip(text, view)) if a != b and b != " "]
            if changed:
                problems.append(f"view changes characters other than to a blank at {changed[:5]}")
    in_block = bytearray(len(view))
    last_end = 0
    for block in doc.blocks:
        in_block[block.start:block.end] = b"\x01" * max(0, block.end - block.start)
        if not (last_end <= block.start < block.end <= len(view)):
            problems.append(f"block {block} is empty, overlaps the one before or leaves the view ({len(view)})")
        last_end = max(last_end, block.end)
        a, b = doc.raw_span(block.start, block.end)
        if not (0 <= a <= b <= len(text)):
            problems.append(f"block {block} maps to raw {a}:{b} outside the text ({len(text)})")
    unread = next((i for i, ch in enumerate(view) if not in_block[i] and not ch.isspace()), None)
    if unread is not None:
        problems.append(f"prose {view[unread:unread + 20]!r} at view offset {unread} lies in no block")
    for s in doc.suppressions:
        if not (0 <= s.start <= s.end <= len(text)):
            problems.append(f"suppression {s} outside the text ({len(text)})")
    return problems


def segment_problems(doc, segments) -> list[str]:
    """Sentences in order, inside their block, trimmed, and mapped into the raw text."""
    problems = []
    covered = bytearray(len(doc.view))
    last_end = 0
    for i, s in enumerate(segments):
        covered[s.start:s.end] = b"\x01" * max(0, s.end - s.start)
        if s.index != i:
            problems.append(f"segment {i} has index {s.index}")
        block = doc.blocks[s.block] if 0 <= s.block < len(doc.blocks) else None
        if block is None or not (block.start <= s.start < s.end <= block.end):
            problems.append(f"segment {s} is empty or outside its block {block}")
        if s.start < last_end:
            problems.append(f"segment {s} overlaps the one before")
        last_end = s.end
        if s.end > s.start and (doc.view[s.start].isspace() or doc.view[s.end - 1].isspace()):
            problems.append(f"segment {s} is not trimmed: {doc.view[s.start:s.end]!r}")
        a, b = doc.raw_span(s.start, s.end)
        if not (0 <= a <= b <= len(doc.text)):
            problems.append(f"segment {s} maps to raw {a}:{b} outside the text ({len(doc.text)})")
    for block in doc.blocks:
        left = next((i for i in range(block.start, block.end) if not covered[i] and not doc.view[i].isspace()), None)
        if left is not None:
            problems.append(f"prose at view offset {left} of block {block} lies in no segment")
    return problems


def _prose_and_entities(doc) -> tuple[bytearray, set[tuple[int, int]]]:
    """Which raw characters are prose (the source of a non-blank view character), and the raw spans
    longer than the one view character they stand for (HTML entities)."""
    prose, entities = bytearray(len(doc.text)), set()
    if doc.view_to_raw is None:
        for i, (raw, seen) in enumerate(zip(doc.text, doc.view)):
            prose[i] = raw == seen and not raw.isspace()
        return prose, entities
    for v, ch in enumerate(doc.view):
        a, b = doc.raw_span(v, v + 1)
        if b - a > 1:
            entities.add((a, b))
        if not ch.isspace():
            prose[a:b] = b"\x01" * (b - a)
    return prose, entities


def finding_problems(doc, report) -> list[str]:
    """Every finding points at real characters of the raw text, with the line and column they have:
    never at non-prose alone (tags, code, front matter), never into the middle of an HTML entity."""
    from tqcheck.rules import by_code
    from tqcheck.text.suppress import UNUSED_CODE

    problems = []
    text = doc.text
    codes = set(by_code()) | {UNUSED_CODE}
    prose, entities = _prose_and_entities(doc)
    for f in report.findings:
        where = f"{f.code} {f.start}:{f.end}"
        if not (0 <= f.start <= f.end <= len(text)):
            problems.append(f"bad offset: {where} outside 0..{len(text)}")
            continue
        if f.code != UNUSED_CODE and f.end > f.start and not any(prose[f.start:f.end]):
            problems.append(f"bad offset: {where} covers no prose, only {text[f.start:f.end]!r}")
        for a, b in entities:
            if a < f.start < b or a < f.end < b:
                problems.append(f"bad offset: {where} cuts the entity {text[a:b]!r} at {a}:{b}")
        if text[f.start:f.end] != f.excerpt:
            problems.append(f"bad offset: {where} excerpt {f.excerpt!r} != text {text[f.start:f.end]!r}")
        if (f.line, f.column) != line_column(text, f.start):
            problems.append(f"bad offset: {where} starts at {f.line}:{f.column}, not {line_column(text, f.start)}")
        if (f.end_line, f.end_column) != line_column(text, f.end):
            problems.append(f"bad offset: {where} ends at {f.end_line}:{f.end_column}, not {line_column(text, f.end)}")
        if f.segment is not None and not 0 <= f.segment < len(report.segments):
            problems.append(f"bad offset: {where} names segment {f.segment} of {len(report.segments)}")
        if f.code not in codes:
            problems.append(f"{where}: unknown code")
    # Not in raw order: an HTML alt or title value is read after the text of its block.
    for s in report.segments:
        if not (0 <= s.start <= s.end <= len(text)):
            problems.append(f"bad offset: segment {s.index} at {s.start}:{s.end} outside 0..{len(text)}")
    return problems


# --- output formats --------------------------------------------------------------------

# The json contract (tqcheck/output/json_format.py): each key, in order, with the types its value may have.
_N = type(None)
JSON_KEYS = {"tool": dict, "signatures": dict, "files": list, "summary": dict}
JSON_FILE_KEYS = {"path": str, "format": str, "target_lang": (str, _N), "source_lang": (str, _N), "engine": (dict, _N),
                  "score": (int, float), "findings": list, "segments": list, "notes": list}
JSON_FINDING_KEYS = {"code": str, "name": str, "severity": str, "message": str, "source_lang": (str, _N),
                     "start": int, "end": int, "line": int, "column": int, "end_line": int, "end_column": int,
                     "excerpt": str, "suggestion": (str, _N), "segment": (int, _N)}
JSON_SEGMENT_KEYS = {"index": int, "start": int, "end": int, "text": str, "score": (int, float),
                     "backtranslation": (str, _N), "round_trip": (str, _N), "chrf": (int, float, _N), "source": (dict, _N)}
JSON_SUMMARY_KEYS = {"files": int, "findings": int, "by_severity": dict, "skipped": list}
_GITHUB_LINE = re.compile(
    r"::(error|warning|notice) file=[^,:\r\n]*,line=\d+(,col=\d+)?,endLine=\d+(,endColumn=\d+)?,"
    r"title=[A-Z]\d{3} [a-z-]+::[^\r\n]*"
)


def make_report(file_reports):
    """A Report as tqcheck.checking.run builds one: every detector's description, the files in order."""
    from tqcheck import __version__
    from tqcheck.output.report import Report
    from tqcheck.rules import all_detectors

    return Report(__version__, files=list(file_reports), rules={d.code: d for d in all_detectors()})


def render_all(report) -> dict[str, str]:
    from tqcheck.output import render

    out = {fmt: render(report, fmt) for fmt in OUTPUT_FORMATS}
    out["text-color"] = render(report, "text", color=True)
    return out


def json_problems(rendered: str, report) -> list[str]:
    """The json format parses, has the documented keys in order with values of the documented types,
    and says what the report says."""
    try:
        data = json.loads(rendered)
    except ValueError as exc:
        return [f"invalid output: json does not parse: {exc}"]
    problems = []

    def shaped(obj, spec: dict, what: str) -> bool:
        if not isinstance(obj, dict) or tuple(obj)[: len(spec)] != tuple(spec):
            problems.append(f"invalid output: json {what} keys {list(obj) if isinstance(obj, dict) else obj!r}")
            return False
        wrong = [k for k, types in spec.items() if not isinstance(obj[k], types) or isinstance(obj[k], bool)]
        problems.extend(f"invalid output: json {what} {k} = {obj[k]!r}" for k in wrong)
        return not wrong

    if not shaped(data, JSON_KEYS, "report") or not shaped(data["summary"], JSON_SUMMARY_KEYS, "summary"):
        return problems
    if len(data["files"]) != len(report.files):
        problems.append("invalid output: json has another number of files")
    for jf, rf in zip(data["files"], report.files):
        if not shaped(jf, JSON_FILE_KEYS, "file"):
            continue
        if len(jf["findings"]) != len(rf.findings) or len(jf["segments"]) != len(rf.segments):
            problems.append("invalid output: json has another number of findings or segments")
        for jx, fx in zip(jf["findings"], rf.findings):
            if not shaped(jx, JSON_FINDING_KEYS, "finding"):
                continue
            if jx["severity"] not in ("error", "warning", "info"):
                problems.append(f"invalid output: json severity {jx['severity']!r}")
            if (jx["code"], jx["start"], jx["end"], jx["excerpt"]) != (fx.code, fx.start, fx.end, rf.text[fx.start:fx.end]):
                problems.append(f"invalid output: json finding {jx['code']} is not the report's or not its text")
        for js in jf["segments"]:
            shaped(js, JSON_SEGMENT_KEYS, "segment")
    counts = data["summary"]["by_severity"]
    if data["summary"]["findings"] != sum(len(f.findings) for f in report.files) or counts != report.by_severity():
        problems.append("invalid output: json summary miscounts the findings")
    return problems


@lru_cache(maxsize=None)
def sarif_validator():
    import jsonschema

    schema = json.loads(SARIF_SCHEMA.read_text("utf-8"))
    return jsonschema.Draft7Validator(schema)


def sarif_problems(rendered: str, report) -> list[str]:
    try:
        data = json.loads(rendered)
    except ValueError as exc:
        return [f"invalid output: sarif does not parse: {exc}"]
    problems = [f"invalid output: sarif {e.message[:200]} at {list(e.absolute_path)}"
                for e in sarif_validator().iter_errors(data)]
    results = data["runs"][0]["results"] if not problems else []
    findings = [f for file in report.files for f in file.findings]
    if not problems and len(results) != len(findings):
        problems.append("invalid output: sarif has another number of results than findings")
    for result, f in zip(results, findings):
        region = result["locations"][0]["physicalLocation"]["region"]
        if (region["charOffset"], region["charLength"], region["startLine"], region["startColumn"]) != (
            f.start, f.end - f.start, f.line, f.column
        ):
            problems.append(f"invalid output: sarif region of {f.code} does not match the finding")
    return problems


def github_problems(rendered: str, report) -> list[str]:
    lines = rendered.split("\n")
    if lines[-1] != "":
        return ["invalid output: github output does not end with a newline"]
    lines = lines[:-1]
    problems = []
    # The run's summary closes the output (issue 14), unless --quiet: one command a finding before it.
    if not report.quiet:
        if not lines or not lines[-1].startswith("::notice title=tqcheck summary::"):
            return ["invalid output: github output does not end with its ::notice summary"]
        lines = lines[:-1]
    if len(lines) != sum(len(f.findings) for f in report.files):
        problems.append(f"invalid output: github has {len(lines)} lines for the findings")
    problems += [f"invalid output: github line {line[:120]!r}" for line in lines if not _GITHUB_LINE.fullmatch(line)]
    return problems


def text_problems(rendered: str, report) -> list[str]:
    """The text format names every finding as path:line:column: CODE."""
    problems = []
    for file in report.files:
        for f in file.findings:
            if f"{file.path}:{f.line}:{f.column}: {f.code} [" not in rendered:
                problems.append(f"invalid output: text report lacks {f.code} at {f.line}:{f.column}")
    return problems


def output_problems(outputs: dict[str, str], report) -> list[str]:
    return (
        json_problems(outputs["json"], report)
        + sarif_problems(outputs["sarif"], report)
        + github_problems(outputs["github"], report)
        + text_problems(outputs["text"], report)
    )


# --- one case through everything -------------------------------------------------------


def check_case(case: Case, path: str = "fuzz/doc.txt"):
    """The FileReport of `case` checked as the library checks a string (every detector, no engine)."""
    from tqcheck.api import check_text

    return check_text(case.text, fmt=case.fmt, target_lang=case.target_lang, source_lang=case.source_lang, path=path)


def check_with_source(case: Case, source: Case, path: str = "fuzz/doc.txt"):
    """The FileReport of `case` checked against `source` as its original (the source-aware detectors too)."""
    from tqcheck.checking.check import Settings, check_document
    from tqcheck.reading import parse_text

    doc = parse_text(path, case.text, case.fmt)
    source_doc = parse_text("fuzz/source.txt", source.text, source.fmt)
    target = case.target_lang or "en"
    settings = Settings(target_lang=target, source_lang=case.source_lang or ("es" if target == "en" else "en"),
                        engine="none")
    return check_document(doc, settings, None, source_doc)


def json_reports_main() -> None:
    """Read cases as JSON on stdin, print the json report of each: the same check in a fresh process."""
    import sys

    batch = [Case(**c) for c in json.load(sys.stdin)]
    out = [render_all(make_report([check_case(c)]))["json"] for c in batch]
    sys.stdout.write(json.dumps(out))


# --- the command line ------------------------------------------------------------------


def command_line_problems(args: list[str], stdin: bytes | None = None) -> list[str]:
    """Run `tqcheck check --debug ARGS` in this process: exit 0 or 1, or one of tqcheck's own errors
    (which --debug lets through instead of printing); anything else is a problem, with its traceback."""
    import traceback

    from click.testing import CliRunner

    from tqcheck.cli import cli
    from tqcheck.errors import TqcheckError

    result = CliRunner().invoke(cli, ["check", "--debug", *args], input=stdin)
    error = result.exception
    if error is None or isinstance(error, TqcheckError) or (isinstance(error, SystemExit) and result.exit_code in (0, 1)):
        return []
    return [f"crash: tqcheck check {' '.join(args)} raised {type(error).__name__}: {error}\n"
            + "".join(traceback.format_exception(*result.exc_info))]


# --- configuration files ---------------------------------------------------------------

CONFIG_KEYS = ("select", "ignore", "exclude", "fail-on", "engine", "source-lang", "target-lang", "source-pattern",
               "severity", "colour")
_CONFIG_WORDS = ("Q101", "Q", "unbalanced-quote", "error", "warning", "info", "never", "auto", "none", "en", "es",
                 "en-US", "english!", "{stem}.{lang}{ext}", "drafts/*", "")
_toml_scalars = st.one_of(
    st.sampled_from(_CONFIG_WORDS), st.text(max_size=8), st.integers(), st.booleans(),
    st.floats(allow_nan=False, allow_infinity=False),
)
toml_values = st.recursive(
    _toml_scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=3),
                            st.dictionaries(st.sampled_from(CONFIG_KEYS + _CONFIG_WORDS), inner, max_size=3)),
    max_leaves=6,
)


def toml(value) -> str:
    """`value` written as a TOML value (strings with JSON's escapes, which TOML shares, but for astral
    characters, which TOML writes as they are rather than as a surrogate pair)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")
    if isinstance(value, list):
        return "[" + ", ".join(toml(v) for v in value) + "]"
    return "{" + ", ".join(f"{toml(k)} = {toml(v)}" for k, v in value.items()) + "}"


@st.composite
def config_files(draw) -> tuple[str, str]:
    """(file name, content) of a configuration file: right or wrong keys, values of any TOML type,
    a pyproject.toml whose `tool` or `tool.tqcheck` is anything, or text that is not TOML at all."""
    table = draw(st.dictionaries(st.sampled_from(CONFIG_KEYS), toml_values, max_size=4))
    body = "".join(f"{toml(k)} = {toml(v)}\n" for k, v in table.items())
    name = draw(st.sampled_from((".tqcheck.toml", "pyproject.toml")))
    if name == "pyproject.toml":
        body = draw(st.sampled_from((
            f"[project]\nname = \"x\"\n\n[tool.tqcheck]\n{body}",
            f"tool = {toml(draw(toml_values))}\n",
            f"[tool]\ntqcheck = {toml(draw(toml_values))}\n",
        )))
    if draw(st.integers(0, 9)) == 0:
        body = body[: draw(st.integers(0, len(body)))] + draw(st.text(max_size=10))
    return name, body
