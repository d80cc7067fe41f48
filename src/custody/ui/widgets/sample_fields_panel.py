"""The record of one sample as a read-only form: case, exhibit, parent, description, substance,
form, units, net weight and balance, location, holder, seals, registration and what is allowed."""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from custody.domain.states import describe
from custody.services.views import SampleView
from custody.ui.error_text import message_text
from custody.ui.i18n import format_date_time
from custody.ui.models.sample_table import format_grams
from custody.ui.widgets.form_combo import form_label

__all__ = ["SampleFieldsPanel"]


class SampleFieldsPanel(QWidget):
    def __init__(self, zone: str, parent: Any = None) -> None:
        super().__init__(parent)
        self._zone = ZoneInfo(zone)
        self.values: dict[str, QLabel] = {}
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for name, caption in (
            ("case", self.tr("Case:")),
            ("exhibit", self.tr("Exhibit:")),
            ("parent", self.tr("Sub-sample of:")),
            ("description", self.tr("Description:")),
            ("substance", self.tr("Presumptive substance:")),
            ("form", self.tr("Form:")),
            ("units", self.tr("Units:")),
            ("weight", self.tr("Net weight:")),
            ("location", self.tr("Location:")),
            ("holder", self.tr("Held by:")),
            ("seals", self.tr("Seals:")),
            ("registered", self.tr("Registered:")),
            ("allowed", self.tr("Allowed now:")),
        ):
            value = QLabel()
            value.setObjectName(f"field_{name}")
            value.setWordWrap(True)
            value.setTextFormat(Qt.TextFormat.PlainText)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(caption, value)
            self.values[name] = value

    def show_sample(self, sample: SampleView) -> None:
        local = sample.created_at.astimezone(self._zone)
        allowed = ", ".join(message_text(describe(event)) for event in sample.allowed)
        texts = {
            "case": sample.case_number,
            "exhibit": str(sample.exhibit_number),
            "parent": sample.parent_code or "—",
            "description": sample.description,
            "substance": sample.presumptive_substance or "—",
            "form": form_label(sample.form),
            "units": "—" if sample.unit_count is None else str(sample.unit_count),
            "weight": self.tr("{grams} g (balance {balance})").format(
                grams=format_grams(sample.net_weight), balance=sample.balance_id
            ),
            "location": sample.location or self.tr("not in storage"),
            "holder": sample.holder or self.tr("nobody (in storage or in transit)"),
            "seals": ", ".join(sample.seals) or self.tr("none applied"),
            "registered": f"{format_date_time(local)} {self._zone.key}",
            "allowed": allowed or self.tr("nothing (final)"),
        }
        for name, text in texts.items():
            self.values[name].setText(text)

    def clear(self) -> None:
        for value in self.values.values():
            value.clear()

    def text(self, name: str) -> str:
        return self.values[name].text()
