"""Admin › Lab: the lab's name, shipper address (printed on manifests), time zone and re-weighing
tolerance, changed by a supervisor with a reason (journaled as `lab.settings`). The site prefix
is shown but not editable: every sample ID and label carries it."""

from __future__ import annotations

from decimal import Decimal
from functools import partial
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from custody.context import AppContext
from custody.errors import CustodyError
from custody.services import lab_settings
from custody.services.lab_settings import LabDetails
from custody.ui.error_text import error_text
from custody.ui.naming import named, zone_names
from custody.ui.views.admin_support import message_label, show_message

__all__ = ["LabTab"]


def _plain(value: Decimal) -> str:
    return format(value.normalize(), "f")


class LabTab(QWidget):
    def __init__(self, ctx: AppContext, parent: Any = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.shown: LabDetails | None = None
        self.name_edit = named(QLineEdit(maxLength=200), "lab_name")
        self.prefix_label = named(QLabel(), "site_prefix")
        self.prefix_label.setToolTip(
            self.tr("Every sample ID and label carries the site prefix; it cannot change.")
        )
        self.address_edit = named(QPlainTextEdit(), "address")
        self.address_edit.setTabChangesFocus(True)
        self.address_edit.setMaximumHeight(90)
        self.address_edit.setPlaceholderText(self.tr("Printed as the shipper on manifests"))
        self.zone_combo = named(QComboBox(), "timezone")
        self.zone_combo.setEditable(True)
        self.zone_combo.addItems(zone_names())
        self.percent_edit = named(QLineEdit(maxLength=10), "tolerance_percent")
        self.grams_edit = named(QLineEdit(maxLength=12), "tolerance_grams")
        self.reason_edit = named(QLineEdit(maxLength=500), "reason")
        self.reason_edit.setPlaceholderText(self.tr("Why is this changed? (journaled)"))
        self.save_button = named(QPushButton(self.tr("&Save lab settings")), "save")
        self.save_button.clicked.connect(self._on_save_clicked)
        self.reason_edit.returnPressed.connect(self.save_button.click)
        self.message = message_label()

        form = QFormLayout()
        form.addRow(self.tr("Lab &name:"), self.name_edit)
        form.addRow(self.tr("Site prefix:"), self.prefix_label)
        form.addRow(self.tr("&Address:"), self.address_edit)
        form.addRow(self.tr("Time &zone:"), self.zone_combo)
        form.addRow(self.tr("Re-weighing tolerance (&%):"), self.percent_edit)
        form.addRow(self.tr("Re-weighing tolerance (&g):"), self.grams_edit)
        form.addRow(self.tr("&Reason for the change:"), self.reason_edit)
        note = QLabel(
            self.tr(
                "A re-weighing differing from the last weight by more than both tolerances is "
                "flagged. Manifests and reports use these settings at once; this window shows "
                "the new name and time zone from the next start."
            ),
            wordWrap=True,
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addStretch()
        column = QVBoxLayout()
        column.addLayout(form)
        column.addWidget(note)
        column.addLayout(buttons)
        column.addWidget(self.message)
        column.addStretch()
        layout = QHBoxLayout(self)
        layout.addLayout(column, 2)
        layout.addStretch(1)
        self.refresh()

    def refresh(self) -> None:
        """Read the settings again (another workstation may have changed them)."""
        try:
            shown = self.ctx.query(lab_settings.details)
        except CustodyError as error:
            show_message(self.message, error_text(error), ok=False)
            return
        self._show(shown)

    def _show(self, shown: LabDetails) -> None:
        self.shown = shown
        self.name_edit.setText(shown.lab_name)
        self.prefix_label.setText(shown.site_prefix)
        self.address_edit.setPlainText(shown.address)
        self.zone_combo.setCurrentText(shown.timezone)
        self.percent_edit.setText(_plain(shown.reweigh_tolerance_percent))
        self.grams_edit.setText(f"{shown.reweigh_tolerance_grams:.4f}")
        self.reason_edit.clear()

    def _on_save_clicked(self) -> None:
        change = partial(
            lab_settings.update,
            lab_name=self.name_edit.text(),
            address=self.address_edit.toPlainText(),
            timezone=self.zone_combo.currentText(),
            tolerance_percent=self.percent_edit.text(),
            tolerance_grams=self.grams_edit.text(),
            reason=self.reason_edit.text(),
        )
        try:
            saved = self.ctx.perform("lab settings", change)
        except CustodyError as error:
            show_message(self.message, error_text(error), ok=False)  # the typed values stay
            return
        self._show(saved)
        show_message(self.message, self.tr("Lab settings saved and journaled."), ok=True)
