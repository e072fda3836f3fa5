"""Named entities: the shipped KazNERD model merged with press-release rules.

Priority, in four steps: (1) the rules for state bodies and organisations (by their head word, with the base
form), for programmes and laws in «…» and for a position before a name win over any model entity they overlap,
unless the model reads a wider entity of the same label around them (``Мемлекет басшысы`` around ``басшысы``);
(2) the model's entities come next; (3) the other rules (names, the gazetteer of places, abbreviations) fill only
the gaps the model left; (4) a place from the gazetteer inside the name of an event, programme, law, work or
building (``Қазақстан Тәуелсіздігінің 25 жылдығы``, EVENT) is kept as well, nested, with ``inside`` naming the
outer label: KazNERD's entities are flat, but a reader wants the place. Measured on KazNERD's dev split
(``bench/ner_merge.py``, flat scoring): the model alone 0.883, this order 0.875, every rule winning 0.859
(TV news follows other conventions for names and places). Each entity says where it came
from (``source``).
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from ..morphology import base_form
from ..normalize import Normalized
from .base import Entity, Found, load_backend, register_backend

__all__ = ["Entity", "EntityRecognizer", "Found", "MODEL_NAME", "model_path", "base_form", "register_backend"]

MODEL_NAME = "kk_kaznerd_ner"
#: rule entities of these labels win over the model; rules of other labels only fill the model's gaps
STRONG_RULE_LABELS = frozenset({"ORGANISATION", "PROJECT", "LAW", "POSITION"})
#: names that may hold a place of the gazetteer, which is then kept too, nested (step 4)
NAMES_WITH_PLACES = frozenset({"EVENT", "PROJECT", "LAW", "ART", "FACILITY"})


def _within(e: Entity, other: Entity) -> bool:
    return other.start <= e.start and e.end <= other.end and (other.start, other.end) != (e.start, e.end)


def _overlaps(e: Entity, others: list[Entity]) -> bool:
    return any(e.start < o.end and o.start < e.end for o in others)


def model_path() -> Path | None:
    """The shipped model: inside the installed package (``kaznlp/models``) or the checkout's ``models/``."""
    from importlib import resources

    candidates = []
    with contextlib.suppress(ModuleNotFoundError, TypeError):
        candidates.append(Path(str(resources.files("kaznlp.models").joinpath(MODEL_NAME))))
    here = Path(__file__).resolve().parent.parent
    candidates += [here / "models" / MODEL_NAME, here.parent / "models" / MODEL_NAME]
    for p in candidates:
        if (p / "meta.json").exists():
            return p
    return None


class EntityRecognizer:
    """Model + rules. ``EntityRecognizer.load()`` reads the shipped spaCy model once."""

    def __init__(self, nlp=None, use_rules: bool = True) -> None:
        self.nlp = nlp
        self.use_rules = use_rules

    @classmethod
    def load(cls, backend: str = "spacy", path: str | Path | None = None):
        """The shipped model (or the one at ``path``) with the rules; another ``backend`` (``stanza``) from the
        registry of :mod:`kaznlp.entities.base`."""
        if backend != "spacy":
            return load_backend(backend)
        p = Path(path) if path else model_path()
        if p is None:
            raise RuntimeError(
                f"the NER model {MODEL_NAME} is not installed; train it with `kaznlp train-ner` "
                "or run without NER (--no-ner)"
            )
        from ..ner.model import load_model

        return cls(load_model(p, exclude=[]))

    def parse_many(
        self, texts: list[str], tokens: list[tuple[list[str], list[int], list[int]]] | None = None, batch_size: int = 64
    ) -> list:
        """Run the model over many texts at once (much faster than one by one); pass each result to ``__call__``.
        ``tokens``: each text's kaznlp tokens, as (normalised words, starts, ends) with offsets into the text; the
        model's Docs are made from them (:func:`kaznlp.ner.docs.doc_from_tokens`) instead of tokenising again."""
        if self.nlp is None:
            return [None] * len(texts)
        if tokens is None:
            return list(self.nlp.pipe(texts, batch_size=batch_size))
        from ..ner.docs import doc_from_tokens

        vocab = self.nlp.vocab
        docs = [doc_from_tokens(vocab, t, *tk) for t, tk in zip(texts, tokens)]
        return list(self.nlp.pipe(docs, batch_size=batch_size))

    def model_entities(self, text: str, parsed=None) -> list[Entity]:
        if self.nlp is None:
            return []
        doc = parsed if parsed is not None else self.nlp(text)
        # the model's Docs keep the text as it is, so slicing it gives each entity's text (much cheaper than
        # Span.text); a Doc of another text (its length differs) is read through spaCy
        same = not len(doc) or doc[-1].idx + len(doc[-1].text_with_ws) == len(text)
        out = []
        for e in doc.ents:
            s, end = e.start_char, e.end_char
            surface = text[s:end] if same else e.text
            out.append(Entity(e.label_, s, end, surface, "model", base_form(surface, e.label_)))
        return out

    def __call__(self, text: str, norm: Normalized, parsed=None) -> Found:
        """The entities of ``text`` (``norm``: its normalised form; ``parsed``: the model's Doc of it)."""
        from . import press, rules  # their patterns are compiled on first use: `import kaznlp` does not pay

        model = self.model_entities(text, parsed)
        if not self.use_rules:
            return Found(model)
        found = rules.find(norm.text)
        starts, ends = norm.to_original_spans([r.start for r in found], [r.end for r in found])
        ruled = [
            Entity(r.label, s, e, text[s:e], "rule", r.base, {"expansion": r.expansion} if r.expansion else {})
            for r, s, e in zip(found, starts, ends)
        ]
        strong = [r for r in ruled if r.label in STRONG_RULE_LABELS]
        # a model entity of the same label around a strong rule's span is the wider reading of the same name
        # (``Мемлекет басшысы`` around the rule's ``басшысы``): the model's span stays
        strong = [r for r in strong if not any(_within(r, m) and m.label == r.label for m in model)]
        weak = {(r.start, r.end, r.label): r for r in ruled if r.label not in STRONG_RULE_LABELS}
        for m in model:  # where a weak rule agrees with the model, the rule knows the base form (gazetteer, names)
            if (r := weak.get((m.start, m.end, m.label))) is not None:
                m.base = r.base
                m.extra.update(r.extra)
        merged = strong + [m for m in model if not _overlaps(m, strong)]
        merged += [r for r in ruled if r.label not in STRONG_RULE_LABELS and not _overlaps(r, merged)]
        outer = [m for m in merged if m.label in NAMES_WITH_PLACES]
        for r in ruled:
            if r.label == "GPE" and "expansion" not in r.extra and r not in merged:
                host = next((m for m in outer if _within(r, m)), None)
                if host is not None:
                    r.extra["inside"] = host.label
                    merged.append(r)
        merged.sort(key=lambda x: (x.start, -x.end))  # an outer name before the place nested in it
        return Found(press.apply(text, merged))
