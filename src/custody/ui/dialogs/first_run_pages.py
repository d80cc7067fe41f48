"""The pages of the first-run wizard. Each checks its fields as they are typed and says why a
value is refused (the services check again when the lab is set up)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from custody import keyfile
from custody.domain.ids import InvalidIdError, validate_site_prefix
from custody.domain.label_templates import TEMPLATES
from custody.domain.passwords import PassphraseError, check_passphrase
from custody.errors import ValidationError
from custody.services.lab import DEFAULT_ZONE, validate_zone
from custody.services.users import NewPerson
from custody.ui.error_text import error_text
from custody.ui.labels import stock_title
from custody.ui.naming import zone_names

DEFAULT_TEMPLATE = "thermal-2x1-203"
_MAX_USERNAME = 64


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def _username_ok(name: str) -> bool:
    """The service's user-name rule, checked while typing (the service has the last word)."""
    return len(name) <= _MAX_USERNAME and all(c.isalnum() or c in "._-" for c in name)


class _Page(QWizardPage):
    """A page with a message area; complete when every field is filled in and acceptable."""

    def __init__(self, title: str, subtitle: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.setTitle(title)
        self.setSubTitle(subtitle)
        self.form = QFormLayout()
        self.message_label = QLabel()
        self.message_label.setObjectName("message")
        self.message_label.setWordWrap(True)
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        self.message_label.setStyleSheet("color: #b00020;")
        self.message_label.hide()
        self.layout_ = QVBoxLayout(self)
        self.layout_.addLayout(self.form)

    def _finish_layout(self) -> None:
        self.layout_.addWidget(self.message_label)
        self.layout_.addStretch(1)

    def _edit(self, name: str, label: str, max_length: int = 200) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setMaxLength(max_length)
        edit.textChanged.connect(self._on_field_changed)
        self.form.addRow(label, edit)
        return edit

    def check(self) -> tuple[bool, list[str]]:
        """(every required field is filled in, the problems to show)."""
        return True, []

    def isComplete(self) -> bool:
        filled, problems = self.check()
        return filled and not problems

    def show_message(self, text: str) -> None:
        self.message_label.setText(text)
        self.message_label.setVisible(bool(text))

    def _on_field_changed(self) -> None:
        self.show_message("\n".join(self.check()[1]))
        self.completeChanged.emit()


class LabPage(_Page):
    def __init__(self, database: str = "", parent: Any = None) -> None:
        super().__init__(
            self.tr("Your lab"),
            self.tr("The lab's name and its site prefix, which starts every sample ID."),
            parent,
        )
        self.setObjectName("lab_page")
        if database:
            where = QLabel(self.tr("New database: {where}").format(where=database))
            where.setObjectName("database")
            where.setWordWrap(True)
            where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.layout_.insertWidget(0, where)
        self.name_edit = self._edit("lab_name", self.tr("Lab &name:"))
        self.prefix_edit = self._edit("site_prefix", self.tr("&Site prefix:"), 40)
        self.prefix_edit.setPlaceholderText("MX-AICM")
        self.zone_combo = QComboBox()
        self.zone_combo.setObjectName("timezone")
        self.zone_combo.setEditable(True)
        self.zone_combo.addItems(zone_names())
        self.zone_combo.setCurrentText(DEFAULT_ZONE)
        completer = QCompleter(self.zone_combo.model(), self.zone_combo)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.zone_combo.setCompleter(completer)  # "mexico" finds America/Mexico_City
        self.zone_combo.currentTextChanged.connect(self._on_field_changed)
        self.form.addRow(self.tr("&Time zone:"), self.zone_combo)
        self.example_label = QLabel()
        self.example_label.setObjectName("example")
        self.form.addRow("", self.example_label)
        self._finish_layout()
        demo = QLabel(
            self.tr("Only trying Custody out? Cancel, then start it with: custody --demo")
        )
        demo.setWordWrap(True)
        self.layout_.addWidget(demo)

    def lab_name(self) -> str:
        return " ".join(self.name_edit.text().split())

    def site_prefix(self) -> str:
        return self.prefix_edit.text().strip().upper()

    def timezone(self) -> str:
        return self.zone_combo.currentText().strip()

    def check(self) -> tuple[bool, list[str]]:
        problems: list[str] = []
        self.example_label.clear()
        if self.prefix_edit.text().strip():
            try:
                prefix = validate_site_prefix(self.prefix_edit.text())
            except InvalidIdError as error:
                problems.append(_sentence(error_text(error)) + ".")
            else:
                self.example_label.setText(
                    self.tr("Sample IDs will look like {example}").format(
                        example=f"{prefix}-{date.today().year}-000001"
                    )
                )
        try:
            validate_zone(self.timezone())
        except ValidationError as error:
            problems.append(error_text(error))
        return bool(self.lab_name() and self.site_prefix()), problems


class SupervisorPage(_Page):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(
            self.tr("The first supervisor"),
            self.tr(
                "The supervisor manages users, storage and settings. Choose a long passphrase: "
                "a few unrelated words, at least 15 characters."
            ),
            parent,
        )
        self.setObjectName("supervisor_page")
        self.full_name_edit = self._edit("full_name", self.tr("&Full name:"))
        self.institution_edit = self._edit("institution", self.tr("&Institution:"))
        self.position_edit = self._edit("position", self.tr("P&osition:"))
        self.username_edit = self._edit("username", self.tr("&User name:"), _MAX_USERNAME + 8)
        self.passphrase_edit = self._edit("passphrase", self.tr("&Passphrase:"), 1024)
        self.confirm_edit = self._edit("confirm", self.tr("&Repeat it:"), 1024)
        for edit in (self.passphrase_edit, self.confirm_edit):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self._finish_layout()

    def person(self) -> NewPerson:
        return NewPerson(
            self.full_name_edit.text(),
            self.institution_edit.text() or None,
            self.position_edit.text() or None,
        )

    def username(self) -> str:
        return self.username_edit.text().strip().lower()

    def passphrase(self) -> str:
        return self.passphrase_edit.text()

    def forget_passphrase(self) -> None:
        """Clear the secret from the widgets once it has been used."""
        self.passphrase_edit.clear()
        self.confirm_edit.clear()

    def check(self) -> tuple[bool, list[str]]:
        problems: list[str] = []
        if not _username_ok(self.username()):
            problems.append(
                self.tr("The user name must be 1–64 letters, digits, '.', '_' or '-' (no spaces).")
            )
        if self.passphrase():
            try:
                check_passphrase(self.passphrase(), username=self.username())
            except PassphraseError as error:
                problems.append(error_text(error))
        if self.confirm_edit.text() and self.confirm_edit.text() != self.passphrase():
            problems.append(self.tr("The two passphrases differ."))
        filled = all(
            (
                self.full_name_edit.text().strip(),
                self.username(),
                self.passphrase(),
                self.confirm_edit.text() == self.passphrase(),
            )
        )
        return filled, problems


class KeyPage(_Page):
    def __init__(self, key_path: Path | None, parent: Any = None) -> None:
        super().__init__(
            self.tr("The label key"),
            self.tr(
                "Every QR label carries a signature made with this lab's secret label key, so a "
                "forged label, or one from another lab, is recognised even offline."
            ),
            parent,
        )
        self.setObjectName("key_page")
        self.key_path = key_path
        where = QLabel(
            self.tr(
                "The key is created when you finish, in a file only your user account can read "
                "(it is never stored in the database):"
            )
        )
        where.setWordWrap(True)
        self.path_label = QLabel(str(key_path) if key_path else self.tr("(no place for it)"))
        self.path_label.setObjectName("key_path")
        self.path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        backup = QLabel(
            self.tr(
                "Back this file up together with the database. Without it, printed labels can "
                "no longer be checked, and it can never be made again."
            )
        )
        backup.setWordWrap(True)
        self.backup_check = QCheckBox(self.tr("I will &back the label key up with the database"))
        self.backup_check.setObjectName("backup_ack")
        self.backup_check.toggled.connect(self._on_field_changed)
        for widget in (where, self.path_label, backup, self.backup_check):
            self.layout_.addWidget(widget)
        self._finish_layout()

    def initializePage(self) -> None:
        self._on_field_changed()

    def check(self) -> tuple[bool, list[str]]:
        return self.backup_check.isChecked(), [p for p in [self.path_problem()] if p]

    def path_problem(self) -> str | None:
        """Why the key cannot be created at its place (checked before the lab is set up)."""
        path = self.key_path
        if path is None:
            return self.tr(
                "This database is not a file on this computer, so the key cannot be kept beside "
                "it. Set {env} to the key file shared by this lab's workstations, then start "
                "Custody again."
            ).format(env=keyfile.ENV)
        if path.exists():
            return self.tr(
                "A label key exists already at {path}; it belongs to another lab database. Move "
                "it away, or set {env} to a new file, then start Custody again."
            ).format(path=path, env=keyfile.ENV)
        if not path.parent.is_dir():
            return self.tr("The folder for the label key does not exist: {folder}").format(
                folder=path.parent
            )
        return None


class PrinterPage(_Page):
    """The commit page: its button sets the lab up (see FirstRunWizard.set_up)."""

    def __init__(
        self,
        printers: list[str],
        template: str | None,
        commit: Callable[[], bool],
        parent: Any = None,
    ) -> None:
        super().__init__(
            self.tr("Printing labels"),
            self.tr("This workstation's label printer and label size; you can change both later."),
            parent,
        )
        self.setObjectName("printer_page")
        self._commit = commit
        self.printer_combo = QComboBox()
        self.printer_combo.setObjectName("printer")
        self.printer_combo.addItem(self.tr("No default printer (choose when printing)"), None)
        for name in printers:
            self.printer_combo.addItem(name, name)
        if printers:
            self.printer_combo.setCurrentIndex(1)
        self.template_combo = QComboBox()
        self.template_combo.setObjectName("template")
        for name, template_ in TEMPLATES.items():
            self.template_combo.addItem(stock_title(template_), name)
        index = self.template_combo.findData(template or DEFAULT_TEMPLATE)
        self.template_combo.setCurrentIndex(max(index, 0))
        self.form.addRow(self.tr("&Printer:"), self.printer_combo)
        self.form.addRow(self.tr("&Label template:"), self.template_combo)
        self._finish_layout()
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Set up the lab"))

    def printer(self) -> str | None:
        return self.printer_combo.currentData()

    def template(self) -> str:
        return str(self.template_combo.currentData())

    def validatePage(self) -> bool:
        return self._commit()


class DonePage(_Page):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(
            self.tr("The lab is set up"),
            self.tr("You are signed in as its supervisor."),
            parent,
        )
        self.setObjectName("done_page")
        self.summary_label = QLabel()
        self.summary_label.setObjectName("summary")
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextFormat(Qt.TextFormat.PlainText)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.layout_.addWidget(self.summary_label)
        self._finish_layout()
