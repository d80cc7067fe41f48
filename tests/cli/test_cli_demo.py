"""The demo database, listing and showing samples, the sampling cycle, disposal and backups."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import pytest
from cli_support import DEMO_PASSWORDS, Cli, Result, journal_kinds
from cli_support import demo_fixture as demo_fixture  # pytest fixtures
from cli_support import demo_run_fixture as demo_run_fixture

from custody import cli as cli_module
from custody.cli.common import Session

CHILD = "MX-AICM-2026-000011"  # the demo sub-sample: sealed, held by the technician
STORED = "MX-AICM-2026-000002"


def test_demo_prints_its_accounts_and_where_it_is(demo_run: tuple[Path, Result]) -> None:
    db, result = demo_run
    assert f"Demo database: {db}" in result.out
    rows = {line.split()[0]: line.split(None, 2)[1:] for line in result.out.splitlines()
            if line.startswith("  ") and len(line.split()) >= 3}  # fmt: skip
    for username, password in DEMO_PASSWORDS.items():
        assert rows[username] == [username, password], result


def test_demo_refuses_a_database_with_data(demo: Cli) -> None:
    before = demo.db.read_bytes()
    result = demo("demo")
    assert result.code == 2, result
    assert "has data already; the demo needs an empty database" in result.err
    assert demo.db.read_bytes() == before


def test_sample_list_shows_the_aicm_samples(demo: Cli) -> None:
    result = demo("sample", "list", user="clerk")
    assert result.code == 0, result
    lines = result.out.splitlines()
    assert lines[0].split()[:3] == ["SAMPLE", "STATUS", "WHERE"]
    codes = [line.split()[0] for line in lines[1:-1]]
    assert codes == [f"MX-AICM-2026-{n:06d}" for n in range(1, 12)]
    assert "FED/CDMX/AICM/0004417/2026" in result.out
    assert lines[-1] == "11 sample(s)"
    sealed = demo("sample", "list", "--status", "sealed", "--json", user="clerk")
    assert [row["code"] for row in json.loads(sealed.out)] == [CHILD]


def test_sample_show_as_text_and_json(demo: Cli) -> None:
    text = demo("sample", "show", STORED, user="technician")
    assert text.code == 0, text
    assert "status        stored" in text.out
    assert "where         VAULT-A-S1-B01" in text.out
    assert "case          FED/CDMX/AICM/0004417/2026, exhibit 1" in text.out
    data = json.loads(demo("sample", "show", STORED.lower(), "--json", user="technician").out)
    assert data["code"] == STORED and data["status"] == "stored"
    assert data["net_weight"] == "12.5000" and data["allowed"] == ["retrieve"]


def test_user_and_location_lists(demo: Cli) -> None:
    users = demo("user", "list", user="clerk").out
    assert "Dra. Mariana López Ortega" in users and "supervisor" in users
    locations = demo("location", "list", user="clerk").out.splitlines()
    assert locations[0].split() == ["CODE", "KIND", "INSIDE", "NAME"]
    assert locations[4].split()[:3] == ["VAULT-A-S1-B02", "box", "VAULT-A-S1"]


def test_open_subsample_reseal_and_weigh(demo: Cli) -> None:
    tech = "technician"
    opened = demo("seal", "open", CHILD, "--purpose", "analysis", "--broken", user=tech)
    assert opened.code == 0, opened
    assert "opened (seals found BROKEN)" in opened.out and "seals: none" in opened.out
    sub = demo(
        "sample", "subsample", CHILD, "--description", "aliquot", "--net-weight", "0.25",
        "--balance", "BAL-2", user=tech,
    )  # fmt: skip
    assert sub.code == 0, sub
    assert f"Sub-sample MX-AICM-2026-000012 drawn from {CHILD} (0.2500 g)." in sub.out
    resealed = demo("seal", "reseal", CHILD, "SEAL-900001", user=tech)
    assert "resealed" in resealed.out and "seals: SEAL-900001" in resealed.out, resealed
    small = demo("weigh", CHILD, "0.7500", "--balance", "BAL-2", user=tech)
    assert small.code == 0, small
    assert f"{CHILD} weighs 0.7500 g (was 0.7500 g, change +0.0000 g)." in small.out
    assert "ALERT" not in small.out
    alert = demo("weigh", CHILD, "0.7000", "--balance", "BAL-2", user=tech)
    assert "ALERT: the weight changed by -0.0500 g" in alert.out, alert
    history = demo("history", CHILD, user=tech).out
    assert "seals found BROKEN" in history
    assert "sub-sample MX-AICM-2026-000012 drawn" in history
    assert "notes        ALERT: weight changed by -0.0500 g" in history


def test_retrieve_and_destroy(demo: Cli) -> None:
    taken = demo("retrieve", STORED, "--purpose", "destruction order 17/2026", user="supervisor")
    assert taken.code == 0, taken
    assert "retrieved from storage" in taken.out
    assert "held by Dra. Mariana López Ortega" in taken.out
    clerk = demo("destroy", STORED, "--reason", "court order", user="clerk")
    assert clerk.code == 1
    assert "refused: Your role (clerk) may not dispose" in clerk.err
    gone = demo("destroy", STORED, "--reason", "court order 17/2026", user="supervisor")
    assert gone.code == 0, gone
    assert f"{STORED} destroyed." in gone.out and "status destroyed" in gone.out
    listed = demo("sample", "list", "--status", "destroyed", user="clerk").out
    assert STORED in listed and listed.splitlines()[-1] == "1 sample(s)"
    assert demo("verify", user="clerk").code == 0


def test_backup_by_a_supervisor(demo: Cli, tmp_path: Path) -> None:
    target = tmp_path / "backup.sqlite"
    refused = demo("backup", str(target), user="technician")
    assert refused.code == 1, refused
    assert "refused: Your role (technician) may not backup" in refused.err
    assert not target.exists()
    made = demo("backup", str(target), user="supervisor")
    assert made.code == 0, made
    assert f"Backup written: {target}" in made.out
    with sqlite3.connect(target) as conn:
        copied = [row[0] for row in conn.execute("SELECT kind FROM journal ORDER BY seq")]
    assert copied == journal_kinds(demo.db)[:-1]  # the live journal then records the backup
    assert journal_kinds(demo.db)[-1] == "db.backup"
    digest = hashlib.sha256(target.read_bytes()).hexdigest()
    assert f"SHA-256 {digest} (recorded in the journal)" in made.out
    again = demo("backup", str(target), user="supervisor")
    assert again.code == 2 and "exists already" in again.err


def test_backup_of_postgresql_points_to_pg_dump(demo: Cli) -> None:
    result = demo("--db", "postgresql+psycopg://custody@db.invalid/custody", "backup", "x")
    assert result.code == 2, result
    assert "pg_dump" in result.err


def test_an_unexpected_error_prints_a_traceback_and_exits_3(
    demo: Cli, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(self: Session) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(Session, "signed_in", broken)
    code = cli_module.main(["--db", str(demo.db), "sample", "list"])
    captured = capsys.readouterr()
    assert code == 3
    assert "internal error" in captured.err
    assert "Traceback" in captured.err and "RuntimeError: boom" in captured.err
