"""Queries behind shipments: one statement for all manifest rows (10,000 samples: one query,
not 10,000), the seals of a shipment's packages, and the samples of a location subtree."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import func, literal, select

from custody.db.models import (
    Case,
    Consignee,
    Exhibit,
    Sample,
    Seal,
    Shipment,
    ShipmentItem,
    ShipmentPackage,
)
from custody.db.queries import Session
from custody.domain.enums import SealState, ShipmentStatus


def manifest_rows(session: Session, shipment_id: int) -> list[tuple[Any, ...]]:
    """(package number, sample code, case number, exhibit number, description, substance,
    form, unit count, net weight, hazard, sample id, item) per sample, by package then code."""
    query = (
        select(
            ShipmentPackage.number,
            Sample.code,
            Case.case_number,
            Exhibit.number,
            Sample.description,
            Sample.presumptive_substance,
            Sample.form,
            Sample.unit_count,
            Sample.net_weight,
            Sample.hazard,
            Sample.id,
            ShipmentItem,
        )
        .join(Sample, ShipmentItem.sample_id == Sample.id)
        .join(ShipmentPackage, ShipmentItem.package_id == ShipmentPackage.id)
        .join(Exhibit, Sample.exhibit_id == Exhibit.id)
        .join(Case, Exhibit.case_id == Case.id)
        .where(ShipmentItem.shipment_id == shipment_id)
        .order_by(ShipmentPackage.number, Sample.code)
    )
    return [tuple(row) for row in session.execute(query)]


def shipment_sample_seals(session: Session, shipment_id: int) -> dict[int, list[str]]:
    """Applied seal serials of every sample in the shipment, by sample id."""
    query = (
        select(Seal.sample_id, Seal.serial)
        .join(ShipmentItem, ShipmentItem.sample_id == Seal.sample_id)
        .where(ShipmentItem.shipment_id == shipment_id, Seal.state == SealState.APPLIED)
        .order_by(Seal.id)
    )
    seals: dict[int, list[str]] = defaultdict(list)
    for sample_id, serial in session.execute(query):
        if sample_id is not None:
            seals[sample_id].append(serial)
    return seals


def package_seals(session: Session, shipment_id: int) -> dict[int, list[str]]:
    """Outer seal serials by package number (every state: a broken seal is still listed)."""
    query = (
        select(ShipmentPackage.number, Seal.serial)
        .join(Seal, Seal.package_id == ShipmentPackage.id)
        .where(ShipmentPackage.shipment_id == shipment_id)
        .order_by(ShipmentPackage.number, Seal.id)
    )
    seals: dict[int, list[str]] = defaultdict(list)
    for number, serial in session.execute(query):
        seals[number].append(serial)
    return seals


def shipment_page(
    session: Session, *, status: ShipmentStatus | None, after_id: int | None, limit: int
) -> list[tuple[Any, ...]]:
    """Keyset page of shipments by number (primary key): (id, manifest number, revision, status,
    consignee name (or "← origin lab" when imported), carrier, waybill, created, dispatched,
    received, closed clean, samples)."""
    samples = (
        select(func.count())
        .select_from(ShipmentItem)
        .where(ShipmentItem.shipment_id == Shipment.id)
        .scalar_subquery()
    )
    query = (
        select(
            Shipment.id,
            Shipment.manifest_number,
            Shipment.revision,
            Shipment.status,
            # an incoming shipment (imported from another lab) shows where it comes from
            func.coalesce(Consignee.name, literal("← ") + Shipment.origin_lab, ""),
            Shipment.carrier,
            Shipment.waybill,
            Shipment.created_at,
            Shipment.dispatched_at,
            Shipment.received_at,
            Shipment.closed_clean,
            samples,
        )
        .outerjoin(Consignee, Shipment.consignee_id == Consignee.id)
        .order_by(Shipment.id)
        .limit(limit)
    )
    if after_id is not None:
        query = query.where(Shipment.id > after_id)
    if status is not None:
        query = query.where(Shipment.status == status)
    return [tuple(row) for row in session.execute(query)]
