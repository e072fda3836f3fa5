"""The metamorphic check of Kazakh in Latin script on every corpus, with the figures the README gives:

    python bench/metamorphic.py [--variants 2021 2018 2017 ascii] [--no-ner] [--per-corpus] [--show N]

The Cyrillic corpora (the seed, the 45 releases, the held-out documents, KazNERD validation sentences in documents
of 30) go to Latin script through turkicnlp (the 2021 alphabet; a dev dependency) and, from that, to the 2018,
2017 and informal ASCII variants by letter rewrites (``tests/metamorphic.py``); kaznlp reads both, and each fact
(type, value, unit, qualifier) and entity (label, base) must come back at the mapped offsets. The rate is the
matched ones over all (matched + missed + extra). ``tests/test_metamorphic.py`` runs the same on part of it.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

import metamorphic  # noqa: E402

import kaznlp  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--variants", nargs="+", default=list(metamorphic.VARIANTS))
    ap.add_argument("--no-ner", action="store_true")
    ap.add_argument("--show", type=int, default=0, help="print the first N disagreements")
    ap.add_argument("--per-corpus", action="store_true", help="the rates of each corpus too (same/missed/extra)")
    args = ap.parse_args()
    nlp = kaznlp.load(ner=not args.no_ner)
    for v in args.variants:
        t0 = time.perf_counter()
        r = metamorphic.run(nlp, v, entities=not args.no_ner)
        kinds = ["facts"] + ([] if args.no_ner else ["entities"])
        parts = []
        for k in kinds:
            m, miss, extra = r["totals"][k]
            parts.append(f"{k} {r['rates'][k]:.4f} ({m} same, {miss} missed, {extra} extra)")
        print(f"{v}: " + "; ".join(parts) + f"; {time.perf_counter() - t0:.0f} s")
        if args.per_corpus:
            for c, ts in r["by_corpus"].items():
                cells = [f"{k} {r['corpus_rates'][c][k]:.4f} ({'/'.join(map(str, ts[k]))})" for k in kinds]
                print(f"  {c}: " + "; ".join(cells))
        for d in r["disagreements"][: args.show]:
            print("  " + json.dumps(d, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
