"""Writing the journal: change capture and chained appends in the caller's transaction.

Every flush of a journaled record is captured (table, key, operation, values; for updates
old and new values). `append` writes one journal entry that carries the captured changes,
so the entry and the change share one transaction. A commit with captured changes that no
entry carries is refused: no silent edit can pass through the application.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Table, event, insert, inspect, select
from sqlalchemy.orm import Session, sessionmaker

from custody.db.base import Base, table_of
from custody.db.journal_table import journal
from custody.db.models import JOURNALED
from custody.domain.canonical import (
    GENESIS_HASH,
    canonical_json,
    chain_hash,
    digest_value,
    format_utc,
    parse_utc,
    to_journal_value,
)
from custody.errors import IntegrityViolation

PENDING = "custody.pending_changes"
_JOURNALED = frozenset(JOURNALED)
PAYLOAD_VERSION = 1


@dataclass(frozen=True)
class Stamp:
    """Who, where and when an entry is written."""

    actor_id: int | None
    actor: str | None
    workstation: str
    zone: str
    now: datetime


@dataclass(frozen=True)
class Appended:
    seq: int
    hash: str
    behind: ClockRegression | None = None  # this entry's time is before the previous one's


@dataclass(frozen=True)
class ClockRegression:
    """The wall clock went back: the entry written now carries an earlier time than the one
    before it (a clock reset, a wrong time zone, a workstation whose clock drifts)."""

    seconds: int
    previous_seq: int
    previous_ts: str
    previous_workstation: str


# Workstations sharing a PostgreSQL database disagree by a little; beyond this, it is flagged.
CLOCK_TOLERANCE_SECONDS = 120


def column_value(table: Table, key: str, value: Any) -> Any:
    """A column value as the journal writes it (secret columns as a digest)."""
    if table.columns[key].info.get("journal") == "digest":
        return digest_value(value)
    return to_journal_value(value)


def _insert_change(obj: Base) -> dict[str, Any]:
    mapper = inspect(type(obj))
    table = table_of(obj)
    values = {
        attr.columns[0].key: column_value(table, attr.columns[0].key, getattr(obj, attr.key))
        for attr in mapper.column_attrs
    }
    return {"t": obj.__tablename__, "k": values["id"], "op": "insert", "v": values}


def _update_change(obj: Base) -> dict[str, Any] | None:
    state = inspect(obj)
    table = table_of(obj)
    fields: dict[str, list[Any]] = {}
    for attr in state.mapper.column_attrs:
        history = state.attrs[attr.key].history
        if not history.has_changes():
            continue
        key = attr.columns[0].key
        old = history.deleted[0] if history.deleted else None
        new = history.added[0] if history.added else None
        fields[key] = [column_value(table, key, old), column_value(table, key, new)]
    if not fields:
        return None
    return {"t": obj.__tablename__, "k": obj.id, "op": "update", "v": fields}  # type: ignore[attr-defined]


def _after_flush(session: Session, _context: Any) -> None:
    pending: list[dict[str, Any]] = session.info.setdefault(PENDING, [])
    for obj in session.new:
        if type(obj) in _JOURNALED:
            pending.append(_insert_change(obj))
    for obj in session.dirty:
        if type(obj) in _JOURNALED:
            change = _update_change(obj)
            if change is not None:
                pending.append(change)
    for obj in session.deleted:
        if type(obj) in _JOURNALED:
            pending.append({"t": obj.__tablename__, "k": obj.id, "op": "delete", "v": {}})


def _before_commit(session: Session) -> None:
    session.flush()
    if session.info.get(PENDING):
        tables = sorted({c["t"] for c in session.info[PENDING]})
        session.info[PENDING] = []
        raise IntegrityViolation(f"record changes without a journal entry: {', '.join(tables)}")


def _after_rollback(session: Session) -> None:
    session.info.pop(PENDING, None)


def install_capture(factory: sessionmaker[Session]) -> None:
    event.listen(factory, "after_flush", _after_flush)
    event.listen(factory, "before_commit", _before_commit)
    event.listen(factory, "after_soft_rollback", lambda s, _t: _after_rollback(s))


_HEAD = select(journal.c.seq, journal.c.hash, journal.c.ts, journal.c.workstation)
_HEAD = _HEAD.order_by(journal.c.seq.desc()).limit(1)
_INSERT = insert(journal)


def head(session: Session) -> tuple[int, str]:
    row = session.connection().execute(_HEAD).first()
    return (0, GENESIS_HASH) if row is None else (int(row[0]), str(row[1]))


def _behind(row: Any, now: datetime) -> ClockRegression | None:
    if row is None:
        return None
    seconds = (parse_utc(row[2]) - now).total_seconds()
    if seconds <= CLOCK_TOLERANCE_SECONDS:
        return None
    return ClockRegression(int(seconds), int(row[0]), str(row[2]), str(row[3]))


def append(
    session: Session, stamp: Stamp, kind: str, subject: str | None, data: dict[str, Any]
) -> Appended:
    """Write one entry carrying `data` and every record change flushed since the last one."""
    session.flush()
    changes = session.info.pop(PENDING, [])
    last = session.connection().execute(_HEAD).first()
    last_seq, last_hash = (0, GENESIS_HASH) if last is None else (int(last[0]), str(last[1]))
    seq = last_seq + 1
    ts = format_utc(stamp.now)
    payload = canonical_json(
        {
            "v": PAYLOAD_VERSION,
            "seq": seq,
            "ts": ts,
            "zone": stamp.zone,
            "ws": stamp.workstation,
            "actor_id": stamp.actor_id,
            "actor": stamp.actor,
            "kind": kind,
            "subject": subject,
            "data": data,
            "changes": changes,
        }
    )
    digest = chain_hash(last_hash, payload)
    session.connection().execute(
        _INSERT,
        {
            "seq": seq,
            "ts": ts,
            "zone": stamp.zone,
            "workstation": stamp.workstation,
            "actor_id": stamp.actor_id,
            "actor": stamp.actor,
            "kind": kind,
            "subject": subject,
            "payload": payload.decode("utf-8"),
            "prev_hash": last_hash,
            "hash": digest,
        },
    )
    return Appended(seq, digest, _behind(last, stamp.now))
