"""Fast document language identification for kk / ru / other, from letters and stop words."""

from __future__ import annotations

import re

from .data import rows
from .morphology import CYRILLIC_COMMON_CLASS, KAZAKH_SPECIFIC_CLASS

__all__ = ["detect_language", "LANGUAGES"]

LANGUAGES = ("kk", "ru", "other")
_KK_LETTERS = re.compile(KAZAKH_SPECIFIC_CLASS)
_CYRILLIC = re.compile(CYRILLIC_COMMON_CLASS)
_LETTER = re.compile(r"[^\W\d_]")


def _markers(lang: str) -> re.Pattern[str]:
    ws = [w for w, la in rows("language_markers.tsv") if la == lang]
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, ws)) + r")(?!\w)")


_RU_WORDS = _markers("ru")
_KK_WORDS = _markers("kk")
_SAMPLE = 20000


def detect_language(text: str) -> str:
    """``kk`` for Kazakh, ``ru`` for Russian, ``other`` for the rest (Latin script, no letters, …)."""
    sample = text[:_SAMPLE]
    letters = len(_LETTER.findall(sample))
    if letters < 3:
        return "other"
    cyr = len(_CYRILLIC.findall(sample)) + (kk := len(_KK_LETTERS.findall(sample)))
    if cyr < letters * 0.5:
        return "other"
    kk_words, ru_words = len(_KK_WORDS.findall(sample)), len(_RU_WORDS.findall(sample))
    # Kazakh text has a Kazakh-specific letter in roughly every third word; Russian has none
    if kk >= max(1, cyr * 0.015) and kk_words >= ru_words:
        return "kk"
    if ru_words > kk_words or kk < cyr * 0.005:
        return "ru"
    return "kk"


def sentence_languages(text: str, spans: list[tuple[int, int]]) -> list[str]:
    """The language of each sentence span of ``text`` (short sentences follow the document)."""
    doc_lang = detect_language(text)
    out = []
    for s, e in spans:
        sent = text[s:e]
        out.append(detect_language(sent) if len(_LETTER.findall(sent)) >= 20 else doc_lang)
    return out
