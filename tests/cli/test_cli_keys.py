"""The lab's signing key and checkpoints through the real custody-cli: keys shown and exported,
a checkpoint held outside the database and checked by `verify`, the checkpoint printed on a
manifest read back from its QR, a rotated key, and a truncated journal caught."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from cli_support import Cli
from cli_support import demo_fixture as demo_fixture  # pytest fixtures
from cli_support import demo_run_fixture as demo_run_fixture
from cli_support import lab_fixture as lab_fixture
from cli_support import lab_template_fixture as lab_template_fixture
from ship_cli_support import approve, packed, pdf_text, qr_payloads
from ship_cli_support import ship_fixture as ship_fixture

from custody.verifier import fingerprint, parse_checkpoint_code, public_key_of_pem


def _code(result_out: str) -> str:
    return result_out.split("code: ")[1].split()[0]


def test_keys_shown_exported_and_a_held_checkpoint_verified(lab: Cli, tmp_path: Path) -> None:
    shown = lab("keys", "show", user="ana")
    assert shown.code == 0, shown
    assert "current" in shown.out and str(lab.db.with_name("lab.signing-key")) in shown.out
    pem = tmp_path / "lab.pem"
    exported = lab("keys", "export", "--out", str(pem), user="ana")
    assert exported.code == 0, exported
    fp = fingerprint(public_key_of_pem(pem.read_bytes()))
    grouped = " ".join(fp[i : i + 4] for i in range(0, 32, 4))
    assert f"Fingerprint: {grouped}" in exported.out and grouped in shown.out
    again = lab("keys", "export", "--out", str(pem), user="ana")
    assert again.code == 2 and "exists already" in again.err

    made = lab("checkpoint", "make", user="ana")
    assert made.code == 0, made
    held = tmp_path / "held.json"
    latest = lab("checkpoint", "latest", "--out", str(held), user="carla")
    assert latest.code == 0 and _code(latest.out) == _code(made.out), latest
    checked = lab("verify", "--checkpoint", str(held), "--checkpoint-code", _code(made.out),
                  user="carla")  # fmt: skip
    assert checked.code == 0, checked
    assert "2 held outside the database matched" in checked.out

    # a clerk may not sign checkpoints; nothing is written
    denied = lab("checkpoint", "make", user="carla")
    assert denied.code == 1 and "may not settings" in denied.err, denied

    # the end of the journal removed by someone with the database file
    conn = sqlite3.connect(lab.db)
    conn.execute("DROP TRIGGER journal_no_delete")
    size = parse_checkpoint_code(_code(made.out))["size"]
    conn.execute("DELETE FROM journal WHERE seq > ?", (size - 2,))
    conn.commit()
    conn.close()
    caught = lab("verify", "--checkpoint", str(held), user="carla")
    assert caught.code == 1, caught
    assert "TAMPERED" in caught.out and "entries were removed from its end" in caught.out


def test_a_rotated_key_and_the_checkpoint_interval(lab: Cli) -> None:
    before = lab("keys", "show", user="ana").out
    rotated = lab("keys", "rotate", "--reason", "yearly rotation", user="ana")
    assert rotated.code == 0, rotated
    assert lab.db.with_name(
        f"lab.signing-key.retired-{before.split()[0]}{''.join(before.split()[1:8])}"
    ).exists()
    shown = lab("keys", "show", user="ana").out
    assert shown.count("current") == 1 and "retired" in shown and "yearly rotation" in shown
    interval = lab("checkpoint", "interval", "50", user="ana")
    assert interval.code == 0 and "every 50 journal entries" in interval.out
    bad = lab("checkpoint", "interval", "3", user="ana")
    assert bad.code == 1 and "between 10 and 1000000" in bad.err
    assert lab("verify", user="carla").code == 0


def test_the_manifest_carries_the_approval_checkpoint(ship: Cli) -> None:
    manifest, _ = packed(ship)
    approve(ship, manifest)
    pdf = ship.home / "manifest.pdf"
    assert ship("manifest", manifest, "--out", str(pdf), user="supervisor").code == 0
    text = pdf_text(pdf)
    assert "Journal checkpoint / Punto de control del registro" in text
    codes = [p for p in qr_payloads(pdf, dpi=300) if p.startswith("CUSTODYCP1")]
    assert len(codes) == 1, qr_payloads(pdf, dpi=300)
    statement = parse_checkpoint_code(codes[0])
    assert f"entries / asientos: {statement['size']:,}" in text
    assert statement["head"] in text.replace("\n", "")
    checked = ship("verify", "--checkpoint-code", codes[0], user="clerk")
    assert checked.code == 0 and "1 held outside the database matched" in checked.out, checked
