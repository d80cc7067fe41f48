"""The actions on one sample that need a few values first: seal, open, reseal, re-weigh.

Each opens its :class:`SampleActionDialog` (which only collects the values); when the dialog is
submitted, the service runs as one action through ``ctx.perform``. A refusal stays in the
dialog next to the field it concerns; a success closes it and emits :attr:`performed`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QDialog, QWidget

from custody.context import AppContext
from custody.errors import CustodyError, Refusal
from custody.services import seals
from custody.services.views import SampleView
from custody.services.work import Work
from custody.ui.dialogs.sample_action import SampleActionDialog
from custody.ui.error_text import error_text

__all__ = ["SampleActions"]


def _seal_field(error: CustodyError) -> str | None:
    """A refused seal number ("used already") belongs under the seal number field."""
    subject = error.subject if isinstance(error, Refusal) else None
    return "serial" if subject and subject.startswith("seal:") else None


class SampleActions(QObject):
    performed = Signal(str, object)  # the action ("seal", "open", "reseal", "re-weigh"), result

    def __init__(self, ctx: AppContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._widget = parent
        self.dialog: QDialog | None = None  # the dialog open now (tests drive it)

    def show_dialog(self, dialog: QDialog) -> None:
        """Open ``dialog`` window-modal, without blocking; forget it once closed."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._on_dialog_finished)
        self.dialog = dialog
        dialog.open()

    def seal(self, sample: SampleView) -> None:
        dialog = SampleActionDialog.seal(sample.code, self._widget)

        def action(work: Work) -> SampleView:
            return seals.seal(work, sample.id, dialog.value("serial"))

        self._run(dialog, "seal", action, _seal_field)

    def reseal(self, sample: SampleView) -> None:
        dialog = SampleActionDialog.reseal(sample.code, self._widget)

        def action(work: Work) -> SampleView:
            return seals.reseal(work, sample.id, dialog.value("serial"))

        self._run(dialog, "reseal", action, _seal_field)

    def open_sample(self, sample: SampleView) -> None:
        dialog = SampleActionDialog.open_sample(sample.code, sample.seals, self._widget)

        def action(work: Work) -> SampleView:
            intact = bool(dialog.choice("seal_intact"))
            return seals.open_sample(work, sample.id, dialog.value("purpose"), seal_intact=intact)

        self._run(dialog, "open", action)

    def reweigh(self, sample: SampleView) -> None:
        dialog = SampleActionDialog.reweigh(
            sample.code, sample.net_weight, sample.balance_id, self._widget
        )

        def action(work: Work) -> seals.ReweighResult:
            return seals.reweigh(work, sample.id, dialog.value("weight"), dialog.value("balance"))

        self._run(dialog, "re-weigh", action)

    def _run(
        self,
        dialog: SampleActionDialog,
        label: str,
        action: Callable[[Work], Any],
        field: Callable[[CustodyError], str | None] = lambda _error: None,
    ) -> None:
        def submitted() -> None:
            try:
                result = self.ctx.perform(label, action)
            except CustodyError as error:
                dialog.show_refusal(error_text(error), field(error))
                return
            dialog.accept()
            self.performed.emit(label, result)

        dialog.submitted.connect(submitted)
        self.show_dialog(dialog)

    def _on_dialog_finished(self, _result: int) -> None:
        self.dialog = None
