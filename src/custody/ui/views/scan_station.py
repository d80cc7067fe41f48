"""The scan station of the evidence clerk at the counter: scan, see, act.

One large scan field that always has the focus (it takes it back after every scan, action and
dialog); the context (F2 Find, F3 Receive, F4 Put away, F5 Pack, F6 Reconcile) says what a scan
does; the result card shows the sample, or why the scan was refused, in green or red with a
short sound; the history lists the last scans. Every scan is one user action through
`AppContext.perform`, so a refused label (forged, voided, another lab's) is journaled.

A scanner burst typed while the focus is anywhere else reaches :meth:`handle_scan` through
:class:`custody.ui.scan_filter.ScannerBurstFilter` (the main window connects them).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QInputDialog, QLineEdit, QVBoxLayout, QWidget

from custody import keyfile
from custody.context import AppContext
from custody.domain.ids import InvalidIdError, lookup_key
from custody.errors import CustodyError, StorageError
from custody.services import custody, lookup, shipments
from custody.services.lab import LabView
from custody.services.labels import ScanContext
from custody.services.views import SampleView
from custody.ui.dialogs.hand_over import HandOverDialog
from custody.ui.error_text import error_text, message_text
from custody.ui.views import scan_steps
from custody.ui.views.scan_feedback import ScanFeedback, Sound, system_sound
from custody.ui.views.scan_panels import ScanPanels
from custody.ui.views.scan_steps import NO_AFFIX, Affix
from custody.ui.widgets.scan_card import Verdict

__all__ = ["ScanStationView"]


def _typed_sample_id(text: str) -> bool:
    """A sample ID typed by hand (MX-AICM-2026-000123), not a label payload."""
    if "-" not in text:
        return False
    try:
        lookup_key(text)
    except InvalidIdError:
        return False
    return True


class ScanStationView(QWidget):
    scan_handled = Signal(str, str)  # the Verdict value, the headline shown

    def __init__(
        self,
        ctx: AppContext,
        lab: LabView,
        parent: Any = None,
        *,
        sound: Sound = system_sound,
        affix: Affix = NO_AFFIX,
        history_size: int = 50,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("scan_station")
        self.ctx = ctx
        self.lab = lab
        self.affix = affix
        self._key: bytes | None = None
        self.context = ScanContext.FIND
        self.location: str | None = None  # where Put away stores the samples scanned
        self._waiting: SampleView | None = None  # to store once a location is scanned
        self.purpose_dialog: QInputDialog | None = None
        self.hand_over_dialog: HandOverDialog | None = None

        self.scan_edit = QLineEdit()
        self.scan_edit.setObjectName("scan_field")
        self.scan_edit.setClearButtonEnabled(True)
        font = QFont(self.scan_edit.font())
        font.setPointSizeF(font.pointSizeF() * 2.2)
        self.scan_edit.setFont(font)
        self.scan_edit.setMinimumHeight(self.scan_edit.fontMetrics().height() + 24)
        self.scan_edit.returnPressed.connect(self._on_scan_edit_return_pressed)

        self.feedback = ScanFeedback(ctx, lab.timezone, sound, history_size, self)
        self.feedback.handled.connect(self.scan_handled)
        self.card, self.history = self.feedback.card, self.feedback.history
        self.card.action_clicked.connect(self._on_card_action_clicked)
        self.panels = ScanPanels(ctx, self)
        self.panels.bar.context_chosen.connect(self._on_bar_context_chosen)
        self.panels.changed.connect(self.refocus)
        self.panels.reconciled.connect(self._on_panels_reconciled)

        lower = QHBoxLayout()
        lower.addWidget(self.card, 3)
        lower.addWidget(self.history, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.panels.bar)
        layout.addWidget(self.scan_edit)
        layout.addLayout(lower, 1)
        self.setTabOrder(self.scan_edit, self.panels.bar)

        for context, key in self.panels.context_keys():
            self._shortcut(key, partial(self.set_context, context))
        self._shortcut(Qt.Key.Key_Escape, self._on_escape_activated)
        self.set_context(ScanContext.FIND)

    def _shortcut(self, key: Qt.Key, slot: Callable[[], None]) -> None:
        shortcut = QShortcut(QKeySequence(key), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(slot)

    # --- public -------------------------------------------------------------------------------

    def refocus(self) -> None:
        """Give the scan field the focus back (after a scan, an action, a dialog)."""
        self.scan_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_context(self, context: ScanContext) -> None:
        self.context = ScanContext(context)
        self.panels.show_context(self.context, self._hint())
        self.scan_edit.setPlaceholderText(self.tr("Scan a label — or type it and press Enter"))
        self.refocus()

    def handle_scan(self, raw: str) -> None:
        """One scan (a burst from anywhere, or the scan field's Enter) in the current context."""
        self.scan_edit.clear()
        text = raw.strip()
        try:
            if text:
                {
                    ScanContext.FIND: self._find,
                    ScanContext.RECEIVE: self._receive,
                    ScanContext.MOVE: self._put_away,
                    ScanContext.PACK: self._pack,
                    ScanContext.RECONCILE: self._reconcile,
                }[self.context](text)
        except CustodyError as error:
            self.feedback.refused(self.tr("Not accepted"), error_text(error))
        finally:
            self.refocus()

    # --- the contexts -------------------------------------------------------------------------

    def _label_key(self) -> bytes:
        if self._key is None:
            path = self.ctx.label_key_path()
            if path is None:
                raise StorageError(
                    self.tr("This workstation has no label key; ask IT to install it.")
                )
            self._key = keyfile.load(path)
        return self._key

    def _step(self, label: str, step: Callable[..., Any], **kw: Any) -> Any:
        """One scan step as one user action (a refusal is journaled under `label`)."""
        return self.ctx.perform(label, partial(step, key=self._label_key(), **kw))

    def _find(self, text: str) -> None:
        if _typed_sample_id(text):  # a damaged label: the ID typed from it
            view = self.ctx.query(partial(lookup.find_sample, raw=text))
            self.feedback.sample(Verdict.ACCEPTED, view, self.tr("Found by its typed ID."))
            return
        self.feedback.scanned(self._step("scan", scan_steps.find, raw=text, affix=self.affix))

    def _receive(self, text: str) -> None:
        shipment = self._step("receive", scan_steps.receive, raw=text, affix=self.affix)
        self.set_context(ScanContext.RECONCILE)
        self.panels.select_reconcile(shipment.id)
        message = self.tr("Received. Now scan every package and sample ({n} expected).")
        self.feedback.accepted(shipment.manifest_number, message.format(n=shipment.sample_count))

    def _put_away(self, text: str) -> None:
        result = self._step(
            "put away", scan_steps.put_away, raw=text, affix=self.affix, location=self.location
        )
        if result.stored is None:
            self._set_location(result.scanned.location)
            return
        message = self.tr("Put away in {location}.").format(location=self.location)
        self.feedback.sample(Verdict.ACCEPTED, result.stored, message)

    def _set_location(self, location: str) -> None:
        self.location = location
        self.set_context(ScanContext.MOVE)
        waiting, self._waiting = self._waiting, None
        if waiting is not None:
            self._store(waiting)
            return
        self.feedback.accepted(location, self.tr("Now scan the samples to put away here."))

    def _store(self, sample: SampleView) -> None:
        assert self.location is not None
        action = partial(custody.store, sample_id=sample.id, location_code=self.location)
        view = self.ctx.perform("put away", action)
        message = self.tr("Put away in {location}.").format(location=self.location)
        self.feedback.sample(Verdict.ACCEPTED, view, message)

    def _pack(self, text: str) -> None:
        shipment_id, package = self.panels.pack_choice()
        result = self._step(
            "pack",
            scan_steps.pack,
            raw=text,
            affix=self.affix,
            shipment_id=shipment_id,
            package=package,
        )
        if result.sample is None:  # a shipment or package label: pack into that
            self.panels.select_pack(result.scanned.shipment_id, result.scanned.package)
            self.feedback.accepted(result.shipment.manifest_number, self.panels.pack_summary())
            return
        self.panels.refresh_pack()
        message = self.tr("Packed: {where}.").format(where=self.panels.pack_summary())
        self.feedback.sample(Verdict.ACCEPTED, result.sample, message)

    def _reconcile(self, text: str) -> None:
        result, sample = self._step(
            "receive scan",
            scan_steps.reconcile,
            raw=text,
            affix=self.affix,
            shipment_id=self.panels.reconcile_choice(),
            seal_intact=not self.panels.bar.seal_broken.isChecked(),
        )
        self.panels.bar.seal_broken.setChecked(False)
        self.panels.refresh_counts()
        expected = result.outcome in ("expected", "package")
        verdict = Verdict.ACCEPTED if expected else Verdict.WARNING
        if sample is not None:
            self.feedback.sample(verdict, sample, message_text(result.message))
        else:
            self.feedback.message(verdict, message_text(result.what), message_text(result.message))

    # --- the card's buttons -------------------------------------------------------------------

    def _on_card_action_clicked(self, key: str) -> None:
        sample = self.card.sample
        shown = self.feedback.last_shipment or (None, None)
        try:
            if key == "put_away_here" and self.feedback.last_location:
                self._set_location(self.feedback.last_location)
            elif key == "pack_here":
                self.set_context(ScanContext.PACK)
                self.panels.select_pack(*shown)
                self.feedback.accepted(self.card.headline.text(), self.panels.pack_summary())
            elif key == "receive_here":
                self.set_context(ScanContext.RECEIVE)
            elif key == "reconcile_here" and shown[0] is not None:
                self.set_context(ScanContext.RECONCILE)
                self.panels.select_reconcile(shown[0])
            elif sample is not None:
                self._sample_action(key, sample)
        except CustodyError as error:
            headline = sample.code if sample else self.card.headline.text()
            self.feedback.refused(headline, error_text(error))
        self.refocus()

    def _sample_action(self, key: str, sample: SampleView) -> None:
        if key == "retrieve":
            self._ask_purpose(sample)
        elif key == "hand_over":
            self._hand_over(sample)
        elif key == "put_away" and self.location is not None:
            self._store(sample)
        elif key == "put_away":
            self._waiting = sample
            self.set_context(ScanContext.MOVE)
            message = self.tr("Scan the location's label: {code} goes there.")
            self.feedback.accepted(self.tr("Put away"), message.format(code=sample.code))
        elif key == "pack":
            self._pack_held(sample)
        elif key == "receive":
            self.set_context(ScanContext.RECEIVE)

    def _ask_purpose(self, sample: SampleView) -> None:
        dialog = QInputDialog(self)
        dialog.setObjectName("purpose_dialog")
        dialog.setWindowTitle(self.tr("Retrieve {code}").format(code=sample.code))
        dialog.setLabelText(self.tr("Why is it taken out of storage (purpose)?"))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.textValueSelected.connect(partial(self._retrieve, sample))
        dialog.finished.connect(self.refocus)
        self.purpose_dialog = dialog
        dialog.open()

    def _retrieve(self, sample: SampleView, purpose: str) -> None:
        action = partial(custody.retrieve, sample_id=sample.id, purpose=purpose)
        try:
            view = self.ctx.perform("retrieve", action)
        except CustodyError as error:
            self.feedback.refused(sample.code, error_text(error))
            return
        message = self.tr("Retrieved from {location}: you hold it now.")
        self.feedback.sample(Verdict.ACCEPTED, view, message.format(location=sample.location))

    def _hand_over(self, sample: SampleView) -> None:
        dialog = HandOverDialog(self.ctx, sample, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.handed_over.connect(self._on_hand_over_dialog_handed_over)
        dialog.finished.connect(self.refocus)
        self.hand_over_dialog = dialog
        dialog.open()

    def _pack_held(self, sample: SampleView) -> None:
        shipment_id, package = self.panels.pack_choice()
        self.set_context(ScanContext.PACK)
        if shipment_id is None or package is None:
            message = self.tr("Choose the shipment and package, then scan {code} again.")
            self.feedback.accepted(self.tr("Pack"), message.format(code=sample.code))
            return
        pack = partial(shipments.pack, shipment_id=shipment_id, package_number=package)
        self.ctx.perform("pack", partial(pack, sample_id=sample.id))
        self.panels.refresh_pack()
        view = self.ctx.query(partial(lookup.find_sample, raw=sample.code))
        message = self.tr("Packed: {where}.").format(where=self.panels.pack_summary())
        self.feedback.sample(Verdict.ACCEPTED, view, message)

    # --- slots --------------------------------------------------------------------------------

    def _on_scan_edit_return_pressed(self) -> None:
        self.handle_scan(self.scan_edit.text())

    def _on_bar_context_chosen(self, value: str) -> None:
        self.set_context(ScanContext(value))

    def _on_hand_over_dialog_handed_over(self, view: SampleView) -> None:
        message = self.tr("Handed over to {holder}.").format(holder=view.holder)
        self.feedback.sample(Verdict.ACCEPTED, view, message)

    def _on_escape_activated(self) -> None:
        self.scan_edit.clear()
        if self.context is ScanContext.MOVE and (self.location or self._waiting):
            self.location, self._waiting = None, None
            self.set_context(ScanContext.MOVE)
            self.card.clear(self.tr("Put away"), self.tr("Stopped. Scan a location's label."))
        self.refocus()

    def _on_panels_reconciled(self, verdict: str, headline: str, message: str) -> None:
        self.feedback.message(Verdict(verdict), headline, message)
        self.refocus()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refocus()

    def _hint(self) -> str:
        if self.context is ScanContext.MOVE and self.location:
            return self.tr("Putting away into {location}: scan the samples. Esc: stop.").format(
                location=self.location
            )
        return {
            ScanContext.FIND: self.tr("Scan any label to see what it is; a typed ID works too."),
            ScanContext.RECEIVE: self.tr("Scan the QR code on the manifest's first page."),
            ScanContext.MOVE: self.tr("Scan a location's label, then the samples to put there."),
            ScanContext.PACK: self.tr("Choose or scan the package, then scan the samples."),
            ScanContext.RECONCILE: self.tr("Scan every package and sample that arrived."),
        }[self.context]
