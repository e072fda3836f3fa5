"""The Kazakh tokenizer: one compiled regular expression built from the ``kaznlp/data`` tables.

Abbreviations (``млн.``, ``т.б.``), dates (``15.11.2016``), decimals (``12,5``), numbers and acronyms with a
hyphenated suffix (``530-ын``, ``БАҚ-қа``), a percent sign with its suffix (``%-ға``), hyphenated words
(``сондай-ақ``) and unit symbols (``кВт·сағ``) stay one token; every other non-space character is a token.
The same tokenizer serves the facts pipeline and spaCy's ``kk`` language (:mod:`kaznlp.lang.kk`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import accumulate

from .data import rows
from .morphology import PERIOD_ABBREVIATIONS

__all__ = ["EMAIL_PATTERN", "FAST", "Gaps", "Tokens", "tokenize", "tokenize_by_pattern", "TOKEN_PATTERN", "URL_PATTERN"]

#: Every character that ``str.isspace`` takes for whitespace, so that the pattern and ``str.strip`` agree (none
#: lies above U+3000; a test checks every code point)
WHITESPACE = "".join(c for c in map(chr, range(0x3001)) if c.isspace())
#: unit symbols that hold punctuation inside (кВт·сағ, Гбит/с) and must not be split
UNIT_SYMBOLS: frozenset[str] = frozenset(
    r[0] for r in rows("units.tsv") if any(not c.isalnum() for c in r[0]) and len(r[0]) > 1
)
_ws = re.escape(WHITESPACE)
_specials = sorted(PERIOD_ABBREVIATIONS | UNIT_SYMBOLS, key=len, reverse=True)
# a scale abbreviation keeps its period even when the next word is glued to it (3 млн.теңгеден)
_glued_scales = sorted((r[0] for r in rows("scale_words.tsv") if r[0].endswith(".")), key=len, reverse=True)
_L = r"[^\W\d_]"  # a letter
_JOINERS = "'’-"  # join the parts of one word: сондай-ақ
_WORD = _L + rf"\w*(?:[{_JOINERS}]\w+)*"
_WORD_STOP = ".·/:@"  # a word followed by one of these may be special (млн., кВт·сағ, Мбит/с, a URL, an e-mail)
#: a web address (``https://…``, ``www.…``) and an e-mail, each one token (and kept in Latin letters when Kazakh in
#: Latin script goes to Cyrillic: :func:`kaznlp.script.to_cyrillic`)
URL_PATTERN = r"https?://[^\s«»\"<>]+[^\s«»\"<>.,;:!?)]|www\.[^\s«»\"<>]+[^\s«»\"<>.,;:!?)]"
EMAIL_PATTERN = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
# Python's re runs this pattern about twice as fast as the regex module; \w and \d are Unicode-aware in both.
TOKEN_PATTERN = (
    rf"[{_ws}]*(?:"
    rf"(?>{_WORD})(?![{re.escape(_WORD_STOP)}\d])"  # the common case first: a word not followed by _WORD_STOP
    r"|\d++(?![\d.,\w@-])"  # a plain number
    r"|(?<!\w)(?:" + "|".join(re.escape(s) for s in _specials) + r")(?!\w)"  # млн. т.б. кВт·сағ
    r"|(?<!\w)(?:" + "|".join(re.escape(s) for s in _glued_scales) + r")(?=\w)"  # млн.теңгеден
    rf"|{URL_PATTERN}|{EMAIL_PATTERN}"
    r"|\d{4}-\d{2}-\d{2}(?!\d)|\d{1,2}\.\d{1,2}\.\d{4}(?!\d)"  # dates
    rf"|\d+{_L}\w*(?:-{_L}+)?"  # 3G, 4G
    rf"|\d+(?:[.,]\d+)*(?:-{_L}+)?"  # numbers, 530-ын, 90-шы, 12,5
    rf"|%(?:-{_L}+)?"  # %-ға
    rf"|{_WORD}|\.{{2,}}|[!?]{{2,}}"
    rf"|[^{_ws}]"
    r")"
)
_TOKEN_RE = re.compile(TOKEN_PATTERN)

# The C scanner (kaznlp/_tokenscan.c) takes the shapes of the pattern's first alternatives itself and calls the
# pattern where they do not apply: a word (its parts joined by ``_JOINERS``, as in the pattern) stops being plain
# before these characters (``млн.``, ``кВт·сағ``, ``Мбит/с``, a URL's ``:``, an e-mail's ``@``), and a punctuation
# character is not a token on its own where it may start an e-mail, a percent, ``...``, ``?!`` or one of the special
# tokens. The scanner itself decides on ``. % ! ?`` by the character after them, so no special token may start with
# one.
_PUNCT_STOP = "".join(sorted(set(".+-%!?") | {s[0] for s in _specials if not s[0].isalnum()}))
assert not any(s[0] in ".%!?+-" for s in _specials), "the C scanner takes . % ! ? + - alone by the next character"
# Before a space, a quote or the end of the text the scanner also takes a word and its period apart (a sentence's
# last word) unless the two begin a special token (these: ``т.`` of ``т.б.``), a number before "." or "," (no
# special token starts with a digit), and "-" or "+" alone.
_DOT_WORDS = frozenset(s[: k + 1] for s in [*_specials, *_glued_scales] for k, ch in enumerate(s) if ch == ".")
assert not any(s[0].isdecimal() for s in [*_specials, *_glued_scales]), "the C scanner ends a number before its period"
_scan: Callable[..., tuple[list[str], list[int], list[int]]] | None
try:
    from ._tokenscan import scan as _scan
except ImportError:  # built without a C compiler: the pattern alone, same tokens, slower
    _scan = None
FAST = _scan is not None


@dataclass(frozen=True, slots=True)
class Tokens:
    """Tokens of a text as parallel lists: token strings and their character offsets."""

    words: list[str]
    starts: list[int]
    ends: list[int]

    def __len__(self) -> int:
        return len(self.words)

    def gaps(self, text: str) -> Gaps:
        """The whitespace after each token (``gaps[k]`` lies between token k and k+1; the last is empty)."""
        return Gaps(text, self.starts, self.ends)


class Gaps(Sequence[str]):
    """The text between token k and token k+1 of a sentence (``""`` after the last), cut out only when a rule
    asks: the rules look at a few gaps, so a list of them all would be mostly waste."""

    __slots__ = ("_text", "_starts", "_ends")

    def __init__(self, text: str, starts: list[int], ends: list[int]) -> None:
        self._text, self._starts, self._ends = text, starts, ends

    def __len__(self) -> int:
        return len(self._starts)

    def __getitem__(self, k):  # type: ignore[override]
        n = len(self._starts)
        if isinstance(k, slice):
            return [self[x] for x in range(*k.indices(n))]
        if k < 0:
            k += n
        if not 0 <= k < n:
            raise IndexError(k)
        return self._text[self._ends[k] : self._starts[k + 1]] if k + 1 < n else ""


def tokenize(text: str) -> Tokens:
    """Split ``text`` into tokens with offsets; ``text[start:end] == word`` for every token."""
    if _scan is not None:
        return Tokens(*_scan(text, _TOKEN_RE.match, _JOINERS, _WORD_STOP, _PUNCT_STOP, _DOT_WORDS))
    return tokenize_by_pattern(text)


def tokenize_by_pattern(text: str) -> Tokens:
    """:func:`tokenize` by the regular expression alone: the definition the C scanner follows."""
    raw = _TOKEN_RE.findall(text)
    ends = list(accumulate(map(len, raw)))
    words = list(map(str.lstrip, raw))
    starts = list(map(int.__sub__, ends, map(len, words)))
    return Tokens(words, starts, ends)
