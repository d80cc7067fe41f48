"""Approve a shipment: the supervisor re-enters the password to sign "Approved for release"
(21 CFR 11.200), optionally with a witness who signs with their own user name and password.

The signature records the printed name, the time and the meaning (21 CFR 11.50); approving
issues the manifest's next revision. A refusal (wrong password, incomplete shipment…) keeps the
dialog open with the reason, and nothing is signed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QLineEdit

from custody.services.custody import Credentials
from custody.services.shipment_views import ShipmentView
from custody.services.shipments import MEANING_APPROVE
from custody.ui.dialogs.action_dialog import ActionDialog

__all__ = ["ApproveShipmentDialog"]

ApproveAction = Callable[[str, Credentials | None], object]


def _password_edit(name: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setMaxLength(1024)
    return edit


class ApproveShipmentDialog(ActionDialog):
    def __init__(
        self, shipment: ShipmentView, signer: str, action: ApproveAction, parent: Any = None
    ) -> None:
        super().__init__("", "", parent)
        self.setWindowTitle(
            self.tr("Approve shipment {number}").format(number=shipment.manifest_number)
        )
        self.ok_button.setText(self.tr("&Sign and approve"))
        self._action = action
        self.set_intro(
            self.tr(
                "Shipment {number} to {consignee}: {packages} package(s), {samples} sample(s). "
                "Approving issues manifest revision {revision}."
            ).format(
                number=shipment.manifest_number,
                consignee=shipment.consignee,
                packages=len(shipment.packages),
                samples=shipment.sample_count,
                revision=shipment.revision + 1,
            )
        )
        self.meaning_label = QLabel(MEANING_APPROVE)
        self.meaning_label.setObjectName("meaning")
        font = self.meaning_label.font()
        font.setBold(True)
        self.meaning_label.setFont(font)
        self.signer_label = QLabel(signer)
        self.signer_label.setObjectName("signer")
        self.password_edit = _password_edit("password")
        self.form.addRow(self.tr("Meaning of the signature:"), self.meaning_label)
        self.form.addRow(self.tr("Signed by:"), self.signer_label)
        self.form.addRow(self.tr("Your &password:"), self.password_edit)
        note = QLabel(
            self.tr(
                "Re-enter your password to sign (21 CFR 11.200). The signature records your "
                "name, the time and its meaning, and is bound to this manifest's content."
            )
        )
        note.setWordWrap(True)
        note.setTextFormat(Qt.TextFormat.PlainText)
        self.body.insertWidget(2, note)

        witness = QGroupBox(self.tr("Witness (optional)"))
        witness_form = QFormLayout(witness)
        self.witness_user_edit = QLineEdit()
        self.witness_user_edit.setObjectName("witness_username")
        self.witness_user_edit.setMaxLength(64)
        self.witness_password_edit = _password_edit("witness_password")
        witness_form.addRow(self.tr("Witness &user name:"), self.witness_user_edit)
        witness_form.addRow(self.tr("Witness pass&word:"), self.witness_password_edit)
        self.body.insertWidget(3, witness)
        self.password_edit.setFocus()

    def witness(self) -> Credentials | None:
        username = self.witness_user_edit.text().strip()
        if not username and not self.witness_password_edit.text():
            return None
        return Credentials(username, self.witness_password_edit.text())

    def submit(self) -> None:
        password = self.password_edit.text()
        if not password:
            self.show_refusal(self.tr("Enter your password to sign."), self.password_edit)
            return
        witness = self.witness()
        if witness is not None and not witness.username:
            self.show_refusal(self.tr("Enter the witness's user name."), self.witness_user_edit)
            return
        if witness is not None and not witness.password:
            self.show_refusal(
                self.tr("The witness must enter their password."), self.witness_password_edit
            )
            return
        if not self.run(lambda: self._action(password, witness), self.password_edit):
            self.password_edit.clear()  # a password is never left in a refused form
            self.witness_password_edit.clear()
