"""Every query the services need. Services never build SQL; they call these.

`Session` is re-exported so that services can name the type without importing SQLAlchemy.
"""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session, aliased

from custody.db.base import Base
from custody.db.journal_table import journal
from custody.db.models import (
    Case,
    CustodyEvent,
    Exhibit,
    LabelPrint,
    Location,
    Person,
    Sample,
    Seal,
)
from custody.domain.enums import SealState

__all__ = ["Session"]

M = TypeVar("M", bound=Base)


def first(session: Session, model: type[M], **where: Any) -> M | None:
    """The first row of `model` matching the column values in `where` (by primary key order)."""
    query = select(model).filter_by(**where).order_by(model.id).limit(1)  # type: ignore[attr-defined]
    return session.scalars(query).first()


def exists(session: Session, model: type[M], **where: Any) -> bool:
    return first(session, model, **where) is not None


def all_of(session: Session, model: type[M], order_by: str) -> list[M]:
    return list(session.scalars(select(model).order_by(getattr(model, order_by))))


def rows_where(session: Session, model: type[M], order_by: str, **where: Any) -> list[M]:
    """Every row of `model` matching the column values in `where`, ordered by `order_by`."""
    query = select(model).filter_by(**where).order_by(getattr(model, order_by))
    return list(session.scalars(query))


def person(session: Session, person_id: int) -> Person:
    found = session.get(Person, person_id)
    if found is None:
        raise LookupError(f"no person #{person_id}")
    return found


def max_exhibit_number(session: Session, case_id: int) -> int:
    query = select(func.max(Exhibit.number)).where(Exhibit.case_id == case_id)
    return int(session.scalar(query) or 0)


def seals_of(
    session: Session, sample_id: int, state: SealState, *, unreplaced: bool = False
) -> list[Seal]:
    query = select(Seal).where(Seal.sample_id == sample_id, Seal.state == state)
    if unreplaced:
        query = query.where(Seal.replaced_by_id.is_(None))
    return list(session.scalars(query.order_by(Seal.id)))


def journal_size(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(journal)) or 0)


def people_names(session: Session) -> dict[int, str]:
    return {ident: name for ident, name in session.execute(select(Person.id, Person.full_name))}


# One statement for a sample's read model: the sample with its case, exhibit, parent,
# location and holder (prebuilt; SQLAlchemy caches its compiled form).
_parent = aliased(Sample)
_holder = aliased(Person)
_SEALS = (
    select(func.aggregate_strings(Seal.serial, ","))
    .where(Seal.sample_id == Sample.id, Seal.state == SealState.APPLIED)
    .scalar_subquery()
)
_VIEW = (
    select(
        Sample.id,
        Sample.code,
        Sample.code_key,
        Case.case_number,
        Exhibit.number,
        _parent.code,
        Sample.description,
        Sample.presumptive_substance,
        Sample.form,
        Sample.unit_count,
        Sample.net_weight,
        Sample.balance_id,
        Sample.hazard,
        Sample.status,
        Location.code,
        _holder.full_name,
        Sample.created_at,
        _SEALS,
    )
    .join(Exhibit, Sample.exhibit_id == Exhibit.id)
    .join(Case, Exhibit.case_id == Case.id)
    .outerjoin(_parent, Sample.parent_id == _parent.id)
    .outerjoin(Location, Sample.location_id == Location.id)
    .outerjoin(_holder, Sample.holder_id == _holder.id)
)
_VIEW_BY_ID = _VIEW.where(Sample.id == bindparam("value"))
_VIEW_BY_KEY = _VIEW.where(Sample.code_key == bindparam("value"))


def sample_view_row(
    session: Session, *, sample_id: int | None = None, key: str | None = None
) -> tuple[Any, ...] | None:
    """The sample read-model row by internal id or by lookup key (ID without hyphens)."""
    session.flush()
    statement = _VIEW_BY_ID if sample_id is not None else _VIEW_BY_KEY
    value = sample_id if sample_id is not None else key
    row = session.connection().execute(statement, {"value": value}).first()
    return None if row is None else tuple(row)


def sample_events(
    session: Session, sample_id: int
) -> list[tuple[CustodyEvent, str | None, str | None]]:
    """A sample's custody events in recorded order, with from/to location codes."""
    source = aliased(Location)
    target = aliased(Location)
    rows = session.execute(
        select(CustodyEvent, source.code, target.code)
        .outerjoin(source, CustodyEvent.from_location_id == source.id)
        .outerjoin(target, CustodyEvent.to_location_id == target.id)
        .where(CustodyEvent.sample_id == sample_id)
        .order_by(CustodyEvent.id)
    )
    return [(event, src, dst) for event, src, dst in rows]


def active_prints(session: Session, kind: str, body: str) -> list[LabelPrint]:
    """The labels of a record that are still valid (not voided by a reprint)."""
    query = select(LabelPrint).where(
        LabelPrint.kind == kind, LabelPrint.body == body, LabelPrint.voided.is_(False)
    )
    return list(session.scalars(query.order_by(LabelPrint.id)))


def last_serial(session: Session) -> int:
    return int(session.scalar(select(func.max(LabelPrint.serial))) or 0)


def print_count(session: Session, kind: str, body: str) -> int:
    """How many labels were ever printed for a record (voided ones included)."""
    query = select(func.count()).where(LabelPrint.kind == kind, LabelPrint.body == body)
    return int(session.scalar(query) or 0)


def journal_payloads_of_kind(session: Session, kind: str) -> list[str]:
    """The payloads of every entry of `kind`, oldest first (for rare kinds: key rotations)."""
    c = journal.c
    query = select(c.payload).where(c.kind == kind).order_by(c.seq)
    return [str(p) for p in session.scalars(query)]


def last_journal_seq_of_kind(session: Session, kind: str) -> int | None:
    c = journal.c
    found = session.scalar(select(func.max(c.seq)).where(c.kind == kind))
    return None if found is None else int(found)


def last_journal_payload_of_kind(session: Session, kind: str) -> str | None:
    c = journal.c
    query = select(c.payload).where(c.kind == kind).order_by(c.seq.desc()).limit(1)
    return session.scalar(query)
