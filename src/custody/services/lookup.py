"""Finding samples by any ID form, their history, and keyset pages for big tables."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from custody.db import queries, sample_queries
from custody.db.models import Sample
from custody.domain.enums import EventType, SampleStatus
from custody.domain.ids import InvalidIdError, lookup_key
from custody.domain.messages import message_of, t
from custody.domain.permissions import Action
from custody.errors import NotFound, ValidationError
from custody.services.intake import PORTS
from custody.services.views import SampleView, sample_view_by
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
        raise ValidationError(message_of(error)) from None
    try:
        return sample_view_by(work, key=key)
    except NotFound:
        raise NotFound(
            t("There is no sample {raw} in this lab's records.", raw=raw.strip())
        ) from None


def history(work: Work, sample_id: int) -> list[EventView]:
    """Every custody event of a sample in recorded order (corrections included)."""
    work.require(Action.READ)
    if work.session.get(Sample, sample_id) is None:
        raise NotFound(t("There is no sample #{id}.", id=sample_id))
    people = queries.people_names(work.session)
    rows = queries.sample_events(work.session, sample_id)
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


@dataclass(frozen=True)
class SampleFilter:
    """What the samples list shows: every field optional, all must hold.

    `case`: a case number or its beginning ("FED/CDMX/" → every Mexico City case).
    `location`: a storage location code: the samples in it and in every location inside it.
    `registered_from`/`registered_to`: days in the lab's time zone, both included.
    `port`: the port of seizure (one of `intake.PORTS`)."""

    status: SampleStatus | None = None
    code_prefix: str | None = None
    case: str | None = None
    location: str | None = None
    registered_from: date | None = None
    registered_to: date | None = None
    port: str | None = None


def sample_page(
    work: Work,
    *,
    after_code: str | None = None,
    limit: int = 200,
    status: SampleStatus | None = None,
    code_prefix: str | None = None,
    before_code: str | None = None,
    skip: int = 0,
    backward: bool = False,
    where: SampleFilter | None = None,
) -> list[SampleRow]:
    """A page of samples ordered by ID, after `after_code` (keyset paging: O(page), any depth).

    `backward`: the page before `before_code` (the last page when None), still in ID order.
    `skip`: pass over that many matching samples first (O(skip); for a jump into the middle).
    `where`: the full filter (its status and prefix win over `status`/`code_prefix`).
    An unknown location or port is a NotFound or ValidationError with a clerk-readable
    message; dates the wrong way round match nothing (the view says why before asking).
    """
    work.require(Action.READ)
    rows = sample_queries.sample_page(
        work.session,
        after_code=after_code,
        limit=max(1, min(limit, 5000)),
        criteria=_criteria(work, where or SampleFilter(status, code_prefix)),
        before_code=before_code,
        skip=max(0, skip),
        backward=backward,
    )
    return [SampleRow(*row) for row in rows]


def count_samples(
    work: Work,
    status: SampleStatus | None = None,
    code_prefix: str | None = None,
    *,
    limit: int | None = None,
    where: SampleFilter | None = None,
) -> int:
    """How many samples match the filter; with `limit`, at most `limit` (a cheap bounded
    count: O(limit) where the exact count is O(matches))."""
    work.require(Action.READ)
    criteria = _criteria(work, where or SampleFilter(status, code_prefix))
    return sample_queries.count_samples(work.session, criteria=criteria, limit=limit)


def _criteria(work: Work, where: SampleFilter) -> sample_queries.SampleCriteria:
    """The query's terms for a filter: location code → its subtree, local days → UTC."""
    start, end = where.registered_from, where.registered_to  # reversed: an empty range
    port = where.port.strip().upper() if where.port else None
    if port is not None and port not in PORTS:
        raise ValidationError(
            t("Unknown port '{port}'; use one of {ports}.", port=where.port,
              ports=", ".join(PORTS))
        )  # fmt: skip
    ids = None
    if where.location and where.location.strip():
        code = where.location.strip().upper()
        ids = sample_queries.location_subtree(work.session, code)
        if ids is None:
            raise NotFound(t("There is no location '{code}'.", code=code))
    zone = ZoneInfo(work.zone)
    case = where.case.strip().upper() if where.case else None
    return sample_queries.SampleCriteria(
        status=where.status,
        code_prefix=where.code_prefix or None,
        case_prefix=case or None,
        location_ids=ids,
        since=None if start is None else _midnight(start, zone),
        until=None if end is None else _midnight(end + timedelta(days=1), zone),
        port=port,
    )


def _midnight(day: date, zone: ZoneInfo) -> datetime:
    """The first moment of a local day (a day may start at 01:00 on a DST change)."""
    return datetime.combine(day, time(0), zone)
