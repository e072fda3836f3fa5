"""Press releases and news with hand-checked entities as training sentences, tagged only where the gold decides.

The entity gold (``corpora/gold-entities*``, ``entities-spec.md``) names every mention of the press classes
(:data:`kaznlp.records.PRESS_LABELS`) in a text and is silent on KazNERD's other classes (dates, numbers, money,
NORP …). Each sentence of such a text becomes a partly annotated Doc for the tagger (:mod:`kaznlp.ner.components`):

- the tokens of each outermost scored gold mention get its IOB2 tags (a mention nested in another, the body inside
  a post, is the press rules' business);
- the tokens of an optional mention (debatable, not scored) and of a span of another class are *missing*: an empty
  tag, which spaCy's tagger loss skips;
- every other token is ``O``, also where the model reads a press class that the gold does not have;
- optionally (``neutral``), the tokens where the spec and KazNERD write a name differently are missing too: quotes
  at a name's edges and a place's kind word (``«Нұрлы жол»``, ``Шиелі ауданы``), which the press rules add back.

The spans of the other classes are what a fixed model (the *teacher*) found in each sentence. They are written once
to a file (``models/ner/press_unscored.tsv``: document, start, end, label, text) and read from it afterwards, so
that training stays reproducible when the shipped model changes.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..data import rows
from ..morphology import stem
from ..records import PRESS_LABELS
from ..sentences import split_sentences

__all__ = ["GoldText", "outer_mentions", "press_docs", "read_unscored", "teacher_spans", "write_unscored"]

Span = tuple[int, int, str]

_QUOTES = frozenset("«»\"“”„")
#: the one-word kinds of place that the spec keeps in a place's span (Шиелі ауданы), by stem
_PLACE_KIND_STEMS = frozenset(r[0] for r in rows("place_kinds.tsv") if " " not in r[0])


@dataclass(frozen=True)
class GoldText:
    """A text and its gold entity records (``start``, ``end``, ``label``, optional ``optional``)."""

    doc: str
    text: str
    gold: list[dict]


def outer_mentions(gold: Iterable[dict]) -> tuple[list[Span], list[Span]]:
    """(scored mentions of the press classes that no other scored mention holds, optional mentions)."""
    scored = [(g["start"], g["end"], g["label"]) for g in gold if g["label"] in PRESS_LABELS and not g.get("optional")]
    optional = [(g["start"], g["end"], g["label"]) for g in gold if g.get("optional")]
    outer = [m for m in scored if not any(o != m and o[0] <= m[0] and m[1] <= o[1] for o in scored)]
    return sorted(set(outer)), sorted(set(optional))


def teacher_spans(nlp, texts: Iterable[GoldText]) -> list[tuple[str, int, int, str, str]]:
    """What the model ``nlp`` finds of the classes outside the press classes, sentence by sentence:
    (document, start, end, label, text), offsets into the document."""
    out = []
    for t in texts:
        for s, e in split_sentences(t.text):
            for ent in nlp(t.text[s:e]).ents:
                if ent.label_ not in PRESS_LABELS:
                    out.append((t.doc, s + ent.start_char, s + ent.end_char, ent.label_, ent.text))
    return out


_HEADER = ["doc", "start", "end", "label", "text"]


def write_unscored(path: Path, spans: list[tuple[str, int, int, str, str]], teacher: str) -> None:
    """The teacher's spans as TSV, with a comment naming the teacher."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(f"# spans of KazNERD's other classes in the press gold's texts, found by {teacher}\n")
        w = csv.writer(f, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        w.writerow(_HEADER)
        w.writerows(spans)


def read_unscored(path: Path) -> dict[str, list[Span]]:
    """The spans of :func:`write_unscored` by document."""
    out: dict[str, list[Span]] = {}
    with open(path, encoding="utf-8", newline="") as f:
        rows = csv.DictReader((line for line in f if not line.startswith("#")), delimiter="\t")
        for r in rows:
            out.setdefault(r["doc"], []).append((int(r["start"]), int(r["end"]), r["label"]))
    return out


def _trimmed(doc, start: int, end: int, label: str) -> tuple[int, int]:
    """The tokens ``start:end`` of a mention without what the spec and KazNERD write differently: quotes at its
    edges (KazNERD leaves them out of a name) and a place's kind word at its end (KazNERD has it either way)."""
    while start < end and doc[start].text in _QUOTES:
        start += 1
    while end > start and doc[end - 1].text in _QUOTES:
        end -= 1
    if label in ("GPE", "LOCATION") and end - start > 1 and stem(doc[end - 1].text.lower()) in _PLACE_KIND_STEMS:
        end -= 1
    return start, end


def _tag_sentence(doc, base: int, outer: list[Span], missing: list[Span], neutral: bool = False) -> int:
    """Set the IOB2 tags of ``doc`` (the sentence starting at ``base``); returns how many mentions it tagged.
    ``neutral``: the tokens where the spec's convention and KazNERD's differ (:func:`_trimmed`) are missing."""
    tags = ["O"] * len(doc)

    def token_range(s: int, e: int) -> range:
        span = doc.char_span(s - base, e - base, alignment_mode="expand")
        return range(span.start, span.end) if span is not None else range(0)

    for s, e, _ in missing:
        for k in token_range(s, e):
            tags[k] = ""
    n = 0
    for s, e, label in outer:
        exact = doc.char_span(s - base, e - base)
        if exact is None:  # the mention does not end at token boundaries: leave its tokens to the loss' mercy
            for k in token_range(s, e):
                tags[k] = ""
            continue
        first, last = _trimmed(doc, exact.start, exact.end, label) if neutral else (exact.start, exact.end)
        for k in range(exact.start, exact.end):
            tags[k] = ("B-" if k == first else "I-") + label if first <= k < last else ""
        n += 1
    for tok, tag in zip(doc, tags):
        tok.tag_ = tag
    return n


def press_docs(nlp, texts: Iterable[GoldText], unscored: dict[str, list[Span]], neutral: bool = False) -> list:
    """One partly tagged Doc per sentence of each text (kaznlp's tokens, ``nlp.make_doc``). A mention that runs
    across a sentence end makes its tokens missing in both. ``neutral``: see :func:`_tag_sentence`."""
    docs = []
    for t in texts:
        outer, optional = outer_mentions(t.gold)
        other = unscored.get(t.doc, [])
        for s, e in split_sentences(t.text):
            inside = [m for m in outer if s <= m[0] and m[1] <= e]
            across = [m for m in outer if m[0] < e and s < m[1] and m not in inside]
            near = [m for m in optional + other + across if m[0] < e and s < m[1]]
            clipped = [(max(a, s), min(b, e), lab) for a, b, lab in near]
            doc = nlp.make_doc(t.text[s:e])
            _tag_sentence(doc, s, inside, clipped, neutral)
            docs.append(doc)
    return docs
