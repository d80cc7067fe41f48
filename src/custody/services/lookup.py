"""Finding samples by any ID form, their history, and keyset pages for big tables."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import aliased

from custody.db.models import Case, CustodyEvent, Exhibit, Location, Person, Sample
from custody.domain.enums import EventType, SampleStatus
from custody.domain.ids import InvalidIdError, lookup_key
from custody.domain.permissions import Action
from custody.errors import NotFound, ValidationError
from custody.services.views import SampleView, sample_view
from custody.services.work import Work


@dataclass(frozen=True)
class EventView:
    id: int
    event_type: EventType
    occurred_at: datetime
    zone: str
    from_person: str | None
    to_person: str | None
    witness: str | None
    from_location: str | None
    to_location: str | None
    purpose: str | None
    seals_before: str | None
    seals_after: str | None
    seal_intact: bool | None
    weight: Decimal | None
    notes: str | None
    meaning: str | None
    auth: str
    workstation: str
    recorded_by: str
    corrects_id: int | None
    reason: str | None


@dataclass(frozen=True)
class SampleRow:
    """One line of the samples table (light: no per-row queries)."""

    id: int
    code: str
    case_number: str
    exhibit_number: int
    description: str
    status: SampleStatus
    location: str | None
    net_weight: Decimal
    created_at: datetime


def find_sample(work: Work, raw: str) -> SampleView:
    """A sample by its human ID (MX-AICM-2026-000123) or its compact scanner form."""
    work.require(Action.READ)
    try:
        key = lookup_key(raw)
    except InvalidIdError as error:
        raise ValidationError(str(error)) from None
    sample = work.session.scalars(select(Sample).where(Sample.code_key == key)).first()
    if sample is None:
        raise NotFound(f"There is no sample {raw.strip()} in this lab's records.")
    return sample_view(work, sample)


def history(work: Work, sample_id: int) -> list[EventView]:
    """Every custody event of a sample in recorded order (corrections included)."""
    work.require(Action.READ)
    if work.session.get(Sample, sample_id) is None:
        raise NotFound(f"There is no sample #{sample_id}.")
    people = {p.id: p.full_name for p in work.session.scalars(select(Person))}
    loc = aliased(Location)
    loc2 = aliased(Location)
    rows = work.session.execute(
        select(CustodyEvent, loc.code, loc2.code)
        .outerjoin(loc, CustodyEvent.from_location_id == loc.id)
        .outerjoin(loc2, CustodyEvent.to_location_id == loc2.id)
        .where(CustodyEvent.sample_id == sample_id)
        .order_by(CustodyEvent.id)
    ).all()
    return [
        EventView(
            e.id,
            e.event_type,
            e.occurred_at,
            e.zone,
            people.get(e.from_person_id or -1),
            people.get(e.to_person_id or -1),
            people.get(e.witness_id or -1),
            src,
            dst,
            e.purpose,
            e.seals_before,
            e.seals_after,
            e.seal_intact,
            e.weight,
            e.notes,
            e.meaning,
            e.auth,
            e.workstation,
            people.get(e.recorded_by_id, "?"),
            e.corrects_id,
            e.reason,
        )
        for e, src, dst in rows
    ]


def sample_page(
    work: Work,
    *,
    after_code: str | None = None,
    limit: int = 200,
    status: SampleStatus | None = None,
    code_prefix: str | None = None,
) -> list[SampleRow]:
    """A page of samples ordered by ID, after `after_code` (keyset paging: O(page), any depth)."""
    work.require(Action.READ)
    query = (
        select(
            Sample.id,
            Sample.code,
            Case.case_number,
            Exhibit.number,
            Sample.description,
            Sample.status,
            Location.code,
            Sample.net_weight,
            Sample.created_at,
        )
        .join(Exhibit, Sample.exhibit_id == Exhibit.id)
        .join(Case, Exhibit.case_id == Case.id)
        .outerjoin(Location, Sample.location_id == Location.id)
        .order_by(Sample.code)
        .limit(max(1, min(limit, 5000)))
    )
    if after_code is not None:
        query = query.where(Sample.code > after_code)
    if status is not None:
        query = query.where(Sample.status == status)
    if code_prefix:
        query = _prefixed(query, code_prefix)
    return [SampleRow(*row) for row in work.session.execute(query)]


def count_samples(
    work: Work, status: SampleStatus | None = None, code_prefix: str | None = None
) -> int:
    work.require(Action.READ)
    query = select(func.count()).select_from(Sample)
    if status is not None:
        query = query.where(Sample.status == status)
    if code_prefix:
        query = _prefixed(query, code_prefix)
    return int(work.session.scalar(query) or 0)


def _prefixed(query: Any, code_prefix: str) -> Any:
    """Rows whose code starts with `code_prefix`, as an index range (no LIKE scan)."""
    prefix = code_prefix.strip().upper()
    return query.where(Sample.code >= prefix, Sample.code < prefix + "\U0010ffff")
