"""Each piece of Kazakh knowledge has one home: letters and endings live in ``kaznlp/data`` tables, read by
``kaznlp/morphology.py``; no other module writes Kazakh letters in its code (comments and docstrings aside)."""

from __future__ import annotations

import ast
import io
import re
import tokenize
from pathlib import Path

import pytest

from kaznlp import morphology
from kaznlp.numbers import word_value

PACKAGE = Path(__file__).resolve().parent.parent / "kaznlp"
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
HOME = {PACKAGE / "morphology.py"}


def _docstrings(tree: ast.AST) -> set[int]:
    lines = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                lines.add(first.lineno)
    return lines


def kazakh_literals(path: Path) -> list[str]:
    """String literals with Cyrillic letters and no spaces in a Python file (endings, letter classes, words);
    docstrings and prose (descriptions, messages) left out."""
    src = path.read_text(encoding="utf-8")
    docs = _docstrings(ast.parse(src))
    found = []
    for tok in tokenize.generate_tokens(io.StringIO(src).readline):
        prose = " " in tok.string
        if tok.type == tokenize.STRING and tok.start[0] not in docs and CYRILLIC.search(tok.string) and not prose:
            found.append(f"{path.relative_to(PACKAGE.parent)}:{tok.start[0]}: {tok.string[:60]}")
    return found


def test_no_kazakh_letters_or_endings_in_code_outside_their_home():
    offenders = [
        hit
        for p in sorted(PACKAGE.rglob("*.py"))
        if p not in HOME and "data" not in p.relative_to(PACKAGE).parts
        for hit in kazakh_literals(p)
    ]
    assert offenders == []


def test_the_check_finds_a_literal(tmp_path):
    p = tmp_path / "x.py"
    p.write_text('"""Docstring: ның is fine here."""\nENDINGS = ("дар", "лар")  # a copy of the plural\n')
    assert [h.split(": ", 1)[1] for h in _hits(p)] == ['"дар"', '"лар"']


def _hits(p: Path) -> list[str]:
    global PACKAGE
    saved, PACKAGE = PACKAGE, p.parent
    try:
        return kazakh_literals(p)
    finally:
        PACKAGE = saved


@pytest.mark.parametrize(
    "word, parts",
    [
        ("учаскесінің", ("учаске", "", "сі", "нің")),
        ("министрлігінің", ("министрлік", "", "і", "нің")),
        ("мекендерде", ("мекен", "дер", "", "де")),
        ("облыстарда", ("облыс", "тар", "", "да")),
        ("жұмысшы", ("жұмысшы", "", "", "")),  # the agent ending -шы, no possessive
    ],
)
def test_stem_parts(word, parts):
    assert morphology.stem_parts(word) == parts


def test_one_table_serves_every_pattern():
    # the dative -на after a possessive: a number word, a unit, a name all take it now
    assert word_value("алтысына").value == 6
    assert morphology.is_inflection("ына")
    assert morphology.base_form("министрлігінің", "ORGANISATION") == "министрлігі"
    assert morphology.endings("ablative")[:2] == ("ннан", "ннен")
    assert morphology.is_ending("ғы", "rel") and not morphology.is_ending("ғы", "case")
    assert morphology.ACCUSATIVE == ("ны", "ні", "ын", "ін", "н")


def test_letter_classes_come_from_the_table():
    assert set(morphology.KAZAKH_SPECIFIC) == set("әғқңөұүһі")
    assert re.fullmatch(morphology.UPPER_CLASS, "Ә") and not re.fullmatch(morphology.UPPER_CLASS, "ә")
    assert morphology.LATIN_LOOKALIKES["i"] == "і"
