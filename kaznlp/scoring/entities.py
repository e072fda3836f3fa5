"""Scoring of the NER model on an IOB2 file (``kaznlp evaluate-ner``): exact-match entity scoring, as KazNERD's
paper scores (seqeval-style: an entity counts when its span and class both match), on the gold tokens or on
kaznlp's own tokenization of the raw sentence. Spans are compared as character offsets into the detokenised
sentence, so both tokenizations are scored against the same gold."""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path
from typing import Any

from ..ner.corpus import read_sentences, to_doc


def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0, "support": tp + fn}


def score_model(nlp, iob2_path: str | Path, gold_tokens: bool = False, limit: int | None = None) -> dict[str, Any]:
    """Score a spaCy NER pipeline on an IOB2 file; returns overall and per-class P/R/F1 and the speed."""
    sents = read_sentences(iob2_path)[:limit]
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    n_tokens = 0
    t0 = time.perf_counter()
    if gold_tokens:
        docs = [to_doc(nlp, s, gold_tokens=True) for s in sents]
        for d in docs:
            d.ents = []
        for _, proc in nlp.pipeline:
            docs = list(proc.pipe(docs))
    else:
        docs = list(nlp.pipe([s.text for s in sents], batch_size=256))
    elapsed = time.perf_counter() - t0
    for s, d in zip(sents, docs):
        n_tokens += len(d)
        gold = set(s.entities)
        pred = {(e.start_char, e.end_char, e.label_) for e in d.ents}
        for x in pred & gold:
            tp[x[2]] += 1
        for x in pred - gold:
            fp[x[2]] += 1
        for x in gold - pred:
            fn[x[2]] += 1
    labels = sorted(set(tp) | set(fp) | set(fn))
    return {
        "sentences": len(sents),
        "tokenization": "gold" if gold_tokens else "kaznlp",
        "overall": prf(sum(tp.values()), sum(fp.values()), sum(fn.values())),
        "per_class": {lab: prf(tp[lab], fp[lab], fn[lab]) for lab in labels},
        "tokens_per_second": n_tokens / elapsed if elapsed else 0.0,
    }
