"""The result of the pipeline for one text: tokens, sentences, facts and entities, all with offsets into the
original text, and their flat records."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from . import records
from .facts.base import Fact

CONTEXT_WIDTH = 300  # characters of context either side of a fact, within its sentence


@dataclass(frozen=True, slots=True)
class Span:
    """A token or a sentence: ``doc.text[start:end] == text``."""

    start: int
    end: int
    text: str


@dataclass(slots=True)
class Entity:
    """A named entity: label, span, where it came from (``model`` or ``rule``) and its base form."""

    label: str
    start: int
    end: int
    text: str
    source: str = "model"
    base: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The entity's record, without ``doc``."""
        return records.entity_record(self, flat=False)


@dataclass(slots=True)
class Document:
    """One processed text. Offsets everywhere point into ``text``, the original as given."""

    text: str
    id: str | None = None
    doc_date: str | None = None
    token_starts: list[int] = field(default_factory=list)
    token_ends: list[int] = field(default_factory=list)
    sentence_spans: list[tuple[int, int]] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)

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
