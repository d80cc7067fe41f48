"""How the scan station answers a scan: the result card, the history line and the sound.

The card shows what was scanned — a sample with the actions allowed now and its first photo,
a location, a shipment or package, a badge — or why the scan was refused. The sound is
injectable (`Sound`) so tests stay silent and can check which one was played.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QApplication

from custody.context import AppContext
from custody.domain.enums import EventType, ShipmentStatus
from custody.errors import CustodyError
from custody.services import photos, shipments
from custody.services.labels import Scanned
from custody.services.views import SampleView
from custody.ui.models.shipment_table import shipment_status_label
from custody.ui.widgets.scan_card import ScanCard, Verdict
from custody.ui.widgets.scan_history import ScanHistory

__all__ = ["ScanFeedback", "Sound", "system_sound"]

Sound = Callable[[Verdict], None]


def system_sound(verdict: Verdict) -> None:
    """One beep for accepted; three quick beeps for refused or check (no QtMultimedia here)."""
    if verdict is Verdict.IDLE:
        return
    QApplication.beep()
    if verdict is not Verdict.ACCEPTED:
        for delay in (140, 280):
            QTimer.singleShot(delay, QApplication.beep)


class ScanFeedback(QObject):
    handled = Signal(str, str)  # the Verdict value, the headline shown

    def __init__(
        self, ctx: AppContext, zone: str, sound: Sound, history_size: int, parent: Any = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._zone = ZoneInfo(zone)
        self._sound = sound
        self.card = ScanCard()
        self.history = ScanHistory(history_size)
        self.last_location: str | None = None  # of the last location label shown
        self.last_shipment: tuple[int, int | None] | None = None  # (shipment, package) shown

    # --- answers ------------------------------------------------------------------------------

    def accepted(self, headline: str, message: str) -> None:
        self.message(Verdict.ACCEPTED, headline, message)

    def refused(self, headline: str, message: str) -> None:
        self.message(Verdict.REFUSED, headline, message)

    def message(
        self,
        verdict: Verdict,
        headline: str,
        message: str,
        actions: Sequence[tuple[str, str]] = (),
    ) -> None:
        self.card.show_message(verdict, headline, message, actions)
        self._record(verdict, headline, message)

    def sample(self, verdict: Verdict, view: SampleView, message: str) -> None:
        """The card for a sample, with the actions allowed now and its first photo."""
        offered = (
            (EventType.RETRIEVE, "retrieve", self.tr("&Retrieve…")),
            (EventType.STORE, "put_away", self.tr("&Put away")),
            (EventType.TRANSFER, "hand_over", self.tr("&Hand over…")),
            (EventType.PACK, "pack", self.tr("Pac&k")),
            (EventType.RECEIVE, "receive", self.tr("Rece&ive")),
        )
        actions = [(key, text) for event, key, text in offered if event in view.allowed]
        self.card.show_sample(verdict, view, message, photo=self._photo(view), actions=actions)
        self._record(verdict, view.code, message)

    def scanned(self, scanned: Scanned) -> None:
        """Whatever a checked label names (Find)."""
        if scanned.sample is not None:
            message = self.tr("Label checked: printed by this lab and valid.")
            self.sample(Verdict.ACCEPTED, scanned.sample, message)
        elif scanned.location is not None:
            self.last_location = scanned.location
            message = self.tr("Storage location. Put samples away here with Put away (F4).")
            actions = [("put_away_here", self.tr("&Put away here"))]
            self.message(Verdict.ACCEPTED, scanned.location, message, actions)
        elif scanned.shipment_id is not None:
            self._shipment(scanned.shipment_id, scanned.package)
        else:
            self.accepted(self.tr("Person badge"), self.tr("A person's badge; nothing to do."))

    # --- internals ----------------------------------------------------------------------------

    def _shipment(self, shipment_id: int, package: int | None) -> None:
        view = self.ctx.query(partial(shipments.find, raw=str(shipment_id)))
        self.last_shipment = (view.id, package)
        headline = view.manifest_number
        if package is not None:
            headline = self.tr("{manifest}, package {n}").format(manifest=headline, n=package)
        message = self.tr("To {consignee}: {status}, %n sample(s).", "", view.sample_count).format(
            consignee=view.consignee, status=shipment_status_label(view.status)
        )
        pack = ("pack_here", self.tr("Pac&k into it"))
        action = {
            ShipmentStatus.DRAFT: pack,
            ShipmentStatus.PACKING: pack,
            ShipmentStatus.APPROVED: pack,
            ShipmentStatus.DISPATCHED: ("receive_here", self.tr("Rece&ive it")),
            ShipmentStatus.RECEIVED: ("reconcile_here", self.tr("&Reconcile it")),
        }.get(view.status)
        self.message(Verdict.ACCEPTED, headline, message, [action] if action else [])

    def _photo(self, view: SampleView) -> QPixmap | None:
        try:
            found = self.ctx.query(partial(photos.photos_of, sample_id=view.id))
            if not found:
                return None
            data = self.ctx.query(partial(photos.photo_data, photo_id=found[0].id))
        except CustodyError:
            return None  # the card shows the sample without its photo
        pixmap = QPixmap()
        return pixmap if pixmap.loadFromData(data) else None

    def _record(self, verdict: Verdict, headline: str, message: str) -> None:
        self.history.add(verdict, headline, message, self.ctx.clock().astimezone(self._zone))
        self._sound(verdict)
        self.handled.emit(verdict.value, headline)
