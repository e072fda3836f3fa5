"""A bounded fuzz run of the command line: random files and archives (every supported kind, every encoding kaznlp
reads and some it does not, cut and corrupt ones, odd names, link loops, pipes) through ``extract``, ``batch``,
``index``, ``search`` and ``export es``, in the process and as real processes.

Every round checks: no traceback and no internal error, only the documented exit codes, every message one line
starting ``kaznlp``, every JSON line valid JSON (no NaN or Infinity), every offset true (``text[start:end] ==
record["text"]``), one record per document in batch (``seq`` 0..n-1, ids unique), the index holding what the
shards hold. ``KAZNLP_FUZZ_SECONDS`` (default 25) bounds the run, ``KAZNLP_FUZZ_SEED`` (default 16) picks the
inputs; a failure names its round and seed, which replay it.
"""

from __future__ import annotations

import codecs
import csv
import gzip
import io
import json
import os
import random
import re
import sqlite3
import subprocess
import sys
import tarfile
import time
import traceback
import zipfile
from pathlib import Path

from click.testing import CliRunner
from robust_helpers import assert_document_offsets, assert_offsets, jsonl, shard_records, strict_loads

from kaznlp.cli import main
from kaznlp.io import InputError, decode_bytes

FUZZ_SECONDS = float(os.environ.get("KAZNLP_FUZZ_SECONDS", "25"))
SEED = int(os.environ.get("KAZNLP_FUZZ_SEED", "16"))
ROOT = Path(__file__).resolve().parent.parent
SPECIAL = "\u00ad\u0301\u0306\u200b\u200d\u2060\ufeff\u00a0\u2009\u202f\r\t\x0c«»“”—–−-'’%.,;:!?()[]{}\"\\/<>*&_aeopcxiı"
ENCODINGS = ["utf-8", "utf-8", "utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1251", "kz1048", "broken", "random"]
EXTENSIONS = [".txt", ".txt", ".jsonl", ".csv", ".txt.gz", ".jsonl.gz", ".csv.gz", ".zip", ".tar", ".tar.gz", ".tgz",
              ".png", ".md", ""]  # fmt: skip


def _sentences() -> list[str]:
    seed = (ROOT / "corpora" / "press" / "000_22e3ce8fe7e24122.txt").read_text(encoding="utf-8")
    return [s.strip() + "." for s in seed.split(".") if s.strip()][:40] + [
        "Бүгінде олар 29 млн. астам мемлекеттік қызмет көрсетті.", "Пайдаланушылар саны 73%-ға жетті.",
        "Министр Дәурен Абаев Астанада 1 қазанда 5 млрд теңге бөлінгенін айтты.", "1 204 000 адам, 12,5 мың шақырым.",
        "В Казахстане оказано более 29 млн государственных услуг.", "екі жүз отыз бес адам 5-7 пайызға өсті.",
    ]  # fmt: skip


SENTENCES = _sentences()


class Round:
    """One round's random inputs, made in ``folder``, and what each input file holds (for the offsets)."""

    def __init__(self, rng: random.Random, folder: Path) -> None:
        self.rng = rng
        self.folder = folder
        self.files: list[Path] = []
        folder.mkdir(parents=True)

    def text(self) -> str:
        rng, parts = self.rng, []
        for _ in range(rng.randint(0, 10)):
            r = rng.random()
            if r < 0.55:
                parts.append(rng.choice(SENTENCES))
            elif r < 0.62:
                parts.append("9" * rng.randint(300, 3000))
            elif r < 0.8:
                parts.append("".join(rng.choice(SPECIAL) for _ in range(rng.randint(1, 6))))
            elif r < 0.9:
                parts.append(rng.choice(SENTENCES).upper())
            else:
                parts.append("".join(chr(rng.choice([rng.randint(32, 0xD7FF), rng.randint(0xE000, 0x2FFFF)]))
                                     for _ in range(rng.randint(1, 8))))  # fmt: skip
        return rng.choice([" ", "\n", "", "\u00a0", "\n\n"]).join(parts)

    def encode(self, text: str) -> bytes:
        rng = self.rng
        enc = rng.choice(ENCODINGS)
        if enc == "random":
            return bytes(rng.randrange(256) for _ in range(rng.randint(0, 300)))
        if enc == "broken":
            data = bytearray(text.encode())
            for _ in range(rng.randint(1, 3)):
                if data:
                    data[rng.randrange(len(data))] = rng.choice([0xD0, 0xFF, 0x80, 0xC3])
            return bytes(data)
        try:
            return text.encode(enc)
        except UnicodeEncodeError:
            return text.encode(enc, "replace")

    def rows_jsonl(self) -> bytes:
        rng, lines = self.rng, []
        for k in range(rng.randint(0, 6)):
            r = rng.random()
            if r < 0.1:
                lines.append(rng.choice(["{not json", "[1, 2]", "null", "", "\x00\x01", '{"text": NaN}']))
                continue
            row = {"id": rng.choice([str(k), str(k), k, None, "dup", "", "x" * 50]), "text": self.text()}
            if r < 0.15:
                row["text"] = rng.choice([None, 7, ["a"], {"b": 1}])
            if rng.random() < 0.2 and isinstance(row["text"], str):
                row["text"] += rng.choice(["\ud800", "\udfff"])  # escaped by json.dumps
            if rng.random() < 0.3:
                row["date"] = rng.choice(["2016-11-25", "2016-11-25T09:00:00", "25.11.2016", "2016-13-45", 2016])
            if rng.random() < 0.3:
                row["title"] = rng.choice(["Тақырып", 5, None, "\ud800"])
            lines.append(json.dumps(row, ensure_ascii=rng.random() < 0.5))
        return "\n".join(lines).encode("utf-8", "surrogatepass")

    def rows_csv(self) -> bytes:
        buf = io.StringIO()
        w = csv.writer(buf)
        w.writerow(self.rng.choice([["id", "text"], ["id", "text", "date"], ["text"], ["x", "y"]]))
        for k in range(self.rng.randint(0, 5)):
            w.writerow([str(k), self.text(), "2016-11-25"])
        return buf.getvalue().encode(self.rng.choice(["utf-8", "utf-8-sig", "kz1048", "cp1251"]), "replace")

    def member(self, ext: str) -> bytes:
        """The bytes of one file of kind ``ext`` (archives hold a few members of other kinds)."""
        rng = self.rng
        if ext in (".txt", ".png", ".md", ""):
            return self.encode(self.text())
        if ext == ".jsonl":
            return self.rows_jsonl()
        if ext == ".csv":
            return self.rows_csv()
        if ext.endswith(".gz") and not ext.startswith(".tar"):
            return gzip.compress(self.member(ext[:-3]), compresslevel=rng.randint(1, 9))
        inner = [(f"m{k}{e}", self.member(e)) for k, e in enumerate(rng.choices([".txt", ".jsonl", ".csv", ".zip",
                                                                               ".png"], k=rng.randint(0, 4)))]  # fmt: skip
        buf = io.BytesIO()
        if ext == ".zip":
            with zipfile.ZipFile(buf, "w", rng.choice([zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED])) as z:
                for name, data in inner:
                    z.writestr(name, data)
        else:
            with tarfile.open(fileobj=buf, mode="w:gz" if ext in (".tar.gz", ".tgz") else "w") as tar:
                for name, data in inner:
                    info = tarfile.TarInfo(f"news/{name}")
                    info.size = len(data)
                    tar.addfile(info, io.BytesIO(data))
        return buf.getvalue()

    def damage(self, data: bytes) -> bytes:
        rng = self.rng
        r = rng.random()
        if r < 0.12 and data:
            return data[: rng.randrange(len(data))]
        if r < 0.22 and data:
            b = bytearray(data)
            at = rng.randrange(len(b))
            b[at : at + 8] = bytes(rng.randrange(256) for _ in range(8))
            return bytes(b)
        return data

    def make(self) -> list[str]:
        """Files in ``folder/in`` (some in a subfolder, some with odd names); the paths to give the command."""
        rng = self.rng
        d = self.folder / "in"
        (d / "sub").mkdir(parents=True)
        for k in range(rng.randint(1, 7)):
            ext = rng.choice(EXTENSIONS)
            stem = f"f{k}" + rng.choice(["", " with space", "_қазақша", "-\u0301", os.fsdecode(b"_\xff\xfe")])
            place = d / "sub" if rng.random() < 0.3 else d
            p = place / (stem + ext)
            p.write_bytes(self.damage(self.member(ext)))
            self.files.append(p)
        if rng.random() < 0.3:
            (d / "loop.txt").symlink_to(d / "loop.txt")
        if rng.random() < 0.2:
            (d / "gone.txt").symlink_to(d / "nothing.txt")
        if rng.random() < 0.2:
            os.mkfifo(d / "pipe.txt")  # in a folder: named, never read
        if rng.random() < 0.2:
            (d / "sub" / "up").symlink_to(d, target_is_directory=True)
        if rng.random() < 0.4:
            return [str(d)]
        picks = rng.sample(self.files, rng.randint(1, len(self.files)))
        return [str(p) for p in picks] + ([str(d / "missing.txt")] if rng.random() < 0.2 else [])

    def texts_by_stem(self, paths: list[str]) -> dict[str, str]:
        """What ``extract`` reads of each .txt it is given (directly or in a folder), by document id."""
        found: dict[str, str] = {}
        for p in map(Path, paths):
            for f in (sorted(p.rglob("*.txt")) if p.is_dir() else [p]):
                if not f.is_file():  # a pipe would block; a link loop is no file
                    continue
                try:
                    text = decode_bytes(f.read_bytes(), str(f))
                except (InputError, OSError):
                    continue
                found[f.stem] = found[re.sub("[\ud800-\udfff]", "\ufffd", f.stem)] = text  # as a CSV holds it
        return found


def invoke(args: list[str], real: bool, stdin: bytes | None = None) -> tuple[int, str, str]:
    if real:
        proc = subprocess.run([sys.executable, "-m", "kaznlp.cli", *args], input=stdin, capture_output=True,
                              timeout=300, env={**os.environ, "PYTHONIOENCODING": "utf-8"})  # fmt: skip
        return proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8", "backslashreplace")
    res = CliRunner().invoke(main, args, input=stdin, prog_name="kaznlp")
    if res.exception is not None and not isinstance(res.exception, SystemExit):  # KAZNLP_DEBUG=1 lets it through
        raise AssertionError("".join(traceback.format_exception(*res.exc_info)))
    return res.exit_code, res.stdout, res.stderr


def check_messages(code: int, stderr: str, codes: tuple[int, ...]) -> None:
    assert code in codes, (code, stderr[-2000:])
    assert "Traceback" not in stderr and "internal error" not in stderr, stderr[-2000:]
    for line in stderr.splitlines():
        assert line.startswith(("kaznlp", "{", "}", " ", "documents")), line  # messages, the summary's JSON, progress


def fuzz_extract(rng: random.Random, rnd: Round, paths: list[str], real: bool) -> None:
    what = rng.choice(["facts", "facts", "entities", "documents"])
    fmt = rng.choice(["jsonl", "jsonl", "csv"])
    args = ["extract", *paths, "--records", what, "--format", fmt, "--lang", rng.choice(["kk", "any"])]
    args.append(rng.choice(["--no-ner", "--no-ner", "--ner"]))
    stdin = None
    if rng.random() < 0.15:
        args[1 : 1 + len(paths)] = ["-"]
        stdin = rnd.encode(rnd.text())
    code, out, err = invoke(args, real, stdin)
    check_messages(code, err, (0, 3, 4))
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(out)))
        recs = [{**r, "start": int(r["start"]), "end": int(r["end"])} for r in rows if r.get("start")]
    else:
        recs = jsonl(out)
    if what == "documents":
        for r in recs:
            if "error" not in r:
                assert_document_offsets(r)
        return
    if stdin is not None:
        texts = {"stdin": decode_bytes(stdin)} if recs else {}
    else:
        texts = rnd.texts_by_stem(paths)
    for r in recs:
        text = texts[r["doc"]]
        if fmt == "csv":  # tables hold U+FFFD for a lone surrogate; none come from decoded files
            assert text[r["start"] : r["end"]] == r["text"]
        else:
            assert_offsets(text, [r])


def fuzz_batch(rng: random.Random, paths: list[str], out: Path, real: bool) -> bool:
    args = ["batch", *paths, "-o", str(out), "--quiet", "--shard-size", str(rng.randint(1, 6))]
    args += rng.choice([[], [], ["--lang", "kk"]]) + rng.choice([[], ["--no-parquet"]])
    args += rng.choice([[], [], [], ["--ner"]])
    code, _, err = invoke(args, real)
    check_messages(code, err, (0, 3, 4))
    recs = shard_records(out)
    summary = strict_loads((out / "summary.json").read_text(encoding="utf-8"))
    assert [r["seq"] for r in recs] == list(range(len(recs))) and summary["documents"] == len(recs)
    assert len({r["id"] for r in recs}) == len(recs)
    assert summary["errors"] == sum("error" in r for r in recs)
    texts = {}
    for r in recs:
        assert r.get("message") is None or "\n" not in r["message"]
        if "error" not in r:
            assert_document_offsets(r)
            texts[r["id"]] = r["text"]
    for name in ("facts", "entities"):
        flat = shard_records(out, name)
        assert len(flat) == summary[name]
        for r in flat:
            assert_offsets(texts[r["doc"]], [r])
    assert not list(out.glob("tmp-*"))
    if rng.random() < 0.2:  # resuming a finished run changes nothing
        code, _, err = invoke(args + ["--resume"], False)
        check_messages(code, err, (0, 3, 4))
        again = strict_loads((out / "summary.json").read_text(encoding="utf-8"))
        assert {k: v for k, v in again.items() if k in ("documents", "errors", "facts", "entities")} == {
            k: v for k, v in summary.items() if k in ("documents", "errors", "facts", "entities")
        }
    return bool(recs)


def fuzz_index_and_search(rng: random.Random, rnd: Round, out: Path, db: Path, real: bool) -> None:
    code, _, err = invoke(["index", str(out), "--db", str(db)], real)
    check_messages(code, err, (0, 3))
    recs = shard_records(out)
    con = sqlite3.connect(db)
    stored = dict(con.execute("SELECT id, text FROM documents"))
    assert len(stored) == len(recs)
    for doc, s, e, t in con.execute('SELECT doc, start, "end", text FROM facts'):
        assert stored[doc][s:e] == t
    con.close()
    for _ in range(rng.randint(1, 3)):
        args = ["search"]
        if rng.random() < 0.8:
            args.append(rng.choice(['"', "*", "-", "  ", "абонент", "млн", "a OR b", 'NEAR("x")', "%", "Қазақстан*",
                                    "".join(rng.choice(SPECIAL) for _ in range(3)), rnd.text()[:30]]))  # fmt: skip
        args += ["--db", str(db), "--format", rng.choice(["jsonl", "table"])]
        if rng.random() < 0.3:
            args += ["--type", rng.choice(["count", "money", "date"])]
        if rng.random() < 0.3:
            args += [rng.choice(["--min", "--max"]), rng.choice(["1000", "-5", "1e308", "nan", "x"])]
        if rng.random() < 0.3:
            args += [rng.choice(["--from", "--to"]), rng.choice(["2016-01-01", "notadate", "2016-02-30", ""])]
        if rng.random() < 0.3:
            args += ["--entity", rng.choice(["%", "_", "Қазақстан", "'", '"'])]
        if rng.random() < 0.1:
            args += ["--limit", rng.choice(["0", "-1", "3"])]
        code, out_text, err = invoke(args, real)
        check_messages(code, err, (0, 2))
        if code == 0 and "jsonl" in args:
            for r in jsonl(out_text):
                assert stored[r["doc"]][r["start"] : r["end"]] == r["text"]
    bulk = rnd.folder / "bulk.ndjson"
    code, _, err = invoke(["export", "es", str(out), "-o", str(bulk)], real)
    check_messages(code, err, (0,))
    for line in bulk.read_text(encoding="utf-8").splitlines():
        strict_loads(line)


def test_cli_fuzz(tmp_path):
    rng = random.Random(SEED)
    deadline = time.monotonic() + FUZZ_SECONDS
    rounds = 0
    while time.monotonic() < deadline or rounds < 4:
        real = rounds % 6 == 5  # every sixth round as real processes
        rnd = Round(random.Random(rng.random()), tmp_path / f"r{rounds}")
        try:
            paths = rnd.make()
            fuzz_extract(rnd.rng, rnd, paths, real)
            out = rnd.folder / "out"
            if fuzz_batch(rnd.rng, paths, out, real):
                fuzz_index_and_search(rnd.rng, rnd, out, rnd.folder / "a.sqlite", real)
        except AssertionError as exc:
            raise AssertionError(f"fuzz round {rounds} (KAZNLP_FUZZ_SEED={SEED}) failed: {exc}") from exc
        rounds += 1
    print(f"{rounds} fuzz rounds in {FUZZ_SECONDS:.0f} s")
    codecs.lookup("kz1048")  # the encodings fuzzed are known to this Python
