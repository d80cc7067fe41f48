"""Dispatch an approved shipment: who from the carrier takes it (name, company, ID) and the
clerk's password re-entered to sign "Relinquished to the carrier" (21 CFR 11.200)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QLabel, QLineEdit

from custody.services.shipment_views import ShipmentView
from custody.services.shipments import MEANING_DISPATCH
from custody.ui.dialogs.action_dialog import ActionDialog

__all__ = ["DispatchShipmentDialog"]

DispatchAction = Callable[[str, str], object]  # (carrier agent, password)


class DispatchShipmentDialog(ActionDialog):
    def __init__(
        self, shipment: ShipmentView, signer: str, action: DispatchAction, parent: Any = None
    ) -> None:
        super().__init__("", "", parent)
        self.setWindowTitle(
            self.tr("Dispatch shipment {number}").format(number=shipment.manifest_number)
        )
        self.ok_button.setText(self.tr("&Sign and dispatch"))
        self._action = action
        self.set_intro(
            self.tr(
                "Hand shipment {number} (revision {revision}, {samples} sample(s)) to "
                "{carrier}, waybill {waybill}. Every sample goes in transit."
            ).format(
                number=shipment.manifest_number,
                revision=shipment.revision,
                samples=shipment.sample_count,
                carrier=shipment.carrier or "—",
                waybill=shipment.waybill or "—",
            )
        )
        self.agent_edit = QLineEdit()
        self.agent_edit.setObjectName("carrier_agent")
        self.agent_edit.setMaxLength(300)
        self.agent_edit.setPlaceholderText(self.tr("e.g. Juan Pérez, DHL, badge 4471"))
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("password")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setMaxLength(1024)
        meaning = QLabel(MEANING_DISPATCH)
        font = meaning.font()
        font.setBold(True)
        meaning.setFont(font)
        self.form.addRow(self.tr("Carrier's &agent:"), self.agent_edit)
        self.form.addRow(self.tr("Meaning of the signature:"), meaning)
        self.form.addRow(self.tr("Signed by:"), QLabel(signer))
        self.form.addRow(self.tr("Your &password:"), self.password_edit)
        self.agent_edit.setFocus()

    def submit(self) -> None:
        agent = self.agent_edit.text().strip()
        if not agent:
            self.show_refusal(
                self.tr("Enter who from the carrier takes the shipment (name, company, ID)."),
                self.agent_edit,
            )
            return
        password = self.password_edit.text()
        if not password:
            self.show_refusal(self.tr("Enter your password to sign."), self.password_edit)
            return
        if not self.run(lambda: self._action(agent, password), self.password_edit):
            self.password_edit.clear()
