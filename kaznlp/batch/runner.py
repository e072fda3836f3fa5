"""Batch runs over news archives: parallel, streaming, resumable, into shards for indexing.

Documents stream from the readers in a fixed order and get a sequence number. Workers (a local process pool, or a
Dask cluster) process batches; results come back in order and are written in shards. A shard is committed by
renaming its documents file into place last, so a run killed at any moment leaves only whole shards, covering
documents ``0..K-1``; ``resume=True`` skips those and rebuilds the duplicate index from them. Every input
document gets exactly one document record: processed, or an error record (bad encoding, empty, binary, not
Kazakh, extractor failure), which never stops the run. Ids are unique in a run: an id seen before gets ``#2``,
``#3``, … appended. The summary counts the whole run, a resumed one too (the finished part is read back).
"""

from __future__ import annotations

import gzip
import json
import os
import time
import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date as Date
from pathlib import Path
from typing import Any

from .. import records
from ..errors import KaznlpError, UsageError
from ..parallel import chunks, ordered
from .dedup import DuplicateIndex, IdSet, fingerprints
from .readers import RawDoc, iter_documents

__all__ = ["BatchOptions", "run", "iter_results", "process_batch"]

DOC_FILE = "documents-{:05d}.jsonl.gz"
_GZIP_LEVEL = 1  # the writing process must keep up with the workers; level 1 costs ~15% more disk than level 6
_APART = frozenset(f.name for f in records.DOCUMENT.fields if f.apart)  # in their own shards, or in none
CONNECT_TIMEOUT = 10.0  # seconds to reach a Dask scheduler before the run stops with a message


@dataclass
class BatchOptions:
    workers: int = 1
    resume: bool = False
    lang: str | None = None  # a language to keep (kaznlp.records.LANGUAGES; None or "any": all); others: error records
    shard_size: int = 1000
    batch_size: int = 32
    ner: bool = False
    engine: str = "local"  # or "dask"
    scheduler: str | None = None  # tcp://HOST:PORT for dask; None starts nothing and uses a LocalCluster given
    fields: dict[str, str] = field(default_factory=dict)
    parquet: bool = True
    progress: bool = True


# ---------------------------------------------------------------- worker side
_PIPELINES: dict[bool, Any] = {}


def _pipeline(ner: bool):
    if ner not in _PIPELINES:
        from ..pipeline import Pipeline

        _PIPELINES[ner] = Pipeline(ner=ner)
    return _PIPELINES[ner]


def _doc_date(meta: dict[str, Any]) -> Date | None:
    """The date of an input row (its ``date`` field, ``YYYY-MM-DD`` and maybe a time after it), parsed once."""
    d = meta.get("date")
    if not isinstance(d, str) or len(d) < 10:
        return None
    try:
        return Date.fromisoformat(d[:10])
    except ValueError:
        return None


def _input_fields(seq: int, raw: RawDoc) -> dict[str, Any]:
    """What the input tells of a document: its place in the run, id, title and url, and its date as ``doc_date``
    (YYYY-MM-DD; left out when the input has none that reads as a date)."""
    base: dict[str, Any] = {"seq": seq, "id": raw.id}
    base.update((k, str(raw.meta[k])) for k in ("title", "url") if k in raw.meta)
    doc_date = _doc_date(raw.meta)
    if doc_date:
        base["doc_date"] = doc_date
    return base


def _error(base: dict[str, Any], error: str, message: str | None, **more: Any) -> dict[str, Any]:
    if isinstance(base.get("doc_date"), Date):  # the record's form, YYYY-MM-DD (a date is no JSON)
        base = {**base, "doc_date": base["doc_date"].isoformat()}
    return {"document": records.record("error", {**base, **more, "error": error, "message": message or error})}


def process_one(seq: int, raw: RawDoc, ner: bool, lang: str | None, parsed: Any = None) -> dict[str, Any]:
    """The records of one document (run in a worker); ``parsed``: its NER model Doc, when batched."""
    from ..langid import identify, keeps

    base = _input_fields(seq, raw)
    if raw.error:
        return _error(base, raw.error, raw.message)
    text = raw.text or ""
    language = None  # the record's language is the pipeline's (in ``rec``); here it only keeps the key's place
    if lang not in (None, "any"):  # read the document's language only to filter by it
        found = identify(text)
        language = found.lang
        if found.problem or not keeps(found, lang):
            # as extract: words mixing scripts and Kazakh in Arabic script are refused with their own message
            return _error(base, "language", found.problem or f"not {lang}", language=language)
    try:
        doc = _pipeline(ner)(text, doc_date=base.get("doc_date"), doc_id=raw.id, parsed=parsed)
        exact, simhash = fingerprints(text)
        rec = doc.to_record()
    except Exception as exc:  # one bad document never stops the run
        return _error(base, "extractor", f"{type(exc).__name__}: {exc}")
    rec = records.record("document", {**base, "language": language, **rec, "fingerprint": [exact, f"{simhash:016x}"]})
    # everything is serialised here, in the worker: the writing process only writes
    line, lines = records.dumps_document(rec)
    parts = records.flat_parts(rec)
    return {
        "document": {k: v for k, v in rec.items() if k not in _APART},  # for the duplicate index and Parquet
        "document_json": line,
        "facts": parts["facts"],
        "entities": parts["entities"],
        "facts_jsonl": lines["facts"],
        "entities_jsonl": lines["entities"],
    }


def process_batch(items: list[tuple[int, RawDoc]], ner: bool, lang: str | None) -> list[dict[str, Any]]:
    """The results of a batch of documents; the NER model's new word forms are forgotten after it (memory flat)."""
    with _pipeline(ner).memory_zone():
        parsed: list[Any] = [None] * len(items)
        if ner:  # the NER model runs over the batch at once
            ok = [k for k, (_, raw) in enumerate(items) if raw.text and not raw.error]
            try:
                for k, p in zip(ok, _pipeline(ner).parse_many([items[k][1].text for k in ok])):
                    parsed[k] = p
            except Exception:  # noqa: BLE001 - fall back to one by one, where a bad document gets its error record
                parsed = [None] * len(items)
        return [process_one(seq, raw, ner, lang, p) for (seq, raw), p in zip(items, parsed)]


# ---------------------------------------------------------------- engines
def iter_results(items: Iterator[tuple[int, RawDoc]], opts: BatchOptions, client=None) -> Iterator[dict[str, Any]]:
    """Per-document results in input order, from the chosen engine."""
    batches = chunks(items, opts.batch_size)
    if opts.engine == "dask":
        from dask.distributed import Client

        own = client is None
        if client is None:
            try:
                client = Client(opts.scheduler, timeout=CONNECT_TIMEOUT)
            except (OSError, TimeoutError, ValueError) as exc:
                why = " ".join(str(exc).split()) or "timed out"
                raise KaznlpError(
                    f"cannot reach the Dask scheduler at {opts.scheduler} ({why}); start it (`dask scheduler`) or "
                    "check --scheduler"
                ) from None
        try:
            n = max(1, len(client.scheduler_info().get("workers", {})))
            for res in ordered(lambda b: client.submit(process_batch, b, opts.ner, opts.lang, pure=False),
                                batches, window=4 * n):  # fmt: skip
                yield from res
        finally:
            if own:
                client.close()
    elif opts.workers > 1:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor
        from concurrent.futures.process import BrokenProcessPool

        context = multiprocessing.get_context()
        if context.get_start_method() == "fork":
            # the pipeline loaded once, here, and the workers forked with it: each worker loading its own model
            # (1-2 s of CPU each, spaCy and the NER weights) is CPU the second worker took from the first
            _pipeline(opts.ner)
        try:
            with ProcessPoolExecutor(opts.workers, mp_context=context) as ex:
                for res in ordered(lambda b: ex.submit(process_batch, b, opts.ner, opts.lang), batches,
                                    window=4 * opts.workers):  # fmt: skip
                    yield from res
        except BrokenProcessPool:
            raise KaznlpError(
                "a worker process died (out of memory?); run the same command with --resume, with fewer --workers"
            ) from None
    else:
        for b in batches:
            yield from process_batch(b, opts.ner, opts.lang)


# ---------------------------------------------------------------- shards
def _write_jsonl_gz(path: Path, lines: list[str]) -> None:
    """Ready JSON lines to a gzipped JSON Lines file, atomically."""
    tmp = path.with_name("tmp-" + path.name)
    try:
        with gzip.open(tmp, "wt", encoding="utf-8", compresslevel=_GZIP_LEVEL) as f:
            f.write("".join(lines))
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)  # a full disk gets its space back
        raise


def _write_parquet(path: Path, recs: list[dict[str, Any]], kind: str) -> None:
    from ..writers import write_records

    tmp = path.with_name("tmp-" + path.name)
    try:
        write_records(recs, "parquet", tmp, kind, source="batch")
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _write_shard(
    out: Path,
    k: int,
    docs: list,
    facts: list,
    ents: list,
    parquet: bool,
    fact_lines: list,
    ent_lines: list,
    doc_lines: list,
) -> None:
    _write_jsonl_gz(out / f"facts-{k:05d}.jsonl.gz", lines=fact_lines)
    _write_jsonl_gz(out / f"entities-{k:05d}.jsonl.gz", lines=ent_lines)
    if parquet:
        _write_parquet(out / f"facts-{k:05d}.parquet", facts, "fact")
        _write_parquet(out / f"entities-{k:05d}.parquet", ents, "entity")
        _write_parquet(out / f"documents-{k:05d}.parquet", docs, "document")
    _write_jsonl_gz(out / DOC_FILE.format(k), lines=doc_lines)  # the commit marker: written last


def _committed(out: Path) -> list[Path]:
    shards = []
    k = 0
    while (p := out / DOC_FILE.format(k)).exists():
        shards.append(p)
        k += 1
    return shards


def _clean_uncommitted(out: Path, n_committed: int) -> None:
    for p in out.iterdir():
        if p.name.startswith("tmp-"):
            p.unlink()
            continue
        parts = p.name.split("-")
        if len(parts) == 2 and parts[0] in ("documents", "facts", "entities"):
            num = parts[1].split(".")[0]
            if num.isdecimal() and int(num) >= n_committed:
                p.unlink()


def read_shard(path: Path) -> Iterator[dict[str, Any]]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            yield json.loads(line)


# ---------------------------------------------------------------- the run
class _Tally:
    """What the summary counts, document by document: the same whether a run was resumed or not."""

    def __init__(self) -> None:
        self.documents = 0
        self.facts = 0
        self.entities = 0
        self.errors: Counter[str] = Counter()
        self.languages: Counter[str] = Counter()
        self.duplicates: Counter[str] = Counter()

    def add(self, d: dict[str, Any], n_facts: int, n_entities: int) -> None:
        self.documents += 1
        self.facts += n_facts
        self.entities += n_entities
        if "error" in d:
            self.errors[d["error"]] += 1
            return
        self.languages[d.get("language", "?")] += 1
        if d.get("duplicate"):
            self.duplicates[d["duplicate"]] += 1


class FolderInUse(UsageError, FileExistsError):
    """The output folder holds another run (a :class:`FileExistsError` too, as before)."""


def _unique_ids(items: Iterator[tuple[int, RawDoc]], seen: IdSet) -> Iterator[tuple[int, RawDoc]]:
    """Ids unique in the run: an id seen before (the same row id in two files) gets ``#2``, ``#3``, …"""
    for seq, raw in items:
        if raw.id in seen:
            k = 2
            while f"{raw.id}#{k}" in seen:
                k += 1
            raw.id = f"{raw.id}#{k}"
        seen.add(raw.id)
        yield seq, raw


def _resolved(p: str | Path) -> str:
    try:
        return str(Path(p).resolve())
    except (OSError, RuntimeError):  # a loop of links: the input is an error record, the manifest keeps its name
        return str(Path(p).absolute())


def run(
    inputs: list[str | Path],
    outdir: str | Path,
    opts: BatchOptions | None = None,
    client=None,
    on_progress: Callable[[int], None] | None = None,
) -> dict[str, Any]:
    """Process ``inputs`` into shards under ``outdir``; returns the run summary (also ``summary.json``).

    Raises :class:`~kaznlp.errors.KaznlpError` with a message for what stops a run: an output folder that
    cannot be written (a full disk: free space, then ``resume=True`` finishes the run), another run's folder, a
    Dask scheduler out of reach, a worker that died."""
    opts = opts or BatchOptions()
    out = Path(outdir)
    try:
        return _run(inputs, out, opts, client, on_progress)
    except KaznlpError:
        raise
    except OSError as exc:
        where = exc.filename or out
        raise KaznlpError(
            f"cannot write {where} ({exc.strerror or exc}); free space or fix the folder's permissions, then run "
            "the same command with --resume"
        ) from None


def _run(
    inputs: list[str | Path],
    out: Path,
    opts: BatchOptions,
    client,
    on_progress: Callable[[int], None] | None,
) -> dict[str, Any]:
    if out.exists() and not out.is_dir():
        raise UsageError(f"{out} is a file: give -o a folder for the shards")
    out.mkdir(parents=True, exist_ok=True)
    dups = DuplicateIndex()
    tally = _Tally()
    seen = IdSet()  # the ids of the run so far, as 16-byte hashes
    committed = _committed(out)
    if committed and not opts.resume:
        raise FolderInUse(f"{out} holds the shards of another run: use --resume to finish it, or a new folder")
    # what decides the documents and their records; a resumed run must be the same run
    manifest = {"inputs": [_resolved(p) for p in inputs], "fields": opts.fields, "lang": opts.lang,
                "ner": opts.ner, "shard_size": opts.shard_size, "records": records.VERSION}  # fmt: skip
    run_file = out / "run.json"
    if committed and run_file.exists():
        try:
            before = json.loads(run_file.read_text(encoding="utf-8"))
        except ValueError:
            before = None
        if before != manifest:
            raise FolderInUse(f"{out} holds a run with other inputs or options (see {run_file}); use a new folder")
    run_file.write_text(json.dumps(manifest, indent=2), encoding="utf-8")  # ASCII: a path may hold surrogates
    skip = 0
    for n, p in enumerate(committed):  # rebuild what the finished part of the run knows
        try:
            done = list(read_shard(p))
        except (OSError, EOFError, ValueError, zlib.error):  # damaged since: it and the shards after it again
            committed = committed[:n]
            break
        for d in done:
            skip += 1
            seen.add(d["id"])
            tally.add(d, len(d.get("facts", ())), len(d.get("entities", ())))
            if d.get("fingerprint") and not d.get("duplicate_of"):
                dups.add(d["id"], d["fingerprint"][0], int(d["fingerprint"][1], 16))
    _clean_uncommitted(out, len(committed))
    resumed = skip
    t0 = time.perf_counter()
    items = _unique_ids(((seq, raw) for seq, raw in enumerate(iter_documents(inputs, opts.fields)) if seq >= skip),
                        seen)  # fmt: skip
    shard = len(committed)
    docs: list[dict] = []
    facts: list[dict] = []
    ents: list[dict] = []
    fact_lines: list[str] = []
    ent_lines: list[str] = []
    doc_lines: list[str] = []
    this_run = 0
    for res in iter_results(items, opts, client):
        d = res["document"]
        line = res.get("document_json") or json.dumps(d, ensure_ascii=False)
        if "error" not in d:
            kind = dups.check(d["id"], d["fingerprint"][0], int(d["fingerprint"][1], 16))
            if kind:
                flags = {"duplicate": kind[0], "duplicate_of": kind[1]}  # the last fields of a document record
                d.update(flags)
                line = line[:-1] + ", " + json.dumps(flags, ensure_ascii=False)[1:]  # appended to the JSON object
        tally.add(d, len(res.get("facts", ())), len(res.get("entities", ())))
        docs.append(d)
        doc_lines.append(line + "\n")
        facts += res.get("facts", [])
        ents += res.get("entities", [])
        fact_lines.append(res.get("facts_jsonl", ""))
        ent_lines.append(res.get("entities_jsonl", ""))
        this_run += 1
        if on_progress:
            on_progress(1)
        if len(docs) >= opts.shard_size:
            _write_shard(out, shard, docs, facts, ents, opts.parquet, fact_lines, ent_lines, doc_lines)
            shard += 1
            docs, facts, ents, fact_lines, ent_lines, doc_lines = [], [], [], [], [], []
    if docs:
        _write_shard(out, shard, docs, facts, ents, opts.parquet, fact_lines, ent_lines, doc_lines)
        shard += 1
    elapsed = time.perf_counter() - t0
    summary = {
        "documents": tally.documents,
        "processed_this_run": this_run,
        "resumed_from": resumed,
        "errors": sum(tally.errors.values()),
        "errors_by_kind": dict(sorted(tally.errors.items())),
        "duplicates_exact": tally.duplicates["exact"],
        "duplicates_near": tally.duplicates["near"],
        "languages": dict(sorted(tally.languages.items())),
        "facts": tally.facts,
        "entities": tally.entities,
        "shards": shard,
        "seconds": round(elapsed, 3),
        "documents_per_second": round(this_run / elapsed, 2) if elapsed else None,
        "engine": opts.engine,
        "workers": opts.workers,
    }
    tmp = out / "tmp-summary.json"
    tmp.write_text(json.dumps(summary, ensure_ascii=False, indent=2), encoding="utf-8")
    os.replace(tmp, out / "summary.json")
    return summary
