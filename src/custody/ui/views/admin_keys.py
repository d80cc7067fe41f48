"""Admin › Signing key: the lab's Ed25519 signing key as partner labs check it (the fingerprint
in groups of four, and as a QR code), the keys it replaced, where the private key file lives,
and the newest signed checkpoint of the journal (its code can be copied and handed to someone
who holds it). A supervisor exports the public key (a PEM file for partner labs), rotates the
key with a reason, signs a checkpoint by hand, and sets how often one is signed; the others
read."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from custody import signing, verifier
from custody.atomic import write_atomically
from custody.context import AppContext
from custody.domain.permissions import Action
from custody.domain.text import grouped
from custody.errors import CustodyError, NotFound
from custody.services import checkpoints, journal_view
from custody.services.checkpoints import KeyView
from custody.services.lab import lab
from custody.services.work import Work
from custody.ui.dialogs.rotate_key import RotateKeyDialog
from custody.ui.error_text import error_text
from custody.ui.i18n import localized_number
from custody.ui.models.record_table import RecordTableModel
from custody.ui.models.shipment_table import local_time
from custody.ui.naming import named
from custody.ui.views.admin_support import allow, message_label, show_message
from custody.ui.widgets.fingerprint_label import FingerprintLabel

__all__ = ["KeyState", "KeysTab", "read_state"]

QR_SIDE = 168  # px: a phone reads the fingerprint's QR code from the screen


@dataclass(frozen=True)
class KeyState:
    """What the tab shows, read in one transaction."""

    site_prefix: str
    keys: tuple[KeyView, ...]  # newest first
    checkpoint: dict[str, Any] | None  # the newest signed checkpoint statement
    checkpoint_at: datetime | None  # when it was signed (its journal entry's time)
    interval: int

    @property
    def current(self) -> KeyView | None:
        return next((k for k in self.keys if k.retired_at is None), None)

    @property
    def retired(self) -> list[KeyView]:
        return [k for k in self.keys if k.retired_at is not None]


def read_state(work: Work) -> KeyState:
    keys = tuple(checkpoints.keys(work))
    newest = checkpoints.latest(work)
    statement = newest[0] if newest else None
    at = None
    if statement is not None:
        try:  # the checkpoint is the entry right after the ones it covers
            at = journal_view.journal_entry(work, int(statement["size"]) + 1).at
        except NotFound:
            at = None
    return KeyState(lab(work).site_prefix, keys, statement, at, checkpoints.interval(work))


def _selectable(label: QLabel) -> QLabel:
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class KeysTab(QWidget):
    def __init__(self, ctx: AppContext, parent: Any = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.state: KeyState | None = None
        self.dialog: RotateKeyDialog | None = None  # the dialog opened last (tests drive it)
        self.message = message_label()
        column = QVBoxLayout(self)
        column.addWidget(self._key_box())
        column.addWidget(self._checkpoint_box())
        column.addWidget(self._retired_box(), 1)
        column.addWidget(self.message)
        tip = self.tr("Only a supervisor manages the signing key.")
        for button in (self.rotate_button, self.make_button, self.interval_button):
            allow(button, ctx, Action.SETTINGS, tip)
        self.interval_spin.setEnabled(self.interval_button.isEnabled())
        self.refresh()

    # --- building ---------------------------------------------------------------------------

    def _key_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("This lab's signing key"))
        hint = QLabel(
            self.tr(
                "Partner labs accept this lab's bundles only once they hold this key. Read the "
                "fingerprint out to them by phone, four characters at a time, or let them scan "
                "the code, and send them the exported public key."
            ),
            wordWrap=True,
        )
        self.fingerprint_label = FingerprintLabel("fingerprint")
        self.created_label = _selectable(named(QLabel(), "created"))
        self.key_file_label = _selectable(named(QLabel(wordWrap=True), "key_file"))
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("In use since:"), self.created_label)
        form.addRow(self.tr("Private key file:"), self.key_file_label)
        self.export_button = named(QPushButton(self.tr("&Export public key…")), "export_key")
        self.export_button.setToolTip(self.tr("Save the public key as a PEM file for partner labs"))
        self.rotate_button = named(QPushButton(self.tr("R&otate key…")), "rotate_key")
        self.rotate_button.setToolTip(self.tr("Replace the key (the old one signs the new one)"))
        self.export_button.clicked.connect(self._on_export_clicked)
        self.rotate_button.clicked.connect(self._on_rotate_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.rotate_button)
        buttons.addStretch(1)
        left = QVBoxLayout()
        left.addWidget(hint)
        left.addWidget(self.fingerprint_label)
        left.addLayout(form)
        left.addLayout(buttons)
        left.addStretch(1)
        from custody.ui.widgets.qr_code import QrCodeWidget  # qrcode: once the tab is built

        self.qr = named(QrCodeWidget(), "fingerprint_qr")
        self.qr.setFixedSize(QR_SIDE, QR_SIDE)
        row = QHBoxLayout(box)
        row.addLayout(left, 1)
        row.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignTop)
        return box

    def _checkpoint_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Newest signed checkpoint"))
        self.checkpoint_label = _selectable(named(QLabel(wordWrap=True), "checkpoint"))
        self.copy_button = named(QPushButton(self.tr("&Copy checkpoint code")), "copy_code")
        self.copy_button.setToolTip(
            self.tr("One line to hand to someone who holds it (e-mail, a letter, a notebook)")
        )
        self.make_button = named(QPushButton(self.tr("Sign a checkpoint &now")), "make_checkpoint")
        self.interval_spin = named(QSpinBox(), "interval")
        self.interval_spin.setRange(checkpoints.MIN_INTERVAL, checkpoints.MAX_INTERVAL)
        self.interval_spin.setSingleStep(100)
        self.interval_spin.setGroupSeparatorShown(True)
        self.interval_spin.setSuffix(self.tr(" entries"))
        self.interval_button = named(QPushButton(self.tr("&Save interval")), "save_interval")
        self.copy_button.clicked.connect(self._on_copy_clicked)
        self.make_button.clicked.connect(self._on_make_clicked)
        self.interval_button.clicked.connect(self._on_interval_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.make_button)
        buttons.addStretch(1)
        interval = QHBoxLayout()
        caption = QLabel(self.tr("Sign a checkpoint every:"))
        caption.setBuddy(self.interval_spin)
        interval.addWidget(caption)
        interval.addWidget(self.interval_spin)
        interval.addWidget(self.interval_button)
        interval.addStretch(1)
        layout = QVBoxLayout(box)
        layout.addWidget(self.checkpoint_label)
        layout.addLayout(buttons)
        layout.addLayout(interval)
        return box

    def _retired_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Previous keys (retired)"))
        self.retired_model: RecordTableModel[KeyView] = RecordTableModel(
            [self.tr("Fingerprint"), self.tr("In use since"), self.tr("Retired"), self.tr("Why")],
            self._retired_cells,
            self,
        )
        self.retired_table = named(QTableView(), "retired_keys")
        self.retired_table.setModel(self.retired_model)
        self.retired_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.retired_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.retired_table.horizontalHeader().setStretchLastSection(True)
        self.retired_table.verticalHeader().hide()
        self.retired_table.setMinimumHeight(90)
        QVBoxLayout(box).addWidget(self.retired_table)
        return box

    # --- showing ----------------------------------------------------------------------------

    def _when(self, moment: datetime | None) -> str:
        return local_time(moment, ZoneInfo(self.ctx.zone))

    def _retired_cells(self, key: KeyView) -> tuple[str, ...]:
        when = self._when
        return (
            grouped(key.fingerprint),
            when(key.created_at),
            when(key.retired_at),
            key.retired_reason or "",
        )

    def refresh(self) -> None:
        """Read the keys and the newest checkpoint again (another workstation may have
        rotated the key or signed a checkpoint)."""
        try:
            state = self.ctx.query(read_state)
        except CustodyError as error:
            show_message(self.message, error_text(error), ok=False)
            return
        self._show(state)

    def _show(self, state: KeyState) -> None:
        self.state = state
        current = state.current
        if current is None:
            self.fingerprint_label.set_fingerprint("", empty=self.tr("No signing key yet"))
            self.created_label.setText("—")
            self.qr.set_payload(None)
        else:
            self.fingerprint_label.set_fingerprint(current.fingerprint)
            self.created_label.setText(self._when(current.created_at))
            self.qr.set_payload(current.fingerprint)
        self.export_button.setEnabled(current is not None)
        path = self.ctx.signing_key_file
        if path is None:
            self.key_file_label.setText(
                self.tr("Not set: point {variable} at the lab's key file.").format(
                    variable=signing.ENV
                )
            )
        elif path.exists():
            self.key_file_label.setText(str(path))
        else:
            missing = self.tr("{path} (missing on this workstation)")
            self.key_file_label.setText(missing.format(path=path))
        cp = state.checkpoint
        if cp is None:
            self.checkpoint_label.setText(self.tr("No checkpoint signed yet."))
        else:
            self.checkpoint_label.setText(
                self.tr("{size} entries — head {head}… — signed {when} by key {key}").format(
                    size=localized_number(f"{cp['size']:,}"),
                    head=str(cp["head"])[:12],
                    when=self._when(state.checkpoint_at),
                    key=grouped(str(cp["key"]))[:9],
                )
            )
        self.copy_button.setEnabled(cp is not None)
        self.interval_spin.setValue(state.interval)
        self.retired_model.set_rows(state.retired)
        self.retired_table.resizeColumnsToContents()

    def say(self, text: str, *, ok: bool) -> None:
        show_message(self.message, text, ok=ok)

    # --- actions ----------------------------------------------------------------------------

    def _on_export_clicked(self) -> None:
        current = self.state.current if self.state else None
        if current is None or self.state is None:
            return
        suggested = f"{self.state.site_prefix}-signing-key-{current.fingerprint[:8]}.pem"
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export the lab's public key"),
            suggested,
            self.tr("PEM public keys (*.pem)"),
        )
        if not name:
            return
        target = Path(name)
        if target.suffix.lower() != ".pem":
            target = target.with_name(f"{target.name}.pem")
        try:
            write_atomically(target, signing.public_pem(current.public_key))
        except OSError as error:
            self.say(
                self.tr("The public key could not be saved: {error}").format(
                    error=error.strerror or error
                ),
                ok=False,
            )
            return
        self.say(
            self.tr("Public key {fingerprint} saved to {path}.").format(
                fingerprint=grouped(current.fingerprint), path=target
            ),
            ok=True,
        )

    def _on_rotate_clicked(self) -> None:
        current = self.state.current if self.state else None
        if current is None:
            self.say(self.tr("The lab has no signing key to rotate."), ok=False)
            return
        dialog = RotateKeyDialog(current.fingerprint, self.ctx.rotate_signing_key, self.window())
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._rotated(dialog))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _rotated(self, dialog: RotateKeyDialog) -> None:
        self.refresh()
        text = self.tr(
            "The signing key is now {fingerprint}. Tell partner labs the new fingerprint and "
            "send them the exported public key."
        )
        self.say(text.format(fingerprint=grouped(str(dialog.outcome))), ok=True)

    def _on_copy_clicked(self) -> None:
        cp = self.state.checkpoint if self.state else None
        if cp is None:
            return
        QGuiApplication.clipboard().setText(verifier.checkpoint_code(cp))
        self.say(
            self.tr("The code of the checkpoint at {size} entries is on the clipboard.").format(
                size=localized_number(f"{cp['size']:,}")
            ),
            ok=True,
        )

    def _on_make_clicked(self) -> None:
        try:
            made = self.ctx.perform(
                "make checkpoint", lambda w: checkpoints.make_by_hand(w, self.ctx.signer())
            )
        except CustodyError as error:
            self.say(error_text(error), ok=False)
            return
        self.refresh()
        self.say(
            self.tr("Checkpoint signed at {size} entries.").format(
                size=localized_number(f"{made.statement['size']:,}")
            ),
            ok=True,
        )

    def _on_interval_clicked(self) -> None:
        entries = self.interval_spin.value()
        try:
            self.ctx.perform(
                "checkpoint interval", partial(checkpoints.set_interval, entries=entries)
            )
        except CustodyError as error:
            self.say(error_text(error), ok=False)
            return
        self.refresh()
        self.say(
            self.tr("A checkpoint is now signed every {n} entries.").format(
                n=localized_number(f"{entries:,}")
            ),
            ok=True,
        )
