"""The kaznlp pipeline: text → normalised text → tokens and sentences → facts (and entities) → Document."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from datetime import date as Date

from .document import Document
from .facts import extract_facts
from .normalize import normalize
from .parallel import chunks, ordered
from .sentences import split_sentences
from .tokenizer import tokenize

__all__ = ["BACKENDS", "Pipeline", "load", "extract"]


def _as_date(d: Date | str | None) -> Date | None:
    if d is None or isinstance(d, Date):
        return d
    return Date.fromisoformat(d)


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
        if ner:
            from .entities import EntityRecognizer

            self._entities = EntityRecognizer.load(backend=backend, path=model)

    def __call__(
        self, text: str, doc_date: Date | str | None = None, doc_id: str | None = None, parsed=None
    ) -> Document:
        """Process one text. ``parsed``: the NER model's Doc for it, from :meth:`parse_many` (batching)."""
        if not isinstance(text, str):
            raise TypeError(f"kaznlp works on str, not {type(text).__name__}; decode bytes first")
        dd = _as_date(doc_date)
        norm = normalize(text)
        toks = tokenize(norm.text)
        sents = split_sentences(norm.text)
        if norm.char_map is not None:
            tspans = [norm.to_original(s, e) for s, e in zip(toks.starts, toks.ends)]
            tstarts, tends = [s for s, _ in tspans], [e for _, e in tspans]
            sents_orig = [norm.to_original(s, e) for s, e in sents]
        else:
            tstarts, tends, sents_orig = toks.starts, toks.ends, sents
        doc = Document(
            text=text,
            id=doc_id,
            doc_date=dd.isoformat() if dd else None,
            token_starts=tstarts,
            token_ends=tends,
            sentence_spans=sents_orig,
            facts=extract_facts(norm, toks, sents, dd),
        )
        if self._entities is not None:
            doc.entities = self._entities(doc, norm, parsed)
            from .linking import link_facts

            link_facts(doc)
        return doc

    def parse_many(self, texts: list[str]) -> list:
        """The NER model over many texts in one batch (None each without NER)."""
        return self._entities.parse_many(texts) if self._entities is not None else [None] * len(texts)

    def pipe(
        self,
        texts: Iterable[str],
        n_process: int = 1,
        batch_size: int = 64,
        doc_date: Date | str | None = None,
    ) -> Iterator[Document]:
        """Process many texts, in order; ``n_process > 1`` uses a process pool (-1: all cores)."""
        if n_process == -1:
            n_process = os.cpu_count() or 1
        if n_process <= 1:
            for batch in chunks(texts, batch_size):
                for t, parsed in zip(batch, self.parse_many(batch)):
                    yield self(t, doc_date=doc_date, parsed=parsed)
            return
        init = (self.ner, self.backend, self.model)
        with ProcessPoolExecutor(n_process, initializer=_init_worker, initargs=init) as ex:
            for docs in ordered(lambda b: ex.submit(_work, b, doc_date), chunks(texts, batch_size), 2 * n_process):
                yield from docs


_WORKER: Pipeline | None = None


def _init_worker(ner: bool, backend: str, model: str | None) -> None:
    global _WORKER
    _WORKER = Pipeline(ner=ner, backend=backend, model=model)


def _work(texts: list[str], doc_date) -> list[Document]:
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
