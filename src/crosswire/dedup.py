"""Near-duplicate articles: the same wire story printed by several sites under different boilerplate.

crosswire's cleaning strips the site furniture, so two copies of one wire story become nearly the
same text. Each text is reduced to its set of word 5-grams (shingles) and to a MinHash signature
of that set (datasketch, ``affine32`` scheme); a MinHash LSH index (datasketch ``MinHashLSH``)
proposes earlier articles whose shingle sets probably overlap by ``threshold`` or more (Jaccard),
and each proposal is verified against the signature's estimate of the Jaccard similarity.

Exact copies (the same cleaned text up to case and spacing) are found first by a content hash,
without computing a signature.

Signatures are bytes (:meth:`Deduplicator.signature`), so a store can save them and rebuild the
index later (:meth:`Deduplicator.add_signature`) without the texts. They are also a pure function
of the text, so they can be computed in worker processes while one process keeps the index.

datasketch is imported when the first :class:`Deduplicator` is made, not with this module: it
imports scipy.integrate, a second of start-up that commands not deduplicating should not pay.
"""

from __future__ import annotations

import hashlib
import heapq
import re
import zlib
from collections.abc import Callable, Iterable
from functools import lru_cache

import numpy as np

_TOKEN = re.compile(r"\w+", re.UNICODE)
# An ASCII text lowercased, and every character but letters, digits and underscores made a space,
# in one pass: split, the same tokens as _TOKEN finds, found in half the time.
_ASCII_TOKEN_CHARS = str.maketrans({c: c.lower() if c.isalnum() or c == "_" else " " for c in map(chr, range(128))})
_SEED = 1
_SCHEME = "affine32"
_HASH_BYTES = 8  # the content hash in front of a signature
_MIX = np.array(
    [0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93, 0xFF51AFD7ED558CCD],
    dtype=np.uint64,
)


class Memo(dict):
    """``function(key)`` for each key looked up, computed once and kept (up to ``maxsize`` keys,
    then forgotten all at once). ``map(memo.__getitem__, keys)`` looks up a list of keys in C,
    which is what the per-token caches need: faster than ``functools.lru_cache``."""

    __slots__ = ("function", "maxsize")

    def __init__(self, function: Callable, maxsize: int) -> None:
        super().__init__()
        self.function, self.maxsize = function, maxsize

    def __missing__(self, key):
        if len(self) >= self.maxsize:
            self.clear()
        value = self[key] = self.function(key)
        return value


def _crc32(token: str) -> int:
    return zlib.crc32(token.encode("utf-8"))


_token_hash = Memo(_crc32, 1 << 17)


def tokens(text: str) -> list[str]:
    """Lowercased word tokens (runs of letters, digits and underscores)."""
    if text.isascii():
        return text.translate(_ASCII_TOKEN_CHARS).split()
    return _TOKEN.findall(text.lower())


def content_hash(toks: list[str]) -> bytes:
    """8 bytes identifying a text by its tokens: the same up to case, spacing and punctuation."""
    return hashlib.blake2b(" ".join(toks).encode("utf-8"), digest_size=_HASH_BYTES).digest()


def shingle_hashes(toks: list[str], size: int = 5) -> np.ndarray:
    """32-bit hashes of the word ``size``-grams (one shingle of all words when the text is shorter),
    a shingle repeated in the text as often as it occurs (a MinHash takes their minimum).

    Each token is hashed once (CRC-32); a shingle's hash combines its tokens' hashes, each
    multiplied by a different odd 64-bit constant, so word order counts.
    """
    if not toks:
        return np.zeros(0, dtype=np.uint32)
    h = np.fromiter(map(_token_hash.__getitem__, toks), dtype=np.uint64, count=len(toks))
    n = max(1, len(toks) - size + 1)
    size = min(size, len(toks))
    acc = np.zeros(n, dtype=np.uint64)
    for k in range(size):
        acc ^= h[k : k + n] * _MIX[k % len(_MIX)]
    acc ^= acc >> np.uint64(29)
    return (acc ^ (acc >> np.uint64(32))).astype(np.uint32)


class Deduplicator:
    """Find exact and near-duplicate articles among those seen so far.

    Parameters
    ----------
    threshold : float, default=0.8
        Estimated Jaccard similarity of two articles' shingle sets from which the later one is a
        near-duplicate of the earlier one.
    num_perm : int, default=128
        Number of MinHash permutations (signature length). More is more exact and slower.
    shingle : int, default=5
        Words per shingle.
    window_days : float or None, default=None
        Forget articles dated more than this many days before the newest date seen (undated
        articles take the newest date seen when they arrive), so memory stays flat on an endless
        stream. ``None`` keeps every article.

    Attributes
    ----------
    lsh : datasketch.MinHashLSH
        The index (``b`` bands of ``r`` rows, chosen by datasketch for ``threshold``).

    Examples
    --------
    >>> dedup = Deduplicator()
    >>> dedup.check("a", "The union called the strike after talks with the port authority collapsed.")
    >>> dedup.check("b", "the union called the strike after talks with the port authority collapsed")
    'a'
    """

    def __init__(
        self, threshold: float = 0.8, num_perm: int = 128, shingle: int = 5, window_days: float | None = None
    ) -> None:
        from datasketch import LeanMinHash, MinHash, MinHashLSH

        self.threshold = threshold
        self.num_perm = num_perm
        self.shingle = shingle
        self.window_days = window_days
        self._LeanMinHash = LeanMinHash
        # one MinHash, cleared for each text (making one costs as much as hashing a short text);
        # its hash values are copied into the LeanMinHash each text gets
        self._minhash = MinHash(num_perm=num_perm, seed=_SEED, hashfunc=int, scheme=_SCHEME)
        self.lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self._signatures: dict[str, LeanMinHash] = {}
        self._exact: dict[bytes, str] = {}
        self._hash_of: dict[str, bytes] = {}
        self._order: dict[str, int] = {}
        self._expiry: list[tuple[int, int, str]] = []  # (day, arrival, id): a heap, oldest first
        self._arrivals = 0
        self._today: int | None = None

    def __len__(self) -> int:
        return len(self._signatures)

    def __contains__(self, article_id: str) -> bool:
        return article_id in self._signatures

    # -- signatures --------------------------------------------------------------------------

    def minhash(self, text: str | list[str]):
        """The datasketch ``LeanMinHash`` of the text's shingle set (``text`` may be its :func:`tokens`)."""
        toks = tokens(text) if isinstance(text, str) else text
        m = self._minhash
        m.clear()
        hashes = shingle_hashes(toks, self.shingle)
        if len(hashes):
            m.update_batch(hashes.tolist())  # already 32-bit hashes: datasketch's hashfunc is int()
        return self._LeanMinHash(m)

    def signature(self, text: str) -> bytes:
        """The bytes a store keeps to rebuild the index: the 8-byte content hash, then the
        ``LeanMinHash`` serialised little-endian (datasketch's portable format)."""
        toks = tokens(text)
        lean = self.minhash(toks)
        buf = bytearray(_HASH_BYTES + lean.bytesize("<"))
        buf[:_HASH_BYTES] = content_hash(toks)
        lean.serialize(memoryview(buf)[_HASH_BYTES:], "<")
        return bytes(buf)

    def _unpack(self, signature: bytes):
        lean = self._LeanMinHash.deserialize(memoryview(signature)[_HASH_BYTES:], "<")
        if len(lean) != self.num_perm or lean.seed != _SEED or lean.scheme != _SCHEME:
            raise ValueError("signature made with other MinHash settings")
        return signature[:_HASH_BYTES], lean

    # -- the index ---------------------------------------------------------------------------

    def check(self, article_id: str, text: str, published: str | None = None) -> str | None:
        """The id of an earlier article this one duplicates, or ``None``; the article is added.

        A known ``article_id`` (the same content ingested again) returns itself and changes
        nothing. An exact copy returns at once; otherwise the LSH candidates are verified by
        estimated Jaccard similarity and the most similar one from ``threshold`` up is returned.
        """
        if article_id in self._signatures:
            return article_id
        toks = tokens(text)
        digest = content_hash(toks)
        twin = self._exact.get(digest)
        if twin is not None:
            self._add(article_id, digest, None, published)
            return twin
        return self._check_lean(article_id, digest, self.minhash(toks), published)

    def check_signature(self, article_id: str, signature: bytes, published: str | None = None) -> str | None:
        """:meth:`check` for a signature computed elsewhere (e.g. in a worker process)."""
        if article_id in self._signatures:
            return article_id
        digest, lean = self._unpack(signature)
        twin = self._exact.get(digest)
        if twin is not None:
            self._add(article_id, digest, lean, published)
            return twin
        return self._check_lean(article_id, digest, lean, published)

    def add_signature(self, article_id: str, signature: bytes, published: str | None = None) -> None:
        """Add a stored article without looking for its twin (to rebuild the index from a store)."""
        if article_id not in self._signatures:
            digest, lean = self._unpack(signature)
            self._add(article_id, digest, lean, published)

    @classmethod
    def from_signatures(cls, items: Iterable[tuple[str, bytes, str | None]], **params) -> Deduplicator:
        """A deduplicator holding ``(article_id, signature, published)`` items, e.g. from a store."""
        dedup = cls(**params)
        for article_id, signature, published in items:
            dedup.add_signature(article_id, signature, published)
        return dedup

    def remove(self, article_id: str) -> None:
        """Forget an article (no error when it is not known)."""
        lean = self._signatures.pop(article_id, None)
        if lean is None:
            return
        self.lsh.remove(article_id)
        digest = self._hash_of.pop(article_id)
        del self._order[article_id]
        if self._exact.get(digest) == article_id:
            del self._exact[digest]

    def _check_lean(self, article_id: str, digest: bytes, lean, published: str | None) -> str | None:
        best, best_sim = None, self.threshold
        mine = lean.hashvalues
        for key in self.lsh.query(lean):
            sim = float(np.count_nonzero(self._signatures[key].hashvalues == mine)) / self.num_perm
            key = self._exact.get(self._hash_of[key], key)  # the first of its exact copies
            if sim > best_sim or (sim == best_sim and (best is None or self._order[key] < self._order[best])):
                best, best_sim = key, sim
        self._add(article_id, digest, lean, published)
        return best

    def _add(self, article_id: str, digest: bytes, lean, published: str | None) -> None:
        if lean is None:  # an exact copy: the twin's signature is the same
            lean = self._signatures[self._exact[digest]]
        self.lsh.insert(article_id, lean, check_duplication=False)
        self._signatures[article_id] = lean
        self._exact.setdefault(digest, article_id)
        self._hash_of[article_id] = digest
        self._arrivals += 1
        self._order[article_id] = self._arrivals
        if self.window_days is not None:
            self._expire(article_id, published)

    def _expire(self, article_id: str, published: str | None) -> None:
        day = day_number(published)
        if day is not None and (self._today is None or day > self._today):
            self._today = day
        if day is None:
            day = self._today if self._today is not None else 0
        heapq.heappush(self._expiry, (day, self._arrivals, article_id))
        if self._today is None:
            return
        limit = self._today - self.window_days
        while self._expiry and self._expiry[0][0] < limit:
            _, _, old = heapq.heappop(self._expiry)
            self.remove(old)


@lru_cache(maxsize=4096)
def day_number(published: str | None) -> int | None:
    """Days since 0001-01-01 of an ISO date (``2024-11-13``, ``2024-11-13T…``, ``2024-11``, ``2024``)."""
    if not published:
        return None
    import datetime as dt

    text = published.strip()[:10]
    for fmt, size in (("%Y-%m-%d", 10), ("%Y-%m", 7), ("%Y", 4)):
        try:
            return dt.datetime.strptime(text[:size], fmt).toordinal()
        except ValueError:
            continue
    return None
