from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from svc_support import Snapshot, journal_rows

from custody.domain.enums import SampleForm, SampleStatus
from custody.errors import IllegalTransition, NotFound, PermissionDenied, ValidationError
from custody.services import custody, intake, seals
from custody.services.intake import NewExhibit, NewSample
from lab_support import Lab


def _sample(lab: Lab, weight: str = "10.5", **kw: object) -> intake.SampleView:
    ctx = lab.as_(lab.technician)
    details = NewSample("white powder, random draw", weight, "BAL-01", **kw)  # type: ignore[arg-type]
    return ctx.perform("register", lambda w: intake.register_sample(w, lab.exhibit_id, details))


def test_sequential_ids_with_site_prefix_and_year(lab_db: Lab) -> None:
    first, second = _sample(lab_db), _sample(lab_db, "7.25")
    assert first.code == "MX-AICM-2026-000001"
    assert second.code == "MX-AICM-2026-000002"
    assert second.net_weight == Decimal("7.2500")
    assert first.status == SampleStatus.REGISTERED
    assert first.holder == "Tomás Técnico"
    assert first.case_number == "FED/CDMX/AICM/0000001/2026"
    assert first.compact.startswith("MXAICM2026000001") and len(first.compact) == 17


def test_register_entry_carries_the_new_row(lab_db: Lab) -> None:
    sample = _sample(lab_db, "0.0001")
    entry = journal_rows(lab_db.ctx)[-1]
    assert entry["kind"] == "sample.register"
    assert entry["subject"] == f"sample:{sample.code}"
    inserted = {c["t"]: c for c in entry["changes"] if c["op"] == "insert"}
    assert inserted["samples"]["v"]["net_weight"] == "0.0001"
    assert inserted["samples"]["v"]["code"] == sample.code
    assert inserted["custody_events"]["v"]["event_type"] == "collect"
    assert entry["actor"] == "tomas"


def test_subsample_gets_its_own_id_and_weight(lab_db: Lab) -> None:
    parent = _sample(lab_db, "10")
    ctx = lab_db.as_(lab_db.technician)
    with pytest.raises(IllegalTransition, match="must be opened"):
        ctx.perform("sub", lambda w: intake.subsample(w, parent.id, NewSample("x", "1", "B")))
    ctx.perform("seal", lambda w: seals.seal(w, parent.id, "S-1"))
    ctx.perform("open", lambda w: seals.open_sample(w, parent.id, "sampling", seal_intact=True))
    child = ctx.perform(
        "sub",
        lambda w: intake.subsample(w, parent.id, NewSample("sub-sample for DEA", "2.5", "BAL-01")),
    )
    assert child.parent_code == parent.code
    assert child.code == "MX-AICM-2026-000002"
    after = ctx.query(lambda w: custody.load_sample(w, parent.id).net_weight)
    assert after == Decimal("7.5000")
    with pytest.raises(ValidationError, match="must weigh less"):
        ctx.perform("sub", lambda w: intake.subsample(w, parent.id, NewSample("x", "8", "B")))


@pytest.mark.parametrize(
    ("weight", "description", "message"),
    [
        ("-1", "powder", "cannot be negative"),
        ("ten", "powder", "not a number"),
        ("0", "powder", "more than 0 g"),
        ("5", "   ", "description is required"),
        ("220000.0001", "powder", "above the exhibit's gross weight"),
    ],
)
def test_bad_sample_input_writes_only_the_denial(
    sqlite_lab: Lab, weight: str, description: str, message: str
) -> None:
    ctx = sqlite_lab.as_(sqlite_lab.technician)
    snap = Snapshot(ctx)
    with pytest.raises(ValidationError, match=message):
        ctx.perform(
            "register sample",
            lambda w: intake.register_sample(
                w, sqlite_lab.exhibit_id, NewSample(description, weight, "BAL-01")
            ),
        )
    denial = snap.assert_only_denial()
    assert denial["data"]["action"] == "register sample"
    assert message in denial["data"]["message"]
    assert denial["actor"] == "tomas"


def test_clerk_may_not_register(lab_db: Lab) -> None:
    ctx = lab_db.as_(lab_db.clerk)
    snap = Snapshot(ctx)
    with pytest.raises(PermissionDenied, match=r"clerk\) may not register"):
        ctx.perform(
            "register case", lambda w: intake.register_case(w, "X-1", "FGR", date(2026, 8, 1))
        )
    snap.assert_only_denial()


def test_exhibits_are_numbered_per_case_and_unknown_ids_refused(lab_db: Lab) -> None:
    ctx = lab_db.as_(lab_db.technician)
    seizure = ctx.query(lambda w: w.get(intake.Exhibit, lab_db.exhibit_id, "exhibit").seizure_id)
    second = ctx.perform(
        "exhibit",
        lambda w: intake.register_exhibit(
            w, seizure, NewExhibit("tablets", SampleForm.TABLETS, unit_count=500)
        ),
    )
    number = ctx.query(lambda w: w.get(intake.Exhibit, second, "exhibit").number)
    assert number == 2
    with pytest.raises(NotFound, match="no exhibit #999"):
        ctx.perform("s", lambda w: intake.register_sample(w, 999, NewSample("x", "1", "B")))
