"""Clock sanity: when a workstation's wall clock jumps back, the journal's order (seq) holds,
the chain verifies, and the regression is flagged in the journal and on the dashboard."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import create_engine, text

from custody.services import audit, custody, dashboard, intake, lookup, seals
from custody.services.intake import NewSample
from lab_support import FakeClock, Lab


def _entries(lab: Lab) -> list[tuple[int, str, str, str]]:
    engine = create_engine(lab.url)
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT seq, ts, kind, payload FROM journal ORDER BY seq"))
        found = [(int(r[0]), str(r[1]), str(r[2]), str(r[3])) for r in rows]
    engine.dispose()
    return found


@pytest.mark.parametrize(("back", "label"), [({"hours": 1}, "1 h"), ({"days": 1}, "1 d")])
def test_a_clock_that_jumps_back_is_flagged_and_order_holds(
    lab_db: Lab, clock: FakeClock, back: dict[str, float], label: str
) -> None:
    tech = lab_db.as_(lab_db.technician)
    register = lambda w: intake.register_sample(  # noqa: E731
        w, lab_db.exhibit_id, NewSample("powder", "1.5", "BAL-01")
    )
    sample = tech.perform("register", register)
    tech.perform("seal", lambda w: seals.seal(w, sample.id, "SEAL-CLOCK-1"))
    before = len(_entries(lab_db))
    clock.advance(**{k: -v for k, v in back.items()})
    tech.perform("store", lambda w: custody.store(w, sample.id, "VAULT-A"))
    entries = _entries(lab_db)
    assert [e[0] for e in entries] == list(range(1, len(entries) + 1))  # seq: no gap, in order
    stored, flag = entries[before], entries[before + 1]
    assert stored[2] == "custody.store" and flag[2] == "clock.regression"
    assert stored[1] < entries[before - 1][1]  # its time is earlier than its predecessor's
    data = json.loads(flag[3])["data"]
    seconds = int(sum({"hours": 3600, "days": 86400}[k] * v for k, v in back.items()))
    assert data["seq"] == stored[0] and data["previous_seq"] == stored[0] - 1
    assert seconds - 1 <= data["behind_seconds"] <= seconds
    assert json.loads(flag[3])["subject"] == "workstation:test-ws"

    # the record keeps the journal's order, whatever the times say
    events = tech.query(lambda w: lookup.history(w, sample.id))
    assert [e.event_type.value for e in events] == ["collect", "seal", "store"]
    assert tech.query(lambda w: audit.verify(w)).intact
    boss = lab_db.as_(lab_db.supervisor)
    (warning,) = boss.query(dashboard.dashboard).clock_warnings
    assert (warning.seq, warning.workstation) == (stored[0], "test-ws")
    assert warning.behind_seconds == data["behind_seconds"]

    # once the clock is back on track, nothing more is flagged
    clock.advance(**back)
    tech.perform("retrieve", lambda w: custody.retrieve(w, sample.id, "analysis"))
    assert _entries(lab_db)[-1][2] != "clock.regression"


def test_a_small_skew_between_workstations_is_not_flagged(lab_db: Lab, clock: FakeClock) -> None:
    tech = lab_db.as_(lab_db.technician)
    clock.advance(seconds=-90)  # within CLOCK_TOLERANCE_SECONDS
    tech.perform(
        "register",
        lambda w: intake.register_sample(w, lab_db.exhibit_id, NewSample("powder", "1", "B")),
    )
    assert "clock.regression" not in {e[2] for e in _entries(lab_db)}
    assert lab_db.as_(lab_db.supervisor).query(dashboard.dashboard).clock_warnings == []
