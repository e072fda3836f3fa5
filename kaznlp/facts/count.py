"""Counts of discrete things or people: ``433 мың рұқсат құжаты`` → 433000 (object ``құжат``),
``үш негізгі бағытты`` → 3 (object ``бағыт``), ``530-ын`` → 530."""

from __future__ import annotations

from ..numbers import NumberExpr
from .base import Candidate

TYPE = "count"
_LONE_ONE = 1.0


def match(e: NumberExpr) -> Candidate | None:
    if e.ordinal or e.kind in ("collective", "fraction"):
        return None  # enumerators (Бірінші бағыт) and bare halves are no counts
    if e.words and e.value == _LONE_ONE and e.j - e.i == 1:
        return None  # бір alone is mostly the indefinite article
    return Candidate(TYPE, e.i, e.j, e.value, e.value_max)
