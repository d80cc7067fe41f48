"""Shipment commands refused: a clear message, the right exit status, nothing changed."""

from __future__ import annotations

import json

from cli_support import Cli, journal_kinds
from cli_support import demo_fixture as demo_fixture  # pytest fixtures
from cli_support import demo_run_fixture as demo_run_fixture
from ship_cli_support import SAMPLES, approve, create, in_hand, packed, pdf_text, sign
from ship_cli_support import ship_fixture as ship_fixture

STORED = "MX-AICM-2026-000005"  # in the vault: nobody holds it


def _show(cli: Cli, manifest: str) -> dict[str, object]:
    shown = cli("shipment", "show", manifest, "--json", user="clerk")
    assert shown.code == 0, shown
    data: dict[str, object] = json.loads(shown.out)
    return data


def test_approval_refused_leaves_the_shipment_unapproved(ship: Cli) -> None:
    manifest, _ = packed(ship, SAMPLES[:1])
    no_password = ship("shipment", "approve", manifest, user="supervisor")
    assert no_password.code == 2, no_password
    assert "set CUSTODY_SIGN_PASSWORD or run interactively" in no_password.err
    clerk = ship("shipment", "approve", manifest, user="clerk", **sign("clerk"))
    assert clerk.code == 1 and "may not approve" in clerk.err, clerk
    before = journal_kinds(ship.db)
    wrong = ship("shipment", "approve", manifest, user="supervisor",
                 **sign("supervisor", "not my password at all"))  # fmt: skip
    assert wrong.code == 1, wrong
    assert "refused: Wrong user name or password." in wrong.err
    assert f"Shipment {manifest} was NOT approved. Nothing was signed or changed." in wrong.err
    assert wrong.out == ""
    added = journal_kinds(ship.db)[len(before) :]
    assert added[-1] == "auth.failed" and "shipment.approve" not in added
    data = _show(ship, manifest)
    assert (data["status"], data["revision"], data["approved_by"]) == ("packing", 0, None)
    pdf = ship.home / "m.pdf"
    early = ship("manifest", manifest, "--out", str(pdf), user="clerk")
    assert early.code == 1 and "has no manifest yet" in early.err, early
    assert not pdf.exists()


def test_a_change_after_approval_withdraws_it_and_supersedes_the_manifest(ship: Cli) -> None:
    manifest, _ = packed(ship, SAMPLES[:2])
    approve(ship, manifest)
    changed = ship("shipment", "update", manifest, "--waybill", "AWB 999-00000001", user="clerk")
    assert changed.code == 0, changed
    assert "APPROVAL WITHDRAWN: manifest revision 1 no longer matches" in changed.out
    assert "must approve it again (which issues revision 2)" in changed.out
    same = ship("shipment", "update", manifest, "--waybill", "AWB 999-00000001", user="clerk")
    assert "nothing changed" in same.out and "WITHDRAWN" not in same.out, same
    nothing = ship("shipment", "update", manifest, user="clerk")
    assert nothing.code == 2 and "say what to change" in nothing.err
    again = approve(ship, manifest)
    assert "manifest revision 2 issued" in again.out and "revision 1 is superseded" in again.out
    old = ship.home / "rev1.pdf"
    written = ship("manifest", manifest, "--out", str(old), "--revision", "1", user="clerk")
    assert written.code == 0, written
    assert "revision 1 written" in written.out and "SUPERSEDED by revision 2" in written.out
    assert "SUPERSEDED BY REVISION 2" in pdf_text(old)
    missing = ship("manifest", manifest, "--out", str(old), "--revision", "3", user="clerk")
    assert missing.code == 1 and "no manifest revision 3 (revisions 1–2 exist)" in missing.err


def test_pack_stops_at_the_first_refusal_and_says_what_was_packed(ship: Cli) -> None:
    first, second = SAMPLES[:2]
    in_hand(ship, (first, second))
    manifest, _ = create(ship)
    assert ship("shipment", "package", manifest, "--seal", "OUT-9", user="clerk").code == 0
    packing = ship("shipment", "pack", manifest, "--package", "1", first, STORED, second,
                   user="clerk")  # fmt: skip
    assert packing.code == 1, packing
    assert f"{first} packed into package 1" in packing.out
    assert "refused: Cannot pack: the sample is stored" in packing.err
    assert f"Not packed: {STORED} (sample 2 of 3)." in packing.err
    assert f"Packed before this refusal: {first}; the rest were not packed." in packing.err
    assert second not in packing.out
    assert journal_kinds(ship.db)[-1] == "denied"
    data = _show(ship, manifest)
    assert data["packages"] == [{"number": 1, "outer_seals": ["OUT-9"], "samples": [first]}]
    no_package = ship("shipment", "pack", manifest, "--package", "2", second, user="clerk")
    assert no_package.code == 1 and "has no package 2; add it first" in no_package.err
    taken = ship("shipment", "unpack", manifest, first, "--reason", "wrong case", user="clerk")
    assert taken.code == 0 and f"{first} taken out of {manifest}; you hold it again." in taken.out
    assert _show(ship, manifest)["packages"] == [
        {"number": 1, "outer_seals": ["OUT-9"], "samples": []}
    ]


def test_unknown_shipments_and_bad_arguments(ship: Cli) -> None:
    unknown = ship("shipment", "show", "MX-AICM-M-2026-9999", user="clerk")
    assert unknown.code == 1, unknown
    assert unknown.err.strip() == "refused: There is no shipment 'MX-AICM-M-2026-9999'."
    assert journal_kinds(ship.db)[-1] == "denied"
    by_number = ship("shipment", "dispatch", "42", "--carrier-agent", "x", user="clerk",
                     **sign("clerk"))  # fmt: skip
    assert by_number.code == 1 and "There is no shipment #42." in by_number.err, by_number
    before = journal_kinds(ship.db)
    folder = ship.home / "no-such-folder"
    nowhere = ship("manifest", "1", "--out", str(folder / "m.pdf"), user="clerk")
    assert nowhere.code == 2, nowhere
    assert f"The folder for --out does not exist: {folder}" in nowhere.err
    assert journal_kinds(ship.db) == before  # refused before anyone signed in
    batch = ship("shipment", "receive", "1", "--scan", "-", "--weight", "10", user="clerk")
    assert batch.code == 2 and "give them with a single --scan RAW" in batch.err, batch
    resolve = ship("shipment", "resolve", "#x", "--resolution", "y", user="supervisor")
    assert resolve.code == 2 and "is not a discrepancy number" in resolve.err, resolve
    empty = ship("shipment", "list", user="clerk")
    assert empty.code == 0 and empty.out.splitlines()[-1] == "0 shipment(s)", empty
