"""Which script a text is written in, and Kazakh in Latin script back to Cyrillic with an offset map.

Kazakh is written in Cyrillic (what kaznlp's rules read), in Latin script (four variants: the 2021 alphabet with
``ä ğ ı ñ ö ş ū ü``, the 2018 one with acute accents ``á ǵ ń ó ú ý``, the 2017 one with apostrophes, and informal
ASCII with ``sh ch zh``) and in Arabic script (tote jazu, by Kazakh media in China). :func:`detect_script` counts the
letters of each script and, for Latin text, finds the variant from the letters that only one variant writes;
:func:`to_cyrillic` transliterates Latin-script Kazakh to Cyrillic and returns, for every Cyrillic character, the
offset of the Latin character it came from, so that records found in the Cyrillic text point into the original.

The letters live in ``kaznlp/data/translit_latin.tsv`` and ``kaznlp/data/script_letters.tsv``.
"""

from __future__ import annotations

import unicodedata
from array import array
from dataclasses import dataclass
from functools import cache

from .data import rows

__all__ = ["LATIN_VARIANTS", "ScriptGuess", "detect_script", "mixed_script_words", "to_cyrillic"]

LATIN_VARIANTS = ("2021", "2018", "2017", "ascii")
_APOSTROPHE_LETTERS = frozenset("agiounsyc")


@cache
def _letters() -> dict[tuple[str, str], str]:
    return {(kind, name): letters for kind, name, letters in rows("script_letters.tsv")}


def letters(kind: str, name: str) -> str:
    """A row of ``script_letters.tsv``: the letters of one ``kind`` (``cyrillic_only``, ``latin_variant`` …)."""
    return _letters().get((kind, name), "")


def letter_rows(kind: str) -> list[tuple[str, str]]:
    """(name, letters) of every row of one kind."""
    return [(name, s) for (k, name), s in _letters().items() if k == kind]


@dataclass(frozen=True)
class _Table:
    entries: dict[str, tuple[str, str, str]]  # latin → (plain, after a vowel, at a word's start)
    longest: int
    vowels: frozenset[str]


@cache
def _table(variant: str) -> _Table:
    entries: dict[str, tuple[str, str, str]] = {}
    vowels: frozenset[str] = frozenset()
    for row in rows("translit_latin.tsv"):
        if row[0] != variant:
            continue
        if row[1] == "#vowels":
            vowels = frozenset(row[2])
            continue
        plain = row[2]
        after = row[3] if len(row) > 3 and row[3] else plain
        start = row[4] if len(row) > 4 and row[4] else plain
        entries[row[1]] = (plain, after, start)
    if not entries:
        raise ValueError(f"no Latin variant {variant!r}: use one of {', '.join(LATIN_VARIANTS)}")
    return _Table(entries, max(map(len, entries)), vowels)


def _script_of(c: str) -> str | None:
    o = ord(c)
    if 0x0400 <= o <= 0x04FF:
        return "Cyrl"
    if c.isascii() and c.isalpha() or 0x00C0 <= o <= 0x024F or 0x1E00 <= o <= 0x1EFF:
        return "Latn"
    if 0x0600 <= o <= 0x06FF or 0xFB50 <= o <= 0xFEFF:
        return "Arab" if c.isalpha() or unicodedata.category(c) == "Lm" else None
    return None


@dataclass(frozen=True, slots=True)
class ScriptGuess:
    """The script of most of a text's letters (``Cyrl``, ``Latn``, ``Arab``, ``none``) with the letters counted,
    and the Latin alphabet variant (``2021``, ``2018``, ``2017``, ``ascii``) where it is Latin."""

    script: str
    letters: int
    counts: dict[str, int]
    variant: str | None = None


def _count(text: str) -> dict[str, int]:
    counts = {"Cyrl": 0, "Latn": 0, "Arab": 0, "other": 0}
    for c in text:
        if c.isalpha():
            counts[_script_of(c) or "other"] += 1
        elif c == "\u0674":  # the hamza of tote jazu is a modifier, not a letter
            counts["Arab"] += 1
    return counts


def latin_variant(text: str) -> str:
    """The Kazakh Latin variant whose own letters ``text`` holds most (``ascii`` when none)."""
    low = text.lower()
    best, best_n = "ascii", 0
    for name, marks in letter_rows("latin_variant"):
        if name == "2017":  # an apostrophe after a letter of the 2017 digraphs (a' g' i' n' o' s' u' y' c'), not
            # the English 's (Kazakhstan's)
            n = sum(
                1
                for k in range(1, len(low))
                if low[k] == "'" and low[k - 1] in _APOSTROPHE_LETTERS
                and not (low[k + 1 : k + 2] == "s" and not low[k + 2 : k + 3].isalpha())
            )
        else:
            n = sum(low.count(m) for m in marks)
        if n > best_n:
            best, best_n = name, n
    return best


def detect_script(text: str) -> ScriptGuess:
    counts = _count(text)
    total = sum(counts.values())
    if total == 0:
        return ScriptGuess("none", 0, counts)
    script = max(("Cyrl", "Latn", "Arab"), key=lambda s: counts[s])
    if counts[script] == 0:
        return ScriptGuess("none", total, counts)
    variant = latin_variant(text) if script == "Latn" else None
    return ScriptGuess(script, total, counts, variant)


def mixed_script_words(text: str, limit: int = 5) -> list[str]:
    """Words that mix Latin and Cyrillic letters (normalisation repairs look-alike letters inside Cyrillic words
    first, so what is left here is really mixed), up to ``limit``."""
    out: list[str] = []
    word: list[str] = []
    for c in text + " ":
        if c.isalpha() or c == "'" and word:
            word.append(c)
            continue
        if word:
            scripts = {_script_of(x) for x in word if x != "'"}
            if {"Cyrl", "Latn"} <= scripts:
                out.append("".join(word))
                if len(out) >= limit:
                    break
            word = []
    return out


def to_cyrillic(text: str, variant: str) -> tuple[str, array]:
    """Kazakh in Latin script (``variant``) to Cyrillic. Returns the Cyrillic text and its character map: the
    offset in ``text`` of each Cyrillic character, plus ``len(text)`` at the end. Characters that are not Latin
    letters (digits, punctuation, Cyrillic) are kept as they are."""
    table = _table(variant)
    entries, longest, vowels = table.entries, table.longest, table.vowels
    out: list[str] = []
    cmap = array("q")
    low = text.lower()
    n = len(text)
    i = 0
    while i < n:
        c = low[i]
        hit = None
        if c.isalpha() or c == "'":
            for k in range(min(longest, n - i), 0, -1):
                chunk = low[i : i + k]
                if chunk in entries:
                    hit = chunk
                    break
        if hit is None or (hit == "'" and not (i > 0 and low[i - 1].isalpha())):
            out.append(text[i])
            cmap.append(i)
            i += 1
            continue
        plain, after, start = entries[hit]
        prev = low[i - 1] if i > 0 else " "
        at_start = not prev.isalpha() and prev != "'"
        cyr = start if at_start else after if prev in vowels else plain
        src = text[i : i + len(hit)]
        if src[0].isupper():
            # a capital: the whole word upper case when its next letter is too (ALL-CAPS), else the first letter
            nxt = text[i + len(hit)] if i + len(hit) < n else ""
            whole = (len(src) > 1 and src[1:].isupper()) or nxt.isupper()
            cyr = cyr.upper() if whole else cyr[:1].upper() + cyr[1:]
        for ch in cyr:
            out.append(ch)
            cmap.append(i)
        i += len(hit)
    cmap.append(n)
    return "".join(out), cmap
