"""Storage locations: a hierarchy (vault › shelf › box), each with its own label."""

from __future__ import annotations

from dataclasses import dataclass

from custody.db import queries
from custody.db.models import Location
from custody.domain import text
from custody.domain.enums import LocationKind
from custody.domain.messages import message_of, t
from custody.domain.permissions import Action
from custody.errors import Conflict, NotFound, ValidationError
from custody.services.work import Work


@dataclass(frozen=True)
class LocationView:
    id: int
    code: str
    name: str
    kind: LocationKind
    parent_code: str | None
    active: bool


def _code(code: str) -> str:
    cleaned = code.strip().upper()
    if not cleaned or len(cleaned) > 64 or not all(c.isalnum() or c in "-_." for c in cleaned):
        raise ValidationError(
            t("A location code is 1–64 letters, digits, '-', '_' or '.', e.g. VAULT-A-S2-B05.")
        )
    return cleaned


def add_location(
    work: Work, code: str, name: str, kind: LocationKind, parent_code: str | None = None
) -> LocationView:
    work.require(Action.MANAGE_LOCATIONS, subject=f"location:{code}")
    cleaned = _code(code)
    if queries.exists(work.session, Location, code=cleaned):
        raise Conflict(t("The location code {code} exists already.", code=cleaned))
    parent = None
    if parent_code:
        parent = queries.first(work.session, Location, code=_code(parent_code))
        if parent is None:
            raise NotFound(t("There is no location '{code}'.", code=parent_code))
    try:
        label = text.required(name, t("location name"), max_len=200)
    except ValueError as error:
        raise ValidationError(message_of(error)) from None
    location = Location(
        code=cleaned,
        name=label,
        kind=LocationKind(kind),
        parent_id=parent.id if parent else None,
        active=True,
    )
    work.session.add(location)
    work.session.flush()
    work.record("location.create", f"location:{cleaned}")
    return LocationView(
        location.id, cleaned, label, location.kind, parent.code if parent else None, True
    )


def list_locations(work: Work) -> list[LocationView]:
    work.require(Action.READ)
    rows = queries.all_of(work.session, Location, order_by="code")
    codes = {row.id: row.code for row in rows}
    return [
        LocationView(r.id, r.code, r.name, r.kind, codes.get(r.parent_id or -1), r.active)
        for r in rows
    ]
