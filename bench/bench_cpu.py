"""bench_real's [docs] and [norm] rows in CPU time (``time.process_time``), for back-to-back runs of two builds on
a busy machine, where wall time says little:

    for i in 1 2 3; do ../main/.venv/bin/python bench/bench_cpu.py old; .venv/bin/python bench/bench_cpu.py new; done

Each run loads the installed kaznlp (the interpreter's), then times, on bench_real's 296 real texts, spaCy's
``blank("xx")`` tokenizer and the rules pipeline in turn, ``--rounds`` times (round 1 cold: first sight of the
texts; the median of the later rounds warm), and ``normalize`` on the clean and the web texts (median of the
rounds). One line per run.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_real  # noqa: E402


def cpu(fn) -> float:  # type: ignore[no-untyped-def]
    t0 = time.process_time()
    fn()
    return time.process_time() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("label", nargs="?", default="")
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    import spacy

    import kaznlp
    from kaznlp import normalize

    texts = bench_real.real_texts()
    xx, rules = spacy.blank("xx"), kaznlp.load()
    rules(texts[0])
    sp, kz = [], []
    for _ in range(args.rounds):
        sp.append(cpu(lambda: [xx.tokenizer(t) for t in texts]))
        kz.append(cpu(lambda: [rules(t) for t in texts]))
    ratio = [a / b for a, b in zip(sp, kz)]
    clean = [t.replace("\u00ad", "").replace("\u200d", "") for t in texts]
    rng = random.Random(0)
    web = [bench_real.web_text(t, rng) for t in clean]
    nc, nw = [], []
    for _ in range(args.rounds):
        nc.append(cpu(lambda: [normalize(t) for t in clean]))
        nw.append(cpu(lambda: [normalize(t) for t in web]))
    c, w = statistics.median(nc), statistics.median(nw)
    print(f"{args.label:<6} docs: spaCy {sp[0] * 1e3:.0f}/{statistics.median(sp[1:]) * 1e3:.0f} ms, rules "
          f"{kz[0] * 1e3:.0f}/{statistics.median(kz[1:]) * 1e3:.0f} ms (cold/warm), rules/spaCy docs/s "
          f"{ratio[0]:.2f}/{statistics.median(ratio[1:]):.2f}; norm: clean {c * 1e3:.1f} ms, web {w * 1e3:.1f} ms, "
          f"web/clean speed {c / w:.2f}  [{kaznlp.COMPILED}]")  # fmt: skip


if __name__ == "__main__":
    main()
