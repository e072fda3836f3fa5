"""Resolve the hand-written annotations (annotations.tsv) into gold JSON Lines with exact offsets.

Run from the repository root: ``python corpora/heldout/build_gold.py``. Fails loudly when a snippet is not found.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).parent
OUT = HERE.parent / "gold"


def _number(v: str):
    f = float(v)
    return int(f) if f.is_integer() else f


def main() -> None:
    by_doc = defaultdict(list)
    for line in (HERE / "annotations.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        doc, snippet, occ, typ, value, unit, qual, obj, optional = (line.split("\t") + [""] * 9)[:9]
        text = (HERE / f"{doc}.txt").read_text(encoding="utf-8")
        start = -1
        for _ in range(int(occ)):
            start = text.find(snippet, start + 1)
            if start < 0:
                raise SystemExit(f"{doc}: {snippet!r} (occurrence {occ}) not in the text")
        rec = {
            "doc": doc,
            "type": typ,
            "text": snippet,
            "start": start,
            "end": start + len(snippet),
            "value": value if typ == "date" else _number(value),
            "unit": unit or None,
            "qualifier": qual or None,
        }
        if obj:
            rec["object"] = obj
        if optional:
            rec["optional"] = True
        by_doc[doc].append(rec)
    for doc, recs in by_doc.items():
        recs.sort(key=lambda r: r["start"])
        with open(OUT / f"{doc}.jsonl", "w", encoding="utf-8") as f:
            for r in recs:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        print(f"{doc}: {len(recs)} facts")


if __name__ == "__main__":
    main()
