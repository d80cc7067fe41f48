"""What the scan station is doing: Find, Receive, Put away, Pack, Reconcile (F2–F6), with the
choices each needs (the shipment and package to pack into, the received shipment to check)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeySequence
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from custody.services.labels import ScanContext

__all__ = ["CONTEXT_KEYS", "ScanContextBar"]

#: The contexts in the order shown, with their function keys.
CONTEXT_KEYS: tuple[tuple[ScanContext, Qt.Key], ...] = (
    (ScanContext.FIND, Qt.Key.Key_F2),
    (ScanContext.RECEIVE, Qt.Key.Key_F3),
    (ScanContext.MOVE, Qt.Key.Key_F4),
    (ScanContext.PACK, Qt.Key.Key_F5),
    (ScanContext.RECONCILE, Qt.Key.Key_F6),
)


def _bigger(widget: QWidget, scale: float) -> None:
    font = QFont(widget.font())
    font.setPointSizeF(font.pointSizeF() * scale)
    widget.setFont(font)


class ScanContextBar(QWidget):
    context_chosen = Signal(str)  # a ScanContext value

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        names = {
            ScanContext.FIND: self.tr("Find"),
            ScanContext.RECEIVE: self.tr("Receive"),
            ScanContext.MOVE: self.tr("Put away"),
            ScanContext.PACK: self.tr("Pack"),
            ScanContext.RECONCILE: self.tr("Reconcile"),
        }
        self.buttons: dict[ScanContext, QPushButton] = {}
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        row = QHBoxLayout()
        for context, key in CONTEXT_KEYS:
            button = QPushButton(f"{names[context]}   {QKeySequence(key).toString()}")
            button.setObjectName(f"context_{context.value}")
            button.setCheckable(True)
            button.setAutoDefault(False)
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            button.setMinimumHeight(40)
            _bigger(button, 1.25)
            button.clicked.connect(lambda _=False, c=context: self.context_chosen.emit(c.value))
            self._group.addButton(button)
            self.buttons[context] = button
            row.addWidget(button)
        row.addStretch(1)

        self.hint = QLabel()
        self.hint.setObjectName("context_hint")
        self.hint.setWordWrap(True)
        _bigger(self.hint, 1.2)

        self.pack_shipment = self._combo("pack_shipment")
        self.pack_package = self._combo("pack_package")
        self._pack_row = self._row(
            (self.tr("Shipment:"), self.pack_shipment), (self.tr("Package:"), self.pack_package)
        )
        self.reconcile_shipment = self._combo("reconcile_shipment")
        self.seal_broken = QCheckBox(self.tr("Next container: seal &broken"))
        self.seal_broken.setObjectName("seal_broken")
        self.seal_broken.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.reconcile_counts = QLabel()
        self.reconcile_counts.setObjectName("reconcile_counts")
        _bigger(self.reconcile_counts, 1.2)
        self.reconcile_button = QPushButton(self.tr("Reconcile &now"))
        self.reconcile_button.setObjectName("reconcile_button")
        self.reconcile_button.setAutoDefault(False)
        self.reconcile_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        _bigger(self.seal_broken, 1.2)
        _bigger(self.reconcile_button, 1.2)
        self._reconcile_row = self._row((self.tr("Shipment:"), self.reconcile_shipment))
        line = self._reconcile_row.layout()
        assert isinstance(line, QHBoxLayout)
        for widget in (self.seal_broken, self.reconcile_button):
            line.insertWidget(line.count() - 1, widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.hint)
        layout.addWidget(self._pack_row)
        layout.addWidget(self._reconcile_row)
        layout.addWidget(self.reconcile_counts)

    def show_context(self, context: ScanContext, hint: str) -> None:
        self.buttons[context].setChecked(True)
        self.hint.setText(hint)
        self._pack_row.setVisible(context is ScanContext.PACK)
        self._reconcile_row.setVisible(context is ScanContext.RECONCILE)
        self.reconcile_counts.setVisible(context is ScanContext.RECONCILE)

    def _combo(self, name: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        combo.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        _bigger(combo, 1.2)
        return combo

    def _row(self, *fields: tuple[str, QWidget]) -> QWidget:
        box = QWidget()
        line = QHBoxLayout(box)
        line.setContentsMargins(0, 0, 0, 0)
        for caption, widget in fields:
            label = QLabel(caption)
            _bigger(label, 1.2)
            label.setBuddy(widget)
            line.addWidget(label)
            line.addWidget(widget)
        line.addStretch(1)
        return box
