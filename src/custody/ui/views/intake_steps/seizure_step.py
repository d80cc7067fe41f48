"""Intake step 2: the seizure — port, place, date and time with its zone, conveyance, and the
reason the chain of custody starts."""

from __future__ import annotations

from datetime import datetime
from functools import partial
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, QDateTime, QTime, QTimeZone
from PySide6.QtWidgets import QComboBox, QDateTimeEdit, QFormLayout

from custody.context import AppContext
from custody.errors import CustodyError
from custody.services import intake
from custody.services.intake import PORTS, NewSeizure
from custody.services.lab import LabView
from custody.ui.error_text import error_text
from custody.ui.i18n import date_format, format_date_time, translate
from custody.ui.naming import zone_names
from custody.ui.views.intake_steps.step import IntakeState, IntakeStep
from custody.ui.widgets.checked_field import CheckedField, optional_text, required_text

__all__ = ["SeizureStep"]

_PLACES = {
    "AICM": QT_TRANSLATE_NOOP("SeizureStep", "AICM Terminal 1, cargo area"),
    "MZO": QT_TRANSLATE_NOOP("SeizureStep", "Port of Manzanillo, container terminal"),
    "LZC": QT_TRANSLATE_NOOP("SeizureStep", "Port of Lázaro Cárdenas, pier 2"),
    "OTHER": "",
}


def _place(port: str) -> str:
    """The usual place of seizure at `port`, in the interface language ("" for OTHER)."""
    place = _PLACES[port]
    return translate("SeizureStep", str(place)) if place else ""


def _zone_check(value: str) -> str | None:
    name = value.strip()
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return translate(
            "SeizureStep",
            "'{name}' is not a time zone name; use an IANA name such as America/Mexico_City.",
        ).format(name=name)
    return None


class SeizureStep(IntakeStep):
    def __init__(
        self, ctx: AppContext, lab: LabView, state: IntakeState, parent: Any = None
    ) -> None:
        super().__init__(ctx, lab, state, parent)
        self.title = self.tr("Seizure")
        self.port = QComboBox()
        self.port.setObjectName("port")
        for code, text in zip(
            PORTS,
            (
                self.tr("AICM — Mexico City International Airport"),
                self.tr("MZO — Port of Manzanillo"),
                self.tr("LZC — Port of Lázaro Cárdenas"),
                self.tr("OTHER — elsewhere (say where under Place)"),
            ),
            strict=True,
        ):
            self.port.addItem(text, code)
        self.place = CheckedField(
            "place", required_text(self.tr("place of seizure"), 200), max_length=200
        )
        self.when = QDateTimeEdit()
        self.when.setObjectName("seized_at")
        self.when.setTimeZone(QTimeZone.utc())  # carries the wall-clock time of `zone`
        self.when.setDisplayFormat(f"{date_format()} HH:mm")
        self.when.setCalendarPopup(True)
        self.zone = CheckedField("zone", _zone_check, max_length=64)
        self.zone.suggest(zone_names())
        self.conveyance = CheckedField(
            "conveyance",
            optional_text(self.tr("conveyance"), 300),
            placeholder=self.tr("flight / air waybill; vessel, voyage, container, B/L"),
            max_length=300,
        )
        self.reason = CheckedField(
            "reason",
            required_text(self.tr("reason the chain starts"), 2000),
            placeholder=self.tr("e.g. X-ray inspection by ANAM customs found…"),
            max_length=2000,
        )
        form = QFormLayout()
        form.addRow(self.tr("&Port:"), self.port)
        form.addRow(self.tr("P&lace:"), self.place)
        form.addRow(self.tr("Seized &at:"), self.when)
        form.addRow(self.tr("Time &zone:"), self.zone)
        form.addRow(self.tr("&Conveyance:"), self.conveyance)
        form.addRow(self.tr("&Reason the chain starts:"), self.reason)
        self.layout_.addLayout(form)
        self.finish_layout()
        self._fields = (self.place, self.zone, self.conveyance, self.reason)
        for field in self._fields:
            field.checked.connect(self.changed)
        self.when.dateTimeChanged.connect(self.changed)
        self.port.currentIndexChanged.connect(self._on_port_current_index_changed)
        self.reset()

    def seized_at(self) -> datetime | None:
        """The time typed, in the zone typed (None while the zone is not valid)."""
        if _zone_check(self.zone.text()) is not None:
            return None
        moment = self.when.dateTime()
        day, clock = moment.date(), moment.time()
        return datetime(
            day.year(),
            day.month(),
            day.day(),
            clock.hour(),
            clock.minute(),
            tzinfo=ZoneInfo(self.zone.text().strip()),
        )

    # --- the flow -----------------------------------------------------------------------------

    def available(self) -> bool:
        return self.state.case_id is not None

    def done(self) -> bool:
        return self.state.seizure_id is not None

    def blocker(self) -> str | None:
        if self.done():
            return None
        for field in self._fields:
            if (problem := field.problem()) is not None:
                return problem
        seized = self.seized_at()
        if seized is not None and seized > self.ctx.clock():
            return self.tr("The seizure time is in the future.")
        return None

    def next_text(self) -> str:
        return self.tr("&Next ›") if self.done() else self.tr("Register seizure && &next ›")

    def commit(self) -> bool:
        if self.done():
            return True
        seized = self.seized_at()
        case_id = self.state.case_id
        if seized is None or case_id is None:
            return False
        details = NewSeizure(
            str(self.port.currentData()),
            self.place.text(),
            seized,
            self.reason.text(),
            conveyance=self.conveyance.text() or None,
        )
        try:
            self.state.seizure_id = self.ctx.perform(
                "register seizure",
                partial(intake.register_seizure, case_id=case_id, details=details),
            )
        except CustodyError as error:
            message = error_text(error)
            target = self.reason if "reason" in str(error) else self.place  # English names it
            target.show_refusal(message)
            return False
        self._lock(True)
        self.show_done(
            self.tr("Seizure registered: {port}, {place}, {when}.").format(
                port=details.port,
                place=details.place,
                when=f"{format_date_time(seized)} {seized:%Z}",
            )
        )
        return True

    def reset(self) -> None:
        for field in self._fields:
            field.clear()
        self.port.setCurrentIndex(0)
        self.place.set_text(_place(PORTS[0]))
        self.zone.set_text(self.lab.timezone)
        now = self.ctx.clock().astimezone(ZoneInfo(self.lab.timezone))
        self.when.setDateTime(
            QDateTime(
                QDate(now.year, now.month, now.day), QTime(now.hour, now.minute), QTimeZone.utc()
            )
        )
        self._lock(False)
        self.show_done("")
        self.changed.emit()

    def _lock(self, locked: bool) -> None:
        self.port.setEnabled(not locked)
        self.when.setEnabled(not locked)
        for field in self._fields:
            field.set_locked(locked)

    def _on_port_current_index_changed(self, _index: int) -> None:
        """Suggest the usual place of the port, unless a place of one's own was typed."""
        if self.place.text() in {_place(port) for port in _PLACES}:
            self.place.set_text(_place(str(self.port.currentData())))
