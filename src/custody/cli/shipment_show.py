"""Reading shipments: one in full (`shipment show`) and the list (`shipment list`)."""

from __future__ import annotations

import argparse
from datetime import datetime
from functools import partial

from custody.cli.common import (
    Session,
    command,
    local_and_utc,
    out,
    plain,
    print_json,
)
from custody.cli.ship_common import SHIP_HELP, find_shipment
from custody.domain.enums import ShipmentStatus
from custody.services import shipment_views
from custody.services.shipment_views import ShipmentRow, ShipmentView

PAGE = 1000


def add_commands(shipment: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    show = command(shipment, "show", _show, "one shipment in full", json_output=True)
    show.add_argument("shipment", help=SHIP_HELP)
    listing = command(shipment, "list", _list, "all shipments, by number", json_output=True)
    listing.add_argument("--status", choices=[s.value for s in ShipmentStatus])


def _show(args: argparse.Namespace, session: Session) -> int:
    ctx, _ = session.signed_in()
    view = find_shipment(ctx, args.shipment)
    if args.json:
        print_json({**plain(view), "sample_count": view.sample_count, "lab_zone": ctx.zone})
        return 0
    for line in describe(view, ctx.zone):
        out(line)
    return 0


def _when(moment: datetime | None, zone: str, who: str | None = None) -> str:
    if moment is None:
        return "—"
    local, utc = local_and_utc(moment, zone)
    return f"{local} = {utc}" + (f" by {who}" if who else "")


def describe(view: ShipmentView, zone: str) -> list[str]:
    """The shipment as text, times in the lab's zone and UTC."""
    manifest = (
        f"revision {view.revision}, SHA-256 {view.manifest_sha256}"
        if view.revision
        else "none issued yet (a supervisor's approval issues it)"
    )
    closed = "—"
    if view.reconciled_at is not None:
        clean = "clean" if view.closed_clean else "NOT clean"
        closed = f"{_when(view.reconciled_at, zone)} ({clean})"
    lines = [
        f"Shipment {view.manifest_number}   (shipment #{view.id})",
        f"  status         {view.status.value}",
        f"  consignee      {view.consignee or '—'}",
        f"  carrier        {view.carrier or '—'}",
        f"  waybill        {view.waybill or '—'}",
        f"  transport      {view.transport_mode or '—'}",
        f"  conditions     {view.conditions or '—'}",
        f"  manifest       {manifest}",
        f"  created        {_when(view.created_at, zone, view.created_by)}",
        f"  approved       {_when(view.approved_at, zone, view.approved_by)}",
        f"  dispatched     {_when(view.dispatched_at, zone, view.dispatched_by)}",
        f"  carrier agent  {view.carrier_agent or '—'}",
        f"  received       {_when(view.received_at, zone, view.received_by)}",
        f"  closed         {closed}",
        f"  discrepancies  {view.open_discrepancies} open",
        f"  contents       {view.sample_count} sample(s) in {len(view.packages)} package(s)",
    ]
    for package in view.packages:
        seals = ", ".join(package.outer_seals) or "none"
        lines.append(f"  package {package.number:<6} outer seals {seals}")
        lines += [f"      {code}" for code in package.samples] or ["      (empty)"]
    return lines


def _list(args: argparse.Namespace, session: Session) -> int:
    ctx, _ = session.signed_in()
    status = ShipmentStatus(args.status) if args.status else None
    rows: list[ShipmentRow] = []
    after: int | None = None
    while page := ctx.query(
        partial(shipment_views.list_shipments, status=status, after_id=after, limit=PAGE)
    ):
        rows.extend(page)
        after = page[-1].id
    if args.json:
        print_json(rows)
        return 0
    out(f"{'#':>4}  {'MANIFEST':<22} {'STATUS':<10} {'REV':>3} {'SAMPLES':>7}  CONSIGNEE")
    for row in rows:
        out(
            f"{row.id:>4}  {row.manifest_number:<22} {row.status.value:<10} {row.revision:>3} "
            f"{row.samples:>7}  {row.consignee}"
        )
    out(f"{len(rows)} shipment(s)")
    return 0
