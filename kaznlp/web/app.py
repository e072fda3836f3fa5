"""``kaznlp serve``: a local web application over the pipeline and an index (Starlette, served by uvicorn).

Pages: ``/`` (paste or upload a release, see it rendered, download its records), ``/search`` (with an index:
the filters of ``kaznlp search``, results with the fact marked in its sentence, an overview of the archive),
``/doc?id=`` (a document of the index rendered). API: ``POST /api/extract`` and ``GET /api/search`` answer with
the records of ``kaznlp extract`` and ``kaznlp search`` (``format=jsonl`` or ``csv``: the CLI's very bytes);
``GET /api/schema/<kind>`` gives the shipped JSON Schemas.

Safe by default: every piece of text is escaped; a request body over ``max_upload`` bytes gets 413 (a page, or
an error record ``too_large`` on ``/api/``); empty, binary and undecodable input gets a message and an error
record, never a traceback; extraction runs in worker threads, so a slow one does not hold up other requests;
the index is opened read-only; pages may load only from this server (Content-Security-Policy), and with
``allowed_hosts`` (what ``kaznlp serve`` sets on loopback) requests for other host names are refused, which keeps
other web sites from reading the API through DNS rebinding.
"""

from __future__ import annotations

import base64
import binascii
import io
import json
import logging
import re
import sqlite3
import threading
from collections.abc import Callable, Mapping, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

import anyio
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from .. import errors, records
from ..batch import index as archive
from ..io import InputError, decode_bytes
from ..langid import LANGUAGE_NAMES, LANGUAGES, identify, keeps
from ..writers import write_records
from .render import document_context, environment, highlight

__all__ = ["create_app", "DEFAULT_MAX_UPLOAD", "LOOPBACK_HOSTS", "Input", "UsageError"]

log = logging.getLogger("kaznlp.web")

DEFAULT_MAX_UPLOAD = 1024 * 1024  # bytes of a request body; a release is a few kilobytes
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1", "[::1]")
RECORD_KINDS = {"facts": "fact", "entities": "entity", "documents": "document"}
MAX_SEARCH_LIMIT = 1000
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; "
    "base-uri 'none'; frame-ancestors 'none'"
)
_STATUS = {"too_large": 413, "extractor": 500}  # other input errors (empty, binary, encoding, language): 422
_TITLES = {
    "empty": "Nothing to read",
    "binary": "Not a text file",
    "encoding": "Unknown text encoding",
    "language": "Not read: its language or script",
    "too_large": "Too large",
    "extractor": "The extractor failed",
}


class UsageError(errors.UsageError):
    """A bad parameter (HTTP 400): not an input problem, so no error record. The pages and the API answer 400 to
    any :class:`kaznlp.errors.UsageError`, this one or one of ``kaznlp.batch.index.search`` (a query of no
    words)."""


class _TooLarge(Exception):
    pass


def human_bytes(n: int) -> str:
    """A size for people: ``512 bytes``, ``1 MiB``, ``2.4 MiB``."""
    size = float(n)
    for unit in ("bytes", "KiB", "MiB"):
        if size < 1024:
            return f"{size:g} {unit}" if unit == "bytes" else f"{size:.3g} {unit}"
        size /= 1024
    return f"{size:.3g} GiB"


# ---------------------------------------------------------------- middleware
class BodyLimit:
    """Refuse request bodies over ``limit`` bytes with 413: at once where Content-Length says so, else as soon as
    the body read so far passes it. What the client still sends is read and dropped (up to 64 times the limit),
    so that a browser gets to show the answer instead of a reset connection."""

    def __init__(self, app: Any, limit: int, answer: Callable[[Any, int], Response]) -> None:
        self.app, self.limit, self.answer = app, limit, answer

    async def _refuse(self, scope: Any, receive: Any, send: Any, size: int, more: bool) -> None:
        drained = 0
        while more and drained <= 64 * self.limit:
            msg = await receive()
            if msg["type"] != "http.request":
                break
            drained += len(msg.get("body", b""))
            more = msg.get("more_body", False)
        await self.answer(scope, size)(scope, receive, send)

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = dict(scope["headers"]).get(b"content-length")
        if length is not None and length.isdigit() and int(length) > self.limit:
            await self._refuse(scope, receive, send, int(length), True)
            return
        received = 0
        started = False
        last_more = [True]

        async def limited() -> Any:
            nonlocal received
            msg = await receive()
            if msg["type"] == "http.request":
                received += len(msg.get("body", b""))
                last_more[0] = msg.get("more_body", False)
                if received > self.limit:
                    raise _TooLarge()
            return msg

        async def sending(msg: Any) -> None:
            nonlocal started
            started = started or msg["type"] == "http.response.start"
            await send(msg)

        try:
            await self.app(scope, limited, sending)
        except _TooLarge:
            if started:
                raise
            await self._refuse(scope, receive, send, received, last_more[0])


class SecurityHeaders:
    """Headers on every response: a Content-Security-Policy that lets a page load only from this server and run no
    inline script, no MIME sniffing, no referrer, no framing."""

    HEADERS = [
        (b"content-security-policy", CSP.encode()),
        (b"x-content-type-options", b"nosniff"),
        (b"referrer-policy", b"no-referrer"),
        (b"x-frame-options", b"DENY"),
        (b"cross-origin-resource-policy", b"same-origin"),
    ]

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def sending(msg: Any) -> None:
            if msg["type"] == "http.response.start":
                msg["headers"] = list(msg.get("headers", [])) + self.HEADERS
            await send(msg)

        await self.app(scope, receive, sending)


# ---------------------------------------------------------------- input
@dataclass
class Input:
    """One text to process and how: what a request to the extract page or ``POST /api/extract`` carries."""

    text: str | None = None
    doc_date: str | None = None
    doc_id: str | None = None
    lang: str = "kk"
    records: str = "documents"
    format: str = "json"
    name: str = "<input>"
    download: bool = False


def _choice(value: str | None, allowed: Sequence[str], name: str, default: str) -> str:
    if value in (None, ""):
        return default
    if value not in allowed:
        raise UsageError(f"{name}: {value!r} is not one of {', '.join(allowed)}")
    return value


def _doc_date(value: str | None) -> str | None:
    if not value:
        return None
    try:
        date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"doc_date: {value!r} is not a date YYYY-MM-DD") from None
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise UsageError(f"doc_date: {value!r} is not a date YYYY-MM-DD")
    return value


def _options(values: Mapping[str, Any], inp: Input) -> Input:
    inp.doc_date = _doc_date(values.get("doc_date"))
    inp.lang = _choice(values.get("lang"), (*LANGUAGES, "any"), "lang", "kk")
    inp.records = _choice(values.get("records"), tuple(RECORD_KINDS), "records", inp.records)
    inp.format = _choice(values.get("format"), ("json", "jsonl", "csv"), "format", "json")
    doc_id = values.get("id")
    if doc_id not in (None, ""):
        inp.doc_id = str(doc_id)
    inp.download = str(values.get("download", "")).lower() in ("1", "true", "yes", "on")
    return inp


async def read_input(request: Request, max_upload: int, page: bool = False) -> Input:
    """The text and options of a request: JSON (``{"text": ...}``), a form (a ``file`` upload or a ``text``
    field), or a raw body (decoded as a file is); options from the query string and the body's fields.
    ``page``: from the extract page, whose browser sends line breaks as CRLF (turned back into LF).
    Raises :class:`InputError` for input that is no text, :class:`UsageError` for bad options."""
    values: dict[str, Any] = dict(request.query_params)
    inp = Input()
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    raw: bytes | None = None
    if ctype in ("multipart/form-data", "application/x-www-form-urlencoded"):
        try:
            form = await request.form(max_files=1, max_fields=32, max_part_size=max_upload)
        except _TooLarge:
            raise
        except Exception as exc:  # a broken form is the client's problem, not a traceback
            raise UsageError(f"the form could not be read: {exc}") from None
        upload = form.get("file")
        for k, v in form.multi_items():
            if isinstance(v, str) and k != "file":
                values[k] = v
        if isinstance(upload, UploadFile) and upload.filename:
            raw = await upload.read()
            inp.name = Path(upload.filename).name
            inp.doc_id = Path(inp.name).stem or None
        elif "text_b64" in values:
            try:
                inp.text = base64.b64decode(values["text_b64"], validate=True).decode("utf-8")
            except (binascii.Error, UnicodeDecodeError):
                raise UsageError("text_b64 is not base64 of UTF-8 text") from None
        else:
            inp.text = values.get("text", "")
            inp.name = "the pasted text"
            if page:
                inp.text = inp.text.replace("\r\n", "\n")
    elif ctype == "application/json":
        try:
            body = json.loads(await request.body())
        except (ValueError, UnicodeDecodeError):
            raise UsageError("the body is not JSON") from None
        if not isinstance(body, dict) or not isinstance(body.get("text"), str):
            raise UsageError('a JSON body is an object with a "text" string')
        values.update({k: v for k, v in body.items() if k != "text" and isinstance(v, str)})
        inp.text = body["text"]
        inp.name = "the text"
    else:
        raw = await request.body()
        inp.name = "<body>"
    _options(values, inp)
    if raw is not None:
        try:
            inp.text = decode_bytes(raw, inp.name)
        except InputError as exc:
            exc.doc_id = inp.doc_id  # type: ignore[attr-defined]
            raise
    elif not (inp.text or "").strip():
        raise InputError("empty", f"{inp.name}: empty input (paste a release or choose a file)")
    return inp


# ---------------------------------------------------------------- the application
class _State:
    def __init__(self, db: str | Path | None, ner: bool, pipeline: Any, max_upload: int, threads: int) -> None:
        self.db = Path(db) if db is not None else None
        self.ner = ner
        self.max_upload = max_upload
        self._pipeline = pipeline
        self._lock = threading.Lock()
        self.limiter = anyio.CapacityLimiter(max(1, threads))

    def pipeline(self) -> Any:
        with self._lock:
            if self._pipeline is None:
                from ..pipeline import load

                self._pipeline = load(ner=self.ner)
            return self._pipeline

    def connect(self) -> sqlite3.Connection:
        assert self.db is not None
        return archive.connect(self.db, readonly=True)


def check_index(db: str | Path) -> dict[str, int]:
    """Open an index read-only and count what it holds; a clear ``ValueError`` for a file that is not one."""
    try:
        con = archive.connect(db, readonly=True)
    except FileNotFoundError as exc:
        raise ValueError(str(exc)) from None
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in archive.TABLES}
    except sqlite3.DatabaseError as exc:
        raise ValueError(f"{db}: not an index built by kaznlp index ({exc})") from None
    finally:
        con.close()


def process(nlp: Any, inp: Input) -> Any:
    """Run the pipeline on an input (in a worker thread): the Document, with its language. The input is kept or
    refused as ``kaznlp extract --lang`` keeps it (``kaznlp.langid.keeps``: with ``kk``, a bilingual post with a
    Kazakh part and a Cyrillic text too short to tell are kept); ``InputError`` ``language`` for one refused, or
    for text whose language cannot be given (words mixing scripts) or is not read (Kazakh in Arabic script)."""
    found = identify(inp.text or "")
    language = found.lang
    if found.problem or not keeps(found, inp.lang):
        if found.problem:
            message = f"{inp.name}: {found.problem}"
        else:
            what = "Kazakh" if inp.lang == "kk" else LANGUAGE_NAMES[inp.lang]
            why = LANGUAGE_NAMES[language] if language != "other" else "no language kaznlp knows"
            message = f"{inp.name}: not {what} text ({language}: {why}); tick 'any language' (lang=any) to process it"
        err = InputError("language", message)
        err.language = language  # type: ignore[attr-defined]
        raise err
    doc = nlp(inp.text, doc_date=inp.doc_date, doc_id=inp.doc_id)
    doc.meta["language"] = language
    return doc


def error_record(exc: InputError, doc_id: str | None) -> dict[str, Any]:
    values: dict[str, Any] = {"id": doc_id}
    if getattr(exc, "language", None):
        values["language"] = exc.language  # type: ignore[attr-defined]
    values.update(error=exc.kind, message=str(exc))
    return records.record("error", values)


def _records_of(doc: Any, kind: str) -> list[dict[str, Any]]:
    if kind == "facts":
        return list(doc.fact_records())
    if kind == "entities":
        return list(doc.entity_records())
    return [doc.to_record()]


_MEDIA = {"jsonl": "application/x-ndjson; charset=utf-8", "csv": "text/csv; charset=utf-8"}
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


def records_response(recs: list[dict[str, Any]], inp: Input, kind: str) -> Response:
    """Records as the API gives them: ``json`` (the document record, or a list of fact or entity records), or the
    CLI's ``jsonl`` and ``csv`` (``kaznlp.writers.write_records``); ``download``: as an attachment."""
    if inp.format == "json":
        body = recs[0] if inp.records == "documents" else recs
        return JSONResponse(body, media_type="application/json; charset=utf-8")
    buf = io.StringIO()
    write_records(recs, inp.format, buf, kind)
    headers = {}
    if inp.download:
        stem = _SAFE_NAME.sub("_", inp.doc_id or "kaznlp").strip("._") or "kaznlp"
        headers["content-disposition"] = f'attachment; filename="{stem}-{inp.records}.{inp.format}"'
    return Response(buf.getvalue(), media_type=_MEDIA[inp.format], headers=headers)


def _float(v: str | None, name: str) -> float | None:
    if v in (None, ""):
        return None
    try:
        return float(v)
    except ValueError:
        raise UsageError(f"{name}: {v!r} is not a number") from None


def search_params(q: Mapping[str, str]) -> dict[str, Any]:
    """The filters of ``kaznlp search`` from a query string, checked (``UsageError``)."""
    limit = q.get("limit") or "50"
    if not limit.isdigit() or not 1 <= int(limit) <= MAX_SEARCH_LIMIT:
        raise UsageError(f"limit: a whole number from 1 to {MAX_SEARCH_LIMIT}, not {limit!r}")
    return {
        "query": (q.get("q") or "").strip() or None,
        "type_": _choice(q.get("type"), records.FACT_TYPES, "type", "") or None,
        "min_value": _float(q.get("min"), "min"),
        "max_value": _float(q.get("max"), "max"),
        "date_from": _doc_date(q.get("from")),
        "date_to": _doc_date(q.get("to")),
        "entity": (q.get("entity") or "").strip() or None,
        "limit": int(limit),
    }


def _context_offset(row: Mapping[str, Any], texts: Callable[[str], str | None]) -> int | None:
    """Where the fact starts in its ``context`` (the sentence, maybe cut): found in the document's text."""
    ctx, text = row.get("context") or "", row["text"]
    hits = [m.start() for m in re.finditer(re.escape(text), ctx)]
    if len(hits) == 1:
        return hits[0]
    doc_text = texts(row["doc"])
    if doc_text is not None and ctx:
        cs = doc_text.find(ctx, max(0, row["end"] - len(ctx)))
        if 0 <= cs <= row["start"] and doc_text[row["start"] : row["end"]] == text:
            return row["start"] - cs
    return hits[0] if hits else None


def search_results(con: sqlite3.Connection, params: dict[str, Any]) -> list[dict[str, Any]]:
    """Rows of :func:`kaznlp.batch.index.search`, each with its context marked (``markup``)."""
    rows = list(archive.search(con, **params))
    cache: dict[str, str | None] = {}

    def texts(doc: str) -> str | None:
        if doc not in cache:
            r = con.execute("SELECT text FROM documents WHERE id = ?", (doc,)).fetchone()
            cache[doc] = r[0] if r else None
        return cache[doc]

    out = []
    for k, r in enumerate(rows):
        off = _context_offset(r, texts)
        ctx = r.get("context") or r["text"]
        fact = records.from_row("fact", {**r, "sentence": 0})
        if off is None:
            markup = highlight(ctx)
        else:
            shifted = {**fact, "start": off, "end": off + len(r["text"])}
            markup = highlight(ctx, [shifted], prefix=f"r{k}-")
        out.append({**r, "fact": fact, "markup": markup})
    return out


def overview(con: sqlite3.Connection) -> dict[str, Any]:
    """Totals, documents per month (per year where they span more than three years) and facts per type."""
    one = lambda sql: con.execute(sql).fetchone()[0]  # noqa: E731
    totals = {
        "documents": one("SELECT count(*) FROM documents WHERE error IS NULL"),
        "errors": one("SELECT count(*) FROM documents WHERE error IS NOT NULL"),
        "facts": one("SELECT count(*) FROM facts"),
        "entities": one("SELECT count(*) FROM entities"),
        "undated": one("SELECT count(*) FROM documents WHERE error IS NULL AND doc_date IS NULL"),
    }
    months = con.execute(
        "SELECT substr(doc_date, 1, 7) AS m, count(*) FROM documents WHERE error IS NULL AND doc_date IS NOT NULL "
        "GROUP BY m ORDER BY m"
    ).fetchall()
    per = "month"
    if len(months) > 36:
        years: dict[str, int] = {}
        for m, n in months:
            years[m[:4]] = years.get(m[:4], 0) + n
        months, per = sorted(years.items()), "year"
    types = dict(con.execute("SELECT type, count(*) FROM facts GROUP BY type").fetchall())
    facts = [(t, types.get(t, 0)) for t in records.FACT_TYPES] + [
        (t, n) for t, n in types.items() if t not in records.FACT_TYPES
    ]
    return {"totals": totals, "per": per, "dates": bar_chart(months), "types": bar_chart(facts)}


def bar_chart(pairs: Sequence[tuple[str, int]], width: int = 460, row: int = 20, label: int = 90) -> dict[str, Any]:
    """A horizontal bar chart as numbers for an inline SVG: drawn by the page itself, nothing fetched."""
    top = max((n for _, n in pairs), default=0) or 1
    span = width - label - 50
    bars = [
        {"label": str(k), "n": n, "y": i * row, "w": round(span * n / top, 1), "x": label}
        for i, (k, n) in enumerate(pairs)
    ]
    return {"bars": bars, "width": width, "height": max(row, len(bars) * row), "row": row, "label": label}


def document_from_index(con: sqlite3.Connection, doc_id: str) -> dict[str, Any] | None:
    """A document record rebuilt from the index's rows (``kaznlp.records.from_row``), facts and entities nested."""
    con.row_factory = sqlite3.Row
    row = con.execute("SELECT * FROM documents WHERE id = ?", (doc_id,)).fetchone()
    if row is None:
        return None
    rec = records.from_row("document", dict(row))
    if rec.get("error"):
        return rec

    def parts(table: str, kind: str) -> list[dict[str, Any]]:
        rows = con.execute(f'SELECT * FROM {table} WHERE doc = ? ORDER BY start, "end"', (doc_id,)).fetchall()
        out = []
        for r in rows:
            x = records.from_row(kind, dict(r))
            x.pop("doc", None)
            out.append(x)
        return out

    rec["facts"] = parts("facts", "fact")
    rec["entities"] = parts("entities", "entity")
    return rec


def create_app(
    db: str | Path | None = None,
    ner: bool = True,
    max_upload: int = DEFAULT_MAX_UPLOAD,
    pipeline: Any = None,
    threads: int = 2,
    allowed_hosts: Sequence[str] | None = None,
    warm: bool = True,
) -> Starlette:
    """The application. ``db``: an index built by ``kaznlp index`` (opened read-only; checked here);
    ``pipeline``: the kaznlp pipeline to use (default ``kaznlp.load(ner=ner)``, loaded at start-up when ``warm``);
    ``threads``: extractions run at once, each in a worker thread; ``allowed_hosts``: host names the server
    answers to (None: any)."""
    if db is not None:
        check_index(db)
    state = _State(db, ner, pipeline, max_upload, threads)
    env = environment()
    note = ("with named entities" if ner else "facts only") + (f" · index {Path(db).name}" if db else "")

    async def page(request: Request, template: str, status: int = 200, **ctx: Any) -> HTMLResponse:
        """A page rendered in a worker thread (a long document's markup takes a while)."""
        ctx.update(root=request.scope.get("root_path", ""), standalone=False, note=note, ner=ner,
                   max_upload=human_bytes(max_upload), has_db=db is not None)  # fmt: skip
        html = await run_in_threadpool(env.get_template(template).render, ctx)
        return HTMLResponse(html, status_code=status)

    def message_page(title: str, message: str, status: int, **ctx: Any) -> Response:
        tpl = env.get_template("message.html")
        html = tpl.render(title=title, message=message, root="", standalone=False, note=note, has_db=db is not None,
                          **ctx)  # fmt: skip
        return HTMLResponse(html, status_code=status)

    def too_large(scope: Any, size: int) -> Response:
        msg = (f"The request carries {human_bytes(size)}; this server takes up to {human_bytes(max_upload)} "
               "(kaznlp serve --max-upload).")  # fmt: skip
        if scope["path"].startswith("/api/"):
            rec = records.record("error", {"id": None, "error": "too_large", "message": msg})
            return JSONResponse(rec, status_code=413)
        return message_page("Too large", msg, 413)

    async def extract_doc(inp: Input) -> Any:
        def work() -> Any:
            return process(state.pipeline(), inp)

        return await anyio.to_thread.run_sync(work, limiter=state.limiter)

    # ---- pages
    async def index_page(request: Request) -> Response:
        return await page(request, "extract.html", page="extract", text="", lang="kk")

    async def extract_page(request: Request) -> Response:
        ctx: dict[str, Any] = {"page": "extract", "text": "", "lang": "kk"}
        try:
            inp = await read_input(request, max_upload, page=True)
            ctx.update(text=inp.text, doc_date=inp.doc_date, lang=inp.lang, name=inp.name)
            doc = await extract_doc(inp)
        except UsageError as exc:
            return await page(request, "extract.html", 400, **ctx, error={"title": "Bad request", "message": str(exc)})
        except InputError as exc:
            err = {"title": _TITLES.get(exc.kind, "Cannot read the input"), "message": str(exc)}
            return await page(request, "extract.html", _STATUS.get(exc.kind, 422), **ctx, error=err)
        except _TooLarge:
            raise
        except Exception:
            log.exception("extraction failed")
            err = {"title": _TITLES["extractor"], "message": "kaznlp could not process this text (see the server log)."}
            return await page(request, "extract.html", 500, **ctx, error=err)
        rec = doc.to_record()
        text_b64 = base64.b64encode(inp.text.encode("utf-8")).decode("ascii")
        return await page(request, "extract.html", **ctx, doc=document_context(rec, 0, ner), text_b64=text_b64,
                          doc_id=inp.doc_id)  # fmt: skip

    async def search_page(request: Request) -> Response:
        ctx: dict[str, Any] = {"page": "search", "q": dict(request.query_params), "types": records.FACT_TYPES}
        if db is None:
            return await page(request, "search.html", **ctx)
        try:
            params = search_params(request.query_params)
        except UsageError as exc:
            return await page(request, "search.html", 400, **ctx, error=str(exc))
        filtered = any(v is not None for k, v in params.items() if k != "limit")

        def work() -> dict[str, Any]:
            con = state.connect()
            try:
                return {"results": search_results(con, params)} if filtered else {"overview": overview(con)}
            finally:
                con.close()

        try:
            found = await run_in_threadpool(work)
        except errors.UsageError as exc:  # a query of no words
            return await page(request, "search.html", 400, **ctx, error=str(exc))
        return await page(request, "search.html", **ctx, **found, searched=filtered)

    async def doc_page(request: Request) -> Response:
        doc_id = request.query_params.get("id")
        if db is None or not doc_id:
            raise HTTPException(404, "No such document" if db else "No index: start kaznlp serve with --db")

        def work() -> dict[str, Any] | None:
            con = state.connect()
            try:
                return document_from_index(con, doc_id)
            finally:
                con.close()

        rec = await run_in_threadpool(work)
        if rec is None:
            raise HTTPException(404, f"No document {doc_id!r} in the index")
        if rec.get("error"):
            return message_page(f"{doc_id}: not processed", f"{rec['error']}: {rec.get('message', '')}", 200)
        return await page(request, "doc.html", page="search", doc=document_context(rec, 0, ner), rec=rec)

    async def download(request: Request) -> Response:
        """The records of the text on the extract page (sent back as base64, so its line breaks stay as they
        were), in the format asked: what the API gives."""
        return await api_extract(request)

    # ---- API
    async def api_extract(request: Request) -> Response:
        inp = Input()
        try:
            inp = await read_input(request, max_upload)
            doc = await extract_doc(inp)
        except UsageError as exc:
            return JSONResponse({"detail": str(exc)}, status_code=400)
        except InputError as exc:
            rec = error_record(exc, getattr(exc, "doc_id", inp.doc_id))
            return JSONResponse(rec, status_code=_STATUS.get(exc.kind, 422))
        except _TooLarge:
            raise
        except Exception:
            log.exception("extraction failed")
            rec = records.record("error", {"id": inp.doc_id, "error": "extractor", "message": "extractor failed"})
            return JSONResponse(rec, status_code=500)
        recs = await run_in_threadpool(_records_of, doc, inp.records)
        return await run_in_threadpool(records_response, recs, inp, RECORD_KINDS[inp.records])

    async def api_search(request: Request) -> Response:
        if db is None:
            return JSONResponse({"detail": "no index: start kaznlp serve with --db archive.sqlite"}, status_code=404)
        try:
            params = search_params(request.query_params)
            fmt = _choice(request.query_params.get("format"), ("json", "jsonl"), "format", "json")
        except UsageError as exc:
            return JSONResponse({"detail": str(exc)}, status_code=400)

        def work() -> list[dict[str, Any]]:
            con = state.connect()
            try:
                return list(archive.search(con, **params))
            finally:
                con.close()

        try:
            rows = await run_in_threadpool(work)
        except errors.UsageError as exc:  # a query of no words
            return JSONResponse({"detail": str(exc)}, status_code=400)
        if fmt == "jsonl":
            body = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
            return Response(body, media_type=_MEDIA["jsonl"])
        return JSONResponse(rows)

    async def api_schema(request: Request) -> Response:
        kind = request.path_params["kind"]
        if kind not in records.SCHEMA_FILES:
            return JSONResponse({"detail": f"no schema {kind!r}: {', '.join(records.SCHEMA_FILES)}"}, status_code=404)
        text = resources.files("kaznlp.schema").joinpath(f"{kind}.schema.json").read_text(encoding="utf-8")
        return Response(text, media_type="application/schema+json")

    async def health(request: Request) -> Response:
        return JSONResponse({"status": "ok", "ner": ner, "index": db is not None})

    # ---- errors: a page or a JSON detail, never a traceback
    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code)
        title = {404: "Not found", 405: "Method not allowed"}.get(exc.status_code, f"Error {exc.status_code}")
        return message_page(title, str(exc.detail), exc.status_code)

    async def server_error(request: Request, exc: Exception) -> Response:
        log.error("unhandled error on %s", request.url.path, exc_info=exc)
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": "internal error (see the server log)"}, status_code=500)
        return message_page("Something went wrong", "The server could not answer this request (see its log).", 500)

    @asynccontextmanager
    async def lifespan(app: Starlette):
        if warm:
            await anyio.to_thread.run_sync(lambda: state.pipeline()("1 000 теңге", doc_id="warm-up"))
        yield

    static = StaticFiles(directory=str(resources.files("kaznlp.web").joinpath("static")))
    routes = [
        Route("/", index_page),
        Route("/extract", extract_page, methods=["POST"]),
        Route("/download", download, methods=["POST"]),
        Route("/search", search_page),
        Route("/doc", doc_page),
        Route("/api/extract", api_extract, methods=["POST"]),
        Route("/api/search", api_search),
        Route("/api/schema/{kind}", api_schema),
        Route("/healthz", health),
        Mount("/static", static, name="static"),
    ]
    middleware = [Middleware(SecurityHeaders)]
    if allowed_hosts is not None:
        middleware.append(Middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts)))
    middleware.append(Middleware(BodyLimit, limit=max_upload, answer=too_large))
    app = Starlette(
        routes=routes,
        middleware=middleware,
        exception_handlers={HTTPException: http_error, Exception: server_error},
        lifespan=lifespan,
    )
    app.state.kaznlp = state
    return app
