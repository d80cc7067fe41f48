"""The lab's settings as a supervisor edits them: name, shipper address (printed on manifests),
time zone (of every printed time) and the re-weighing tolerance. Each change is one journaled
action (`lab.settings`) with the reason, the fields changed and their old and new values.

The site prefix is not editable: every sample ID and label issued carries it.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from decimal import Decimal, InvalidOperation

from custody.domain import text
from custody.domain.messages import message_of, t
from custody.domain.permissions import Action
from custody.domain.weights import WeightError, parse_grams
from custody.errors import NotInitialised, ValidationError
from custody.services.lab import settings_row, validate_zone
from custody.services.work import Work

__all__ = ["LabDetails", "details", "update"]

MAX_PERCENT = Decimal("10")  # a re-weighing tolerance beyond 10 % would hide real losses


@dataclass(frozen=True)
class LabDetails:
    lab_name: str
    site_prefix: str
    timezone: str
    address: str
    reweigh_tolerance_percent: Decimal
    reweigh_tolerance_grams: Decimal


def details(work: Work) -> LabDetails:
    """The lab's settings as stored (supervisors)."""
    work.require(Action.SETTINGS, subject="lab")
    row = settings_row(work)
    if row is None:
        raise NotInitialised(t("This database is not set up yet: run `custody-cli init`."))
    return LabDetails(
        row.lab_name,
        row.site_prefix,
        row.timezone,
        row.address or "",
        Decimal(row.reweigh_tolerance_percent),
        row.reweigh_tolerance_grams,
    )


def _percent(raw: str) -> Decimal:
    try:
        value = Decimal(raw.strip().replace(",", "."))
    except InvalidOperation:
        value = Decimal("NaN")
    if not value.is_finite() or value < 0 or value > MAX_PERCENT or value != round(value, 2):
        raise ValidationError(
            t(
                "The tolerance '{raw}' must be a percentage from 0 to {max} with at most two "
                "decimals, e.g. 0.5.",
                raw=raw,
                max=MAX_PERCENT,
            )
        )
    return Decimal(format(value.quantize(Decimal("0.01")).normalize(), "f"))  # "0.5", "10"


def update(
    work: Work,
    *,
    reason: str,
    lab_name: str | None = None,
    address: str | None = None,
    timezone: str | None = None,
    tolerance_percent: str | None = None,
    tolerance_grams: str | None = None,
) -> LabDetails:
    """Change the lab's settings (supervisors); a field left None keeps its value. Refused: a
    blank name or reason, an unknown time zone, a tolerance out of range, or nothing changed."""
    work.require(Action.SETTINGS, subject="lab")
    before = details(work)
    address = before.address if address is None else address
    try:
        name = text.required(
            before.lab_name if lab_name is None else lab_name, t("lab name"), max_len=200
        )
        why = text.required(reason, t("reason for the change"), max_len=500)
        where = text.lines(address, t("lab address"), max_len=1000) if address.strip() else ""
        grams = parse_grams(
            before.reweigh_tolerance_grams if tolerance_grams is None else tolerance_grams,
            field=t("tolerance in grams"),
        )
    except (text.TextError, WeightError) as error:
        raise ValidationError(message_of(error)) from None
    percent = (
        str(before.reweigh_tolerance_percent) if tolerance_percent is None else tolerance_percent
    )
    zone = before.timezone if timezone is None else timezone.strip()
    after = LabDetails(
        name,
        before.site_prefix,
        validate_zone(zone),
        where,
        _percent(percent),
        grams,
    )
    changed = [
        f.name for f in fields(LabDetails) if getattr(before, f.name) != getattr(after, f.name)
    ]
    if not changed:
        raise ValidationError(t("Nothing was changed."))
    row = settings_row(work)
    assert row is not None  # details() checked
    row.lab_name = after.lab_name
    row.address = after.address or None
    row.timezone = after.timezone
    row.reweigh_tolerance_percent = str(after.reweigh_tolerance_percent)
    row.reweigh_tolerance_grams = after.reweigh_tolerance_grams
    work.zone = after.timezone
    work.record(
        "lab.settings",
        "lab",
        {
            "reason": why,
            "changed": {
                key: {"old": str(getattr(before, key)), "new": str(getattr(after, key))}
                for key in changed
            },
        },
    )
    return after
