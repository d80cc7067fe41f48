"""The journal table: append-only, hash-chained, the source of truth."""

from __future__ import annotations

from sqlalchemy import Column, Index, Integer, String, Table, Text

from custody.db.base import Base

journal = Table(
    "journal",
    Base.metadata,
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("ts", String(27), nullable=False),
    Column("zone", String(64), nullable=False),
    Column("workstation", String(128), nullable=False),
    Column("actor_id", Integer, nullable=True),
    Column("actor", String(64), nullable=True),
    Column("kind", String(48), nullable=False),
    Column("subject", String(100), nullable=True),
    Column("payload", Text, nullable=False),
    Column("prev_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False),
    Index("ix_journal_subject_seq", "subject", "seq"),
    Index("ix_journal_kind_seq", "kind", "seq"),
    Index("ix_journal_actor_seq", "actor_id", "seq"),
)
