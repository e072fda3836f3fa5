"""The result of the pipeline for one text: tokens, sentences, facts and entities, all with offsets into the
original text, and their flat records."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date as Date
from typing import Any

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

    def fact_records(self) -> Iterator[dict[str, Any]]:
        """Flat fact records: the spec's fields plus value_max, indicator, sentence index and context."""
        for f in self.facts:
            d = {"doc": self.id}
            d.update(f.to_dict())
            d["context"] = self.context(f.sentence, f.start, f.end) if self.sentence_spans else None
            yield d

    def entity_records(self) -> Iterator[dict[str, Any]]:
        for e in self.entities:
            d = {"doc": self.id}
            d.update(e.to_dict())
            yield d

    def to_record(self) -> dict[str, Any]:
        """The document record: text, sentences, facts and entities (nested)."""
        rec: dict[str, Any] = {"id": self.id, "doc_date": self.doc_date}
        rec.update(self.meta)
        rec["text"] = self.text
        rec["n_tokens"] = len(self.token_starts)
        rec["sentences"] = [[s, e] for s, e in self.sentence_spans]
        rec["facts"] = [{k: v for k, v in r.items() if k != "doc"} for r in self.fact_records()]
        rec["entities"] = [e.to_dict() for e in self.entities]
        return rec
