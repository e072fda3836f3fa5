"""The metamorphic check of Kazakh in Latin script: a Cyrillic corpus transliterated to Latin script by an
independent transliterator (``turkicnlp``, a dev dependency only: the 2021 alphabet), and from that by letter
rewrites to the 2018 (acute), 2017 (apostrophe) and informal ASCII variants; kaznlp runs on both, and each fact
(type, value, unit, qualifier) and entity (label, base) of the Cyrillic text must come back from the Latin text at
the mapped offsets. Used by ``tests/test_metamorphic.py`` and ``bench/metamorphic.py``."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from turkicnlp.scripts import Script
from turkicnlp.scripts.transliterator import Transliterator

from kaznlp.ner.corpus import sentence_texts

ROOT = Path(__file__).resolve().parent.parent
_CYR_TO_LAT = Transliterator("kaz", Script.CYRILLIC, Script.LATIN)

# 2021 (turkicnlp's output) to the other variants, letter by letter (lower case; capitals follow)
_TO_2018 = {"ä": "á", "ğ": "ǵ", "ñ": "ń", "ö": "ó", "ū": "u", "ü": "ú", "ş": "sh", "ı": "i", "i": "ı", "u": "ý",
            "I": "I", "İ": "I", "Ä": "Á", "Ğ": "Ǵ", "Ñ": "Ń", "Ö": "Ó", "Ū": "U", "Ü": "Ú", "Ş": "Sh", "U": "Ý"}  # fmt: skip
_TO_2017 = {"ä": "a'", "ğ": "g'", "ñ": "n'", "ö": "o'", "ū": "u", "ü": "u'", "ş": "s'", "ı": "i", "i": "i'",
            "u": "y'", "I": "I", "İ": "I'", "Ä": "A'", "Ğ": "G'", "Ñ": "N'", "Ö": "O'", "Ū": "U", "Ü": "U'",
            "Ş": "S'", "U": "Y'"}  # fmt: skip
_TO_ASCII = {"ä": "a", "ğ": "gh", "ñ": "n", "ö": "o", "ū": "u", "ü": "u", "ş": "sh", "ı": "i", "i": "i", "j": "zh",
             "I": "I", "İ": "I", "Ä": "A", "Ğ": "Gh", "Ñ": "N", "Ö": "O", "Ū": "U", "Ü": "U", "Ş": "Sh", "J": "Zh"}  # fmt: skip
VARIANTS = {"2021": None, "2018": _TO_2018, "2017": _TO_2017, "ascii": _TO_ASCII}


def _is_cyrillic(c: str) -> bool:
    return "\u0400" <= c <= "\u04ff"


def to_latin(text: str) -> tuple[str, list[int]]:
    """``text`` in Latin script (turkicnlp, word by word) and the map of each Cyrillic offset (0..len) to the Latin
    one: exact at word edges, proportional inside a word."""
    out: list[str] = []
    m = [0] * (len(text) + 1)
    pos = 0
    i = 0
    n = len(text)
    while i < n:
        if not _is_cyrillic(text[i]):
            m[i] = pos
            out.append(text[i])
            pos += 1
            i += 1
            continue
        j = i
        while j < n and _is_cyrillic(text[j]):
            j += 1
        lat = _CYR_TO_LAT.transliterate(text[i:j])
        for k in range(i, j):
            m[k] = pos + (k - i) * len(lat) // (j - i)
        out.append(lat)
        pos += len(lat)
        i = j
    m[n] = pos
    return "".join(out), m


def rewrite(text: str, table: dict[str, str]) -> tuple[str, list[int]]:
    """``text`` with letters rewritten by ``table`` and the offset map (0..len) into the result."""
    out: list[str] = []
    m = []
    pos = 0
    for c in text:
        r = table.get(c, c)
        m.append(pos)
        out.append(r)
        pos += len(r)
    m.append(pos)
    return "".join(out), m


def variant_text(text: str, variant: str) -> tuple[str, list[int]]:
    lat, m = to_latin(text)
    table = VARIANTS[variant]
    if table is None:
        return lat, m
    lat2, m2 = rewrite(lat, table)
    return lat2, [m2[x] for x in m]


FOLDERS = ("press", "releases", "releases-blind", "heldout")


def documents(kaznerd_docs: int | None = None, folders: tuple[str, ...] = FOLDERS) -> Iterator[tuple[str, str]]:
    """(id, text) of the seed, the 45 releases, the held-out documents and KazNERD validation sentences grouped by
    30 (``kaznerd_docs`` of them; all when None), as ``bench/compare_records.py`` reads them."""
    corpora = ROOT / "corpora"
    for folder in folders:
        for p in sorted((corpora / folder).glob("*.txt")):
            yield f"{folder}/{p.stem}", p.read_text(encoding="utf-8")
    sents = sentence_texts(corpora / "kaznerd" / "IOB2_valid.txt")
    groups = range(0, len(sents), 30)
    for k in list(groups)[:kaznerd_docs]:
        yield f"kaznerd_valid/{k // 30}", " ".join(sents[k : k + 30])


def _lat_base(base: str | None) -> str | None:
    return _CYR_TO_LAT.transliterate(base).lower() if base else base


def compare(cyr_doc, lat_doc, m: list[int], entities: bool) -> dict[str, list]:
    """Facts and entities of the Cyrillic document matched against the Latin one's at mapped offsets: the
    matched, missed (in Cyrillic only) and extra (in Latin only) of each."""
    out: dict[str, list] = {}
    fc = [(f.type, f.value, f.unit, f.qualifier, m[f.start], m[f.end]) for f in cyr_doc.facts]
    fl = [(f.type, f.value, f.unit, f.qualifier, f.start, f.end) for f in lat_doc.facts]
    out["facts"] = _match(fc, fl)
    if entities:
        ec = [(e.label, _lat_base(e.base), m[e.start], m[e.end]) for e in cyr_doc.entities]
        el = [(e.label, _lat_base(e.base), e.start, e.end) for e in lat_doc.entities]
        out["entities"] = _match(ec, el)
    return out


def _match(a: list, b: list) -> list:
    rest = list(b)
    matched, missed = [], []
    for x in a:
        if x in rest:
            rest.remove(x)
            matched.append(x)
        else:
            missed.append(x)
    return [matched, missed, rest]


def run(nlp, variant: str = "2021", kaznerd_docs: int | None = None, entities: bool = True,
        folders: tuple[str, ...] = FOLDERS) -> dict:
    """Every document through kaznlp in Cyrillic and in ``variant``; totals (over all and by corpus: ``press``,
    ``releases``, ``releases-blind``, ``heldout``, ``kaznerd_valid``), their rates and the disagreements."""
    totals: dict[str, list[int]] = {"facts": [0, 0, 0], "entities": [0, 0, 0]}
    by_corpus: dict[str, dict[str, list[int]]] = {}
    bad = []
    scripts = set()
    for doc_id, text in documents(kaznerd_docs, folders):
        lat, m = variant_text(text, variant)
        cyr_doc, lat_doc = nlp(text), nlp(lat)
        scripts.add((lat_doc.meta.get("script"), lat_doc.meta.get("script_variant")))
        corpus = by_corpus.setdefault(doc_id.split("/")[0], {"facts": [0, 0, 0], "entities": [0, 0, 0]})
        for kind, (matched, missed, extra) in compare(cyr_doc, lat_doc, m, entities).items():
            for t in (totals[kind], corpus[kind]):
                t[0] += len(matched)
                t[1] += len(missed)
                t[2] += len(extra)
            if missed or extra:
                bad.append({"doc": doc_id, "kind": kind, "missed": missed, "extra": extra})
    rates = {k: _rate(t) for k, t in totals.items()}
    corpus_rates = {c: {k: _rate(t) for k, t in ts.items()} for c, ts in by_corpus.items()}
    return {"totals": totals, "rates": rates, "by_corpus": by_corpus, "corpus_rates": corpus_rates,
            "disagreements": bad, "scripts": sorted(map(str, scripts))}


def _rate(t: list[int]) -> float:
    """matched / (matched + missed + extra); 1.0 where there is nothing to compare"""
    return t[0] / sum(t) if sum(t) else 1.0
