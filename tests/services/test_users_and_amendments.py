from __future__ import annotations

import pytest
from svc_support import Snapshot, journal_rows

from custody.domain.enums import Role
from custody.errors import AuthenticationFailed, PermissionDenied, ValidationError
from custody.services import corrections, intake, lookup, users
from custody.services.intake import NewSample
from custody.services.users import NewPerson
from lab_support import PASSWORD, FakeClock, Lab


def test_lockout_after_five_failures_for_ten_minutes(lab_db: Lab, clock: FakeClock) -> None:
    ctx = lab_db.ctx
    for _ in range(5):
        with pytest.raises(AuthenticationFailed, match="Wrong user name or password"):
            ctx.sign_in("carla", "wrong wrong wrong wrong")
    kinds = [r["kind"] for r in journal_rows(ctx)]
    assert kinds[-6:] == ["auth.failed"] * 5 + ["auth.locked"]
    with pytest.raises(AuthenticationFailed, match="locked after 5 failed sign-ins"):
        ctx.sign_in("carla", PASSWORD)  # even the right password
    clock.advance(minutes=10, seconds=1)
    assert ctx.sign_in("carla", PASSWORD).username == "carla"


def test_unknown_user_is_journaled_without_revealing_it(lab_db: Lab) -> None:
    with pytest.raises(AuthenticationFailed) as info:
        lab_db.ctx.sign_in("nobody", PASSWORD)
    assert info.value.message == "Wrong user name or password."
    last = journal_rows(lab_db.ctx)[-1]
    assert (last["kind"], last["subject"], last["actor"]) == ("auth.failed", "user:nobody", None)


def test_only_supervisors_manage_users_and_passphrase_rules(lab_db: Lab) -> None:
    ctx = lab_db.as_(lab_db.technician)
    snap = Snapshot(ctx)
    with pytest.raises(PermissionDenied):
        ctx.perform(
            "add user", lambda w: users.add_user(w, NewPerson("X"), "x", Role.CLERK, PASSWORD)
        )
    snap.assert_only_denial()
    ctx = lab_db.as_(lab_db.supervisor)
    with pytest.raises(ValidationError, match="at least 15"):
        ctx.perform("add", lambda w: users.add_user(w, NewPerson("X Y"), "xy", Role.CLERK, "short"))
    with pytest.raises(ValidationError, match="full name is required"):
        ctx.perform("add", lambda w: users.add_user(w, NewPerson("  "), "xy", Role.CLERK, PASSWORD))
    with pytest.raises(ValidationError, match="no spaces"):
        ctx.perform("add", lambda w: users.add_user(w, NewPerson("X"), "x y", Role.CLERK, PASSWORD))


def test_password_hash_is_journaled_as_a_digest_only(lab_db: Lab) -> None:
    for row in journal_rows(lab_db.ctx):
        for change in row["changes"]:
            if change["t"] == "people" and "password_hash" in change["v"]:
                value = change["v"]["password_hash"]
                assert value.startswith("sha256:") and "argon2" not in value


def test_deactivated_account_cannot_sign_in(lab_db: Lab) -> None:
    ctx = lab_db.as_(lab_db.supervisor)
    ctx.perform("deactivate", lambda w: users.set_active(w, "carla", False))
    with pytest.raises(AuthenticationFailed, match="deactivated"):
        ctx.sign_in("carla", PASSWORD)


def test_amendment_keeps_old_and_new_values_and_reason(lab_db: Lab) -> None:
    ctx = lab_db.as_(lab_db.technician)
    sample = ctx.perform(
        "reg",
        lambda w: intake.register_sample(
            w, lab_db.exhibit_id, NewSample("white powdr", "3", "BAL-01")
        ),
    )
    with pytest.raises(ValidationError, match="reason"):
        ctx.perform(
            "amend",
            lambda w: corrections.amend_sample(w, sample.id, " ", description="white powder"),
        )
    fixed = ctx.perform(
        "amend",
        lambda w: corrections.amend_sample(
            w, sample.id, "typo in the description", description="white powder"
        ),
    )
    assert fixed.description == "white powder"
    entry = journal_rows(ctx)[-1]
    assert entry["kind"] == "sample.amend" and entry["data"]["reason"] == "typo in the description"
    update = next(c for c in entry["changes"] if c["t"] == "samples")
    assert update["v"]["description"] == ["white powdr", "white powder"]


def test_event_correction_is_a_new_event_pointing_at_the_original(lab_db: Lab) -> None:
    ctx = lab_db.as_(lab_db.technician)
    sample = ctx.perform(
        "reg",
        lambda w: intake.register_sample(w, lab_db.exhibit_id, NewSample("powder", "3", "BAL-01")),
    )
    original = ctx.query(lambda w: lookup.history(w, sample.id))[0]
    ctx = lab_db.as_(lab_db.clerk)
    with pytest.raises(PermissionDenied, match="recorded an event"):
        ctx.perform("c", lambda w: corrections.correct_event(w, original.id, "r", purpose="p"))
    ctx = lab_db.as_(lab_db.technician)
    new_id = ctx.perform(
        "c",
        lambda w: corrections.correct_event(
            w, original.id, "wrong purpose typed", purpose="sample for DEA OFS"
        ),
    )
    events = ctx.query(lambda w: lookup.history(w, sample.id))
    assert events[0].purpose == "sample taken from the exhibit"  # the original is unchanged
    assert events[-1].id == new_id and events[-1].corrects_id == original.id
    assert events[-1].reason == "wrong purpose typed"


def test_password_reset_by_a_supervisor_and_own_change(lab_db: Lab) -> None:
    ctx = lab_db.as_(lab_db.clerk)
    with pytest.raises(PermissionDenied):
        ctx.perform("reset", lambda w: users.set_password(w, "tomas", "a brand new passphrase"))
    ctx.perform("own", lambda w: users.set_password(w, "carla", "a fresh passphrase of mine"))
    assert ctx.sign_in("carla", "a fresh passphrase of mine").username == "carla"
    ctx = lab_db.as_(lab_db.supervisor)
    ctx.perform("reset", lambda w: users.set_password(w, "tomas", "a brand new passphrase"))
    with pytest.raises(AuthenticationFailed):
        ctx.sign_in("tomas", PASSWORD)
    assert ctx.sign_in("tomas", "a brand new passphrase").role == Role.TECHNICIAN
    assert [r["kind"] for r in journal_rows(ctx)[-3:]] == [
        "user.password",
        "auth.failed",
        "auth.ok",
    ]


def test_people_without_accounts(lab_db: Lab) -> None:
    ctx = lab_db.as_(lab_db.technician)
    courier = ctx.perform(
        "person",
        lambda w: users.add_person(
            w, NewPerson("Juan Pérez", "DHL Express", "Courier", "DHL-5521")
        ),
    )
    assert (courier.username, courier.role, courier.institution) == (None, None, "DHL Express")
    with pytest.raises(AuthenticationFailed):
        ctx.sign_in("juan", PASSWORD)


def test_lock_and_sign_out_are_journaled_with_who_and_why(lab_db: Lab) -> None:
    ctx = lab_db.ctx
    ctx.sign_in("carla", PASSWORD)
    ctx.record_lock("idle")
    ctx.end_session("manual")
    assert ctx.actor is None
    rows = journal_rows(ctx)[-2:]
    assert [(r["kind"], r["subject"], r["actor"], r["data"]) for r in rows] == [
        ("session.locked", "user:carla", "carla", {"reason": "idle"}),
        ("session.signed_out", "user:carla", "carla", {"reason": "manual"}),
    ]
    before = len(journal_rows(ctx))
    ctx.end_session("quit")  # nobody signed in any more: nothing to journal
    ctx.record_lock("idle")
    assert len(journal_rows(ctx)) == before
    ctx.sign_in("carla", PASSWORD)
    with pytest.raises(ValueError):
        ctx.record_lock("because")  # a programming error, not a refusal
