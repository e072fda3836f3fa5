"""Facts linked to the entities of their sentence.

For a ranking: the organisation that publishes the rating (``Дүниежүзілік экономикалық форумның деректері
бойынша``) as ``source`` and the place or body that is ranked as ``subject``. For the other types: the nearest
organisation or place before the number in the sentence (else after it) as ``subject``, and the other
organisations, places and people of the sentence as ``mentions``.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import replace

from .data import words
from .entities.base import Entity
from .facts.base import Fact
from .records import link_record

__all__ = ["fact_links", "link_facts"]

_SUBJECT_LABELS = ("ORGANISATION", "GPE", "LOCATION", "FACILITY")
_SOURCE_CUES = words("rating_sources.txt")
_MENTION_LABELS = _SUBJECT_LABELS + ("PERSON", "PROJECT", "LAW")


def fact_links(
    facts: list[Fact], entities: list[Entity], sentence_spans: list[tuple[int, int]], text: str
) -> list[list[dict]]:
    """The entities (with roles) of each fact, from the entities of its sentence; ``[]`` for a fact with none.
    Offsets of entities and sentences are into ``text``."""
    out: list[list[dict]] = []
    starts = [x.start for x in entities]
    ordered = all(a <= b for a, b in zip(starts, starts[1:]))  # then a sentence's entities are found by bisection
    for f in facts:
        s, e = sentence_spans[f.sentence]
        near = entities[bisect_left(starts, s) : bisect_left(starts, e + 1)] if ordered else entities
        ents = [x for x in near if s <= x.start and x.end <= e and x.label in _MENTION_LABELS]
        if not ents:
            out.append([])
            continue
        links: list[dict] = []
        # a name nested in another (the country of a body or a post: ``inside``) is a mention, never the subject
        heads = [x for x in ents if x.label in _SUBJECT_LABELS and "inside" not in x.extra]
        before = [x for x in heads if x.end <= f.start]
        after = [x for x in heads if x.start >= f.end]
        used: set[int] = set()
        if f.type == "ranking":
            for x in before:
                tail = text[x.end : min(e, x.end + 40)].lower()
                if x.label == "ORGANISATION" and any(c in tail for c in _SOURCE_CUES):
                    links.append(link_record(x, "source"))
                    used.add(id(x))
                    break
            places = [x for x in before if id(x) not in used and x.label in ("GPE", "ORGANISATION")]
            if places:
                links.append(link_record(places[0], "subject"))  # Қазақстан … 39 орында: the ranked one comes first
                used.add(id(places[0]))
        else:
            subject = before[-1] if before else (after[0] if after else None)
            if subject is not None:
                links.append(link_record(subject, "subject"))
                used.add(id(subject))
        links += [link_record(x, "mention") for x in ents if id(x) not in used]
        out.append(links)
    return out


def link_facts(
    facts: list[Fact], entities: list[Entity], sentence_spans: list[tuple[int, int]], text: str
) -> list[Fact]:
    """The facts with their entities (``extra["entities"]``, :func:`fact_links`): a new fact where it has any,
    the same one where it has none; the facts given are not changed."""
    if not entities or not facts:
        return facts
    return [
        replace(f, extra={**f.extra, "entities": links}) if links else f
        for f, links in zip(facts, fact_links(facts, entities, sentence_spans, text))
    ]
