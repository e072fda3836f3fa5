"""Writers for records: JSON Lines, CSV and Parquet, and a pandas DataFrame view.

Given the record ``kind``, tables have the columns and types of :mod:`kaznlp.records`: ``value`` numeric with date
strings in ``value_edtf``, lists as JSON text, the same columns whatever the records hold. pandas and pyarrow are
imported when a table is written.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

from .records import column_types, table_columns, table_row

__all__ = ["FORMATS", "to_dataframe", "write_records", "FACT_COLUMNS", "ENTITY_COLUMNS"]

FORMATS = ("jsonl", "csv", "parquet")
# a lone surrogate (a str can hold one; UTF-8 cannot): JSON Lines escape it (\ud800), tables hold U+FFFD for it,
# one character for one, so that offsets stay true. A high surrogate just before a low one would read back from
# JSON as one character (a pair): such two are U+FFFD U+FFFD in JSON too.
_SURROGATE = re.compile("[\ud800-\udfff]")
_PAIR = re.compile("[\ud800-\udbff][\udc00-\udfff]")


#: U+0085, U+2028 and U+2029 are valid in a JSON string, but a reader that splits on every line break (Python's
#: str.splitlines) cuts a JSON line there: they are written escaped (the same JSON)
LINE_BREAKS = {0x85: "\\u0085", 0x2028: "\\u2028", 0x2029: "\\u2029"}
_LINE_BREAK = re.compile("[\x85\u2028\u2029]")


def _json_line(r: dict[str, Any]) -> str:
    line = json.dumps(r, ensure_ascii=False, allow_nan=False)
    if _LINE_BREAK.search(line):
        line = line.translate(LINE_BREAKS)
    if not _SURROGATE.search(line):
        return line
    line = _PAIR.sub("\ufffd\ufffd", line)  # a surrogate is only ever inside a JSON string: escaped, it stays one
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", line)


def _cell(v: Any) -> Any:
    return _SURROGATE.sub("\ufffd", v) if isinstance(v, str) and _SURROGATE.search(v) else v


FACT_COLUMNS = table_columns("fact")
ENTITY_COLUMNS = table_columns("entity")


def _typed_frame(rows: list[dict[str, Any]], types: list[tuple[str, str]]):
    import pandas as pd

    dtypes = {"integer": "Int64", "number": "float64"}
    return pd.DataFrame(
        {c: pd.Series([r[c] for r in rows], dtype=dtypes.get(t, "object")) for c, t in types},
        columns=[c for c, _ in types],
    )


def to_dataframe(records: Iterable[dict[str, Any]], columns: list[str] | None = None, kind: str | None = None):
    """Records as a pandas DataFrame. With ``kind`` (``fact``, ``entity``, ``document``): the table of
    :mod:`kaznlp.records`. Without: a column per key (``columns`` first), ``value`` an object column (numbers and
    EDTF date strings)."""
    import pandas as pd

    if kind is not None:
        return _typed_frame([table_row(kind, r) for r in records], column_types(kind))
    df = pd.DataFrame.from_records(list(records))
    if columns:
        for c in columns:
            if c not in df.columns:
                df[c] = None
        df = df[columns + [c for c in df.columns if c not in columns]]
    return df


def _write_parquet(rows: list[dict[str, Any]], types: list[tuple[str, str]], out: Any) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    arrow = {"string": pa.string(), "integer": pa.int64(), "number": pa.float64(), "json": pa.string()}
    schema = pa.schema([(c, arrow[t]) for c, t in types])
    table = pa.table({c: pa.array([r[c] for r in rows], type=arrow[t]) for c, t in types}, schema=schema)
    pq.write_table(table, out)


def write_records(
    records: Iterable[dict[str, Any]],
    fmt: str,
    out: str | Path | None,
    kind: str | None = None,
    source: str = "extract",
) -> int:
    """Write records to ``out`` (a path; None or ``-``: stdout for jsonl/csv; or an open stream: text for jsonl and
    csv, binary for parquet) and return how many were written. CSV and
    Parquet take the columns of ``kind`` records (``source``: ``extract`` or ``batch``, see
    :func:`kaznlp.records.column_types`); without a kind, one column per key, lists as JSON text."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    is_stream = hasattr(out, "write")
    to_stdout = not is_stream and (out is None or str(out) == "-")
    if fmt == "jsonl":
        if is_stream:
            stream: IO[str] = out  # type: ignore[assignment]
        else:
            stream = sys.stdout if to_stdout else open(out, "w", encoding="utf-8")  # noqa: SIM115
        n = 0
        try:
            for r in records:
                stream.write(_json_line(r) + "\n")
                n += 1
        finally:
            if not to_stdout and not is_stream:
                stream.close()
        return n
    if fmt == "parquet" and to_stdout:
        raise ValueError("parquet needs an output file: use -o FILE")
    if kind is None:
        rows = [{k: _cell(json.dumps(v, ensure_ascii=False)) if isinstance(v, (list, dict)) else _cell(v)
                 for k, v in r.items()} for r in records]  # fmt: skip
        df = to_dataframe(rows)
    else:
        types = column_types(kind, source)
        rows = [{k: _cell(v) for k, v in table_row(kind, r, source).items()} for r in records]
        if fmt == "parquet":
            _write_parquet(rows, types, out)
            return len(rows)
        df = _typed_frame(rows, types)
    if fmt == "csv":
        # a lone CR ends a row for CSV readers, and the writer quotes only fields with a LF: then quote them all
        cr = any(isinstance(v, str) and "\r" in v for r in rows for v in r.values())
        df.to_csv(sys.stdout if to_stdout else out, index=False, quoting=csv.QUOTE_ALL if cr else csv.QUOTE_MINIMAL)
    else:
        df.to_parquet(out, index=False)
    return len(df)
