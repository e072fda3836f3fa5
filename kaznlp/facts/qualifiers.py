"""Qualifiers of a number: ``астам`` (more than), ``кемінде`` (at least), ``шамамен`` (about)…

The phrases live in ``data/qualifiers.tsv``."""

from __future__ import annotations

from ..data import rows, words
from ..morphology import endings

_CHANGE_VERBS: dict[str, str] = {r[0]: r[1] for r in rows("change_verbs.tsv")}  # stem -> up / down
_UP_TO = words("up_to.txt")
_CHANGE_VERBS_BY_LEN = sorted(_CHANGE_VERBS, key=len, reverse=True)
_PRESENT = endings("present")  # жет|еді, арт|ады, көбей|еді, жет|етін: the present-future after the stem

_ABLATIVE = endings("ablative")
_DATIVE = endings("dative")

_AFTER: list[tuple[tuple[str, ...], str, str]] = []
_BEFORE: list[tuple[tuple[str, ...], str]] = []
for _phrase, _pos, _qual, _needs in rows("qualifiers.tsv"):
    _words = tuple(_phrase.split())
    if _pos == "after":
        _AFTER.append((_words, _qual, _needs))
    else:
        _BEFORE.append((_words, _qual))
_AFTER.sort(key=lambda r: len(r[0]), reverse=True)
_BEFORE.sort(key=lambda r: len(r[0]), reverse=True)
_AFTER_BY_FIRST: dict[str, list[tuple[tuple[str, ...], str, str]]] = {}
for _row in _AFTER:
    _AFTER_BY_FIRST.setdefault(_row[0][0], []).append(_row)
_BEFORE_BY_LAST: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _before in _BEFORE:
    _BEFORE_BY_LAST.setdefault(_before[0][-1], []).append(_before)


def _reached(word: str) -> bool:
    """A verb of change that makes ``N-ге дейін`` "to N": a fall or cut in any form (қысқарады, түсірілді), a
    growth in any form but the present-future (жетті, өскен, жеткізу; but жетеді, жететін: "up to N")."""
    stem = next((s for s in _CHANGE_VERBS_BY_LEN if word.startswith(s)), None)
    if stem is None:
        return False
    return _CHANGE_VERBS[stem] == "down" or not word[len(stem) :].startswith(_PRESENT)


def _case_ok(needs: str, last_word: str) -> bool:
    w = last_word.lower()
    if needs == "abl":
        return w.endswith(_ABLATIVE)
    if needs == "dat":
        return w.endswith(_DATIVE) and len(w) > 1
    return True


def qualifier_after(lower: list[str], j: int, last_word: str) -> tuple[str, int] | None:
    """A qualifier starting at token ``j``, after a number or unit written ``last_word``: (qualifier, end)."""
    if j >= len(lower):
        return None
    for phrase, qual, needs in _AFTER_BY_FIRST.get(lower[j], ()):
        k = j + len(phrase)
        if k <= len(lower) and tuple(lower[j:k]) == phrase and _case_ok(needs, last_word):
            if phrase[-1] in _UP_TO and k < len(lower) and _reached(lower[k]):
                return None  # 25-ке дейін жетті: reached 25, no bound (but 8 метрге дейін жетеді: up to 8 m)
            return qual, k
    return None


def qualifier_before(lower: list[str], i: int) -> tuple[str, int] | None:
    """A qualifier ending just before token ``i``: (qualifier, start)."""
    if i == 0:
        return None
    for phrase, qual in _BEFORE_BY_LAST.get(lower[i - 1], ()):
        k = i - len(phrase)
        if k >= 0 and tuple(lower[k:i]) == phrase:
            return qual, k
    return None
