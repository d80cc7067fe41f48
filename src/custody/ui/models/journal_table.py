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

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from custody.errors import CustodyError
from custody.services.journal_view import JournalLine

JournalLoader = Callable[[int | None, int], Sequence[JournalLine]]
Index = QModelIndex | QPersistentModelIndex

PAGE_SIZE = 200
ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the JournalLine of a line

_NUMERIC = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_TEXT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


class JournalTableModel(QAbstractTableModel):
    """Read-only, append-only while paging; `reset()` reloads from the first entry."""

    (SEQ, TIME, ACTOR, WORKSTATION, KIND, SUBJECT, SUMMARY) = range(7)

    load_failed = Signal(str)  # a known error (a refused filter, a busy database) on a page
    page_loaded = Signal(int)  # number of rows added

    def __init__(
        self, loader: JournalLoader, zone: str, *, page_size: int = PAGE_SIZE, parent: Any = None
    ) -> None:
        super().__init__(parent)
        self._loader = loader
        self._zone = ZoneInfo(zone)
        self._page_size = max(1, page_size)
        self._rows: list[JournalLine] = []
        self._exhausted = False
        self._loading = False
        self._resetting = False
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

    def set_loader(self, loader: JournalLoader) -> None:
        """Use a new loader (a new filter) and reload from the start."""
        self._loader = loader
        self.reset()

    def reset(self) -> None:
        """Forget every row and load the first page again."""
        self._resetting = True  # listeners of modelReset may ask for more: not mid-reset
        self.beginResetModel()
        self._rows = []
        self._exhausted = False
        self.endResetModel()
        self._resetting = False
        self.fetchMore(QModelIndex())

    def row_at(self, row: int) -> JournalLine:
        return self._rows[row]

    @property
    def exhausted(self) -> bool:
        """True when every matching entry is loaded."""
        return self._exhausted

    # --- Qt overrides -----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def canFetchMore(self, parent: Index) -> bool:
        return not (parent.isValid() or self._exhausted or self._resetting)

    def fetchMore(self, parent: Index) -> None:
        if not self.canFetchMore(parent) or self._loading:
            return
        after = self._rows[-1].seq if self._rows else None
        self._loading = True  # listeners of rowsInserted may ask for more: not mid-insert
        try:
            page = list(self._loader(after, self._page_size))
        except CustodyError as error:
            self._exhausted = True  # do not retry in a loop; a reset tries again
            self._loading = False
            self.load_failed.emit(str(error))
            return
        try:
            if len(page) < self._page_size:
                self._exhausted = True
            if page:
                first = len(self._rows)
                self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
                self._rows.extend(page)
                self.endInsertRows()
        finally:
            self._loading = False
        self.page_loaded.emit(len(page))

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._headers):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _NUMERIC if section == self.SEQ else _TEXT
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.parent().isValid():
            return None
        row, column = index.row(), index.column()
        if not (0 <= row < len(self._rows) and 0 <= column < len(self._headers)):
            return None
        line = self._rows[row]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(line, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(line, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _NUMERIC if column == self.SEQ else _TEXT
        if role == ROW_ROLE:
            return line
        return None

    # --- formatting -------------------------------------------------------------------------

    def _display(self, line: JournalLine, column: int) -> str:
        if column == self.SEQ:
            return str(line.seq)
        if column == self.TIME:
            if line.at is None:
                return self.tr("(unreadable)")
            return line.at.astimezone(self._zone).strftime("%Y-%m-%d %H:%M:%S")
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
