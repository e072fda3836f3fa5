import json

import jsonschema

import kaznlp
from kaznlp import records
from kaznlp.schema import load_schema


def test_shipped_schemas_are_the_generated_ones(root):
    assert records.write_schemas(check=True) == [], "run: python -m kaznlp.schema"
    for name in ("fact", "entity", "document", "error"):
        shipped = json.loads((root / "kaznlp" / "schema" / f"{name}.schema.json").read_text(encoding="utf-8"))
        assert shipped == records.json_schema(name) == load_schema(name)
        jsonschema.Draft202012Validator.check_schema(shipped)


def test_fact_and_document_records_follow_their_schemas(seed_text):
    doc = kaznlp.load()(seed_text, doc_date="2016-11-25", doc_id="seed")
    facts = list(doc.fact_records())
    assert len(facts) == 34
    for r in facts:
        jsonschema.validate(r, load_schema("fact"))
        assert list(r)[:13] == [f.name for f in records.FACT.fields][:13]
    rec = doc.to_record()
    jsonschema.validate(rec, load_schema("document"))
    assert rec["facts"] == [{k: v for k, v in r.items() if k != "doc"} for r in facts]
    own = [{k: v for k, v in r.items() if k not in ("doc", "context")} for r in facts]
    assert [f.to_dict() for f in doc.facts] == own
    for kind in records.ERROR_KINDS:
        jsonschema.validate({"id": "x", "error": kind, "message": "x: what happened"}, load_schema("document"))
        jsonschema.validate({"id": "x", "error": kind, "message": "x: what happened"}, load_schema("error"))


def test_the_schemas_refuse_what_the_definition_does_not_declare(seed_text):
    doc = kaznlp.extract(seed_text)
    fact = next(doc.fact_records())
    for bad in ({**fact, "colour": "red"}, {k: v for k, v in fact.items() if k != "context"}, {**fact, "type": "age"}):
        assert not jsonschema.Draft202012Validator(load_schema("fact")).is_valid(bad)
    error = {"id": "x", "error": "format", "message": "x: bad JSON line"}
    for bad in ({**error, "error": "tired"}, {**error, "text": ""}, {k: v for k, v in error.items() if k != "message"}):
        assert not jsonschema.Draft202012Validator(load_schema("document")).is_valid(bad)


def test_value_is_split_once_for_tables(seed_text):
    df = kaznlp.writers.to_dataframe(kaznlp.extract(seed_text).fact_records(), kind="fact")
    assert list(df.columns) == kaznlp.writers.FACT_COLUMNS == records.table_columns("fact")
    assert df["value"].dtype == "float64"
    assert df["value_edtf"].dropna().tolist() == ["199X", "1999", "2017", "--01-01", "--10-01"]
    assert records.split_value(29000000) == (29000000.0, None)
    assert records.split_value("199X") == (None, "199X")
    assert records.split_value(None) == (None, None)
    row = records.table_row("fact", {"doc": "d", "type": "date", "value": "2016-10-01", "value_max": 7.0})
    assert (row["value"], row["value_edtf"], row["value_max"], row["value_max_edtf"]) == (None, "2016-10-01", 7.0, None)
    assert records.from_row("fact", row)["value"] == "2016-10-01" and records.from_row("fact", row)["value_max"] == 7
