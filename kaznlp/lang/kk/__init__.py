"""Kazakh for spaCy: ``spacy.blank("kk")`` once kaznlp is installed (entry point ``spacy_languages``).

The language data (stop words, tokenizer exceptions, punctuation, ``like_num``) are plain tables beside this
module and in ``kaznlp/data``; the spaCy classes live in :mod:`kaznlp.lang.kk.language` and are imported on first
use, so that the rules pipeline never pays for importing spaCy.
"""

from __future__ import annotations

from typing import Any

__all__ = ["Kazakh", "KazakhTokenizer", "KazakhSentencizer"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from . import language

        return getattr(language, name)
    raise AttributeError(name)
