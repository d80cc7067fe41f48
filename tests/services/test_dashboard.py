"""The dashboard figures are exact counts from the database, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime

from ship_support import packed, sealed_samples

from custody.services import dashboard
from lab_support import FakeClock, Lab


def test_last_months_crosses_the_year_boundary() -> None:
    months = dashboard.last_months(datetime(2027, 2, 10, tzinfo=UTC), 4)
    assert months == ["2026-11", "2026-12", "2027-01", "2027-02"]


def test_dashboard_counts_samples_by_month_port_status_and_pending_shipments(
    lab_db: Lab, clock: FakeClock
) -> None:
    sealed_samples(lab_db, 2)  # September 2026
    clock.now = datetime(2026, 10, 20, 9, tzinfo=UTC)
    shipped = packed(lab_db, 3)  # October 2026, packed in one draft shipment
    clock.now = datetime(2027, 1, 5, 9, tzinfo=UTC)

    board = lab_db.as_(lab_db.auditor).query(dashboard.dashboard)

    months = dict(board.by_month)
    assert len(board.by_month) == 12
    assert board.by_month[0][0] == "2026-02" and board.by_month[-1][0] == "2027-01"
    assert months["2026-09"] == 2 and months["2026-10"] == 3
    assert sum(months.values()) == 5
    assert board.by_port == [("AICM", 5)]
    assert board.by_status == [("packed", 3), ("sealed", 2)]
    assert [p.manifest_number for p in board.pending] == [shipped.shipment.manifest_number]
    assert board.pending[0].status == shipped.shipment.status.value


def test_samples_older_than_twelve_months_fall_out_of_the_monthly_chart(
    lab_db: Lab, clock: FakeClock
) -> None:
    sealed_samples(lab_db, 1)  # September 2026
    clock.now = datetime(2027, 9, 2, tzinfo=UTC)
    board = lab_db.as_(lab_db.supervisor).query(dashboard.dashboard)
    assert sum(n for _, n in board.by_month) == 0
    assert board.by_status == [("sealed", 1)]
