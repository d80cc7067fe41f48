"""`named(widget, name)`: a widget with its objectName set, in one expression (tests and
shortcuts find widgets by it)."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QObject

__all__ = ["named"]

W = TypeVar("W", bound=QObject)


def named(widget: W, name: str) -> W:
    widget.setObjectName(name)
    return widget
