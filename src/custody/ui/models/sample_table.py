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
    Qt,
)

from custody.services.lookup import SampleRow
from custody.ui.labels import status_label
from custody.ui.models.keyset import PAGE_SIZE as PAGE_SIZE
from custody.ui.models.keyset import ROW_ROLE as ROW_ROLE
from custody.ui.models.keyset import Index, KeysetTableModel

Loader = Callable[[str | None, int], Sequence[SampleRow]]


class SampleTableModel(KeysetTableModel):
    """Read-only, append-only while paging; `reset()` reloads from the first sample."""

    (CODE, CASE, EXHIBIT, DESCRIPTION, STATUS, LOCATION, WEIGHT, REGISTERED) = range(8)
    NUMERIC_COLUMNS = frozenset({EXHIBIT, WEIGHT})

    def __init__(
        self, loader: Loader, zone: str, *, page_size: int = PAGE_SIZE, parent: Any = None
    ) -> None:
        super().__init__(loader, page_size=page_size, parent=parent)
        self._zone = ZoneInfo(zone)
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

    def _key(self, row: SampleRow) -> object:
        return row.code

    def row_at(self, row: int) -> SampleRow:
        return self._rows[row]

    # --- Qt overrides -----------------------------------------------------------------------

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
            return self.alignment(column)
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
