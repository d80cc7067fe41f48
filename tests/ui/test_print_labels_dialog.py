"""The Print labels dialog: journal first, then a PDF to a file or a real CUPS queue, with the
printer's stored calibration applied."""

from __future__ import annotations

import dataclasses
import threading
import uuid
from collections.abc import Sequence
from functools import partial
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from ui_support import SUPERVISOR, click_print_and_wait

from cups_support import label_code, qt_pdf_queue, read_qr, take_output, titled_output
from custody import keyfile, label_jobs
from custody.context import AppContext
from custody.domain.label_layout import LabelContent
from custody.domain.labelcode import Code, LabelKind
from custody.services import labels, lookup, printers
from custody.services.labels import IssuedLabel
from custody.ui.dialogs.print_labels import TO_FILE, PrintLabelsDialog
from custody.ui.printing import print_pdf_pages


@pytest.fixture
def ctx(own_demo: AppContext) -> AppContext:
    return own_demo


def _codes(ctx: AppContext, n: int) -> list[str]:
    rows = ctx.query(lambda w: lookup.sample_page(w, limit=n))
    return [row.code for row in rows]


def _decode(pdf: Path) -> list[tuple[str, int, int]]:
    """Every QR at 300 dpi: its text and its top-left corner in pixels."""
    return [(read.text, *read.top_left) for read in read_qr(pdf, 300)]


def _dialog(qtbot: QtBot, ctx: AppContext, codes: list[str], **kw: object) -> PrintLabelsDialog:
    dialog = PrintLabelsDialog(ctx, codes, **kw)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    return dialog


def _select(combo: object, data: str) -> None:
    index = combo.findData(data)  # type: ignore[attr-defined]
    assert index >= 0, data
    combo.setCurrentIndex(index)  # type: ignore[attr-defined]


def _parse(ctx: AppContext, payload: str) -> Code:
    path = ctx.label_key_path()
    assert path is not None
    return label_code(payload, keyfile.load(path))


def test_save_to_file_journals_then_writes_decodable_labels(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path
) -> None:
    codes = _codes(ctx, 3)
    chosen: list[Path | None] = [tmp_path / "out.pdf"]
    dialog = _dialog(qtbot, ctx, codes, printer_names=[], choose_file=lambda *_: chosen[0])
    _select(dialog.template_combo, "a4-21up")
    assert dialog.printer == TO_FILE and not dialog.dx_spin.isEnabled()
    dialog.start_spin.setValue(5)
    click_print_and_wait(qtbot, dialog)
    assert dialog.message.property("ok") is True, dialog.message.text()
    assert len(dialog.last_serials) == 3
    found = _decode(tmp_path / "out.pdf")
    assert sorted(_parse(ctx, text).body for text, _, _ in found) == sorted(
        c.replace("-", "") for c in codes
    )

    # A second print of the same samples is a reprint: refused without a reason...
    click_print_and_wait(qtbot, dialog)
    assert dialog.message.property("ok") is False
    assert "reprint" in dialog.message.text().lower()
    assert "journaled" not in dialog.message.text()  # refused at the first label: none issued
    dialog.reprint_box.setChecked(True)
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    assert "needs a reason" in dialog.message.text()
    # ...and cancelling the file dialog journals nothing.
    chosen[0] = None
    dialog.reason_edit.setText("labels smudged")
    before = list(dialog.last_serials)
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    assert "nothing was saved" in dialog.message.text() and dialog.last_serials == before
    chosen[0] = tmp_path / "again.pdf"
    click_print_and_wait(qtbot, dialog)
    assert dialog.message.property("ok") is True, dialog.message.text()
    assert dialog.last_serials == [s + 3 for s in before]


def test_offsets_are_stored_per_printer_and_template(qtbot: QtBot, ctx: AppContext) -> None:
    codes = _codes(ctx, 1)
    dialog = _dialog(qtbot, ctx, codes, printer_names=["Office-Laser", "Zebra"])
    _select(dialog.template_combo, "letter-30up")
    dialog.dx_spin.setValue(1.25)
    dialog.dy_spin.setValue(-0.5)
    dialog.save_calibration_button.click()
    assert dialog.message.property("ok") is True, dialog.message.text()
    _select(dialog.printer_combo, "Zebra")
    assert dialog.dx_spin.value() == 0  # another printer: its own offsets
    _select(dialog.printer_combo, "Office-Laser")
    assert (dialog.dx_spin.value(), dialog.dy_spin.value()) == (1.25, -0.5)
    again = _dialog(qtbot, ctx, codes, printer_names=["Office-Laser"])
    _select(again.template_combo, "letter-30up")
    assert (again.dx_spin.value(), again.dy_spin.value()) == (1.25, -0.5)
    stored = ctx.query(lambda w: printers.calibration_for(w, "Office-Laser", "letter-30up"))
    assert str(stored.dx_mm) == "1.25"
    dialog.dx_spin.setValue(0.5)
    ctx.actor = None  # signed out (e.g. the session ended): refused, nothing stored
    dialog.save_calibration_button.click()
    assert dialog.message.property("ok") is False and "Sign in" in dialog.message.text()
    ctx.sign_in(SUPERVISOR.username, SUPERVISOR.password)
    stored = ctx.query(lambda w: printers.calibration_for(w, "Office-Laser", "letter-30up"))
    assert str(stored.dx_mm) == "1.25"


def _print_as(stem: str, pdf: Path, printer: str, size: tuple[float, float]) -> int:
    """Print through the real path; cups-pdf names its output after the PDF's file stem."""
    return print_pdf_pages(pdf.rename(pdf.with_name(f"{stem}.pdf")), printer, size)


def test_printed_through_cups_with_the_printers_calibration(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path
) -> None:
    """The same two labels printed at position 4 of a Letter sheet, first with no offsets, then
    with +5 mm right / +3 mm up stored for this printer: every QR moves by exactly that much."""
    queue, out = qt_pdf_queue()
    codes = _codes(ctx, 2)
    corners: list[dict[str, tuple[int, int]]] = []
    for dx, dy in ((0.0, 0.0), (5.0, 3.0)):
        stem = f"labels-{uuid.uuid4().hex[:8]}"
        dialog = _dialog(
            qtbot, ctx, codes, printer_names=[queue], print_pdf=partial(_print_as, stem)
        )
        _select(dialog.template_combo, "letter-30up")
        dialog.dx_spin.setValue(dx)
        dialog.dy_spin.setValue(dy)
        dialog.save_calibration_button.click()
        dialog.start_spin.setValue(4)
        if corners:
            dialog.reprint_box.setChecked(True)
            dialog.reason_edit.setText("calibration check")
        click_print_and_wait(qtbot, dialog)
        assert dialog.message.property("ok") is True, dialog.message.text()
        printed = take_output(out, titled_output(stem), tmp_path / f"{stem}.pdf")
        corners.append({_parse(ctx, text).body: (x, y) for text, x, y in _decode(printed)})
    assert len(corners[0]) == len(corners[1]) == 2
    for body, (x0, y0) in corners[0].items():
        x1, y1 = corners[1][body]
        assert abs((x1 - x0) - 5 * 300 / 25.4) <= 3, (x0, x1)
        assert abs((y0 - y1) - 3 * 300 / 25.4) <= 3, (y0, y1)  # pixels grow downward


def test_location_labels_refuse_an_unknown_code_before_journaling(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path
) -> None:
    out = tmp_path / "places.pdf"
    dialog = _dialog(
        qtbot,
        ctx,
        ["VAULT-A", "NO-SUCH-SHELF"],
        printer_names=[],
        choose_file=lambda *_: out,
        kind="location",
    )
    click_print_and_wait(qtbot, dialog)
    assert dialog.message.property("ok") is False
    assert "no location 'NO-SUCH-SHELF'" in dialog.message.text()
    assert dialog.last_serials == [] and not out.exists()
    dialog.codes = ["VAULT-A"]
    click_print_and_wait(qtbot, dialog)
    assert dialog.message.property("ok") is True, dialog.message.text()
    (text, _, _), *others = _decode(out)
    assert others == [] and _parse(ctx, text).kind == LabelKind.LOCATION
    key_path = ctx.label_key_path()
    assert key_path is not None
    key = keyfile.load(key_path)
    scanned = ctx.query(lambda w: labels.resolve(w, text, key, labels.ScanContext.MOVE))
    assert scanned.location == "VAULT-A"


def test_cancel_stops_journaling_and_names_the_serials_not_printed(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path
) -> None:
    """The job runs on a worker thread: the dialog stays responsive, and Cancel stops it before
    the next label. The one journaled already is named so it can be reprinted."""
    codes = _codes(ctx, 3)
    out = tmp_path / "labels.pdf"
    first_issued, go_on = threading.Event(), threading.Event()

    def slow_targets(c: AppContext, raws: Sequence[str]) -> list[label_jobs.Target]:
        real = label_jobs.sample_targets(c, raws)

        def content(label: IssuedLabel) -> LabelContent:
            first_issued.set()  # the first label is journaled; hold the worker here
            assert go_on.wait(30)
            return real[0].content(label)

        return [dataclasses.replace(real[0], content=content), *real[1:]]

    dialog = _dialog(qtbot, ctx, codes, printer_names=[], choose_file=lambda *_: out)
    dialog._targets = slow_targets
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(first_issued.is_set)
    assert not dialog.print_button.isEnabled()  # one job at a time
    task = dialog.task
    assert task is not None
    with qtbot.waitSignal(dialog.labels_finished, timeout=30_000):
        task.cancel()
        go_on.set()
    text = dialog.message.text()
    assert dialog.message.property("ok") is False and text.startswith("Cancelled."), text
    ids = [_sample_id(ctx, code) for code in codes]
    printed = [ctx.query(lambda w, i=i: labels.prints_of(w, i)) for i in ids]
    assert [len(p) for p in printed] == [1, 0, 0]  # stopped before the second label
    assert (
        f"Serial(s) {printed[0][0].serial} were journaled but the labels were not printed" in text
    )
    assert not out.exists() and dialog.last_serials == []
    assert dialog.print_button.isEnabled()


def _sample_id(ctx: AppContext, code: str) -> int:
    return ctx.query(lambda w: lookup.find_sample(w, code)).id
