"""Custody actions: seals, weighing, hand-over, store, retrieve, destroy, return."""

from __future__ import annotations

import argparse
from functools import partial

from custody.cli.common import (
    Session,
    act,
    command,
    group,
    out,
    require_secrets,
    sample_id,
    secret,
)
from custody.domain.enums import EventType
from custody.services import custody, seals
from custody.services.custody import Credentials
from custody.services.views import SampleView

TO_PASSWORD_ENV = "CUSTODY_TO_PASSWORD"  # noqa: S105  the name of an environment variable
WITNESS_PASSWORD_ENV = "CUSTODY_WITNESS_PASSWORD"  # noqa: S105  likewise
SAMPLE_HELP = "sample ID (MX-AICM-2026-000123) or scanned compact code"


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    seal = group(commands, "seal", "tamper-evident seals")
    apply = command(seal, "apply", _seal_apply, "seal a registered sample")
    apply.add_argument("sample", help=SAMPLE_HELP)
    apply.add_argument("serial", help="the seal's serial number")
    opening = command(seal, "open", _seal_open, "break the seals to open a sample")
    opening.add_argument("sample", help=SAMPLE_HELP)
    opening.add_argument("--purpose", required=True)
    state = opening.add_mutually_exclusive_group(required=True)
    state.add_argument(
        "--intact", dest="intact", action="store_true", help="the seals were intact when opened"
    )
    state.add_argument(
        "--broken",
        dest="intact",
        action="store_false",
        help="the seals were already broken or tampered with",
    )
    reseal = command(seal, "reseal", _seal_reseal, "seal an opened sample with a new seal")
    reseal.add_argument("sample", help=SAMPLE_HELP)
    reseal.add_argument("serial", help="the new seal's serial number")

    weigh = command(commands, "weigh", _weigh, "re-weigh a sample (alerts beyond tolerance)")
    weigh.add_argument("sample", help=SAMPLE_HELP)
    weigh.add_argument("grams", help="net weight in grams, to 0.1 mg")
    weigh.add_argument("--balance", required=True, help="ID of the balance used")

    transfer = command(
        commands,
        "transfer",
        _transfer,
        "hand a sample over: you and the receiver both authenticate here",
    )
    transfer.add_argument("sample", help=SAMPLE_HELP)
    transfer.add_argument(
        "--to",
        required=True,
        metavar="USERNAME",
        help=f"the receiver (password: ${TO_PASSWORD_ENV} or a prompt)",
    )
    transfer.add_argument("--purpose", required=True)
    transfer.add_argument(
        "--witness",
        metavar="USERNAME",
        help=f"a third person (password: ${WITNESS_PASSWORD_ENV} or a prompt)",
    )

    store = command(commands, "store", _store, "put a sample you hold into a storage location")
    store.add_argument("sample", help=SAMPLE_HELP)
    store.add_argument("location", help="location code, e.g. VAULT-A-S1-B01")

    retrieve = command(commands, "retrieve", _retrieve, "take a sample out of storage")
    retrieve.add_argument("sample", help=SAMPLE_HELP)
    retrieve.add_argument("--purpose", required=True)

    for name, event, summary in (
        ("destroy", EventType.DESTROY, "record a sample's destruction (supervisors)"),
        ("return", EventType.RETURN, "record a sample's return to the authority (supervisors)"),
    ):
        dispose = command(commands, name, _dispose, summary)
        dispose.add_argument("sample", help=SAMPLE_HELP)
        dispose.add_argument("--reason", required=True)
        dispose.set_defaults(event=event)


def _report(view: SampleView, done: str) -> None:
    where = view.location or (f"held by {view.holder}" if view.holder else "nobody holds it")
    out(f"{view.code} {done}.")
    out(f"  status {view.status.value}; {where}; seals: {', '.join(view.seals) or 'none'}")


def _seal_apply(args: argparse.Namespace, session: Session) -> int:
    ctx, _ = session.signed_in()
    target = sample_id(ctx, args.sample)
    view = act(ctx, "seal", partial(seals.seal, sample_id=target, serial=args.serial))
    _report(view, f"sealed with {view.seals[-1] if view.seals else args.serial}")
    return 0


def _seal_open(args: argparse.Namespace, session: Session) -> int:
    ctx, _ = session.signed_in()
    target = sample_id(ctx, args.sample)
    view = act(
        ctx,
        "open",
        partial(seals.open_sample, sample_id=target, purpose=args.purpose, seal_intact=args.intact),
    )
    _report(view, "opened (seals found intact)" if args.intact else "opened (seals found BROKEN)")
    return 0


def _seal_reseal(args: argparse.Namespace, session: Session) -> int:
    ctx, _ = session.signed_in()
    target = sample_id(ctx, args.sample)
    view = act(ctx, "reseal", partial(seals.reseal, sample_id=target, serial=args.serial))
    _report(view, "resealed")
    return 0


def _weigh(args: argparse.Namespace, session: Session) -> int:
    ctx, _ = session.signed_in()
    target = sample_id(ctx, args.sample)
    result = act(
        ctx,
        "weigh",
        partial(seals.reweigh, sample_id=target, weight=args.grams, balance_id=args.balance),
    )
    sign = "+" if result.delta >= 0 else ""
    out(
        f"{result.sample.code} weighs {result.sample.net_weight} g "
        f"(was {result.previous} g, change {sign}{result.delta} g)."
    )
    if result.alert:
        out(
            f"ALERT: the weight changed by {sign}{result.delta} g, beyond the lab's tolerance; "
            "the event is flagged for review."
        )
    return 0


def _transfer(args: argparse.Namespace, session: Session) -> int:
    require_secrets(TO_PASSWORD_ENV, *([WITNESS_PASSWORD_ENV] if args.witness else []))
    ctx, giver = session.signed_in()
    target = sample_id(ctx, args.sample)
    receiver = Credentials(
        args.to, secret(TO_PASSWORD_ENV, f"Password of {args.to} (receiving the sample)")
    )
    witness = None
    if args.witness:
        witness = Credentials(
            args.witness, secret(WITNESS_PASSWORD_ENV, f"Password of {args.witness} (witness)")
        )
    view = act(
        ctx,
        "hand over",
        partial(
            custody.transfer,
            sample_id=target,
            receiver=receiver,
            purpose=args.purpose,
            witness=witness,
        ),
    )
    witnessed = f", witnessed by {args.witness}" if witness else ""
    _report(view, f"handed over by {giver.full_name} to {view.holder}{witnessed}")
    return 0


def _store(args: argparse.Namespace, session: Session) -> int:
    ctx, _ = session.signed_in()
    target = sample_id(ctx, args.sample)
    view = act(ctx, "store", partial(custody.store, sample_id=target, location_code=args.location))
    _report(view, f"stored in {view.location}")
    return 0


def _retrieve(args: argparse.Namespace, session: Session) -> int:
    ctx, _ = session.signed_in()
    target = sample_id(ctx, args.sample)
    view = act(ctx, "retrieve", partial(custody.retrieve, sample_id=target, purpose=args.purpose))
    _report(view, "retrieved from storage")
    return 0


def _dispose(args: argparse.Namespace, session: Session) -> int:
    ctx, _ = session.signed_in()
    target = sample_id(ctx, args.sample)
    event: EventType = args.event
    view = act(
        ctx,
        event.value,
        partial(custody.dispose, sample_id=target, event=event, reason=args.reason),
    )
    _report(view, "destroyed" if event is EventType.DESTROY else "returned to the authority")
    return 0
