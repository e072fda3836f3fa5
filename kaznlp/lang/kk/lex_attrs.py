"""Lexical attributes of Kazakh: ``like_num`` knows Kazakh number words and their case forms; ``norm`` is the
lowercased noun stem, so that a model sees one feature for every case form of a word."""

from __future__ import annotations

from spacy.attrs import LIKE_NUM, NORM

from ...morphology import stem
from ...numbers import word_value


def like_num(text: str) -> bool:
    """True for digits (``12,5``, ``1 204``, ``73%-ға`` excluded), Kazakh number words and ordinals."""
    t = text.replace(",", "").replace(".", "").replace(" ", "")
    if t.isdigit():
        return True
    head, _, tail = text.partition("-")
    if head.isdigit() and tail.isalpha():
        return True
    return word_value(text.lower()) is not None


def norm(text: str) -> str:
    """``Абаевтың`` → ``абаев``, ``министрлігінің`` → ``министрлік``, ``АҚШ-тың`` → ``ақш``; other tokens lowercased."""
    return stem(text).lower()


LEX_ATTRS = {LIKE_NUM: like_num, NORM: norm}
