"""Each dimension's corpus of examples (kaznlp/facts/examples/*.jsonl) doubles as its tests."""

import json
from pathlib import Path

import pytest

import kaznlp

EXAMPLES = Path(kaznlp.__file__).parent / "facts" / "examples"
CASES = [
    pytest.param(json.loads(line), id=f"{p.stem}:{k}")
    for p in sorted(EXAMPLES.glob("*.jsonl"))
    for k, line in enumerate(p.read_text(encoding="utf-8").splitlines())
    if line.strip()
]


@pytest.mark.parametrize("example", CASES)
def test_example(example):
    doc = kaznlp.extract(example["text"])
    got = [{k: r.get(k) for k in exp} for r, exp in zip(doc.fact_records(), example["facts"])]
    assert len(doc.facts) == len(example["facts"]), [r["text"] for r in doc.fact_records()]
    assert got == example["facts"]
    for r in doc.fact_records():
        assert example["text"][r["start"] : r["end"]] == r["text"]


def test_every_dimension_has_examples():
    assert {p.stem for p in EXAMPLES.glob("*.jsonl")} >= set(kaznlp.FACT_TYPES) | {"negatives"}
