"""Consignees: the laboratories shipments go to (DEA OFS laboratories), as editable reference
data. A consignee in use is archived, never deleted."""

from __future__ import annotations

from dataclasses import dataclass

from custody.db import queries
from custody.db.models import Consignee
from custody.domain import text
from custody.domain.messages import message_of, t
from custody.domain.permissions import Action
from custody.errors import Conflict, NotFound, ValidationError
from custody.services.work import Work

#: The DEA Office of Forensic Sciences laboratories a lab is most likely to ship to; loaded by
#: :func:`add_defaults` (addresses as published by the DEA; check them before first use).
DEA_LABS = (
    (
        "DEA Special Testing and Research Laboratory",
        "22624 Dulles Summit Court\nDulles, VA 20166\nUnited States",
    ),
    (
        "DEA South Central Laboratory",
        "1880 Regal Row\nDallas, TX 75235\nUnited States",
    ),
    (
        "DEA Western Laboratory",
        "390 Main Street, Room 700\nSan Francisco, CA 94105\nUnited States",
    ),
)


@dataclass(frozen=True)
class ConsigneeView:
    id: int
    name: str
    address: str
    active: bool


def _view(row: Consignee) -> ConsigneeView:
    return ConsigneeView(row.id, row.name, row.address, row.active)


def _fields(name: str, address: str) -> tuple[str, str]:
    try:
        return (
            text.required(name, t("consignee name"), max_len=200),
            text.lines(address, t("consignee address"), max_len=1000),
        )
    except ValueError as error:
        raise ValidationError(message_of(error)) from None


def add(work: Work, name: str, address: str) -> ConsigneeView:
    work.require(Action.SETTINGS, subject=f"consignee:{name}")
    clean_name, clean_address = _fields(name, address)
    if queries.exists(work.session, Consignee, name=clean_name):
        raise Conflict(t("There is a consignee called {name} already.", name=clean_name))
    row = Consignee(name=clean_name, address=clean_address, active=True)
    work.session.add(row)
    work.session.flush()
    work.record("consignee.add", f"consignee:{row.id}", {"name": clean_name})
    return _view(row)


def update(
    work: Work, consignee_id: int, name: str, address: str, *, active: bool = True
) -> ConsigneeView:
    work.require(Action.SETTINGS, subject=f"consignee:{consignee_id}")
    row = get(work, consignee_id)
    clean_name, clean_address = _fields(name, address)
    other = queries.first(work.session, Consignee, name=clean_name)
    if other is not None and other.id != row.id:
        raise Conflict(t("There is a consignee called {name} already.", name=clean_name))
    if (row.name, row.address, row.active) == (clean_name, clean_address, active):
        return _view(row)
    row.name, row.address, row.active = clean_name, clean_address, active
    work.session.flush()
    work.record("consignee.update", f"consignee:{row.id}", {"name": clean_name})
    return _view(row)


def add_defaults(work: Work) -> list[ConsigneeView]:
    """Add the DEA laboratories that are not there yet; return the ones added."""
    return [
        add(work, name, address)
        for name, address in DEA_LABS
        if not queries.exists(work.session, Consignee, name=name)
    ]


def get(work: Work, consignee_id: int) -> Consignee:
    row = work.session.get(Consignee, consignee_id)
    if row is None:
        raise NotFound(t("There is no consignee #{id}.", id=consignee_id))
    return row


def find(work: Work, raw: str) -> Consignee:
    """A consignee by number ('3') or by exact name (any case)."""
    wanted = raw.strip()
    if wanted.isdigit():
        return get(work, int(wanted))
    for row in queries.all_of(work.session, Consignee, order_by="name"):
        if row.name.casefold() == wanted.casefold():
            return row
    raise NotFound(
        t("There is no consignee '{wanted}'. List them with `consignee list`.", wanted=wanted)
    )


def list_all(work: Work, *, include_archived: bool = False) -> list[ConsigneeView]:
    work.require(Action.READ)
    rows = queries.all_of(work.session, Consignee, order_by="name")
    return [_view(r) for r in rows if include_archived or r.active]
