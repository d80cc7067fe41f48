"""Admin › Consignees: the laboratories shipments go to; add, edit, archive, add the DEA labs."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

from custody.context import AppContext
from custody.domain.permissions import Action
from custody.services import consignees
from custody.services.consignees import ConsigneeView
from custody.ui.naming import named
from custody.ui.views.admin_support import RecordTab, allow


def _archived() -> str:
    return QCoreApplication.translate("ConsigneesTab", "archived")


def _cells(view: ConsigneeView) -> Sequence[str]:
    return (view.name, " · ".join(view.address.splitlines()), "" if view.active else _archived())


class ConsigneesTab(RecordTab[ConsigneeView]):
    def __init__(self, ctx: AppContext, parent: Any = None) -> None:
        headers = [self.tr("Name"), self.tr("Address"), self.tr("Archived")]
        load = partial(consignees.list_all, include_archived=True)
        super().__init__(ctx, headers, _cells, load, parent)
        self.name_edit = named(QLineEdit(maxLength=200), "name")
        self.address_edit = named(QPlainTextEdit(), "address")
        self.address_edit.setTabChangesFocus(True)
        self.address_edit.setFixedHeight(80)
        self.new_button = named(QPushButton(self.tr("N&ew")), "new")
        self.add_button = named(QPushButton(self.tr("&Add")), "add")
        self.save_button = named(QPushButton(self.tr("&Save changes")), "save")
        self.archive_box = QCheckBox(self.tr("Archived (not offered for new shipments)"))
        self.archive_box.setObjectName("archived")
        self.dea_button = named(QPushButton(self.tr("Add &DEA laboratories")), "add_dea")
        self.new_button.clicked.connect(self._on_new_clicked)
        self.add_button.clicked.connect(self._on_add_clicked)
        self.save_button.clicked.connect(self._on_save_clicked)
        self.dea_button.clicked.connect(self._on_dea_clicked)

        box = QGroupBox(self.tr("Consignee"))
        form = QFormLayout(box)
        form.addRow(self.tr("&Name:"), self.name_edit)
        form.addRow(self.tr("Add&ress:"), self.address_edit)
        form.addRow(self.archive_box)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.add_button, self.save_button):
            buttons.addWidget(button)
        buttons.addStretch()
        form.addRow(buttons)
        top = QHBoxLayout()
        top.addWidget(self.dea_button)
        top.addStretch()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(box)
        layout.addWidget(self.message)
        tip = self.tr("Only a supervisor edits the consignees.")
        self._allowed = all(
            [allow(b, ctx, Action.SETTINGS, tip) for b in (self.add_button, self.dea_button)]
        )
        if not self._allowed:
            self.save_button.setToolTip(tip)
        self.refresh()
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self._on_selection_changed()

    def _on_selection_changed(self, *_: object) -> None:
        chosen = self.current()
        self.save_button.setEnabled(chosen is not None and self._allowed)
        self.archive_box.setEnabled(chosen is not None)
        if chosen is not None:
            self.name_edit.setText(chosen.name)
            self.address_edit.setPlainText(chosen.address)
            self.archive_box.setChecked(not chosen.active)

    def _on_new_clicked(self) -> None:
        self.table.clearSelection()
        self.name_edit.clear()
        self.address_edit.clear()
        self.archive_box.setChecked(False)
        self.name_edit.setFocus()

    def _done(self, view: ConsigneeView, text: str) -> None:
        self.refresh()
        self.select_where(lambda c: c.id == view.id)
        self.say(text.format(name=view.name), ok=True)

    def _on_add_clicked(self) -> None:
        done = self.attempt(
            "add consignee",
            partial(
                consignees.add, name=self.name_edit.text(), address=self.address_edit.toPlainText()
            ),
        )
        if done is not None:
            self._done(done, self.tr("Consignee {name} added."))

    def _on_save_clicked(self) -> None:
        chosen = self.current()
        if chosen is None:
            return
        done = self.attempt(
            "update consignee",
            partial(
                consignees.update,
                consignee_id=chosen.id,
                name=self.name_edit.text(),
                address=self.address_edit.toPlainText(),
                active=not self.archive_box.isChecked(),
            ),
        )
        if done is not None:
            self._done(done, self.tr("Consignee {name} saved."))

    def _on_dea_clicked(self) -> None:
        added = self.attempt("add DEA laboratories", consignees.add_defaults)
        if added is None:
            return
        self.refresh()
        if added:
            text = self.tr("Added: {names}.").format(names=", ".join(c.name for c in added))
        else:
            text = self.tr("The DEA laboratories are in the list already.")
        self.say(text, ok=True)
