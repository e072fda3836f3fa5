"""The entity record, what an NER backend gives back for one text, and the registry of NER backends.

The shipped backend (the KazNERD model merged with the rules, :class:`kaznlp.entities.EntityRecognizer`) is
built in; an adapter in :mod:`kaznlp.backends` registers itself here with :func:`register_backend` and is
imported by name (:data:`BACKEND_MODULES`) the first time it is asked for, so that this layer never imports it.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .. import records

__all__ = ["BACKEND_MODULES", "Entity", "Found", "load_backend", "register_backend"]


@dataclass(slots=True)
class Entity:
    """A named entity: label, span, where it came from (``model`` or ``rule``) and its base form."""

    label: str
    start: int
    end: int
    text: str
    source: str = "model"
    base: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The entity's record, without ``doc``."""
        return records.entity_record(self, flat=False)


@dataclass(frozen=True, slots=True)
class Found:
    """What an NER backend found in one text: its entities (offsets into the original text) and any fields it
    adds to the document record (stanza: ``stanza_tokens``)."""

    entities: list[Entity]
    meta: dict[str, Any] = field(default_factory=dict)


#: backend name → the module that registers it (imported on first use, by name)
BACKEND_MODULES = {"stanza": "kaznlp.backends.stanza"}
_BACKENDS: dict[str, Callable[[], Any]] = {}


def register_backend(name: str, load: Callable[[], Any]) -> None:
    """Make ``load()`` the loader of the NER backend ``name``: it returns a recognizer, an object with
    ``parse_many(texts, tokens=None)`` and ``__call__(text, norm, parsed=None) -> Found``."""
    _BACKENDS[name] = load


def load_backend(name: str) -> Any:
    """The recognizer of a registered NER backend (its module is imported here when it has not registered yet)."""
    if name not in _BACKENDS and name in BACKEND_MODULES:
        importlib.import_module(BACKEND_MODULES[name])
    if name not in _BACKENDS:
        known = ", ".join(sorted({"spacy", *BACKEND_MODULES, *_BACKENDS}))
        raise ValueError(f"unknown NER backend {name!r}; use one of {known}")
    return _BACKENDS[name]()
