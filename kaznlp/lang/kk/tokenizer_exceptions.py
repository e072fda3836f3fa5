"""Kazakh tokenizer exceptions in spaCy's format, for users who build their own spaCy tokenizer: the abbreviations
of :mod:`kaznlp.morphology` and the unit symbols of :mod:`kaznlp.tokenizer` (both from ``kaznlp/data`` tables)."""

from __future__ import annotations

from ...morphology import ABBREVIATIONS, PERIOD_ABBREVIATIONS
from ...tokenizer import UNIT_SYMBOLS

TOKENIZER_EXCEPTIONS: dict[str, list[dict[str, str]]] = {
    a: [{"ORTH": a, "NORM": ABBREVIATIONS.get(a, a)}] for a in sorted(PERIOD_ABBREVIATIONS | UNIT_SYMBOLS)
}
