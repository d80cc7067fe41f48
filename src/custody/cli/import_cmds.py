"""Receiving another lab's shipment bundle: `partner add|list` (the partner labs whose keys this
lab trusts, each fingerprint confirmed out of band) and `import-bundle FILE` (verify the bundle
with those keys, then create its shipment here, dispatched to us, to receive by scanning)."""

from __future__ import annotations

import argparse
from functools import partial
from pathlib import Path

from custody.cli.common import Session, UsageError, act, command, group, out
from custody.domain.text import grouped
from custody.services import bundle_import, partners

MAX_PEM = 64 << 10  # a public key file is a few hundred bytes


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    partner = group(commands, "partner", "partner labs whose signed bundles this lab accepts")
    add = command(
        partner,
        "add",
        _add,
        "trust a partner lab's public key (supervisors), after confirming its fingerprint "
        "with the lab by phone or letter",
    )
    add.add_argument("--origin", required=True, help="the partner's site prefix, e.g. MX-AICM")
    add.add_argument("--lab-name", required=True, help="the partner lab's name")
    add.add_argument("--key", required=True, type=Path, help="its public key (.pem)")
    add.add_argument(
        "--checked",
        required=True,
        metavar="HOW",
        help="how the fingerprint was confirmed, e.g. 'read over the phone with J. Pérez'",
    )
    command(partner, "list", _list, "the partner keys this lab trusts")
    imp = command(
        commands,
        "import-bundle",
        _import,
        "verify a partner lab's shipment bundle and create its shipment here, to receive",
    )
    imp.add_argument("file", type=Path, help="the bundle (.zip) the partner lab sent")


def _add(args: argparse.Namespace, session: Session) -> int:
    try:
        if args.key.stat().st_size > MAX_PEM:
            raise UsageError(f"{args.key} is too large to be a public key file")
        pem = args.key.read_bytes()
    except OSError as error:
        raise UsageError(f"cannot read {args.key}: {error.strerror}") from None
    ctx, _ = session.signed_in()
    added = act(
        ctx,
        "add partner",
        partial(
            partners.add_partner,
            public_key_pem=pem,
            origin=args.origin,
            lab_name=args.lab_name,
            how_checked=args.checked,
        ),
    )
    out(f"Partner key added for {added.origin} ({added.lab_name})")
    out(f"Fingerprint: {grouped(added.fingerprint)}")
    out(f"Checked: {added.how_checked}")
    return 0


def _list(args: argparse.Namespace, session: Session) -> int:
    ctx, _ = session.signed_in()
    rows = ctx.query(partners.partners)
    if not rows:
        out("No partner keys: bundles from other labs cannot be imported yet.")
    for row in rows:
        out(f"{row.origin:<12} {grouped(row.fingerprint)}  {row.lab_name}")
        out(f"    added {row.added_at:%Y-%m-%d %H:%M} UTC by {row.added_by}; {row.how_checked}")
    return 0


def _import(args: argparse.Namespace, session: Session) -> int:
    ctx, _ = session.signed_in()
    done = act(ctx, "import bundle", partial(bundle_import.import_bundle, path=args.file))
    out(f"Imported shipment {done.manifest_number} from {done.origin} ({done.origin_lab})")
    out(f"  shipment #{done.shipment_id}: dispatched to this lab, to receive by scanning")
    out(f"  {done.packages} package(s), {done.samples} sample(s), {done.labels} label(s)")
    out(
        f"  origin checkpoint: {done.checkpoint_size:,} entries, head {done.checkpoint_head}, "
        f"key {grouped(done.checkpoint_key)}"
    )
    out(f"  {done.entries_checked} journal entries verified; bundle SHA-256 {done.bundle_sha256}")
    return 0
