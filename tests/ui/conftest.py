"""UI fixtures: the offscreen platform, and one demo database built once per test session."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before pytest-qt creates the QApplication

from collections.abc import Iterator
from pathlib import Path

import pytest
from ui_support import OFFSCREEN_NOISE, SUPERVISOR, make_ctx

from custody import demo
from custody.context import AppContext
from custody.services import lab
from custody.services.lab import LabView

HERE = Path(__file__).parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.path.is_relative_to(HERE):
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


@pytest.fixture(scope="session")
def demo_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A demo database (4 cases, 11 samples), populated once; tests only read it or sign in."""
    path: Path = tmp_path_factory.mktemp("ui-demo") / "demo.sqlite"
    url = f"sqlite+pysqlite:///{path}"
    ctx = make_ctx(url)
    try:
        demo.populate(ctx)
    finally:
        ctx.close()
    return url


@pytest.fixture
def demo_ctx(demo_url: str) -> Iterator[AppContext]:
    """A context on the demo database, nobody signed in."""
    ctx = make_ctx(demo_url)
    yield ctx
    ctx.close()


@pytest.fixture
def signed_in(demo_ctx: AppContext) -> AppContext:
    """The demo context with the supervisor signed in."""
    demo_ctx.sign_in(SUPERVISOR.username, SUPERVISOR.password)
    return demo_ctx


@pytest.fixture
def lab_view(demo_ctx: AppContext) -> LabView:
    return demo_ctx.query(lab.lab)


@pytest.fixture
def own_demo(tmp_path: Path) -> Iterator[AppContext]:
    """A fresh demo lab of its own (for tests that write), the supervisor signed in."""
    context = make_ctx(f"sqlite+pysqlite:///{tmp_path / 'lab.sqlite'}")
    demo.populate(context)
    context.sign_in(SUPERVISOR.username, SUPERVISOR.password)
    yield context
    context.close()
