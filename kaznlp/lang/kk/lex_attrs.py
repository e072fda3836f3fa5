"""Lexical attributes of Kazakh: ``like_num`` knows Kazakh number words and their case forms; ``norm`` is the
lowercased noun stem, so that a model sees one feature for every case form of a word (it is the NER model's
feature, defined with the model's Docs in :mod:`kaznlp.ner.docs`)."""

from __future__ import annotations

from spacy.attrs import LIKE_NUM, NORM

from ...ner.docs import norm
from ...numbers import word_value

__all__ = ["LEX_ATTRS", "like_num", "norm"]


def like_num(text: str) -> bool:
    """True for digits (``12,5``, ``1 204``, ``73%-ға`` excluded), Kazakh number words and ordinals."""
    t = text.replace(",", "").replace(".", "").replace(" ", "")
    if t.isdigit():
        return True
    head, _, tail = text.partition("-")
    if head.isdigit() and tail.isalpha():
        return True
    return word_value(text.lower()) is not None


LEX_ATTRS = {LIKE_NUM: like_num, NORM: norm}
