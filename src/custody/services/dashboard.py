"""The supervisor dashboard: samples registered by month (last 12 months), by port of
seizure and by status, the shipments not yet reconciled, and the latest times a workstation's
clock went back (journal `clock.regression` entries)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
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
class ClockWarning:
    """The wall clock of `workstation` went back: entry `seq` was stamped `behind_seconds`
    before the entry preceding it."""

    seq: int
    at: str  # the (wrong) time the entry carries, UTC
    workstation: str
    behind_seconds: int
    previous_workstation: str


@dataclass(frozen=True)
class Dashboard:
    """Counts as (label, count) pairs, in display order."""

    by_month: list[tuple[str, int]]
    by_port: list[tuple[str, int]]
    by_status: list[tuple[str, int]]
    pending: list[PendingShipment]
    clock_warnings: list[ClockWarning] = field(default_factory=list)  # newest first


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
    warnings = []
    for _seq, ts, workstation, payload in dashboard_queries.clock_regressions(work.session, 20):
        data = json.loads(payload)["data"]
        warnings.append(
            ClockWarning(
                data["seq"], ts, workstation, data["behind_seconds"], data["previous_workstation"]
            )
        )
    return Dashboard(
        clock_warnings=warnings,
        by_month=[(m, per_month.get(m, 0)) for m in months],
        by_port=sorted(by_port.items(), key=lambda item: (-item[1], item[0])),
        by_status=sorted(by_status.items(), key=lambda item: (-item[1], item[0])),
        pending=pending,
    )
