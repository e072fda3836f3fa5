"""stanza as an optional backend: ``pip install 'kaznlp[stanza]'`` and ``kaznlp.load(ner=True, backend="stanza")``.

stanza's Kazakh pipeline (tokens, lemmas, POS and its KazNERD NER) runs when the user has downloaded its models;
nothing is downloaded at run time. The adapter reads any stanza ``Document`` (built by a pipeline, or offline from
CoNLL-U) into kaznlp entities and token records. Importing this module registers the backend ``stanza`` with
:func:`kaznlp.entities.base.register_backend`; ``load(backend="stanza")`` imports it by name.
"""

from __future__ import annotations

from typing import Any

from ..entities.base import Entity, Found, register_backend
from ..morphology import base_form

DOWNLOAD_HINT = "python -c \"import stanza; stanza.download('kk')\""


def entities_from_stanza(sdoc: Any, text: str) -> list[Entity]:
    """Entities of a stanza Document, as kaznlp entities with offsets into ``text``."""
    out = []
    for ent in getattr(sdoc, "ents", []) or []:
        s, e = ent.start_char, ent.end_char
        out.append(Entity(ent.type, s, e, text[s:e], "model", base_form(text[s:e], ent.type), {"backend": "stanza"}))
    return out


def tokens_from_stanza(sdoc: Any) -> list[dict[str, Any]]:
    """Word records (text, lemma, upos, offsets) of a stanza Document."""
    rows = []
    for sent in sdoc.sentences:
        for tok in sent.tokens:
            for w in tok.words:
                rows.append(
                    {
                        "text": w.text,
                        "lemma": w.lemma,
                        "upos": w.upos,
                        "start": tok.start_char,
                        "end": tok.end_char,
                    }
                )
    return rows


class StanzaEntityRecognizer:
    """Entities from stanza's Kazakh pipeline."""

    def __init__(self, pipeline: Any) -> None:
        self.pipeline = pipeline

    @classmethod
    def load(cls, **kwargs: Any) -> StanzaEntityRecognizer:
        try:
            import stanza
        except ImportError:
            raise RuntimeError("the stanza backend needs stanza: pip install 'kaznlp[stanza]'") from None
        try:
            pipeline = stanza.Pipeline("kk", processors="tokenize,pos,lemma,ner", download_method=None, **kwargs)
        except Exception as exc:  # stanza raises several kinds when its models are missing
            raise RuntimeError(f"stanza's Kazakh models are not on this machine; download them with {DOWNLOAD_HINT} "
                               f"({type(exc).__name__}: {exc})") from None  # fmt: skip
        return cls(pipeline)

    def parse_many(self, texts: list[str], tokens: Any = None) -> list:
        return [None] * len(texts)

    def __call__(self, text: str, norm: Any, parsed: Any = None) -> Found:
        """stanza's entities of ``text``; its tokens go to the document record as ``stanza_tokens``."""
        sdoc = self.pipeline(text)
        return Found(entities_from_stanza(sdoc, text), {"stanza_tokens": tokens_from_stanza(sdoc)})


register_backend("stanza", StanzaEntityRecognizer.load)
