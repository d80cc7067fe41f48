"""The manifest preview: rendered pages, navigation and zoom, Save and Print (a real CUPS queue
when there is one), and the superseded mark on an older revision."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot
from reportlab.lib.pagesizes import letter
from reportlab.pdfgen import canvas
from shipment_support import SUPERVISOR, ShipLab, packed_shipment
from shipment_support import ship_lab_fixture as ship_lab_fixture  # pytest fixtures
from shipment_support import ship_template_fixture as ship_template_fixture

from cups_support import label_code, page_sizes, qt_pdf_queue, read_qr, take_output
from custody.domain.labelcode import LabelKind
from custody.services import manifests, shipments
from custody.services.manifests import ManifestPdf
from custody.ui.dialogs.manifest_preview import ManifestPreviewDialog
from custody.ui.printing import print_pdf_pages
from custody.verifier import parse_checkpoint_code

LEFT = Qt.MouseButton.LeftButton


def _pdf(pages: int) -> ManifestPdf:
    """A real Letter PDF of ``pages`` pages, each with a black band whose height is its number."""
    out = io.BytesIO()
    sheet = canvas.Canvas(out, pagesize=letter, invariant=1)
    for number in range(1, pages + 1):
        sheet.rect(72, 600, 200, 20 * number, fill=1)
        sheet.drawString(72, 72, f"Page {number} of {pages}")
        sheet.showPage()
    sheet.save()
    data = out.getvalue()
    return ManifestPdf(
        "MX-AICM-M-2026-0042", 3, data, hashlib.sha256(data).hexdigest(), "f" * 64, None
    )


def _dialog(qtbot: QtBot, pdf: ManifestPdf, **kw: object) -> ManifestPreviewDialog:
    dialog = ManifestPreviewDialog(pdf, **kw)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _dark_rows(dialog: ManifestPreviewDialog) -> int:
    """How many pixel rows of the shown page are dark in the band's column (its height)."""
    image = dialog.page_label.pixmap().toImage()
    x = image.width() // 4
    return sum(1 for y in range(image.height()) if image.pixelColor(x, y).lightness() < 64)


def test_pages_navigation_and_zoom(qtbot: QtBot, tmp_path: Path) -> None:
    pdf = _pdf(3)
    dialog = _dialog(qtbot, pdf, printer_names=[], choose_file=lambda *_: tmp_path / "m.pdf")
    assert (
        dialog.page_count == 3
        and "SHA-256 " + pdf.sha256 in dialog.findChild(type(dialog.message), "info").text()
    )
    assert not dialog.previous_button.isEnabled() and dialog.next_button.isEnabled()
    one = _dark_rows(dialog)
    qtbot.mouseClick(dialog.next_button, LEFT)
    assert dialog.page == 2 and _dark_rows(dialog) > one * 1.8  # page 2's band is twice as tall
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog.next_button, Qt.Key.Key_PageDown)  # a shortcut anywhere in it
    assert dialog.page == 3 and not dialog.next_button.isEnabled()
    width_100 = dialog.page_label.pixmap().deviceIndependentSize().width()
    dialog.zoom_combo.setCurrentIndex(dialog.zoom_combo.findData(200))
    assert dialog.page == 3
    width_200 = dialog.page_label.pixmap().deviceIndependentSize().width()
    assert width_200 == pytest.approx(2 * width_100, abs=2)
    assert width_100 == pytest.approx(8.5 * 96, abs=2)  # Letter at 100 %
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert (tmp_path / "m.pdf").read_bytes() == pdf.data
    assert dialog.message.text() == f"Saved to {tmp_path / 'm.pdf'}."


def test_save_cancelled_or_impossible_is_said(qtbot: QtBot, tmp_path: Path) -> None:
    target: list[Path | None] = [None]
    dialog = _dialog(qtbot, _pdf(1), printer_names=[], choose_file=lambda *_: target[0])
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert dialog.message.text() == "No file chosen; nothing was saved."
    target[0] = tmp_path / "no-such-folder" / "m.pdf"
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert dialog.message.property("ok") is False
    assert dialog.message.text().startswith("The manifest could not be saved:")
    assert not target[0].exists()


def test_an_unknown_printer_is_refused_with_a_message(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot, _pdf(1), printer_names=["NO-SUCH-PRINTER"], print_pdf=print_pdf_pages)
    qtbot.mouseClick(dialog.print_button, LEFT)
    assert dialog.message.property("ok") is False
    assert "There is no printer called 'NO-SUCH-PRINTER'" in dialog.message.text()


def test_an_older_revision_shows_it_is_superseded(qtbot: QtBot, ship_lab: ShipLab) -> None:
    sid = packed_shipment(ship_lab)
    boss = ship_lab.as_(ship_lab.supervisor)
    signer = ship_lab.ctx.signer()
    approve = lambda w: shipments.approve(w, sid, SUPERVISOR.password, ship_lab.key, signer)  # noqa: E731
    boss.perform("approve", approve)
    boss.perform("edit", lambda w: shipments.update_details(w, sid, waybill="AWB 999"))
    boss.perform("approve", approve)
    old = boss.perform("print", lambda w: manifests.print_copy(w, sid, 1))
    dialog = _dialog(qtbot, old, printer_names=[])
    assert old.superseded_by == 2
    info = dialog.findChild(QLabel, "info").text()
    assert "revision 1" in info and "SUPERSEDED by revision 2" in info


def test_printed_through_cups_at_true_scale(
    qtbot: QtBot, ship_lab: ShipLab, tmp_path: Path
) -> None:
    queue, out = qt_pdf_queue()
    sid = packed_shipment(ship_lab)
    boss = ship_lab.as_(ship_lab.supervisor)
    boss.perform(
        "approve",
        lambda w: shipments.approve(
            w, sid, SUPERVISOR.password, ship_lab.key, ship_lab.ctx.signer()
        ),
    )
    pdf = boss.perform("print", lambda w: manifests.print_copy(w, sid))
    stem = f"{pdf.manifest_number}-rev{pdf.revision}"
    for stale in out.glob(f"{stem}*.pdf"):
        stale.unlink()
    dialog = _dialog(qtbot, pdf, printer_names=[queue], print_pdf=print_pdf_pages)
    qtbot.mouseClick(dialog.print_button, LEFT)
    assert dialog.message.property("ok") is True, dialog.message.text()
    printed = take_output(out, f"{stem}*.pdf", tmp_path / "printed.pdf")
    assert page_sizes(printed) == [(612, 792)] * dialog.page_count
    reads = [read.text for read in read_qr(printed, 150)]
    # the shipment's label code, and the signed journal checkpoint (its own QR, last page)
    *labels, checkpoint = reads
    codes = [label_code(text, ship_lab.key) for text in labels]
    assert codes and codes[0].kind is LabelKind.SHIPMENT
    assert labels[0] == ship_lab.manifest_payload(sid)
    assert parse_checkpoint_code(checkpoint)["origin"] == "MX-AICM"
