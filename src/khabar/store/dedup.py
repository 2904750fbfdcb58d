"""Near-duplicate articles (syndicated copies) by MinHash over word shingles, with LSH bands to find them.

An article's signature is the MinHash of its set of 3-term shingles (terms as indexed: normalised, clitics
off, so a copy that only changes spelling or punctuation has the same shingles). Articles whose signatures
agree in every row of at least one band are candidates; a candidate whose estimated Jaccard similarity is at
least the threshold is a near-duplicate. With 64 hashes in 16 bands of 4, pairs at 0.8 similarity become
candidates with probability 0.9999 and pairs at 0.3 with 0.12.

Hashes come from a fixed seed and blake2b, never from Python's per-process ``hash``, so signatures stored by
one run are comparable with those of the next.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import numpy as np

from khabar.caching import BoundedCache

# Bump when any parameter below changes: stored signatures and bands are then incomparable.
DEDUP_VERSION = "1"
NUM_HASHES = 64
BANDS = 16
ROWS = NUM_HASHES // BANDS
SHINGLE = 3
DEFAULT_THRESHOLD = 0.8
_SEED = 20261129
_WORD_CACHE_LIMIT = 500_000


def _odd_constants(count: int, rng: np.random.Generator) -> np.ndarray:
    return rng.integers(1, 2**63, size=count, dtype=np.uint64) * np.uint64(2) + np.uint64(1)


class MinHasher:
    """MinHash signatures and LSH band keys of term sequences."""

    __slots__ = ("_add", "_band_mix", "_band_numbers", "_mul", "_shingle_mix", "_words")

    def __init__(self) -> None:
        rng = np.random.default_rng(_SEED)
        self._mul = _odd_constants(NUM_HASHES, rng)
        self._add = rng.integers(0, 2**63, size=NUM_HASHES, dtype=np.uint64)
        self._shingle_mix = _odd_constants(SHINGLE, rng)
        self._band_mix = _odd_constants(ROWS + 1, rng)
        self._band_numbers = np.arange(BANDS, dtype=np.uint64) * self._band_mix[ROWS]
        self._words: BoundedCache[str, int] = BoundedCache(_WORD_CACHE_LIMIT)

    def _word(self, term: str) -> int:
        value = self._words.get(term)
        if value is None:
            digest = hashlib.blake2b(term.encode("utf-8"), digest_size=8).digest()
            value = self._words[term] = int.from_bytes(digest, "little")
        return value

    def signature(self, terms: Sequence[str]) -> np.ndarray | None:
        """The MinHash signature (``NUM_HASHES`` uint32) of ``terms``; None when too short to have shingles."""
        if len(terms) < SHINGLE:
            return None
        cached = self._words.get
        values = [cached(term) for term in terms]
        if None in values:
            values = [self._word(t) if v is None else v for v, t in zip(values, terms, strict=True)]
        words = np.array(values, dtype=np.uint64)
        mix = self._shingle_mix
        shingles = words[:-2] * mix[0] + words[1:-1] * mix[1] + words[2:] * mix[2]
        hashed = np.unique(shingles)[:, None] * self._mul[None, :] + self._add[None, :]
        return (hashed >> np.uint64(32)).min(axis=0).astype(np.uint32)

    def band_keys(self, signature: np.ndarray) -> list[int]:
        """One key per band (non-negative 63-bit integers): equal keys mean the band's rows all agree."""
        rows = signature.reshape(BANDS, ROWS).astype(np.uint64) * self._band_mix[:ROWS]
        keys = rows.sum(axis=1, dtype=np.uint64) + self._band_numbers
        return (keys >> np.uint64(1)).astype(np.int64).tolist()


def similarity(first: np.ndarray, second: np.ndarray) -> float:
    """Estimated Jaccard similarity of the shingle sets behind two signatures."""
    return float(np.count_nonzero(first == second)) / NUM_HASHES


def to_blob(signature: np.ndarray) -> bytes:
    return signature.astype("<u4").tobytes()


def from_blob(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype="<u4").astype(np.uint32)
