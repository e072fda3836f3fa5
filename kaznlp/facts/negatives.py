"""Numbers that are not facts: codes and identifiers (``1414 бірыңғай нөмірі``, ``5-бап``, ``38-қадамында``,
``№ 123``), house numbers (``көшесі 14, 18``), model names (``Fokker 100``, ``24.kz``), designations
(``4 D форматында``, ``11 А сыныбы``), list markers (``1)``), multipliers (``2 есе``, ``20,4 есеге``), fractions
(``үштен бірі``), times of day (``10:00``) and phone-like chains (``74-12-34``, ``8(7172)``). Numbers inside
«names» are handled by the context.
"""

from __future__ import annotations

from ..data import rows, words
from ..morphology import endings, is_inflection
from ..numbers import NumberExpr, is_number_suffix, starts_with_numeral
from .base import Context
from .units import unit_of

_TABLE = rows("not_fact_words.tsv")
_AFTER = tuple(r[0] for r in _TABLE if r[1] == "after")
_HYPHEN = tuple(r[0] for r in _TABLE if r[1] == "hyphen")
_BEFORE = frozenset(r[0] for r in _TABLE if r[1] == "before") | {"n", "no", "№№"}
_ADDRESS = frozenset(r[0] for r in _TABLE if r[1] == "address")
_MULTIPLIERS = tuple(r[0] for r in _TABLE if r[1] == "multiplier")
_ABLATIVE = endings("ablative")
_LOOKAHEAD = 2
_GLUE = (":", "-", "/", "(", ")")  # 10:00, 74-12-34, 12/2016, 8(7172)
_LIST_OPENERS = (":", ";", ".", ")")
_ADDRESS_LIST = frozenset(words("list_joiners.txt")) | {"-", "/"}
_DERIVED_VERB = endings("verbal")  # есе|ле|нген: multiplied


def _is_multiplier(word: str) -> bool:
    for stem in _MULTIPLIERS:
        if word.startswith(stem):
            rest = word[len(stem) :]
            return is_inflection(rest) or rest.startswith(_DERIVED_VERB)
    return False


def _latin_word(word: str) -> bool:
    return word.isascii() and word.isalpha()


def _designation(ctx: Context, k: int) -> bool:
    """The word at ``k``, right after a number, designates a format, a standard or a class (``4 D форматында``,
    ``5 G``, ``11 А сыныбы``, ``үш Д сканер``): one capital letter of any script (Kazakh in Latin script comes to
    the rules transliterated, ``4 D`` as Cyrillic ``4 Д``) or two Latin ones; not an initial, a letter with a
    period glued to it (``4 Д. Ахметов``)."""
    w = ctx.words[k]
    if not (w.isalpha() and w.isupper() and (len(w) == 1 or len(w) == 2 and w.isascii())):
        return False
    initial = len(w) == 1 and k + 1 < len(ctx.words) and ctx.words[k + 1] == "." and ctx.gaps[k] == ""
    return not initial


def _address_before(ctx: Context, i: int) -> bool:
    """A house number: an address word before it, or before the comma list it ends (көшесі 14, 18, 22/1)."""
    lower = ctx.lower
    k = i - 1
    while k >= 0 and (lower[k] in _ADDRESS_LIST or lower[k][:1].isdecimal()):
        k -= 1
    return k >= 0 and lower[k] in _ADDRESS


def is_not_fact(ctx: Context, e: NumberExpr) -> bool:
    words, lower, n, gaps = ctx.words, ctx.lower, len(ctx.words), ctx.gaps
    if e.suffix and not e.words:
        s = e.suffix.lower()
        if s.startswith(_HYPHEN):
            return True
        if not e.ordinal and not is_number_suffix(s) and unit_of(s) is None:
            return True  # 38-қадамында, 14-кіреберіс: a hyphen after digits makes the noun an ordinal label
    if e.i > 0 and (lower[e.i - 1] in _BEFORE or _address_before(ctx, e.i)):
        return True
    for k in range(e.j, min(n, e.j + _LOOKAHEAD)):
        if lower[k].startswith(_AFTER) or _is_multiplier(lower[k]):
            return True
    if e.j < n and gaps[e.j - 1] == "":
        nxt = words[e.j]
        if nxt in _GLUE and e.j + 1 < n and words[e.j + 1][:1].isdecimal() and gaps[e.j] == "":
            return True  # 10:00, 74-12-34, 8(7172)
        if nxt == "." and e.j + 1 < n and gaps[e.j] == "" and _latin_word(words[e.j + 1]):
            return True  # 24.kz: a web address
        if nxt == ")" and (e.i == 0 or words[e.i - 1] in _LIST_OPENERS):
            return True  # 1) … 2) …: list markers
    if e.i > 1 and words[e.i - 1] in _GLUE and gaps[e.i - 2] == gaps[e.i - 1] == "" and words[e.i - 2][:1].isdecimal():
        return True
    if not e.words and e.i > 0 and _latin_word(words[e.i - 1]) and len(words[e.i - 1]) > 1:
        return True  # Fokker 100: a model name
    if e.j < n and _designation(ctx, e.j):
        return True  # 4 D, 5 G, 11 А сыныбы: a format, a standard, a class
    if e.suffix.endswith(_ABLATIVE) and e.j < n and starts_with_numeral(words[e.j]):
        return True  # үштен бірі, бестен екісі: a fraction
    return False
