from __future__ import annotations

import pytest
from svc_support import Snapshot, journal_rows

from custody.domain.labelcode import Code, LabelKind, encode
from custody.errors import Conflict, PermissionDenied, ValidationError
from custody.services import audit, intake, labels, seals
from custody.services.intake import NewSample
from custody.services.labels import ScanContext
from lab_support import Lab

KEY = bytes(range(32))
OTHER_LAB = bytes(32)


def _sealed_sample(lab: Lab) -> intake.SampleView:
    ctx = lab.as_(lab.technician)
    sample = ctx.perform(
        "reg",
        lambda w: intake.register_sample(
            w, lab.exhibit_id, NewSample("white powder", "10", "BAL-01")
        ),
    )
    return ctx.perform("seal", lambda w: seals.seal(w, sample.id, "SEAL-1"))


def _print(
    lab: Lab, key: str, reason: str | None = None, kind: LabelKind = LabelKind.SAMPLE
) -> labels.IssuedLabel:
    return lab.ctx.perform(
        "print label",
        lambda w: labels.issue(
            w, kind, key, KEY, template="thermal-2x1-203", reprint_reason=reason
        ),
    )


def test_print_scan_reprint_void(lab_db: Lab) -> None:
    sample = _sealed_sample(lab_db)
    key = sample.compact[:-1]
    first = _print(lab_db, key)
    assert first.code == Code(LabelKind.SAMPLE, key, 1) and first.reprint_of is None
    assert journal_rows(lab_db.ctx)[-1]["kind"] == "label.print"
    found = lab_db.ctx.query(
        lambda w: labels.resolve(w, f"\t{first.payload.lower()}\r\n", KEY, ScanContext.FIND)
    )
    assert found.sample is not None and found.sample.code == sample.code
    with pytest.raises(Conflict, match="a reprint needs a reason"):
        _print(lab_db, key)
    second = _print(lab_db, key, "label smudged by solvent")
    assert second.code.serial == 2 and second.reprint_of == 1 and second.reprint == 1
    assert journal_rows(lab_db.ctx)[-1]["data"]["voids"] == 1
    third = _print(lab_db, key, "dropped in the fume hood")
    assert (third.reprint_of, third.reprint, first.reprint) == (2, 2, 0)
    for voided in (first, second):
        with pytest.raises(ValidationError, match="voided by a reprint"):
            lab_db.ctx.perform(
                "scan", lambda w, v=voided: labels.resolve(w, v.payload, KEY, ScanContext.FIND)
            )
    assert (
        lab_db.ctx.query(
            lambda w: labels.resolve(w, third.payload, KEY, ScanContext.FIND)
        ).code.serial
        == 3
    )


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: "", "empty"),
        (lambda p: "garbage:/-", "character"),
        (lambda p: p[:10] + ("A" if p[10] != "A" else "B") + p[11:], "check character"),
        (lambda p: encode(Code(LabelKind.SAMPLE, "MXAICM2026000001", 1), OTHER_LAB), "NOT printed"),
        (lambda p: encode(Code(LabelKind.SAMPLE, "MXAICM2026000001", 99), KEY), "never printed"),
        (lambda p: "X" * 10_000, "at most 256"),
        (lambda p: "\x1b[2J" + p, "character"),
    ],
)
def test_bad_scans_are_refused_journaled_and_create_nothing(
    sqlite_lab: Lab, make: object, message: str
) -> None:
    sample = _sealed_sample(sqlite_lab)
    issued = _print(sqlite_lab, sample.compact[:-1])
    raw = make(issued.payload)  # type: ignore[operator]
    ctx = sqlite_lab.ctx
    snap = Snapshot(ctx)
    with pytest.raises(ValidationError) as info:
        ctx.perform("scan", lambda w: labels.resolve(w, raw, KEY, ScanContext.FIND))
    assert message.lower() in info.value.message.lower()
    denial = snap.assert_only_denial()
    assert denial["data"]["scan"] == ascii(raw[:300])  # the raw input, escaped
    assert "\x1b" not in denial["data"]["message"]


def test_wrong_kind_and_wrong_state_for_the_context(lab_db: Lab) -> None:
    sample = _sealed_sample(lab_db)
    issued = _print(lab_db, sample.compact[:-1])
    ctx = lab_db.ctx
    with pytest.raises(ValidationError, match="it cannot be used to receive now"):
        ctx.perform("scan", lambda w: labels.resolve(w, issued.payload, KEY, ScanContext.RECEIVE))
    shelf = _print(lab_db, "VAULT-A", kind=LabelKind.LOCATION)
    with pytest.raises(ValidationError, match="location label cannot be used to pack"):
        ctx.perform("scan", lambda w: labels.resolve(w, shelf.payload, KEY, ScanContext.PACK))
    moved = ctx.query(lambda w: labels.resolve(w, shelf.payload, KEY, ScanContext.MOVE))
    assert moved.location == "VAULT-A" and moved.sample is None
    assert lab_db.as_(lab_db.auditor).query(lambda w: audit.verify(w)).intact


def test_auditors_do_not_print(lab_db: Lab) -> None:
    sample = _sealed_sample(lab_db)
    lab_db.as_(lab_db.auditor)
    with pytest.raises(PermissionDenied):
        _print(lab_db, sample.compact[:-1])
