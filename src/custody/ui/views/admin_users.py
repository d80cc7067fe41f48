"""Admin › Users: the accounts, add one, set a new passphrase, deactivate / reactivate / unlock."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout

from custody.context import AppContext
from custody.domain.permissions import Action
from custody.services import users
from custody.services.users import UserView
from custody.ui.dialogs.user_account import UserAccountDialog
from custody.ui.i18n import translate
from custody.ui.labels import role_label
from custody.ui.views.admin_support import RecordTab, allow


def _cells(view: UserView) -> Sequence[str]:
    return (
        view.full_name,
        view.username or "—",
        role_label(view.role) if view.role else "—",
        translate("UsersTab", "yes") if view.active else translate("UsersTab", "no"),
        translate("UsersTab", "locked") if view.locked else "",
    )


class UsersTab(RecordTab[UserView]):
    """Users with an account (people without one are witnesses, couriers…: not listed)."""

    def __init__(self, ctx: AppContext, parent: Any = None) -> None:
        headers = [
            self.tr("Name"),
            self.tr("User name"),
            self.tr("Role"),
            self.tr("Active"),
            self.tr("Locked"),
        ]
        load = lambda w: [u for u in users.list_users(w) if u.username]  # noqa: E731
        super().__init__(ctx, headers, _cells, load, parent)
        self.add_button = QPushButton(self.tr("&Add user…"))
        self.reset_button = QPushButton(self.tr("&Reset passphrase…"))
        self.active_button = QPushButton(self.tr("&Deactivate"))
        for button, name in (
            (self.add_button, "add_user"),
            (self.reset_button, "reset_password"),
            (self.active_button, "toggle_active"),
        ):
            button.setObjectName(name)
        self.add_button.clicked.connect(self._on_add_clicked)
        self.reset_button.clicked.connect(self._on_reset_clicked)
        self.active_button.clicked.connect(self._on_active_clicked)
        row = QHBoxLayout()
        for button in (self.add_button, self.reset_button, self.active_button):
            row.addWidget(button)
        row.addStretch()
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.table)
        layout.addWidget(self.message)
        self._allowed = allow(
            self.add_button,
            ctx,
            Action.MANAGE_USERS,
            self.tr("Only a supervisor manages user accounts."),
        )
        self.refresh()
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self._on_selection_changed()

    def refresh(self) -> None:
        super().refresh()
        if hasattr(self, "active_button"):
            self._on_selection_changed()

    def _on_selection_changed(self, *_: object) -> None:
        user = self.current()
        chosen = user is not None and self._allowed
        self.reset_button.setEnabled(chosen)
        self.active_button.setEnabled(chosen)
        if user is not None and not user.active:
            self.active_button.setText(self.tr("Re&activate"))
        elif user is not None and user.locked:
            self.active_button.setText(self.tr("&Unlock"))
        else:
            self.active_button.setText(self.tr("&Deactivate"))
        if not self._allowed:
            for button in (self.reset_button, self.active_button):
                button.setToolTip(self.tr("Only a supervisor manages user accounts."))

    def _reselect(self, username: str | None) -> None:
        self.refresh()
        self.select_where(lambda u: u.username == username)

    def _open(self, username: str | None) -> UserAccountDialog:
        """Open the account dialog (window-modal, not blocking); kept in `self.dialog`."""
        self.dialog = UserAccountDialog(self.ctx, username, parent=self)
        self.dialog.accepted.connect(self._on_dialog_accepted)
        self.dialog.open()
        return self.dialog

    def _on_add_clicked(self) -> None:
        self._open(None)

    def _on_reset_clicked(self) -> None:
        user = self.current()
        if user is not None and user.username is not None:
            self._open(user.username)

    def _on_dialog_accepted(self) -> None:
        dialog = self.dialog
        if dialog.saved is not None:
            self._reselect(dialog.saved.username)
            self.say(self.tr("User {user} added.").format(user=dialog.saved.username), ok=True)
        else:
            self.say(
                self.tr("New passphrase set for {user}.").format(user=dialog.username), ok=True
            )

    def _on_active_clicked(self) -> None:
        user = self.current()
        if user is None or user.username is None:
            return
        # Reactivating also clears a lockout (that is how the service unlocks an account).
        active = not user.active or user.locked
        done = self.attempt(
            "activate user" if active else "deactivate user",
            partial(users.set_active, username=user.username, active=active),
        )
        if done is None:
            return
        self._reselect(done.username)
        if not active:
            text = self.tr("{user} is deactivated and can no longer sign in.")
        elif user.locked:
            text = self.tr("{user} is unlocked.")
        else:
            text = self.tr("{user} is active again.")
        self.say(text.format(user=done.username), ok=True)
