"""What a scan in the shipment detail does: pack a sample into the selected package while the
shipment is editable, or start the receipt with the manifest's QR once it is dispatched.

A scan is resolved by ``labels.resolve`` (a forged, voided or foreign label is refused) and
acted on in the same transaction; a refusal is journaled and shown next to the scan field.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Signal

from custody.context import AppContext
from custody.domain.enums import ShipmentStatus
from custody.domain.messages import t
from custody.errors import CustodyError, ValidationError
from custody.services import labels, lookup, receiving, shipments
from custody.services.labels import ScanContext
from custody.services.work import Work
from custody.ui.error_text import error_text
from custody.ui.widgets.shipment_detail import ShipmentDetail

__all__ = ["ScanHandler"]


# Refusals raised here are journaled in English (`t`) and shown in the workstation's language
# (custody.ui.error_text translates them in the "Message" context, like the services' own).
_OTHER_SHIPMENT = str(
    QT_TRANSLATE_NOOP(
        "Message", "This label belongs to another shipment; scan a label of this shipment."
    )
)
_MANIFEST_CODE = str(
    QT_TRANSLATE_NOOP(
        "Message",
        "This is the manifest's code: scan a sample label to pack it, or a package label to "
        "choose the package.",
    )
)
_SAMPLE_LABEL = str(QT_TRANSLATE_NOOP("Message", "Scan a sample label to pack it."))


@dataclass(frozen=True)
class _Packed:
    code: str | None  # the sample packed; None when a package label chose the package
    package: int


def _pack(work: Work, sid: int, package: int, raw: str, key: bytes) -> _Packed:
    """Pack the scanned sample (a typed ID with dashes is accepted too); a package label of this
    shipment only chooses the package to pack into."""
    if "-" in raw:  # label payloads are [A-Z0-9] only: this is a typed sample ID
        sample = lookup.find_sample(work, raw)
    else:
        scanned = labels.resolve(work, raw, key, ScanContext.PACK)
        if scanned.shipment_id is not None:
            if scanned.shipment_id != sid:
                raise ValidationError(t(_OTHER_SHIPMENT), subject=f"shipment:{sid}")
            if scanned.package is None:
                raise ValidationError(t(_MANIFEST_CODE), subject=f"shipment:{sid}")
            return _Packed(None, scanned.package)
        if scanned.sample is None:
            raise ValidationError(t(_SAMPLE_LABEL))
        sample = scanned.sample
    shipments.pack(work, sid, package, sample.id)
    return _Packed(sample.code, package)


def _receive(work: Work, sid: int, raw: str, key: bytes) -> None:
    receiving.start(work, sid, raw, key)


class ScanHandler(QObject):
    changed = Signal()  # a sample was packed or a receipt started

    def __init__(
        self, ctx: AppContext, detail: ShipmentDetail, label_key: Callable[[], bytes]
    ) -> None:
        super().__init__(detail)
        self.ctx = ctx
        self.detail = detail
        self._label_key = label_key
        detail.scanned.connect(self._on_detail_scanned)

    def _on_detail_scanned(self, raw: str) -> None:
        shown = self.detail.shipment
        if shown is None:
            return
        if shown.status in shipments.EDITABLE:
            self._pack(shown.id, raw)
        elif shown.status is ShipmentStatus.DISPATCHED:
            self._receive(shown.id, raw)

    def _pack(self, sid: int, raw: str) -> None:
        scan = self.detail.scan
        package = self.detail.selected_package()
        if package is None:
            scan.show_refusal(self.tr("Add a package first, then scan the samples into it."))
            return
        try:
            key = self._label_key()
            done = self.ctx.perform("pack by scan", lambda w: _pack(w, sid, package, raw, key))
        except CustodyError as error:
            scan.show_refusal(error_text(error))
            return
        if done.code is None:
            if self.detail.select_package(done.package):
                scan.show_ok(self.tr("Packing into package {n}.").format(n=done.package))
            else:
                scan.show_refusal(self.tr("There is no package {n}.").format(n=done.package))
            return
        self.changed.emit()  # the detail is read again: the sample shows in its package
        self.detail.select_package(package)
        scan.show_ok(self.tr("{code} packed into package {n}.").format(code=done.code, n=package))

    def _receive(self, sid: int, raw: str) -> None:
        scan = self.detail.scan
        try:
            key = self._label_key()
            self.ctx.perform("receive shipment", lambda w: _receive(w, sid, raw, key))
        except CustodyError as error:
            scan.show_refusal(error_text(error))
            return
        self.changed.emit()
        detail = self.detail
        detail.say(
            self.tr("Receipt started: now scan every package and sample."),
            ok=True,
        )
        detail.tabs.setCurrentWidget(detail.reconcile_panel)
        detail.reconcile_panel.focus_scan()
