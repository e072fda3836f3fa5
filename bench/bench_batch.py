"""Batch throughput: documents per second with 1 and 2 workers on one generated archive, their ratio, and peak
memory (main process and largest worker).

    python bench/bench_batch.py [--mb 20] [--keep DIR]

The archive is a .jsonl.gz of press-release-sized documents (30 sentences each, drawn with a fixed seed from
the bundled press release and KazNERD validation sentences: real Kazakh news text) of at least --mb megabytes.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def sentences() -> list[str]:
    from kaznlp import split_sentences
    from kaznlp.ner.corpus import read_sentences

    out = [s.text for s in read_sentences(ROOT / "corpora" / "kaznerd" / "IOB2_valid.txt")]
    seed = (ROOT / "corpora" / "press" / "000_22e3ce8fe7e24122.txt").read_text(encoding="utf-8")
    out += [seed[s:e] for s, e in split_sentences(seed)]
    return out


def make_archive(path: Path, megabytes: float) -> int:
    rng = random.Random(0)
    pool = sentences()
    n, size = 0, 0
    with gzip.open(path, "wt", encoding="utf-8") as f:
        while size < megabytes * 1024 * 1024:
            text = " ".join(rng.sample(pool, 30))
            rec = {
                "id": f"doc{n:06d}",
                "title": text[:60],
                "date": f"20{16 + n % 8}-0{1 + n % 9}-1{n % 9}",
                "text": text,
            }
            line = json.dumps(rec, ensure_ascii=False) + "\n"
            f.write(line)
            size += len(line.encode("utf-8"))
            n += 1
    return n


def run_batch(archive: Path, out: Path, workers: int) -> tuple[float, dict]:
    cmd = [sys.executable, "-c", (
        "import json, resource, sys; from kaznlp.batch import run, BatchOptions; "
        f"s = run([{str(archive)!r}], {str(out)!r}, BatchOptions(workers={workers}, progress=False)); "
        "s['peak_main_mb'] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024; "
        "s['peak_worker_mb'] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024; "
        "print(json.dumps(s))"
    )]  # fmt: skip
    t0 = time.perf_counter()
    res = subprocess.run(cmd, capture_output=True, text=True, check=True)
    return time.perf_counter() - t0, json.loads(res.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=20.0)
    ap.add_argument("--keep", default=None, help="Keep the archive and outputs in this folder.")
    args = ap.parse_args()
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="kaznlp-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    archive = work / "archive.jsonl.gz"
    n = make_archive(archive, args.mb)
    print(f"archive: {n:,} documents, {args.mb:g} MB of text ({archive.stat().st_size / 2**20:.1f} MB gzipped)")
    rates = {}
    for workers in (1, 2):
        out = work / f"out{workers}"
        shutil.rmtree(out, ignore_errors=True)
        wall, s = run_batch(archive, out, workers)
        rates[workers] = s["documents"] / wall
        print(f"workers={workers}: {s['documents']:,} docs in {wall:.1f} s = {rates[workers]:.1f} docs/s "
              f"(facts {s['facts']:,}, errors {s['errors']}); peak memory main {s['peak_main_mb']:.0f} MB, "
              f"largest worker {s['peak_worker_mb']:.0f} MB")  # fmt: skip
    print(f"ratio 2 workers / 1 worker: {rates[2] / rates[1]:.2f}")
    if not args.keep:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
