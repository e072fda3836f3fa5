from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED_DOC = "000_22e3ce8fe7e24122"


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def seed_text() -> str:
    return (ROOT / "corpora" / "press" / f"{SEED_DOC}.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return ROOT / "corpora" / "press" / f"{SEED_DOC}.txt"


def bundled_archive_rows(root: Path = ROOT) -> list[dict]:
    """The bundled releases (corpora/press and corpora/releases) as archive rows: ids as ``kaznlp batch`` gives
    folders (``press/…``, ``releases/…``), the publisher as title, and the date where SOURCES.tsv knows the day."""
    import csv
    import re

    with open(root / "corpora" / "releases" / "SOURCES.tsv", encoding="utf-8", newline="") as f:
        sources = {r["id"]: r for r in csv.DictReader(f, delimiter="\t")}
    rows = []
    for folder in ("press", "releases"):
        for p in sorted((root / "corpora" / folder).glob("*.txt")):
            src = sources.get(p.stem, {})
            row = {"id": f"{folder}/{p.stem}", "text": p.read_text(encoding="utf-8")}
            if src.get("publisher_or_body"):
                row["title"] = src["publisher_or_body"]
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", src.get("approx_date", "")):
                row["date"] = src["approx_date"]
            rows.append(row)
    return rows


@pytest.fixture(scope="session")
def archive_db(tmp_path_factory) -> Path:
    """An index (``kaznlp batch --ner``, then ``kaznlp index``) of the bundled releases."""
    import json

    from kaznlp.batch import BatchOptions, run
    from kaznlp.batch.index import build_index

    d = tmp_path_factory.mktemp("archive")
    src = d / "releases.jsonl"
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in bundled_archive_rows()), "utf-8")
    run([src], d / "out", BatchOptions(ner=True, parquet=False, progress=False))
    build_index(d / "out", d / "archive.sqlite")
    return d / "archive.sqlite"
