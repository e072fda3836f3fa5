"""The one definition of each record kind kaznlp writes, and everything derived from it.

Kinds: ``fact``, ``entity``, ``document`` and ``error`` (a document that could not be processed), and ``link``
(an entity linked to a fact, inside the fact). Derived here: the JSON Schemas shipped in ``kaznlp/schema``
(``python -m kaznlp.schema`` writes them; a test checks they are current), the records themselves, the columns
of CSV, Parquet and SQLite tables, the Elasticsearch mapping and bulk bodies, and the one split of ``value`` into
a number or an EDTF string (``value_edtf``). Standard library only: every layer may import it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any, NamedTuple

__all__ = [
    "FACT_TYPES", "ERROR_KINDS", "PRESS_LABELS", "Field", "Kind", "KINDS", "VERSION", "field", "fields",
    "json_schema", "schemas",
    "record", "fact_record", "entity_record", "link_record", "flat_parts", "dumps_document", "split_value",
    "json_number", "table_columns", "column_types", "table_row", "from_row", "es_mapping", "es_body", "from_es_body",
    "write_schemas",
]  # fmt: skip

VERSION = "2"  # of the record shapes; a batch run records it, and a resumed run must match it

FACT_TYPES = ("percentage", "count", "money", "quantity", "ranking", "date", "duration")
QUALIFIERS = ("more_than", "at_least", "less_than", "at_most", "approximately")
LANGUAGES = ("kk", "ky", "ru", "tt", "ba", "uz", "mn", "en", "other")  # kaznlp.langid tells these apart
SCRIPTS = ("Cyrl", "Latn", "Arab", "none")
SCRIPT_VARIANTS = ("2021", "2018", "2017", "ascii", "tote")
ERROR_KINDS = (
    "empty", "binary", "encoding", "format", "language", "too_large", "extractor", "missing", "unreadable",
)  # fmt: skip
EDTF_SUFFIX = "_edtf"
#: the entity classes that press releases are about (``entities-spec.md``): what press-release gold annotates and
#: is scored on; the numeric classes (MONEY, DATE, CARDINAL …) are the facts' business
PRESS_LABELS = ("PERSON", "POSITION", "ORGANISATION", "GPE", "LOCATION", "FACILITY", "EVENT", "PROJECT", "LAW")

# field types: how a value looks in JSON; tables and the mapping follow from it
STRING, INTEGER, NUMBER, VALUE, SPANS, STRINGS, RECORDS, OBJECTS = (
    "string", "integer", "number", "value", "spans", "strings", "records", "objects",
)  # fmt: skip


class Field(NamedTuple):
    """One key of a record.

    ``required``: in every record of its kind (null allowed where ``nullable``); else only where it applies.
    ``parent``: the id of the document a flat record belongs to, left out where the record is nested in its
    document. ``batch``: written by ``kaznlp batch`` only. ``apart``: the document's parts (sentences, facts,
    entities), columns of ``extract``'s tables but left out of batch's documents table, the index and the bulk
    export, which hold facts and entities in their own. ``table``: a column at all (else JSON only).
    ``fulltext``: words to search (an Elasticsearch ``text`` field; else ``keyword``).
    """

    name: str
    type: str
    description: str = ""
    nullable: bool = False
    required: bool = True
    enum: tuple[str, ...] | None = None
    items: str | None = None  # RECORDS: the kind of the items
    length: int | None = None  # SPANS/STRINGS: a fixed number of items
    minimum: int | None = None
    date: bool = False
    parent: bool = False
    batch: bool = False
    apart: bool = False
    table: bool = True
    fulltext: bool = False


class Kind(NamedTuple):
    name: str
    title: str
    description: str
    fields: tuple[Field, ...]


def _offset(name: str, what: str) -> Field:
    return Field(name, INTEGER, what, minimum=0)


_DOC_ID = Field("doc", STRING, "document id (for a file, its name without .txt)", nullable=True, parent=True)
_TEXT_SPAN = Field("text", STRING, "the evidence: the document's text[start:end]", fulltext=True)
_START, _END = (
    _offset("start", "first character, a Python str index into the original text"),
    _offset("end", "one past the last character"),
)

LINK = Kind(
    "link",
    "kaznlp entity linked to a fact",
    "An entity of the fact's sentence and its role for the fact.",
    (
        Field(
            "role", STRING, "source and subject of a ranking; subject; mention", enum=("source", "subject", "mention")
        ),
        Field("label", STRING, "KazNERD class"),
        Field("text", STRING, "the entity's text"),
        _START,
        _END,
        Field("base", STRING, "base (nominative) form where known", nullable=True),
    ),
)

FACT = Kind(
    "fact",
    "kaznlp numeric fact record",
    "One numeric fact. doc_text[start:end] == text, offsets are Python str indices into the original text.",
    (
        _DOC_ID,
        Field("type", STRING, "the dimension", enum=FACT_TYPES),
        _TEXT_SPAN,
        _START,
        _END,
        Field("value", VALUE, "a number; for dates an EDTF string (1999, --10-01, 2016-11-15, 199X)", nullable=True),
        Field("value_max", VALUE, "upper bound of a range (5-7 пайыз, 2015-2017 жылдары)", nullable=True),
        Field(
            "unit",
            STRING,
            "% for percentage; ISO 4217 (or MCI) for money; SI-style symbol for quantity; "
            "year/month/week/day/hour/minute for duration",
            nullable=True,
        ),
        Field("qualifier", STRING, "how the value bounds the quantity", nullable=True, enum=QUALIFIERS),
        Field("object", STRING, "head noun of what is counted or measured, stem form", nullable=True),
        Field("indicator", STRING, "for rankings: the rating or index named in the sentence", nullable=True),
        Field("sentence", INTEGER, "index of the fact's sentence in the document", minimum=0),
        Field(
            "context",
            STRING,
            "the fact's sentence (cut to 300 characters either side in long sentences)",
            nullable=True,
            fulltext=True,
        ),
        Field("partial", STRING, "a date without a year", required=False, enum=("no_year",)),
        Field("year_from", STRING, "the year was filled from the document date", required=False, enum=("doc_date",)),
        Field("entities", RECORDS, "linked entities (with NER)", required=False, items="link"),
    ),
)

ENTITY = Kind(
    "entity",
    "kaznlp named entity record",
    "One named entity; offsets are Python str indices into the original text.",
    (
        _DOC_ID,
        Field("label", STRING, "KazNERD class: PERSON, ORGANISATION, GPE, POSITION, PROJECT, LAW, ..."),
        _TEXT_SPAN,
        _START,
        _END,
        Field("source", STRING, "found by the NER model or by a rule", enum=("model", "rule")),
        Field("base", STRING, "base (nominative) form where known", nullable=True),
        Field("expansion", STRING, "for abbreviations: the full name", required=False, nullable=True),
        Field(
            "inside",
            STRING,
            "for a place nested in a wider name: that name's label (EVENT, PROJECT, LAW, ART, FACILITY)",
            required=False,
            nullable=True,
        ),
    ),
)

# shared by documents and error records
_SEQ = Field("seq", INTEGER, "position of the document in the run's input", required=False, minimum=0, batch=True)
_ID = Field("id", STRING, "document id: the file name without .txt (batch: its path in the archive), or the row's id",
            nullable=True)  # fmt: skip
_TITLE = Field("title", STRING, "title, from the input row", required=False, batch=True, fulltext=True)
_URL = Field("url", STRING, "address, from the input row", required=False, batch=True)
_LANGUAGE = Field("language", STRING, "language of most of the text (kaznlp.langid)", required=False, enum=LANGUAGES)
_DUPLICATE = Field("duplicate", STRING, "an exact or near copy of an earlier document", required=False,
                   enum=("exact", "near"), batch=True)  # fmt: skip
_DUPLICATE_OF = Field("duplicate_of", STRING, "id of the first copy", required=False, batch=True)

DOCUMENT = Kind(
    "document",
    "kaznlp document record",
    "One processed document: its text, sentences, facts and entities.",
    (
        _SEQ,
        _ID,
        _TITLE,
        _URL,
        Field(
            "doc_date", STRING, "publication date YYYY-MM-DD (fills years missing in dates)", nullable=True, date=True
        ),
        _LANGUAGE,
        Field("language_confidence", NUMBER, "confidence of the language, 0-1", required=False),
        Field("languages", OBJECTS, "share of each language in the text: {lang, share}, largest first",
              required=False),
        Field("script", STRING, "script of the text; Latin and Arabic-script Kazakh is read through a Cyrillic "
              "transliteration, offsets stay in the original", required=False, enum=SCRIPTS),
        Field("script_variant", STRING, "the Kazakh alphabet: Latin 2021, 2018 (acute), 2017 (apostrophes), "
              "ascii (informal); tote (Arabic script)", required=False, enum=SCRIPT_VARIANTS),
        Field("skipped_sentences", OBJECTS, "sentences not read for facts and entities, not being Kazakh: "
              "{sentence, language, confidence, reason}", required=False),
        Field("text", STRING, "the original text", fulltext=True),
        Field("n_tokens", INTEGER, "number of tokens", minimum=0),
        Field(
            "fingerprint",
            STRINGS,
            "exact hash of the words and 64-bit SimHash (hex), for duplicates",
            required=False,
            length=2,
            batch=True,
        ),
        Field("sentences", SPANS, "[start, end] of each sentence", apart=True),
        Field("facts", RECORDS, "the facts, without doc", items="fact", apart=True),
        Field("entities", RECORDS, "the named entities (with NER), without doc", items="entity", apart=True),
        Field(
            "stanza_tokens",
            OBJECTS,
            "the stanza backend's words (text, lemma, upos, offsets)",
            required=False,
            apart=True,
            table=False,
        ),
        _DUPLICATE,
        _DUPLICATE_OF,
    ),
)

ERROR = Kind(
    "error",
    "kaznlp error record",
    "An input that could not be processed: it still gets one document record, with the reason.",
    (
        _SEQ,
        _ID,
        _TITLE,
        _URL,
        Field("doc_date", STRING, "publication date YYYY-MM-DD, from the input row", required=False, date=True),
        Field("language", STRING, "language of the text (for error language)", required=False, enum=LANGUAGES),
        Field(
            "error",
            STRING,
            "empty, binary or undecodable input (empty, binary, encoding), a bad row (format), "
            "not the language asked for (language), over the size limit (too_large), a failure of the extractor "
            "(extractor), no such file (missing), a file that cannot be read: permission denied, a loop of links, "
            "not a plain file (unreadable)",
            enum=ERROR_KINDS,
        ),
        Field("message", STRING, "what happened, for people", fulltext=True),
    ),
)

KINDS: dict[str, Kind] = {k.name: k for k in (FACT, ENTITY, DOCUMENT, ERROR, LINK)}
# the files in kaznlp/schema; document.schema.json takes a document or an error record, as both are written
SCHEMA_FILES = ("fact", "entity", "document", "error")


def fields(kind: str) -> tuple[Field, ...]:
    return KINDS[kind].fields


def field(kind: str, name: str) -> Field:
    for f in KINDS[kind].fields:
        if f.name == name:
            return f
    raise KeyError(f"{kind} records have no field {name!r}")


# ---------------------------------------------------------------- JSON Schema
def _nullable(s: dict[str, Any], nullable: bool) -> dict[str, Any]:
    if not nullable:
        return s
    if "enum" in s:
        return {**s, "enum": [*s["enum"], None]}
    t = s["type"]
    return {**s, "type": [*(t if isinstance(t, list) else [t]), "null"]}


def _field_schema(f: Field) -> dict[str, Any]:
    s: dict[str, Any]
    if f.enum is not None:
        s = {"enum": list(f.enum)}
    elif f.type == VALUE:
        s = {"type": ["number", "string"]}
    elif f.type == SPANS:
        pair = {"type": "array", "items": {"type": "integer", "minimum": 0}, "minItems": 2, "maxItems": 2}
        s = {"type": "array", "items": pair}
    elif f.type == STRINGS:
        s = {"type": "array", "items": {"type": "string"}}
        if f.length is not None:
            s.update(minItems=f.length, maxItems=f.length)
    elif f.type == RECORDS:
        s = {"type": "array", "items": {"$ref": f"#/$defs/{f.items}"}}
    elif f.type == OBJECTS:
        s = {"type": "array", "items": {"type": "object"}}
    else:
        s = {"type": f.type}
        if f.minimum is not None:
            s["minimum"] = f.minimum
        if f.date:
            s["format"] = "date"
    s = _nullable(s, f.nullable)
    if f.description:
        s["description"] = f.description
    return s


def _object_schema(kind: str, nested: bool = False) -> dict[str, Any]:
    """The schema of one record kind; ``nested``: as it sits inside its document (no parent field)."""
    fs = [f for f in fields(kind) if not (nested and f.parent)]
    return {
        "type": "object",
        "required": [f.name for f in fs if f.required],
        "additionalProperties": False,
        "properties": {f.name: _field_schema(f) for f in fs},
    }


def _refs(kind: str) -> list[str]:
    """The kinds that records of ``kind`` hold, depth first."""
    out: list[str] = []
    for f in fields(kind):
        if f.type == RECORDS and f.items and f.items not in out:
            out += [k for k in [f.items, *_refs(f.items)] if k not in out]
    return out


def json_schema(name: str) -> dict[str, Any]:
    """The JSON Schema shipped as ``kaznlp/schema/<name>.schema.json``."""
    k = KINDS["document" if name == "document" else name]
    head: dict[str, Any] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"kaznlp/{name}.schema.json",
        "title": k.title,
    }
    if name == "document":  # both are written where documents are: a document, or an error record
        head["description"] = "One processed document, or an error record for input that could not be processed."
        head["oneOf"] = [{"$ref": "#/$defs/document"}, {"$ref": "#/$defs/error"}]
        defs = {"document": _object_schema("document"), "error": _object_schema("error")}
        nested = _refs("document")
    else:
        head["description"] = k.description
        head.update(_object_schema(name))
        defs, nested = {}, _refs(name)
    for r in nested:  # records held inside another leave out their parent's id
        defs[r] = {"description": KINDS[r].description, **_object_schema(r, nested=True)}
    if defs:
        head["$defs"] = defs
    return head


def schemas() -> dict[str, dict[str, Any]]:
    return {name: json_schema(name) for name in SCHEMA_FILES}


def _dumps(v: Any, indent: int = 0, width: int = 120) -> str:
    """JSON with two-space indents, where a value that fits on its line stays on it."""
    flat = json.dumps(v, ensure_ascii=False)
    if not isinstance(v, (dict, list)) or not v or indent + len(flat) <= width:
        return flat
    pad = " " * (indent + 2)
    if isinstance(v, dict):
        keys = {k: json.dumps(k, ensure_ascii=False) + ": " for k in v}
        items = [pad + keys[k] + _dumps(x, indent + 2, width - len(keys[k])) for k, x in v.items()]
        return "{\n" + ",\n".join(items) + "\n" + " " * indent + "}"
    return "[\n" + ",\n".join(pad + _dumps(x, indent + 2, width) for x in v) + "\n" + " " * indent + "]"


def _schema_text(schema: dict[str, Any]) -> str:
    return _dumps(schema) + "\n"


def write_schemas(folder: str | Path | None = None, check: bool = False) -> list[str]:
    """Write the schemas to ``folder`` (default: ``kaznlp/schema``); ``check``: write nothing. The names of the
    files that were (or with ``check``, would be) changed."""
    folder = Path(folder) if folder is not None else Path(__file__).resolve().parent / "schema"
    changed = []
    for name, schema in schemas().items():
        p = folder / f"{name}.schema.json"
        text = _schema_text(schema)
        if not p.exists() or p.read_text(encoding="utf-8") != text:
            changed.append(p.name)
            if not check:
                p.write_text(text, encoding="utf-8")
    return changed


# ---------------------------------------------------------------- records
def json_number(v: Any) -> Any:
    """A value as records hold it: a float that is a whole number becomes an int (29000000, not 29000000.0)."""
    return int(v) if isinstance(v, float) and v.is_integer() else v


def split_value(v: Any) -> tuple[float | None, str | None]:
    """(number, EDTF string) of a ``value``: tables keep numbers numeric and date strings apart."""
    if isinstance(v, str):
        return None, v
    if v is None or isinstance(v, bool):
        return None, None
    return float(v), None


def _copy(v: Any) -> Any:
    if isinstance(v, list):
        return [_copy(x) for x in v]
    if isinstance(v, dict):
        return {k: _copy(x) for k, x in v.items()}
    return v


def record(kind: str, values: Mapping[str, Any]) -> dict[str, Any]:
    """A record of ``kind`` from ``values``, in the definition's order. An optional field missing from ``values``
    stays out; keys the definition does not know follow at the end (the schema will refuse them)."""
    rec: dict[str, Any] = {}
    for f in fields(kind):
        if f.name in values:
            rec[f.name] = values[f.name]
        elif f.required and not f.parent:
            raise KeyError(f"a {kind} record needs {f.name!r}")
    for k, v in values.items():
        if k not in rec:
            rec[k] = v
    return rec


# the fact's own attributes (the document gives doc and context; Fact.extra the optional fields)
_FACT_ATTRS = tuple(f.name for f in FACT.fields if f.required and not f.parent and f.name != "context")
_FACT_VALUES = tuple(f.name for f in FACT.fields if f.type == VALUE)
_FACT_OPTIONAL = tuple(f.name for f in FACT.fields if not f.required)
_ENTITY_ATTRS = tuple(f.name for f in ENTITY.fields if f.required and not f.parent)
_ENTITY_OPTIONAL = tuple(f.name for f in ENTITY.fields if not f.required)
_LINK_ATTRS = tuple(f.name for f in LINK.fields if f.name != "role")


def _extras(rec: dict[str, Any], extra: Mapping[str, Any], optional: tuple[str, ...]) -> dict[str, Any]:
    for k in optional:
        if k in extra:
            rec[k] = _copy(extra[k])
    for k, v in extra.items():
        if k not in rec:
            rec[k] = _copy(v)
    return rec


def fact_record(
    fact: Any, *, doc: str | None = None, context: str | None = None, flat: bool = True, own: bool = False
) -> dict[str, Any]:
    """The record of a :class:`~kaznlp.facts.Fact`: ``flat`` with ``doc`` first, else as nested in its document;
    ``own``: the fact's fields only, without doc and context (``Fact.to_dict``)."""
    rec: dict[str, Any] = {"doc": doc} if flat and not own else {}
    for k in _FACT_ATTRS:
        rec[k] = getattr(fact, k)
    for k in _FACT_VALUES:
        rec[k] = json_number(rec[k])
    if not own:
        rec["context"] = context
    return _extras(rec, fact.extra, _FACT_OPTIONAL) if fact.extra else rec


def entity_record(entity: Any, *, doc: str | None = None, flat: bool = True) -> dict[str, Any]:
    """The record of a :class:`~kaznlp.document.Entity`: ``flat`` with ``doc`` first, else as nested."""
    rec: dict[str, Any] = {"doc": doc} if flat else {}
    for k in _ENTITY_ATTRS:
        rec[k] = getattr(entity, k)
    return _extras(rec, entity.extra, _ENTITY_OPTIONAL) if entity.extra else rec


def link_record(entity: Any, role: str) -> dict[str, Any]:
    """An entity linked to a fact, with its role."""
    return {"role": role, **{k: getattr(entity, k) for k in _LINK_ATTRS}}


_PARTS = {f.name: f.items for f in DOCUMENT.fields if f.type == RECORDS and f.items}  # facts, entities
_PARENT = {k: next(f.name for f in fields(k) if f.parent) for k in set(_PARTS.values())}


def flat_parts(rec: Mapping[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """The flat records of a document record's facts and entities: each with the document's id first."""
    return {name: [{_PARENT[k]: rec["id"], **r} for r in rec[name]] for name, k in _PARTS.items()}


def dumps_document(rec: Mapping[str, Any]) -> tuple[str, dict[str, str]]:
    """A document record as a JSON line, and its facts and entities as flat JSON lines, each turned into JSON
    once: a flat record is the nested one with the document's id put first. ``json.loads`` of the line gives
    ``rec`` (its parts last)."""
    nested = {name: [json.dumps(r, ensure_ascii=False) for r in rec[name]] for name in _PARTS}
    head = json.dumps({k: v for k, v in rec.items() if k not in _PARTS}, ensure_ascii=False)
    parts = "".join(f", {json.dumps(name)}: [{', '.join(js)}]" for name, js in nested.items())
    flat = {}
    for name, js in nested.items():  # records are never empty objects: "{...}" opens with a key
        prefix = "{" + json.dumps(_PARENT[_PARTS[name]]) + ": " + json.dumps(rec["id"], ensure_ascii=False) + ", "
        flat[name] = "".join(prefix + j[1:] + "\n" for j in js)
    return head[:-1] + parts + "}", flat


# ---------------------------------------------------------------- tables: CSV, Parquet, SQLite
def _table_fields(kind: str, source: str) -> list[Field]:
    if kind == "document":  # one table holds documents and error records: the union, in document order
        fs = list(DOCUMENT.fields)
        names = [f.name for f in fs]
        for k, f in enumerate(ERROR.fields):
            if f.name not in names:
                at = names.index(ERROR.fields[k - 1].name) + 1
                fs.insert(at, f)
                names.insert(at, f.name)
    else:
        fs = list(fields(kind))
    if source == "extract":
        return [f for f in fs if f.table and not f.batch]
    if source == "batch":
        return [f for f in fs if f.table and not f.apart]
    raise ValueError(f"source is 'extract' or 'batch', not {source!r}")


def column_types(kind: str, source: str = "extract") -> list[tuple[str, str]]:
    """(column, type) of a table of ``kind``: type ``string``, ``integer``, ``number`` or ``json`` (lists, as JSON
    text). A ``value`` field becomes two columns: the number, and ``<name>_edtf`` for EDTF strings. ``source``:
    ``extract`` (its tables hold the document's parts) or ``batch`` (batch shards, the index, the bulk export)."""
    out = []
    for f in _table_fields(kind, source):
        if f.type == VALUE:
            out += [(f.name, NUMBER), (f.name + EDTF_SUFFIX, STRING)]
        elif f.type in (STRING, INTEGER, NUMBER):
            out.append((f.name, f.type))
        else:
            out.append((f.name, "json"))
    return out


def table_columns(kind: str, source: str = "extract") -> list[str]:
    """The columns of a CSV/Parquet/SQLite table of ``kind`` records."""
    return [c for c, _ in column_types(kind, source)]


def table_row(kind: str, rec: Mapping[str, Any], source: str = "extract", encode: bool = True) -> dict[str, Any]:
    """A record as a table row: every column (None where the record has no value), ``value`` split, lists and
    objects as JSON text (``encode``) or kept (the bulk export)."""
    row: dict[str, Any] = {}
    for f in _table_fields(kind, source):
        v = rec.get(f.name)
        if f.type == VALUE:
            row[f.name], row[f.name + EDTF_SUFFIX] = split_value(v)
        elif encode and isinstance(v, (list, dict)):
            row[f.name] = json.dumps(v, ensure_ascii=False)
        else:
            row[f.name] = v
    return row


def from_row(kind: str, row: Mapping[str, Any]) -> dict[str, Any]:
    """The record of a table row (CSV and Parquet read back, SQLite, a bulk body): values joined, JSON decoded,
    optional fields without a value left out, fields without a column (a batch document's parts) too. For a
    document row the kind comes from its ``error``."""
    if kind == "document" and row.get("error") is not None:
        kind = "error"
    rec: dict[str, Any] = {}
    for f in fields(kind):
        if f.name not in row:
            continue
        if f.type == VALUE:
            num, edtf = row.get(f.name), row.get(f.name + EDTF_SUFFIX)
            v = edtf if edtf is not None else json_number(num)
        else:
            v = row.get(f.name)
            if f.type in (SPANS, STRINGS, RECORDS, OBJECTS) and isinstance(v, str):
                v = json.loads(v)
        if f.required or v is not None:
            rec[f.name] = v
    return rec


# ---------------------------------------------------------------- Elasticsearch / OpenSearch
def _es_type(f: Field) -> dict[str, Any]:
    if f.type == RECORDS and f.items:
        return {"properties": {g.name: _es_type(g) for g in fields(f.items) if not g.parent}}
    if f.type == INTEGER:
        return {"type": "integer"}
    if f.type in (NUMBER, VALUE):
        return {"type": "double"}
    if f.date:
        return {"type": "date", "ignore_malformed": True}
    return {"type": "text" if f.fulltext else "keyword"}


_ES_KINDS = ("document", "fact", "entity")


def es_mapping() -> dict[str, Any]:
    """The index mapping of the bulk export: documents, facts and entities in one index, told apart by ``kind``;
    a document's ``id`` is its ``doc``, as for its facts and entities."""
    props: dict[str, Any] = {"kind": {"type": "keyword"}}
    for kind in _ES_KINDS:
        for f in _table_fields(kind, "batch"):
            name = "doc" if kind == "document" and f.name == "id" else f.name
            pairs = [(name, _es_type(f))]
            if f.type == VALUE:
                pairs.append((name + EDTF_SUFFIX, {"type": "keyword"}))
            for n, t in pairs:
                if props.setdefault(n, t) != t:
                    raise ValueError(f"field {n!r} would have two types in the index: {props[n]} and {t}")
    return {"mappings": {"dynamic": "strict", "properties": props}}


def es_body(kind: str, rec: Mapping[str, Any]) -> dict[str, Any]:
    """The bulk body of a ``document``, ``fact`` or ``entity`` record: ``kind``, then its row (a document's ``id``
    as ``doc``)."""
    row = table_row(kind, rec, "batch", encode=False)
    if kind == "document":
        row = {"doc": row.pop("id"), **row}
    return {"kind": kind, **row}


def from_es_body(body: Mapping[str, Any]) -> dict[str, Any]:
    """The record of a bulk body (the inverse of :func:`es_body`)."""
    row = {k: v for k, v in body.items() if k != "kind"}
    if body["kind"] == "document":
        row["id"] = row.pop("doc")
    return from_row(body["kind"], row)
