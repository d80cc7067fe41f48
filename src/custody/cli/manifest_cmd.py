"""`custody-cli manifest`: write a shipment's transfer manifest as issued.

The current revision is written byte for byte as stored at approval (its SHA-256 is the one
journaled); an older revision is printed again from its stored content with the "superseded by
revision N" mark. The file is written atomically (temp, fsync, rename).
"""

from __future__ import annotations

import argparse
from functools import partial
from pathlib import Path

from custody.atomic import write_atomically
from custody.cli.common import Session, UsageError, act, command, out
from custody.cli.label_output import check_file
from custody.cli.ship_common import SHIP_HELP
from custody.services import manifests, shipments
from custody.services.manifests import ManifestPdf
from custody.services.work import Work


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    manifest = command(
        commands,
        "manifest",
        _manifest,
        "write a shipment's transfer manifest (PDF) as issued at approval",
    )
    manifest.add_argument("shipment", help=SHIP_HELP)
    manifest.add_argument("--out", required=True, type=Path, metavar="FILE.pdf", help="PDF")
    manifest.add_argument(
        "--revision",
        type=_revision,
        metavar="N",
        help="an earlier revision (printed with its superseded mark); default: the current one",
    )


def _revision(text: str) -> int:
    if not text.strip().isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"'{text}' is not a manifest revision (1, 2, ...)")
    return int(text)


def _pdf(work: Work, raw: str, revision: int | None) -> ManifestPdf:
    return manifests.print_copy(work, shipments.find(work, raw).id, revision)


def _manifest(args: argparse.Namespace, session: Session) -> int:
    target = check_file(args.out, "PDF")
    ctx, _ = session.signed_in()
    pdf = act(ctx, "print manifest", partial(_pdf, raw=args.shipment, revision=args.revision))
    try:
        write_atomically(target, pdf.data)
    except OSError as error:
        raise UsageError(f"The manifest could not be written to {target}: {error}") from None
    out(f"Manifest {pdf.manifest_number} revision {pdf.revision} written to {target}")
    out(f"  SHA-256      {pdf.sha256}")
    out(f"  fingerprint  {pdf.fingerprint}")
    if pdf.superseded_by is not None:
        out(
            f"  SUPERSEDED by revision {pdf.superseded_by} (marked on every page); the current "
            "revision is the one that travels with the shipment."
        )
    return 0
