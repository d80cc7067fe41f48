"""`verify` from the command line: intact, a broken chain, a record edited behind Custody's back."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from cli_support import Cli, execute
from cli_support import demo_fixture as demo_fixture  # pytest fixtures
from cli_support import demo_run_fixture as demo_run_fixture

DB_ONLY = {"supervisor": "amber lighthouse turtle"}


def test_verify_intact_prints_counts_and_head_hash(demo: Cli) -> None:
    result = demo("verify", user="clerk")
    assert result.code == 0, result
    fields = dict(line.split(":", 1) for line in result.out.splitlines() if ":" in line)
    assert int(fields["Journal entries checked"]) > 80
    assert len(fields["Head hash"].strip()) == 64
    assert int(fields["Records compared"]) > 80
    assert result.out.splitlines()[-1].startswith("INTACT")
    as_json = json.loads(demo("verify", "--json", user="clerk").out)
    assert as_json["intact"] is True and as_json["chain_break"] is None
    assert as_json["divergence"] is None and len(as_json["head_hash"]) == 64


def test_verify_reports_an_edited_journal_entry(demo: Cli) -> None:
    with sqlite3.connect(demo.db) as conn:
        seq = conn.execute(
            "SELECT MIN(seq) FROM journal WHERE kind = 'sample.register'"
        ).fetchone()[0]
    execute(
        demo.db,
        "DROP TRIGGER journal_no_update",
        f"UPDATE journal SET payload = replace(payload, 'MX-AICM', 'MX-AICX') WHERE seq = {seq}",
    )
    result = demo("verify", user="clerk")
    assert result.code == 1, result
    assert f"TAMPERED: the journal's hash chain breaks at entry seq {seq}." in result.out
    assert "problem: hash does not match the entry's content" in result.out
    assert "Head hash:               (not reached: the chain is broken)" in result.out
    assert "meaning: the journal was altered" in result.out
    assert "INTACT" not in result.out


def test_verify_reports_a_record_changed_outside_custody(demo: Cli) -> None:
    execute(demo.db, "UPDATE samples SET status = 'destroyed' WHERE code = 'MX-AICM-2026-000002'")
    result = demo("verify", user="clerk")
    assert result.code == 1, result
    lines = [line.strip() for line in result.out.splitlines()]
    assert "DIVERGED: a record does not match what the journal says it should be." in lines
    assert "table:          samples" in lines
    assert "record key:     2" in lines
    assert "field:          status" in lines
    assert "journal value:  'stored'" in lines
    assert "table value:    'destroyed'" in lines
    last = next(line for line in lines if line.startswith("last journal entry touching it: seq"))
    assert int(last.rsplit(" ", 1)[1]) > 0
    assert "the samples table was changed outside Custody" in result.out

    as_json = json.loads(demo("verify", "--json", user="clerk").out)
    assert as_json["intact"] is False
    divergence = as_json["divergence"]
    assert (divergence["table"], divergence["key"], divergence["field"]) == (
        "samples",
        2,
        "status",
    )
    assert (divergence["journal_value"], divergence["table_value"]) == ("stored", "destroyed")
    assert "changed outside Custody" in as_json["meaning"]


def test_verify_reports_a_row_added_outside_custody(demo: Cli) -> None:
    execute(
        demo.db,
        "INSERT INTO locations (code, name, kind, parent_id, active) "
        "VALUES ('GHOST', 'Ghost shelf', 'shelf', NULL, 1)",
    )
    result = demo("verify", user="clerk")
    assert result.code == 1, result
    assert "table:          locations" in result.out
    assert "field:          (the whole row)" in result.out
    assert "was added outside Custody: no journal entry created it" in result.out


def test_verify_without_a_database_could_not_run(tmp_path: Path) -> None:
    cli = Cli(tmp_path / "nowhere.sqlite", tmp_path, DB_ONLY)
    result = cli("verify", user="supervisor")
    assert result.code == 2, result
    assert f"no database at {cli.db}" in result.err
    assert result.out == ""
    assert not cli.db.exists()


def test_verify_of_a_bad_url_or_uninitialised_database_could_not_run(tmp_path: Path) -> None:
    bad = Cli(tmp_path / "x.sqlite", tmp_path, DB_ONLY)
    result = bad("--db", "mysql://somewhere/custody", "verify", user="supervisor")
    assert result.code == 2, result
    assert "Unsupported database 'mysql': use SQLite or PostgreSQL." in result.err
    garbled = bad("--db", "://", "verify", user="supervisor")
    assert garbled.code == 2, garbled
    assert "'://' is not a database URL or file path" in garbled.err
    empty = tmp_path / "empty.sqlite"
    empty.touch()
    blank = Cli(empty, tmp_path, DB_ONLY)
    result = blank("verify", user="supervisor")
    assert result.code == 2, result
    assert "This database is not set up yet: run `custody-cli init`." in result.err
