"""Model architectures of kaznlp's NER, registered with spaCy (entry point ``spacy_architectures``).

``kaznlp.HashCharEmbed.v1``: spaCy's ``MultiHashEmbed`` (hashed NORM, LOWER, PREFIX, SUFFIX, SHAPE) with the
first and last characters of each word embedded as well (spaCy's ``CharacterEmbed`` layer), so that a word never
seen in training still shows its stem's start and its case ending to the encoder.
"""

from __future__ import annotations

from typing import cast

from spacy.ml import _character_embed  # spaCy's own CharacterEmbed uses it; pinned by spacy<3.9
from spacy.ml.featureextractor import FeatureExtractor
from spacy.util import registry
from thinc.api import HashEmbed, Maxout, Model, chain, concatenate, list2ragged, ragged2list, with_array
from thinc.types import Floats2d

__all__ = ["hash_char_embed"]


@registry.architectures("kaznlp.HashCharEmbed.v1")
def hash_char_embed(width: int, attrs: list[str], rows: list[int], nM: int, nC: int) -> Model:
    """Hashed lexical features and ``nC`` UTF-8 bytes of each word (half from its start, half from its end),
    each byte embedded in ``nM`` dimensions; a Maxout layer mixes them to ``width``."""
    if len(rows) != len(attrs):
        raise ValueError(f"Mismatched lengths: {len(rows)} vs {len(attrs)}")
    embeddings = [HashEmbed(width, n, column=i, seed=8 + i, dropout=0.0) for i, n in enumerate(rows)]
    hashed = chain(FeatureExtractor(attrs), cast(Model, list2ragged()), with_array(concatenate(*embeddings)))
    chars = chain(_character_embed.CharacterEmbed(nM=nM, nC=nC), cast(Model, list2ragged()))
    mix = with_array(Maxout(width, width * len(attrs) + nM * nC, nP=3, dropout=0.0, normalize=True))
    return cast(Model[list, list[Floats2d]], chain(concatenate(hashed, chars), mix, ragged2list()))
