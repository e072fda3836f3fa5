"""Quantities with a physical unit: ``12,5 мың шақырымнан астам`` → 12500 km, more_than."""

from __future__ import annotations

from ..morphology import endings
from ..numbers import NumberExpr
from .base import Candidate, Context
from .units import UnitHit, unit_of

TYPE = "quantity"


def match(e: NumberExpr, hit: UnitHit) -> Candidate | None:
    if hit.type != TYPE or e.ordinal or e.kind in ("collective", "group"):
        return None
    return Candidate(TYPE, e.i, hit.j, e.value, e.value_max, hit.unit)


_PER_ENDINGS = tuple(p + d for p in endings("poss") for d in endings("dative") if len(p) <= 2)  # гектар|ы|на


def per_unit(ctx: Context, c: Candidate) -> Candidate:
    """``гектарына 11,0 ц``: a unit in the possessive dative just before the number is "per" it (q/ha)."""
    if c.i == 0 or c.unit is None or "/" in c.unit:
        return c
    before = ctx.lower[c.i - 1]
    hit = unit_of(before)
    if hit is not None and hit[0] == TYPE and hit[2] and hit[2] in _PER_ENDINGS:
        c.unit = f"{c.unit}/{hit[1]}"
    return c
