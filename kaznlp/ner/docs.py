"""spaCy Docs from kaznlp's tokens: what the NER model reads, made from the tokens the pipeline already has.

A Doc's text is the original text and its tokens are kaznlp's (:mod:`kaznlp.tokenizer`, run on the normalised
text and mapped back), with spaCy's convention for whitespace: one space after a token is its ``whitespace_``,
any other whitespace is a token. Each token's NORM is the lowercased stem of the word (:func:`norm`): the vocab
computes it from the token's text (the model's language and ``kk`` both take :func:`norm` as their NORM getter),
and a token that normalisation changed (a Latin homoglyph, a typographic quote) gets the stem of its normalised
form. :class:`KazakhTokenizer`, the tokenizer that the model's config and the ``kk`` language name
(``kaznlp.kk.Tokenizer.v1``, registered here), makes a Doc from a text in the same way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from spacy.tokens import Doc
from spacy.util import registry
from spacy.vocab import Vocab

from ..morphology import stem
from ..normalize import normalize
from ..tokenizer import tokenize

__all__ = ["TOKENIZER_CONFIG", "KazakhTokenizer", "doc_from_tokens", "make_doc", "norm", "tokens_of"]

_SURROGATE = re.compile("[\ud800-\udfff]")

#: the ``[nlp]`` config of a Kazakh language: kaznlp's tokenizer
TOKENIZER_CONFIG = """
[nlp]

[nlp.tokenizer]
@tokenizers = "kaznlp.kk.Tokenizer.v1"
"""


def norm(text: str) -> str:
    """``Абаевтың`` → ``абаев``, ``министрлігінің`` → ``министрлік``, ``АҚШ-тың`` → ``ақш``; other tokens lowercased."""
    return stem(text).lower()


def _add_whitespace(gap: str, words: list[str], spaces: list[bool], norms: list[str | None]) -> None:
    """spaCy's convention: one space after a token is its ``whitespace_``; any other whitespace is a token."""
    if gap and words and gap[0] == " " and not spaces[-1]:
        spaces[-1] = True
        gap = gap[1:]
    if gap:
        words.append(gap)
        spaces.append(False)
        norms.append(None)


def doc_from_tokens(vocab: Vocab, text: str, words: list[str], starts: list[int], ends: list[int]) -> Doc:
    """The Doc of ``text`` from its kaznlp tokens: ``words`` as normalised, ``starts`` and ``ends`` offsets into
    ``text`` (:meth:`kaznlp.normalize.Normalized.to_original_spans`)."""
    if _SURROGATE.search(text):  # spaCy's strings are UTF-8: a lone surrogate becomes U+FFFD, one for one
        text = _SURROGATE.sub("\ufffd", text)
        words = [_SURROGATE.sub("\ufffd", w) for w in words]
    orths: list[str] = []
    spaces: list[bool] = []
    norms: list[str | None] = []
    pos = 0
    for w, s, e in zip(words, starts, ends):
        # the Doc's text must be ``text``, character for character: a token that maps back into the one before
        # it (two parts of one original character) gives only what the one before left
        s = max(s, pos)
        if e <= s:
            continue
        _add_whitespace(text[pos:s], orths, spaces, norms)
        orth = text[s:e]
        orths.append(orth)
        spaces.append(False)
        norms.append(norm(w) if w != orth else None)
        pos = e
    _add_whitespace(text[pos:], orths, spaces, norms)
    doc = Doc(vocab, words=orths, spaces=spaces)
    for k, n in enumerate(norms):
        if n is not None:
            doc[k].norm_ = n
    return doc


def tokens_of(text: str) -> tuple[list[str], list[int], list[int]]:
    """kaznlp's tokens of ``text``: (normalised words, starts, ends), offsets into ``text``."""
    n = normalize(text)
    toks = tokenize(n.text)
    starts, ends = n.to_original_spans(toks.starts, toks.ends)
    return toks.words, starts, ends


def make_doc(vocab: Vocab, text: str) -> Doc:
    """The Doc of ``text``: normalised, tokenised and mapped back here (the pipeline has done it already: it
    calls :func:`doc_from_tokens`)."""
    return doc_from_tokens(vocab, text, *tokens_of(text))


class KazakhTokenizer:
    """spaCy tokenizer over :func:`kaznlp.tokenizer.tokenize` (:func:`make_doc`); ``doc.text`` is the original
    text and each token's ``norm_`` the lowercased stem of its normalised form (:func:`norm`)."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        return make_doc(self.vocab, text)

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        for t in texts:
            yield self(t)

    # The rules ship with the package: nothing to save or load.
    def to_bytes(self, **kwargs) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs) -> KazakhTokenizer:
        return self

    def to_disk(self, path, **kwargs) -> None:
        return None

    def from_disk(self, path, **kwargs) -> KazakhTokenizer:
        return self


@registry.tokenizers("kaznlp.kk.Tokenizer.v1")
def create_kazakh_tokenizer():
    def make(nlp) -> KazakhTokenizer:
        return KazakhTokenizer(nlp.vocab)

    return make
