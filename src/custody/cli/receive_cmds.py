"""Receiving a shipment: start by the manifest's QR, scan every package and sample (one scan,
or a scanner session on standard input), reconcile, resolve discrepancies, close."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from functools import partial

from custody.cli.common import Session, UsageError, act, command, err, out
from custody.cli.ship_common import SHIP_HELP, find_shipment, label_key
from custody.context import AppContext
from custody.errors import Refusal
from custody.services import receipt_closing, receiving
from custody.services.receiving import DiscrepancyView, Reconciliation, ScanResult
from custody.services.shipment_views import ShipmentView, shipment_view
from custody.services.work import Work

STDIN = "-"
# What each scan outcome is called in a scanner session's lines and summary.
_OUTCOMES = {
    "expected": "received",
    "package": "package",  # a package's outer seals checked
    "duplicate": "DUPLICATE",
    "extra": "EXTRA",
}
_SUMMARY = (
    ("received", "received"),
    ("package", "package(s)"),
    ("DUPLICATE", "duplicate(s)"),
    ("EXTRA", "extra"),
    ("REFUSED", "refused"),
)


def add_commands(shipment: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    receive = command(
        shipment,
        "receive",
        _receive,
        "receive a shipment: --manifest RAW (its QR) first, then --scan each package and "
        "sample (--scan - reads one scan per line from standard input)",
    )
    receive.add_argument("shipment", help=SHIP_HELP)
    what = receive.add_mutually_exclusive_group(required=True)
    what.add_argument("--manifest", metavar="RAW", help="the scanned QR of the manifest")
    what.add_argument(
        "--scan", metavar="RAW", help="a scanned package or sample label; '-': one per line"
    )
    receive.add_argument(
        "--seal-broken", action="store_true", help="the container's seal was found broken"
    )
    receive.add_argument("--weight", metavar="GRAMS", help="net weight received (a sample)")
    receive.add_argument("--notes", metavar="TEXT", help="what was noticed")

    reconcile = command(
        shipment,
        "reconcile",
        _reconcile,
        "compare what was expected with what was scanned (exit 0 clean, 1 discrepancies)",
    )
    reconcile.add_argument("shipment", help=SHIP_HELP)

    resolve = command(
        shipment, "resolve", _resolve, "record how a discrepancy was resolved (supervisors)"
    )
    resolve.add_argument("discrepancy", type=_discrepancy_id, metavar="DISCREPANCY_ID")
    resolve.add_argument("--resolution", required=True, metavar="TEXT")

    close = command(
        shipment,
        "close",
        _close,
        "close a received shipment (supervisors): clean when every discrepancy is resolved",
    )
    close.add_argument("shipment", help=SHIP_HELP)
    close.add_argument(
        "--accept-reason",
        metavar="TEXT",
        help="close with open discrepancies (recorded as NOT clean), saying why",
    )


def _discrepancy_id(text: str) -> int:
    cleaned = text.strip().lstrip("#")
    if not cleaned.isdigit():
        raise argparse.ArgumentTypeError(f"'{text}' is not a discrepancy number (see reconcile)")
    return int(cleaned)


def _receive(args: argparse.Namespace, session: Session) -> int:
    batch = args.scan == STDIN
    if batch and (args.seal_broken or args.weight is not None or args.notes is not None):
        raise UsageError(
            "--seal-broken, --weight and --notes describe one container: give them with a "
            "single --scan RAW, not with --scan -"
        )
    if args.manifest is not None and (
        args.seal_broken or args.weight is not None or args.notes is not None
    ):
        raise UsageError("--seal-broken, --weight and --notes go with --scan, not --manifest")
    ctx = session.initialised()
    key = label_key(ctx)
    ctx, _ = session.signed_in()
    target = find_shipment(ctx, args.shipment)
    if args.manifest is not None:
        view = act(
            ctx, "receive shipment", partial(_start, target=target, raw=args.manifest, key=key)
        )
        out(
            f"Receipt of {view.manifest_number} started (manifest revision {view.revision}): "
            f"{view.sample_count} sample(s) in {len(view.packages)} package(s) expected."
        )
        out(f"  next: scan every package and sample: custody-cli shipment receive "
            f"{view.manifest_number} --scan -")  # fmt: skip
        return 0
    scan = partial(
        receiving.scan,
        shipment_id=target.id,
        label_key=key,
        seal_intact=not args.seal_broken,
        weight=args.weight,
        notes=args.notes,
    )
    if not batch:
        result = act(ctx, "scan", partial(scan, raw=args.scan))
        out(result.message)
        return 0
    return _session(ctx, scan, target)


def _start(work: Work, target: ShipmentView, raw: str, key: bytes) -> ShipmentView:
    return shipment_view(work, receiving.start(work, target.id, raw, key))


def _session(ctx: AppContext, scan: partial[ScanResult], target: ShipmentView) -> int:
    """Read scans from standard input until its end: one action and one result line per
    scan, a refusal journaled and counted and the session going on, then a summary; exit 1
    when any scan was refused."""
    if sys.stdin.isatty():
        err(f"Receiving {target.manifest_number}: scan each label; Ctrl-D (Ctrl-Z Enter on "
            "Windows) to finish.")  # fmt: skip
    counts: Counter[str] = Counter()
    number = 0
    for line in sys.stdin:
        raw = line.rstrip("\r\n")
        if not raw.strip():
            continue  # an empty Enter from the scanner or the keyboard
        number += 1
        try:
            result = act(ctx, "scan", partial(scan, raw=raw))
        except Refusal as refusal:
            counts["REFUSED"] += 1
            print(f"{number:>4}  {'REFUSED':<9}  {refusal.message}", flush=True)
            continue
        outcome = _OUTCOMES.get(result.outcome, result.outcome)
        counts[outcome] += 1
        print(f"{number:>4}  {outcome:<9}  {result.message}", flush=True)
    parts = [f"{counts[name]} {plural}" for name, plural in _SUMMARY]
    out(f"{number} scan(s): {', '.join(parts)}.")
    if counts["REFUSED"]:
        out("Refused scans were not recorded as received: scan those labels again.")
    return 1 if counts["REFUSED"] else 0


def _reconcile(args: argparse.Namespace, session: Session) -> int:
    ctx, _ = session.signed_in()
    target = find_shipment(ctx, args.shipment)
    report = act(ctx, "reconcile", partial(receiving.reconcile, shipment_id=target.id))
    _report(report)
    if report.clean:
        out(f"Clean: close it with `custody-cli shipment close {report.manifest_number}`.")
        return 0
    return 1


def _report(report: Reconciliation) -> None:
    open_ones = [d for d in report.discrepancies if d.resolution is None]
    out(f"Shipment {report.manifest_number}")
    out(f"  samples    expected {report.expected}, received {report.received}")
    out(f"  packages   expected {report.packages_expected}, received {report.packages_received}")
    out(
        f"  discrepancies: {len(report.discrepancies)} "
        f"({len(open_ones)} open, {len(report.discrepancies) - len(open_ones)} resolved)"
    )
    for d in report.discrepancies:
        out(_discrepancy_line(d))


def _discrepancy_line(d: DiscrepancyView) -> str:
    where = d.sample or (f"package {d.package}" if d.package is not None else "")
    state = "OPEN" if d.resolution is None else f"resolved: {d.resolution}"
    return f"  #{d.id:<5} {d.kind:<9} {where:<22} {d.detail}  [{state}]"


def _resolve(args: argparse.Namespace, session: Session) -> int:
    ctx, _ = session.signed_in()
    view = act(
        ctx,
        "resolve discrepancy",
        partial(
            receipt_closing.resolve, discrepancy_id=args.discrepancy, resolution=args.resolution
        ),
    )
    out(f"Discrepancy #{view.id} ({view.kind}) resolved: {view.resolution}")
    out(f"  {view.detail}")
    return 0


def _close(args: argparse.Namespace, session: Session) -> int:
    ctx, _ = session.signed_in()
    target = find_shipment(ctx, args.shipment)
    report = act(
        ctx,
        "close shipment",
        partial(receipt_closing.close, shipment_id=target.id, accept_reason=args.accept_reason),
    )
    _report(report)
    if report.clean:
        out(f"Shipment {report.manifest_number} closed clean: every discrepancy is resolved.")
    else:
        open_count = sum(1 for d in report.discrepancies if d.resolution is None)
        out(
            f"Shipment {report.manifest_number} closed NOT clean with {open_count} open "
            f"discrepancy(ies): {args.accept_reason}"
        )
    return 0
