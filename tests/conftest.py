"""Shared fixtures: real database files (SQLite always, PostgreSQL when a server is given)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from argon2.profiles import CHEAPEST

from custody.context import AppContext
from lab_support import PG_URL_ENV, FakeClock, Lab, build_lab, skip_or_fail


def _reset_postgres(url: str) -> None:
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite+pysqlite:///{tmp_path / 'custody.sqlite'}"
    return request.getfixturevalue("pg_url")  # type: ignore[no-any-return]


@pytest.fixture
def pg_url() -> str:
    url = os.environ.get(PG_URL_ENV, "")
    if not url:
        skip_or_fail(f"no PostgreSQL server: set {PG_URL_ENV} (scripts/pg-test-server)")
    _reset_postgres(url)
    return url


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite+pysqlite:///{tmp_path / 'custody.sqlite'}"


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def make_ctx(clock: FakeClock, tmp_path: Path) -> Iterator[Callable[[str], AppContext]]:
    made: list[AppContext] = []

    def make(url: str) -> AppContext:
        ctx = AppContext(
            url, workstation="test-ws", clock=clock, hasher=PasswordHasher.from_parameters(CHEAPEST)
        )
        if ctx.signing_key_file is None:  # PostgreSQL: the key file of this test's lab
            ctx.signing_key_file = tmp_path / "pg.signing-key"
        made.append(ctx)
        return ctx

    yield make
    for ctx in made:
        ctx.close()


@pytest.fixture
def lab_db(make_ctx: Callable[[str], AppContext], db_url: str) -> Lab:
    """A set-up lab on SQLite and PostgreSQL: four users, a vault, one case with an exhibit."""
    return build_lab(make_ctx(db_url), db_url)


@pytest.fixture
def sqlite_lab(make_ctx: Callable[[str], AppContext], sqlite_url: str) -> Lab:
    return build_lab(make_ctx(sqlite_url), sqlite_url)
