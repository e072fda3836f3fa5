"""Resolve hand-written annotation tables into gold JSON Lines with exact offsets (``gold/<doc>.jsonl``).

Run from the repository root: ``python corpora/build_gold.py``. It reads ``heldout/annotations.tsv`` and every
``*/annotations/<doc>.tsv`` (the press releases), and fails loudly when a snippet is not found.

A table row: ``doc  snippet  occ  type  value  unit  qualifier  object  optional  [value_max]``. ``snippet`` is
the evidence as it stands in the text, ``occ`` which occurrence of it (1 = first); lines starting with ``#`` are
comments.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).parent
OUT = HERE / "gold"


def _number(v: str) -> int | float:
    f = float(v)
    return int(f) if f.is_integer() else f


def tables() -> list[Path]:
    return [HERE / "heldout" / "annotations.tsv", *sorted(HERE.glob("*/annotations/*.tsv"))]


def resolve(table: Path) -> dict[str, list[dict]]:
    """Gold records of one table, by document."""
    by_doc: dict[str, list[dict]] = defaultdict(list)
    folder = table.parent.parent if table.parent.name == "annotations" else table.parent
    for n, line in enumerate(table.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = (line.split("\t") + [""] * 10)[:10]
        doc, snippet, occ, typ, value, unit, qual, obj, optional, vmax = cols
        text = (folder / f"{doc}.txt").read_text(encoding="utf-8")
        start = -1
        for _ in range(int(occ)):
            start = text.find(snippet, start + 1)
            if start < 0:
                raise SystemExit(f"{table}:{n}: {snippet!r} (occurrence {occ}) not in {doc}.txt")
        rec: dict = {
            "doc": doc,
            "type": typ,
            "text": snippet,
            "start": start,
            "end": start + len(snippet),
            "value": value if typ == "date" else _number(value),
            "unit": unit or None,
            "qualifier": qual or None,
        }
        if vmax.strip():
            rec["value_max"] = vmax.strip() if typ == "date" else _number(vmax)
        if obj:
            rec["object"] = obj
        if optional.strip():
            rec["optional"] = True
        by_doc[doc].append(rec)
    return by_doc


def main() -> None:
    for table in tables():
        for doc, recs in resolve(table).items():
            recs.sort(key=lambda r: (r["start"], r["end"]))
            with open(OUT / f"{doc}.jsonl", "w", encoding="utf-8") as f:
                for r in recs:
                    f.write(json.dumps(r, ensure_ascii=False) + "\n")
            print(f"{doc}: {len(recs)} facts")


if __name__ == "__main__":
    main()
