"""The Samples view's filters: status, sample ID prefix, case, location, registered dates, port.

The bar only collects values: `current()` is a `lookup.SampleFilter`, or raises `FilterError`
(with a clerk-readable message) when a date cannot be read or the dates are the wrong way
round. `filter_changed` fires at once for the combo boxes and after a short pause in typing for
the text fields (Enter applies at once).
The message of a bad filter is shown next to the fields (`show_error`).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from itertools import pairwise
from typing import Any, TypeVar

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QGridLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from custody.domain.enums import SampleStatus
from custody.services.intake import PORTS
from custody.services.lookup import SampleFilter
from custody.ui.labels import status_label
from custody.ui.naming import named

__all__ = ["FILTER_DELAY_MS", "FilterError", "SampleFilterBar"]

FILTER_DELAY_MS = 250  # typing in a text filter reloads after a short pause

W = TypeVar("W", bound=QWidget)


class FilterError(ValueError):
    """A filter field holds something that is not a value (the message says what to type)."""


class SampleFilterBar(QWidget):
    filter_changed = Signal()

    def __init__(self, site_prefix: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.status_combo = named(QComboBox(), "status_filter")
        self.status_combo.addItem(self.tr("All"), None)
        for status in SampleStatus:
            self.status_combo.addItem(status_label(status), status.value)
        self.status_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.prefix_edit = self._text("prefix_filter", f"{site_prefix}-2026-0000…", 40)
        self.prefix_edit.setFixedWidth(self._width("MX-AICM-2026-000000000"))
        self.case_edit = self._text("case_filter", self.tr("number or its start: FED/CDMX/"), 100)
        self.case_edit.setMinimumWidth(self._width("FED/CDMX/AICM/0004417/2026"))
        self.location_edit = self._text("location_filter", self.tr("code, e.g. VAULT-A"), 64)
        self.location_edit.setMinimumWidth(self._width("VAULT-A-S1-B01"))
        self.from_edit = self._text("registered_from_filter", self.tr("YYYY-MM-DD"), 10)
        self.to_edit = self._text("registered_to_filter", self.tr("YYYY-MM-DD"), 10)
        for edit in (self.from_edit, self.to_edit):
            edit.setFixedWidth(self._width("0000-00-00"))
        self.port_combo = named(QComboBox(), "port_filter")
        self.port_combo.addItem(self.tr("Any"), None)
        for port in PORTS:
            self.port_combo.addItem(self.tr("Other") if port == "OTHER" else port, port)
        self.port_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.error_label = named(QLabel(), "filter_error")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label.hide()
        self._build()

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(FILTER_DELAY_MS)
        self._timer.timeout.connect(self.filter_changed)
        self.status_combo.currentIndexChanged.connect(self._on_combo_changed)
        self.port_combo.currentIndexChanged.connect(self._on_combo_changed)
        for edit in self.text_edits():
            edit.textChanged.connect(self._timer.start)
            edit.returnPressed.connect(self._on_edit_return_pressed)

    def _build(self) -> None:
        grid = QGridLayout(self)
        grid.setContentsMargins(4, 2, 4, 2)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(2)
        rows = (
            (
                (self.tr("&Status:"), self.status_combo),
                (self.tr("Sample &ID starts with:"), self.prefix_edit),
                (self.tr("&Case:"), self.case_edit),
                (self.tr("&Port:"), self.port_combo),
            ),
            (
                (self.tr("&Location:"), self.location_edit),
                (self.tr("Registered fr&om:"), self.from_edit),
                (self.tr("&up to:"), self.to_edit),
            ),
        )
        for row, fields in enumerate(rows):
            for pair, (caption, field) in enumerate(fields):
                label = QLabel(caption)
                label.setBuddy(field)
                grid.addWidget(label, row, 2 * pair, Qt.AlignmentFlag.AlignRight)
                grid.addWidget(field, row, 2 * pair + 1, Qt.AlignmentFlag.AlignLeft)
        grid.addWidget(self.error_label, 1, 6, 1, 3)
        grid.setColumnStretch(8, 1)
        order: tuple[QWidget, ...] = (self.status_combo, self.prefix_edit, self.case_edit)
        order += (self.port_combo, self.location_edit, self.from_edit, self.to_edit)
        for first, second in pairwise(order):
            QWidget.setTabOrder(first, second)

    def _text(self, name: str, placeholder: str, length: int) -> QLineEdit:
        edit = named(QLineEdit(), name)
        edit.setClearButtonEnabled(True)
        edit.setPlaceholderText(placeholder)
        edit.setMaxLength(length)
        return edit

    def _width(self, sample: str) -> int:
        return self.fontMetrics().horizontalAdvance(sample) + 48

    def text_edits(self) -> tuple[QLineEdit, ...]:
        return (self.prefix_edit, self.case_edit, self.location_edit, self.from_edit, self.to_edit)

    def set_locations(self, codes: Sequence[str]) -> None:
        """Complete a location code as it is typed (inline: no list pops over the table)."""
        completer = QCompleter(sorted(codes), self.location_edit)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.InlineCompletion)
        self.location_edit.setCompleter(completer)

    # --- values -----------------------------------------------------------------------------

    def current(self) -> SampleFilter:
        """The filter the fields say (raises FilterError for a date that cannot be read)."""
        status = self.status_combo.currentData()  # a StrEnum reaches Qt as a plain str
        start = self._date(self.from_edit, self.tr("Registered from"))
        end = self._date(self.to_edit, self.tr("Up to"))
        if start is not None and end is not None and start > end:
            message = self.tr("The 'from' date ({start}) is after the 'up to' date ({end}).")
            raise FilterError(message.format(start=start.isoformat(), end=end.isoformat()))
        return SampleFilter(
            status=SampleStatus(status) if status else None,
            code_prefix=self.prefix_edit.text().strip() or None,
            case=self.case_edit.text().strip() or None,
            location=self.location_edit.text().strip() or None,
            registered_from=start,
            registered_to=end,
            port=self.port_combo.currentData() or None,
        )

    def _date(self, edit: QLineEdit, field: str) -> date | None:
        raw = edit.text().strip()
        if not raw:
            return None
        try:
            return date.fromisoformat(raw)
        except ValueError:
            message = self.tr("{field}: '{text}' is not a date; type it as YYYY-MM-DD, e.g. {e}.")
            raise FilterError(message.format(field=field, text=raw, e="2026-10-31")) from None

    def show_error(self, message: str | None) -> None:
        """Show why the filter cannot apply next to the fields (None: hide it)."""
        self.error_label.setText(message or "")
        self.error_label.setVisible(bool(message))

    def stop_pending(self) -> None:
        """Forget a pending delayed change (the filter is being applied now)."""
        self._timer.stop()

    def _on_combo_changed(self, _index: int) -> None:
        self.filter_changed.emit()

    def _on_edit_return_pressed(self) -> None:
        self._timer.stop()
        self.filter_changed.emit()
