"""Hand a sample over to another person, at this workstation.

The holder is the signed-in user; the receiver re-enters user name and password here (and so
does a witness, if there is one): `custody.transfer` authenticates them in the same transaction
that records the handover, so a wrong password changes nothing but is journaled (and counts
toward the account's lockout). On a refusal the dialog stays open with the reason, keeps the
names and the purpose and clears the passwords.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from custody.context import AppContext
from custody.errors import CustodyError
from custody.services import custody
from custody.services.custody import Credentials
from custody.services.views import SampleView
from custody.ui.error_text import error_text

__all__ = ["HandOverDialog"]

_BAD_STYLE = "background: #fdecea; color: #8c1d18; border: 1px solid #b00020; padding: 6px;"


def _edit(name: str, *, password: bool = False) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setMaxLength(500)
    if password:
        edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class HandOverDialog(QDialog):
    handed_over = Signal(object)  # the SampleView after the handover

    def __init__(self, ctx: AppContext, sample: SampleView, parent: Any = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.sample = sample
        self.result_view: SampleView | None = None
        self.setObjectName("hand_over_dialog")
        self.setWindowTitle(self.tr("Hand over {code}").format(code=sample.code))

        giver = ctx.actor.full_name if ctx.actor else "?"
        heading = QLabel(
            self.tr("{code}\nfrom {giver} (signed in) to the person below.").format(
                code=sample.code, giver=giver
            )
        )
        heading.setTextFormat(Qt.TextFormat.PlainText)
        heading.setWordWrap(True)
        font = QFont(heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        heading.setFont(font)

        self.receiver_edit = _edit("receiver_username")
        self.receiver_password = _edit("receiver_password", password=True)
        receiver = QGroupBox(self.tr("Receiver (takes custody; signs with their password)"))
        form = QFormLayout(receiver)
        form.addRow(self.tr("&User name:"), self.receiver_edit)
        form.addRow(self.tr("&Password:"), self.receiver_password)

        self.witness_edit = _edit("witness_username")
        self.witness_password = _edit("witness_password", password=True)
        witness = QGroupBox(self.tr("Witness (optional: a third person)"))
        form = QFormLayout(witness)
        form.addRow(self.tr("U&ser name:"), self.witness_edit)
        form.addRow(self.tr("Pass&word:"), self.witness_password)

        self.purpose_edit = _edit("purpose")
        self.purpose_edit.setPlaceholderText(self.tr("e.g. analysis, sub-sampling, to the vault"))
        purpose = QFormLayout()
        purpose.addRow(self.tr("Pu&rpose:"), self.purpose_edit)

        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setStyleSheet(_BAD_STYLE)
        self.message.hide()

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Hand over"))
        self.ok_button.setObjectName("hand_over")
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(receiver)
        layout.addWidget(witness)
        layout.addLayout(purpose)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        self.receiver_edit.setFocus()

    # --- values -----------------------------------------------------------------------------

    def receiver(self) -> Credentials:
        return Credentials(self.receiver_edit.text().strip(), self.receiver_password.text())

    def witness(self) -> Credentials | None:
        name = self.witness_edit.text().strip()
        if not name and not self.witness_password.text():
            return None
        return Credentials(name, self.witness_password.text())

    def purpose(self) -> str:
        return self.purpose_edit.text().strip()

    def _missing(self) -> tuple[str, QLineEdit] | None:
        """The first field that must be filled in before anything is tried."""
        required = [
            (self.tr("Enter the receiver's user name."), self.receiver_edit),
            (self.tr("The receiver must enter their password."), self.receiver_password),
        ]
        if self.witness() is not None:
            required += [
                (self.tr("Enter the witness's user name."), self.witness_edit),
                (self.tr("The witness must enter their password."), self.witness_password),
            ]
        required.append((self.tr("Say why the sample is handed over."), self.purpose_edit))
        for text, edit in required:
            if not edit.text().strip():
                return text, edit
        return None

    # --- the handover -------------------------------------------------------------------------

    def _on_buttons_accepted(self) -> None:
        missing = self._missing()
        if missing is not None:
            self._show(missing[0])
            missing[1].setFocus()
            return
        action = partial(
            custody.transfer,
            sample_id=self.sample.id,
            receiver=self.receiver(),
            purpose=self.purpose(),
            witness=self.witness(),
        )
        try:
            view = self.ctx.perform("hand over", action)
        except CustodyError as error:
            self.receiver_password.clear()
            self.witness_password.clear()
            self._show(error_text(error))
            self.receiver_password.setFocus()
            return
        self.result_view = view
        self.handed_over.emit(view)
        self.accept()

    def _show(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
