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


class _KeyTable:
    """16-byte keys numbered in the order appended, and the number of the first copy of each key: the keys one
    after another in a bytearray (16 bytes each), and an open-addressing table of int32 slots (a key's number + 1,
    0: empty; linear probing from Python's hash of the key, salted per process: the layout differs between runs,
    never an answer), doubled when two thirds full. No Python object per key."""

    def __init__(self, capacity: int = 1 << 10) -> None:
        self.keys = bytearray()
        self.slots = array("i", [0]) * capacity
        self.mask = capacity - 1
        self.used = 0  # slots in use

    def __len__(self) -> int:
        return len(self.keys) >> 4

    def _slot(self, key: bytes) -> int:
        """The slot of the first copy of ``key`` (16 bytes), or the empty slot where it would go."""
        slots, keys, mask = self.slots, self.keys, self.mask
        i = hash(key) & mask
        while n := slots[i]:
            if keys[(n - 1) << 4 : n << 4] == key:
                return i
            i = (i + 1) & mask
        return i

    def find(self, key: bytes) -> int:
        """The number of the first copy of ``key``, or -1."""
        return self.slots[self._slot(key)] - 1

    def append(self, key: bytes, index: bool = True) -> None:
        """Number ``key`` next; ``find`` gives it where ``index`` and no earlier copy is numbered."""
        i = self._slot(key) if index else -1
        self.keys += key
        if i >= 0 and not self.slots[i]:
            self._fill(i)

    def add(self, key: bytes) -> None:
        """Number ``key`` next unless a copy is numbered already."""
        i = self._slot(key)
        if not self.slots[i]:
            self.keys += key
            self._fill(i)

    def _fill(self, i: int) -> None:
        self.slots[i] = len(self.keys) >> 4  # the last key's number + 1
        self.used += 1
        if self.used * 3 >= len(self.slots) * 2:
            self._grow()

    def _grow(self) -> None:
        old, keys = self.slots, self.keys
        self.slots = array("i", [0]) * (2 * len(old))
        self.mask = len(self.slots) - 1
        slots, mask = self.slots, self.mask
        for n in old:
            if n:  # keys are unique in the table: the first empty slot from the key's own
                i = hash(bytes(keys[(n - 1) << 4 : n << 4])) & mask
                while slots[i]:
                    i = (i + 1) & mask
                slots[i] = n


def _id_key(doc_id: str) -> bytes:
    # any str, lone surrogates too (a file name may hold them), encodes one way and decodes back (surrogatepass)
    return doc_id.encode("utf-8", "surrogatepass")


class IdSet:
    """A set of ids kept as their 128-bit BLAKE2b hashes (16 bytes each, no Python object per id). Two ids with one
    hash would read as the same id: at 2**-128 a pair, about 10**-21 for a billion ids, not a practical risk."""

    def __init__(self) -> None:
        self._table = _KeyTable()

    def __len__(self) -> int:
        return len(self._table)

    def __contains__(self, doc_id: str) -> bool:
        return self._table.find(hashlib.blake2b(_id_key(doc_id), digest_size=16).digest()) >= 0

    def add(self, doc_id: str) -> None:
        self._table.add(hashlib.blake2b(_id_key(doc_id), digest_size=16).digest())


class DuplicateIndex:
    """Remembers the first copy of every text seen; ``check`` says whether a text repeats one.

    Compact, as it holds every document of a run, numbered in the order seen, with no Python object per document:
    the ids encoded one after another in a bytearray with their end offsets (8 bytes), the exact hashes in a
    :class:`_KeyTable` (16 bytes, and 6-12 bytes of slots), the SimHash (8 bytes) and, per LSH band, the next
    document in the same bucket (4 bytes). With the run's :class:`IdSet`, 400,000 documents (about a 1 GB archive)
    take 40 MB, 104 bytes a document (``python bench/bench_real.py --skip docs,norm,long,ner,batch,archive --dedup
    400000``), where a list of ids, a dict of exact hashes and a set of ids took 125 MB (328 bytes a document), and
    dicts of lists of tuples 253 MB."""

    def __init__(self) -> None:
        self._id_bytes = bytearray()
        self._id_ends = array("Q")  # where each id ends in ``_id_bytes``
        self._exact = _KeyTable()  # the exact hash of each document, by number; found: its first copy
        self._odd: dict[bytes, int] = {}  # exact hashes of another length than 16 bytes (none from fingerprints)
        self.hashes = array("Q")  # the SimHash of each document, by number
        # per band, chains of the documents with the same 16 bits, in the order seen: the first and last of each
        # bucket, and each document's next one (-1: none)
        size = 1 << _BAND_BITS
        self.first = [array("i", [-1]) * size for _ in range(_BANDS)]
        self.last = [array("i", [-1]) * size for _ in range(_BANDS)]
        self.next = [array("i") for _ in range(_BANDS)]

    def __len__(self) -> int:
        return len(self.hashes)

    def doc_id(self, k: int) -> str:
        """The id of document number ``k``."""
        start = self._id_ends[k - 1] if k else 0
        return self._id_bytes[start : self._id_ends[k]].decode("utf-8", "surrogatepass")

    def check(self, doc_id: str, exact: str, simhash: int) -> tuple[str, str] | None:
        """('exact' or 'near', id of the first copy), or None; a new text is remembered."""
        key = bytes.fromhex(exact)
        first = self._exact.find(key) if len(key) == 16 else self._odd.get(key, -1)
        if first >= 0:
            return "exact", self.doc_id(first)
        for b in range(_BANDS):
            k = self.first[b][simhash >> (b * _BAND_BITS) & ((1 << _BAND_BITS) - 1)]
            nxt = self.next[b]
            while k >= 0:
                if bin(self.hashes[k] ^ simhash).count("1") <= _MAX_DISTANCE:
                    return "near", self.doc_id(k)
                k = nxt[k]
        self.add(doc_id, exact, simhash)
        return None

    def add(self, doc_id: str, exact: str, simhash: int) -> None:
        """Remember a document (its exact hash only if no earlier document has it)."""
        k = len(self.hashes)
        key = bytes.fromhex(exact)
        self.hashes.append(simhash)  # first: a SimHash out of range stops here, before anything is changed
        if len(key) == 16:
            self._exact.append(key)
        else:
            self._exact.append(bytes(16), index=False)
            self._odd.setdefault(key, k)
        self._id_bytes += _id_key(doc_id)
        self._id_ends.append(len(self._id_bytes))
        for b in range(_BANDS):
            key = simhash >> (b * _BAND_BITS) & ((1 << _BAND_BITS) - 1)
            self.next[b].append(-1)
            if self.last[b][key] < 0:
                self.first[b][key] = k
            else:
                self.next[b][self.last[b][key]] = k
            self.last[b][key] = k
