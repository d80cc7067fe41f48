"""Receiving a shipment and reconciling it: scan the manifest QR, then every container.

Every scan is kept (expected, duplicate, extra). Reconciliation compares what was expected
with what was scanned — missing samples or packages, extra and duplicate scans, broken seals,
weights beyond the lab's tolerance — and records each discrepancy. Resolving discrepancies and
closing the shipment are in `services.receipt_closing`.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from custody.db import queries
from custody.db.models import (
    Discrepancy,
    ReceiptScan,
    Sample,
    Seal,
    Shipment,
    ShipmentItem,
    ShipmentPackage,
)
from custody.domain import text
from custody.domain.enums import AuthMethod, EventType, SealState, ShipmentStatus
from custody.domain.messages import message_of, t
from custody.domain.permissions import Action
from custody.domain.weights import WeightError, exceeds_tolerance, parse_grams
from custody.errors import Conflict, NotFound, ValidationError
from custody.services import events, labels, manifests
from custody.services.custody import transition
from custody.services.lab import lab
from custody.services.labels import ScanContext
from custody.services.shipment_guards import load, require_status, subject
from custody.services.signatures import sign
from custody.services.work import Work

S = ShipmentStatus
MEANING_RECEIVED = "Received at the laboratory / Recibido en el laboratorio"


@dataclass(frozen=True)
class ScanResult:
    outcome: str  # expected | duplicate | extra | package
    what: str  # sample code or "package N"
    message: str  # for the clerk (a Text: translatable)


@dataclass(frozen=True)
class DiscrepancyView:
    id: int
    kind: str  # missing | package | extra | duplicate | seal | weight
    sample: str | None
    package: int | None
    detail: str
    resolution: str | None


@dataclass(frozen=True)
class Reconciliation:
    manifest_number: str
    expected: int
    received: int
    packages_expected: int
    packages_received: int
    discrepancies: tuple[DiscrepancyView, ...]

    @property
    def clean(self) -> bool:
        return all(d.resolution is not None for d in self.discrepancies)


def start(work: Work, shipment_id: int, manifest_scan: str, label_key: bytes) -> Shipment:
    """Scan the manifest's QR to open the receipt of a dispatched shipment."""
    actor = work.require(Action.SHIP, subject=f"shipment:{shipment_id}")
    shipment = load(work, shipment_id)
    require_status(shipment, (S.DISPATCHED,), t("receive"))
    scanned = labels.resolve(work, manifest_scan, label_key, ScanContext.RECEIVE)
    if scanned.shipment_id is None or scanned.package is not None:
        raise ValidationError(
            t("Scan the QR code on the manifest's first page to start the receipt."),
            subject=subject(shipment),
        )
    if scanned.shipment_id != shipment.id:
        other = work.session.get(Shipment, scanned.shipment_id)
        name = other.manifest_number if other else f"#{scanned.shipment_id}"
        raise ValidationError(
            t(
                "This manifest is for shipment {name}, not {shipment}.",
                name=name,
                shipment=shipment.manifest_number,
            ),
            subject=subject(shipment),
        )
    current = manifests.current(work, shipment)
    shipment.status = S.RECEIVED
    shipment.received_at, shipment.received_by_id = work.now, actor.id
    method = f"{actor.username}:{AuthMethod.SESSION.value} at {work.workstation}"
    sign(work, shipment, actor, "received", MEANING_RECEIVED, method, current.fingerprint)
    work.session.flush()
    work.record("shipment.receive", subject(shipment), {"revision": shipment.revision})
    return shipment


def _item(work: Work, shipment: Shipment, sample_id: int) -> ShipmentItem | None:
    return queries.first(work.session, ShipmentItem, shipment_id=shipment.id, sample_id=sample_id)


def _keep_scan(work: Work, shipment: Shipment, sample_id: int | None, outcome: str) -> None:
    assert work.actor is not None
    work.session.add(
        ReceiptScan(
            shipment_id=shipment.id,
            sample_id=sample_id,
            outcome=outcome,
            scanned_at=work.now,
            scanned_by_id=work.actor.id,
        )
    )
    work.session.flush()


def scan(
    work: Work,
    shipment_id: int,
    raw: str,
    label_key: bytes,
    *,
    seal_intact: bool = True,
    weight: str | None = None,
    notes: str | None = None,
) -> ScanResult:
    """One container scanned at reception: a package (with its outer seals' condition) or a
    sample (seal condition, optional weight received, notes)."""
    actor = work.require(Action.SHIP, subject=f"shipment:{shipment_id}")
    shipment = load(work, shipment_id)
    require_status(shipment, (S.RECEIVED,), t("scan containers for"))
    try:
        remark = text.optional(notes, t("notes"), max_len=1000)
        grams = None if weight is None else parse_grams(weight, field=t("weight received"))
    except (ValueError, WeightError) as error:
        raise ValidationError(message_of(error)) from None
    scanned = labels.resolve(work, raw, label_key, ScanContext.FIND)
    if scanned.shipment_id is not None:
        return _package_scan(
            work, shipment, scanned.shipment_id, scanned.package, seal_intact, remark
        )
    if scanned.sample is None:
        raise ValidationError(t("Scan a sample or package label of this shipment."))
    sample = work.get(Sample, scanned.sample.id, t("sample"))
    item = _item(work, shipment, sample.id)
    where = f"sample:{sample.code}"
    if item is None:
        _keep_scan(work, shipment, sample.id, "extra")
        work.record("shipment.scan_extra", where, {"shipment": shipment.manifest_number})
        return ScanResult(
            "extra", sample.code, t("{code} is NOT on this manifest.", code=sample.code)
        )
    if item.received_at is not None:
        _keep_scan(work, shipment, sample.id, "duplicate")
        work.record("shipment.scan_duplicate", where, {"shipment": shipment.manifest_number})
        return ScanResult(
            "duplicate", sample.code, t("{code} was scanned already.", code=sample.code)
        )
    transition(work, sample, EventType.RECEIVE)
    sample.holder_id = actor.id
    item.received_at, item.received_by_id = work.now, actor.id
    item.received_seal_intact, item.received_weight, item.received_notes = (
        seal_intact,
        grams,
        remark,
    )
    applied = queries.seals_of(work.session, sample.id, SealState.APPLIED)
    events.add(
        work,
        sample,
        EventType.RECEIVE,
        to_person_id=actor.id,
        purpose=f"received on {shipment.manifest_number}",
        seals_before=",".join(s.serial for s in applied) or None,
        seal_intact=seal_intact,
        weight=grams,
        notes=remark,
    )
    _keep_scan(work, shipment, sample.id, "expected")
    work.record(
        "shipment.scan", where, {"shipment": shipment.manifest_number, "seal_intact": seal_intact}
    )
    return ScanResult("expected", sample.code, t("{code} received.", code=sample.code))


def _package_scan(
    work: Work,
    shipment: Shipment,
    shipment_id: int,
    number: int | None,
    seal_intact: bool,
    remark: str | None,
) -> ScanResult:
    if shipment_id != shipment.id:
        raise ValidationError(
            t(
                "This label belongs to another shipment (#{id}), not {shipment}.",
                id=shipment_id,
                shipment=shipment.manifest_number,
            ),
            subject=subject(shipment),
        )
    if number is None:
        raise Conflict(t("The manifest was scanned already; now scan the containers."))
    package = queries.first(work.session, ShipmentPackage, shipment_id=shipment.id, number=number)
    if package is None:
        raise NotFound(
            t(
                "Shipment {shipment} has no package {number}.",
                shipment=shipment.manifest_number,
                number=number,
            )
        )
    if package.received_seal_intact is not None:
        return ScanResult(
            "duplicate",
            t("package {number}", number=number),
            t("Package {number} was scanned already.", number=number),
        )
    package.received_seal_intact, package.received_notes = seal_intact, remark
    if not seal_intact:
        for seal in queries.rows_where(work.session, Seal, "id", package_id=package.id):
            if seal.state is SealState.APPLIED:
                seal.state, seal.ended_at = SealState.BROKEN, work.now
                seal.ended_by_id = work.actor.id if work.actor else None
                seal.end_reason = "found broken at reception"
    work.session.flush()
    work.record(
        "shipment.package_received",
        subject(shipment),
        {"package": number, "seal_intact": seal_intact},
    )
    return ScanResult(
        "package",
        t("package {number}", number=number),
        t("Package {number} received.", number=number),
    )


def _found(work: Work, shipment: Shipment) -> list[tuple[str, int | None, int | None, str]]:
    """(kind, sample id, package number, detail) for everything wrong right now."""
    settings = lab(work)
    found: list[tuple[str, int | None, int | None, str]] = []
    packages = queries.rows_where(work.session, ShipmentPackage, "number", shipment_id=shipment.id)
    number_of = {p.id: p.number for p in packages}
    for p in packages:
        if p.received_seal_intact is None:
            found.append(("package", None, p.number, f"Package {p.number} was not scanned."))
        elif not p.received_seal_intact:
            found.append(("seal", None, p.number, f"Package {p.number}: outer seal broken."))
    for item in queries.rows_where(work.session, ShipmentItem, "id", shipment_id=shipment.id):
        sample = work.get(Sample, item.sample_id, t("sample"))
        pkg = number_of.get(item.package_id or -1)
        if item.received_at is None:
            found.append(("missing", sample.id, pkg, f"{sample.code} was not received."))
            continue
        if not item.received_seal_intact:
            found.append(("seal", sample.id, pkg, f"{sample.code}: seal broken on receipt."))
        if item.received_weight is not None and exceeds_tolerance(
            sample.net_weight,
            item.received_weight,
            percent=settings.reweigh_tolerance_percent,
            absolute=settings.reweigh_tolerance_grams,
        ):
            delta: Decimal = item.received_weight - sample.net_weight
            found.append(
                (
                    "weight",
                    sample.id,
                    pkg,
                    f"{sample.code}: {item.received_weight} g received, {sample.net_weight} g "
                    f"shipped ({delta:+} g).",
                )
            )
    seen: set[tuple[str, int | None]] = set()
    for scan_row in queries.rows_where(work.session, ReceiptScan, "id", shipment_id=shipment.id):
        if (
            scan_row.outcome in ("extra", "duplicate")
            and (scan_row.outcome, scan_row.sample_id) not in seen
        ):
            seen.add((scan_row.outcome, scan_row.sample_id))
            code = work.get(Sample, scan_row.sample_id or -1, t("sample")).code
            detail = (
                f"{code} was scanned but is not on the manifest."
                if scan_row.outcome == "extra"
                else f"{code} was scanned more than once."
            )
            found.append((scan_row.outcome, scan_row.sample_id, None, detail))
    return found


def reconcile(work: Work, shipment_id: int) -> Reconciliation:
    """Compare expected with scanned; record every new discrepancy; return the report."""
    work.require(Action.SHIP, subject=f"shipment:{shipment_id}")
    shipment = load(work, shipment_id)
    require_status(shipment, (S.RECEIVED, S.RECONCILED), t("reconcile"))
    known = queries.rows_where(work.session, Discrepancy, "id", shipment_id=shipment.id)
    keys = {(d.kind, d.sample_id, d.package_number) for d in known}
    added = 0
    if shipment.status is S.RECEIVED:
        for kind, sample_id, package, detail in _found(work, shipment):
            if (kind, sample_id, package) not in keys:
                work.session.add(
                    Discrepancy(
                        shipment_id=shipment.id,
                        kind=kind,
                        sample_id=sample_id,
                        package_number=package,
                        detail=detail,
                        found_at=work.now,
                    )
                )
                added += 1
        work.session.flush()
        if added:
            work.record("shipment.discrepancies", subject(shipment), {"new": added})
    return report(work, shipment)


def report(work: Work, shipment: Shipment) -> Reconciliation:
    items = queries.rows_where(work.session, ShipmentItem, "id", shipment_id=shipment.id)
    packages = queries.rows_where(work.session, ShipmentPackage, "number", shipment_id=shipment.id)
    codes = {}
    rows = queries.rows_where(work.session, Discrepancy, "id", shipment_id=shipment.id)
    for d in rows:
        if d.sample_id is not None and d.sample_id not in codes:
            codes[d.sample_id] = work.get(Sample, d.sample_id, t("sample")).code
    return Reconciliation(
        shipment.manifest_number,
        expected=len(items),
        received=sum(1 for i in items if i.received_at is not None),
        packages_expected=len(packages),
        packages_received=sum(1 for p in packages if p.received_seal_intact is not None),
        discrepancies=tuple(
            DiscrepancyView(
                d.id, d.kind, codes.get(d.sample_id or -1), d.package_number, d.detail, d.resolution
            )
            for d in rows
        ),
    )
