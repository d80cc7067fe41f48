"""Per-printer label calibration: how far a printer's output must move to land on the label.

Sheets fed through office printers land a millimetre or two off, differently on each printer;
the clerk prints a calibration page (every label outline with a centre cross), measures how far
the crosses are from the real labels' centres, and stores that offset here for the pair
(printer, template). Every later print on that printer applies it. Offsets are entered in
millimetres (two decimals) and stored exactly as integer hundredths of a millimetre; a change is
journaled like any record change.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from custody.db import queries
from custody.db.models import PrinterCalibration
from custody.domain import text
from custody.domain.label_templates import MAX_CALIBRATION, TEMPLATES, Calibration
from custody.domain.messages import message_of, t
from custody.domain.permissions import Action
from custody.errors import ValidationError
from custody.services.work import Work

__all__ = [
    "MAX_OFFSET_MM",
    "CalibrationView",
    "calibration_for",
    "list_calibrations",
    "parse_mm",
    "set_calibration",
]

_POINTS_PER_MM = Decimal(72) / Decimal("25.4")
#: The largest offset accepted, in mm (½ inch = 12.7 mm, the renderer's own limit).
MAX_OFFSET_MM = (
    (Decimal(str(MAX_CALIBRATION)) / _POINTS_PER_MM).quantize(Decimal("0.01")).normalize()
)


@dataclass(frozen=True)
class CalibrationView:
    printer: str
    template: str
    dx_mm: Decimal  # > 0: print moves right
    dy_mm: Decimal  # > 0: print moves up

    @property
    def calibration(self) -> Calibration:
        """The offsets in points, as the label renderers take them."""
        return Calibration(
            dx=float(self.dx_mm * _POINTS_PER_MM), dy=float(self.dy_mm * _POINTS_PER_MM)
        )


def parse_mm(raw: str | Decimal | float, what: str) -> Decimal:
    """'1.5', '-0,75' (decimal comma) -> Decimal mm, two decimals at most, within ±12.7 mm."""
    try:
        value = Decimal(str(raw).strip().replace(",", "."))
    except InvalidOperation:
        raise ValidationError(
            t("{what}: {raw} is not a number of millimetres.", what=what, raw=repr(raw))
        ) from None
    if not value.is_finite():
        raise ValidationError(
            t("{what}: {raw} is not a number of millimetres.", what=what, raw=repr(raw))
        )
    if value != value.quantize(Decimal("0.01")):
        raise ValidationError(t("{what}: give millimetres with at most two decimals.", what=what))
    if abs(value) > MAX_OFFSET_MM:
        raise ValidationError(
            t(
                "{what}: {value} mm is more than ±{limit} mm; measure again on "
                "the calibration page (the offset is from the printed cross to the "
                "label's centre).",
                what=what,
                value=value,
                limit=MAX_OFFSET_MM,
            )
        )
    return value


def _printer(name: str) -> str:
    try:
        return text.required(name, t("printer name"), max_len=200)
    except ValueError as error:
        raise ValidationError(message_of(error)) from None


def _template(name: str) -> str:
    if name not in TEMPLATES:
        raise ValidationError(
            t(
                "Unknown label template {name}; known: {known}.",
                name=repr(name),
                known=", ".join(TEMPLATES),
            )
        )
    return name


def _view(row: PrinterCalibration) -> CalibrationView:
    return CalibrationView(
        row.printer,
        row.template,
        Decimal(row.dx_hmm) / 100,
        Decimal(row.dy_hmm) / 100,
    )


def set_calibration(
    work: Work, printer: str, template: str, dx_mm: str | Decimal, dy_mm: str | Decimal
) -> CalibrationView:
    """Store the offsets for (printer, template); journaled with the old and new values."""
    name, stock = _printer(printer), _template(template)
    actor = work.require(Action.PRINT_LABELS, subject=f"printer:{name}")
    dx = int(parse_mm(dx_mm, "Horizontal offset") * 100)
    dy = int(parse_mm(dy_mm, "Vertical offset") * 100)
    row = queries.first(work.session, PrinterCalibration, printer=name, template=stock)
    if row is None:
        row = PrinterCalibration(printer=name, template=stock, dx_hmm=dx, dy_hmm=dy)
        work.session.add(row)
    elif (row.dx_hmm, row.dy_hmm) == (dx, dy):
        return _view(row)  # nothing changed: nothing to journal
    row.dx_hmm, row.dy_hmm = dx, dy
    row.updated_by_id, row.updated_at = actor.id, work.now
    work.session.flush()
    work.record(
        "printer.calibrate",
        f"printer:{name}",
        {"template": stock, "dx_mm": str(Decimal(dx) / 100), "dy_mm": str(Decimal(dy) / 100)},
    )
    return _view(row)


def calibration_for(work: Work, printer: str, template: str) -> CalibrationView:
    """The stored offsets for (printer, template); zero when none were stored."""
    work.require(Action.READ)
    name, stock = _printer(printer), _template(template)
    row = queries.first(work.session, PrinterCalibration, printer=name, template=stock)
    if row is None:
        return CalibrationView(name, stock, Decimal(0), Decimal(0))
    return _view(row)


def list_calibrations(work: Work) -> list[CalibrationView]:
    work.require(Action.READ)
    rows = queries.all_of(work.session, PrinterCalibration, order_by="printer")
    return sorted((_view(r) for r in rows), key=lambda v: (v.printer, v.template))
