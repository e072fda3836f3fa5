"""Scoring of numeric facts against gold JSON Lines (``kaznlp evaluate``), exactly as ``facts-spec.md`` says.

A prediction matches a gold fact of the same document when the type is equal, the spans overlap and the value is
equal (numbers within 1e-6 relative, dates as strings); each gold fact is matched at most once. Optional gold
facts, and predictions of the same type overlapping them, are removed before counting, and so is a prediction of
a range's upper bound as a fact of its own. Unit and qualifier
agreement are accuracies over matched pairs.
"""

from __future__ import annotations

import json
import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..facts.base import FACT_TYPES

__all__ = ["Scores", "error_lines", "load_gold", "score"]


@dataclass
class Scores:
    tp: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    fp: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    fn: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    unit_ok: int = 0
    qualifier_ok: int = 0
    object_ok: int = 0
    object_total: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)

    @staticmethod
    def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f

    def table(self) -> list[dict[str, Any]]:
        rows = []
        for t in FACT_TYPES + ("overall",):
            if t == "overall":
                tp, fp, fn = sum(self.tp.values()), sum(self.fp.values()), sum(self.fn.values())
            else:
                tp, fp, fn = self.tp[t], self.fp[t], self.fn[t]
            if t != "overall" and tp + fp + fn == 0:
                continue
            p, r, f = self._prf(tp, fp, fn)
            rows.append({"type": t, "tp": tp, "fp": fp, "fn": fn, "precision": p, "recall": r, "f1": f})
        return rows

    def summary(self) -> dict[str, Any]:
        matched = sum(self.tp.values())
        overall = self.table()[-1]
        return {
            "precision": overall["precision"],
            "recall": overall["recall"],
            "f1": overall["f1"],
            "matched": matched,
            "unit_accuracy": self.unit_ok / matched if matched else 0.0,
            "qualifier_accuracy": self.qualifier_ok / matched if matched else 0.0,
            "object_accuracy": self.object_ok / self.object_total if self.object_total else None,
            "by_type": self.table()[:-1],
        }


def load_gold(paths: Iterable[str | Path]) -> dict[str, list[dict[str, Any]]]:
    """Gold facts by document, from JSON Lines files or directories of them."""
    gold: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for p in paths:
        p = Path(p)
        files = sorted(p.glob("*.jsonl")) if p.is_dir() else [p]
        for f in files:
            for line in f.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    rec = json.loads(line)
                    gold[rec["doc"]].append(rec)
    return dict(gold)


def _overlap(a: dict, b: dict) -> bool:
    return a["start"] < b["end"] and b["start"] < a["end"]


def _same_value(a: Any, b: Any) -> bool:
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return math.isclose(float(a), float(b), rel_tol=1e-6, abs_tol=1e-9)
    return a == b


def score(gold: dict[str, list[dict]], predicted: dict[str, list[dict]], scores: Scores | None = None) -> Scores:
    """Score predictions (by document) against gold (by document); only documents with gold are scored."""
    s = scores or Scores()
    for doc, gfacts in gold.items():
        optional = [g for g in gfacts if g.get("optional")]
        golds = [g for g in gfacts if not g.get("optional")]
        # a range's upper bound given as a fact of its own is neither rewarded nor punished
        uppers = [g for g in golds if g.get("value_max") is not None]
        preds = [
            p
            for p in predicted.get(doc, [])
            if not any(o["type"] == p["type"] and _overlap(o, p) for o in optional)
            and not any(
                u["type"] == p["type"] and _overlap(u, p) and _same_value(p["value"], u["value_max"]) for u in uppers
            )
        ]
        used = [False] * len(preds)
        for g in golds:
            hit = None
            for k, p in enumerate(preds):
                if not used[k] and p["type"] == g["type"] and _overlap(p, g) and _same_value(p["value"], g["value"]):
                    hit = k
                    break
            if hit is None:
                s.fn[g["type"]] += 1
                s.errors.append({"doc": doc, "error": "missed", "gold": g})
                continue
            used[hit] = True
            p = preds[hit]
            s.tp[g["type"]] += 1
            s.unit_ok += p.get("unit") == g.get("unit")
            s.qualifier_ok += p.get("qualifier") == g.get("qualifier")
            if g.get("object"):
                s.object_total += 1
                s.object_ok += p.get("object") == g.get("object")
                if p.get("object") != g.get("object"):
                    s.errors.append({"doc": doc, "error": "object", "gold": g, "predicted": p})
            if p.get("unit") != g.get("unit") or p.get("qualifier") != g.get("qualifier"):
                s.errors.append({"doc": doc, "error": "unit/qualifier", "gold": g, "predicted": p})
        for k, p in enumerate(preds):
            if not used[k]:
                s.fp[p["type"]] += 1
                s.errors.append({"doc": doc, "error": "spurious", "predicted": p})
    return s


_KIND = {"missed": "MISSED", "spurious": "EXTRA", "unit/qualifier": "UNIT/QUAL", "object": "OBJECT"}
_WINDOW = 60


def _evidence(text: str | None, rec: dict[str, Any]) -> str:
    """The span in brackets with up to 60 characters either side, on one line."""
    if text is None:
        return rec.get("text", "")
    s, e = rec["start"], rec["end"]
    left = text[max(0, s - _WINDOW) : s].rpartition("\n")[2]
    right = text[e : e + _WINDOW].partition("\n")[0]
    return " ".join(f"{left}[{text[s:e]}]{right}".split())


def _brief(rec: dict[str, Any]) -> str:
    v = rec["value"] if rec.get("value_max") is None else f"{rec['value']}..{rec['value_max']}"
    extras = [x for x in (rec.get("unit"), rec.get("qualifier")) if x]
    return f"{rec['type']} {v}" + (f" ({', '.join(extras)})" if extras else "")


def error_lines(scores: Scores, texts: dict[str, str], objects: bool = False) -> list[str]:
    """One readable line per miss, extra and unit/qualifier disagreement (and object, if asked), with the
    evidence in context: ``MISSED  doc  count 140  …балабақша [140 орынға] арналған…``."""
    out = []
    for err in scores.errors:
        kind = err["error"]
        if kind == "object" and not objects:
            continue
        rec = err.get("gold") if kind == "missed" else err.get("predicted")
        detail = _brief(rec)
        if kind in ("unit/qualifier", "object"):
            g, p = err["gold"], err["predicted"]
            field = "object" if kind == "object" else "unit/qualifier"
            want = g.get("object") if kind == "object" else f"{g.get('unit')}/{g.get('qualifier')}"
            got = p.get("object") if kind == "object" else f"{p.get('unit')}/{p.get('qualifier')}"
            detail = f"{_brief(p)}: {field} {got}, gold {want}"
        out.append(f"{_KIND[kind]:<9} {err['doc']}  {detail}  {_evidence(texts.get(err['doc']), rec)}")
    return out
