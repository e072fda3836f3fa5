"""The embedded index: batch outputs loaded into SQLite with FTS5 over document text and fact context, and the
search behind ``kaznlp search``; and the Elasticsearch/OpenSearch bulk export for archives that outgrow SQLite."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .. import records
from .runner import read_shard

# SQLite type of each column type of kaznlp.records.column_types
_SQL_TYPES = {"string": "TEXT", "integer": "INTEGER", "number": "REAL", "json": "TEXT"}
# the index's own columns beside the records' (derived from the definition)
_OWN = {
    "documents": [("n_facts", "INTEGER"), ("n_entities", "INTEGER")],
    "facts": [("rowid", "INTEGER PRIMARY KEY")],
    "entities": [("rowid", "INTEGER PRIMARY KEY")],
}
TABLES = {"documents": "document", "facts": "fact", "entities": "entity"}


def sql_columns(table: str) -> list[tuple[str, str]]:
    """(column, SQLite type) of an index table: the record kind's columns (kaznlp.records), and the index's own."""
    cols = [(c, _SQL_TYPES[t]) for c, t in records.column_types(TABLES[table], "batch")]
    if table == "documents":
        cols = [(c, "TEXT PRIMARY KEY" if c == "id" else t) for c, t in cols]
        return cols + _OWN[table]
    return _OWN[table] + cols


def _q(name: str) -> str:
    return '"' + name + '"'


_SEARCH_SQL = """
CREATE INDEX IF NOT EXISTS facts_type_value ON facts(type, value);
CREATE INDEX IF NOT EXISTS facts_doc ON facts(doc);
CREATE INDEX IF NOT EXISTS entities_doc ON entities(doc);
CREATE INDEX IF NOT EXISTS entities_base ON entities(base);
CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5(title, text, content='documents', content_rowid='rowid');
CREATE VIRTUAL TABLE IF NOT EXISTS facts_fts USING fts5(context, object, indicator, content='facts',
  content_rowid='rowid');
"""


def schema_sql() -> str:
    """The index's tables, then its indexes and full-text tables."""
    cols = {t: ", ".join(f"{_q(c)} {ty}" for c, ty in sql_columns(t)) for t in TABLES}
    return "".join(f"CREATE TABLE IF NOT EXISTS {t} ({cols[t]});\n" for t in TABLES) + _SEARCH_SQL


def _insert(con: sqlite3.Connection, table: str, rows: list[dict[str, Any]], how: str = "INSERT") -> None:
    cols = [c for c, _ in sql_columns(table) if c != "rowid"]
    con.executemany(
        f"{how} INTO {table} ({', '.join(map(_q, cols))}) VALUES ({', '.join('?' * len(cols))})",
        [tuple(r[c] for c in cols) for r in rows],
    )


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
            "DROP TABLE IF EXISTS facts; DROP TABLE IF EXISTS entities;" + schema_sql()
        )
        n = {"documents": 0, "facts": 0, "entities": 0}
        for p in shards:
            k = p.name.split("-")[1].split(".")[0]
            docs = []
            for d in read_shard(p):
                row = records.table_row("document", d, "batch")
                row["n_facts"], row["n_entities"] = len(d.get("facts", ())), len(d.get("entities", ()))
                docs.append(row)
            _insert(con, "documents", docs, "INSERT OR REPLACE")
            n["documents"] += len(docs)
            for table, kind in (("facts", "fact"), ("entities", "entity")):
                rows = [records.table_row(kind, r, "batch") for r in read_shard(out / f"{table}-{k}.jsonl.gz")]
                _insert(con, table, rows)
                n[table] += len(rows)
        con.execute("INSERT INTO documents_fts(documents_fts) VALUES ('rebuild')")
        con.execute("INSERT INTO facts_fts(facts_fts) VALUES ('rebuild')")
        con.commit()
        return n
    finally:
        con.close()


def connect(db: str | Path, readonly: bool = False) -> sqlite3.Connection:
    """A connection to an index; ``readonly``: opened read-only (``mode=ro``), so nothing can write to it. A missing
    file raises ``FileNotFoundError`` instead of creating an empty database."""
    path = Path(db)
    if not path.is_file():
        raise FileNotFoundError(f"{db}: no such index (build one with kaznlp index)")
    if not readonly:
        return sqlite3.connect(path)
    return sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True, check_same_thread=False)


def _fts_query(q: str) -> str:
    """A user's words as an FTS5 query: each word a quoted prefix term, all required."""
    words = [w.replace('"', "") for w in q.split() if w.strip('"')]
    return " ".join(f'"{w}"*' for w in words)


def search(
    db: str | Path | sqlite3.Connection,
    query: str | None = None,
    type_: str | None = None,
    min_value: float | None = None,
    max_value: float | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    entity: str | None = None,
    limit: int = 50,
) -> Iterator[dict[str, Any]]:
    """Facts matching the filters, best text matches first (newest documents first without a query). ``db``: the
    index's path, or an open connection (left open; :func:`connect` opens one read-only)."""
    own = not isinstance(db, sqlite3.Connection)
    con = sqlite3.connect(db) if own else db
    where, args = [], []
    sql = (
        'SELECT f.doc, f.type, f.text, f.start, f."end", f.value, f.value_edtf, f.value_max, f.unit, f.qualifier,'
        " f.object, f.indicator, f.context, d.title, d.doc_date, d.url FROM facts f JOIN documents d ON d.id = f.doc"
    )
    order = "d.doc_date DESC, f.doc, f.start"
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
        where.append("d.doc_date >= ?")
        args.append(date_from)
    if date_to:
        where.append("d.doc_date <= ?")
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
    cur = con.cursor()
    cur.row_factory = sqlite3.Row
    try:
        for row in cur.execute(sql, args):
            yield dict(row)
    finally:
        cur.close()
        if own:
            con.close()


ES_MAPPING = records.es_mapping()


def export_es(outdir: str | Path, target: str | Path, index: str = "kaznlp") -> dict[str, int]:
    """Elasticsearch/OpenSearch bulk NDJSON (documents, facts, entities in one index, told apart by ``kind``)
    and ``<target>.mapping.json``; bodies and mapping from :mod:`kaznlp.records`."""
    out, target = Path(outdir), Path(target)
    n = {"documents": 0, "facts": 0, "entities": 0}

    def write(f: Any, rid: str, body: dict[str, Any]) -> None:
        f.write(json.dumps({"index": {"_index": index, "_id": rid}}, ensure_ascii=False) + "\n")
        f.write(json.dumps(body, ensure_ascii=False) + "\n")

    with open(target, "w", encoding="utf-8") as f:
        for p in sorted(out.glob("documents-*.jsonl.gz")):
            k = p.name.split("-")[1].split(".")[0]
            for d in read_shard(p):
                write(f, f"doc:{d['id']}", records.es_body("document", d))
                n["documents"] += 1
            for kind, name in (("fact", "facts"), ("entity", "entities")):
                for r in read_shard(out / f"{name}-{k}.jsonl.gz"):
                    write(f, f"{kind}:{r['doc']}:{r['start']}:{r['end']}:{r.get('type') or r.get('label')}",
                          records.es_body(kind, r))  # fmt: skip
                    n[name] += 1
    Path(str(target) + ".mapping.json").write_text(json.dumps(ES_MAPPING, indent=2), encoding="utf-8")
    return n
