"""Ordered results from futures with a bounded number in flight, so that streams of any length stay in memory
bounds (used by ``Pipeline.pipe`` and the batch engines)."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from itertools import islice
from typing import Any, TypeVar

T = TypeVar("T")


def chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def ordered(submit: Callable[[Any], Future], batches: Iterable[Any], window: int) -> Iterator[Any]:
    """Results of ``submit(batch)`` in submission order, with at most ``window`` futures in flight."""
    pending: deque = deque()
    for b in batches:
        pending.append(submit(b))
        if len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()
