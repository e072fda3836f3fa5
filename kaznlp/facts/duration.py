"""Durations: ``9 айдың`` → 9 month, ``11 жыл бұрын`` → 11 year, ``ширек ғасыр`` → 25 year; ages, ``90 жастағы`` →
90 year (``age``: true)."""

from __future__ import annotations

from ..data import words
from ..morphology import is_plural
from ..numbers import NumberExpr
from .base import Candidate, Context
from .units import UnitHit, unit_of

TYPE = "duration"
_BETWEEN = tuple(words("between.txt"))  # аралығы: "between", after a range of ages
_CENTURY_YEARS = 100


def match(e: NumberExpr, hit: UnitHit, next_word: str = "") -> Candidate | None:
    if e.ordinal or e.kind in ("collective", "group"):
        return None
    unit: str | None
    if hit.type == "age":
        if is_plural(hit.suffix) or not (hit.suffix or next_word.startswith(_BETWEEN)):
            return None  # 3 жас маман, жастар: young, youth; but 3-6 жас аралығындағы: between the ages
        return Candidate(TYPE, e.i, hit.j, e.value, e.value_max, "year", extra={"age": True})
    if hit.type == "year":
        unit = "year"
    elif hit.type == "duration":
        unit = hit.unit
    else:
        return None
    value, vmax = e.value, e.value_max
    if unit == "century":
        unit, value = "year", value * _CENTURY_YEARS
        vmax = vmax * _CENTURY_YEARS if vmax is not None else None
    return Candidate(TYPE, e.i, hit.j, value, vmax, unit)


def age_before(ctx: Context, e: NumberExpr) -> Candidate | None:
    """An age named just before the number: ``жасы 14-тен кем емес`` → 14 year (``age``)."""
    if e.i == 0 or e.ordinal or e.words and e.kind != "cardinal":
        return None
    hit = unit_of(ctx.lower[e.i - 1])
    if hit is not None and hit[0] == "age" and hit[2] and not is_plural(hit[2]):
        return Candidate(TYPE, e.i, e.j, e.value, e.value_max, "year", extra={"age": True})
    return None
