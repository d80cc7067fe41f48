"""Verification: (a) the hash chain is intact, (b) replaying it reproduces the record tables.

The chain pass streams the journal in seq order and checks, for every entry: seq follows
the previous one with no gap, prev_hash is the previous hash, hash = SHA-256(prev || payload),
and the indexed columns agree with the hashed payload. The replay pass applies the record
changes carried by the payloads, then compares every row and field of every journaled table
with the database and reports the first divergence.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from json.encoder import encode_basestring as _encode
from typing import Any

from sqlalchemy import Connection

from custody.db.engine import streaming_cursor
from custody.db.journal import PAYLOAD_VERSION
from custody.db.replay import BATCH, Replay
from custody.domain.canonical import GENESIS_HASH
from custody.domain.messages import t
from custody.verifier import CHECKPOINT_KIND, Frontier, checkpoint_message, signature_holds

Progress = Callable[[int, int], None]  # (done, total)


@dataclass(frozen=True)
class ChainBreak:
    seq: int
    problem: str


@dataclass(frozen=True)
class Divergence:
    table: str
    key: int
    field: str | None  # None: the whole row is missing or unexplained
    journal_value: Any
    table_value: Any
    last_seq: int | None  # the last journal entry that touched this record
    problem: str


@dataclass
class VerifyReport:
    entries: int = 0
    head_hash: str = GENESIS_HASH
    records_compared: int = 0
    chain_break: ChainBreak | None = None
    divergence: Divergence | None = None
    notes: list[str] = field(default_factory=list)
    checkpoints: int = 0  # signed checkpoints in the journal, each re-checked
    held: int = 0  # checkpoints held outside the database that matched

    @property
    def intact(self) -> bool:
        return self.chain_break is None and self.divergence is None


def _j(value: Any) -> str:
    """A column value as canonical JSON writes it (C encoder; no JSONEncoder per call)."""
    if value is None:
        return "null"
    if isinstance(value, str):
        return _encode(value)
    return str(int(value))


class _Binding:
    """Checks that a payload's top-level fields are exactly the row's indexed columns.

    Canonical JSON sorts keys, so a payload is `{"actor":…,"actor_id":…,"changes":[…],
    "data":{…},"kind":…,"seq":…,"subject":…,"ts":…,"v":…,"ws":…,"zone":…}`: its head and
    tail are fully determined by the columns and can be compared without parsing. Heads and
    tails repeat (few actors, few workstations), so they are cached.
    """

    def __init__(self) -> None:
        self.heads: dict[tuple[Any, Any], str] = {}
        self.tails: dict[tuple[Any, Any], str] = {}

    def holds(self, payload: str, row: tuple[Any, ...]) -> bool:
        seq, ts, kind, subject, actor_id, actor, workstation, zone = row[0], *row[4:11]
        head = self.heads.get((actor, actor_id))
        if head is None:
            head = f'{{"actor":{_j(actor)},"actor_id":{_j(actor_id)},"changes":'
            self.heads[(actor, actor_id)] = head
        tail = self.tails.get((workstation, zone))
        if tail is None:
            tail = f',"v":{PAYLOAD_VERSION},"ws":{_j(workstation)},"zone":{_j(zone)}}}'
            self.tails[(workstation, zone)] = tail
        middle = f',"kind":{_j(kind)},"seq":{seq},"subject":{_j(subject)},"ts":{_j(ts)}'
        return payload.startswith(head) and payload.endswith(middle + tail)


def _chain_problem(n: int, row: tuple[Any, ...], expected: str, prev: bytes) -> str | None:
    seq, prev_hash, digest, payload = row[0], row[1], row[2], row[3]
    if seq != n:
        return t("entry {n} is missing (next entry found is {seq})", n=n, seq=seq)
    if prev_hash != expected:
        return t("prev_hash does not match the previous hash")
    if hashlib.sha256(prev + payload.encode("utf-8")).hexdigest() != digest:
        return t("hash does not match the entry's content")
    return None


class _Checkpoints:
    """The Merkle tree grown entry by entry: each signed checkpoint in the journal, and each
    held elsewhere, must match the journal as it stands (else history was rewritten)."""

    def __init__(self, replay: Replay, held: list[dict[str, Any]]) -> None:
        self.tree, self.replay = Frontier(), replay
        self.held = {int(h["size"]): h for h in held}

    def _key(self, fingerprint: Any) -> str | None:
        where = self.replay.position["signing_keys"]
        for record in self.replay.state["signing_keys"].values():
            if record[where["fingerprint"]] == fingerprint:
                return str(record[where["public_key"]])
        return None

    def signed(self, seq: int, payload: str) -> str | None:
        """A checkpoint entry (seq = size + 1): its signature, size and root."""
        try:
            statement = json.loads(payload)["data"]["checkpoint"]
            message, signature = checkpoint_message(statement), statement["signature"]
        except (ValueError, KeyError, TypeError):
            return t("the checkpoint in entry {seq} is malformed", seq=seq)
        key = self._key(statement["key"])
        if key is None or not signature_holds(key, signature, message):
            return t(
                "the checkpoint in entry {seq} is not signed by one of the lab's keys", seq=seq
            )
        return self._matches(statement, t("the checkpoint in entry {seq}", seq=seq))

    def _matches(self, statement: dict[str, Any], what: str) -> str | None:
        if statement["size"] != self.tree.size or statement["root"] != self.tree.root().hex():
            return t(
                "{what} (signed over {size} entries) no longer matches the journal: history "
                "was rewritten after it was signed",
                what=what,
                size=statement["size"],
            )
        return None

    def grow(self, digest: str) -> str | None:
        self.tree.append(bytes.fromhex(digest))
        held = self.held.pop(self.tree.size, None)
        if held is None:
            return None
        return self._matches(held, t("a checkpoint held outside the database"))


def verify(
    conn: Connection,
    total: int,
    progress: Progress | None = None,
    held: list[dict[str, Any]] | None = None,
) -> VerifyReport:
    """Check the chain, the signed checkpoints and those `held` elsewhere (their signatures
    checked by the caller), replay the chain, compare with the tables. Stops at the first
    problem."""
    report = VerifyReport()
    replay = Replay()
    signed = _Checkpoints(replay, held or [])
    binding = _Binding()
    expected, prev = GENESIS_HASH, bytes(32)
    cursor = streaming_cursor(conn, "custody_verify")
    try:
        cursor.execute(
            "SELECT seq, prev_hash, hash, payload, ts, kind, subject, actor_id, actor, "
            "workstation, zone FROM journal ORDER BY seq"
        )
        while rows := cursor.fetchmany(BATCH):
            for row in rows:
                report.entries += 1
                problem = _chain_problem(report.entries, row, expected, prev)
                payload = row[3]
                if problem is None and not binding.holds(payload, row):
                    problem = t(
                        "an indexed column (seq, time, kind, subject, actor, "
                        "workstation or zone) differs from the signed payload"
                    )
                if problem is None and payload.find('"changes":[],"data":', 0, 400) == -1:
                    try:
                        replay.apply(row[0], json.loads(payload)["changes"])
                    except (ValueError, KeyError, TypeError, IndexError) as error:
                        problem = t("payload cannot be replayed: {error}", error=repr(error))
                if problem is None and row[5] == CHECKPOINT_KIND:
                    problem = signed.signed(row[0], payload)
                    report.checkpoints += 1
                if problem is None:
                    problem = signed.grow(row[2])
                if problem is not None:
                    report.chain_break = ChainBreak(row[0], problem)
                    return report
                expected = row[2]
                prev = bytes.fromhex(expected)
            if progress is not None:
                progress(report.entries, total)
    finally:
        cursor.close()
    report.head_hash = expected
    report.held = len(held or []) - len(signed.held)
    if signed.held:
        size = min(signed.held)
        report.chain_break = ChainBreak(
            report.entries + 1,
            t(
                "a checkpoint held outside the database covers {size} entries but the journal "
                "has only {entries}: entries were removed from its end",
                size=size,
                entries=report.entries,
            ),
        )
        return report
    for compared, found in replay.compare(conn):
        report.records_compared += compared
        if found is not None:
            report.divergence = Divergence(*found)
    return report
