"""Kazakh language tables (plain TSV/TXT files beside this module), loaded once and cached."""

from __future__ import annotations

from functools import cache
from importlib import resources

__all__ = ["rows", "words"]


def _lines(name: str) -> list[str]:
    text = resources.files(__name__).joinpath(name).read_text(encoding="utf-8")
    return [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


@cache
def rows(name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of a tab-separated table, comment lines dropped."""
    return tuple(tuple(ln.split("\t")) for ln in _lines(name))


@cache
def words(name: str) -> tuple[str, ...]:
    """One entry a line, comment lines dropped."""
    return tuple(ln.strip() for ln in _lines(name))
