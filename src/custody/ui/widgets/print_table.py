"""The labels printed for a sample: serial, time, label stock, who printed it, and whether a
reprint voided it (and why it was reprinted)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from custody.domain.label_templates import TEMPLATES
from custody.services.labels import PrintView
from custody.ui.i18n import format_date_time
from custody.ui.labels import stock_title

__all__ = ["PrintTable"]

_VOIDED = QBrush(QColor("#757575"))


class PrintTable(QTableWidget):
    SERIAL, PRINTED, STOCK, BY, STATE, REPRINT = range(6)

    def __init__(self, zone: str, parent: Any = None) -> None:
        super().__init__(0, 6, parent)
        self.setObjectName("prints")
        self._zone = ZoneInfo(zone)
        self.setHorizontalHeaderLabels(
            [
                self.tr("Serial"),
                self.tr("Printed"),
                self.tr("Label stock"),
                self.tr("Printed by"),
                self.tr("State"),
                self.tr("Reprint of"),
            ]
        )
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(True)

    def set_prints(self, prints: Sequence[PrintView]) -> None:
        self.setRowCount(0)
        self.setRowCount(len(prints))
        for row, label in enumerate(prints):
            template = TEMPLATES.get(label.template)
            if label.voided:
                when = label.voided_at.astimezone(self._zone) if label.voided_at else None
                state = self.tr("voided {when}").format(when=format_date_time(when) if when else "")
            else:
                state = self.tr("valid")
            reprint = ""
            if label.reprint_of is not None:
                reprint = self.tr("{serial}: {reason}").format(
                    serial=label.reprint_of, reason=label.reprint_reason or ""
                )
            texts = (
                str(label.serial),
                format_date_time(label.printed_at.astimezone(self._zone)),
                stock_title(template) if template else label.template,
                label.printed_by,
                state.strip(),
                reprint,
            )
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                if column == self.SERIAL:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if label.voided:
                    item.setForeground(_VOIDED)
                self.setItem(row, column, item)

    def state_of(self, row: int) -> str:
        item = self.item(row, self.STATE)
        return item.text() if item else ""
