"""Lab settings edited by a supervisor: journaled with the reason and old/new values; bad input
refused with nothing written; the site prefix is not editable; the zone applies at once."""

from __future__ import annotations

from decimal import Decimal
from functools import partial

import pytest
from svc_support import Snapshot, journal_rows

from custody.errors import PermissionDenied, ValidationError
from custody.services import lab_settings
from lab_support import Lab

GOOD = {
    "lab_name": "Laboratorio Central de Química Forense",
    "address": "Av. Insurgentes Sur 1000\n\nCiudad de México, CDMX 03100",
    "timezone": "America/Tijuana",
    "tolerance_percent": "0,75",
    "tolerance_grams": "0.0100",
    "reason": "new balance installed",
}


def test_a_change_is_journaled_with_reason_and_old_and_new_values(lab_db: Lab) -> None:
    ctx = lab_db.as_(lab_db.supervisor)
    before = ctx.query(lab_settings.details)
    after = ctx.perform("lab settings", partial(lab_settings.update, **GOOD))
    assert after == ctx.query(lab_settings.details)
    assert after.address == "Av. Insurgentes Sur 1000\nCiudad de México, CDMX 03100"
    assert after.reweigh_tolerance_percent == Decimal("0.75")
    assert after.reweigh_tolerance_grams == Decimal("0.0100")
    assert after.site_prefix == before.site_prefix
    assert ctx.zone == "America/Tijuana"  # printed times follow from the next action on
    last = journal_rows(ctx)[-1]
    assert (last["kind"], last["subject"], last["actor"]) == ("lab.settings", "lab", "sofia")
    assert last["data"]["reason"] == "new balance installed"
    changed = last["data"]["changed"]
    assert changed["timezone"] == {"old": before.timezone, "new": "America/Tijuana"}
    assert changed["reweigh_tolerance_percent"] == {"old": "0.5", "new": "0.75"}
    assert {c["t"] for c in last["changes"]} == {"lab_settings"}  # the row change is in it

    with pytest.raises(ValidationError, match="Nothing was changed"):
        ctx.perform("lab settings", partial(lab_settings.update, **GOOD))


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("lab_name", "   ", "lab name is required"),
        ("reason", "", "reason for the change is required"),
        ("timezone", "Mars/Olympus_Mons", "not a time zone name"),
        ("tolerance_percent", "11", "percentage from 0 to 10"),
        ("tolerance_percent", "0.333", "at most two"),
        ("tolerance_percent", "abc", "percentage"),
        ("tolerance_grams", "-1", "cannot be negative"),
        ("tolerance_grams", "0.00001", "precision"),
    ],
)
def test_bad_input_is_refused_and_nothing_changes(
    lab_db: Lab, field: str, value: str, message: str
) -> None:
    ctx = lab_db.as_(lab_db.supervisor)
    before = ctx.query(lab_settings.details)
    snap = Snapshot(ctx)
    with pytest.raises(ValidationError, match=message):
        ctx.perform("lab settings", partial(lab_settings.update, **{**GOOD, field: value}))
    snap.assert_only_denial()
    assert ctx.query(lab_settings.details) == before


def test_only_a_supervisor_changes_or_reads_them(lab_db: Lab) -> None:
    ctx = lab_db.as_(lab_db.technician)
    snap = Snapshot(ctx)
    with pytest.raises(PermissionDenied):
        ctx.perform("lab settings", partial(lab_settings.update, **GOOD))
    snap.assert_only_denial()
    with pytest.raises(PermissionDenied):
        ctx.query(lab_settings.details)
