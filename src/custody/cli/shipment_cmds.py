"""Shipments up to dispatch: create, update, add packages, pack and unpack samples, approve
(a supervisor re-enters the password; the manifest revision is issued), dispatch.

The `shipment` group also holds the receiving commands (:mod:`custody.cli.receive_cmds`) and
show/list (:mod:`custody.cli.shipment_show`).
"""

from __future__ import annotations

import argparse
from functools import partial

from custody.cli import receive_cmds, shipment_show
from custody.cli.common import (
    Session,
    UsageError,
    act,
    command,
    err,
    group,
    out,
    require_secrets,
    secret,
)
from custody.cli.ship_common import (
    SAMPLE_HELP,
    SHIP_HELP,
    SIGN_PASSWORD_ENV,
    WITNESS_PASSWORD_ENV,
    find_shipment,
    is_label_scan,
    label_key,
    resolve_sample,
)
from custody.domain.enums import ShipmentStatus
from custody.errors import Refusal
from custody.services import shipments
from custody.services.custody import Credentials
from custody.services.labels import ScanContext
from custody.services.shipment_views import ShipmentView
from custody.services.views import SampleView
from custody.services.work import Work

_DETAILS = (
    ("carrier", "carrier", "the carrier, e.g. DHL Express"),
    ("waybill", "waybill", "air waybill or tracking number"),
    ("mode", "transport_mode", "transport mode, e.g. air"),
    ("conditions", "conditions", "transport conditions (temperature, hazard class...)"),
)


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    shipment = group(commands, "shipment", "shipments to a consignee lab, and their receipt")
    create = command(shipment, "create", _create, "start a shipment (prints its manifest number)")
    create.add_argument("--consignee", required=True, help="consignee number or exact name")
    _detail_options(create)

    update = command(
        shipment,
        "update",
        _update,
        "change what the manifest will say (withdraws an approval: it must be approved again)",
    )
    update.add_argument("shipment", help=SHIP_HELP)
    update.add_argument("--consignee", help="consignee number or exact name")
    _detail_options(update)

    package = command(shipment, "package", _package, "add a numbered package with outer seals")
    package.add_argument("shipment", help=SHIP_HELP)
    package.add_argument(
        "--seal", required=True, action="append", metavar="SERIAL", help="outer seal; repeatable"
    )

    pack = command(shipment, "pack", _pack, "put sealed samples you hold into a package")
    pack.add_argument("shipment", help=SHIP_HELP)
    pack.add_argument("--package", required=True, type=_number, metavar="N", help="package number")
    pack.add_argument("samples", nargs="+", metavar="SAMPLE", help=SAMPLE_HELP)

    unpack = command(shipment, "unpack", _unpack, "take a sample out of a shipment not yet sent")
    unpack.add_argument("shipment", help=SHIP_HELP)
    unpack.add_argument("sample", help=SAMPLE_HELP)
    unpack.add_argument("--reason", required=True, help="why it is taken out")

    approve = command(
        shipment,
        "approve",
        _approve,
        "approve for release and issue the manifest (supervisors; re-enter your password: "
        f"${SIGN_PASSWORD_ENV} or a prompt)",
    )
    approve.add_argument("shipment", help=SHIP_HELP)
    approve.add_argument(
        "--witness",
        metavar="USERNAME",
        help=f"a second person who witnesses (password: ${WITNESS_PASSWORD_ENV} or a prompt)",
    )

    dispatch = command(
        shipment,
        "dispatch",
        _dispatch,
        f"hand an approved shipment to the carrier (re-enter your password: ${SIGN_PASSWORD_ENV} "
        "or a prompt)",
    )
    dispatch.add_argument("shipment", help=SHIP_HELP)
    dispatch.add_argument(
        "--carrier-agent", required=True, metavar="TEXT", help="who took it: name, company, ID"
    )
    receive_cmds.add_commands(shipment)
    shipment_show.add_commands(shipment)


def _number(text: str) -> int:
    if not text.strip().isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"'{text}' is not a package number (1, 2, ...)")
    return int(text)


def _detail_options(parser: argparse.ArgumentParser) -> None:
    for option, dest, summary in _DETAILS:
        parser.add_argument(f"--{option}", dest=dest, metavar="TEXT", help=summary)


def _create(args: argparse.Namespace, session: Session) -> int:
    ctx, _ = session.signed_in()
    view = act(
        ctx,
        "create shipment",
        partial(
            shipments.create,
            consignee=args.consignee,
            carrier=args.carrier,
            waybill=args.waybill,
            transport_mode=args.transport_mode,
            conditions=args.conditions,
        ),
    )
    out(f"Shipment {view.manifest_number} created (shipment #{view.id}) for {view.consignee}.")
    out(f"  next: add a package (`custody-cli shipment package {view.manifest_number} --seal S`)")
    return 0


def _update(args: argparse.Namespace, session: Session) -> int:
    if all(getattr(args, dest) is None for dest in ("consignee", *(d for _, d, _ in _DETAILS))):
        raise UsageError(
            "say what to change: --consignee, --carrier, --waybill, --mode or --conditions"
        )
    ctx, _ = session.signed_in()

    def change(work: Work) -> tuple[ShipmentView, ShipmentView]:
        before = shipments.find(work, args.shipment)
        after = shipments.update_details(
            work,
            before.id,
            consignee=args.consignee,
            carrier=args.carrier,
            waybill=args.waybill,
            transport_mode=args.transport_mode,
            conditions=args.conditions,
        )
        return before, after

    before, after = act(ctx, "update shipment", change)
    if _printed(before) == _printed(after):
        out(f"Shipment {after.manifest_number}: nothing changed.")
        return 0
    out(f"Shipment {after.manifest_number} updated.")
    _withdrawn(before, after)
    return 0


def _printed(view: ShipmentView) -> tuple[object, ...]:
    return (view.consignee, view.carrier, view.waybill, view.transport_mode, view.conditions)


def _withdrawn(before: ShipmentView, after: ShipmentView) -> None:
    if before.status is ShipmentStatus.APPROVED and after.status is not ShipmentStatus.APPROVED:
        out(
            f"APPROVAL WITHDRAWN: manifest revision {before.revision} no longer matches the "
            f"shipment; it is back to {after.status.value} and a supervisor must approve it "
            f"again (which issues revision {before.revision + 1})."
        )


def _package(args: argparse.Namespace, session: Session) -> int:
    ctx, _ = session.signed_in()
    before = find_shipment(ctx, args.shipment)
    view = act(
        ctx,
        "add package",
        partial(shipments.add_package, shipment_id=before.id, outer_seals=args.seal),
    )
    added = max(view.packages, key=lambda p: p.number)
    out(
        f"Package {added.number} added to {view.manifest_number} with outer seal(s) "
        f"{', '.join(added.outer_seals)}."
    )
    _withdrawn(before, view)
    return 0


def _pack(args: argparse.Namespace, session: Session) -> int:
    ctx = session.initialised()
    key = label_key(ctx) if any(is_label_scan(raw) for raw in args.samples) else None
    ctx, _ = session.signed_in()
    before = find_shipment(ctx, args.shipment)

    def pack_one(work: Work, raw: str) -> tuple[SampleView, ShipmentView]:
        sample = resolve_sample(work, raw, key, ScanContext.PACK)
        return sample, shipments.pack(work, before.id, args.package, sample.id)

    packed: list[str] = []
    view = before
    for position, raw in enumerate(args.samples, start=1):
        try:
            sample, view = act(ctx, "pack", partial(pack_one, raw=raw))
        except Refusal as refusal:
            err(f"refused: {refusal.message}")
            err(f"Not packed: {_shown(raw)} (sample {position} of {len(args.samples)}).")
            done = ", ".join(packed) if packed else "nothing"
            err(f"Packed before this refusal: {done}; the rest were not packed.")
            _withdrawn(before, view)
            return 1
        packed.append(sample.code)
        out(f"{sample.code} packed into package {args.package} of {view.manifest_number}.")
    package = next(p for p in view.packages if p.number == args.package)
    out(
        f"Package {args.package} now holds {len(package.samples)} sample(s); the shipment "
        f"{view.sample_count}."
    )
    _withdrawn(before, view)
    return 0


def _shown(raw: str) -> str:
    """An argument as typed, escaped when it holds anything unprintable (a garbled scan)."""
    text = raw.strip()
    return text if text.isprintable() and len(text) <= 80 else ascii(text[:80])


def _unpack(args: argparse.Namespace, session: Session) -> int:
    ctx = session.initialised()
    key = label_key(ctx) if is_label_scan(args.sample) else None
    ctx, _ = session.signed_in()
    before = find_shipment(ctx, args.shipment)

    def unpack(work: Work) -> tuple[SampleView, ShipmentView]:
        sample = resolve_sample(work, args.sample, key, ScanContext.FIND)
        return sample, shipments.unpack(work, before.id, sample.id, args.reason)

    sample, view = act(ctx, "unpack", unpack)
    out(f"{sample.code} taken out of {view.manifest_number}; you hold it again.")
    _withdrawn(before, view)
    return 0


def _approve(args: argparse.Namespace, session: Session) -> int:
    require_secrets(SIGN_PASSWORD_ENV, *([WITNESS_PASSWORD_ENV] if args.witness else []))
    ctx = session.initialised()
    key = label_key(ctx)  # before anything is signed: the manifest's QR needs it
    ctx, actor = session.signed_in()
    target = find_shipment(ctx, args.shipment)
    password = secret(
        SIGN_PASSWORD_ENV, f"{actor.username}: re-enter your password to sign the manifest"
    )
    witness = None
    if args.witness:
        witness = Credentials(
            args.witness, secret(WITNESS_PASSWORD_ENV, f"Password of {args.witness} (witness)")
        )
    try:
        view = act(
            ctx,
            "approve shipment",
            partial(
                shipments.approve,
                shipment_id=target.id,
                password=password,
                label_key=key,
                signer=ctx.signer(),
                witness=witness,
            ),
        )
    except Refusal as refusal:
        return _not_done(refusal, f"Shipment {target.manifest_number} was NOT approved.")
    witnessed = f", witnessed by {args.witness}" if witness else ""
    out(f"Shipment {view.manifest_number} approved by {actor.full_name}{witnessed}.")
    out(f"  manifest revision {view.revision} issued, SHA-256 {view.manifest_sha256}")
    if view.revision > 1:
        out(f"  revision {view.revision - 1} is superseded")
    out(f"  print it: custody-cli manifest {view.manifest_number} --out FILE.pdf")
    return 0


def _dispatch(args: argparse.Namespace, session: Session) -> int:
    require_secrets(SIGN_PASSWORD_ENV)
    ctx, actor = session.signed_in()
    target = find_shipment(ctx, args.shipment)
    password = secret(
        SIGN_PASSWORD_ENV, f"{actor.username}: re-enter your password to sign the hand-over"
    )
    try:
        view = act(
            ctx,
            "dispatch shipment",
            partial(
                shipments.dispatch,
                shipment_id=target.id,
                password=password,
                carrier_agent=args.carrier_agent,
            ),
        )
    except Refusal as refusal:
        return _not_done(refusal, f"Shipment {target.manifest_number} was NOT dispatched.")
    out(
        f"Shipment {view.manifest_number} dispatched: {view.sample_count} sample(s) in "
        f"{len(view.packages)} package(s) handed to {view.carrier_agent} ({view.carrier}, "
        f"waybill {view.waybill}); manifest revision {view.revision}."
    )
    return 0


def _not_done(refusal: Refusal, what: str) -> int:
    """A refused signature: why, and that nothing was signed."""
    err(f"refused: {refusal.message}")
    err(f"{what} Nothing was signed or changed.")
    return 1
