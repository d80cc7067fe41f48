"""Aggregate counts behind the supervisor dashboard, each one GROUP BY over an indexed column."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String, func, select

from custody.db.models import Exhibit, Sample, Seizure, Shipment
from custody.db.queries import Session
from custody.domain.enums import ShipmentStatus


def samples_by_month(session: Session, since: datetime) -> dict[str, int]:
    """Samples registered from ``since`` on, by UTC month ("YYYY-MM"), via ix on created_at."""
    month = func.substr(Sample.created_at, 1, 7, type_=String())
    query = (
        select(month, func.count())
        .where(Sample.created_at >= since)
        .group_by(month)
    )  # fmt: skip
    return {str(m): int(n) for m, n in session.execute(query)}


def samples_by_status(session: Session) -> dict[str, int]:
    """Number of samples in each status (ix on samples.status)."""
    query = select(Sample.status, func.count()).group_by(Sample.status)
    return {str(status.value): int(n) for status, n in session.execute(query)}


def samples_by_port(session: Session) -> dict[str, int]:
    """Number of samples by the port of seizure of their exhibit."""
    query = (
        select(Seizure.port, func.count(Sample.id))
        .join(Exhibit, Exhibit.seizure_id == Seizure.id)
        .join(Sample, Sample.exhibit_id == Exhibit.id)
        .group_by(Seizure.port)
    )
    return {str(port): int(n) for port, n in session.execute(query)}


def pending_shipments(session: Session) -> list[tuple[str, ShipmentStatus, datetime]]:
    """(manifest number, status, created at) of shipments neither reconciled nor cancelled."""
    done = [ShipmentStatus.RECONCILED, ShipmentStatus.CANCELLED]
    query = (
        select(Shipment.manifest_number, Shipment.status, Shipment.created_at)
        .where(Shipment.status.not_in(done))
        .order_by(Shipment.id)
    )
    return [(str(m), s, c) for m, s, c in session.execute(query)]
