"""Records of every corpus the project has, saved once and compared after a change: same records or a diff.

    python bench/compare_records.py save build/records-before.jsonl.gz [--ner]
    # ... change the code ...
    python bench/compare_records.py diff build/records-before.jsonl.gz [--ner]

Corpora: ``corpora/press`` (the seed), ``corpora/releases`` and ``corpora/releases-blind`` (45 releases),
``corpora/heldout``, KazNERD ``IOB2_valid`` sentences grouped into documents of 30 (384 documents) and the 250
items of the real news archive sample (``corpora/langid/archive-news-1-250.csv``: web text in several languages).
Each document gives one line: its tokens, sentences, fact records, its whole document record (languages, skipped
sentences) and, with ``--ner``, entity records, all with offsets. ``diff`` prints the documents whose records
differ (their id and which part) and exits 1 when any does; ``--show`` prints the records themselves.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import sys
from collections.abc import Iterator
from pathlib import Path

import kaznlp
from kaznlp.ner.corpus import sentence_texts

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT / "corpora"


def documents() -> Iterator[tuple[str, str]]:
    """(id, text) of every document of every corpus, in a fixed order."""
    for folder in ("press", "releases", "releases-blind", "heldout"):
        for p in sorted((CORPORA / folder).glob("*.txt")):
            yield p.stem, p.read_text(encoding="utf-8")
    sents = sentence_texts(CORPORA / "kaznerd" / "IOB2_valid.txt")
    for k in range(0, len(sents), 30):
        yield f"kaznerd_valid/{k // 30}", " ".join(sents[k : k + 30])
    with open(CORPORA / "langid" / "archive-news-1-250.csv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            yield f"archive/{row['id']}", row["text"]


def snapshot(ner: bool) -> Iterator[dict]:
    nlp = kaznlp.load(ner=ner)
    ids, texts = zip(*documents())
    for doc_id, doc in zip(ids, nlp.pipe(texts)):
        yield {
            "id": doc_id,
            "tokens": [[s, e] for s, e in zip(doc.token_starts, doc.token_ends)],
            "sentences": [[s, e] for s, e in doc.sentence_spans],
            "facts": list(doc.fact_records()),
            "entities": list(doc.entity_records()) if ner else [],
            "document": doc.to_record(),
        }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("action", choices=["save", "diff"])
    ap.add_argument("path", type=Path)
    ap.add_argument("--ner", action="store_true", help="with the NER model and rules (entity records too)")
    ap.add_argument("--show", action="store_true", help="print the differing records")
    args = ap.parse_args()
    print(f"kaznlp's compiled modules: {kaznlp.COMPILED}", file=sys.stderr)
    if args.action == "save":
        args.path.parent.mkdir(parents=True, exist_ok=True)
        n = 0
        with gzip.open(args.path, "wt", encoding="utf-8") as f:
            for rec in snapshot(args.ner):
                f.write(json.dumps(rec, ensure_ascii=False, sort_keys=True) + "\n")
                n += 1
        print(f"{n} documents saved to {args.path}")
        return 0
    with gzip.open(args.path, "rt", encoding="utf-8") as f:
        before = {r["id"]: r for r in map(json.loads, f)}
    changed = 0
    seen = set()
    for rec in snapshot(args.ner):
        rec = json.loads(json.dumps(rec, ensure_ascii=False, sort_keys=True))
        seen.add(rec["id"])
        old = before.get(rec["id"])
        keys = ("tokens", "sentences", "facts", "entities", "document")
        parts = [k for k in keys if old is None or old.get(k) != rec[k]]
        if parts:
            changed += 1
            print(f"{rec['id']}: {', '.join(parts)} differ")
            if args.show and old is not None:
                for k in parts:
                    olds, news = (v if isinstance(v, list) else [v] for v in (old.get(k), rec[k]))
                    a = {json.dumps(x, ensure_ascii=False, sort_keys=True) for x in olds}
                    b = {json.dumps(x, ensure_ascii=False, sort_keys=True) for x in news}
                    for x in sorted(a - b):
                        print(f"  - {x}")
                    for x in sorted(b - a):
                        print(f"  + {x}")
    missing = sorted(set(before) - seen)
    for m in missing:
        print(f"{m}: missing now")
    print(f"{len(seen)} documents compared: {changed} differ, {len(missing)} missing")
    return 1 if changed or missing else 0


if __name__ == "__main__":
    sys.exit(main())
