"""`lab show` and `lab set`: the lab's settings (name, shipper address, time zone, re-weighing
tolerance), changed by a supervisor with a reason. The site prefix is fixed at `init`."""

from __future__ import annotations

import argparse
from functools import partial

from custody.cli.common import Session, act, command, group, out
from custody.services import lab_settings
from custody.services.lab_settings import LabDetails


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    lab = group(commands, "lab", "the lab's settings")
    command(lab, "show", _show, "the lab's settings (supervisors)")
    change = command(lab, "set", _set, "change the lab's settings (supervisors; journaled)")
    change.add_argument("--name", help="the lab's name")
    change.add_argument(
        "--address",
        action="append",
        metavar="LINE",
        help="one line of the shipper address on manifests; repeat for each line",
    )
    change.add_argument("--timezone", help="IANA zone, e.g. America/Mexico_City")
    change.add_argument("--tolerance-percent", help="re-weighing tolerance in %%, e.g. 0.5")
    change.add_argument("--tolerance-grams", help="re-weighing tolerance in grams, e.g. 0.0050")
    change.add_argument("--reason", required=True, help="why (journaled with the change)")


def _print(details: LabDetails) -> None:
    out(f"Lab name:     {details.lab_name}")
    out(f"Site prefix:  {details.site_prefix}")
    out(f"Time zone:    {details.timezone}")
    lines = details.address.splitlines() or ["—"]
    out(f"Address:      {lines[0]}")
    for line in lines[1:]:
        out(f"              {line}")
    percent = format(details.reweigh_tolerance_percent.normalize(), "f")
    out(f"Re-weighing tolerance: {percent} % and {details.reweigh_tolerance_grams} g")


def _show(args: argparse.Namespace, session: Session) -> int:
    ctx, _ = session.signed_in()
    _print(ctx.query(lab_settings.details))
    return 0


def _set(args: argparse.Namespace, session: Session) -> int:
    ctx, _ = session.signed_in()
    change = partial(
        lab_settings.update,
        reason=args.reason,
        lab_name=args.name,
        address=None if args.address is None else "\n".join(args.address),
        timezone=args.timezone,
        tolerance_percent=args.tolerance_percent,
        tolerance_grams=args.tolerance_grams,
    )
    _print(act(ctx, "lab settings", change))
    out("Saved and journaled (lab.settings).")
    return 0
