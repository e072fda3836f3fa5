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
from ..records import PRESS_LABELS


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




def _overlap(a: dict, b: dict) -> bool:
    return a["start"] < b["end"] and b["start"] < a["end"]


def score_documents(
    gold: dict[str, list[dict]], predicted: dict[str, list[dict]], labels: tuple[str, ...] = PRESS_LABELS
) -> dict[str, Any]:
    """Entity records against gold records (by document), exact (same span and label) and lenient (same label,
    spans overlap), overall and per class. Optional gold mentions, and predictions of their label overlapping
    them, are left out; predictions of other labels are not scored. Each gold mention is matched at most once."""
    counts = {m: {"tp": Counter(), "fp": Counter(), "fn": Counter()} for m in ("exact", "lenient")}
    errors: list[dict[str, Any]] = []
    for doc, grecs in gold.items():
        golds = [g for g in grecs if g["label"] in labels and not g.get("optional")]
        optional = [g for g in grecs if g.get("optional")]
        preds = [
            p
            for p in predicted.get(doc, [])
            if p["label"] in labels and not any(o["label"] == p["label"] and _overlap(o, p) for o in optional)
        ]
        for mode in ("exact", "lenient"):
            used = [False] * len(preds)
            c = counts[mode]
            for g in golds:
                hit = next(
                    (
                        k
                        for k, p in enumerate(preds)
                        if not used[k]
                        and p["label"] == g["label"]
                        and ((p["start"], p["end"]) == (g["start"], g["end"]) if mode == "exact" else _overlap(p, g))
                    ),
                    None,
                )
                if hit is None:
                    c["fn"][g["label"]] += 1
                    if mode == "exact":
                        errors.append({"doc": doc, "error": "missed", "gold": g})
                else:
                    used[hit] = True
                    c["tp"][g["label"]] += 1
            for k, p in enumerate(preds):
                if not used[k]:
                    c["fp"][p["label"]] += 1
                    if mode == "exact":
                        errors.append({"doc": doc, "error": "spurious", "predicted": p})
    out: dict[str, Any] = {"documents": len(gold)}
    for mode, c in counts.items():
        present = [lab for lab in labels if c["tp"][lab] + c["fp"][lab] + c["fn"][lab]]
        out[mode] = {
            "overall": prf(sum(c["tp"].values()), sum(c["fp"].values()), sum(c["fn"].values())),
            "per_class": {lab: prf(c["tp"][lab], c["fp"][lab], c["fn"][lab]) for lab in present},
        }
    out["errors"] = errors
    return out
