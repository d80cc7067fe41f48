"""The samples list's filters (case, location subtree, registration dates, port, with status and
ID prefix): exactly the right samples, in code order, in every paging direction, on SQLite and
PostgreSQL; bad filters are refused with a message a clerk understands."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from functools import partial
from zoneinfo import ZoneInfo

import pytest

from custody import demo
from custody.context import AppContext
from custody.db import queries, sample_queries
from custody.db.models import Exhibit
from custody.domain.enums import SampleStatus
from custody.errors import NotFound, ValidationError
from custody.services import intake, lookup
from custody.services.intake import NewSample
from custody.services.lookup import SampleFilter, SampleRow
from lab_support import FakeClock

ZONE = ZoneInfo("America/Mexico_City")  # the demo lab's zone (UTC-6 all year)
PORT_OF = {row[0]: row[2] for row in demo._CASES}  # case number → port of seizure
INSIDE = {  # a location code → itself and every location inside it (demo tree)
    "VAULT-A": {
        "VAULT-A",
        "VAULT-A-S1",
        "VAULT-A-S1-B01",
        "VAULT-A-S1-B02",
        "VAULT-A-S2",
        "VAULT-A-S2-B01",
    },
    "VAULT-A-S1": {"VAULT-A-S1", "VAULT-A-S1-B01", "VAULT-A-S1-B02"},
    "VAULT-A-S2-B01": {"VAULT-A-S2-B01"},
}


@pytest.fixture
def ctx(
    make_ctx: Callable[[str], AppContext], db_url: str, clock: FakeClock
) -> Iterator[AppContext]:
    """The demo lab (registered on 1 Oct), plus samples registered on later days: one at
    23:30 local on 4 Oct (05:30 UTC on the 5th), others on 10 and 20 Oct."""
    clock.now = datetime(2026, 10, 1, 15, 0, tzinfo=UTC)  # after the demo's seizures
    context = make_ctx(db_url)
    demo.populate(context)
    tech = demo.DEMO_USERS[1]
    context.sign_in(tech.username, tech.password)
    exhibits = context.query(lambda w: [e.id for e in queries.all_of(w.session, Exhibit, "id")])
    for moment, exhibit in (
        (datetime(2026, 10, 5, 5, 30, tzinfo=UTC), exhibits[0]),
        (datetime(2026, 10, 10, 16, 0, tzinfo=UTC), exhibits[2]),
        (datetime(2026, 10, 20, 16, 0, tzinfo=UTC), exhibits[3]),
        (datetime(2026, 10, 20, 17, 0, tzinfo=UTC), exhibits[1]),
    ):
        clock.now = moment
        details = NewSample("Late draw", "5.0000", "BAL-XPR205-01")
        register = partial(intake.register_sample, exhibit_id=exhibit, details=details)
        context.perform("register sample", register)
    yield context


def everything(ctx: AppContext) -> list[SampleRow]:
    return ctx.query(partial(lookup.sample_page, limit=5000))


def expected(ctx: AppContext, where: SampleFilter) -> list[str]:
    """The oracle: every sample, filtered here in Python."""

    def keep(row: SampleRow) -> bool:
        day = row.created_at.astimezone(ZONE).date()
        return (
            (where.status is None or row.status == where.status)
            and (where.code_prefix is None or row.code.startswith(where.code_prefix.upper()))
            and (where.case is None or row.case_number.startswith(where.case.upper()))
            and (where.port is None or PORT_OF[row.case_number] == where.port)
            and (where.location is None or row.location in INSIDE[where.location.upper()])
            and (where.registered_from is None or day >= where.registered_from)
            and (where.registered_to is None or day <= where.registered_to)
        )

    return sorted(row.code for row in everything(ctx) if keep(row))


def codes(ctx: AppContext, where: SampleFilter, **paging: object) -> list[str]:
    rows = ctx.query(partial(lookup.sample_page, where=where, **paging))  # type: ignore[arg-type]
    return [row.code for row in rows]


FILTERS = [
    SampleFilter(case="FED/CDMX/AICM/0004502/2026"),
    SampleFilter(case="fed/cdmx/"),  # a prefix, any case of letters
    SampleFilter(case="FED/NOWHERE/"),
    SampleFilter(port="AICM"),
    SampleFilter(port="LZC"),
    SampleFilter(port="OTHER"),
    SampleFilter(location="VAULT-A"),
    SampleFilter(location="vault-a-s1"),
    SampleFilter(location="VAULT-A-S2-B01"),
    SampleFilter(registered_from=date(2026, 10, 4), registered_to=date(2026, 10, 4)),
    SampleFilter(registered_from=date(2026, 10, 5)),
    SampleFilter(registered_to=date(2026, 10, 10)),
    SampleFilter(registered_from=date(2026, 10, 10), registered_to=date(2026, 10, 20)),
    SampleFilter(registered_from=date(2026, 10, 20), registered_to=date(2026, 10, 10)),  # none
    SampleFilter(status=SampleStatus.STORED, port="AICM"),
    SampleFilter(status=SampleStatus.REGISTERED, case="FED/", registered_from=date(2026, 10, 5)),
    SampleFilter(code_prefix="MX-AICM-2026-00001", case="FED/"),
    SampleFilter(location="VAULT-A-S1", port="AICM", status=SampleStatus.STORED),
]


def test_each_filter_shows_exactly_its_samples_in_code_order(ctx: AppContext) -> None:
    assert len(everything(ctx)) == 15  # the demo's 11 and the 4 late ones
    seen_some = 0
    for where in FILTERS:
        want = expected(ctx, where)
        seen_some += bool(want)
        assert codes(ctx, where) == want, where
        assert ctx.query(partial(lookup.count_samples, where=where)) == len(want), where
        bounded = ctx.query(partial(lookup.count_samples, where=where, limit=2))
        assert bounded == min(2, len(want)), where
    assert seen_some >= 12  # the filters are not all empty


def test_the_day_is_the_lab_s_day_not_utc(ctx: AppContext) -> None:
    late = codes(
        ctx, SampleFilter(registered_from=date(2026, 10, 4), registered_to=date(2026, 10, 4))
    )
    assert len(late) == 1  # 05:30 UTC on the 5th is 23:30 on the 4th in Mexico City
    assert (
        codes(ctx, SampleFilter(registered_from=date(2026, 10, 5), registered_to=date(2026, 10, 5)))
        == []
    )


@pytest.mark.parametrize("where", FILTERS[:1] + FILTERS[3:4] + FILTERS[6:7] + FILTERS[12:13])
def test_every_paging_direction_keeps_to_the_filter(ctx: AppContext, where: SampleFilter) -> None:
    want = expected(ctx, where)
    n = len(want)
    assert n >= 2
    for skip in range(n + 1):
        assert codes(ctx, where, skip=skip, limit=2) == want[skip : skip + 2]
        tail = want[max(0, n - skip - 2) : n - skip]
        assert codes(ctx, where, backward=True, skip=skip, limit=2) == tail
    for i, code in enumerate(want):
        assert codes(ctx, where, after_code=code, limit=2) == want[i + 1 : i + 3]
        assert (
            codes(ctx, where, before_code=code, backward=True, limit=2) == want[max(0, i - 2) : i]
        )


@pytest.mark.parametrize(
    ("where", "error", "words"),
    [
        (SampleFilter(location="VAULT-Z"), NotFound, "There is no location 'VAULT-Z'"),
        (SampleFilter(port="XYZ"), ValidationError, "Unknown port 'XYZ'; use one of AICM"),
    ],
)
def test_a_bad_filter_is_refused_with_a_clear_message(
    ctx: AppContext, where: SampleFilter, error: type[Exception], words: str
) -> None:
    for call in (lookup.sample_page, lookup.count_samples):
        with pytest.raises(error, match=words):
            ctx.query(partial(call, where=where))


def test_wide_filters_walk_the_code_index_with_the_same_result(
    ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At 1,000,000 samples a wide filter is checked along the code index (on SQLite): the
    rows must be the same as through the filter's own index."""
    monkeypatch.setattr(sample_queries, "SELECTIVE_BELOW", 1)  # every filter is 'wide'
    for where in FILTERS:
        want = expected(ctx, where)
        assert codes(ctx, where) == want, where
        assert ctx.query(partial(lookup.count_samples, where=where)) == len(want), where
        n = len(want)
        for skip in range(n + 1):
            assert codes(ctx, where, skip=skip, limit=2) == want[skip : skip + 2], where
            tail = want[max(0, n - skip - 2) : n - skip]
            assert codes(ctx, where, backward=True, skip=skip, limit=2) == tail, where
        for i, code in enumerate(want):
            assert codes(ctx, where, after_code=code, limit=2) == want[i + 1 : i + 3], where
