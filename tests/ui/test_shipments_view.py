"""The Shipments view, driven like a clerk and a supervisor would: create, package, pack by
scan, unpack, approve (e-signature), manifest preview and save, dispatch, receive by the
manifest's QR, scan and reconcile, resolve, close — checked against what the database holds."""

from __future__ import annotations

from pathlib import Path

import pypdfium2
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from shipment_support import CLERK, STORED, STRL, SUPERVISOR, ShipLab
from shipment_support import ship_lab_fixture as ship_lab_fixture  # pytest fixtures
from shipment_support import ship_template_fixture as ship_template_fixture

from custody.domain.enums import SampleStatus, ShipmentStatus
from custody.services import lookup, manifests, receiving, shipments
from custody.ui.dialogs.approve_shipment import ApproveShipmentDialog
from custody.ui.dialogs.dispatch_shipment import DispatchShipmentDialog
from custody.ui.dialogs.manifest_preview import ManifestPreviewDialog
from custody.ui.dialogs.shipment_details import ShipmentDetailsDialog
from custody.ui.dialogs.text_prompt import TextPromptDialog
from custody.ui.models.shipment_table import ShipmentTableModel
from custody.ui.views.shipment_actions import ManifestOptions
from custody.ui.views.shipments import ShipmentsView

LEFT = Qt.MouseButton.LeftButton


def click(qtbot: QtBot, widget: QWidget) -> None:
    assert widget.isEnabled(), widget.objectName()
    qtbot.mouseClick(widget, LEFT)


def scan(qtbot: QtBot, field: QWidget, payload: str) -> None:
    """What a keyboard-wedge scanner does: type the code, then Enter."""
    field.setFocus()
    qtbot.keyClicks(field, payload)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def make_view(qtbot: QtBot, lab: ShipLab, saved: Path | None = None) -> ShipmentsView:
    options = ManifestOptions(printer_names=[], choose_file=lambda *_: saved)
    view = ShipmentsView(lab.ctx, lab.lab, manifest_options=options)
    qtbot.addWidget(view)
    view.resize(1200, 800)
    view.show()
    return view


def test_a_shipment_from_creation_to_a_clean_close(
    qtbot: QtBot, ship_lab: ShipLab, tmp_path: Path
) -> None:
    lab = ship_lab
    for code in STORED:
        lab.retrieve(code)
    payloads = {code: lab.sample_label(code) for code in STORED}
    saved = tmp_path / "manifest.pdf"
    view = make_view(qtbot, lab, saved)
    actions, detail = view.shipment_actions, view.detail
    assert view.model.rowCount() == 0 and not detail.edit_button.isEnabled()

    # New shipment: the dialog's consignee combo and fields.
    click(qtbot, view.new_button)
    dialog = actions.dialog
    assert isinstance(dialog, ShipmentDetailsDialog)
    dialog.consignee_combo.setCurrentIndex(dialog.consignee_combo.findText(STRL))
    qtbot.keyClicks(dialog.carrier_edit, "DHL Express")
    qtbot.keyClicks(dialog.waybill_edit, "AWB 172-55310842")
    dialog.mode_combo.setCurrentText("air")
    click(qtbot, dialog.ok_button)
    assert view.model.rowCount() == 1
    sid = view.model.row_at(0).id
    created = lab.shipment(sid)
    assert (created.status, created.consignee, created.carrier, created.waybill) == (
        ShipmentStatus.DRAFT, STRL, "DHL Express", "AWB 172-55310842",
    )  # fmt: skip
    assert detail.shipment is not None and detail.shipment.id == sid
    assert created.manifest_number in detail.title.text()

    # Add package: an empty entry is refused in the dialog; then two outer seals.
    click(qtbot, detail.add_package_button)
    prompt = actions.dialog
    assert isinstance(prompt, TextPromptDialog)
    click(qtbot, prompt.ok_button)
    assert prompt.isVisible() and "at least one outer seal" in prompt.message.text()
    qtbot.keyClicks(prompt.text_edit, "OUT-0001, OUT-0002")
    click(qtbot, prompt.ok_button)
    packaged = lab.shipment(sid)
    assert packaged.status is ShipmentStatus.PACKING
    assert [(p.number, p.outer_seals) for p in packaged.packages] == [(1, ("OUT-0001", "OUT-0002"))]
    assert detail.selected_package() == 1

    # Pack by scan: refusals show next to the field and change nothing.
    field = detail.scan.edit
    click(qtbot, detail.pack_button)
    scan(qtbot, field, "MXAICM2026000002XYZ")
    assert detail.scan.message.property("ok") is False
    assert "Scan refused" in detail.scan.message.text()
    assert lab.journal_kinds()[-1] == "denied"
    for code in STORED:
        scan(qtbot, field, payloads[code])
        assert detail.scan.message.property("ok") is True, detail.scan.message.text()
        assert detail.scan.message.text() == f"{code} packed into package 1."
    assert lab.shipment(sid).packages[0].samples == STORED
    scan(qtbot, field, payloads[STORED[0]])  # twice: refused
    assert detail.scan.message.text() == f"{STORED[0]} is packed: it cannot be used to pack now."
    tree = detail.packages.topLevelItem(0)
    assert [tree.child(i).text(0) for i in range(tree.childCount())] == list(STORED)
    assert view.model.index(0, ShipmentTableModel.SAMPLES).data() == "3"

    # Unpack the third sample, with a reason (required).
    detail.packages.setCurrentItem(tree.child(2))
    click(qtbot, detail.unpack_button)
    unpack = actions.dialog
    assert isinstance(unpack, TextPromptDialog)
    click(qtbot, unpack.ok_button)
    assert "Say why" in unpack.message.text()
    qtbot.keyClicks(unpack.text_edit, "kept for the Mexican court")
    click(qtbot, unpack.ok_button)
    assert lab.shipment(sid).packages[0].samples == STORED[:2]
    back = lab.ctx.query(lambda w: lookup.find_sample(w, STORED[2]))
    assert back.holder == CLERK.full_name and back.status is not SampleStatus.PACKED

    # Approve: the supervisor's password, re-entered; a wrong one signs nothing.
    lab.as_(lab.supervisor)
    click(qtbot, detail.approve_button)
    approve = actions.dialog
    assert isinstance(approve, ApproveShipmentDialog)
    assert approve.meaning_label.text() == shipments.MEANING_APPROVE
    assert approve.signer_label.text() == SUPERVISOR.full_name
    qtbot.keyClicks(approve.password_edit, "not my password")
    click(qtbot, approve.ok_button)
    assert approve.isVisible() and "Wrong user name or password" in approve.message.text()
    assert approve.password_edit.text() == ""
    unchanged = lab.shipment(sid)
    assert (unchanged.status, unchanged.revision) == (ShipmentStatus.PACKING, 0)
    assert lab.journal_kinds()[-1] == "auth.failed"
    qtbot.keyClicks(approve.password_edit, SUPERVISOR.password)
    click(qtbot, approve.ok_button)
    approved = lab.shipment(sid)
    assert (approved.status, approved.revision) == (ShipmentStatus.APPROVED, 1)
    assert approved.approved_by == SUPERVISOR.full_name
    assert "revision 1" in detail.title.text()
    assert shipments.MEANING_APPROVE in detail.signatures.text()
    assert detail.dispatch_button.isEnabled() and not detail.approve_button.isEnabled()

    # Manifest preview: the stored revision's pages; Save writes exactly the stored bytes.
    stored = lab.ctx.query(lambda w: manifests.manifest_pdf(w, sid))
    document = pypdfium2.PdfDocument(stored.data)
    pages = len(document)
    document.close()
    click(qtbot, detail.manifest_button)
    preview = actions.dialog
    assert isinstance(preview, ManifestPreviewDialog)
    assert lab.journal_kinds()[-1] == "manifest.print"
    assert preview.page_count == pages and preview.page_spin.maximum() == pages
    assert preview.page_size == (612.0, 792.0)  # Letter
    pixmap = preview.page_label.pixmap()
    assert not pixmap.isNull() and pixmap.toImage().pixelColor(0, 0).name() == "#ffffff"
    assert not preview.print_button.isEnabled()  # no printer here
    click(qtbot, preview.save_button)
    assert preview.message.property("ok") is True
    assert saved.read_bytes() == stored.data
    preview.reject()

    # Dispatch: the carrier's agent and the clerk's password.
    lab.as_(lab.clerk)
    click(qtbot, detail.dispatch_button)
    dispatch = actions.dialog
    assert isinstance(dispatch, DispatchShipmentDialog)
    qtbot.keyClicks(dispatch.agent_edit, "Juan Perez, DHL, badge 4471")
    qtbot.keyClicks(dispatch.password_edit, CLERK.password)
    click(qtbot, dispatch.ok_button)
    dispatched = lab.shipment(sid)
    assert dispatched.status is ShipmentStatus.DISPATCHED
    assert dispatched.carrier_agent == "Juan Perez, DHL, badge 4471"

    # Receive: a sample label is not the manifest; the manifest's QR starts the receipt.
    click(qtbot, detail.receive_button)
    scan(qtbot, field, payloads[STORED[0]])
    assert "manifest's first page" in detail.scan.message.text()
    assert lab.shipment(sid).status is ShipmentStatus.DISPATCHED
    scan(qtbot, field, lab.manifest_payload(sid))
    assert lab.shipment(sid).status is ShipmentStatus.RECEIVED
    panel = detail.reconcile_panel
    assert detail.tabs.currentWidget() is panel

    # Scan the package and one sample: the lists follow every scan.
    assert panel.missing_box.title() == "Missing (3)" and panel.scanned_list.count() == 0
    scan(qtbot, panel.scan.edit, lab.package_label(sid, 1))
    assert panel.scan.message.text() == "Package 1 received."
    assert panel.missing_box.title() == "Missing (2)"
    panel.weight_edit.setText("12.5")
    scan(qtbot, panel.scan.edit, payloads[STORED[0]])
    assert panel.scan.message.text() == f"{STORED[0]} received."
    assert panel.weight_edit.text() == ""
    assert panel.missing_box.title() == "Missing (1)"
    assert [panel.missing_list.item(i).text() for i in range(panel.missing_list.count())] == [
        f"{STORED[1]} (package 1)"
    ]
    assert panel.scanned_box.title() == "Scanned (2)"
    assert "12.5000 g" in panel.scanned_list.item(1).text()
    assert panel.counts.text().startswith("Samples scanned: 1 of 2 (missing 1)")

    # Reconcile: the missing sample is a discrepancy; the supervisor resolves it and closes.
    click(qtbot, detail.reconcile_button)
    rows = panel.discrepancies
    assert rows.topLevelItemCount() == 1
    assert (rows.topLevelItem(0).text(1), rows.topLevelItem(0).text(2)) == ("Missing", STORED[1])
    report = lab.ctx.query(lambda w: receiving.report(w, shipments.load(w, sid)))
    assert [(d.kind, d.sample, d.resolution) for d in report.discrepancies] == [
        ("missing", STORED[1], None)
    ]
    lab.as_(lab.supervisor)
    rows.setCurrentItem(rows.topLevelItem(0))
    click(qtbot, panel.resolve_button)
    resolve = panel.dialog
    assert isinstance(resolve, TextPromptDialog)
    qtbot.keyClicks(resolve.text_edit, "left behind at the sending lab; ships next week")
    click(qtbot, resolve.ok_button)
    assert rows.topLevelItem(0).text(4) == "left behind at the sending lab; ships next week"
    click(qtbot, panel.close_button)
    close = panel.dialog
    assert isinstance(close, TextPromptDialog) and not close.text_edit.isVisibleTo(close)
    click(qtbot, close.ok_button)
    closed = lab.shipment(sid)
    assert (closed.status, closed.closed_clean) == (ShipmentStatus.RECONCILED, True)
    assert view.model.index(0, ShipmentTableModel.CLEAN).data() == "Yes"
    assert not panel.scan.isEnabled() and not panel.close_button.isEnabled()
    kinds = lab.journal_kinds()
    for kind in (
        "shipment.create", "shipment.package", "shipment.pack", "shipment.unpack",
        "shipment.approve", "manifest.print", "shipment.dispatch", "shipment.receive",
        "shipment.scan", "shipment.discrepancies", "shipment.resolve", "shipment.close",
    ):  # fmt: skip
        assert kind in kinds, kind
