"""The embedded index: batch outputs loaded into SQLite with FTS5 over document text and fact context, and the
search behind ``kaznlp search``; and the Elasticsearch/OpenSearch bulk export for archives that outgrow SQLite."""

from __future__ import annotations

import json
import os
import re
import sqlite3
import zlib
from collections.abc import Iterator
from datetime import date as Date
from pathlib import Path
from typing import Any

from .. import records
from ..errors import KaznlpError, NothingToDo, UsageError
from ..writers import LINE_BREAKS
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


_SQLITE_HEADER = b"SQLite format 3\x00"
_SHARD_ERRORS = (OSError, EOFError, ValueError, zlib.error, KeyError, TypeError)


def _shards(outdir: str | Path) -> tuple[Path, list[Path]]:
    out = Path(outdir)
    if not out.is_dir():
        raise UsageError(f"{out}: no such folder; give the -o folder of a `kaznlp batch` run")
    shards = sorted(out.glob("documents-*.jsonl.gz"))
    if not shards:
        raise NothingToDo(
            f"{out}: no batch shards (documents-*.jsonl.gz) in it; run `kaznlp batch INPUTS -o {out}` first"
        )
    return out, shards


def _check_db_target(db: Path) -> None:
    """``db`` may be replaced: a new file, or an SQLite database (never another kind of file)."""
    if not db.parent.is_dir():
        raise UsageError(f"{db.parent}: no such folder for --db; create it or give another path")
    if db.is_dir():
        raise UsageError(f"{db} is a folder; give --db a file name")
    if db.exists() and db.stat().st_size:
        with open(db, "rb") as f:
            if f.read(len(_SQLITE_HEADER)) != _SQLITE_HEADER:
                raise UsageError(f"{db} exists and is not an SQLite database; give --db a new file or a kaznlp index")


def _read_shard_set(out: Path, doc_shard: Path) -> tuple[list[dict], dict[str, list[dict]]]:
    """A committed shard's document rows and its facts' and entities' rows, read whole (it is one unit)."""
    k = doc_shard.name.split("-")[1].split(".")[0]
    docs = []
    for d in read_shard(doc_shard):
        row = records.table_row("document", d, "batch")
        row["n_facts"], row["n_entities"] = len(d.get("facts", ())), len(d.get("entities", ()))
        docs.append(row)
    parts = {
        table: [records.table_row(kind, r, "batch") for r in read_shard(out / f"{table}-{k}.jsonl.gz")]
        for table, kind in (("facts", "fact"), ("entities", "entity"))
    }
    return docs, parts


def build_index(outdir: str | Path, db: str | Path) -> dict[str, Any]:
    """Load every committed shard of a batch run into the SQLite database ``db`` (replacing what was there; the
    database is built aside and moved into place whole). Returns the counts of the tables, and ``damaged``: the
    shards that could not be read (left out, with their facts and entities), and ``replaced``: documents whose id
    an earlier document of the run had (shards written before ids were made unique in a run)."""
    out, shards = _shards(outdir)
    db = Path(db)
    _check_db_target(db)
    tmp = db.with_name(db.name + ".kaznlp-tmp")
    tmp.unlink(missing_ok=True)
    n: dict[str, Any] = {"documents": 0, "facts": 0, "entities": 0, "damaged": [], "replaced": 0}
    try:
        con = sqlite3.connect(tmp)
        try:
            con.executescript(schema_sql())
            read = 0
            for p in shards:
                try:
                    docs, parts = _read_shard_set(out, p)
                except _SHARD_ERRORS:
                    n["damaged"].append(p.name)
                    continue
                _insert(con, "documents", docs, "INSERT OR REPLACE")
                read += len(docs)
                for table, rows in parts.items():
                    _insert(con, table, rows)
            con.execute("INSERT INTO documents_fts(documents_fts) VALUES ('rebuild')")
            con.execute("INSERT INTO facts_fts(facts_fts) VALUES ('rebuild')")
            con.commit()
            for table in TABLES:
                n[table] = con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            n["replaced"] = read - n["documents"]
        finally:
            con.close()
        os.replace(tmp, db)
    except (sqlite3.Error, OSError) as exc:  # a full disk, mostly: the old index stays as it was
        tmp.unlink(missing_ok=True)
        raise KaznlpError(f"cannot build the index {db} ({exc}); free space or give --db another place") from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return n


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
    """A user's words as an FTS5 query: each word a quoted prefix term, all required; words without a letter
    or digit are left out."""
    words = [w.replace('"', "") for w in q.split()]
    return " ".join(f'"{w}"*' for w in words if re.search(r"[^\W_]", w))


def _date(value: str | None, option: str) -> str | None:
    if value is None:
        return None
    try:
        return Date.fromisoformat(value).isoformat()
    except ValueError:
        raise UsageError(f"{option} {value!r} is not a date YYYY-MM-DD") from None


def _like(s: str) -> str:
    """``s`` as a LIKE pattern for "contains": its own ``%`` and ``_`` taken literally (``ESCAPE '!'``)."""
    return "%" + s.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%"


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
    index's path (opened read-only), or an open connection (left open; :func:`connect` opens one read-only).
    :class:`~kaznlp.errors.UsageError` for a query without words, a date that is not YYYY-MM-DD, a ``db`` that is
    not a kaznlp index."""
    date_from, date_to = _date(date_from, "--from"), _date(date_to, "--to")
    fts = None
    if query is not None and query.strip():
        fts = _fts_query(query)
        if not fts:
            raise UsageError(f"the query {query!r} has no words to search for; give words, or leave it out")
    own = not isinstance(db, sqlite3.Connection)
    if own:
        path = Path(db)
        if not path.is_file():
            raise UsageError(f"{path}: no such index; build one with `kaznlp index OUTDIR --db {path}`")
        con = connect(path, readonly=True)
    else:
        con = db
    where, args = [], []
    sql = (
        'SELECT f.doc, f.type, f.text, f.start, f."end", f.value, f.value_edtf, f.value_max, f.unit, f.qualifier,'
        " f.object, f.indicator, f.context, d.title, d.doc_date, d.url FROM facts f JOIN documents d ON d.id = f.doc"
    )
    order = "d.doc_date DESC, f.doc, f.start"
    if fts:
        sql += " JOIN facts_fts ON facts_fts.rowid = f.rowid"
        where.append("facts_fts MATCH ?")
        args.append(fts)
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
            "f.\"end\" + 300 AND (e.base LIKE ? ESCAPE '!' OR e.text LIKE ? ESCAPE '!')) "
            "OR f.context LIKE ? ESCAPE '!')"
        )
        args += [_like(entity)] * 3
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += f" ORDER BY {order} LIMIT ?"
    args.append(limit)
    cur = con.cursor()
    cur.row_factory = sqlite3.Row
    try:
        for row in cur.execute(sql, args):
            yield dict(row)
    except sqlite3.DatabaseError as exc:  # not SQLite, or no kaznlp tables, or a query FTS5 refuses
        if fts and "fts5" in str(exc):
            raise UsageError(f"the query {query!r} cannot be searched ({exc}); give plain words") from None
        what = f"{db} is not a kaznlp index ({exc})"
        raise UsageError(f"{what}; build one with `kaznlp index OUTDIR --db {db}`") from None
    finally:
        cur.close()
        if own:
            con.close()


ES_MAPPING = records.es_mapping()


def export_es(outdir: str | Path, target: str | Path, index: str = "kaznlp") -> dict[str, int]:
    """Elasticsearch/OpenSearch bulk NDJSON (documents, facts, entities in one index, told apart by ``kind``)
    and ``<target>.mapping.json``; bodies and mapping from :mod:`kaznlp.records`."""
    out, shards = _shards(outdir)
    target = Path(target)
    if not target.parent.is_dir():
        raise UsageError(f"{target.parent}: no such folder for -o; create it or give another path")
    n = {"documents": 0, "facts": 0, "entities": 0}

    def line(obj: dict[str, Any]) -> str:  # line breaks other than \n escaped, as in JSON Lines (writers.py)
        return json.dumps(obj, ensure_ascii=False).translate(LINE_BREAKS) + "\n"

    def write(f: Any, rid: str, body: dict[str, Any]) -> None:
        f.write(line({"index": {"_index": index, "_id": rid}}))
        f.write(line(body))

    with open(target, "w", encoding="utf-8") as f:
        for p in shards:
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
