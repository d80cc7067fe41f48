"""A partner lab's shipment through the real custody-cli, across two databases: the demo lab
(MX-AICM) ships and exports it (`export-bundle`); a receiving lab (US-OFS, set up with `init`)
adds the partner's key with `partner add`, imports the bundle with `import-bundle`, receives it
by the manifest's printed QR and a scanner session over the origin's labels, and reconciles it
clean."""

from __future__ import annotations

import shutil
from pathlib import Path

from cli_support import DEMO_PASSWORDS, Cli, journal_kinds
from cli_support import demo_fixture as demo_fixture  # pytest fixtures
from cli_support import demo_run_fixture as demo_run_fixture
from ship_cli_support import (
    SAMPLES,
    approve,
    package_payload,
    packed,
    qr_payloads,
    sample_labels,
    scan_session,
    sign,
)
from ship_cli_support import ship_fixture as ship_fixture

from custody.domain.text import grouped
from custody.verifier import fingerprint, public_key_of_pem

CHECKED = "read over the phone with Dra. López"


def _receiving_lab(home: Path) -> Cli:
    home.mkdir()
    rx = Cli(home / "ofs.sqlite", home, DEMO_PASSWORDS)
    made = rx(
        "init", "--lab-name", "DEA Special Testing and Research Laboratory",
        "--site-prefix", "us-ofs", "--supervisor-username", "supervisor",
        "--supervisor-name", "Rita Reyes", "--timezone", "America/New_York",
        CUSTODY_PASSWORD=DEMO_PASSWORDS["supervisor"],
    )  # fmt: skip
    assert made.code == 0, made
    added = rx("user", "add", "clerk", "--name", "Carl Clerk", "--role", "clerk",
               user="supervisor", CUSTODY_NEW_PASSWORD=DEMO_PASSWORDS["clerk"])  # fmt: skip
    assert added.code == 0, added
    return rx


def test_a_partner_bundle_imported_received_and_reconciled(ship: Cli, tmp_path: Path) -> None:
    payloads = sample_labels(ship)
    manifest, number = packed(ship)
    boxes = [package_payload(ship, number, 1)]
    approve(ship, manifest)
    sent = ship("shipment", "dispatch", manifest, "--carrier-agent", "Juan Pérez, DHL",
                user="clerk", **sign("clerk"))  # fmt: skip
    assert sent.code == 0, sent
    pdf = ship.home / "manifest.pdf"
    assert ship("manifest", manifest, "--out", str(pdf), user="clerk").code == 0
    manifest_qr = qr_payloads(pdf, dpi=150)[0]
    bundle = tmp_path / "bundle.zip"
    exported = ship("export-bundle", manifest, "--out", str(bundle), user="supervisor")
    assert exported.code == 0, exported
    pem = tmp_path / "mx-aicm.pem"
    assert ship("keys", "export", "--out", str(pem), user="supervisor").code == 0
    origin_fp = grouped(fingerprint(public_key_of_pem(pem.read_bytes())))

    rx = _receiving_lab(tmp_path / "ofs")
    # no partner key yet: refused, the message names the key that signed; journaled
    unknown = rx("import-bundle", str(bundle), user="clerk")
    assert unknown.code == 1, unknown
    assert "No partner key is registered for MX-AICM" in unknown.err and origin_fp in unknown.err
    assert journal_kinds(rx.db)[-1] == "denied"
    assert rx("partner", "list", user="clerk").out.startswith("No partner keys")
    # only a supervisor adds one, saying how the fingerprint was checked
    denied = rx("partner", "add", "--origin", "MX-AICM", "--lab-name", "Laboratorio Central",
                "--key", str(pem), "--checked", CHECKED, user="clerk")  # fmt: skip
    assert denied.code == 1 and "may not settings" in denied.err, denied
    missing = rx("partner", "add", "--origin", "MX-AICM", "--lab-name", "Laboratorio Central",
                 "--key", str(tmp_path / "nope.pem"), "--checked", CHECKED,
                 user="supervisor")  # fmt: skip
    assert missing.code == 2 and "cannot read" in missing.err, missing
    added = rx("partner", "add", "--origin", "mx-aicm", "--lab-name", "Laboratorio Central",
               "--key", str(pem), "--checked", CHECKED, user="supervisor")  # fmt: skip
    assert added.code == 0, added
    assert f"Fingerprint: {origin_fp}" in added.out and "MX-AICM (Laboratorio Central)" in added.out
    listed = rx("partner", "list", user="clerk")
    assert "MX-AICM" in listed.out and origin_fp in listed.out and CHECKED in listed.out

    done = rx("import-bundle", str(bundle), user="clerk")
    assert done.code == 0, done
    assert f"Imported shipment {manifest} from MX-AICM (Laboratorio Central)" in done.out
    assert "1 package(s), 3 sample(s), 5 label(s)" in done.out
    assert "origin checkpoint: " in done.out and f"key {origin_fp}" in done.out
    again = rx("import-bundle", str(bundle), user="clerk")
    assert again.code == 1 and "imported already" in again.err, again
    damaged = tmp_path / "damaged.zip"
    shutil.copy(bundle, damaged)
    with damaged.open("r+b") as raw:
        raw.truncate(damaged.stat().st_size - 40)
    cut = rx("import-bundle", str(damaged), user="clerk")
    assert cut.code == 1 and "The bundle is refused" in cut.err, cut

    started = rx("shipment", "receive", manifest, "--manifest", manifest_qr, user="clerk")
    assert started.code == 0, started
    assert f"Receipt of {manifest} started" in started.out
    scans = [boxes[0].lower(), *(payloads[code].lower() for code in SAMPLES)]
    session = scan_session(rx, manifest, scans)
    assert session.code == 0, session
    assert "4 scan(s): 3 received, 1 package(s), 0 duplicate(s), 0 extra, 0 refused." in (
        session.out.splitlines()
    ), session
    report = rx("shipment", "reconcile", manifest, user="clerk")
    assert report.code == 0, report
    assert "samples    expected 3, received 3" in report.out
    closed = rx("shipment", "close", manifest, user="supervisor")
    assert closed.code == 0 and f"Shipment {manifest} closed clean" in closed.out, closed
    kinds = journal_kinds(rx.db)
    assert kinds.count("bundle.import") == 1 and kinds.count("sample.import") == 3
    assert rx("verify", user="clerk").code == 0
