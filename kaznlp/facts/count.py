"""Counts of discrete things or people: ``433 мың рұқсат құжаты`` → 433000 (object ``құжат``),
``үш негізгі бағытты`` → 3 (object ``бағыт``), ``530-ын`` → 530."""

from __future__ import annotations

from ..data import rows
from ..numbers import NumberExpr
from .base import Candidate, Context

TYPE = "count"
_LONE_ONE = 1.0
_ONLY_AFTER = frozenset(r[0] for r in rows("lone_one.tsv") if r[1] == "after")
_ONLY_BEFORE = frozenset(r[0] for r in rows("lone_one.tsv") if r[1] == "before")


def match(ctx: Context, e: NumberExpr) -> Candidate | None:
    if e.ordinal or e.kind in ("group", "fraction"):
        return None  # enumerators (Бірінші бағыт), top-N groups (rankings) and bare halves are no counts
    if e.words and e.value == _LONE_ONE and e.j - e.i == 1 and not _only(ctx, e):
        return None  # бір alone is mostly the indefinite article; бір ғана, тек бір: only one
    if e.words and e.value == 0:
        return None  # нөл alone is a score or a version (екі нөл), not a number of things
    return Candidate(TYPE, e.i, e.j, e.value, e.value_max)


def _only(ctx: Context, e: NumberExpr) -> bool:
    lower = ctx.lower
    return (e.j < len(lower) and lower[e.j] in _ONLY_AFTER) or (e.i > 0 and lower[e.i - 1] in _ONLY_BEFORE)
