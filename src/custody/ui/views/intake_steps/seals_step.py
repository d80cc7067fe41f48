"""Intake step 5: a seal number for every sample of this intake that is not sealed yet (new
samples and sub-samples are sealed; a sample opened for a sub-sample is resealed).

"Seal" performs one action per sample, in order; a refused seal number is shown under its
field and the samples sealed before it stay sealed (each seal is its own action)."""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from custody.context import AppContext
from custody.domain.enums import SampleStatus
from custody.domain.text import TextError, required
from custody.errors import CustodyError
from custody.services import seals
from custody.services.lab import LabView
from custody.services.views import SampleView
from custody.ui.error_text import error_text
from custody.ui.views.intake_steps.step import DONE_STYLE, IntakeState, IntakeStep
from custody.ui.widgets.checked_field import CheckedField

__all__ = ["SealsStep"]


class SealsStep(IntakeStep):
    def __init__(
        self, ctx: AppContext, lab: LabView, state: IntakeState, parent: Any = None
    ) -> None:
        super().__init__(ctx, lab, state, parent)
        self.title = self.tr("Seals")
        self.fields: dict[str, CheckedField] = {}  # sample ID -> its seal number field
        self._typed: dict[str, str] = {}
        intro = QLabel(
            self.tr(
                "Seal each sample and enter the number printed on its seal. Every seal number "
                "is used once."
            )
        )
        intro.setWordWrap(True)
        self.rows = QWidget()
        self.rows.setObjectName("seal_rows")
        self.rows_layout = QVBoxLayout(self.rows)
        self.rows_layout.setContentsMargins(0, 0, 0, 0)
        self.layout_.addWidget(intro)
        self.layout_.addWidget(self.rows)
        self.finish_layout()

    # --- the flow -----------------------------------------------------------------------------

    def available(self) -> bool:
        return bool(self.state.samples or self.state.parents)

    def done(self) -> bool:
        return self.available() and not self.state.unsealed()

    def blocker(self) -> str | None:
        for field in self.fields.values():
            if (problem := field.problem()) is not None:
                return problem
        return None

    def next_text(self) -> str:
        return self.tr("&Seal && next ›") if self.fields else self.tr("&Next ›")

    def enter(self) -> None:
        self._rebuild()

    def reset(self) -> None:
        self._typed.clear()
        self._rebuild()

    def commit(self) -> bool:
        for field in self.fields.values():
            field.reveal()
        if self.blocker() is not None:
            return False
        failed: tuple[str, str] | None = None
        for sample in self.state.unsealed():
            serial = self.fields[sample.code].text()
            service = seals.seal if sample.status is SampleStatus.REGISTERED else seals.reseal
            try:
                view = self.ctx.perform(
                    "seal" if service is seals.seal else "reseal",
                    partial(service, sample_id=sample.id, serial=serial),
                )
            except CustodyError as error:
                failed = (sample.code, error_text(error))
                break
            self.state.update(view)
            self._typed.pop(sample.code, None)
            self.sample_changed.emit(view.code)
        self._rebuild()
        if failed is not None:
            code, message = failed
            self.fields[code].show_refusal(message)
            return False
        return True

    # --- rows ---------------------------------------------------------------------------------

    def _rebuild(self) -> None:
        for code, field in self.fields.items():
            self._typed[code] = field.text()
        self.fields.clear()
        while (item := self.rows_layout.takeAt(0)) is not None:
            if (widget := item.widget()) is not None:
                widget.deleteLater()
        pending = {s.id for s in self.state.unsealed()}
        shown: list[SampleView] = [*self.state.samples, *self.state.parents]
        form_holder = QWidget()
        form = QFormLayout(form_holder)
        form.setContentsMargins(0, 0, 0, 0)
        for sample in shown:
            caption = QLabel(self._caption(sample, sample.id in pending))
            caption.setTextFormat(Qt.TextFormat.PlainText)
            if sample.id not in pending:
                done = QLabel(self.tr("✓ sealed: {seals}").format(seals=", ".join(sample.seals)))
                done.setStyleSheet(DONE_STYLE)
                form.addRow(caption, done)
                continue
            field = CheckedField(f"seal_{sample.code}", partial(self._check, sample.code))
            field.set_text(self._typed.get(sample.code, ""))
            field.checked.connect(self._on_field_checked)
            self.fields[sample.code] = field
            form.addRow(caption, field)
        self.rows_layout.addWidget(form_holder)
        if not shown:
            self.rows_layout.addWidget(QLabel(self.tr("No samples registered yet.")))
        self.show_done(self.tr("Every sample of this intake is sealed.") if self.done() else "")
        self.changed.emit()

    def _caption(self, sample: SampleView, pending: bool) -> str:
        if pending and sample.status is SampleStatus.OPENED:
            return self.tr("{code} (opened; reseal):").format(code=sample.code)
        return self.tr("{code} — {description}:").format(
            code=sample.code, description=sample.description[:40]
        )

    def _check(self, code: str, value: str) -> str | None:
        try:
            serial = required(value, self.tr("seal number"), max_len=64).upper()
        except TextError as error:
            return error_text(error)
        for other, field in self.fields.items():
            if other != code and " ".join(field.text().split()).upper() == serial:
                return self.tr("The same seal number is typed for {other}.").format(other=other)
        return None

    def _on_field_checked(self) -> None:
        for field in self.fields.values():  # a duplicate elsewhere may have gone or come
            field.blockSignals(True)
            field.recheck()
            field.blockSignals(False)
        self.changed.emit()
