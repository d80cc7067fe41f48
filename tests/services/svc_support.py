"""Helpers for service tests: read back what was really written."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import text

from custody.context import AppContext


def journal_rows(ctx: AppContext) -> list[dict[str, Any]]:
    with ctx.engine.connect() as conn:
        rows = conn.execute(text("SELECT seq, kind, subject, payload FROM journal ORDER BY seq"))
        return [{"seq": r[0], "kind": r[1], "subject": r[2], **json.loads(r[3])} for r in rows]


def count(ctx: AppContext, table: str) -> int:
    with ctx.engine.connect() as conn:
        return int(conn.execute(text(f"SELECT COUNT(*) FROM {table}")).scalar_one())


class Snapshot:
    """Row counts of every record table plus the journal length, to prove nothing was written."""

    TABLES = (
        "samples",
        "seals",
        "custody_events",
        "cases",
        "seizures",
        "exhibits",
        "people",
        "locations",
        "id_counters",
        "shipments",
        "shipment_packages",
        "shipment_items",
        "manifests",
        "signatures",
        "receipt_scans",
        "discrepancies",
        "label_prints",
        "printer_calibrations",
    )

    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx
        self.counts = {t: count(ctx, t) for t in self.TABLES}
        self.entries = count(ctx, "journal")

    def assert_only_denial(self, kind: str = "denied") -> dict[str, Any]:
        """Nothing but one journaled denial was written since the snapshot."""
        assert {t: count(self.ctx, t) for t in self.TABLES} == self.counts
        rows = journal_rows(self.ctx)
        assert len(rows) == self.entries + 1, [r["kind"] for r in rows[self.entries :]]
        last = rows[-1]
        assert last["kind"] == kind
        assert last["changes"] == [] or kind == "auth.failed"
        return last
