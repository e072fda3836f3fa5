"""Money: ``1,2 млрд теңге`` → 1200000000 KZT, ``5 млн доллар`` → 5000000 USD (ISO 4217 codes)."""

from __future__ import annotations

from ..numbers import NumberExpr
from .base import Candidate
from .units import UnitHit

TYPE = "money"


def match(e: NumberExpr, hit: UnitHit) -> Candidate | None:
    if hit.type != TYPE or e.ordinal or e.kind == "collective":
        return None
    return Candidate(TYPE, e.i, hit.j, e.value, e.value_max, hit.unit)
