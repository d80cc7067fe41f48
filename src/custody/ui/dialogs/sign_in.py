"""Sign-in: collects a user name and a password; the caller checks them and answers.

The dialog never accepts on its own: "Sign in" emits `submitted(username, password)`; the caller
runs the sign-in service and either calls `accept()` or `show_refusal(message)`, which keeps the
dialog open with the service's message, the password cleared and focused.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)


class SignInDialog(QDialog):
    submitted = Signal(str, str)  # user name, password

    def __init__(self, lab_name: str = "", hint: str = "", parent: Any = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Custody — Sign in"))
        self.setModal(True)

        heading = QLabel(self.tr("Sign in to {lab}").format(lab=lab_name) if lab_name else "")
        heading.setWordWrap(True)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        heading.setVisible(bool(lab_name))

        self.username_edit = QLineEdit()
        self.username_edit.setObjectName("username")
        self.username_edit.setMaxLength(64)
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("password")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setMaxLength(1024)
        form = QFormLayout()
        form.addRow(self.tr("&User name:"), self.username_edit)
        form.addRow(self.tr("&Password:"), self.password_edit)

        self.message_label = QLabel()
        self.message_label.setObjectName("message")
        self.message_label.setWordWrap(True)
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        self.message_label.setStyleSheet("color: #b00020;")
        self.message_label.hide()

        self.hint_label = QLabel(hint)
        self.hint_label.setObjectName("hint")
        self.hint_label.setTextFormat(Qt.TextFormat.PlainText)
        self.hint_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hint_label.setFrameShape(QFrame.Shape.StyledPanel)
        self.hint_label.setMargin(6)
        self.hint_label.setVisible(bool(hint))

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Sign in"))
        self.ok_button.setDefault(True)
        # Return must never cancel: only "Sign in" is a default button, and it stays enabled
        # (a disabled default hands Return to Cancel); empty fields get a message instead.
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAutoDefault(False)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.message_label)
        layout.addWidget(self.hint_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(380)

        self.username_edit.setFocus()

    def username(self) -> str:
        return self.username_edit.text().strip()

    def password(self) -> str:
        return self.password_edit.text()

    def set_busy(self, busy: bool) -> None:
        """Grey the form out while the caller checks the password."""
        for widget in (self.username_edit, self.password_edit, self.ok_button):
            widget.setEnabled(not busy)
        if not busy:  # a disabled button loses its default role: Return must sign in again
            self.ok_button.setDefault(True)

    def show_refusal(self, message: str) -> None:
        """Show why the sign-in was refused; stay open for another try."""
        self.set_busy(False)
        self._show_message(message, self.password_edit)
        self.password_edit.clear()

    def _show_message(self, message: str, focus: QLineEdit) -> None:
        self.message_label.setText(message)
        self.message_label.show()
        focus.setFocus()

    def _on_buttons_accepted(self) -> None:
        if not self.username():
            self._show_message(self.tr("Enter your user name."), self.username_edit)
        elif not self.password():
            self._show_message(self.tr("Enter your password."), self.password_edit)
        else:
            self.submitted.emit(self.username(), self.password())
