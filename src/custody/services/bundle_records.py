"""The records an imported shipment bundle creates (called by `services.bundle_import` once the
bundle is verified and checked; everything in the caller's one transaction, journaled).

The shipment arrives dispatched, its samples in transit, with the origin's codes, seals and
labels, so reception and reconciliation by scanning work on it as on a shipment of this lab.
What the bundle does not say is filled honestly: the origin lab (one outsider person, "<lab>
(origin lab)") is who weighed, sealed, approved and dispatched; the dispatch time is when the
seals and weights were certainly as declared; seizures are "imported from <origin>".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from custody.db import queries
from custody.db.models import (
    Case,
    Exhibit,
    ForeignLabel,
    Manifest,
    Person,
    Sample,
    SampleOrigin,
    Seal,
    Seizure,
    Shipment,
    ShipmentItem,
    ShipmentPackage,
    WitnessCheckpoint,
)
from custody.domain.enums import SampleStatus, SealState, ShipmentStatus
from custody.services.bundle_content import Label, SamplePart, ShipmentPart
from custody.services.work import Actor, Work

ORIGIN_LAB = " (origin lab)"


@dataclass(frozen=True)
class Provenance:
    """Where the bundle comes from and what vouches for it."""

    origin: str  # the origin lab's site prefix
    lab_name: str  # as registered with its partner key
    bundle_sha256: str
    checkpoint: dict[str, Any]  # the origin's signed checkpoint statement
    signed_by: str  # fingerprint of the key that signed the bundle
    entries_checked: int


@dataclass
class _Made:
    shipment: Shipment
    person: Person
    packages: dict[int, int]  # number -> ShipmentPackage id
    labels: int = 0


def origin_person(work: Work, lab_name: str) -> Person:
    """The origin lab as a person without an account (one per lab, reused)."""
    name = lab_name[: 200 - len(ORIGIN_LAB)] + ORIGIN_LAB
    found = queries.first(work.session, Person, full_name=name, username=None)
    if found is not None:
        return found
    person = Person(
        full_name=name,
        institution=lab_name[:200],
        position="origin laboratory",
        badge=None,
        username=None,
        role=None,
        password_hash=None,
        active=True,
        failed_logins=0,
        locked_until=None,
        created_at=work.now,
    )
    work.session.add(person)
    work.session.flush()
    return person


def _label(work: Work, made: _Made, origin: str, label: Label | None, **target: Any) -> None:
    if label is None:
        return
    work.session.add(
        ForeignLabel(
            payload=label.payload,
            origin=origin,
            kind=label.code.kind.value,
            body=label.code.body,
            serial=label.code.serial,
            **target,
        )
    )
    made.labels += 1


def _seal(work: Work, serial: str, by: Person, at: datetime, **target: Any) -> None:
    work.session.add(
        Seal(serial=serial, state=SealState.APPLIED, applied_at=at, applied_by_id=by.id, **target)
    )


def create(work: Work, actor: Actor, part: ShipmentPart, came: Provenance, pdf: bytes) -> int:
    """Create the shipment and its samples; return the new shipment's id."""
    made = _shipment(work, actor, part, came, pdf)
    cp = came.checkpoint
    work.record(
        "bundle.import",
        f"shipment:{part.manifest_number}",
        {
            "origin": came.origin,
            "lab_name": came.lab_name,
            "bundle_sha256": came.bundle_sha256,
            "signed_by": came.signed_by,
            "checkpoint": {"size": cp["size"], "head": cp["head"], "key": cp["key"]},
            "entries_checked": came.entries_checked,
            "packages": len(part.packages),
            "samples": len(part.samples),
            "labels": len(part.labels()),
        },
    )
    for sample in part.samples:
        _sample(work, actor, made, part, came, sample)
    return made.shipment.id


def _shipment(work: Work, actor: Actor, part: ShipmentPart, came: Provenance, pdf: bytes) -> _Made:
    person = origin_person(work, came.lab_name)
    shipment = Shipment(
        manifest_number=part.manifest_number,
        revision=part.revision,
        consignee_id=None,
        carrier=part.carrier,
        waybill=part.waybill,
        transport_mode=part.transport_mode,
        conditions=part.conditions,
        status=ShipmentStatus.DISPATCHED,
        manifest_sha256=part.manifest_sha256,
        created_at=work.now,
        created_by_id=actor.id,
        approved_at=part.approved_at,
        approved_by_id=person.id if part.approved_at else None,
        dispatched_at=part.dispatched_at,
        dispatched_by_id=person.id,
        carrier_agent=part.carrier_agent,
        origin=came.origin,
        origin_lab=came.lab_name,
    )
    work.session.add(shipment)
    work.session.flush()
    work.session.add(
        Manifest(
            shipment_id=shipment.id,
            revision=part.revision,
            fingerprint=part.manifest_fingerprint,
            sha256=part.manifest_sha256,
            pdf=pdf,
            content=part.manifest_content,
            label_serial=part.manifest_label.code.serial,
            issued_at=part.approved_at or part.dispatched_at,
            issued_by_id=actor.id,
            superseded_at=None,
        )
    )
    made = _Made(shipment, person, {})
    _label(work, made, came.origin, part.manifest_label, shipment_id=shipment.id)
    for package in part.packages:
        row = ShipmentPackage(shipment_id=shipment.id, number=package.number)
        work.session.add(row)
        work.session.flush()
        made.packages[package.number] = row.id
        for serial in package.seals:
            _seal(work, serial, person, part.dispatched_at, sample_id=None, package_id=row.id)
        _label(
            work,
            made,
            came.origin,
            package.label,
            shipment_id=shipment.id,
            package_number=package.number,
        )
    cp = came.checkpoint
    work.session.add(
        WitnessCheckpoint(
            origin=came.origin,
            size=cp["size"],
            head=cp["head"],
            root=cp["root"],
            key_fingerprint=cp["key"],
            signature=cp["signature"],
            bundle_sha256=came.bundle_sha256,
            shipment_id=shipment.id,
            received_at=work.now,
        )
    )
    work.session.flush()
    return made


def _case(work: Work, sample: SamplePart, came: Provenance, manifest: str) -> tuple[int, int]:
    """(case id, exhibit id): the case and exhibit here, reused when they exist."""
    case = queries.first(work.session, Case, case_number=sample.case_number)
    if case is None:
        case = Case(
            case_number=sample.case_number,
            institution=sample.institution,
            rcc_reference=None,
            dea_file_number=None,
            opened_on=sample.seized_at.date(),
            submitter_id=None,
            created_at=work.now,
        )
        work.session.add(case)
        work.session.flush()
    exhibit = queries.first(work.session, Exhibit, case_id=case.id, number=sample.exhibit)
    if exhibit is not None:
        return case.id, exhibit.id
    seizure = queries.first(
        work.session, Seizure, case_id=case.id, port=sample.port, seized_at=sample.seized_at
    )
    if seizure is None:
        seizure = Seizure(
            case_id=case.id,
            port=sample.port,
            place=f"imported from {came.origin}"[:200],
            seized_at=sample.seized_at,
            seized_tz="UTC",
            reason=f"chain of custody continued from {came.origin} ({came.lab_name}), "
            f"shipment {manifest}",
            created_at=work.now,
        )
        work.session.add(seizure)
        work.session.flush()
    exhibit = Exhibit(
        case_id=case.id,
        seizure_id=seizure.id,
        number=sample.exhibit,
        description=f"exhibit {sample.exhibit} of case {sample.case_number}, "
        f"imported from {came.origin}",
        presumptive_substance=sample.presumptive_substance,
        form=sample.form,
        unit_count=None,
        packaging=None,
        gross_weight=None,
        created_at=work.now,
    )
    work.session.add(exhibit)
    work.session.flush()
    return case.id, exhibit.id


def _sample(
    work: Work, actor: Actor, made: _Made, part: ShipmentPart, came: Provenance, s: SamplePart
) -> None:
    _, exhibit_id = _case(work, s, came, part.manifest_number)
    sample = Sample(
        code=s.sample_id.human,
        code_key=s.sample_id.key,
        exhibit_id=exhibit_id,
        parent_id=None,
        description=s.description,
        presumptive_substance=s.presumptive_substance,
        form=s.form,
        unit_count=s.unit_count,
        net_weight=s.net_weight,
        balance_id=f"declared by {came.origin}"[:64],
        weighed_by_id=made.person.id,
        weighed_at=part.dispatched_at,
        hazard=s.hazard,
        status=SampleStatus.IN_TRANSIT,
        location_id=None,
        holder_id=None,
        created_at=work.now,
        created_by_id=actor.id,
    )
    work.session.add(sample)
    work.session.flush()
    for serial in s.seals:
        _seal(work, serial, made.person, part.dispatched_at, sample_id=sample.id, package_id=None)
    package_id = made.packages[s.package]
    work.session.add(
        ShipmentItem(shipment_id=made.shipment.id, package_id=package_id, sample_id=sample.id)
    )
    _label(work, made, came.origin, s.label, sample_id=sample.id)
    work.session.add(
        SampleOrigin(
            sample_id=sample.id,
            origin=came.origin,
            origin_seq=s.last_seq,
            origin_hash=s.last_hash,
            shipment_id=made.shipment.id,
        )
    )
    work.session.flush()
    work.record(
        "sample.import",
        f"sample:{sample.code}",
        {
            "origin": came.origin,
            "origin_seq": s.last_seq,
            "origin_hash": s.last_hash,
            "shipment": part.manifest_number,
            "package": s.package,
        },
    )
