"""ShipmentTableModel: Qt's model checks, keyset paging, the status filter, formatting, errors."""

from __future__ import annotations

from datetime import UTC, datetime
from functools import partial

from PySide6.QtCore import QModelIndex, Qt
from pytestqt.qtbot import QtBot
from shipment_support import STRL, ShipLab
from shipment_support import ship_lab_fixture as ship_lab_fixture  # pytest fixtures
from shipment_support import ship_template_fixture as ship_template_fixture

from custody.domain.enums import ShipmentStatus
from custody.errors import StorageError
from custody.services import shipments
from custody.services.shipment_views import ShipmentRow, list_shipments
from custody.ui.models.shipment_table import ROW_ROLE, ShipmentTableModel

ZONE = "America/Mexico_City"


def _create(lab: ShipLab, n: int) -> list[int]:
    ctx = lab.as_(lab.clerk)
    made = [ctx.perform("create", lambda w: shipments.create(w, STRL)) for _ in range(n)]
    ctx.perform("package", lambda w: shipments.add_package(w, made[1].id, ["OUT-77"]))
    return [view.id for view in made]


def _loader(lab: ShipLab, calls: list[tuple[int | None, int]] | None = None, **filters):
    def load(after_id: int | None, limit: int) -> list[ShipmentRow]:
        if calls is not None:
            calls.append((after_id, limit))
        return lab.ctx.query(partial(list_shipments, after_id=after_id, limit=limit, **filters))

    return load


def test_passes_qt_model_checks_while_paging(qtmodeltester, ship_lab: ShipLab) -> None:
    _create(ship_lab, 5)
    model = ShipmentTableModel(_loader(ship_lab), ZONE, page_size=2)
    qtmodeltester.check(model)  # the tester fetches pages itself
    model.reset()
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 5
    qtmodeltester.check(model)


def test_pages_by_shipment_number_and_finds_a_row(ship_lab: ShipLab) -> None:
    ids = _create(ship_lab, 5)
    calls: list[tuple[int | None, int]] = []
    model = ShipmentTableModel(_loader(ship_lab, calls), ZONE, page_size=2)
    model.reset()
    assert model.rowCount() == 2 and calls == [(None, 2)]
    assert model.row_of(ids[4]) == 4  # loads the pages up to it
    assert calls == [(None, 2), (ids[1], 2), (ids[3], 2)]
    assert model.row_of(999_999) is None and not model.canFetchMore(QModelIndex())
    numbers = [model.index(r, ShipmentTableModel.MANIFEST).data() for r in range(5)]
    assert numbers == [f"MX-AICM-M-{datetime.now(UTC).year}-{n:04d}" for n in range(1, 6)]


def test_status_filter_is_a_new_loader(ship_lab: ShipLab) -> None:
    ids = _create(ship_lab, 3)
    model = ShipmentTableModel(_loader(ship_lab), ZONE)
    model.reset()
    assert model.rowCount() == 3
    model.set_loader(_loader(ship_lab, status=ShipmentStatus.PACKING))
    assert [model.row_at(r).id for r in range(model.rowCount())] == [ids[1]]
    assert model.index(0, ShipmentTableModel.STATUS).data() == "Packing"
    model.set_loader(_loader(ship_lab, status=ShipmentStatus.RECEIVED))
    assert model.rowCount() == 0 and model.exhausted


def test_cells_are_formatted_for_people(qtmodeltester) -> None:
    row = ShipmentRow(
        id=7,
        manifest_number="MX-AICM-M-2026-0007",
        revision=2,
        status=ShipmentStatus.RECONCILED,
        consignee=STRL,
        carrier="DHL Express",
        waybill=None,
        created_at=datetime(2026, 8, 12, 22, 30, tzinfo=UTC),
        dispatched_at=datetime(2026, 8, 13, 15, 0, tzinfo=UTC),
        received_at=None,
        closed_clean=False,
        samples=12,
    )
    model = ShipmentTableModel(lambda after, limit: [row] if after is None else [], ZONE)
    model.reset()
    qtmodeltester.check(model)
    cells = [model.index(0, c).data() for c in range(model.columnCount())]
    assert cells == [
        "MX-AICM-M-2026-0007", "2", "Reconciled", STRL, "DHL Express", "—", "12",
        "2026-08-12 16:30", "2026-08-13 09:00", "—", "No",
    ]  # fmt: skip
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(11)]
    assert headers[0] == "Manifest" and headers[-1] == "Clean"
    samples = model.index(0, ShipmentTableModel.SAMPLES)
    assert samples.data(Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight
    clean = model.index(0, ShipmentTableModel.CLEAN)
    assert "unresolved discrepancies" in clean.data(Qt.ItemDataRole.ToolTipRole)
    assert ZONE in model.index(0, ShipmentTableModel.CREATED).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(0, 0).data(ROW_ROLE) is row
    assert not model.flags(samples) & Qt.ItemFlag.ItemIsEditable


def test_a_storage_error_while_loading_is_reported_not_raised(qtbot: QtBot) -> None:
    def failing(after: int | None, limit: int) -> list[ShipmentRow]:
        raise StorageError("The database is busy (another workstation is writing).")

    model = ShipmentTableModel(failing, ZONE)
    with qtbot.waitSignal(model.load_failed) as blocker:
        model.reset()
    assert blocker.args == ["The database is busy (another workstation is writing)."]
    assert model.rowCount() == 0 and not model.canFetchMore(QModelIndex())
