"""Speed on real text (issue 15): every ratio of the README's speed table, in one run, on real text.

    python bench/bench_real.py [--rounds 3] [--batch-mb 2] [--archive-mb 10,30,100] [--skip ...]

Texts: the 46 press releases (``corpora/press``, ``corpora/releases``, ``corpora/releases-blind``) and the 250
items of the news archive sample (``corpora/langid/archive-news-1-250.csv``: news and web pages, several
languages); sources in those folders' READMEs. Rows, each timed once per round, the rows of a ratio side by side
in every round (a busy phase of a shared machine falls on both), every round printed:

- ``docs``: the rules pipeline (``kaznlp.load()``) against spaCy's ``blank("xx")`` tokenizer, documents/s (goal
  ≥ 2×), the two taking turns of 8 documents within each round.
- ``norm``: ``kaznlp.normalize`` on the real texts, clean and as web text (soft hyphens, no-break spaces,
  look-alike letters), characters/s and their ratio (goal: web text near the common case's speed).
- ``long``: the same texts joined and cut into documents of 4,000, 64,000 and 256,000 characters; tokens/s on the
  256k documents over tokens/s on the 4k ones, for the rules pipeline and with NER (goal ≥ 0.8: cost linear in
  length).
- ``ner``: the full pipeline with NER (``.pipe``) on the real texts, tokens/s on one core (one thread: this
  process sets ``OPENBLAS_NUM_THREADS=1``; it is not pinned to a CPU, so that a job busy on one core of a shared
  machine does not halve it; goal ≥ 15,000 tok/s).
- ``batch``: ``kaznlp batch --ner`` on a generated archive of real text (``--batch-mb``), 2 workers over
  1 worker, wall time (goal ≥ 1.7×), the CPU time of all the command's processes, and the peak memory of every
  process (goal < 500 MB); a third run per round takes 1 worker with ``OPENBLAS_NUM_THREADS=2`` (BLAS's default
  on 2 cores, what ``kaznlp batch`` ran with before it set one thread).
- ``dedup``: the memory of the batch's duplicate index and set of ids over ``--dedup`` documents (tracemalloc).
- ``archive``: ``kaznlp batch --ner --workers 2`` on generated archives of each ``--archive-mb`` size: wall time,
  documents/s and the peak memory (RSS) of every process, to show memory flat in archive size.

A generated archive is a ``.jsonl.gz`` of documents made from the real texts: each a real text with its
sentences in a seeded random order (every document distinct, the languages and lengths of the real texts).
"""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # before numpy loads: one BLAS thread, one core

import argparse  # noqa: E402
import csv  # noqa: E402
import gzip  # noqa: E402
import json  # noqa: E402
import random  # noqa: E402
import shutil  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT / "corpora"
SIZES = (4_000, 64_000, 256_000)
SECTIONS = ("docs", "norm", "long", "ner", "batch", "archive", "dedup")


def real_texts() -> list[str]:
    """The 46 press releases and the 250 archive items, in a fixed order."""
    texts = [p.read_text(encoding="utf-8") for d in ("press", "releases", "releases-blind")
             for p in sorted((CORPORA / d).glob("*.txt"))]  # fmt: skip
    with open(CORPORA / "langid" / "archive-news-1-250.csv", encoding="utf-8", newline="") as f:
        texts += [row["text"] for row in csv.DictReader(f)]
    return texts


def long_documents(texts: list[str], size: int, total: int) -> list[str]:
    """The texts joined (a blank line between) and cut into documents of ``size`` characters, ``total`` in all."""
    joined = "\n\n".join(texts)
    while len(joined) < total:
        joined = joined + "\n\n" + joined
    return [joined[k : k + size] for k in range(0, total, size)]


def timed(fn: Callable[[], int]) -> tuple[float, int]:
    t0 = time.perf_counter()
    n = fn()
    return time.perf_counter() - t0, n


def show(label: str, values: list[float], fmt: str = "{:,.0f}") -> str:
    runs = ", ".join(fmt.format(v) for v in values)
    return f"{label:<58} {runs}   (median {fmt.format(statistics.median(values))})"


# ---------------------------------------------------------------- in-process sections
def bench_docs(texts: list[str], rounds: int) -> None:
    import spacy

    import kaznlp

    xx = spacy.blank("xx")
    rules = kaznlp.load()
    rules(texts[0])
    base, ours, ratio = [], [], []
    clock = time.perf_counter
    for _ in range(rounds):
        # the two interleaved in chunks of 8 documents, each first in turn: a busy spell of a shared machine falls
        # on both alike
        t_xx = t_k = 0.0
        for k in range(0, len(texts), 8):
            chunk = texts[k : k + 8]
            for who in ((0, 1) if k % 16 == 0 else (1, 0)):
                t0 = clock()
                if who == 0:
                    sum(len(xx.tokenizer(t)) for t in chunk)
                    t_xx += clock() - t0
                else:
                    sum(len(rules(t)) for t in chunk)
                    t_k += clock() - t0
        base.append(len(texts) / t_xx)
        ours.append(len(texts) / t_k)
        ratio.append(ours[-1] / base[-1])
    print(f"\n[docs] {len(texts)} real documents, {sum(map(len, texts)):,} characters; documents/s, each round "
          "(round 1 is the first sight of these texts for both, cold caches; later rounds warm; the two run in "
          "turns of 8 documents)")  # fmt: skip
    print(show("spaCy blank('xx') tokenizer", base))
    print(show("rules pipeline, kaznlp.load()", ours))
    print(show("ratio rules / spaCy xx (goal >= 2)", ratio, "{:.2f}"))
    print(show("ratio, warm rounds only (2 on)", ratio[1:] or ratio, "{:.2f}"))


def bench_long(texts: list[str], rounds: int, total_rules: int, total_ner: int, ner: bool) -> None:
    import kaznlp

    nlps = [("rules", kaznlp.load(), total_rules)]
    if ner:
        nlps.append(("with NER", kaznlp.load(ner=True), total_ner))
    for name, nlp, total in nlps:
        docs = {n: long_documents(texts, n, total) for n in SIZES}
        list(nlp.pipe(docs[SIZES[0]][:4]))
        rates: dict[int, list[float]] = {n: [] for n in SIZES}
        for _ in range(rounds):
            for n in SIZES:
                t, k = timed(lambda: sum(len(d) for d in nlp.pipe(docs[n], batch_size=64)))  # noqa: B023
                rates[n].append(k / t)
        print(f"\n[long] {name}: {total:,} characters cut into documents of each size; tokens/s, each round:")
        for n in SIZES:
            print(show(f"{name}, {n:,}-character documents ({len(docs[n])})", rates[n]))
        ratio = [a / b for a, b in zip(rates[SIZES[-1]], rates[SIZES[0]])]
        print(show(f"ratio {name} 256k / 4k (goal >= 0.8)", ratio, "{:.2f}"))


def bench_ner(texts: list[str], rounds: int) -> None:
    import spacy

    import kaznlp

    xx = spacy.blank("xx")
    nlp = kaznlp.load(ner=True)
    list(nlp.pipe(texts[:8]))
    base, ours = [], []
    for _ in range(rounds):
        t, k = timed(lambda: sum(len(xx.tokenizer(t)) for t in texts))
        base.append(k / t)
        t, k = timed(lambda: sum(len(d) for d in nlp.pipe(texts)))
        ours.append(k / t)
    print(f"\n[ner] full pipeline with NER on the {len(texts)} real documents, one core "
          f"(OPENBLAS_NUM_THREADS={os.environ.get('OPENBLAS_NUM_THREADS')}); tokens/s, each round:")  # fmt: skip
    print(show("spaCy blank('xx') tokenizer (for scale)", base))
    print(show("full pipeline with NER, .pipe (goal >= 15,000)", ours))


def web_text(text: str, rng: random.Random) -> str:
    """``text`` as web pages write it: a soft hyphen inside one word of five (of 7 letters or more), no-break
    spaces between the words of every other text, Latin a and o in one Cyrillic word of ten."""
    out = []
    for w in text.split(" "):
        r = rng.random()
        if len(w) > 6 and r < 0.2:
            w = w[:3] + "\u00ad" + w[3:]
        elif r < 0.3:
            w = w.replace("а", "a").replace("о", "o")
        out.append(w)
    return ("\u00a0" if rng.random() < 0.5 else " ").join(out)


def bench_norm(texts: list[str], rounds: int) -> None:
    from kaznlp import normalize

    clean = [t.replace("\u00ad", "").replace("\u200d", "") for t in texts]
    rng = random.Random(0)
    web = [web_text(t, rng) for t in clean]
    rates: dict[str, list[float]] = {"clean": [], "web": []}
    for _ in range(rounds):
        for name, ts in (("clean", clean), ("web", web)):
            t, n = timed(lambda: sum(len(normalize(x).text) for x in ts))  # noqa: B023
            rates[name].append(sum(map(len, ts)) / t / 1e6)
    print("\n[norm] kaznlp.normalize on the real texts, clean (no soft hyphen) and as web text (soft hyphens, no-break "
          "spaces, look-alike letters); millions of characters/s, each round:")  # fmt: skip
    print(show("clean text", rates["clean"], "{:.1f}"))
    print(show("web text", rates["web"], "{:.1f}"))
    print(show("ratio web / clean", [a / b for a, b in zip(rates["web"], rates["clean"])], "{:.2f}"))


def bench_dedup(n: int) -> None:
    """Memory of the batch's duplicate index and set of ids over ``n`` documents (distinct texts, seeded random
    SimHashes), by tracemalloc: what the writing process keeps per document of an archive."""
    import hashlib
    import tracemalloc

    from kaznlp.batch.dedup import DuplicateIndex, IdSet

    rng = random.Random(0)
    tracemalloc.start()
    index, seen = DuplicateIndex(), IdSet()
    for k in range(n):
        doc_id = f"doc{k:07d}"
        index.check(doc_id, hashlib.blake2b(doc_id.encode(), digest_size=16).hexdigest(), rng.getrandbits(64))
        seen.add(f"doc{k:07d}")
    size, _peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"\n[dedup] the duplicate index and the set of ids of {n:,} documents: {size / 2**20:,.0f} MB "
          f"({size / n:,.0f} bytes a document)")  # fmt: skip


# ---------------------------------------------------------------- batch sections
def make_archive(path: Path, texts: list[str], megabytes: float, seed: int = 0) -> int:
    """A .jsonl.gz of at least ``megabytes`` MB of documents made from the real texts (see the module's doc)."""
    from kaznlp import split_sentences

    rng = random.Random(seed)
    pools = [[t[s:e] for s, e in split_sentences(t)] or [t] for t in texts]
    n, size = 0, 0
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=1) as f:
        while size < megabytes * 1_000_000:
            sents = list(pools[n % len(pools)])
            rng.shuffle(sents)
            rec = {"id": f"doc{n:07d}", "date": f"20{16 + n % 8}-0{1 + n % 9}-1{n % 9}", "text": " ".join(sents)}
            line = json.dumps(rec, ensure_ascii=False) + "\n"
            f.write(line)
            size += len(line.encode("utf-8"))
            n += 1
    return n


def run_batch(archive: Path, out: Path, workers: int, blas: str | None = None) -> dict:
    """``kaznlp batch --ner`` on ``archive``: wall time, CPU time of all its processes, summary and the peak RSS of
    every process (polled). ``blas``: OPENBLAS_NUM_THREADS for the command (None: the command's own setting)."""
    import resource

    import psutil

    cmd = [sys.executable, "-m", "kaznlp.cli", "batch", str(archive), "-o", str(out), "--ner",
           "--workers", str(workers), "--quiet"]  # fmt: skip
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    if blas is not None:
        env["OPENBLAS_NUM_THREADS"] = blas
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peaks: dict[int, tuple[str, float]] = {}
    main = psutil.Process(proc.pid)
    while proc.poll() is None:
        try:
            for p in [main, *main.children(recursive=True)]:
                rss = p.memory_info().rss / 2**20
                role = "main" if p.pid == proc.pid else "worker"
                if rss > peaks.get(p.pid, ("", 0.0))[1]:
                    peaks[p.pid] = (role, rss)
        except psutil.Error:
            pass
        time.sleep(0.1)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)  # the command and the workers it waited for
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    err = proc.stderr.read() if proc.stderr else ""
    if proc.returncode not in (0, 3):
        raise SystemExit(f"kaznlp batch failed ({proc.returncode}): {err}")
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    return {"wall": wall, "cpu": cpu, "summary": summary, "peaks": sorted(peaks.values())}


def _peaks(res: dict) -> str:
    return ", ".join(f"{role} {mb:,.0f}" for role, mb in res["peaks"])


def bench_batch(texts: list[str], rounds: int, megabytes: float, work: Path) -> None:
    archive = work / f"batch-{megabytes:g}mb.jsonl.gz"
    n = make_archive(archive, texts, megabytes)
    print(f"\n[batch] kaznlp batch --ner on {n:,} documents ({megabytes:g} MB of JSON Lines); each round:")
    walls: dict[int, list[float]] = {1: [], 2: []}
    for r in range(rounds):
        for workers, blas in ((1, None), (2, None), (1, "2")):
            out = work / f"out-{r}-{workers}"
            res = run_batch(archive, out, workers, blas)
            if blas is None:
                walls[workers].append(res["wall"])
            docs = res["summary"]["documents"]
            how = f"{workers} worker(s)" + (f", OPENBLAS_NUM_THREADS={blas}" if blas else "")
            print(f"  round {r + 1}, {how}: {res['wall']:.1f} s, {docs / res['wall']:.1f} docs/s, "
                  f"{res['cpu']:.1f} s of CPU; peak RSS MB: {_peaks(res)}")  # fmt: skip
            subprocess.run(["rm", "-rf", str(out)], check=True)
    ratio = [a / b for a, b in zip(walls[1], walls[2])]
    print(show("ratio 2 workers / 1 worker, wall time (goal >= 1.7)", ratio, "{:.2f}"))


def bench_archive(texts: list[str], sizes: list[float], work: Path) -> None:
    print("\n[archive] kaznlp batch --ner --workers 2 on generated archives:")
    res: dict = {}
    for mb in sizes:
        archive = work / f"archive-{mb:g}mb.jsonl.gz"
        n = make_archive(archive, texts, mb, seed=1)
        out = work / f"archive-out-{mb:g}"
        res = run_batch(archive, out, 2)
        s = res["summary"]
        print(f"  {mb:g} MB, {n:,} documents: {res['wall']:.1f} s, {n / res['wall']:.1f} docs/s, "
              f"{res['cpu']:.0f} s of CPU, {s['facts']:,} facts, {s['entities']:,} entities; "
              f"peak RSS MB: {_peaks(res)}")  # fmt: skip
        subprocess.run(["rm", "-rf", str(out), str(archive)], check=True)
    if res:
        print(f"  at the rate of the {sizes[-1]:g} MB run, a 1,000 MB archive would take "
              f"{res['wall'] * 1000 / sizes[-1] / 60:,.0f} minutes")  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--long-chars", type=int, default=1_024_000, help="characters per size, rules pipeline")
    ap.add_argument("--long-chars-ner", type=int, default=512_000, help="characters per size, with NER")
    ap.add_argument("--batch-mb", type=float, default=2.0, help="archive for the workers ratio")
    ap.add_argument("--archive-mb", default="", help="sizes for the memory run, e.g. 10,30,100 (none by default)")
    ap.add_argument("--dedup", type=int, default=0, help="documents for the duplicate index's memory (e.g. 400000)")
    ap.add_argument("--skip", default="", help=f"sections to leave out, of {','.join(SECTIONS)}")
    ap.add_argument("--work", default=None, help="folder for archives and outputs (default: a temporary one)")
    args = ap.parse_args()
    skip = set(filter(None, args.skip.split(",")))
    import kaznlp

    texts = real_texts()
    print(f"kaznlp's compiled modules: {kaznlp.COMPILED}; {os.cpu_count()} CPUs; load {os.getloadavg()[0]:.1f}")
    print(f"{len(texts)} real texts, {sum(map(len, texts)):,} characters; {args.rounds} rounds")
    if "docs" not in skip:
        bench_docs(texts, args.rounds)
    if "norm" not in skip:
        bench_norm(texts, args.rounds)
    if "long" not in skip:
        bench_long(texts, args.rounds, args.long_chars, args.long_chars_ner, ner=True)
    if "ner" not in skip:
        bench_ner(texts, args.rounds)
    if "dedup" not in skip and args.dedup:
        bench_dedup(args.dedup)
    if "batch" not in skip or "archive" not in skip and args.archive_mb:
        own = not args.work  # a folder of its own, removed at the end; --work: the caller's, kept
        work = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="kaznlp-real-"))
        work.mkdir(parents=True, exist_ok=True)
        try:
            if "batch" not in skip:
                bench_batch(texts, args.rounds, args.batch_mb, work)
            if "archive" not in skip and args.archive_mb:
                bench_archive(texts, [float(x) for x in args.archive_mb.split(",")], work)
        finally:
            if own:
                shutil.rmtree(work, ignore_errors=True)
    print(f"\nload at the end {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
