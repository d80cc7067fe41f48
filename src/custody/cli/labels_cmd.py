"""Labels: print sample and location labels (PDF), and a calibration page for a template.

Every label is journaled (a new serial; a reprint voids the earlier label) before the PDF is
written: one action per label, then one PDF for all of them.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import datetime
from functools import partial
from pathlib import Path
from zoneinfo import ZoneInfo

from custody import keyfile
from custody.cli.common import Session, UsageError, act, command, err, group, out
from custody.context import AppContext
from custody.domain.label_layout import LabelContent
from custody.domain.label_templates import TEMPLATES, TemplateError, positions
from custody.domain.labelcode import LabelKind
from custody.errors import NotFound, Refusal, StorageError
from custody.render.label_pdf import calibration_page, render_labels
from custody.services import labels, locations, lookup
from custody.services.labels import IssuedLabel
from custody.services.views import SampleView
from custody.services.work import Work

SAMPLE_HELP = "sample ID (MX-AICM-2026-000123) or scanned compact code"
FORMATS = ("pdf", "zpl")

Prepared = tuple[str, Callable[[IssuedLabel], LabelContent]]


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    label = group(commands, "labels", "print labels (PDF) and calibration pages")
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


def _template_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--template", required=True, choices=list(TEMPLATES), help="label stock to print on"
    )
    parser.add_argument("--out", required=True, type=Path, metavar="FILE.pdf", help="PDF to write")
    parser.add_argument("--format", choices=FORMATS, default="pdf", help="output format (pdf)")


def _print_options(parser: argparse.ArgumentParser) -> None:
    _template_options(parser)
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


def _check_output(args: argparse.Namespace) -> Path:
    if args.format != "pdf":
        raise UsageError("ZPL output comes in a later version; use --format pdf.")
    target: Path = args.out.expanduser()
    if target.is_dir():
        raise UsageError(f"--out {target} is a folder; name the PDF file to write.")
    if not target.parent.is_dir():
        raise UsageError(f"The folder for --out does not exist: {target.parent}")
    return target


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
    target: Path,
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
        _not_printed(issued)
        raise
    try:
        render_labels(contents, args.template, start_at=args.start_at, out=target)
    except (TemplateError, OSError) as error:
        _not_printed(issued)
        raise UsageError(f"The PDF could not be written: {error}") from None
    serials = [label.code.serial for label in issued]
    span = f"serial {serials[0]}" if len(serials) == 1 else f"serials {serials[0]}–{serials[-1]}"
    out(f"Printed {len(issued)} label(s) to {target} (template {args.template}, {span})")
    for label in issued:
        if label.reprint_of is not None:
            out(f"  serial {label.code.serial} voids serial {label.reprint_of}")
    return 0


def _not_printed(issued: list[IssuedLabel]) -> None:
    if issued:
        serials = ", ".join(str(label.code.serial) for label in issued)
        err(
            f"note: serial(s) {serials} were journaled but no PDF was written; "
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
                reprint=1 if label.reprint_of is not None else 0,
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
                reprint=1 if label.reprint_of is not None else 0,
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
    target = _check_output(args)
    try:
        calibration_page(args.template, target)
    except (TemplateError, OSError) as error:
        raise UsageError(f"The PDF could not be written: {error}") from None
    out(f"Calibration page for {args.template} written to {target}")
    return 0
