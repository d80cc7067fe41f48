"""The Admin view: users (add with the passphrase rules, reset, deactivate, unlock), role-aware
buttons, and a model check of every table."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from ui_support import SUPERVISOR, make_ctx

from custody import demo
from custody.context import AppContext
from custody.domain.enums import LocationKind
from custody.errors import AuthenticationFailed
from custody.services import lab, locations, users
from custody.services.locations import LocationView
from custody.ui.dialogs.user_account import UserAccountDialog
from custody.ui.views.admin import AdminView
from custody.ui.views.admin_locations import LocationsTab
from custody.ui.views.admin_users import UsersTab

GOOD = "violet canyon under nine moons"
CLERK = demo.DEMO_USERS[2]


@pytest.fixture
def ctx(own_demo: AppContext) -> AppContext:
    return own_demo


def _view(qtbot: QtBot, ctx: AppContext, tmp_path: Path) -> AdminView:
    view = AdminView(
        ctx,
        ctx.query(lab.lab),
        settings_path=tmp_path / "cfg" / "settings.json",
        printer_names=["Office-Laser"],
    )
    qtbot.addWidget(view)
    return view


def _all(tab: LocationsTab) -> list[LocationView]:
    return [tab.model.record(r) for r in range(tab.model.rowCount())]


def _select(tab: UsersTab, username: str) -> None:
    tab.select_where(lambda u: u.username == username)
    chosen = tab.current()
    assert chosen is not None and chosen.username == username


def _user(ctx: AppContext, username: str) -> users.UserView:
    return next(u for u in ctx.query(users.list_users) if u.username == username)


def test_every_table_passes_the_model_tester(
    qtbot: QtBot, qtmodeltester: ModelTester, ctx: AppContext, tmp_path: Path
) -> None:
    view = _view(qtbot, ctx, tmp_path)
    assert view.tabs.count() == 8
    view.consignees.dea_button.click()  # the demo has no consignees nor calibrations
    view.printers.save_button.click()
    for tab in (view.users, view.locations, view.consignees, view.printers):
        assert tab.model.rowCount() > 0, tab.message.text()
        qtmodeltester.check(tab.model)
    # Another workstation adds a location: F5 (or showing the tab) reads the list again.
    ctx.perform("add", lambda w: locations.add_location(w, "ROOM-9", "Room 9", LocationKind.ROOM))
    view.tabs.setCurrentWidget(view.locations)
    assert "ROOM-9" in {r.code for r in _all(view.locations)}
    ctx.perform("add", lambda w: locations.add_location(w, "ROOM-10", "Room 10", LocationKind.ROOM))
    with qtbot.waitActive(view):
        view.show()
        view.activateWindow()
    view.locations.table.setFocus()
    qtbot.keyClick(view.locations.table, Qt.Key.Key_F5)
    assert "ROOM-10" in {r.code for r in _all(view.locations)}
    names = [view.users.model.index(r, 1).data() for r in range(view.users.model.rowCount())]
    assert {u.username for u in demo.DEMO_USERS} <= set(names)


def test_add_user_refuses_a_weak_passphrase_then_the_user_signs_in(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path
) -> None:
    view = _view(qtbot, ctx, tmp_path)
    qtbot.mouseClick(view.users.add_button, Qt.MouseButton.LeftButton)
    dialog = view.users.dialog
    assert isinstance(dialog, UserAccountDialog) and dialog.isVisible()
    qtbot.keyClicks(dialog.full_name, "Ana Torres Vega")
    qtbot.keyClicks(dialog.institution, "State Crime Lab")
    qtbot.keyClicks(dialog.username_edit, "atorres")
    dialog.role_combo.setCurrentIndex(dialog.role_combo.findData(users.Role.TECHNICIAN))
    qtbot.keyClicks(dialog.passphrase, "short pass")
    assert "at least 15 characters" in dialog.rules.text()  # shown as you type
    qtbot.keyClicks(dialog.confirm, "short pass")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "at least 15 characters" in dialog.message.text()
    assert "atorres" not in {u.username for u in ctx.query(users.list_users)}

    dialog.passphrase.clear()
    dialog.confirm.clear()
    qtbot.keyClicks(dialog.passphrase, GOOD)
    assert "type it again" in dialog.rules.text()
    qtbot.keyClicks(dialog.confirm, GOOD)
    assert dialog.rules.property("ok") is True
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert "atorres added" in view.users.message.text()
    chosen = view.users.current()
    assert chosen is not None and chosen.username == "atorres"
    added = _user(ctx, "atorres")
    assert added.role == users.Role.TECHNICIAN and added.institution == "State Crime Lab"

    other = make_ctx(ctx.url)
    try:
        assert other.sign_in("atorres", GOOD).username == "atorres"
    finally:
        other.close()


def test_reset_passphrase_and_deactivate_reactivate(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path
) -> None:
    view = _view(qtbot, ctx, tmp_path)
    tab = view.users
    _select(tab, CLERK.username)
    qtbot.mouseClick(tab.reset_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert dialog.username == CLERK.username and not dialog.full_name.isVisible()
    qtbot.keyClicks(dialog.passphrase, GOOD)
    qtbot.keyClicks(dialog.confirm, GOOD + "x")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert "differ" in dialog.message.text()
    dialog.confirm.setText(GOOD)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert "New passphrase set for clerk" in tab.message.text()
    other = make_ctx(ctx.url)
    try:
        with pytest.raises(AuthenticationFailed):
            other.sign_in(CLERK.username, CLERK.password)
        other.sign_in(CLERK.username, GOOD)

        assert tab.active_button.text().replace("&", "") == "Deactivate"
        qtbot.mouseClick(tab.active_button, Qt.MouseButton.LeftButton)
        assert tab.message.property("ok") is True, tab.message.text()
        assert not _user(ctx, CLERK.username).active
        assert tab.model.index(_row(tab, CLERK.username), 3).data() == "no"
        with pytest.raises(AuthenticationFailed, match="deactivated"):
            other.sign_in(CLERK.username, GOOD)
        assert tab.active_button.text().replace("&", "") == "Reactivate"
        qtbot.mouseClick(tab.active_button, Qt.MouseButton.LeftButton)
        assert _user(ctx, CLERK.username).active
        other.sign_in(CLERK.username, GOOD)
    finally:
        other.close()

    # The supervisor cannot deactivate herself: the refusal is shown, nothing changes.
    _select(tab, SUPERVISOR.username)
    qtbot.mouseClick(tab.active_button, Qt.MouseButton.LeftButton)
    assert tab.message.property("ok") is False
    assert "your own account" in tab.message.text()
    assert _user(ctx, SUPERVISOR.username).active


def _row(tab: UsersTab, username: str) -> int:
    return next(r for r in range(tab.model.rowCount()) if tab.model.record(r).username == username)


def test_a_locked_account_is_unlocked(qtbot: QtBot, ctx: AppContext, tmp_path: Path) -> None:
    other = make_ctx(ctx.url)
    try:
        for _ in range(users.MAX_FAILURES):
            with pytest.raises(AuthenticationFailed):
                other.sign_in(CLERK.username, "not the passphrase at all")
        with pytest.raises(AuthenticationFailed, match="locked"):
            other.sign_in(CLERK.username, CLERK.password)
        view = _view(qtbot, ctx, tmp_path)
        tab = view.users
        assert tab.model.index(_row(tab, CLERK.username), 4).data() == "locked"
        _select(tab, CLERK.username)
        assert tab.active_button.text().replace("&", "") == "Unlock"
        qtbot.mouseClick(tab.active_button, Qt.MouseButton.LeftButton)
        assert "unlocked" in tab.message.text()
        assert not _user(ctx, CLERK.username).locked
        other.sign_in(CLERK.username, CLERK.password)
    finally:
        other.close()


def test_buttons_follow_the_role(qtbot: QtBot, ctx: AppContext, tmp_path: Path) -> None:
    ctx.sign_in(CLERK.username, CLERK.password)
    view = _view(qtbot, ctx, tmp_path)
    _select(view.users, SUPERVISOR.username)
    for button in (view.users.add_button, view.users.reset_button, view.users.active_button):
        assert not button.isEnabled() and "supervisor" in button.toolTip()
    assert not view.consignees.add_button.isEnabled()
    assert not view.consignees.dea_button.isEnabled()
    assert not view.workstation.save_button.isEnabled()
    assert view.locations.add_button.isEnabled()  # clerks manage locations
    assert view.printers.save_button.isEnabled()  # and print labels
