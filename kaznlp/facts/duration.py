"""Durations: ``9 айдың`` → 9 month, ``11 жыл бұрын`` → 11 year, ``ширек ғасыр`` → 25 year."""

from __future__ import annotations

from ..numbers import NumberExpr
from .base import Candidate
from .units import UnitHit

TYPE = "duration"
_CENTURY_YEARS = 100


def match(e: NumberExpr, hit: UnitHit) -> Candidate | None:
    if e.ordinal or e.kind == "collective":
        return None
    unit: str | None
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
