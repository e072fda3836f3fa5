"""Property tests for every record kind and every output format: hypothesis writes texts with soft hyphens,
combining marks, zero-width characters, lone surrogates, Latin look-alikes, NBSP, numbers too long for a float and
ALL-CAPS, and every record must point into the text (``text[start:end] == record["text"]``) and be valid JSON
(no NaN or Infinity anywhere).

Where a lone surrogate goes: JSON Lines escape it (``"\\ud800"``, read back as the same string; a high one just
before a low one would read back as one character, so those two are U+FFFD twice); CSV and Parquet cannot hold it
and write U+FFFD in its place, one character for one, so the offsets hold in the text as written.
Batch inputs are UTF-8 on disk: a surrogate escaped in a JSON row is read as U+FFFD.
"""

from __future__ import annotations

import csv
import json
import re
import sqlite3

import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator
from robust_helpers import assert_document_offsets, assert_offsets, shard_records, strict_loads

import kaznlp
from kaznlp import records
from kaznlp.batch import BatchOptions, run
from kaznlp.batch.index import build_index, export_es
from kaznlp.schema import load_schema
from kaznlp.writers import write_records

WORDS = [
    "Бүгінде", "олар", "29 млн. астам", "мемлекеттік", "қызмет", "көрсетті.", "Қазақстан", "Президенті",
    "Астанада", "73%-ға", "1,2 млрд теңге", "2016 жылы", "15 қарашада", "Министр Дәурен Абаев",
    "ҚР Ақпарат және коммуникациялар министрлігінің", "«Цифрлық Қазақстан» бағдарламасы", "5-7 пайыз",
    "екі жүз отыз бес", "39 орында", "жетті", "1 204 000", "12,5 мың шақырым", ".", ",", "\n", "—",
]  # fmt: skip
SPECIAL = (
    "\u00ad\u0301\u0306\u0308\u0483\u200b\u200c\u200d\u2060\ufeff\u00a0\u2009\u202f\u3000\r\t"
    "aeopcxiAEOPCXIıі«»“”„—–−-'’0123456789%."
)
SURROGATES = ["\ud800", "\udbff", "\udc80", "\udfff", "\ud800\udc80"]
_SURROGATE = re.compile("[\ud800-\udfff]")
_PAIR = re.compile("[\ud800-\udbff][\udc00-\udfff]")
fragment = st.one_of(
    st.sampled_from(WORDS),
    st.text(alphabet=SPECIAL, min_size=1, max_size=4),
    st.integers(300, 1500).map(lambda n: "9" * n),  # too large for a float
    st.integers(1, 120).map(lambda n: "1 " + "000 " * n),  # groups of three that add up past a float
    st.sampled_from(SURROGATES),
    st.text(max_size=3),
)
texts = st.lists(st.tuples(fragment, st.booleans(), st.sampled_from([" ", "", " ", "\n", "\u00a0"])), max_size=24).map(
    lambda parts: "".join((p.upper() if up else p) + sep for p, up, sep in parts)
)
VALIDATOR = Draft202012Validator(load_schema("document"))
KINDS = {"facts": "fact", "entities": "entity", "documents": "document"}


@pytest.fixture(scope="module")
def nlp():
    return kaznlp.load(ner=True)


def _finite(v) -> None:
    assert not isinstance(v, float) or v == v and abs(v) != float("inf"), v


def check_document(text: str, doc) -> None:
    n = len(text)
    assert all(0 <= s <= e <= n for s, e in zip(doc.token_starts, doc.token_ends))
    assert doc.token_starts == sorted(doc.token_starts)
    spans = doc.sentence_spans
    assert all(0 <= s <= e <= n for s, e in spans) and all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))
    facts, ents = list(doc.fact_records()), list(doc.entity_records())
    assert_offsets(text, facts)
    assert_offsets(text, ents)
    for f in facts:
        assert f["context"] is None or f["context"] in text
        _finite(f["value"])
        _finite(f["value_max"])
    rec = doc.to_record()
    assert rec["text"] == text
    assert_document_offsets(rec)
    assert not list(VALIDATOR.iter_errors(rec))
    for r in [*facts, *ents, rec]:
        json.dumps(r, allow_nan=False)  # no NaN or Infinity anywhere


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_facts_entities_sentences_and_documents_point_into_the_text(nlp, text):
    check_document(text, nlp(text))


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=200))
def test_any_text_at_all(nlp, text):
    check_document(text, nlp(text))


def _read_back(path, fmt: str, kind: str) -> list[dict]:
    if fmt == "jsonl":
        return [strict_loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    if fmt == "parquet":
        return [records.from_row(kind, r) for r in pq.read_table(path).to_pylist()]
    types = dict(records.column_types(kind))
    read = {"integer": int, "number": float, "string": str, "json": json.loads}
    with open(path, encoding="utf-8", newline="") as f:
        rows = [{c: None if v == "" else read[types[c]](v) for c, v in row.items()} for row in csv.DictReader(f)]
    return [records.from_row(kind, r) for r in rows]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_every_output_format_keeps_the_offsets(nlp, tmp_path_factory, text):
    doc = nlp(text, doc_id="d")
    out = tmp_path_factory.mktemp("fmt")
    made = {"facts": list(doc.fact_records()), "entities": list(doc.entity_records()), "documents": [doc.to_record()]}
    for what, recs in made.items():
        for fmt in ("jsonl", "csv", "parquet"):
            path = out / f"{what}.{fmt}"
            write_records(recs, fmt, path, KINDS[what])
            back = _read_back(path, fmt, KINDS[what])
            assert len(back) == len(recs)
            # JSON Lines hold the text as it is (a surrogate pair, which JSON reads as one character, as U+FFFD
            # twice); tables hold U+FFFD for every lone surrogate
            written = _PAIR.sub("\ufffd\ufffd", text) if fmt == "jsonl" else _SURROGATE.sub("\ufffd", text)
            if what == "documents":
                assert (back[0]["text"] or "") == written  # CSV reads an empty cell as null
                if fmt == "jsonl":
                    assert_document_offsets(back[0])
            else:
                assert_offsets(written, back)


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(texts, min_size=1, max_size=4))
def test_batch_shards_index_and_bulk_export_keep_the_offsets(tmp_path_factory, docs):
    d = tmp_path_factory.mktemp("batch")
    rows = d / "rows.jsonl"
    rows.write_text("".join(json.dumps({"id": f"r{k}", "text": t}) + "\n" for k, t in enumerate(docs)), "utf-8")
    out = d / "out"
    summary = run([rows], out, BatchOptions(ner=True))
    recs = shard_records(out)
    assert len(recs) == len(docs) == summary["documents"]
    for r, t in zip(recs, docs):
        if "error" in r:
            assert r["error"] == "empty" and not t.strip()
            continue
        assert r["text"] == _SURROGATE.sub("\ufffd", json.loads(json.dumps(t)))  # JSON reads a pair as one character
        assert_document_offsets(r)
    texts_by_id = {r["id"]: r["text"] for r in recs if "error" not in r}
    for name in ("facts", "entities"):
        for r in shard_records(out, name):
            assert_offsets(texts_by_id[r["doc"]], [r])
    build_index(out, d / "a.sqlite")
    con = sqlite3.connect(d / "a.sqlite")
    stored = dict(con.execute("SELECT id, text FROM documents WHERE error IS NULL"))
    assert stored == texts_by_id
    for table in ("facts", "entities"):
        for doc, s, e, t in con.execute(f'SELECT doc, start, "end", text FROM {table}'):
            assert stored[doc][s:e] == t
    export_es(out, d / "bulk.ndjson")
    # NDJSON lines end at "\n" only: str.splitlines would also cut at U+0085 or U+2028 inside a text
    for line in (d / "bulk.ndjson").read_text(encoding="utf-8").split("\n")[:-1]:
        strict_loads(line)
