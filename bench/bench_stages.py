"""Nanoseconds per token of each stage of the facts pipeline (no NER: normalise, tokenize, sentences, facts), of
the whole pipeline and of spaCy's blank ``xx`` tokenizer (the baseline), in one run on the texts of
``bench_pipeline.py``.

    python bench/bench_stages.py [--repeat 5]

Each stage runs alone over the outputs of the stages before it (computed once); every stage runs once per round,
best of ``--repeat`` rounds. ``KAZNLP_PURE=1`` runs the compiled modules from their Python sources (see
``kaznlp/_compiled.py``).
"""

from __future__ import annotations

import argparse
import time

import spacy
from bench_pipeline import load_texts

import kaznlp
from kaznlp.facts import extract_facts
from kaznlp.normalize import normalize
from kaznlp.sentences import split_sentences_and_quotes
from kaznlp.tokenizer import tokenize


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--docs", type=int, default=400)
    args = ap.parse_args()
    texts = load_texts(args.docs)
    xx, facts_only = spacy.blank("xx"), kaznlp.load()
    norms = [normalize(t) for t in texts]
    toks = [tokenize(n.text) for n in norms]
    sents = [split_sentences_and_quotes(n.text) for n in norms]  # (sentences, «…» quotes), as the pipeline
    n_tokens = sum(map(len, toks))
    stages = [
        ("spaCy blank('xx') tokenizer (baseline)", lambda: [xx.tokenizer(t) for t in texts]),
        ("normalise", lambda: [normalize(t) for t in texts]),
        ("tokenize", lambda: [tokenize(n.text) for n in norms]),
        ("sentences", lambda: [split_sentences_and_quotes(n.text) for n in norms]),
        ("facts", lambda: [extract_facts(n, k, s, None, q) for n, k, (s, q) in zip(norms, toks, sents)]),
        ("facts pipeline, no NER (kaznlp.load())", lambda: [facts_only(t) for t in texts]),
    ]
    print(f"{len(texts)} documents, {n_tokens:,} kaznlp tokens, best of {args.repeat} interleaved rounds")
    print(f"kaznlp's compiled modules: {kaznlp.COMPILED}")
    best = [float("inf")] * len(stages)
    for _ in range(args.repeat):  # every stage once per round, so that a slow phase falls on all of them alike
        for k, (_, fn) in enumerate(stages):
            best[k] = min(best[k], _timed(fn))
    base = best[0]
    for (name, _), t in zip(stages, best):
        print(f"{name:<40} {t / n_tokens * 1e9:8,.0f} ns/token  {t / base:5.2f} of the baseline")


def _timed(fn) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


if __name__ == "__main__":
    main()
