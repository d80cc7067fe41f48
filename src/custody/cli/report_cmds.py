"""Supervisor reports as PDF: a sample's chain of custody, the inventory by location, and the
shipment summary. Each PDF is written atomically, after the data is read (a custody report
verifies the whole journal first and prints the result on its first page)."""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

from custody.cli.common import Session, UsageError, act, command, group, out
from custody.cli.label_output import check_file
from custody.context import AppContext
from custody.render.report_pdf import (
    render_custody_report,
    render_inventory,
    render_shipment_summary,
    write_pdf,
)
from custody.services import reports

SAMPLE_HELP = "sample ID (MX-AICM-2026-000123) or scanned compact code"


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    report = group(commands, "report", "supervisor reports as PDF")
    chain = command(report, "custody", _custody, "a sample's chain of custody (court-ready)")
    chain.add_argument("sample", help=SAMPLE_HELP)
    _out(chain)
    stock = command(report, "inventory", _inventory, "what should be on each shelf")
    stock.add_argument(
        "--location", metavar="CODE", help="a location and everything in it (default: all)"
    )
    _out(stock)
    summary = command(report, "shipments", _shipments, "every shipment and where it stands")
    _out(summary)


def _out(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", required=True, type=Path, metavar="FILE.pdf", help="PDF to write")


def _write(
    ctx: AppContext, kind: str, subject: str, data: bytes, target: Path, what: str, fp: str
) -> int:
    act(ctx, f"report {kind}", lambda w: reports.record_print(w, kind, subject, fp))
    try:
        write_pdf(data, target)
    except OSError as error:
        raise UsageError(f"The PDF could not be written: {error}") from None
    out(f"{what} written to {target}")
    out(f"  SHA-256 of the PDF:   {hashlib.sha256(data).hexdigest()}")
    out(f"  content fingerprint:  {fp}")
    return 0


def _progress(done: int, total: int) -> None:
    if sys.stderr.isatty() and total:
        print(f"\rverifying the journal: {done * 100 // total}%", end="", file=sys.stderr)


def _custody(args: argparse.Namespace, session: Session) -> int:
    target = check_file(args.out, "PDF")
    ctx, _ = session.signed_in()
    report = ctx.query(lambda w: reports.custody_report(w, args.sample, _progress))
    if sys.stderr.isatty():
        print(file=sys.stderr)
    code = _write(
        ctx,
        "custody",
        f"sample:{report.sample.sample_id}",
        render_custody_report(report),
        target,
        f"Chain-of-custody report for {report.sample.sample_id} "
        f"({len(report.events)} journal entries)",
        report.fingerprint,
    )
    if not report.verification.intact:
        out(f"WARNING: the journal did NOT verify: {report.verification.message}")
        return 1
    return code


def _inventory(args: argparse.Namespace, session: Session) -> int:
    target = check_file(args.out, "PDF")
    ctx, _ = session.signed_in()
    report = ctx.query(lambda w: reports.inventory(w, args.location))
    what = (
        f"Inventory of {report.scope}: {report.total} sample(s) in {len(report.sections)} place(s)"
    )
    data = render_inventory(report)
    return _write(
        ctx, "inventory", f"location:{report.scope}", data, target, what, report.fingerprint
    )


def _shipments(args: argparse.Namespace, session: Session) -> int:
    target = check_file(args.out, "PDF")
    ctx, _ = session.signed_in()
    report = ctx.query(reports.shipment_summary)
    what = f"Shipment summary: {len(report.rows)} shipment(s)"
    data = render_shipment_summary(report)
    return _write(ctx, "shipments", "shipments", data, target, what, report.fingerprint)
