"""Frozen read models handed to the CLI and the UI (never ORM instances)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from custody.db import queries
from custody.db.models import Sample
from custody.domain import checkchar
from custody.domain.enums import EventType, SampleForm, SampleStatus
from custody.domain.messages import t
from custody.domain.states import allowed_events
from custody.errors import NotFound
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


def sample_view(work: Work, sample: Sample) -> SampleView:
    return sample_view_by(work, sample_id=sample.id)


def sample_view_by(
    work: Work, *, sample_id: int | None = None, key: str | None = None
) -> SampleView:
    """The read model of a sample, by internal id or by lookup key (one statement)."""
    row = queries.sample_view_row(work.session, sample_id=sample_id, key=key)
    if row is None:
        raise NotFound(
            t("There is no sample {sample} in this lab's records.", sample=key or f"#{sample_id}")
        )
    (
        ident,
        code,
        code_key,
        case_number,
        exhibit_number,
        parent_code,
        description,
        substance,
        form,
        units,
        weight,
        balance,
        hazard,
        status,
        location,
        holder,
        created_at,
        seals,
    ) = row
    return SampleView(
        id=ident,
        code=code,
        compact=code_key + checkchar.compute(code_key),
        case_number=case_number,
        exhibit_number=exhibit_number,
        parent_code=parent_code,
        description=description,
        presumptive_substance=substance,
        form=form,
        unit_count=units,
        net_weight=weight,
        balance_id=balance,
        hazard=hazard,
        status=status,
        location=location,
        holder=holder,
        seals=tuple(sorted(seals.split(","))) if seals else (),
        created_at=created_at,
        allowed=tuple(allowed_events(status)),
    )
