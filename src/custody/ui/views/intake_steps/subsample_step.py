"""Intake step 6 (optional): draw a sub-sample from a sample — one of this intake or any other,
found by its ID (typed or scanned). The sample must be opened first ("Open it…" breaks its
seals); the sub-sample gets its own ID and weight, and both are sealed in the Seals step."""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QListWidget, QPushButton

from custody.context import AppContext
from custody.domain.enums import EventType, SampleStatus
from custody.domain.ids import InvalidIdError, lookup_key
from custody.errors import CustodyError
from custody.services import intake, lookup
from custody.services.lab import LabView
from custody.services.views import SampleView
from custody.ui.error_text import error_text
from custody.ui.labels import status_label
from custody.ui.models.sample_table import format_grams
from custody.ui.views.intake_steps.step import IntakeState, IntakeStep
from custody.ui.views.sample_actions import SampleActions
from custody.ui.views.sample_detail import ctx_year
from custody.ui.widgets.checked_field import CheckedField
from custody.ui.widgets.sample_entry import SampleEntry

__all__ = ["SubsampleStep"]


class SubsampleStep(IntakeStep):
    def __init__(
        self, ctx: AppContext, lab: LabView, state: IntakeState, parent: Any = None
    ) -> None:
        super().__init__(ctx, lab, state, parent)
        self.title = self.tr("Sub-sample")
        self.opener = SampleActions(ctx, self)
        self.opener.performed.connect(self._on_actions_performed)
        self._found: dict[str, SampleView | str] = {}  # typed ID -> the sample, or why not
        self.parent_field = CheckedField(
            "parent", self._check_parent, placeholder=f"{lab.site_prefix}-{ctx_year(ctx)}-000123"
        )
        self.parent_status = QLabel()
        self.parent_status.setObjectName("parent_status")
        self.parent_status.setTextFormat(Qt.TextFormat.PlainText)
        self.parent_status.setWordWrap(True)
        self.open_button = QPushButton(self.tr("&Open it…"))
        self.open_button.setObjectName("open_parent")
        self.open_button.clicked.connect(self._on_open_button_clicked)
        self.entry = SampleEntry("sub")
        self.draw_button = QPushButton(self.tr("D&raw this sub-sample"))
        self.draw_button.setObjectName("draw")
        self.draw_button.clicked.connect(self._on_draw_button_clicked)
        self.drawn = QListWidget()
        self.drawn.setObjectName("drawn")
        self.drawn.setMaximumHeight(100)
        form = QFormLayout()
        form.addRow(self.tr("Draw from sample (&ID):"), self.parent_field)
        status_row = QHBoxLayout()
        status_row.addWidget(self.parent_status, 1)
        status_row.addWidget(self.open_button)
        form.addRow("", status_row)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.draw_button)
        intro = QLabel(self.tr("Optional. Leave the form empty and press Next to skip."))
        intro.setWordWrap(True)
        self.layout_.addWidget(intro)
        self.layout_.addLayout(form)
        self.layout_.addWidget(self.entry)
        self.layout_.addLayout(buttons)
        self.layout_.addWidget(QLabel(self.tr("Sub-samples drawn in this intake:")))
        self.layout_.addWidget(self.drawn)
        self.finish_layout()
        self.parent_field.checked.connect(self._update)
        self.entry.changed.connect(self._update)
        self._update()

    def parent_sample(self) -> SampleView | None:
        found = self._found.get(self.parent_field.text().strip())
        return found if isinstance(found, SampleView) else None

    # --- the flow -----------------------------------------------------------------------------

    def done(self) -> bool:
        return self.drawn.count() > 0

    def blocker(self) -> str | None:
        if self.entry.is_blank():
            return None  # nothing to draw: Next skips the step
        if (problem := self.parent_field.problem()) is not None:
            return problem
        parent = self.parent_sample()
        if parent is not None and parent.status is not SampleStatus.OPENED:
            return self.tr(
                "Open {code} first: a sub-sample is drawn from an opened sample."
            ).format(code=parent.code)
        return self.entry.problem()

    def next_text(self) -> str:
        if self.entry.is_blank():
            return self.tr("&Next ›")
        return self.tr("Draw sub-sample && &next ›")

    def commit(self) -> bool:
        return self.entry.is_blank() or self._draw()

    def enter(self) -> None:
        if not self.entry.balance.text() and self.state.samples:
            self.entry.balance.set_text(self.state.samples[-1].balance_id)

    def reset(self) -> None:
        self._found.clear()
        self.parent_field.clear()
        self.entry.clear()
        self.drawn.clear()
        self._update()

    # --- the parent ---------------------------------------------------------------------------

    def _check_parent(self, value: str) -> str | None:
        typed = value.strip()
        if not typed:
            return self.tr("Enter or scan the ID of the sample to draw from.")
        if typed not in self._found:
            try:
                lookup_key(typed)
                self._found[typed] = self.ctx.query(partial(lookup.find_sample, raw=typed))
            except InvalidIdError as error:
                self._found[typed] = error_text(error)
            except CustodyError as error:
                self._found[typed] = error_text(error)
        found = self._found[typed]
        return found if isinstance(found, str) else None

    def _refresh_parent(self) -> None:
        self._found.clear()
        self.parent_field.recheck()

    def _on_open_button_clicked(self) -> None:
        if (parent := self.parent_sample()) is not None:
            self.opener.open_sample(parent)

    def _on_actions_performed(self, _label: str, view: object) -> None:
        if isinstance(view, SampleView):
            self.state.add_parent(view)
            self._refresh_parent()
            self.sample_changed.emit(view.code)

    # --- drawing ------------------------------------------------------------------------------

    def _draw(self) -> bool:
        self.entry.reveal()
        parent = self.parent_sample()
        if parent is None or self.blocker() is not None:
            return False
        try:
            child = self.ctx.perform(
                "sub-sample",
                partial(intake.subsample, parent_id=parent.id, details=self.entry.new_sample()),
            )
            remains = self.ctx.query(partial(lookup.find_sample, raw=parent.code))
        except CustodyError as error:
            field = self.entry.route(str(error)) or self.parent_field
            field.show_refusal(error_text(error))
            return False
        self.state.samples.append(child)
        self.state.add_parent(remains)
        self.drawn.addItem(
            self.tr("{code} — {weight} g from {parent} ({left} g left)").format(
                code=child.code,
                weight=format_grams(child.net_weight),
                parent=parent.code,
                left=format_grams(remains.net_weight),
            )
        )
        self.entry.clear()
        self._refresh_parent()
        self.sample_changed.emit(child.code)
        self.sample_changed.emit(parent.code)
        return True

    def _on_draw_button_clicked(self) -> None:
        self._draw()

    def _update(self) -> None:
        parent = self.parent_sample()
        if parent is None:
            self.parent_status.clear()
            self.open_button.setEnabled(False)
        else:
            self.parent_status.setText(
                self.tr("{code}: {status}, {weight} g, held by {holder}.").format(
                    code=parent.code,
                    status=status_label(parent.status).lower(),
                    weight=format_grams(parent.net_weight),
                    holder=parent.holder or self.tr("nobody (in storage)"),
                )
            )
            self.open_button.setEnabled(EventType.OPEN in parent.allowed)
            self.entry.inherit(parent.presumptive_substance, parent.form)
        ready = not self.entry.is_blank() and self.blocker() is None
        self.draw_button.setEnabled(ready)
        self.changed.emit()
