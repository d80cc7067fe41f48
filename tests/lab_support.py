"""Test support shared across the suite: a set-up lab, a controllable clock, service checks.

A module of its own (not conftest) so that `from lab_support import ...` is unambiguous.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

import pytest

from custody.context import AppContext
from custody.domain.enums import LocationKind, Role, SampleForm
from custody.services import intake, lab, locations, users
from custody.services.intake import NewExhibit, NewSeizure
from custody.services.users import NewPerson
from custody.services.work import Actor

PG_URL_ENV = "CUSTODY_TEST_PG_URL"
REQUIRE_ENV = "CUSTODY_REQUIRE_SERVICES"
PASSWORD = "correct horse battery staple"


def services_required() -> bool:
    return os.environ.get(REQUIRE_ENV, "") == "1"


def skip_or_fail(reason: str) -> None:
    """Skip on a laptop without the service; fail in CI, where the service is mandatory."""
    if services_required():
        pytest.fail(f"{reason} (required: {REQUIRE_ENV}=1)")
    pytest.skip(reason)


@dataclass
class FakeClock:
    now: datetime = field(default_factory=lambda: datetime(2026, 9, 1, 15, 0, tzinfo=UTC))

    def __call__(self) -> datetime:
        self.now += timedelta(microseconds=1)
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@dataclass
class Lab:
    ctx: AppContext
    supervisor: Actor
    technician: Actor
    clerk: Actor
    auditor: Actor
    exhibit_id: int
    case_id: int
    url: str

    def as_(self, actor: Actor) -> AppContext:
        self.ctx.actor = actor
        return self.ctx


def build_lab(ctx: AppContext, url: str) -> Lab:
    ctx.perform(
        "init",
        lambda w: lab.initialise(
            w,
            lab_name="Test lab",
            site_prefix="MX-AICM",
            supervisor=NewPerson("Sofía Supervisor"),
            username="sofia",
            password=PASSWORD,
        ),
        actor=None,
    )
    boss = ctx.sign_in("sofia", PASSWORD)
    if not ctx.signing_key_file.exists():  # type: ignore[union-attr]
        ctx.create_signing_key()
    made = {}
    for name, full, role in (
        ("tomas", "Tomás Técnico", Role.TECHNICIAN),
        ("carla", "Carla Clerk", Role.CLERK),
        ("aurelio", "Aurelio Auditor", Role.AUDITOR),
    ):
        ctx.perform(
            "add",
            lambda w, n=name, f=full, r=role: users.add_user(w, NewPerson(f), n, r, PASSWORD),
            actor=boss,
        )
        made[name] = ctx.sign_in(name, PASSWORD)
    ctx.perform(
        "loc",
        lambda w: locations.add_location(w, "VAULT-A", "Vault A", LocationKind.VAULT),
        actor=boss,
    )
    ctx.actor = made["tomas"]
    case_id = ctx.perform(
        "case",
        lambda w: intake.register_case(w, "FED/CDMX/AICM/0000001/2026", "FGR", date(2026, 8, 12)),
    )
    seizure_id = ctx.perform(
        "seizure",
        lambda w: intake.register_seizure(
            w,
            case_id,
            NewSeizure(
                "AICM", "AICM T1", datetime(2026, 8, 12, 16, tzinfo=UTC), "X-ray inspection"
            ),
        ),
    )
    exhibit_id = ctx.perform(
        "exhibit",
        lambda w: intake.register_exhibit(
            w,
            seizure_id,
            NewExhibit(
                "220 packages of white powder", SampleForm.POWDER, "fentanyl", gross_weight="220000"
            ),
        ),
    )
    return Lab(ctx, boss, made["tomas"], made["carla"], made["aurelio"], exhibit_id, case_id, url)


@dataclass
class Receiver:
    """The receiving lab of an import (US-OFS): its own database, a supervisor and a clerk."""

    ctx: AppContext
    boss: Actor
    clerk: Actor

    def as_(self, actor: Actor) -> AppContext:
        self.ctx.actor = actor
        return self.ctx


def receiving_lab(ctx: AppContext) -> Receiver:
    """Set up the DEA lab that receives bundles (no partner key yet)."""
    ctx.perform(
        "init",
        lambda w: lab.initialise(
            w,
            lab_name="DEA Special Testing and Research Laboratory",
            site_prefix="US-OFS",
            supervisor=NewPerson("Rita Reyes"),
            username="rita",
            password=PASSWORD,
            timezone="America/New_York",
        ),
        actor=None,
    )
    boss = ctx.sign_in("rita", PASSWORD)
    ctx.perform(
        "add",
        lambda w: users.add_user(w, NewPerson("Carl Clerk"), "carl", Role.CLERK, PASSWORD),
        actor=boss,
    )
    return Receiver(ctx, boss, ctx.sign_in("carl", PASSWORD))
