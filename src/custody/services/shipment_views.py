"""The read model of a shipment (what `shipment show`, the GUI and reports display)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from custody.db import queries, shipping_queries
from custody.db.models import Consignee, Discrepancy, Shipment
from custody.domain.enums import ShipmentStatus
from custody.domain.permissions import Action
from custody.services.work import Work


@dataclass(frozen=True)
class PackageView:
    number: int
    outer_seals: tuple[str, ...]
    samples: tuple[str, ...]  # sample codes


@dataclass(frozen=True)
class ShipmentView:
    id: int
    manifest_number: str
    revision: int  # latest issued manifest revision; 0 = none yet
    status: ShipmentStatus
    consignee: str
    carrier: str | None
    waybill: str | None
    transport_mode: str | None
    conditions: str | None
    packages: tuple[PackageView, ...]
    created_at: datetime
    created_by: str
    approved_at: datetime | None
    approved_by: str | None
    dispatched_at: datetime | None
    dispatched_by: str | None
    carrier_agent: str | None
    received_at: datetime | None
    received_by: str | None
    reconciled_at: datetime | None
    closed_clean: bool | None
    manifest_sha256: str | None
    open_discrepancies: int
    origin: str | None = None  # another lab's site prefix: imported from it
    origin_lab: str | None = None

    @property
    def sample_count(self) -> int:
        return sum(len(p.samples) for p in self.packages)


def shipment_view(work: Work, shipment: Shipment) -> ShipmentView:
    work.session.flush()
    names = queries.people_names(work.session)
    consignee = (
        work.session.get(Consignee, shipment.consignee_id) if shipment.consignee_id else None
    )
    seals = shipping_queries.package_seals(work.session, shipment.id)
    samples: dict[int, list[str]] = {}
    for row in shipping_queries.manifest_rows(work.session, shipment.id):
        samples.setdefault(row[0], []).append(row[1])
    numbers = sorted(set(seals) | set(samples))
    open_count = sum(
        1
        for d in queries.rows_where(work.session, Discrepancy, "id", shipment_id=shipment.id)
        if d.resolved_at is None
    )

    def name(person_id: int | None) -> str | None:
        return names.get(person_id) if person_id is not None else None

    return ShipmentView(
        id=shipment.id,
        manifest_number=shipment.manifest_number,
        revision=shipment.revision,
        status=shipment.status,
        consignee=consignee.name if consignee else "",
        carrier=shipment.carrier,
        waybill=shipment.waybill,
        transport_mode=shipment.transport_mode,
        conditions=shipment.conditions,
        packages=tuple(
            PackageView(n, tuple(seals.get(n, ())), tuple(samples.get(n, ()))) for n in numbers
        ),
        created_at=shipment.created_at,
        created_by=names.get(shipment.created_by_id, "?"),
        approved_at=shipment.approved_at,
        approved_by=name(shipment.approved_by_id),
        dispatched_at=shipment.dispatched_at,
        dispatched_by=name(shipment.dispatched_by_id),
        carrier_agent=shipment.carrier_agent,
        received_at=shipment.received_at,
        received_by=name(shipment.received_by_id),
        reconciled_at=shipment.reconciled_at,
        closed_clean=shipment.closed_clean,
        manifest_sha256=shipment.manifest_sha256,
        open_discrepancies=open_count,
        origin=shipment.origin,
        origin_lab=shipment.origin_lab,
    )


@dataclass(frozen=True)
class ShipmentRow:
    """One line of the shipment list."""

    id: int
    manifest_number: str
    revision: int
    status: ShipmentStatus
    consignee: str
    carrier: str | None
    waybill: str | None
    created_at: datetime
    dispatched_at: datetime | None
    received_at: datetime | None
    closed_clean: bool | None
    samples: int


def list_shipments(
    work: Work,
    status: ShipmentStatus | None = None,
    *,
    after_id: int | None = None,
    limit: int = 200,
) -> list[ShipmentRow]:
    """A page of shipments by number after ``after_id`` (keyset paging: O(page), any depth)."""
    work.require(Action.READ)
    rows = shipping_queries.shipment_page(
        work.session, status=status, after_id=after_id, limit=max(1, min(limit, 5000))
    )
    return [ShipmentRow(*row) for row in rows]
