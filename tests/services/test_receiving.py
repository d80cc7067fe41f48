"""Reception and reconciliation: each scenario gives the right discrepancy report."""

from __future__ import annotations

import pytest
from ship_support import (
    KEY,
    Shipped,
    approve,
    dispatch,
    package_payload,
    packed,
    receive,
    sample_payload,
)
from svc_support import journal_rows

from custody.domain.enums import EventType, SampleStatus, ShipmentStatus
from custody.errors import IllegalTransition, PermissionDenied, ValidationError
from custody.services import audit, lookup, receipt_closing, receiving, shipments
from custody.services.receiving import Reconciliation
from lab_support import Lab


def _in_transit(lab: Lab, n: int = 3, packages: int = 1) -> tuple[Shipped, list[str]]:
    """A dispatched shipment, its sample labels printed before packing, receipt started."""
    shipped = packed(lab, n, packages)
    payloads = [sample_payload(lab, s) for s in shipped.samples]
    approve(lab, shipped)
    dispatch(lab, shipped)
    receive(lab, shipped)
    return shipped, payloads


def _scan(lab: Lab, shipped: Shipped, raw: str, **kw: object) -> receiving.ScanResult:
    return lab.as_(lab.clerk).perform(
        "scan",
        lambda w: receiving.scan(w, shipped.id, raw, KEY, **kw),  # type: ignore[arg-type]
    )


def _packages(lab: Lab, shipped: Shipped, n: int = 1) -> None:
    for number in range(1, n + 1):
        payload = package_payload(lab, shipped, number)
        assert _scan(lab, shipped, payload).outcome == "package"


def _reconcile(lab: Lab, shipped: Shipped) -> Reconciliation:
    return lab.as_(lab.clerk).perform("reconcile", lambda w: receiving.reconcile(w, shipped.id))


def _kinds(report: Reconciliation) -> list[tuple[str, str | None]]:
    return sorted((d.kind, d.sample) for d in report.discrepancies)


def test_all_present_closes_clean(lab_db: Lab) -> None:
    shipped, payloads = _in_transit(lab_db, 3)
    _packages(lab_db, shipped)
    for raw in payloads:
        assert _scan(lab_db, shipped, raw.lower() + "\r\n", weight="10.0001").outcome == "expected"
    report = _reconcile(lab_db, shipped)
    assert (report.expected, report.received, report.discrepancies) == (3, 3, ())
    for sample in shipped.samples:
        view = lab_db.ctx.query(lambda w, s=sample: lookup.find_sample(w, s.code))
        assert view.status is SampleStatus.RECEIVED and view.holder == "Carla Clerk"
        last = lab_db.ctx.query(lambda w, s=sample: lookup.history(w, s.id))[-1]
        assert last.event_type is EventType.RECEIVE and last.seal_intact is True
    lab_db.as_(lab_db.clerk)
    with pytest.raises(PermissionDenied):
        lab_db.ctx.perform("close", lambda w: receipt_closing.close(w, shipped.id))
    closed = lab_db.as_(lab_db.supervisor).perform(
        "close", lambda w: receipt_closing.close(w, shipped.id)
    )
    assert closed.clean
    view = lab_db.ctx.query(lambda w: shipments.find(w, str(shipped.id)))
    assert view.status is ShipmentStatus.RECONCILED and view.closed_clean is True
    assert journal_rows(lab_db.ctx)[-1]["data"] == {"clean": True, "open": 0, "reason": None}
    assert lab_db.as_(lab_db.auditor).query(lambda w: audit.verify(w)).intact


def test_one_missing_and_an_unscanned_package(lab_db: Lab) -> None:
    shipped, payloads = _in_transit(lab_db, 3, packages=2)
    payload = package_payload(lab_db, shipped, 1)
    _scan(lab_db, shipped, payload)
    for raw in payloads[:2]:
        _scan(lab_db, shipped, raw)
    report = _reconcile(lab_db, shipped)
    assert _kinds(report) == [("missing", shipped.samples[2].code), ("package", None)]
    assert report.received == 2 and report.packages_received == 1
    # refused as clean while discrepancies are open; closed as not clean only with a reason
    boss = lab_db.as_(lab_db.supervisor)
    with pytest.raises(ValidationError, match="cannot be closed as clean: 2 discrepancy"):
        boss.perform("close", lambda w: receipt_closing.close(w, shipped.id))
    first = report.discrepancies[0]
    boss.perform(
        "resolve", lambda w: receipt_closing.resolve(w, first.id, "found in the other box")
    )
    closed = boss.perform(
        "close", lambda w: receipt_closing.close(w, shipped.id, accept_reason="carrier claim filed")
    )
    assert not closed.clean
    view = boss.query(lambda w: shipments.find(w, str(shipped.id)))
    assert view.closed_clean is False and view.open_discrepancies == 1


def test_extra_duplicate_broken_seal_and_weight(lab_db: Lab) -> None:
    shipped, payloads = _in_transit(lab_db, 3)
    other, other_payloads = _in_transit(lab_db, 1)
    _packages(lab_db, shipped)
    assert _scan(lab_db, shipped, payloads[0]).outcome == "expected"
    dup = _scan(lab_db, shipped, payloads[0])
    assert dup.outcome == "duplicate" and "scanned already" in dup.message
    assert _scan(lab_db, shipped, payloads[1], seal_intact=False, notes="tape cut").outcome == (
        "expected"
    )
    assert _scan(lab_db, shipped, payloads[2], weight="9.2").outcome == "expected"
    extra = _scan(lab_db, shipped, other_payloads[0])
    assert extra.outcome == "extra" and "NOT on this manifest" in extra.message
    report = _reconcile(lab_db, shipped)
    codes = [s.code for s in shipped.samples]
    assert _kinds(report) == sorted(
        [
            ("duplicate", codes[0]),
            ("seal", codes[1]),
            ("weight", codes[2]),
            ("extra", other.samples[0].code),
        ]
    )
    weight = next(d for d in report.discrepancies if d.kind == "weight")
    assert "9.2000 g received, 10.0000 g shipped (-0.8000 g)" in weight.detail
    # reconciling again adds nothing new
    assert len(_reconcile(lab_db, shipped).discrepancies) == 4


def test_scans_refused_before_receipt_and_for_a_foreign_package(lab_db: Lab) -> None:
    shipped = packed(lab_db, 1)
    payload = sample_payload(lab_db, shipped.samples[0])
    with pytest.raises(IllegalTransition, match="must be received"):
        _scan(lab_db, shipped, payload)
    approve(lab_db, shipped)
    dispatch(lab_db, shipped)
    receive(lab_db, shipped)
    other, _ = _in_transit(lab_db, 1)
    foreign = package_payload(lab_db, other, 1)
    with pytest.raises(ValidationError, match="belongs to another shipment"):
        _scan(lab_db, shipped, foreign)
    with pytest.raises(ValidationError, match="Scan refused"):
        _scan(lab_db, shipped, "garbage")
