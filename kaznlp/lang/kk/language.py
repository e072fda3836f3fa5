"""The spaCy classes of Kazakh: the ``Language`` subclass, its tokenizer and the ``kk_sentencizer`` component.

The tokenizer is kaznlp's own (:mod:`kaznlp.tokenizer`), so spaCy pipelines and the rules pipeline see the same
tokens. ``nlp.add_pipe("kk_sentencizer")`` adds kaznlp's sentence splitter.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import BaseDefaults, Language
from spacy.tokens import Doc
from spacy.util import load_config_from_str, registry
from spacy.vocab import Vocab

from .lex_attrs import LEX_ATTRS
from .lex_attrs import norm as stem_norm
from .stop_words import STOP_WORDS
from .tokenizer_exceptions import TOKENIZER_EXCEPTIONS

__all__ = ["Kazakh", "KazakhTokenizer"]

DEFAULT_CONFIG = """
[nlp]

[nlp.tokenizer]
@tokenizers = "kaznlp.kk.Tokenizer.v1"
"""


def _add_whitespace(gap: str, words: list[str], spaces: list[bool], norms: list[str | None]) -> None:
    """spaCy's convention: one space after a token is its ``whitespace_``; any other whitespace is a token."""
    if gap and words and gap[0] == " " and not spaces[-1]:
        spaces[-1] = True
        gap = gap[1:]
    if gap:
        words.append(gap)
        spaces.append(False)
        norms.append(None)


class KazakhTokenizer:
    """spaCy tokenizer over :func:`kaznlp.tokenizer.tokenize`; ``doc.text`` is the original text and each
    token's ``norm_`` the lowercased stem of its normalised form (:func:`.lex_attrs.norm`)."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        from ...normalize import normalize  # the engine imports these tables: import it late
        from ...tokenizer import tokenize

        norm = normalize(text)
        toks = tokenize(norm.text)
        words: list[str] = []
        spaces: list[bool] = []
        norms: list[str | None] = []
        pos = 0
        for w, s, e in zip(toks.words, toks.starts, toks.ends):
            if norm.char_map is not None:
                s, e = norm.to_original(s, e)
            _add_whitespace(text[pos:s], words, spaces, norms)
            words.append(text[s:e])
            spaces.append(False)
            norms.append(stem_norm(w) if w != text[s:e] else None)
            pos = e
        _add_whitespace(text[pos:], words, spaces, norms)
        doc = Doc(self.vocab, words=words, spaces=spaces)
        for k, n in enumerate(norms):
            if n is not None:
                doc[k].norm_ = n
        return doc

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
    def make(nlp: Language) -> KazakhTokenizer:
        return KazakhTokenizer(nlp.vocab)

    return make


class KazakhDefaults(BaseDefaults):
    config = load_config_from_str(DEFAULT_CONFIG)
    stop_words = STOP_WORDS
    lex_attr_getters = LEX_ATTRS
    tokenizer_exceptions = TOKENIZER_EXCEPTIONS
    writing_system = {"direction": "ltr", "has_case": True, "has_letters": True}


class Kazakh(Language):
    lang = "kk"
    Defaults = KazakhDefaults


@Language.factory("kk_sentencizer")
def create_kk_sentencizer(nlp: Language, name: str) -> KazakhSentencizer:
    return KazakhSentencizer()


class KazakhSentencizer:
    """Sets sentence starts with kaznlp's Kazakh sentence splitter."""

    def __call__(self, doc: Doc) -> Doc:
        from ...normalize import normalize
        from ...sentences import split_sentences

        norm = normalize(doc.text)
        spans = split_sentences(norm.text)
        starts = set(norm.to_original_spans([s for s, _ in spans], [e for _, e in spans])[0])
        for tok in doc:
            tok.is_sent_start = tok.i == 0 or tok.idx in starts
        return doc


registry.languages.register("kk", func=Kazakh)

from ...ner import architectures, components  # noqa: E402, F401 - registers the NER's layers and components
