"""The audit view's filters: kind prefix, actor, subject fragment, date range, seq range.

The bar only collects values: `current()` is a `JournalFilter` (dates as instants in the lab's
zone: a "to" date includes its whole day); `filter_changed` fires after a short pause in typing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from custody.ui.i18n import date_format
from custody.ui.naming import named

__all__ = ["FILTER_DELAY_MS", "JournalFilter", "JournalFilterBar"]

FILTER_DELAY_MS = 250
_NO_DATE = QDate(2000, 1, 1)  # the minimum of the date boxes, shown as "any"
_SEQ_MAX = 2**31 - 1

W = TypeVar("W", bound=QWidget)


@dataclass(frozen=True)
class JournalFilter:
    """The keyword filters of `journal_view.journal_page` (None: any)."""

    kind: str | None = None
    actor: str | None = None
    subject: str | None = None
    since: datetime | None = None
    until: datetime | None = None
    first_seq: int | None = None
    last_seq: int | None = None


class JournalFilterBar(QWidget):
    filter_changed = Signal()

    def __init__(self, zone: str, parent: Any = None) -> None:
        super().__init__(parent)
        self._zone = ZoneInfo(zone)
        self.kind_combo = named(QComboBox(), "kind_filter")
        self.kind_combo.setEditable(True)
        self.kind_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        kind_line = self.kind_combo.lineEdit()
        assert kind_line is not None
        kind_line.setPlaceholderText(self.tr("any kind (a prefix: shipment.)"))
        kind_line.setClearButtonEnabled(True)
        self.kind_combo.setMinimumContentsLength(22)
        self.actor_combo = named(QComboBox(), "actor_filter")
        self.actor_combo.addItem(self.tr("Anyone"), None)
        self.actor_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.subject_edit = named(QLineEdit(), "subject_filter")
        self.subject_edit.setPlaceholderText(self.tr("contains, e.g. 2026-000004"))
        self.subject_edit.setClearButtonEnabled(True)
        self.subject_edit.setMaxLength(100)
        self.since_edit = self._date_edit("since_filter")
        self.until_edit = self._date_edit("until_filter")
        self.first_seq_spin = self._seq_spin("first_seq_filter")
        self.last_seq_spin = self._seq_spin("last_seq_filter")
        self.clear_button = named(QPushButton(self.tr("C&lear filters")), "clear_filters")
        self.clear_button.clicked.connect(self.clear)

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self._row(grid, 0, self.tr("&Kind:"), self.kind_combo)
        self._row(grid, 2, self.tr("A&ctor:"), self.actor_combo)
        self._row(grid, 4, self.tr("S&ubject:"), self.subject_edit)
        self._row(grid, 0, self.tr("&Dates:"), self._pair(self.since_edit, self.until_edit), 1)
        self._row(grid, 2, self.tr("Se&q:"), self._pair(self.first_seq_spin, self.last_seq_spin), 1)
        grid.addWidget(self.clear_button, 1, 4, 1, 2, Qt.AlignmentFlag.AlignLeft)
        grid.setColumnStretch(5, 1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(FILTER_DELAY_MS)
        self._timer.timeout.connect(self.filter_changed)
        self.kind_combo.currentTextChanged.connect(self._timer.start)
        self.actor_combo.currentIndexChanged.connect(self._changed_now)
        self.subject_edit.textChanged.connect(self._timer.start)
        self.subject_edit.returnPressed.connect(self._changed_now)
        kind_line.returnPressed.connect(self._changed_now)
        for box in (self.since_edit, self.until_edit):
            box.dateChanged.connect(self._timer.start)
        for spin in (self.first_seq_spin, self.last_seq_spin):
            spin.valueChanged.connect(self._timer.start)

    # --- building ---------------------------------------------------------------------------

    def _row(
        self, grid: QGridLayout, column: int, caption: str, field: QWidget, row: int = 0
    ) -> None:
        label = QLabel(caption)
        label.setBuddy(field)
        grid.addWidget(label, row, column)
        grid.addWidget(field, row, column + 1)

    def _pair(self, first: QWidget, second: QWidget) -> QWidget:
        pair = QWidget()
        layout = QHBoxLayout(pair)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(first)
        layout.addWidget(QLabel("–"))
        layout.addWidget(second)
        layout.addStretch(1)
        return pair

    def _date_edit(self, name: str) -> QDateEdit:
        box = named(QDateEdit(), name)
        box.setCalendarPopup(True)
        box.setDisplayFormat(date_format())
        box.setMinimumDate(_NO_DATE)
        box.setSpecialValueText(self.tr("any"))
        box.setDate(_NO_DATE)
        box.setToolTip(self.tr("A day in the lab's time zone ({zone})").format(zone=self._zone.key))
        return box

    def _seq_spin(self, name: str) -> QSpinBox:
        spin = named(QSpinBox(), name)
        spin.setRange(0, _SEQ_MAX)
        spin.setSpecialValueText(self.tr("any"))
        spin.setMinimumWidth(spin.fontMetrics().horizontalAdvance("0000000000") + 32)
        return spin

    # --- our API ----------------------------------------------------------------------------

    def set_kinds(self, kinds: Sequence[str]) -> None:
        """Offer these kinds in the kind box (keeps what was typed)."""
        text = self.kind_combo.currentText()
        self.kind_combo.blockSignals(True)
        self.kind_combo.clear()
        self.kind_combo.addItems(list(kinds))
        self.kind_combo.setCurrentText(text)
        self.kind_combo.blockSignals(False)

    def set_users(self, users: Sequence[tuple[str, str]]) -> None:
        """Offer these (user name, full name) pairs in the actor box."""
        current = self.actor_combo.currentData()
        self.actor_combo.blockSignals(True)
        while self.actor_combo.count() > 1:
            self.actor_combo.removeItem(1)
        for username, full_name in users:
            self.actor_combo.addItem(f"{username} — {full_name}", username)
        found = self.actor_combo.findData(current)
        self.actor_combo.setCurrentIndex(max(0, found))
        self.actor_combo.blockSignals(False)

    def current(self) -> JournalFilter:
        since = self._day(self.since_edit)
        until = self._day(self.until_edit)
        return JournalFilter(
            kind=self.kind_combo.currentText().strip() or None,
            actor=self.actor_combo.currentData() or None,
            subject=self.subject_edit.text().strip() or None,
            since=since,
            until=until + timedelta(days=1) if until is not None else None,
            first_seq=self.first_seq_spin.value() or None,
            last_seq=self.last_seq_spin.value() or None,
        )

    def show_from_seq(self, seq: int) -> None:
        """Clear every filter and start the journal at entry `seq`."""
        self._set_all(first_seq=seq)

    def clear(self) -> None:
        self._set_all(first_seq=0)

    def _set_all(self, first_seq: int) -> None:
        widgets = (
            self.kind_combo,
            self.actor_combo,
            self.subject_edit,
            self.since_edit,
            self.until_edit,
            self.first_seq_spin,
            self.last_seq_spin,
        )
        for widget in widgets:
            widget.blockSignals(True)
        self.kind_combo.setCurrentText("")
        self.actor_combo.setCurrentIndex(0)
        self.subject_edit.clear()
        self.since_edit.setDate(_NO_DATE)
        self.until_edit.setDate(_NO_DATE)
        self.first_seq_spin.setValue(first_seq)
        self.last_seq_spin.setValue(0)
        for widget in widgets:
            widget.blockSignals(False)
        self._changed_now()

    def _changed_now(self) -> None:
        self._timer.stop()
        self.filter_changed.emit()

    def _day(self, box: QDateEdit) -> datetime | None:
        if box.date() == _NO_DATE:
            return None
        day: date = box.date().toPython()  # type: ignore[assignment]
        return datetime.combine(day, time.min, tzinfo=self._zone)
