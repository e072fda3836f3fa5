"""The shipped normalisation against a frozen copy of the one before its web-text fast path
(``tests/normalize_frozen.py``): the same text and the same offset map on every text of every corpus and on random
strings that mix Cyrillic and Latin letters, soft hyphens, no-break spaces, zero-width characters, combining marks
and emoji. ``bench/bench_norm_frozen.py`` runs the same comparison on more strings (300,000 by default)."""

import csv
import importlib
import random
from pathlib import Path

import normalize_frozen as frozen
import pytest

from kaznlp.morphology import LATIN_LOOKALIKES

ROOT = Path(__file__).resolve().parent.parent
mod = importlib.import_module("kaznlp.normalize")  # the module: ``kaznlp.normalize`` is the function

# the pieces random strings are made of: letters of both scripts (look-alikes and others), the characters each
# step replaces or drops, combining marks (some with a precomposed form), emoji, and the neighbours of a word
PIECES = (
    list("аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюяАӘБҒЕҚНОӨРСТУҰҮХІ")
    + list("acehiopxyABCEHIKMOPTXYbdfgjklmnqrstuvwzDFGJLNQRSUVWZ")
    + list(" ,.-«»()'0123456789\n\t\r")
    + ["\u00ad", "\u00a0", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u2009", "\u202f", "\u3000"]
    + ["\u2013", "\u2014", "\u2212", "\u201c", "\u201d", "\u201e", "\u2018", "\u2019", "\u02bc", "\u0131"]
    + ["\u0301", "\u0306", "\u0308", "\u0327", "\u0483", "\u0485", "\u0486", "\u0489", "\u20dd", "\u05b0"]
    + ["\u00e9", "\u00aa", "\u00ba", "\u0100", "\u1e00", "\u212a", "\u212b", "\u0500", "\u1c80", "\ua640"]
    + ["\U0001f600", "\U0001f1f0\U0001f1ff", "\u2764\ufe0f", "\U0001f44d\U0001f3fd", "\u1100\u1161", "\uf900"]
    + ["\u00b5", "\u00d7", "\u2026", "\u2116", "\u2071", "\u207f", "\u0370", "\u03b1", "\u0531", "\u0590"]
    + ["Қaзaқ", "бiр", "aлмa", "Xалық", "OTAU", "тo\u00adлық", "ma\u0301", "\u0438\u0306", "wоrd", "Рer"]
)


def random_string(rng: random.Random) -> str:
    return "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 40)))


def same(text: str) -> None:
    new, old = mod.normalize_characters(text), frozen.normalize(text)
    assert new.text == old.text, text
    assert (None if new.char_map is None else list(new.char_map)) == (
        None if old.char_map is None else list(old.char_map)
    ), text


def corpus_texts() -> list[str]:
    corpora = ROOT / "corpora"
    texts = [p.read_text(encoding="utf-8") for p in sorted(corpora.rglob("*.txt")) if p.stat().st_size < 2_000_000]
    for p in sorted((corpora / "langid").glob("*.csv")):
        with open(p, encoding="utf-8", newline="") as f:
            texts += [row["text"] for row in csv.DictReader(f) if "text" in row]
    return texts


def web_text(text: str, rng: random.Random) -> str:
    """As ``bench/bench_real.py`` makes web text: soft hyphens, no-break spaces, Latin a and o."""
    out = []
    for w in text.split(" "):
        r = rng.random()
        if len(w) > 6 and r < 0.2:
            w = w[:3] + "\u00ad" + w[3:]
        elif r < 0.3:
            w = w.replace("а", "a").replace("о", "o")
        out.append(w)
    return ("\u00a0" if rng.random() < 0.5 else " ").join(out)


def test_every_corpus_text_and_its_web_version():
    rng = random.Random(0)
    texts = corpus_texts()
    assert len(texts) > 300
    for t in texts:
        same(t)
        same(web_text(t, rng))


@pytest.mark.parametrize("seed", range(4))
def test_random_strings(seed):
    rng = random.Random(seed)
    for _ in range(30_000):
        same(random_string(rng))


def test_the_symbols_agree_with_the_unicode_classes():
    """Every character gives one symbol (:func:`_classes`); ``C`` and ``L`` are letters of ``_WORD_RE``, and the
    only Latin ones (``_NON_HOMOGLYPH_LATIN``) are ASCII letters, but for the Cyrillic block's marks, which the
    fast path leaves to the general rule; the characters that end a word on the fast path are no letters."""
    chars = "".join(map(chr, [*range(0xD800), *range(0xE000, 0x110000)]))
    cls = mod._classes(chars)
    assert len(cls) == len(chars)
    assert mod._classes("\ud800x\udfff") == b".L."  # lone surrogates: one symbol each
    letters = [c for c, k in zip(chars, cls) if k in b"LC"]
    assert len(letters) == 52 + 256
    for c in letters:
        if "\u0483" <= c <= "\u0489":
            assert mod._NOT_LOOKALIKE_RE.match(c)
            continue
        assert mod._WORD_RE.fullmatch(c), hex(ord(c))
        assert c.isascii() or not mod._NON_HOMOGLYPH_LATIN.match(c), hex(ord(c))
        assert (c in LATIN_LOOKALIKES) == (c.isascii() and not mod._NOT_LOOKALIKE_RE.match(c))
    enders = [c for c, k in zip(chars, cls) if k == ord(".") and mod._ends_word(c)]
    assert len(enders) == 128 - 52 + len(mod._NOT_LETTERS)
    for c in enders:
        assert not mod._WORD_RE.match(c), hex(ord(c))
