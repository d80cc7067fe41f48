"""Queries behind export bundles: the journal extract of a shipment, every entry streamed for
the auditor's export, and the shipment's samples with their cases, seizures and labels.

The extract is found through the journal's (subject, seq) and (kind, seq) indexes, in IN lists
of bounded length; payloads are read by seq in chunks, so a shipment of 10,000 samples never
holds every payload at once. `stream_entries` reads the whole journal with a DBAPI cursor
(server-side on PostgreSQL) in batches: bounded memory at any journal size.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import Any

from sqlalchemy import select

from custody.db.engine import streaming_cursor
from custody.db.journal_table import journal
from custody.db.models import (
    Case,
    Exhibit,
    LabelPrint,
    Sample,
    Seizure,
    ShipmentItem,
    ShipmentPackage,
)
from custody.db.queries import Session

CHUNK = 500  # values per IN list (well under SQLite's and PostgreSQL's parameter limits)
BATCH = 2_000  # rows per fetch when streaming
_c = journal.c


def _chunks(values: Iterable[Any]) -> Iterator[list[Any]]:
    items = sorted(set(values))
    for at in range(0, len(items), CHUNK):
        yield items[at : at + CHUNK]


def entries_of_subjects(
    session: Session, subjects: Iterable[str], size: int
) -> list[tuple[int, str, str]]:
    """(seq, hash, subject) of every entry about one of `subjects` with seq ≤ size."""
    found: list[tuple[int, str, str]] = []
    conn = session.connection()
    for chunk in _chunks(subjects):
        query = select(_c.seq, _c.hash, _c.subject).where(_c.subject.in_(chunk), _c.seq <= size)
        found += [(int(r[0]), str(r[1]), str(r[2])) for r in conn.execute(query)]
    return found


def entries_of_kinds(session: Session, kinds: Iterable[str], size: int) -> list[tuple[int, str]]:
    """(seq, hash) of every entry of one of `kinds` (rare kinds: lab set-up, keys) ≤ size."""
    query = select(_c.seq, _c.hash).where(_c.kind.in_(sorted(set(kinds))), _c.seq <= size)
    return [(int(r[0]), str(r[1])) for r in session.connection().execute(query)]


def entries_by_seq(session: Session, seqs: Iterable[int]) -> Iterator[tuple[int, str, str, str]]:
    """(seq, payload, prev_hash, hash) of the entries `seqs`, in seq order, read in chunks."""
    conn = session.connection()
    for chunk in _chunks(seqs):
        query = (
            select(_c.seq, _c.payload, _c.prev_hash, _c.hash)
            .where(_c.seq.in_(chunk))
            .order_by(_c.seq)
        )
        for row in conn.execute(query):
            yield int(row[0]), str(row[1]), str(row[2]), str(row[3])


def stream_entries(session: Session, first: int, last: int) -> Iterator[tuple[int, str, str, str]]:
    """(seq, payload, prev_hash, hash) of entries first..last in seq order, streamed."""
    conn = session.connection()
    cursor = streaming_cursor(conn, "custody_export")
    try:
        mark = "%s" if conn.dialect.paramstyle in ("format", "pyformat") else "?"
        cursor.execute(
            "SELECT seq, payload, prev_hash, hash FROM journal "
            f"WHERE seq >= {mark} AND seq <= {mark} ORDER BY seq",
            (first, last),
        )
        while rows := cursor.fetchmany(BATCH):
            for seq, payload, prev_hash, digest in rows:
                yield int(seq), str(payload), str(prev_hash), str(digest)
    finally:
        cursor.close()


def shipment_samples(
    session: Session, shipment_id: int
) -> list[tuple[int, Sample, str, str, int, str, datetime]]:
    """(package number, sample, case number, institution, exhibit number, seizure port,
    seized at) of every sample on the shipment, by package then sample code."""
    query = (
        select(
            ShipmentPackage.number,
            Sample,
            Case.case_number,
            Case.institution,
            Exhibit.number,
            Seizure.port,
            Seizure.seized_at,
        )
        .select_from(ShipmentItem)
        .join(Sample, ShipmentItem.sample_id == Sample.id)
        .join(ShipmentPackage, ShipmentItem.package_id == ShipmentPackage.id)
        .join(Exhibit, Sample.exhibit_id == Exhibit.id)
        .join(Case, Exhibit.case_id == Case.id)
        .join(Seizure, Exhibit.seizure_id == Seizure.id)
        .where(ShipmentItem.shipment_id == shipment_id)
        .order_by(ShipmentPackage.number, Sample.code)
    )
    return [tuple(row) for row in session.execute(query)]  # type: ignore[misc]


def sample_codes(session: Session, ids: Iterable[int]) -> dict[int, tuple[str, int | None]]:
    """(code, parent id) of the samples `ids`."""
    found: dict[int, tuple[str, int | None]] = {}
    for chunk in _chunks(ids):
        query = select(Sample.id, Sample.code, Sample.parent_id).where(Sample.id.in_(chunk))
        for sample_id, code, parent_id in session.execute(query):
            found[int(sample_id)] = (str(code), parent_id)
    return found


def active_serials(session: Session, kind: str, bodies: Iterable[str]) -> dict[str, int]:
    """The serial of each record's current label (its newest print not voided), by body."""
    found: dict[str, int] = {}
    for chunk in _chunks(bodies):
        query = (
            select(LabelPrint.body, LabelPrint.serial)
            .where(
                LabelPrint.kind == kind, LabelPrint.body.in_(chunk), LabelPrint.voided.is_(False)
            )
            .order_by(LabelPrint.id)
        )
        found.update({str(body): int(serial) for body, serial in session.execute(query)})
    return found
