"""Rankings: ``39 орында``, ``33 орынды алады``, ``бірінші орын``, ``үздік ондыққа`` (top ten) → 10.

The rating or index a place belongs to is given as ``indicator`` where the sentence names it before
``бойынша``: ``«Электрондық үкімет» индексі бойынша 33 орын`` → ``Электрондық үкімет``.
"""

from __future__ import annotations

from ..data import rows
from ..morphology import endings
from ..numbers import NumberExpr
from .base import Candidate, Context
from .units import UnitHit

TYPE = "ranking"
_CUES = rows("ranking_cues.tsv")
_TOP_WORDS = frozenset(w for w, role in _CUES if role == "top")
_BY = next(w for w, role in _CUES if role == "by")
_INDEX_WORDS = tuple(w for w, role in _CUES if role == "index")
_DERIVED = endings("deriv")
_DATIVE = endings("dative")
_MOVES = tuple(r[0] for r in rows("change_verbs.tsv"))  # 39 орынға көтерілді: a move to a place in a rating
_CLAUSE_BREAKS = frozenset({",", ";", ":", "(", ")", "-", _BY})


def match(ctx: Context, e: NumberExpr, hit: UnitHit | None) -> Candidate | None:
    if e.kind == "group":  # бестікке, үздік ондыққа: a top-N group
        i = e.i - 1 if e.i > 0 and ctx.lower[e.i - 1] in _TOP_WORDS else e.i
        return Candidate(TYPE, i, e.j, e.value, indicator=indicator(ctx, i))
    if e.kind == "collective":
        return None
    if hit is None or hit.type != TYPE or hit.suffix.startswith(_DERIVED):
        return None  # 180 орындық ұшақ: a 180-seat plane, not a place
    if hit.suffix.endswith(_DATIVE) and not e.ordinal and not _rating_context(ctx, hit.j):
        return None  # 140 орынға арналған балабақша: seats, a count
    return Candidate(TYPE, e.i, hit.j, e.value, e.value_max, indicator=indicator(ctx, e.i))


def _rating_context(ctx: Context, j: int) -> bool:
    """A rating named in the sentence, or a verb of moving right after the place (орынға көтерілді)."""
    if j < len(ctx.lower) and ctx.lower[j].startswith(_MOVES):
        return True
    return any(w == _BY or w.startswith(_INDEX_WORDS) for w in ctx.lower)


def _quoted_before(ctx: Context, k: int) -> str | None:
    """The «…» that closes at token ``k``."""
    if ctx.words[k] != "»":
        return None
    depth = 0
    for q in range(k, -1, -1):
        if ctx.words[q] == "»":
            depth += 1
        elif ctx.words[q] == "«":
            depth -= 1
            if depth == 0:
                return ctx.text[ctx.ends[q] : ctx.starts[k]].strip() if q + 1 <= k - 1 else None
    return None


def indicator(ctx: Context, i: int) -> str | None:
    """The rating or index that the place at token ``i`` belongs to, if the sentence names it."""
    by = next((k for k in range(i - 1, max(-1, i - 6), -1) if ctx.lower[k] == _BY), None)
    if by is None or by == 0:
        return None
    k = by - 1
    if ctx.lower[k].startswith(_INDEX_WORDS) and k > 0:
        k -= 1
    quoted = _quoted_before(ctx, k)
    if quoted:
        return quoted
    if ctx.lower[by - 1].startswith(_INDEX_WORDS) or ctx.words[by - 1] == "»":
        return None
    start = by - 1
    while start > 0 and ctx.lower[start - 1] not in _CLAUSE_BREAKS and by - start < 8:
        start -= 1
    if start == 0 or ctx.lower[start - 1] not in _CLAUSE_BREAKS:
        return None  # no clause break before it: the phrase may begin with the subject
    return ctx.span_text(start, by)
