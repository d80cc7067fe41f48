"""The reports' content from the database: the custody report lists every journal event of the
sample in order; the inventory lists what is on each shelf; the summary lists shipments."""

from __future__ import annotations

import pytest
from ship_support import approve, dispatch, packed, receive, sealed_samples
from svc_support import journal_rows

from custody.domain.enums import LocationKind
from custody.errors import NotFound
from custody.services import custody, locations, reports
from lab_support import Lab


def test_custody_report_lists_every_event_of_the_sample_in_order(lab_db: Lab) -> None:
    shipped = packed(lab_db, 2)
    sample = shipped.samples[0]
    approve(lab_db, shipped)
    dispatch(lab_db, shipped)
    receive(lab_db, shipped)
    report = lab_db.as_(lab_db.supervisor).perform(
        "report", lambda w: reports.custody_report(w, sample.code)
    )
    subjects = {f"sample:{sample.code}", f"sample:{sample.compact[:-1]}"}
    shipment_subject = f"shipment:{shipped.shipment.manifest_number}"
    expected = [
        r["seq"]
        for r in journal_rows(lab_db.ctx)
        if r["subject"] in subjects
        or (
            r["subject"] == shipment_subject
            and r["kind"] in ("shipment.approve", "shipment.dispatch", "shipment.receive")
        )
    ]
    assert [e.seq for e in report.events] == expected
    whats = [e.what for e in report.events]
    assert whats[:2] == ["Registered / Registrada", "Sealed / Sellado"]
    assert "Packed / Empacada" in whats
    assert whats[-3:] == [
        "Shipment approved, manifest issued / Envío aprobado, manifiesto emitido",
        "Dispatched to the carrier / Entregada al transportista",
        "Shipment received / Envío recibido",
    ]
    shipped_event = dict(report.events[-2].details)
    assert "Juan Pérez" in shipped_event["Signature meaning / Significado de la firma"]
    entries = len(journal_rows(lab_db.ctx))  # making the report journals nothing
    assert report.verification.intact and report.verification.entries_checked == entries
    assert (
        report.sample.sample_id == sample.code
        and report.sample.status == "In transit / En tránsito"
    )
    assert report.generated_by == "Sofía Supervisor (sofia)"
    assert len(report.fingerprint) == 64


def test_inventory_by_location_subtree(lab_db: Lab) -> None:
    boss = lab_db.as_(lab_db.supervisor)
    boss.perform(
        "loc",
        lambda w: locations.add_location(w, "VAULT-A-S1", "Shelf 1", LocationKind.SHELF, "VAULT-A"),
    )
    packed(lab_db, 1)  # in a shipment: on no shelf
    one, two = sealed_samples(lab_db, 2)
    tech = lab_db.as_(lab_db.technician)
    tech.perform("store", lambda w: custody.store(w, one.id, "VAULT-A"))
    tech.perform("store", lambda w: custody.store(w, two.id, "VAULT-A-S1"))
    everything = boss.query(lambda w: reports.inventory(w))
    assert [(s.path, [r.sample_id for r in s.rows]) for s in everything.sections] == [
        ("VAULT-A", [one.code]),
        ("VAULT-A › VAULT-A-S1", [two.code]),
    ]
    shelf = boss.query(lambda w: reports.inventory(w, "vault-a-s1"))
    assert shelf.scope == "VAULT-A-S1" and shelf.total == 1
    assert shelf.sections[0].rows[0].seals == two.seals
    with pytest.raises(NotFound, match="no location 'NOWHERE'"):
        boss.query(lambda w: reports.inventory(w, "NOWHERE"))


def test_shipment_summary(lab_db: Lab) -> None:
    first = packed(lab_db, 2, weight="1.5")
    approve(lab_db, first)
    packed(lab_db, 1)
    summary = lab_db.as_(lab_db.supervisor).query(reports.shipment_summary)
    assert [r.status for r in summary.rows] == ["Packing / En embalaje", "Approved / Aprobado"]
    assert summary.rows[1].total_net_weight == "3.0000"
    assert summary.rows[1].approved_by == "Sofía Supervisor"
