"""Queries behind the supervisor reports: a sample's journal entries (by indexed subject), the
samples kept at a set of locations, and the location tree."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

from sqlalchemy import select

from custody.db.journal_table import journal
from custody.db.models import Case, Exhibit, Location, Sample, Seal, ShipmentItem
from custody.db.queries import Session
from custody.domain.enums import SealState


def journal_entries(session: Session, subjects: Iterable[str]) -> list[tuple[Any, ...]]:
    """(seq, ts, zone, workstation, actor_id, actor, kind, subject, payload, hash) of every
    entry whose subject is one of ``subjects``, in journal order (uses ix_journal_subject_seq)."""
    wanted = sorted(set(subjects))
    if not wanted:
        return []
    c = journal.c
    query = (
        select(
            c.seq, c.ts, c.zone, c.workstation, c.actor_id, c.actor, c.kind, c.subject, c.payload,
            c.hash,
        )
        .where(c.subject.in_(wanted))
        .order_by(c.seq)
    )  # fmt: skip
    return [tuple(row) for row in session.execute(query)]


def locations(session: Session) -> list[tuple[int, str, str, int | None]]:
    """(id, code, name, parent id) of every location."""
    query = select(Location.id, Location.code, Location.name, Location.parent_id)
    return [tuple(row) for row in session.execute(query.order_by(Location.code))]  # type: ignore[misc]


def samples_at(session: Session, location_ids: Sequence[int]) -> list[tuple[Any, ...]]:
    """(location id, code, case number, exhibit number, description, status, net weight,
    hazard, sample id) of the samples kept at those locations, by location then code."""
    if not location_ids:
        return []
    query = (
        select(
            Sample.location_id,
            Sample.code,
            Case.case_number,
            Exhibit.number,
            Sample.description,
            Sample.status,
            Sample.net_weight,
            Sample.hazard,
            Sample.id,
        )
        .join(Exhibit, Sample.exhibit_id == Exhibit.id)
        .join(Case, Exhibit.case_id == Case.id)
        .where(Sample.location_id.in_(list(location_ids)))
        .order_by(Sample.location_id, Sample.code)
    )
    return [tuple(row) for row in session.execute(query)]


def applied_seals(session: Session, sample_ids: Sequence[int]) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    for start in range(0, len(sample_ids), 500):
        chunk = list(sample_ids[start : start + 500])
        query = (
            select(Seal.sample_id, Seal.serial)
            .where(Seal.sample_id.in_(chunk), Seal.state == SealState.APPLIED)
            .order_by(Seal.id)
        )
        for sample_id, serial in session.execute(query):
            if sample_id is not None:
                out.setdefault(sample_id, []).append(serial)
    return out


def case_institution(session: Session, sample_id: int) -> str:
    query = (
        select(Case.institution)
        .join(Exhibit, Exhibit.case_id == Case.id)
        .join(Sample, Sample.exhibit_id == Exhibit.id)
        .where(Sample.id == sample_id)
    )
    return str(session.scalar(query) or "")


def shipment_weight(session: Session, shipment_id: int) -> Decimal | None:
    """The total net weight of a shipment's samples (exact)."""
    query = (
        select(Sample.net_weight)
        .join(ShipmentItem, ShipmentItem.sample_id == Sample.id)
        .where(ShipmentItem.shipment_id == shipment_id)
    )
    weights = list(session.scalars(query))
    return sum(weights, Decimal(0)) if weights else None
