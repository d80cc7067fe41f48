"""Rotate the lab's signing key: why, and the supervisor's confirmation of what it means."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QCheckBox, QLineEdit

from custody.domain.text import grouped
from custody.ui.dialogs.action_dialog import ActionDialog
from custody.ui.naming import named

__all__ = ["RotateKeyDialog"]


class RotateKeyDialog(ActionDialog):
    """`action(reason)` rotates the key and returns the new fingerprint (kept in `outcome`)."""

    def __init__(self, fingerprint: str, action: Callable[[str], str], parent: Any = None) -> None:
        super().__init__(self.tr("Rotate the signing key"), self.tr("&Rotate the key"), parent)
        self._action = action
        self.set_intro(
            self.tr(
                "A new signing key replaces {fingerprint}. The old key signs the new one, so "
                "bundles and checkpoints signed before stay valid, and its file is kept beside "
                "the new one, renamed. Partner labs must then be told the new fingerprint, and "
                "every workstation that shares the key file needs the new file."
            ).format(fingerprint=grouped(fingerprint))
        )
        self.reason_edit = named(QLineEdit(maxLength=500), "reason")
        self.reason_edit.setPlaceholderText(self.tr("e.g. the key file may have been copied"))
        self.confirm_box = named(
            QCheckBox(self.tr("I will give partner labs the new fingerprint")), "understood"
        )
        self.form.addRow(self.tr("&Reason:"), self.reason_edit)
        self.form.addRow(self.confirm_box)
        self.reason_edit.setFocus()

    def submit(self) -> None:
        if not self.reason_edit.text().strip():
            self.show_refusal(self.tr("Say why the key is replaced."), self.reason_edit)
            return
        if not self.confirm_box.isChecked():
            self.show_refusal(
                self.tr(
                    "Tick the box: partner labs refuse bundles signed by a key they have not "
                    "been told about."
                ),
                self.confirm_box,
            )
            return
        self.run(lambda: self._action(self.reason_edit.text().strip()), self.reason_edit)
