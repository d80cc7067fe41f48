"""A line edit checked as the user types, with its message right underneath.

The checks reuse the domain's own rules (weights, required text, lengths), so the field says
exactly what the service would refuse, before anything is sent. A refusal from the service can
also be shown under the field (:meth:`CheckedField.show_refusal`); it stays until the next edit.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCompleter, QLabel, QLineEdit, QVBoxLayout, QWidget

from custody.domain import text
from custody.domain.weights import WeightError, parse_grams
from custody.ui.error_text import error_text
from custody.ui.i18n import translate

__all__ = [
    "Check",
    "CheckedField",
    "optional_text",
    "required_text",
    "weight",
    "whole_number",
]

#: A check: the problem with the text as typed, or None when it is fine.
Check = Callable[[str], str | None]

ERROR_STYLE = "color: #b00020;"


def required_text(field: str, max_len: int = 500) -> Check:
    """Required free text, as the services clean it (``domain.text.required``)."""

    def check(value: str) -> str | None:
        try:
            text.required(value, field, max_len=max_len)
        except ValueError as error:
            return error_text(error)
        return None

    return check


def optional_text(field: str, max_len: int = 500) -> Check:
    def check(value: str) -> str | None:
        try:
            text.optional(value, field, max_len=max_len)
        except ValueError as error:
            return error_text(error)
        return None

    return check


def weight(field: str, *, required: bool = True) -> Check:
    """A weight in grams (``domain.weights.parse_grams``); a required one must be above 0 g."""

    def check(value: str) -> str | None:
        if not value.strip() and not required:
            return None
        try:
            grams = parse_grams(value, field=field)
        except WeightError as error:
            return error_text(error)
        if required and grams <= 0:
            return translate("CheckedField", "The {field} must be more than 0 g.").format(
                field=field
            )
        return None

    return check


def whole_number(field: str) -> Check:
    """An optional count: blank, or a whole number of 0 or more."""

    def check(value: str) -> str | None:
        stripped = value.strip()
        if not stripped:
            return None
        if not stripped.isdigit():
            return translate("CheckedField", "The {field} '{value}' is not a whole number.").format(
                field=field, value=stripped
            )
        return None

    return check


class CheckedField(QWidget):
    """``edit`` (a QLineEdit named ``name``) over ``error`` (a label named ``name_error``).

    The message shows once the field has been edited (or :meth:`reveal` is called), so an empty
    form does not shout; :meth:`problem` is always current.
    """

    checked = Signal()  # the text was checked again (its problem may have changed)

    def __init__(
        self,
        name: str,
        check: Check | None = None,
        *,
        placeholder: str = "",
        max_length: int = 500,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._check = check
        self._refusal: str | None = None
        self._revealed = False
        self.edit = QLineEdit()
        self.edit.setObjectName(name)
        self.edit.setMaxLength(max_length)
        self.edit.setPlaceholderText(placeholder)
        self.error = QLabel()
        self.error.setObjectName(f"{name}_error")
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit)
        layout.addWidget(self.error)
        self.setFocusProxy(self.edit)
        self.edit.textChanged.connect(self._on_edit_text_changed)

    # --- state -------------------------------------------------------------------------------

    def text(self) -> str:
        return self.edit.text()

    def set_text(self, value: str) -> None:
        self.edit.setText(value)

    def problem(self) -> str | None:
        """The refusal shown since the last edit, or what the check finds wrong now."""
        if self._refusal is not None:
            return self._refusal
        return self._check(self.edit.text()) if self._check else None

    def is_valid(self) -> bool:
        return self.problem() is None

    def set_check(self, check: Check | None) -> None:
        self._check = check
        self._update()

    def recheck(self) -> None:
        """Check again (the check depends on something else that changed)."""
        self._update()

    def reveal(self) -> None:
        """Show the message even if the field was never edited."""
        self._revealed = True
        self._update()

    def show_refusal(self, message: str) -> None:
        """A service refused the value: say why under the field until it is edited."""
        self._refusal = message
        self._revealed = True
        self._update()
        self.edit.setFocus()
        self.edit.selectAll()

    def clear(self) -> None:
        """Empty the field and hide its message (a fresh entry)."""
        self._refusal = None
        self.edit.blockSignals(True)
        self.edit.clear()
        self.edit.blockSignals(False)
        self._revealed = False
        self._update()

    def suggest(self, words: Sequence[str]) -> None:
        """Complete the typing inline from ``words`` (Tab accepts; no popup steals the keys)."""
        completer = QCompleter(list(words), self)
        completer.setCompletionMode(QCompleter.CompletionMode.InlineCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.edit.setCompleter(completer)

    def set_locked(self, locked: bool) -> None:
        self.edit.setReadOnly(locked)

    # --- internals ---------------------------------------------------------------------------

    def _on_edit_text_changed(self, _text: str) -> None:
        self._refusal = None
        self._revealed = True
        self._update()

    def _update(self) -> None:
        problem = self.problem()
        self.error.setText(problem or "")
        self.error.setVisible(self._revealed and problem is not None)
        self.checked.emit()
