"""Admin › This workstation: idle lock, language, default printer and label stock (saved in
this computer's settings file, not in the lab's database)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from custody import settings
from custody.domain.label_templates import TEMPLATES
from custody.errors import CustodyError
from custody.settings import Settings
from custody.ui import printing
from custody.ui.error_text import error_text, message_text
from custody.ui.labels import stock_title
from custody.ui.naming import named
from custody.ui.views.admin_support import message_label, show_message

_LANGUAGES = (("en", "English"), ("es", "Español"))


class WorkstationTab(QWidget):
    """`path` None: the per-user settings file (custody.settings.default_path())."""

    saved = Signal(object)  # the Settings just written

    def __init__(
        self,
        parent: Any = None,
        *,
        path: Path | None = None,
        printer_names: Sequence[str] | None = None,
    ) -> None:
        super().__init__(parent)
        self._path = path
        problems: list[str] = []
        self.loaded = settings.load(path, problems=problems)
        self.idle_spin = named(QSpinBox(suffix=self.tr(" min")), "idle_lock")
        self.idle_spin.setRange(settings.IDLE_LOCK_MIN, settings.IDLE_LOCK_MAX)
        self.language_combo = named(QComboBox(), "language")
        for code, name in _LANGUAGES:
            self.language_combo.addItem(name, code)
        names = printing.available_printers() if printer_names is None else printer_names
        self.printer_combo = named(QComboBox(), "default_printer")
        self.printer_combo.addItem(self.tr("(ask each time)"), "")
        for name in names:
            self.printer_combo.addItem(name, name)
        self.template_combo = named(QComboBox(), "default_template")
        self.template_combo.addItem(self.tr("(ask each time)"), "")
        for name, template in TEMPLATES.items():
            self.template_combo.addItem(f"{stock_title(template)} ({name})", name)
        self.save_button = named(QPushButton(self.tr("&Save")), "save")
        self.save_button.clicked.connect(self._on_save_clicked)
        note = QLabel(
            self.tr(
                "These settings belong to this computer only; Custody reads them when it starts, "
                "so a change is used from the next start."
            ),
            wordWrap=True,
        )
        form = QFormLayout()
        form.addRow(self.tr("&Lock after idle:"), self.idle_spin)
        form.addRow(self.tr("Lan&guage:"), self.language_combo)
        form.addRow(self.tr("Default &printer:"), self.printer_combo)
        form.addRow(self.tr("Default label stoc&k:"), self.template_combo)
        self.message = message_label()
        self.idle_spin.setToolTip(
            self.tr("Lock the session after this many minutes without input (CJIS: at most 30).")
        )
        column = QVBoxLayout()
        column.addWidget(note)
        column.addLayout(form)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addStretch()
        column.addLayout(buttons)
        column.addWidget(self.message)
        column.addStretch()
        layout = QHBoxLayout(self)
        layout.addLayout(column, 2)
        layout.addStretch(1)
        self._show_settings(self.loaded)
        if problems:
            show_message(self.message, "\n".join(map(message_text, problems)), ok=False)

    def _show_settings(self, chosen: Settings) -> None:
        self.idle_spin.setValue(chosen.idle_lock_minutes)
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(chosen.language)))
        printer = chosen.default_printer or ""
        if printer and self.printer_combo.findData(printer) < 0:
            self.printer_combo.addItem(printer, printer)  # saved earlier, not installed now
        self.printer_combo.setCurrentIndex(max(0, self.printer_combo.findData(printer)))
        index = self.template_combo.findData(chosen.default_label_template or "")
        self.template_combo.setCurrentIndex(max(0, index))

    def _on_save_clicked(self) -> None:
        try:
            chosen = self.loaded.replace(
                idle_lock_minutes=self.idle_spin.value(),
                language=self.language_combo.currentData(),
                default_printer=self.printer_combo.currentData() or None,
                default_label_template=self.template_combo.currentData() or None,
            )
            settings.save(chosen, self._path)
        except CustodyError as error:
            show_message(self.message, error_text(error), ok=False)
            return
        language_changed = chosen.language != self.loaded.language
        self.loaded = chosen
        text = self.tr("Saved; used from the next start of Custody.")
        if language_changed:
            text += " " + self.tr("Custody will then be in {language}.").format(
                language=self.language_combo.currentText()
            )
        show_message(self.message, text, ok=True)
        self.saved.emit(chosen)
