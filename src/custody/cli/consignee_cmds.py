"""Consignees: the laboratories shipments go to (list, add, update, the DEA OFS defaults)."""

from __future__ import annotations

import argparse
from functools import partial

from custody.cli.common import Session, UsageError, act, command, group, out, print_json
from custody.services import consignees
from custody.services.consignees import ConsigneeView
from custody.services.work import Work

CONSIGNEE_HELP = "consignee number (3) or exact name"
ADDRESS_HELP = "one line of the address; repeat for each line (street, city, country)"


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    consignee = group(commands, "consignee", "the laboratories shipments go to")
    listing = command(consignee, "list", _list, "the consignees", json_output=True)
    listing.add_argument("--all", action="store_true", help="archived ones too")
    add = command(consignee, "add", _add, "add a consignee laboratory (supervisors)")
    add.add_argument("name", help="the laboratory's name as printed on manifests")
    add.add_argument("--address", required=True, action="append", metavar="LINE", help=ADDRESS_HELP)
    update = command(consignee, "update", _update, "change or archive a consignee (supervisors)")
    update.add_argument("consignee", help=CONSIGNEE_HELP)
    update.add_argument("--name", help="the new name")
    update.add_argument(
        "--address", action="append", metavar="LINE", help=f"the new address: {ADDRESS_HELP}"
    )
    state = update.add_mutually_exclusive_group()
    state.add_argument(
        "--archive",
        dest="active",
        action="store_false",
        default=None,
        help="no new shipments to it (its records stay)",
    )
    state.add_argument("--restore", dest="active", action="store_true", help="undo --archive")
    command(
        consignee,
        "defaults",
        _defaults,
        "add the DEA Office of Forensic Sciences laboratories that are missing (supervisors)",
    )


def _show(view: ConsigneeView) -> None:
    state = "" if view.active else "  (archived)"
    out(f"#{view.id:<4} {view.name}{state}")
    for line in view.address.splitlines():
        out(f"      {line}")


def _list(args: argparse.Namespace, session: Session) -> int:
    ctx, _ = session.signed_in()
    views = ctx.query(partial(consignees.list_all, include_archived=args.all))
    if args.json:
        print_json(views)
        return 0
    for view in views:
        _show(view)
    out(f"{len(views)} consignee(s)")
    if not views:
        out("Add the DEA laboratories with `custody-cli consignee defaults`.")
    return 0


def _add(args: argparse.Namespace, session: Session) -> int:
    ctx, _ = session.signed_in()
    view = act(
        ctx, "add consignee", partial(consignees.add, name=args.name, address=_lines(args.address))
    )
    out(f"Consignee #{view.id} added: {view.name}")
    return 0


def _lines(address: list[str]) -> str:
    return "\n".join(address)


def _update(args: argparse.Namespace, session: Session) -> int:
    if args.name is None and args.address is None and args.active is None:
        raise UsageError("say what to change: --name, --address, --archive or --restore")
    ctx, _ = session.signed_in()

    def change(work: Work) -> tuple[ConsigneeView, bool]:
        row = consignees.find(work, args.consignee)
        before = (row.name, row.address, row.active)
        view = consignees.update(
            work,
            row.id,
            row.name if args.name is None else args.name,
            row.address if args.address is None else _lines(args.address),
            active=row.active if args.active is None else args.active,
        )
        return view, (view.name, view.address, view.active) != before

    view, changed = act(ctx, "update consignee", change)
    if not changed:
        out(f"Consignee #{view.id} {view.name}: nothing changed.")
        return 0
    state = "" if view.active else " (archived: no new shipments to it)"
    out(f"Consignee #{view.id} updated: {view.name}{state}")
    return 0


def _defaults(args: argparse.Namespace, session: Session) -> int:
    del args
    ctx, _ = session.signed_in()
    added = act(ctx, "add default consignees", consignees.add_defaults)
    if not added:
        out("The DEA laboratories are all there already; nothing was added.")
        return 0
    for view in added:
        out(f"Consignee #{view.id} added: {view.name}")
    out("Check the addresses before the first shipment (`custody-cli consignee list`).")
    return 0
