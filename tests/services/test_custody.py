from __future__ import annotations

from decimal import Decimal

import pytest
from svc_support import Snapshot, journal_rows

from custody.domain.enums import EventType, SampleStatus
from custody.errors import (
    AuthenticationFailed,
    Conflict,
    IllegalTransition,
    PermissionDenied,
    ValidationError,
)
from custody.services import custody, intake, lookup, seals
from custody.services.custody import Credentials
from custody.services.intake import NewSample
from custody.services.views import SampleView
from lab_support import PASSWORD, Lab


def sealed_sample(lab: Lab, serial: str = "SEAL-0001") -> SampleView:
    ctx = lab.as_(lab.technician)
    sample = ctx.perform(
        "register",
        lambda w: intake.register_sample(
            w, lab.exhibit_id, NewSample("white powder", "10", "BAL-01")
        ),
    )
    return ctx.perform("seal", lambda w: seals.seal(w, sample.id, serial))


def hand_to_clerk(lab: Lab, sample: SampleView) -> SampleView:
    ctx = lab.as_(lab.technician)
    return ctx.perform(
        "transfer",
        lambda w: custody.transfer(
            w, sample.id, Credentials("carla", PASSWORD), "to the evidence vault"
        ),
    )


def test_two_person_handover_records_both_and_their_authentication(lab_db: Lab) -> None:
    sample = hand_to_clerk(lab_db, sealed_sample(lab_db))
    assert sample.holder == "Carla Clerk"
    events = lab_db.ctx.query(lambda w: lookup.history(w, sample.id))
    transfer = events[-1]
    assert transfer.event_type == EventType.TRANSFER
    assert (transfer.from_person, transfer.to_person) == ("Tomás Técnico", "Carla Clerk")
    assert transfer.auth == "tomas:session;carla:password"
    assert "received by Carla Clerk" in (transfer.meaning or "")
    kinds = [row["kind"] for row in journal_rows(lab_db.ctx)[-2:]]
    assert kinds == ["auth.ok", "custody.transfer"]


def test_wrong_receiver_password_refuses_and_counts(lab_db: Lab) -> None:
    sample = sealed_sample(lab_db)
    ctx = lab_db.as_(lab_db.technician)
    snap = Snapshot(ctx)
    with pytest.raises(AuthenticationFailed, match="Wrong user name or password"):
        ctx.perform(
            "transfer",
            lambda w: custody.transfer(
                w, sample.id, Credentials("carla", "not the password at all"), "vault"
            ),
        )
    denial = journal_rows(ctx)[-1]
    assert denial["kind"] == "auth.failed" and denial["subject"] == "user:carla"
    failed = [c for c in denial["changes"] if c["t"] == "people"]
    assert failed[0]["v"]["failed_logins"] == [0, 1]
    assert snap.entries + 1 == len(journal_rows(ctx))
    assert ctx.query(lambda w: lookup.find_sample(w, sample.code)).holder == "Tomás Técnico"


def test_transfer_refusals(lab_db: Lab) -> None:
    sample = sealed_sample(lab_db)
    ctx = lab_db.as_(lab_db.technician)
    with pytest.raises(ValidationError, match="to yourself"):
        ctx.perform(
            "t", lambda w: custody.transfer(w, sample.id, Credentials("Tomas", PASSWORD), "x")
        )
    with pytest.raises(PermissionDenied, match="cannot take custody"):
        ctx.perform(
            "t", lambda w: custody.transfer(w, sample.id, Credentials("aurelio", PASSWORD), "x")
        )
    hand_to_clerk(lab_db, sample)
    snap = Snapshot(ctx)
    with pytest.raises(ValidationError, match="You do not hold"):
        ctx.perform(
            "t", lambda w: custody.transfer(w, sample.id, Credentials("carla", PASSWORD), "again")
        )
    snap.assert_only_denial()


def test_witnessed_transfer_needs_a_third_person(lab_db: Lab) -> None:
    sample = sealed_sample(lab_db)
    ctx = lab_db.as_(lab_db.technician)
    with pytest.raises(ValidationError, match="third person"):
        ctx.perform(
            "t",
            lambda w: custody.transfer(
                w,
                sample.id,
                Credentials("carla", PASSWORD),
                "x",
                witness=Credentials("carla", PASSWORD),
            ),
        )
    done = ctx.perform(
        "t",
        lambda w: custody.transfer(
            w,
            sample.id,
            Credentials("carla", PASSWORD),
            "x",
            witness=Credentials("sofia", PASSWORD),
        ),
    )
    last = ctx.query(lambda w: lookup.history(w, done.id))[-1]
    assert last.witness == "Sofía Supervisor"
    assert last.auth.endswith("sofia:password")


def test_store_retrieve_and_status(lab_db: Lab) -> None:
    sample = hand_to_clerk(lab_db, sealed_sample(lab_db))
    ctx = lab_db.as_(lab_db.clerk)
    stored = ctx.perform("store", lambda w: custody.store(w, sample.id, "vault-a"))
    assert (stored.status, stored.location, stored.holder) == (SampleStatus.STORED, "VAULT-A", None)
    with pytest.raises(IllegalTransition, match="Allowed now: retrieve"):
        ctx.perform("store", lambda w: custody.store(w, sample.id, "VAULT-A"))
    out = ctx.perform("retrieve", lambda w: custody.retrieve(w, sample.id, "analysis"))
    assert (out.status, out.holder, out.location) == (SampleStatus.RETRIEVED, "Carla Clerk", None)


def test_destroyed_twice_is_refused_and_only_supervisors_destroy(lab_db: Lab) -> None:
    sample = sealed_sample(lab_db)
    ctx = lab_db.as_(lab_db.technician)
    with pytest.raises(PermissionDenied, match="supervisor"):
        ctx.perform("destroy", lambda w: custody.dispose(w, sample.id, EventType.DESTROY, "x"))
    ctx = lab_db.as_(lab_db.supervisor)
    gone = ctx.perform(
        "destroy",
        lambda w: custody.dispose(w, sample.id, EventType.DESTROY, "court order 123/2026"),
    )
    assert gone.status == SampleStatus.DESTROYED and gone.allowed == ()
    snap = Snapshot(ctx)
    with pytest.raises(IllegalTransition, match="was destroyed"):
        ctx.perform("destroy", lambda w: custody.dispose(w, sample.id, EventType.DESTROY, "x"))
    snap.assert_only_denial()


def test_seals_are_records_and_never_reused(lab_db: Lab) -> None:
    sample = sealed_sample(lab_db, "seal-77")
    assert sample.seals == ("SEAL-77",)
    ctx = lab_db.as_(lab_db.technician)
    other = ctx.perform(
        "register",
        lambda w: intake.register_sample(w, lab_db.exhibit_id, NewSample("powder", "1", "BAL-01")),
    )
    snap = Snapshot(ctx)
    with pytest.raises(Conflict, match="SEAL-77 has been used already"):
        ctx.perform("seal", lambda w: seals.seal(w, other.id, " SEAL-77 "))
    snap.assert_only_denial()
    opened = ctx.perform(
        "open", lambda w: seals.open_sample(w, sample.id, "analysis", seal_intact=True)
    )
    assert opened.seals == () and opened.status == SampleStatus.OPENED
    resealed = ctx.perform("reseal", lambda w: seals.reseal(w, sample.id, "SEAL-78"))
    assert resealed.seals == ("SEAL-78",)
    events = ctx.query(lambda w: lookup.history(w, sample.id))
    assert [(e.seals_before, e.seals_after) for e in events[-2:]] == [
        ("SEAL-77", None),
        ("SEAL-77", "SEAL-78"),
    ]


def test_reweigh_alert_beyond_tolerance(lab_db: Lab) -> None:
    sample = sealed_sample(lab_db)
    ctx = lab_db.as_(lab_db.technician)
    small = ctx.perform("w", lambda w: seals.reweigh(w, sample.id, "10.0030", "BAL-02"))
    assert not small.alert and small.delta == Decimal("0.0030")
    big = ctx.perform("w", lambda w: seals.reweigh(w, sample.id, "9.5", "BAL-02"))
    assert big.alert and big.previous == Decimal("10.0030")
    last = ctx.query(lambda w: lookup.history(w, sample.id))[-1]
    assert last.notes is not None and last.notes.startswith("ALERT")
    assert journal_rows(ctx)[-1]["data"]["alert"] is True
