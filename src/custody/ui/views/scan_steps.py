"""What one scan does in each context of the scan station, as one user action each.

Every step runs inside ``AppContext.perform`` (one write transaction): the label is resolved
first (so a forged, voided or foreign label is refused and journaled whatever the context),
then the action of the context. A step that cannot go on (no location chosen yet, a sample
label where the manifest is wanted) raises a ValidationError, which is journaled too.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP

from custody.domain.labelcode import encode
from custody.domain.messages import t
from custody.errors import ValidationError
from custody.services import custody, labels, lookup, receiving, shipment_views, shipments
from custody.services.labels import ScanContext, Scanned
from custody.services.receiving import ScanResult
from custody.services.shipment_views import ShipmentView
from custody.services.views import SampleView, sample_view_by
from custody.services.work import Work

__all__ = [
    "NO_AFFIX",
    "Affix",
    "Packed",
    "PutAway",
    "find",
    "pack",
    "put_away",
    "receive",
    "reconcile",
]


# Refusals raised here are journaled in English (`t`) and shown in the workstation's language
# (custody.ui.error_text translates them in the "Message" context, like the services' own).
_LOCATION_FIRST = str(
    QT_TRANSLATE_NOOP(
        "Message", "Scan the location's label first: samples go into the last location scanned."
    )
)
_PACKAGE_FIRST = str(
    QT_TRANSLATE_NOOP(
        "Message", "Choose the shipment and package first, or scan the package's label."
    )
)
_MANIFEST_FIRST = str(
    QT_TRANSLATE_NOOP(
        "Message",
        "To receive a shipment, scan the QR code on the first page of its manifest first; then "
        "scan every package and sample.",
    )
)
_RECEIVED_FIRST = str(QT_TRANSLATE_NOOP("Message", "Choose the received shipment first."))


@dataclass(frozen=True)
class Affix:
    """What the scanner adds around every code (removed before parsing)."""

    prefix: str = ""
    suffix: str = ""


NO_AFFIX = Affix()


@dataclass(frozen=True)
class PutAway:
    scanned: Scanned
    stored: SampleView | None  # None when a location label was scanned


@dataclass(frozen=True)
class Packed:
    scanned: Scanned
    sample: SampleView | None  # the sample after packing; None for a shipment label
    shipment: ShipmentView | None


def _resolve(work: Work, raw: str, key: bytes, context: ScanContext, affix: Affix) -> Scanned:
    return labels.resolve(work, raw, key, context, prefix=affix.prefix, suffix=affix.suffix)


def find(work: Work, raw: str, key: bytes, affix: Affix) -> Scanned:
    return _resolve(work, raw, key, ScanContext.FIND, affix)


def put_away(work: Work, raw: str, key: bytes, affix: Affix, location: str | None) -> PutAway:
    """A location label chooses where samples go; a sample label stores it there."""
    scanned = _resolve(work, raw, key, ScanContext.MOVE, affix)
    if scanned.location is not None or scanned.sample is None:
        return PutAway(scanned, None)
    if location is None:
        raise ValidationError(t(_LOCATION_FIRST), subject=f"sample:{scanned.sample.code}")
    return PutAway(scanned, custody.store(work, scanned.sample.id, location))


def pack(
    work: Work, raw: str, key: bytes, affix: Affix, shipment_id: int | None, package: int | None
) -> Packed:
    """A package label chooses where samples go; a sample label is packed there."""
    scanned = _resolve(work, raw, key, ScanContext.PACK, affix)
    if scanned.shipment_id is not None:
        return Packed(scanned, None, shipments.find(work, str(scanned.shipment_id)))
    assert scanned.sample is not None
    if shipment_id is None or package is None:
        raise ValidationError(t(_PACKAGE_FIRST), subject=f"sample:{scanned.sample.code}")
    view = shipments.pack(work, shipment_id, package, scanned.sample.id)
    return Packed(scanned, sample_view_by(work, sample_id=scanned.sample.id), view)


def receive(work: Work, raw: str, key: bytes, affix: Affix) -> ShipmentView:
    """The manifest's QR opens the receipt of a dispatched shipment."""
    scanned = _resolve(work, raw, key, ScanContext.RECEIVE, affix)
    if scanned.shipment_id is None or scanned.package is not None:
        raise ValidationError(
            t(_MANIFEST_FIRST),
            subject="scan",
        )
    shipment = receiving.start(work, scanned.shipment_id, encode(scanned.code, key), key)
    return shipment_views.shipment_view(work, shipment)


def reconcile(
    work: Work,
    raw: str,
    key: bytes,
    affix: Affix,
    shipment_id: int | None,
    *,
    seal_intact: bool,
) -> tuple[ScanResult, SampleView | None]:
    """One container of a received shipment scanned at the counter."""
    scanned = _resolve(work, raw, key, ScanContext.FIND, affix)  # extra, duplicate: kept
    if shipment_id is None:
        raise ValidationError(t(_RECEIVED_FIRST), subject="scan")
    payload = encode(scanned.code, key)  # as printed: the scanner's prefix/suffix removed
    result = receiving.scan(work, shipment_id, payload, key, seal_intact=seal_intact)
    sample = None if result.outcome == "package" else lookup.find_sample(work, result.what)
    return result, sample
