"""The NER pipeline's two savings of the twelfth session, each switched off and on, in one process, in alternating
rounds on the same real texts (issue 15): tokens/s of every setting and its ratio to the baseline of the same round.

- ``decode``: the IOB2 decoding runs Viterbi only over the stretch around an invalid transition
  (``kaznlp.ner.components.constrained_tags``); the baseline runs it over the whole document, as before.
- ``getters``: the model's vocab computes only the five lexical attributes the model reads
  (``kaznlp.ner.model.load_model``); the baseline computes spaCy's 23.

Both settings give the same records (``bench/compare_records.py diff … --ner``); this measures only their cost.
Run with one BLAS thread: ``OPENBLAS_NUM_THREADS=1 python bench/bench_ner_ab.py --rounds 6``. Process CPU time,
so that another process on the machine costs less; the machine's noise still shows between rounds, so read the
ratios of the same round and their median.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import numpy
import spacy
from spacy.attrs import NORM

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_real import real_texts  # noqa: E402

import kaznlp  # noqa: E402
from kaznlp.ner import components  # noqa: E402


def whole_viterbi(scores: numpy.ndarray, allowed: numpy.ndarray, first: numpy.ndarray) -> numpy.ndarray:
    """The decoding before: each token's best tag when valid, else Viterbi over the whole document."""
    g = scores.argmax(axis=1)
    if not len(g) or (first[g[0]] and allowed[g[:-1], g[1:]].all()):
        return g
    return components._viterbi(numpy.log(numpy.maximum(scores, 1e-12)), allowed, first)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rounds", type=int, default=6)
    args = ap.parse_args()
    texts = real_texts()
    nlp = kaznlp.load(ner=True)
    vocab = nlp._entities.nlp.vocab  # noqa: SLF001 - the bench switches the model's own getters
    trimmed = dict(vocab.lex_attr_getters)
    every = dict(spacy.blank("kk").vocab.lex_attr_getters)
    every[NORM] = trimmed[NORM]  # the model's NORM either way
    segmented = components.constrained_tags
    settings = {
        "baseline (whole Viterbi, 23 getters)": (whole_viterbi, every),
        "decode only": (segmented, every),
        "getters only": (whole_viterbi, trimmed),
        "both (the shipped code)": (segmented, trimmed),
    }
    list(nlp.pipe(texts[:8]))
    n = sum(len(d) for d in nlp.pipe(texts))
    rates: dict[str, list[float]] = {k: [] for k in settings}
    for _ in range(args.rounds):
        for name, (decode, getters) in settings.items():
            components.constrained_tags = decode
            vocab.lex_attr_getters = getters
            t = time.process_time()
            sum(len(d) for d in nlp.pipe(texts))
            rates[name].append(n / (time.process_time() - t))
    components.constrained_tags, vocab.lex_attr_getters = segmented, trimmed
    base = rates["baseline (whole Viterbi, 23 getters)"]
    print(f"{len(texts)} real documents, {n:,} tokens; full pipeline with NER, tokens/s of CPU time, each round")
    for name, r in rates.items():
        ratio = [a / b for a, b in zip(r, base)]
        print(f"{name:<40} {', '.join(f'{x:,.0f}' for x in r)}   ratio to baseline: "
              f"{', '.join(f'{x:.2f}' for x in ratio)} (median {statistics.median(ratio):.2f})")  # fmt: skip


if __name__ == "__main__":
    main()
