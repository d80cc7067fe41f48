"""The lazy, keyset-paged table model every big list shares (samples, shipments, journal).

A view injects a loader `(after_key, limit) -> rows` returning the rows that follow the key of
the last row loaded (a filter change is a new loader, `set_loader`); the model asks for the next
page when the view scrolls near the end (`canFetchMore`/`fetchMore`), so opening a list of
1,000,000 rows costs one page. Rows are frozen records with no database knowledge. A subclass
sets `_headers`, names the key of a row (`_key`) and formats cells (`_display`, `_tooltip`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from custody.errors import CustodyError
from custody.ui.error_text import error_text

Index = QModelIndex | QPersistentModelIndex
PAGE_SIZE = 200
ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the row record of a line
NUMERIC = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
TEXT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


class KeysetTableModel(QAbstractTableModel):
    """Read-only, append-only while paging; `reset()` reloads from the first row."""

    load_failed = Signal(str)  # a known error (e.g. the database is busy) while loading a page
    page_loaded = Signal(int)  # number of rows added
    NUMERIC_COLUMNS: frozenset[int] = frozenset()  # right-aligned columns

    def __init__(
        self,
        loader: Callable[[Any, int], Sequence[Any]],
        *,
        page_size: int = PAGE_SIZE,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._loader = loader
        self._page_size = max(1, page_size)
        self._rows: list[Any] = []
        self._headers: tuple[str, ...] = ()
        self._exhausted = False
        self._loading = False
        self._resetting = False

    def _key(self, row: Any) -> Any:
        """The keyset key of a row (what the loader takes as `after`)."""
        raise NotImplementedError

    # --- our API ----------------------------------------------------------------------------

    def set_loader(self, loader: Callable[[Any, int], Sequence[Any]]) -> None:
        """Use a new loader (a new filter) and reload from the start."""
        self._loader = loader
        self.reset()

    def reset(self) -> None:
        """Forget every row and load the first page again."""
        self._resetting = True  # listeners of modelReset may ask for more: not mid-reset
        self.beginResetModel()
        self._clear()
        self.endResetModel()
        self._resetting = False
        self.fetchMore(QModelIndex())

    def _clear(self) -> None:
        """Forget every row (called between beginResetModel and endResetModel)."""
        self._rows = []
        self._exhausted = False

    @property
    def exhausted(self) -> bool:
        """True when every matching row is loaded."""
        return self._exhausted

    def alignment(self, column: int) -> Qt.AlignmentFlag:
        return NUMERIC if column in self.NUMERIC_COLUMNS else TEXT

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
        after = self._key(self._rows[-1]) if self._rows else None
        self._loading = True  # listeners of rowsInserted may ask for more: not mid-insert
        try:
            page = list(self._loader(after, self._page_size))
        except CustodyError as error:
            self._exhausted = True  # do not retry in a loop; a reset tries again
            self._loading = False
            self.load_failed.emit(error_text(error))
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
            return self.alignment(section)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.parent().isValid():
            return None
        column = index.column()
        if not 0 <= column < len(self._headers):
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self.alignment(column)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, ROW_ROLE):
            return None
        record = self._record(index.row())
        if record is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(record, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(record, column)
        return record

    # --- what a subclass formats ------------------------------------------------------------

    def _record(self, row: int) -> Any:
        """The row record shown at `row` (None when there is none loaded there)."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def _display(self, record: Any, column: int) -> str:
        raise NotImplementedError

    def _tooltip(self, record: Any, column: int) -> str | None:
        return None
