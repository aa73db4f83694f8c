"""Bytes to text: every way decoding can fail is one of tqcheck's input errors, never a crash."""
from __future__ import annotations

import pytest

from tqcheck.errors import InputError
from tqcheck.reading import read_document


def test_a_codec_that_fails_without_naming_a_byte_is_an_input_error():
    # Found by fuzzing: punycode raises a bare UnicodeError, which surfaced as an "internal error".
    with pytest.raises(InputError, match=r"^notes\.txt: cannot decode as punycode$"):
        read_document("notes.txt", b"\n\r ?", encoding="punycode")


def test_a_codec_that_decodes_to_a_lone_surrogate_is_an_input_error():
    # Found by fuzzing: the text decoded, then every output format failed to encode it.
    with pytest.raises(InputError, match=r"^notes\.txt: decoding as unicode_escape gives a lone surrogate at character 8$"):
        read_document("notes.txt", b"He said \\ud800 hello.", encoding="unicode_escape")
    with pytest.raises(InputError, match="lone surrogate at character 4"):
        read_document("notes.txt", b"Yes +2AA-.", encoding="utf-7")
