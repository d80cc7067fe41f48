"""custody-cli end to end: a lab set up from nothing, through intake, seals, hand-over, storage."""

from __future__ import annotations

import json
from pathlib import Path

from cli_support import CLERK, SUPERVISOR, WITNESS, Cli, clean_env, journal_kinds, run_cli
from cli_support import lab_fixture as lab_fixture  # pytest fixtures
from cli_support import lab_template_fixture as lab_template_fixture

import custody

CASE = "FED/CDMX/AICM/0000001/2026"
SAMPLE = "MX-AICM-2026-000001"


def test_version(tmp_path: Path) -> None:
    result = run_cli("--version", env=clean_env(tmp_path), cwd=tmp_path)
    assert result.code == 0, result
    assert result.out.strip() == f"custody-cli {custody.__version__}"


def test_init_then_intake_seal_transfer_store_history_verify(lab: Cli) -> None:
    users = lab("user", "list", user="ana")
    assert users.code == 0, users
    lines = users.out.splitlines()
    assert lines[0].split() == ["USER", "ROLE", "STATE", "NAME"]
    assert any(line.split()[:3] == ["tomas", "technician", "active"] for line in lines), users

    tech = "tomas"
    case = lab("case", "add", CASE, "--institution", "FGR / ANAM", "--opened", "2026-08-12",
               user=tech)  # fmt: skip
    assert case.code == 0 and f"Case {CASE} registered (case id 1)." in case.out, case
    seizure = lab(
        "seizure", "add", "--case", CASE, "--port", "aicm", "--place", "AICM Terminal 1",
        "--seized-at", "2026-08-12T10:30-06:00", "--reason", "X-ray inspection", user=tech,
    )  # fmt: skip
    assert seizure.code == 0 and "Seizure registered (seizure id 1) at AICM" in seizure.out
    exhibit = lab(
        "exhibit", "add", "--seizure", "1", "--description", "220 packages of white powder",
        "--form", "powder", "--substance", "fentanyl", "--gross-weight", "220000", user=tech,
    )  # fmt: skip
    assert exhibit.code == 0 and "Exhibit registered (exhibit id 1)." in exhibit.out, exhibit
    sample = lab(
        "sample", "add", "--exhibit", "1", "--description", "Representative sample 1",
        "--net-weight", "12,5", "--balance", "BAL-XPR205-01", user=tech,
    )  # fmt: skip
    assert sample.code == 0, sample
    assert f"Sample {SAMPLE} registered (12.5000 g, powder)." in sample.out
    compact = sample.out.split("compact code (QR / scanner): ")[1].split()[0]
    assert compact.startswith("MXAICM2026000001") and len(compact) == 17

    sealed = lab("seal", "apply", compact, "seal-0001", user=tech)
    assert sealed.code == 0, sealed
    assert f"{SAMPLE} sealed with SEAL-0001." in sealed.out
    handed = lab(
        "transfer", SAMPLE, "--to", "carla", "--witness", "wendy", "--purpose", "to the vault",
        user=tech, CUSTODY_TO_PASSWORD=CLERK[1], CUSTODY_WITNESS_PASSWORD=WITNESS[1],
    )  # fmt: skip
    assert handed.code == 0, handed
    assert "handed over by Tomás Técnico to Carla Clerk, witnessed by wendy" in handed.out
    assert "held by Carla Clerk; seals: SEAL-0001" in handed.out
    stored = lab("store", SAMPLE, "vault-a", user="carla")
    assert stored.code == 0, stored
    assert f"{SAMPLE} stored in VAULT-A." in stored.out
    assert "status stored" in stored.out

    history = lab("history", compact, user="tomas")
    assert history.code == 0, history
    text = history.out
    blocks = [block for block in text.split("\n\n") if block.startswith("#")]
    assert [block.split()[1] for block in blocks] == ["COLLECT", "SEAL", "TRANSFER", "STORE"]
    collect, seal, transfer, store = blocks
    assert "America/Mexico_City" in collect and " UTC" in collect
    assert "— → Tomás Técnico" in collect and "12.5000 g" in collect
    assert "— → SEAL-0001" in seal
    assert "Tomás Técnico → Carla Clerk" in transfer
    assert "witness      Wendy Witness" in transfer
    assert "tomas:session;carla:password;wendy:password" in transfer
    assert "purpose      to the vault" in transfer
    assert "— → VAULT-A" in store and "recorded by  Carla Clerk at workstation" in store

    as_json = lab("history", SAMPLE, "--json", user="wendy")
    events = json.loads(as_json.out)["events"]
    assert [e["event_type"] for e in events] == ["collect", "seal", "transfer", "store"]
    assert events[2]["to_person"] == "Carla Clerk" and events[2]["witness"] == "Wendy Witness"
    assert events[0]["weight"] == "12.5000"

    verify = lab("verify", user="carla")
    assert verify.code == 0, verify
    assert "INTACT" in verify.out
    entries = int(verify.out.split("Journal entries checked:")[1].split()[0])
    assert entries == len(journal_kinds(lab.db))  # verify's own sign-in comes first
    assert "custody.transfer" in journal_kinds(lab.db)


def test_init_refuses_a_database_that_is_set_up(lab: Cli) -> None:
    again = lab(
        "init", "--lab-name", "Other", "--site-prefix", "MX-MZO", "--supervisor-username",
        "otro", "--supervisor-name", "Otro", CUSTODY_PASSWORD="another long pass phrase",
    )  # fmt: skip
    assert again.code == 1, again
    assert "refused: This database is set up already." in again.err


def test_init_journals_the_label_key_and_never_reuses_one(lab: Cli, tmp_path: Path) -> None:
    assert "lab.label_key" in journal_kinds(lab.db)
    other = Cli(tmp_path / "other.sqlite", tmp_path, {})
    other.db.with_name("other.label-key").write_text("00" * 32)
    result = other(
        "init", "--lab-name", "L", "--site-prefix", "MX-MZO", "--supervisor-username", "ana",
        "--supervisor-name", "Ana", CUSTODY_PASSWORD="another long pass phrase",
    )  # fmt: skip
    assert result.code == 2, result
    assert "a label key exists already" in result.err


def test_init_without_a_password_creates_nothing(tmp_path: Path) -> None:
    cli = Cli(tmp_path / "new.sqlite", tmp_path, {})
    result = cli(
        "init", "--lab-name", "L", "--site-prefix", "MX-AICM", "--supervisor-username", "ana",
        "--supervisor-name", "Ana",
    )  # fmt: skip
    assert result.code == 2, result
    assert "set CUSTODY_PASSWORD or run interactively" in result.err
    assert not cli.db.exists()


def test_a_read_command_never_creates_a_database(tmp_path: Path) -> None:
    cli = Cli(tmp_path / "missing.sqlite", tmp_path, {"ana": SUPERVISOR[1]})
    for args in (("verify",), ("sample", "list"), ("history", SAMPLE)):
        result = cli(*args, user="ana")
        assert result.code == 2, result
        assert f"no database at {cli.db}: run `custody-cli init` or `custody-cli demo`" in (
            result.err
        )
        assert "Traceback" not in result.err
    assert not cli.db.exists()


def test_a_password_is_needed_without_a_terminal(lab: Cli) -> None:
    result = lab("sample", "list", CUSTODY_USER="tomas")
    assert result.code == 2, result
    assert "set CUSTODY_PASSWORD or run interactively" in result.err
    nobody = lab("sample", "list")
    assert nobody.code == 2
    assert "--user NAME (or set CUSTODY_USER)" in nobody.err


def test_user_add_by_a_technician_is_refused_and_journaled(lab: Cli) -> None:
    result = lab(
        "user", "add", "eve", "--name", "Eve", "--role", "supervisor", user="tomas",
        CUSTODY_NEW_PASSWORD="eve wants to be boss now",
    )  # fmt: skip
    assert result.code == 1, result
    assert "refused: Your role (technician) may not manage users" in result.err
    assert journal_kinds(lab.db)[-1] == "denied"


def test_without_db_the_default_data_directory_is_created(tmp_path: Path) -> None:
    env = clean_env(tmp_path)
    env["CUSTODY_PASSWORD"] = SUPERVISOR[1]
    made = run_cli(
        "init", "--lab-name", "L", "--site-prefix", "MX-AICM", "--supervisor-username", "ana",
        "--supervisor-name", "Ana", env=env, cwd=tmp_path,
    )  # fmt: skip
    assert made.code == 0, made
    default = tmp_path / "xdg-data" / "Custody" / "custody.sqlite"
    assert f"database     {default}" in made.out
    assert default.is_file()
    env["CUSTODY_DB"] = "relative.sqlite"  # a plain path, relative to the working directory
    env["CUSTODY_USER"] = "ana"
    missing = run_cli("user", "list", env=env, cwd=tmp_path)
    assert missing.code == 2 and f"no database at {tmp_path / 'relative.sqlite'}" in missing.err
    env["CUSTODY_DB"] = str(default)
    listed = run_cli("user", "list", env=env, cwd=tmp_path)
    assert listed.code == 0 and "ana" in listed.out, listed
