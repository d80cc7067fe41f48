"""The samples list: keyset pages ordered by sample code and counts, under any filter.

Every filter must stay O(page) at 1,000,000 samples. On SQLite (no statistics) the plan is
chosen here, by bounded counts: the most selective narrowing filter (case, port, location,
registration dates) drives when it matches fewer than `SELECTIVE_BELOW` samples (its index is
read, the page's rows kept while sorting); otherwise the code index drives (or (status, code))
and each sample is checked until the page is full. A term kept off its index is written with a
unary '+' (a no-op in SQLite). PostgreSQL plans from its own statistics: no hints there.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import Integer, String, func, literal_column, select
from sqlalchemy.orm import Session

from custody.db.models import Case, Exhibit, Location, Sample, Seizure
from custody.db.types import UTCDateTime
from custody.domain.enums import SampleStatus

# A narrowing filter matching fewer samples than this drives the plan (reading its matches
# costs ~1 ms per 4,000 at 1,000,000 samples); a wider one is checked along the code index.
SELECTIVE_BELOW = 50_000
_TOP = "\U0010ffff"  # above every character: a prefix as an index range, not a LIKE scan
_CODE = "code"  # the plan walks the code index (the narrowing terms are only checked)
_PLAIN = "plain"  # no hints (PostgreSQL, or no narrowing filter)


@dataclass(frozen=True)
class SampleCriteria:
    """What a samples list is filtered by (every field optional; all must hold)."""

    status: SampleStatus | None = None
    code_prefix: str | None = None
    case_prefix: str | None = None  # a case number or its beginning
    location_ids: tuple[int, ...] | None = None  # a location and every one inside it
    since: datetime | None = None  # registered at or after (UTC)
    until: datetime | None = None  # registered before (UTC)
    port: str | None = None  # port of seizure

    def narrowing(self) -> tuple[str, ...]:
        """The filters beyond status and ID prefix (those have their own code-ordered index)."""
        present = {
            "case": self.case_prefix is not None,
            "port": self.port is not None,
            "location": self.location_ids is not None,
            "date": self.since is not None or self.until is not None,
        }
        return tuple(name for name, on in present.items() if on)

    def only(self, term: str) -> SampleCriteria:
        """This filter with a single narrowing term (for its bounded count)."""
        keep = SampleCriteria(
            case_prefix=self.case_prefix,
            location_ids=self.location_ids,
            since=self.since,
            until=self.until,
            port=self.port,
        )
        drop: dict[str, Any] = {
            "case": {"case_prefix": None},
            "port": {"port": None},
            "location": {"location_ids": None},
            "date": {"since": None, "until": None},
        }
        for name in self.narrowing():
            if name != term:
                keep = replace(keep, **drop[name])
        return keep


_PAGE = (
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
)


def sample_page(
    session: Session,
    *,
    after_code: str | None,
    limit: int,
    criteria: SampleCriteria,
    before_code: str | None = None,
    skip: int = 0,
    backward: bool = False,
) -> list[tuple[Any, ...]]:
    """Keyset page ordered by sample code: O(page) at any depth.

    Forward: the `limit` samples after `after_code` (from the first when None). Backward: the
    `limit` samples before `before_code` (from the last when None), returned in code order.
    `skip` first passes over that many matching samples, counted from where the page starts
    (an OFFSET in a subquery on the driving index: no join per skipped row)."""
    driver = choose_driver(session, criteria)
    code = _col("code", String()) if driver not in (_CODE, _PLAIN) else Sample.code
    order = code.desc() if backward else code
    bound = []
    if backward and before_code is not None:
        bound.append(code < before_code)
    if not backward and after_code is not None:
        bound.append(code > after_code)
    if driver == _CODE and "date" in criteria.narrowing():
        # Registration order follows code order closely but not exactly: start the walk at
        # the first (last) code registered in the range (index only, on (created_at, code)).
        if not backward and after_code is None:
            bound.append(Sample.code >= _dated(func.min(Sample.code), criteria))
        if backward and before_code is None:
            bound.append(Sample.code <= _dated(func.max(Sample.code), criteria))
    query = _filtered(_PAGE.where(*bound), criteria, driver).order_by(order).limit(limit)
    if skip > 0:
        seek = _filtered(select(Sample.code).where(*bound), criteria, driver)
        start = seek.order_by(order).offset(skip).limit(1).scalar_subquery()
        query = query.where(code <= start if backward else code >= start)
    rows = [tuple(row) for row in session.connection().execute(query)]
    return rows[::-1] if backward else rows


def count_samples(session: Session, *, criteria: SampleCriteria, limit: int | None = None) -> int:
    """How many samples match; with `limit`, counting stops there (O(limit), not O(table))."""
    driver = choose_driver(session, criteria)
    return _count(session, criteria, limit, _PLAIN if driver == _CODE else driver)


def _count(session: Session, criteria: SampleCriteria, limit: int | None, driver: str) -> int:
    if limit is None:
        query = _filtered(select(func.count()).select_from(Sample), criteria, driver)
    else:
        matching = _filtered(select(literal_column("1")).select_from(Sample), criteria, driver)
        query = select(func.count()).select_from(matching.limit(limit).subquery())
    return int(session.scalar(query) or 0)


def choose_driver(session: Session, criteria: SampleCriteria) -> str:
    """Which index leads the plan: a narrowing term's ("case", "port", "location", "date"),
    the code order's ("code"), or the database's own choice ("plain")."""
    terms = criteria.narrowing()
    if not terms or session.get_bind().dialect.name != "sqlite":
        return _PLAIN
    best, fewest = _CODE, SELECTIVE_BELOW
    for term in terms:
        found = _count(session, criteria.only(term), fewest, _PLAIN)
        if found < fewest:
            best, fewest = term, found
    return best


def location_subtree(session: Session, code: str) -> tuple[int, ...] | None:
    """The ids of a location and of every location inside it; None if there is no such code."""
    root = select(Location.id).where(Location.code == code).cte("tree", recursive=True)
    tree = root.union_all(select(Location.id).join(root, Location.parent_id == root.c.id))
    ids = tuple(session.scalars(select(tree.c.id)))
    return ids or None


def _dated(extreme: Any, criteria: SampleCriteria) -> Any:
    """The lowest or highest code among the samples registered in the filter's range."""
    query = select(extreme)
    if criteria.since is not None:
        query = query.where(Sample.created_at >= criteria.since)
    if criteria.until is not None:
        query = query.where(Sample.created_at < criteria.until)
    return query.scalar_subquery()


def _col(column: str, type_: Any) -> Any:
    """samples.<column> kept off its indexes (SQLite only: a unary '+')."""
    return literal_column(f"+samples.{column}", type_)


def _filtered(query: Any, criteria: SampleCriteria, driver: str) -> Any:
    """`query` narrowed to the samples matching `criteria`, each term on its index only when
    `driver` says so (see `choose_driver`)."""

    def col(name: str, term: str | None, type_: Any) -> Any:
        """Status and ID prefix (term None) serve the code order; a narrowing term drives."""
        if driver == _PLAIN or term == driver or (term is None and driver == _CODE):
            return getattr(Sample, name)
        return _col(name, type_)

    c = criteria
    if c.status is not None:
        query = query.where(col("status", None, Sample.status.type) == c.status)
    if c.code_prefix:
        prefix = c.code_prefix.strip().upper()
        code = col("code", None, String())
        query = query.where(code >= prefix, code < prefix + _TOP)
    if c.case_prefix:
        cases = Case.case_number >= c.case_prefix, Case.case_number < c.case_prefix + _TOP
        numbered = select(Exhibit.id).join(Case, Exhibit.case_id == Case.id).where(*cases)
        query = query.where(col("exhibit_id", "case", Integer()).in_(numbered))
    if c.port is not None:
        seized = select(Exhibit.id).join(Seizure, Exhibit.seizure_id == Seizure.id)
        seized = seized.where(Seizure.port == c.port)
        query = query.where(col("exhibit_id", "port", Integer()).in_(seized))
    if c.location_ids is not None:
        query = query.where(col("location_id", "location", Integer()).in_(c.location_ids))
    created = col("created_at", "date", UTCDateTime())
    if c.since is not None:
        query = query.where(created >= c.since)
    if c.until is not None:
        query = query.where(created < c.until)
    return query
