"""Frozen read models handed to the CLI and the UI (never ORM instances)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import select

from custody.db.models import Case, Exhibit, Location, Person, Sample, Seal
from custody.domain.enums import EventType, SampleForm, SampleStatus, SealState
from custody.domain.ids import parse_human
from custody.domain.states import allowed_events
from custody.services.work import Work


@dataclass(frozen=True)
class SampleView:
    id: int
    code: str
    compact: str
    case_number: str
    exhibit_number: int
    parent_code: str | None
    description: str
    presumptive_substance: str | None
    form: SampleForm
    unit_count: int | None
    net_weight: Decimal
    balance_id: str
    hazard: bool
    status: SampleStatus
    location: str | None
    holder: str | None
    seals: tuple[str, ...]  # serials of the seals applied now
    created_at: datetime
    allowed: tuple[EventType, ...]


def _name(work: Work, person_id: int | None) -> str | None:
    if person_id is None:
        return None
    person = work.session.get(Person, person_id)
    return person.full_name if person else None


def location_code(work: Work, location_id: int | None) -> str | None:
    if location_id is None:
        return None
    location = work.session.get(Location, location_id)
    return location.code if location else None


def sample_view(work: Work, sample: Sample) -> SampleView:
    exhibit = work.session.get(Exhibit, sample.exhibit_id)
    assert exhibit is not None
    case = work.session.get(Case, exhibit.case_id)
    assert case is not None
    parent = work.session.get(Sample, sample.parent_id) if sample.parent_id else None
    seals = work.session.scalars(
        select(Seal.serial)
        .where(Seal.sample_id == sample.id, Seal.state == SealState.APPLIED)
        .order_by(Seal.id)
    )
    return SampleView(
        id=sample.id,
        code=sample.code,
        compact=parse_human(sample.code).compact,
        case_number=case.case_number,
        exhibit_number=exhibit.number,
        parent_code=parent.code if parent else None,
        description=sample.description,
        presumptive_substance=sample.presumptive_substance,
        form=sample.form,
        unit_count=sample.unit_count,
        net_weight=sample.net_weight,
        balance_id=sample.balance_id,
        hazard=sample.hazard,
        status=sample.status,
        location=location_code(work, sample.location_id),
        holder=_name(work, sample.holder_id),
        seals=tuple(seals),
        created_at=sample.created_at,
        allowed=tuple(allowed_events(sample.status)),
    )
