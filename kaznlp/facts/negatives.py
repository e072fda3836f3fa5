"""Numbers that are not facts: codes and identifiers (``1414 бірыңғай нөмірі``, ``5-бап``, ``№ 123``),
times of day (``10:00``), phone-like chains (``74-12-34``). Numbers inside «names» are handled by the context."""

from __future__ import annotations

from ..data import rows
from ..numbers import NumberExpr
from .base import Context

_AFTER = tuple(r[0] for r in rows("not_fact_words.tsv") if r[1] == "after")
_HYPHEN = tuple(r[0] for r in rows("not_fact_words.tsv") if r[1] == "hyphen")
_BEFORE = frozenset(r[0] for r in rows("not_fact_words.tsv") if r[1] == "before") | {"n", "no", "№№"}
_LOOKAHEAD = 2


def is_not_fact(ctx: Context, e: NumberExpr) -> bool:
    words, lower, n = ctx.words, ctx.lower, len(ctx.words)
    if e.suffix and e.suffix.lower().startswith(_HYPHEN) and not e.words:
        return True
    if e.i > 0 and lower[e.i - 1] in _BEFORE:
        return True
    for k in range(e.j, min(n, e.j + _LOOKAHEAD)):
        if lower[k].startswith(_AFTER):
            return True
    if e.j + 1 < n and ctx.gaps[e.j - 1] == "" and words[e.j] in (":", "-", "/") and words[e.j + 1][:1].isdecimal():
        return True  # 10:00, 74-12-34, 12/2016
    if e.i > 1 and words[e.i - 1] in (":", "/") and ctx.gaps[e.i - 2] == "" and words[e.i - 2][:1].isdecimal():
        return True
    return False
