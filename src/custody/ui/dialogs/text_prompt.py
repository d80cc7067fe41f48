"""Ask for one line of text (a reason, seal numbers…) and run an action with it.

With ``label=""`` there is no field: the dialog only confirms (the action gets "").
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QLineEdit

from custody.ui.dialogs.action_dialog import ActionDialog

__all__ = ["TextPromptDialog"]


class TextPromptDialog(ActionDialog):
    def __init__(
        self,
        title: str,
        intro: str,
        label: str,
        confirm: str,
        action: Callable[[str], object],
        *,
        missing: str = "",
        placeholder: str = "",
        max_length: int = 1000,
        parent: Any = None,
    ) -> None:
        super().__init__(title, confirm, parent)
        self._action = action
        self._missing = missing  # the message when the field is left empty; "" = optional
        self._has_field = bool(label)
        self.set_intro(intro)
        self.text_edit = QLineEdit()
        self.text_edit.setObjectName("text")
        self.text_edit.setMaxLength(max_length)
        self.text_edit.setPlaceholderText(placeholder)
        if label:
            self.form.addRow(label, self.text_edit)
            self.text_edit.setFocus()
        else:
            self.text_edit.hide()
            self.ok_button.setFocus()

    def text(self) -> str:
        return self.text_edit.text().strip()

    def submit(self) -> None:
        if self._has_field and self._missing and not self.text():
            self.show_refusal(self._missing, self.text_edit)
            return
        self.run(lambda: self._action(self.text()), self.text_edit)
