"""New shipment / Edit details: consignee, carrier, air waybill, transport mode, conditions —
what the manifest will print. The caller's action creates or updates the shipment."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit

from custody.services.consignees import ConsigneeView
from custody.services.shipment_views import ShipmentView
from custody.ui.dialogs.action_dialog import ActionDialog

__all__ = ["ShipmentDetails", "ShipmentDetailsDialog"]

#: Offered in the transport mode combo (free text is accepted too).
MODES = ("air", "road", "sea", "courier")


@dataclass(frozen=True)
class ShipmentDetails:
    consignee: str  # the consignee's number, as the services accept it
    carrier: str
    waybill: str
    transport_mode: str
    conditions: str


class ShipmentDetailsDialog(ActionDialog):
    def __init__(
        self,
        consignees: Sequence[ConsigneeView],
        action: Callable[[ShipmentDetails], object],
        current: ShipmentView | None = None,
        parent: Any = None,
    ) -> None:
        super().__init__("", "", parent)
        if current is None:
            self.setWindowTitle(self.tr("New shipment"))
            self.ok_button.setText(self.tr("&Create"))
        else:
            self.setWindowTitle(
                self.tr("Edit shipment {number}").format(number=current.manifest_number)
            )
            self.ok_button.setText(self.tr("&Save"))
        self._action = action
        self.consignee_combo = QComboBox()
        self.consignee_combo.setObjectName("consignee")
        for consignee in consignees:
            self.consignee_combo.addItem(consignee.name, str(consignee.id))
        self.carrier_edit = self._line("carrier", 200, self.tr("e.g. DHL Express"))
        self.waybill_edit = self._line("waybill", 100, self.tr("e.g. AWB 172-55310842"))
        self.mode_combo = QComboBox()
        self.mode_combo.setObjectName("mode")
        self.mode_combo.setEditable(True)
        self.mode_combo.addItems(["", *MODES])
        mode_edit = self.mode_combo.lineEdit()
        if mode_edit is not None:
            mode_edit.setMaxLength(50)
        self.conditions_edit = QPlainTextEdit()
        self.conditions_edit.setObjectName("conditions")
        self.conditions_edit.setTabChangesFocus(True)
        self.conditions_edit.setPlaceholderText(
            self.tr("e.g. ambient temperature, keep dry, potent opioid: do not open")
        )
        self.conditions_edit.setFixedHeight(self.fontMetrics().height() * 4 + 12)
        self.form.addRow(self.tr("C&onsignee:"), self.consignee_combo)
        self.form.addRow(self.tr("&Carrier:"), self.carrier_edit)
        self.form.addRow(self.tr("Air &waybill / tracking:"), self.waybill_edit)
        self.form.addRow(self.tr("Transport &mode:"), self.mode_combo)
        self.form.addRow(self.tr("Con&ditions:"), self.conditions_edit)
        if not consignees:
            self.show_refusal(
                self.tr(
                    "There are no consignees yet. A supervisor adds the DEA laboratories with "
                    "`custody-cli consignee defaults`."
                )
            )
        if current is not None:
            self._fill(current)
        self.consignee_combo.setFocus()

    def _line(self, name: str, max_length: int, placeholder: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setMaxLength(max_length)
        edit.setPlaceholderText(placeholder)
        return edit

    def _fill(self, current: ShipmentView) -> None:
        index = self.consignee_combo.findText(current.consignee)
        if index >= 0:
            self.consignee_combo.setCurrentIndex(index)
        self.carrier_edit.setText(current.carrier or "")
        self.waybill_edit.setText(current.waybill or "")
        self.mode_combo.setCurrentText(current.transport_mode or "")
        self.conditions_edit.setPlainText(current.conditions or "")

    def details(self) -> ShipmentDetails:
        return ShipmentDetails(
            consignee=str(self.consignee_combo.currentData() or ""),
            carrier=self.carrier_edit.text(),
            waybill=self.waybill_edit.text(),
            transport_mode=self.mode_combo.currentText(),
            conditions=self.conditions_edit.toPlainText(),
        )

    def submit(self) -> None:
        details = self.details()
        if not details.consignee:
            self.show_refusal(self.tr("Choose the consignee laboratory."), self.consignee_combo)
            return
        self.run(lambda: self._action(details))
