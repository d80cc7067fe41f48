"""Signed checkpoints catch what the unkeyed chain cannot: a history rewritten by someone who
recomputed every hash (without the lab's key), removed entries at the end, or dropped the
checkpoints themselves — the last two against a checkpoint held outside the database."""

from __future__ import annotations

import hashlib
import itertools
import json
import sqlite3
from typing import Any

import pytest
from test_verify import verify, workflow

from custody.errors import ValidationError
from custody.services import audit, checkpoints, intake
from custody.services.intake import NewSample
from custody.signing import create
from custody.verifier import checkpoint_message
from lab_support import Lab


def _rewrite(lab: Lab, edit: Any, *, drop_checkpoints: bool = False) -> str:
    """What an attacker with the database file but not the key does: rewrite payloads with
    `edit`, optionally drop every checkpoint entry, renumber and recompute the whole chain."""
    path = lab.url.removeprefix("sqlite+pysqlite:///")
    conn = sqlite3.connect(path)
    for name in ("journal_no_update", "journal_no_delete", "journal_chain"):
        conn.execute(f"DROP TRIGGER IF EXISTS {name}")
    rows = conn.execute("SELECT seq, kind, payload FROM journal ORDER BY seq").fetchall()
    conn.execute("DELETE FROM journal")
    prev, seq = "0" * 64, 0
    for _old, kind, payload in rows:
        if drop_checkpoints and kind == "journal.checkpoint":
            continue
        seq += 1
        body = json.loads(edit(payload))
        body["seq"] = seq
        forged = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        digest = hashlib.sha256(bytes.fromhex(prev) + forged.encode()).hexdigest()
        conn.execute(
            "INSERT INTO journal (seq, ts, zone, workstation, actor_id, actor, kind, subject, "
            "payload, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (seq, body["ts"], body["zone"], body["ws"], body["actor_id"], body["actor"],
             body["kind"], body["subject"], forged, prev, digest),
        )  # fmt: skip
        prev = digest
    conn.commit()
    conn.close()
    return prev


def _seal_x(lab: Lab) -> None:
    path = lab.url.removeprefix("sqlite+pysqlite:///")
    conn = sqlite3.connect(path)
    conn.execute("DROP TRIGGER IF EXISTS custody_events_no_update")
    conn.execute("UPDATE seals SET serial = 'SEAL-X'")
    conn.execute("UPDATE custody_events SET seals_after = 'SEAL-X' WHERE seals_after = 'SEAL-1'")
    conn.commit()
    conn.close()


def _register(lab: Lab, count: int) -> None:
    tech = lab.as_(lab.technician)
    for _ in range(count):
        tech.perform(
            "reg",
            lambda w: intake.register_sample(w, lab.exhibit_id, NewSample("powder", "1", "B-1")),
        )


def _held(lab: Lab) -> dict[str, Any]:
    boss = lab.as_(lab.supervisor)
    return boss.perform("cp", lambda w: checkpoints.make_by_hand(w, boss.signer())).statement


def test_every_checkpoint_in_the_journal_is_rechecked(lab_db: Lab) -> None:
    workflow(lab_db)
    _held(lab_db)
    report = verify(lab_db)
    assert report.intact and report.checkpoints == 2  # at key registration, and by hand


def test_a_rewritten_history_breaks_the_checkpoints_signed_after_it(sqlite_lab: Lab) -> None:
    workflow(sqlite_lab)
    _held(sqlite_lab)
    _rewrite(sqlite_lab, lambda p: p.replace("SEAL-1", "SEAL-X"))
    _seal_x(sqlite_lab)
    report = verify(sqlite_lab)
    assert report.chain_break is not None
    assert "no longer matches the journal: history was rewritten" in report.chain_break.problem


def test_dropping_the_checkpoints_is_caught_by_one_held_elsewhere(sqlite_lab: Lab) -> None:
    workflow(sqlite_lab)
    held = _held(sqlite_lab)
    _rewrite(sqlite_lab, lambda p: p.replace("SEAL-1", "SEAL-X"), drop_checkpoints=True)
    _seal_x(sqlite_lab)
    assert verify(sqlite_lab).intact  # the unkeyed chain alone cannot tell (integrity.md §1)
    auditor = sqlite_lab.as_(sqlite_lab.auditor)
    report = auditor.query(lambda w: audit.verify(w, held=[held]))
    assert report.chain_break is not None
    assert "held outside the database" in report.chain_break.problem


def test_a_truncated_tail_is_caught_by_a_held_checkpoint(sqlite_lab: Lab) -> None:
    workflow(sqlite_lab)
    held = _held(sqlite_lab)
    path = sqlite_lab.url.removeprefix("sqlite+pysqlite:///")
    conn = sqlite3.connect(path)
    conn.execute("DROP TRIGGER IF EXISTS journal_no_delete")
    conn.execute("DELETE FROM journal WHERE seq > ?", (held["size"] - 3,))
    conn.commit()
    conn.close()
    report = sqlite_lab.as_(sqlite_lab.auditor).query(lambda w: audit.verify(w, held=[held]))
    assert report.chain_break is not None
    assert "entries were removed from its end" in report.chain_break.problem


def test_an_unchanged_journal_matches_the_held_checkpoint(lab_db: Lab) -> None:
    held = _held(lab_db)
    workflow(lab_db)
    report = lab_db.as_(lab_db.auditor).query(lambda w: audit.verify(w, held=[held]))
    assert report.intact and report.held == 1


def test_a_checkpoint_signed_by_another_key_is_refused(sqlite_lab: Lab, tmp_path: Any) -> None:
    held = _held(sqlite_lab)
    other = create(tmp_path / "other.key")
    forged = {**held, "key": other.fingerprint}
    forged["signature"] = other.sign(checkpoint_message(forged))
    auditor = sqlite_lab.as_(sqlite_lab.auditor)
    with pytest.raises(ValidationError, match="not signed by one of this lab's keys"):
        auditor.query(lambda w: audit.verify(w, held=[forged]))


def test_periodic_checkpoints_and_a_rotated_key(sqlite_lab: Lab) -> None:
    boss = sqlite_lab.as_(sqlite_lab.supervisor)
    boss.perform("interval", lambda w: checkpoints.set_interval(w, 10))
    workflow(sqlite_lab)
    _register(sqlite_lab, 25)
    boss = sqlite_lab.as_(sqlite_lab.supervisor)
    old = boss.signer().fingerprint
    new = boss.rotate_signing_key("yearly rotation")
    assert new != old and boss.signer().fingerprint == new
    assert boss.signing_key_file is not None
    assert boss.signing_key_file.with_name(f"{boss.signing_key_file.name}.retired-{old}").exists()
    _register(sqlite_lab, 12)
    report = verify(sqlite_lab)
    assert report.intact and report.checkpoints >= 4, report
    keys = sqlite_lab.ctx.query(checkpoints.keys)
    assert [k.fingerprint for k in keys] == [new, old] and keys[1].retired_at is not None
    path = sqlite_lab.url.removeprefix("sqlite+pysqlite:///")
    conn = sqlite3.connect(path)
    sizes = [json.loads(p)["data"]["checkpoint"]["size"] for (p,) in conn.execute(
        "SELECT payload FROM journal WHERE kind = 'journal.checkpoint' ORDER BY seq")]  # fmt: skip
    conn.close()
    gaps = [b - a for a, b in itertools.pairwise(sizes)]
    assert max(gaps) <= 12  # every 10 entries (an action may write two or three)
