"""Where the receipt of a shipment stands, container by container (read-only).

What the receiving counter shows while it scans: every package and sample on the manifest with
whether it has been scanned yet, and the scans that did not match (extra or duplicate). It
reads what :mod:`custody.services.receiving` recorded and never writes.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from custody.db import queries, shipping_queries
from custody.db.models import ReceiptScan, Sample, ShipmentPackage
from custody.domain.enums import ShipmentStatus
from custody.domain.messages import t
from custody.domain.permissions import Action
from custody.services.shipment_guards import load
from custody.services.work import Work


@dataclass(frozen=True)
class PackageProgress:
    number: int
    outer_seals: tuple[str, ...]
    scanned: bool
    seal_intact: bool | None  # as found on receipt; None until scanned


@dataclass(frozen=True)
class SampleProgress:
    code: str
    package: int
    scanned: bool
    seal_intact: bool | None  # as found on receipt; None until scanned
    weight_received: Decimal | None


@dataclass(frozen=True)
class ReceiptProgress:
    manifest_number: str
    status: ShipmentStatus
    packages: tuple[PackageProgress, ...]
    samples: tuple[SampleProgress, ...]  # by package, then sample ID
    extra: tuple[str, ...]  # sample codes scanned that are not on the manifest
    duplicates: tuple[str, ...]  # sample codes scanned more than once

    @property
    def scanned(self) -> tuple[SampleProgress, ...]:
        return tuple(s for s in self.samples if s.scanned)

    @property
    def missing(self) -> tuple[SampleProgress, ...]:
        return tuple(s for s in self.samples if not s.scanned)


def progress(work: Work, shipment_id: int) -> ReceiptProgress:
    """Expected, scanned and missing containers of a shipment, and the unexpected scans."""
    work.require(Action.READ)
    shipment = load(work, shipment_id)
    seals = shipping_queries.package_seals(work.session, shipment.id)
    packages = tuple(
        PackageProgress(
            p.number,
            tuple(seals.get(p.number, ())),
            p.received_seal_intact is not None,
            p.received_seal_intact,
        )
        for p in queries.rows_where(
            work.session, ShipmentPackage, "number", shipment_id=shipment.id
        )
    )
    samples = tuple(
        SampleProgress(
            row[1],
            row[0],
            item.received_at is not None,
            item.received_seal_intact if item.received_at is not None else None,
            item.received_weight,
        )
        for row in shipping_queries.manifest_rows(work.session, shipment.id)
        for item in (row[-1],)
    )
    extra: list[str] = []
    duplicates: list[str] = []
    for scan in queries.rows_where(work.session, ReceiptScan, "id", shipment_id=shipment.id):
        found = {"extra": extra, "duplicate": duplicates}.get(scan.outcome)
        if found is None or scan.sample_id is None:
            continue
        code = work.get(Sample, scan.sample_id, t("sample")).code
        if code not in found:
            found.append(code)
    return ReceiptProgress(
        shipment.manifest_number,
        shipment.status,
        packages,
        samples,
        tuple(extra),
        tuple(duplicates),
    )
