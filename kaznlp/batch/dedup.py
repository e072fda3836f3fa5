"""Exact and near-duplicate detection: a hash of the normalised text, and a 64-bit SimHash of word shingles
with LSH bands, so that a release republished with small edits is flagged with the id of its first copy."""

from __future__ import annotations

import hashlib
import re
from array import array

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
    """Remembers the first copy of every text seen; ``check`` says whether a text repeats one.

    Compact, as it holds every document of a run: the id, the exact hash as 16 bytes in a dict, and in arrays the
    SimHash (8 bytes) and, per LSH band, the next document in the same bucket (4 bytes). With the run's set of ids,
    400,000 documents (about a 1 GB archive) take 125 MB, where dicts of lists of tuples took 253 MB
    (``python bench/bench_real.py --skip docs,norm,long,ner,batch,archive --dedup 400000``)."""

    def __init__(self) -> None:
        self.ids: list[str] = []
        self.exact: dict[bytes, int] = {}  # the exact hash → the number of its first copy in ``ids``
        self.hashes = array("Q")  # the SimHash of each document, by number
        # per band, chains of the documents with the same 16 bits, in the order seen: the first and last of each
        # bucket, and each document's next one (-1: none)
        size = 1 << _BAND_BITS
        self.first = [array("i", [-1]) * size for _ in range(_BANDS)]
        self.last = [array("i", [-1]) * size for _ in range(_BANDS)]
        self.next = [array("i") for _ in range(_BANDS)]

    def check(self, doc_id: str, exact: str, simhash: int) -> tuple[str, str] | None:
        """('exact' or 'near', id of the first copy), or None; a new text is remembered."""
        first = self.exact.get(bytes.fromhex(exact))
        if first is not None:
            return "exact", self.ids[first]
        for b in range(_BANDS):
            k = self.first[b][simhash >> (b * _BAND_BITS) & ((1 << _BAND_BITS) - 1)]
            nxt = self.next[b]
            while k >= 0:
                if bin(self.hashes[k] ^ simhash).count("1") <= _MAX_DISTANCE:
                    return "near", self.ids[k]
                k = nxt[k]
        self.add(doc_id, exact, simhash)
        return None

    def add(self, doc_id: str, exact: str, simhash: int) -> None:
        k = len(self.ids)
        self.ids.append(doc_id)
        self.hashes.append(simhash)
        self.exact.setdefault(bytes.fromhex(exact), k)
        for b in range(_BANDS):
            key = simhash >> (b * _BAND_BITS) & ((1 << _BAND_BITS) - 1)
            self.next[b].append(-1)
            if self.last[b][key] < 0:
                self.first[b][key] = k
            else:
                self.next[b][self.last[b][key]] = k
            self.last[b][key] = k
