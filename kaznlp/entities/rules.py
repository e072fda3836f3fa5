"""Press-release entity rules: state bodies and organisations by their head word (``… министрлігінің``), a
position before a name (``Министр Дәурен Абаев``), programmes and laws in «…», abbreviations with expansions and a
gazetteer of Kazakhstan's regions and cities. All word lists are tables in ``kaznlp/data``.

Rules run on the normalised text; spans are mapped back to the original by the caller.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..data import rows, words
from ..morphology import (
    LOCATION_NAMES,
    LOWER_CLASS,
    NAME_SUFFIX,
    PLACE_NAMES,
    UPPER_CLASS,
    base_form,
    endings,
    looks_adjectival,
    stem_parts,
)

_CAP = UPPER_CLASS
_LOW = LOWER_CLASS

_ORG_HEADS = {r[0]: r[1] for r in rows("org_heads.tsv")}
# a body is one: its head word takes case endings but no plural (банктерге is no bank's name)
_NAME_CASE = NAME_SUFFIX
_ORG_PREFIXES = "|".join(
    re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words("org_prefixes.txt"), key=len, reverse=True)
)
# a direction before the place a body opens with (Шығыс Қазақстан облысының денсаулық сақтау басқармасы)
_DIRECTIONS = "|".join(re.escape(w) for w in words("directions.txt") if w[:1].isupper())
_ORG_RE = re.compile(
    rf"(?<!\w)(?:(?:{_ORG_PREFIXES})\s+)?(?:(?:{_DIRECTIONS})\s+)?{_CAP}[\w-]*(?:\s+{_LOW}[\w-]*){{0,5}}?\s+"
    rf"(?P<head>{'|'.join(sorted(map(re.escape, _ORG_HEADS), key=len, reverse=True))})(?P<case>{_NAME_CASE})(?!\w)"
)
_POSITIONS = sorted(words("positions.txt"), key=len, reverse=True)
_SURNAME_END = "(?:" + "|".join(sorted(words("surname_endings.txt"), key=len, reverse=True)) + ")"
_PERSON_RE = re.compile(
    rf"(?<![\w-])(?:(?P<pos>{'|'.join(map(re.escape, _POSITIONS))})\s+)?"
    rf"(?P<first>{_CAP}{_LOW}+(?:-{_CAP}{_LOW}+)?)\s+(?P<last>{_CAP}{_LOW}+{_SURNAME_END})(?P<case>{_NAME_CASE})(?!\w)"
)


def trie_pattern(words_: Iterable[str]) -> str:
    """An alternation of ``words_`` as a trie (``Ала(?:ш|ты)``): the same matches as the words joined by ``|``
    longest first, but each position of a text tries one branch a letter instead of every word (the world
    gazetteer's 500 names: six times faster)."""
    trie: dict = {}
    for w in words_:
        node = trie
        for c in w:
            node = node.setdefault(c, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = [re.escape(c) + build(node[c]) for c in sorted(node) if c]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


_GPE = sorted(PLACE_NAMES, key=len, reverse=True)  # GPE, or LOCATION for a name of LOCATION_NAMES
_GPE_KINDS = sorted(words("gpe_kinds.txt"), key=len, reverse=True)
_GPE_RE = re.compile(
    rf"(?<![\w«\"-])(?P<name>{trie_pattern(_GPE)})"  # «Милан», "Барыс": a club, not the place
    rf"(?:\s+(?P<kind>{'|'.join(map(re.escape, _GPE_KINDS))}))?(?:-?(?P<case>{_NAME_CASE}))(?![\w])"
)
# words that open a sentence without being a name (Ал, Қазір, Бүгін …): an organisation does not start there
_NOT_NAME_START = frozenset(words("stop_words.txt")) | frozenset(words("sentence_openers.txt"))
# function words that do not stand inside a name, but for the conjunctions that join its parts (Ақпарат және …)
_STOP_INSIDE = frozenset(words("stop_words.txt")) - frozenset(words("list_joiners.txt"))
_ABBR = {r[0]: (r[1], r[2]) for r in rows("abbreviation_entities.tsv")}
_ABBR_RE = re.compile(rf"(?<![\w-])(?P<abbr>{'|'.join(map(re.escape, _ABBR))})(?:-\w+)?(?![\w])")
_TITLE_HEADS = {r[0]: r[1] for r in rows("quoted_titles.tsv")}
_QUOTE_RE = re.compile(
    r"«(?P<inner>[^«»\n]{2,150})»(?:\s+(?P<head>\w+)(?:\s+(?P<head2>\w+)(?:\s+(?P<head3>\w+))?)?)?"
)
_GENITIVE = endings("genitive")


@dataclass(slots=True)
class RuleEntity:
    label: str
    start: int
    end: int
    base: str | None = None
    expansion: str | None = None


def _title_label(word: str | None) -> str | None:
    if not word:
        return None
    w = stem_parts(word.rsplit("-", 1)[-1])[0]
    for head, label in _TITLE_HEADS.items():
        if w.startswith(head) or w.lower().startswith(head):
            return label
    return None


def _common_nouns(*ws: str | None) -> bool:
    """Whether the words are lower-case common words that can stand between a «title» and its kind word: none in
    the genitive (``«Нұр Отан» партиясының жоспары`` is a body's plan, no title), none a function word."""
    return all(w and w.islower() and not w.endswith(_GENITIVE) and w not in _STOP_INSIDE for w in ws)


def find(text: str) -> list[RuleEntity]:
    """Entities that the rules find in a (normalised) text, overlaps resolved: the longest span wins."""
    out: list[RuleEntity] = []
    for m in _ORG_RE.finditer(text):
        inner = text[m.start() : m.start("head")].lower().split()
        if inner[0] in _NOT_NAME_START or any(w in _STOP_INSIDE for w in inner[1:]):
            continue  # Ішкі рейстер бойынша әуе компаниясы: a postposition is no part of a name
        base = text[m.start() : m.end("head")]
        out.append(RuleEntity(_ORG_HEADS[m.group("head")], m.start(), m.end(), base))
    for m in _PERSON_RE.finditer(text):
        if m.group("pos"):
            out.append(RuleEntity("POSITION", m.start("pos"), m.end("pos"), m.group("pos")))
        base = f"{m.group('first')} {m.group('last')}"
        out.append(RuleEntity("PERSON", m.start("first"), m.end(), base))
    for m in _QUOTE_RE.finditer(text):
        inner = m.group("inner")
        last = inner.split()[-1] if inner.split() else ""
        # a title keeps its quotes and the word that says what it is (entities-spec: «Нұрлы жол» бағдарламасы)
        if label := _title_label(last):
            end = m.end("inner") + 1
        elif label := _title_label(m.group("head")):
            end = m.end("head")
        elif looks_adjectival(m.group("head") or "") and (label := _title_label(m.group("head2"))):
            end = m.end("head2")  # «Еңбек» мемлекеттік бағдарламасы
        elif _common_nouns(m.group("head"), m.group("head2")) and (label := _title_label(m.group("head3"))):
            end = m.end("head3")  # «7-20-25» тұрғын үй бағдарламасы: the two nouns of what it is about
        if label:
            span = text[m.start() : end]
            out.append(RuleEntity(label, m.start(), end, base_form(span, label) if end > m.end("inner") + 1 else span))
    for m in _GPE_RE.finditer(text):
        kind = m.group("kind")
        base = m.group("name") + (" " + kind if kind else "")
        label = "LOCATION" if m.group("name") in LOCATION_NAMES and not kind else "GPE"
        out.append(RuleEntity(label, m.start(), m.end(), base))
    for m in _ABBR_RE.finditer(text):
        label, expansion = _ABBR[m.group("abbr")]
        out.append(RuleEntity(label, m.start(), m.end(), m.group("abbr"), expansion))
    out.sort(key=lambda e: (e.start, -(e.end - e.start)))
    kept: list[RuleEntity] = []
    for e in out:
        if kept and e.start < kept[-1].end:
            # a position inside a PERSON match sits before it, so only true overlaps are dropped here
            continue
        kept.append(e)
    return kept
