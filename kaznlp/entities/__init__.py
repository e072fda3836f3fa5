"""Named entities: the shipped KazNERD model merged with press-release rules.

Priority, in four steps: (1) the rules for state bodies and organisations (by their head word, with the base
form), for programmes and laws in «…» and for a position before a name win over any model entity they overlap,
unless the model reads a wider entity of the same label around them (``Мемлекет басшысы`` around ``басшысы``);
(2) the model's entities come next; (3) the other rules (names, the gazetteer of places, abbreviations) fill only
the gaps the model left; (4) a place from the gazetteer inside the name of an event, programme, law, work or
building (``Астана халықаралық әуежайы``, FACILITY) is kept as well, nested, with ``inside`` naming the
outer label: KazNERD's entities are flat, but a reader wants the place. Measured on KazNERD's dev split
(``bench/ner_merge.py``, flat scoring): the model alone 0.883, this order 0.875, every rule winning 0.859
(TV news follows other conventions for names and places). Each entity says where it came
from (``source``).
"""

from __future__ import annotations

import contextlib
from bisect import bisect_left, bisect_right
from pathlib import Path

from ..morphology import base_form
from ..normalize import Normalized
from .base import Entity, Found, load_backend, register_backend

__all__ = [
    "Entity", "EntityRecognizer", "Found", "MODEL_NAME", "PIECE_CHARS", "BATCH_CHARS", "model_path", "base_form",
    "register_backend",
]  # fmt: skip

MODEL_NAME = "kk_kaznerd_ner"
#: rule entities of these labels win over the model; rules of other labels only fill the model's gaps
STRONG_RULE_LABELS = frozenset({"ORGANISATION", "PROJECT", "LAW", "POSITION"})
#: names that may hold a place of the gazetteer, which is then kept too, nested (step 4)
NAMES_WITH_PLACES = frozenset({"EVENT", "PROJECT", "LAW", "ART", "FACILITY"})
#: a text longer than this (characters) is read by the model in pieces of at most this length, cut between
#: sentences: the model's memory grows with what it reads at once (about 4 GB for one text of 1 MB, read whole),
#: and spaCy refuses a text over 1,000,000 characters (E088). Four times the longest release of the corpora.
PIECE_CHARS = 20_000
#: the model reads at most this many characters at once (a batch of texts, or of pieces). Its working memory is
#: about 3 KB a character: 100,000 made a worker of ``kaznlp batch --ner`` peak at 470 MB, 25,000 at 290 MB, at the
#: same tokens/s on the real texts of ``bench/bench_real.py`` (a batch of 25,000 characters is ~3,500 tokens)
BATCH_CHARS = 25_000


def _piece_starts(text: str, starts: list[int], limit: int = PIECE_CHARS) -> list[int]:
    """The tokens where the pieces of a long text begin (0 first): each piece at most ``limit`` characters long
    (a token longer than that makes a piece of its own), cut before the last sentence that starts in reach, else
    before the last token in reach."""
    from ..sentences import split_sentences

    breaks = sorted({bisect_left(starts, s) for s, _ in split_sentences(text)})
    cuts = [0]
    a = 0
    while (c0 := starts[a] if a else 0) + limit < len(text):
        b = max(a + 1, bisect_right(starts, c0 + limit, a + 1) - 1)  # the last token that starts in reach
        if b >= len(starts):
            break
        k = bisect_right(breaks, b) - 1
        if k >= 0 and breaks[k] > a:
            b = breaks[k]
        cuts.append(b)
        a = b
    return cuts


def _within(e: Entity, other: Entity) -> bool:
    return other.start <= e.start and e.end <= other.end and (other.start, other.end) != (e.start, e.end)


def _overlaps(e: Entity, others: _Near) -> bool:
    return any(e.start < o.end and o.start < e.end for o in others.near(e))


class _Near:
    """Entities by the blocks of text they touch, so that the ones that may overlap or hold a span are found
    without a scan of them all (a long text has thousands): :meth:`near` gives them in the order they were added.
    """

    BLOCK = 256

    def __init__(self, entities: list[Entity] | tuple = ()) -> None:
        self.blocks: dict[int, list[tuple[int, Entity]]] = {}
        self.n = 0
        for e in entities:
            self.add(e)

    def add(self, e: Entity) -> None:
        for b in range(e.start // self.BLOCK, e.end // self.BLOCK + 1):
            self.blocks.setdefault(b, []).append((self.n, e))
        self.n += 1

    def near(self, e: Entity) -> list[Entity]:
        """The entities that share a block with ``e``: every one that overlaps it or holds it, and a few more."""
        found: dict[int, Entity] = {}
        for b in range(e.start // self.BLOCK, e.end // self.BLOCK + 1):
            found.update(self.blocks.get(b, ()))
        return [found[k] for k in sorted(found)]


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

    def memory_zone(self):
        """A context whose end frees the strings the model's vocabulary took in (every new word form of the texts
        parsed in it: spaCy's ``Language.memory_zone``), so that a run over millions of documents stays flat in
        memory. The model's Docs made in it must not be read after it."""
        zone = getattr(self.nlp, "memory_zone", None)
        return zone() if zone is not None else contextlib.nullcontext()

    def parse_many(
        self, texts: list[str], tokens: list[tuple[list[str], list[int], list[int]]] | None = None, batch_size: int = 64
    ) -> list:
        """Run the model over many texts at once (much faster than one by one); pass each result to ``__call__``.
        ``tokens``: each text's kaznlp tokens, as (normalised words, starts, ends) with offsets into the text; the
        model's Docs are made from them (:func:`kaznlp.ner.docs.doc_from_tokens`) instead of tokenising again."""
        if self.nlp is None:
            return [None] * len(texts)
        from ..ner.docs import doc_from_tokens, tokens_of

        if tokens is None:
            tokens = [tokens_of(t) for t in texts]
        vocab = self.nlp.vocab
        out: list = [None] * len(texts)
        short = [k for k, t in enumerate(texts) if len(t) <= PIECE_CHARS]
        groups: list[list[int]] = []
        size = 0
        for k in short:  # batches of at most batch_size texts and BATCH_CHARS characters
            if not groups or len(groups[-1]) >= batch_size or size + len(texts[k]) > BATCH_CHARS:
                groups.append([])
                size = 0
            groups[-1].append(k)
            size += len(texts[k])
        for group in groups:
            docs = [doc_from_tokens(vocab, texts[j], *tokens[j]) for j in group]
            for j, d in zip(group, self.nlp.pipe(docs, batch_size=len(docs))):
                out[j] = d
        for k, t in enumerate(texts):
            if out[k] is None:
                out[k] = self._parse_long(t, *tokens[k])
        return out

    def _parse_long(self, text: str, words: list[str], starts: list[int], ends: list[int]):
        """The model's Doc of a text longer than :data:`PIECE_CHARS`, read in pieces and joined."""
        from spacy.tokens import Doc

        from ..ner.docs import doc_from_tokens

        if not starts:
            return doc_from_tokens(self.nlp.vocab, text, words, starts, ends)
        cuts = _piece_starts(text, starts)
        bounds = [starts[c] if c else 0 for c in cuts] + [len(text)]
        pieces = []
        for n, (a, b) in enumerate(zip(cuts, [*cuts[1:], len(starts)])):
            c0, c1 = bounds[n], bounds[n + 1]
            pieces.append(doc_from_tokens(self.nlp.vocab, text[c0:c1], words[a:b], [s - c0 for s in starts[a:b]],
                                          [min(e, c1) - c0 for e in ends[a:b]]))  # fmt: skip
        parsed = list(self.nlp.pipe(pieces, batch_size=max(1, BATCH_CHARS // PIECE_CHARS)))
        return Doc.from_docs(parsed, ensure_whitespace=False)

    def model_entities(self, text: str, parsed=None) -> list[Entity]:
        if self.nlp is None:
            return []
        doc = parsed if parsed is not None else self.parse_many([text])[0]
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
        near_model = _Near(model)
        strong = [r for r in strong if not any(_within(r, m) and m.label == r.label for m in near_model.near(r))]
        weak = {(r.start, r.end, r.label): r for r in ruled if r.label not in STRONG_RULE_LABELS}
        for m in model:  # where a weak rule agrees with the model, the rule knows the base form (gazetteer, names)
            if (r := weak.get((m.start, m.end, m.label))) is not None:
                m.base = r.base
                m.extra.update(r.extra)
        near_strong = _Near(strong)
        merged = strong + [m for m in model if not _overlaps(m, near_strong)]
        near_merged = _Near(merged)
        merged += [r for r in ruled if r.label not in STRONG_RULE_LABELS and not _overlaps(r, near_merged)]
        near_merged = _Near(merged)
        outer = _Near([m for m in merged if m.label in NAMES_WITH_PLACES])
        for r in ruled:
            if r.label == "GPE" and "expansion" not in r.extra and r not in near_merged.near(r):
                host = next((m for m in outer.near(r) if _within(r, m)), None)
                if host is not None:
                    r.extra["inside"] = host.label
                    merged.append(r)
                    near_merged.add(r)
        merged.sort(key=lambda x: (x.start, -x.end))  # an outer name before the place nested in it
        return Found(press.apply(text, merged))
