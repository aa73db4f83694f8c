"""Bytes to text: UTF-8 with or without BOM, UTF-16 with BOM, or a named encoding; binary refused."""
from __future__ import annotations

import codecs

from tqcheck.errors import InputError
from tqcheck.speed import warmstart

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_SURROGATE = warmstart.regex("[\ud800-\udfff]")


class BinaryFile(InputError):
    """The bytes look like a binary file, not text."""


def looks_binary(data: bytes) -> bool:
    """A NUL byte in the first 8 KiB of a file without a UTF-16 BOM means binary, as git decides."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    return b"\x00" in data[:8192]


def decode(data: bytes, label: str, encoding: str | None = None) -> str:
    """Decode `data`; the text keeps its line endings, the BOM is removed."""
    if encoding:
        try:
            text = data.decode(encoding)
        except LookupError:
            raise InputError(f"unknown encoding {encoding!r} (try utf-8, utf-16, latin-1, cp1252)") from None
        except UnicodeDecodeError as exc:
            raise InputError(f"{label}: cannot decode byte {exc.start} as {encoding}") from None
        except UnicodeError:  # codecs such as punycode and idna fail without naming a byte
            raise InputError(f"{label}: cannot decode as {encoding}") from None
        surrogate = _SURROGATE.search(text)
        if surrogate:
            # utf-7 and the escape codecs can decode to half a UTF-16 pair, which no output can encode.
            raise InputError(f"{label}: decoding as {encoding} gives a lone surrogate at character {surrogate.start()}")
        return text[1:] if text.startswith("\ufeff") else text
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(enc)
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"{label}: invalid {enc} at byte {exc.start + len(bom)}; pass --encoding to choose another"
                ) from None
    if looks_binary(data):
        raise BinaryFile(f"{label}: binary file, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{label}: not valid UTF-8 at byte {exc.start}; pass --encoding (e.g. --encoding cp1252) to read it"
        ) from None
