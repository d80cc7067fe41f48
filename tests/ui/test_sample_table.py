"""SampleTableModel: Qt's model checks, keyset paging, formatting, load errors."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from functools import partial

from PySide6.QtCore import QModelIndex, Qt

from custody.context import AppContext
from custody.domain.enums import SampleStatus
from custody.errors import StorageError
from custody.services import lookup
from custody.services.lookup import SampleRow
from custody.ui.models.sample_table import ROW_ROLE, SampleTableModel

ZONE = "America/Mexico_City"


def db_loader(ctx: AppContext, calls: list[tuple[str | None, int]] | None = None, **filters):
    def load(after_code: str | None, limit: int) -> list[SampleRow]:
        if calls is not None:
            calls.append((after_code, limit))
        return ctx.query(partial(lookup.sample_page, after_code=after_code, limit=limit, **filters))

    return load


def fake_row(number: int, **changes) -> SampleRow:
    values = {
        "id": number,
        "code": f"MX-AICM-2026-{number:06d}",
        "case_number": "FED/CDMX/AICM/0004417/2026",
        "exhibit_number": 1,
        "description": "Representative sample 1: powder from exhibit 1, random draw",
        "status": SampleStatus.STORED,
        "location": "VAULT-A-S1-B01",
        "net_weight": Decimal("12.5000"),
        "created_at": datetime(2026, 8, 12, 22, 30, tzinfo=UTC),
    }
    values.update(changes)
    return SampleRow(**values)


def test_passes_qt_model_checks_while_paging(qtmodeltester, signed_in: AppContext) -> None:
    model = SampleTableModel(db_loader(signed_in), ZONE, page_size=4)
    qtmodeltester.check(model)  # the tester fetches pages itself
    model.reset()
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 11
    qtmodeltester.check(model)


def test_pages_grow_by_page_size_in_code_order(signed_in: AppContext) -> None:
    calls: list[tuple[str | None, int]] = []
    model = SampleTableModel(db_loader(signed_in, calls), ZONE, page_size=4)
    assert model.rowCount() == 0 and model.canFetchMore(QModelIndex())
    sizes = []
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
        sizes.append(model.rowCount())
    assert sizes == [4, 8, 11]
    codes = [model.index(r, SampleTableModel.CODE).data() for r in range(model.rowCount())]
    assert codes == [f"MX-AICM-2026-{n:06d}" for n in range(1, 12)]
    assert calls == [(None, 4), ("MX-AICM-2026-000004", 4), ("MX-AICM-2026-000008", 4)]
    model.fetchMore(QModelIndex())  # exhausted: no more queries
    assert len(calls) == 3


def test_an_exact_last_page_ends_with_an_empty_page(signed_in: AppContext) -> None:
    model = SampleTableModel(db_loader(signed_in, status=SampleStatus.STORED), ZONE, page_size=5)
    model.fetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 10 and model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 10 and not model.canFetchMore(QModelIndex())


def test_set_loader_reloads_from_the_start(signed_in: AppContext) -> None:
    model = SampleTableModel(db_loader(signed_in), ZONE, page_size=200)
    model.reset()
    assert model.rowCount() == 11
    model.set_loader(db_loader(signed_in, status=SampleStatus.SEALED))
    assert model.rowCount() == 1
    assert model.row_at(0).code == "MX-AICM-2026-000011"
    assert model.index(0, SampleTableModel.LOCATION).data() == "—"
    model.set_loader(db_loader(signed_in, code_prefix="mx-aicm-2026-00001"))
    assert [model.row_at(r).code for r in range(model.rowCount())] == [
        "MX-AICM-2026-000010",
        "MX-AICM-2026-000011",
    ]


def test_cells_are_formatted_for_people(qtmodeltester) -> None:
    row = fake_row(7, net_weight=Decimal("1234.5"))
    model = SampleTableModel(lambda after, limit: [row] if after is None else [], ZONE)
    model.reset()
    qtmodeltester.check(model)
    cells = [model.index(0, c).data() for c in range(model.columnCount())]
    assert cells == [
        "MX-AICM-2026-000007",
        "FED/CDMX/AICM/0004417/2026",
        "1",
        "Representative sample 1: powder from exhibit 1, random draw",
        "Stored",
        "VAULT-A-S1-B01",
        "1,234.5000",
        "2026-08-12 16:30",  # 22:30 UTC in Mexico City (UTC-6)
    ]
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(8)]
    assert headers[0] == "Sample ID" and headers[6] == "Net weight (g)"
    weight = model.index(0, SampleTableModel.WEIGHT)
    assert weight.data(Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight
    description = model.index(0, SampleTableModel.DESCRIPTION)
    assert description.data(Qt.ItemDataRole.ToolTipRole) == row.description
    assert "America/Mexico_City" in model.index(0, 7).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(0, 0).data(ROW_ROLE) is row
    assert not model.flags(weight) & Qt.ItemFlag.ItemIsEditable


def test_a_storage_error_while_loading_is_reported_not_raised(qtbot) -> None:
    def failing(after: str | None, limit: int) -> list[SampleRow]:
        raise StorageError("The database is busy (another workstation is writing).")

    model = SampleTableModel(failing, ZONE)
    with qtbot.waitSignal(model.load_failed) as blocker:
        model.reset()
    assert blocker.args == ["The database is busy (another workstation is writing)."]
    assert model.rowCount() == 0 and not model.canFetchMore(QModelIndex())
