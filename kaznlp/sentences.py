"""Sentence splitting for Kazakh press text.

A sentence ends at ``. ! ? …`` followed by a space and a capital letter, a digit, a quote or a dash, and at every
line break. It does not end inside «…» quotes, after a scale abbreviation followed by more of the number
(``1 млн. 204 мың``), after ``млн.`` or ``ж.`` followed by lower case, or after initials (``Д. Абаев``,
``Дж. Верди``, ``Б.Б. Атамқұлов``).
"""

from __future__ import annotations

import re

from .morphology import (
    BEFORE_NAME_ABBREVIATIONS,
    INITIAL,
    KAZAKH_LOWER,
    LIST_END_ABBREVIATIONS,
    PERIOD_ABBREVIATIONS,
)

__all__ = ["split_sentences", "split_sentences_and_quotes"]

# a candidate end: punctuation, then spaces and a character that may start a sentence (lower case is rejected
# here), or line breaks. One character class comes first, so that re scans for candidates at C speed.
_CANDIDATE_RE = re.compile(
    r"[.!?…\n](?:(?<=\n)\n*|[.!?…]*[»\")\]]*(?=[ \t]+([^\s" + KAZAKH_LOWER + r"a-z,;:])(\S?)))"
)
_AFTER_DASH_RE = re.compile(r"\s*\S\s*(\S)")  # the first character after the dash that follows a candidate
_MAX_QUOTE = 3000
_INITIALS_RE = re.compile(f"(?:{INITIAL}){{1,2}}")  # Д., Дж., Б.Б.: before a name, no sentence end


def _quote_marks(text: str) -> list[int]:
    """The offsets of « and » in ``text``, in order (``str.find`` for each: a scan at memchr's speed)."""
    marks: list[int] = []
    for mark in "«»":
        p = text.find(mark)
        while p >= 0:
            marks.append(p)
            p = text.find(mark, p + 1)
    marks.sort()
    return marks


def _quote_regions(text: str) -> list[tuple[int, int]]:
    """Spans of «…» quotes closed within the same paragraph (nesting allowed)."""
    regions: list[tuple[int, int]] = []
    stack: list[int] = []
    last = 0
    for p in _quote_marks(text):
        if stack and text.find("\n", last, p) >= 0:
            stack.clear()  # a line break since the last quote mark ends every open quote
        last = p
        if text[p] == "«":
            stack.append(p)
        elif stack:
            s = stack.pop()
            if not stack and p - s <= _MAX_QUOTE:
                regions.append((s, p + 1))
    return regions


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` of ``text``, without surrounding whitespace."""
    return split_sentences_and_quotes(text)[0]


def split_sentences_and_quotes(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The sentence spans of ``text`` and the «…» quote regions found on the way (closed within their paragraph,
    outermost only, in order); a sentence never ends inside one, so each lies within one sentence."""
    quotes = _quote_regions(text) if "«" in text else []
    qi = 0
    cuts: list[int] = []
    for m in _CANDIDATE_RE.finditer(text):
        c, c2 = m.groups()
        if c is None:  # line breaks
            cuts.append(m.start())
            continue
        end = m.end()
        while qi < len(quotes) and quotes[qi][1] < end:
            qi += 1
        if qi < len(quotes) and quotes[qi][0] < m.start() < quotes[qi][1] and end < quotes[qi][1]:
            continue  # inside «…»
        if c.islower() or c in ",;:":
            continue
        space = text.rfind(" ", 0, end)
        prev = text[max(space, text.rfind("\n", space + 1, end)) + 1 : end]  # the token before
        if c in "-–—" and (c2 == "" or c2 == " "):
            # «…?» - деді ол: a dash and a lower-case word go on with the sentence
            after = _AFTER_DASH_RE.match(text, end)
            if after and after.group(1).islower():
                continue
        if c.isdigit():
            if prev in PERIOD_ABBREVIATIONS and prev not in LIST_END_ABBREVIATIONS:
                continue  # 1 млн. 204 мың, 2016 ж. 15 қарашада
        elif c.isupper() or c in '«"(':
            core = prev.lstrip('«"(')
            if core in BEFORE_NAME_ABBREVIATIONS or _INITIALS_RE.fullmatch(core):
                continue  # Астана қ. Әкімдігі, Д. Абаев, Дж. Верди, Б.Б. Атамқұлов
        elif c not in "-–—":
            continue
        cuts.append(end)
    spans = []
    start = 0
    for cut in cuts + [len(text)]:
        s, e = start, cut
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((s, e))
        start = cut
    return spans, quotes
