"""Admin › Locations: the storage hierarchy, add a location under a parent, print its labels."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from custody.context import AppContext
from custody.domain.enums import LocationKind
from custody.domain.permissions import Action
from custody.services import locations
from custody.services.locations import LocationView
from custody.ui.dialogs.print_labels import PrintLabelsDialog
from custody.ui.labels import location_kind_label
from custody.ui.naming import named
from custody.ui.views.admin_support import RecordTab, allow

#: Opens the print dialog for location codes (tests inject one with a file chooser).
OpenPrint = Callable[[AppContext, list[str], QWidget], PrintLabelsDialog]


def print_location_labels(ctx: AppContext, codes: list[str], parent: QWidget) -> PrintLabelsDialog:
    return PrintLabelsDialog(ctx, codes, parent, kind="location")


def _cells(view: LocationView) -> Sequence[str]:
    return (view.code, view.name, location_kind_label(view.kind), view.parent_code or "—")


class LocationsTab(RecordTab[LocationView]):
    def __init__(
        self, ctx: AppContext, parent: Any = None, *, open_print: OpenPrint = print_location_labels
    ) -> None:
        headers = [self.tr("Code"), self.tr("Name"), self.tr("Kind"), self.tr("Inside")]
        super().__init__(ctx, headers, _cells, locations.list_locations, parent)
        self._open_print = open_print
        self.print_dialog: PrintLabelsDialog | None = None
        self.code_edit = named(QLineEdit(maxLength=64), "code")
        self.code_edit.setPlaceholderText(self.tr("e.g. VAULT-A-S3"))
        self.name_edit = named(QLineEdit(maxLength=200), "name")
        self.kind_combo = named(QComboBox(), "kind")
        for kind in LocationKind:
            self.kind_combo.addItem(location_kind_label(kind), kind)
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(LocationKind.SHELF))
        self.parent_combo = named(QComboBox(), "parent")
        self.add_button = named(QPushButton(self.tr("&Add location")), "add_location")
        self.print_button = named(
            QPushButton(self.tr("&Print labels for the selected…")), "print_labels"
        )
        self.add_button.clicked.connect(self._on_add_clicked)
        self.print_button.clicked.connect(self._on_print_clicked)

        box = QGroupBox(self.tr("New location"))
        form = QFormLayout(box)
        form.addRow(self.tr("&Code:"), self.code_edit)
        form.addRow(self.tr("&Name:"), self.name_edit)
        form.addRow(self.tr("&Kind:"), self.kind_combo)
        form.addRow(self.tr("&Inside:"), self.parent_combo)
        form.addRow(self.add_button)
        row = QHBoxLayout()
        row.addWidget(self.print_button)
        row.addStretch()
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        layout.addWidget(box)
        layout.addWidget(self.message)
        allow(
            self.add_button,
            ctx,
            Action.MANAGE_LOCATIONS,
            self.tr("Your role may not add storage locations."),
        )
        allow(
            self.print_button,
            ctx,
            Action.PRINT_LABELS,
            self.tr("Your role may not print labels."),
        )
        self.refresh()
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)

    def _on_selection_changed(self, *_: object) -> None:
        """A new location goes inside the selected one, unless another parent is chosen."""
        chosen = self.current()
        if chosen is not None:
            self.parent_combo.setCurrentIndex(max(0, self.parent_combo.findData(chosen.code)))

    def refresh(self) -> None:
        super().refresh()
        if not hasattr(self, "parent_combo"):
            return
        kept = self.parent_combo.currentData()
        self.parent_combo.clear()
        self.parent_combo.addItem(self.tr("(top level)"), None)
        for row in range(self.model.rowCount()):
            place = self.model.record(row)
            self.parent_combo.addItem(f"{place.code} — {place.name}", place.code)
        self.parent_combo.setCurrentIndex(max(0, self.parent_combo.findData(kept)))

    def _on_add_clicked(self) -> None:
        code = self.code_edit.text()
        done = self.attempt(
            "add location",
            partial(
                locations.add_location,
                code=code,
                name=self.name_edit.text(),
                kind=LocationKind(self.kind_combo.currentData()),
                parent_code=self.parent_combo.currentData(),
            ),
        )
        if done is None:
            return
        self.refresh()
        self.select_where(lambda p: p.code == done.code)
        self.code_edit.clear()
        self.name_edit.clear()
        self.say(self.tr("Location {code} added.").format(code=done.code), ok=True)

    def _on_print_clicked(self) -> None:
        codes = [place.code for place in self.selected()]
        if not codes:
            self.say(self.tr("Select the locations to print labels for."), ok=False)
            return
        self.print_dialog = self._open_print(self.ctx, codes, self)
        self.print_dialog.open()
