"""The spaCy classes of Kazakh: the ``Language`` subclass, its tokenizer and the ``kk_sentencizer`` component.

The tokenizer is kaznlp's own (:mod:`kaznlp.tokenizer`), so spaCy pipelines and the rules pipeline see the same
tokens; it lives with the NER model that reads its Docs (:class:`kaznlp.ner.docs.KazakhTokenizer`, registered as
``kaznlp.kk.Tokenizer.v1``). ``nlp.add_pipe("kk_sentencizer")`` adds kaznlp's sentence splitter.
"""

from __future__ import annotations

from spacy.language import BaseDefaults, Language
from spacy.tokens import Doc
from spacy.util import load_config_from_str, registry

from ...ner import architectures, components  # noqa: F401 - registers the NER's layers and components
from ...ner.docs import TOKENIZER_CONFIG, KazakhTokenizer
from .lex_attrs import LEX_ATTRS
from .stop_words import STOP_WORDS
from .tokenizer_exceptions import TOKENIZER_EXCEPTIONS

__all__ = ["Kazakh", "KazakhSentencizer", "KazakhTokenizer"]


class KazakhDefaults(BaseDefaults):
    config = load_config_from_str(TOKENIZER_CONFIG)
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
