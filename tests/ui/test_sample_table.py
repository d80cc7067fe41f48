"""SampleTableModel: Qt's model checks, keyset paging, window mode, formatting, load errors."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from functools import partial

import pytest
from PySide6.QtCore import QModelIndex, Qt

from custody.context import AppContext
from custody.domain.enums import SampleStatus
from custody.errors import StorageError
from custody.services import lookup
from custody.services.lookup import SampleRow
from custody.ui.models.sample_table import MAX_PAGES, ROW_ROLE, PageRequest, SampleTableModel

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


# --- window mode ------------------------------------------------------------------------------


class Lab100k:
    """100,000 sample rows in code order, served like lookup.sample_page (every request kept)."""

    def __init__(self, total: int = 100_000) -> None:
        self.total = total
        self.requests: list[PageRequest] = []
        self.fail: StorageError | None = None

    def row(self, number: int) -> SampleRow:
        return fake_row(number)

    def position(self, code: str) -> int:
        return int(code.rsplit("-", 1)[1]) - 1

    def load(self, after: str | None, limit: int) -> list[SampleRow]:  # paging mode
        start = 0 if after is None else self.position(after) + 1
        return [self.row(n + 1) for n in range(start, min(self.total, start + limit))]

    def page(self, request: PageRequest) -> list[SampleRow]:  # window mode
        self.requests.append(request)
        if self.fail is not None:
            raise self.fail
        if request.backward:
            end = self.total if request.before_code is None else self.position(request.before_code)
            end -= request.skip
            start = max(0, end - request.limit)
        else:
            start = 0 if request.after_code is None else self.position(request.after_code) + 1
            start += request.skip
            end = min(self.total, start + request.limit)
        return [self.row(n + 1) for n in range(start, end)]


def windowed(lab: Lab100k, page_size: int = 200) -> SampleTableModel:
    model = SampleTableModel(lab.load, ZONE, page_size=page_size)
    model.reset()
    assert model.rowCount() == page_size and model.canFetchMore(QModelIndex())
    assert model.open_window(lab.total, lab.page)
    return model


def code(model: SampleTableModel, row: int) -> str:
    return model.index(row, SampleTableModel.CODE).data()


def test_a_window_holds_every_row_and_passes_qt_model_checks(qtmodeltester) -> None:
    lab = Lab100k(total=2_000)  # the tester reads every row: 200 pages of 10, 64 kept
    model = windowed(lab, page_size=10)
    assert model.windowed and model.rowCount() == 2_000
    assert not model.canFetchMore(QModelIndex())
    assert lab.requests == []  # the first page was kept
    assert code(model, 0) == "MX-AICM-2026-000001"
    qtmodeltester.check(model)
    assert model.rowCount() == 2_000 and code(model, 1_999) == "MX-AICM-2026-002000"


def test_the_last_row_costs_one_page_from_the_end() -> None:
    lab = Lab100k(total=100_011)
    model = windowed(lab)
    assert code(model, 100_010) == "MX-AICM-2026-100011"
    assert lab.requests == [PageRequest(11, skip=0, backward=True)]  # the short last page
    assert code(model, 100_000) == "MX-AICM-2026-100001"  # same page: no query
    assert code(model, 99_999) == "MX-AICM-2026-100000"  # the page before: keyset backward
    assert lab.requests[1:] == [PageRequest(200, before_code="MX-AICM-2026-100001", backward=True)]


def test_a_jump_seeks_from_the_nearer_end_then_pages_by_keyset() -> None:
    lab = Lab100k()
    model = windowed(lab)
    assert code(model, 30_123) == "MX-AICM-2026-030124"
    assert lab.requests == [PageRequest(200, skip=30_000)]
    assert code(model, 70_123) == "MX-AICM-2026-070124"
    assert lab.requests[-1] == PageRequest(200, skip=29_800, backward=True)
    assert code(model, 30_200) == "MX-AICM-2026-030201"  # the next page: after its neighbour
    assert lab.requests[-1] == PageRequest(200, after_code="MX-AICM-2026-030200")
    assert model.row_at(70_000).code == "MX-AICM-2026-070001"
    assert len(lab.requests) == 3  # row_at read a loaded page


def test_a_window_keeps_a_bounded_number_of_pages() -> None:
    lab = Lab100k()
    model = windowed(lab, page_size=10)
    for row in range(0, 100_000, 997):
        assert code(model, row) == f"MX-AICM-2026-{row + 1:06d}"
    assert len(lab.requests) > MAX_PAGES
    assert len(model._pages) == MAX_PAGES  # the least recently shown pages were dropped
    assert code(model, 0) == "MX-AICM-2026-000001"  # and come back when shown again


def test_a_load_error_in_a_window_is_reported_once_not_raised(qtbot) -> None:
    lab = Lab100k()
    model = windowed(lab)
    lab.fail = StorageError("The database is busy (another workstation is writing).")
    with qtbot.waitSignal(model.load_failed) as blocker:
        assert code(model, 50_000) is None  # the cell is empty, the paint goes on
        assert code(model, 60_000) is None  # no second query, no second message
    assert blocker.args == ["The database is busy (another workstation is writing)."]
    assert len(lab.requests) == 1
    with pytest.raises(StorageError):
        model.row_at(70_000)  # an action on a row says why it cannot be done
    lab.fail = None
    model.reset()  # a reset tries again, in paging mode
    assert not model.windowed and model.rowCount() == 200


def test_no_window_once_paging_reached_the_end() -> None:
    lab = Lab100k(total=150)
    model = SampleTableModel(lab.load, ZONE, page_size=200)
    model.reset()
    assert model.exhausted and not model.open_window(150, lab.page)
    assert not model.windowed and model.rowCount() == 150


def test_a_window_over_the_database_shows_the_rows_in_code_order(
    signed_in: AppContext,
) -> None:
    def pager(request: PageRequest) -> list[SampleRow]:
        return signed_in.query(
            partial(
                lookup.sample_page,
                after_code=request.after_code,
                before_code=request.before_code,
                skip=request.skip,
                backward=request.backward,
                limit=request.limit,
            )
        )

    model = SampleTableModel(db_loader(signed_in), ZONE, page_size=2)
    model.reset()
    assert model.open_window(11, pager)
    want = [f"MX-AICM-2026-{n:06d}" for n in range(1, 12)]
    for row in (10, 5, 6, 3, 4, 9, 8, 7, 2, 1, 0):  # jumps, neighbours, both ends
        assert code(model, row) == want[row]
