"""Percentages: ``73%-ға``, ``65 пайыз``, ``кемінде 65%``, ``5-7 пайыз``. The value is in percent."""

from __future__ import annotations

from ..numbers import NumberExpr
from .base import Candidate
from .units import UnitHit

TYPE = "percentage"


def match(e: NumberExpr, hit: UnitHit) -> Candidate | None:
    if hit.type != TYPE or e.ordinal or e.kind in ("collective", "group"):
        return None
    return Candidate(TYPE, e.i, hit.j, e.value, e.value_max, "%")
