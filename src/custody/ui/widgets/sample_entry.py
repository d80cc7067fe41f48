"""The fields of one new sample or sub-sample, checked as they are typed: description, net
weight, balance ID, presumptive substance, form, units and the hazard flag.

The hazard flag follows the substance (on for fentanyl, and while the substance is unknown)
until the technician sets it by hand.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QFormLayout, QWidget

from custody.domain.enums import SampleForm
from custody.services.intake import NewSample
from custody.ui.widgets.checked_field import (
    CheckedField,
    optional_text,
    required_text,
    weight,
    whole_number,
)
from custody.ui.widgets.form_combo import SampleFormCombo, form_label

__all__ = ["SampleEntry", "hazard_default"]

_OPIOIDS = ("fentan", "nitazen")  # fentanyl, fentanilo, carfentanil…; nitazenes


def hazard_default(substance: str | None) -> bool:
    """On for a potent opioid, and while the substance is unknown (caution first)."""
    name = (substance or "").strip().lower()
    return not name or any(word in name for word in _OPIOIDS)


class SampleEntry(QWidget):
    changed = Signal()

    def __init__(self, prefix: str, parent: Any = None) -> None:
        """``prefix`` names the widgets (``{prefix}_weight``…) so tests and shortcuts find them."""
        super().__init__(parent)
        self._inherited_substance: str | None = None
        self._hazard_set_by_hand = False
        self.description = CheckedField(
            f"{prefix}_description", required_text(self.tr("description"), 2000), max_length=2000
        )
        self.weight = CheckedField(
            f"{prefix}_weight", weight(self.tr("net weight")), placeholder="12.3456", max_length=20
        )
        self.balance = CheckedField(
            f"{prefix}_balance",
            required_text(self.tr("balance ID"), 64),
            placeholder="BAL-XPR205-01",
        )
        self.substance = CheckedField(
            f"{prefix}_substance",
            optional_text(self.tr("presumptive substance"), 200),
            max_length=200,
        )
        self.form_combo = SampleFormCombo(f"{prefix}_form", inherit=self.tr("Same as its source"))
        self.units = CheckedField(
            f"{prefix}_units", whole_number(self.tr("unit count")), max_length=9
        )
        self.hazard = QCheckBox(self.tr("&Hazard: potent opioid (possible fentanyl)"))
        self.hazard.setObjectName(f"{prefix}_hazard")
        self.hazard.setChecked(True)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("&Description:"), self.description)
        form.addRow(self.tr("Net &weight (g):"), self.weight)
        form.addRow(self.tr("&Balance ID:"), self.balance)
        form.addRow(self.tr("Presumptive s&ubstance:"), self.substance)
        form.addRow(self.tr("&Form:"), self.form_combo)
        form.addRow(self.tr("Uni&ts:"), self.units)
        form.addRow("", self.hazard)
        for field in self.fields():
            field.checked.connect(self.changed)
        self.substance.checked.connect(self._follow_substance)
        self.hazard.clicked.connect(self._on_hazard_clicked)
        self.form_combo.currentIndexChanged.connect(self.changed)

    def fields(self) -> list[CheckedField]:
        return [self.description, self.weight, self.balance, self.substance, self.units]

    # --- state -------------------------------------------------------------------------------

    def is_blank(self) -> bool:
        """Nothing typed for a new sample (the balance ID stays from the last one)."""
        typed = (self.description, self.weight, self.substance, self.units)
        return not any(field.text().strip() for field in typed)

    def problem(self) -> str | None:
        for field in self.fields():
            if (problem := field.problem()) is not None:
                return problem
        return None

    def reveal(self) -> None:
        for field in self.fields():
            field.reveal()

    def new_sample(self) -> NewSample:
        units = self.units.text().strip()
        return NewSample(
            self.description.text(),
            self.weight.text(),
            self.balance.text(),
            hazard=self.hazard.isChecked(),
            form=self.form_combo.form(),
            presumptive_substance=self.substance.text() or None,
            unit_count=int(units) if units else None,
        )

    def inherit(self, substance: str | None, form: SampleForm | None) -> None:
        """What a sample takes from its exhibit or parent unless given (shown as placeholders)."""
        self._inherited_substance = substance
        self.substance.edit.setPlaceholderText(substance or "")
        self.form_combo.setItemText(
            0,
            self.tr("Same as its source ({form})").format(form=form_label(form))
            if form
            else self.tr("Same as its source"),
        )
        self._follow_substance()

    def clear(self) -> None:
        """Ready for the next sample: the balance ID stays."""
        for field in (self.description, self.weight, self.substance, self.units):
            field.clear()
        self.form_combo.setCurrentIndex(0)
        self._hazard_set_by_hand = False
        self._follow_substance()
        self.changed.emit()

    def route(self, message: str) -> CheckedField | None:
        """The field a service's refusal is about (the services name the field)."""
        lowered = message.lower()
        for name, field in (
            ("net weight", self.weight),
            ("balance", self.balance),
            ("substance", self.substance),
            ("unit count", self.units),
            ("description", self.description),
        ):
            if name in lowered:
                return field
        return None

    def set_locked(self, locked: bool) -> None:
        for field in self.fields():
            field.set_locked(locked)
        self.form_combo.setEnabled(not locked)
        self.hazard.setEnabled(not locked)

    # --- hazard -----------------------------------------------------------------------------

    def _on_hazard_clicked(self) -> None:
        self._hazard_set_by_hand = True
        self.changed.emit()

    def _follow_substance(self) -> None:
        if not self._hazard_set_by_hand:
            substance = self.substance.text().strip() or self._inherited_substance
            self.hazard.setChecked(hazard_default(substance))
