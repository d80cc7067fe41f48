"""The crash dialog: an unexpected error (a bug) with its details, to copy and report."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)


class CrashDialog(QDialog):
    def __init__(self, details: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Custody — Unexpected error"))
        intro = QLabel(
            self.tr(
                "Custody hit an unexpected error (a bug). Every recorded action is one "
                "transaction: it was either saved completely or not at all; check the sample's "
                "history before repeating it.\n\nPlease copy the details below and send them "
                "to your administrator."
            )
        )
        intro.setWordWrap(True)
        self.details_edit = QPlainTextEdit(details)
        self.details_edit.setReadOnly(True)
        self.details_edit.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = QPushButton(self.tr("&Copy details"))
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(self._on_copy_clicked)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.details_edit)
        layout.addWidget(buttons)
        self.resize(640, 420)

    def details(self) -> str:
        return self.details_edit.toPlainText()

    def _on_copy_clicked(self) -> None:
        QGuiApplication.clipboard().setText(self.details())
