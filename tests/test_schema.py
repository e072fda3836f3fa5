import jsonschema

import kaznlp
from kaznlp.schema import load_schema


def test_fact_and_document_records_follow_their_schemas(seed_text):
    doc = kaznlp.load()(seed_text, doc_date="2016-11-25", doc_id="seed")
    facts = list(doc.fact_records())
    assert len(facts) == 34
    for r in facts:
        jsonschema.validate(r, load_schema("fact"))
    jsonschema.validate(doc.to_record(), load_schema("document"))
    jsonschema.validate({"id": "x", "error": "binary", "message": "x: binary data"}, load_schema("document"))
