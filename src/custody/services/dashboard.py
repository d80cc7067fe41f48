"""The supervisor dashboard: samples registered by month (last 12 months), by port of
seizure and by status, and the shipments not yet reconciled."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from custody.db import dashboard_queries
from custody.domain.permissions import Action
from custody.services.work import Work

MONTHS = 12


@dataclass(frozen=True)
class PendingShipment:
    manifest_number: str
    status: str
    created_at: datetime


@dataclass(frozen=True)
class Dashboard:
    """Counts as (label, count) pairs, in display order."""

    by_month: list[tuple[str, int]]
    by_port: list[tuple[str, int]]
    by_status: list[tuple[str, int]]
    pending: list[PendingShipment]


def last_months(now: datetime, count: int = MONTHS) -> list[str]:
    """The ``count`` UTC months ending with the month of ``now``, oldest first ("YYYY-MM")."""
    now = now.astimezone(UTC)
    index = now.year * 12 + now.month - 1
    return [f"{i // 12:04d}-{i % 12 + 1:02d}" for i in range(index - count + 1, index + 1)]


def dashboard(work: Work) -> Dashboard:
    """The dashboard figures as of ``work.now``."""
    work.require(Action.READ)
    months = last_months(work.now)
    since = datetime.strptime(months[0], "%Y-%m").replace(tzinfo=UTC)
    per_month = dashboard_queries.samples_by_month(work.session, since)
    by_port = dashboard_queries.samples_by_port(work.session)
    by_status = dashboard_queries.samples_by_status(work.session)
    pending = [
        PendingShipment(number, status.value, created)
        for number, status, created in dashboard_queries.pending_shipments(work.session)
    ]
    return Dashboard(
        by_month=[(m, per_month.get(m, 0)) for m in months],
        by_port=sorted(by_port.items(), key=lambda item: (-item[1], item[0])),
        by_status=sorted(by_status.items(), key=lambda item: (-item[1], item[0])),
        pending=pending,
    )
