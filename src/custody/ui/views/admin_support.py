"""What the Admin tabs share: a records table, a message line, and role-aware buttons."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QLabel, QTableView, QWidget

from custody.context import AppContext
from custody.domain.permissions import Action, is_allowed
from custody.errors import CustodyError
from custody.services.work import Work
from custody.ui.error_text import error_text
from custody.ui.models.record_table import RecordTableModel

R = TypeVar("R")
T = TypeVar("T")


def allow(button: QAbstractButton, ctx: AppContext, action: Action, tip: str) -> bool:
    """Disable `button` with a tooltip saying why when the signed-in role may not do `action`."""
    allowed = ctx.actor is not None and is_allowed(ctx.actor.role, action)
    button.setEnabled(allowed)
    if not allowed:
        button.setToolTip(tip)
    return allowed


def show_message(label: QLabel, text: str, *, ok: bool) -> None:
    label.setProperty("ok", ok)
    label.setStyleSheet("color: #1b5e20;" if ok else "color: #b71c1c;")
    label.setText(text)


def message_label(name: str = "message") -> QLabel:
    label = QLabel(wordWrap=True)
    label.setObjectName(name)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class RecordTab(QWidget, Generic[R]):
    """A tab listing records read with `load`; known errors go to `self.message`."""

    def __init__(
        self,
        ctx: AppContext,
        headers: Sequence[str],
        cells: Callable[[R], Sequence[str]],
        load: Callable[[Work], Sequence[R]],
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._load = load
        self.model: RecordTableModel[R] = RecordTableModel(headers, cells, self)
        self.table = QTableView()
        self.table.setObjectName("table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.message = message_label()

    def refresh(self) -> None:
        try:
            rows = self.ctx.query(self._load)
        except CustodyError as error:
            self.say(error_text(error), ok=False)
            return
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()

    def selected(self) -> list[R]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.record(r) for r in rows]

    def current(self) -> R | None:
        chosen = self.selected()
        return chosen[0] if chosen else None

    def select_where(self, test: Callable[[R], bool]) -> None:
        for row in range(self.model.rowCount()):
            if test(self.model.record(row)):
                self.table.selectRow(row)
                return

    def say(self, text: str, *, ok: bool) -> None:
        show_message(self.message, text, ok=ok)

    def attempt(self, label: str, fn: Callable[[Work], T]) -> T | None:
        """`fn` as one user action; a refusal is shown and None returned."""
        try:
            return self.ctx.perform(label, fn)
        except CustodyError as error:
            self.say(error_text(error), ok=False)
            return None


W = TypeVar("W", bound=QWidget)
