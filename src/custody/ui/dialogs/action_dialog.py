"""A dialog that collects values for one user action and runs it when confirmed.

The action is a callable the caller gives (it runs the service through ``ctx.perform``). A
refusal (any ``CustodyError``) keeps the dialog open with the clerk-readable message in red
beside the fields; success keeps the result in :attr:`outcome` and accepts. Return confirms,
never cancels.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from custody.errors import CustodyError
from custody.ui.error_text import error_text

__all__ = ["ActionDialog"]


class ActionDialog(QDialog):
    def __init__(self, title: str, confirm: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setModal(True)
        self.outcome: object = None
        self.intro = QLabel()
        self.intro.setObjectName("intro")
        self.intro.setWordWrap(True)
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        self.intro.hide()
        self.form = QFormLayout()
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setStyleSheet("color: #b71c1c;")
        self.message.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button: QPushButton = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("confirm")
        self.ok_button.setText(confirm)
        self.ok_button.setDefault(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setAutoDefault(False)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        self.body = QVBoxLayout(self)
        self.body.addWidget(self.intro)
        self.body.addLayout(self.form)
        self.body.addWidget(self.message)
        self.body.addWidget(self.buttons)
        self.setMinimumWidth(460)

    def set_intro(self, text: str) -> None:
        self.intro.setText(text)
        self.intro.setVisible(bool(text))

    def show_refusal(self, text: str, focus: QWidget | None = None) -> None:
        """Say why nothing was done; the dialog stays open for another try."""
        self.message.setText(text)
        self.message.show()
        if focus is not None:
            focus.setFocus()
            if isinstance(focus, QLineEdit):
                focus.selectAll()

    def submit(self) -> None:
        """Check the fields and call :meth:`run` (subclasses)."""
        raise NotImplementedError

    def run(self, action: Callable[[], object], focus: QWidget | None = None) -> bool:
        """Run the action: accept on success, show the refusal otherwise."""
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            result = action()
        except CustodyError as error:
            self.show_refusal(error_text(error), focus)
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.outcome = result
        self.accept()
        return True

    def _on_buttons_accepted(self) -> None:
        self.submit()
