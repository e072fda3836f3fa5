"""The numeric-fact extractor: finds number expressions and lets each dimension's rules claim them.

Order of the rules at a number: not-a-fact checks, dates, then the unit after the number decides percentage,
money, quantity, duration or ranking; a number with no unit is a count. Qualifiers and the counted object
are read around the claimed span.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from datetime import date as Date
from itertools import compress

from ..data import rows
from ..normalize import Normalized
from ..numbers import parse_tokens, word_value
from ..sentences import _quote_regions
from ..tokenizer import Gaps, Tokens
from . import count, date, duration, money, negatives, percentage, quantity, ranking
from .base import Candidate, Context, Fact
from .objects import object_after, object_before
from .qualifiers import qualifier_after, qualifier_before
from .units import UnitHit, unit_at, unit_of

__all__ = ["extract_facts"]

_WORD_STARTS = sorted(
    {r[0][:3] for r in rows("numerals.tsv")}
    | {r[0][:3] for r in rows("ordinals.tsv")}
    | {r[0][:3] for r in rows("collectives.tsv")},
    key=len,
    reverse=True,
)
_PREFIXES = frozenset(w[:3] for w in _WORD_STARTS)
_NAME_MAX_WORDS = 8
_SPEECH_RE = re.compile(r"[.!?,;:]\s")  # punctuation inside «…» makes it a quotation, not a name
_OBJECT_TYPES = ("count", "quantity")
_QUALIFIED_TYPES = ("count", "percentage", "money", "quantity", "duration")


class _AnchorCache(dict):
    """word → whether a number may start at it: a digit, or a number word (it starts like a numeral and
    :func:`word_value` reads it; ``parse_tokens`` gives None at any other word). Filled on first sight, cleared
    when it grows large."""

    def __missing__(self, word: str) -> bool:
        low = word[:3].lower()
        v = word[0].isdecimal() or ((low in _PREFIXES or low[:2] in _PREFIXES) and word_value(word) is not None)
        if len(self) >= _ANCHOR_CACHE_SIZE:
            self.clear()
        self[word] = v
        return v


_ANCHOR_CACHE_SIZE = 100_000  # distinct words; about 10 MB at most
_IS_ANCHOR = _AnchorCache()
# the first two letters of every prefix, lower case: the C helper asks _IS_ANCHOR only at words that start so
_PAIRS = "".join(sorted({p[:2] for p in _PREFIXES}))
assert all(len(p) >= 2 for p in _PREFIXES), "a number word's prefix has two letters at least"
_c_anchors: Callable[[list[str], str, dict[str, bool]], list[int]] | None
try:
    from .._number_anchors import anchors as _c_anchors
except ImportError:  # built without a C compiler
    _c_anchors = None


def anchors(words: list[str]) -> list[int]:
    """Indices of the tokens where a number may start (a digit, or a number word)."""
    if _c_anchors is not None:
        return _c_anchors(words, _PAIRS, _IS_ANCHOR)
    return anchors_by_lookup(words)


def anchors_by_lookup(words: list[str]) -> list[int]:
    """:func:`anchors` by one dictionary lookup per token: the definition the C helper follows."""
    return list(compress(range(len(words)), map(_IS_ANCHOR.__getitem__, words)))


def _names(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """«…» spans in a sentence that are names or titles (short, no sentence punctuation), not speech."""
    out = []
    for s, e in _quote_regions(text[start:end]):
        inner = text[start + s + 1 : start + e - 1]
        if inner.count(" ") < _NAME_MAX_WORDS and not _SPEECH_RE.search(inner):
            out.append((start + s, start + e))
    return out


def _classify(ctx: Context, i: int) -> tuple[Candidate | None, int] | None:
    """The candidate fact at token ``i`` and the token index where scanning goes on."""
    tok = ctx.words[i]
    if tok[0].isdecimal() and (c := date.match_token(ctx, i)):
        return c, c.j
    e = parse_tokens(ctx.words, ctx.gaps, i)
    if e is None:
        return None
    if ctx.in_name(ctx.starts[i]) or negatives.is_not_fact(ctx, e):
        return None, e.j
    c = date.match(ctx, e)
    if c is None:
        hit = None
        if e.suffix and not e.words and (u := unit_of(e.suffix)):  # 1-орын, 5-жыл
            hit = UnitHit(u[0], u[1] or None, e.j - 1, e.j, e.suffix, u[2])
        elif e.j < len(ctx.words) and not (e.suffix and e.kind == "cardinal" and not e.words):
            hit = unit_at(ctx.words, e.j)
        if hit is not None:
            for rule in (percentage.match, money.match, quantity.match, duration.match):
                if c := rule(e, hit):
                    break
        if c is None:
            c = ranking.match(ctx, e, hit)
        if c is None and (hit is None or hit.type in ("year", "ranking")):
            c = count.match(e)
    return (c, max(e.j, c.j)) if c else (None, e.j)


def _finish(ctx: Context, c: Candidate, norm: Normalized, doc_year: int | None) -> Fact:
    i, j = c.i, c.j
    qualifier = None
    extra = dict(c.extra) if c.extra else {}
    q = None
    if c.type in _QUALIFIED_TYPES:
        q = qualifier_after(ctx.lower, j, ctx.words[j - 1])
        if q:
            qualifier, j = q
        else:
            qb = qualifier_before(ctx.lower, i)
            if qb:
                qualifier, i = qb
    obj = None
    if c.type not in ("date", "duration", "ranking"):
        obj = object_before(ctx.lower, ctx.words, c.i)
        if obj is None and c.type in _OBJECT_TYPES and (q or not (c.j == c.i + 1 and _has_case(ctx.words[c.i]))):
            obj = object_after(ctx.lower, ctx.words, j, len(ctx.words))
    value = c.value
    if c.type == "date" and doc_year and isinstance(value, str) and value.startswith("--"):
        value = f"{doc_year:04d}{value[1:]}"
        extra["year_from"] = "doc_date"
    s, e = norm.to_original(ctx.starts[i], ctx.ends[j - 1])
    return Fact(
        type=c.type,
        start=s,
        end=e,
        text=norm.original[s:e],
        value=value,
        value_max=c.value_max,
        unit=c.unit,
        qualifier=qualifier,
        object=obj,
        indicator=c.indicator,
        sentence=ctx.sentence,
        extra=extra,
    )


def _has_case(token: str) -> bool:
    """530-ын: a number with its own case ending stands for a noun; nothing after it is its object."""
    head, sep, tail = token.partition("-")
    return bool(sep) and head[:1].isdecimal() and tail.isalpha()


def extract_facts(
    norm: Normalized,
    tokens: Tokens,
    sentences: list[tuple[int, int]],
    doc_date: Date | None = None,
) -> list[Fact]:
    """All numeric facts of a normalised text, with offsets into the original."""
    text = norm.text
    doc_year = doc_date.year if doc_date else None
    starts, ends, words = tokens.starts, tokens.ends, tokens.words
    starts_at = anchors(words)
    if not starts_at:
        return []
    sent_starts = [s for s, _ in sentences]
    facts: list[Fact] = []
    a = 0
    while a < len(starts_at):
        si = bisect_right(sent_starts, starts[starts_at[a]]) - 1
        s_start, s_end = sentences[si]
        t0, t1 = bisect_left(starts, s_start), bisect_left(starts, s_end)
        if si < 0 or not t0 <= starts_at[a] < t1:  # a token outside every sentence: never expected, never a hang
            a += 1
            continue
        ws, sstarts, sends = words[t0:t1], starts[t0:t1], ends[t0:t1]
        ctx = Context(
            text=text,
            words=ws,
            lower=list(map(str.lower, ws)),
            starts=sstarts,
            ends=sends,
            gaps=Gaps(text, sstarts, sends),
            sentence=si,
            names=_names(text, s_start, s_end) if text.find("«", s_start, s_end) >= 0 else [],
        )
        resume = 0
        while a < len(starts_at) and starts_at[a] < t1:
            i = starts_at[a] - t0
            a += 1
            if i < resume:
                continue
            got = _classify(ctx, i)
            if got is None:
                continue
            c, resume = got
            if c is not None:
                facts.append(_finish(ctx, c, norm, doc_year))
    return facts
