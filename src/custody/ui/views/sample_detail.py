"""One sample in full: its record, custody timeline, printed labels and photos, and the actions
that are allowed on it now (seal, open, reseal, re-weigh, print labels, add a photo).

Each action collects its values in a small dialog (:class:`SampleActionDialog`) and runs one
service action through ``ctx.perform``; a refusal stays in the dialog next to the field it
concerns, and after a success the whole view is read again from the database.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from custody.context import AppContext
from custody.domain.enums import EventType
from custody.domain.label_layout import HAZARD_FULL
from custody.domain.permissions import Action, is_allowed
from custody.errors import CustodyError
from custody.services import labels, lookup, photos, seals
from custody.services.lab import LabView
from custody.services.labels import PrintView
from custody.services.lookup import EventView
from custody.services.photos import PhotoView
from custody.services.views import SampleView
from custody.services.work import Work
from custody.ui.dialogs.print_labels import PrintLabelsDialog
from custody.ui.error_text import error_text
from custody.ui.i18n import translate
from custody.ui.labels import status_label
from custody.ui.models.timeline import TimelineModel
from custody.ui.naming import named
from custody.ui.views.sample_actions import SampleActions
from custody.ui.widgets.photo_strip import PhotoStrip
from custody.ui.widgets.print_table import PrintTable
from custody.ui.widgets.sample_fields_panel import SampleFieldsPanel

__all__ = ["ChoosePhoto", "PrintDialogFactory", "SampleDetailView", "print_labels_dialog"]

ChoosePhoto = Callable[[QWidget], Path | None]
PrintDialogFactory = Callable[[AppContext, list[str], QWidget], QDialog]

OK_STYLE = "color: #1b5e20;"
ALERT_STYLE = "color: #b00020; font-weight: bold;"
HAZARD_STYLE = "background: #b00020; color: white; font-weight: bold; padding: 6px;"
MAX_TIMELINE_COLUMN = 200  # px; a longer cell shows whole in its tooltip

# What each button needs: the state transition (if any) and the permission.
_GUARDS: dict[str, tuple[EventType | None, Action]] = {
    "seal": (EventType.SEAL, Action.SEAL),
    "open": (EventType.OPEN, Action.SEAL),
    "reseal": (EventType.RESEAL, Action.SEAL),
    "reweigh": (EventType.WEIGH, Action.WEIGH),
    "print": (None, Action.PRINT_LABELS),
    "photo": (None, Action.REGISTER),
}


@dataclass(frozen=True)
class _Detail:
    sample: SampleView
    history: list[EventView]
    prints: list[PrintView]
    photos: list[tuple[PhotoView, bytes]]


def _load(work: Work, raw: str) -> _Detail:
    """Everything the view shows, read in one transaction."""
    sample = lookup.find_sample(work, raw)
    shots = [(p, photos.photo_data(work, p.id)) for p in photos.photos_of(work, sample.id)]
    return _Detail(
        sample,
        lookup.history(work, sample.id),
        labels.prints_of(work, sample.id),
        shots,
    )


def _ask_photo(parent: QWidget) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(
        parent,
        translate("SampleDetailView", "Add a photograph"),
        "",
        translate("SampleDetailView", "Photographs (*.jpg *.jpeg *.png)"),
    )
    return Path(name) if name else None


def ctx_year(ctx: AppContext) -> int:
    """This year in the lab's zone (for example IDs)."""
    return ctx.clock().astimezone(ZoneInfo(ctx.zone)).year


def print_labels_dialog(ctx: AppContext, codes: list[str], parent: QWidget) -> QDialog:
    return PrintLabelsDialog(ctx, codes, parent)


class SampleDetailView(QWidget):
    sample_changed = Signal(str)  # an action changed the sample shown (its ID)

    def __init__(
        self,
        ctx: AppContext,
        lab: LabView,
        parent: Any = None,
        *,
        choose_photo: ChoosePhoto = _ask_photo,
        print_dialog: PrintDialogFactory = print_labels_dialog,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.lab = lab
        self._choose_photo = choose_photo
        self._print_dialog = print_dialog
        self.sample: SampleView | None = None
        self.history: list[EventView] = []
        self.sample_actions = SampleActions(ctx, self)
        self.sample_actions.performed.connect(self._on_actions_performed)
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_header())
        layout.addLayout(self._build_actions())
        self.notice = named(QLabel(wordWrap=True), "notice")
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.notice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notice.hide()
        layout.addWidget(self.notice)
        layout.addWidget(self._build_body(), 1)
        refresh = QShortcut(QKeySequence.StandardKey.Refresh, self)
        refresh.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        refresh.activated.connect(self.refresh)
        self._show_empty(self.tr("Open a sample from the Samples view, or type or scan its ID."))

    # --- building ---------------------------------------------------------------------------

    def _build_header(self) -> QVBoxLayout:
        self.find_edit = named(QLineEdit(), "find")
        self.find_edit.setMaxLength(60)
        width = self.find_edit.fontMetrics().horizontalAdvance("MX-AICM-2026-000000000") + 24
        self.find_edit.setMinimumWidth(width)
        self.find_edit.setPlaceholderText(f"{self.lab.site_prefix}-{ctx_year(self.ctx)}-000123")
        self.find_edit.returnPressed.connect(self._on_find_edit_return_pressed)
        caption = QLabel(self.tr("Sample &ID:"))
        caption.setBuddy(self.find_edit)
        self.code_label = named(QLabel(), "code")
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.code_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.code_label.setFont(font)
        self.status_label = named(QLabel(), "status")
        self.status_label.setStyleSheet(
            "background: #e3f2fd; color: #0d47a1; border-radius: 8px; padding: 2px 10px;"
        )
        self.compact_label = named(QLabel(), "compact")
        self.compact_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        top = QHBoxLayout()
        for widget in (self.code_label, self.status_label, self.compact_label):
            top.addWidget(widget)
        top.addStretch(1)
        top.addWidget(caption)
        top.addWidget(self.find_edit)
        self.hazard_label = named(QLabel(HAZARD_FULL), "hazard")
        self.hazard_label.setStyleSheet(HAZARD_STYLE)
        self.hazard_label.hide()
        header = QVBoxLayout()
        header.addLayout(top)
        header.addWidget(self.hazard_label)
        return header

    def _build_actions(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        actions = self.sample_actions
        for name, text, slot in (
            ("seal", self.tr("&Seal…"), partial(self._on_action_clicked, actions.seal)),
            ("open", self.tr("&Open…"), partial(self._on_action_clicked, actions.open_sample)),
            ("reseal", self.tr("R&eseal…"), partial(self._on_action_clicked, actions.reseal)),
            ("reweigh", self.tr("Re-&weigh…"), partial(self._on_action_clicked, actions.reweigh)),
            ("print", self.tr("&Print labels…"), self._on_print_clicked),
            ("photo", self.tr("A&dd photo…"), self._on_photo_clicked),
        ):
            button = named(QPushButton(text), name)
            button.clicked.connect(slot)
            row.addWidget(button)
            self.buttons[name] = button
        row.addStretch(1)
        return row

    def _build_body(self) -> QSplitter:
        self.fields = SampleFieldsPanel(self.lab.timezone)
        self.timeline_model = TimelineModel(self.lab.timezone, self)
        self.timeline = named(QTableView(), "timeline")
        self.timeline.setModel(self.timeline_model)
        self.timeline.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.timeline.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.timeline.setAlternatingRowColors(True)
        self.timeline.setWordWrap(False)
        self.timeline.verticalHeader().hide()
        self.timeline.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.prints = PrintTable(self.lab.timezone)
        self.photos = PhotoStrip()
        self.tabs = named(QTabWidget(), "detail_tabs")
        self.tabs.addTab(self.timeline, "")
        self.tabs.addTab(self.prints, "")
        self.tabs.addTab(self.photos, "")
        splitter = QSplitter(Qt.Orientation.Horizontal)
        fields_area = QScrollArea()  # wrapped values keep their height on a short window
        fields_area.setWidgetResizable(True)
        fields_area.setFrameShape(QFrame.Shape.NoFrame)
        fields_area.setWidget(self.fields)
        splitter.addWidget(fields_area)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([340, 860])
        return splitter

    # --- showing ------------------------------------------------------------------------------

    def show_sample(self, code: str) -> bool:
        """Show the sample with this ID (human or scanned form); False if it cannot be shown."""
        try:
            detail = self.ctx.query(partial(_load, raw=code))
        except CustodyError as error:
            self._show_empty(error_text(error))
            return False
        self._fill(detail)
        return True

    def refresh(self) -> None:
        """Read the sample shown again (after an action, or F5)."""
        if self.sample is not None:
            self.show_sample(self.sample.code)

    def _fill(self, detail: _Detail) -> None:
        sample = self.sample = detail.sample
        self.history = detail.history
        self.code_label.setText(sample.code)
        self.status_label.setText(status_label(sample.status))
        self.status_label.show()
        self.compact_label.setText(self.tr("scanner code {code}").format(code=sample.compact))
        self.hazard_label.setVisible(sample.hazard)
        self.fields.show_sample(sample)
        self.timeline_model.set_events(detail.history)
        self.timeline.resizeColumnsToContents()
        for column in range(self.timeline_model.columnCount()):  # long names: see the tooltip
            if self.timeline.columnWidth(column) > MAX_TIMELINE_COLUMN:
                self.timeline.setColumnWidth(column, MAX_TIMELINE_COLUMN)
        if detail.history:
            self.timeline.scrollToBottom()
        self.prints.set_prints(detail.prints)
        self.photos.set_photos(detail.photos)
        self.tabs.setTabText(0, self.tr("Custody timeline ({n})").format(n=len(detail.history)))
        self.tabs.setTabText(1, self.tr("Labels ({n})").format(n=len(detail.prints)))
        self.tabs.setTabText(2, self.tr("Photographs ({n})").format(n=len(detail.photos)))
        self._update_buttons()

    def _show_empty(self, message: str) -> None:
        self.sample = None
        self.history = []
        self.code_label.setText(message)
        self.status_label.hide()
        self.compact_label.clear()
        self.hazard_label.hide()
        self.fields.clear()
        self.timeline_model.set_events([])
        self.prints.set_prints([])
        self.photos.set_photos([])
        for index, title in enumerate(
            (self.tr("Custody timeline"), self.tr("Labels"), self.tr("Photographs"))
        ):
            self.tabs.setTabText(index, title)
        self._update_buttons()

    def _update_buttons(self) -> None:
        sample, actor = self.sample, self.ctx.actor
        for name, button in self.buttons.items():
            enabled, why = False, ""
            if sample is not None and actor is not None:
                event, action = _GUARDS[name]
                if not is_allowed(actor.role, action):
                    why = self.tr("Your role may not do this.")
                elif event is not None and event not in sample.allowed:
                    why = self.tr("Not possible while the sample is {status}.").format(
                        status=status_label(sample.status).lower()
                    )
                else:
                    enabled = True
            button.setEnabled(enabled)
            button.setToolTip(why)

    def _say(self, text: str, *, ok: bool) -> None:
        self.notice.setProperty("ok", ok)
        self.notice.setStyleSheet(OK_STYLE if ok else ALERT_STYLE)
        self.notice.setText(text)
        self.notice.show()

    # --- actions ------------------------------------------------------------------------------

    @property
    def dialog(self) -> QDialog | None:
        """The action dialog open now, if any (tests drive it)."""
        return self.sample_actions.dialog

    def _on_action_clicked(self, action: Callable[[SampleView], None]) -> None:
        if self.sample is not None:
            self.notice.hide()
            action(self.sample)

    def _on_actions_performed(self, label: str, result: object) -> None:
        code = self.sample.code if self.sample else ""
        self.refresh()
        if isinstance(result, seals.ReweighResult):
            self._on_reweighed(result)
        self.sample_changed.emit(code)

    def _on_reweighed(self, result: seals.ReweighResult) -> None:
        before, after = result.previous, result.sample.net_weight
        if not result.alert:
            self._say(
                self.tr("Weight recorded: {before} g → {after} g (within the tolerance).").format(
                    before=before, after=after
                ),
                ok=True,
            )
            return
        weighed = [e for e in self.history if e.event_type is EventType.WEIGH and e.notes]
        note = weighed[-1].notes if weighed else ""
        self._say(
            self.tr(
                "{note}\nRecorded: {before} g → {after} g. Check the balance and the seal, "
                "and tell your supervisor."
            ).format(note=note, before=before, after=after),
            ok=False,
        )

    def _on_print_clicked(self) -> None:
        if self.sample is None:
            return
        dialog = self._print_dialog(self.ctx, [self.sample.code], self)
        dialog.finished.connect(self.refresh)
        self.notice.hide()
        self.sample_actions.show_dialog(dialog)

    def _on_photo_clicked(self) -> None:
        if (sample := self.sample) is None:
            return
        path = self._choose_photo(self)
        if path is None:
            return
        try:
            data = path.read_bytes()
            added = self.ctx.perform(
                "add photo",
                partial(photos.add_photo, sample_id=sample.id, filename=path.name, data=data),
            )
        except OSError as error:
            self._say(
                self.tr("The file {name} cannot be read: {error}").format(
                    name=path.name, error=error.strerror or error
                ),
                ok=False,
            )
            return
        except CustodyError as error:
            self._say(error_text(error), ok=False)
            return
        self.refresh()
        self.tabs.setCurrentWidget(self.photos)
        self._say(
            self.tr("Photograph {name} added; SHA-256 {sha}.").format(
                name=added.filename, sha=added.sha256
            ),
            ok=True,
        )
        self.sample_changed.emit(sample.code)

    def _on_find_edit_return_pressed(self) -> None:
        if self.find_edit.text().strip() and self.show_sample(self.find_edit.text()):
            self.find_edit.clear()
