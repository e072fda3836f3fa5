"""Loading the shipped NER pipeline for inference, without the spaCy language adapter (:mod:`kaznlp.lang`).

The model's config names the language ``kk`` and the tokenizer ``kaznlp.kk.Tokenizer.v1``. It is loaded into
:class:`KazakhNER`, Kazakh as far as the model reads it: kaznlp's tokens and their NORM (:mod:`kaznlp.ner.docs`,
which registers the tokenizer), the components and layers of :mod:`kaznlp.ner`. The ``kk`` language that users
get from ``spacy.blank("kk")`` has the same tokenizer and NORM, and adds stop words, ``like_num`` and the
``kk_sentencizer``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from spacy.attrs import IDS, NORM
from spacy.language import BaseDefaults, Language
from spacy.util import load_config_from_str

from . import architectures, components  # noqa: F401 - register the NER's layers and components
from .docs import TOKENIZER_CONFIG, norm

__all__ = ["KazakhNER", "load_model"]


class KazakhNERDefaults(BaseDefaults):
    config = load_config_from_str(TOKENIZER_CONFIG)
    lex_attr_getters = {NORM: norm}


class KazakhNER(Language):
    """The language that the NER model runs in (not registered: ``spacy.blank("kk")`` is :mod:`kaznlp.lang.kk`)."""

    lang = "kk"
    Defaults = KazakhNERDefaults


def load_model(path: str | Path, *, config: dict[str, Any] | None = None, **kwargs: Any) -> Language:
    """``spacy.load`` of a model folder (``config``: overrides; ``vocab``, ``disable``, ``enable``, ``exclude``
    as spaCy's) into :class:`KazakhNER`, with matrix products through numpy's BLAS (OpenBLAS) instead of thinc's
    default, BLIS: the same weights and, measured by ``bench/bench_ner.py``, about a quarter faster on this
    project's CPUs. Scores are unchanged on KazNERD dev (the products differ only in the last bits of a float).
    Its vocab computes only the lexical attributes the model reads (:func:`_read_attrs`): a new word form costs
    half as much, and the flags of its tokens (``is_title``, ``like_num``) read False."""
    from spacy import util
    from thinc.api import use_ops

    path = Path(path)
    if not path.exists():
        raise OSError(f"no NER model at {path}")
    overrides = util.dict_to_dot(config or {}, for_overrides=True)
    cfg = util.load_config(path / "config.cfg", overrides=overrides)
    with use_ops("numpy", use_blis=False):
        nlp = KazakhNER.from_config(cfg, meta=util.get_model_meta(path), auto_fill=False, **kwargs)
        nlp = nlp.from_disk(path, exclude=kwargs.get("exclude", []), overrides=overrides)
    read = _read_attrs(cfg)
    if read:  # each new word form computes only the attributes the model reads (spaCy's vocab computes 23)
        getters = nlp.vocab.lex_attr_getters
        nlp.vocab.lex_attr_getters = {a: f for a, f in getters.items() if a in read}
    return nlp


def _read_attrs(cfg: Any) -> set[int]:
    """The lexical attributes the model reads: those of its ``kaznlp.HashCharEmbed.v1`` layers (their other
    input is the word's characters), or none where it embeds words otherwise (then every getter stays)."""
    embeds: list[dict] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if "Embed" in str(node.get("@architectures", "")):
                embeds.append(node)
            for v in node.values():
                walk(v)

    walk(cfg.get("components", {}))
    if not embeds or any(e["@architectures"] != "kaznlp.HashCharEmbed.v1" for e in embeds):
        return set()
    return {IDS[a.upper()] for e in embeds for a in e["attrs"]}
