"""Shipment actions beyond the happy path: a witness to the approval, editing an approved
shipment withdraws the approval, and closing with an unresolved discrepancy needs a reason."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from shipment_support import (
    STORED,
    SUPERVISOR,
    TECHNICIAN,
    ShipLab,
    dispatched_shipment,
    packed_shipment,
)
from shipment_support import ship_lab_fixture as ship_lab_fixture  # pytest fixtures
from shipment_support import ship_template_fixture as ship_template_fixture

from custody.domain.enums import ShipmentStatus
from custody.services import manifests, receiving, shipments
from custody.ui.dialogs.approve_shipment import ApproveShipmentDialog
from custody.ui.dialogs.shipment_details import ShipmentDetailsDialog
from custody.ui.dialogs.text_prompt import TextPromptDialog
from custody.ui.views.shipments import ShipmentsView


def click(qtbot: QtBot, widget: QWidget) -> None:
    assert widget.isEnabled(), widget.objectName()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def scan(qtbot: QtBot, field: QWidget, payload: str) -> None:
    field.setFocus()
    qtbot.keyClicks(field, payload)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def view_of(qtbot: QtBot, lab: ShipLab, sid: int) -> ShipmentsView:
    view = ShipmentsView(lab.ctx, lab.lab)
    qtbot.addWidget(view)
    view.show()
    view.select_shipment(sid)
    assert view.detail.shipment is not None and view.detail.shipment.id == sid
    return view


def test_approval_with_a_witness_who_must_be_another_person(
    qtbot: QtBot, ship_lab: ShipLab
) -> None:
    sid = packed_shipment(ship_lab)
    view = view_of(qtbot, ship_lab, sid)
    ship_lab.as_(ship_lab.supervisor)
    click(qtbot, view.detail.approve_button)
    dialog = view.shipment_actions.dialog
    assert isinstance(dialog, ApproveShipmentDialog)
    qtbot.keyClicks(dialog.password_edit, SUPERVISOR.password)
    qtbot.keyClicks(dialog.witness_user_edit, SUPERVISOR.username)
    click(qtbot, dialog.ok_button)
    assert dialog.message.text() == "The witness must enter their password."
    qtbot.keyClicks(dialog.witness_password_edit, SUPERVISOR.password)
    click(qtbot, dialog.ok_button)
    assert dialog.message.text() == "The witness must be another person."
    assert ship_lab.shipment(sid).status is ShipmentStatus.PACKING
    assert dialog.password_edit.text() == dialog.witness_password_edit.text() == ""

    qtbot.keyClicks(dialog.password_edit, SUPERVISOR.password)
    dialog.witness_user_edit.setText(TECHNICIAN.username)
    qtbot.keyClicks(dialog.witness_password_edit, TECHNICIAN.password)
    click(qtbot, dialog.ok_button)
    assert ship_lab.shipment(sid).status is ShipmentStatus.APPROVED
    signed = ship_lab.ctx.query(lambda w: manifests.current(w, shipments.load(w, sid)).signatures)
    assert {(b.role, b.printed_name) for b in signed if b.signed_at} == {
        ("relinquished", SUPERVISOR.full_name),
        ("witness", TECHNICIAN.full_name),
    }
    assert f"Witnessed by: {TECHNICIAN.full_name}" in view.detail.signatures.text()


def test_editing_an_approved_shipment_withdraws_the_approval(
    qtbot: QtBot, ship_lab: ShipLab
) -> None:
    sid = packed_shipment(ship_lab)
    ship_lab.as_(ship_lab.supervisor).perform(
        "approve",
        lambda w: shipments.approve(
            w, sid, SUPERVISOR.password, ship_lab.key, ship_lab.ctx.signer()
        ),
    )
    view = view_of(qtbot, ship_lab, sid)
    assert "revision 1" in view.detail.title.text() and view.detail.signatures.text()
    ship_lab.as_(ship_lab.clerk)
    click(qtbot, view.detail.edit_button)
    dialog = view.shipment_actions.dialog
    assert isinstance(dialog, ShipmentDetailsDialog)
    assert dialog.carrier_edit.text() == "DHL Express"
    dialog.waybill_edit.setText("x" * 100)
    dialog.conditions_edit.setPlainText("y" * 1001)  # too long: refused, nothing changes
    click(qtbot, dialog.ok_button)
    assert dialog.isVisible() and "conditions" in dialog.message.text()
    assert ship_lab.shipment(sid).status is ShipmentStatus.APPROVED
    dialog.conditions_edit.setPlainText("ambient; potent opioid, do not open")
    click(qtbot, dialog.ok_button)
    edited = ship_lab.shipment(sid)
    assert (edited.status, edited.revision) == (ShipmentStatus.PACKING, 1)
    assert edited.conditions == "ambient; potent opioid, do not open"
    assert view.detail.approve_button.isEnabled() and not view.detail.dispatch_button.isEnabled()
    assert view.detail.signatures.text() == "Not signed yet."


def test_close_with_an_open_discrepancy_needs_a_reason_and_is_not_clean(
    qtbot: QtBot, ship_lab: ShipLab
) -> None:
    first, second = STORED[:2]
    payloads = {code: ship_lab.sample_label(code) for code in STORED}
    sid = dispatched_shipment(ship_lab)
    view = view_of(qtbot, ship_lab, sid)
    scan(qtbot, view.detail.scan.edit, ship_lab.manifest_payload(sid))
    panel = view.detail.reconcile_panel
    assert ship_lab.shipment(sid).status is ShipmentStatus.RECEIVED

    panel.seal_box.setChecked(False)
    scan(qtbot, panel.scan.edit, payloads[first])
    assert panel.seal_box.isChecked()  # back to the usual case for the next scan
    scan(qtbot, panel.scan.edit, payloads[first])
    assert panel.scan.message.text() == f"{first} was scanned already."
    assert panel.scan.message.property("ok") is False
    scan(qtbot, panel.scan.edit, payloads[STORED[2]])  # stored in the vault, not shipped
    assert panel.scan.message.text() == f"{STORED[2]} is NOT on this manifest."
    scan(qtbot, panel.scan.edit, "garbage")
    assert panel.scan.message.text().startswith("Scan refused")
    listed = [panel.scanned_list.item(i).text() for i in range(panel.scanned_list.count())]
    assert listed == [
        f"{first} (package 1) — SEAL BROKEN",
        f"{STORED[2]} — NOT ON THE MANIFEST",
        f"{first} — scanned more than once",
    ]
    assert panel.missing_box.title() == "Missing (2)"  # package 1 and the second sample

    ship_lab.as_(ship_lab.supervisor)
    click(qtbot, panel.close_button)  # reconciles first, then asks
    kinds = sorted(panel.discrepancies.topLevelItem(i).text(1) for i in range(5))
    assert panel.discrepancies.topLevelItemCount() == 5
    assert kinds == sorted(
        ["Missing", "Package not scanned", "Seal broken", "Scanned twice", "Not on the manifest"]
    )
    dialog = panel.dialog
    assert isinstance(dialog, TextPromptDialog) and "5 discrepancy(ies)" in dialog.intro.text()
    click(qtbot, dialog.ok_button)
    assert "reason" in dialog.message.text()
    assert ship_lab.shipment(sid).status is ShipmentStatus.RECEIVED
    qtbot.keyClicks(dialog.text_edit, "courier lost package; police report 4471")
    click(qtbot, dialog.ok_button)
    closed = ship_lab.shipment(sid)
    assert (closed.status, closed.closed_clean) == (ShipmentStatus.RECONCILED, False)
    report = ship_lab.ctx.query(lambda w: receiving.report(w, shipments.load(w, sid)))
    assert len(report.discrepancies) == 5 and not report.clean
    assert "NOT clean" in view.detail.fields["closed"].text()
    assert second in [panel.missing_list.item(i).text().split()[0] for i in range(2)]


def test_pack_by_typed_id_and_choose_the_package_by_its_label(
    qtbot: QtBot, ship_lab: ShipLab
) -> None:
    sid = packed_shipment(ship_lab, STORED[:1])
    other = packed_shipment(ship_lab, STORED[1:2])
    ship_lab.as_(ship_lab.clerk).perform(
        "package", lambda w: shipments.add_package(w, sid, ["OUT-SECOND"])
    )
    ship_lab.retrieve(STORED[2])
    first_package, foreign = ship_lab.package_label(sid, 1), ship_lab.package_label(other, 1)
    view = view_of(qtbot, ship_lab, sid)
    detail = view.detail
    assert detail.selected_package() == 2  # the newest package by default
    scan(qtbot, detail.scan.edit, foreign)
    assert detail.scan.message.text().startswith("This label belongs to another shipment")
    scan(qtbot, detail.scan.edit, first_package)
    assert detail.scan.message.text() == "Packing into package 1."
    assert detail.selected_package() == 1
    assert detail.scan.caption.text() == "Pack into package 1 — &scan:"
    scan(qtbot, detail.scan.edit, STORED[2].lower())  # typed by hand, no label at hand
    assert detail.scan.message.text() == f"{STORED[2]} packed into package 1."
    packages = ship_lab.shipment(sid).packages
    assert [(p.number, p.samples) for p in packages] == [
        (1, (STORED[0], STORED[2])),
        (2, ()),
    ]
    scan(qtbot, detail.scan.edit, "MX-AICM-2026-999999")
    assert detail.scan.message.property("ok") is False
    assert "MX-AICM-2026-999999" in detail.scan.message.text()
