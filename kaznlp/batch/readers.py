"""Readers that stream documents out of news archives, never loading an archive whole.

Inputs: directory trees; ``.txt`` files (one document each); JSON Lines and CSV files with one article a row
(field names configurable); and ``.gz``, ``.zip``, ``.tar``, ``.tar.gz``/``.tgz`` archives of those. A file named
as an input with another name is read as one text. Text files are decoded with :func:`kaznlp.io.decode_bytes`,
CSV files in the encoding their first bytes show (:func:`kaznlp.io.sniff_encoding`); what cannot be read becomes
a document with an ``error``: a file that cannot be opened (``missing``, ``unreadable``), a document over
:data:`kaznlp.io.MAX_INPUT_BYTES` (``too_large``), a bad row, and an archive that is cut or corrupt (``format``,
once, for the part that could not be read: the documents before it are kept). No reader error stops the stream.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
import re
import tarfile
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from ..io import MAX_INPUT_BYTES, InputError, decode_bytes, input_error, sniff_encoding, walk

__all__ = ["RawDoc", "DEFAULT_FIELDS", "iter_documents", "MAX_DOC_BYTES", "KNOWN_SUFFIXES"]

DEFAULT_FIELDS = {"id": "id", "title": "title", "text": "text", "date": "date", "url": "url"}
MAX_DOC_BYTES = MAX_INPUT_BYTES  # a larger single document is an error record, not a memory spike
_NESTED_ZIP_BYTES = 4 * MAX_INPUT_BYTES  # a zip inside a tar or gzip is read into memory: at most this
_TEXT_EXT = (".txt",)
_ROW_EXT = (".jsonl", ".ndjson", ".csv")
_ARCHIVE_EXT = (".gz", ".zip", ".tar", ".tgz")
KNOWN_SUFFIXES = _TEXT_EXT + _ROW_EXT + _ARCHIVE_EXT  # the files taken from folders and archives
_SNIFF = 65536
csv.field_size_limit(MAX_INPUT_BYTES)  # a larger CSV field is an error record for its row
_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass
class RawDoc:
    """One input document: its id, text (or the error that kept it from being read) and metadata."""

    id: str
    text: str | None
    meta: dict[str, Any] = field(default_factory=dict)
    error: str | None = None
    message: str | None = None


def _one_line(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {' '.join(str(exc).split())}" if str(exc) else type(exc).__name__


def _clean(s: str) -> str:
    """A string from JSON may hold a lone surrogate (``"\\ud800"``), which no UTF-8 output can hold: U+FFFD for
    it, one character for one."""
    try:
        s.encode("utf-8")
        return s
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", s)


def _doc_id(source: str) -> str:
    """The id of a text file's document: its path in the run without ``.txt``."""
    return source[: -len(".txt")] if source.lower().endswith(".txt") else source


def _from_bytes(doc_id: str, data: bytes, meta: dict[str, Any] | None = None) -> RawDoc:
    if len(data) > MAX_DOC_BYTES:
        return RawDoc(doc_id, None, meta or {}, "too_large",
                      f"{doc_id}: over {MAX_DOC_BYTES:,} bytes, the limit of a document; split it")  # fmt: skip
    try:
        return RawDoc(doc_id, decode_bytes(data, doc_id), meta or {})
    except InputError as exc:
        return RawDoc(doc_id, None, meta or {}, exc.kind, str(exc))


def _lines(stream: IO[bytes]) -> Iterator[bytes | None]:
    """The lines of a stream, each read with a bound: None for a line over :data:`MAX_DOC_BYTES` (skipped)."""
    while True:
        raw = stream.readline(MAX_DOC_BYTES + 1)
        if not raw:
            return
        if len(raw) > MAX_DOC_BYTES and not raw.endswith(b"\n"):
            while (more := stream.readline(1 << 20)) and not more.endswith(b"\n"):
                pass
            yield None
            continue
        yield raw


def _rows_jsonl(stream: IO[bytes], source: str, fields: dict[str, str]) -> Iterator[RawDoc]:
    for lineno, raw in enumerate(_lines(stream), 1):
        rid = f"{source}:{lineno}"
        if raw is None:
            yield RawDoc(rid, None, {}, "too_large", f"{rid}: a line over {MAX_DOC_BYTES:,} bytes")
            continue
        if not raw.strip():
            continue
        try:
            rec = json.loads(raw)
            if not isinstance(rec, dict):
                raise ValueError("not a JSON object")
        except (ValueError, UnicodeDecodeError, RecursionError) as exc:
            yield RawDoc(rid, None, {}, "format", f"{rid}: bad JSON line ({' '.join(str(exc).split())})")
            continue
        yield _row(rec, rid, fields)


class _Sequential(io.RawIOBase):
    """A stream that can only be read forwards (a tar member read from a stream), as ``io`` wants it to look."""

    def __init__(self, f: IO[bytes]) -> None:
        self.f = f

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return False

    def readinto(self, b: Any) -> int:
        # read1: what one read of the stream gives; a cut stream gives all it has before it fails
        data = self.f.read1(len(b)) if hasattr(self.f, "read1") else self.f.read(len(b))
        b[: len(data)] = data
        return len(data)


def _rows_csv(stream: IO[bytes], source: str, fields: dict[str, str]) -> Iterator[RawDoc]:
    buffered = io.BufferedReader(_Sequential(stream), buffer_size=_SNIFF)
    encoding = sniff_encoding(buffered.peek(_SNIFF)[:_SNIFF])
    text = io.TextIOWrapper(buffered, encoding=encoding, errors="replace", newline="")
    reader = csv.DictReader(text)
    lineno = 1
    while True:
        lineno += 1
        try:
            rec = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            rid = f"{source}:{lineno}"
            kind = "too_large" if "field limit" in str(exc) else "format"
            yield RawDoc(rid, None, {}, kind, f"{rid}: bad CSV row ({exc})")
            continue
        yield _row(rec, f"{source}:{lineno}", fields)


def _row(rec: dict[str, Any], rid: str, fields: dict[str, str]) -> RawDoc:
    doc_id = _clean(str(rec.get(fields["id"]) or rid))
    meta = {k: rec.get(fields[k]) for k in ("title", "date", "url") if rec.get(fields[k]) not in (None, "")}
    meta = {k: _clean(v) if isinstance(v, str) else v for k, v in meta.items()}
    text = rec.get(fields["text"])
    if not isinstance(text, str) or not text.strip():
        return RawDoc(doc_id, None, meta, "empty", f"{doc_id}: no text in field {fields['text']!r}")
    if len(text) > MAX_DOC_BYTES:
        return RawDoc(doc_id, None, meta, "too_large", f"{doc_id}: a text over {MAX_DOC_BYTES:,} characters")
    return RawDoc(doc_id, _clean(text), meta)


def _broken(source: str, exc: BaseException, what: str = "archive") -> RawDoc:
    return RawDoc(source, None, {}, "format",
                  f"{source}: a cut or corrupt {what}, read up to here ({_one_line(exc)})")  # fmt: skip


def _dispatch(name: str, opener: Callable[[], IO[bytes]], source: str, fields: dict[str, str],
              named: bool = False) -> Iterator[RawDoc]:  # fmt: skip
    """Documents of one file-like member called ``name``; ``opener()`` returns a binary stream; ``named``: a
    file named as an input, which is read as a text whatever its name. A stream that breaks gives one error
    document (``format``) after the documents read before the break."""
    low = name.lower()
    try:
        if low.endswith(".gz") and not low.endswith((".tar.gz", ".tgz")):
            inner = name[:-3]
            yield from _dispatch(inner, lambda: gzip.open(opener()), source[:-3] if source.endswith(".gz") else source,
                                 fields, named)  # fmt: skip
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
                if isinstance(getattr(raw, "raw", None), io.FileIO):  # a file on disk: zipfile seeks in it
                    data = raw
                else:  # a member of a tar or a gzip stream: forward only (or slow to seek), read whole
                    data = io.BytesIO(raw.read(_NESTED_ZIP_BYTES + 1))
                    if len(data.getbuffer()) > _NESTED_ZIP_BYTES:
                        msg = f"{source}: a zip inside an archive, over {_NESTED_ZIP_BYTES:,} bytes"
                        yield RawDoc(source, None, {}, "too_large", msg)
                        return
                with zipfile.ZipFile(data) as zf:
                    for info in zf.infolist():
                        if not info.is_dir():
                            yield from _dispatch(info.filename, lambda i=info: zf.open(i),
                                                 f"{source}!{info.filename}", fields)  # fmt: skip
            return
        if low.endswith(_ROW_EXT):
            n = 0
            with opener() as stream:
                rows = _rows_csv if low.endswith(".csv") else _rows_jsonl
                for doc in rows(stream, source, fields):
                    n += 1
                    yield doc
            if not n:
                yield RawDoc(source, None, {}, "empty", f"{source}: no rows")
            return
        if low.endswith(_TEXT_EXT) or named:
            with opener() as stream:
                data = stream.read(MAX_DOC_BYTES + 1)
            yield _from_bytes(_doc_id(source), data)
    except OSError as exc:
        if exc.errno is not None and not isinstance(exc, gzip.BadGzipFile):  # opening failed: the file itself
            err = input_error(exc, source)
            yield RawDoc(_doc_id(source), None, {}, err.kind, str(err))
        else:
            yield _broken(source, exc)
    except Exception as exc:  # noqa: BLE001 - a cut or corrupt stream of any kind: one error, the stream goes on
        yield _broken(source, exc)


def iter_documents(paths: list[str | Path], fields: dict[str, str] | None = None) -> Iterator[RawDoc]:
    """Stream the documents of files, directories (walked in sorted order) and archives."""
    for doc in _documents(paths, fields):
        if doc.message is not None:
            doc.message = _clean(doc.message)
        doc.id = _clean(doc.id)  # a file name that is not UTF-8 holds surrogates (os.fsdecode)
        yield doc


def _documents(paths: list[str | Path], fields: dict[str, str] | None) -> Iterator[RawDoc]:
    f = dict(DEFAULT_FIELDS, **(fields or {}))
    for p in map(Path, paths):
        try:
            is_dir = p.is_dir()
            os.stat(p)
        except OSError as exc:
            err = input_error(exc, str(p))
            yield RawDoc(str(p), None, {}, err.kind, str(err))
            continue
        if is_dir:
            for q, err in walk(p, KNOWN_SUFFIXES):
                rel = str(q.relative_to(p.parent))
                if err is not None:
                    yield RawDoc(_doc_id(rel), None, {}, err.kind, str(err).replace(str(q), rel, 1))
                else:
                    yield from _dispatch(q.name, lambda q=q: open(q, "rb"), rel, f)
        else:
            yield from _dispatch(p.name, lambda p=p: open(p, "rb"), p.name, f, named=True)
