"""Intake step 1: the case — a new one (number, institution, opened date, RCC reference, DEA
file number) or an existing one found by its number."""

from __future__ import annotations

from datetime import date
from functools import partial
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QFormLayout, QRadioButton

from custody.context import AppContext
from custody.errors import CustodyError
from custody.services import intake
from custody.services.lab import LabView
from custody.ui.error_text import error_text
from custody.ui.i18n import date_format
from custody.ui.views.intake_steps.step import IntakeState, IntakeStep
from custody.ui.widgets.checked_field import CheckedField, optional_text, required_text

__all__ = ["CaseStep"]

INSTITUTIONS = ("FGR", "FGR / ANAM", "FGR / SEMAR", "FGR / Guardia Nacional", "ANAM", "SEMAR")


class CaseStep(IntakeStep):
    def __init__(
        self, ctx: AppContext, lab: LabView, state: IntakeState, parent: Any = None
    ) -> None:
        super().__init__(ctx, lab, state, parent)
        self.title = self.tr("Case")
        self.new_radio = QRadioButton(self.tr("Register a ne&w case"))
        self.new_radio.setObjectName("case_new")
        self.existing_radio = QRadioButton(self.tr("Add to an e&xisting case"))
        self.existing_radio.setObjectName("case_existing")
        self.new_radio.setChecked(True)
        self.number = CheckedField(
            "case_number",
            required_text(self.tr("case number (NUC)"), 100),
            placeholder="FED/CDMX/AICM/0004417/2026",
            max_length=100,
        )
        self.institution = CheckedField(
            "institution",
            required_text(self.tr("seizing institution"), 200),
            placeholder="FGR / ANAM",
            max_length=200,
        )
        self.institution.suggest(INSTITUTIONS)
        self.opened = QDateEdit()
        self.opened.setObjectName("opened_on")
        self.opened.setCalendarPopup(True)
        self.opened.setDisplayFormat(date_format())
        self.rcc = CheckedField("rcc_reference", optional_text(self.tr("RCC reference"), 100))
        self.dea = CheckedField("dea_file", optional_text(self.tr("DEA file number"), 100))
        form = QFormLayout()
        form.addRow(self.new_radio)
        form.addRow(self.existing_radio)
        form.addRow(self.tr("Case n&umber (NUC):"), self.number)
        form.addRow(self.tr("Seizing &institution:"), self.institution)
        form.addRow(self.tr("&Opened on:"), self.opened)
        form.addRow(self.tr("&RCC reference:"), self.rcc)
        form.addRow(self.tr("&DEA file number:"), self.dea)
        self.layout_.addLayout(form)
        self.finish_layout()
        self._new_only = (self.institution, self.opened, self.rcc, self.dea)
        for field in (self.number, self.institution, self.rcc, self.dea):
            field.checked.connect(self.changed)
        self.new_radio.toggled.connect(self._on_new_radio_toggled)
        self.reset()

    def _today(self) -> QDate:
        today = self.ctx.clock().astimezone(ZoneInfo(self.lab.timezone)).date()
        return QDate(today.year, today.month, today.day)

    def _opened_on(self) -> date:
        day = self.opened.date()
        return date(day.year(), day.month(), day.day())

    # --- the flow -----------------------------------------------------------------------------

    def done(self) -> bool:
        return self.state.case_id is not None

    def blocker(self) -> str | None:
        if self.done():
            return None
        fields = [self.number]
        if self.new_radio.isChecked():
            fields += [self.institution, self.rcc, self.dea]
        for field in fields:
            if (problem := field.problem()) is not None:
                return problem
        return None

    def next_text(self) -> str:
        if self.done():
            return self.tr("&Next ›")
        if self.new_radio.isChecked():
            return self.tr("Register case && &next ›")
        return self.tr("Use this case && &next ›")

    def commit(self) -> bool:
        if self.done():
            return True
        number = self.number.text()
        try:
            if self.new_radio.isChecked():
                case_id = self.ctx.perform(
                    "register case",
                    partial(
                        intake.register_case,
                        case_number=number,
                        institution=self.institution.text(),
                        opened_on=self._opened_on(),
                        rcc_reference=self.rcc.text() or None,
                        dea_file_number=self.dea.text() or None,
                    ),
                )
                note = self.tr("Case {number} registered.")
            else:
                case_id = self.ctx.query(partial(intake.find_case, case_number=number))
                note = self.tr("Adding to case {number}.")
        except CustodyError as error:
            self._refused(error_text(error))
            return False
        self.state.case_id = case_id
        self.state.case_number = " ".join(number.split())
        self._lock(True)
        self.show_done(note.format(number=self.state.case_number))
        return True

    def reset(self) -> None:
        for field in (self.number, self.institution, self.rcc, self.dea):
            field.clear()
        self.opened.setMaximumDate(self._today())
        self.opened.setDate(self._today())
        self.new_radio.setChecked(True)
        self._lock(False)
        self.show_done("")
        self.changed.emit()

    # --- internals ----------------------------------------------------------------------------

    def _refused(self, message: str) -> None:
        lowered = message.lower()
        if "institution" in lowered:
            self.institution.show_refusal(message)
        elif "rcc" in lowered:
            self.rcc.show_refusal(message)
        elif "dea file" in lowered:
            self.dea.show_refusal(message)
        else:  # the number: a duplicate, an unknown case, a bad number
            self.number.show_refusal(message)

    def _lock(self, locked: bool) -> None:
        for widget in (self.new_radio, self.existing_radio, self.opened):
            widget.setEnabled(not locked)
        for field in (self.number, self.institution, self.rcc, self.dea):
            field.set_locked(locked)
        if not locked:
            self._on_new_radio_toggled(self.new_radio.isChecked())

    def _on_new_radio_toggled(self, new: bool) -> None:
        for widget in self._new_only:
            widget.setEnabled(new)
        self.changed.emit()
