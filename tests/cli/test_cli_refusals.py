"""Bad input and refused actions: exit 1, a message a clerk understands, nothing written."""

from __future__ import annotations

from cli_support import DEMO_PASSWORDS, Cli, journal_kinds
from cli_support import demo_fixture as demo_fixture  # pytest fixtures
from cli_support import demo_run_fixture as demo_run_fixture

from custody.domain.ids import format_sample_id

CHILD = "MX-AICM-2026-000011"  # the demo sub-sample: sealed, held by the technician
STORED = "MX-AICM-2026-000002"


def test_wrong_password_is_refused_journaled_and_the_journal_stays_intact(demo: Cli) -> None:
    before = journal_kinds(demo.db)
    result = demo("sample", "list", user="technician", password="not the right one at all")
    assert result.code == 1, result
    assert result.err.strip() == "refused: Wrong user name or password."
    assert result.out == ""
    kinds = journal_kinds(demo.db)
    assert kinds[: len(before)] == before
    assert kinds[len(before) :] == ["auth.failed"]
    verify = demo("verify", user="clerk")
    assert verify.code == 0, verify
    assert "INTACT" in verify.out


def test_verify_with_a_wrong_password_could_not_run(demo: Cli) -> None:
    result = demo("verify", user="auditor-who-does-not-exist", password="whatever it is here")
    assert result.code == 2, result
    assert "refused: Wrong user name or password." in result.err


def test_transfer_to_oneself_is_refused(demo: Cli) -> None:
    result = demo(
        "transfer",
        CHILD,
        "--to",
        "technician",
        "--purpose",
        "analysis",
        user="technician",
        CUSTODY_TO_PASSWORD=DEMO_PASSWORDS["technician"],
    )
    assert result.code == 1, result
    assert "refused: A sample cannot be handed over to yourself." in result.err
    assert journal_kinds(demo.db)[-1] == "denied"


def test_transfer_by_someone_who_does_not_hold_the_sample_is_refused(demo: Cli) -> None:
    result = demo(
        "transfer",
        CHILD,
        "--to",
        "supervisor",
        "--purpose",
        "analysis",
        user="clerk",
        CUSTODY_TO_PASSWORD=DEMO_PASSWORDS["supervisor"],
    )
    assert result.code == 1, result
    assert f"refused: You do not hold {CHILD}: it is held by someone else." in result.err
    show = demo("sample", "show", CHILD, user="clerk")
    assert "where         held by Q.F.B. Jorge Ramírez Soto" in show.out, show


def test_transfer_with_the_receivers_wrong_password_is_refused(demo: Cli) -> None:
    result = demo(
        "transfer",
        CHILD,
        "--to",
        "clerk",
        "--purpose",
        "to the vault",
        user="technician",
        CUSTODY_TO_PASSWORD="not the clerk's password",
    )
    assert result.code == 1, result
    assert "refused: Wrong user name or password." in result.err
    assert journal_kinds(demo.db)[-2:] == ["auth.ok", "auth.failed"]  # giver ok, receiver not


def test_transfer_needs_the_receivers_password(demo: Cli) -> None:
    result = demo("transfer", CHILD, "--to", "clerk", "--purpose", "x", user="technician")
    assert result.code == 2, result
    assert "set CUSTODY_TO_PASSWORD or run interactively" in result.err


def test_negative_weights_are_refused(demo: Cli) -> None:
    weigh = demo("weigh", CHILD, "-1", "--balance", "BAL-1", user="technician")
    assert weigh.code == 1, weigh
    assert "refused: The net weight cannot be negative (-1 g)." in weigh.err
    add = demo(
        "sample",
        "add",
        "--exhibit",
        "1",
        "--description",
        "x",
        "--net-weight",
        "-5",
        "--balance",
        "BAL-1",
        user="technician",
    )
    assert add.code == 1, add
    assert "refused: The net weight cannot be negative (-5 g)." in add.err


def test_a_compact_id_with_a_wrong_check_character_is_refused(demo: Cli) -> None:
    good = format_sample_id("MX-AICM", 2026, 11).compact
    shown = demo("sample", "show", good, user="clerk")
    assert shown.code == 0 and shown.out.startswith(f"{CHILD}   (compact {good})"), shown
    bad = good[:-1] + ("A" if good[-1] != "A" else "B")
    result = demo("sample", "show", bad, user="clerk")
    assert result.code == 1, result
    assert f"refused: '{bad}': check character does not match" in result.err
    assert "mistyped or misread" in result.err
    assert journal_kinds(demo.db)[-1] == "denied"  # a bad scan is journaled, never ignored


def test_an_unknown_sample_is_refused(demo: Cli) -> None:
    for command in (("history", "MX-AICM-2026-999999"), ("sample", "show", "MX-AICM-2026-999999")):
        result = demo(*command, user="clerk")
        assert result.code == 1, result
        assert "refused: There is no sample MX-AICM-2026-999999 in this lab's records." in (
            result.err
        )
        assert journal_kinds(demo.db)[-1] == "denied"


def test_a_malformed_id_is_refused(demo: Cli) -> None:
    result = demo("store", "MX-AICM-26-1", "VAULT-A", user="clerk")
    assert result.code == 1, result
    assert "the year '26' must be 4 digits" in result.err


def test_an_action_not_allowed_now_says_what_is_allowed(demo: Cli) -> None:
    result = demo("seal", "apply", STORED, "SEAL-999999", user="technician")
    assert result.code == 1, result
    assert "refused: Cannot seal: the sample is stored (it must be registered)." in result.err
    assert "Allowed now: retrieve" in result.err


def test_usage_errors_exit_2_with_argparse_messages(demo: Cli) -> None:
    result = demo("seal", "open", CHILD, "--purpose", "x", "--intact", "--broken")
    assert result.code == 2, result
    assert "not allowed with argument" in result.err
    when = demo(
        "seizure",
        "add",
        "--case",
        "1",
        "--port",
        "AICM",
        "--place",
        "T1",
        "--seized-at",
        "2026-08-12T10:30",
        "--reason",
        "x",
        user="technician",
    )
    assert when.code == 2, when
    assert "needs its UTC offset" in when.err


def test_a_file_that_is_not_a_database_is_a_storage_error(demo: Cli) -> None:
    demo.db.write_bytes(b"this is a spreadsheet, not a database")
    result = demo("verify", user="clerk")
    assert result.code == 2, result
    assert "is not a SQLite database file" in result.err
    assert "Traceback" not in result.err
