"""Memory of ``kaznlp batch --ner``'s worker over documents whose words keep being new (issue 15).

A generated archive of the bundled texts repeats their words, so the NER model's vocabulary stops growing after
one pass; a real archive of millions of documents brings new word forms, names and numbers to the end. Here each
document is a real release whose every third word is replaced by a new one (random Kazakh letters and a case
ending), and the worker's batch function runs over them: RSS and the vocabulary's size after every 50 batches,
with spaCy's memory zone per batch (what ``process_batch`` does) and without it (the code before).

    python bench/bench_vocab_memory.py [--batches 200]
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LETTERS = "абвгдежзийклмнопрстуфхәғқңөұүіһ"


def child(batches: int, zone: bool) -> None:
    import contextlib

    import psutil

    from kaznlp.batch.readers import RawDoc
    from kaznlp.batch.runner import _pipeline, process_batch

    rng = random.Random(0)
    base = (ROOT / "corpora" / "press").glob("*.txt")
    words = next(iter(sorted(base))).read_text(encoding="utf-8")[:1500].split()
    nlp = _pipeline(True)
    vocab = nlp._entities.nlp.vocab
    if not zone:  # the code before: no zone around a batch
        nlp.memory_zone = contextlib.nullcontext
    proc = psutil.Process()
    print(f"  {'zone' if zone else 'no zone'}: start {proc.memory_info().rss >> 20} MB", flush=True)
    for b in range(batches):
        items = []
        for i in range(32):
            w = list(words)
            for k in range(0, len(w), 3):
                w[k] = "".join(rng.choice(LETTERS) for _ in range(rng.randint(4, 10))) + rng.choice(("ның", "да", "ға"))
            items.append((b * 32 + i, RawDoc(f"d{b}-{i}", " ".join(w) + f" {rng.randint(0, 10**9)} теңге.")))
        process_batch(items, True, None)
        if b % 50 == 49:
            print(f"    {b + 1} batches ({(b + 1) * 32:,} documents): RSS {proc.memory_info().rss >> 20} MB, "
                  f"{len(vocab.strings):,} strings", flush=True)  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--batches", type=int, default=200)
    ap.add_argument("--child", choices=("zone", "none"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.batches, args.child == "zone")
        return
    print(f"process_batch(ner=True) over {args.batches} batches of 32 documents of new words, each in a fresh process:")
    for how in ("none", "zone"):
        subprocess.run([sys.executable, __file__, "--batches", str(args.batches), "--child", how], check=True)


if __name__ == "__main__":
    main()
