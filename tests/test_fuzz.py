"""Generated documents through every reader, the segmenter, every detector and every output format.

The inputs (tests/fuzzing.py) aim at the readers' edges: Markdown and HTML syntax, entities,
quotes of every kind, numbers with both separators, every line ending, control characters,
combining marks, random unicode, and real articles cut, duplicated, swapped and injected with
syntax. Each property is one invariant the README promises. The profile is fixed (derandomized,
no example database), so CI runs the same few hundred examples every time; `tools/fuzz.py` runs
the same generators over many thousands.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import fuzzing
from fuzzing import Case, cases, documents, raw_bytes
from tqcheck.errors import InputError
from tqcheck.reading import parse_text, read_document
from tqcheck.text.segment import segment

settings.register_profile(
    "tqcheck-ci",
    derandomize=True,
    deadline=None,
    database=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
CI = settings.get_profile("tqcheck-ci")
MAX_CHARS = 2000  # long single paragraphs are still superlinear in some detectors; tools/fuzz.py goes further


def examples(n: int):
    return settings(CI, max_examples=n)


def _checked(case: Case):
    return parse_text("fuzz/doc.txt", case.text, case.fmt), fuzzing.check_case(case)


# --- reading ---------------------------------------------------------------------------


@examples(60)
@given(documents(MAX_CHARS), st.sampled_from(fuzzing.FORMATS))
def test_reading_any_text_gives_a_view_with_every_prose_character_in_a_block(text, fmt):
    doc = parse_text("fuzz/doc", text, fmt)
    assert doc.text == text
    assert fuzzing.document_problems(doc) == []


@examples(60)
@given(
    raw_bytes(MAX_CHARS),
    st.sampled_from(fuzzing.FORMATS),
    st.sampled_from(fuzzing.ODD_ENCODINGS),
)
def test_reading_any_bytes_gives_a_document_or_an_input_error(data, fmt, encoding):
    try:
        doc = read_document("fuzz/doc", data, fmt, encoding)
    except InputError as exc:
        assert str(exc) and "\n" not in str(exc)  # the one line the command prints
        return
    doc.text.encode("utf-8")  # no lone surrogate: every output format can write it
    assert fuzzing.document_problems(doc) == []


@examples(40)
@given(documents(MAX_CHARS), st.sampled_from(fuzzing.BOM_ENCODINGS))
def test_decoding_removes_the_bom_and_keeps_every_other_character(text, bom):
    data = fuzzing.encode_with_bom(text, bom)
    expected = fuzzing.expected_decoding(text, bom)
    if expected is None:
        try:
            read_document("fuzz/doc", data)
        except InputError as exc:
            assert "binary file" in str(exc)
            return
        raise AssertionError("a NUL byte without a BOM was read as text")
    assert read_document("fuzz/doc", data).text == expected


# --- segments and findings --------------------------------------------------------------


@examples(40)
@given(documents(MAX_CHARS), st.sampled_from(fuzzing.FORMATS), st.sampled_from(("en", "es", "fr", "pt")))
def test_segments_cover_the_prose_of_each_block_in_order_with_raw_offsets_inside_the_text(text, fmt, lang):
    doc = parse_text("fuzz/doc", text, fmt)
    assert fuzzing.segment_problems(doc, segment(doc, lang)) == []


@examples(80)
@given(cases(MAX_CHARS))
def test_every_finding_is_its_excerpt_at_its_line_and_column(case):
    doc, report = _checked(case)
    assert fuzzing.finding_problems(doc, report) == []


@examples(30)
@given(cases(MAX_CHARS), cases(600))
def test_source_aware_findings_point_into_the_checked_text(case, source):
    report = fuzzing.check_with_source(case, source)
    assert fuzzing.finding_problems(parse_text("fuzz/doc.txt", case.text, case.fmt), report) == []


# --- output formats ----------------------------------------------------------------------


@examples(40)
@given(cases(MAX_CHARS))
def test_json_parses_with_the_documented_keys_and_the_findings_excerpts(case):
    report = fuzzing.make_report([_checked(case)[1]])
    assert fuzzing.json_problems(fuzzing.render_all(report)["json"], report) == []


@examples(25)
@given(cases(MAX_CHARS))
def test_sarif_validates_against_the_sarif_2_1_0_schema(case):
    report = fuzzing.make_report([_checked(case)[1]])
    assert fuzzing.sarif_problems(fuzzing.render_all(report)["sarif"], report) == []


@examples(40)
@given(cases(MAX_CHARS))
def test_github_has_one_workflow_command_a_finding_and_text_names_each_at_its_position(case):
    report = fuzzing.make_report([_checked(case)[1]])
    outputs = fuzzing.render_all(report)
    assert fuzzing.github_problems(outputs["github"], report) + fuzzing.text_problems(outputs["text"], report) == []


@examples(30)
@given(cases(MAX_CHARS))
def test_the_same_input_gives_the_same_output_every_time(case):
    first = fuzzing.render_all(fuzzing.make_report([fuzzing.check_case(case)]))
    second = fuzzing.render_all(fuzzing.make_report([fuzzing.check_case(case)]))
    assert first == second


@examples(2)
@given(st.lists(cases(MAX_CHARS), min_size=15, max_size=15))
def test_the_same_inputs_give_the_same_json_in_a_fresh_process_with_another_hash_seed(batch):
    # Set and dict order of strings changes with the hash seed; the report must not.
    here = [fuzzing.render_all(fuzzing.make_report([fuzzing.check_case(c)]))["json"] for c in batch]
    env = dict(os.environ, PYTHONHASHSEED="12345", PYTHONPATH=os.pathsep.join(
        [str(fuzzing.ROOT), str(fuzzing.ROOT / "tests"), os.environ.get("PYTHONPATH", "")]))
    proc = subprocess.run(
        [sys.executable, "-c", "import fuzzing, sys; fuzzing.json_reports_main()"],
        input=json.dumps([c.describe() for c in batch]), capture_output=True, text=True, env=env, timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == here


# --- the command line ---------------------------------------------------------------------


@examples(40)
@given(
    raw_bytes(MAX_CHARS),
    st.sampled_from(("post.md", "page.html", "notes.txt", "data.bin")),
    st.sampled_from(fuzzing.OUTPUT_FORMATS),
    st.sampled_from(((), ("--target-lang", "es"), ("--source-lang", "pt"),
                     *(("--encoding", e) for e in fuzzing.ODD_ENCODINGS if e))),
)
def test_the_command_line_on_any_bytes_exits_0_1_or_2_without_an_internal_error(data, name, fmt, extra):
    args = ["--engine", "none", "--format", fmt, "--stdin-filename", name, *extra, "-"]
    assert fuzzing.command_line_problems(args, data) == []


@examples(60)
@given(fuzzing.config_files(), st.booleans())
def test_any_configuration_file_is_read_or_refused_with_one_line_never_an_internal_error(config, explicit):
    name, content = config
    with tempfile.TemporaryDirectory() as folder:
        Path(folder, name).write_text(content, encoding="utf-8")
        article = Path(folder, "article.md")
        article.write_text("The minister promised talks on border guarantees” requested by the unions.\n")
        args = ["--engine", "none", *(["--config", str(Path(folder, name))] if explicit else []), str(article)]
        assert fuzzing.command_line_problems(args) == []
