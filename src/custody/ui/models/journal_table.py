"""The journal table: lazy, keyset-paged `JournalLine`s (frozen, no database knowledge).

The view injects a loader `(after_seq, limit) -> list[JournalLine]` returning the entries that
match its filters in seq order after `after_seq`; the model asks for the next page when the
table scrolls near the end (`canFetchMore`/`fetchMore`). A filter change is a new loader.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC
from typing import Any
from zoneinfo import ZoneInfo

from custody.services.journal_view import JournalLine
from custody.ui.i18n import format_date_time
from custody.ui.models.keyset import PAGE_SIZE as PAGE_SIZE
from custody.ui.models.keyset import ROW_ROLE as ROW_ROLE
from custody.ui.models.keyset import KeysetTableModel

JournalLoader = Callable[[int | None, int], Sequence[JournalLine]]


class JournalTableModel(KeysetTableModel):
    """Read-only, append-only while paging; `reset()` reloads from the first entry."""

    (SEQ, TIME, ACTOR, WORKSTATION, KIND, SUBJECT, SUMMARY) = range(7)
    NUMERIC_COLUMNS = frozenset({SEQ})

    def __init__(
        self, loader: JournalLoader, zone: str, *, page_size: int = PAGE_SIZE, parent: Any = None
    ) -> None:
        super().__init__(loader, page_size=page_size, parent=parent)
        self._zone = ZoneInfo(zone)
        self._headers = (
            self.tr("Seq"),
            self.tr("Time ({zone})").format(zone=zone),
            self.tr("Actor"),
            self.tr("Workstation"),
            self.tr("Kind"),
            self.tr("Subject"),
            self.tr("Details"),
        )

    # --- our API ----------------------------------------------------------------------------

    def _key(self, row: JournalLine) -> object:
        return row.seq

    def row_at(self, row: int) -> JournalLine:
        return self._rows[row]

    # --- formatting -------------------------------------------------------------------------

    def _display(self, line: JournalLine, column: int) -> str:
        if column == self.SEQ:
            return str(line.seq)
        if column == self.TIME:
            if line.at is None:
                return self.tr("(unreadable)")
            return format_date_time(line.at.astimezone(self._zone), seconds=True)
        if column == self.ACTOR:
            return line.actor or "—"
        if column == self.WORKSTATION:
            return line.workstation
        if column == self.KIND:
            return line.kind
        if column == self.SUBJECT:
            return line.subject or "—"
        return line.summary

    def _tooltip(self, line: JournalLine, column: int) -> str | None:
        if column == self.TIME and line.at is not None:
            local = line.at.astimezone(self._zone)
            utc = line.at.astimezone(UTC)
            text = f"{local:%Y-%m-%d %H:%M:%S} {self._zone.key} = {utc:%Y-%m-%d %H:%M:%S.%f} UTC"
            if line.zone != self._zone.key:
                text += "\n" + self.tr("Recorded in time zone {zone}").format(zone=line.zone)
            return text
        if column == self.ACTOR and line.actor is None:
            return self.tr("Nobody was signed in (e.g. a failed sign-in or the lab's set-up)")
        if column == self.SUMMARY:
            return line.summary
        return None
