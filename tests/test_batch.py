import gzip
import io
import json
import os
import signal
import subprocess
import sys
import tarfile
import time
import zipfile
from pathlib import Path

import pytest

import kaznlp
from kaznlp.batch import BatchOptions, iter_documents, run
from kaznlp.batch.index import build_index, export_es, search
from kaznlp.batch.runner import read_shard

KK = "Бүгінде олар 29 млн. астам мемлекеттік қызмет көрсетті. Пайдаланушылар саны 73%-ға жетті."


def _records(out: Path) -> list[dict]:
    recs = []
    for p in sorted(out.glob("documents-*.jsonl.gz")):
        recs += list(read_shard(p))
    return recs


def _facts(out: Path) -> list[dict]:
    recs = []
    for p in sorted(out.glob("facts-*.jsonl.gz")):
        recs += list(read_shard(p))
    return recs


@pytest.fixture
def messy_archive(tmp_path, seed_text):
    """A tar.gz with good and bad documents mixed in, and a JSONL.gz and a zip beside it."""
    members = {
        "news/a.txt": seed_text.encode("utf-8"),
        "news/b.txt": KK.encode("utf-8"),
        "news/empty.txt": b"",
        "news/binary.txt": bytes(range(256)) * 40,
        "news/kz1048.txt": "Бүгінде олар 29 млн. астам қызмет көрсетті.".encode("kz1048"),
        "news/cp1251.txt": "В Казахстане оказано более 29 млн услуг.".encode("cp1251"),
        "news/utf16.txt": KK.encode("utf-16"),
        "news/russian.txt": "В Казахстане оказано более 29 млн государственных услуг.".encode(),
        "news/huge.txt": (
            ("Тәуелсіздік жылдары біздің халық тұрақты дамуымен мақтана алады " * 400_000)[: 20 * 1024 * 1024]
            + " 1,2 млрд теңге бөлінді"
        ).encode(),
        "news/copy.txt": (KK + " ").encode("utf-8"),
    }
    tar_path = tmp_path / "archive.tar.gz"
    with tarfile.open(tar_path, "w:gz") as tar:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    rows = [{"guid": "r1", "body": KK, "date": "2016-11-25"}, {"guid": "r2", "body": ""}, {"guid": "r3"}]
    with gzip.open(tmp_path / "rows.jsonl.gz", "wt", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
        f.write("{not json\n")
    with zipfile.ZipFile(tmp_path / "more.zip", "w") as z:
        z.writestr("x/one.txt", KK)
        z.writestr("x/two.csv", "guid,body\nc1," + KK + "\n")
    return [tar_path, tmp_path / "rows.jsonl.gz", tmp_path / "more.zip"], len(members) + len(rows) + 1 + 2


def test_bad_documents_never_stop_the_run(messy_archive, tmp_path):
    inputs, n = messy_archive
    summary = run(
        inputs,
        tmp_path / "out",
        BatchOptions(workers=2, lang="kk", shard_size=4, fields={"id": "guid", "text": "body"}),
    )
    recs = _records(tmp_path / "out")
    assert len(recs) == n == summary["documents"]
    assert [r["seq"] for r in recs] == list(range(n))
    by_id = {r["id"]: r for r in recs}
    assert by_id["archive.tar.gz!news/empty"]["error"] == "empty"
    assert by_id["archive.tar.gz!news/binary"]["error"] == "binary"
    assert by_id["archive.tar.gz!news/russian"]["error"] == "language"
    assert by_id["archive.tar.gz!news/russian"]["language"] == "ru"
    assert [f["value"] for f in by_id["archive.tar.gz!news/utf16"]["facts"]] == [29000000, 73]
    assert [f["value"] for f in by_id["archive.tar.gz!news/kz1048"]["facts"]] == [29000000]
    assert by_id["archive.tar.gz!news/cp1251"]["language"] == "ru"
    huge = by_id["archive.tar.gz!news/huge"]
    assert len(huge["text"]) > 20_000_000 and [(f["text"], f["value"]) for f in huge["facts"]] == [
        ("1,2 млрд теңге", 1.2e9)
    ]
    assert huge["text"][huge["facts"][0]["start"] : huge["facts"][0]["end"]] == "1,2 млрд теңге"
    assert by_id["archive.tar.gz!news/copy"]["duplicate"] == "exact"
    assert by_id["archive.tar.gz!news/copy"]["duplicate_of"] == "archive.tar.gz!news/b"
    assert by_id["r1"]["doc_date"] == "2016-11-25" and by_id["r2"]["error"] == "empty"
    assert any(r.get("error") == "format" for r in recs)
    assert by_id["c1"]["duplicate_of"] == "archive.tar.gz!news/b"
    assert summary["errors_by_kind"] == {"empty": 3, "binary": 1, "language": 2, "format": 1}
    assert sum(r.get("duplicate") == "exact" for r in recs) == summary["duplicates_exact"] == 5
    assert json.loads((tmp_path / "out" / "summary.json").read_text())["documents"] == n


def test_near_duplicates_are_flagged(tmp_path, seed_text):
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text(seed_text, encoding="utf-8")
    (d / "b.txt").write_text(
        seed_text.replace("Министр Дәурен Абаев", "Министр Д. Абаев") + " Жаңартылды.", encoding="utf-8"
    )
    run([d], tmp_path / "out", BatchOptions())
    recs = _records(tmp_path / "out")
    assert (recs[1]["duplicate"], recs[1]["duplicate_of"]) == ("near", "in/a")


def _make_corpus(folder: Path, seed_text: str, n: int) -> None:
    folder.mkdir()
    sentences = [s for s in seed_text.split(". ") if s]
    for k in range(n):
        text = ". ".join(sentences[(k * 7 + j) % len(sentences)] for j in range(12)) + f". {k + 1} мың адам келді."
        (folder / f"doc{k:04d}.txt").write_text(text, encoding="utf-8")


def test_killed_run_resumes_to_the_same_records(tmp_path, seed_text):
    corpus = tmp_path / "corpus"
    _make_corpus(corpus, seed_text, 400)
    whole = tmp_path / "whole"
    run([corpus], whole, BatchOptions(shard_size=20, parquet=False))
    killed = tmp_path / "killed"
    cmd = [
        sys.executable,
        "-m",
        "kaznlp.cli",
        "batch",
        str(corpus),
        "-o",
        str(killed),
        "--shard-size",
        "20",
        "--quiet",
        "--no-parquet",
        "--workers",
        "2",
    ]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.time() + 120
    while time.time() < deadline and len(list(killed.glob("documents-*.jsonl.gz"))) < 3:
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    partial = len(list(killed.glob("documents-*.jsonl.gz")))
    assert 3 <= partial < 20, "the run was not interrupted midway"
    res = subprocess.run(cmd + ["--resume"], capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stderr
    assert json.loads((killed / "summary.json").read_text())["resumed_from"] >= 60
    strip = lambda rs: [{k: v for k, v in r.items()} for r in rs]  # noqa: E731
    assert strip(_records(killed)) == strip(_records(whole))
    assert _facts(killed) == _facts(whole)
    assert len(_records(killed)) == 400


def test_dask_engine_gives_the_local_records(tmp_path, seed_text):
    distributed = pytest.importorskip("dask.distributed")
    corpus = tmp_path / "corpus"
    _make_corpus(corpus, seed_text, 40)
    run([corpus], tmp_path / "local", BatchOptions(shard_size=15, parquet=False))
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as client:  # fmt: skip
        run([corpus], tmp_path / "dask", BatchOptions(shard_size=15, parquet=False, engine="dask"), client=client)
    assert _records(tmp_path / "dask") == _records(tmp_path / "local")
    assert _facts(tmp_path / "dask") == _facts(tmp_path / "local")


def test_index_search_and_export(tmp_path, root, seed_path):
    out = tmp_path / "out"
    texts = [seed_path, *sorted((root / "corpora" / "heldout").glob("*.txt"))]
    run([seed_path, root / "corpora" / "heldout"], out, BatchOptions())
    db = tmp_path / "a.sqlite"
    n_facts = sum(len(kaznlp.extract(p.read_text(encoding="utf-8")).facts) for p in texts)  # what extract finds
    assert build_index(out, db) == {"documents": 11, "facts": n_facts, "entities": 0, "damaged": [], "replaced": 0}
    hits = list(search(db, "абонент"))
    assert [(h["type"], h["text"], h["value"]) for h in hits] == [
        ("count", "1 млн. 204 мың", 1204000.0),
        ("date", "1 қазандағы", None),
    ]
    big = list(search(db, type_="count", min_value=1_000_000))
    assert sorted(h["value"] for h in big) == [1204000.0, 2000000.0, 29000000.0, 30000000.0]
    n = export_es(out, tmp_path / "bulk.ndjson")
    lines = (tmp_path / "bulk.ndjson").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2 * (n["documents"] + n["facts"] + n["entities"])
    assert (
        json.loads((tmp_path / "bulk.ndjson.mapping.json").read_text())["mappings"]["properties"]["value"]["type"]
        == "double"
    )


def test_streaming_reader_on_rows_and_missing(tmp_path):
    p = tmp_path / "rows.csv"
    p.write_text("id,title,text\n1,Тақырып,Бірінші мәтін\n2,,\n", encoding="utf-8")
    docs = list(iter_documents([p, tmp_path / "nope.txt"]))
    assert [(d.id, d.text, d.error) for d in docs] == [
        ("1", "Бірінші мәтін", None),
        ("2", None, "empty"),
        (str(tmp_path / "nope.txt"), None, "missing"),
    ]
    assert docs[0].meta == {"title": "Тақырып"}


def test_resume_refuses_another_run_and_a_second_run_refuses_a_used_folder(tmp_path, root, seed_path):
    out = tmp_path / "out"
    seed = seed_path
    run([seed], out, BatchOptions())
    with pytest.raises(FileExistsError, match="--resume"):
        run([seed], out, BatchOptions())
    with pytest.raises(FileExistsError, match="other inputs"):
        run([root / "corpora" / "heldout"], out, BatchOptions(resume=True))
    assert run([seed], out, BatchOptions(resume=True))["resumed_from"] == 1


def test_the_duplicate_index_gives_the_first_copy_in_the_order_seen():
    """Exact copies by their hash; near ones by SimHash within 3 bits; where two earlier texts are near, the first
    one seen (the chains of each band keep the order)."""
    from kaznlp.batch.dedup import DuplicateIndex

    base = 0x0123_4567_89AB_CDEF
    for first, second in (("a", "b"), ("b", "a")):
        idx = DuplicateIndex()
        hashes = {"a": base, "b": base ^ 0b1111}  # 4 bits apart: not near each other
        assert idx.check(first, first * 32, hashes[first]) is None
        assert idx.check(second, second * 32, hashes[second]) is None
        assert idx.check("c", "c" * 32, base ^ 0b11) == ("near", first)  # 2 bits from each
        assert idx.check("d", "a" * 32, 0) == ("exact", "a")
        assert idx.check("e", "e" * 32, ~base & (2**64 - 1)) is None  # far from all
        idx.add("f", "f" * 32, base ^ 1 << 40)
        assert idx.check("g", "0" * 32, base ^ 1 << 40 ^ 1 << 63) == ("near", "a")  # a before f; b is far


def test_batch_with_ner_forgets_the_word_forms_of_each_batch():
    """Issue 15: a batch's new word forms (names, numbers, every inflected form) leave the NER model's vocabulary
    after the batch, so that memory stays flat over an archive of millions of documents; the records are the same
    as those of a pipeline run outside any memory zone."""
    from kaznlp.batch.readers import RawDoc
    from kaznlp.batch.runner import _pipeline, process_batch

    texts = [
        "Жамбыл облысында Ермекбай Жұмабайұлы 1 250 тонна астық жинады.",
        "Қарақұмбай ауылының тұрғыны Сәрсенғали Тілеуқабылов 17 гектар жерге жүгері екті.",
        "Түркістан облысы әкімдігінің мәліметінше, Жетісай ауданында 3 мектеп салынды.",
    ]
    nlp = _pipeline(True)
    strings = nlp._entities.nlp.vocab.strings
    process_batch([(0, RawDoc("warm", "Астанада 5 зауыт ашылды."))], True, None)
    before = len(strings)
    out = process_batch([(k, RawDoc(f"d{k}", t)) for k, t in enumerate(texts)], True, None)
    assert len(strings) == before
    assert "Тілеуқабылов" not in strings
    plain = kaznlp.Pipeline(ner=True)
    for res, text in zip(out, texts):
        want = plain(text).to_record()
        assert [(e["start"], e["end"], e["label"]) for e in res["entities"]] == [
            (e["start"], e["end"], e["label"]) for e in want["entities"]
        ]
        assert [f["value"] for f in res["facts"]] == [f["value"] for f in want["facts"]]
    assert any(e["text"] == "Сәрсенғали Тілеуқабылов" for e in out[1]["entities"])
