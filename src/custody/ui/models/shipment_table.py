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
    QCoreApplication,
    QModelIndex,
)

from custody.domain.enums import ShipmentStatus
from custody.services.shipment_views import ShipmentRow
from custody.ui.i18n import format_date_time
from custody.ui.models.keyset import PAGE_SIZE as PAGE_SIZE
from custody.ui.models.keyset import ROW_ROLE as ROW_ROLE
from custody.ui.models.keyset import KeysetTableModel

Loader = Callable[[int | None, int], Sequence[ShipmentRow]]

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
    return "—" if moment is None else format_date_time(moment.astimezone(zone))


class ShipmentTableModel(KeysetTableModel):
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
    NUMERIC_COLUMNS = frozenset({REVISION, SAMPLES})

    def __init__(
        self, loader: Loader, zone: str, *, page_size: int = PAGE_SIZE, parent: Any = None
    ) -> None:
        super().__init__(loader, page_size=page_size, parent=parent)
        self._zone = ZoneInfo(zone)
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

    def _key(self, row: ShipmentRow) -> object:
        return row.id

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

    # --- formatting -------------------------------------------------------------------------

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
