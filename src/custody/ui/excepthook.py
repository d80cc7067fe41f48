"""Bugs go to a crash dialog: `sys.excepthook` → signal → dialog on the GUI thread.

The hook may run on any thread (Python threads report through `threading.excepthook`); the
signal is delivered to the GUI thread by Qt's queued connection, where the dialog is shown.
"""

from __future__ import annotations

import sys
import threading
import traceback
from types import TracebackType
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from custody import __version__
from custody.ui.dialogs.crash import CrashDialog


class ExceptHook(QObject):
    crashed = Signal(str)  # formatted details

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.dialog: CrashDialog | None = None
        self._previous: tuple[Any, Any] | None = None
        self.crashed.connect(self._on_self_crashed)

    def install(self) -> None:
        self._previous = (sys.excepthook, threading.excepthook)
        sys.excepthook = self.handle
        threading.excepthook = self._handle_thread

    def uninstall(self) -> None:
        if self._previous is not None:
            sys.excepthook, threading.excepthook = self._previous
            self._previous = None

    def handle(
        self,
        kind: type[BaseException],
        value: BaseException,
        tb: TracebackType | None,
    ) -> None:
        if issubclass(kind, KeyboardInterrupt | SystemExit):
            sys.__excepthook__(kind, value, tb)
            return
        details = f"Custody {__version__}\n" + "".join(traceback.format_exception(kind, value, tb))
        print(details, file=sys.stderr, flush=True)  # the log keeps it even if the GUI is stuck
        self.crashed.emit(details)

    def _handle_thread(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None:
            return
        self.handle(args.exc_type, args.exc_value, args.exc_traceback)

    @Slot(str)
    def _on_self_crashed(self, details: str) -> None:
        if self.dialog is not None and self.dialog.isVisible():
            return  # one dialog at a time; every report is on stderr
        self.dialog = CrashDialog(details)
        self.dialog.setModal(True)
        self.dialog.show()
