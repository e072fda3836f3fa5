"""spaCy components of the NER pipeline: ``kk_tags_to_ents`` turns per-token IOB2 tags into ``doc.ents``.

The shipped model tags each token with an IOB2 label (``B-PERSON``, ``I-PERSON``, ``O``) by a softmax over the
tok2vec vectors (spaCy's ``tagger``), which is much faster than the transition-based ``ner`` with its 101 moves.
This component reads those tags, decodes them as seqeval does (an ``I-X`` that does not continue an ``X``
starts a new entity), sets ``doc.ents`` and clears the tags, so that ``token.tag_`` keeps its usual meaning.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy
from spacy.attrs import TAG
from spacy.language import Language
from spacy.scorer import get_ner_prf
from spacy.tokens import Doc, Span
from spacy.training import Example

from .corpus import tags_to_spans

__all__ = ["TagsToEnts", "tags_to_spans"]


class TagsToEnts:
    """Sets ``doc.ents`` from the IOB2 tags written by the preceding tagger and clears the tags."""

    def __call__(self, doc: Doc) -> Doc:
        tags = [t.tag_ for t in doc]
        doc.ents = [Span(doc, s, e, label=lab) for s, e, lab in tags_to_spans(tags)]
        doc.from_array([TAG], numpy.zeros((len(doc), 1), dtype="uint64"))
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 1000) -> Iterable[Doc]:
        for d in docs:
            yield self(d)

    def score(self, examples: Iterable[Example], **kwargs) -> dict:
        return get_ner_prf(examples)


@Language.factory(
    "kk_tags_to_ents",
    assigns=["doc.ents", "token.ent_iob", "token.ent_type"],
    default_score_weights={"ents_f": 1.0, "ents_p": 0.0, "ents_r": 0.0, "ents_per_type": None},
)
def create_tags_to_ents(nlp: Language, name: str) -> TagsToEnts:
    return TagsToEnts()
