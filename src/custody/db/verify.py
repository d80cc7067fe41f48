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
from custody.db.journal import column_value
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
        "SELECT seq, prev_hash, hash, payload, ts, kind, subject, actor_id FROM journal "
        "ORDER BY seq"
    )
    while batch := result.fetchmany(_BATCH):
        yield from batch


def _column_mismatch(entry: dict[str, Any], row: tuple[Any, ...]) -> str | None:
    for name, index in (("seq", 0), ("ts", 4), ("kind", 5), ("subject", 6), ("actor_id", 7)):
        if entry.get(name) != row[index]:
            return f"column '{name}' ({row[index]!r}) differs from the signed payload"
    return None


def verify(conn: Connection, total: int, progress: Progress | None = None) -> VerifyReport:
    report = VerifyReport()
    state: dict[str, dict[int, dict[str, Any]]] = {m.__tablename__: {} for m in JOURNALED}
    touched: dict[tuple[str, int], int] = {}
    expected_prev = GENESIS_HASH
    sha256 = hashlib.sha256
    for row in _rows(conn):
        seq, prev_hash, digest, payload = row[0], row[1], row[2], row[3]
        report.entries += 1
        if seq != report.entries:
            problem = f"entry {report.entries} is missing (next entry found is {seq})"
            report.chain_break = ChainBreak(seq, problem)
            return report
        if prev_hash != expected_prev:
            report.chain_break = ChainBreak(seq, "prev_hash does not match the previous hash")
            return report
        raw = payload.encode("utf-8")
        if sha256(bytes.fromhex(prev_hash) + raw).hexdigest() != digest:
            report.chain_break = ChainBreak(seq, "hash does not match the entry's content")
            return report
        expected_prev = digest
        try:
            entry = json.loads(raw)
            mismatch = _column_mismatch(entry, row)
            _apply(state, touched, seq, entry.get("changes", []))
        except (ValueError, KeyError, TypeError) as error:
            report.chain_break = ChainBreak(seq, f"payload cannot be replayed: {error}")
            return report
        if mismatch:
            report.chain_break = ChainBreak(seq, mismatch)
            return report
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
