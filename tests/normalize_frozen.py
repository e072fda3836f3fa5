"""A frozen copy of ``kaznlp/normalize.py`` as of 2ba1050 (before the web-text fast path of the speed round four):
the reference that ``tests/test_normalize_frozen.py`` and ``bench/bench_norm_frozen.py`` compare the shipped
normalisation with, text and offset map. Do not edit: it is the definition of the old behaviour.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from dataclasses import dataclass

import regex

from kaznlp.morphology import LATIN_LOOKALIKES, REPLACED_EVERYWHERE

__all__ = ["Normalized", "normalize"]

_SPACES = "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t\x0b\x0c"
_ONE_TO_ONE = {ord(c): " " for c in _SPACES}
_ONE_TO_ONE.update({ord(c): "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"})
_ONE_TO_ONE.update({ord("\u201c"): "«", ord("\u201d"): "»", ord("\u201e"): "«", ord("\u201f"): "«"})
_ONE_TO_ONE.update({ord("\u2018"): "'", ord("\u2019"): "'", ord("\u02bc"): "'", ord("\r"): "\n"})
_ONE_TO_ONE.update({ord(k): v for k, v in REPLACED_EVERYWHERE.items()})  # ı for і in some fonts
_DROP = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_ONE_TO_ONE_MAP = {chr(k): v for k, v in _ONE_TO_ONE.items()}
_ONE_TO_ONE_RE = re.compile("[" + re.escape("".join(_ONE_TO_ONE_MAP)) + "]")
_DROP_RE = re.compile("[" + re.escape(_DROP) + "]")
assert not {ord(v) for v in _ONE_TO_ONE.values()} & set(_ONE_TO_ONE), "a replacement must not be replaced again"

# Latin letters that look like Cyrillic ones, repaired only inside words that also hold Cyrillic letters.
_HOMOGLYPHS = str.maketrans(LATIN_LOOKALIKES)
# a Latin letter next to a Cyrillic one; it starts with a character class, so re scans for it at C speed
_MIXED_RE = re.compile(r"[A-Za-z](?:(?<=[\u0400-\u04ff][A-Za-z])|(?=[\u0400-\u04ff]))")
_WORD_RE = regex.compile(r"[\p{Cyrillic}\p{Latin}]+")
_WORD_BACK_RE = regex.compile(r"[\p{Cyrillic}\p{Latin}]*", regex.REVERSE)  # a word's start, read from a letter in it
_NON_HOMOGLYPH_LATIN = regex.compile(r"[^\P{Latin}" + "".join(LATIN_LOOKALIKES) + "]")


@dataclass(frozen=True, slots=True)
class Normalized:
    """A normalised text with the way back to the original."""

    original: str
    text: str
    char_map: array | None = None  # original offset of each normalised char, plus one past the end

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the normalised text to the span of the original that it came from."""
        if self.char_map is None:
            return start, end
        return _back(self.char_map, start, end)

    def to_original_spans(self, starts: list[int], ends: list[int]) -> tuple[list[int], list[int]]:
        """:meth:`to_original` of many spans in one call, given and returned as parallel lists of starts and
        ends (the lists given, when normalisation kept every offset)."""
        if self.char_map is None:
            return starts, ends
        m = self.char_map
        spans = [_back(m, s, e) for s, e in zip(starts, ends)]
        return [s for s, _ in spans], [e for _, e in spans]


def _back(m: array, start: int, end: int) -> tuple[int, int]:
    """The original span of a normalised one, by the character map: the one definition of the way back."""
    if end <= start:
        return m[start], m[start]
    return m[start], m[end - 1] + 1 if m[end] <= m[end - 1] else m[end]


# ASCII letters are rare in Kazakh text: a byte-level check (C speed) skips the regex scan for most texts
_NOT_LATIN_BYTES = bytes(b for b in range(256) if not (65 <= b <= 90 or 97 <= b <= 122))


def _fix_homoglyphs(text: str) -> str:
    """Latin look-alikes repaired in the words (runs of Cyrillic and Latin letters) that are mostly Cyrillic and
    hold no other Latin letter. Only the words around a Latin letter next to a Cyrillic one are looked at: one
    regex scan at C speed finds them, however many words the text has."""
    if not text.encode("utf-8", "surrogatepass").translate(None, _NOT_LATIN_BYTES) or not _MIXED_RE.search(text):
        return text
    parts = []
    last = 0
    pos = 0
    while True:
        hit = _MIXED_RE.search(text, pos)
        if hit is None:
            break
        back = _WORD_BACK_RE.match(text, pos, hit.start())  # the word that holds the hit
        start = back.start() if back is not None else hit.start()
        m = _WORD_RE.match(text, start)
        assert m is not None
        word = m.group()
        pos = m.end()
        if _MIXED_RE.search(word) and not _NON_HOMOGLYPH_LATIN.search(word):
            cyr = sum(1 for c in word if "\u0400" <= c <= "\u04ff")
            if cyr * 2 >= len(word):  # a Cyrillic word with a few Latin look-alikes in it
                parts.append(text[last:start])
                parts.append(word.translate(_HOMOGLYPHS))
                last = pos
    if not parts:
        return text
    parts.append(text[last:])
    return "".join(parts)


def _clusters(text: str, i: int, n: int, out: list[str], cmap: array) -> None:
    """NFC per character cluster (a character and the combining marks after it) and zero-width removal, of
    ``text[i:n]``, appended to ``out`` with the original offset of each character appended to ``cmap``."""
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(text[j]):
            j += 1
        cluster = text[i:j]
        if cluster in _DROP:
            i = j
            continue
        norm = unicodedata.normalize("NFC", cluster) if j - i > 1 or not cluster.isascii() else cluster
        k = len(norm)
        if k == j - i:  # unchanged, or marks reordered (no precomposed form): one character for one
            cmap.extend(range(i, j))
        elif k < j - i:  # composed: the first character covers the base and the marks it took in
            cmap.append(i)
            cmap.extend(range(j - k + 1, j))
        else:  # expanded (a character NFC decomposes): the extra characters map to the last original one
            cmap.extend(min(i + c, j - 1) for c in range(k))
        out.append(norm)
        i = j


_IDENTITY = array("q")  # 0, 1, 2, …: a map's runs of kept offsets are copied from it (memcpy, no int objects)
_IDENTITY_MAX = 1 << 20  # longer texts (8 MB of map) build their runs from ranges instead


def _run(cmap: array, i: int, j: int) -> None:
    """Offsets ``i`` … ``j - 1`` appended to ``cmap``."""
    global _IDENTITY
    if j > len(_IDENTITY):
        if j > _IDENTITY_MAX:
            cmap.extend(range(i, j))
            return
        _IDENTITY = array("q", range(min(max(j, 2 * len(_IDENTITY), 4096), _IDENTITY_MAX)))
    cmap.extend(_IDENTITY[i:j])


def _drops(text: str, i: int, n: int, out: list[str], cmap: array) -> None:
    """:func:`_clusters` of an NFC span ``text[i:n]``, at C speed: every cluster stays as it is but a lone
    zero-width character (one that no combining mark follows), which is dropped."""
    for m in _DROP_RE.finditer(text, i, n):
        d = m.start()
        if d + 1 < n and unicodedata.combining(text[d + 1]):
            continue  # a cluster of its own with its marks: kept, as :func:`_clusters` keeps it
        out.append(text[i:d])
        _run(cmap, i, d)
        i = d + 1
    out.append(text[i:n])
    _run(cmap, i, n)


_CHUNK = 2048  # characters a span of text is checked for NFC in, when the whole text is not NFC


def _slow_path(text: str) -> tuple[str, array]:
    """NFC per character cluster and zero-width removal, with a character map. Spans already in NFC (nearly all
    text) only lose their zero-width characters, found by a regex; the per-cluster loop runs only on spans of
    ``_CHUNK`` characters that are not in NFC. The same text and map as the per-cluster loop over the whole text:
    spans start where a cluster does (at a character that is not a combining mark), and a span in NFC has every
    one of its clusters in NFC."""
    out: list[str] = []
    cmap = array("q")
    n = len(text)
    if unicodedata.is_normalized("NFC", text):
        _drops(text, 0, n, out, cmap)
    else:
        i = 0
        while i < n:
            j = min(i + _CHUNK, n)
            while j < n and unicodedata.combining(text[j]):
                j += 1
            if unicodedata.is_normalized("NFC", text[i:j]):
                _drops(text, i, j, out, cmap)
            else:
                _clusters(text, i, j, out, cmap)
            i = j
    cmap.append(n)
    return "".join(out), cmap


# one scan finds whether any step has work to do: most Kazakh text needs none
_ANY_WORK_RE = re.compile(
    "[" + re.escape(_DROP + "".join(map(chr, _ONE_TO_ONE))) + r"A-Za-z\u0300-\u036f\u0483-\u0489]"
)


def normalize(text: str) -> Normalized:
    """Normalise ``text``; spans of the result map back with :meth:`Normalized.to_original`."""
    if not _ANY_WORK_RE.search(text) and unicodedata.is_normalized("NFC", text):
        return Normalized(text, text, None)
    cmap = None
    work = text
    if _DROP_RE.search(work) or not unicodedata.is_normalized("NFC", work):
        work, cmap = _slow_path(work)
    # one scan finds the characters to replace, then str.replace per character present: C speed, no callback
    # per match (the order does not matter: no replacement is replaced again)
    for c in sorted(set(_ONE_TO_ONE_RE.findall(work))):
        work = work.replace(c, _ONE_TO_ONE_MAP[c])
    work = _fix_homoglyphs(work)
    return Normalized(text, work, cmap)
