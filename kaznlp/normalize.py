"""Normalisation that keeps the evidence: every normalised span maps back to the original text.

NFC, zero-width characters dropped, non-breaking and thin spaces to plain spaces, typographic quotes and dashes
to their plain forms, Latin homoglyphs inside Cyrillic words (Latin ``c e p i o a x``) repaired, and a space put
between a lower-case word and a capitalised one glued to it (``араладыОңтүстік``, a headline run into the body).
Most steps replace one character by one; the few that change the length keep a character map.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

import regex

from .morphology import KAZAKH_LOWER, KAZAKH_UPPER, LATIN_LOOKALIKES, REPLACED_EVERYWHERE

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


# One symbol per character, from the UTF-8 bytes at C speed (bytes.translate drops the continuation bytes, so
# that symbol k is character k): ``L`` an ASCII letter, ``C`` a letter of the Cyrillic block U+0400-U+04FF, ``.``
# any other character.
_CLASS_OF_BYTE = bytes(
    ord("L") if 65 <= b <= 90 or 97 <= b <= 122 else ord("C") if 0xD0 <= b <= 0xD3 else ord(".") for b in range(256)
)
_CONTINUATION_BYTES = bytes(range(0x80, 0xC0))
# characters beyond ASCII that are neither Cyrillic nor Latin (\p{Cyrillic}, \p{Latin}: tests check it against
# ``_WORD_RE``), common next to a word: a word between two of them, or ASCII characters, ends there
_NOT_LETTERS = "«»×÷" + "".join(map(chr, range(0x2000, 0x2070)))
_ASCII_LETTERS = "".join(map(chr, [*range(65, 91), *range(97, 123)]))
# what makes a word of symbols L and C other than the general rule's word: another ASCII letter, or a Cyrillic
# mark (U+0483-U+0489, not all of them \p{Cyrillic})
_NOT_LOOKALIKE_RE = re.compile("[\u0483-\u0489" + "".join(c for c in _ASCII_LETTERS if c not in LATIN_LOOKALIKES) + "]")
_CYRILLIC_MARKS_RE = re.compile("[\u0483-\u0489]")


# the fast path's answer for a word: the word repaired, "" where it stays as it is (a word with a Cyrillic mark
# goes the general way and is not kept); forgotten all at once when full (the same answers when made again)
_FIXED: dict[str, str] = {}
_FIXED_MAX = 50_000


def _classes(text: str) -> bytes:
    """The symbol of each character of ``text`` (see ``_CLASS_OF_BYTE``)."""
    return text.encode("utf-8", "surrogatepass").translate(_CLASS_OF_BYTE, _CONTINUATION_BYTES)


def _ends_word(c: str) -> bool:
    """Whether the character ``c`` (of symbol ``.``) is neither Cyrillic nor Latin, as far as a quick look tells."""
    return c < "\u0080" or c in _NOT_LETTERS


def _fix_homoglyphs(text: str) -> str:
    """Latin look-alikes repaired in the words (runs of Cyrillic and Latin letters) that are mostly Cyrillic and
    hold no other Latin letter. Only the words around a Latin letter next to a Cyrillic one (a hit) are looked at:
    ``bytes.find`` on the symbols of the characters (:func:`_classes`) finds them, however many words the text has.
    A word of ASCII and Cyrillic-block letters between spaces or punctuation (nearly every one) is read off the
    symbols; any other by ``regex``'s Unicode classes, the general rule."""
    cls = _classes(text)
    n = len(cls)
    lc = cls.find(b"LC")  # a hit at lc, and one at cl + 1; -1: none left
    cl = cls.find(b"CL")
    if lc < 0 and cl < 0:
        return text
    parts = []
    last = 0
    pos = 0  # the end of the last word read (the character there is neither Cyrillic nor Latin)
    while True:
        if 0 <= lc < pos:
            lc = cls.find(b"LC", pos)
        if 0 <= cl < pos:
            cl = cls.find(b"CL", pos)
        if lc < 0 and cl < 0:
            break
        h = cl + 1 if lc < 0 or 0 <= cl < lc else lc
        s = cls.rfind(b".", pos, h) + 1  # the run of symbols L and C that holds the hit: s … end
        end = cls.find(b".", h)
        if end < 0:
            end = n
        if (s > pos or pos == 0) and (s == 0 or _ends_word(text[s - 1])) and (end == n or _ends_word(text[end])):
            word = text[s:end]  # the run is the general rule's word
            fixed = _FIXED.get(word)  # words repeat: the rule's answer for a word, once
            if fixed is None:
                odd = _NOT_LOOKALIKE_RE.search(word)
                if odd is None:
                    if cls.count(b"C", s, end) * 2 >= end - s:  # a Cyrillic word with a few Latin look-alikes
                        fixed = word
                        j = cls.find(b"L", s, end)
                        while j >= 0:  # str.replace of each look-alike: faster than str.translate
                            c = text[j]
                            fixed = fixed.replace(c, LATIN_LOOKALIKES[c])
                            j = cls.find(b"L", j + 1, end)
                    else:
                        fixed = ""  # left as it is
                elif odd.group() < "\u0080" and _CYRILLIC_MARKS_RE.search(word) is None:
                    fixed = ""  # another Latin letter in it: left as it is
                if fixed is not None:
                    if len(_FIXED) >= _FIXED_MAX:
                        _FIXED.clear()
                    _FIXED[word] = fixed
            if fixed is not None:
                pos = end
                if fixed:
                    parts.append(text[last:s])
                    parts.append(fixed)
                    last = end
                continue
            pos = s  # a Cyrillic mark: the general rule reads the word
        back = _WORD_BACK_RE.match(text, pos, h)  # the word that holds the hit
        start = back.start() if back is not None else h
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


def _identity(j: int) -> array | None:
    """The identity map, long enough for offsets below ``j`` (None past ``_IDENTITY_MAX``)."""
    global _IDENTITY
    if j > len(_IDENTITY):
        if j > _IDENTITY_MAX:
            return None
        _IDENTITY = array("q", range(min(max(j, 2 * len(_IDENTITY), 4096), _IDENTITY_MAX)))
    return _IDENTITY


def _run(cmap: array, i: int, j: int) -> None:
    """Offsets ``i`` … ``j - 1`` appended to ``cmap``."""
    ident = _identity(j)
    if ident is None:
        cmap.extend(range(i, j))
    else:
        cmap.extend(ident[i:j])


def _has_drop(text: str) -> bool:
    """Whether ``text`` holds a zero-width character: one ``in`` a character (memchr speed), not a regex scan."""
    return any(c in text for c in _DROP)


def _drops(text: str, i: int, n: int, out: list[str], cmap: array) -> None:
    """:func:`_clusters` of an NFC span ``text[i:n]``, at C speed: every cluster stays as it is but a lone
    zero-width character (one that no combining mark follows), which is dropped. The span is split at its
    zero-width characters (by ``str.split`` where one kind is present, as in web text's soft hyphens)."""
    piece = text if i == 0 and n == len(text) else text[i:n]
    present = [c for c in _DROP if c in piece]
    if not present:
        out.append(piece)
        _run(cmap, i, n)
        return
    parts = piece.split(present[0]) if len(present) == 1 else _DROP_RE.split(piece)
    start = i  # the first offset not yet appended
    d = i - 1
    last = len(parts) - 1
    ident = _identity(n)
    for k in range(last):
        part = parts[k]
        d += len(part) + 1  # the zero-width character after part k
        nxt = parts[k + 1]
        if nxt and unicodedata.combining(nxt[0]):
            continue  # a cluster of its own with its marks: kept, as :func:`_clusters` keeps it
        out.append(part if start + len(part) == d else text[start:d])
        if ident is None:
            cmap.extend(range(start, d))
        else:
            cmap.extend(ident[start:d])
        start = d + 1
    out.append(text[start:n])
    _run(cmap, start, n)


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


# a lower-case Cyrillic word with a capitalised one glued to it, as headlines scraped into a page's body come
# (``араладыОңтүстік Қазақстан``): a space goes between them. Three lower-case letters at least, from the word's
# start, so that a name in camel case (``ҚазАқпарат``, ``айКөмек``) and Latin (``iPhone``, ``eGov``) stay whole.
# The scan looks for a capital after a lower-case letter: the pattern opens with a character class of capitals, so
# re skips to them at C speed, and capitals are few.
_CASE_STEP_RE = re.compile(f"[{KAZAKH_UPPER}](?<=[{KAZAKH_LOWER}].)(?=[{KAZAKH_LOWER}])")
_LOWER = frozenset(KAZAKH_LOWER)
_GLUED_MIN = 3


def _glued_at(text: str, p: int) -> bool:
    """Whether the capital at ``p`` (after a lower-case letter) follows a lower-case word of ``_GLUED_MIN`` letters
    or more that starts a word (no letter, digit, ``_``, apostrophe or hyphen before it)."""
    i = p - 1
    while i >= 0 and text[i] in _LOWER:
        i -= 1
    if p - 1 - i < _GLUED_MIN:
        return False
    return i < 0 or not (text[i].isalnum() or text[i] in "_'’-")


def _case_steps(text: str) -> list[int]:
    """The offsets of ``_CASE_STEP_RE``'s matches: an upper-case letter between two lower-case ones (by the C
    helper where it was built)."""
    if _steps is not None:
        return _steps(text, KAZAKH_LOWER, KAZAKH_UPPER)
    return [m.start() for m in _CASE_STEP_RE.finditer(text)]


def _unglued(norm: Normalized) -> Normalized:
    """``norm`` with a space between a lower-case word and a capitalised word glued to it; the space maps to the
    capital's offset, so every span still maps back to the original."""
    work = norm.text
    steps = _case_steps(work)
    if not steps:
        return norm
    cuts = [p for p in steps if _glued_at(work, p)]
    if not cuts:
        return norm
    cmap = norm.char_map
    if cmap is None:
        cmap = array("q")
        _run(cmap, 0, len(work) + 1)
    parts: list[str] = []
    new_map = array("q")
    last = 0
    for c in cuts:
        parts.append(work[last:c])
        parts.append(" ")
        new_map.extend(cmap[last:c])
        new_map.append(cmap[c])
        last = c
    parts.append(work[last:])
    new_map.extend(cmap[last:])
    return Normalized(norm.original, "".join(parts), new_map)


def normalize(text: str) -> Normalized:
    """Normalise ``text``; spans of the result map back with :meth:`Normalized.to_original`."""
    return _unglued(normalize_characters(text))


# The C helper (kaznlp/_normscan.c) does the steps below in one pass for a text in NFC; None: built without a C
# compiler (the steps below alone, the same text and map, slower)
_fast: Callable[[str, str, str, str, str, bytes], tuple[str, bytes | None] | None] | None
_steps: Callable[[str, str, str], list[int]] | None
try:
    from ._normscan import case_steps as _steps
    from ._normscan import fast as _fast
except ImportError:
    _fast = _steps = None
_LOOKALIKE_TABLE = "".join(LATIN_LOOKALIKES.get(chr(k), "\0") for k in range(128))
_SRC, _DST = "".join(_ONE_TO_ONE_MAP), "".join(_ONE_TO_ONE_MAP.values())


@cache
def _char_table() -> bytes:
    """One byte per code point below 0x10000 for the C helper: 1 a word character of ``_WORD_RE``, 2 a Latin
    letter that is no look-alike (``_NON_HOMOGLYPH_LATIN``), 4 a combining mark (``unicodedata.combining``), 8 a
    character that ``_ONE_TO_ONE`` replaces, 16 one that ``_DROP`` holds."""
    every = "".join(map(chr, range(0x10000)))
    word = _WORD_RE.sub(lambda m: "\x01" * len(m.group()), every)
    other = _NON_HOMOGLYPH_LATIN.sub("\x02", every)
    return bytes(
        (word[k] == "\x01" and k != 1)
        | (other[k] == "\x02" and k != 2) << 1
        | (unicodedata.combining(c) != 0) << 2
        | (k in _ONE_TO_ONE) << 3
        | (c in _DROP) << 4
        for k, c in enumerate(every)
    )


def normalize_characters(text: str) -> Normalized:
    """:func:`normalize` but for the glued words: every step that replaces, drops or composes characters."""
    nfc = unicodedata.is_normalized("NFC", text)
    if _fast is not None and nfc:  # the helper's one pass, without a search for work first (it returns text itself)
        done = _fast(text, _DROP, _SRC, _DST, _LOOKALIKE_TABLE, _char_table())
        if done is not None:
            work, map_bytes = done
            if map_bytes is None:
                return Normalized(text, work, None)
            fast_map = array("q")
            fast_map.frombytes(map_bytes)
            return Normalized(text, work, fast_map)
    if nfc and not _ANY_WORK_RE.search(text):
        return Normalized(text, text, None)
    return _normalize_characters_here(text)


def _normalize_characters_here(text: str) -> Normalized:
    """:func:`normalize_characters` in Python: the definition, which the C helper follows."""
    cmap = None
    work = text
    if _has_drop(work) or not unicodedata.is_normalized("NFC", work):
        work, cmap = _slow_path(work)
    # a search finds a character to replace, str.replace replaces it everywhere (C speed, no callback per match);
    # the next search starts after it (the order does not matter: no replacement is replaced again)
    hit = _ONE_TO_ONE_RE.search(work)
    while hit is not None:  # one search per character present (a no-break space: every one replaced at once)
        k = hit.start()
        c = work[k]
        work = work.replace(c, _ONE_TO_ONE_MAP[c])
        hit = _ONE_TO_ONE_RE.search(work, k + 1)
    work = _fix_homoglyphs(work)
    return Normalized(text, work, cmap)
