"""The numeric-fact extractor: finds number expressions and lets each dimension's rules claim them.

Order of the rules at a number: not-a-fact checks, dates, then the unit after the number decides percentage,
money, quantity, duration or ranking; a number with no unit is a count. Qualifiers and the counted object
are read around the claimed span.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from collections.abc import Set as AbstractSet
from datetime import date as Date
from functools import cache
from itertools import compress

from ..data import rows
from ..data import words as word_list
from ..morphology import endings
from ..normalize import Normalized
from ..numbers import ROMAN_LETTERS, NumberExpr, is_number_suffix, parse_tokens, word_value
from ..sentences import _quote_regions
from ..tokenizer import Gaps, Tokens
from . import count, date, duration, money, negatives, percentage, quantity, ranking
from .base import Candidate, Context, Fact
from .objects import object_after, object_before
from .qualifiers import qualifier_after, qualifier_before
from .units import RANKING_WORDS, UnitHit, smaller_part, unit_after, unit_from_list, unit_of

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
_UP_TO = frozenset(word_list("up_to.txt"))
_LIST_JOINERS = frozenset(word_list("list_joiners.txt"))
_ABLATIVE = endings("ablative")
# the approximative ending on a number or unit word (30 проценттей, қырықтай, 170-тейі, 100-деген)
_APPROX_RE = re.compile(
    r"\w\w-?(?:(?:" + "|".join(endings("approx")) + ")(?:" + "|".join(endings("poss")) + ")?(?:"
    + "|".join(endings("case")) + ")?|" + "|".join(endings("many")) + r")\Z"
)


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
_c_runs: Callable[[list[str], str, int], list[int]] | None
try:
    from .._number_anchors import anchors as _c_anchors
    from .._number_anchors import runs_of as _c_runs
except ImportError:  # built without a C compiler
    _c_anchors = _c_runs = None


def anchors(words: list[str]) -> list[int]:
    """Indices of the tokens where a number may start (a digit, or a number word)."""
    if _c_anchors is not None:
        return _c_anchors(words, _PAIRS, _IS_ANCHOR)
    return anchors_by_lookup(words)


# a Roman numeral is a number only before a place in a rating (ІІ орынды); elsewhere (ХХІ ғасыр, IV кеңес) a label
_ROMAN_PLACE_RE = re.compile(rf"(?<!\w)[{ROMAN_LETTERS}]{{1,6}}(?=\s+(?:{'|'.join(RANKING_WORDS)}))", re.IGNORECASE)


@cache
def _roman_chars() -> str:
    """Every character that the case-blind ``[ROMAN_LETTERS]`` may match, and a few more: those below U+2000 whose
    upper or lower case is one of the letters in either case (І, і, ı, İ, ᲃ …; tests/test_extract.py checks every
    code point)."""
    both = set(ROMAN_LETTERS.lower() + ROMAN_LETTERS.upper())
    return "".join(c for c in map(chr, range(0x2000)) if c.upper()[:1] in both or c.lower()[:1] in both)


def _roman_places(text: str, words: list[str], starts: list[int]) -> list[int]:
    """Token indices of Roman numerals before a ranking word: the pattern's matches at token starts
    (:func:`_roman_places_here`), where the C helper tries it only at tokens of Roman letters alone. A match is
    such a token: one to six of those letters after no word character, then a space, which ends the token."""
    if _c_runs is None:
        return _roman_places_here(text, starts)
    return [k for k in _c_runs(words, _roman_chars(), 6) if _ROMAN_PLACE_RE.match(text, starts[k])]


def _roman_places_here(text: str, starts: list[int]) -> list[int]:
    """:func:`_roman_places`' definition: the pattern's matches in the text, those at a token start."""
    out: list[int] = []
    for m in _ROMAN_PLACE_RE.finditer(text):
        k = bisect_left(starts, m.start())
        if k < len(starts) and starts[k] == m.start():
            out.append(k)
    return out


def anchors_by_lookup(words: list[str]) -> list[int]:
    """:func:`anchors` by one dictionary lookup per token: the definition the C helper follows."""
    return list(compress(range(len(words)), map(_IS_ANCHOR.__getitem__, words)))


def _names(text: str, quotes: list[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    """«…» spans in a sentence that are names or titles (short, no sentence punctuation), not speech."""
    out = []
    for k in range(bisect_left(quotes, (start, start)), len(quotes)):
        s, e = quotes[k]
        if e > end:
            break
        inner = text[s + 1 : e - 1]
        if inner.count(" ") < _NAME_MAX_WORDS and not _SPEECH_RE.search(inner):
            out.append((s, e))
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
            hit = unit_after(ctx.words, e.j)
        if hit is not None:
            c = percentage.match(e, hit) or money.match(e, hit) or quantity.match(e, hit)
            if c is None:
                c = duration.match(e, hit, ctx.lower[hit.j] if hit.j < len(ctx.lower) else "")
            elif c.type == "quantity":
                c = quantity.per_unit(ctx, c)
            part = smaller_part(ctx, c.j, c.unit) if c is not None and c.value_max is None else None
            if c is not None and part is not None:  # 12 кг 300 гр: 12.3 kg; 1 сағат 30 минут: 1.5 hour
                c.value, c.j = float(c.value or 0) + part[0], part[1]
        if c is None:
            c = ranking.match(ctx, e, hit)
        if c is None and (hit is None or hit.type in ("year", "ranking", "age")):
            c = duration.age_before(ctx, e) or money.implied(ctx, e) or _listed(ctx, e) or count.match(ctx, e)
    return (c, max(e.j, c.j)) if c else (None, e.j)


def _listed(ctx: Context, e: NumberExpr) -> Candidate | None:
    """A figure whose unit is written once, after the next figure of the list (``570,4 мың, … 105,5 мың гектар``)."""
    hit = unit_from_list(ctx, e)
    if hit is None:
        return None
    after = ctx.lower[hit.j] if hit.j < len(ctx.lower) else ""
    c = percentage.match(e, hit) or money.match(e, hit) or quantity.match(e, hit) or duration.match(e, hit, after)
    if c is not None:
        c.j = e.j
        c.extra = (c.extra or {}) | {"unit_from": "list"}
    return c


def _finish(ctx: Context, c: Candidate, norm: Normalized, doc_year: int | None) -> Fact:
    i, j = c.i, c.j
    qualifier = None
    extra = dict(c.extra) if c.extra else {}
    q = None
    if c.type in _QUALIFIED_TYPES:
        j = _detached_suffix(ctx, j)
        q = qualifier_after(ctx.lower, j, ctx.words[j - 1])
        if q and q[0] == "at_most" and ctx.lower[q[1] - 1] in _UP_TO and _range_start_before(ctx, c.i):
            q = None  # 25%-дан 70%-ға дейін, 3 сағаттан бір тәулікке дейін: a range's end, no bound
        if q:
            qualifier, j = q
        elif _APPROX_RE.search(ctx.lower[j - 1]):
            qualifier = "approximately"  # 30 проценттей, қырықтай: the approximative ending
        elif shared := _shared_qualifier(ctx, j):
            qualifier = shared  # 138 мың теңгеден және 45 күннен аспайтын: the bound holds for both
        else:
            qb = qualifier_before(ctx.lower, i)
            if qb:
                qualifier, i = qb
    obj = None
    if c.type not in ("date", "duration", "ranking"):
        obj = object_before(ctx.lower, ctx.words, c.i)
        if obj is None and c.type in _OBJECT_TYPES and (q or not (c.j == c.i + 1 and _has_case(ctx.words[c.i]))):
            obj = object_after(ctx.lower, ctx.words, j, len(ctx.words))
    value, value_max = c.value, c.value_max
    if c.type == "date" and doc_year and isinstance(value, str) and value.startswith("--"):
        value = f"{doc_year:04d}{value[1:]}"
        if isinstance(value_max, str) and value_max.startswith("--"):
            value_max = f"{doc_year:04d}{value_max[1:]}"
        extra["year_from"] = "doc_date"
    s, e = norm.to_original(ctx.starts[i], ctx.ends[j - 1])
    return Fact(
        type=c.type,
        start=s,
        end=e,
        text=norm.original[s:e],
        value=value,
        value_max=value_max,
        unit=c.unit,
        qualifier=qualifier,
        object=obj,
        indicator=c.indicator,
        sentence=ctx.sentence,
        extra=extra,
    )


def _year_from_before(ctx: Context, c: Candidate, before: Candidate | None) -> None:
    """``2020 жылдың 16 наурызы мен 15 маусымы``: a day and month joined to a full date take its year."""
    if before is None or not isinstance(c.value, str) or not c.value.startswith("--"):
        return
    if not isinstance(before.value, str) or before.value.startswith("-") or len(before.value) < 4:
        return
    if all(w in _LIST_JOINERS for w in ctx.lower[before.j : c.i]):
        year = before.value[:4]
        c.value = year + c.value[1:]
        if isinstance(c.value_max, str) and c.value_max.startswith("--"):
            c.value_max = year + c.value_max[1:]
        c.extra = {k: v for k, v in (c.extra or {}).items() if k != "partial"} | {"year_from": "context"}


def _shared_qualifier(ctx: Context, j: int) -> str | None:
    """The qualifier after the next figure of a pair joined at token ``j`` (``X және Y аспайтын``), where it
    would fit this figure's own ending too."""
    lower, words = ctx.lower, ctx.words
    if j + 1 >= len(lower) or lower[j] not in _LIST_JOINERS:
        return None
    e = parse_tokens(words, ctx.gaps, j + 1)
    if e is None:
        return None
    hit = unit_after(words, e.j)
    k = hit.j if hit is not None else e.j
    q = qualifier_after(lower, k, words[k - 1])
    if q is None:
        return None
    mine = qualifier_after(lower[:j] + lower[k:], j, words[j - 1])  # the phrase right after this figure
    return mine[0] if mine is not None and mine[0] == q[0] else None


def _detached_suffix(ctx: Context, j: int) -> int:
    """``8% -дан``: a case ending written apart after the number or unit belongs to it; the end after it."""
    words, gaps = ctx.words, ctx.gaps
    detached = j + 1 < len(words) and words[j] == "-" and gaps[j - 1] == " " and gaps[j] == ""
    return j + 2 if detached and is_number_suffix(ctx.lower[j + 1]) else j


def _range_start_before(ctx: Context, i: int) -> bool:
    """A figure in the ablative just before token ``i`` (``25%-дан``, ``3 сағаттан``): a "from … to" range."""
    lower = ctx.lower
    k = i - 1
    if k < 0 or not lower[k].endswith(_ABLATIVE):
        return False
    return lower[k][:1].isdecimal() or (k > 0 and unit_of(lower[k]) is not None and lower[k - 1][:1].isdecimal())


def _has_case(token: str) -> bool:
    """530-ын: a number with its own case ending stands for a noun; nothing after it is its object."""
    head, sep, tail = token.partition("-")
    return bool(sep) and head[:1].isdecimal() and tail.isalpha()


def extract_facts(
    norm: Normalized,
    tokens: Tokens,
    sentences: list[tuple[int, int]],
    doc_date: Date | None = None,
    quotes: list[tuple[int, int]] | None = None,
    skip: AbstractSet[int] = frozenset(),
) -> list[Fact]:
    """All numeric facts of a normalised text, with offsets into the original. ``quotes``: the text's «…»
    regions, as :func:`~kaznlp.sentences.split_sentences_and_quotes` gives them with ``sentences``; ``skip``:
    sentences not read (their indexes; a sentence's facts depend on no other sentence, so the others' are the
    same)."""
    text = norm.text
    if quotes is None:
        quotes = _quote_regions(text) if "«" in text else []
    if skip and len(skip) >= len(sentences) and all(k in skip for k in range(len(sentences))):
        return []
    doc_year = doc_date.year if doc_date else None
    starts, ends, words = tokens.starts, tokens.ends, tokens.words
    starts_at = anchors(words)
    if roman := _roman_places(text, words, starts):
        starts_at = sorted(set(starts_at).union(roman))
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
        if si in skip:
            a = bisect_left(starts_at, t1, a)
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
            names=_names(text, quotes, s_start, s_end) if text.find("«", s_start, s_end) >= 0 else [],
        )
        resume = 0
        last_date: Candidate | None = None
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
                if c.type == "date":
                    _year_from_before(ctx, c, last_date)
                    last_date = c
                facts.append(_finish(ctx, c, norm, doc_year))
    return facts
