"""The Merkle tree over the journal (RFC 9162 §2.1; leaves are the entries' hashes in seq order).

A signed checkpoint commits to the tree's root, so one entry can be proved to be in the
journal with log2(size) hashes (an inclusion proof) without revealing the others. Roots are
extended from the previous checkpoint's frontier; proofs for many entries are built in one
streaming pass over the journal's hashes (bounded memory: recursion only along the paths to
the entries wanted; every other subtree is hashed as a stream).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator

from sqlalchemy import Connection

from custody.db.engine import streaming_cursor
from custody.verifier import Frontier, leaf_hash, node_hash

BATCH = 10_000


def entry_hashes(conn: Connection, first: int, last: int) -> Iterator[bytes]:
    """The hashes of entries first..last (seq), in order, as raw bytes."""
    cursor = streaming_cursor(conn, "custody_merkle")
    try:
        placeholder = "%s" if conn.dialect.paramstyle in ("format", "pyformat") else "?"
        cursor.execute(
            f"SELECT hash FROM journal WHERE seq >= {placeholder} AND seq <= {placeholder} "
            "ORDER BY seq",
            (first, last),
        )
        while rows := cursor.fetchmany(BATCH):
            for (digest,) in rows:
                yield bytes.fromhex(digest)
    finally:
        cursor.close()


def extend(conn: Connection, frontier: Frontier, size: int) -> Frontier:
    """`frontier` extended with entries frontier.size+1..size."""
    for digest in entry_hashes(conn, frontier.size + 1, size):
        frontier.append(digest)
    if frontier.size != size:
        raise ValueError(f"the journal has a gap before entry {size}")
    return frontier


def _largest_power_below(n: int) -> int:
    return 1 << ((n - 1).bit_length() - 1)


def path_ranges(index: int, size: int) -> list[tuple[int, int]]:
    """The leaf ranges whose subtree hashes make the inclusion proof of leaf `index`,
    from the leaf upwards (RFC 9162 PATH)."""
    out, lo, hi = [], 0, size
    while hi - lo > 1:
        k = _largest_power_below(hi - lo)
        if index < lo + k:
            out.append((lo + k, hi))
            hi = lo + k
        else:
            out.append((lo, lo + k))
            lo += k
    return out[::-1]


class _Walk:
    def __init__(self, leaves: Iterator[bytes], targets: list[int], needed: set[tuple[int, int]]):
        self.leaves, self.targets, self.needed = leaves, targets, needed
        self.found: dict[tuple[int, int], bytes] = {}

    def _has_target(self, lo: int, hi: int) -> bool:
        at = bisect.bisect_left(self.targets, lo)
        return at < len(self.targets) and self.targets[at] < hi

    def _stream(self, count: int) -> bytes:
        frontier = Frontier()
        for _ in range(count):
            frontier.append(next(self.leaves))
        return frontier.root()

    def subtree(self, lo: int, hi: int) -> bytes:
        if hi - lo == 1:
            digest = leaf_hash(next(self.leaves))
        elif not self._has_target(lo, hi):
            digest = self._stream(hi - lo)
        else:
            k = _largest_power_below(hi - lo)
            digest = node_hash(self.subtree(lo, lo + k), self.subtree(lo + k, hi))
        if (lo, hi) in self.needed:
            self.found[(lo, hi)] = digest
        return digest


def proofs(conn: Connection, size: int, seqs: set[int]) -> tuple[bytes, dict[int, list[str]]]:
    """The root of the tree over entries 1..size and an inclusion proof (hex hashes) for each
    entry in `seqs` (all ≤ size)."""
    return proofs_of(entry_hashes(conn, 1, size), size, seqs)


def proofs_of(
    leaves: Iterator[bytes], size: int, seqs: set[int]
) -> tuple[bytes, dict[int, list[str]]]:
    """`proofs` over the entry hashes `leaves` (entries 1..size, in order)."""
    targets = sorted(seq - 1 for seq in seqs)
    paths = {t: path_ranges(t, size) for t in targets}
    walk = _Walk(leaves, targets, {r for p in paths.values() for r in p})
    root = walk.subtree(0, size) if size else Frontier().root()
    return root, {t + 1: [walk.found[r].hex() for r in path] for t, path in paths.items()}
