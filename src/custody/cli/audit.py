"""Reading the record: a sample's custody history, and verifying the journal."""

from __future__ import annotations

import argparse
import sys
from dataclasses import asdict
from functools import partial
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from custody import verifier
from custody.cli.common import (
    Session,
    UsageError,
    command,
    err,
    grams,
    local_and_utc,
    out,
    print_json,
    sample_id,
)
from custody.services import audit, lookup
from custody.services.lookup import EventView

EXIT_TAMPERED = 1
EXIT_COULD_NOT_RUN = 2


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    history = command(
        commands, "history", _history, "a sample's custody timeline", json_output=True
    )
    history.add_argument("sample", help="sample ID or scanned compact code")
    verify = command(
        commands,
        "verify",
        _verify,
        "check the journal's hash chain and replay it against the records "
        "(exit 0 intact, 1 tampered, 2 could not run)",
        json_output=True,
    )
    verify.set_defaults(refusal_exit=EXIT_COULD_NOT_RUN)
    verify.add_argument(
        "--checkpoint",
        action="append",
        default=[],
        type=Path,
        metavar="FILE",
        help="a signed checkpoint held outside the database (JSON, e.g. from `checkpoint "
        "latest --out` or an export bundle): the journal must still match it",
    )
    verify.add_argument(
        "--checkpoint-code",
        action="append",
        default=[],
        metavar="CODE",
        help="the checkpoint code printed on a manifest (its QR, scanned or typed)",
    )


# --- history --------------------------------------------------------------------------------


def _history(args: argparse.Namespace, session: Session) -> int:
    ctx, _ = session.signed_in()
    target = sample_id(ctx, args.sample)
    view = ctx.query(partial(lookup.find_sample, raw=args.sample))
    events = ctx.query(partial(lookup.history, sample_id=target))
    corrected_by = {e.corrects_id: e.id for e in events if e.corrects_id is not None}
    if args.json:
        print_json(
            {
                "sample": view.code,
                "compact": view.compact,
                "status": view.status,
                "lab_zone": ctx.zone,
                "events": [_event_json(e, ctx.zone, corrected_by.get(e.id)) for e in events],
            }
        )
        return 0
    out(f"Custody history of {view.code} (now {view.status.value}), times in {ctx.zone} and UTC")
    for event in events:
        out()
        for line in _event_block(event, ctx.zone, corrected_by.get(event.id)):
            out(line)
    out()
    out(f"{len(events)} event(s)")
    return 0


def _event_json(event: EventView, zone: str, corrected_by: int | None) -> dict[str, Any]:
    return {
        **asdict(event),
        "occurred_at_local": event.occurred_at.astimezone(ZoneInfo(zone)).isoformat(),
        "corrected_by": corrected_by,
    }


def _arrow(before: str | None, after: str | None) -> str:
    return f"{before or '—'} → {after or '—'}"


def _event_block(event: EventView, zone: str, corrected_by: int | None) -> list[str]:
    local, utc = local_and_utc(event.occurred_at, zone)
    title = f"#{event.id}  {event.event_type.value.upper()}  {local} = {utc}"
    lines = [title]
    if event.corrects_id is not None:
        lines.append(f"    CORRECTION of event #{event.corrects_id}; reason: {event.reason or '—'}")
    if corrected_by is not None:
        lines.append(f"    (corrected later by event #{corrected_by})")
    if event.from_person or event.to_person:
        lines.append(f"    people       {_arrow(event.from_person, event.to_person)}")
    if event.witness:
        lines.append(f"    witness      {event.witness}")
    if event.from_location or event.to_location:
        lines.append(f"    location     {_arrow(event.from_location, event.to_location)}")
    if event.seals_before or event.seals_after or event.seal_intact is not None:
        intact = ""
        if event.seal_intact is not None:
            intact = "  (seals found intact)" if event.seal_intact else "  (seals found BROKEN)"
        lines.append(f"    seals        {_arrow(event.seals_before, event.seals_after)}{intact}")
    if event.weight is not None:
        lines.append(f"    weight       {grams(event.weight)}")
    if event.purpose:
        lines.append(f"    purpose      {event.purpose}")
    if event.notes:
        lines.append(f"    notes        {event.notes}")
    if event.meaning:
        lines.append(f"    signature    {event.meaning}")
    lines.append(f"    recorded by  {event.recorded_by} at workstation {event.workstation}")
    lines.append(f"    auth         {event.auth}")
    if zone != event.zone:
        lines.append(f"    (recorded in time zone {event.zone})")
    return lines


# --- verify ---------------------------------------------------------------------------------


def _progress(done: int, total: int) -> None:
    print(f"\rchecked {done:,} of {total:,} journal entries", end="", file=sys.stderr)


def _verify(args: argparse.Namespace, session: Session) -> int:
    ctx, _ = session.signed_in()
    progress = _progress if sys.stderr.isatty() and not args.json else None
    held = _held(args.checkpoint, args.checkpoint_code)
    report: audit.VerifyReport = ctx.query(partial(audit.verify, progress=progress, held=held))
    if progress is not None:
        err("")
    if args.json:
        print_json(
            {
                "database": session.db_location,
                "intact": report.intact,
                "entries": report.entries,
                "head_hash": report.head_hash if report.chain_break is None else None,
                "records_compared": report.records_compared,
                "checkpoints": report.checkpoints,
                "held_checkpoints_matched": report.held,
                "chain_break": report.chain_break,
                "divergence": report.divergence,
                "meaning": audit.verify_meaning(report),
                "notes": report.notes,
            }
        )
    else:
        for line in _verify_text(report, session.db_location):
            out(line)
    return 0 if report.intact else EXIT_TAMPERED


def _held(files: list[Path], codes: list[str]) -> list[dict[str, Any]]:
    held = []
    try:
        for path in files:
            held.append(verifier.loads(path.read_bytes(), str(path)))
        held += [verifier.parse_checkpoint_code(code) for code in codes]
    except OSError as error:
        raise UsageError(f"cannot read a checkpoint: {error}") from None
    except verifier.Invalid as error:
        raise UsageError(str(error)) from None
    for statement in held:
        if not isinstance(statement, dict) or statement.get("type") != "custody.checkpoint":
            raise UsageError("a --checkpoint file is not a Custody checkpoint")
    return held


def _verify_text(report: audit.VerifyReport, where: str) -> list[str]:
    head = report.head_hash if report.chain_break is None else "(not reached: the chain is broken)"
    lines = [
        f"Database:                {where}",
        f"Journal entries checked: {report.entries}",
        f"Head hash:               {head}",
        f"Records compared:        {report.records_compared}",
        f"Signed checkpoints:      {report.checkpoints} re-checked"
        + (f", {report.held} held outside the database matched" if report.held else ""),
    ]
    lines += [f"Note: {note}" for note in report.notes]
    if report.intact:
        lines.append(audit.verdict(report))
        return lines
    if report.chain_break is not None:
        lines += [audit.verdict(report), f"  problem: {report.chain_break.problem}"]
    elif report.divergence is not None:
        d = report.divergence
        lines += [
            audit.verdict(report),
            f"  table:          {d.table}",
            f"  record key:     {d.key}",
            f"  field:          {d.field or '(the whole row)'}",
            f"  journal value:  {audit.shown_value(d.journal_value)}",
            f"  table value:    {audit.shown_value(d.table_value)}",
            "  last journal entry touching it: "
            + (f"seq {d.last_seq}" if d.last_seq is not None else "none"),
            f"  problem: {d.problem}",
        ]
    lines.append(f"  meaning: {audit.verify_meaning(report)}")
    return lines
