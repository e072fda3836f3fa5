"""The C helper of language identification (kaznlp/_langscan.c) gives what the Python definitions give: the letters
of each script, the counts of letter sets, a sentence's words and the sums of their vectors, on the corpora and
on random text; and the letter sets counted in a sentence mean the same in its lower case."""

import csv
import importlib
import os
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kaznlp import split_sentences

ROOT = Path(__file__).resolve().parent.parent
langid = importlib.import_module("kaznlp.langid")
script = importlib.import_module("kaznlp.script")
BUILT = langid._scan_classify_words is not None

needs_helper = pytest.mark.skipif(not BUILT and not os.environ.get("CI"), reason="C helper not built (no compiler)")

_TRICKY = st.sampled_from(
    [*"абвгғдеқңөұүһіӘҒҚҢӨҰҮҺІ ӊҥёЁўҳҡҫҙҗєїґ", *"aAzZ'’_-0123456789«»—.,!?", "À", "ÿ", "Ł", "ɏ", "Ḁ", "؀", "ء",
     "ا", "ٹ", "\u0640", "\u064b", "\u06d4", "ﭐ", "\ufeff", "Σ", "ς", "中", "²", "½", "\u00a0", "\t", "\n", "İ",
     "\u0500", "\U0001d400", "сөз", "Қазақстан", "кыргыз", "www.gov.kz"]
)  # fmt: skip


def _langscan():
    return importlib.import_module("kaznlp._langscan")


def _sentences() -> list[str]:
    texts = []
    with open(ROOT / "corpora" / "langid" / "archive-news-1-250.csv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            texts += [row["text"][s:e] for s, e in split_sentences(row["text"])]
    for d in ("press", "releases"):
        for p in sorted((ROOT / "corpora" / d).glob("*.txt")):
            text = p.read_text(encoding="utf-8")
            texts += [text[s:e] for s, e in split_sentences(text)]
    return texts


def _python_sums(words: list[str]) -> tuple[tuple[float, ...], int]:
    s = [0.0] * 6
    n = 0
    for w in words:
        v = langid._word_vector(w)
        for k in range(6):
            s[k] += v[k]
        n += v[6]
    return tuple(s), n


def _both_ways(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    low = text.lower()
    sets = langid._sentence_sets()
    spans = [(0, len(text)), (1, 3), (2, 1), (-4, 99)]
    assert script._count(text) == script._count_here(text)
    assert script._main_counts(text) == script._main_counts_here(text)
    guess = script.detect_script(text)
    assert script.script_and_letters(text) == (guess.script, guess.letters)
    words, sums, n = _langscan().word_sums(low, *langid._fold_strings(), langid._VECTORS, langid._word_vector)
    assert words == langid._words(low)
    assert (sums, n) == _python_sums(words)  # the same floats, to the last bit
    m = langid._model()
    parts = langid._scan_classify_words(low, *langid._fold_strings(), langid._VECTORS, langid._word_vector, m.prior,
                                        m.scale)  # fmt: skip
    k, p, dp = langid._quick_parts(sums, n, m.prior, m.scale)
    assert parts == (words, k, p, dp)
    fast = langid._set_counts(text, sets), langid._span_counts(text, spans, langid._own_letters())
    with monkeypatch.context() as m:
        m.setattr(langid, "_scan_set_counts", None)
        m.setattr(langid, "_scan_span_counts", None)
        slow = langid._set_counts(text, sets), langid._span_counts(text, spans, langid._own_letters())
    assert fast == slow


@needs_helper
def test_the_helper_is_built():
    assert BUILT and script._script_counts is not None and langid._scan_set_counts is not None


@needs_helper
def test_the_helper_counts_as_python_on_the_corpora(monkeypatch):
    texts = _sentences()
    assert len(texts) > 3000
    for text in texts:
        _both_ways(text, monkeypatch)


@needs_helper
@settings(max_examples=1500, deadline=None)
@given(st.one_of(st.text(max_size=40), st.lists(_TRICKY, max_size=30).map("".join)))
def test_the_helper_counts_as_python_on_random_text(text):
    with pytest.MonkeyPatch.context() as m:
        _both_ways(text, m)


@needs_helper
def test_the_helper_counts_every_code_point_as_python():
    rng = random.Random(0)
    points = [c for c in range(0x110000) if not 0xD800 <= c < 0xE000]
    for start in range(0, len(points), 64):
        chunk = points[start : start + 64]
        text = "".join(map(chr, rng.sample(chunk, len(chunk))))
        assert script._count(text) == script._count_here(text), hex(chunk[0])
        assert script._main_counts(text) == script._main_counts_here(text), hex(chunk[0])
        assert _langscan().word_sums(text, "", "", {}, lambda w: (0.0,) * 6 + (1,))[0] == langid._WORD.findall(text)


def test_a_letter_set_counted_in_both_cases_is_the_set_in_lower_case():
    """identify_sentence counts its letter sets in the text, in both cases of each letter; _cyrillic asked them
    of the text's lower case: the same answer, for every code point."""
    kk = script.letters("cyrillic_kazakh", "kk")
    only = "".join(chars for _lang, chars in script.letter_rows("cyrillic_only"))
    for lower in (kk[3:], kk[:4], only):
        both = set(langid._case_pair(lower))
        for c in map(chr, range(0x110000)):
            assert (c in both) == any(x in lower for x in c.lower()), (lower, hex(ord(c)))


def test_sentences_keep_their_languages():
    cases = {
        "Бүгін Астанада жаңа мектеп ашылды, оған 1200 оқушы барады.": ("kk", "letters"),
        "Бүгүн Бишкекте өткөн жыйында президент өлкөнүн экономикасы тууралуу сүйлөдү.": ("ky", "model"),
        "Сегодня в Астане открылась новая школа на 1200 учеников.": ("ru", "model"),
        "Тошкентда янги мактаб очилди, унда ўқувчилар ҳам бор.": ("uz", "letters"),
    }
    for text, (lang, by) in cases.items():
        g = langid.identify_sentence(text)
        assert (g.lang, g.by) == (lang, by), text


def test_rounding_alike_is_rounding_both_ends():
    """The quick test of ``round(p - dp, 4) == round(p + dp, 4)`` gives round's answer, near every midpoint."""
    rng = random.Random(0)
    cases = [(rng.random(), rng.random() * 1e-6) for _ in range(20000)]
    for j in range(0, 10000, 7):
        mid = (j + 0.5) / 10000
        cases += [(mid + d, e) for d in (-2e-11, -1e-12, 0.0, 1e-12, 2e-11, 1e-9) for e in (1e-11, 5e-11, 1e-9)]
    for p, dp in cases:
        assert langid._rounds_alike(p, dp) == (round(p - dp, 4) == round(p + dp, 4)), (p, dp)
