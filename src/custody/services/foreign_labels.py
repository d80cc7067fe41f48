"""Labels printed by another lab, brought by a verified bundle (`services.bundle_import`).

Their MAC is made with the origin's label key, which this lab does not hold; their exact text
came signed in the bundle instead. A scan whose text is one of them stands for the imported
sample, or the imported shipment's manifest or package, here; anything else goes on to the
lab's own label check (`labelcode.parse`).
"""

from __future__ import annotations

from custody.db import queries
from custody.db.models import ForeignLabel, Sample
from custody.domain.labelcode import MAX_INPUT_LENGTH, Code, LabelKind, normalise
from custody.domain.messages import t
from custody.services.work import Work


def code_of(work: Work, raw: str, *, prefix: str = "", suffix: str = "") -> Code | None:
    """The local code a scanned foreign label stands for (its origin serial kept), or None
    when the scan is not a foreign label known here."""
    if len(raw) > MAX_INPUT_LENGTH:
        return None
    text = normalise(raw, prefix, suffix)
    row = queries.first(work.session, ForeignLabel, payload=text) if text else None
    if row is None:
        return None
    kind = LabelKind(row.kind)
    if row.sample_id is not None:
        sample = work.get(Sample, row.sample_id, t("sample"))
        return Code(kind, sample.code_key, row.serial)
    assert row.shipment_id is not None  # every foreign label names a sample or a shipment
    # the body of a shipment code, as labels.shipment_key writes it: "12" or "12P3"
    body = f"{row.shipment_id}" + ("" if row.package_number is None else f"P{row.package_number}")
    return Code(kind, body, row.serial)
