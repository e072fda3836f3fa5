"""Kazakh stop words (table: ``kaznlp/data/stop_words.txt``)."""

from __future__ import annotations

from ...data import words

STOP_WORDS: frozenset[str] = frozenset(words("stop_words.txt"))
