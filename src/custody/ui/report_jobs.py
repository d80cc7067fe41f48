"""Building a supervisor report on a worker thread (`ui.tasks.run_task`), in the CLI's order
(`cli/report_cmds.py`): the service reads the data (a custody report verifies the whole journal
first, reporting its progress), the PDF is drawn, and producing it is journaled
(`report.custody|inventory|shipments`, with the content fingerprint) before anything shows it,
writes it or prints it.

Everything a job needs is captured on the GUI thread when it is made (the context, who asked,
the input, the texts to show); the worker never reads a widget. A Cancel is honoured until the
report is journaled; after that the report exists and is delivered.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from custody.context import AppContext
from custody.services import reports
from custody.services.work import Actor
from custody.ui.tasks import Progress

__all__ = ["ReportJob", "ReportPdf", "Stages", "custody_job", "inventory_job", "shipments_job"]

ReportJob = Callable[[Progress], "ReportPdf"]


@dataclass(frozen=True)
class ReportPdf:
    """A report as made and journaled: exactly the bytes that Save and Print output."""

    kind: str  # custody | inventory | shipments (journaled as report.<kind>)
    subject: str  # as journaled: sample:<ID>, location:<scope> or shipments
    scope: str  # the sample ID, the location code ("all": every location), or ""
    count: int  # journal entries / samples / shipments in the report
    data: bytes
    fingerprint: str  # the content fingerprint printed on every page and journaled
    intact: bool = True  # custody report: did the journal verify?
    problem: str = ""  # custody report: what did not verify

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()

    @property
    def file_name(self) -> str:
        """The name suggested when saving: custody-MX-AICM-2026-000001.pdf, inventory-all.pdf…"""
        stem = "-".join(part for part in (self.kind, self.scope) if part)
        return re.sub(r"[^A-Za-z0-9._-]+", "-", stem).strip("-") + ".pdf"


@dataclass(frozen=True)
class Stages:
    """What the progress dialog says at each stage (translated on the GUI thread)."""

    chain: str  # checking the hash chain (determinate)
    compare: str  # replaying the journal against the records (busy)
    reading: str  # reading the records of a list report (busy)
    drawing: str  # drawing the PDF (busy)


def _journal(ctx: AppContext, actor: Actor | None, kind: str, subject: str, fp: str) -> None:
    record = partial(reports.record_print, report=kind, subject=subject, fingerprint=fp)
    ctx.perform(f"report {kind}", record, actor=actor)


def _drawn(progress: Progress, stages: Stages, draw: Callable[[], bytes]) -> bytes:
    progress.say(stages.drawing)
    progress(0, 0)
    return draw()


def custody_job(ctx: AppContext, actor: Actor | None, raw: str, stages: Stages) -> ReportJob:
    """The chain-of-custody report of the sample ``raw`` (an ID or a scanned code)."""

    def run(progress: Progress) -> ReportPdf:
        def step(done: int, total: int) -> None:
            progress(done, total)
            if total > 0 and done >= total:  # the chain is checked; the replay compares records
                progress.say(stages.compare)
                progress(done, 0)

        from custody.render.report_pdf import render_custody_report  # reportlab: when drawn

        progress.say(stages.chain)
        build = partial(reports.custody_report, raw_sample=raw, progress=step)
        report = ctx.query(build, actor=actor)
        data = _drawn(progress, stages, partial(render_custody_report, report))
        progress.check()  # the last moment a Cancel leaves no trace
        sample = report.sample.sample_id
        _journal(ctx, actor, "custody", f"sample:{sample}", report.fingerprint)
        return ReportPdf(
            "custody",
            f"sample:{sample}",
            sample,
            len(report.events),
            data,
            report.fingerprint,
            report.verification.intact,
            report.verification.message,
        )

    return run


def inventory_job(
    ctx: AppContext, actor: Actor | None, location: str | None, stages: Stages
) -> ReportJob:
    """The inventory of ``location`` and everything under it (None: every location)."""

    def run(progress: Progress) -> ReportPdf:
        progress.say(stages.reading)
        progress(0, 0)
        from custody.render.report_pdf import render_inventory

        report = ctx.query(partial(reports.inventory, location=location), actor=actor)
        data = _drawn(progress, stages, partial(render_inventory, report))
        progress.check()
        subject = f"location:{report.scope}"
        _journal(ctx, actor, "inventory", subject, report.fingerprint)
        return ReportPdf("inventory", subject, report.scope, report.total, data, report.fingerprint)

    return run


def shipments_job(ctx: AppContext, actor: Actor | None, stages: Stages) -> ReportJob:
    """The shipment summary: every shipment, newest first."""

    def run(progress: Progress) -> ReportPdf:
        progress.say(stages.reading)
        progress(0, 0)
        from custody.render.report_pdf import render_shipment_summary

        report = ctx.query(reports.shipment_summary, actor=actor)
        data = _drawn(progress, stages, partial(render_shipment_summary, report))
        progress.check()
        _journal(ctx, actor, "shipments", "shipments", report.fingerprint)
        return ReportPdf("shipments", "shipments", "", len(report.rows), data, report.fingerprint)

    return run
