"""The number normaliser: Kazakh numbers as written, in digits or words, to values.

``1 204 000``, ``12,5``, ``1 млн. 204 мың`` → 1204000, ``12,5 мың`` → 12500, ``екі жүз отыз бес`` → 235,
``бірінші`` and ``90-шы`` (ordinals), ``жарты``/``ширек``, ranges ``5-7``, case suffixes (``мыңнан``, ``млн-нан``,
``530-ын``). Word lists come from ``kaznlp/data`` tables.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import regex

from .data import rows, words
from .morphology import LATIN_LOOKALIKES, NUMBER_SUFFIX, ORDINAL_SUFFIX_RE

__all__ = [
    "NumWord", "NumberExpr", "word_value", "digit_value", "parse_tokens", "parse_number", "is_number_suffix",
    "starts_with_numeral", "roman_value", "ROMAN_LETTERS",
]

_BASE: dict[str, tuple[float, str]] = {r[0]: (float(r[1]), r[2]) for r in rows("numerals.tsv")}
_ORDINALS: dict[str, float] = {r[0]: float(r[1]) for r in rows("ordinals.tsv")}
_SCALES: dict[str, float] = {r[0]: float(r[1]) for r in rows("scale_words.tsv")}
_COLLECTIVES: dict[str, tuple[float, str]] = {r[0]: (float(r[1]), r[2]) for r in rows("collectives.tsv")}
_BASES_BY_LEN = sorted(_BASE, key=len, reverse=True)
_SCALE_ABBREVIATIONS = tuple(s for s in _SCALES if s.isalpha() and s not in _BASE and len(s) <= 4)
_ORDINALS_BY_LEN = sorted(_ORDINALS, key=len, reverse=True)
_COLLECTIVES_BY_LEN = sorted(_COLLECTIVES, key=len, reverse=True)

_NUM_SUFFIX_RE = regex.compile(NUMBER_SUFFIX + r"\Z")
_NOT_NUMBERS = frozenset(words("not_numbers.txt"))
_SEP_RE = regex.compile(r"[.,]")
_DIGITS_RE = regex.compile(r"(\d+(?:[.,]\d+)*)(?:-(\p{L}+))?\Z")


@dataclass(frozen=True, slots=True)
class NumWord:
    """A number word: its value, kind (unit, ten, hundred, scale, fraction, ordinal, collective, group) and
    ending."""

    value: float
    kind: str
    suffix: str = ""


@lru_cache(maxsize=65536)
def word_value(word: str) -> NumWord | None:
    """The value of one Kazakh number word, inflected or not: ``мыңнан`` → 1000 (scale, ``нан``)."""
    w = word.lower()
    if w in _NOT_NUMBERS:
        return None
    if w in _SCALES and not w.isalpha():  # млн. млрд.
        return NumWord(_SCALES[w], "scale")
    head, _, tail = w.partition("-")
    if tail and head in _SCALES:  # млн-нан
        return NumWord(_SCALES[head], "scale", tail) if tail.isalpha() else None
    for o in _ORDINALS_BY_LEN:
        if w.startswith(o):
            rest = w[len(o) :]
            if _NUM_SUFFIX_RE.match(rest):
                return NumWord(_ORDINALS[o], "ordinal", rest)
    for c in _COLLECTIVES_BY_LEN:
        if w.startswith(c) and _NUM_SUFFIX_RE.match(w[len(c) :]):
            value, kind = _COLLECTIVES[c]
            return NumWord(value, kind, w[len(c) :])
    for b in _BASES_BY_LEN:
        if w.startswith(b):
            rest = w[len(b) :]
            if _NUM_SUFFIX_RE.match(rest):
                value, kind = _BASE[b]
                return NumWord(value, kind, rest)
            break
    if w in _SCALES:
        return NumWord(_SCALES[w], "scale")
    for s in _SCALE_ABBREVIATIONS:  # млнға, млрдтан
        if w.startswith(s) and _NUM_SUFFIX_RE.match(w[len(s) :]):
            return NumWord(_SCALES[s], "scale", w[len(s) :])
    return None


_ROMAN_DIGITS = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
# Roman numerals are often typed with the Cyrillic look-alikes (І, Х, С): І орын, ХХІ ғасыр
_ROMAN_LATIN = {LATIN_LOOKALIKES[c]: c for c in _ROMAN_DIGITS if c in LATIN_LOOKALIKES}
#: the letters a Roman numeral may be written in, Latin and Cyrillic
ROMAN_LETTERS = "".join(_ROMAN_DIGITS) + "".join(_ROMAN_LATIN)
_ROMAN_RE = regex.compile(r"(?=[IVXLC])C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})\Z")


def roman_value(token: str) -> int | None:
    """``ІІІ`` (Cyrillic І) → 3, ``XIV`` → 14; None for anything else."""
    t = "".join(_ROMAN_LATIN.get(c, c) for c in token)
    if not t or _ROMAN_RE.match(t) is None:
        return None
    total = 0
    for a, b in zip(t, t[1:] + " "):
        v = _ROMAN_DIGITS[a]
        total += -v if b != " " and _ROMAN_DIGITS[b] > v else v
    return total


def is_number_suffix(s: str) -> bool:
    """True for the endings a number may carry (``ын`` in ``530-ын``, ``нан`` in ``мыңнан``)."""
    return _NUM_SUFFIX_RE.match(s) is not None


def starts_with_numeral(word: str) -> bool:
    """A number word with any ending, also the forms that ``word_value`` refuses as mostly something else
    (``бірінен``: "of one of them")."""
    w = word.lower()
    return any(w.startswith(b) and _NUM_SUFFIX_RE.match(w[len(b) :]) for b in _BASES_BY_LEN)


# a number too large for a float (a 400-digit run, 10^300 трлн) is no number, so no fact: never Infinity in a record
_TOO_LARGE = float("inf")


def digit_value(token: str) -> tuple[float, str, bool] | None:
    """``12,5`` → (12.5, '', False); ``530-ын`` → (530, 'ын', False); ``90-шы`` → (90, 'шы', True)."""
    if token.isdecimal():
        value = float(token)
        return (value, "", False) if value != _TOO_LARGE else None
    m = _DIGITS_RE.match(token)
    if not m:
        return None
    num, suffix = m.group(1), m.group(2) or ""
    parts = _SEP_RE.split(num)
    if len(parts) == 1:
        value = float(num)
    elif len(parts) == 2:
        value = float(parts[0] + "." + parts[1])
    elif all(len(p) == 3 for p in parts[1:]) and len(parts[0]) <= 3:
        value = float("".join(parts))  # 1.204.000
    else:
        return None
    if value == _TOO_LARGE:
        return None
    ordinal = bool(suffix) and ORDINAL_SUFFIX_RE.match(suffix) is not None
    return value, suffix, ordinal


class NumberExpr:
    """A number expression over tokens ``i``..``j`` (exclusive) of a token list. A plain class with its own
    ``__init__``: one is built at every number, and that is the quickest to build, in Python and compiled."""

    __slots__ = ("i", "j", "value", "value_max", "ordinal", "suffix", "words", "plain_int", "kind")

    def __init__(
        self,
        i: int,
        j: int,
        value: float,
        value_max: float | None = None,
        ordinal: bool = False,
        suffix: str = "",
        words: bool = False,
        plain_int: bool = False,
        kind: str = "cardinal",
    ) -> None:
        self.i = i
        self.j = j
        self.value = value
        self.value_max = value_max
        self.ordinal = ordinal
        self.suffix = suffix  # the ending on the last token (``нан`` in ``мыңнан``)
        self.words = words  # written in words
        self.plain_int = plain_int  # a bare integer in digits, no grouping, scale or decimal (a year candidate)
        self.kind = kind  # cardinal, ordinal, fraction, collective (екеуі), group (бестік)

    def __repr__(self) -> str:
        return "NumberExpr(" + ", ".join(f"{k}={getattr(self, k)!r}" for k in self.__slots__) + ")"


def parse_tokens(toks: Sequence[str], gaps: Sequence[str], i: int) -> NumberExpr | None:
    """Parse the number expression that starts at token ``i``.

    ``gaps[k]`` is the text between token ``k`` and token ``k+1`` (whitespace), used to join ``1 204 000`` only
    across single spaces.
    """
    n = len(toks)
    tok = toks[i]
    d = digit_value(tok)
    if d is not None:
        value, suffix, ordinal = d
        j = i + 1
        plain = tok.isdecimal()
        # 1 204 000: groups of three digits after single spaces
        if tok.isdecimal() and len(tok) <= 3:
            while j < n and gaps[j - 1] == " " and len(toks[j]) >= 3 and toks[j][:3].isdecimal():
                g = digit_value(toks[j])
                if g is None or not toks[j].split("-")[0].isdecimal() or len(toks[j].split("-")[0]) != 3:
                    break
                value = value * 1000 + g[0]
                suffix, ordinal = g[1], g[2]
                plain = False
                j += 1
        if ordinal:
            return NumberExpr(i, j, value, ordinal=True, suffix=suffix, kind="ordinal") if value != _TOO_LARGE else None
        value_max = None
        # ranges: 5-7, 2015-2017
        if not suffix and j + 1 < n and toks[j] == "-" and len(gaps[j - 1]) <= 1 and len(gaps[j]) <= 1:
            r = digit_value(toks[j + 1])
            if r is not None and not r[2] and r[0] > value:
                value_max, suffix = r[0], r[1]
                j += 2
        # scale chain: 1 млн. 204 мың
        if not suffix:
            j, value, value_max, suffix, scaled = _scale_chain(toks, j, value, value_max)
            plain = plain and not scaled
        if value == _TOO_LARGE or value_max == _TOO_LARGE:
            return None
        return NumberExpr(i, j, value, value_max, suffix=suffix, plain_int=plain and value_max is None)
    nw = word_value(tok)
    if nw is None:
        roman = roman_value(tok)
        return None if roman is None else NumberExpr(i, i + 1, float(roman), ordinal=True, kind="ordinal")
    if nw.kind in ("ordinal", "collective", "group"):
        return NumberExpr(i, i + 1, nw.value, ordinal=nw.kind == "ordinal", suffix=nw.suffix, words=True, kind=nw.kind)
    if nw.kind == "fraction":
        return NumberExpr(i, i + 1, nw.value, suffix=nw.suffix, words=True, kind="fraction")
    # compound number words: екі жүз отыз бес, бір мың тоғыз жүз
    total, cur = 0.0, 0.0
    j = i
    suffix = ""
    while j < n:
        w = word_value(toks[j]) if j == i else (word_value(toks[j]) if not suffix else None)
        if w is not None and w.kind == "ordinal" and j > i:
            # екі мың он бесінші: a compound that ends in an ordinal
            value = total + cur + w.value
            return NumberExpr(i, j + 1, value, ordinal=True, suffix=w.suffix, words=True, kind="ordinal")
        if w is None or w.kind in ("ordinal", "collective", "group"):
            break
        if w.kind == "fraction":
            break  # жарты, ширек stand alone
        if w.kind == "half":
            if j == i:
                break
            cur += w.value  # төрт жарым: four and a half
        elif w.kind in ("unit", "ten"):
            if cur % 10 and w.kind == "unit" or (cur % 100 and w.kind == "ten"):
                break  # екі үш: two numbers, not one
            cur += w.value
        elif w.kind == "hundred":
            cur = (cur or 1) * 100
        else:  # scale
            total += (cur or 1) * w.value
            cur = 0.0
        suffix = w.suffix
        j += 1
    value = total + cur
    if j == i:
        return None
    # бес – он жылға: a range of number words
    if not suffix and j + 1 < n and toks[j] == "-" and word_value(toks[j + 1]) is not None:
        hi = parse_tokens(toks, gaps, j + 1)
        if hi is not None and hi.words and hi.kind == "cardinal" and hi.value > value:
            return NumberExpr(i, hi.j, value, hi.value, suffix=hi.suffix, words=True)
    # digits may follow a word scale: мың 204? rare; a scale chain after words: бес миллион
    return NumberExpr(i, j, value, suffix=suffix, words=True)


_GROUP = 3  # digits of a group after a scale word (5 мың 200), unlike a new number (5 мың 3 ауылда)


def _scale_chain(toks: Sequence[str], j: int, value: float, value_max: float | None):
    """Multiply by scale words and add up a chain of them: ``1 млн. 204 мың``."""
    n = len(toks)
    suffix, total, base, last = "", 0.0, value, None
    while j < n:
        w = word_value(toks[j])
        if w is None or w.kind != "scale" or (last is not None and w.value >= last):
            break
        if last is None and value_max is not None:
            value_max *= w.value
        total += base * w.value
        last, suffix = w.value, w.suffix
        j += 1
        if suffix or value_max is not None or j + 1 >= n:
            break
        nxt, sw = digit_value(toks[j]), word_value(toks[j + 1])
        if nxt is None or nxt[1] or nxt[2]:
            break
        if sw is None or sw.kind != "scale" or sw.value >= last:
            if nxt[0] < last and len(toks[j]) == _GROUP and toks[j].isdecimal():
                total += nxt[0]  # 5 мың 200 теңге: a chain that ends in three digits
                suffix = ""
                j += 1
            break
        base = nxt[0]
        j += 1
    if last is None:
        return j, value, value_max, suffix, False
    return j, total, value_max, suffix, True


def parse_number(text: str) -> float | tuple[float, float] | None:
    """Parse a whole number expression: ``1 млн. 204 мың`` → 1204000.0, ``5-7`` → (5.0, 7.0).

    Returns None when ``text`` is not one number expression.
    """
    from .normalize import normalize
    from .tokenizer import tokenize

    text = normalize(text).text
    t = tokenize(text)
    toks = t.words
    if not toks:
        return None
    e = parse_tokens(toks, t.gaps(text), 0)
    if e is None or e.j != len(toks):
        return None
    return (e.value, e.value_max) if e.value_max is not None else e.value
