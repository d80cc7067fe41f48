"""Labels: print sample and location labels (PDF or ZPL), and a calibration page for a template.

Every label is journaled (a new serial; a reprint voids the earlier label) before anything is
written or sent: one action per label, then one PDF (or one ZPL stream) for all of them. ZPL is
for roll templates; it goes to a file (``--out``) or straight to a network label printer
(``--printer HOST[:PORT]``, raw TCP, port 9100 by default).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from pathlib import Path
from zoneinfo import ZoneInfo

from custody import keyfile
from custody.atomic import write_atomically
from custody.cli.common import Session, UsageError, act, command, err, group, out
from custody.context import AppContext
from custody.domain.label_layout import LabelContent
from custody.domain.label_templates import TEMPLATES, TemplateError, positions
from custody.domain.labelcode import LabelKind
from custody.errors import NotFound, Refusal, StorageError
from custody.render.label_pdf import calibration_page, render_labels
from custody.render.label_zpl import SHEET_REFUSAL, render_zpl
from custody.render.raw_printer import DEFAULT_PORT, PrinterError, send_raw
from custody.services import labels, locations, lookup
from custody.services.labels import IssuedLabel
from custody.services.views import SampleView
from custody.services.work import Work

SAMPLE_HELP = "sample ID (MX-AICM-2026-000123) or scanned compact code"
FORMATS = ("pdf", "zpl")
PDF_PRINTER_REFUSAL = (
    "printing PDF from the command line: use the desktop app or `lp -d QUEUE FILE.pdf`"
)

Prepared = tuple[str, Callable[[IssuedLabel], LabelContent]]


@dataclass(frozen=True)
class Destination:
    """Where the labels go: a file (``path``) or a network label printer (``host``/``port``)."""

    path: Path | None = None
    host: str = ""
    port: int = DEFAULT_PORT

    def __str__(self) -> str:
        if self.path is not None:
            return str(self.path)
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"the label printer at {host}:{self.port}"


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    label = group(commands, "labels", "print labels (PDF or ZPL) and calibration pages")
    samples = command(label, "samples", _samples, "print labels for samples")
    samples.add_argument("targets", nargs="+", metavar="SAMPLE", help=SAMPLE_HELP)
    _print_options(samples)
    places = command(label, "locations", _locations, "print labels for storage locations")
    places.add_argument("targets", nargs="+", metavar="CODE", help="location code, e.g. VAULT-A")
    _print_options(places)
    calibration = command(
        label,
        "calibration",
        _calibration,
        "a calibration page: every label outline of a template, to hold against a sheet",
        acts=False,
    )
    _template_options(calibration)
    calibration.add_argument("--out", required=True, type=Path, metavar="FILE.pdf", help="PDF")
    calibration.add_argument(
        "--format", choices=("pdf",), default="pdf", help="output format (pdf only)"
    )


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
    where.add_argument(
        "--printer",
        metavar="HOST[:PORT]",
        help=f"send ZPL to this network label printer (raw TCP, port {DEFAULT_PORT} by default)",
    )
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


def initials(full_name: str) -> str:
    """'Q.F.B. Jorge Ramírez Soto' -> 'JRS': up to three name words, titles ('Dra.') skipped."""
    words = [w for w in full_name.split() if not w.endswith(".")]
    return "".join(w[0] for w in words[:3]).upper()


def _check_file(raw: Path, what: str) -> Path:
    target = raw.expanduser()
    if target.is_dir():
        raise UsageError(f"--out {target} is a folder; name the {what} file to write.")
    if not target.parent.is_dir():
        raise UsageError(f"The folder for --out does not exist: {target.parent}")
    return target


def parse_printer(raw: str) -> tuple[str, int]:
    """'HOST', 'HOST:PORT', '[IPv6]', '[IPv6]:PORT' or a bare IPv6 address -> (host, port)."""
    text = raw.strip()
    host, port_text = text, ""
    if text.startswith("["):
        inside, bracket, rest = text[1:].partition("]")
        if not bracket or (rest and not rest.startswith(":")):
            raise UsageError(f"--printer {raw!r}: write an IPv6 address as [ADDRESS]:PORT.")
        host, port_text = inside, rest[1:]
        if rest and not port_text:
            raise UsageError(f"--printer {raw!r}: the port is missing after ':'.")
    elif text.count(":") == 1:
        host, _, port_text = text.partition(":")
        if not port_text:
            raise UsageError(f"--printer {raw!r}: the port is missing after ':'.")
    host = host.strip()
    if not host:
        raise UsageError("--printer needs a printer name or address (HOST[:PORT]).")
    if not port_text:
        return host, DEFAULT_PORT
    if not port_text.isdigit() or not 0 < int(port_text) < 65536:
        raise UsageError(f"--printer {raw!r}: the port must be a number from 1 to 65535.")
    return host, int(port_text)


def _check_output(args: argparse.Namespace) -> Destination:
    """Validate the output options (before anything is journaled)."""
    if args.format == "pdf":
        if args.printer is not None:
            raise UsageError(PDF_PRINTER_REFUSAL)
        return Destination(path=_check_file(args.out, "PDF"))
    t = TEMPLATES[args.template]
    if t.dpi is None or t.per_page != 1:  # as render_zpl refuses, but before journaling
        raise UsageError(SHEET_REFUSAL)
    if args.printer is not None:
        host, port = parse_printer(args.printer)
        return Destination(host=host, port=port)
    return Destination(path=_check_file(args.out, "ZPL"))


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


def _label_key(ctx: AppContext) -> bytes:
    path = ctx.label_key_path()
    if path is None:
        raise StorageError(
            f"Set {keyfile.ENV} to the label key file shared by this lab's workstations."
        )
    return keyfile.load(path)


def _print(
    args: argparse.Namespace,
    ctx: AppContext,
    kind: LabelKind,
    prepared: list[Prepared],
    reason: str | None,
    target: Destination,
) -> int:
    key = _label_key(ctx)
    contents: list[tuple[LabelContent, str]] = []
    issued: list[IssuedLabel] = []
    try:
        for record_key, content in prepared:
            label = act(
                ctx,
                "print label",
                partial(
                    labels.issue,
                    kind=kind,
                    key=record_key,
                    label_key=key,
                    template=args.template,
                    reprint_reason=reason,
                ),
            )
            issued.append(label)
            contents.append((content(label), label.payload))
    except Refusal:
        _not_printed(issued, "nothing was printed")
        raise
    if args.format == "pdf":
        assert target.path is not None
        try:
            render_labels(contents, args.template, start_at=args.start_at, out=target.path)
        except (ValueError, OSError) as error:
            _not_printed(issued, "no PDF was written")
            raise UsageError(f"The PDF could not be written: {error}") from None
    else:
        _print_zpl(args.template, contents, issued, target)
    serials = [label.code.serial for label in issued]
    span = f"serial {serials[0]}" if len(serials) == 1 else f"serials {serials[0]}–{serials[-1]}"
    verb = "Printed" if target.path is not None else "Sent"
    out(f"{verb} {len(issued)} label(s) to {target} (template {args.template}, {span})")
    for label in issued:
        if label.reprint_of is not None:
            out(f"  serial {label.code.serial} voids serial {label.reprint_of}")
    return 0


def _print_zpl(
    template: str,
    contents: list[tuple[LabelContent, str]],
    issued: list[IssuedLabel],
    target: Destination,
) -> None:
    try:
        data = render_zpl(contents, template)
    except ValueError as error:  # a sheet template, or a label that does not fit
        _not_printed(issued, "no ZPL was produced")
        raise UsageError(f"The ZPL could not be made: {error}") from None
    if target.path is not None:
        try:
            write_atomically(target.path, data)
        except OSError as error:
            _not_printed(issued, "no ZPL file was written")
            raise UsageError(f"The ZPL file could not be written: {error}") from None
        return
    try:
        send_raw(data, target.host, target.port)
    except (PrinterError, ValueError) as error:
        _not_printed(issued, "they may not have printed")
        raise UsageError(str(error)) from None


def _not_printed(issued: list[IssuedLabel], what: str) -> None:
    if issued:
        serials = ", ".join(str(label.code.serial) for label in issued)
        err(
            f"note: serial(s) {serials} were journaled but {what}; "
            "print them again with --reprint --reason."
        )


def _samples(args: argparse.Namespace, session: Session) -> int:
    target = _check_output(args)
    reason = _check_print(args, len(args.targets))
    ctx, actor = session.signed_in()
    who = initials(actor.full_name)
    zone = ZoneInfo(ctx.zone)
    prepared: list[Prepared] = []
    for raw in args.targets:
        # journals an unknown ID or a wrong check character as a denial, like sample_id()
        view = act(ctx, "find sample", partial(lookup.find_sample, raw=raw))

        def content(label: IssuedLabel, view: SampleView = view) -> LabelContent:
            return LabelContent(
                id_text=view.code,
                case_exhibit=f"{view.case_number} · Ex. {view.exhibit_number}",
                date=f"{view.created_at.astimezone(zone):%Y-%m-%d}",
                initials=who,
                description=view.description,
                weight=f"{view.net_weight} g",
                seal=", ".join(view.seals) or "—",
                hazard=view.hazard,
                reprint=label.reprint,
            )

        prepared.append((view.compact[:-1], content))
    return _print(args, ctx, LabelKind.SAMPLE, prepared, reason, target)


def _locations(args: argparse.Namespace, session: Session) -> int:
    target = _check_output(args)
    reason = _check_print(args, len(args.targets))
    ctx, actor = session.signed_in()
    who = initials(actor.full_name)
    today = f"{datetime.now(ZoneInfo(ctx.zone)):%Y-%m-%d}"
    prepared: list[Prepared] = []
    for raw in args.targets:
        place = act(ctx, "find location", partial(_location, raw=raw))

        def content(label: IssuedLabel, place: locations.LocationView = place) -> LabelContent:
            return LabelContent(
                id_text=place.code,
                case_exhibit=place.name,
                date=today,
                initials=who,
                description=place.kind.value,
                weight="",
                seal="",
                hazard=False,
                reprint=label.reprint,
            )

        prepared.append((place.code, content))
    return _print(args, ctx, LabelKind.LOCATION, prepared, reason, target)


def _location(work: Work, raw: str) -> locations.LocationView:
    code = raw.strip().upper()
    for place in locations.list_locations(work):
        if place.code == code:
            return place
    raise NotFound(f"There is no location '{raw.strip()}'.")


def _calibration(args: argparse.Namespace, session: Session) -> int:
    del session  # no database: the page shows the template only
    target = _check_file(args.out, "PDF")
    try:
        calibration_page(args.template, target)
    except (TemplateError, OSError) as error:
        raise UsageError(f"The PDF could not be written: {error}") from None
    out(f"Calibration page for {args.template} written to {target}")
    return 0
