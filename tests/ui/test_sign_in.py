"""SignInDialog with the real sign-in service: a refusal keeps it open, success accepts it."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt
from ui_support import SUPERVISOR

from custody.app import attempt_sign_in, demo_hint
from custody.context import AppContext
from custody.demo import DEMO_USERS
from custody.ui.dialogs.sign_in import SignInDialog


def open_dialog(qtbot, ctx: AppContext, hint: str = "") -> SignInDialog:
    dialog = SignInDialog("Laboratorio Central (demo)", hint)
    qtbot.addWidget(dialog)
    dialog.submitted.connect(partial(attempt_sign_in, ctx, dialog))
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_wrong_password_is_refused_then_right_one_accepted(qtbot, demo_ctx: AppContext) -> None:
    dialog = open_dialog(qtbot, demo_ctx)
    qtbot.keyClicks(dialog.username_edit, SUPERVISOR.username)
    qtbot.keyClicks(dialog.password_edit, "not the password")
    with qtbot.assertNotEmitted(dialog.accepted):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.message_label.isVisible()
    assert dialog.message_label.text() == "Wrong user name or password."
    assert dialog.password_edit.text() == ""  # cleared for another try
    assert demo_ctx.actor is None

    qtbot.keyClicks(dialog.password_edit, SUPERVISOR.password)
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert demo_ctx.actor is not None
    assert demo_ctx.actor.username == SUPERVISOR.username


def test_return_in_the_password_field_signs_in(qtbot, demo_ctx: AppContext) -> None:
    dialog = open_dialog(qtbot, demo_ctx)
    qtbot.keyClicks(dialog.username_edit, "  Clerk ")  # the service normalises the user name
    qtbot.keyClicks(dialog.password_edit, DEMO_USERS[2].password)
    with qtbot.waitSignal(dialog.submitted) as submitted, qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    assert submitted.args == ["Clerk", DEMO_USERS[2].password]
    assert demo_ctx.actor is not None and demo_ctx.actor.username == "clerk"


def test_unknown_user_gets_the_same_message(qtbot, demo_ctx: AppContext) -> None:
    dialog = open_dialog(qtbot, demo_ctx)
    qtbot.keyClicks(dialog.username_edit, "nobody")
    qtbot.keyClicks(dialog.password_edit, "whatever it is")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.message_label.text() == "Wrong user name or password."
    assert dialog.isVisible()


def test_return_on_empty_fields_asks_for_them_and_never_cancels(
    qtbot, demo_ctx: AppContext
) -> None:
    dialog = open_dialog(qtbot, demo_ctx)
    with qtbot.assertNotEmitted(dialog.submitted), qtbot.assertNotEmitted(dialog.rejected):
        qtbot.keyClick(dialog.username_edit, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.message_label.text() == "Enter your user name."
    qtbot.keyClicks(dialog.username_edit, SUPERVISOR.username)
    dialog.password_edit.setFocus()
    with qtbot.assertNotEmitted(dialog.submitted), qtbot.assertNotEmitted(dialog.rejected):
        qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.message_label.text() == "Enter your password."
    assert demo_ctx.actor is None


def test_cancel_rejects(qtbot, demo_ctx: AppContext) -> None:
    dialog = open_dialog(qtbot, demo_ctx)
    with qtbot.waitSignal(dialog.rejected):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert demo_ctx.actor is None


def test_demo_hint_lists_the_accounts(qtbot, demo_ctx: AppContext) -> None:
    dialog = open_dialog(qtbot, demo_ctx, demo_hint(DEMO_USERS))
    assert dialog.hint_label.isVisible()
    text = dialog.hint_label.text()
    for user in DEMO_USERS:
        assert f"{user.username} / {user.password}" in text
    assert "Supervisor" in text
    plain = open_dialog(qtbot, demo_ctx)
    assert not plain.hint_label.isVisible()


def test_return_signs_in_again_after_a_refusal(qtbot, demo_ctx: AppContext) -> None:
    dialog = open_dialog(qtbot, demo_ctx)
    qtbot.keyClicks(dialog.username_edit, "clerk")
    qtbot.keyClicks(dialog.password_edit, "not the password")
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    assert dialog.message_label.text() == "Wrong user name or password."
    assert dialog.ok_button.isDefault()
    qtbot.keyClicks(dialog.password_edit, DEMO_USERS[2].password)
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    assert demo_ctx.actor is not None and demo_ctx.actor.username == "clerk"
