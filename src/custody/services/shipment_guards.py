"""What shipping and receiving check before acting: the shipment exists, its status allows the
action (a refusal names the status it must have), and it is complete before approval."""

from __future__ import annotations

from collections.abc import Sequence

from custody.db import queries
from custody.db.models import Shipment, ShipmentItem, ShipmentPackage
from custody.domain.enums import ShipmentStatus
from custody.domain.messages import join_or, join_texts, t
from custody.errors import IllegalTransition, NotFound, ValidationError
from custody.services.work import Work


def load(work: Work, shipment_id: int) -> Shipment:
    shipment = work.session.get(Shipment, shipment_id)
    if shipment is None:
        raise NotFound(t("There is no shipment #{id}.", id=shipment_id))
    return shipment


def subject(shipment: Shipment) -> str:
    return f"shipment:{shipment.manifest_number}"


def require_status(shipment: Shipment, allowed: Sequence[ShipmentStatus], doing: str) -> None:
    """Refuse unless `shipment` is in one of the `allowed` statuses; `doing` is the action as
    a verb phrase (a Text: "pack samples")."""
    if shipment.status not in allowed:
        raise IllegalTransition(
            t(
                "Cannot {doing}: shipment {shipment} is {status} (it must be {wanted}).",
                doing=doing,
                shipment=shipment.manifest_number,
                status=shipment.status.value,
                wanted=join_or(s.value for s in allowed),
            ),
            subject=subject(shipment),
        )


def require_complete(work: Work, shipment: Shipment) -> None:
    """Refuse to approve `shipment` until it names a carrier, an air waybill and a consignee,
    holds a sample and has no empty package; the refusal lists everything missing."""
    missing = [
        what
        for what, value in (
            (t("a carrier"), shipment.carrier),
            (t("an air waybill"), shipment.waybill),
        )
        if not value
    ]
    if shipment.consignee_id is None:
        missing.append(t("a consignee"))
    packages = queries.rows_where(work.session, ShipmentPackage, "number", shipment_id=shipment.id)
    items = queries.rows_where(work.session, ShipmentItem, "id", shipment_id=shipment.id)
    if not items:
        missing.append(t("at least one packed sample"))
    used = {item.package_id for item in items}
    empty = [str(p.number) for p in packages if p.id not in used]
    if empty:
        missing.append(
            t("samples in package(s) {packages} (or remove them)", packages=", ".join(empty))
        )
    if missing:
        raise ValidationError(
            t(
                "Shipment {shipment} cannot be approved yet: it needs {missing}.",
                shipment=shipment.manifest_number,
                missing=join_texts(missing, "; "),
            ),
            subject=subject(shipment),
        )
