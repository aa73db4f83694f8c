"""Bytes to text: every way decoding can fail is one of tqcheck's input errors, never a crash."""
from __future__ import annotations

import pytest

from tqcheck.errors import InputError
from tqcheck.reading import read_document


def test_a_codec_that_fails_without_naming_a_byte_is_an_input_error():
    # Found by fuzzing: punycode raises a bare UnicodeError, which surfaced as an "internal error".
    with pytest.raises(InputError, match=r"^notes\.txt: cannot decode as punycode$"):
        read_document("notes.txt", b"\n\r ?", encoding="punycode")
