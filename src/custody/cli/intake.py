"""Intake: case → seizure → exhibit → sample → sub-sample; showing and listing samples."""

from __future__ import annotations

import argparse
from datetime import date, datetime
from functools import partial

from custody.cli.common import (
    Session,
    act,
    command,
    grams,
    group,
    local_and_utc,
    out,
    print_json,
    sample_id,
)
from custody.domain.enums import SampleForm, SampleStatus
from custody.errors import NotFound
from custody.services import intake, lookup
from custody.services.intake import PORTS, NewExhibit, NewSample, NewSeizure
from custody.services.lookup import SampleRow
from custody.services.views import SampleView
from custody.services.work import Work

FORMS = [form.value for form in SampleForm]


def iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2026-08-12") from None


def iso_moment(text: str) -> datetime:
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"'{text}' is not a time like 2026-08-12T10:30-06:00"
        ) from None
    if moment.tzinfo is None:
        raise argparse.ArgumentTypeError(
            f"'{text}' needs its UTC offset, e.g. 2026-08-12T10:30-06:00 or ...Z"
        )
    return moment


def count(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    case = command(
        group(commands, "case", "cases (NUC / carpeta)"), "add", _case_add, "register a case"
    )
    case.add_argument("number", help="case number (NUC)")
    case.add_argument("--institution", required=True, help="seizing institution, e.g. FGR / ANAM")
    case.add_argument("--opened", required=True, type=iso_date, help="date opened (YYYY-MM-DD)")
    case.add_argument("--rcc", help="RCC reference")
    case.add_argument("--dea-file", help="DEA file number")

    seizure = command(
        group(commands, "seizure", "seizures"), "add", _seizure_add, "register a seizure of a case"
    )
    seizure.add_argument("--case", required=True, help="case number (NUC) or case id")
    seizure.add_argument("--port", required=True, choices=PORTS, type=str.upper)
    seizure.add_argument("--place", required=True)
    seizure.add_argument(
        "--seized-at",
        required=True,
        type=iso_moment,
        help="ISO 8601 with offset, e.g. 2026-08-12T10:30-06:00",
    )
    seizure.add_argument("--reason", required=True, help="why the chain of custody starts")
    seizure.add_argument("--conveyance", help="flight, air waybill, vessel, container...")
    seizure.add_argument("--latitude")
    seizure.add_argument("--longitude")

    exhibit = command(
        group(commands, "exhibit", "exhibits"),
        "add",
        _exhibit_add,
        "register an exhibit of a seizure",
    )
    exhibit.add_argument("--seizure", required=True, type=count, help="seizure id")
    exhibit.add_argument("--description", required=True)
    exhibit.add_argument("--form", required=True, choices=FORMS)
    exhibit.add_argument("--substance", help="presumptive substance")
    exhibit.add_argument("--units", type=count, help="number of units (tablets, packages)")
    exhibit.add_argument("--packaging")
    exhibit.add_argument("--gross-weight", help="grams")

    sample = group(commands, "sample", "samples")
    add = command(sample, "add", _sample_add, "take a sample from an exhibit")
    add.add_argument("--exhibit", required=True, type=count, help="exhibit id")
    _sample_options(add)
    sub = command(sample, "subsample", _subsample, "draw a sub-sample from an opened sample")
    sub.add_argument("sample", help="the opened sample (ID or scanned code)")
    _sample_options(sub)
    show = command(sample, "show", _show, "one sample in full", json_output=True)
    show.add_argument("sample", help="sample ID or scanned code")
    listing = command(sample, "list", _list, "all samples, by ID", json_output=True)
    listing.add_argument("--status", choices=[s.value for s in SampleStatus])


def _sample_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--description", required=True)
    parser.add_argument("--net-weight", required=True, help="grams, to 0.1 mg")
    parser.add_argument("--balance", required=True, help="ID of the balance used")
    parser.add_argument("--no-hazard", action="store_true", help="not a hazardous substance")
    parser.add_argument("--form", choices=FORMS, help="default: the exhibit's (parent's) form")
    parser.add_argument("--units", type=count, help="number of units (tablets)")
    parser.add_argument("--substance", help="presumptive substance (default: the exhibit's)")


def _new_sample(args: argparse.Namespace) -> NewSample:
    return NewSample(
        args.description,
        args.net_weight,
        args.balance,
        hazard=not args.no_hazard,
        form=SampleForm(args.form) if args.form else None,
        presumptive_substance=args.substance,
        unit_count=args.units,
    )


def _case_add(args: argparse.Namespace, session: Session) -> int:
    ctx, _ = session.signed_in()
    case_id = act(
        ctx,
        "register case",
        partial(
            intake.register_case,
            case_number=args.number,
            institution=args.institution,
            opened_on=args.opened,
            rcc_reference=args.rcc,
            dea_file_number=args.dea_file,
        ),
    )
    out(f"Case {args.number.strip()} registered (case id {case_id}).")
    return 0


def _case_id(work: Work, raw: str) -> int:
    text = raw.strip()
    try:
        return intake.find_case(work, text)
    except NotFound:
        if text.isdigit():
            return int(text)  # a case id; the service says when there is no such case
        raise


def _seizure_add(args: argparse.Namespace, session: Session) -> int:
    ctx, _ = session.signed_in()
    case_id = ctx.query(lambda w: _case_id(w, args.case))
    details = NewSeizure(
        args.port,
        args.place,
        args.seized_at,
        args.reason,
        conveyance=args.conveyance,
        latitude=args.latitude,
        longitude=args.longitude,
    )
    seizure_id = act(
        ctx, "register seizure", partial(intake.register_seizure, case_id=case_id, details=details)
    )
    out(f"Seizure registered (seizure id {seizure_id}) at {args.port}, {args.place.strip()}.")
    return 0


def _exhibit_add(args: argparse.Namespace, session: Session) -> int:
    ctx, _ = session.signed_in()
    details = NewExhibit(
        args.description,
        SampleForm(args.form),
        presumptive_substance=args.substance,
        unit_count=args.units,
        packaging=args.packaging,
        gross_weight=args.gross_weight,
    )
    exhibit_id = act(
        ctx,
        "register exhibit",
        partial(intake.register_exhibit, seizure_id=args.seizure, details=details),
    )
    out(f"Exhibit registered (exhibit id {exhibit_id}).")
    return 0


def _sample_add(args: argparse.Namespace, session: Session) -> int:
    ctx, _ = session.signed_in()
    view = act(
        ctx,
        "register sample",
        partial(intake.register_sample, exhibit_id=args.exhibit, details=_new_sample(args)),
    )
    out(f"Sample {view.code} registered ({view.net_weight} g, {view.form.value}).")
    out(f"  compact code (QR / scanner): {view.compact}")
    out(f"  held by {view.holder}; next: seal it (`custody-cli seal apply {view.code} SERIAL`)")
    return 0


def _subsample(args: argparse.Namespace, session: Session) -> int:
    ctx, _ = session.signed_in()
    parent = sample_id(ctx, args.sample)
    view = act(
        ctx, "sub-sample", partial(intake.subsample, parent_id=parent, details=_new_sample(args))
    )
    out(f"Sub-sample {view.code} drawn from {view.parent_code} ({view.net_weight} g).")
    out(f"  compact code (QR / scanner): {view.compact}")
    return 0


def _show(args: argparse.Namespace, session: Session) -> int:
    ctx, _ = session.signed_in()
    view = ctx.perform("find sample", lambda w: lookup.find_sample(w, args.sample))
    if args.json:
        print_json(view)
        return 0
    for line in describe(view, ctx.zone):
        out(line)
    return 0


def describe(view: SampleView, zone: str) -> list[str]:
    local, utc = local_and_utc(view.created_at, zone)
    where = view.location or (f"held by {view.holder}" if view.holder else "—")
    units = f", {view.unit_count} units" if view.unit_count is not None else ""
    return [
        f"{view.code}   (compact {view.compact})",
        f"  case          {view.case_number}, exhibit {view.exhibit_number}"
        + (f", sub-sample of {view.parent_code}" if view.parent_code else ""),
        f"  description   {view.description}",
        f"  substance     {view.presumptive_substance or '—'} ({view.form.value}{units})"
        + ("  HAZARD" if view.hazard else ""),
        f"  net weight    {grams(view.net_weight)} (balance {view.balance_id})",
        f"  status        {view.status.value}",
        f"  where         {where}",
        f"  seals         {', '.join(view.seals) or 'none'}",
        f"  registered    {local} = {utc}",
        f"  allowed now   {', '.join(e.value for e in view.allowed) or 'nothing (final)'}",
    ]


def _list(args: argparse.Namespace, session: Session) -> int:
    ctx, _ = session.signed_in()
    status = SampleStatus(args.status) if args.status else None
    rows: list[SampleRow] = []
    after: str | None = None
    while page := ctx.query(
        partial(lookup.sample_page, after_code=after, limit=1000, status=status)
    ):
        rows.extend(page)
        after = page[-1].code
    if args.json:
        print_json(rows)
        return 0
    out(f"{'SAMPLE':<22} {'STATUS':<10} {'WHERE':<16} {'NET WEIGHT':>14}  CASE / EXHIBIT")
    for row in rows:
        out(
            f"{row.code:<22} {row.status.value:<10} {row.location or '':<16} "
            f"{grams(row.net_weight):>14}  {row.case_number} / {row.exhibit_number}"
        )
    out(f"{len(rows)} sample(s)")
    return 0
