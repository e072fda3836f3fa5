"""Punctuation and character classes of Kazakh text."""

from __future__ import annotations

import sys

#: Every character that ``str.isspace`` takes for whitespace, so regexes and ``str.strip`` agree.
WHITESPACE = "".join(c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace())
SENTENCE_END = ".!?…"
OPEN_QUOTES = '«"„“'
CLOSE_QUOTES = '»"“”'
HYPHENS = "-‐‑‒–—"
KAZAKH_LETTERS = "әғқңөұүһі"
