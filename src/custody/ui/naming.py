"""Small shared helpers of the UI: `named(widget, name)` (a widget with its objectName set, in
one expression; tests and shortcuts find widgets by it) and `zone_names()`."""

from __future__ import annotations

import functools
import zoneinfo
from typing import TypeVar

from PySide6.QtCore import QObject

__all__ = ["named", "zone_names"]

W = TypeVar("W", bound=QObject)


def named(widget: W, name: str) -> W:
    widget.setObjectName(name)
    return widget


@functools.cache
def zone_names() -> tuple[str, ...]:
    """Every IANA time zone name, sorted; read from the system once (it walks the tz database,
    ~17 ms) however many forms offer a zone."""
    return tuple(sorted(zoneinfo.available_timezones()))
