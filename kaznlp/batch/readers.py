"""Readers that stream documents out of news archives, never loading an archive whole.

Inputs: directory trees; ``.txt`` files (one document each); JSON Lines and CSV files with one article a row
(field names configurable); and ``.gz``, ``.zip``, ``.tar``, ``.tar.gz``/``.tgz`` archives of those. Text files
are decoded with :func:`kaznlp.io.decode_bytes`; what cannot be read becomes a document with an ``error``.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import sys
import tarfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from ..io import InputError, decode_bytes

__all__ = ["RawDoc", "DEFAULT_FIELDS", "iter_documents", "MAX_DOC_BYTES"]

DEFAULT_FIELDS = {"id": "id", "title": "title", "text": "text", "date": "date", "url": "url"}
MAX_DOC_BYTES = 64 * 1024 * 1024  # a larger single document is an error record, not a memory spike
_TEXT_EXT = (".txt",)
_ROW_EXT = (".jsonl", ".ndjson", ".csv")
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


@dataclass
class RawDoc:
    """One input document: its id, text (or the error that kept it from being read) and metadata."""

    id: str
    text: str | None
    meta: dict[str, Any] = field(default_factory=dict)
    error: str | None = None
    message: str | None = None


def _from_bytes(doc_id: str, data: bytes, meta: dict[str, Any] | None = None) -> RawDoc:
    if len(data) > MAX_DOC_BYTES:
        return RawDoc(doc_id, None, meta or {}, "too_large", f"{doc_id}: {len(data):,} bytes, over {MAX_DOC_BYTES:,}")
    try:
        return RawDoc(doc_id, decode_bytes(data, doc_id), meta or {})
    except InputError as exc:
        return RawDoc(doc_id, None, meta or {}, exc.kind, str(exc))


def _rows_jsonl(stream: IO[bytes], source: str, fields: dict[str, str]) -> Iterator[RawDoc]:
    for lineno, raw in enumerate(stream, 1):
        if not raw.strip():
            continue
        rid = f"{source}:{lineno}"
        try:
            rec = json.loads(raw)
            if not isinstance(rec, dict):
                raise ValueError("not a JSON object")
        except (ValueError, UnicodeDecodeError) as exc:
            yield RawDoc(rid, None, {}, "format", f"{rid}: bad JSON line ({exc})")
            continue
        yield _row(rec, rid, fields)


def _rows_csv(stream: IO[bytes], source: str, fields: dict[str, str]) -> Iterator[RawDoc]:
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", errors="replace", newline="")
    for lineno, rec in enumerate(csv.DictReader(text), 2):
        yield _row(rec, f"{source}:{lineno}", fields)


def _row(rec: dict[str, Any], rid: str, fields: dict[str, str]) -> RawDoc:
    doc_id = str(rec.get(fields["id"]) or rid)
    meta = {k: rec.get(fields[k]) for k in ("title", "date", "url") if rec.get(fields[k]) not in (None, "")}
    text = rec.get(fields["text"])
    if not isinstance(text, str) or not text.strip():
        return RawDoc(doc_id, None, meta, "empty", f"{doc_id}: no text in field {fields['text']!r}")
    return RawDoc(doc_id, text, meta)


def _dispatch(name: str, opener, source: str, fields: dict[str, str]) -> Iterator[RawDoc]:
    """Documents of one file-like member called ``name``; ``opener()`` returns a binary stream."""
    low = name.lower()
    if low.endswith(".gz") and not low.endswith((".tar.gz", ".tgz")):
        inner = name[:-3]
        yield from _dispatch(inner, lambda: gzip.open(opener()), source[:-3] if source.endswith(".gz") else source,
                             fields)  # fmt: skip
        return
    if low.endswith((".tar", ".tar.gz", ".tgz")):
        with opener() as raw, tarfile.open(fileobj=raw, mode="r|*") as tar:
            for m in tar:
                if m.isfile():
                    f = tar.extractfile(m)
                    if f is not None:
                        yield from _dispatch(m.name, lambda f=f: f, f"{source}!{m.name}", fields)
        return
    if low.endswith(".zip"):
        with opener() as raw:
            data = raw if hasattr(raw, "seek") else io.BytesIO(raw.read())
            with zipfile.ZipFile(data) as zf:
                for info in zf.infolist():
                    if not info.is_dir():
                        yield from _dispatch(info.filename, lambda i=info: zf.open(i), f"{source}!{info.filename}",
                                             fields)  # fmt: skip
        return
    if low.endswith(_ROW_EXT):
        with opener() as stream:
            rows = _rows_csv if low.endswith(".csv") else _rows_jsonl
            yield from rows(stream, source, fields)
        return
    if low.endswith(_TEXT_EXT):
        with opener() as stream:
            data = stream.read(MAX_DOC_BYTES + 1)
        doc_id = source[: -len(".txt")] if source.lower().endswith(".txt") else source
        yield _from_bytes(doc_id, data)


def _known(name: str) -> bool:
    low = name.lower()
    return low.endswith(_TEXT_EXT + _ROW_EXT + (".gz", ".zip", ".tar", ".tgz"))


def iter_documents(paths: list[str | Path], fields: dict[str, str] | None = None) -> Iterator[RawDoc]:
    """Stream the documents of files, directories (walked in sorted order) and archives."""
    f = dict(DEFAULT_FIELDS, **(fields or {}))
    for p in map(Path, paths):
        if p.is_dir():
            for q in sorted(x for x in p.rglob("*") if x.is_file() and _known(x.name)):
                yield from _dispatch(q.name, lambda q=q: open(q, "rb"), str(q.relative_to(p.parent)), f)
        elif p.exists():
            yield from _dispatch(p.name, lambda p=p: open(p, "rb"), p.name, f)
        else:
            yield RawDoc(str(p), None, {}, "missing", f"{p}: no such file or directory")
