"""Quantities with a physical unit: ``12,5 мың шақырымнан астам`` → 12500 km, more_than."""

from __future__ import annotations

from ..numbers import NumberExpr
from .base import Candidate
from .units import UnitHit

TYPE = "quantity"


def match(e: NumberExpr, hit: UnitHit) -> Candidate | None:
    if hit.type != TYPE or e.ordinal or e.kind == "collective":
        return None
    return Candidate(TYPE, e.i, hit.j, e.value, e.value_max, hit.unit)
