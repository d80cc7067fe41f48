"""Intake, as a guided flow for the technician: case → seizure → exhibit → samples → seals →
sub-sample (optional) → print labels now.

The steps are listed on the left (a step opens once what it builds on exists; a registered
step is ticked) and shown one at a time on the right. Fields are checked as they are typed;
"Next" stays disabled, with the reason beside it, until the step is valid. Each "Next" is one
service action (register the case, the seizure, the exhibit, a sample, one seal…), each atomic:
nothing is ever half-saved, and a refusal is shown under the field it concerns.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from custody.context import AppContext
from custody.services.lab import LabView
from custody.ui.views.intake_steps.case_step import CaseStep
from custody.ui.views.intake_steps.exhibit_step import ExhibitStep
from custody.ui.views.intake_steps.labels_step import LabelsStep
from custody.ui.views.intake_steps.samples_step import SamplesStep
from custody.ui.views.intake_steps.seals_step import SealsStep
from custody.ui.views.intake_steps.seizure_step import SeizureStep
from custody.ui.views.intake_steps.step import IntakeState, IntakeStep
from custody.ui.views.intake_steps.subsample_step import SubsampleStep
from custody.ui.views.sample_detail import PrintDialogFactory, print_labels_dialog

__all__ = ["IntakeView"]


class IntakeView(QWidget):
    sample_changed = Signal(str)  # a sample was registered, sealed, opened… (its ID)
    sample_activated = Signal(str)  # the technician asked to see a sample of this intake

    def __init__(
        self,
        ctx: AppContext,
        lab: LabView,
        parent: Any = None,
        *,
        print_dialog: PrintDialogFactory = print_labels_dialog,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.lab = lab
        self.state = IntakeState()
        self.case = CaseStep(ctx, lab, self.state)
        self.seizure = SeizureStep(ctx, lab, self.state)
        self.exhibit = ExhibitStep(ctx, lab, self.state)
        self.samples = SamplesStep(ctx, lab, self.state)
        self.seals = SealsStep(ctx, lab, self.state)
        self.subsample = SubsampleStep(ctx, lab, self.state)
        self.labels = LabelsStep(ctx, lab, self.state, print_dialog=print_dialog)
        self.steps: list[IntakeStep] = [
            self.case,
            self.seizure,
            self.exhibit,
            self.samples,
            self.seals,
            self.subsample,
            self.labels,
        ]
        self._build()
        for step in self.steps:
            step.changed.connect(self._on_step_changed)
            step.sample_changed.connect(self.sample_changed)
        self.labels.another_exhibit_requested.connect(self.another_exhibit)
        self.labels.new_intake_requested.connect(self.new_intake)
        self.labels.sample_activated.connect(self.sample_activated)
        self.go_to(0)

    def _build(self) -> None:
        self.step_list = QListWidget()
        self.step_list.setObjectName("steps")
        self.step_list.setFixedWidth(190)
        self.step_list.setSpacing(3)
        for step in self.steps:
            self.step_list.addItem(QListWidgetItem(step.title))
        self.step_list.currentRowChanged.connect(self._on_step_list_current_row_changed)
        self.stack = QStackedWidget()
        for step in self.steps:
            self.stack.addWidget(step)
        self.title_label = QLabel()
        self.title_label.setObjectName("step_title")
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title_label.setFont(font)
        self.blocker_label = QLabel()
        self.blocker_label.setObjectName("blocker")
        self.blocker_label.setWordWrap(True)
        self.blocker_label.setTextFormat(Qt.TextFormat.PlainText)
        self.blocker_label.setStyleSheet("color: #b00020;")
        self.back_button = QPushButton(self.tr("‹ Bac&k"))
        self.back_button.setObjectName("back")
        self.back_button.clicked.connect(self._on_back_button_clicked)
        self.next_button = QPushButton()
        self.next_button.setObjectName("next")
        self.next_button.clicked.connect(self._on_next_button_clicked)
        bar = QHBoxLayout()
        bar.addWidget(self.blocker_label, 1)
        bar.addWidget(self.back_button)
        bar.addWidget(self.next_button)
        right = QVBoxLayout()
        right.addWidget(self.title_label)
        right.addWidget(self.stack, 1)
        right.addLayout(bar)
        layout = QHBoxLayout(self)
        layout.addWidget(self.step_list)
        layout.addLayout(right, 1)
        shortcut = QShortcut(QKeySequence("Ctrl+Return"), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self._on_next_button_clicked)

    # --- navigation ---------------------------------------------------------------------------

    @property
    def current(self) -> IntakeStep:
        return self.steps[self.stack.currentIndex()]

    def go_to(self, index: int) -> bool:
        """Show step ``index`` if it is available; False if not."""
        step = self.steps[index]
        if not step.available():
            return False
        self.stack.setCurrentIndex(index)
        step.enter()
        self.step_list.blockSignals(True)
        self.step_list.setCurrentRow(index)
        self.step_list.blockSignals(False)
        self.title_label.setText(
            self.tr("Step {n} of {total}: {title}").format(
                n=index + 1, total=len(self.steps), title=step.title
            )
        )
        self._update()
        step.focus_first()
        return True

    def next_step(self) -> None:
        """Perform the current step's action; on success, open the next available step (the
        Seals step after a sub-sample was drawn)."""
        step = self.current
        if step.blocker() is not None or not step.commit():
            self._update()
            return
        if step is self.subsample and self.state.unsealed():
            self.go_to(self.steps.index(self.seals))  # the sub-sample and its parent: seal them
            return
        index = self.steps.index(step)
        for later in range(index + 1, len(self.steps)):
            if self.go_to(later):
                return
        self._update()

    def new_intake(self) -> None:
        """Start over: a new case (what was registered stays registered)."""
        self.state.clear()
        for step in self.steps:
            step.reset()
        self.go_to(0)

    def another_exhibit(self) -> None:
        """Register another exhibit of the same seizure, and its samples."""
        self.state.forget_exhibit()
        self.state.samples.clear()
        self.state.parents.clear()
        for step in (self.exhibit, self.samples, self.seals, self.subsample, self.labels):
            step.reset()
        self.go_to(self.steps.index(self.exhibit))

    # --- internals ----------------------------------------------------------------------------

    def _update(self) -> None:
        step = self.current
        blocker = step.blocker()
        last = step is self.steps[-1]
        self.blocker_label.setText(blocker or "")
        self.next_button.setText(step.next_text())
        self.next_button.setEnabled(blocker is None and not last)
        self.next_button.setVisible(not last)
        self.back_button.setEnabled(self.stack.currentIndex() > 0)
        for index, each in enumerate(self.steps):
            item = self.step_list.item(index)
            mark = "✓ " if each.done() else ""
            item.setText(f"{mark}{index + 1}. {each.title}")
            flags = Qt.ItemFlag.ItemIsSelectable
            if each.available():
                flags |= Qt.ItemFlag.ItemIsEnabled
            item.setFlags(flags)

    def _on_step_changed(self) -> None:
        if self.sender() is self.current:
            self._update()

    def _on_next_button_clicked(self) -> None:
        if self.next_button.isEnabled():
            self.next_step()

    def _on_back_button_clicked(self) -> None:
        index = self.stack.currentIndex()
        for earlier in range(index - 1, -1, -1):
            if self.go_to(earlier):
                return

    def _on_step_list_current_row_changed(self, row: int) -> None:
        if row >= 0 and not self.go_to(row):
            self.step_list.blockSignals(True)
            self.step_list.setCurrentRow(self.stack.currentIndex())
            self.step_list.blockSignals(False)
