from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

import pytest
from ship_support import (
    CONSIGNEE,
    KEY,
    approve,
    dispatch,
    ensure_consignees,
    manifest_payload,
    packed,
    receive,
    sealed_samples,
)
from svc_support import Snapshot, journal_rows

from custody.domain.enums import EventType, SampleStatus, ShipmentStatus
from custody.errors import (
    AuthenticationFailed,
    Conflict,
    IllegalTransition,
    NotFound,
    PermissionDenied,
    ValidationError,
)
from custody.services import (
    audit,
    custody,
    intake,
    lookup,
    manifests,
    receiving,
    shipment_views,
    shipments,
)
from custody.services.intake import NewSample
from custody.services.views import SampleView
from custody.services.work import Work
from lab_support import PASSWORD, Lab


def _status(lab: Lab, sample: SampleView) -> SampleStatus:
    return lab.ctx.query(lambda w: lookup.find_sample(w, sample.code)).status


def test_create_pack_approve_dispatch(lab_db: Lab) -> None:
    shipped = packed(lab_db, 3, packages=2)
    view = shipped.shipment
    assert view.status is ShipmentStatus.PACKING and view.revision == 0
    assert view.manifest_number == f"MX-AICM-M-{lab_db.ctx.clock().year}-0001"
    assert [len(p.samples) for p in view.packages] == [2, 1]
    assert view.packages[0].outer_seals == (f"OUT-{view.id}-1-A",)
    assert all(_status(lab_db, s) is SampleStatus.PACKED for s in shipped.samples)

    approved = approve(lab_db, shipped)
    assert approved.status is ShipmentStatus.APPROVED and approved.revision == 1
    pdf = lab_db.ctx.query(lambda w: manifests.manifest_pdf(w, shipped.id))
    assert hashlib.sha256(pdf.data).hexdigest() == approved.manifest_sha256 == pdf.sha256
    entry = journal_rows(lab_db.ctx)[-1]
    assert entry["kind"] == "shipment.approve"
    assert entry["data"]["pdf_sha256"] == pdf.sha256
    assert entry["data"]["fingerprint"] == pdf.fingerprint
    stored, live = lab_db.ctx.query(lambda w: manifests.recompute_fingerprint(w, shipped.id))
    assert stored == live == pdf.fingerprint
    content = lab_db.ctx.query(lambda w: manifests.current(w, shipments.load(w, shipped.id)))
    relinquished = content.signatures[0]
    assert relinquished.role == "relinquished" and relinquished.printed_name == "Sofía Supervisor"
    assert "Approved for release" in relinquished.meaning and relinquished.signed_at
    first_package = sorted(s.code for s in shipped.samples[::2])
    assert [r.sample_id for r in content.rows] == [*first_package, shipped.samples[1].code]

    dispatched = dispatch(lab_db, shipped)
    assert dispatched.status is ShipmentStatus.DISPATCHED
    assert dispatched.carrier_agent == "Juan Pérez, DHL, badge 4471"
    for sample in shipped.samples:
        assert _status(lab_db, sample) is SampleStatus.IN_TRANSIT
        events = lab_db.ctx.query(lambda w, s=sample: lookup.history(w, s.id))
        assert [e.event_type for e in events][-2:] == [EventType.PACK, EventType.SHIP]
        assert "Juan Pérez" in (events[-1].meaning or "")
    # the reprint of the issued manifest is byte-identical, also after dispatch
    again = lab_db.ctx.query(lambda w: manifests.manifest_pdf(w, shipped.id))
    assert again.data == pdf.data
    assert lab_db.as_(lab_db.auditor).query(lambda w: audit.verify(w)).intact


def test_change_after_approval_issues_revision_and_supersedes(lab_db: Lab) -> None:
    shipped = packed(lab_db, 2)
    first = approve(lab_db, shipped)
    old_payload = manifest_payload(lab_db, shipped)
    rev1 = lab_db.ctx.query(lambda w: manifests.manifest_pdf(w, shipped.id, 1))
    changed = lab_db.as_(lab_db.technician).perform(
        "update", lambda w: shipments.update_details(w, shipped.id, waybill="AWB 999-00000001")
    )
    assert changed.status is ShipmentStatus.PACKING  # approval withdrawn
    assert journal_rows(lab_db.ctx)[-1]["data"] == {"approval_withdrawn": True}
    with pytest.raises(IllegalTransition, match="must be approved"):
        dispatch(lab_db, shipped)
    second = approve(lab_db, shipped)
    assert (first.revision, second.revision) == (1, 2)
    rev2 = lab_db.ctx.query(lambda w: manifests.manifest_pdf(w, shipped.id))
    assert (
        rev2.revision == 2 and rev2.superseded_by is None and rev2.fingerprint != rev1.fingerprint
    )
    old = lab_db.ctx.query(lambda w: manifests.manifest_pdf(w, shipped.id, 1))
    assert old.superseded_by == 2 and old.fingerprint == rev1.fingerprint and old.data != rev1.data
    assert journal_rows(lab_db.ctx)[-1]["data"]["supersedes"] == 1
    with pytest.raises(NotFound, match="no manifest revision 3"):
        lab_db.ctx.query(lambda w: manifests.manifest_pdf(w, shipped.id, 3))
    # the QR of revision 1 is void: it cannot start a receipt
    dispatch(lab_db, shipped)
    with pytest.raises(ValidationError, match="voided"):
        lab_db.as_(lab_db.clerk).perform(
            "receive",
            lambda w: receiving.start(w, shipped.id, old_payload, KEY),
        )


def _refused(lab: Lab, error: type[Exception], match: str, fn: Callable[[Work], Any]) -> None:
    snap = Snapshot(lab.ctx)
    with pytest.raises(error, match=match):
        lab.ctx.perform("try", fn)
    kind = "auth.failed" if error is AuthenticationFailed else "denied"
    snap.assert_only_denial(kind)


def test_bad_packing_refused_journaled_nothing_written(lab_db: Lab) -> None:
    shipped = packed(lab_db, 1)
    sid = shipped.id
    tech = lab_db.as_(lab_db.technician)
    unsealed = tech.perform(
        "reg",
        lambda w: intake.register_sample(w, lab_db.exhibit_id, NewSample("bag", "5", "BAL-01")),
    )
    _refused(
        lab_db, IllegalTransition, "Cannot pack", lambda w: shipments.pack(w, sid, 1, unsealed.id)
    )
    (destroyed,) = sealed_samples(lab_db, 1)
    lab_db.as_(lab_db.supervisor).perform(
        "destroy",
        lambda w: custody.dispose(w, destroyed.id, EventType.DESTROY, "court order 17/2026"),
    )
    _refused(
        lab_db, IllegalTransition, "destroyed", lambda w: shipments.pack(w, sid, 1, destroyed.id)
    )
    first = shipped.samples[0]
    _refused(
        lab_db, Conflict, "already packed in package 1 of this shipment",
        lambda w: shipments.pack(w, sid, 1, first.id),
    )  # fmt: skip
    other = lab_db.as_(lab_db.technician).perform(
        "create", lambda w: shipments.create(w, CONSIGNEE, carrier="FedEx", waybill="1")
    )
    lab_db.ctx.perform("pkg", lambda w: shipments.add_package(w, other.id, ["OTHER-1"]))
    _refused(
        lab_db, Conflict, f"in package 1 of shipment {shipped.shipment.manifest_number}",
        lambda w: shipments.pack(w, other.id, 1, first.id),
    )  # fmt: skip
    _refused(lab_db, NotFound, "no sample #99999", lambda w: shipments.pack(w, sid, 1, 99999))
    _refused(lab_db, NotFound, "has no package 7", lambda w: shipments.pack(w, sid, 7, unsealed.id))
    _refused(
        lab_db, Conflict, "OUT-.* has been used already",
        lambda w: shipments.add_package(w, other.id, [f"OUT-{sid}-1-A"]),
    )  # fmt: skip
    seal_of_sample = first.seals[0] if first.seals else None
    assert seal_of_sample is not None
    _refused(
        lab_db, Conflict, "has been used already",
        lambda w: shipments.add_package(w, other.id, [seal_of_sample.lower()]),
    )  # fmt: skip


def test_bad_approval_and_dispatch_refused(lab_db: Lab) -> None:
    shipped = packed(lab_db, 1)
    sid = shipped.id
    lab_db.as_(lab_db.technician)
    _refused(
        lab_db, PermissionDenied, "may not approve",
        lambda w: shipments.approve(w, sid, PASSWORD, KEY, lab_db.ctx.signer()),
    )  # fmt: skip
    _refused(
        lab_db,
        IllegalTransition,
        "must be approved",
        lambda w: shipments.dispatch(w, sid, PASSWORD, "x"),
    )
    lab_db.as_(lab_db.supervisor)
    snap = Snapshot(lab_db.ctx)
    with pytest.raises(AuthenticationFailed, match="Wrong user name or password"):
        lab_db.ctx.perform(
            "approve",
            lambda w: shipments.approve(w, sid, "not my password", KEY, lab_db.ctx.signer()),
        )
    snap.assert_only_denial("auth.failed")
    empty = lab_db.as_(lab_db.technician).perform(
        "create", lambda w: shipments.create(w, CONSIGNEE)
    )
    lab_db.ctx.perform("pkg", lambda w: shipments.add_package(w, empty.id, ["E-1"]))
    lab_db.as_(lab_db.supervisor)
    _refused(
        lab_db, ValidationError, "needs a carrier; an air waybill; at least one packed sample",
        lambda w: shipments.approve(w, empty.id, PASSWORD, KEY, lab_db.ctx.signer()),
    )  # fmt: skip


def test_receiving_a_manifest_of_another_shipment_is_refused(lab_db: Lab) -> None:
    one, two = packed(lab_db, 1), packed(lab_db, 1)
    for shipped in (one, two):
        approve(lab_db, shipped)
        dispatch(lab_db, shipped)
    wrong = manifest_payload(lab_db, two)
    lab_db.as_(lab_db.clerk)
    _refused(
        lab_db, ValidationError, f"for shipment {two.shipment.manifest_number}, not "
        f"{one.shipment.manifest_number}",
        lambda w: receiving.start(w, one.id, wrong, KEY),
    )  # fmt: skip
    _refused(
        lab_db, ValidationError, "Scan refused",
        lambda w: receiving.start(w, one.id, wrong[:-3] + "AAA", KEY),
    )  # fmt: skip
    receive(lab_db, one)
    assert (
        lab_db.ctx.query(lambda w: shipments.find(w, str(one.id))).status is ShipmentStatus.RECEIVED
    )


def test_consignee_required_and_listed(lab_db: Lab) -> None:
    ensure_consignees(lab_db)
    lab_db.as_(lab_db.technician)
    _refused(
        lab_db, NotFound, "no consignee 'Nowhere lab'", lambda w: shipments.create(w, "Nowhere lab")
    )


def test_list_shipments_filters_by_status_and_pages_by_number(lab_db: Lab) -> None:
    first, second = packed(lab_db, 2), packed(lab_db, 1, packages=1)
    empty = lab_db.as_(lab_db.technician).perform(
        "create", lambda w: shipments.create(w, CONSIGNEE, carrier="FedEx")
    )
    approve(lab_db, second)
    reader = lab_db.as_(lab_db.auditor)
    rows = reader.query(lambda w: shipment_views.list_shipments(w))
    assert [r.id for r in rows] == [first.id, second.id, empty.id]
    assert [r.samples for r in rows] == [2, 1, 0]
    assert [r.status for r in rows] == [
        ShipmentStatus.PACKING,
        ShipmentStatus.APPROVED,
        ShipmentStatus.DRAFT,
    ]
    assert rows[1].revision == 1 and rows[0].revision == 0
    assert {r.consignee for r in rows} == {CONSIGNEE}
    assert rows[2].carrier == "FedEx" and rows[2].waybill is None
    assert rows[0].manifest_number == first.shipment.manifest_number
    approved = reader.query(lambda w: shipment_views.list_shipments(w, ShipmentStatus.APPROVED))
    assert [r.id for r in approved] == [second.id]
    page = reader.query(lambda w: shipment_views.list_shipments(w, after_id=first.id, limit=1))
    assert [r.id for r in page] == [second.id]
    assert reader.query(lambda w: shipment_views.list_shipments(w, after_id=empty.id)) == []
