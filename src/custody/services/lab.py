"""The lab's identity and settings; first-time initialisation."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from custody.db import queries
from custody.db.models import IdCounter, LabSettings
from custody.domain import text
from custody.domain.enums import Role
from custody.domain.ids import InvalidIdError, validate_site_prefix
from custody.domain.messages import message_of, t
from custody.domain.permissions import Action
from custody.errors import Conflict, NotInitialised, ValidationError
from custody.services.users import NewPerson, UserView, add_user
from custody.services.work import Work

DEFAULT_ZONE = "America/Mexico_City"


@dataclass(frozen=True)
class LabView:
    lab_name: str
    site_prefix: str
    timezone: str
    reweigh_tolerance_percent: Decimal
    reweigh_tolerance_grams: Decimal


def settings_row(work: Work) -> LabSettings | None:
    return queries.first(work.session, LabSettings)


def lab(work: Work) -> LabView:
    row = settings_row(work)
    if row is None:
        raise NotInitialised(t("This database is not set up yet: run `custody-cli init`."))
    return LabView(
        row.lab_name,
        row.site_prefix,
        row.timezone,
        Decimal(row.reweigh_tolerance_percent),
        row.reweigh_tolerance_grams,
    )


def validate_zone(zone: str) -> str:
    try:
        ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValidationError(
            t(
                "'{zone}' is not a time zone name; use an IANA name such as {example}.",
                zone=zone,
                example=DEFAULT_ZONE,
            )
        ) from None
    return zone


def initialise(
    work: Work,
    *,
    lab_name: str,
    site_prefix: str,
    supervisor: NewPerson,
    username: str,
    password: str,
    timezone: str = DEFAULT_ZONE,
) -> tuple[LabView, UserView]:
    """Set up an empty database: the lab's identity and its first supervisor."""
    if settings_row(work) is not None:
        raise Conflict(t("This database is set up already."))
    try:
        prefix = validate_site_prefix(site_prefix)
        name = text.required(lab_name, t("lab name"), max_len=200)
    except (InvalidIdError, ValueError) as error:
        raise ValidationError(message_of(error)) from None
    work.zone = validate_zone(timezone)
    work.session.add(
        LabSettings(
            lab_name=name,
            site_prefix=prefix,
            timezone=work.zone,
            reweigh_tolerance_percent="0.5",
            reweigh_tolerance_grams=Decimal("0.0050"),
            created_at=work.now,
        )
    )
    work.record("lab.init", "lab", {"lab_name": name, "site_prefix": prefix})
    user = add_user(work, supervisor, username, Role.SUPERVISOR, password, bootstrap=True)
    return lab(work), user


def record_label_key(work: Work, fingerprint: str, location: str) -> None:
    """Journal that the lab's label key was created (its fingerprint, never the key)."""
    work.require(Action.SETTINGS, subject="lab")
    work.record("lab.label_key", "lab", {"fingerprint": fingerprint, "file": location})


def next_number(work: Work, prefix: str) -> int:
    """The next number of the yearly series ``prefix`` (sample IDs, manifest numbers): 1, 2, …
    from January 1st of the action's year; the counter row is journaled with the action."""
    year = work.now.year
    counter = queries.first(work.session, IdCounter, prefix=prefix, year=year)
    if counter is None:
        counter = IdCounter(prefix=prefix, year=year, last_number=0)
        work.session.add(counter)
    counter.last_number += 1
    return counter.last_number
