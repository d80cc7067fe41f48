"""The shipments table: lazy, keyset-paged rows of `ShipmentRow` (frozen, no database knowledge).

The view injects a loader `(after_id, limit) -> list[ShipmentRow]` returning shipments by number
after `after_id` (a status filter is a new loader, `set_loader`); the model asks for the next
page when the view scrolls near the end (`canFetchMore`/`fetchMore`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from custody.domain.enums import ShipmentStatus
from custody.errors import CustodyError
from custody.services.shipment_views import ShipmentRow

Loader = Callable[[int | None, int], Sequence[ShipmentRow]]
Index = QModelIndex | QPersistentModelIndex

PAGE_SIZE = 200
ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the ShipmentRow of a line

_NUMERIC = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_TEXT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter

_STATUS = {
    ShipmentStatus.DRAFT: QT_TRANSLATE_NOOP("shipments", "Draft"),
    ShipmentStatus.PACKING: QT_TRANSLATE_NOOP("shipments", "Packing"),
    ShipmentStatus.APPROVED: QT_TRANSLATE_NOOP("shipments", "Approved"),
    ShipmentStatus.DISPATCHED: QT_TRANSLATE_NOOP("shipments", "Dispatched"),
    ShipmentStatus.RECEIVED: QT_TRANSLATE_NOOP("shipments", "Received"),
    ShipmentStatus.RECONCILED: QT_TRANSLATE_NOOP("shipments", "Reconciled"),
    ShipmentStatus.CANCELLED: QT_TRANSLATE_NOOP("shipments", "Cancelled"),
}


def shipment_status_label(status: ShipmentStatus) -> str:
    """The translated name of a shipment status (the stored value stays English)."""
    return QCoreApplication.translate("shipments", str(_STATUS[status]))


def local_time(moment: datetime | None, zone: ZoneInfo) -> str:
    return "—" if moment is None else moment.astimezone(zone).strftime("%Y-%m-%d %H:%M")


class ShipmentTableModel(QAbstractTableModel):
    """Read-only, append-only while paging; `reset()` reloads from the first shipment."""

    (
        MANIFEST,
        REVISION,
        STATUS,
        CONSIGNEE,
        CARRIER,
        WAYBILL,
        SAMPLES,
        CREATED,
        DISPATCHED,
        RECEIVED,
        CLEAN,
    ) = range(11)

    load_failed = Signal(str)  # a known error (e.g. the database is busy) while loading a page
    page_loaded = Signal(int)  # number of rows added

    def __init__(
        self, loader: Loader, zone: str, *, page_size: int = PAGE_SIZE, parent: Any = None
    ) -> None:
        super().__init__(parent)
        self._loader = loader
        self._zone = ZoneInfo(zone)
        self._page_size = max(1, page_size)
        self._rows: list[ShipmentRow] = []
        self._exhausted = False
        self._loading = False
        self._resetting = False
        self._headers = (
            self.tr("Manifest"),
            self.tr("Rev."),
            self.tr("Status"),
            self.tr("Consignee"),
            self.tr("Carrier"),
            self.tr("Waybill"),
            self.tr("Samples"),
            self.tr("Created"),
            self.tr("Dispatched"),
            self.tr("Received"),
            self.tr("Clean"),
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

    def row_at(self, row: int) -> ShipmentRow:
        return self._rows[row]

    def row_of(self, shipment_id: int) -> int | None:
        """The line of a shipment, loading pages until it is reached; None if not listed."""
        while True:
            for number, row in enumerate(self._rows):
                if row.id == shipment_id:
                    return number
            past = bool(self._rows) and self._rows[-1].id > shipment_id
            if past or not self.canFetchMore(QModelIndex()):
                return None
            self.fetchMore(QModelIndex())

    @property
    def exhausted(self) -> bool:
        """True when every matching shipment is loaded."""
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
        after = self._rows[-1].id if self._rows else None
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
            return self._alignment(section)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.parent().isValid():
            return None
        row, column = index.row(), index.column()
        if not (0 <= row < len(self._rows) and 0 <= column < len(self._headers)):
            return None
        shipment = self._rows[row]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(shipment, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(shipment, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self._alignment(column)
        if role == ROW_ROLE:
            return shipment
        return None

    # --- formatting -------------------------------------------------------------------------

    def _alignment(self, column: int) -> Qt.AlignmentFlag:
        return _NUMERIC if column in (self.REVISION, self.SAMPLES) else _TEXT

    def _display(self, s: ShipmentRow, column: int) -> str:
        if column == self.MANIFEST:
            return s.manifest_number
        if column == self.REVISION:
            return str(s.revision) if s.revision else "—"
        if column == self.STATUS:
            return shipment_status_label(s.status)
        if column == self.CONSIGNEE:
            return s.consignee or "—"
        if column == self.CARRIER:
            return s.carrier or "—"
        if column == self.WAYBILL:
            return s.waybill or "—"
        if column == self.SAMPLES:
            return str(s.samples)
        if column == self.CREATED:
            return local_time(s.created_at, self._zone)
        if column == self.DISPATCHED:
            return local_time(s.dispatched_at, self._zone)
        if column == self.RECEIVED:
            return local_time(s.received_at, self._zone)
        if s.closed_clean is None:
            return "—"
        return self.tr("Yes") if s.closed_clean else self.tr("No")

    def _tooltip(self, s: ShipmentRow, column: int) -> str | None:
        if column == self.REVISION and not s.revision:
            return self.tr("No manifest yet: it is issued when a supervisor approves.")
        if column == self.CLEAN:
            if s.closed_clean is None:
                return self.tr("Not closed yet")
            if not s.closed_clean:
                return self.tr("Closed with unresolved discrepancies (a reason was recorded)")
            return self.tr("Closed with every discrepancy resolved")
        moment = {
            self.CREATED: s.created_at,
            self.DISPATCHED: s.dispatched_at,
            self.RECEIVED: s.received_at,
        }.get(column)
        if moment is not None:
            local = moment.astimezone(self._zone)
            return f"{local:%Y-%m-%d %H:%M:%S} {self._zone.key} ({local:%z})"
        return None
