"""The result card of the scan station: what was scanned, what happened, what can be done now.

Readable from a step away: the ID in large type, the outcome as a coloured frame *and* a word
(accepted / check / refused — never colour alone), the sample's description, status, location,
holder and seals, its first photo, and one button per action allowed now. Buttons take no focus
from a click, so the scan field keeps it; each has an Alt mnemonic for the keyboard.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QPixmap
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from custody.services.views import SampleView
from custody.ui.labels import status_label

__all__ = ["PHOTO_SIZE", "ScanCard", "Verdict"]

PHOTO_SIZE = 180


class Verdict(StrEnum):
    IDLE = "idle"
    ACCEPTED = "accepted"
    WARNING = "warning"  # recorded, but look: an extra or duplicate container
    REFUSED = "refused"


_COLOURS = {  # background, border, text of the verdict word
    Verdict.IDLE: ("#f5f5f5", "#9e9e9e", "#424242"),
    Verdict.ACCEPTED: ("#e6f4ea", "#1e6b34", "#1e6b34"),
    Verdict.WARNING: ("#fff4e0", "#b26a00", "#8a5100"),
    Verdict.REFUSED: ("#fdecea", "#b00020", "#8c1d18"),
}


def _label(name: str, scale: float, *, bold: bool = False, wrap: bool = True) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # selecting text leaves the scan field focused
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(bold)
    label.setFont(font)
    return label


class ScanCard(QFrame):
    action_clicked = Signal(str)  # the key of the action button pressed

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("scan_card")
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)
        self.verdict = Verdict.IDLE
        self.sample: SampleView | None = None
        self.verdict_label = _label("card_verdict", 1.3, bold=True)
        self.headline = _label("card_headline", 2.6, bold=True)
        self.message = _label("card_message", 1.5)
        self.hazard = _label("card_hazard", 1.3, bold=True)
        self.hazard.setText(
            self.tr("POSIBLE FENTANILO / POSSIBLE FENTANYL — NO ABRIR / DO NOT OPEN")
        )
        self.hazard.setStyleSheet("color: #b00020;")
        self.hazard.hide()
        self.photo = QLabel()
        self.photo.setObjectName("card_photo")
        self.photo.setFixedSize(PHOTO_SIZE, PHOTO_SIZE)
        self.photo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.photo.hide()

        self._details = QWidget()
        form = QFormLayout(self._details)
        form.setContentsMargins(0, 8, 0, 0)
        form.setHorizontalSpacing(16)
        self.description = _label("card_description", 1.35)
        self.status = _label("card_status", 1.35, bold=True)
        self.location = _label("card_location", 1.35)
        self.holder = _label("card_holder", 1.35)
        self.seals = _label("card_seals", 1.35)
        for caption, value in (
            (self.tr("Description:"), self.description),
            (self.tr("Status:"), self.status),
            (self.tr("Location:"), self.location),
            (self.tr("Holder:"), self.holder),
            (self.tr("Seals:"), self.seals),
        ):
            title = _label("", 1.2, wrap=False)
            title.setText(caption)
            form.addRow(title, value)

        self._actions = QHBoxLayout()
        self._actions.setSpacing(12)
        self._actions.addStretch(1)
        self._buttons: dict[str, QPushButton] = {}

        text = QVBoxLayout()
        text.addWidget(self.verdict_label)
        text.addWidget(self.headline)
        text.addWidget(self.hazard)
        text.addWidget(self.message)
        text.addWidget(self._details)
        text.addStretch(1)
        top = QHBoxLayout()
        top.addLayout(text, 1)
        top.addWidget(self.photo, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addLayout(top, 1)
        layout.addLayout(self._actions)
        self.clear(self.tr("Ready"), self.tr("Scan a label."))

    # --- what it shows --------------------------------------------------------------------

    def clear(self, headline: str, message: str) -> None:
        self.show_message(Verdict.IDLE, headline, message)

    def show_message(
        self,
        verdict: Verdict,
        headline: str,
        message: str,
        actions: Sequence[tuple[str, str]] = (),
    ) -> None:
        """A scan that is not (only) a sample: a location, a shipment, a refusal."""
        self.sample = None
        self._details.hide()
        self.hazard.hide()
        self.photo.hide()
        self._show(verdict, headline, message, actions)

    def show_sample(
        self,
        verdict: Verdict,
        sample: SampleView,
        message: str,
        *,
        photo: QPixmap | None = None,
        actions: Sequence[tuple[str, str]] = (),
    ) -> None:
        """A sample: its ID large, the facts a clerk checks, its first photo if it has one."""
        self.sample = sample
        self.description.setText(sample.description)
        self.hazard.setVisible(sample.hazard)
        self.status.setText(status_label(sample.status))
        self.location.setText(sample.location or self.tr("—"))
        self.holder.setText(sample.holder or self.tr("nobody (in storage or in transit)"))
        self.seals.setText(", ".join(sample.seals) or self.tr("none intact"))
        self._details.show()
        if photo is not None and not photo.isNull():
            self.photo.setPixmap(
                photo.scaled(
                    PHOTO_SIZE,
                    PHOTO_SIZE,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
            self.photo.show()
        else:
            self.photo.clear()
            self.photo.hide()
        self._show(verdict, sample.code, message, actions)

    def action_buttons(self) -> dict[str, QPushButton]:
        return dict(self._buttons)

    # --- internals ------------------------------------------------------------------------

    def _show(
        self, verdict: Verdict, headline: str, message: str, actions: Sequence[tuple[str, str]]
    ) -> None:
        self.verdict = verdict
        self.setProperty("verdict", verdict.value)
        words = {
            Verdict.IDLE: "",
            Verdict.ACCEPTED: self.tr("✔ ACCEPTED"),
            Verdict.WARNING: self.tr("⚠ CHECK"),
            Verdict.REFUSED: self.tr("✖ REFUSED"),
        }
        self.verdict_label.setText(words[verdict])
        self.verdict_label.setVisible(verdict is not Verdict.IDLE)
        self.headline.setText(headline)
        self.message.setText(message)
        background, border, ink = _COLOURS[verdict]
        self.setStyleSheet(
            f"#scan_card {{ background: {background}; border: 4px solid {border};"
            f" border-radius: 8px; }} #card_verdict {{ color: {ink}; }}"
        )
        self._set_actions(actions)

    def _set_actions(self, actions: Sequence[tuple[str, str]]) -> None:
        for button in self._buttons.values():
            self._actions.removeWidget(button)
            button.hide()
            button.deleteLater()
        self._buttons = {}
        for key, text in actions:
            button = QPushButton(text)
            button.setObjectName(f"action_{key}")
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # a click leaves the scan field focused
            button.setAutoDefault(False)
            font = QFont(button.font())
            font.setPointSizeF(font.pointSizeF() * 1.3)
            button.setFont(font)
            button.setMinimumHeight(44)
            button.clicked.connect(lambda _=False, k=key: self.action_clicked.emit(k))
            self._actions.insertWidget(len(self._buttons), button)  # before the stretch
            self._buttons[key] = button
