"""Intake step 4: the samples taken from the exhibit — one at a time ("Add this sample", or
Return in a field), as many as needed; "Next" adds the one being typed, if any, then goes on."""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QPushButton

from custody.context import AppContext
from custody.errors import CustodyError
from custody.services import intake
from custody.services.lab import LabView
from custody.ui.error_text import error_text
from custody.ui.models.sample_table import format_grams
from custody.ui.views.intake_steps.step import IntakeState, IntakeStep
from custody.ui.widgets.sample_entry import SampleEntry

__all__ = ["SamplesStep"]


class SamplesStep(IntakeStep):
    def __init__(
        self, ctx: AppContext, lab: LabView, state: IntakeState, parent: Any = None
    ) -> None:
        super().__init__(ctx, lab, state, parent)
        self.title = self.tr("Samples")
        self.source = QLabel()
        self.source.setObjectName("sample_source")
        self.entry = SampleEntry("sample")
        self.add_button = QPushButton(self.tr("&Add this sample"))
        self.add_button.setObjectName("add_sample")
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.registered = QListWidget()
        self.registered.setObjectName("registered")
        self.registered.setMaximumHeight(140)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.add_button)
        self.layout_.addWidget(self.source)
        self.layout_.addWidget(self.entry)
        self.layout_.addLayout(row)
        self.layout_.addWidget(QLabel(self.tr("Registered from this exhibit:")))
        self.layout_.addWidget(self.registered)
        self.finish_layout()
        self.entry.changed.connect(self._on_entry_changed)
        for field in self.entry.fields():  # Return adds the sample typed (the balance's rhythm)
            field.edit.returnPressed.connect(self._on_add_button_clicked)
        self.reset()

    # --- the flow -----------------------------------------------------------------------------

    def available(self) -> bool:
        return self.state.exhibit_id is not None

    def done(self) -> bool:
        return self.registered.count() > 0

    def blocker(self) -> str | None:
        if not self.entry.is_blank():
            return self.entry.problem()
        if not self.done():
            return self.tr("Enter the first sample taken from the exhibit.")
        return None

    def next_text(self) -> str:
        if self.entry.is_blank():
            return self.tr("&Next ›")
        return self.tr("Add sample && &next ›")

    def commit(self) -> bool:
        return self.entry.is_blank() or self._add()

    def enter(self) -> None:
        state = self.state
        self.source.setText(
            self.tr("Samples of the exhibit just registered in case {case}.").format(
                case=state.case_number
            )
        )
        self.entry.inherit(state.exhibit_substance, state.exhibit_form)

    def reset(self) -> None:
        """A new exhibit or intake: a fresh list (the balance ID stays)."""
        self.registered.clear()
        self.entry.clear()
        self._update()

    # --- internals ----------------------------------------------------------------------------

    def _add(self) -> bool:
        exhibit_id = self.state.exhibit_id
        if exhibit_id is None:
            return False
        self.entry.reveal()
        if self.entry.problem() is not None:
            return False
        try:
            view = self.ctx.perform(
                "register sample",
                partial(
                    intake.register_sample, exhibit_id=exhibit_id, details=self.entry.new_sample()
                ),
            )
        except CustodyError as error:
            field = self.entry.route(str(error)) or self.entry.description
            field.show_refusal(error_text(error))
            return False
        self.state.samples.append(view)
        self.registered.addItem(
            self.tr("{code} — {weight} g — {description}").format(
                code=view.code, weight=format_grams(view.net_weight), description=view.description
            )
        )
        self.source.setText(
            self.tr("Samples of exhibit {exhibit} of case {case}.").format(
                exhibit=view.exhibit_number, case=view.case_number
            )
        )
        self.entry.clear()
        self.entry.description.setFocus()
        self.sample_changed.emit(view.code)
        self._update()
        return True

    def _on_add_button_clicked(self) -> None:
        if not self.entry.is_blank():
            self._add()

    def _on_entry_changed(self) -> None:
        self._update()

    def _update(self) -> None:
        self.add_button.setEnabled(not self.entry.is_blank() and self.entry.problem() is None)
        self.changed.emit()
