"""Intake step 7: print the labels of the samples just registered, now (the Print labels dialog:
journal first, then the printer or a PDF file). Then another exhibit, or a new intake."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
)

from custody.context import AppContext
from custody.domain.enums import SampleStatus
from custody.services.lab import LabView
from custody.ui.views.intake_steps.step import IntakeState, IntakeStep
from custody.ui.views.sample_detail import PrintDialogFactory, print_labels_dialog

__all__ = ["LabelsStep", "PrintDialogFactory", "print_labels_dialog"]


class LabelsStep(IntakeStep):
    another_exhibit_requested = Signal()
    new_intake_requested = Signal()
    sample_activated = Signal(str)  # double-click / Enter on a sample: show it

    def __init__(
        self,
        ctx: AppContext,
        lab: LabView,
        state: IntakeState,
        parent: Any = None,
        *,
        print_dialog: PrintDialogFactory = print_labels_dialog,
    ) -> None:
        super().__init__(ctx, lab, state, parent)
        self.title = self.tr("Labels")
        self._print_dialog = print_dialog
        self.dialog: QDialog | None = None
        self.codes = QListWidget()
        self.codes.setObjectName("label_samples")
        self.codes.itemActivated.connect(self._on_codes_item_activated)
        self.warning = QLabel()
        self.warning.setObjectName("unsealed_warning")
        self.warning.setWordWrap(True)
        self.warning.setTextFormat(Qt.TextFormat.PlainText)
        self.warning.setStyleSheet("color: #b00020;")
        self.print_button = QPushButton(self.tr("&Print labels now…"))
        self.print_button.setObjectName("print_now")
        self.print_button.clicked.connect(self._on_print_button_clicked)
        self.exhibit_button = QPushButton(self.tr("Another &exhibit of this seizure"))
        self.exhibit_button.setObjectName("another_exhibit")
        self.exhibit_button.clicked.connect(self.another_exhibit_requested)
        self.new_button = QPushButton(self.tr("New &intake"))
        self.new_button.setObjectName("new_intake")
        self.new_button.clicked.connect(self.new_intake_requested)
        intro = QLabel(self.tr("The samples registered in this intake (untick to leave one out):"))
        intro.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.print_button)
        row.addStretch(1)
        row.addWidget(self.exhibit_button)
        row.addWidget(self.new_button)
        self.layout_.addWidget(intro)
        self.layout_.addWidget(self.codes, 1)
        self.layout_.addWidget(self.warning)
        self.layout_.addLayout(row)
        self.finish_layout()
        self.codes.itemChanged.connect(self._update)

    def chosen(self) -> list[str]:
        return [
            str(item.data(Qt.ItemDataRole.UserRole))
            for index in range(self.codes.count())
            if (item := self.codes.item(index)).checkState() == Qt.CheckState.Checked
        ]

    # --- the flow -----------------------------------------------------------------------------

    def available(self) -> bool:
        return bool(self.state.samples)

    def enter(self) -> None:
        kept = {code for code in self.chosen()}
        known = {
            str(self.codes.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.codes.count())
        }
        self.codes.blockSignals(True)
        self.codes.clear()
        for sample in self.state.samples:
            item = QListWidgetItem(f"{sample.code} — {sample.description}")
            item.setData(Qt.ItemDataRole.UserRole, sample.code)
            item.setFlags(
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsUserCheckable
                | Qt.ItemFlag.ItemIsSelectable
            )
            checked = sample.code in kept or sample.code not in known
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.codes.addItem(item)
        self.codes.blockSignals(False)
        self._update()

    def reset(self) -> None:
        self.codes.clear()
        self._update()

    # --- internals ----------------------------------------------------------------------------

    def _update(self) -> None:
        chosen = set(self.chosen())
        unsealed = [
            s.code
            for s in self.state.samples
            if s.code in chosen and s.status is SampleStatus.REGISTERED
        ]
        self.warning.setText(
            self.tr("Not sealed yet: {codes}. Their labels will show no seal number.").format(
                codes=", ".join(unsealed)
            )
            if unsealed
            else ""
        )
        self.warning.setVisible(bool(unsealed))
        self.print_button.setEnabled(bool(chosen))
        self.changed.emit()

    def _on_print_button_clicked(self) -> None:
        codes = self.chosen()
        if not codes:
            return
        dialog = self._print_dialog(self.ctx, codes, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._on_dialog_finished)
        self.dialog = dialog
        dialog.open()

    def _on_dialog_finished(self, _result: int) -> None:
        self.dialog = None

    def _on_codes_item_activated(self, item: QListWidgetItem) -> None:
        self.sample_activated.emit(str(item.data(Qt.ItemDataRole.UserRole)))
