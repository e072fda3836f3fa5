"""NER model: load time and tokens per second on one core, against spaCy's blank("xx") tokenizer on the same
texts (the baseline of bench_pipeline.py).

    OPENBLAS_NUM_THREADS=1 python bench/bench_ner.py [--model DIR] [--repeat 3]

Texts: KazNERD validation sentences grouped into documents of 20 sentences.
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", default=None)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--sentences", type=int, default=3000)
    args = ap.parse_args()
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    t0 = time.perf_counter()
    import spacy

    import kaznlp
    from kaznlp.entities import model_path
    from kaznlp.ner.corpus import read_sentences
    from kaznlp.ner.model import load_model

    path = args.model or model_path()
    t1 = time.perf_counter()
    nlp = load_model(path)
    load = time.perf_counter() - t1
    print(f"model {path}: import {t1 - t0:.2f} s, load {load:.2f} s")
    sents = [s.text for s in read_sentences(ROOT / "corpora" / "kaznerd" / "IOB2_valid.txt")[: args.sentences]]
    docs = [" ".join(sents[k : k + 20]) for k in range(0, len(sents), 20)]
    xx = spacy.blank("xx")
    full = kaznlp.load(ner=True, model=str(path))
    facts_only = kaznlp.load()
    rows = [
        ("spaCy blank('xx') tokenizer (baseline)", lambda: sum(len(xx.tokenizer(t)) for t in docs)),
        ("NER model alone (nlp.pipe)", lambda: sum(len(d) for d in nlp.pipe(docs, batch_size=64))),
        ("full pipeline with NER (kaznlp.load(ner=True).pipe)", lambda: sum(len(d) for d in full.pipe(docs))),
        ("facts pipeline, no NER (kaznlp.load().pipe)", lambda: sum(len(d) for d in facts_only.pipe(docs))),
    ]
    base = None
    for name, fn in rows:
        best = 0.0
        for _ in range(args.repeat):
            t = time.perf_counter()
            n = fn()
            best = max(best, n / (time.perf_counter() - t))
        base = base or best
        print(f"{name:<50} {n:>8,} tokens {best:>10,.0f} tok/s  x{best / base:6.3f}")


if __name__ == "__main__":
    main()
