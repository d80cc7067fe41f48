"""Print labels for the selected samples (or storage locations): template, printer, first free
position on a partly used sheet, reprint with a reason, and the printer's calibration for that
template.

Every label is journaled (new serial; a reprint voids the earlier label) BEFORE the PDF is made
and sent. The PDF goes to a system printer at true scale (:mod:`custody.ui.printing`) or to a
file. The calibration (mm offsets per printer and template) is stored in the database, so every
workstation printing on that printer uses it; "Calibration page" prints the template's outlines
with the offsets applied, to hold against a real sheet.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Sequence
from decimal import Decimal
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from custody import keyfile, label_jobs
from custody.context import AppContext
from custody.domain.label_templates import TEMPLATES, Calibration, TemplateError
from custody.errors import CustodyError, StorageError
from custody.services import printers
from custody.ui import printing
from custody.ui.error_text import error_text, message_text
from custody.ui.i18n import translate
from custody.ui.label_print_job import LabelPrintJob, Outcome
from custody.ui.labels import stock_title
from custody.ui.naming import named
from custody.ui.tasks import Task, run_task

__all__ = ["PrintLabelsDialog"]

#: The printer-combo entry that saves a PDF file instead of printing.
TO_FILE = ""
ChooseFile = Callable[[QWidget, str], Path | None]
PrintPdf = Callable[[Path, str, tuple[float, float]], int]
#: What the dialog prints labels for: the records' IDs -> one label target each.
TARGETS: dict[str, Callable[[AppContext, Sequence[str]], list[label_jobs.Target]]] = {
    "sample": label_jobs.sample_targets,
    "location": label_jobs.location_targets,
}


W = TypeVar("W", bound=QWidget)


def _ask_file(parent: QWidget, suggested: str) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(
        parent,
        translate("PrintLabelsDialog", "Save labels as PDF"),
        suggested,
        translate("PrintLabelsDialog", "PDF files (*.pdf)"),
    )
    return Path(name) if name else None


class PrintLabelsDialog(QDialog):
    labels_finished = Signal()  # a print job has ended (printed, refused or cancelled)

    def __init__(
        self,
        ctx: AppContext,
        sample_codes: Sequence[str],
        parent: Any = None,
        *,
        printer_names: Sequence[str] | None = None,
        choose_file: ChooseFile = _ask_file,
        print_pdf: PrintPdf = printing.print_pdf_pages,
        kind: str = "sample",
    ) -> None:
        """`kind` is "sample" (sample IDs) or "location" (location codes)."""
        super().__init__(parent)
        self.ctx = ctx
        self.codes = list(sample_codes)
        self._targets = TARGETS[kind]
        self._choose_file = choose_file
        self._print_pdf = print_pdf
        self.last_serials: list[int] = []
        self.task: Task | None = None
        self.setWindowTitle(self.tr("Print labels"))
        names = printing.available_printers() if printer_names is None else printer_names

        self.template_combo = named(QComboBox(), "template")
        for name, template in TEMPLATES.items():
            self.template_combo.addItem(f"{stock_title(template)} ({name})", name)
        self.printer_combo = named(QComboBox(), "printer")
        for name in names:
            self.printer_combo.addItem(name, name)
        self.printer_combo.addItem(self.tr("Save as a PDF file…"), TO_FILE)
        self.start_spin = named(QSpinBox(minimum=1), "start_at")
        self.reprint_box = QCheckBox(self.tr("Reprint (voids the earlier label)"))
        self.reason_edit = named(QLineEdit(maxLength=500), "reason")
        self.reason_edit.setPlaceholderText(self.tr("Why is the label printed again?"))
        self.reason_edit.setEnabled(False)
        self.reprint_box.toggled.connect(self.reason_edit.setEnabled)

        form = QFormLayout()
        shown = ", ".join(self.codes[:3]) + (" …" if len(self.codes) > 3 else "")
        what = self.tr("Locations:") if kind == "location" else self.tr("Samples:")
        form.addRow(what, QLabel(f"{len(self.codes)} — {shown}"))
        form.addRow(self.tr("&Label stock:"), self.template_combo)
        form.addRow(self.tr("&Printer:"), self.printer_combo)
        form.addRow(self.tr("&Start at label:"), self.start_spin)
        form.addRow(self.reprint_box)
        form.addRow(self.tr("&Reason:"), self.reason_edit)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self._calibration_box())
        self.message = named(QLabel(wordWrap=True), "message")
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.print_button = buttons.addButton(
            self.tr("&Print"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.print_button.setObjectName("print")
        self.print_button.clicked.connect(self.print_labels)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        self.template_combo.currentIndexChanged.connect(self._load_calibration)
        self.printer_combo.currentIndexChanged.connect(self._load_calibration)
        self._load_calibration()

    def _calibration_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Calibration for this printer and label stock"))
        self.dx_spin, self.dy_spin = (
            named(QDoubleSpinBox(decimals=2, singleStep=0.25, suffix=" mm"), name)
            for name in ("dx", "dy")
        )
        for spin in (self.dx_spin, self.dy_spin):
            spin.setRange(-float(printers.MAX_OFFSET_MM), float(printers.MAX_OFFSET_MM))
        self.save_calibration_button = QPushButton(self.tr("Save offsets"))
        self.calibration_page_button = QPushButton(self.tr("Print calibration page"))
        self.save_calibration_button.clicked.connect(self.save_calibration)
        self.calibration_page_button.clicked.connect(self.print_calibration_page)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Right:")))
        row.addWidget(self.dx_spin)
        row.addWidget(QLabel(self.tr("Up:")))
        row.addWidget(self.dy_spin)
        row.addWidget(self.save_calibration_button)
        row.addWidget(self.calibration_page_button)
        inner = QVBoxLayout(box)
        hint = QLabel(
            self.tr(
                "Print the calibration page, hold it against a sheet of labels, and enter how "
                "far the printed outlines must move to match the labels."
            ),
            wordWrap=True,
        )
        inner.addWidget(hint)
        inner.addLayout(row)
        return box

    # --- state -------------------------------------------------------------------------------

    @property
    def template(self) -> str:
        return str(self.template_combo.currentData())

    @property
    def printer(self) -> str:
        return str(self.printer_combo.currentData())

    def _load_calibration(self) -> None:
        t = TEMPLATES[self.template]
        self.start_spin.setMaximum(t.per_page)
        self.start_spin.setEnabled(t.per_page > 1)
        to_printer = self.printer != TO_FILE
        for widget in (self.dx_spin, self.dy_spin, self.save_calibration_button):
            widget.setEnabled(to_printer)
        if not to_printer:
            self.dx_spin.setValue(0)
            self.dy_spin.setValue(0)
            return
        try:
            view = self.ctx.query(
                lambda w: printers.calibration_for(w, self.printer, self.template)
            )
        except CustodyError as error:
            self._show(error_text(error), ok=False)
            return
        self.dx_spin.setValue(float(view.dx_mm))
        self.dy_spin.setValue(float(view.dy_mm))

    def _calibration(self) -> Calibration:
        if self.printer == TO_FILE:
            return Calibration()
        view = printers.CalibrationView(
            self.printer,
            self.template,
            Decimal(f"{self.dx_spin.value():.2f}"),
            Decimal(f"{self.dy_spin.value():.2f}"),
        )
        return view.calibration

    def _show(self, text: str, *, ok: bool) -> None:
        self.message.setProperty("ok", ok)
        self.message.setStyleSheet("color: #1b5e20;" if ok else "color: #b71c1c;")
        self.message.setText(text)

    # --- actions -----------------------------------------------------------------------------

    def save_calibration(self) -> None:
        dx, dy = f"{self.dx_spin.value():.2f}", f"{self.dy_spin.value():.2f}"
        try:
            view = self.ctx.perform(
                "calibrate printer",
                lambda w: printers.set_calibration(w, self.printer, self.template, dx, dy),
            )
        except CustodyError as error:
            self._show(error_text(error), ok=False)
            return
        self._show(
            self.tr("Saved: {printer}, {template}: {dx} mm right, {dy} mm up.").format(
                printer=view.printer, template=view.template, dx=view.dx_mm, dy=view.dy_mm
            ),
            ok=True,
        )

    def _file_target(self, suggested: str) -> Path | None:
        """For 'Save as a PDF file': ask where, BEFORE anything is journaled; None = cancel."""
        target = self._choose_file(self, suggested)
        if target is None:
            self._show(self.tr("No file chosen; nothing was saved."), ok=False)
        return target

    def _output(self, pdf: Path, target: Path | None) -> str:
        """Print the rendered ``pdf`` (unless it was rendered at ``target``); say where it went."""
        if target is not None:
            return str(target)
        t = TEMPLATES[self.template]
        self._print_pdf(pdf, self.printer, (t.page_width, t.page_height))
        return self.printer

    def print_calibration_page(self) -> None:
        from custody.render.label_pdf import calibration_page  # reportlab: only when drawn

        t = TEMPLATES[self.template]
        target = None
        if (
            self.printer == TO_FILE
            and (target := self._file_target(f"calibration-{t.name}.pdf")) is None
        ):
            return
        with tempfile.TemporaryDirectory(prefix="custody-") as tmp:
            pdf = target or Path(tmp) / f"calibration-{t.name}.pdf"
            try:
                calibration_page(t.name, pdf, self._calibration())
                where = self._output(pdf, target)
            except (TemplateError, ValueError, OSError, printing.PrintError) as error:
                self._show(error_text(error), ok=False)
                return
        self._show(self.tr("Calibration page sent to {where}.").format(where=where), ok=True)

    def _label_key(self) -> bytes:
        path = self.ctx.label_key_path()
        if path is None:
            raise StorageError(self.tr("This workstation has no label key; ask IT to install it."))
        return keyfile.load(path)

    def print_labels(self) -> None:
        """Journal, draw and print (or save) the labels on a worker thread, behind a progress
        dialog with Cancel; `labels_finished` is emitted when the job has ended either way."""
        reason = self.reason_edit.text().strip() if self.reprint_box.isChecked() else None
        if self.reprint_box.isChecked() and not reason:
            self._show(self.tr("A reprint needs a reason."), ok=False)
            return
        target = None
        if self.printer == TO_FILE and (target := self._file_target("labels.pdf")) is None:
            return
        try:
            key = self._label_key()
        except (CustodyError, OSError) as error:
            self._show(error_text(error), ok=False)
            return
        job = LabelPrintJob(
            self.ctx,
            self._targets,
            self.codes,
            template=self.template,
            label_key=key,
            reprint_reason=reason,
            start_at=self.start_spin.value(),
            calibration=self._calibration(),
            printer=self.printer,
            out=target,
            print_pdf=self._print_pdf,
        )
        self.print_button.setEnabled(False)
        self.task = run_task(
            self,
            self.tr("Printing labels"),
            job.run,
            partial(self._on_job_done, job),
            partial(self._on_job_failed, job),
            on_cancelled=partial(self._on_job_cancelled, job),
            label=self.tr("Recording the labels in the journal…"),
        )

    def _on_job_done(self, job: LabelPrintJob, outcome: Outcome) -> None:
        batch = job.batch
        if outcome.error is not None:
            self._on_job_failed(job, outcome.error)
            return
        self.last_serials = batch.serials
        self._show(
            self.tr(
                "%n label(s) sent to {where} (serials {first}–{last}).", "", len(batch.labels)
            ).format(
                where=outcome.where,
                first=batch.serials[0],
                last=batch.serials[-1],
            ),
            ok=True,
        )
        self.reprint_box.setChecked(False)
        self.reason_edit.clear()
        self._job_ended()

    def _on_job_failed(self, job: LabelPrintJob, error: BaseException) -> None:
        note = message_text(job.batch.unprinted_note(self.tr("the labels were not printed")))
        self._show(f"{error_text(error)}\n{note}".strip(), ok=False)
        self._job_ended()

    def _on_job_cancelled(self, job: LabelPrintJob) -> None:
        note = message_text(job.batch.unprinted_note(self.tr("the labels were not printed")))
        self._show(f"{self.tr('Cancelled.')}\n{note}".strip(), ok=False)
        self._job_ended()

    def _job_ended(self) -> None:
        self.print_button.setEnabled(True)
        self.labels_finished.emit()
