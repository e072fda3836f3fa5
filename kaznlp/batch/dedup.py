"""Exact and near-duplicate detection: a hash of the normalised text, and a 64-bit SimHash of word shingles
with LSH bands, so that a release republished with small edits is flagged with the id of its first copy."""

from __future__ import annotations

import hashlib
import re

import numpy as np

_WORD_RE = re.compile(r"\w+")
_BANDS = 4
_BAND_BITS = 64 // _BANDS
_MAX_DISTANCE = 3
_SHINGLE = 3


def fingerprints(text: str) -> tuple[str, int]:
    """(exact hash, SimHash) of a text; the exact hash ignores case and spacing."""
    words = _WORD_RE.findall(text.lower())
    exact = hashlib.blake2b(" ".join(words).encode("utf-8"), digest_size=16).hexdigest()
    shingles = {" ".join(words[k : k + _SHINGLE]) for k in range(max(1, len(words) - _SHINGLE + 1))}
    digests = b"".join(hashlib.blake2b(sh.encode("utf-8"), digest_size=8).digest() for sh in shingles)
    hashes = np.frombuffer(digests, dtype=">u8").astype(np.uint64)
    bits = (hashes[:, None] >> np.arange(64, dtype=np.uint64)) & np.uint64(1)
    votes = bits.sum(axis=0) * 2 > len(hashes)
    simhash = int(sum(1 << int(b) for b in np.flatnonzero(votes)))
    return exact, simhash


class DuplicateIndex:
    """Remembers the first copy of every text seen; ``check`` says whether a text repeats one."""

    def __init__(self) -> None:
        self.exact: dict[str, str] = {}
        self.bands: list[dict[int, list[tuple[int, str]]]] = [{} for _ in range(_BANDS)]

    def check(self, doc_id: str, exact: str, simhash: int) -> tuple[str, str] | None:
        """('exact' or 'near', id of the first copy), or None; a new text is remembered."""
        if exact in self.exact:
            return "exact", self.exact[exact]
        for b in range(_BANDS):
            key = simhash >> (b * _BAND_BITS) & ((1 << _BAND_BITS) - 1)
            for other, first in self.bands[b].get(key, ()):
                if bin(other ^ simhash).count("1") <= _MAX_DISTANCE:
                    return "near", first
        self.add(doc_id, exact, simhash)
        return None

    def add(self, doc_id: str, exact: str, simhash: int) -> None:
        self.exact.setdefault(exact, doc_id)
        for b in range(_BANDS):
            key = simhash >> (b * _BAND_BITS) & ((1 << _BAND_BITS) - 1)
            self.bands[b].setdefault(key, []).append((simhash, doc_id))
