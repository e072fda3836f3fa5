"""Dates as EDTF strings: ``1999 жылы`` → ``1999``, ``1 қазандағы`` → ``--10-01``, ``15.11.2016`` → ``2016-11-15``,
``2016 жылғы 15 қарашада`` → ``2016-11-15``, ``90-шы жылдар`` → ``199X``, ``2015-2017 жылдары`` → 2015..2017."""

from __future__ import annotations

from functools import lru_cache

from ..data import rows, words
from ..morphology import is_ending, is_inflection, is_plural
from ..numbers import NumberExpr, digit_value
from .base import Candidate, Context
from .units import unit_of

TYPE = "date"
_MONTHS = sorted(((r[0], int(r[1])) for r in rows("months.tsv")), key=lambda r: len(r[0]), reverse=True)
_YEAR_MIN, _YEAR_MAX = 1000, 2100
_YEAR_LINKS = words("year_links.txt")


@lru_cache(maxsize=8192)
def month_of(word: str) -> int | None:
    """``қазандағы`` → 10, ``қарашада`` → 11."""
    w = word.lower()
    for stem, month in _MONTHS:
        if w.startswith(stem) and is_inflection(w[len(stem) :]):
            return month
    return None


def _is_year(v: float) -> bool:
    return v.is_integer() and _YEAR_MIN <= v <= _YEAR_MAX


def _year_word(word: str) -> str | None:
    """The ending after жыл (``жылдардың`` → ``дардың``), or None when ``word`` is no form of жыл."""
    hit = unit_of(word)
    return hit[2] if hit is not None and hit[0] == "year" else None


def _day(token: str) -> int | None:
    d = digit_value(token)
    if d is not None and d[0].is_integer() and 1 <= d[0] <= 31 and (not d[1] or d[2]):
        return int(d[0])
    return None


def _day_month(ctx: Context, k: int) -> tuple[int, int, int, int | None] | None:
    """``15 қарашада``, ``12-нші маусымында`` or a range of days ``22-23 тамызда`` at token ``k``:
    (day, month, end, last day of the range or None)."""
    words, n = ctx.words, len(ctx.words)
    if k + 1 >= n or (day := _day(words[k])) is None:
        return None
    last = None
    m = k + 1
    if m + 2 < n and words[m] == "-" and len(ctx.gaps[k]) <= 1 and len(ctx.gaps[m]) <= 1:
        last = _day(words[m + 1])  # 22-23 тамызда, 22 -23 қыркүйекте
        if last is None or last <= day:
            return None
        m += 2
    month = month_of(words[m])
    return (day, month, m + 1, last) if month else None


def _md(month: int, day: int | None, year: str = "-") -> str | None:
    return None if day is None else f"{year}-{month:02d}-{day:02d}"


def match_token(ctx: Context, i: int) -> Candidate | None:
    """A date written as one token: ``15.11.2016`` or ``2016-11-15``."""
    w = ctx.words[i]
    if len(w) == 10 and w[4] == "-" and w[7] == "-":
        y, m, d = w[:4], w[5:7], w[8:]
    elif "." in w and w.count(".") == 2:
        d, m, y = w.split(".")
    else:
        return None
    if not (y.isdecimal() and m.isdecimal() and d.isdecimal()) or not (1 <= int(m) <= 12 and 1 <= int(d) <= 31):
        return None
    return Candidate(TYPE, i, i + 1, f"{int(y):04d}-{int(m):02d}-{int(d):02d}")


def match(ctx: Context, e: NumberExpr) -> Candidate | None:
    """Dates that start with a number expression ``e``."""
    words, n = ctx.words, len(ctx.words)
    v = e.value
    if e.ordinal:
        if v.is_integer() and 1 <= v <= 31 and e.j < n and (m := month_of(words[e.j])):
            # бесінші тамыз: the fifth of August
            return Candidate(TYPE, e.i, e.j + 1, f"--{m:02d}-{int(v):02d}", extra={"partial": "no_year"})
        yw = _year_word(words[e.j]) if e.j < n else None
        if yw is None:
            return None
        if is_plural(yw):  # 90-шы жылдар, 2000-шы жылдары: decades
            if v.is_integer() and 10 <= v <= 90 and v % 10 == 0:
                return Candidate(TYPE, e.i, e.j + 1, f"19{int(v) // 10}X")
            if _is_year(v) and v % 10 == 0:
                return Candidate(TYPE, e.i, e.j + 1, f"{int(v) // 10}X")
        elif _is_year(v):  # 1996-ншы жылы, екі мың он бесінші жылы; 2019-ыншы жылдың 12-нші маусымында
            d = _day_month(ctx, e.j + 1)
            if d:
                y = f"{int(v):04d}"
                return Candidate(TYPE, e.i, d[2], _md(d[1], d[0], y), _md(d[1], d[3], y))
            return Candidate(TYPE, e.i, e.j + 1, f"{int(v):04d}")
        return None
    if e.words or not _is_year(v) or not (e.plain_int or e.value_max is not None):
        d = _day_month(ctx, e.i) if e.plain_int or (e.value_max is not None and not e.words) else None
        if d:
            return Candidate(TYPE, e.i, d[2], _md(d[1], d[0]), _md(d[1], d[3]), extra={"partial": "no_year"})
        return None
    vmax = e.value_max
    if vmax is not None and not _is_year(vmax):
        return None
    # the year's own ending may be a form of жыл: 1990-жылдары
    yw = _year_word(e.suffix) if e.suffix else None
    j = e.j
    if yw is None and j < n:
        yw = _year_word(words[j])
        if yw is not None:
            j += 1
    year = f"{int(v):04d}"
    if yw is None:
        # 2017-ге дейін, 2020-дан бастап: a year with a case ending or a linking postposition, no noun
        if vmax is None and (e.suffix or (j < n and ctx.lower[j] in _YEAR_LINKS)):
            return Candidate(TYPE, e.i, j, year)
        return None
    if vmax is not None:
        return Candidate(TYPE, e.i, j, year, f"{int(vmax):04d}")
    if is_plural(yw) and v % 10 == 0:
        return Candidate(TYPE, e.i, j, f"{int(v) // 10}X")  # 1990 жылдары: the nineties
    # 2016 жылғы 15 қарашада; 2016 жылғы қарашада
    d = _day_month(ctx, j) if j < n else None
    if d:
        return Candidate(TYPE, e.i, d[2], _md(d[1], d[0], year), _md(d[1], d[3], year))
    if j < n and is_ending(yw, "rel", "genitive", "poss") and (m := month_of(words[j])):
        return Candidate(TYPE, e.i, j + 1, f"{year}-{m:02d}")
    return Candidate(TYPE, e.i, j, year)
