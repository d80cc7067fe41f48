"""Unlock: the signed-in user's password, or "Sign out". Shown by `custody.ui.session.IdleLock`.

Like the sign-in dialog it never decides on its own: "Unlock" emits `submitted(password)` and
the caller checks it through the service, then calls `accept()` or `show_refusal(message)`.
"Sign out" emits `sign_out_requested`. Escape and the window's close button do nothing: the
only ways out are the right password and signing out.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)


class UnlockDialog(QDialog):
    submitted = Signal(str)  # the password
    sign_out_requested = Signal()

    def __init__(self, full_name: str, username: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("unlock")
        self.setWindowTitle(self.tr("Custody — Locked"))
        self.setWindowFlag(Qt.WindowType.WindowCloseButtonHint, False)

        heading = QLabel(self.tr("This session is locked"))
        font = heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        heading.setFont(font)
        who = QLabel(
            self.tr(
                "{name} ({user}) is signed in. Enter your password to continue; "
                "everything you were doing is kept as it was."
            ).format(name=full_name, user=username)
        )
        who.setObjectName("who")
        who.setWordWrap(True)
        who.setTextFormat(Qt.TextFormat.PlainText)

        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("password")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setMaxLength(1024)
        form = QFormLayout()
        form.addRow(self.tr("&Password:"), self.password_edit)

        self.message_label = QLabel()
        self.message_label.setObjectName("message")
        self.message_label.setWordWrap(True)
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        self.message_label.setStyleSheet("color: #b00020;")
        self.message_label.hide()

        note = QLabel(self.tr("Not you? Sign out closes Custody; unsaved input is lost."))
        note.setWordWrap(True)

        self.buttons = QDialogButtonBox()
        self.unlock_button = self.buttons.addButton(
            self.tr("&Unlock"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.unlock_button.setObjectName("unlock_button")
        self.unlock_button.setDefault(True)
        self.sign_out_button = QPushButton(self.tr("Sign &out"))
        self.sign_out_button.setObjectName("sign_out")
        self.sign_out_button.setAutoDefault(False)  # Return never signs out
        self.buttons.addButton(self.sign_out_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.sign_out_button.clicked.connect(self._on_sign_out_clicked)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(who)
        layout.addLayout(form)
        layout.addWidget(self.message_label)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)
        self.password_edit.setFocus()

    def password(self) -> str:
        return self.password_edit.text()

    def set_busy(self, busy: bool) -> None:
        """Grey the form out while the caller checks the password."""
        for widget in (self.password_edit, self.unlock_button, self.sign_out_button):
            widget.setEnabled(not busy)
        if not busy:  # disabling the default button took its default role away
            self.unlock_button.setDefault(True)

    def show_refusal(self, message: str) -> None:
        """Show why the password was refused; clear it for another try."""
        self.set_busy(False)
        self._show_message(message)
        self.password_edit.clear()

    def reject(self) -> None:
        """Escape does not unlock."""

    def closeEvent(self, event: QCloseEvent) -> None:
        event.ignore()  # neither does closing the window

    def _show_message(self, message: str) -> None:
        self.message_label.setText(message)
        self.message_label.show()
        self.password_edit.setFocus()

    def _on_buttons_accepted(self) -> None:
        if not self.password():
            self._show_message(self.tr("Enter your password."))
        else:
            self.submitted.emit(self.password())

    def _on_sign_out_clicked(self) -> None:
        self.set_busy(True)
        self.sign_out_requested.emit()
