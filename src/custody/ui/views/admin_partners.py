"""Admin › Partner labs: the public keys of the labs whose signed bundles this lab imports.

A key is added from the PEM file the other lab sent, only after its fingerprint was confirmed
with that lab through another channel (a phone call, a letter, the fingerprint printed on its
manifest): the dialog shows the fingerprint large for that comparison and asks how it was
confirmed (journaled with the key). A bundle is never trusted for the key it brings itself.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

from custody import verifier
from custody.context import AppContext
from custody.domain.permissions import Action
from custody.domain.text import grouped
from custody.services import partners
from custody.services.partners import PartnerView
from custody.ui.dialogs.action_dialog import ActionDialog
from custody.ui.models.shipment_table import local_time
from custody.ui.naming import named
from custody.ui.views.admin_support import RecordTab, allow
from custody.ui.widgets.fingerprint_label import FingerprintLabel

__all__ = ["AddPartnerDialog", "PartnersTab"]

MAX_PEM = 64 * 1024  # an Ed25519 public key PEM is about 113 bytes
MAX_COLUMN = 240  # px

AddPartner = Callable[[str, str, str], PartnerView]  # (origin, lab name, how checked)


class AddPartnerDialog(ActionDialog):
    """Shows the key's fingerprint for the comparison; collects origin, name and how it was
    confirmed; `add(origin, lab_name, how_checked)` registers it (kept in `outcome`)."""

    def __init__(self, path: Path, fingerprint: str, add: AddPartner, parent: Any = None) -> None:
        super().__init__(self.tr("Add a partner lab's key"), self.tr("&Add the key"), parent)
        self._add = add
        self.set_intro(
            self.tr(
                "Before adding it, compare this fingerprint with the partner lab through "
                "another channel: read it out by phone with someone you know there, or check "
                "it against a letter or a manifest they signed. A file can be swapped on its "
                "way; the fingerprint confirmed by the lab cannot."
            )
        )
        self.fingerprint_label = FingerprintLabel("partner_fingerprint", scale=1.8)
        self.fingerprint_label.set_fingerprint(fingerprint)
        self.fingerprint_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.fingerprint_label.setMinimumHeight(self.fingerprint_label.sizeHint().height() + 16)
        self.body.insertWidget(1, self.fingerprint_label)
        file_label = QLabel(str(path), wordWrap=True)
        file_label.setObjectName("pem_file")
        file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.origin_edit = named(QLineEdit(maxLength=20), "origin")
        self.origin_edit.setPlaceholderText(self.tr("its site prefix, e.g. US-STRL"))
        self.name_edit = named(QLineEdit(maxLength=200), "lab_name")
        self.name_edit.setPlaceholderText(self.tr("e.g. DEA Special Testing and Research Lab"))
        self.how_edit = named(QPlainTextEdit(), "how_checked")
        self.how_edit.setTabChangesFocus(True)
        self.how_edit.setFixedHeight(72)
        self.how_edit.setPlaceholderText(
            self.tr("e.g. read out by phone with Dr. Ana Ruiz (+1 703 555 0100), 2026-09-01")
        )
        self.form.addRow(self.tr("Key file:"), file_label)
        self.form.addRow(self.tr("Lab's site &prefix:"), self.origin_edit)
        self.form.addRow(self.tr("Lab &name:"), self.name_edit)
        self.form.addRow(
            self.tr("&How did you confirm this\nfingerprint with the lab?"), self.how_edit
        )
        self.setMinimumWidth(620)
        self.origin_edit.setFocus()

    def submit(self) -> None:
        origin, name = self.origin_edit.text().strip(), self.name_edit.text().strip()
        how = self.how_edit.toPlainText().strip()
        if not origin:
            self.show_refusal(self.tr("Enter the partner lab's site prefix."), self.origin_edit)
        elif not name:
            self.show_refusal(self.tr("Enter the partner lab's name."), self.name_edit)
        elif not how:
            self.show_refusal(
                self.tr(
                    "Say how the fingerprint was confirmed with the lab (with whom, how, "
                    "when). Do not add a key nobody confirmed."
                ),
                self.how_edit,
            )
        else:
            self.run(lambda: self._add(origin, name, how), self.origin_edit)


class PartnersTab(RecordTab[PartnerView]):
    def __init__(self, ctx: AppContext, parent: Any = None) -> None:
        headers = [
            self.tr("Site prefix"),
            self.tr("Lab"),
            self.tr("Fingerprint"),
            self.tr("Added"),
            self.tr("How it was confirmed"),
        ]
        super().__init__(ctx, headers, self._cells, partners.partners, parent)
        self.dialog: AddPartnerDialog | None = None  # the dialog opened last (tests drive it)
        self.add_button = named(QPushButton(self.tr("&Add partner key…")), "add_partner")
        self.add_button.setToolTip(self.tr("Register the public key (PEM file) of another lab"))
        self.add_button.clicked.connect(self._on_add_clicked)
        intro = QLabel(
            self.tr(
                "Bundles from another lab are imported only when they are signed by a key "
                "listed here for that lab."
            ),
            wordWrap=True,
        )
        top = QHBoxLayout()
        top.addWidget(intro, 1)
        top.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        allow(
            self.add_button, ctx, Action.SETTINGS, self.tr("Only a supervisor adds partner keys.")
        )
        self.table.setWordWrap(False)
        self.refresh()

    def refresh(self) -> None:
        super().refresh()
        for column in (1, 4):  # long names and notes: the full text is in the tooltip
            if self.table.columnWidth(column) > MAX_COLUMN:
                self.table.setColumnWidth(column, MAX_COLUMN)

    def _cells(self, view: PartnerView) -> Sequence[str]:
        added = local_time(view.added_at, ZoneInfo(self.ctx.zone))
        return (
            view.origin,
            view.lab_name,
            grouped(view.fingerprint),
            f"{added}, {view.added_by}",
            " ".join(view.how_checked.split()),
        )

    def _on_add_clicked(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("The partner lab's public key"),
            "",
            self.tr("PEM public keys (*.pem);;All files (*)"),
        )
        if not name:
            return
        path = Path(name)
        try:
            with path.open("rb") as raw:
                data = raw.read(MAX_PEM + 1)
            if len(data) > MAX_PEM:
                raise verifier.Invalid("the file is far too large for a public key")
            key = verifier.public_key_of_pem(data)
        except OSError as error:
            self.say(
                self.tr("{path} cannot be read: {error}").format(
                    path=path, error=error.strerror or error
                ),
                ok=False,
            )
            return
        except verifier.Invalid as error:
            self.say(
                self.tr("{path} is not a usable public key: {reason}").format(
                    path=path.name, reason=error
                ),
                ok=False,
            )
            return

        def add(origin: str, lab_name: str, how_checked: str) -> PartnerView:
            return self.ctx.perform(
                "add partner key",
                lambda w: partners.add_partner(w, data, origin, lab_name, how_checked),
            )

        dialog = AddPartnerDialog(path, verifier.fingerprint(key), add, self.window())
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._added(dialog))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _added(self, dialog: AddPartnerDialog) -> None:
        view = dialog.outcome
        if not isinstance(view, PartnerView):
            return
        self.refresh()
        self.select_where(lambda p: p.id == view.id)
        self.say(
            self.tr("The key {fingerprint} of {lab} ({origin}) was added.").format(
                fingerprint=grouped(view.fingerprint), lab=view.lab_name, origin=view.origin
            ),
            ok=True,
        )
