"""Closing a received shipment (supervisors): record how each discrepancy was resolved, then
close it. A shipment is closed clean only when every discrepancy is resolved; it can be closed
with open ones only with a reason, and then it is marked not clean."""

from __future__ import annotations

from custody.db.models import Discrepancy, Sample
from custody.domain import text
from custody.domain.enums import ShipmentStatus
from custody.domain.messages import message_of, t
from custody.domain.permissions import Action
from custody.errors import Conflict, ValidationError
from custody.services.receiving import DiscrepancyView, Reconciliation, reconcile, report
from custody.services.shipment_guards import load, require_status, subject
from custody.services.work import Work

S = ShipmentStatus


def resolve(work: Work, discrepancy_id: int, resolution: str) -> DiscrepancyView:
    """A supervisor records how a discrepancy was resolved (it stays on record)."""
    actor = work.require(Action.APPROVE, subject=f"discrepancy:{discrepancy_id}")
    row = work.get(Discrepancy, discrepancy_id, t("discrepancy"))
    try:
        how = text.required(resolution, t("resolution"), max_len=1000)
    except ValueError as error:
        raise ValidationError(message_of(error)) from None
    if row.resolved_at is not None:
        raise Conflict(
            t(
                "Discrepancy #{id} was resolved already: {resolution}",
                id=row.id,
                resolution=row.resolution,
            )
        )
    shipment = load(work, row.shipment_id)
    row.resolution, row.resolved_at, row.resolved_by_id = how, work.now, actor.id
    work.session.flush()
    work.record("shipment.resolve", subject(shipment), {"discrepancy": row.id, "kind": row.kind})
    code = work.get(Sample, row.sample_id, t("sample")).code if row.sample_id else None
    return DiscrepancyView(row.id, row.kind, code, row.package_number, row.detail, how)


def close(work: Work, shipment_id: int, *, accept_reason: str | None = None) -> Reconciliation:
    """Close a received shipment: clean when every discrepancy is resolved; with open ones only
    when ``accept_reason`` says why (and then it is recorded as not clean)."""
    actor = work.require(Action.APPROVE, subject=f"shipment:{shipment_id}")
    result = reconcile(work, shipment_id)
    shipment = load(work, shipment_id)
    require_status(shipment, (S.RECEIVED,), t("close"))
    open_ones = [d for d in result.discrepancies if d.resolution is None]
    reason = None
    if open_ones:
        try:
            reason = text.optional(accept_reason, t("reason"), max_len=1000)
        except ValueError as error:
            raise ValidationError(message_of(error)) from None
        if reason is None:
            raise ValidationError(
                t(
                    "Shipment {shipment} cannot be closed as clean: {count} discrepancy(ies) "
                    "are unresolved. Resolve them, or close it as not clean with a reason.",
                    shipment=shipment.manifest_number,
                    count=len(open_ones),
                ),
                subject=subject(shipment),
            )
    shipment.status = S.RECONCILED
    shipment.reconciled_at, shipment.reconciled_by_id = work.now, actor.id
    shipment.closed_clean = not open_ones
    work.session.flush()
    work.record(
        "shipment.close",
        subject(shipment),
        {"clean": not open_ones, "open": len(open_ones), "reason": reason},
    )
    return report(work, shipment)
