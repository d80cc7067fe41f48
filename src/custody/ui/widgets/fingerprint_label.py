"""A key fingerprint as people compare it: large, fixed-width, in groups of four, selectable.

A fingerprint is read out over the phone or compared against a printed manifest character by
character; a fixed-width font keeps the groups aligned and tells 0 from O and 1 from l.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QLabel

from custody.domain.text import grouped

__all__ = ["FingerprintLabel", "fingerprint_font"]


def fingerprint_font(scale: float = 1.6) -> QFont:
    """A large, bold fixed-width font."""
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setStyleHint(QFont.StyleHint.Monospace)
    font.setPointSizeF(max(font.pointSizeF(), 10.0) * scale)
    font.setWeight(QFont.Weight.Bold)
    return font


class FingerprintLabel(QLabel):
    def __init__(self, name: str, scale: float = 1.6, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setFont(fingerprint_font(scale))
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fingerprint = ""

    def set_fingerprint(self, fingerprint: str, *, empty: str = "") -> None:
        """Show `fingerprint` grouped ("" shows `empty`)."""
        self.fingerprint = fingerprint
        self.setText(grouped(fingerprint) if fingerprint else empty)
