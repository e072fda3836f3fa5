"""The kaznlp pipeline: text → normalised text → tokens and sentences → facts (and entities) → Document.

One pass: each text is normalised, tokenised and split once (:func:`prepare`), and its offsets mapped back to the
original once; with NER, the model's Doc is made from those tokens; entities and the facts' links to them are
found before the :class:`~kaznlp.document.Document` is built, and it is not changed afterwards.
"""

from __future__ import annotations

import contextlib
import math
import os
from array import array
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date as Date
from typing import Any

from .document import Document
from .entities.base import Entity
from .facts import extract_facts
from .langid import ARABIC_NOT_READ, DocLanguage, identify, load_model, skipped_sentences
from .linking import link_facts
from .normalize import Normalized, normalize
from .parallel import chunks, ordered
from .script import detect_script, main_script, to_cyrillic
from .sentences import split_sentences_and_quotes
from .tokenizer import Tokens, tokenize

__all__ = ["BACKENDS", "Parsed", "Pipeline", "Prepared", "extract", "load", "prepare"]


def _as_date(d: Date | str | None) -> Date | None:
    if d is None or isinstance(d, Date):
        return d
    return Date.fromisoformat(d)


def _finite(fact: Any) -> bool:
    """False for a fact whose value overflowed a float (``10^307 ғасыр``): no fact, never Infinity in a record
    (:mod:`kaznlp.numbers` gives no number for digits beyond a float; this catches a unit's factor on top)."""
    v, w = fact.value, fact.value_max
    return (not isinstance(v, float) or math.isfinite(v)) and (not isinstance(w, float) or math.isfinite(w))


@dataclass(frozen=True, slots=True)
class Prepared:
    """One text normalised, tokenised and split into sentences, once: spans of ``norm.text`` for the rules
    (``tokens``, ``sentences``, the «…» ``quotes``) and the same tokens and sentences in the original text."""

    text: str
    norm: Normalized
    tokens: Tokens
    sentences: list[tuple[int, int]]
    quotes: list[tuple[int, int]]
    token_starts: list[int]
    token_ends: list[int]
    sentence_spans: list[tuple[int, int]]
    script: str = "Cyrl"
    variant: str | None = None  # the Latin alphabet of Kazakh in Latin script (2021, 2018, 2017, ascii)


def _transliterated(norm: Normalized, variant: str) -> Normalized:
    """Kazakh in Latin script, normalised, in Cyrillic: one offset map from the Cyrillic back to the original
    (the transliteration's map composed with the normalisation's)."""
    cyr, tmap = to_cyrillic(norm.text, variant)
    if norm.char_map is not None:
        m = norm.char_map
        tmap = array("q", (m[k] for k in tmap))
    return Normalized(norm.original, cyr, tmap)


def _script(norm: Normalized) -> tuple[Normalized, str, str | None]:
    """The text's script; Kazakh in Latin script comes back transliterated to Cyrillic. Cyrillic text (nearly
    every text) is told by byte counts (``main_script``) and left as it is."""
    t = norm.text
    if main_script(t) == "Cyrl":
        return norm, "Cyrl", None
    sg = detect_script(t)
    if sg.script == "Latn":
        doc = identify(t, normalized=True)
        if doc.lang == "kk" and doc.variant:
            return _transliterated(norm, doc.variant), "Latn", doc.variant
    return norm, sg.script, None


def prepare(text: str) -> Prepared:
    """The text stage of the pipeline for one text."""
    norm, script, variant = _script(normalize(text))
    toks = tokenize(norm.text)
    sents, quotes = split_sentences_and_quotes(norm.text)
    starts, ends = norm.to_original_spans(toks.starts, toks.ends)
    if norm.char_map is None:
        sents_orig = sents
    else:
        s_starts, s_ends = norm.to_original_spans([s for s, _ in sents], [e for _, e in sents])
        sents_orig = list(zip(s_starts, s_ends))
    return Prepared(text, norm, toks, sents, quotes, starts, ends, sents_orig, script, variant)


def _ner_text(norm: Normalized) -> str:
    """The Cyrillic transliteration of a Latin-script text with the original's punctuation and spaces where
    normalisation replaced one character by one (a dash, a quote): what the NER model reads of a Cyrillic text."""
    m, orig, chars = norm.char_map, norm.original, list(norm.text)
    if m is None:
        return norm.text
    for i, c in enumerate(chars):
        if not c.isalpha():
            o = m[i]
            if o < len(orig) and not orig[o].isalpha() and m[i + 1] == o + 1:
                chars[i] = orig[o]
    return "".join(chars)


def _mapped(e: Entity, norm: Normalized) -> Entity:
    """An entity found in the Cyrillic transliteration of a Latin-script text, at its span in the original."""
    s, end = norm.to_original(e.start, e.end)
    return Entity(e.label, s, end, norm.original[s:end], e.source, e.base, e.extra)


def _language_fields(p: Prepared, lang: DocLanguage, skipped: list[dict[str, Any]]) -> dict[str, Any]:
    """The document record's language fields."""
    out: dict[str, Any] = {
        "language": lang.lang,
        "language_confidence": lang.confidence,
        "languages": [{"lang": k, "share": v} for k, v in lang.shares.items()],
        "script": p.script,
    }
    if p.variant:
        out["script_variant"] = p.variant
    out["skipped_sentences"] = skipped
    return out


def _span_index(spans: list[tuple[int, int]], skipped: list[dict[str, Any]]) -> tuple[list[int], list[int]]:
    """The skipped sentences' spans as sorted starts and, for each, the furthest end of those up to it: a look-up
    per entity (:func:`_in_spans`) instead of a scan of every skipped sentence (a long text has thousands)."""
    chosen = sorted(spans[s["sentence"]] for s in skipped)
    ends, top = [], -1
    for _, end in chosen:
        top = max(top, end)
        ends.append(top)
    return [s for s, _ in chosen], ends


def _in_spans(pos: int, starts: list[int], ends: list[int]) -> bool:
    """Whether ``start <= pos < end`` for one of the spans of :func:`_span_index`."""
    k = bisect_right(starts, pos)
    return k > 0 and pos < ends[k - 1]


@dataclass(frozen=True, slots=True)
class Parsed:
    """A prepared text and the NER model's Doc of it, made from its tokens (:meth:`Pipeline.parse_many`)."""

    prepared: Prepared
    model_doc: Any = None


BACKENDS = ("spacy", "stanza")  # the NER model behind the entity rules: the shipped spaCy model, or stanza's
_OLD_BACKENDS = {"rules": "spacy"}  # its first name, which read as "no model"


def _backend(backend: str) -> str:
    backend = _OLD_BACKENDS.get(backend, backend)
    if backend not in BACKENDS:
        raise ValueError(f"backend {backend!r}: use 'spacy' (the shipped model, the default) or 'stanza'")
    return backend


class Pipeline:
    """A reusable pipeline: the facts pipeline (normalise, tokenize, sentences, facts); ``ner=True`` adds named
    entities, found by an NER model (``backend``: ``"spacy"``, the shipped model, or ``"stanza"``) and kaznlp's
    entity rules."""

    def __init__(self, ner: bool = False, backend: str = "spacy", model: str | None = None) -> None:
        backend = _backend(backend)
        self.ner = ner
        self.backend = backend
        self.model = model
        self._entities = None
        load_model()  # the language model, here and not in the first document that needs it
        if ner:
            from .entities import EntityRecognizer

            self._entities = EntityRecognizer.load(backend=backend, path=model)

    def __call__(
        self,
        text: str,
        doc_date: Date | str | None = None,
        doc_id: str | None = None,
        parsed: Parsed | Any = None,
        meta: dict[str, Any] | None = None,
    ) -> Document:
        """Process one text. ``parsed``: its :class:`Parsed` from :meth:`parse_many` (batching; or the NER model's
        spaCy Doc of it); ``meta``: further fields of the document record (``language``)."""
        if not isinstance(text, str):
            raise TypeError(f"kaznlp works on str, not {type(text).__name__}; decode bytes first")
        day = _as_date(doc_date)
        if isinstance(parsed, Parsed):
            if parsed.prepared.text != text:
                raise ValueError("parsed is the Parsed of another text")
            p, model_doc = parsed.prepared, parsed.model_doc
        else:
            p, model_doc = prepare(text), parsed
        lang = identify(p.norm.text, p.sentences, normalized=True, script=p.script)
        skipped = skipped_sentences(lang)
        if p.script == "Arab":  # tote jazu is recognised, not read: no sentence gives facts
            skipped = [{"sentence": k, "language": lang.lang, "confidence": lang.confidence, "reason": ARABIC_NOT_READ}
                       for k in range(len(p.sentences))]  # fmt: skip
        gone = frozenset(s["sentence"] for s in skipped)  # facts only from Kazakh sentences
        facts = [f for f in extract_facts(p.norm, p.tokens, p.sentences, day, p.quotes, gone) if _finite(f)]
        entities: list[Entity] = []
        fields = {**_language_fields(p, lang, skipped), **(meta or {})}
        if self._entities is not None:
            if model_doc is None:
                model_doc = self._model_docs([p])[0]
            if p.variant:  # Latin script: names are read in the Cyrillic transliteration, then mapped back
                cyr = _ner_text(p.norm)
                found = self._entities(cyr, Normalized(cyr, p.norm.text), model_doc)
                entities = [_mapped(e, p.norm) for e in found.entities]
            else:
                found = self._entities(text, p.norm, model_doc)
                entities = found.entities
            if skipped:
                starts, ends = _span_index(p.sentence_spans, skipped)
                entities = [e for e in entities if not _in_spans(e.start, starts, ends)]
            fields = {**found.meta, **fields}
            facts = link_facts(facts, entities, p.sentence_spans, text)
        return Document(
            text=text,
            id=doc_id,
            date=day,
            token_starts=p.token_starts,
            token_ends=p.token_ends,
            sentence_spans=p.sentence_spans,
            facts=facts,
            entities=entities,
            meta=fields,
        )

    def _model_docs(self, prepared: list[Prepared]) -> list:
        assert self._entities is not None
        texts = [_ner_text(p.norm) if p.variant else p.text for p in prepared]
        tokens = [(p.tokens.words, *((p.tokens.starts, p.tokens.ends) if p.variant else (p.token_starts, p.token_ends)))
                  for p in prepared]  # fmt: skip
        return self._entities.parse_many(texts, tokens)

    def memory_zone(self):
        """A context for a batch of documents: at its end the NER model forgets the word forms it learnt in it
        (without it, a long run's memory grows with every new word). Keep the Documents, not the parsed ones."""
        zone = getattr(self._entities, "memory_zone", None)
        return zone() if zone is not None else contextlib.nullcontext()

    def parse_many(self, texts: list[str]) -> list[Parsed | None]:
        """Many texts prepared, and the NER model run over them in one batch (None each without NER)."""
        if self._entities is None:
            return [None] * len(texts)
        prepared = [prepare(t) for t in texts]
        return [Parsed(p, d) for p, d in zip(prepared, self._model_docs(prepared))]

    def pipe(
        self,
        texts: Iterable[str],
        n_process: int = 1,
        batch_size: int = 64,
        doc_date: Date | str | None = None,
    ) -> Iterator[Document]:
        """Process many texts, in order; ``n_process > 1`` uses a process pool (-1: all cores)."""
        day = _as_date(doc_date)
        if n_process == -1:
            n_process = os.cpu_count() or 1
        if n_process <= 1:
            for batch in chunks(texts, batch_size):
                with self.memory_zone():
                    docs = [self(t, doc_date=day, parsed=parsed) for t, parsed in zip(batch, self.parse_many(batch))]
                yield from docs
            return
        init = (self.ner, self.backend, self.model)
        with ProcessPoolExecutor(n_process, initializer=_init_worker, initargs=init) as ex:
            for docs in ordered(lambda b: ex.submit(_work, b, day), chunks(texts, batch_size), 2 * n_process):
                yield from docs


_WORKER: Pipeline | None = None


def _init_worker(ner: bool, backend: str, model: str | None) -> None:
    global _WORKER
    _WORKER = Pipeline(ner=ner, backend=backend, model=model)


def _work(texts: list[str], doc_date: Date | None) -> list[Document]:
    assert _WORKER is not None
    return list(_WORKER.pipe(texts, doc_date=doc_date, batch_size=len(texts)))


_DEFAULT: dict[tuple[bool, str, str | None], Pipeline] = {}


def load(ner: bool = False, backend: str = "spacy", model: str | None = None) -> Pipeline:
    """A pipeline, built once per setting and reused; ``model`` is an NER model folder (default: the shipped one)."""
    key = (ner, _backend(backend), model)
    if key not in _DEFAULT:
        _DEFAULT[key] = Pipeline(ner=ner, backend=backend, model=model)
    return _DEFAULT[key]


def extract(text: str, doc_date: Date | str | None = None, ner: bool = False) -> Document:
    """Run the default pipeline on one text."""
    return load(ner=ner)(text, doc_date=doc_date)
