"""Kazakh tokenizer exceptions: abbreviations and units that stay one token (from ``kaznlp/data`` tables)."""

from __future__ import annotations

from ...data import rows

ABBREVIATIONS: dict[str, str] = {r[0]: r[1] for r in rows("abbreviations.tsv")}
PERIOD_ABBREVIATIONS: frozenset[str] = frozenset(r[0] for r in rows("abbreviations.tsv") if r[2] != "acronym")
#: abbreviations after which a capitalised name goes on with the sentence (Астана қ. Әкімдігі)
BEFORE_NAME_ABBREVIATIONS: frozenset[str] = frozenset(r[0] for r in rows("abbreviations.tsv") if r[2] == "before_name")
# Unit symbols that hold punctuation inside (кВт·сағ, Гбит/с) and must not be split.
UNIT_SYMBOLS: frozenset[str] = frozenset(
    r[0] for r in rows("units.tsv") if any(not c.isalnum() for c in r[0]) and len(r[0]) > 1
)
# spaCy's format, for users who build their own spaCy tokenizer from these tables.
TOKENIZER_EXCEPTIONS: dict[str, list[dict[str, str]]] = {
    a: [{"ORTH": a, "NORM": ABBREVIATIONS.get(a, a)}] for a in sorted(PERIOD_ABBREVIATIONS | UNIT_SYMBOLS)
}
