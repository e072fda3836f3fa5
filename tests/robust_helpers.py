"""Checks shared by the reliability tests (test_rows, test_properties, test_faults, test_fuzz_cli)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def strict_loads(line: str | bytes) -> Any:
    """``json.loads`` that refuses NaN, Infinity and -Infinity (Python writes them; JSON has no such thing)."""
    return json.loads(line, parse_constant=_no_constant)


def jsonl(text: str) -> list[Any]:
    """Every line of JSON Lines output, parsed strictly."""
    return [strict_loads(line) for line in text.splitlines() if line.strip()]


def shard_records(out: Path, name: str = "documents") -> list[dict]:
    recs = []
    for p in sorted(out.glob(f"{name}-*.jsonl.gz")):
        with gzip.open(p, "rt", encoding="utf-8") as f:
            recs += [strict_loads(line) for line in f]
    return recs


def assert_offsets(text: str, recs: list[dict]) -> None:
    """Every record with a span holds the text of its span; the entities linked to a fact too."""
    for r in recs:
        if "start" in r:
            assert text[r["start"] : r["end"]] == r["text"], r
        for link in r.get("entities") or ():
            assert text[link["start"] : link["end"]] == link["text"], link


def assert_document_offsets(doc: dict) -> None:
    """A document record's facts, entities and sentences point into its text."""
    text = doc["text"]
    assert_offsets(text, doc.get("facts", []))
    assert_offsets(text, doc.get("entities", []))
    for s, e in doc.get("sentences", []):
        assert 0 <= s <= e <= len(text)


def summary_without_timing(summary: dict) -> dict:
    """A run's summary without what differs between runs of the same inputs (time, how it was resumed)."""
    drop = ("seconds", "documents_per_second", "processed_this_run", "resumed_from")
    return {k: v for k, v in summary.items() if k not in drop}
