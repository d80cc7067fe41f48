"""Admin › Printers: the stored label calibrations (printer, label stock, offsets), editable."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from functools import partial
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QPushButton,
    QVBoxLayout,
)

from custody.context import AppContext
from custody.domain.label_templates import TEMPLATES
from custody.domain.permissions import Action
from custody.services import printers
from custody.services.printers import CalibrationView
from custody.ui import printing
from custody.ui.labels import stock_title
from custody.ui.naming import named
from custody.ui.views.admin_support import RecordTab, allow


def _cells(view: CalibrationView) -> Sequence[str]:
    return (view.printer, view.template, f"{view.dx_mm:+.2f} mm", f"{view.dy_mm:+.2f} mm")


class PrintersTab(RecordTab[CalibrationView]):
    def __init__(
        self, ctx: AppContext, parent: Any = None, *, printer_names: Sequence[str] | None = None
    ) -> None:
        headers = [self.tr("Printer"), self.tr("Label stock"), self.tr("Right"), self.tr("Up")]
        super().__init__(ctx, headers, _cells, printers.list_calibrations, parent)
        names = printing.available_printers() if printer_names is None else printer_names
        self.printer_combo = named(QComboBox(editable=True), "printer")
        self.printer_combo.addItems(list(names))
        self.template_combo = named(QComboBox(), "template")
        for name, template in TEMPLATES.items():
            self.template_combo.addItem(f"{stock_title(template)} ({name})", name)
        self.dx_spin, self.dy_spin = (
            named(QDoubleSpinBox(decimals=2, singleStep=0.25, suffix=" mm"), name)
            for name in ("dx", "dy")
        )
        for spin in (self.dx_spin, self.dy_spin):
            spin.setRange(-float(printers.MAX_OFFSET_MM), float(printers.MAX_OFFSET_MM))
        self.save_button = named(QPushButton(self.tr("&Save offsets")), "save")
        self.save_button.clicked.connect(self._on_save_clicked)
        box = QGroupBox(self.tr("Offsets for a printer and label stock"))
        form = QFormLayout(box)
        form.addRow(self.tr("&Printer:"), self.printer_combo)
        form.addRow(self.tr("&Label stock:"), self.template_combo)
        form.addRow(self.tr("Move &right:"), self.dx_spin)
        form.addRow(self.tr("Move &up:"), self.dy_spin)
        form.addRow(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(box)
        layout.addWidget(self.message)
        allow(
            self.save_button, ctx, Action.PRINT_LABELS, self.tr("Your role may not print labels.")
        )
        self.refresh()
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)

    def _on_selection_changed(self, *_: object) -> None:
        chosen = self.current()
        if chosen is None:
            return
        self.printer_combo.setCurrentText(chosen.printer)
        self.template_combo.setCurrentIndex(self.template_combo.findData(chosen.template))
        self.dx_spin.setValue(float(chosen.dx_mm))
        self.dy_spin.setValue(float(chosen.dy_mm))

    def _on_save_clicked(self) -> None:
        done = self.attempt(
            "calibrate printer",
            partial(
                printers.set_calibration,
                printer=self.printer_combo.currentText(),
                template=str(self.template_combo.currentData()),
                dx_mm=Decimal(f"{self.dx_spin.value():.2f}"),
                dy_mm=Decimal(f"{self.dy_spin.value():.2f}"),
            ),
        )
        if done is None:
            return
        self.refresh()
        self.select_where(lambda c: (c.printer, c.template) == (done.printer, done.template))
        self.say(
            self.tr("Saved: {printer}, {template}: {dx} mm right, {dy} mm up.").format(
                printer=done.printer, template=done.template, dx=done.dx_mm, dy=done.dy_mm
            ),
            ok=True,
        )
