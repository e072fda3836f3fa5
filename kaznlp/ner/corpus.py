"""KazNERD (IOB2, CoNLL-2002 style) to raw sentences with character-offset entities, and to spaCy Docs.

KazNERD is pre-tokenised (``30 %-ке``, ``4 , 5``). Each sentence is detokenised into plain text, so that the
model can be trained and scored on kaznlp's own tokenization as well as on the gold tokens.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

_NO_SPACE_BEFORE = frozenset(",.:;)»!?%")
_NO_SPACE_AFTER = frozenset("(«")


@dataclass
class Sentence:
    text: str
    tokens: list[tuple[int, int]]  # gold token spans
    entities: list[tuple[int, int, str]]  # char spans with labels


def read_iob2(path: str | Path) -> Iterator[list[tuple[str, str]]]:
    """Sentences as lists of (token, tag)."""
    cur: list[tuple[str, str]] = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip():
                if cur:
                    yield cur
                    cur = []
                continue
            tok, _, tag = line.rpartition(" ")
            cur.append((tok, tag))
    if cur:
        yield cur


def sentence_texts(path: str | Path) -> list[str]:
    """Each sentence's tokens joined by single spaces: the plain text that ``bench/compare_records.py`` and the
    metamorphic test (``tests/metamorphic.py``) group into documents (not :func:`detokenize`'s)."""
    return [" ".join(tok for tok, _ in pairs) for pairs in read_iob2(path)]


def detokenize(tokens: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """Join gold tokens as they would be written: no space before ``, . %-ке``, none inside ``4,5``."""
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    for k, tok in enumerate(tokens):
        if k:
            prev = tokens[k - 1]
            glue = (
                tok[0] in _NO_SPACE_BEFORE
                or prev in _NO_SPACE_AFTER
                or (prev == "," and k >= 2 and tokens[k - 2].isdigit() and tok.isdigit())
            )
            if not glue:
                parts.append(" ")
                pos += 1
        spans.append((pos, pos + len(tok)))
        parts.append(tok)
        pos += len(tok)
    return "".join(parts), spans


def tags_to_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """IOB2 tags to (start, end, label) token spans, seqeval-style: ``O I-X I-X`` is one X."""
    spans: list[tuple[int, int, str]] = []
    start, label = 0, None
    for i, tag in enumerate(tags):
        if tag.startswith("I-") and tag[2:] == label:
            continue
        if label is not None:
            spans.append((start, i, label))
        start, label = i, (tag[2:] if tag[:2] in ("B-", "I-") else None)
    if label is not None:
        spans.append((start, len(tags), label))
    return spans


def to_sentence(pairs: list[tuple[str, str]]) -> Sentence:
    tokens = [t for t, _ in pairs]
    text, spans = detokenize(tokens)
    ents = [(spans[s][0], spans[e - 1][1], label) for s, e, label in tags_to_spans([t for _, t in pairs])]
    return Sentence(text, spans, ents)


def read_sentences(path: str | Path) -> list[Sentence]:
    return [to_sentence(p) for p in read_iob2(path)]


def to_doc(nlp, sent: Sentence, gold_tokens: bool = False):
    """A spaCy Doc with entities and their IOB2 tags (what the tagger learns): on the gold tokens, or on
    kaznlp's tokenization of the raw sentence."""
    from spacy.tokens import Doc

    if gold_tokens:
        words = [sent.text[s:e] for s, e in sent.tokens]
        spaces = [sent.tokens[k][1] < sent.tokens[k + 1][0] for k in range(len(sent.tokens) - 1)] + [False]
        doc = Doc(nlp.vocab, words=words, spaces=spaces)
    else:
        doc = nlp.make_doc(sent.text)
    spans = []
    for s, e, label in sent.entities:
        span = doc.char_span(s, e, label=label, alignment_mode="expand")
        if span is not None:
            spans.append(span)
    spans.sort(key=lambda sp: sp.start)
    clean, last = [], -1
    for sp in spans:
        if sp.start >= last:
            clean.append(sp)
            last = sp.end
    doc.ents = clean
    for tok in doc:  # IOB2 tags for the tagger that the model is (kaznlp.ner.components)
        tok.tag_ = "O" if tok.ent_iob_ == "O" else f"{tok.ent_iob_}-{tok.ent_type_}"
    return doc
