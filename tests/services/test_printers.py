from __future__ import annotations

from decimal import Decimal

import pytest
from svc_support import Snapshot, count, journal_rows

from custody.errors import PermissionDenied, ValidationError
from custody.services import audit, printers
from lab_support import Lab


def _set(
    lab: Lab, dx: str, dy: str, printer: str = "Lexmark-2F", template: str = "letter-30up"
) -> printers.CalibrationView:
    return lab.ctx.perform(
        "calibrate", lambda w: printers.set_calibration(w, printer, template, dx, dy)
    )


def test_calibration_stored_per_printer_and_template_and_journaled(lab_db: Lab) -> None:
    lab_db.as_(lab_db.technician)
    none = lab_db.ctx.query(lambda w: printers.calibration_for(w, "Lexmark-2F", "letter-30up"))
    assert (none.dx_mm, none.dy_mm) == (0, 0) and none.calibration.dx == 0
    stored = _set(lab_db, "1.5", "-0,75")
    assert (stored.dx_mm, stored.dy_mm) == (Decimal("1.5"), Decimal("-0.75"))
    # 1.5 mm = 4.2519... pt; -0.75 mm = -2.1259... pt
    assert stored.calibration.dx == pytest.approx(1.5 * 72 / 25.4)
    assert stored.calibration.dy == pytest.approx(-0.75 * 72 / 25.4)
    entry = journal_rows(lab_db.ctx)[-1]
    assert entry["kind"] == "printer.calibrate" and entry["subject"] == "printer:Lexmark-2F"
    assert entry["data"] == {"template": "letter-30up", "dx_mm": "1.5", "dy_mm": "-0.75"}
    _set(lab_db, "0.4", "0", template="a4-21up")
    _set(lab_db, "2", "1", printer="Zebra-ZD421", template="thermal-2x1-203")
    changed = _set(lab_db, "1.25", "-0.75")
    update = journal_rows(lab_db.ctx)[-1]["changes"][0]
    assert update["op"] == "update" and update["v"]["dx_hmm"] == [150, 125]
    before = count(lab_db.ctx, "journal")
    assert _set(lab_db, "1.25", "-0.75") == changed  # unchanged: nothing journaled
    assert count(lab_db.ctx, "journal") == before
    listed = lab_db.ctx.query(printers.list_calibrations)
    assert [(v.printer, v.template, v.dx_mm) for v in listed] == [
        ("Lexmark-2F", "a4-21up", Decimal("0.4")),
        ("Lexmark-2F", "letter-30up", Decimal("1.25")),
        ("Zebra-ZD421", "thermal-2x1-203", Decimal("2")),
    ]
    assert lab_db.as_(lab_db.auditor).query(lambda w: audit.verify(w)).intact


@pytest.mark.parametrize(
    ("dx", "template", "message"),
    [
        ("abc", "letter-30up", "not a number"),
        ("NaN", "letter-30up", "not a number"),
        ("1.234", "letter-30up", "two decimals"),
        ("13", "letter-30up", "more than ±12.7"),
        ("1", "letter-99up", "Unknown label template"),
    ],
)
def test_bad_offsets_refused_and_journaled(
    lab_db: Lab, dx: str, template: str, message: str
) -> None:
    lab_db.as_(lab_db.technician)
    snap = Snapshot(lab_db.ctx)
    with pytest.raises(ValidationError, match=message):
        _set(lab_db, dx, "0", template=template)
    snap.assert_only_denial()
    assert count(lab_db.ctx, "printer_calibrations") == 0


def test_auditor_may_read_but_not_calibrate(lab_db: Lab) -> None:
    lab_db.as_(lab_db.auditor)
    with pytest.raises(PermissionDenied, match="may not print labels"):
        _set(lab_db, "1", "1")
    assert lab_db.ctx.query(printers.list_calibrations) == []
