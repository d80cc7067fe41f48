"""Intake step 3: the exhibit, as seized — description, presumptive substance, form, units,
packaging and gross weight."""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtWidgets import QFormLayout

from custody.context import AppContext
from custody.domain.enums import SampleForm
from custody.domain.weights import parse_grams
from custody.errors import CustodyError
from custody.services import intake
from custody.services.intake import NewExhibit
from custody.services.lab import LabView
from custody.ui.error_text import error_text
from custody.ui.views.intake_steps.step import IntakeState, IntakeStep
from custody.ui.widgets.checked_field import (
    CheckedField,
    optional_text,
    required_text,
    weight,
    whole_number,
)
from custody.ui.widgets.form_combo import SampleFormCombo

__all__ = ["ExhibitStep"]


class ExhibitStep(IntakeStep):
    def __init__(
        self, ctx: AppContext, lab: LabView, state: IntakeState, parent: Any = None
    ) -> None:
        super().__init__(ctx, lab, state, parent)
        self.title = self.tr("Exhibit")
        self.description = CheckedField(
            "exhibit_description",
            required_text(self.tr("description"), 2000),
            placeholder=self.tr("What is seen, without supposition: 220 packages of white powder…"),
            max_length=2000,
        )
        self.substance = CheckedField(
            "exhibit_substance",
            optional_text(self.tr("presumptive substance"), 200),
            placeholder=self.tr("fentanyl"),
            max_length=200,
        )
        self.form_combo = SampleFormCombo("exhibit_form")
        self.units = CheckedField(
            "exhibit_units", whole_number(self.tr("unit count")), max_length=9
        )
        self.packaging = CheckedField(
            "packaging", optional_text(self.tr("packaging"), 300), max_length=300
        )
        self.gross = CheckedField(
            "gross_weight",
            weight(self.tr("gross weight"), required=False),
            placeholder="220000",
            max_length=20,
        )
        form = QFormLayout()
        form.addRow(self.tr("&Description:"), self.description)
        form.addRow(self.tr("Presumptive s&ubstance:"), self.substance)
        form.addRow(self.tr("&Form:"), self.form_combo)
        form.addRow(self.tr("Uni&ts:"), self.units)
        form.addRow(self.tr("&Packaging:"), self.packaging)
        form.addRow(self.tr("&Gross weight (g):"), self.gross)
        self.layout_.addLayout(form)
        self.finish_layout()
        self._fields = (self.description, self.substance, self.units, self.packaging, self.gross)
        for field in self._fields:
            field.checked.connect(self.changed)
        self.reset()

    # --- the flow -----------------------------------------------------------------------------

    def available(self) -> bool:
        return self.state.seizure_id is not None

    def done(self) -> bool:
        return self.state.exhibit_id is not None

    def blocker(self) -> str | None:
        if self.done():
            return None
        for field in self._fields:
            if (problem := field.problem()) is not None:
                return problem
        return None

    def next_text(self) -> str:
        return self.tr("&Next ›") if self.done() else self.tr("Register exhibit && &next ›")

    def commit(self) -> bool:
        if self.done():
            return True
        seizure_id = self.state.seizure_id
        if seizure_id is None:
            return False
        units = self.units.text().strip()
        form = self.form_combo.form() or SampleForm.OTHER  # (this combo always has a form)
        gross = self.gross.text().strip()
        details = NewExhibit(
            self.description.text(),
            form,
            presumptive_substance=self.substance.text() or None,
            unit_count=int(units) if units else None,
            packaging=self.packaging.text() or None,
            gross_weight=gross or None,
        )
        try:
            exhibit_id = self.ctx.perform(
                "register exhibit",
                partial(intake.register_exhibit, seizure_id=seizure_id, details=details),
            )
        except CustodyError as error:
            message = error_text(error)
            lowered = str(error).lower()  # the English message names the field
            target = next(
                (
                    field
                    for word, field in (
                        ("gross weight", self.gross),
                        ("unit count", self.units),
                        ("substance", self.substance),
                        ("packaging", self.packaging),
                    )
                    if word in lowered
                ),
                self.description,
            )
            target.show_refusal(message)
            return False
        state = self.state
        state.exhibit_id = exhibit_id
        state.exhibit_substance = " ".join(self.substance.text().split()) or None
        state.exhibit_form = form
        state.exhibit_gross = parse_grams(gross) if gross else None
        self._lock(True)
        self.show_done(self.tr("Exhibit registered."))
        return True

    def reset(self) -> None:
        for field in self._fields:
            field.clear()
        self.form_combo.setCurrentIndex(0)
        self._lock(False)
        self.show_done("")
        self.changed.emit()

    def _lock(self, locked: bool) -> None:
        self.form_combo.setEnabled(not locked)
        for field in self._fields:
            field.set_locked(locked)
