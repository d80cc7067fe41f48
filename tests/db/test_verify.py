"""`verify` catches edits of the journal and record edits the journal does not explain."""

from __future__ import annotations

import json

from sqlalchemy import create_engine, text

from custody.db.verify import VerifyReport
from custody.services import audit, custody, intake, seals
from custody.services.custody import Credentials
from custody.services.intake import NewSample
from lab_support import PASSWORD, Lab


def workflow(lab: Lab) -> int:
    """Register, seal and hand over a sample; returns its id."""
    ctx = lab.as_(lab.technician)
    sample = ctx.perform(
        "reg",
        lambda w: intake.register_sample(w, lab.exhibit_id, NewSample("powder", "10", "BAL-01")),
    )
    ctx.perform("seal", lambda w: seals.seal(w, sample.id, "SEAL-1"))
    ctx.perform(
        "give", lambda w: custody.transfer(w, sample.id, Credentials("carla", PASSWORD), "vault")
    )
    return sample.id


def verify(lab: Lab) -> VerifyReport:
    return lab.as_(lab.auditor).query(lambda w: audit.verify(w))


def tamper(lab: Lab, *statements: str) -> None:
    """What an attacker with write access to the database file/server does."""
    engine = create_engine(lab.url)
    postgres = engine.dialect.name == "postgresql"
    with engine.begin() as conn:
        if postgres:
            conn.execute(text("ALTER TABLE journal DISABLE TRIGGER USER"))
            conn.execute(text("SET session_replication_role = replica"))  # no FK checks
        else:
            conn.exec_driver_sql("PRAGMA foreign_keys = OFF")
            for name in ("journal_no_update", "journal_no_delete", "journal_chain"):
                conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
        for statement in statements:
            conn.execute(text(statement))
        if postgres:
            conn.execute(text("ALTER TABLE journal ENABLE TRIGGER USER"))
    engine.dispose()


def seq_of(lab: Lab, kind: str) -> int:
    engine = create_engine(lab.url)
    with engine.connect() as conn:
        seq = conn.execute(text("SELECT MAX(seq) FROM journal WHERE kind = :k"), {"k": kind})
        value = int(seq.scalar_one())
    engine.dispose()
    return value


def test_intact(lab_db: Lab) -> None:
    workflow(lab_db)
    report = verify(lab_db)
    assert report.intact, report
    assert report.entries > 10 and report.records_compared > 10
    assert len(report.head_hash) == 64


def test_edited_payload(lab_db: Lab) -> None:
    workflow(lab_db)
    seq = seq_of(lab_db, "seal.apply")
    tamper(
        lab_db,
        f"UPDATE journal SET payload = REPLACE(payload, 'SEAL-1', 'SEAL-9') WHERE seq = {seq}",
    )
    report = verify(lab_db)
    assert report.chain_break is not None
    assert (report.chain_break.seq, report.chain_break.problem) == (
        seq,
        "hash does not match the entry's content",
    )


def test_deleted_row(lab_db: Lab) -> None:
    workflow(lab_db)
    seq = seq_of(lab_db, "seal.apply")
    tamper(lab_db, f"DELETE FROM journal WHERE seq = {seq}")
    report = verify(lab_db)
    assert report.chain_break is not None
    assert report.chain_break.seq == seq + 1
    assert f"entry {seq} is missing" in report.chain_break.problem


def test_reordered_rows(lab_db: Lab) -> None:
    workflow(lab_db)
    a = seq_of(lab_db, "seal.apply")
    b = a + 1
    tamper(
        lab_db,
        f"UPDATE journal SET seq = -1 WHERE seq = {a}",
        f"UPDATE journal SET seq = {a} WHERE seq = {b}",
        f"UPDATE journal SET seq = {b} WHERE seq = -1",
    )
    report = verify(lab_db)
    assert report.chain_break is not None and report.chain_break.seq == a
    assert report.chain_break.problem == "prev_hash does not match the previous hash"


def test_indexed_column_edited_but_payload_kept(lab_db: Lab) -> None:
    workflow(lab_db)
    seq = seq_of(lab_db, "custody.transfer")
    tamper(lab_db, f"UPDATE journal SET subject = 'sample:OTHER' WHERE seq = {seq}")
    report = verify(lab_db)
    assert report.chain_break is not None and report.chain_break.seq == seq
    assert "differs from the signed payload" in report.chain_break.problem


def test_record_table_edit_is_a_replay_divergence(lab_db: Lab) -> None:
    sample_id = workflow(lab_db)
    tamper(lab_db, f"UPDATE samples SET status = 'destroyed' WHERE id = {sample_id}")
    report = verify(lab_db)
    assert report.chain_break is None
    d = report.divergence
    assert d is not None
    assert (d.table, d.key, d.field) == ("samples", sample_id, "status")
    assert (d.journal_value, d.table_value) == ("sealed", "destroyed")
    assert d.last_seq == seq_of(lab_db, "custody.transfer")


def test_weight_edit_is_caught(lab_db: Lab) -> None:
    sample_id = workflow(lab_db)
    tamper(lab_db, f"UPDATE samples SET net_weight = net_weight - 1 WHERE id = {sample_id}")
    d = verify(lab_db).divergence
    assert d is not None and (d.field, d.journal_value, d.table_value) == (
        "net_weight",
        "10.0000",
        "9.9999",
    )


def test_forged_and_deleted_rows(lab_db: Lab) -> None:
    workflow(lab_db)
    tamper(
        lab_db,
        "INSERT INTO locations (id, code, name, kind, parent_id, active) "
        "VALUES (99, 'FAKE', 'Fake shelf', 'shelf', NULL, true)",
    )
    d = verify(lab_db).divergence
    assert d is not None and (d.table, d.key, d.field) == ("locations", 99, None)
    assert "no journal entry created it" in d.problem
    tamper(lab_db, "DELETE FROM locations WHERE id = 99", "DELETE FROM seals")
    d = verify(lab_db).divergence
    assert d is not None and d.table == "seals" and "missing from the table" in d.problem


def test_payload_is_valid_json_with_everything(lab_db: Lab) -> None:
    workflow(lab_db)
    engine = create_engine(lab_db.url)
    with engine.connect() as conn:
        payload = conn.execute(text("SELECT payload FROM journal WHERE seq = 1")).scalar_one()
    engine.dispose()
    entry = json.loads(payload)
    assert set(entry) == {
        "v",
        "seq",
        "ts",
        "zone",
        "ws",
        "actor_id",
        "actor",
        "kind",
        "subject",
        "data",
        "changes",
    }
    assert entry["zone"] == "America/Mexico_City" and entry["ws"] == "test-ws"
