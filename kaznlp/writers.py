"""Writers for records: JSON Lines, CSV and Parquet (pandas + pyarrow), and a pandas DataFrame view."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

__all__ = ["FORMATS", "to_dataframe", "write_records", "FACT_COLUMNS", "ENTITY_COLUMNS"]

FORMATS = ("jsonl", "csv", "parquet")
FACT_COLUMNS = [
    "doc", "type", "text", "start", "end", "value", "value_max", "unit", "qualifier", "object",
    "indicator", "sentence", "context",
]  # fmt: skip
ENTITY_COLUMNS = ["doc", "label", "text", "start", "end", "source", "base"]


def to_dataframe(records: Iterable[dict[str, Any]], columns: list[str] | None = None):
    """Records as a pandas DataFrame; ``value`` stays an object column (numbers and EDTF date strings)."""
    import pandas as pd

    df = pd.DataFrame.from_records(list(records))
    if columns:
        for c in columns:
            if c not in df.columns:
                df[c] = None
        df = df[columns + [c for c in df.columns if c not in columns]]
    return df


def _flatten_for_table(rec: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for k, v in rec.items():
        out[k] = json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v
    return out


def _write_parquet_arrow(rows: list[dict[str, Any]], columns: list[str] | None, out) -> bool:
    """Parquet straight through pyarrow (several times faster than through pandas); False when a column holds
    values of mixed types that pyarrow will not take, and pandas must do it."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    names = list(columns or [])
    for r in rows:
        names += [k for k in r if k not in names]
    data: dict[str, list] = {n: [r.get(n) for r in rows] for n in names}
    for col in ("value", "value_max"):
        if col in data:
            values = data[col]
            data[col + "_edtf"] = [v if isinstance(v, str) else None for v in values]
            data[col] = [None if isinstance(v, str) or v is None else float(v) for v in values]
    try:
        table = pa.table({n: pa.array(v, type=pa.float64() if n in ("value", "value_max") else None)
                          for n, v in data.items()})  # fmt: skip
    except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError):
        return False
    pq.write_table(table, out)
    return True


def write_records(
    records: Iterable[dict[str, Any]],
    fmt: str,
    out: str | Path | None,
    columns: list[str] | None = None,
) -> int:
    """Write records to ``out`` (None or ``-``: stdout for jsonl/csv) and return how many were written."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    to_stdout = out is None or str(out) == "-"
    if fmt == "jsonl":
        stream: IO[str] = sys.stdout if to_stdout else open(out, "w", encoding="utf-8")  # noqa: SIM115
        n = 0
        try:
            for r in records:
                stream.write(json.dumps(r, ensure_ascii=False) + "\n")
                n += 1
        finally:
            if not to_stdout:
                stream.close()
        return n
    rows = [_flatten_for_table(r) if any(isinstance(v, (list, dict)) for v in r.values()) else r for r in records]
    if fmt == "parquet" and to_stdout:
        raise ValueError("parquet needs an output file: use -o FILE")
    if fmt == "parquet" and _write_parquet_arrow(rows, columns, out):
        return len(rows)
    df = to_dataframe(rows, columns)
    for col in ("value", "value_max"):
        if col in df.columns:  # tables keep numbers numeric; EDTF date strings go to their own column
            df[col + "_edtf"] = df[col].map(lambda v: v if isinstance(v, str) else None)
            df[col] = df[col].map(lambda v: None if isinstance(v, str) or v is None else float(v)).astype("float64")
    if fmt == "csv":
        df.to_csv(sys.stdout if to_stdout else out, index=False)
    else:
        df.to_parquet(out, index=False)
    return len(df)
