"""The samples list and dashboard queries: right rows in every paging direction, and plans that
read an index, never every sample into a sort (benchmarks/bench_ui.py measures them at 1M)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from argon2 import PasswordHasher
from argon2.profiles import CHEAPEST
from sqlalchemy import event

from custody import demo
from custody.context import AppContext
from custody.db import dashboard_queries, queries, sample_queries
from custody.db.models import Location
from custody.domain.enums import SampleStatus

STORED = SampleStatus.STORED


@pytest.fixture(scope="module")
def ctx(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppContext]:
    """The demo database: 11 samples, 10 stored and 1 sealed (read only here)."""
    path: Path = tmp_path_factory.mktemp("queries") / "demo.sqlite"
    context = AppContext(
        f"sqlite+pysqlite:///{path}", hasher=PasswordHasher.from_parameters(CHEAPEST)
    )
    demo.populate(context)
    yield context
    context.close()


def split(kwargs: dict[str, Any]) -> dict[str, Any]:
    """sample_page's arguments, with the filter fields gathered into its criteria."""
    fields = set(sample_queries.SampleCriteria.__dataclass_fields__)
    criteria = sample_queries.SampleCriteria(**{k: v for k, v in kwargs.items() if k in fields})
    rest = {k: v for k, v in kwargs.items() if k not in fields}
    return {"after_code": None, "limit": 200, "criteria": criteria, **rest}


def page(ctx: AppContext, **kwargs: Any) -> list[str]:
    values = split(kwargs)
    return [row[1] for row in ctx.query(lambda w: sample_queries.sample_page(w.session, **values))]


def all_codes(ctx: AppContext, status: SampleStatus | None = None) -> list[str]:
    return page(ctx, status=status)


@pytest.mark.parametrize("status", [None, STORED])
def test_pages_in_every_direction_follow_code_order(ctx: AppContext, status: Any) -> None:
    codes = all_codes(ctx, status)
    assert codes == sorted(codes) and len(codes) == (11 if status is None else 10)
    n = len(codes)
    for skip in range(n + 1):
        for limit in (1, 3):
            assert page(ctx, status=status, skip=skip, limit=limit) == codes[skip : skip + limit]
            tail = codes[max(0, n - skip - limit) : n - skip]
            assert page(ctx, status=status, backward=True, skip=skip, limit=limit) == tail
    for i, code in enumerate(codes):
        assert page(ctx, status=status, after_code=code, limit=3) == codes[i + 1 : i + 4]
        assert (
            page(ctx, status=status, before_code=code, backward=True, limit=3)
            == codes[max(0, i - 3) : i]
        )
        assert page(ctx, status=status, after_code=code, skip=2, limit=2) == codes[i + 3 : i + 5]
        assert (
            page(ctx, status=status, before_code=code, backward=True, skip=1, limit=2)
            == codes[max(0, i - 3) : max(0, i - 1)]
        )


def test_a_prefix_pages_backward_too(ctx: AppContext) -> None:
    prefix = "mx-aicm-2026-00001"
    assert page(ctx, code_prefix=prefix, backward=True, limit=1) == ["MX-AICM-2026-000011"]
    assert page(ctx, code_prefix=prefix, backward=True, skip=1) == ["MX-AICM-2026-000010"]


def test_a_bounded_count_stops_at_its_limit(ctx: AppContext) -> None:
    def count(**kwargs: Any) -> int:
        values = split(kwargs)
        del values["after_code"], values["limit"]
        limit = kwargs.get("limit")
        return ctx.query(lambda w: sample_queries.count_samples(w.session, limit=limit, **values))

    assert count() == 11 and count(limit=3) == 3 and count(limit=50) == 11
    assert count(status=STORED) == 10 and count(status=STORED, limit=4) == 4
    assert count(code_prefix="MX-AICM-2026-00001", limit=5) == 2


def plans(ctx: AppContext, run: Callable[[Any], object]) -> list[str]:
    """The query plan lines of every SELECT that `run(work)` sends."""
    seen: list[tuple[str, Any]] = []

    def hook(_conn: Any, _cursor: Any, statement: str, params: Any, *_: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            seen.append((statement, params))

    event.listen(ctx.engine, "before_cursor_execute", hook)
    try:
        ctx.query(run)
    finally:
        event.remove(ctx.engine, "before_cursor_execute", hook)
    assert seen
    raw = ctx.engine.raw_connection()
    try:
        return [
            str(line[3])
            for statement, params in seen
            for line in raw.cursor().execute("EXPLAIN QUERY PLAN " + statement, params)
        ]
    finally:
        raw.close()


@pytest.mark.parametrize(
    "kwargs",
    [
        {"status": STORED},
        {"status": STORED, "after_code": "MX-AICM-2026-000004"},
        {"status": STORED, "skip": 5},
        {"status": STORED, "backward": True, "skip": 2},
        {"status": STORED, "code_prefix": "MX-AICM-2026-00001"},
    ],
)
def test_a_status_page_walks_the_status_code_index_without_sorting(
    ctx: AppContext, kwargs: dict[str, Any]
) -> None:
    values = split(kwargs)
    lines = plans(ctx, lambda w: sample_queries.sample_page(w.session, **values))
    samples = [line for line in lines if " samples " in f"{line} "]
    assert samples and all("ix_samples_status_code" in line for line in samples), lines
    assert not any("TEMP B-TREE" in line for line in lines), lines  # was: sort every match


def test_pages_without_a_status_walk_the_code_index(ctx: AppContext) -> None:
    for kwargs in ({"skip": 5}, {"backward": True}, {"code_prefix": "MX-AICM-2026-0000"}):
        values = split(kwargs)
        lines = plans(ctx, lambda w, v=values: sample_queries.sample_page(w.session, **v))
        assert not any("TEMP B-TREE" in line for line in lines), lines
        assert any("sqlite_autoindex_samples_1" in line for line in lines), lines


def test_dashboard_aggregates_read_indexes_only(ctx: AppContext) -> None:
    since = datetime(2025, 12, 1, tzinfo=UTC)
    months = plans(ctx, lambda w: dashboard_queries.samples_by_month(w.session, since))
    assert any("COVERING INDEX ix_samples_created_code" in line for line in months), months
    assert not any("TEMP B-TREE" in line for line in months), months  # was: substr + sort
    ports = plans(ctx, lambda w: dashboard_queries.samples_by_port(w.session))
    samples = [line for line in ports if " samples " in f"{line} "]
    assert samples == ["SCAN samples USING COVERING INDEX ix_samples_exhibit_code"], ports
    statuses = plans(ctx, lambda w: dashboard_queries.samples_by_status(w.session))
    assert statuses == ["SCAN samples USING COVERING INDEX ix_samples_status_code"], statuses


def test_samples_by_month_counts_each_month_from_since(ctx: AppContext) -> None:
    total = len(all_codes(ctx))
    now = datetime.now(UTC)
    since = datetime(now.year - 1, 1, 1, tzinfo=UTC)
    months = ctx.query(lambda w: dashboard_queries.samples_by_month(w.session, since))
    assert list(months) == sorted(months) and next(iter(months)) == f"{now.year - 1}-01"
    assert sum(months.values()) == total  # the demo registers its samples now
    assert months[f"{now:%Y-%m}"] == total
    later = datetime(now.year + 1, 1, 1, tzinfo=UTC)
    assert ctx.query(lambda w: dashboard_queries.samples_by_month(w.session, later)) == {}


def narrowing_plans(ctx: AppContext, **kwargs: Any) -> list[str]:
    values = split(kwargs)
    lines = plans(ctx, lambda w: sample_queries.sample_page(w.session, **values))
    return [line for line in lines if " samples " in f"{line} "]


def location_ids(ctx: AppContext, code: str) -> tuple[int, ...]:
    found = ctx.query(lambda w: sample_queries.location_subtree(w.session, code))
    assert found is not None
    return found


SINCE = datetime(2000, 1, 1, tzinfo=UTC)


@pytest.mark.parametrize(
    ("term", "index"),
    [
        ({"case_prefix": "FED/COL/"}, "ix_samples_exhibit_code"),
        ({"port": "MZO"}, "ix_samples_exhibit_code"),
        ({"location_ids": "VAULT-A-S1"}, "ix_samples_location_code"),
        ({"since": SINCE}, "ix_samples_created_code"),
    ],
)
@pytest.mark.parametrize("extra", [{}, {"status": STORED}, {"after_code": "MX-AICM-2026-000002"}])
def test_a_selective_filter_reads_its_own_index_never_every_sample(
    ctx: AppContext, term: dict[str, Any], index: str, extra: dict[str, Any]
) -> None:
    if "location_ids" in term:
        term = {"location_ids": location_ids(ctx, term["location_ids"])}
    for paging in ({}, {"skip": 2}, {"backward": True}):
        lines = narrowing_plans(ctx, **term, **extra, **paging)
        assert lines and not any(line.startswith("SCAN samples") for line in lines), lines
        assert any(index in line for line in lines), lines


@pytest.mark.parametrize(
    "term",
    [{"case_prefix": "FED/"}, {"port": "AICM"}, {"location_ids": "VAULT-A"}, {"since": SINCE}],
)
@pytest.mark.parametrize("status", [None, STORED])
def test_a_wide_filter_walks_the_code_index_and_stops_at_the_limit(
    ctx: AppContext, monkeypatch: pytest.MonkeyPatch, term: dict[str, Any], status: Any
) -> None:
    """Wide (here: every filter, the threshold is 1): no sort of the matches, the code index
    (or (status, code)) leads and the page stops at its LIMIT."""
    monkeypatch.setattr(sample_queries, "SELECTIVE_BELOW", 1)
    if "location_ids" in term:
        term = {"location_ids": location_ids(ctx, term["location_ids"])}
    code_index = "ix_samples_status_code" if status else "sqlite_autoindex_samples_1"
    for paging in ({}, {"after_code": "MX-AICM-2026-000002"}, {"backward": True}, {"skip": 3}):
        values = split({**term, "status": status, **paging})
        lines = plans(ctx, lambda w, v=values: sample_queries.sample_page(w.session, **v))
        page_lines = [line for line in lines if "TEMP B-TREE" in line]
        assert page_lines == [], lines
        assert any(code_index in line for line in lines), lines


def test_location_subtree_is_the_location_and_everything_inside(ctx: AppContext) -> None:
    def codes(code: str) -> set[str] | None:
        def run(w: Any) -> set[str] | None:
            ids = sample_queries.location_subtree(w.session, code)
            if ids is None:
                return None
            rows = queries.all_of(w.session, Location, order_by="id")
            return {row.code for row in rows if row.id in ids}

        return ctx.query(run)

    assert codes("VAULT-A-S1") == {"VAULT-A-S1", "VAULT-A-S1-B01", "VAULT-A-S1-B02"}
    assert codes("VAULT-A-S2-B01") == {"VAULT-A-S2-B01"}
    assert codes("VAULT-A") is not None and len(codes("VAULT-A") or ()) == 6
    assert codes("NOPE") is None
