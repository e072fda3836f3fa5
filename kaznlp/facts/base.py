"""The fact record and the sentence context that the dimension rules read."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from typing import Any

from ..records import FACT_TYPES as FACT_TYPES  # the fact types are part of the record's definition
from ..records import fact_record


@dataclass(slots=True, init=False)
class Fact:
    """One numeric fact. ``start``/``end`` are character offsets; ``text`` is the evidence span. (Its own
    ``__init__``: the one that dataclasses writes runs interpreted even where this module is compiled.)"""

    type: str
    start: int
    end: int
    text: str
    value: float | str | None
    value_max: float | str | None = None
    unit: str | None = None
    qualifier: str | None = None
    object: str | None = None
    indicator: str | None = None
    sentence: int = 0
    extra: dict[str, Any] = field(default_factory=dict)

    def __init__(
        self,
        type: str,
        start: int,
        end: int,
        text: str,
        value: float | str | None,
        value_max: float | str | None = None,
        unit: str | None = None,
        qualifier: str | None = None,
        object: str | None = None,
        indicator: str | None = None,
        sentence: int = 0,
        extra: dict[str, Any] | None = None,
    ) -> None:
        self.type = type
        self.start = start
        self.end = end
        self.text = text
        self.value = value
        self.value_max = value_max
        self.unit = unit
        self.qualifier = qualifier
        self.object = object
        self.indicator = indicator
        self.sentence = sentence
        self.extra = {} if extra is None else extra

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        # pickled by its fields (to worker processes and back): a compiled class is not rebuilt field by field
        return Fact, tuple(getattr(self, f.name) for f in fields(self))

    def to_dict(self) -> dict[str, Any]:
        """The fact's own fields of its record (``kaznlp.records.FACT``, without doc and context)."""
        return fact_record(self, own=True)


class Context:
    """One sentence's tokens (normalised text) for the rules; token offsets are into the normalised text.
    Context and :class:`Candidate` are plain classes with their own ``__init__``: built at every sentence and
    number, and quicker to build than dataclasses, in Python and compiled."""

    __slots__ = ("text", "words", "lower", "starts", "ends", "gaps", "sentence", "names")

    def __init__(
        self,
        text: str,
        words: list[str],
        lower: list[str],
        starts: list[int],
        ends: list[int],
        gaps: Sequence[str],
        sentence: int,
        names: list[tuple[int, int]],
    ) -> None:
        self.text = text
        self.words = words
        self.lower = lower
        self.starts = starts
        self.ends = ends
        self.gaps = gaps
        self.sentence = sentence
        self.names = names  # «…» spans that are names and titles, not speech (char offsets)

    def in_name(self, pos: int) -> bool:
        return any(s < pos < e for s, e in self.names)

    def span_text(self, i: int, j: int) -> str:
        return self.text[self.starts[i] : self.ends[j - 1]]


class Candidate:
    """What a dimension rule found: a fact type over tokens ``i``..``j`` before qualifiers and object."""

    __slots__ = ("type", "i", "j", "value", "value_max", "unit", "indicator", "extra")

    def __init__(
        self,
        type: str,
        i: int,
        j: int,
        value: float | str | None,
        value_max: float | str | None = None,
        unit: str | None = None,
        indicator: str | None = None,
        extra: dict[str, Any] | None = None,
    ) -> None:
        self.type = type
        self.i = i
        self.j = j
        self.value = value
        self.value_max = value_max
        self.unit = unit
        self.indicator = indicator
        self.extra = extra

    def __repr__(self) -> str:
        return "Candidate(" + ", ".join(f"{k}={getattr(self, k)!r}" for k in self.__slots__) + ")"
