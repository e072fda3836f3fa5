"""The result of the pipeline for one text: tokens, sentences, facts and entities, all with offsets into the
original text, and their flat records."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date as Date
from typing import Any

from . import records
from .entities.base import Entity
from .facts.base import Fact

__all__ = ["CONTEXT_WIDTH", "Document", "Entity", "Span"]

CONTEXT_WIDTH = 300  # characters of context either side of a fact, within its sentence


@dataclass(frozen=True, slots=True)
class Span:
    """A token or a sentence: ``doc.text[start:end] == text``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Document:
    """One processed text, built once by the pipeline with everything found in it. Offsets everywhere point into
    ``text``, the original as given; ``date`` is the document's date (its records give it as ``doc_date``);
    ``meta`` holds further fields of the document record (``language``; stanza's ``stanza_tokens``)."""

    text: str
    id: str | None = None
    date: Date | None = None
    token_starts: list[int] = field(default_factory=list)
    token_ends: list[int] = field(default_factory=list)
    sentence_spans: list[tuple[int, int]] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def doc_date(self) -> str | None:
        """The date as the records give it: ``YYYY-MM-DD``."""
        return self.date.isoformat() if self.date is not None else None

    @property
    def tokens(self) -> list[Span]:
        t = self.text
        return [Span(s, e, t[s:e]) for s, e in zip(self.token_starts, self.token_ends)]

    @property
    def sentences(self) -> list[Span]:
        t = self.text
        return [Span(s, e, t[s:e]) for s, e in self.sentence_spans]

    def __len__(self) -> int:
        return len(self.token_starts)

    def context(self, k: int, start: int, end: int, width: int = CONTEXT_WIDTH) -> str:
        """The sentence of a span, cut to ``width`` characters either side of it when the sentence is long."""
        s, e = self.sentence_spans[k]
        return self.text[max(s, start - width) : min(e, end + width)]

    def _context(self, f: Fact) -> str | None:
        return self.context(f.sentence, f.start, f.end) if self.sentence_spans else None

    def fact_records(self) -> Iterator[dict[str, Any]]:
        """Flat fact records (``kaznlp.records.FACT``): the fact, its document id and its sentence as context."""
        for f in self.facts:
            yield records.fact_record(f, doc=self.id, context=self._context(f))

    def entity_records(self) -> Iterator[dict[str, Any]]:
        """Flat entity records (``kaznlp.records.ENTITY``)."""
        for e in self.entities:
            yield records.entity_record(e, doc=self.id)

    def to_record(self) -> dict[str, Any]:
        """The document record (``kaznlp.records.DOCUMENT``): text, sentences, facts and entities (nested);
        ``meta`` (``language``, say) joins it."""
        values: dict[str, Any] = {"id": self.id, "doc_date": self.doc_date, **self.meta}
        values["text"] = self.text
        values["n_tokens"] = len(self.token_starts)
        values["sentences"] = [[s, e] for s, e in self.sentence_spans]
        values["facts"] = [records.fact_record(f, context=self._context(f), flat=False) for f in self.facts]
        values["entities"] = [records.entity_record(e, flat=False) for e in self.entities]
        return records.record("document", values)
