"""``kaznlp.normalize`` against the frozen copy of the normalisation before the web-text fast path
(``tests/normalize_frozen.py``): the same text and offset map on every corpus text (clean and as web text) and on
random strings, and the CPU time of both, back to back.

    python bench/bench_norm_frozen.py [--strings 300000] [--seed 0] [--rounds 5]

The random strings mix Cyrillic and Latin letters (look-alikes and others), soft hyphens, no-break and other
spaces, zero-width characters, combining marks, emoji and punctuation (``tests/test_normalize_frozen.py``, whose
pieces they are made of). Exits 1 at the first difference, printing the string.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "bench")]

import bench_real  # noqa: E402
import normalize_frozen as frozen  # noqa: E402
from test_normalize_frozen import corpus_texts, random_string, web_text  # noqa: E402

import kaznlp  # noqa: E402
from kaznlp import normalize  # noqa: E402


def differ(text: str) -> bool:
    new, old = normalize(text), frozen.normalize(text)
    new_map = None if new.char_map is None else list(new.char_map)
    old_map = None if old.char_map is None else list(old.char_map)
    return new.text != old.text or new_map != old_map


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--strings", type=int, default=300_000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    print(f"kaznlp's compiled modules: {kaznlp.COMPILED}")
    rng = random.Random(args.seed)
    texts = corpus_texts()
    checked = 0
    for t in texts:
        for x in (t, web_text(t, rng)):
            if differ(x):
                print(f"differs: {x!r}")
                return 1
            checked += 1
    for _ in range(args.strings):
        x = random_string(rng)
        if differ(x):
            print(f"differs: {x!r}")
            return 1
        checked += 1
    print(f"{checked:,} texts (every corpus text, clean and as web text, and {args.strings:,} random strings): "
          "the same text and offset map")  # fmt: skip
    # CPU time on bench_real's texts, the shipped normalize and the frozen one (plain Python) back to back
    real = bench_real.real_texts()
    clean = [t.replace("\u00ad", "").replace("\u200d", "") for t in real]
    rng = random.Random(0)
    web = [bench_real.web_text(t, rng) for t in clean]
    cpu: dict[str, list[float]] = {}
    for _ in range(args.rounds):
        for name, fn in (("new", normalize), ("frozen", frozen.normalize)):
            for kind, ts in (("clean", clean), ("web", web)):
                t0 = time.process_time()
                for x in ts:
                    fn(x)
                cpu.setdefault(f"{name} {kind}", []).append(time.process_time() - t0)
    med = {k: statistics.median(v) for k, v in cpu.items()}
    for k, v in med.items():
        print(f"{k:<14} {v * 1e3:7.2f} ms CPU (median of {args.rounds})")
    print(f"web / clean speed: new {med['new clean'] / med['new web']:.2f}, "
          f"frozen (not compiled) {med['frozen clean'] / med['frozen web']:.2f}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
