"""Facts linked to the entities of their sentence.

For a ranking: the organisation that publishes the rating (``Дүниежүзілік экономикалық форумның деректері
бойынша``) as ``source`` and the place or body that is ranked as ``subject``. For the other types: the nearest
organisation or place before the number in the sentence (else after it) as ``subject``, and the other
organisations, places and people of the sentence as ``mentions``.
"""

from __future__ import annotations

from .data import words
from .document import Document
from .entities.base import Entity

_SUBJECT_LABELS = ("ORGANISATION", "GPE", "LOCATION", "FACILITY")
_SOURCE_CUES = words("rating_sources.txt")
_MENTION_LABELS = _SUBJECT_LABELS + ("PERSON", "PROJECT", "LAW")


def _ref(e: Entity, role: str) -> dict:
    return {"role": role, "label": e.label, "text": e.text, "start": e.start, "end": e.end, "base": e.base}


def link_facts(doc: Document) -> None:
    """Add ``entities`` (with roles) to each fact of ``doc``, from the entities of its sentence."""
    if not doc.entities or not doc.facts:
        return
    for f in doc.facts:
        s, e = doc.sentence_spans[f.sentence]
        ents = [x for x in doc.entities if s <= x.start and x.end <= e and x.label in _MENTION_LABELS]
        if not ents:
            continue
        links: list[dict] = []
        before = [x for x in ents if x.end <= f.start and x.label in _SUBJECT_LABELS]
        after = [x for x in ents if x.start >= f.end and x.label in _SUBJECT_LABELS]
        used: set[int] = set()
        if f.type == "ranking":
            for x in before:
                tail = doc.text[x.end : min(e, x.end + 40)].lower()
                if x.label == "ORGANISATION" and any(c in tail for c in _SOURCE_CUES):
                    links.append(_ref(x, "source"))
                    used.add(id(x))
                    break
            places = [x for x in before if id(x) not in used and x.label in ("GPE", "ORGANISATION")]
            if places:
                links.append(_ref(places[0], "subject"))  # Қазақстан … 39 орында: the ranked one comes first
                used.add(id(places[0]))
        else:
            subject = before[-1] if before else (after[0] if after else None)
            if subject is not None:
                links.append(_ref(subject, "subject"))
                used.add(id(subject))
        links += [_ref(x, "mention") for x in ents if id(x) not in used]
        f.extra["entities"] = links
