"""Run custody-cli in a subprocess against a real SQLite file, and read back what it wrote.

The fixtures are imported by the test modules (a tests/cli/conftest.py would shadow the
`conftest` module that other test packages import from).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar, cast

import pytest

from custody.demo import DEMO_USERS

DEMO_PASSWORDS = {user.username: user.password for user in DEMO_USERS}
# The lab built by `custody-cli init` and `user add` (tests/cli/conftest.py::lab_run)
SUPERVISOR = ("ana", "amber lighthouse rowing club")
TECHNICIAN = ("tomas", "orange pelican drives fast")
CLERK = ("carla", "silver kettle on the hill")
WITNESS = ("wendy", "purple meadow of quiet owls")
LAB_PASSWORDS = dict([SUPERVISOR, TECHNICIAN, CLERK, WITNESS])


@dataclass(frozen=True)
class Result:
    code: int
    out: str
    err: str

    def __str__(self) -> str:  # shown when an assertion fails
        return f"exit {self.code}\n--- stdout\n{self.out}\n--- stderr\n{self.err}"


def clean_env(home: Path) -> dict[str, str]:
    """The test process's environment without any CUSTODY_* variable, data dir in `home`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("CUSTODY_")}
    env["XDG_DATA_HOME"] = str(home / "xdg-data")  # never touch the real default database
    env["HOME"] = str(home)
    env["PYTHONIOENCODING"] = "utf-8"
    return env


def run_cli(*args: str, env: dict[str, str], cwd: Path) -> Result:
    proc = subprocess.run(
        [sys.executable, "-m", "custody.cli", *args],
        env=env,
        cwd=cwd,
        stdin=subprocess.DEVNULL,  # not a terminal: passwords must come from the environment
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=180,
        check=False,
    )
    return Result(proc.returncode, proc.stdout, proc.stderr)


class Cli:
    """custody-cli bound to one database file; `user=` signs in with that user's password."""

    def __init__(self, db: Path, home: Path, passwords: dict[str, str] | None = None) -> None:
        self.db = db
        self.home = home
        self.passwords = dict(DEMO_PASSWORDS if passwords is None else passwords)

    def __call__(
        self, *args: str, user: str | None = None, password: str | None = None, **env: str
    ) -> Result:
        environment = clean_env(self.home)
        if user is not None:
            environment["CUSTODY_USER"] = user
            environment["CUSTODY_PASSWORD"] = (
                password if password is not None else self.passwords[user]
            )
        environment.update(env)
        return run_cli("--db", str(self.db), *args, env=environment, cwd=self.home)


def journal_kinds(db: Path) -> list[str]:
    with sqlite3.connect(db) as conn:
        return [row[0] for row in conn.execute("SELECT kind FROM journal ORDER BY seq")]


def execute(db: Path, *statements: str) -> None:
    """Edit the database behind Custody's back (as an attacker with file access would)."""
    conn = sqlite3.connect(db)
    try:
        for statement in statements:
            conn.execute(statement)
        conn.commit()
    finally:
        conn.close()


# --- fixtures ------------------------------------------------------------------------------


T = TypeVar("T")
_MADE: dict[tuple[Path, str], Any] = {}


def _once(factory: pytest.TempPathFactory, what: str, make: Callable[[], T]) -> T:
    """Build a template once per test run, whichever test module asks first."""
    key = (factory.getbasetemp(), what)
    if key not in _MADE:
        _MADE[key] = make()
    return cast(T, _MADE[key])


@pytest.fixture(scope="session", name="demo_run")
def demo_run_fixture(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Result]:
    """`custody-cli demo` once per test run: the template file and what the command printed."""
    return _once(tmp_path_factory, "demo", lambda: _make_demo(tmp_path_factory))


def _make_demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Result]:
    home = tmp_path_factory.mktemp("demo-template")
    db = home / "template.sqlite"
    result = run_cli("demo", "--db", str(db), env=clean_env(home), cwd=home)
    assert result.code == 0, result
    assert not Path(f"{db}-wal").exists() or Path(f"{db}-wal").stat().st_size == 0
    return db, result


@pytest.fixture(name="demo")
def demo_fixture(demo_run: tuple[Path, Result], tmp_path: Path) -> Cli:
    """A private copy of the demo database (no process writes the template)."""
    template, _ = demo_run
    db = tmp_path / "demo.sqlite"
    _copy_lab(template, db)
    return Cli(db, tmp_path)


def _copy_lab(template: Path, db: Path) -> None:
    """The database and its signing key (0600, as `init` made it)."""
    shutil.copy(template, db)
    key = db.with_name(f"{db.stem}.signing-key")
    shutil.copy(template.with_name(f"{template.stem}.signing-key"), key)
    key.chmod(0o600)


@pytest.fixture(scope="session", name="lab_template")
def lab_template_fixture(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`init`, three `user add` and a `location add`, run once: a lab built with the CLI only."""
    return _once(tmp_path_factory, "lab", lambda: _make_lab(tmp_path_factory))


def _make_lab(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("lab-template")
    cli = Cli(home / "lab.sqlite", home, LAB_PASSWORDS)
    made = cli(
        "init",
        "--lab-name",
        "Laboratorio Central",
        "--site-prefix",
        "mx-aicm",
        "--supervisor-username",
        SUPERVISOR[0],
        "--supervisor-name",
        "Ana López",
        "--badge",
        "FGR-1",
        CUSTODY_PASSWORD=SUPERVISOR[1],
    )
    assert made.code == 0, made
    assert "Lab set up: Laboratorio Central" in made.out
    assert "MX-AICM-YYYY-NNNNNN" in made.out
    assert "ana (Ana López)" in made.out
    assert str(cli.db) in made.out
    key = cli.db.with_name("lab.label-key")
    assert f"label key    {key} (fingerprint " in made.out
    assert key.stat().st_mode & 0o777 == 0o600
    for (name, password), full, role in (
        (TECHNICIAN, "Tomás Técnico", "technician"),
        (CLERK, "Carla Clerk", "clerk"),
        (WITNESS, "Wendy Witness", "clerk"),
    ):
        added = cli(
            "user",
            "add",
            name,
            "--name",
            full,
            "--role",
            role,
            user="ana",
            CUSTODY_NEW_PASSWORD=password,
        )
        assert added.code == 0, added
        assert f"User {name} created: {full}, {role}" in added.out
    vault = cli("location", "add", "vault-a", "--name", "Vault A", "--kind", "vault", user="ana")
    assert "Location VAULT-A added: Vault A (vault)" in vault.out, vault
    return cli.db


@pytest.fixture(name="lab")
def lab_fixture(lab_template: Path, tmp_path: Path) -> Cli:
    """A private copy of the lab: supervisor ana, technician tomas, clerks carla and wendy."""
    db = tmp_path / "lab.sqlite"
    _copy_lab(lab_template, db)
    return Cli(db, tmp_path, LAB_PASSWORDS)
