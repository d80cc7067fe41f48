"""The samples table: rows of `SampleRow` (frozen, no database knowledge), loaded lazily.

Two ways of holding rows:

* **paging** (`KeysetTableModel`): the window injects a loader `(after_code, limit) -> rows`
  returning the samples ordered by code after `after_code`; the model appends the next page when
  the view scrolls near the end (`canFetchMore`/`fetchMore`). A filter change is a new loader
  (`set_loader`), which always starts in this mode.
* **window** (`open_window(total, pager)`, once the number of matching samples is known): the
  table has all `total` rows, so the scroll bar, Ctrl+End and a drag to the middle reach any of
  them; a page is loaded when one of its rows is first shown, by keyset from a loaded neighbour
  page (O(page)) or, for a jump, by skipping from the nearer end on the index (O(skip), no
  join per skipped row). At most `MAX_PAGES` pages are kept (least recently shown go first),
  so 1,000,000 samples cost what the screen shows, not 1,000,000 records.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QModelIndex, QTimer

from custody.errors import CustodyError
from custody.services.lookup import SampleRow
from custody.ui.error_text import error_text
from custody.ui.i18n import format_date_time, localized_number
from custody.ui.labels import status_label
from custody.ui.models.keyset import PAGE_SIZE as PAGE_SIZE
from custody.ui.models.keyset import ROW_ROLE as ROW_ROLE
from custody.ui.models.keyset import Index, KeysetTableModel

Loader = Callable[[str | None, int], Sequence[SampleRow]]
MAX_PAGES = 64  # pages kept in window mode (12,800 rows at 200 a page)


@dataclass(frozen=True)
class PageRequest:
    """What a window-mode page load asks for (see `lookup.sample_page`)."""

    limit: int
    after_code: str | None = None
    before_code: str | None = None
    skip: int = 0
    backward: bool = False


Pager = Callable[[PageRequest], Sequence[SampleRow]]


class SampleTableModel(KeysetTableModel):
    """Read-only; `reset()` reloads from the first sample, in paging mode."""

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
        self._total: int | None = None  # window mode when not None
        self._pages: OrderedDict[int, list[SampleRow]] = OrderedDict()
        self._pager: Pager | None = None
        self._window_failed = False

    # --- our API ----------------------------------------------------------------------------

    def _key(self, row: SampleRow) -> object:
        return row.code

    @property
    def windowed(self) -> bool:
        """True once the table holds every matching row (`open_window`)."""
        return self._total is not None

    def _clear(self) -> None:
        """Back to paging mode with no rows (inside the model reset)."""
        super()._clear()
        self._total = None
        self._pages = OrderedDict()
        self._pager = None
        self._window_failed = False

    def open_window(self, total: int, pager: Pager) -> bool:
        """Show all `total` matching rows (the exact count, just taken) and load pages through
        `pager` as they are shown. The pages already loaded stay; the view keeps its place.
        False (nothing changes) when paging has loaded everything already."""
        size = self._page_size
        loaded = len(self._rows)
        if self.windowed or self._exhausted or total <= loaded or loaded % size:
            return False  # (a short page is the last one: paging has found the end)
        pages = OrderedDict((i // size, self._rows[i : i + size]) for i in range(0, loaded, size))
        self.beginInsertRows(QModelIndex(), len(self._rows), total - 1)
        self._pages, self._pager, self._total = pages, pager, total
        self._rows = []
        self._exhausted = True  # nothing to fetch at the end: every row is there
        self.endInsertRows()
        return True

    def row_at(self, row: int) -> SampleRow:
        """The sample on a row; in window mode its page is loaded if needed (a CustodyError
        is raised if it cannot be)."""
        if self._total is None:
            return self._rows[row]
        page = self._page(row // self._page_size, report=False)
        offset = row % self._page_size
        if page is None or offset >= len(page):
            raise LookupError(f"row {row} is not in the table any more")
        return page[offset]

    def _record(self, row: int) -> SampleRow | None:
        """The sample on a row for display: None when it cannot be had (error reported)."""
        if self._total is None:
            return self._rows[row] if 0 <= row < len(self._rows) else None
        if not 0 <= row < self._total or self._window_failed:
            return None
        try:
            page = self._page(row // self._page_size, report=True)
        except CustodyError:
            return None
        offset = row % self._page_size
        return page[offset] if page is not None and offset < len(page) else None

    def _page(self, number: int, *, report: bool) -> list[SampleRow] | None:
        page = self._pages.get(number)
        if page is not None:
            self._pages.move_to_end(number)
            return page
        assert self._pager is not None and self._total is not None
        try:
            page = list(self._pager(self._request(number)))
        except CustodyError as error:
            if not report:
                raise
            self._window_failed = True  # no retry per cell; a reset tries again
            # Not from inside data() during a paint: the message box comes from the loop.
            message = error_text(error)
            QTimer.singleShot(0, lambda: self.load_failed.emit(message))
            return None
        self._pages[number] = page
        while len(self._pages) > MAX_PAGES:
            self._pages.popitem(last=False)
        return page

    def _request(self, number: int) -> PageRequest:
        """The cheapest query for a page: from a loaded neighbour, else from the nearer end."""
        assert self._total is not None
        size = self._page_size
        first = number * size
        limit = min(size, self._total - first)
        before, after = self._pages.get(number - 1), self._pages.get(number + 1)
        if before and len(before) == size:
            return PageRequest(limit, after_code=before[-1].code)
        if after:
            return PageRequest(limit, before_code=after[0].code, backward=True)
        behind = self._total - first - limit  # rows after this page
        if first <= behind:
            return PageRequest(limit, skip=first)
        return PageRequest(limit, skip=behind, backward=True)

    # --- Qt overrides -----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid():
            return 0
        return self._total if self._total is not None else len(self._rows)

    def canFetchMore(self, parent: Index) -> bool:
        return self._total is None and super().canFetchMore(parent)

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
        return format_date_time(sample.created_at.astimezone(self._zone))

    def _tooltip(self, sample: SampleRow, column: int) -> str | None:
        if column == self.LOCATION and sample.location is None:
            return self.tr("Not in a storage location (held by a person or in transit)")
        if column == self.REGISTERED:
            local = sample.created_at.astimezone(self._zone)
            return f"{format_date_time(local, seconds=True)} {self._zone.key} ({local:%z})"
        return sample.description


def format_grams(weight: Decimal) -> str:
    """Grams with the four decimals the balances record, thousands separated (the locale's
    separators)."""
    return localized_number(f"{weight:,.4f}")
