"""The seven classes of direct database tampering (issue 7), each done by an attacker with
write access to the SQLite file but not the signing key: 7 of 7 detected, and how."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable
from typing import Any

from test_verify import seq_of, tamper, workflow
from test_verify_checkpoints import _held, _rewrite, _seal_x

from custody.services import audit
from lab_support import Lab


def _sql(lab: Lab) -> sqlite3.Connection:
    conn = sqlite3.connect(lab.url.removeprefix("sqlite+pysqlite:///"))
    for name in ("journal_no_update", "journal_no_delete", "journal_chain"):
        conn.execute(f"DROP TRIGGER IF EXISTS {name}")
    return conn


def _forged_insert(lab: Lab) -> None:
    """A new entry slipped into the middle: later entries renumbered, its own hash correct."""
    k = seq_of(lab, "seal.apply")
    conn = _sql(lab)
    last = conn.execute("SELECT MAX(seq) FROM journal").fetchone()[0]
    for seq in range(last, k - 1, -1):
        conn.execute("UPDATE journal SET seq = seq + 1 WHERE seq = ?", (seq,))
    prev = conn.execute("SELECT hash FROM journal WHERE seq = ?", (k - 1,)).fetchone()[0]
    row = conn.execute("SELECT * FROM journal WHERE seq = ?", (k + 1,)).fetchone()
    payload = row[8].replace("seal.apply", "seal.break")  # its seq stays k: in its place
    digest = hashlib.sha256(bytes.fromhex(prev) + payload.encode()).hexdigest()
    conn.execute(
        "INSERT INTO journal VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (k, *row[1:6], "seal.break", row[7], payload, prev, digest),
    )
    conn.commit()
    conn.close()


def _recomputed(lab: Lab) -> None:
    _rewrite(lab, lambda p: p.replace("SEAL-1", "SEAL-X"))
    _seal_x(lab)


def _recomputed(lab: Lab) -> None:
    """History rewritten before the newest checkpoint (the journal keeps it; the attacker
    cannot sign a new one) and every hash recomputed."""
    _held(lab)  # a checkpoint signed in the journal, e.g. at the next approval
    _rewrite(lab, lambda p: p.replace("SEAL-1", "SEAL-X"))
    _seal_x(lab)


def _truncated(lab: Lab) -> dict[str, Any]:
    held = _held(lab)
    conn = _sql(lab)
    conn.execute("DELETE FROM journal WHERE seq > ?", (held["size"] - 4,))
    conn.commit()
    conn.close()
    return held


CLASSES: dict[str, Callable[[Lab], dict[str, Any] | None]] = {
    "update an entry": lambda lab: tamper(
        lab,
        "UPDATE journal SET payload = REPLACE(payload, 'SEAL-1', 'SEAL-9') "
        f"WHERE seq = {seq_of(lab, 'seal.apply')}",
    ),
    "delete an entry in the middle": lambda lab: tamper(
        lab, f"DELETE FROM journal WHERE seq = {seq_of(lab, 'seal.apply')}"
    ),
    "forged insert": _forged_insert,
    "reorder two entries": lambda lab: tamper(
        lab,
        f"UPDATE journal SET seq = -1 WHERE seq = {seq_of(lab, 'seal.apply')}",
        f"UPDATE journal SET seq = {seq_of(lab, 'seal.apply')} "
        f"WHERE seq = {seq_of(lab, 'seal.apply') + 1}",
        f"UPDATE journal SET seq = {seq_of(lab, 'seal.apply') + 1} WHERE seq = -1",
    ),
    "chain recomputed without the key": lambda lab: _recomputed(lab),
    "trigger dropped, then a record edited": lambda lab: tamper(
        lab,
        "DROP TRIGGER custody_events_no_update",
        "UPDATE custody_events SET seals_after = 'SEAL-7' WHERE seals_after = 'SEAL-1'",
    ),
    "tail truncation": _truncated,
}


def test_every_class_of_tampering_is_detected(make_ctx: Any, tmp_path: Any, capsys: Any) -> None:
    from lab_support import build_lab

    found = []
    for n, (name, attack) in enumerate(CLASSES.items()):
        folder = tmp_path / f"case{n}"
        folder.mkdir()
        url = f"sqlite+pysqlite:///{folder / 'custody.sqlite'}"
        lab = build_lab(make_ctx(url), url)
        workflow(lab)
        held = attack(lab)
        auditor = lab.as_(lab.auditor)
        report = auditor.query(lambda w, h=held: audit.verify(w, held=[h] if h else []))
        how = (
            report.chain_break.problem
            if report.chain_break
            else (report.divergence.problem if report.divergence else "NOT DETECTED")
        )
        found.append((name, not report.intact, how))
    with capsys.disabled():
        print(f"\ntampering: {sum(d for _, d, _ in found)} of {len(found)} classes detected")
        for name, detected, how in found:
            print(f"  {'✓' if detected else '✗'} {name}: {how}")
    assert all(detected for _, detected, _ in found), found
