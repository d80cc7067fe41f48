"""Add a user, or set a new passphrase: the passphrase rules are checked as you type."""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from custody.context import AppContext
from custody.domain.enums import Role
from custody.domain.passwords import MIN_LENGTH, PassphraseError, check_passphrase
from custody.errors import CustodyError
from custody.services import users
from custody.services.users import NewPerson, UserView
from custody.ui.error_text import error_text
from custody.ui.labels import role_label
from custody.ui.views.admin_support import message_label, show_message

__all__ = ["UserAccountDialog"]


def _line(name: str, max_length: int = 200) -> QLineEdit:
    edit = QLineEdit(maxLength=max_length)
    edit.setObjectName(name)
    return edit


class UserAccountDialog(QDialog):
    """New account (`username` None) or a new passphrase for `username`; saved through
    ctx.perform on OK, a refusal shown here (the dialog stays open, nothing is lost)."""

    def __init__(self, ctx: AppContext, username: str | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.username = username
        self.saved: UserView | None = None
        adding = username is None
        self.setWindowTitle(
            self.tr("Add user")
            if adding
            else self.tr("New passphrase for {user}").format(user=username)
        )
        form = QFormLayout()
        self.full_name = _line("full_name")
        self.institution = _line("institution")
        self.position = _line("position")
        self.username_edit = _line("username", 64)
        self.role_combo = QComboBox()
        self.role_combo.setObjectName("role")
        for role in Role:
            self.role_combo.addItem(role_label(role), role)
        if adding:
            form.addRow(self.tr("&Full name:"), self.full_name)
            form.addRow(self.tr("&Institution:"), self.institution)
            form.addRow(self.tr("P&osition:"), self.position)
            form.addRow(self.tr("&User name:"), self.username_edit)
            form.addRow(self.tr("&Role:"), self.role_combo)
        self.passphrase = _line("passphrase", 256)
        self.confirm = _line("confirm", 256)
        for edit in (self.passphrase, self.confirm):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.textChanged.connect(self._on_passphrase_changed)
        self.username_edit.textChanged.connect(self._on_passphrase_changed)
        form.addRow(self.tr("&Passphrase:"), self.passphrase)
        form.addRow(self.tr("&Confirm:"), self.confirm)
        self.rules = QLabel(wordWrap=True)
        self.rules.setObjectName("rules")
        self.message = message_label()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Add user") if adding else self.tr("&Set passphrase"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.setMinimumWidth(440)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.rules)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self._on_passphrase_changed()

    def _name(self) -> str:
        return self.username or self.username_edit.text().strip()

    def _on_passphrase_changed(self) -> None:
        text, again = self.passphrase.text(), self.confirm.text()
        if not text:
            note, ok = (
                self.tr(
                    "At least {n} characters; a few unrelated words work well. No common "
                    "phrases, and not the user name."
                ).format(n=MIN_LENGTH),
                False,
            )
        else:
            try:
                check_passphrase(text, username=self._name())
            except PassphraseError as error:
                note, ok = error_text(error), False
            else:
                if again != text:
                    note, ok = self.tr("The passphrase is good; type it again to confirm."), False
                else:
                    note, ok = self.tr("The passphrase is good and confirmed."), True
        show_message(self.rules, note, ok=ok)

    def save(self) -> None:
        if self.passphrase.text() != self.confirm.text():
            show_message(self.message, self.tr("The two passphrases differ."), ok=False)
            return
        try:
            if self.username is None:
                details = NewPerson(
                    self.full_name.text(), self.institution.text(), self.position.text()
                )
                self.saved = self.ctx.perform(
                    "add user",
                    partial(
                        users.add_user,
                        details=details,
                        username=self.username_edit.text(),
                        role=Role(self.role_combo.currentData()),
                        password=self.passphrase.text(),
                    ),
                )
            else:
                self.ctx.perform(
                    "reset password",
                    partial(
                        users.set_password,
                        username=self.username,
                        new_password=self.passphrase.text(),
                    ),
                )
        except CustodyError as error:
            show_message(self.message, error_text(error), ok=False)
            return
        self.accept()
