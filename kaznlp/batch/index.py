"""The embedded index: batch outputs loaded into SQLite with FTS5 over document text and fact context, and the
search behind ``kaznlp search``; and the Elasticsearch/OpenSearch bulk export for archives that outgrow SQLite."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .runner import read_shard

SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
  id TEXT PRIMARY KEY, title TEXT, date TEXT, url TEXT, language TEXT, text TEXT,
  error TEXT, duplicate_of TEXT, n_facts INTEGER, n_entities INTEGER
);
CREATE TABLE IF NOT EXISTS facts (
  rowid INTEGER PRIMARY KEY, doc TEXT, type TEXT, text TEXT, start INTEGER, "end" INTEGER,
  value REAL, value_edtf TEXT, value_max REAL, unit TEXT, qualifier TEXT, object TEXT, indicator TEXT,
  context TEXT, entities TEXT
);
CREATE TABLE IF NOT EXISTS entities (
  rowid INTEGER PRIMARY KEY, doc TEXT, label TEXT, text TEXT, start INTEGER, "end" INTEGER, source TEXT, base TEXT
);
CREATE INDEX IF NOT EXISTS facts_type_value ON facts(type, value);
CREATE INDEX IF NOT EXISTS facts_doc ON facts(doc);
CREATE INDEX IF NOT EXISTS entities_doc ON entities(doc);
CREATE INDEX IF NOT EXISTS entities_base ON entities(base);
CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5(title, text, content='documents', content_rowid='rowid');
CREATE VIRTUAL TABLE IF NOT EXISTS facts_fts USING fts5(context, object, indicator, content='facts',
  content_rowid='rowid');
"""


def _num(v: Any) -> float | None:
    return float(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else None


def build_index(outdir: str | Path, db: str | Path) -> dict[str, int]:
    """Load every committed shard of a batch run into the SQLite database ``db`` (replacing what was there)."""
    out = Path(outdir)
    shards = sorted(out.glob("documents-*.jsonl.gz"))
    if not shards:
        raise FileNotFoundError(f"{out}: no batch shards (documents-*.jsonl.gz)")
    con = sqlite3.connect(db)
    try:
        con.executescript(
            "DROP TABLE IF EXISTS documents_fts; DROP TABLE IF EXISTS facts_fts; DROP TABLE IF EXISTS documents;"
            "DROP TABLE IF EXISTS facts; DROP TABLE IF EXISTS entities;" + SCHEMA
        )
        n = {"documents": 0, "facts": 0, "entities": 0}
        for p in shards:
            k = p.name.split("-")[1].split(".")[0]
            docs = list(read_shard(p))
            con.executemany(
                "INSERT OR REPLACE INTO documents VALUES (?,?,?,?,?,?,?,?,?,?)",
                [
                    (
                        d["id"],
                        d.get("title"),
                        d.get("date") or d.get("doc_date"),
                        d.get("url"),
                        d.get("language"),
                        d.get("text"),
                        d.get("error"),
                        d.get("duplicate_of"),
                        len(d.get("facts", [])),
                        len(d.get("entities", [])),
                    )
                    for d in docs
                ],  # fmt: skip
            )
            n["documents"] += len(docs)
            facts = list(read_shard(out / f"facts-{k}.jsonl.gz"))
            con.executemany(
                'INSERT INTO facts (doc, type, text, start, "end", value, value_edtf, value_max, unit, qualifier,'
                " object, indicator, context, entities) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                [
                    (
                        f["doc"],
                        f["type"],
                        f["text"],
                        f["start"],
                        f["end"],
                        _num(f["value"]),
                        f["value"] if isinstance(f["value"], str) else None,
                        _num(f.get("value_max")),
                        f.get("unit"),
                        f.get("qualifier"),
                        f.get("object"),
                        f.get("indicator"),
                        f.get("context"),
                        json.dumps(f["entities"], ensure_ascii=False) if f.get("entities") else None,
                    )
                    for f in facts
                ],  # fmt: skip
            )
            n["facts"] += len(facts)
            ents = list(read_shard(out / f"entities-{k}.jsonl.gz"))
            con.executemany(
                'INSERT INTO entities (doc, label, text, start, "end", source, base) VALUES (?,?,?,?,?,?,?)',
                [(e["doc"], e["label"], e["text"], e["start"], e["end"], e["source"], e.get("base")) for e in ents],
            )
            n["entities"] += len(ents)
        con.execute("INSERT INTO documents_fts(documents_fts) VALUES ('rebuild')")
        con.execute("INSERT INTO facts_fts(facts_fts) VALUES ('rebuild')")
        con.commit()
        return n
    finally:
        con.close()


def _fts_query(q: str) -> str:
    """A user's words as an FTS5 query: each word a quoted prefix term, all required."""
    words = [w.replace('"', "") for w in q.split() if w.strip('"')]
    return " ".join(f'"{w}"*' for w in words)


def search(
    db: str | Path,
    query: str | None = None,
    type_: str | None = None,
    min_value: float | None = None,
    max_value: float | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    entity: str | None = None,
    limit: int = 50,
) -> Iterator[dict[str, Any]]:
    """Facts matching the filters, best text matches first (newest documents first without a query)."""
    con = sqlite3.connect(db)
    con.row_factory = sqlite3.Row
    where, args = [], []
    sql = (
        'SELECT f.doc, f.type, f.text, f.start, f."end", f.value, f.value_edtf, f.value_max, f.unit, f.qualifier,'
        " f.object, f.indicator, f.context, d.title, d.date, d.url FROM facts f JOIN documents d ON d.id = f.doc"
    )
    order = "d.date DESC, f.doc, f.start"
    if query:
        sql += " JOIN facts_fts ON facts_fts.rowid = f.rowid"
        where.append("facts_fts MATCH ?")
        args.append(_fts_query(query))
        order = "bm25(facts_fts), f.doc, f.start"
    if type_:
        where.append("f.type = ?")
        args.append(type_)
    if min_value is not None:
        where.append("f.value >= ?")
        args.append(min_value)
    if max_value is not None:
        where.append("f.value <= ?")
        args.append(max_value)
    if date_from:
        where.append("d.date >= ?")
        args.append(date_from)
    if date_to:
        where.append("d.date <= ?")
        args.append(date_to)
    if entity:
        where.append(
            '(EXISTS (SELECT 1 FROM entities e WHERE e.doc = f.doc AND e.start >= f.start - 300 AND e."end" <= '
            'f."end" + 300 AND (e.base LIKE ? OR e.text LIKE ?)) OR f.context LIKE ?)'
        )
        args += [f"%{entity}%"] * 3
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += f" ORDER BY {order} LIMIT ?"
    args.append(limit)
    try:
        for row in con.execute(sql, args):
            yield dict(row)
    finally:
        con.close()


ES_MAPPING = {
    "mappings": {
        "properties": {
            "doc": {"type": "keyword"},
            "kind": {"type": "keyword"},
            "type": {"type": "keyword"},
            "label": {"type": "keyword"},
            "text": {"type": "text"},
            "start": {"type": "integer"},
            "end": {"type": "integer"},
            "value": {"type": "double"},
            "value_edtf": {"type": "keyword"},
            "value_max": {"type": "double"},
            "unit": {"type": "keyword"},
            "qualifier": {"type": "keyword"},
            "object": {"type": "keyword"},
            "indicator": {"type": "keyword"},
            "base": {"type": "keyword"},
            "source": {"type": "keyword"},
            "context": {"type": "text"},
            "title": {"type": "text"},
            "date": {"type": "date", "ignore_malformed": True},
            "url": {"type": "keyword"},
            "language": {"type": "keyword"},
            "duplicate_of": {"type": "keyword"},
        }
    }
}


def export_es(outdir: str | Path, target: str | Path, index: str = "kaznlp") -> dict[str, int]:
    """Elasticsearch/OpenSearch bulk NDJSON (documents, facts, entities in one index, told apart by ``kind``)
    and ``<target>.mapping.json``."""
    out, target = Path(outdir), Path(target)
    n = {"documents": 0, "facts": 0, "entities": 0}
    with open(target, "w", encoding="utf-8") as f:
        for p in sorted(out.glob("documents-*.jsonl.gz")):
            k = p.name.split("-")[1].split(".")[0]
            for d in read_shard(p):
                body = {key: d.get(key) for key in ("title", "date", "url", "language", "text", "duplicate_of")}
                body.update({"kind": "document", "doc": d["id"]})
                f.write(json.dumps({"index": {"_index": index, "_id": f"doc:{d['id']}"}}, ensure_ascii=False) + "\n")
                f.write(json.dumps(body, ensure_ascii=False) + "\n")
                n["documents"] += 1
            for kind, name in (("fact", "facts"), ("entity", "entities")):
                for r in read_shard(out / f"{name}-{k}.jsonl.gz"):
                    r = dict(r, kind=kind)
                    if kind == "fact" and isinstance(r.get("value"), str):
                        r["value_edtf"], r["value"] = r["value"], None
                        if isinstance(r.get("value_max"), str):
                            r["value_max"] = None
                    rid = f"{kind}:{r['doc']}:{r['start']}:{r['end']}:{r.get('type') or r.get('label')}"
                    f.write(json.dumps({"index": {"_index": index, "_id": rid}}, ensure_ascii=False) + "\n")
                    f.write(json.dumps(r, ensure_ascii=False) + "\n")
                    n[name] += 1
    Path(str(target) + ".mapping.json").write_text(json.dumps(ES_MAPPING, indent=2), encoding="utf-8")
    return n
