"""MainWindow shows the actions the signed-in role may take (the services check again)."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from ui_support import SUPERVISOR, make_ctx

from custody.demo import DEMO_USERS
from custody.domain.enums import Role
from custody.services import lab, users
from custody.services.users import NewPerson
from custody.ui.main_window import MainWindow

AUDITOR_PASSWORD = "granite orchard quietly hums"


def open_window(qtbot, tmp_path: Path, demo_url: str, username: str, password: str) -> MainWindow:
    path = tmp_path / "lab.sqlite"
    with (
        closing(sqlite3.connect(demo_url.split(":///", 1)[1])) as source,
        closing(sqlite3.connect(path)) as dest,
    ):
        source.backup(dest)
    ctx = make_ctx(f"sqlite+pysqlite:///{path}")
    ctx.sign_in(SUPERVISOR.username, SUPERVISOR.password)
    ctx.perform(
        "add user",
        lambda w: users.add_user(
            w, NewPerson("Auditora Externa"), "auditor", Role.AUDITOR, AUDITOR_PASSWORD
        ),
    )
    ctx.sign_in(username, password)
    window = MainWindow(ctx, ctx.query(lab.lab))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.table.selectRow(0)
    return window


def test_an_auditor_gets_no_print_labels_action(qtbot, tmp_path: Path, demo_url: str) -> None:
    window = open_window(qtbot, tmp_path, demo_url, "auditor", AUDITOR_PASSWORD)
    assert window.table.selectionModel().selectedRows()
    action = window.print_labels_action
    assert not action.isVisible()
    assert not action.isEnabled()  # a selection does not enable a hidden action
    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.keyClick(window.table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.wait(50)
    assert window.findChildren(QDialog) == []  # Ctrl+P opened nothing
    window.ctx.close()


def test_a_clerk_may_print_labels(qtbot, tmp_path: Path, demo_url: str) -> None:
    clerk = DEMO_USERS[2]
    window = open_window(qtbot, tmp_path, demo_url, clerk.username, clerk.password)
    action = window.print_labels_action
    assert action.isVisible()
    assert action.isEnabled()  # a sample is selected
    window.ctx.close()


def _tabs(window: MainWindow) -> list[str]:
    return [window.tabs.tabText(i) for i in range(window.tabs.count())]


def test_each_role_gets_its_views(qtbot, tmp_path: Path, demo_url: str) -> None:
    everyone = ["Samples", "Scan station", "Sample detail", "Shipments"]
    expected = {
        "supervisor": [*everyone[:3], "Intake", "Shipments", "Audit", "Dashboard", "Reports"],
        "technician": [*everyone[:3], "Intake", "Shipments"],
        "clerk": everyone,
        "auditor": [*everyone, "Audit", "Dashboard", "Reports"],
    }
    expected["supervisor"].append("Admin")
    passwords = {user.username: user.password for user in DEMO_USERS}
    passwords["auditor"] = AUDITOR_PASSWORD
    for username, views in expected.items():
        (tmp_path / username).mkdir()
        window = open_window(qtbot, tmp_path / username, demo_url, username, passwords[username])
        assert _tabs(window) == views, username
        assert (window.reports is not None) == ("Reports" in views)
        window.ctx.close()
