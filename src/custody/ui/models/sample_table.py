"""The samples table: lazy, keyset-paged rows of `SampleRow` (frozen, no database knowledge).

The window injects a loader `(after_code, limit) -> list[SampleRow]` that returns the samples
ordered by code after `after_code`; the model asks for the next page when the view scrolls near
the end (`canFetchMore`/`fetchMore`). A filter change is a new loader (`set_loader`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from custody.errors import CustodyError
from custody.services.lookup import SampleRow
from custody.ui.labels import status_label

Loader = Callable[[str | None, int], Sequence[SampleRow]]
Index = QModelIndex | QPersistentModelIndex

PAGE_SIZE = 200
ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the SampleRow of a line

_NUMERIC = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_TEXT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


class SampleTableModel(QAbstractTableModel):
    """Read-only, append-only while paging; `reset()` reloads from the first sample."""

    (CODE, CASE, EXHIBIT, DESCRIPTION, STATUS, LOCATION, WEIGHT, REGISTERED) = range(8)

    load_failed = Signal(str)  # a known error (e.g. the database is busy) while loading a page
    page_loaded = Signal(int)  # number of rows added

    def __init__(
        self, loader: Loader, zone: str, *, page_size: int = PAGE_SIZE, parent: Any = None
    ) -> None:
        super().__init__(parent)
        self._loader = loader
        self._zone = ZoneInfo(zone)
        self._page_size = max(1, page_size)
        self._rows: list[SampleRow] = []
        self._exhausted = False
        self._loading = False
        self._resetting = False
        self._headers = (
            self.tr("Sample ID"),
            self.tr("Case"),
            self.tr("Exhibit"),
            self.tr("Description"),
            self.tr("Status"),
            self.tr("Location"),
            self.tr("Net weight (g)"),
            self.tr("Registered"),
        )

    # --- our API ----------------------------------------------------------------------------

    def set_loader(self, loader: Loader) -> None:
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

    def row_at(self, row: int) -> SampleRow:
        return self._rows[row]

    @property
    def exhausted(self) -> bool:
        """True when every matching sample is loaded."""
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
        after = self._rows[-1].code if self._rows else None
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
            return _NUMERIC if section in (self.EXHIBIT, self.WEIGHT) else _TEXT
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.parent().isValid():
            return None
        row, column = index.row(), index.column()
        if not (0 <= row < len(self._rows) and 0 <= column < len(self._headers)):
            return None
        sample = self._rows[row]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(sample, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(sample, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _NUMERIC if column in (self.EXHIBIT, self.WEIGHT) else _TEXT
        if role == ROW_ROLE:
            return sample
        return None

    # --- formatting -------------------------------------------------------------------------

    def _display(self, sample: SampleRow, column: int) -> str:
        if column == self.CODE:
            return sample.code
        if column == self.CASE:
            return sample.case_number
        if column == self.EXHIBIT:
            return str(sample.exhibit_number)
        if column == self.DESCRIPTION:
            return sample.description
        if column == self.STATUS:
            return status_label(sample.status)
        if column == self.LOCATION:
            return sample.location or "—"
        if column == self.WEIGHT:
            return format_grams(sample.net_weight)
        return sample.created_at.astimezone(self._zone).strftime("%Y-%m-%d %H:%M")

    def _tooltip(self, sample: SampleRow, column: int) -> str | None:
        if column == self.LOCATION and sample.location is None:
            return self.tr("Not in a storage location (held by a person or in transit)")
        if column == self.REGISTERED:
            local = sample.created_at.astimezone(self._zone)
            return f"{local:%Y-%m-%d %H:%M:%S} {self._zone.key} ({local:%z})"
        return sample.description


def format_grams(weight: Decimal) -> str:
    """Grams with the four decimals the balances record, thousands separated."""
    return f"{weight:,.4f}"
