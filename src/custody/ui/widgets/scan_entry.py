"""A scan field for a keyboard-wedge scanner: the scanner types the code and presses Enter.

Enter hands the text over (`scanned`) and empties the field for the next scan, keeping the
focus; the answer (what happened, or why the scan was refused) shows next to the field.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

__all__ = ["ScanEntry"]

MAX_SCAN = 300  # longer than any label payload; a runaway scanner stops here

_OK = "color: #1b5e20;"
_REFUSED = "color: #b71c1c;"


class ScanEntry(QWidget):
    scanned = Signal(str)  # the text scanned or typed, without surrounding blanks

    def __init__(self, caption: str, name: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.caption = QLabel(caption)
        self.edit = QLineEdit()
        self.edit.setObjectName(name)
        self.edit.setMaxLength(MAX_SCAN)
        self.edit.setClearButtonEnabled(True)
        self.caption.setBuddy(self.edit)
        self.message = QLabel()
        self.message.setObjectName(f"{name}_message")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.caption)
        row.addWidget(self.edit, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.message)
        self.setFocusProxy(self.edit)
        self.edit.returnPressed.connect(self._on_edit_return_pressed)

    def set_caption(self, caption: str) -> None:
        self.caption.setText(caption)

    def set_placeholder(self, text: str) -> None:
        self.edit.setPlaceholderText(text)

    def show_ok(self, text: str) -> None:
        self._show(text, ok=True)

    def show_refusal(self, text: str) -> None:
        self._show(text, ok=False)

    def clear_message(self) -> None:
        self.message.clear()
        self.message.setProperty("ok", None)

    def _show(self, text: str, *, ok: bool) -> None:
        self.message.setProperty("ok", ok)
        self.message.setStyleSheet(_OK if ok else _REFUSED)
        self.message.setText(text)

    def _on_edit_return_pressed(self) -> None:
        text = self.edit.text().strip()
        self.edit.clear()
        if not text:
            self.show_refusal(
                self.tr("Nothing was scanned: scan the label, or type it and press Enter.")
            )
            return
        self.scanned.emit(text)
