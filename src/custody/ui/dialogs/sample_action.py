"""A small dialog that collects the values of one action on a sample (seal, open, reseal,
re-weigh); the caller performs the action.

It never performs or accepts on its own: the action button checks the fields (their messages
show under them) and emits `submitted`; the caller runs the service and either calls `accept()`
or `show_refusal(message, field)`, which keeps the dialog open with the service's message next to
the field it concerns (or under the form).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
)

from custody.ui.i18n import translate
from custody.ui.models.sample_table import format_grams
from custody.ui.widgets.checked_field import (
    ERROR_STYLE,
    Check,
    CheckedField,
    required_text,
    weight,
)

__all__ = ["SampleActionDialog"]


class SampleActionDialog(QDialog):
    submitted = Signal()

    def __init__(self, title: str, intro: str, action_text: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setModal(True)
        self.fields: dict[str, CheckedField] = {}
        self.choices: dict[str, QComboBox] = {}
        self.intro = QLabel(intro)
        self.intro.setWordWrap(True)
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        self.form = QFormLayout()
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        # The action button stays enabled and is the only default: a disabled default would
        # hand Return to Cancel. Invalid fields get their message instead.
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(action_text)
        self.ok_button.setObjectName("submit")
        self.ok_button.setDefault(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setAutoDefault(False)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)

    # --- building ---------------------------------------------------------------------------

    def add_field(
        self, name: str, label: str, check: Check, *, text: str = "", placeholder: str = ""
    ) -> CheckedField:
        field = CheckedField(name, check, placeholder=placeholder, max_length=200)
        field.set_text(text)
        self.form.addRow(label, field)
        self.fields[name] = field
        if len(self.fields) == 1:
            field.setFocus()
        return field

    def add_choice(self, name: str, label: str, options: list[tuple[str, Any]]) -> QComboBox:
        """A required choice; the first entry is the unchosen state (data None)."""
        combo = QComboBox()
        combo.setObjectName(name)
        for text, data in options:
            combo.addItem(text, data)
        self.form.addRow(label, combo)
        self.choices[name] = combo
        return combo

    # --- values -----------------------------------------------------------------------------

    def value(self, name: str) -> str:
        return self.fields[name].text().strip()

    def choice(self, name: str) -> Any:
        return self.choices[name].currentData()

    def show_refusal(self, message: str, field: str | None = None) -> None:
        """Why the action was refused: under ``field``, or under the form."""
        if field is not None and field in self.fields:
            self.message.hide()
            self.fields[field].show_refusal(message)
        else:
            self.message.setText(message)
            self.message.show()
        self.adjustSize()

    def _on_buttons_accepted(self) -> None:
        self.message.hide()
        first_bad = None
        for field in self.fields.values():
            field.reveal()
            if first_bad is None and not field.is_valid():
                first_bad = field
        if first_bad is not None:
            first_bad.setFocus()
            return
        for combo in self.choices.values():
            if combo.currentData() is None:
                self.show_refusal(self.tr("Choose: {what}").format(what=combo.itemText(0)))
                combo.setFocus()
                return
        self.submitted.emit()

    # --- the actions --------------------------------------------------------------------------

    @classmethod
    def seal(cls, code: str, parent: Any = None) -> SampleActionDialog:
        dialog = cls(
            translate("SampleActionDialog", "Seal {code}").format(code=code),
            translate(
                "SampleActionDialog",
                "Enter the number printed on the seal you apply. Every seal number is used once.",
            ),
            translate("SampleActionDialog", "&Seal"),
            parent,
        )
        dialog.add_field(
            "serial",
            translate("SampleActionDialog", "Seal &number:"),
            required_text(translate("SampleActionDialog", "seal number"), 64),
        )
        return dialog

    @classmethod
    def reseal(cls, code: str, parent: Any = None) -> SampleActionDialog:
        dialog = cls(
            translate("SampleActionDialog", "Reseal {code}").format(code=code),
            translate(
                "SampleActionDialog",
                "Enter the number of the new seal; it replaces the seal broken when the "
                "sample was opened.",
            ),
            translate("SampleActionDialog", "&Reseal"),
            parent,
        )
        dialog.add_field(
            "serial",
            translate("SampleActionDialog", "New seal &number:"),
            required_text(translate("SampleActionDialog", "seal number"), 64),
        )
        return dialog

    @classmethod
    def open_sample(
        cls, code: str, seals: tuple[str, ...], parent: Any = None
    ) -> SampleActionDialog:
        shown = ", ".join(seals) or translate("SampleActionDialog", "none")
        dialog = cls(
            translate("SampleActionDialog", "Open {code}").format(code=code),
            translate(
                "SampleActionDialog",
                "Opening breaks the seals ({seals}). Say why, and in what state the seals were.",
            ).format(seals=shown),
            translate("SampleActionDialog", "&Open"),
            parent,
        )
        dialog.add_field(
            "purpose",
            translate("SampleActionDialog", "&Purpose:"),
            required_text(translate("SampleActionDialog", "purpose"), 500),
        )
        dialog.add_choice(
            "seal_intact",
            translate("SampleActionDialog", "&Seals were:"),
            [
                (translate("SampleActionDialog", "the state of the seals"), None),
                (translate("SampleActionDialog", "Intact"), True),
                (translate("SampleActionDialog", "Broken or tampered with"), False),
            ],
        )
        return dialog

    @classmethod
    def reweigh(
        cls, code: str, current: Decimal, balance: str, parent: Any = None
    ) -> SampleActionDialog:
        dialog = cls(
            translate("SampleActionDialog", "Re-weigh {code}").format(code=code),
            translate(
                "SampleActionDialog",
                "Recorded net weight: {weight} g (balance {balance}). A change beyond the "
                "lab's tolerance is flagged.",
            ).format(weight=format_grams(current), balance=balance),
            translate("SampleActionDialog", "&Record weight"),
            parent,
        )
        dialog.add_field(
            "weight",
            translate("SampleActionDialog", "Net &weight (g):"),
            weight(translate("SampleActionDialog", "net weight")),
            placeholder="12.3456",
        )
        dialog.add_field(
            "balance",
            translate("SampleActionDialog", "&Balance ID:"),
            required_text(translate("SampleActionDialog", "balance ID"), 64),
            text=balance,
        )
        return dialog
