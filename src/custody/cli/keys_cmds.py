"""The lab's signing key and its checkpoints: `keys show|export|rotate`, `checkpoint
make|latest|interval`. A checkpoint printed with `checkpoint latest` and kept elsewhere (a
partner lab, a notary, the case file) lets `verify --checkpoint` prove the journal up to it was
never rewritten."""

from __future__ import annotations

import argparse
import json
from functools import partial
from pathlib import Path

from custody.atomic import write_atomically
from custody.cli.common import Session, UsageError, act, command, group, out
from custody.domain.text import grouped
from custody.services import checkpoints
from custody.signing import public_pem
from custody.verifier import checkpoint_code


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    keys = group(commands, "keys", "the lab's signing key (checkpoints, export bundles)")
    command(keys, "show", _show, "every signing key of the lab, current first")
    export = command(keys, "export", _export, "write the current public key as a PEM file")
    export.add_argument("--out", required=True, type=Path, help="the .pem file to write")
    rotate = command(
        keys, "rotate", _rotate, "replace the signing key; the old key signs the new one"
    )
    rotate.add_argument("--reason", required=True, help="why (journaled)")
    cp = group(commands, "checkpoint", "signed checkpoints of the journal")
    command(cp, "make", _make, "sign a checkpoint of the journal now (supervisors)")
    latest = command(cp, "latest", _latest, "the newest checkpoint, to hand to someone to hold")
    latest.add_argument("--out", type=Path, help="also write it as a JSON file")
    every = command(cp, "interval", _interval, "sign a checkpoint every N journal entries")
    every.add_argument("entries", type=int, help=f"N (default {checkpoints.DEFAULT_INTERVAL})")


def _show(args: argparse.Namespace, session: Session) -> int:
    ctx, _ = session.signed_in()
    for key in ctx.query(checkpoints.keys):
        state = "current" if key.retired_at is None else f"retired {key.retired_at:%Y-%m-%d}"
        out(f"{grouped(key.fingerprint)}  {state}  (created {key.created_at:%Y-%m-%d %H:%M} UTC)")
        if key.retired_reason:
            out(f"    reason: {key.retired_reason}")
    out(f"Key file: {ctx.signing_key_file}")
    return 0


def _export(args: argparse.Namespace, session: Session) -> int:
    ctx, _ = session.signed_in()
    current = next((k for k in ctx.query(checkpoints.keys) if k.retired_at is None), None)
    if current is None:
        raise UsageError("this lab has no signing key yet")
    if args.out.exists():
        raise UsageError(f"{args.out} exists already; give another --out")
    write_atomically(args.out, public_pem(current.public_key))
    out(f"Public key written to {args.out}")
    out(f"Fingerprint: {grouped(current.fingerprint)}")
    out("Give it to the receiving lab with the fingerprint read out separately (phone, letter).")
    return 0


def _rotate(args: argparse.Namespace, session: Session) -> int:
    ctx, _ = session.signed_in()
    old = ctx.signer().fingerprint
    new = ctx.rotate_signing_key(args.reason)
    out(f"Signing key rotated: {grouped(old)} → {grouped(new)}")
    out(f"The old key file was kept as {ctx.signing_key_file}.retired-{old}")
    return 0


def _make(args: argparse.Namespace, session: Session) -> int:
    ctx, _ = session.signed_in()
    made = act(ctx, "checkpoint", partial(checkpoints.make_by_hand, signer=ctx.signer()))
    _print(made.statement)
    return 0


def _latest(args: argparse.Namespace, session: Session) -> int:
    ctx, _ = session.signed_in()
    found = ctx.query(checkpoints.latest)
    if found is None:
        raise UsageError("the journal has no checkpoint yet")
    statement, _ = found
    _print(statement)
    if args.out is not None:
        write_atomically(args.out, json.dumps(statement, indent=1).encode() + b"\n")
        out(f"Written to {args.out}")
    return 0


def _print(statement: dict[str, object]) -> None:
    out(f"Checkpoint of {statement['origin']}: {statement['size']:,} journal entries")
    out(f"  head: {statement['head']}")
    out(f"  root: {statement['root']}")
    out(f"  key:  {grouped(str(statement['key']))}")
    out(f"  code: {checkpoint_code(statement)}")


def _interval(args: argparse.Namespace, session: Session) -> int:
    ctx, _ = session.signed_in()
    act(ctx, "checkpoint interval", partial(checkpoints.set_interval, entries=args.entries))
    out(f"A checkpoint will be signed every {args.entries:,} journal entries.")
    return 0
