"""Money: ``1,2 млрд теңге`` → 1200000000 KZT, ``5 млн доллар`` → 5000000 USD (ISO 4217 codes)."""

from __future__ import annotations

from ..data import words
from ..morphology import endings, is_inflection
from ..numbers import NumberExpr
from .base import Candidate, Context
from .units import UnitHit

TYPE = "money"
_PRICE_NOUNS = frozenset(words("money_nouns.txt"))
_DEFAULT_CURRENCY = "KZT"
_POSSESSIVE = endings("poss")


def match(e: NumberExpr, hit: UnitHit) -> Candidate | None:
    if hit.type != TYPE or e.ordinal or e.kind in ("collective", "group"):
        return None
    return Candidate(TYPE, e.i, hit.j, e.value, e.value_max, hit.unit)


def implied(ctx: Context, e: NumberExpr) -> Candidate | None:
    """A number right after a price or sum noun (``Құны 417 млн``) with no currency: tenge."""
    if e.i == 0 or e.ordinal or e.kind != "cardinal":
        return None
    w = ctx.lower[e.i - 1]
    rests = (w[len(s) :] for s in _PRICE_NOUNS if w.startswith(s))
    if any(rest.startswith(_POSSESSIVE) and is_inflection(rest) for rest in rests):
        return Candidate(TYPE, e.i, e.j, e.value, e.value_max, _DEFAULT_CURRENCY, extra={"currency": "implied"})
    return None
