"""Units after a number (``%``, ``теңге``, ``шақырымнан``, ``айдың``, ``орында``), from ``data/units.tsv``."""

from __future__ import annotations

from functools import lru_cache

from ..data import rows
from ..data import words as word_list
from ..morphology import is_inflection, looks_adjectival
from ..numbers import NumberExpr, parse_tokens, word_value
from .base import Context

_EXACT: dict[str, tuple[str, str]] = {}
_PREFIX: list[tuple[str, str, str]] = []
for _surface, _type, _unit, _match in rows("units.tsv"):
    if _match == "exact":
        _EXACT[_surface] = (_type, _unit)
    else:
        _EXACT.setdefault(_surface, (_type, _unit))
        _PREFIX.append((_surface.lower(), _type, _unit))
_PREFIX.sort(key=lambda r: len(r[0]), reverse=True)
#: the words of a place in a rating (орын, орн-), which a Roman numeral may precede (І орынды)
RANKING_WORDS = tuple(sorted({s for s, t, _, _ in rows("units.tsv") if t == "ranking"}))
_COMPOUND: dict[str, list[tuple[str, str, str]]] = {}
for _first, _second, _type, _unit in rows("compound_units.tsv"):
    _COMPOUND.setdefault(_first, []).append((_second, _type, _unit))


_PER = {"hour": "h", "minute": "min", "day": "d", "second": "s"}  # километр / сағат → km/h


class UnitHit:
    """A unit found at tokens ``i``..``j`` with its fact type, unit code and the ending it carries (a plain class,
    quick to build, like :class:`~kaznlp.numbers.NumberExpr`)."""

    __slots__ = ("type", "unit", "i", "j", "word", "suffix")

    def __init__(self, type: str, unit: str | None, i: int, j: int, word: str, suffix: str) -> None:
        self.type = type
        self.unit = unit
        self.i = i
        self.j = j
        self.word = word  # the unit word as written (the last token)
        self.suffix = suffix


@lru_cache(maxsize=65536)
def unit_of(word: str) -> tuple[str, str, str] | None:
    """``шақырымнан`` → ('quantity', 'km', 'нан'); ``%-ға`` → ('percentage', '%', 'ға')."""
    if word in _EXACT:
        t, u = _EXACT[word]
        return t, u, ""
    head, sep, tail = word.partition("-")
    if sep and head in _EXACT and tail.isalpha():
        t, u = _EXACT[head]
        return t, u, tail
    w = word.lower()
    for stem, t, u in _PREFIX:
        if w.startswith(stem) and is_inflection(w[len(stem) :], stem):
            return t, u, w[len(stem) :]
    return None


def unit_at(words: list[str], i: int) -> UnitHit | None:
    """The unit that starts at token ``i``, one or two words long."""
    if i >= len(words):
        return None
    w = words[i]
    for second, t, u in _COMPOUND.get(w, ()):
        if i + 1 < len(words):
            nxt = words[i + 1].lower()
            if nxt.startswith(second) and is_inflection(nxt[len(second) :], second):
                return UnitHit(t, u, i, i + 2, words[i + 1], nxt[len(second) :])
    hit = unit_of(w)
    if hit is None:
        return None
    if hit[0] == "quantity" and i + 2 < len(words) and words[i + 1] == "/":
        per = unit_of(words[i + 2])  # километр / сағат: a rate
        if per is not None and per[0] == "duration" and per[1] in _PER:
            return UnitHit("quantity", f"{hit[1]}/{_PER[per[1]]}", i, i + 3, words[i + 2], per[2])
    return UnitHit(hit[0], hit[1] or None, i, i + 1, w, hit[2])


_MEASURES = ("duration", "quantity")
_LIST_JOINERS = frozenset(word_list("list_joiners.txt"))
_LIST_REACH = 8
_LISTED_UNITS = ("quantity", "money", "percentage", "duration", "age")


def unit_after(words: list[str], j: int) -> UnitHit | None:
    """The unit at token ``j``, or after one adjective there (``90 күнтізбелік күнге``: calendar days)."""
    hit = unit_at(words, j)
    if hit is None and j + 1 < len(words) and looks_adjectival(words[j]):
        hit = unit_at(words, j + 1)
        if hit is not None and hit.type not in _MEASURES:
            return None
    return hit


def unit_from_list(ctx: Context, e: NumberExpr) -> UnitHit | None:
    """The unit written once for a list of figures: ``570,4 мың, Жамбыл облысы бойынша 105,5 мың гектар``,
    ``жиырма бес пен елу екі жас аралығында`` give the first figure the unit of the next one, when a comma or a
    conjunction follows the first."""
    words, n = ctx.words, len(ctx.words)
    if e.j >= n or ctx.lower[e.j] not in _LIST_JOINERS:
        return None
    for k in range(e.j + 1, min(n, e.j + _LIST_REACH)):
        if not words[k][:1].isdecimal() and word_value(words[k]) is None:
            continue
        if k == e.j + 1 and words[e.j] == ",":
            return None  # 2 , 5 мың тонна: a decimal written apart, not a list
        nxt = parse_tokens(words, ctx.gaps, k)
        if nxt is None or nxt.suffix:
            return None
        hit = unit_at(words, nxt.j)
        return hit if hit is not None and hit.type in _LISTED_UNITS else None
    return None


_PARTS: dict[str, tuple[str, float]] = {r[0]: (r[1], float(r[2])) for r in rows("unit_parts.tsv")}


def smaller_part(ctx: Context, j: int, unit: str | None) -> tuple[float, int] | None:
    """``12 кг 300 гр``, ``1 сағат 30 минут``: the second, smaller part of a measure at token ``j``, as a
    fraction of ``unit``, and the end of it."""
    part = _PARTS.get(unit or "")
    words = ctx.words
    if part is None or j >= len(words) or not words[j][:1].isdecimal():
        return None
    e = parse_tokens(words, ctx.gaps, j)
    if e is None or e.suffix or e.value_max is not None:
        return None
    hit = unit_at(words, e.j)
    if hit is None or (hit.unit or "") != part[0] or e.value >= part[1]:
        return None
    return e.value / part[1], hit.j
