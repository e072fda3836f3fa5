"""spaCy components of the NER pipeline: ``kk_iob_tagger`` tags tokens with IOB2 labels, ``kk_tags_to_ents``
turns those tags into ``doc.ents``.

The shipped model tags each token with an IOB2 label (``B-PERSON``, ``I-PERSON``, ``O``) by a softmax over the
tok2vec vectors (spaCy's ``tagger``), which is much faster than the transition-based ``ner`` with its 101 moves.
``kk_iob_tagger`` is that tagger with constrained decoding: where the best tag of each token on its own gives an
``I-X`` that does not continue an ``X``, the document is decoded again by Viterbi over the valid IOB2 sequences.
``kk_tags_to_ents`` reads the tags, decodes them as seqeval does (an ``I-X`` that does not continue an ``X``
starts a new entity), sets ``doc.ents`` and clears the tags, so that ``token.tag_`` keeps its usual meaning.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

import numpy
from spacy.attrs import ORTH, SPACY, TAG
from spacy.language import Language
from spacy.pipeline import Tagger
from spacy.pipeline.tagger import DEFAULT_TAGGER_MODEL
from spacy.scorer import get_ner_prf
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span
from spacy.training import Example

from .corpus import tags_to_spans

__all__ = ["IOBTagger", "TagsToEnts", "constrained_tags", "iob_transitions", "join_split_decimals", "tags_to_spans"]


def iob_transitions(labels: tuple[str, ...]) -> tuple[numpy.ndarray, numpy.ndarray]:
    """(``allowed[prev, cur]``, ``allowed_first[cur]``): ``I-X`` may only follow ``B-X`` or ``I-X``."""
    inside = [lab[2:] if lab.startswith("I-") else None for lab in labels]
    kind = [lab[2:] if lab[:2] in ("B-", "I-") else None for lab in labels]
    allowed = numpy.array([[inside[c] is None or kind[p] == inside[c] for c in range(len(labels))]
                           for p in range(len(labels))])  # fmt: skip
    first = numpy.array([x is None for x in inside])
    return allowed, first


def constrained_tags(scores: numpy.ndarray, allowed: numpy.ndarray, first: numpy.ndarray) -> numpy.ndarray:
    """The best valid tag sequence for a (tokens × labels) matrix of probabilities. Each token's own best tag
    when that sequence is valid (then it is also the best valid one), else the Viterbi path, run only over the
    stretches that hold an invalid transition (:func:`_forced_free`: the rest is decided token by token)."""
    guesses = scores.argmax(axis=1)
    if not len(guesses):
        return guesses
    bad = numpy.flatnonzero(~allowed[guesses[:-1], guesses[1:]]) + 1  # token t follows t - 1 invalidly
    if first[guesses[0]] and not len(bad):
        return guesses
    logp = numpy.log(numpy.maximum(scores, 1e-12))
    cuts = numpy.flatnonzero(_forced_free(logp, guesses, allowed, first))
    stretches = set()
    for t in ([0] if not first[guesses[0]] else []) + bad.tolist():
        k = int(numpy.searchsorted(cuts, t))  # the stretch between the forced tokens around t
        stretches.add((int(cuts[k - 1]) + 1 if k else 0, int(cuts[k]) if k < len(cuts) else len(guesses)))
    out = guesses.copy()
    for lo, hi in stretches:
        out[lo:hi] = _viterbi(logp[lo:hi], allowed, first)
    return out


def _forced_free(logp: numpy.ndarray, guesses: numpy.ndarray, allowed: numpy.ndarray,
                 first: numpy.ndarray) -> numpy.ndarray:  # fmt: skip
    """Tokens whose tag in every best valid sequence is their own best tag ``g``, a free one (``O``: it may
    start a sequence, follow any tag and be followed by any tag that may start one). Any valid sequence with
    another tag there becomes better with ``g`` put in and the next tag mended (``I-X`` after ``O`` becomes
    ``B-X``, a tag allowing every tag after it that ``I-X`` allows): so it is forced when ``g``'s margin over the
    second best tag exceeds the most that mending the next token can cost. The Viterbi path then splits there."""
    n, m = logp.shape
    forced = numpy.zeros(n, dtype=bool)
    if m < 2:
        return forced
    top2 = numpy.partition(logp, m - 2, axis=1)[:, m - 2 :]
    margin = top2[:, 1] - top2[:, 0]
    for g, barred, mends in _mends(allowed.tobytes(), first.tobytes(), m):
        need = numpy.zeros(n)
        if barred.size:
            if (mends < 0).any():  # a tag after g that nothing mends: g is never forced
                continue
            need[:-1] = numpy.maximum((logp[1:, barred] - logp[1:, mends]).max(axis=1), 0.0)
        forced |= (guesses == g) & (margin > need)
    return forced


@functools.lru_cache(maxsize=8)
def _mends(allowed_bytes: bytes, first_bytes: bytes, m: int) -> list[tuple[int, numpy.ndarray, numpy.ndarray]]:
    """For each free tag ``g``: the tags barred after it and, for each, the tag that mends it (-1: none)."""
    allowed = numpy.frombuffer(allowed_bytes, dtype=bool).reshape(m, m)
    first = numpy.frombuffer(first_bytes, dtype=bool)
    free = first & allowed.all(axis=0) & (allowed == first).all(axis=1)
    covers = (allowed[:, None, :] >= allowed[None, :, :]).all(axis=2)  # covers[r, c]: r allows all c allows
    out = []
    for g in numpy.flatnonzero(free).tolist():
        barred = numpy.flatnonzero(~allowed[g])
        # one mend per barred tag: where several could (none do in IOB2), the cut is not taken
        mends = [numpy.flatnonzero(allowed[g] & covers[:, c]) for c in barred.tolist()]
        out.append((g, barred, numpy.array([r[0] if len(r) == 1 else -1 for r in mends], dtype=numpy.intp)))
    return out


def _viterbi(logp: numpy.ndarray, allowed: numpy.ndarray, first: numpy.ndarray) -> numpy.ndarray:
    """The Viterbi path of valid tags over a (tokens × labels) matrix of log probabilities."""
    trans = numpy.where(allowed, 0.0, -numpy.inf)
    delta = logp[0] + numpy.where(first, 0.0, -numpy.inf)
    back = numpy.zeros(logp.shape, dtype="int64")
    cols = numpy.arange(logp.shape[1])
    for t in range(1, len(logp)):
        cand = delta[:, None] + trans
        best = back[t] = cand.argmax(axis=0)
        delta = cand[best, cols] + logp[t]
    path = numpy.empty(len(logp), dtype="int64")
    path[-1] = delta.argmax()
    for t in range(len(logp) - 1, 0, -1):
        path[t - 1] = back[t, path[t]]
    return path


class IOBTagger(Tagger):
    """spaCy's tagger over IOB2 labels, decoding only valid IOB2 sequences (:func:`constrained_tags`)."""

    _constraints: tuple[tuple[str, ...], numpy.ndarray, numpy.ndarray] | None = None

    def _scores2guesses(self, scores):
        labels = tuple(self.labels)
        if self._constraints is None or self._constraints[0] != labels:
            self._constraints = (labels, *iob_transitions(labels))
        _, allowed, first = self._constraints
        out = []
        for doc_scores in scores:
            if not isinstance(doc_scores, numpy.ndarray):
                doc_scores = doc_scores.get()
            out.append(constrained_tags(doc_scores, allowed, first))
        return out


_MARKS = (get_string_id(","), get_string_id("."))


def join_split_decimals(doc: Doc, tags: list[str]) -> list[str]:
    """On text tokenised elsewhere, a decimal may come as three tokens (``4 , 5 %-ке``, KazNERD's tokens): they
    are one number, so they join the entity of the part after the mark (else of the part before it)."""
    arr = doc.to_array([ORTH, SPACY])  # read as arrays: a Token object per token would cost more than the rest
    orth, space = arr[:, 0], arr[:, 1]
    for i in numpy.flatnonzero((orth == _MARKS[0]) | (orth == _MARKS[1])).tolist():
        if not 0 < i < len(doc) - 1 or space[i - 1] or space[i]:
            continue
        if not (doc[i - 1].text.isdecimal() and doc[i + 1].text[:1].isdecimal()):
            continue
        label = tags[i + 1][2:] or tags[i - 1][2:]
        if label:
            if tags[i - 1][2:] != label:
                tags[i - 1] = "B-" + label
            tags[i] = tags[i + 1] = "I-" + label
    return tags


class TagsToEnts:
    """Sets ``doc.ents`` from the IOB2 tags written by the preceding tagger and clears the tags."""

    def __call__(self, doc: Doc) -> Doc:
        strings = doc.vocab.strings
        tags = join_split_decimals(doc, [strings[h] for h in doc.to_array(TAG).tolist()])
        doc.ents = [Span(doc, s, e, label=lab) for s, e, lab in tags_to_spans(tags)]
        doc.from_array([TAG], numpy.zeros((len(doc), 1), dtype="uint64"))
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 1000) -> Iterable[Doc]:
        for d in docs:
            yield self(d)

    def score(self, examples: Iterable[Example], **kwargs) -> dict:
        return get_ner_prf(examples)


@Language.factory(
    "kk_iob_tagger",
    assigns=["token.tag"],
    default_config={
        "model": DEFAULT_TAGGER_MODEL,
        "overwrite": True,
        "scorer": {"@scorers": "spacy.tagger_scorer.v1"},
        "neg_prefix": "!",
        "label_smoothing": 0.0,
    },
    default_score_weights={"tag_acc": 0.0},
)
def create_iob_tagger(nlp: Language, name: str, model, overwrite: bool, scorer, neg_prefix: str,
                      label_smoothing: float) -> IOBTagger:  # fmt: skip
    return IOBTagger(nlp.vocab, model, name=name, overwrite=overwrite, scorer=scorer, neg_prefix=neg_prefix,
                     label_smoothing=label_smoothing)  # fmt: skip


@Language.factory(
    "kk_tags_to_ents",
    assigns=["doc.ents", "token.ent_iob", "token.ent_type"],
    default_score_weights={"ents_f": 1.0, "ents_p": 0.0, "ents_r": 0.0, "ents_per_type": None},
)
def create_tags_to_ents(nlp: Language, name: str) -> TagsToEnts:
    return TagsToEnts()
