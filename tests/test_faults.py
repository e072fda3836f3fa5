"""Fault injection for batch and index: cut and corrupt archives of every supported kind, unreadable files, link
loops and pipes, a disk that fills up (a patched writer, and /dev/full), kill -9 at many points of a run (in the
middle of writing a shard, before each file is committed, before the summary, at random times), a worker that
dies, duplicate ids across inputs, damaged shards under the index.

What must hold every time: every input document gets exactly one record (``seq`` 0..n-1, each once); no
readable document is lost (the documents before a cut are read, and the inputs after it); nothing reaches the
user as a traceback; a resumed run gives the records and the summary of a run that was never interrupted.
"""

from __future__ import annotations

import errno
import gzip
import io
import json
import multiprocessing
import os
import random
import shutil
import signal
import sqlite3
import tarfile
import time
import zipfile
import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner
from robust_helpers import assert_document_offsets, shard_records, strict_loads, summary_without_timing

from kaznlp.batch import BatchOptions, index, run, runner
from kaznlp.batch.index import build_index
from kaznlp.cli import EXIT_FAILED, EXIT_PARTIAL, main
from kaznlp.errors import KaznlpError

DOCS = [(f"d{k:02d}", f"Бүгінде {k + 1} мың адам келді. Олардың {k + 3}%-ы жұмысқа орналасты. {k} жаңалық.")
        for k in range(24)]  # fmt: skip
OPTS = dict(parquet=False, shard_size=5)


def _jsonl(docs) -> bytes:
    return "".join(json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n" for i, t in docs).encode()


def _csv(docs) -> bytes:
    return ("id,text\n" + "".join(f"{i},{t}\n" for i, t in docs)).encode()


def _tar(docs, mode: str) -> bytes:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode=mode) as tar:
        for i, t in docs:
            data = t.encode()
            info = tarfile.TarInfo(f"news/{i}.txt")
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return buf.getvalue()


def _zip(docs) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for i, t in docs:
            z.writestr(f"news/{i}.txt", t)
    return buf.getvalue()


ARCHIVES = {
    "rows.jsonl": lambda: _jsonl(DOCS),
    "rows.jsonl.gz": lambda: gzip.compress(_jsonl(DOCS)),
    "rows.csv": lambda: _csv(DOCS),
    "rows.csv.gz": lambda: gzip.compress(_csv(DOCS)),
    "one.txt.gz": lambda: gzip.compress(DOCS[0][1].encode() * 40),
    "news.zip": lambda: _zip(DOCS),
    "news.tar": lambda: _tar(DOCS, "w"),
    "news.tar.gz": lambda: _tar(DOCS, "w:gz"),
    "news.tgz": lambda: _tar(DOCS, "w:gz"),
}


def _readable(name: str, data: bytes) -> int:
    """How many whole documents a cut archive still holds, read independently of kaznlp."""
    if name.endswith((".gz", ".tgz")):
        data = zlib.decompressobj(wbits=31).decompress(data)
    if name.endswith(".txt.gz"):
        return 0  # one document, cut
    if ".jsonl" in name or ".csv" in name:
        return max(0, data.count(b"\n") - (1 if ".csv" in name else 0))
    if ".tar" in name or name.endswith(".tgz"):
        n, pos = 0, 0
        while pos + 512 <= len(data) and data[pos : pos + 512].strip(b"\0"):
            size = int(data[pos + 124 : pos + 136].strip(b"\0 ") or b"0", 8)
            end = pos + 512 + size
            if end > len(data):
                break
            n, pos = n + 1, end + (-size % 512)
        return n
    return 0  # a cut zip has lost its directory


def _check_run(out: Path, n_inputs_after: int = 1) -> list[dict]:
    """The invariants of every run: one record per document, in order, valid JSON; the input after the faulty
    one is read."""
    recs = shard_records(out)
    assert [r["seq"] for r in recs] == list(range(len(recs)))
    summary = strict_loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["documents"] == len(recs)
    for r in recs:
        if "error" not in r:
            assert_document_offsets(r)
        else:
            assert r["message"] and "\n" not in r["message"]
    assert [r["id"] for r in recs[-n_inputs_after:]] == ["after"] and "error" not in recs[-1]
    return recs


@pytest.fixture(scope="module")
def after(tmp_path_factory) -> Path:
    p = tmp_path_factory.mktemp("after") / "after.txt"
    p.write_text("Кейін 7 мың адам келді.", encoding="utf-8")
    return p


@pytest.mark.parametrize("name", list(ARCHIVES))
def test_cut_archives_lose_only_what_is_cut(tmp_path, name, after):
    data = ARCHIVES[name]()
    texts = dict(DOCS)
    for cut in (len(data) // 10, len(data) // 2, len(data) * 9 // 10, len(data) - 1):
        p = tmp_path / f"{cut}" / name
        p.parent.mkdir()
        p.write_bytes(data[:cut])
        run([p, after], tmp_path / f"out{cut}", BatchOptions(**OPTS))
        recs = _check_run(tmp_path / f"out{cut}")[:-1]
        read = [r for r in recs if "error" not in r]
        assert len(recs) - len(read) <= 2  # the cut: one error, or two (a member and its archive)
        whole = _readable(name, data[:cut])
        if name.endswith(".txt.gz"):
            assert read == [] and [r["error"] for r in recs] == ["format"]
            continue
        assert [r["text"] for r in read[:whole]] == [t for _, t in DOCS[:whole]]
        # a row cut in its text is read as a shorter row (a CSV cannot tell; a letter cut in two is U+FFFD)
        assert len(read) <= whole + 1
        for r in read[whole:]:
            assert texts[DOCS[whole][0]].startswith(r["text"].rstrip("\ufffd"))


@pytest.mark.parametrize("name", list(ARCHIVES))
def test_corrupt_archives_never_stop_the_run(tmp_path, name, after):
    data = bytearray(ARCHIVES[name]())
    rng = random.Random(name)
    for trial in range(3):
        bad = bytearray(data)
        at = rng.randrange(len(bad) // 4, len(bad))
        bad[at : at + 16] = bytes(rng.randrange(256) for _ in range(16))
        p = tmp_path / f"{trial}" / name
        p.parent.mkdir()
        p.write_bytes(bytes(bad))
        run([p, after], tmp_path / f"out{trial}", BatchOptions(**OPTS))
        _check_run(tmp_path / f"out{trial}")


def test_unreadable_files_link_loops_pipes_and_dangling_links(tmp_path, after):
    d = tmp_path / "in"
    (d / "sub").mkdir(parents=True)
    (d / "a.txt").write_text(DOCS[0][1], encoding="utf-8")
    (d / "sub" / "b.txt").write_text(DOCS[1][1], encoding="utf-8")
    (d / "sub" / "up").symlink_to(d, target_is_directory=True)  # a cycle of folders
    (d / "self.txt").symlink_to(d / "self.txt")
    (d / "gone.txt").symlink_to(d / "nothing-here.txt")
    os.mkfifo(d / "pipe.jsonl")  # reading it would block forever
    locked = d / "locked.txt"
    locked.write_text(DOCS[2][1], encoding="utf-8")
    locked.chmod(0)
    res = CliRunner().invoke(main, ["batch", str(d), str(after), "-o", str(tmp_path / "o"), "--quiet"])
    assert res.exit_code == EXIT_PARTIAL and "Traceback" not in res.output, res.output
    recs = {r["id"]: r.get("error") for r in _check_run(tmp_path / "o")}
    expected = {"in/a": None, "in/gone": "missing", "in/pipe.jsonl": "unreadable", "in/self": "unreadable",
                "in/sub/b": None, "after": None}  # fmt: skip
    if os.geteuid() != 0:  # root reads a file whatever its mode
        expected["in/locked"] = "unreadable"
    else:
        expected["in/locked"] = None
    assert recs == expected


def _corpus(tmp_path: Path) -> list[Path]:
    """Two inputs that share their ids, and a folder."""
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    a.write_bytes(_jsonl(DOCS[:12]))
    b.write_bytes(_jsonl([(i, t.replace("Бүгінде", "Кеше")) for i, t in DOCS[:10]]))
    return [a, b]


@pytest.fixture
def whole(tmp_path) -> tuple[list[Path], Path, dict]:
    inputs = _corpus(tmp_path)
    out = tmp_path / "whole"
    summary = run(inputs, out, BatchOptions(**OPTS))
    ids = [r["id"] for r in shard_records(out)]
    assert ids.count("d00") == 1 and "d00#2" in ids  # the second input's ids are made unique
    return inputs, out, summary


def _same_run(out: Path, whole_out: Path, whole_summary: dict) -> None:
    for name in ("documents", "facts", "entities"):
        assert shard_records(out, name) == shard_records(whole_out, name), name
    summary = strict_loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary_without_timing(summary) == summary_without_timing(whole_summary)
    assert not list(out.glob("tmp-*"))


def _killed(target) -> int:
    """Run ``target`` in a forked child and return its exit code (-9: killed)."""
    p = multiprocessing.get_context("fork").Process(target=target)
    p.start()
    p.join(60)
    return p.exitcode


def test_kill_9_at_every_kind_of_point_then_resume(tmp_path, whole):
    inputs, whole_out, whole_summary = whole
    # 5 shards of 3 files, then the summary: os.replace commits 16 files; a kill before each of them, and a
    # kill in the middle of writing a shard's file
    for k, mid_write in [(1, False), (3, False), (7, True), (9, False), (12, True), (15, False), (16, False)]:
        out = tmp_path / f"k{k}"

        def child(k=k, mid_write=mid_write, out=out):
            calls = [0]
            real_replace, real_write = os.replace, runner._write_jsonl_gz

            def replace(src, dst):
                calls[0] += 1
                if calls[0] == k and not mid_write:
                    os.kill(os.getpid(), signal.SIGKILL)
                real_replace(src, dst)

            def write(path, lines):
                if calls[0] + 1 == k and mid_write:
                    path.with_name("tmp-" + path.name).write_bytes(gzip.compress("".join(lines).encode())[:20])
                    os.kill(os.getpid(), signal.SIGKILL)
                real_write(path, lines)

            os.replace, runner._write_jsonl_gz = replace, write
            run(inputs, out, BatchOptions(**OPTS))

        assert _killed(child) == -signal.SIGKILL
        assert not (out / "summary.json").exists()
        run(inputs, out, BatchOptions(resume=True, **OPTS))
        _same_run(out, whole_out, whole_summary)


def test_kill_9_at_random_times_then_resume(tmp_path, whole):
    inputs, whole_out, whole_summary = whole
    rng = random.Random(16)
    for trial in range(4):
        out = tmp_path / f"t{trial}"

        def child(out=out):
            real = runner._write_jsonl_gz

            def slow(path, lines):  # a run long enough to be cut anywhere
                time.sleep(0.02)
                real(path, lines)

            runner._write_jsonl_gz = slow
            run(inputs, out, BatchOptions(**OPTS))

        p = multiprocessing.get_context("fork").Process(target=child)
        p.start()
        time.sleep(rng.uniform(0, 0.6))
        os.kill(p.pid, signal.SIGKILL)
        p.join(60)
        run(inputs, out, BatchOptions(resume=True, **OPTS))
        _same_run(out, whole_out, whole_summary)


class _DiskFull:
    def __iter__(self):
        raise OSError(errno.ENOSPC, "No space left on device")


@pytest.mark.parametrize("at", [1, 5, 11])
def test_a_full_disk_stops_the_run_with_a_message_and_resume_finishes_it(tmp_path, whole, monkeypatch, at):
    inputs, whole_out, whole_summary = whole
    real = runner._write_jsonl_gz
    calls = [0]

    def write(path, lines):
        calls[0] += 1
        real(path, _DiskFull() if calls[0] == at else lines)

    monkeypatch.setattr(runner, "_write_jsonl_gz", write)
    out = tmp_path / "o"
    res = CliRunner().invoke(main, ["batch", *map(str, inputs), "-o", str(out), "--quiet", "--no-parquet",
                                    "--shard-size", "5"])  # fmt: skip
    assert res.exit_code == EXIT_FAILED, res.output
    (line,) = res.stderr.splitlines()
    assert line.startswith("kaznlp batch: cannot write") and "No space left" in line and "--resume" in line
    assert not list(out.glob("tmp-*"))  # the space of the half-written file is given back
    monkeypatch.setattr(runner, "_write_jsonl_gz", real)
    run(inputs, out, BatchOptions(resume=True, **OPTS))
    _same_run(out, whole_out, whole_summary)


def test_a_full_device_under_extract_is_one_line(tmp_path):
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full")
    (tmp_path / "a.txt").write_text(DOCS[0][1], encoding="utf-8")
    res = CliRunner().invoke(main, ["extract", str(tmp_path / "a.txt"), "-o", "/dev/full"])
    assert res.exit_code == EXIT_FAILED and "Traceback" not in res.output
    assert res.stderr.strip().startswith("kaznlp extract: cannot write /dev/full (No space left on device)")


_PROCESS_BATCH = runner.process_batch


def _dies(items, ner, lang):
    if any(raw.id == "d07" for _, raw in items):
        os._exit(1)  # as an out-of-memory kill would
    return _PROCESS_BATCH(items, ner, lang)


def test_a_worker_that_dies_stops_the_run_and_resume_finishes_it(tmp_path, whole, monkeypatch):
    inputs, whole_out, whole_summary = whole
    monkeypatch.setattr(runner, "process_batch", _dies)  # the pool's workers are forked: they have it too
    out = tmp_path / "o"
    with pytest.raises(KaznlpError, match="worker process died.*--resume"):
        run(inputs, out, BatchOptions(workers=2, **OPTS))
    monkeypatch.setattr(runner, "process_batch", _PROCESS_BATCH)
    run(inputs, out, BatchOptions(resume=True, **OPTS))
    _same_run(out, whole_out, whole_summary)


def test_index_leaves_out_damaged_shards_and_survives_a_full_disk(tmp_path, whole, monkeypatch):
    _, whole_out, whole_summary = whole
    out = tmp_path / "o"
    shutil.copytree(whole_out, out)
    data = (out / "facts-00001.jsonl.gz").read_bytes()
    (out / "facts-00001.jsonl.gz").write_bytes(data[: len(data) // 2])
    (out / "documents-00003.jsonl.gz").write_bytes(b"\x1f\x8b\x08 not really")
    db = tmp_path / "a.sqlite"
    res = CliRunner().invoke(main, ["index", str(out), "--db", str(db)])
    assert res.exit_code == EXIT_PARTIAL and "Traceback" not in res.output, res.output
    assert "documents-00001.jsonl.gz, documents-00003.jsonl.gz" in res.stderr
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == whole_summary["documents"] - 10
    (fact_doc,) = con.execute("SELECT count(*) FROM facts WHERE doc NOT IN (SELECT id FROM documents)").fetchone()
    con.close()
    assert fact_doc == 0
    before = db.read_bytes()
    real, calls = index._insert, [0]

    def full(*a, **kw):
        calls[0] += 1
        if calls[0] == 4:
            raise sqlite3.OperationalError("database or disk is full")
        return real(*a, **kw)

    monkeypatch.setattr(index, "_insert", full)
    with pytest.raises(KaznlpError, match="disk is full"):
        build_index(whole_out, db)
    assert db.read_bytes() == before and [p.name for p in tmp_path.iterdir() if "tmp" in p.name] == []


def test_error_records_of_dated_rows_and_paths_that_are_not_utf8(tmp_path):
    # found by the fuzz run: an error record of a row with a date held a date object (no JSON) and killed the run;
    # a path that is not UTF-8 could not be written to run.json
    d = tmp_path / os.fsdecode(b"in\xff")
    d.mkdir()
    rows = d / "rows.jsonl"
    rows.write_text(json.dumps({"id": "a", "date": "2016-11-25", "text": " "}) + "\n"
                    + json.dumps({"id": "b", "date": "2016-11-25", "text": "В Казахстане за прошлый год оказано 29 млн государственных услуг населению."}) + "\n")  # fmt: skip
    summary = run([rows], tmp_path / "o", BatchOptions(lang="kk", parquet=True))
    recs = shard_records(tmp_path / "o")
    assert [(r["error"], r["doc_date"]) for r in recs] == [("empty", "2016-11-25"), ("language", "2016-11-25")]
    assert summary["errors"] == 2
    assert run([rows], tmp_path / "o", BatchOptions(lang="kk", parquet=True, resume=True))["errors"] == 2


def test_archives_inside_archives_are_read(tmp_path, after):
    inner = _zip(DOCS[:3])
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz") as tar:
        info = tarfile.TarInfo("inner.zip")
        info.size = len(inner)
        tar.addfile(info, io.BytesIO(inner))
    (tmp_path / "outer.tar.gz").write_bytes(buf.getvalue())
    (tmp_path / "z.zip.gz").write_bytes(gzip.compress(inner))
    run([tmp_path / "outer.tar.gz", tmp_path / "z.zip.gz", after], tmp_path / "o", BatchOptions(**OPTS))
    recs = _check_run(tmp_path / "o")
    assert [r.get("error") for r in recs] == [None] * 7
    assert [r["text"] for r in recs[:6]] == [t for _, t in DOCS[:3]] * 2
