"""Lexical attributes of Kazakh: ``like_num`` knows Kazakh number words and their case forms."""

from __future__ import annotations

from spacy.attrs import LIKE_NUM

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


LEX_ATTRS = {LIKE_NUM: like_num}
