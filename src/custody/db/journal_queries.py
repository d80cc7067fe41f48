"""Reading the journal for the audit browser: keyset pages, one entry, the kinds in use.

Pages are ordered by seq and start after a seq (keyset: O(page) at any depth). The filters use
the journal's indexes where they can: a kind prefix becomes the kinds it matches, each read in
seq order from ix_journal_kind_seq and merged (a page never sorts every match); an actor is
ix_journal_actor_seq. A subject fragment and a time range are checked row by row while the page
is read in seq order (time is not indexed: workstation clocks may disagree, so time order is
not seq order).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Select, func, select, text, union_all

from custody.db.journal_table import journal
from custody.db.models import Person
from custody.db.queries import Session
from custody.domain.canonical import format_utc

_c = journal.c
_LINE = select(
    _c.seq, _c.ts, _c.zone, _c.workstation, _c.actor, _c.kind, _c.subject, _c.payload
).order_by(_c.seq)
_ENTRY = select(
    _c.seq,
    _c.ts,
    _c.zone,
    _c.workstation,
    _c.actor,
    _c.kind,
    _c.subject,
    _c.payload,
    _c.prev_hash,
    _c.hash,
)

_END = "\U0010ffff"  # sorts after any kind: [prefix, prefix + _END) is a prefix range

# Loose index scan: one index probe per distinct kind in [lo, hi) (SQLite and PostgreSQL
# alike), instead of reading the whole index as SELECT DISTINCT would.
_KINDS = text(
    "WITH RECURSIVE k(kind) AS ("
    " SELECT MIN(kind) FROM journal WHERE kind >= :lo"
    " UNION ALL"
    " SELECT (SELECT MIN(j.kind) FROM journal j WHERE j.kind > k.kind) FROM k"
    " WHERE k.kind IS NOT NULL AND k.kind < :hi"
    ") SELECT kind FROM k WHERE kind IS NOT NULL AND kind < :hi"
)


@dataclass(frozen=True)
class JournalWhere:
    """Filters of a journal page; None means "any"."""

    kind_prefix: str | None = None
    actor_id: int | None = None
    subject_contains: str | None = None
    since: datetime | None = None  # inclusive
    until: datetime | None = None  # exclusive
    first_seq: int | None = None  # inclusive
    last_seq: int | None = None  # inclusive


def journal_page(
    session: Session, *, after_seq: int | None, limit: int, where: JournalWhere
) -> list[tuple[Any, ...]]:
    """(seq, ts, zone, workstation, actor, kind, subject, payload) of up to `limit` entries
    after `after_seq` that match `where`, in seq order."""
    query = _LINE.limit(limit)
    kinds = None
    if where.kind_prefix:
        kinds = journal_kinds(session, where.kind_prefix)
        if not kinds:
            return []
    if after_seq is not None:
        query = query.where(_c.seq > after_seq)
    if where.first_seq is not None:
        query = query.where(_c.seq >= where.first_seq)
    if where.last_seq is not None:
        query = query.where(_c.seq <= where.last_seq)
    if where.actor_id is not None:
        query = query.where(_c.actor_id == where.actor_id)
    if where.subject_contains:
        needle = where.subject_contains.lower()
        query = query.where(func.lower(_c.subject).contains(needle, autoescape=True))
    if where.since is not None:
        query = query.where(_c.ts >= format_utc(where.since))
    if where.until is not None:
        query = query.where(_c.ts < format_utc(where.until))
    if kinds is not None:
        query = _of_kinds(query, kinds, limit)
    return [tuple(row) for row in session.connection().execute(query)]


def _of_kinds(query: Select[Any], kinds: list[str], limit: int) -> Select[Any]:
    """`query` restricted to `kinds`: one in-order index range per kind, merged by seq."""
    if len(kinds) == 1:
        return query.where(_c.kind == kinds[0])
    parts = [select(*query.where(_c.kind == kind).subquery().c) for kind in kinds]
    merged = union_all(*parts).subquery()
    return select(*merged.c).order_by(merged.c.seq).limit(limit)


def journal_entry(session: Session, seq: int) -> tuple[Any, ...] | None:
    """(seq, ts, zone, workstation, actor, kind, subject, payload, prev_hash, hash) of one entry."""
    query = _ENTRY.where(_c.seq == seq)
    row = session.connection().execute(query).first()
    return None if row is None else tuple(row)


def journal_kinds(session: Session, prefix: str = "") -> list[str]:
    """The kinds of entry the journal holds (those starting with `prefix`), in text order."""
    bounds = {"lo": prefix, "hi": prefix + _END}
    return [str(row[0]) for row in session.connection().execute(_KINDS, bounds)]


def user_id(session: Session, username: str) -> int | None:
    """The person id of a user name (the journal's actor_id), None if there is no such user."""
    query = select(Person.id).where(Person.username == username)
    found = session.connection().execute(query).scalar()
    return None if found is None else int(found)
