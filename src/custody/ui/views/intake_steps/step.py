"""What every intake step has: the shared state, a title, why "Next" is not possible yet, and
the one service action that "Next" performs (:meth:`IntakeStep.commit`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from custody.context import AppContext
from custody.domain.enums import SampleForm, SampleStatus
from custody.services.lab import LabView
from custody.services.views import SampleView

__all__ = ["DONE_STYLE", "IntakeState", "IntakeStep"]

DONE_STYLE = "color: #1b5e20; font-weight: bold;"
_UNSEALED = (SampleStatus.REGISTERED, SampleStatus.OPENED)


@dataclass
class IntakeState:
    """What this intake registered so far (ids of the records, and the samples' read models)."""

    case_id: int | None = None
    case_number: str = ""
    seizure_id: int | None = None
    exhibit_id: int | None = None
    exhibit_substance: str | None = None
    exhibit_form: SampleForm | None = None
    exhibit_gross: Decimal | None = None
    samples: list[SampleView] = field(default_factory=list)  # new samples and sub-samples
    parents: list[SampleView] = field(default_factory=list)  # opened to draw sub-samples

    def update(self, view: SampleView) -> None:
        """Keep the newest read model of a sample this intake touched."""
        for group in (self.samples, self.parents):
            for index, old in enumerate(group):
                if old.id == view.id:
                    group[index] = view

    def add_parent(self, view: SampleView) -> None:
        if all(p.id != view.id for p in self.parents):
            self.parents.append(view)
        self.update(view)

    def unsealed(self) -> list[SampleView]:
        """Samples of this intake still to seal (new) or reseal (opened)."""
        return [s for s in (*self.samples, *self.parents) if s.status in _UNSEALED]

    def clear(self) -> None:
        """A new intake: nothing registered yet."""
        self.case_id = self.seizure_id = None
        self.case_number = ""
        self.forget_exhibit()
        self.samples.clear()
        self.parents.clear()

    def forget_exhibit(self) -> None:
        self.exhibit_id = None
        self.exhibit_substance = self.exhibit_form = self.exhibit_gross = None


class IntakeStep(QWidget):
    """One page of the flow. ``changed`` says that :meth:`blocker` may have changed."""

    changed = Signal()
    sample_changed = Signal(str)  # a sample was registered, sealed, opened… (its ID)

    title = ""

    def __init__(
        self, ctx: AppContext, lab: LabView, state: IntakeState, parent: Any = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.lab = lab
        self.state = state
        self.layout_ = QVBoxLayout(self)
        self.done_label = QLabel()
        self.done_label.setObjectName(f"{self.objectName() or 'step'}_done")
        self.done_label.setTextFormat(Qt.TextFormat.PlainText)
        self.done_label.setWordWrap(True)
        self.done_label.setStyleSheet(DONE_STYLE)
        self.done_label.hide()

    def finish_layout(self) -> None:
        self.layout_.addWidget(self.done_label)
        self.layout_.addStretch(1)

    # --- the flow asks ------------------------------------------------------------------------

    def available(self) -> bool:
        """Whether the step can be opened now (what it builds on exists)."""
        return True

    def done(self) -> bool:
        """Whether the step's record exists (the step list ticks it)."""
        return False

    def blocker(self) -> str | None:
        """Why "Next" cannot run now, or None."""
        return None

    def next_text(self) -> str:
        return self.tr("&Next ›")

    def commit(self) -> bool:
        """Perform this step's service action (if any); True to go on to the next step."""
        return True

    def enter(self) -> None:
        """The step is shown: bring it up to date with the shared state."""

    def reset(self) -> None:
        """A new intake starts: forget what was typed."""

    def focus_first(self) -> None:
        """Put the cursor in the first field that can be typed in."""
        for edit in self.findChildren(QLineEdit):
            if edit.isEnabled() and not edit.isReadOnly() and edit.isVisibleTo(self):
                edit.setFocus()
                return

    def show_done(self, text: str) -> None:
        self.done_label.setText(text)
        self.done_label.setVisible(bool(text))
