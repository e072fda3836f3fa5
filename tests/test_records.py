"""Every record every command writes is valid per the shipped schemas, and every table holds the derived columns:
``extract`` in each format and record kind, ``batch`` (an input of every error kind), ``index`` and ``export es``."""

import copy
import csv
import gzip
import io
import json
import shutil
import sqlite3

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner
from jsonschema import Draft202012Validator

from kaznlp import records
from kaznlp.batch import readers, runner
from kaznlp.batch.index import TABLES, search, sql_columns
from kaznlp.cli import EXIT_PARTIAL, main
from kaznlp.schema import load_schema

SENTENCE = "Министр Дәурен Абаев Астанада 1 қазанда 5 млрд теңге бөлінгенін айтты."
CONTEXT = {"context": SENTENCE}
# the language fields of a Kazakh document record (kaznlp.langid): one Kazakh sentence, nothing skipped
LANGUAGE_FIELDS = {"language_confidence": 0.99, "languages": [{"lang": "kk", "share": 1.0}], "script": "Cyrl",
                   "skipped_sentences": []}
LINKS = {
    "entities": [
        {"role": "subject", "label": "GPE", "text": "Астанада", "start": 21, "end": 29, "base": "Астана"},
        {"role": "mention", "label": "PERSON", "text": "Дәурен Абаев", "start": 8, "end": 20, "base": "Дәурен Абаев"},
    ]
}
FACTS = [  # with NER and the document date 2016-11-25
    {"type": "date", "text": "1 қазанда", "start": 30, "end": 39, "value": "2016-10-01", "value_max": None, "unit": None,
     "qualifier": None, "object": None, "indicator": None, "sentence": 0, **CONTEXT, "partial": "no_year",
     "year_from": "doc_date", **LINKS},
    {"type": "money", "text": "5 млрд теңге", "start": 40, "end": 52, "value": 5000000000, "value_max": None,
     "unit": "KZT", "qualifier": None, "object": None, "indicator": None, "sentence": 0, **CONTEXT, **LINKS},
]  # fmt: skip
ENTITIES = [
    {"label": "POSITION", "text": "Министр", "start": 0, "end": 7, "source": "rule", "base": "Министр"},
    {"label": "PERSON", "text": "Дәурен Абаев", "start": 8, "end": 20, "source": "model", "base": "Дәурен Абаев"},
    {"label": "GPE", "text": "Астанада", "start": 21, "end": 29, "source": "model", "base": "Астана"},
    {"label": "DATE", "text": "1 қазанда", "start": 30, "end": 39, "source": "model", "base": "1 қазанда"},
    {"label": "CARDINAL", "text": "5", "start": 40, "end": 41, "source": "model", "base": "5"},
]
DATED = {"id": "dated", "title": "Қаржы", "url": "https://x.kz/1", "date": "2016-11-25T09:00:00", "text": SENTENCE}
RUSSIAN = "В Казахстане оказано более 29 млн государственных услуг."
KIND = {"facts": "fact", "entities": "entity", "documents": "document"}
VALIDATORS = {k: Draft202012Validator(load_schema(k)) for k in ("fact", "entity", "document", "error")}
APART = {f.name for f in records.DOCUMENT.fields if f.apart}
# a document's row in the index and the bulk export: the shipped schema, its parts (facts, ...) held apart
_ROW = copy.deepcopy(load_schema("document"))
_ROW["$defs"]["document"]["required"] = [k for k in _ROW["$defs"]["document"]["required"] if k not in APART]
VALIDATORS["document row"] = Draft202012Validator(_ROW)


def assert_valid(kind: str, rec: dict) -> None:
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in VALIDATORS[kind].iter_errors(rec)]
    assert not errors, (rec.get("id") or rec.get("doc"), errors[:3])


def without_apart(rec: dict) -> dict:
    return {k: v for k, v in rec.items() if k not in APART}


def read_csv(kind: str, text: str) -> tuple[list[str], list[dict]]:
    """The header and the rows of a CSV table, each cell read as its column's type."""
    types = dict(records.column_types(kind))
    read = {"integer": int, "number": float, "string": str, "json": json.loads}
    reader = csv.DictReader(io.StringIO(text))
    rows = [{c: None if v == "" else read[types[c]](v) for c, v in row.items()} for row in reader]
    return list(reader.fieldnames or []), rows


def parquet_rows(path, kind: str, source: str) -> list[dict]:
    table = pq.read_table(path)
    arrow = {"string": "string", "integer": "int64", "number": "double", "json": "string"}
    assert [(f.name, str(f.type)) for f in table.schema] == [
        (c, arrow[t]) for c, t in records.column_types(kind, source)
    ]
    return table.to_pylist()


def shard(path) -> list[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f]


@pytest.fixture(scope="module")
def inputs(tmp_path_factory, seed_path):
    d = tmp_path_factory.mktemp("in")
    shutil.copy(seed_path, d / seed_path.name)
    (d / "minister.txt").write_text(SENTENCE, encoding="utf-8")
    (d / "empty.txt").write_bytes(b"")
    (d / "russian.txt").write_text(RUSSIAN, encoding="utf-8")
    return d


@pytest.mark.parametrize("what", ["facts", "entities", "documents"])
def test_extract_writes_valid_records_and_the_derived_columns_in_every_format(inputs, tmp_path, what):
    kind = KIND[what]
    args = ["extract", str(inputs), "--records", what, "--ner", "--doc-date", "2016-11-25"]
    res = CliRunner().invoke(main, args)
    assert res.exit_code == EXIT_PARTIAL, res.output
    recs = [json.loads(line) for line in res.stdout.splitlines()]
    for r in recs:
        assert_valid(kind, r)
    if what == "facts":
        assert [r for r in recs if r["doc"] == "minister"] == [{"doc": "minister", **f} for f in FACTS]
        assert len(recs) == 36
    elif what == "entities":
        assert [r for r in recs if r["doc"] == "minister"] == [{"doc": "minister", **e} for e in ENTITIES]
        assert any("expansion" in r for r in recs), "no abbreviation in the seed: the test lost its reach"
    else:
        by_id = {r["id"]: r for r in recs}
        assert by_id["minister"] == {
            "id": "minister", "doc_date": "2016-11-25", "language": "kk", **LANGUAGE_FIELDS, "text": SENTENCE,
            "n_tokens": 12,
            "sentences": [[0, len(SENTENCE)]], "facts": FACTS, "entities": ENTITIES,
        }  # fmt: skip
        assert by_id["empty"] == {"id": "empty", "error": "empty", "message": f"{inputs / 'empty.txt'}: empty input"}
        assert by_id["russian"] == {"id": "russian", "language": "ru", "error": "language", "message": "not Kazakh"}

    res = CliRunner().invoke(main, args + ["--format", "csv"])
    header, rows = read_csv(kind, res.stdout)
    assert header == records.table_columns(kind)
    assert [records.from_row(kind, r) for r in rows] == recs

    out = tmp_path / f"{what}.parquet"
    res = CliRunner().invoke(main, args + ["--format", "parquet", "-o", str(out)])
    assert res.exit_code == EXIT_PARTIAL, res.output
    assert [records.from_row(kind, r) for r in parquet_rows(out, kind, "extract")] == recs


@pytest.fixture(scope="module")
def batch_run(tmp_path_factory, inputs):
    """A batch run over an input of every error kind (and two good ones, and a duplicate), with NER."""
    d = tmp_path_factory.mktemp("batch")
    src = d / "in"
    shutil.copytree(inputs, src)
    (src / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (src / "latin1.txt").write_bytes(b"caf\xe9 au lait " * 20)
    (src / "huge.txt").write_text(SENTENCE * 400, encoding="utf-8")
    (src / "boom.txt").write_text(SENTENCE + " 💥", encoding="utf-8")
    (src / "loop.txt").symlink_to(src / "loop.txt")  # unreadable: a link to itself
    rows = d / "rows.jsonl"
    rows.write_text(
        "\n".join(
            [
                json.dumps(DATED, ensure_ascii=False),
                json.dumps({"id": "undated", "date": "25.11.2016", "text": SENTENCE + " "}, ensure_ascii=False),
                "{not json",
            ]
        ),  # fmt: skip
        encoding="utf-8",
    )
    real = runner.fingerprints

    def fingerprints(text):
        if "💥" in text:
            raise RuntimeError("boom")
        return real(text)

    mp = pytest.MonkeyPatch()
    mp.setattr(readers, "MAX_DOC_BYTES", 20_000)
    mp.setattr(runner, "fingerprints", fingerprints)
    try:
        out = d / "out"
        args = ["batch", str(src), str(rows), str(d / "gone.txt"), "-o", str(out), "--lang", "kk", "--ner", "--quiet"]
        res = CliRunner().invoke(main, args + ["--shard-size", "4"])
        assert res.exit_code == EXIT_PARTIAL, res.output
    finally:
        mp.undo()
    return out


def test_batch_writes_valid_records_of_every_error_kind(batch_run):
    docs = [r for p in sorted(batch_run.glob("documents-*.jsonl.gz")) for r in shard(p)]
    assert [r["seq"] for r in docs] == list(range(13))
    for r in docs:
        assert_valid("document", r)
        assert_valid("error" if "error" in r else "document", r)
    assert sorted(r["error"] for r in docs if "error" in r) == sorted(records.ERROR_KINDS)
    by_id = {r["id"]: r for r in docs}
    assert by_id["in/boom"]["message"] == "RuntimeError: boom"
    assert next(r["id"] for r in docs if r.get("error") == "missing").endswith("gone.txt")
    dated = by_id["dated"]
    assert (dated["title"], dated["url"], dated["doc_date"]) == ("Қаржы", "https://x.kz/1", "2016-11-25")
    assert dated["facts"] == FACTS and dated["entities"] == ENTITIES
    assert by_id["undated"]["doc_date"] is None and [f["value"] for f in by_id["undated"]["facts"]] == ["--10-01", 5e9]
    assert (by_id["undated"]["duplicate"], by_id["undated"]["duplicate_of"]) == ("exact", "in/minister")
    assert by_id["in/minister"]["doc_date"] is None and "title" not in by_id["in/minister"]

    for name, kind in (("facts", "fact"), ("entities", "entity")):
        flat = [r for p in sorted(batch_run.glob(f"{name}-*.jsonl.gz")) for r in shard(p)]
        for r in flat:
            assert_valid(kind, r)
        assert flat == [r for d in docs if "error" not in d for r in records.flat_parts(d)[name]]
        parquet = [r for p in sorted(batch_run.glob(f"{name}-*.parquet")) for r in parquet_rows(p, kind, "batch")]
        assert [records.from_row(kind, r) for r in parquet] == flat
    parquet = [r for p in sorted(batch_run.glob("documents-*.parquet")) for r in parquet_rows(p, "document", "batch")]
    assert [records.from_row("document", r) for r in parquet] == [without_apart(d) for d in docs]


def test_index_holds_the_derived_columns_and_valid_records(batch_run, tmp_path):
    db = tmp_path / "a.sqlite"
    res = CliRunner().invoke(main, ["index", str(batch_run), "--db", str(db)])
    assert res.exit_code == 0, res.output
    docs = [r for p in sorted(batch_run.glob("documents-*.jsonl.gz")) for r in shard(p)]
    con = sqlite3.connect(db)
    con.row_factory = sqlite3.Row
    for table, kind in TABLES.items():
        info = con.execute(f"PRAGMA table_info({table})")
        info = [(r["name"], r["type"] + (" PRIMARY KEY" if r["pk"] else "")) for r in info]
        assert info == sql_columns(table)
        order = "seq" if table == "documents" else "rowid"
        rows = [dict(r) for r in con.execute(f"SELECT * FROM {table} ORDER BY {order}")]
        own = {"rowid", "n_facts", "n_entities"}
        got = [records.from_row(kind, {k: v for k, v in r.items() if k not in own}) for r in rows]
        for r in got:
            assert_valid("document row" if kind == "document" else kind, r)
        if table == "documents":
            assert got == [without_apart(d) for d in docs]
            assert [(r["n_facts"], r["n_entities"]) for r in rows] == [
                (len(d.get("facts", ())), len(d.get("entities", ()))) for d in docs
            ]
        else:
            assert got == [r for d in docs if "error" not in d for r in records.flat_parts(d)[table]]
    con.close()
    hits = list(search(db, "теңге", type_="money", date_from="2016-11-01"))
    assert [(h["doc"], h["value"], h["doc_date"], h["title"]) for h in hits] == [("dated", 5e9, "2016-11-25", "Қаржы")]


def test_export_es_bodies_are_records_and_the_mapping_is_derived(batch_run, tmp_path):
    bulk = tmp_path / "bulk.ndjson"
    res = CliRunner().invoke(main, ["export", "es", str(batch_run), "-o", str(bulk)])
    assert res.exit_code == 0, res.output
    mapping = json.loads((tmp_path / "bulk.ndjson.mapping.json").read_text(encoding="utf-8"))
    assert mapping == records.es_mapping()
    props = mapping["mappings"]["properties"]
    columns = {c for k in ("fact", "entity") for c in records.table_columns(k, "batch")}
    columns |= {"doc" if c == "id" else c for c in records.table_columns("document", "batch")}
    assert set(props) == columns | {"kind"}
    assert props["value"] == {"type": "double"} and props["value_edtf"] == {"type": "keyword"}
    assert props["doc_date"]["type"] == "date" and props["text"] == {"type": "text"}
    assert set(props["entities"]["properties"]) == {f.name for f in records.LINK.fields}
    lines = [json.loads(line) for line in bulk.read_text(encoding="utf-8").splitlines()]
    actions, bodies = lines[0::2], lines[1::2]
    docs = [r for p in sorted(batch_run.glob("documents-*.jsonl.gz")) for r in shard(p)]
    got: dict[str, list] = {"document": [], "fact": [], "entity": []}
    for action, body in zip(actions, bodies):
        assert set(body) <= set(props) and action["index"]["_index"] == "kaznlp"
        rec = records.from_es_body(body)
        assert_valid("document row" if body["kind"] == "document" else body["kind"], rec)
        got[body["kind"]].append(rec)
    assert got["document"] == [without_apart(d) for d in docs]
    for kind, name in (("fact", "facts"), ("entity", "entities")):
        assert got[kind] == [r for d in docs if "error" not in d for r in records.flat_parts(d)[name]]
    assert len({a["index"]["_id"] for a in actions}) == len(actions)


def test_a_record_missing_a_required_field_is_refused():
    with pytest.raises(KeyError, match="message"):
        records.record("error", {"id": "x", "error": "empty"})
    assert list(records.record("error", {"message": "m", "error": "empty", "id": "x", "seq": 3})) == [
        "seq", "id", "error", "message",
    ]  # fmt: skip
