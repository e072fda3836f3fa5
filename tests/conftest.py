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
