"""The batch's duplicate index and set of ids (issue 15: compact tables, no Python object per document): the same
answers as a dict and a set, across the tables' doubling and a resumed run."""

import csv
import hashlib
import random
import shutil
from pathlib import Path

from kaznlp.batch import BatchOptions, run
from kaznlp.batch.dedup import DuplicateIndex, IdSet
from kaznlp.batch.readers import RawDoc
from kaznlp.batch.runner import _unique_ids, read_shard

N = 5000  # documents: the tables start at 1,024 slots and double three times


def _exact(k: int) -> str:
    return hashlib.blake2b(f"text {k}".encode(), digest_size=16).hexdigest()


def _ids(n: int) -> list[str]:
    """Ids of every kind: ASCII, Cyrillic, an astral character, a lone surrogate (a file name not in UTF-8)."""
    kinds = ("doc{}", "құжат-{}", "x\U0001f600{}", "bad\udcff{}", "{}")
    return [kinds[k % len(kinds)].format(k) for k in range(n)]


def test_exact_and_near_copies_give_the_first_id_across_the_tables_doubling():
    rng = random.Random(15)
    ids = _ids(N)
    hashes = [rng.getrandbits(64) for _ in range(N)]
    idx = DuplicateIndex()
    for k in range(N):
        assert idx.check(ids[k], _exact(k), hashes[k]) is None
    assert len(idx) == N
    for k in rng.sample(range(N), 400):
        far = hashes[k] ^ 0xFFFF_FFFF_0000_0000  # a SimHash near no document (32 bits from its own)
        assert idx.check(f"copy{k}", _exact(k), far) == ("exact", ids[k])
        near = hashes[k] ^ (1 << rng.randrange(64)) ^ (1 << rng.randrange(64))
        assert idx.check(f"edit{k}", _exact(N + k), near) == ("near", ids[k])
    assert len(idx) == N  # copies are not remembered
    assert idx.check("new", _exact(3 * N), rng.getrandbits(64)) is None
    assert idx.check("again", _exact(3 * N), 0) == ("exact", "new")


def test_a_document_added_with_a_known_text_keeps_its_number():
    """``add`` (a resumed run's documents) with an exact hash seen before: the first copy stays the answer, and the
    document's own SimHash still gives its own id."""
    idx = DuplicateIndex()
    base = 0x0123_4567_89AB_CDEF
    idx.add("a", _exact(1), base)
    idx.add("b", _exact(1), base ^ 0xFFFF_FFFF_0000_0000)  # the same text, another SimHash
    idx.add("c", _exact(2), 0x5555_5555_5555_5555)
    assert idx.check("d", _exact(1), 0) == ("exact", "a")
    assert idx.check("e", _exact(3), base ^ 0xFFFF_FFFF_0000_0001) == ("near", "b")
    assert idx.check("f", _exact(4), 0x5555_5555_5555_5554) == ("near", "c")
    assert [idx.doc_id(k) for k in range(len(idx))] == ["a", "b", "c"]


def test_an_exact_hash_of_another_length_is_compared_as_before():
    idx = DuplicateIndex()
    assert idx.check("short", "ab", 0x1111_2222_3333_4444) is None
    assert idx.check("empty", "", 0xAAAA_0000_5555_FFFF) is None
    assert idx.check("long", "00" * 20, 0x0000_AAAA_FFFF_5555) is None
    assert idx.check("x", "ab", 0xFFFF_FFFF_0000_0000) == ("exact", "short")
    assert idx.check("y", "", 0xFFFF_0000_FFFF_0000) == ("exact", "empty")
    assert idx.check("z", "00" * 16, 0x0000_FFFF_0000_FFFF) is None  # 16 zero bytes: not the 20 of "long"
    assert idx.check("w", "00" * 20, 0xF0F0_F0F0_F0F0_F0F0) == ("exact", "long")
    assert idx.check("v", "00" * 16, 0x0F0F_0F0F_0F0F_0F0F) == ("exact", "z")


def test_the_set_of_ids_across_its_doubling():
    ids = _ids(N)
    seen = IdSet()
    for k, doc_id in enumerate(ids):
        assert doc_id not in seen
        seen.add(doc_id)
        seen.add(ids[k // 2])  # again: no change
        assert doc_id in seen
    assert len(seen) == N
    assert all(doc_id in seen for doc_id in ids)
    assert not any(f"{doc_id}#2" in seen or doc_id + " " in seen for doc_id in ids)
    assert "bad\udcfe1" not in seen and "bad\udcff3" in seen


def test_a_repeated_id_gets_the_next_free_number():
    seen = IdSet()
    seen.add("c")  # from the finished part of a resumed run
    items = ((k, RawDoc(doc_id, "x")) for k, doc_id in enumerate(["a", "a", "a#2", "a", "c", "b"]))
    got = [raw.id for _, raw in _unique_ids(items, seen)]
    assert got == ["a", "a#2", "a#2#2", "a#3", "c#2", "b"]
    assert all(i in seen for i in got) and len(seen) == 7


def _write_csv(path: Path, rows: list[tuple[str, str]]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "text"])
        w.writerows(rows)


def _records(out: Path) -> list[dict]:
    return [r for p in sorted(out.glob("documents-*.jsonl.gz")) for r in read_shard(p)]


def test_a_resumed_run_flags_copies_of_the_finished_part(tmp_path, seed_text):
    """The second input repeats the first's ids and texts (one exact copy, one edited); the run stopped after the
    first input's shards is resumed to the records of the whole run: the copies point into the finished part."""
    sentences = [s for s in seed_text.split(". ") if s]
    texts = [". ".join(sentences[(k * 5 + j) % len(sentences)] for j in range(8)) + "." for k in range(4)]
    edited = texts[1][:-1] + " 2024."  # one word more
    _write_csv(tmp_path / "one.csv", [(str(k + 1), t) for k, t in enumerate(texts)])
    _write_csv(tmp_path / "two.csv", [("1", texts[0]), ("2", edited)])
    inputs = [tmp_path / "one.csv", tmp_path / "two.csv"]
    opts = BatchOptions(shard_size=2, parquet=False, progress=False)
    whole = tmp_path / "whole"
    run(inputs, whole, opts)
    recs = _records(whole)
    assert [(r["id"], r.get("duplicate"), r.get("duplicate_of")) for r in recs] == [
        ("1", None, None),
        ("2", None, None),
        ("3", None, None),
        ("4", None, None),
        ("1#2", "exact", "1"),
        ("2#2", "near", "2"),
    ]
    part = tmp_path / "part"
    shutil.copytree(whole, part)
    for p in part.iterdir():  # the run as if killed after the first input's two shards
        if p.name.startswith(("documents-00002", "facts-00002", "entities-00002", "summary")):
            p.unlink()
    summary = run(inputs, part, BatchOptions(shard_size=2, parquet=False, progress=False, resume=True))
    assert summary["resumed_from"] == 4 and summary["processed_this_run"] == 2
    assert (summary["duplicates_exact"], summary["duplicates_near"]) == (1, 1)
    assert _records(part) == recs
