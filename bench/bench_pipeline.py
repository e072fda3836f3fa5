"""Tokens per second of spaCy's blank ``xx`` tokenizer (the baseline), the kaznlp tokenizer (with its C scanner
and by its regular expression alone), spaCy ``kk`` (kaznlp's tokenizer behind spaCy's Doc), the facts pipeline
without NER (normalise, tokenize, sentences, facts), and, where the NER model is installed, the full pipeline with
NER; each with its ratio to the baseline, in one run on the same texts.

    python bench/bench_pipeline.py [--repeat 3] [--docs N]

Rows are timed in interleaved rounds (every row once per round, best of the rounds), so that a slow phase of a
shared machine does not fall on one row alone. ``KAZNLP_PURE=1`` runs kaznlp's compiled modules from their Python
sources instead (see ``kaznlp/_compiled.py``).

The texts are the bundled press release and held-out texts plus KazNERD validation sentences (real Kazakh news)
grouped into documents of about 30 sentences, the size of a press release.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

import spacy

import kaznlp
from kaznlp.tokenizer import FAST, tokenize, tokenize_by_pattern

ROOT = Path(__file__).resolve().parent.parent


def load_texts(max_docs: int) -> list[str]:
    corpora = ROOT / "corpora"
    texts = [p.read_text(encoding="utf-8") for d in ("press", "heldout") for p in sorted((corpora / d).glob("*.txt"))]
    kaznerd = ROOT / "corpora" / "kaznerd" / "IOB2_valid.txt"
    if kaznerd.exists():
        sents, cur = [], []
        for line in kaznerd.read_text(encoding="utf-8").splitlines():
            if line.strip():
                cur.append(line.rsplit(" ", 1)[0])
            elif cur:
                sents.append(" ".join(cur))
                cur = []
        texts += [" ".join(sents[k : k + 30]) for k in range(0, len(sents), 30)]
    return texts[:max_docs]


def best_rates(rows: list[tuple[str, Callable]], texts: list[str], repeat: int) -> list[tuple[float, int]]:
    """Best tokens/s of each row over ``repeat`` rounds; each round runs every row once, in turn, so that a slow
    phase of a shared machine falls on all rows alike, not on one."""
    best, counts = [0.0] * len(rows), [0] * len(rows)
    for _ in range(repeat):
        for k, (name, fn) in enumerate(rows):
            t0 = time.perf_counter()
            n = fn(texts) if ".pipe" in name else sum(fn(t) for t in texts)
            best[k] = max(best[k], n / (time.perf_counter() - t0))
            counts[k] = n
    return list(zip(best, counts))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--docs", type=int, default=400)
    args = ap.parse_args()
    texts = load_texts(args.docs)
    xx = spacy.blank("xx")
    kk = spacy.blank("kk")
    facts_only = kaznlp.load()
    rows = [
        ("spaCy blank('xx') tokenizer (baseline)", lambda t: len(xx.tokenizer(t))),
        (f"kaznlp tokenizer (kaznlp.tokenize{', C scanner' if FAST else ''})", lambda t: len(tokenize(t))),
        ("kaznlp tokenizer, the pattern alone (no C scanner)", lambda t: len(tokenize_by_pattern(t))),
        ("spaCy blank('kk') tokenizer (Doc)", lambda t: len(kk.tokenizer(t))),
        ("facts pipeline, no NER (kaznlp.load())", lambda t: len(facts_only(t))),
    ]
    try:
        with_ner = kaznlp.load(ner=True)
        rows.append(("full pipeline with NER, .pipe (NER batched)", lambda ts: sum(map(len, with_ner.pipe(ts)))))
    except Exception as exc:  # the model is optional for this bench
        print(f"(no NER row: {exc})")
    print(f"{len(texts)} documents, {sum(map(len, texts)):,} characters, best of {args.repeat} interleaved rounds")
    print(f"kaznlp's compiled modules: {kaznlp.COMPILED}")
    results = best_rates(rows, texts, args.repeat)
    base = results[0][0]
    for (name, _), (rate, n) in zip(rows, results):
        print(f"{name:<52} {n:>9,} tokens {rate:>12,.0f} tok/s  x{rate / base:5.2f}")


if __name__ == "__main__":
    main()
