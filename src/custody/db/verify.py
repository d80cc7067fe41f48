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
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, select

from custody.db.base import table_of
from custody.db.journal import PAYLOAD_VERSION, column_value
from custody.db.models import JOURNALED
from custody.domain.canonical import GENESIS_HASH

Progress = Callable[[int, int], None]  # (done, total)
_BATCH = 5_000


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

    @property
    def intact(self) -> bool:
        return self.chain_break is None and self.divergence is None


def _rows(conn: Connection) -> Iterator[tuple[Any, ...]]:
    result = conn.exec_driver_sql(
        "SELECT seq, prev_hash, hash, payload, ts, kind, subject, actor_id, actor, workstation, "
        "zone FROM journal ORDER BY seq"
    )
    while batch := result.fetchmany(_BATCH):
        yield from batch


def _j(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _bound_to_columns(payload: str, row: tuple[Any, ...]) -> bool:
    """True when the payload's top-level fields are exactly the row's indexed columns.

    Canonical JSON sorts keys, so the payload is `{"actor":…,"actor_id":…,"changes":[…],
    "data":{…},"kind":…,"seq":…,"subject":…,"ts":…,"v":…,"ws":…,"zone":…}`: its head and
    tail are fully determined by the columns, and can be compared without parsing.
    """
    seq, ts, kind, subject, actor_id, actor, workstation, zone = (
        row[0],
        row[4],
        row[5],
        row[6],
        row[7],
        row[8],
        row[9],
        row[10],
    )
    head = f'{{"actor":{_j(actor)},"actor_id":{_j(actor_id)},"changes":'
    tail = (
        f',"kind":{_j(kind)},"seq":{seq},"subject":{_j(subject)},"ts":{_j(ts)},'
        f'"v":{PAYLOAD_VERSION},"ws":{_j(workstation)},"zone":{_j(zone)}}}'
    )
    return payload.startswith(head) and payload.endswith(tail)


def _no_changes(payload: str) -> bool:
    return payload.find('"changes":[],"data":', 0, 400) != -1


def verify(conn: Connection, total: int, progress: Progress | None = None) -> VerifyReport:
    report = VerifyReport()
    state: dict[str, dict[int, dict[str, Any]]] = {m.__tablename__: {} for m in JOURNALED}
    touched: dict[tuple[str, int], int] = {}
    expected_prev = GENESIS_HASH
    sha256 = hashlib.sha256
    for row in _rows(conn):
        seq, prev_hash, digest, payload = row[0], row[1], row[2], row[3]
        report.entries += 1
        problem = None
        if seq != report.entries:
            problem = f"entry {report.entries} is missing (next entry found is {seq})"
        elif prev_hash != expected_prev:
            problem = "prev_hash does not match the previous hash"
        elif sha256(bytes.fromhex(prev_hash) + payload.encode("utf-8")).hexdigest() != digest:
            problem = "hash does not match the entry's content"
        elif not _bound_to_columns(payload, row):
            problem = "an indexed column (seq, time, kind, subject, actor, workstation or zone) "
            problem += "differs from the signed payload"
        elif not _no_changes(payload):
            try:
                _apply(state, touched, seq, json.loads(payload)["changes"])
            except (ValueError, KeyError, TypeError) as error:
                problem = f"payload cannot be replayed: {error}"
        if problem is not None:
            report.chain_break = ChainBreak(seq, problem)
            return report
        expected_prev = digest
        if progress is not None and report.entries % _BATCH == 0:
            progress(report.entries, total)
    report.head_hash = expected_prev
    report.divergence = _compare(conn, state, touched, report)
    if progress is not None:
        progress(report.entries, total)
    return report


def _apply(
    state: dict[str, dict[int, dict[str, Any]]],
    touched: dict[tuple[str, int], int],
    seq: int,
    changes: list[dict[str, Any]],
) -> None:
    for change in changes:
        table, key, op, values = change["t"], int(change["k"]), change["op"], change["v"]
        rows = state[table]
        if op == "insert":
            if key in rows:
                raise ValueError(f"{table} #{key} inserted twice")
            rows[key] = dict(values)
        elif op == "update":
            row = rows[key]
            for name, (_old, new) in values.items():
                row[name] = new
        elif op == "delete":
            del rows[key]
        else:
            raise ValueError(f"unknown change operation {op!r}")
        touched[(table, key)] = seq


def _compare(
    conn: Connection,
    state: dict[str, dict[int, dict[str, Any]]],
    touched: dict[tuple[str, int], int],
    report: VerifyReport,
) -> Divergence | None:
    for model in JOURNALED:
        table = table_of(model)
        name = table.name
        expected = state[name]
        seen: set[int] = set()
        columns = list(table.columns)
        result = conn.execute(select(table).order_by(table.c.id))
        while batch := result.fetchmany(_BATCH):
            for row in batch:
                key = int(row.id)
                seen.add(key)
                report.records_compared += 1
                want = expected.get(key)
                if want is None:
                    return Divergence(
                        name,
                        key,
                        None,
                        None,
                        "present",
                        None,
                        "row exists in the table but no journal entry created it",
                    )
                for column in columns:
                    have = column_value(table, column.key, row._mapping[column])
                    if want.get(column.key) != have:
                        return Divergence(
                            name,
                            key,
                            column.key,
                            want.get(column.key),
                            have,
                            touched.get((name, key)),
                            "field differs from the value the journal says it has",
                        )
        missing = sorted(set(expected) - seen)
        if missing:
            key = missing[0]
            return Divergence(
                name,
                key,
                None,
                "present",
                None,
                touched.get((name, key)),
                "row is in the journal but missing from the table",
            )
    return None
