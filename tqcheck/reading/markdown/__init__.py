"""Markdown: a view the length of the text with code, URLs, markup and front matter blanked.

blocks.py reads the block structure (containers, fences, lists, tables, HTML blocks),
frontmatter.py the YAML or TOML header, inline.py blanks the inline syntax of each leaf.
"""
from __future__ import annotations

from tqcheck.reading.markdown.blocks import BlockReader
from tqcheck.speed.collector import gc_paused
from tqcheck.reading.masking import blank_masked, trim_blocks


def parse(text: str):
    """Return (view, blocks, None, suppressions) for Markdown `text`."""
    with gc_paused():
        reader = BlockReader(text)
        reader.read()
        view = blank_masked(text, reader.mask)
        blocks = trim_blocks(view, sorted(reader.blocks))
    suppressions = sorted(reader.suppressions, key=lambda sup: sup.start)
    return view, blocks, None, suppressions

