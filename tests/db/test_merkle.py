"""The journal's Merkle tree: streaming proofs agree with the verifier for every shape."""

from __future__ import annotations

import hashlib

import pytest

from custody.db.merkle import path_ranges, proofs_of
from custody.verifier import Frontier, included, leaf_hash, node_hash


def _entries(n: int) -> list[bytes]:
    return [hashlib.sha256(str(i).encode()).digest() for i in range(1, n + 1)]


def _reference_root(leaves: list[bytes]) -> bytes:
    """RFC 9162 MTH, written from its definition."""
    if not leaves:
        return hashlib.sha256(b"").digest()
    if len(leaves) == 1:
        return leaf_hash(leaves[0])
    k = 1 << ((len(leaves) - 1).bit_length() - 1)
    return node_hash(_reference_root(leaves[:k]), _reference_root(leaves[k:]))


@pytest.mark.parametrize("size", [1, 2, 3, 4, 5, 7, 8, 9, 16, 17, 31, 100])
def test_every_entry_is_proved_against_the_root(size: int) -> None:
    leaves = _entries(size)
    root, paths = proofs_of(iter(leaves), size, set(range(1, size + 1)))
    assert root == _reference_root(leaves)
    frontier = Frontier()
    for leaf in leaves:
        frontier.append(leaf)
    assert frontier.root() == root
    for seq, path in paths.items():
        proof = [bytes.fromhex(p) for p in path]
        assert included(seq - 1, size, leaves[seq - 1], proof, root)
        assert len(proof) == len(path_ranges(seq - 1, size))
        # the proof holds for this entry only, at this place only
        assert not included(seq % size, size, leaves[seq - 1], proof, root) or size == 1
        assert not included(seq - 1, size, leaves[seq % size], proof, root) or size == 1


def test_a_frontier_resumes_where_a_checkpoint_left_off() -> None:
    leaves = _entries(77)
    first = Frontier()
    for leaf in leaves[:40]:
        first.append(leaf)
    resumed = Frontier(40, [bytes.fromhex(h) for h in first.hashes()])
    for leaf in leaves[40:]:
        resumed.append(leaf)
    assert resumed.root() == _reference_root(leaves)


def test_sparse_targets_in_a_large_tree() -> None:
    leaves = _entries(5000)
    wanted = {1, 2, 1024, 1025, 4097, 5000}
    root, paths = proofs_of(iter(leaves), 5000, wanted)
    assert root == _reference_root(leaves)
    assert set(paths) == wanted
    for seq in wanted:
        assert included(
            seq - 1, 5000, leaves[seq - 1], [bytes.fromhex(p) for p in paths[seq]], root
        )
