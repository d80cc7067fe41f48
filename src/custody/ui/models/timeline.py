"""A sample's custody timeline: one row per custody event (`lookup.EventView`), in the order
recorded, times shown in the lab's zone. Read-only; the view replaces all events at once."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from custody.domain.enums import EventType
from custody.services.lookup import EventView
from custody.ui.i18n import format_date_time
from custody.ui.models.sample_table import format_grams

__all__ = ["EVENT_ROLE", "TimelineModel", "event_label"]

Index = QModelIndex | QPersistentModelIndex
EVENT_ROLE = Qt.ItemDataRole.UserRole + 1  # the EventView of a row

_NUMERIC = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_TEXT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_ALERT = QBrush(QColor("#b00020"))

_EVENTS = {
    EventType.COLLECT: QT_TRANSLATE_NOOP("events", "Collected"),
    EventType.SEAL: QT_TRANSLATE_NOOP("events", "Sealed"),
    EventType.TRANSFER: QT_TRANSLATE_NOOP("events", "Handed over"),
    EventType.STORE: QT_TRANSLATE_NOOP("events", "Stored"),
    EventType.RETRIEVE: QT_TRANSLATE_NOOP("events", "Retrieved"),
    EventType.OPEN: QT_TRANSLATE_NOOP("events", "Opened (seal broken)"),
    EventType.SUBSAMPLE: QT_TRANSLATE_NOOP("events", "Sub-sample drawn"),
    EventType.RESEAL: QT_TRANSLATE_NOOP("events", "Resealed"),
    EventType.WEIGH: QT_TRANSLATE_NOOP("events", "Re-weighed"),
    EventType.PACK: QT_TRANSLATE_NOOP("events", "Packed"),
    EventType.UNPACK: QT_TRANSLATE_NOOP("events", "Unpacked"),
    EventType.SHIP: QT_TRANSLATE_NOOP("events", "Shipped"),
    EventType.RECEIVE: QT_TRANSLATE_NOOP("events", "Received"),
    EventType.RETURN: QT_TRANSLATE_NOOP("events", "Returned"),
    EventType.DESTROY: QT_TRANSLATE_NOOP("events", "Destroyed"),
    EventType.CORRECT: QT_TRANSLATE_NOOP("events", "Correction"),
}


def event_label(event: EventType) -> str:
    return QCoreApplication.translate("events", str(_EVENTS[event]))


class TimelineModel(QAbstractTableModel):
    (
        TIME,
        EVENT,
        LOCATION,
        FROM,
        TO,
        WITNESS,
        SEALS,
        WEIGHT,
        PURPOSE,
        NOTES,
        MEANING,
        WORKSTATION,
    ) = range(12)

    def __init__(self, zone: str, parent: Any = None) -> None:
        super().__init__(parent)
        self._zone = ZoneInfo(zone)
        self._events: list[EventView] = []
        self._headers = (
            self.tr("Time ({zone})").format(zone=zone),
            self.tr("Event"),
            self.tr("Location"),
            self.tr("From"),
            self.tr("To"),
            self.tr("Witness"),
            self.tr("Seals"),
            self.tr("Weight (g)"),
            self.tr("Purpose"),
            self.tr("Notes"),
            self.tr("Signature means"),
            self.tr("Workstation"),
        )

    # --- our API ----------------------------------------------------------------------------

    def set_events(self, events: Sequence[EventView]) -> None:
        self.beginResetModel()
        self._events = list(events)
        self.endResetModel()

    def event_at(self, row: int) -> EventView:
        return self._events[row]

    # --- Qt overrides -----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._events)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

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
            return _NUMERIC if section == self.WEIGHT else _TEXT
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.parent().isValid():
            return None
        row, column = index.row(), index.column()
        if not (0 <= row < len(self._events) and 0 <= column < len(self._headers)):
            return None
        event = self._events[row]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(event, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(event, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _NUMERIC if column == self.WEIGHT else _TEXT
        if role == Qt.ItemDataRole.ForegroundRole and _is_alert(event):
            return _ALERT
        if role == EVENT_ROLE:
            return event
        return None

    # --- formatting -------------------------------------------------------------------------

    def _display(self, event: EventView, column: int) -> str:
        if column == self.TIME:
            return format_date_time(event.occurred_at.astimezone(self._zone))
        if column == self.EVENT:
            if event.corrects_id is not None:
                return self.tr("Correction of event #{id}").format(id=event.corrects_id)
            return event_label(event.event_type)
        if column == self.FROM:
            return event.from_person or ""
        if column == self.TO:
            return event.to_person or ""
        if column == self.WITNESS:
            return event.witness or ""
        if column == self.LOCATION:
            return _arrow(event.from_location, event.to_location)
        if column == self.SEALS:
            return self._seals(event)
        if column == self.WEIGHT:
            return format_grams(event.weight) if event.weight is not None else ""
        if column == self.PURPOSE:
            return event.purpose or ""
        if column == self.NOTES:
            reason = self.tr("Reason: {reason}").format(reason=event.reason) if event.reason else ""
            return "; ".join(part for part in (event.notes, reason) if part)
        if column == self.MEANING:
            return event.meaning or ""
        return event.workstation

    def _seals(self, event: EventView) -> str:
        seals = _arrow(event.seals_before, event.seals_after)
        if event.seal_intact is None:
            return seals
        state = self.tr("intact") if event.seal_intact else self.tr("NOT intact")
        return f"{seals} ({state})" if seals else state

    def _tooltip(self, event: EventView, column: int) -> str | None:
        if column == self.TIME:
            local = event.occurred_at.astimezone(self._zone)
            utc = event.occurred_at.astimezone(ZoneInfo("UTC"))
            return self.tr(
                "{local} {zone} ({offset}) = {utc} UTC\nrecorded by {who} at {where}; {auth}"
            ).format(
                local=f"{local:%Y-%m-%d %H:%M:%S}",
                zone=self._zone.key,
                offset=f"{local:%z}",
                utc=f"{utc:%Y-%m-%d %H:%M:%S}",
                who=event.recorded_by,
                where=event.workstation,
                auth=event.auth,
            )
        text = self._display(event, column)
        return text or None


def _arrow(before: str | None, after: str | None) -> str:
    if before and after:
        return f"{before} → {after}"
    if before:
        return f"{before} →"
    return f"→ {after}" if after else ""


def _is_alert(event: EventView) -> bool:
    return bool(event.notes and event.notes.startswith("ALERT")) or event.seal_intact is False
