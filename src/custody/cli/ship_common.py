"""What the shipment, receiving and manifest commands share: naming a shipment, the label key,
telling a scanned label from a typed sample ID, and the signer's re-entered password."""

from __future__ import annotations

from functools import partial

from custody.cli.common import label_key as label_key
from custody.context import AppContext
from custody.errors import StorageError, ValidationError
from custody.services import labels, lookup, shipments
from custody.services.labels import ScanContext
from custody.services.shipment_views import ShipmentView
from custody.services.views import SampleView
from custody.services.work import Work

SHIP_HELP = "shipment number (12) or manifest number (MX-AICM-M-2026-0003)"
SAMPLE_HELP = "sample ID (MX-AICM-2026-000123), compact code, or a scanned label"
SIGN_PASSWORD_ENV = "CUSTODY_SIGN_PASSWORD"  # noqa: S105  the name of an environment variable
WITNESS_PASSWORD_ENV = "CUSTODY_WITNESS_PASSWORD"  # noqa: S105  likewise
_DIGITS = "0123456789"


def find_shipment(ctx: AppContext, raw: str) -> ShipmentView:
    """The shipment named by its number or manifest number. Runs as an action so that an
    unknown one is journaled as a denial, like an unknown sample ID."""
    return ctx.perform("find shipment", partial(shipments.find, raw=raw))


def is_label_scan(raw: str) -> bool:
    """A scanned label payload starts with its format version (a digit); a sample ID or its
    compact code starts with the site prefix (a letter)."""
    text = raw.strip()
    return bool(text) and text[0] in _DIGITS


def resolve_sample(work: Work, raw: str, key: bytes | None, context: ScanContext) -> SampleView:
    """The sample a typed ID or a scanned label names (a label is checked for ``context``)."""
    if not is_label_scan(raw):
        return lookup.find_sample(work, raw)
    if key is None:  # the caller loads the key whenever an argument is a scan
        raise StorageError("The label key is needed to check a scanned label.")
    scanned = labels.resolve(work, raw, key, context)
    if scanned.sample is None:
        raise ValidationError(
            f"That is a {scanned.code.kind.description} label, not a sample label; scan the "
            "label on the sample's own bag.",
            subject="scan",
        )
    return scanned.sample
