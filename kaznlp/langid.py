"""Language identification: per sentence and per document, with a confidence and the share of each language.

Languages (``LANGUAGES``, the one vocabulary of every command's ``--lang``): ``kk`` Kazakh (in Cyrillic, Latin or
Arabic script), its Cyrillic neighbours ``ky`` Kyrgyz, ``ru`` Russian, ``tt`` Tatar, ``ba`` Bashkir, ``uz`` Uzbek,
``mn`` Mongolian, and ``en`` English; ``other`` is everything else (Yakut, Buryat, Ukrainian, Turkish …, or no
letters at all).

A sentence is read in three steps, cheapest first:

1. its script (``kaznlp.script``): Latin-script text is English or Uzbek by their frequent words, or Kazakh when its
   transliteration to Cyrillic reads as Kazakh; Arabic script is Kazakh when it writes the letters of tote jazu;
2. letters only one language writes (Bashkir ҡ ҫ ҙ, Uzbek ў ҳ, Tatar җ …) decide at once, and so do і or ұ with
   another Kazakh letter (no neighbour writes і and ұ with ә ғ қ ң);
3. the rest (Kazakh without those letters, Kyrgyz, Russian, Tatar, Yakut, Buryat) goes to a naive Bayes model of
   letter n-grams and words (``kaznlp/data/langid_model.tsv``, trained by ``kaznlp train-langid`` on the
   training split of ``corpora/langid`` only); Mongolian, which has no training data, is told from Buryat and
   Kyrgyz by its frequent words.

Text is lower-cased first, so ALL-CAPS reads as the same language. A sentence with fewer than ``MIN_LETTERS``
letters is too short to tell: it takes the document's language. A document's language is that of most of its
letters; ``shares`` gives each language's part.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

from . import records
from .data import rows
from .normalize import normalize
from .script import (
    LATIN_LETTERS,
    ScriptGuess,
    detect_script,
    latin_variant,
    letter_rows,
    letters,
    main_script,
    mixed_script_words,
    script_and_letters,
    to_cyrillic,
    web_addresses,
)

__all__ = [
    "LANGUAGES",
    "MIN_LETTERS",
    "DocLanguage",
    "LangGuess",
    "detect_language",
    "features",
    "identify",
    "identify_sentence",
    "keeps",
    "sentence_languages",
    "skipped_sentences",
]

LANGUAGES = records.LANGUAGES
LANGUAGE_NAMES = {"kk": "Kazakh", "ky": "Kyrgyz", "ru": "Russian", "tt": "Tatar", "ba": "Bashkir", "uz": "Uzbek",
                  "mn": "Mongolian", "en": "English", "other": "another language"}  # fmt: skip
ARABIC_NOT_READ = "Kazakh in Arabic script (tote jazu): recognised, not read (kaznlp reads Cyrillic and Latin script)"
MIN_LETTERS = 20  # fewer letters than this: a sentence takes its document's language
SKIP_CONFIDENCE = 0.6  # a sentence in another language is skipped (no facts) from this confidence on …
SKIP_IN_KAZAKH = 0.99  # … or, in a Kazakh document (or one too short to tell), from this one
DOC_EVIDENCE = 100  # letters a document needs before its own language (not Kazakh) is held against its sentences
KEEP_SHARE = 0.1  # `--lang kk` keeps a document with this share of Kazakh too (a bilingual post)
_MODEL_TO_LANG = {"sah": "other", "bxr": "other"}  # classes the model knows that kaznlp does not tell apart
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*")
_CYRILLIC_LETTER = re.compile(r"[\u0400-\u04ff]")
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|\n+")
_MAX_CHARS = 20000  # a document is judged on its first 20,000 characters


# ---------------------------------------------------------------- letters and words
@cache
def _fold_table() -> dict[int, str]:
    return {ord(a): b for kind, a, b in rows("script_letters.tsv") if kind == "fold"}


@cache
def _fold_pattern() -> re.Pattern[str]:
    return re.compile("[" + re.escape("".join(map(chr, _fold_table()))) + "]")


def _words(text: str) -> list[str]:
    low = text.lower()
    if _fold_pattern().search(low) is not None:  # the look-alikes are rare: one scan, not a translate per char
        low = low.translate(_fold_table())
    return _WORD.findall(low)


def _word_features(w: str) -> list[str]:
    out = ["w:" + w] if len(w) <= 24 else []
    p = " " + w + " "
    out.extend(p[k : k + 1] for k in range(1, len(p) - 1))
    out.extend(p[k : k + 2] for k in range(len(p) - 1))
    out.extend(p[k : k + 3] for k in range(len(p) - 2))
    return out


def features(text: str) -> list[str]:
    """The model's features of a text: its words and the letter 1-, 2- and 3-grams of each word with a space at
    either end (lower case, a few look-alike letters folded)."""
    out: list[str] = []
    for w in _words(text):
        out.extend(_word_features(w))
    return out


@lru_cache(maxsize=200_000)
def _word_rows(w: str) -> tuple[int, ...]:
    """The model's rows of a word's features (the last row for a feature it never saw): words repeat, so a
    sentence costs a cache look-up a word."""
    m = _model()
    unseen = len(m.index)
    return tuple(m.index.get(f, unseen) for f in _word_features(w))


@cache
def _markers() -> dict[str, str]:
    return {w: lang for w, lang in rows("language_markers.tsv")}


@cache
def _foreign_words() -> frozenset[str]:
    """Russian and Kyrgyz frequent words: a sentence of a Kazakh document without Kazakh's own letters is read
    by the model only when it has one."""
    return frozenset(w for w, lang in _markers().items() if lang in ("ru", "ky"))


@cache
def _marker_languages() -> tuple[str, ...]:
    return tuple(sorted(set(_markers().values())))


def _marker_counts(words: Iterable[str]) -> dict[str, int]:
    """How many of ``words`` are marker words of each language of ``language_markers.tsv`` (0 for every one of
    them that has none)."""
    m = _markers()
    counts = dict.fromkeys(_marker_languages(), 0)
    for w in words:
        lang = m.get(w)
        if lang is not None:
            counts[lang] += 1
    return counts


def _mongolian_markers(words: list[str]) -> tuple[int, int]:
    """``_marker_counts(words)["mn"]`` and ``["bxr"]``: a Kyrgyz-looking sentence asks."""
    marks = _marker_counts(words)
    return marks["mn"], marks["bxr"]


# ---------------------------------------------------------------- the model
@dataclass(frozen=True)
class _Model:
    classes: tuple[str, ...]
    index: dict[str, int]
    logp: Any  # numpy array, features × classes: log P(feature | class); its last row: a feature never seen
    prior: tuple[float, ...]
    scale: float  # confidence temperature: log-likelihoods per feature times this, then softmax
    flat: list[float]  # ``logp`` row by row, as Python floats: summed in a compiled loop, no numpy call a sentence


@cache
def _model() -> _Model:
    meta: dict[str, list[str]] = {}
    counts: dict[str, list[int]] = {}
    for row in rows("langid_model.tsv"):
        if row[0].startswith("@"):
            meta[row[0][1:]] = list(row[1:])
        else:
            counts[row[0]] = [int(x) for x in row[1:]]
    classes = tuple(meta["classes"])
    alpha = float(meta["alpha"][0])
    totals = [int(x) for x in meta["totals"]]
    docs = [int(x) for x in meta["sentences"]]
    vocab = len(counts) + 1
    denom = [math.log(t + alpha * vocab) for t in totals]
    import numpy as np

    index = {f: k for k, f in enumerate(counts)}
    table = np.array([*counts.values(), [0] * len(classes)], dtype=np.float64)
    logp = np.log(table + alpha) - np.array(denom)
    prior = tuple(math.log(n / sum(docs)) for n in docs)
    return _Model(classes, index, logp, prior, float(meta["scale"][0]), logp.ravel().tolist())


def load_model() -> None:
    """Load the model now (once a process): a pipeline does at its start, so that the first document that needs
    it does not take the load's time (numpy's import and the model's table, about 0.1 s)."""
    _model()


def _row_sums(m: _Model, rows_: list[int]) -> list[float]:
    """``m.logp[rows_].sum(axis=0)``, the same floats: numpy adds the rows of an axis-0 sum one after another in
    order, as this loop does. The shipped model's hot path is :func:`_word_sums`; this one serves other models."""
    width = len(m.classes)
    flat = m.flat
    sums = [0.0] * width
    for r in rows_:
        base = r * width
        for c in range(width):
            sums[c] += flat[base + c]
    return sums


def _word_sums(m: _Model, words: list[str]) -> tuple[list[float], int]:
    """:func:`_row_sums` of the rows of ``words``' features (``_word_rows``, in order) for the model's six
    classes, and how many rows: the same additions in the same order, without a list of the rows."""
    flat = m.flat
    n = 0
    s0 = s1 = s2 = s3 = s4 = s5 = 0.0
    for w in words:
        rows_ = _word_rows(w)
        n += len(rows_)
        for r in rows_:
            b = r * 6
            s0 += flat[b]
            s1 += flat[b + 1]
            s2 += flat[b + 2]
            s3 += flat[b + 3]
            s4 += flat[b + 4]
            s5 += flat[b + 5]
    return [s0, s1, s2, s3, s4, s5], n


def _classify(
    text: str, model: _Model | None = None, words: list[str] | None = None
) -> tuple[str, float, dict[str, float]]:
    """The model's class of a text, its posterior (tempered) and every class's posterior; ``words``: the text's
    :func:`_words`, when the caller has them."""
    m = model or _model()
    if model is None and len(m.classes) == 6:
        sums, n = _word_sums(m, _words(text) if words is None else words)
    else:
        if model is None:
            rows_: list[int] = []
            for w in _words(text) if words is None else words:
                rows_.extend(_word_rows(w))
        else:
            unseen = len(m.index)
            rows_ = [m.index.get(f, unseen) for f in features(text)]
        n = len(rows_)
        sums = _row_sums(m, rows_)
    if n == 0:
        return "other", 0.0, {}
    ll = [p + x for p, x in zip(m.prior, sums)]
    z = [x * m.scale / n for x in ll]
    top = max(z)
    ex = [math.exp(x - top) for x in z]
    s = sum(ex)
    post = {c: e / s for c, e in zip(m.classes, ex)}
    best = max(post, key=post.__getitem__)
    return best, post[best], post


_U = 2.0**-53  # the unit round-off of a float


_VECTORS: dict[str, tuple[float, float, float, float, float, float, int]] = {}
_VECTORS_MAX = 200_000  # words kept (then forgotten all at once: a word's vector is the same when made again)


def _word_vector(w: str) -> tuple[float, float, float, float, float, float, int]:
    """The sums of a word's rows for the model's six classes (:func:`_word_sums` of the word alone) and how many
    rows: a sentence's sums by one look-up a word, not one addition a feature."""
    v = _VECTORS.get(w)
    if v is None:
        v = _new_word_vector(w)
        if len(_VECTORS) >= _VECTORS_MAX:
            _VECTORS.clear()
        _VECTORS[w] = v
    return v


def _new_word_vector(w: str) -> tuple[float, float, float, float, float, float, int]:
    """:func:`_word_vector` of a word not seen yet: the rows of :func:`_word_features` (in its order) added as
    :func:`_word_sums` adds them, without the list of features or of rows."""
    m = _model()
    flat = m.flat
    index = m.index
    unseen = len(index)
    s0 = s1 = s2 = s3 = s4 = s5 = 0.0
    n = 0
    p = " " + w + " "
    size = len(p)
    for width in (0, 1, 2, 3):  # the word itself (0), then its letter 1-, 2- and 3-grams
        if width == 0:
            if len(w) > 24:
                continue
            lo, hi = 0, 1
        else:
            lo, hi = (1, size - 1) if width == 1 else (0, size - width + 1)
        for k in range(lo, hi):
            f = "w:" + w if width == 0 else p[k : k + width]
            b = index.get(f, unseen) * 6
            s0 += flat[b]
            s1 += flat[b + 1]
            s2 += flat[b + 2]
            s3 += flat[b + 3]
            s4 += flat[b + 4]
            s5 += flat[b + 5]
            n += 1
    return s0, s1, s2, s3, s4, s5, n


def _quick_classify(words: list[str]) -> tuple[str, float] | None:
    """:func:`_classify`'s class of a text and a posterior that rounds as its does to 4 places, from the sums of
    each word's rows (:func:`_word_vector`) added word by word; None where that cannot be told, and
    :func:`_classify` must add the rows one by one.

    Both ways add the same floats in another order: each is a recursive summation of the same ``n`` terms, within
    ``γ(n-1) Σ|x|`` of the exact sum (Higham, *Accuracy and Stability of Numerical Algorithms*, 4.2), and every
    term is a negative log-probability, so ``Σ|x|`` is ``|sum|``: the two sums differ by at most
    ``4 n u |sum|`` (u = 2^-53). That moves each tempered log-likelihood ``z`` by at most ``dz`` (bounded here with
    room for the rounding of the steps after the sum), each posterior by a factor within ``exp(±2 dz)``, and the
    float steps of the softmax add no more than a few units of round-off to either. The answer stands only where
    the best class leads the next by more than ``2 dz`` (with a margin of 1e-9) and the posterior rounds alike at
    both ends of its interval (widened by 1e-11): the same class and the same rounded posterior as
    :func:`_classify`."""
    if len(_model().classes) != 6:
        return None
    n = 0
    s0 = s1 = s2 = s3 = s4 = s5 = 0.0
    for w in words:
        v = _word_vector(w)
        s0 += v[0]
        s1 += v[1]
        s2 += v[2]
        s3 += v[3]
        s4 += v[4]
        s5 += v[5]
        n += v[6]
    return _quick_from_sums((s0, s1, s2, s3, s4, s5), n)


def _quick_from_sums(sums: tuple[float, float, float, float, float, float], n: int) -> tuple[str, float] | None:
    """:func:`_quick_classify` from the sums of the words' vectors and their count of rows."""
    m = _model()
    if len(m.classes) != 6:
        return None
    k, p, dp = _quick_parts(sums, n, m.prior, m.scale)
    if k < 0 or not _rounds_alike(p, dp):
        return None
    return m.classes[k], p


def _quick_parts(
    sums: tuple[float, float, float, float, float, float], n: int, pr: tuple[float, ...], scale: float
) -> tuple[int, float, float]:
    """The arithmetic of :func:`_quick_from_sums` (the C helper's ``classify_words`` does the same operations):
    the best class's index (-1: the lead is too small to tell, or no rows), its posterior and that posterior's
    error bound."""
    if n == 0:
        return -1, 0.0, 0.0
    s0, s1, s2, s3, s4, s5 = sums
    z = [(pr[0] + s0) * scale / n, (pr[1] + s1) * scale / n, (pr[2] + s2) * scale / n,
         (pr[3] + s3) * scale / n, (pr[4] + s4) * scale / n, (pr[5] + s5) * scale / n]  # fmt: skip
    big_sum = -min(s0, s1, s2, s3, s4, s5)  # the largest |sum|: every sum is negative
    big_ll = max(abs(pr[0] + s0), abs(pr[1] + s1), abs(pr[2] + s2), abs(pr[3] + s3), abs(pr[4] + s4),
                 abs(pr[5] + s5))  # fmt: skip
    k = 0
    for j in range(1, 6):
        if z[j] > z[k]:
            k = j
    top = z[k]
    second = -math.inf
    for j in range(6):
        if j != k and z[j] > second:
            second = z[j]
    dz = (4.0 * n * _U * big_sum + 1e-12 * big_ll) * abs(scale) / n + 1e-12 * abs(top) + 1e-12 * abs(second)
    if top - second <= 2.0 * dz + 1e-9:
        return -1, 0.0, 0.0
    total = 0.0
    for x in z:
        total += math.exp(x - top)
    p = 1.0 / total
    return k, p, 2.01 * dz * p + 1e-11


def _rounds_alike(p: float, dp: float) -> bool:
    """Whether ``round(p - dp, 4) == round(p + dp, 4)``: at once where no rounding midpoint (``(j + 0.5) / 10^4``)
    lies within the interval, widened by far more than the error of scaling it by 10^4; else by ``round``."""
    lo = (p - dp) * 10000.0 + 0.5
    hi = (p + dp) * 10000.0 + 0.5
    if math.floor(lo - 1e-6) == math.floor(hi + 1e-6):
        return True
    return round(p - dp, 4) == round(p + dp, 4)


# The C helper (kaznlp/_langscan.c) finds a lower-case text's words, adds their vectors in one pass and takes the
# quick classifier's class of the sums, as :func:`_words`, :func:`_quick_classify` and :func:`_quick_from_sums` do;
# None: built without a C compiler (the same, slower)
_scan_classify_words: Callable[..., tuple[list[str], int, float, float]] | None
try:
    from ._langscan import classify_words as _scan_classify_words
except ImportError:
    _scan_classify_words = None


@cache
def _fold_strings() -> tuple[str, str]:
    table = _fold_table()
    return "".join(map(chr, table)), "".join(table.values())


def _words_and_quick(low: str) -> tuple[list[str], tuple[str, float] | None]:
    """``_words(low)`` and ``_quick_classify`` of them, for a text already in lower case (``str.lower`` changes
    nothing in its own output)."""
    m = _model()
    if _scan_classify_words is None or len(m.classes) != 6:
        words = _words(low)
        return words, _quick_classify(words)
    src, dst = _fold_strings()
    words, k, p, dp = _scan_classify_words(low, src, dst, _VECTORS, _word_vector, m.prior, m.scale)
    if k < 0 or not _rounds_alike(p, dp):
        return words, None
    return words, (m.classes[k], p)


# ---------------------------------------------------------------- one sentence
@dataclass(frozen=True, slots=True)
class LangGuess:
    """The language of a sentence or text: ``lang`` (one of ``LANGUAGES``), ``confidence`` (0-1), ``script``
    (``Cyrl``, ``Latn``, ``Arab``, ``none``), the Latin ``variant`` of Kazakh (``2021``, ``2018``, ``2017``,
    ``ascii``) or ``tote`` (Arabic script), the letters it was judged on (0 where none were counted: a sentence
    that Kazakh letters decided at once, or one that took its document's language), and ``by``: what decided
    (``letters``, ``model``, ``words``, ``script``, ``document`` for a sentence too short to tell)."""

    lang: str
    confidence: float
    script: str = "Cyrl"
    variant: str | None = None
    letters: int = 0
    by: str = "model"


def _count_any(text: str, chars: str) -> int:
    return sum(text.count(c) for c in chars) if chars else 0


@lru_cache(maxsize=64)
def _any_pattern(chars: str) -> re.Pattern[str]:
    return re.compile("[" + re.escape(chars) + "]")


def _has_any(text: str, chars: str) -> bool:
    """Whether ``text`` holds one of ``chars`` (``_count_any(text, chars) > 0``, in one scan)."""
    return bool(chars) and _any_pattern(chars).search(text) is not None


# a sentence that Kazakh letters decide at once, in a Cyrillic document (its letters are not counted: 0)
_PLAINLY_KAZAKH = LangGuess("kk", 0.99, "Cyrl", None, 0, "letters")
_CYRILLIC_UNCOUNTED = ScriptGuess("Cyrl", 0, {})  # a document's script, given or told without counting (never changed)


# The C helper (kaznlp/_langscan.c) counts the letters of a few sets in one pass (:func:`_set_counts`), and of
# one set in each sentence of a text (:func:`_span_counts`); None: built without a C compiler (the same, by regex)
_scan_set_counts: Callable[[str, tuple[str, ...]], tuple[int, ...]] | None
_scan_span_counts: Callable[[str, Sequence[tuple[int, int]], str], list[int]] | None
try:
    from ._langscan import set_counts as _scan_set_counts
    from ._langscan import span_counts as _scan_span_counts
except ImportError:
    _scan_set_counts = _scan_span_counts = None


def _set_counts(text: str, sets: tuple[str, ...]) -> tuple[int, ...]:
    """For each str of ``sets`` (at most 8), how many characters of ``text`` are in it."""
    if _scan_set_counts is not None:
        return _scan_set_counts(text, sets)
    return tuple(len(_any_pattern(chars).findall(text)) if chars else 0 for chars in sets)


def _span_counts(text: str, spans: Sequence[tuple[int, int]], chars: str) -> list[int]:
    """For each span of ``text``, how many of its characters are in ``chars`` (bounds as a pattern's
    ``findall(text, start, end)`` takes them)."""
    if _scan_span_counts is not None:
        return _scan_span_counts(text, spans, chars)
    pattern = _any_pattern(chars)
    return [len(pattern.findall(text, s, e)) for s, e in spans]


def _case_pair(chars: str) -> str:
    return chars + chars.upper()


@cache
def _own_letters() -> str:
    """Kazakh's own letters ғ қ ұ, in both cases: no Cyrillic neighbour writes them but Bashkir and Uzbek, and
    those two with letters of their own (not і, which normalisation also writes for a Latin I)."""
    return _case_pair(letters("cyrillic_kazakh", "kk")[1:4])


@cache
def _neighbour_letters() -> str:
    """The letters of one neighbour (every row of ``cyrillic_only``), in both cases."""
    return _case_pair("".join(chars for _lang, chars in letter_rows("cyrillic_only")))


@cache
def _neighbour_set() -> tuple[str]:
    return (_neighbour_letters(),)


@cache
def _sentence_sets() -> tuple[str, str, str, str]:
    """The letters a sentence is counted by first, in both cases: Kazakh's і ұ (no neighbour writes them with
    the next), ә ғ қ ұ, the neighbours' (:func:`_neighbour_letters`), and Latin letters (``LATIN_LETTERS``)."""
    kk = letters("cyrillic_kazakh", "kk")
    return _case_pair(kk[3:]), _case_pair(kk[:4]), _neighbour_letters(), LATIN_LETTERS


_OWN_LETTER_SHARE = 30  # a Kazakh sentence writes ғ қ or ұ about once in 20 characters; this: once in 30
_KAZAKH_DOC_SHARE = 20  # a Kazakh document: 17/20 of its text in sentences with one of Kazakh's own letters


def _plainly_kazakh(text: str) -> bool:
    """і or ұ, with ә ғ қ or ұ, and no letter of one neighbour: Cyrillic Kazakh, whatever document the sentence
    is in (no neighbour writes і or ұ with those; a Latin 2021 text has the і of its ı but not the others)."""
    strict, shared, neighbour, _latin = _set_counts(text, _sentence_sets())
    return bool(strict and shared and not neighbour)


def _kazakh_naming_one_foreign_word(low: str) -> bool:
    """A Kazakh sentence that names one thing in a neighbour's letters (Київ, Җәлил, ҡалаһы): one word of five or
    more holds such a letter, and the other words are plainly Kazakh (``_plainly_kazakh``)."""
    only = _neighbour_letters()
    words = low.split()
    foreign = [w for w in words if _has_any(w, only)]
    if len(foreign) != 1 or len(words) < 5:
        return False
    return _plainly_kazakh(" ".join(w for w in words if not _has_any(w, only)))


def _cyrillic(low: str, n_letters: int, neighbour: bool, own_and_shared: bool) -> LangGuess:
    """A Cyrillic sentence in lower case; ``neighbour``: it holds a letter of one neighbour (``cyrillic_only``);
    ``own_and_shared``: і or ұ, and ә ғ қ or ұ (:func:`_sentence_sets`)."""
    # the letters of every neighbour counted at once: most sentences have none, and skip the row by row
    rows_ = letter_rows("cyrillic_only") if neighbour else ()
    for lang, chars in rows_:
        if _has_any(low, chars):
            lang = _MODEL_TO_LANG.get(lang, lang)
            if lang == "uz" and _has_any(low, letters("cyrillic_kazakh", "kk")[3:]):
                continue  # ў or ҳ in a text with Kazakh ұ or і: a name, not Uzbek
            if _kazakh_naming_one_foreign_word(low):
                break  # a name, not the neighbour's sentence: the Kazakh letters below decide
            return LangGuess(lang, 0.99, "Cyrl", None, n_letters, "letters")
    if own_and_shared:
        return LangGuess("kk", 0.99, "Cyrl", None, n_letters, "letters")
    words, quick = _words_and_quick(low)  # the class, and a posterior that rounds as the model's (None: ask the model)
    if quick is None:
        best, p, _post = _classify(low, words=words)
    else:
        best, p = quick
    lang = _MODEL_TO_LANG.get(best, best)
    if best in ("bxr", "ky", "sah"):
        mn, bxr = _mongolian_markers(words)
        enough = mn >= max(2, len(words) // 8, bxr + 1)
        if enough and not _has_any(low, letters("not_written", "mn")):
            if quick is not None:  # the posterior itself, not rounded: the model's
                best, p, _post = _classify(low, words=words)
            return LangGuess("mn", min(0.9, p), "Cyrl", None, n_letters, "words")
    return LangGuess(lang, round(p, 4), "Cyrl", None, n_letters, "model")


def _without_web_addresses(text: str) -> str:
    """``text`` with its web addresses and e-mails (which stay in Latin letters in Cyrillic: ``www.gov.kz``) left
    out: they tell nothing of the language."""
    if "." not in text and "@" not in text:
        return text
    parts, last = [], 0
    for a, b in web_addresses(text):
        parts.append(text[last:a])
        last = b
    return "".join(parts) + text[last:] if parts else text


def _latin(text: str, low: str, n_letters: int, variant: str | None) -> LangGuess:
    words = _words(low)
    marks = _marker_counts(words)
    n = max(1, len(words))
    variant = variant or "ascii"
    if marks["en"] / n >= 0.12 and marks["en"] > marks["other"]:
        return LangGuess("en", min(0.99, 0.5 + marks["en"] / n), "Latn", None, n_letters, "words")
    uz_words = marks["uz"] / n >= 0.1 and marks["uz"] > marks["other"]  # Azerbaijani shares bu, etdi
    if uz_words or low.count("o'") + low.count("g'") >= max(2, n // 6) and variant != "2017":
        return LangGuess("uz", 0.9, "Latn", None, n_letters, "words")
    if marks["other"] / n >= 0.1:
        return LangGuess("other", 0.8, "Latn", None, n_letters, "words")
    cyr, _ = to_cyrillic(_without_web_addresses(text), variant)
    best, p, _post = _classify(cyr.lower())
    need = 0.8 if variant != "ascii" else 0.9
    if best == "kk" and p >= need:
        return LangGuess("kk", round(p, 4), "Latn", variant, n_letters, "model")
    return LangGuess("other", round(max(0.5, 1 - p if best == "kk" else p), 4), "Latn", None, n_letters, "model")


def _arabic(text: str, n_letters: int) -> LangGuess:
    kazakh = _count_any(text, letters("arabic_kazakh", "tote"))
    turkic = _count_any(text, letters("arabic_turkic", "tote"))
    foreign = _count_any(text, letters("arabic_other", "other"))
    if kazakh and foreign * 10 <= kazakh + turkic:
        return LangGuess("kk", 0.9, "Arab", "tote", n_letters, "letters")
    return LangGuess("other", 0.8, "Arab", None, n_letters, "letters")


def identify_sentence(text: str, variant: str | None = None) -> LangGuess:
    """The language of one sentence (or any text read as one piece). ``variant``: the Latin alphabet variant of
    the document, when known (a sentence alone may lack the letters that tell it)."""
    strict, shared, neighbour, latin = _set_counts(text, _sentence_sets())
    if strict and shared and not neighbour and not latin:  # plainly Kazakh: most sentences of a Kazakh archive
        # its letters, near enough: characters less spaces (digits and marks are few in a sentence with words)
        return LangGuess("kk", 0.99, "Cyrl", None, len(text) - text.count(" "), "letters")
    low = text.lower()
    script, n_letters = script_and_letters(text)
    if script == "none":
        return LangGuess("other", 0.0, "none", None, n_letters, "script")
    if script == "Latn":
        return _latin(text, low, n_letters, variant or latin_variant(text))
    if script == "Arab":
        return _arabic(text, n_letters)
    # the letters counted in the text are those of its lower case (both cases of each: tests/test_langscan.py)
    return _cyrillic(low, n_letters, neighbour > 0, strict > 0 and shared > 0)


# ---------------------------------------------------------------- a document
@dataclass(frozen=True, slots=True)
class DocLanguage:
    """The language of a document: the language of most of its letters (``lang``), a confidence, the ``shares``
    of each language (its sentences' letters, each weighted by the sentence's confidence), its script and Latin
    variant, one :class:`LangGuess` per sentence (with
    ``spans``), and ``problem``: why no language could be given (no letters, words mixing scripts) or None."""

    lang: str
    confidence: float
    script: str
    variant: str | None
    shares: dict[str, float]
    sentences: list[LangGuess] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)
    problem: str | None = None
    evidence: int = 0  # letters judged on their own (sentences long enough, or the whole text)

    def share(self, lang: str) -> float:
        return self.shares.get(lang, 0.0)


def _split(text: str) -> list[tuple[int, int]]:
    spans = []
    last = 0
    for m in _SENTENCE_END.finditer(text):
        if m.start() > last:
            spans.append((last, m.start()))
        last = m.end()
    if last < len(text):
        spans.append((last, len(text)))
    return spans


def identify(
    text: str, spans: Sequence[tuple[int, int]] | None = None, normalized: bool = False, script: str | None = None
) -> DocLanguage:
    """The language of a document and of each of its sentences. ``spans``: sentence spans of ``text`` (a simple
    split when not given); ``normalized``: ``text`` is already normalised (``kaznlp.normalize``), as the
    pipeline's is; otherwise it is normalised here (the spans then refer to the normalised text too: leave them
    out). ``script``: the pipeline's word that the text is Cyrillic (``Cyrl``; Latin-script Kazakh it has
    transliterated is Cyrillic too): no script count, no check for words mixing scripts."""
    if not normalized:
        text = normalize(text).text
    sample = text[:_MAX_CHARS]
    spans = list(spans) if spans is not None else _split(sample)
    if script is not None:
        doc_script = _CYRILLIC_UNCOUNTED
    elif main_script(sample) != "Cyrl" or not _CYRILLIC_LETTER.search(sample):
        doc_script = detect_script(sample)
    else:  # Cyrillic: nothing to count
        doc_script = _CYRILLIC_UNCOUNTED
    variant = doc_script.variant
    guesses: list[LangGuess | None]
    weight: dict[str, float] = {}  # letters times confidence, per language
    letters_of: dict[str, int] = {}
    # a Cyrillic document without a neighbour's own letters: a sentence that writes ғ қ or ұ often enough is
    # Kazakh (one count a sentence, no slice; a Kazakh name in a Kyrgyz sentence is not often enough); the others
    # are read in full
    fast = doc_script.script == "Cyrl" and not _set_counts(sample, _neighbour_set())[0]
    # in a document that writes them as often as Kazakh does, one of Kazakh's own letters makes a sentence Kazakh
    # (most of its text in sentences that write one: a Kyrgyz document with Kazakh names is not)
    own_counts = _span_counts(text, spans, _own_letters()) if fast else []
    hits = [k > 0 for k in own_counts]
    if hits:
        covered = sum(e - s for (s, e), hit in zip(spans, hits) if hit)
        kazakh_doc = covered * _KAZAKH_DOC_SHARE >= (spans[-1][1] - spans[0][0]) * (_KAZAKH_DOC_SHARE - 3)
    else:
        kazakh_doc = False
    # sentences long enough to tell (fewer characters, fewer letters), within the part judged
    judged = [e - s >= MIN_LETTERS and s < _MAX_CHARS for s, e in spans]
    if kazakh_doc:  # in comprehensions: most documents need no more than these three passes
        guesses = [_PLAINLY_KAZAKH if hit and ok else None for hit, ok in zip(hits, judged)]
        fast_kk = sum(e - s for (s, e), g in zip(spans, guesses) if g is not None)
        todo = [k for k, (hit, ok) in enumerate(zip(hits, judged)) if ok and not hit]
    else:
        guesses = [None] * len(spans)
        fast_kk = 0
        todo = [k for k, ok in enumerate(judged) if ok]
    for k in todo:
        s, e = spans[k]
        if fast and hits[k] and own_counts[k] * _OWN_LETTER_SHARE >= e - s:
            guesses[k] = _PLAINLY_KAZAKH
            fast_kk += e - s  # its letters, near enough: a sentence with Kazakh words is mostly letters
            continue
        sentence = text[s:e]
        if kazakh_doc:
            # no letter of Kazakh's own in a Kazakh document: names, numbers, or a quote in Russian or Kyrgyz,
            # which writes their frequent words; without one, it takes the document's language like a short one
            foreign = _foreign_words()
            if not any(w in foreign for w in _WORD.findall(sentence.lower())):
                continue
        g = identify_sentence(sentence, variant)
        if g.letters < MIN_LETTERS:
            continue
        guesses[k] = g
        weight[g.lang] = weight.get(g.lang, 0.0) + g.letters * g.confidence
        letters_of[g.lang] = letters_of.get(g.lang, 0) + g.letters
    if fast_kk:
        weight["kk"] = weight.get("kk", 0.0) + fast_kk * 0.99
        letters_of["kk"] = letters_of.get("kk", 0) + fast_kk
    problem = None
    mixed = mixed_script_words(sample, limit=1000) if script is None else []
    if len(mixed) >= 3 and len(mixed) * 10 >= len(_WORD.findall(sample)):
        problem = f"{len(mixed)} words mix Latin and Cyrillic letters ({', '.join(mixed[:3])} …)"
    if weight:
        lang = max(weight, key=lambda k: (weight[k], k == "kk"))
        if not sum(weight.values()):  # nothing judged with any confidence (letters of no script kaznlp knows)
            weight = {k: float(v) * 1e-9 for k, v in letters_of.items()}
        total = sum(weight.values())
        shares = {k: round(v / total, 4) for k, v in sorted(weight.items(), key=lambda kv: -kv[1])}
        confidence = round(weight[lang] / sum(letters_of.values()), 4)
        evidence = sum(letters_of.values())
    else:
        whole = identify_sentence(sample, variant)
        lang, confidence, evidence = whole.lang, whole.confidence, whole.letters
        shares = {lang: 1.0} if whole.letters else {}
        if not whole.letters:
            problem = problem or "no letters"
    if problem and "mix" in problem:
        lang, confidence = "other", 0.0
    if lang == "kk" and doc_script.script == "Arab":
        problem = ARABIC_NOT_READ
    doc_variant = variant if lang == "kk" and doc_script.script == "Latn" else None
    if lang == "kk" and doc_script.script == "Arab":
        doc_variant = "tote"
    inherited = LangGuess(lang, confidence, doc_script.script, doc_variant, 0, "document")
    out = [inherited if g is None else g for g in guesses]
    return DocLanguage(lang, confidence, doc_script.script, doc_variant, shares, out, spans, problem, evidence)


def skipped_sentences(doc: DocLanguage, keep: str = "kk") -> list[dict[str, Any]]:
    """The sentences of a document that are not in ``keep`` (Kazakh): in a document of another language (with
    ``DOC_EVIDENCE`` letters or more), every sentence that does not itself read as Kazakh; in a Kazakh document,
    or one too short to tell, the sentences that another language's letters decide, or that the model gives
    another language with ``SKIP_IN_KAZAKH`` confidence (Kazakh without its own letters can read as Kyrgyz:
    only a sure call skips it). Each: its index, language, confidence and the reason in words."""
    out: list[dict[str, Any]] = []
    doc_foreign = doc.lang != keep and doc.confidence >= SKIP_CONFIDENCE and doc.evidence >= DOC_EVIDENCE
    need = SKIP_CONFIDENCE if doc_foreign else SKIP_IN_KAZAKH
    for k, g in enumerate(doc.sentences):
        if g.lang == keep:
            continue
        if g.by == "document":
            if not doc_foreign:
                continue
            reason = f"a short sentence of a {LANGUAGE_NAMES[doc.lang]} document"
        elif g.confidence >= need or g.by == "letters":
            reason = f"{LANGUAGE_NAMES[g.lang]} ({g.by})"
        else:
            continue
        out.append({"sentence": k, "language": g.lang, "confidence": round(g.confidence, 4), "reason": reason})
    return out


def keeps(doc: DocLanguage, lang: str) -> bool:
    """Whether ``--lang lang`` keeps a document: its language is ``lang``, or (for Kazakh) a real part of it is
    Kazakh (``KEEP_SHARE``: a Russian post with its Kazakh version, say) or it is a Cyrillic text too short to
    tell; ``any`` keeps all."""
    if lang == "any" or doc.lang == lang:
        return True
    if lang != "kk" or doc.problem:
        return False
    # a Cyrillic text too short to tell (29 млн. астам) is read as Kazakh, as the pipeline reads it
    return doc.share("kk") >= KEEP_SHARE or (doc.evidence < MIN_LETTERS and doc.script == "Cyrl")


def detect_language(text: str) -> str:
    """The language of a document (one of ``LANGUAGES``)."""
    return identify(text).lang


def sentence_languages(text: str, spans: list[tuple[int, int]]) -> list[str]:
    """The language of each sentence span of ``text`` (short sentences take the document's)."""
    return [g.lang for g in identify(text, spans, normalized=True).sentences]
