"""Labels: print sample and location labels (PDF or ZPL), and a calibration page for a template.

Every label is journaled (a new serial; a reprint voids the earlier label) before anything is
written or sent: one action per label, then one PDF (or one ZPL stream) for all of them. The
output goes to a file (``--out``) or a printer (``--printer``): a printer (CUPS queue) by name,
for a PDF at true scale on a page of the label stock's size or for raw ZPL; or, for ZPL only, a
network label printer's raw TCP port (``tcp://HOST[:PORT]``, ``HOST:PORT`` or an IP address;
port 9100 by default). The rule and the sending live in :mod:`custody.cli.label_output`. ZPL is
for roll templates. The printer is checked (it exists, is not paused, takes jobs) before
anything is journaled.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from functools import partial
from pathlib import Path

from custody import label_jobs
from custody.cli import selftest_cmd
from custody.cli.common import Session, UsageError, act, command, group, label_key, out
from custody.cli.label_output import (
    PRINTER_HELP,
    Destination,
    check_file,
    deliver,
    not_printed,
    output_for,
    print_calibration,
)
from custody.context import AppContext
from custody.domain.label_templates import TEMPLATES, Calibration, TemplateError, positions
from custody.errors import Refusal
from custody.render.label_pdf import calibration_page
from custody.services import printers

SAMPLE_HELP = "sample ID (MX-AICM-2026-000123) or scanned compact code"
FORMATS = ("pdf", "zpl")


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    label = group(commands, "labels", "print labels (PDF or ZPL) and calibration pages")
    samples = command(label, "samples", _samples, "print labels for samples")
    samples.add_argument("targets", nargs="+", metavar="SAMPLE", help=SAMPLE_HELP)
    _print_options(samples)
    places = command(label, "locations", _locations, "print labels for storage locations")
    places.add_argument("targets", nargs="+", metavar="CODE", help="location code, e.g. VAULT-A")
    _print_options(places)
    packages = command(label, "packages", _packages, "print outer-package labels of a shipment")
    packages.add_argument("shipment", metavar="SHIPMENT", help="shipment number or manifest number")
    packages.add_argument(
        "--package", type=int, action="append", metavar="N", help="only package N (repeatable)"
    )
    _print_options(packages)
    badges = command(label, "badges", _badges, "print person badges (scanned as a person)")
    badges.add_argument("targets", nargs="+", metavar="USERNAME", help="user name")
    _print_options(badges)
    calibration = command(
        label,
        "calibration",
        _calibration,
        "a calibration page: every label outline of a template, to hold against a sheet",
    )
    _template_options(calibration)
    where = calibration.add_mutually_exclusive_group(required=True)
    where.add_argument("--out", type=Path, metavar="FILE.pdf", help="write the page to a PDF")
    where.add_argument(
        "--printer", metavar="QUEUE", help="print it on this printer, with its stored offsets"
    )
    calibrate = command(
        label,
        "calibrate",
        _calibrate,
        "store a printer's offsets for a label stock (measured on its calibration page)",
    )
    _template_options(calibrate)
    calibrate.add_argument("--printer", required=True, metavar="QUEUE", help="printer name")
    calibrate.add_argument("--dx", required=True, metavar="MM", help="move right by MM (< 0: left)")
    calibrate.add_argument("--dy", required=True, metavar="MM", help="move up by MM (< 0: down)")
    selftest_cmd.register(label)


def _template_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--template", required=True, choices=list(TEMPLATES), help="label stock to print on"
    )


def _print_options(parser: argparse.ArgumentParser) -> None:
    _template_options(parser)
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument(
        "--out", type=Path, metavar="FILE", help="file to write (FILE.pdf, or FILE.zpl with zpl)"
    )
    where.add_argument("--printer", metavar="NAME|HOST:PORT", help=PRINTER_HELP)
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default="pdf",
        help="output format: pdf (sheets and rolls) or zpl (roll templates; default pdf)",
    )
    parser.add_argument(
        "--start-at",
        type=int,
        default=1,
        metavar="N",
        help="position of the first free label on a partly used sheet (default 1)",
    )
    parser.add_argument(
        "--reprint",
        action="store_true",
        help="print again a label printed before (voids the earlier one; needs --reason)",
    )
    parser.add_argument("--reason", metavar="TEXT", help="why the label is printed again")


def _check_output(args: argparse.Namespace) -> Destination:
    """Validate the output options (before anything is journaled)."""
    return output_for(args.format, args.template, args.out, args.printer)


def _check_print(args: argparse.Namespace, count: int) -> str | None:
    """Validate the options before anything is journaled; return the reprint reason."""
    try:
        positions(TEMPLATES[args.template], count, args.start_at)
    except TemplateError as error:
        raise UsageError(str(error)) from None
    if args.reprint and not (args.reason or "").strip():
        raise UsageError("--reprint needs --reason TEXT (why the label is printed again).")
    if args.reason is not None and not args.reprint:
        raise UsageError("--reason goes with --reprint.")
    return str(args.reason) if args.reprint else None


def _print(
    args: argparse.Namespace,
    ctx: AppContext,
    targets: Callable[[], list[label_jobs.Target]],
    reason: str | None,
    target: Destination,
) -> int:
    key = label_key(ctx)
    batch = label_jobs.Batch()
    try:
        label_jobs.issue(
            ctx,
            targets(),
            template=args.template,
            label_key=key,
            reprint_reason=reason,
            batch=batch,
        )
    except Refusal:
        not_printed(batch.labels, "nothing was printed")
        raise
    calibration = _stored_calibration(ctx, target, args.template)
    job = deliver(
        args.format, args.template, args.start_at, batch.contents, batch.labels, target, calibration
    )
    serials = batch.serials
    span = f"serial {serials[0]}" if len(serials) == 1 else f"serials {serials[0]}–{serials[-1]}"
    verb = "Printed" if target.path is not None else "Sent"
    done = f"{verb} {len(serials)} label(s) to {target} (template {args.template}, {span})"
    out(f"{done}; CUPS job {job}" if job else done)
    for label in batch.labels:
        if label.reprint_of is not None:
            out(f"  serial {label.code.serial} voids serial {label.reprint_of}")
    return 0


def _stored_calibration(ctx: AppContext, target: Destination, template: str) -> Calibration | None:
    """The offsets stored for a CUPS queue and this label stock (none for files and ZPL)."""
    if not target.queue:
        return None
    view = ctx.query(lambda w: printers.calibration_for(w, target.queue, template))
    return view.calibration


def _run(
    args: argparse.Namespace,
    session: Session,
    targets: Callable[[AppContext], list[label_jobs.Target]],
    count: int,
) -> int:
    target = _check_output(args)
    reason = _check_print(args, count)
    ctx, _ = session.signed_in()
    return _print(args, ctx, partial(targets, ctx), reason, target)


def _samples(args: argparse.Namespace, session: Session) -> int:
    targets = partial(_with, label_jobs.sample_targets, args.targets)
    return _run(args, session, targets, len(args.targets))


def _locations(args: argparse.Namespace, session: Session) -> int:
    targets = partial(_with, label_jobs.location_targets, args.targets)
    return _run(args, session, targets, len(args.targets))


def _badges(args: argparse.Namespace, session: Session) -> int:
    targets = partial(_with, label_jobs.badge_targets, args.targets)
    return _run(args, session, targets, len(args.targets))


def _packages(args: argparse.Namespace, session: Session) -> int:
    def targets(ctx: AppContext) -> list[label_jobs.Target]:
        return label_jobs.package_targets(ctx, args.shipment, args.package or ())

    return _run(args, session, targets, len(args.package or ()) or 1)


def _with(
    make: Callable[[AppContext, list[str]], list[label_jobs.Target]],
    raws: list[str],
    ctx: AppContext,
) -> list[label_jobs.Target]:
    return make(ctx, raws)


def _calibrate(args: argparse.Namespace, session: Session) -> int:
    ctx, _ = session.signed_in()
    view = act(
        ctx,
        "calibrate printer",
        lambda w: printers.set_calibration(w, args.printer, args.template, args.dx, args.dy),
    )
    out(
        f"Stored for printer {view.printer}, {view.template}: {view.dx_mm} mm right, "
        f"{view.dy_mm} mm up. Every later print on it uses these offsets."
    )
    return 0


def _calibration(args: argparse.Namespace, session: Session) -> int:
    """A calibration page to a file, or to a printer with that printer's stored offsets."""
    if args.printer is None:
        target = check_file(args.out, "PDF")
        try:
            calibration_page(args.template, target)
        except (TemplateError, OSError) as error:
            raise UsageError(f"The PDF could not be written: {error}") from None
        out(f"Calibration page for {args.template} written to {target}")
        return 0
    destination = output_for("pdf", args.template, None, args.printer)
    ctx, _ = session.signed_in()
    calibration = _stored_calibration(ctx, destination, args.template)
    job = print_calibration(args.template, destination, calibration)
    out(f"Calibration page for {args.template} sent to {destination}; CUPS job {job}")
    return 0
