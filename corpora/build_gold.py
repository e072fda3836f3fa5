"""Resolve hand-written annotation tables into gold JSON Lines with exact offsets.

Run from the repository root: ``python corpora/build_gold.py``. It fails loudly when a snippet is not found.

- Numeric facts: ``heldout/annotations.tsv`` and every ``*/annotations/<doc>.tsv`` → ``gold/<doc>.jsonl``. A row:
  ``doc  snippet  occ  type  value  unit  qualifier  object  optional  [value_max]``.
- Named entities: every ``*/entities/<doc>.tsv`` → ``gold-entities/<doc>.jsonl``; the later sets kept aside,
  ``*/entities-aside<N>/<doc>.tsv`` → ``gold-entities-aside<N>/<doc>.jsonl`` (their texts stay where they are). A row:
  ``doc  snippet  occ  label  base  inside  optional``.

``snippet`` is the evidence as it stands in the text, ``occ`` which occurrence of it (1 = first); lines starting
with ``#`` are comments.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).parent
OUT = HERE / "gold"
OUT_ENTITIES = HERE / "gold-entities"


def _number(v: str) -> int | float:
    f = float(v)
    return int(f) if f.is_integer() else f


def tables() -> list[Path]:
    return [HERE / "heldout" / "annotations.tsv", *sorted(HERE.glob("*/annotations/*.tsv"))]


def _rows(table: Path, width: int):
    """(line number, columns, the document's text) of each row of a table."""
    kind = table.parent.name
    tabled = kind in ("annotations", "entities") or kind.startswith("entities-aside")
    folder = table.parent.parent if tabled else table.parent
    for n, line in enumerate(table.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip() and not line.startswith("#"):
            cols = (line.split("\t") + [""] * width)[:width]
            yield n, cols, (folder / f"{cols[0]}.txt").read_text(encoding="utf-8")


def _find(table: Path, n: int, text: str, doc: str, snippet: str, occ: str) -> int:
    start = -1
    for _ in range(int(occ)):
        start = text.find(snippet, start + 1)
        if start < 0:
            raise SystemExit(f"{table}:{n}: {snippet!r} (occurrence {occ}) not in {doc}.txt")
    return start


def resolve(table: Path) -> dict[str, list[dict]]:
    """Gold facts of one table, by document."""
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for n, cols, text in _rows(table, 10):
        doc, snippet, occ, typ, value, unit, qual, obj, optional, vmax = cols
        start = _find(table, n, text, doc, snippet, occ)
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


def resolve_entities(table: Path) -> dict[str, list[dict]]:
    """Gold entities of one table, by document."""
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for n, cols, text in _rows(table, 7):
        doc, snippet, occ, label, base, inside, optional = cols
        start = _find(table, n, text, doc, snippet, occ)
        rec: dict = {"doc": doc, "label": label, "text": snippet, "start": start, "end": start + len(snippet)}
        rec["base"] = base or None
        if inside.strip():
            rec["inside"] = inside.strip()
        if optional.strip():
            rec["optional"] = True
        by_doc[doc].append(rec)
    return by_doc


def _write(folder: Path, by_doc: dict[str, list[dict]], what: str) -> None:
    folder.mkdir(exist_ok=True)
    for doc, recs in by_doc.items():
        recs.sort(key=lambda r: (r["start"], -r["end"]))
        with open(folder / f"{doc}.jsonl", "w", encoding="utf-8") as f:
            for r in recs:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        print(f"{doc}: {len(recs)} {what}")


def main() -> None:
    for table in tables():
        _write(OUT, resolve(table), "facts")
    for table in sorted(HERE.glob("*/entities/*.tsv")):
        _write(OUT_ENTITIES, resolve_entities(table), "entities")
    for table in sorted(HERE.glob("*/entities-aside*/*.tsv")):  # the sets kept aside, each in a gold folder of its own
        _write(HERE / f"gold-{table.parent.name}", resolve_entities(table), "entities")


if __name__ == "__main__":
    main()
