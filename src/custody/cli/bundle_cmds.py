"""Signed export bundles: `export-bundle SHIPMENT --out FILE` (for the receiving lab: the
shipment's journal extract, manifest and keys) and `export-journal --out FILE` (every journal
entry, for an auditor). Each export is journaled and covered by a checkpoint signed with the
lab's key; the file is written atomically and never replaces one. Check a bundle with the
verify_bundle.py inside it."""

from __future__ import annotations

import argparse
import sys
from functools import partial
from pathlib import Path

from custody.cli.common import Session, command, label_key, out
from custody.cli.label_output import check_file
from custody.cli.ship_common import SHIP_HELP
from custody.domain.text import grouped
from custody.services import bundles, shipments
from custody.services.bundles import Exported
from custody.services.work import Work
from custody.signing import Signer


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    shipment = command(
        commands,
        "export-bundle",
        _export_bundle,
        "write a shipment's signed bundle (journal extract, manifest, keys) for the "
        "receiving lab (supervisors, auditors)",
    )
    shipment.add_argument("shipment", help=SHIP_HELP)
    _out(shipment)
    whole = command(
        commands,
        "export-journal",
        _export_journal,
        "write the whole journal as a signed bundle for an auditor (supervisors, auditors)",
    )
    _out(whole)


def _out(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--out", required=True, type=Path, metavar="FILE.zip", help="bundle to write (new file)"
    )


def _shipment(
    work: Work, raw: str, signer: Signer, key: bytes, target: Path
) -> tuple[str, Exported]:
    found = shipments.find(work, raw)
    return found.manifest_number, bundles.export_shipment(work, found.id, signer, key, target)


def _progress(done: int, total: int) -> None:
    if sys.stderr.isatty() and total:
        print(f"\rwriting the journal: {done * 100 // total}%", end="", file=sys.stderr)


def _report(done: Exported, what: str) -> int:
    out(f"{what} written to {done.path}")
    out(f"  SHA-256          {done.sha256}")
    out(f"  journal entries  {done.entries:,}")
    out(f"  checkpoint       {done.checkpoint_size:,} entries, signed")
    out(f"  key fingerprint  {grouped(done.key_fingerprint)}")
    out(
        f"Check it with: python3 verify_bundle.py {done.path.name} "
        f"--fingerprint {done.key_fingerprint}"
    )
    return 0


def _export_bundle(args: argparse.Namespace, session: Session) -> int:
    target = check_file(args.out, "bundle")
    ctx, _ = session.signed_in()
    signer, key = ctx.signer(), label_key(ctx)
    number, done = ctx.perform_writing(
        "export bundle",
        partial(_shipment, raw=args.shipment, signer=signer, key=key, target=target),
        target,
    )
    return _report(done, f"Bundle of shipment {number}")


def _export_journal(args: argparse.Namespace, session: Session) -> int:
    target = check_file(args.out, "bundle")
    ctx, _ = session.signed_in()
    signer = ctx.signer()
    done = ctx.perform_writing(
        "export journal",
        partial(bundles.export_journal, signer=signer, target=target, progress=_progress),
        target,
    )
    if sys.stderr.isatty():
        print(file=sys.stderr)
    return _report(done, "The journal")
